"""The self-call in tail position of a closed function loops (codegen/tail_loop.py): `return
f(...)`, `return x + f(...)`, `return x * f(...)`. The frames it saves still count: results
(folded into big ints past 63 bits), RecursionError at the limit, the traceback entries of an
exception from deep down, recursion past the native depth cap, and results that are not small
ints (a bool, a big int, a float from `**`) all equal CPython's."""

import sys
import traceback


def fib(n: int) -> int:
    k = n
    del k
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def factorial(n: int) -> int:
    k = n
    del k
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def sum_to(n: int) -> int:
    k = n
    del k
    if n == 0:
        return 0
    return n + sum_to(n - 1)


def count_down(n: int, total: int) -> int:
    k = n
    del k
    if n == 0:
        return total
    return count_down(n - 1, total + n)


def boom(n: int) -> int:
    k = n
    del k
    if n == 0:
        return 1 // n
    return n + boom(n - 1)


def truthy(n: int) -> int:
    k = n
    del k
    if n == 0:
        return True
    return 1 + truthy(n - 1)


def from_big(n: int) -> int:
    k = n
    del k
    if n == 0:
        return 4611686018427387903
    return n + from_big(n - 1)


def halves(n: int, depth: int) -> int:
    """`**` can make a float of ints, and float sums do not reassociate: no accumulating loop."""
    k = n
    del k
    if depth == 0:
        return 2 ** (depth - 2)
    return n + halves(1, depth - 1)


def show_exception(n: int) -> None:
    try:
        boom(n)
    except ZeroDivisionError as error:
        entries = traceback.extract_tb(error.__traceback__)
        print(type(error).__name__, error, len(entries), [entry.lineno for entry in entries[-3:]])


def show_limit(n: int) -> None:
    try:
        print(sum_to(n))
    except RecursionError as error:
        entries = traceback.extract_tb(error.__traceback__)
        print("RecursionError", error, len(entries), entries[-1].lineno)


def main() -> None:
    print([fib(n) for n in range(12)], fib(25))
    print(factorial(20), factorial(21), factorial(30))
    print(sum_to(100), count_down(100, 0), count_down(10, 2**70))
    print(truthy(0), truthy(3), from_big(0), from_big(5))
    print(sum_to(2**63) if False else sum_to(3), factorial(True))
    show_exception(0)
    show_exception(5)
    sys.setrecursionlimit(150)
    for n in (100, 145, 146, 147, 148, 400):
        show_limit(n)
    sys.setrecursionlimit(10000)
    print(sum_to(3000), count_down(5000, 0), factorial(900) % 1000003)
    print(halves(2**53, 2), halves(5, 3), halves(7, 0))


main()
