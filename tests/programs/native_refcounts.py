"""Boxed native functions release every reference they take: counts seen by sys.getrefcount
after loops, exceptions caught and re-raised, early returns and identity returns match CPython."""

import sys


class Box(Exception):
    pass


def touch(x: Box, n: int) -> int:
    total = 0
    for i in range(n):
        y = x
        total += len(repr(type(y)))
    return total


def identity(x: Box) -> Box:
    return x


def catch_with(x: Box, n: int) -> int:
    caught = 0
    for i in range(n):
        try:
            raise ValueError(x, i)
        except ValueError as error:
            if error.args[0] is x:
                caught += 1
    return caught


def reraise(x: Box) -> None:
    try:
        raise KeyError(x)
    except KeyError:
        raise


def early(x: Box, a: Box, b: Box) -> bool:
    for item in (a, b):
        if item is x:
            return True
    return False


box = Box()
start = sys.getrefcount(box)
print(touch(box, 1000), sys.getrefcount(box) - start)
kept = identity(box)
print(sys.getrefcount(box) - start)
del kept
print(catch_with(box, 500), sys.getrefcount(box) - start)
for attempt in range(3):
    try:
        reraise(box)
    except KeyError as error:
        print("KeyError", error.args[0] is box)
print(sys.getrefcount(box) - start)
others = [Box() for _ in range(5)]
print(early(box, others[0], others[1]), early(box, others[2], box), sys.getrefcount(box) - start)
print([sys.getrefcount(item) for item in others])
