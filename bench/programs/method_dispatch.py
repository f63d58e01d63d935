"""Measures virtual method dispatch and attribute access over a class hierarchy."""


class Shape:
    def __init__(self, scale: float) -> None:
        self.scale: float = scale

    def area(self) -> float:
        return 0.0

    def weight(self) -> float:
        return self.area() - 0.5 * self.scale


class Square(Shape):
    def __init__(self, side: float) -> None:
        super().__init__(1.0)
        self.side: float = side

    def area(self) -> float:
        return self.side * self.side * self.scale


class Rect(Shape):
    def __init__(self, w: float, h: float) -> None:
        super().__init__(1.0)
        self.w: float = w
        self.h: float = h

    def area(self) -> float:
        return self.w * self.h * self.scale


class Circle(Shape):
    def __init__(self, r: float) -> None:
        super().__init__(3.14159)
        self.r: float = r

    def area(self) -> float:
        return self.r * self.r * self.scale


class Triangle(Shape):
    def __init__(self, b: float, h: float) -> None:
        super().__init__(0.5)
        self.b: float = b
        self.h: float = h

    def area(self) -> float:
        return self.b * self.h * self.scale


def make_shapes(n: int) -> list[Shape]:
    shapes: list[Shape] = []
    for i in range(n):
        k: int = i % 4
        x: float = float(i % 17 + 1) * 0.25
        if k == 0:
            shapes.append(Square(x))
        elif k == 1:
            shapes.append(Rect(x, x + 1.0))
        elif k == 2:
            shapes.append(Circle(x))
        else:
            shapes.append(Triangle(x, 2.0 * x))
    return shapes


def total(shapes: list[Shape], rounds: int) -> float:
    acc: float = 0.0
    for _ in range(rounds):
        for s in shapes:
            acc += s.area() + s.weight()
    return acc


def main() -> None:
    shapes: list[Shape] = make_shapes(1000)
    print(f"{total(shapes, 2500):.3f}")


if __name__ == "__main__":
    main()
