"""Attribute sites of native methods without loops, whose fast version goes to the generic one
where a read or a float store cannot be done in place: a site seeing more types than its cache
holds, in turn; values that are no fast word (NaN, big ints, strs, bools where floats were
declared); a float shared with another holder; an attribute deleted, found on the class, or
behind a property added later; a class changed between calls; a dynamic subclass."""
import math


class Base:
    def __init__(self, scale: float, count: int) -> None:
        self.scale = scale
        self.count = count

    def weighted(self, factor: float) -> float:
        return self.scale * factor + self.scale

    def counted(self) -> int:
        return self.count * 3 + 1

    def grow(self, by: float) -> None:
        self.scale += by
        self.scale *= 1.5


class A(Base):
    pass


class B(Base):
    def __init__(self, scale: float, count: int) -> None:
        self.extra = "b"
        super().__init__(scale, count)


class C(Base):
    pass


class D(Base):
    pass


class E(Base):
    pass


class F(Base):
    pass


def describe(value: object) -> str:
    return f"{type(value).__name__}:{value!r}"


def attempt(action: str, call: object) -> None:
    try:
        print(action, describe(call() if callable(call) else call))
    except Exception as error:  # the exception CPython raises, by type and message
        print(action, type(error).__name__, error)


shapes = [cls(float(index) + 0.5, index) for index, cls in enumerate([A, B, C, D, E, F] * 3)]
total = 0.0
for shape in shapes:  # six types at each site, round after round: more than its ways
    total += shape.weighted(2.0)
    shape.grow(0.25)
    total += shape.counted()
print(f"{total:.6f}", [f"{shape.scale:.4f}" for shape in shapes[:6]])

odd = A(1.0, 2)
odd.scale = float("nan")
attempt("nan", lambda: odd.weighted(2.0))
odd.scale = 10**30
attempt("big int", lambda: odd.weighted(2.0))
odd.scale = True
attempt("bool", lambda: odd.weighted(2.0))
odd.scale = "text"
attempt("str", lambda: odd.weighted(2.0))
attempt("str grow", lambda: odd.grow(1.0))
odd.scale = -0.0
odd.grow(0.0)
print("negative zero", describe(odd.scale), math.copysign(1.0, odd.scale))
odd.count = 2**70
attempt("big count", odd.counted)
odd.count = False
attempt("bool count", odd.counted)

shared = A(2.0, 1)
held = shared.scale  # the float is shared: a store makes a new one
shared.grow(1.0)
print("shared", held, shared.scale, held is shared.scale)
twin = A(0.0, 0)
twin.scale = shared.scale
twin.grow(1.0)
print("twin", shared.scale, twin.scale)

gone = C(3.0, 4)
del gone.scale
attempt("deleted", lambda: gone.weighted(1.0))
attempt("deleted grow", lambda: gone.grow(1.0))
C.scale = 7.0  # now found on the class
attempt("class attribute", lambda: gone.weighted(1.0))
gone.grow(1.0)  # reads the class's, stores the instance's own
print("after grow", gone.scale, C.scale, vars(gone))
del C.scale

D.scale = property(lambda self: 42.0, lambda self, value: print("set", value))  # before the instance's value
attempt("property", lambda: D(1.0, 1).weighted(1.0))
attempt("property grow", lambda: D(1.0, 1).grow(1.0))
del D.scale
attempt("property gone", lambda: D(1.0, 1).weighted(1.0))

Dynamic = type("Dynamic", (E,), {"weighted": lambda self, factor: Base.weighted(self, factor) * 100})
dynamic = Dynamic(1.25, 5)
attempt("dynamic", lambda: dynamic.weighted(2.0))
attempt("dynamic base", lambda: Base.weighted(dynamic, 2.0))
dynamic.grow(0.5)
print("dynamic grow", dynamic.scale)

as_dict = F(2.5, 3)
as_dict.__dict__["scale"] = 9.5  # its values move into a real dict
attempt("dict", lambda: as_dict.weighted(1.0))
as_dict.grow(0.5)
print("dict grow", as_dict.scale, sorted(vars(as_dict)))


class Circle:
    """Module attributes read in methods without a loop: from the site's cache while the module's
    dict is unchanged."""

    def __init__(self, radius: float) -> None:
        self.radius = radius

    def area(self) -> float:
        return math.pi * self.radius * self.radius

    def diagonal(self) -> float:
        return math.sqrt(2.0) * math.hypot(self.radius, self.radius)


circle = Circle(2.0)
print("area", circle.area(), circle.diagonal())
math.pi = 3  # an int where a float is declared, then a str: CPython does not check
print("int pi", circle.area())
math.pi = "pi"
attempt("str pi", circle.area)
del math.pi
attempt("no pi", circle.area)
math.pi = 3.141592653589793
print("pi again", circle.area())
real_sqrt = math.sqrt
math.sqrt = lambda value: -1.0
print("patched sqrt", circle.diagonal())
math.sqrt = real_sqrt
print("sqrt again", circle.diagonal(), [Circle(float(r)).area() for r in range(3)])
