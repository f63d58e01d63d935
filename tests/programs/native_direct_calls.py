"""Boxed native functions (they print) calling each other directly, on words: int, float, bool,
str and None arguments and results, hints that lie, exceptions through the frames, recursion to
the limit and past the native depth cap, and globals rebound at module level or monkeypatched,
after which a call goes through CPython to whatever the name holds."""

import sys
import traceback


def add(a: int, b: int) -> int:
    print("add", a, b)
    return a + b


def scale(x: float, k: int) -> float:
    print("scale", x, k)
    return x * k


def both(p: bool, q: bool) -> bool:
    print("both", p, q)
    return p and q


def greet(name: str, times: int) -> str:
    print("greet", name, times)
    return name * times


def nothing(tag: str) -> None:
    print("nothing", tag)


def half(x: float) -> float:
    print("half", x, type(x).__name__)
    return x / 2


def caller(n: int, x: float) -> str:
    total = add(n, 2)
    total = add(total, n * 3)
    y = scale(x, total)
    flag = both(total > 5, y < 100.0)
    text = greet("ab", total % 4)
    nothing(text)
    h = half(n) + half(x)
    print("caller", total, y, flag, text, h)
    return text + str(total)


def twice(v: int) -> int:
    print("twice", repr(v), type(v).__name__)
    return v + v


def lying(v: int) -> int:
    r = twice(v)
    print("lying", repr(r), type(r).__name__)
    return twice(r)


def divide(a: int, b: int) -> int:
    print("divide", a, b)
    return a // b


def ratio(a: int, b: int) -> int:
    print("ratio", a, b)
    return divide(a, b) + 1


def safe_ratio(a: int, b: int) -> int:
    try:
        return ratio(a, b)
    except ZeroDivisionError as error:
        print("safe_ratio caught", error)
        return -1


def depth(n: int) -> int:
    if n == 0:
        print("bottom")
        return 0
    return depth(n - 1) + 1


deepest = 0


def runaway(n: int) -> int:
    global deepest
    deepest = n
    if n < 0:
        print("never")
    return runaway(n + 1) + 1


def guarded(n: int) -> str:
    try:
        return str(runaway(n))
    except RecursionError as error:
        print("guarded at", deepest)
        return "guarded: " + str(error)


def target(v: int) -> int:
    print("target", v)
    return v * 10


def alternative(v: int) -> int:
    print("alternative", v)
    return v * 1000


def uses_target(v: int) -> int:
    r = target(v)
    print("uses_target got", repr(r))
    return r


def show(v):
    print("show", v)
    return "shown-" + str(v)


def main():
    global target
    target = lambda v: ("patched", v)
    print(uses_target(5))
    target = saved_target


print(caller(1, 0.5))
print(caller(10**20, 2.0))
print(lying(21))
print(lying(2**62))
print(lying(2.5))
print(lying(True))
print(lying("ab"))
print(safe_ratio(7, 2), safe_ratio(7, 0))
try:
    ratio(1, 0)
except ZeroDivisionError:
    traceback.print_exc()
try:
    runaway(0)
except RecursionError as error:
    print("RecursionError:", error, "at", deepest)
print(guarded(0))
sys.setrecursionlimit(10000)
print(depth(5000))
try:
    runaway(0)
except RecursionError as error:
    print("RecursionError:", error, "at", deepest)
sys.setrecursionlimit(1000)

saved_target = target
print(uses_target(1))
target = show
print(uses_target(2))
target = alternative
print(uses_target(3))
target = saved_target
print(uses_target(4))
main()
print(uses_target(6))
