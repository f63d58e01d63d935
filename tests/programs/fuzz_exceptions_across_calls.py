"""Exceptions the fuzzer's generator now makes: raised in typed (native) functions, caught
by typed and untyped callers, as a subclass, as a base or in a tuple; re-raised bare, raised
`from` the caught one; and finally one not caught, whose chained traceback runs through native frames."""

import sys


class FuzzError(ValueError):
    """A user exception class, caught as itself, as ValueError or as Exception."""


def deepest(n: int, s: str) -> int:
    if n > 2:
        raise FuzzError("deepest " + str(n))
    if n < -2:
        return int(s)
    return ord(s) + n


def untyped_middle(n, s):
    try:
        return deepest(n, s) * 2
    except (IndexError, ZeroDivisionError) as error:
        print("untyped_middle caught", type(error).__name__, error)
        return -1


def reraising(n: int, s: str) -> int:
    try:
        return untyped_middle(n, s) + 1
    except FuzzError as error:
        print("reraising caught", type(error).__name__, error)
        if n > 3:
            raise
        return 0
    except TypeError as error:
        print("reraising caught", type(error).__name__, error)
        return 1


def chaining(n: int, s: str) -> float:
    try:
        return reraising(n, s) / 2
    except ValueError as error:
        print("chaining caught", type(error).__name__, error)
        raise OverflowError("chaining " + str(n)) from error


def looping(limit: int, s: str) -> str:
    out: str = ""
    w0: int = 0
    while True:
        w0 += 1
        if w0 > limit:
            break
        try:
            out += str(chaining(w0, s))
        except ArithmeticError as error:
            print("looping caught", type(error).__name__, error, "caused by", type(error.__cause__).__name__)
            continue
        out += "|"
    return out


for text in ("a", "xyz", "-12", "nan"):
    for n in (-3, 0, 3, 4):
        try:
            print(n, repr(text), chaining(n, text))
        except Exception as error:
            print(n, repr(text), "raised", type(error).__name__, error, sys.exc_info()[0].__name__)
    print(looping(5, text))
print(sys.exc_info())
chaining(5, "a")
