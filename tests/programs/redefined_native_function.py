"""A module-level `def` of a name that a native function had: the new function is what the name
holds, not the native one compiled for the first `def` (mypy reports the redefinition, so the
second stays in the interpreter)."""


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


first = fib
print(fib(9))


def fib(n: int) -> int:  # noqa: F811
    return n


print(fib(9), first(9), first is fib)
