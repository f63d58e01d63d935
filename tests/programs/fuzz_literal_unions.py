"""Conditional expressions and and/or with literal operands: mypy types them as unions of literals."""

FLAG: bool = True


def step(up: bool, x: int) -> int:
    return x + (1 if up else -1)


def scale(big: bool, x: float) -> float:
    return x * (2.5 if big else 0.5)


def both(a: bool, b: bool) -> bool:
    return (a or b) and True


def either(a: bool) -> bool:
    return (FLAG or a) and (False or a)


def mixed(a: bool, x: int) -> int:
    return x * (2 if a else 3) + (True if a else False)


def overflow(a: bool, x: int) -> int:
    return x * (2 ** 62 if a else -(2 ** 62))


for a in (True, False):
    for x in (0, 7, -3, 2**62, 2**63 - 1):
        print(step(a, x), repr(scale(a, x / 3)), both(a, not a), either(a), mixed(a, x), overflow(a, x))
print(step(2.5, 1), step(1, 2.5), scale(0, 1), both(0, 1), either(""), mixed("", 2))
