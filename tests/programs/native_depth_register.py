"""Boxed frames keep their depth in a register and publish it before calls that may run Python
code: CPython's recursion depth, as sys.setrecursionlimit's error reports it, and the depth at
which RecursionError comes equal CPython's, also when a native function changes the limit in a
callee and when native and Python frames alternate."""
import sys


def probe() -> str:
    try:
        sys.setrecursionlimit(1)
    except RecursionError as error:
        return str(error)
    return "no error"


def nested_probe(n: int) -> str:
    if n == 0:
        return probe()
    return nested_probe(n - 1)


def depth_of(n: int) -> int:
    if n < 0:
        print("negative")
    if n == 0:
        return 0
    return 1 + depth_of(n - 1)


def set_limit(limit: int) -> None:
    sys.setrecursionlimit(limit)


def deepest(limit: int, start: int) -> int:
    """The largest n for which depth_of(n) returns under `limit`, set by a direct callee."""
    set_limit(limit)
    n = start
    while True:
        try:
            depth_of(n)
        except RecursionError:
            return n - 1
        n += 1


def through_python(n: int) -> str:
    if n == 0:
        return probe()
    return "".join(map(through_python, [n - 1]))


def lowered_too_far(n: int) -> str:
    if n > 0:
        return lowered_too_far(n - 1)
    try:
        set_limit(5)
    except RecursionError as error:
        return "RecursionError " + str(error)
    return "set"


def main() -> None:
    print(probe())
    print(nested_probe(10))
    print(nested_probe(100))
    print(through_python(3))
    print(through_python(30))
    print(deepest(120, 80))
    print(deepest(400, 350))
    print(deepest(3000, 2950))
    print(deepest(1000, 950))
    print(lowered_too_far(20))
    print(sys.getrecursionlimit())


main()
