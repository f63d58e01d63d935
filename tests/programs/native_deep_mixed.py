"""Deep recursion through native functions, alone and alternating with interpreted ones,
under a raised recursion limit: past the C-stack cap it goes on in Python, never trapping."""

import sys

sys.setrecursionlimit(30000)


def countdown(n: int) -> int:
    if n == 0:
        print("bottom of countdown")
        return 0
    return countdown(n - 1) + 1


def show(n):
    return through(n) if n else 0


def through(n: int) -> int:
    if n % 1000 == 0:
        print("through", n)
    return show(n - 1) + 1


def runaway(n: int) -> int:
    return runaway(n + 1) + 1


print(countdown(8000))
print(through(6000))
try:
    runaway(0)
except RecursionError as error:
    print("RecursionError:", error)
print(countdown.__name__, through.__qualname__)
