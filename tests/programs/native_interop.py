"""Native functions as Python callables: names, map/sorted/lru_cache, lying hints, exceptions."""

import functools

SCALE: int = 3
TOTAL: float = 0.0


def double(x: int) -> int:
    """Doubles x."""
    return x * 2


def scaled(x: int) -> int:
    return x * SCALE


def accumulate(x: float) -> float:
    global TOTAL
    TOTAL += x
    return TOTAL


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def reciprocal(x: float) -> float:
    return 1.0 / x


def outer(x: int) -> int:
    return inner(x) + 1


def inner(x: int) -> int:
    return 10 // x


def many(a0: int, a1: int, a2: int, a3: int, a4: int, a5: int, a6: int, a7: int, a8: int, a9: int, a10: int, a11: int, a12: int, a13: int, a14: int, a15: int, a16: int, a17: int, a18: int, a19: int) -> int:
    return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15 + a16 + a17 + a18 + a19


print(many(*range(20)))
print(double.__name__, double.__qualname__, double.__module__, double.__doc__, callable(double))
print(double("ab"), double(2.5), double(True), double(2**70), double(x=4), double([1]))
print(list(map(double, range(5))), sorted([3, -1, 2], key=double), max(range(10), key=scaled))
cached = functools.lru_cache(maxsize=None)(fib)
print(cached(25), cached(25), cached.cache_info().hits, fib(20))
print(scaled(5))
SCALE = 10
print(scaled(5))
SCALE = "x"  # the hint lies now: CPython computes 5 * "x"
print(scaled(5))
print(accumulate(1.5), accumulate(2.25), TOTAL)
for value in (4.0, 0.0, -0.0):
    try:
        print(reciprocal(value))
    except ZeroDivisionError as error:
        print("ZeroDivisionError", error)
try:
    outer(0)
except ZeroDivisionError as error:
    print("caught", error)
print(outer(3))
outer(0)
