"""Native functions with tuple assignment, unpacking, chained assignment, loop else clauses,
assert, del and `:=`: each evaluated and stored in CPython's order, with CPython's errors."""

from typing import Any


def fib_pairs(n: int) -> int:
    a: int = 0
    b: int = 1
    for _ in range(n):
        a, b = b, a + b
    return a


def rotate(x: float, y: float, z: float) -> float:
    x, y, z = y, z, x
    (x, y), z = (y, x), z + 0.5
    return x * 100.0 + y * 10.0 + z


def chained(n: int) -> int:
    a = b = n * 3
    c: int
    d: int
    c = d = a + b
    return a + b + c + d


def divided(a: int, b: int) -> int:
    q, r = divmod(a, b)
    print("divmod", a, b, "->", q, r)
    return q * 1000 + r


def unpack_any(value: str) -> str:  # every kind of value is passed
    try:
        first, second = value  # type: ignore[str-unpack]
    except (TypeError, ValueError) as error:
        return f"{type(error).__name__}: {error}"
    return f"{first!r} {second!r}"


def counted_pairs(text: str) -> int:
    total: int = 0
    for index, char in enumerate(text):
        print(index, char)
        total += index * ord(char)
    return total


def nested_targets(text: str) -> str:
    out: str = ""
    for (a, b), c in zip(zip(text, text[1:]), text[2:]):
        out += c + b + a + "|"
    return out


def lying_swap(a: int, b: int) -> int:
    a, b = b, a
    print("swapped", repr(a), repr(b))
    return a


def find_first(limit: int, wanted: int) -> int:
    for i in range(limit):
        if i * i == wanted:
            print("found", i)
            break
    else:
        print("no root below", limit)
        return -1
    return i


def countdown(n: int) -> int:
    steps: int = 0
    while n > 0:
        n -= 3
        steps += 1
        if n == 1:
            break
    else:
        print("reached", n)
        steps += 100
    return steps


def first_x(values: str) -> str:
    for value in values:
        if value == "x":
            break
    else:
        print("no x")
        return "none"
    return value


def loop_else_in_try(n: int) -> int:
    total: int = 0
    try:
        for i in range(n):
            total += 10 // (i - 3)
        else:
            total += 1000
    except ZeroDivisionError as error:
        print("caught", error, "at total", total)
    return total


def big_words(n: int) -> int:
    a: int = 2**70
    b: int = n
    a, b = b, a
    c = d = a * b
    return c - d + a + b


def checked(n: int) -> int:
    assert n >= 0
    assert n < 100, f"too big: {n}"
    return n * 2


def note(text: str) -> str:
    print("message built:", text)
    return text


def asserting_side_effects(n: int) -> int:
    assert n != 5, note("five")
    return n


def deleted(n: int) -> int:
    x: int = n * 2
    del x
    try:
        return x
    except UnboundLocalError as error:
        print("UnboundLocalError:", error)
    x = 7
    return x


def deleted_twice(n: int) -> int:
    y: int = n
    del y
    try:
        del y
    except UnboundLocalError as error:
        print("UnboundLocalError:", error)
    return n


def walrus(n: int) -> int:
    if (m := n + 1) > 3:
        return m
    return n


def walrus_loop(limit: int) -> int:
    total: int = 0
    i: int = 0
    while (i := i + 1) < limit:
        total += i
    return total


def walrus_text(text: str) -> str:
    if (size := len(text)) > 2:
        print("long", size)
    return text * size


def walrus_float(x: float) -> float:
    y: float
    if (y := x * 2) > 1.0:
        return y
    return -y


def repeat_sum(n: int) -> int:
    total: int = 0
    for _ in range(n):  # mypy types `_` as Any; as a range counter it holds ints
        total += 3
    return total


def last_counter(n: int) -> int:
    for _ in range(n):
        pass
    return _


def show(label: str, compute: Any) -> None:
    try:
        print(label, compute())
    except Exception as error:  # the name AssertionError may be rebound
        print(label, type(error).__name__, repr(error.args))


def main() -> None:
    print(fib_pairs(10), fib_pairs(100))
    print(rotate(1.0, 2.0, 3.0))
    print(chained(4), chained(2**62))
    print(divided(17, 5), divided(-17, 5), divided(10**30, 7))
    values: list[Any] = [(1, 2), [3, 4], "ab", range(2), iter([5, 6]), {7: 0, 8: 0}, (1,), (1, 2, 3), 5, None,
                         "abc", (x for x in [1, 2, 3])]
    for value in values:
        print(unpack_any(value))
    print(counted_pairs("héllo"))
    print(nested_targets("abcde"))
    print(lying_swap("left", [1]))  # type: ignore[arg-type]
    print(find_first(10, 49), find_first(5, 49))
    print(countdown(10), countdown(9))
    print(first_x("abxc"), first_x("abc"), first_x(iter(["y", "x"])), first_x(iter([])))  # type: ignore[arg-type]
    print(loop_else_in_try(2), loop_else_in_try(5))
    print(big_words(3), big_words(2**65))
    show("checked 3", lambda: checked(3))
    show("checked -1", lambda: checked(-1))
    show("checked 100", lambda: checked(100))
    show("side effects 4", lambda: asserting_side_effects(4))
    show("side effects 5", lambda: asserting_side_effects(5))
    print(deleted(3), deleted_twice(4))
    print(walrus(5), walrus(1), walrus(2**64), walrus_loop(10), walrus_loop(0))
    print(walrus_text("abc"), walrus_text("a"), walrus_float(3.0), walrus_float(0.25))
    print(repeat_sum(5), repeat_sum(0), last_counter(4))
    try:
        print(last_counter(0))
    except UnboundLocalError as error:
        print("UnboundLocalError:", error)
    globals()["AssertionError"] = ValueError  # the assert raises the builtin all the same
    show("shadowed", lambda: checked(-2))
    del globals()["AssertionError"]


main()
