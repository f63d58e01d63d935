# Calls nested in abs(): mypy types the inner call from its context (SupportsAbs[int]),
# the native lowering must take the type from the operands instead.
import math


def twice_abs(b: int) -> int:
    return abs(abs(b))


def mixed(x: float, n: int) -> float:
    return abs(abs(x)) + abs(max(n, -4)) + max(abs(n), 2) + min(abs(x), abs(abs(n)))


def of_bool(t: bool) -> int:
    return abs(abs(t)) + abs(t)


def floors(x: float) -> int:
    return abs(math.floor(abs(x))) + int(abs(-x)) + abs(math.ceil(x)) + abs(int(x))


def roots(x: float) -> float:
    return abs(math.sqrt(abs(x))) + abs(min(x, -1.5))


def big(b: int) -> int:
    return abs(abs(b) * abs(b))  # past i64: the call deopts to CPython


for value in (-3, 0, 4, -(2 ** 62)):
    print(twice_abs(value), mixed(-2.5, value % 11 - 7), floors(value / 3), roots(value / 7))
print(of_bool(True), of_bool(False), big(-(2 ** 40)), big(3))
