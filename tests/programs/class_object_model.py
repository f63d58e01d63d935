# object model details: default eq/hash, __eq__ disables hash, __bool__/__len__ truthiness, __getattribute__/__setattr__/__delattr__, __class_getitem__, __contains__ fallback
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, hash(a) == hash(a), type(hash(a)).__name__, bool(a))
class EqOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, EqOnly) and self.v == o.v
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly.__hash__ is None)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError", e)
class LenOnly:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
class BoolAndLen:
    def __bool__(self): return False
    def __len__(self): return 5
print(bool(LenOnly(0)), bool(LenOnly(3)), bool(BoolAndLen()), len(BoolAndLen()), "yes" if LenOnly(2) else "no")
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
class Audited:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.x = 1
    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
au = Audited()
au.y = [1]
au.x += 10
del au.y
print(au.log, au.x, au.secret, hasattr(au, "y"))
class Registry:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
print(Registry[int], Registry["x"])
class OnlyIter:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in OnlyIter(), 5 in OnlyIter(), list(OnlyIter()), sorted(OnlyIter(), reverse=True))
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print(f"lt({self.v},{o.v})", end=" ")
        return self.v < o.v
    def __gt__(self, o):
        print(f"gt({self.v},{o.v})", end=" ")
        return self.v > o.v
print(Cmp(1) < Cmp(2), Cmp(1) > Cmp(2))
print(sorted([Cmp(3), Cmp(1), Cmp(2)], key=lambda c: c.v)[0].v)
class RAdd:
    def __radd__(self, o):
        return f"radd({o})"
    def __add__(self, o):
        return NotImplemented
print(1 + RAdd(), "s" + RAdd(), [1] + RAdd())
try:
    RAdd() + 1
except TypeError as e:
    print("TypeError", e)
class Base:
    def __eq__(self, o):
        print("Base.__eq__", end=" ")
        return NotImplemented
class Derived(Base):
    def __eq__(self, o):
        print("Derived.__eq__", end=" ")
        return True
print(Base() == Derived())
print(Base() == Base())
class Str:
    def __str__(self): return "S"
class Rep:
    def __repr__(self): return "R"
print(str(Str()).startswith("S"), str(Rep()), repr(Rep()), f"{Rep()}", [Rep()], format(Rep(), ""))
class WithDict:
    cls_attr = 1
w = WithDict()
w.inst = 2
print(sorted(vars(w)), "cls_attr" in vars(WithDict), WithDict.__dict__["cls_attr"], type(WithDict.__dict__).__name__)
print(isinstance(1, object), isinstance(int, object), isinstance(object, type), type(None).__name__, type(NotImplemented).__name__, type(...).__name__)
print(Plain.__name__, Plain.__module__, Plain.__bases__, Plain.__mro__ == (Plain, object), len(Plain.__subclasses__()), object.__subclasses__ is not None)
class Counted:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class SubCounted(Counted):
    pass
Counted(); SubCounted(); SubCounted()
print(Counted.instances, SubCounted.instances, "instances" in SubCounted.__dict__)
