# inheritance, super(), diamond MRO, class vs instance attributes
class Base:
    count = 0
    tag = "base"
    def __init__(self, name):
        Base.count += 1
        self.name = name
        print(f"Base.__init__({name})")
    def hello(self):
        return f"Base hello from {self.name}"
    def who(self):
        return "Base"

class Left(Base):
    def __init__(self, name):
        print("Left.__init__ start")
        super().__init__(name)
        print("Left.__init__ end")
    def who(self):
        return "Left>" + super().who()

class Right(Base):
    tag = "right"
    def __init__(self, name):
        print("Right.__init__ start")
        super().__init__(name)
        print("Right.__init__ end")
    def who(self):
        return "Right>" + super().who()

class Diamond(Left, Right):
    def __init__(self, name):
        print("Diamond.__init__ start")
        super().__init__(name)
        print("Diamond.__init__ end")
    def who(self):
        return "Diamond>" + super().who()

d = Diamond("d")
print([c.__name__ for c in Diamond.__mro__])
print(d.who(), d.hello(), d.tag, Base.count)
print(isinstance(d, Left), isinstance(d, Right), isinstance(d, Base), issubclass(Diamond, Right), issubclass(Base, Left))
print(type(d).__name__, type(d) is Diamond, Diamond.__bases__ == (Left, Right), Diamond.__name__, Diamond.__qualname__)
r = Right("r")
print(r.who(), Base.count, r.tag, Base.tag)
r.tag = "instance"
print(r.tag, Right.tag, vars(r) == {"name": "r", "tag": "instance"})
del r.tag
print(r.tag)
Right.tag = "changed"
print(r.tag, d.tag, Left("l").tag)
class Counter:
    items = []
    def __init__(self):
        self.own = []
    def add(self, x):
        self.items.append(x)
        self.own.append(x)
c1, c2 = Counter(), Counter()
c1.add(1); c2.add(2)
print(c1.items, c2.items, c1.own, c2.own, c1.items is Counter.items)
class A:
    def m(self): return "A"
class B(A):
    def m(self): return "B" + super().m()
class C(A):
    def m(self): return "C" + super().m()
class D(B, C):
    def m(self): return "D" + super().m()
class E(C):
    def m(self): return "E" + super().m()
class F(D, E):
    def m(self): return "F" + super().m()
print(F().m(), [k.__name__ for k in F.mro()])
print(super(B, D()).m(), super(C, F()).m())
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError", e)
class G:
    def __init__(self):
        self.x = 1
    def method(self):
        return self.x
g = G()
print(g.method(), G.method(g), getattr(g, "x"), getattr(g, "y", "no-y"), hasattr(g, "method"))
setattr(g, "y", 5)
print(g.y, sorted(vars(g)))
try:
    g.zzz
except AttributeError as e:
    print("AttributeError", e)
print(object.__name__, type(G), type(type), isinstance(G, type), G.__module__)
