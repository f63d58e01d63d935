"""Item reads and bool stores in the loops of native functions that go on in the generic version
where they miss (codegen/list_items.py: _read_or_transfer, _set_bool_or_transfer), midway
through a loop: a list subclass, an int, a big int, a NaN, a bool or a str among floats, an index
that runs past the end, a list shrunk by code the loop calls, negative indexes, a tuple where a
list was declared; a stored bool replacing the last reference to an object whose __del__ runs."""
import math


class Noisy(list):  # type: ignore[type-arg]
    def __getitem__(self, index: object) -> object:
        print("Noisy[", index, "]")
        return super().__getitem__(index)  # type: ignore[index]

    def __setitem__(self, index: object, value: object) -> None:
        print("Noisy[", index, "] =", value)
        super().__setitem__(index, value)  # type: ignore[index]


class Mortal:
    def __init__(self, name: str) -> None:
        self.name = name

    def __del__(self) -> None:
        print("freed", self.name)


def dot(xs: list[float], ys: list[float]) -> float:
    total = 0.0
    for i in range(len(xs)):
        total += xs[i] * ys[i] + xs[-1 - i]
    return total


def count_at(ns: list[int], k: int) -> int:
    total = 0
    for i in range(k):
        total += ns[i] * 3 + ns[i // 2]
    return total


def shrinking(xs: list[float], cut: list[int]) -> float:
    total = 0.0
    i = 0
    while i < 6:
        total += xs[i]
        if i == cut[0]:
            xs.pop()
            xs.pop()
            xs.pop()
        i += 1
    return total


def mark(flags: list[bool], start: int, step: int, stop: int) -> int:
    j = start
    while j < stop:
        flags[j] = False
        flags[j - 1] = True
        j += step
    return j


def attempt(label: str, thunk: object) -> None:
    try:
        print(label, repr(thunk()))  # type: ignore[operator]
    except Exception as error:
        print(label, type(error).__name__, error)


def main() -> None:
    base = [0.5 * k for k in range(8)]
    attempt("floats", lambda: dot(base, base[::-1]))
    for position, odd in [(0, 3), (5, 7), (7, 2**70), (2, math.nan), (4, True), (6, "x"), (1, -0.0), (3, math.inf)]:
        xs = list(base)
        xs[position] = odd  # type: ignore[call-overload]
        attempt(f"{odd!r} at {position}", lambda: dot(xs, base))
    attempt("subclass", lambda: dot(Noisy(base[:3]), base))
    attempt("tuple", lambda: dot(tuple(base), base))  # type: ignore[arg-type]
    attempt("short ys", lambda: dot(base, base[:5]))
    attempt("ints", lambda: count_at([1, 2, 3, 4, 5], 5))
    attempt("ints past the end", lambda: count_at([1, 2, 3, 4, 5], 7))
    attempt("big ints", lambda: count_at([1, 2**64, 3, -(2**80), 5], 5))
    attempt("floats as ints", lambda: count_at([1, 2.5, 3, 4, 5], 5))  # type: ignore[list-item]
    attempt("shrunk", lambda: shrinking([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [2]))
    attempt("not shrunk", lambda: shrinking([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [9]))
    attempt("mark", lambda: (mark(flags := [True] * 10, 2, 3, 10), flags))
    attempt("mark past the end", lambda: (mark(flags := [True] * 10, 2, 3, 12), flags))
    attempt("mark a subclass", lambda: (mark(noisy := Noisy([True] * 6), 2, 2, 6), noisy))
    mortals = [True, Mortal("a"), Mortal("b"), True, Mortal("c"), Mortal("d"), True]
    attempt("mark over objects", lambda: (mark(mortals, 1, 2, 7), mortals))  # type: ignore[arg-type]
    del mortals
    total = 0.0
    for k in range(2000):
        total += dot(base, base) + count_at([k, 1, 2], 3)
    print(total)


main()
