"""Boxed functions that loop on words run a fast version (every word in its fast form) and
transfer to the generic version at the operation whose fast path does not apply: an overflow
past 63 bits, a zero divisor, an int too wide for a double, a value entering from a call, a big
literal, a lying argument. The output must not change where the transfer happens."""

import math


def overflow_while_printing(start: int, steps: int) -> int:
    x = start
    for step in range(steps):
        x = x * 3 + 1
        if step % 5 == 0:
            print("step", step, x)
    return x


def float_operations(a: float, b: float) -> None:
    for index in range(3):
        try:
            print(index, a // b, a % b, math.copysign(1.0, a % b))
        except ZeroDivisionError as error:
            print(index, "ZeroDivisionError", error)
        try:
            print(index, a ** b)
        except ZeroDivisionError as error:
            print(index, type(error).__name__, error)
        except OverflowError as error:  # its errno differs on WASI, as in CPython-in-Wasm
            print(index, type(error).__name__)
        a = -a
        b = b / 2


def entering(n: int) -> float:
    total: float = 0.0
    for i in range(n):
        value: float = make(i)  # a call's result enters the fast version here
        total = total + value
        print(i, value, total)
    return total


def make(i: int):
    return [1.5, 2, 10**30, -0.0, float("nan"), True][i % 6]


def cubed(x: int) -> int:
    print("cubed", x, end="; ")  # a print: a boxed function, called directly; it must run once a call
    return x * x * x


def calls_in_loop(n: int) -> int:
    total = 0
    for i in range(n):
        total = total + cubed(1000 + i * 10**6)  # past 2**62 from i = 2: a result that enters as an object
    print()
    return total


def wide_compare(limit: int) -> int:
    print("wide_compare", end=" ")  # a print: the function runs boxed
    count = 0
    x: float = 1.0
    while x < limit:  # limit is wider than 53 bits: the comparison is CPython's
        x = x * 2.0
        count += 1
    return count


def big_literal(n: int) -> int:
    print("big_literal", end=" ")  # a print: the function runs boxed
    total = 0
    for i in range(n):
        total = total + i
        if i == 2:
            total = total + 123456789012345678901234567890
    return total


def lying(n: int, step: float) -> float:
    print("lying", end=" ")  # a print: the function runs boxed
    total: float = 0
    for _ in range(n):
        total = total + step
    return total


def caught_in_loop(n: int) -> int:
    total = 0
    for i in range(n):
        v = i % 3 - 1
        try:
            total = total + 100 // v
        except ZeroDivisionError as error:
            print("caught", error)
            total = total - 1
    return total


def countdown_mixed(n: int) -> str:
    print("countdown_mixed", end=" ")  # a print: the function runs boxed
    x: float = n
    steps = 0
    while x > 1:
        x = x / 2 if steps % 2 == 0 else x - 1
        steps += 1
    return f"{steps} {x!r}"


print(overflow_while_printing(7, 45))
print(overflow_while_printing(-(2**61), 12))
for a, b in [(7.5, 2.0), (-7.5, 2.0), (7.5, -2.0), (0.0, 3.0), (-8.0, 3.0), (5.0, 0.0), (0.0, -1.0),
             (10.0, 400.0), (math.inf, 2.0), (math.nan, 1.0), (1e308, 1e-308), (-0.0, 1.0), (2.0, -1074.0)]:
    float_operations(a, b)
print(entering(12))
print(calls_in_loop(20))
print(wide_compare(2**60 + 1), wide_compare(5))
print(big_literal(5))
print(lying(3, 2), lying(3, 0.5), lying(2, True), lying(3, 10**20))
print(caught_in_loop(7))
print(countdown_mixed(1000), countdown_mixed(2**62 + 3), countdown_mixed(10**25))
