"""Lambdas and comprehensions in native functions are CPython's code made into functions where
they stand: what they compute, their names, defaults, tracebacks and when generators run."""
import functools
from typing import Callable


def sorted_words(text: str) -> str:
    print("by length", sorted(text.split(), key=lambda word: (len(word), word)))
    return " ".join(sorted(text.split(), key=lambda word: word[::-1]))


def squares(n: int) -> str:
    total = 0
    for i in range(n):
        total += i
    return str([x * x for x in range(total % 7 + 3)])


def comprehensions(text: str) -> None:
    print({w: len(w) for w in text.split()})
    print({len(w) for w in text.split()})
    print(sum(len(w) for w in text.split()))
    print(max((w for w in text.split()), key=len))


def lambda_objects(k: int) -> None:
    f = lambda x, y=10: x * y
    print(f(3), f(3, 4), f.__name__, f.__qualname__, f.__defaults__, f.__module__)
    g = lambda *args, **kwargs: (args, sorted(kwargs))
    print(g(1, 2, b=3, a=4))
    print(functools.reduce(lambda a, b: a * b, range(1, k + 1)))
    print(f is not (lambda x: x))


def two_on_a_line() -> None:
    print((lambda: 1)() + (lambda: 2)())


def apply(function: Callable[[int], int], value: int) -> int:
    return function(value)


def call_through(n: int) -> int:
    twice: Callable[[int], int] = lambda v: v * 2
    return apply(twice, n) + apply(lambda v: v - 1, n)


def failing_comprehension(n: int) -> str:
    return str([1 / (x - 3) for x in range(n + 2)])


def not_iterable(n: int) -> str:
    return str([x for x in n])  # type: ignore[attr-defined]


def missing_name() -> None:
    h = lambda: undefined_name  # type: ignore[name-defined]  # noqa: F821
    h()


def generator_closed_early(n: int) -> int:
    first = next(i * 2 for i in range(n))
    return first


def main() -> None:
    print(sorted_words("the quick brown fox jumps over a lazy dog"))
    print(squares(5))
    comprehensions("apple fig banana kiwi")
    lambda_objects(6)
    two_on_a_line()
    print(call_through(21))
    print(generator_closed_early(5))
    try:
        not_iterable(5)
    except TypeError as error:
        print("TypeError", error)
    try:
        missing_name()
    except NameError as error:
        print("NameError", error)
    print(failing_comprehension(3))


main()
