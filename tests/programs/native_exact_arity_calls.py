"""Calls that give every parameter positionally take the native entry's shortest path (no
binding, one-digit ints read inline); they still behave as CPython's: ints at the digit and
i64 edges, subclasses and wrong types (the Python version runs), a native function bound as a
method, small boxed functions that release their references inline, and the TypeErrors of
calls that do not bind."""

import sys


def add(a: int, b: int) -> int:
    return a + b + 2


def half(x: float) -> float:
    return x / 2


def pick(first: str, second: str) -> bool:
    return first[1] == second[2] or first > second


def keep(value: str) -> str:
    return value


def fail(text: str) -> str:
    raise ValueError(text[0])


class Flag(int):
    pass


class Holder:
    add = add


edges = [0, 1, -1, 2**30 - 1, 2**30, -(2**30) + 1, -(2**30), 2**31, 2**62, 2**63 - 3, -(2**63), 2**63, -(2**63) - 1]
for number in edges:
    print(number, add(number, 0), add(0, number), add(number, -number))
print(add(True, 2), add(Flag(5), 1), type(add(Flag(5), 1)).__name__)
print(half(3), half(3.0), half(True), half(2**80))
print(Holder.add(1, 2))
for label, call in [("Holder().add(4)", lambda: Holder().add(4)),
                    ("Holder().add(1, 2)", lambda: Holder().add(1, 2)),  # type: ignore[call-arg]
                    ("add(1)", lambda: add(1)), ("add(1, 2, 3)", lambda: add(1, 2, 3)),
                    ("pick('ab')", lambda: pick("ab")), ("add('a', 'b')", lambda: add("a", "b")),
                    ("keep()", lambda: keep()), ("pick(1, 2)", lambda: pick(1, 2))]:
    try:
        print(label, call())  # type: ignore[no-untyped-call]
    except (TypeError, IndexError) as error:
        print(label, type(error).__name__ + ":", error)

word = "x" * 40
start = sys.getrefcount(word)
total = 0
for i in range(1000):
    total += pick(word, "DHRYSTONE") + pick("DHRYSTONE", word) + len(keep(word))
    try:
        fail(word)
    except ValueError as error:
        total += len(error.args[0])
print(total, sys.getrefcount(word) - start)
print(sum(add(i, i) for i in range(100_000)))
