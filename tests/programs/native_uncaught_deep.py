"""An exception raised from typed code three calls deep (chained from a ValueError) ends the program."""

import sys
from typing import Callable


class ConfigError(Exception):
    pass


fallback_for: Callable[[str], int] = lambda key: len(key) * 7


def level3(key: str, depth: int) -> int:
    print("level3", key, depth, flush=True)
    if key == "bad":
        try:
            int(key)
        except ValueError as e:
            print("level3 handling", repr(e), file=sys.stderr)
            raise ConfigError("cannot read " + repr(key) + " at depth " + str(depth)) from e
    fallback = fallback_for(key)
    return fallback + depth


def level2(key: str) -> int:
    print("level2", key)
    try:
        return level3(key, 3) * 2
    except KeyError:
        print("not reached")
        return -1


def level1(first: str, second: str) -> int:
    total = 0
    for i in range(2):
        if i == 0:
            total += level2(first)
        else:
            total += level2(second)
        print("level1 total", total, file=sys.stderr)
    return total


print("ok run", level1("alpha", "be"))
try:
    level1("x", "bad")
except ConfigError as error:
    print("caught once:", error, repr(error.__cause__))
print("now uncaught", flush=True)
level1("gamma", "bad")
print("never printed")
