# properties, classmethod/staticmethod, descriptors, __slots__
class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
    @property
    def celsius(self):
        print("get celsius")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("set celsius", v)
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("del celsius")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
print(t._c, type(Temperature.celsius).__name__)

class Pizza:
    registry = []
    def __init__(self, toppings):
        self.toppings = list(toppings)
        Pizza.registry.append(self)
    @classmethod
    def margherita(cls):
        return cls(["mozzarella", "tomato"])
    @staticmethod
    def area(r):
        return round(3.14159 * r * r, 2)
    def __repr__(self):
        return f"{type(self).__name__}({self.toppings!r})"
class Special(Pizza):
    pass
print(Pizza.margherita(), Special.margherita(), Pizza.area(10), Special().area(1) if False else Pizza(["x"]).area(2))
print(len(Pizza.registry), Pizza.registry)

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age, type(Person.name).__name__, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError", e)

class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance"
print(h.attr, Holder.attr)

class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
s = Slotted(1, 2)
s.x = 10
print(s.x, s.y, hasattr(s, "__dict__"), Slotted.__slots__)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError", e)
del s.y
try:
    s.y
except AttributeError as e:
    print("AttributeError", e)
class SubSlotted(Slotted):
    pass
ss = SubSlotted(1, 2)
ss.z = 3
print(ss.z, hasattr(ss, "__dict__"))
class Lazy:
    def __getattr__(self, name):
        return f"<missing {name}>"
lz = Lazy()
lz.real = 1
print(lz.real, lz.anything, getattr(lz, "other"))
