"""Boxed native functions: exact big ints past 2**63 printed per step, global counters, recursion."""

import sys
from typing import Callable

CALLS: int = 0
TOTAL: float = 0.0
ENABLED: bool = True
LIMIT: int = 2 ** 63 - 1


triple: Callable[[int], int] = lambda x: x * 3


def grow(start: int, steps: int) -> int:
    global CALLS
    value = start
    for i in range(steps):
        CALLS += 1
        value = triple(value) + value * 2 + 1
        print(i, value, value > LIMIT, value.bit_length(), sep="\t")
    return value


def creep(steps: int) -> int:
    value = LIMIT - 2
    for i in range(steps):
        value += 1
        print("creep", i, value, value - LIMIT, hex(value), value * value)
    while value > 10:
        value = value // 1000 - 1
        print("shrink", value, value % 97, -value // 7)
    return value


def edges() -> int:
    low = -LIMIT - 1
    print("low", low, -low, abs(low), low // -1, low * -1, low - 1, low % 7, low // 7)
    print("shifts", 1 << 63, 1 << 64, (1 << 70) >> 3, -1 << 65, ~low, low >> 100, low & 0xFFFF, low | 1, low ^ -1)
    exponent = 64
    print("powers", 2 ** exponent, (-3) ** 41, 7 ** 25 % 1000000007, LIMIT * LIMIT // LIMIT, LIMIT + LIMIT)
    return -low


def factorial_trace(n: int) -> int:
    acc = 1
    for k in range(1, n + 1):
        acc *= k
        if k >= 19:
            print("fact", k, acc, acc % 1000003, acc > LIMIT)
    return acc


def bump(amount: int, weight: float = 0.5) -> int:
    global CALLS, TOTAL, ENABLED
    CALLS += amount
    TOTAL += weight * amount
    ENABLED = not ENABLED
    print("bump", amount, CALLS, TOTAL, ENABLED, file=sys.stderr if amount < 0 else sys.stdout)
    return CALLS


def hanoi(n: int, src: str, dst: str, via: str) -> int:
    if n == 0:
        return 0
    moves = hanoi(n - 1, src, via, dst)
    print("move", n, src, "->", dst, "calls", bump(1, weight=0.25))
    return moves + 1 + hanoi(n - 1, via, dst, src)


def dive(n: int) -> int:
    return dive(n + 1) + 1


def show(n) -> int:
    return typed_dive(n + 1) + 1


def typed_dive(n: int) -> int:
    back = show(n + 1)
    return back + 1


def guarded(which: int) -> str:
    try:
        if which == 0:
            dive(0)
        else:
            typed_dive(0)
    except RecursionError as e:
        if which == 0:
            return "RecursionError: " + str(e)
        return "RecursionError via dynamic"
    return "no error"


print(grow(3 ** 36, 6))
print(creep(4))
print(edges())
print(factorial_trace(23))
print(bump(5), bump(-2), bump(2 ** 64, weight=2.0), CALLS, TOTAL, ENABLED)
print(guarded(0))
print(guarded(1))
print(hanoi(3, "A", "C", "B"), CALLS, TOTAL, ENABLED)
CALLS = -(2 ** 100)
print(grow(-(2 ** 62), 3), CALLS)
