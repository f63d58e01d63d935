def square(x: int) -> int:
    return x * x


def greet(name):
    print(name)


print(square(3))


class Point:
    def norm(self) -> float:
        return 0.0


def report(total: int) -> None:
    print("total:", total)
