"""Nested `def`s in native functions are CPython's code made into functions where they stand:
defaults, keyword defaults and annotations evaluated then, closures over the function's locals,
recursion through their own name, and CPython's errors."""
from typing import Optional


def make_adder(base: int) -> int:
    def add(x: int, y: int = 1, *, scale: int = 2) -> int:
        return (x + y) * scale + base
    print(add.__name__, add.__qualname__, add.__defaults__, add.__kwdefaults__, add.__annotations__)
    base = base + 100
    return add(1) + add(2, 3, scale=10)


def recursive(n: int) -> int:
    def countdown(k: int) -> int:
        return 0 if k == 0 else k + countdown(k - 1)
    return countdown(n)


def annotated(label: str) -> str:
    def show(value: Optional[int] = None, *rest: str, **named: float | None) -> "list[str]":
        return [label, str(value), *rest, *sorted(named)]
    return str(show.__annotations__) + " " + str(show(3, "a", "b", z=1.0, y=None))


def redefined(flag: bool) -> str:
    def pick() -> str:
        return "first"
    first = pick
    def pick() -> str:  # type: ignore[no-redef]
        return "second"
    return first() + " " + pick() + " " + str(first is pick)


def generator_def(n: int) -> int:
    def numbers(limit: int):  # type: ignore[no-untyped-def]
        for i in range(limit):
            yield i * i
    return sum(numbers(n))


def bad_annotation(flag: bool) -> str:
    if flag:
        def broken(x: undefined_type) -> None:  # type: ignore[name-defined]  # noqa: F821
            pass
    return "made"


def main() -> None:
    print(make_adder(5))
    print(recursive(10))
    print(annotated("L"))
    print(redefined(True))
    print(generator_def(5))
    print(bad_annotation(False))
    try:
        bad_annotation(True)
    except NameError as error:
        print("NameError", error)
    print(bad_annotation(True))


main()
