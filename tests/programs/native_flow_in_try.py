"""Boxed native functions: return/break/continue out of try, except and else, and exc_info afterwards."""

import sys
from typing import Callable

piece: Callable[[str, int], str] = lambda text, i: text.split(",")[i]


def show(value) -> int:
    if value == 13:
        raise LookupError("unlucky " + str(value))
    return value * 2


def loop_control(limit: int) -> int:
    total = 0
    for i in range(limit):
        try:
            if i % 5 == 4:
                break
            if i % 3 == 0:
                continue
            total += 100 // (i - 2)
        except ZeroDivisionError:
            print("skip zero at", i, sys.exc_info().count(None))
            continue
        else:
            print("ok", i, total)
        print("tail", i)
    print("after loop", total, sys.exc_info().count(None))
    return total


def first_bad(text: str) -> int:
    i = 0
    count = text.count(",") + 1
    while True:
        if i >= count:
            return -1
        try:
            value = int(piece(text, i))
        except ValueError:
            print("bad piece", i, sys.exc_info().count(None))
            return i
        else:
            i += 1
            if value < 0:
                break
    print("negative at", i - 1)
    return -(i - 1) - 100


def try_return(n: int) -> str:
    try:
        if n > 0:
            return "early " + str(n)
        doubled = show(n + 13)
    except LookupError as e:
        return "lookup " + str(e)
    else:
        print("else reached with", n, doubled)
    return "late"


def break_from_except(stop: int) -> int:
    found = -1
    k = 10
    while k < 20:
        try:
            show(k)
        except LookupError:
            found = k
            break
        last_ok = k
        k += 1
    print("broke at", found, "last ok", last_ok, sys.exc_info().count(None))
    for j in range(stop):
        try:
            if j == 2:
                raise ValueError("two")
        except ValueError:
            if j < stop:
                continue
        print("j", j, end=";")
    print()
    return found


def caller(text: str) -> None:
    where = first_bad(text)
    print(repr(text), "->", where, "exc_info clear:", sys.exc_info().count(None) == 3)


print(loop_control(3), loop_control(10))
caller("1,2,x,4")
caller("5,-6,7")
caller("8,9")
for n in (2, 0, -13, -1):
    print(n, try_return(n))
print(break_from_except(4))
try:
    raise RuntimeError("outer handled at top")
except RuntimeError:
    caller("a")
    print("top still handling:", sys.exc_info().count(None), repr(sys.exc_info()[1]))
print("top after:", sys.exc_info().count(None))
