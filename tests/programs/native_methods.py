"""Methods of the program's classes compiled natively, and calls between them made directly
while the receiver's class finds the same method: exact when a method is monkeypatched, an
instance shadows it, a subclass (made at run time too) overrides it, its code is replaced, a
global it calls is rebound, or it recurses deeper than native frames go."""
import sys


def double(x: float) -> float:
    return 2.0 * x


class Shape:
    def __init__(self, size: float) -> None:
        self.size = size

    def area(self) -> float:
        return self.size * self.size

    def scaled(self, factor: float) -> float:
        return double(self.area()) * factor

    def depth(self, n: int) -> int:
        return 0 if n == 0 else 1 + self.depth(n - 1)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.size})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Shape) and self.size == other.size

    def __lt__(self, other: "Shape") -> bool:
        return self.area() < other.area()

    def __hash__(self) -> int:
        return hash(self.size)

    def __len__(self) -> int:
        return int(self.size)


class Circle(Shape):
    def area(self) -> float:
        return 3.0 * self.size * self.size


class Square(Shape):
    def __init__(self, size: float, label: str) -> None:
        Shape.__init__(self, size)
        self.label = label


class Vault:
    """Private names are mangled: its methods stay interpreted, and agree with CPython."""

    def __init__(self, value: int) -> None:
        self.__value = value

    def peek(self) -> int:
        return self.__value


def total(shapes: list[Shape]) -> float:
    result = 0.0
    for shape in shapes:
        result += shape.area()
    return result


def total_scaled(shapes: list[Shape], factor: float) -> float:
    result = 0.0
    for shape in shapes:
        result += shape.scaled(factor)
    return result


def show(label: str, value: object) -> None:
    print(label, repr(value))


def main() -> None:
    shapes = [Shape(1.0), Circle(2.0), Square(3.0, "sq"), Shape(4)]
    show("total", total(shapes))
    show("scaled", total_scaled(shapes, 0.5))
    show("sorted", sorted(shapes))
    show("eq", (Shape(1.0) == Shape(1), Shape(1.0) == 1, len(Shape(7.9)), hash(Shape(2.0)) == hash(2.0)))
    show("dict", {Shape(1.0): "one"}[Shape(1)])

    class Dynamic(Shape):  # a subclass made at run time overrides a native method
        def area(self) -> float:
            return -1.0

    shapes.append(Dynamic(5.0))
    show("dynamic", total(shapes))
    original = Shape.area
    Shape.area = lambda self: 100.0  # type: ignore[method-assign]
    show("monkeypatched", total(shapes))
    Shape.area = original  # type: ignore[method-assign]
    show("restored", total(shapes))
    shapes[0].area = lambda: 7.0  # type: ignore[method-assign]
    show("instance shadows", total(shapes))
    del shapes[0].area
    show("unshadowed", total(shapes))
    other = Shape(2.0)
    other.area = lambda: 9.0  # type: ignore[method-assign]
    show("another instance shadows", (total([other]), total(shapes)))
    vars(shapes[3])["extra"] = 1  # a real dict
    show("with a dict", total(shapes))

    global double
    saved = double
    double = lambda x: 3.0 * x  # a global the method calls is rebound
    show("rebound global", total_scaled(shapes, 1.0))
    double = saved
    show("global back", total_scaled(shapes, 1.0))
    Circle.area.__code__ = (lambda self: 0.5).__code__
    show("code replaced", total(shapes))
    # More classes at one site than it has entries, made at run time (their version tags, and so
    # their home entries, fall where they fall): each found again, whichever others came between.
    many: list[Shape] = [type(f"Made{k}", (Shape,), {})(float(k)) for k in range(11)]
    many += [Circle(1.5), Square(2.5, "s"), Dynamic(1.0)]
    show("many classes", [total(many[k:] + many[:k]) for k in range(0, len(many), 3)])
    show("many classes again", total(many * 3))

    sys.setrecursionlimit(30000)
    show("deep", Shape(1.0).depth(20000))
    sys.setrecursionlimit(1000)
    try:
        Shape(1.0).depth(5000)
    except RecursionError as error:
        show("RecursionError", str(error))
    try:
        total([Shape("x")])  # type: ignore[arg-type]
    except TypeError as error:
        show("TypeError", str(error))
    try:
        total([None])  # type: ignore[list-item]
    except AttributeError as error:
        show("AttributeError", str(error))
    show("unbound", (Shape.area(Circle(1.0)), Circle.area(Shape(1.0))))
    show("mangled", (Vault(3).peek(), Vault(4)._Vault__value, hasattr(Vault(5), "__value")))  # type: ignore[attr-defined]
    show("bound", (Shape(3.0).area.__func__ is Shape.__dict__["area"], Square(2.0, "s").label))


main()
