"""Loops whose counter the fast version adds to without an overflow check (`i < n` held and `i`
is unchanged), conditions on a native call's bool, int or float result without an object, and
the fast version's own exit (which releases only object slots) on returns and exceptions."""

import sys

SMALL_MAX = 2**62 - 1


def count_up(start: int, stop: int) -> int:
    i: int = start
    steps: int = 0
    while i < stop:
        i += 1
        steps = steps + 1
    print("count_up", start, stop, i, steps)
    return i


def count_twice(start: int, stop: int) -> int:
    """The second increment is not bounded: it may leave the small ints."""
    i: int = start
    while i < stop:
        i += 1
        i += 1
    print("count_twice", i)
    return i


def count_other_way(start: int, stop: int) -> int:
    i: int = start
    while stop > i:
        i = 1 + i
    print("count_other_way", i)
    return i


def count_reassigned(start: int, stop: int, jump: int) -> int:
    i: int = start
    while i < stop:
        i = jump
        i += 1
    print("count_reassigned", i)
    return i


LIES: list[object] = [0, [], "x", None, 2.5, [1]]


def is_even(n: int) -> bool:
    if n < 0:
        print("negative")
    return n % 2 == 0


def lying_bool(n: int) -> bool:
    if n < 0:
        print("negative")
    return LIES[n % 6]  # type: ignore[return-value]


def half(n: int) -> int:
    if n < 0:
        print("negative")
    return n // 2


def ratio(n: int) -> float:
    if n < 0:
        print("negative")
    return n / 4


def tests_call_results(n: int) -> str:
    seen: str = ""
    for k in range(n):
        if is_even(k):
            seen += " even"
        if lying_bool(k):
            seen += f" truthy {k}"
        if not half(k):
            seen += " no half"
        if ratio(k):
            seen += " ratio"
    return seen


def checked(d: int) -> int:
    if d == 0:
        raise ValueError("zero")
    return 100 // d


def fails_in_fast_version(n: int, names: str) -> int:
    label: str = "x" * n
    kept = names
    total: int = 0
    for k in range(n):
        total += checked(n - 1 - k)
    return total + len(label) + len(kept)


print(count_up(0, 10), count_up(SMALL_MAX - 3, SMALL_MAX), count_up(5, 2))
print(count_up(SMALL_MAX - 2, SMALL_MAX + 5), count_up(2**64, 2**64 + 2))
print(count_twice(0, 5), count_twice(SMALL_MAX - 1, SMALL_MAX), count_twice(2**63, 2**63 + 3))
print(count_other_way(-3, 4), count_other_way(SMALL_MAX - 1, SMALL_MAX))
print(count_reassigned(0, 3, 7), count_reassigned(0, SMALL_MAX, SMALL_MAX))
print(count_up(True, 3), count_up(0, 2.5))  # type: ignore[arg-type]
print(tests_call_results(8))
names = "".join(["a", "b"])
before = sys.getrefcount(names)
for n in (3, 1):
    try:
        print(fails_in_fast_version(n, names))
    except ValueError as error:
        print("ValueError", error)
print(sys.getrefcount(names) - before)
