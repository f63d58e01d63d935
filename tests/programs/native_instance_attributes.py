"""Instances of the program's classes in native code: attributes read and written in place in
their inline values, exactly as CPython does when hints lie (ints, big ints and strs in float
fields), attributes are added, deleted or moved into a real dict from outside, the class gains a
property or a __getattribute__ later, subclasses are made at run time, a store runs a finalizer,
and classes keep their attributes elsewhere (__slots__, __getattr__, __setattr__, descriptors)."""
import sys


class Point:
    scale = 2.0  # a class attribute, shadowed by an instance's

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y


class Counter:
    def __init__(self) -> None:
        self.count = 0
        self.flag = False


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y


class Lazy:
    def __init__(self) -> None:
        self.x = 1.0

    def __getattr__(self, name: str) -> float:
        return 42.0


class Logged:
    def __init__(self) -> None:
        self.log: list[str] = []
        self.x = 0.0

    def __setattr__(self, name: str, value: object) -> None:
        if name != "log":
            self.log.append(name)
        object.__setattr__(self, name, value)


class Doubled:
    """A data descriptor: it comes before the instance's value."""

    def __get__(self, obj: object, owner: object = None) -> float:
        return 2.0 * obj.__dict__.get("_x", 0.0) if obj is not None else 0.0  # type: ignore[attr-defined]

    def __set__(self, obj: object, value: float) -> None:
        obj.__dict__["_x"] = value  # type: ignore[attr-defined]


class Noisy:
    def __init__(self, sink: list[str]) -> None:
        self.sink = sink

    def __del__(self) -> None:
        self.sink.append("finalized")


class Holder:
    def __init__(self, value: object) -> None:
        self.value = value
        self.x = 0.0


def norm2(p: Point) -> float:
    return p.x * p.x + p.y * p.y


def move(p: Point, dx: float, dy: float) -> None:
    p.x += dx
    p.y += dy


def set_x(p: Point, x: float) -> None:
    p.x = x


def scaled_x(p: Point) -> float:
    return p.x * p.scale


def bump(c: Counter, times: int) -> int:
    for _ in range(times):
        c.count += 1
        c.flag = not c.flag
    return c.count


def slotted_sum(s: Slotted) -> float:
    s.x += 1.0
    return s.x + s.y


def lazy_sum(o: Lazy) -> float:
    return o.x + o.y  # type: ignore[attr-defined]


def logged_store(o: Logged, x: float) -> float:
    o.x = x
    o.x += 1.0
    return o.x


def replace_value(h: Holder, value: str) -> None:
    h.value = value


def float_store_then_read(h: Holder, x: float) -> float:
    h.x = x
    kept = h.x
    h.x = x * 2.0
    return kept + h.x


def show(label: str, value: object) -> None:
    print(label, repr(value))


def main() -> None:
    p = Point(3.0, 4.0)
    show("norm2", norm2(p))
    move(p, 1.0, 1.0)
    show("moved", vars(p))
    for x in (5, 10**30, True, -0.0, float("nan")):  # lying values in a float field
        set_x(p, x)  # type: ignore[arg-type]
        show("set_x", (p.x, type(p.x).__name__))
    p.x = 2**70  # from outside
    show("big norm2", norm2(p))
    p.y = "s"  # type: ignore[assignment]
    try:
        norm2(p)
    except TypeError as error:
        show("TypeError", str(error))
    p2 = Point(1.5, 2.5)
    show("scaled_x", scaled_x(p2))
    p2.scale = 10.0  # the instance shadows the class attribute
    show("scaled_x shadowed", scaled_x(p2))
    del p2.scale
    Point.scale = 3.0  # the class changes: another version tag
    show("scaled_x class", scaled_x(p2))
    del p2.x
    try:
        norm2(p2)
    except AttributeError as error:
        show("AttributeError", str(error))
    p2.x = 1.0  # added back from outside, at another place in the insertion order
    show("readded", (norm2(p2), list(vars(p2))))
    d = p2.__dict__  # the instance's attributes become a real dict
    d["y"] = 7.0
    move(p2, 1.0, 1.0)
    show("dict", (norm2(p2), d))
    p3 = Point(1.0, 1.0)
    for name in ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "q", "r"):
        setattr(p3, name, 0.0)  # more names than the shared keys hold
    move(p3, 1.0, 2.0)
    show("many names", (p3.x, p3.y, len(vars(p3))))

    class Sub(Point):  # a subclass made at run time
        @property
        def y(self) -> float:  # type: ignore[override]
            return -1.0

        @y.setter
        def y(self, value: float) -> None:
            pass

    s = Sub(1.0, 9.0)
    show("sub norm2", norm2(s))
    move(s, 1.0, 1.0)
    show("sub moved", (s.x, s.y, vars(s)))
    warm = Point(2.0, 0.0)
    show("warm", norm2(warm))
    Point.x = property(lambda self: 100.0)  # type: ignore[assignment, misc]
    show("property added later", norm2(warm))
    del Point.x  # type: ignore[misc]
    show("property removed", norm2(warm))
    Point.__getattribute__ = lambda self, name: 5.0  # type: ignore[assignment, method-assign, misc]
    show("getattribute added", norm2(warm))
    del Point.__getattribute__

    c = Counter()
    show("bump", (bump(c, 7), c.flag, vars(c)))
    c.count = 2**62
    show("bump big", (bump(c, 3), c.count))
    show("slotted", slotted_sum(Slotted(1.0, 2.0)))
    show("lazy", lazy_sum(Lazy()))
    logged = Logged()
    show("logged", (logged_store(logged, 2.5), logged.log))

    class Described:
        x = Doubled()

        def __init__(self) -> None:
            self.y = 1.0

    described = Described()
    move(described, 1.5, 1.0)  # type: ignore[arg-type]
    show("described", (described.x, described.y, vars(described)))

    sink: list[str] = []
    h = Holder(Noisy(sink))
    replace_value(h, "plain")
    show("finalizer ran", (sink, h.value))
    show("float store", float_store_then_read(h, 1.25))
    kept = h.x
    show("float kept", (float_store_then_read(h, 3.0), kept, h.x))
    refs = sys.getrefcount(h)
    replace_value(h, "again")
    show("refcount unchanged", sys.getrefcount(h) == refs)
    try:
        norm2(None)  # type: ignore[arg-type]
    except AttributeError as error:
        show("None", str(error))


main()
