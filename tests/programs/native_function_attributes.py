"""A native function answers the attributes a Python function has, as its Python version does:
__code__, __defaults__, __kwdefaults__, __annotations__, __globals__, __closure__, __builtins__;
attributes set on it from outside; inspect.signature; singledispatch's register reads its
annotations."""

import functools
import inspect


def scale(x: float, factor: int = 2) -> float:
    return x * factor


def count(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


@functools.singledispatch
def describe(value: object) -> str:
    return "object"


def describe_int(value: int) -> str:
    return "int " + str(value)


describe.register(describe_int)

print(scale.__code__.co_name, scale.__code__.co_varnames, scale.__code__.co_argcount)
print(scale.__defaults__, scale.__kwdefaults__, scale.__closure__)
print(scale.__annotations__)
print(scale.__globals__ is globals(), type(scale.__builtins__).__name__)
print(inspect.signature(scale), inspect.signature(count))
print(scale.__name__, scale.__qualname__, scale.__module__, scale.__doc__)
count.calls = 3
print(count.calls, count(4), describe(5), describe("x"))
print(vars(count), vars(scale))
scale.__defaults__ = (10,)
print(scale(1.5), scale.__defaults__)
count.__doc__ = "counts"
print(count.__doc__, functools.wraps(count)(lambda: None).__doc__)
try:
    scale.missing
except AttributeError as error:
    print("AttributeError:", error)
