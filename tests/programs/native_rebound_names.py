"""Unboxed functions call the functions of their module, the builtins and math functions they
use, and count `range` loops, without looking up the names: a program that rebinds or deletes
one of those names before the call gets what CPython gives, the call of what the name holds
now."""

import builtins
import math
import math as m
import types
from math import floor


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n: int) -> bool:
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n: int) -> bool:
    if n == 0:
        return False
    return is_even(n - 1)


def square(x: int) -> int:
    return x * x


def cube(x: int) -> int:
    return x * x * x


def sum_of_squares(n: int) -> int:
    total = 0
    for i in range(n):
        total += square(i)
    return total


def through(n: int) -> int:
    return sum_of_squares(n) + 1


def magnitude(x: int) -> int:
    return abs(x) + max(x, 3) + min(x, -3)


def roots(x: float) -> float:
    return math.sqrt(x) + m.ceil(x) + floor(x)


def truncated(x: float) -> int:
    return int(x) + int(float(x))


def counted(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def main():
    namespace = globals()
    original_fib = fib
    print(original_fib(10), is_even(10), is_odd(7), square(3), sum_of_squares(5), through(4))
    namespace["fib"] = lambda n: 100
    print(original_fib(5), original_fib(1))
    namespace["fib"] = original_fib
    print(original_fib(12))
    original_odd = is_odd
    namespace["is_odd"] = lambda n: "odd?"
    print(is_even(4), is_even(0))
    namespace["is_odd"] = original_odd
    print(is_even(9))
    namespace["square"] = cube  # another native function
    print(sum_of_squares(4), through(3))
    namespace["square"] = lambda x: -x
    print(sum_of_squares(4), through(3))
    del namespace["square"]
    try:
        print(through(3))
    except NameError as error:
        print("NameError:", error)
    namespace["square"] = square_again
    print(sum_of_squares(6), through(6))
    del namespace["fib"]  # found in builtins now, as CPython looks names up
    builtins.fib = lambda n: 7
    print(original_fib(6))
    builtins.fib = original_fib
    print(original_fib(9))
    del builtins.fib
    namespace["fib"] = original_fib
    print(original_fib(11))

    print(magnitude(-5), roots(4.0), truncated(2.5), counted(5))
    namespace["abs"] = lambda x: 1000  # a global shadows the builtin
    print(magnitude(-5))
    del namespace["abs"]
    saved_max = builtins.max
    builtins.max = lambda *values: 50
    print(magnitude(-5))
    builtins.max = saved_max
    print(magnitude(-5))
    saved_sqrt = math.sqrt
    math.sqrt = lambda x: -1.0  # m is the same module
    print(roots(4.0))
    math.sqrt = saved_sqrt
    namespace["floor"] = math.ceil
    print(roots(4.5))
    namespace["floor"] = saved_floor
    namespace["m"] = types.SimpleNamespace(ceil=lambda x: 100)  # not a module
    print(roots(4.5))
    namespace["m"] = math
    namespace["int"] = lambda x: 99
    print(truncated(2.5))
    del namespace["int"]
    namespace["float"] = lambda x: 7.75
    print(truncated(2.5))
    del namespace["float"]
    namespace["range"] = lambda n: [7, 7]
    print(counted(5))
    del namespace["range"]
    print(magnitude(-5), roots(4.0), truncated(2.5), counted(5))


square_again = square
saved_floor = floor
main()
