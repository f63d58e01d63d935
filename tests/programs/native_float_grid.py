"""Native float arithmetic against CPython: signs, zeros, inf, nan, subnormals, int mixing."""

import math

INF = float("inf")
NAN = float("nan")
VALUES = [0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e308, -1e308, 5e-324, -5e-324, 2.2250738585072014e-308,
          1e-300, INF, -INF, NAN, 0.1, 7.0, -7.0]


def add(a: float, b: float) -> float:
    return a + b


def sub(a: float, b: float) -> float:
    return a - b


def mul(a: float, b: float) -> float:
    return a * b


def div(a: float, b: float) -> float:
    return a / b


def floordiv(a: float, b: float) -> float:
    return a // b


def mod(a: float, b: float) -> float:
    return a % b


def power(a: float, b: float) -> float:
    return a ** b


def compare(a: float, b: float) -> int:
    return (a < b) + 2 * (a <= b) + 4 * (a == b) + 8 * (a != b) + 16 * (a > b) + 32 * (a >= b)


def mixed(a: float, n: int) -> float:
    return a * n + n / 2 - n // 3 + (a if n > 0 else -a)


def math_ops(a: float) -> float:
    return math.sqrt(abs(a)) + math.floor(a) - math.ceil(a) + int(a)


def minmax(a: float, b: float) -> float:
    return min(a, b) - max(a, b, 0.25)


def show(name: str, function, *args) -> None:  # type: ignore[no-untyped-def]
    try:
        print(name, args, repr(function(*args)))
    except Exception as error:
        print(name, args, type(error).__name__, error)


for a in VALUES:
    show("math_ops", math_ops, a)
    for b in VALUES:
        for function in (add, sub, mul, div, floordiv, mod, compare, minmax):
            show(function.__name__, function, a, b)
for a in [0.0, -0.0, 2.0, -2.0, 0.5, -8.0, 1e30, INF, NAN]:
    for b in [0.0, -1.0, 0.5, 2.0, 3.0, -3.0, INF, -INF, NAN]:
        show("power", power, a, b)
for a in [0.0, -1.5, 2.75, 1e20]:
    for n in [0, 1, -1, 7, -7, 2**53, 2**53 + 1, -(2**60), 2**63 - 1]:
        show("mixed", mixed, a, n)
show("sqrt", math.sqrt, -1.0)
