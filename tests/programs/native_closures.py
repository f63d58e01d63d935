"""Locals that lambdas and comprehensions use live in cells, as in CPython: a lambda sees the
local's value when it runs, a comprehension's := assigns it, del empties it."""
import sys
from typing import Callable


def scaled(text: str, factor: int) -> str:
    return str([len(word) * factor for word in text.split()])


def late_binding(n: int) -> str:
    first: Callable[[], int] = lambda: -1
    for i in range(n):
        if i == 0:
            first = lambda: i * 10
    return str(first())


def counter_seen_later(start: int) -> int:
    count = start
    read = lambda: count
    count += 5
    first = read()
    count = count * 2
    return first + read()


def walrus_in_comprehension(values: str) -> str:
    last = "none"
    return f"{[(last := word) for word in values.split() if len(word) > 2]} last={last}"


def deleted(flag: bool) -> str:
    value = 7
    get: Callable[[], int] = lambda: value
    if flag:
        del value
    try:
        return str(get())
    except NameError as error:
        return f"{type(error).__name__}: {error}"


def unbound_then_bound() -> str:
    total: int
    show = lambda: total
    try:
        show()
    except NameError as error:
        print(type(error).__name__, error)
    total = 3
    return str(show())


def parameter_captured(x: float, y: int) -> str:
    pairs = str([(x, k) for k in range(y)])
    x = x / 2
    return f"{pairs} {[x + k for k in range(y)]}"


def loop_variable(text: str) -> str:
    shout: Callable[[], str] = lambda: "none"
    for word in text.split():
        if len(word) > 3:
            shout = lambda: word.upper()
    return shout()


def nested_levels(n: int) -> str:
    return str([[i * j + n for j in range(3)] for i in range(n)])


def filtered_sum(limit: int) -> int:
    threshold = limit // 2
    return sum(v for v in range(limit) if v > threshold)


def references(text: str) -> str:
    fresh = text + "!"
    get = lambda: fresh
    counts = str(sys.getrefcount(fresh))
    for item in [text + "?"]:
        counts += " " + str(sys.getrefcount(item))
        keep = lambda: item
    return counts


def main() -> None:
    print(scaled("a bb ccc", 3))
    print(late_binding(4))
    print(counter_seen_later(10))
    print(walrus_in_comprehension("a tree of sticks and ropes"))
    print(deleted(False), deleted(True))
    print(unbound_then_bound())
    print(parameter_captured(3.0, 3))
    print(loop_variable("one two three"))
    print(nested_levels(3))
    print(filtered_sum(10))
    print(references("x"))
    del_unbound()


def del_unbound() -> None:
    item = 1
    grab = lambda: item
    del item
    del item


main()
