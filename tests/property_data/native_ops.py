"""Reads operand pairs from stdin and prints every native operation on them (see
tests/test_native_properties.py): the same program under CPython is the oracle."""

import sys


def int_ops(a: int, b: int) -> int:
    total = a + b - (a * b)
    if b != 0:
        total = total + a // b + a % b
    if 0 <= b < 70:
        total = total + (a << b) + (a >> b)
    return total ^ (a & ~b) | (b & 0xFF)


def float_ops(x: float, y: float) -> float:
    result = x + y - x * y
    if y != 0.0:
        result = result + x / y + x // y + x % y
    return result + min(x, y) - max(x, y)


def mixed(a: int, x: float) -> float:
    return a * x + a / 3 - x // 2 if a > x else a - x


def main() -> None:
    for line in sys.stdin:
        kind, left, right = line.split()
        try:
            if kind == "i":
                print(repr(int_ops(int(left), int(right))))
            elif kind == "f":
                print(repr(float_ops(float.fromhex(left), float.fromhex(right))))
            else:
                print(repr(mixed(int(left), float.fromhex(right))))
        except (ZeroDivisionError, OverflowError, ValueError) as error:
            print(type(error).__name__, error)


main()
