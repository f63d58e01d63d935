"""Conditional expressions of int, float and bool type keep their value in a word of that type:
each branch becomes one (an int where a float is declared stays an int, as CPython keeps it),
in loops that overflow into big ints, with hints that lie, and with branches that raise."""


def pick(n: int) -> int:
    total = 0
    for i in range(n):
        total += i if i % 3 else -i
    return total


def mixed(n: int) -> float:
    x: float = 0.0
    for i in range(n):
        x = x + (i if i % 2 else 0.5)
    return x


def keeps_int(flag: bool) -> float:
    y: float = 3 if flag else 2.5
    return y


def grows(n: int) -> int:
    v = 1
    for i in range(n):
        v = v * 3 if i % 5 else v + (1 << 70 if i == 10 else 1)
        if i % 9 == 0:
            print("grows", i, v)
    return v


def lie(x: int) -> int:
    return x if x else 7


def lie_float(x: float) -> float:
    return x * 2 if x > 1 else x


def truthy(a: int, b: int) -> bool:
    return a > b if a else b > 0


def nan_or(x: float) -> float:
    return x if x == x else -0.0


def raising(a: int, b: int) -> int:
    return a // b if a > 0 else a % b


def nested(a: int, b: int, c: int) -> int:
    return (a if a > b else b) if (c if c > 0 else -c) > 2 else (c + 1 if c < 0 else c - 1)


print(pick(10), pick(100), mixed(5), keeps_int(True), keeps_int(False), type(keeps_int(True)).__name__)
print(grows(40))
print(lie("s"), lie(0), lie([]), lie(2 ** 80), lie(True), lie_float(3), lie_float(0.5), lie_float(2 ** 70))
print(truthy(3, 2), truthy(0, -1), truthy(0, 5), nan_or(float("nan")), nan_or(2.5))
print([nested(a, b, c) for a in (-1, 3) for b in (0, 4) for c in (-5, 0, 4)])
for a, b in ((5, 2), (-5, 2), (5, 0), (-5, 0)):
    try:
        print(raising(a, b))
    except ZeroDivisionError as error:
        print("ZeroDivisionError:", error)


def either(x: int | float, flag: bool | int) -> float:
    return x * 2 if flag else x + 0.25


print(either(3, True), either(3, 0), either(2.5, 1), either(2 ** 70, False), type(either(3, True)).__name__)


def first_set(a: int, b: int, c: float) -> float:
    return a and b or c


def both(p: bool, q: bool, n: int) -> bool:
    ok = p and q or n > 3
    return ok and not (p or q)


def limit(n: int, cap: int) -> int:
    total = 0
    for i in range(n):
        total += (i % 7 and cap) or i
    return total


print(first_set(0, 5, 2.5), first_set(3, 0, 2.5), first_set(3, 4, 2.5), first_set(2 ** 70, 1, 0.5),
      first_set("", 1, 0.5), first_set(1, [], 0.25), type(first_set(0, 5, 2)).__name__)
print(both(True, False, 5), both(False, False, 5), both(True, True, 1), both(0, [], 9), limit(50, 2 ** 62))
