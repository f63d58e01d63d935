"""Native recursive functions whose base case returns at once (`if n < 2: return n`): a fast
version calling them directly tests the base case inline instead of calling
(codegen/early_returns.py). The answers, the RecursionError at the limit's edge (a base-case
call one frame too deep still raises), and a call whose arguments lie all stay CPython's."""

import sys


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def lucas(n: int) -> int:
    if n >= 2:
        return lucas(n - 1) + lucas(n - 2)
    return 2 - n


def pell(n: int) -> int:
    if n > 1:
        return 2 * pell(n - 1) + pell(n - 2)
    return n


def ones(n: int, k: int) -> int:
    if k == n:
        return 1
    return ones(n, k + 1) * 2 - ones(n, n)


def binomial(n: int, k: int) -> int:
    if 0 == k:
        return 1
    if k == n:
        return 1
    return binomial(n - 1, k - 1) + binomial(n - 1, k)


def depth(n: int) -> int:
    if n <= 0:
        return 0
    below = depth(n - 1)
    return below - (below - n)


def caller(n: int) -> int:
    return fib(n) + depth(n % 7)


print([fib(n) for n in range(15)], fib(25))
print([lucas(n) for n in range(12)], [pell(n) for n in range(12)])
print([ones(n, 0) for n in range(8)])
print([binomial(10, k) for k in range(11)], binomial(24, 12))
print(fib(27), lucas(24))
print(fib(True), fib(False), fib(3.0) if False else fib(3))
try:
    print(fib("ab"))
except TypeError as error:
    print("TypeError:", error)
print(caller(20))
sys.setrecursionlimit(120)
outcomes = []
for n in range(95, 125):
    try:
        outcomes.append(depth(n))
    except RecursionError:
        outcomes.append("RecursionError")
print(outcomes)
