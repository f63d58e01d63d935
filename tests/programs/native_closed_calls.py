"""Closed functions (codegen/entry_bindings.py): native functions that run no Python code call one
another directly without testing their call sites, trusting the check of the names they call
where they are entered. A program that rebinds, deletes or recodes one of those names between
calls, from the module or from a function that calls them directly, gets what CPython gives;
deep recursion, overflow into big ints and values that lie about their hints too."""

import sys


def leaf(x: int) -> int:
    y = x * 3
    z = y + 1
    del y
    return z


def middle(x: int) -> int:
    a = leaf(x)
    b = leaf(a) - x
    del a
    return b


def top(x: int) -> int:
    c = middle(x) + middle(x + 1)
    d = c
    del c
    return d


def fib(n: int) -> int:
    if n < 2:
        return n
    a = fib(n - 1)
    b = fib(n - 2) + a
    del a
    return b


def is_even(n: int) -> bool:
    if n == 0:
        return True
    m = n - 1
    r = is_odd(m)
    del m
    return r


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    m = n - 1
    r = is_even(m)
    del m
    return r


def grow(n: int) -> int:
    if n == 0:
        return 1
    x = grow(n - 1)
    y = x + x
    del x
    return y


def halves(x: float, n: int) -> float:
    total: float = 0
    while n > 0:
        total = total + x
        x = x / 2
        n = n - 1
    t = total
    del total
    return t


def inverse(x: float) -> float:
    y = 1 / x
    z = y
    del y
    return z


def inverses(x: float) -> float:
    s = inverse(x)
    if inverse(x - 1.0) > 100.0:  # the error, were it taken for a double, would compare False
        s = -s
    t = s
    del s
    return t


def depth(n: int) -> int:
    if n == 0:
        return 0
    d = depth(n - 1) + 1
    e = d
    del d
    return e


def driver(x: int) -> int:
    print("driver", top(x))
    globals()["leaf"] = lambda v: 1000 + v
    print("driver rebound", top(x))
    globals()["leaf"] = original_leaf
    print("driver restored", top(x))
    return top(x + 1)


def show(label: str, value: object) -> None:
    print(label, type(value).__name__, value)


original_leaf = leaf
show("top", top(4))
show("middle", middle(3))
show("fib", fib(20))
show("even", [is_even(n) for n in range(6)])
show("odd", is_odd(5))
show("grow", grow(70))
show("grow big", grow(130))
show("halves", halves(1.0, 30))
show("halves int", halves(3, 0))
show("inverse", inverse(8.0))
show("inverses", inverses(4.0))
try:
    inverses(1.0)
except ZeroDivisionError as error:
    show("inverses at 1", error)
show("driver", driver(5))

# Rebound from the module between calls from CPython.
leaf = lambda v: -v  # noqa: E731
show("top leaf lambda", top(4))
leaf = original_leaf
show("top leaf back", top(4))
original_fib = fib
globals()["fib"] = lambda n: 100
show("fib rebound", original_fib(5))
del globals()["fib"]
try:
    show("fib deleted", original_fib(5))
except NameError as error:
    show("error", error)
show("fib small", original_fib(1))
fib = original_fib

# A function whose code is replaced: direct callers and CPython's entry see the new code.
original_middle_code = middle.__code__
middle.__code__ = (lambda x: x * 100).__code__
show("top recoded", top(2))
middle.__code__ = original_middle_code
show("top code back", top(2))

# Mutual recursion whose other half is rebound.
saved_odd = is_odd
is_odd = lambda n: "odd?"  # noqa: E731
show("even rebound", is_even(3))
is_odd = saved_odd
show("even back", is_even(7))

# Values that lie about their hints.
show("top float", top(2.5))
show("top bool", top(True))
show("top big", top(10**30))
show("fib float", fib(3.5))
show("grow bool", grow(True))
show("depth float", depth(3.0))

# Deep recursion: past native depth into the Python version, and RecursionError where CPython's is.
sys.setrecursionlimit(12000)
show("deep", depth(9000))
sys.setrecursionlimit(1000)
try:
    depth(5000)
except RecursionError as error:
    show("recursion", error)
show("after", depth(100))
