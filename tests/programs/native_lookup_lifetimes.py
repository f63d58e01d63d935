"""What CPython's LOAD_METHOD and comparisons do that native code must too (found by review):
an object whose attribute is no method to call unbound is released before the arguments are
evaluated (a temporary's __del__ runs first), for a native method's site and for another
object's; a native method called through CPython's lookup (a default left out) is not bound,
so sys.getrefcount inside sees CPython's count; comparing two strs counts against the
recursion limit."""
import sys
from typing import Any


class Native:
    def m(self, x: str) -> None:
        print("Native.m", x)

    def __del__(self) -> None:
        print("del Native")


class Other:
    def m(self, x: Any) -> None:
        print("Other.m", x)

    def __del__(self) -> None:
        print("del Other")


def make_native() -> Native:
    return Native()


def make_other() -> Other:
    return Other()


def note() -> str:
    print("arguments evaluated")
    return "a"


def call_native() -> None:
    make_native().m(note())


def call_other() -> None:
    make_other().m(note())


class Counted:
    def count(self, k: int = 0) -> int:
        return sys.getrefcount(self) + k


def counts() -> list[int]:
    c = Counted()
    return [c.count(), c.count(1), Counted().count(), Counted().count(2)]


def compare_deep(n: int, a: str, b: str) -> int:
    try:
        c = a < b
    except RecursionError:
        return -n
    try:
        return compare_deep(n + 1, a, b) + (0 if c else 0)
    except RecursionError:
        return n


def main() -> None:
    call_native()
    call_other()
    setattr(Native, "m", staticmethod(print))
    setattr(Other, "m", staticmethod(print))
    call_native()
    call_other()
    print(counts())
    sys.setrecursionlimit(200)
    print([compare_deep(0, "a", "b") for _ in range(3)])


main()
