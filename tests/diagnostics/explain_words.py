"""A typed loop in a function that prints: the loop runs on int words (no notes), the print,
the f-string and the stdlib call go through CPython. A conditional expression of int type
keeps its value in an int word (no notes either)."""

import math


def search(limit: int) -> int:
    best: int = 1
    n: int = limit
    steps: int = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
        if steps > best:
            best = steps
            print(f"n {n}: gcd {math.gcd(n, steps)}")
    return best


def fib(n: int) -> int:
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(search(7), fib(10))
