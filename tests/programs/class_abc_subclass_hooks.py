# abstract base classes, __init_subclass__, class decorators, metaclass basics, __new__
from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return f"{self.name()} with area {self.area():.2f}"

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    def name(self):
        return "square"

class Half(Shape):
    def area(self):
        return 0

try:
    Shape()
except TypeError as e:
    print("TypeError", e)
try:
    Half()
except TypeError as e:
    print("TypeError", e)
sq = Square(3)
print(sq.describe(), isinstance(sq, Shape), sorted(Shape.__abstractmethods__))

class Plugin:
    registry = {}
    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key or cls.__name__.lower()
        Plugin.registry[cls.key] = cls
        print("registered", cls.__name__, "as", cls.key)

class Alpha(Plugin):
    pass
class Beta(Plugin, key="b"):
    pass
class Gamma(Beta, key="g"):
    pass
print(sorted(Plugin.registry), Gamma.key, Beta.key, Plugin.registry["b"].__name__)

def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls

@add_repr
class Rec:
    def __init__(self, a, b):
        self.a, self.b = a, b
print(Rec(1, "two"), [Rec(None, [3])])

class Singleton:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            print("creating instance")
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("init with", v)
        self.v = v
s1 = Singleton(1)
s2 = Singleton(2)
print(s1 is s2, s1.v)

class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["created_by"] = "Meta"
        cls = super().__new__(mcs, name, bases, ns)
        print("Meta created", name, sorted(k for k in ns if not k.startswith("__")))
        return cls
    def __call__(cls, *a):
        print("Meta call", cls.__name__, a)
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def go(self):
        return "go"
class SubMeta(WithMeta):
    extra = 1
obj = SubMeta()
print(obj.go(), obj.created_by, type(SubMeta).__name__, isinstance(SubMeta, Meta))

class PositiveInt(int):
    def __new__(cls, v):
        if v <= 0:
            raise ValueError(f"not positive: {v}")
        return super().__new__(cls, v)
    def __repr__(self):
        return f"PositiveInt({int(self)})"
pi = PositiveInt(5)
print(pi, repr(pi), pi + 1, type(pi + 1).__name__, isinstance(pi, int))
try:
    PositiveInt(-1)
except ValueError as e:
    print("ValueError", e)
class MyList(list):
    def append(self, v):
        super().append(v * 10)
ml = MyList([1])
ml.append(2)
print(ml, len(ml), type(ml).__name__, ml + [3])
class MyDict(dict):
    def __missing__(self, key):
        return f"default-{key}"
md = MyDict(a=1)
print(md["a"], md["zz"], "zz" in md, md)
