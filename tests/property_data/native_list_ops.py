"""Reads list operations from stdin, applies them to two lists that alias or not, and prints
each result (see tests/test_native_properties.py): the same program under CPython is the oracle.
The lists are declared list[float] but hold whatever the operations put in them (ints, big
ints, strings, None), as a hint that lies lets in."""

import sys


def read(xs: list[float], i: int) -> float:
    return xs[i]


def read_into_int(xs: list[int], i: int) -> int:
    return xs[i] + 0


def store(xs: list[float], i: int, value: float) -> None:
    xs[i] = value


def store_text(xs: list[str], i: int, value: str) -> None:
    xs[i] = value


def add_at(xs: list[float], i: int, value: float) -> None:
    xs[i] += value


def total(xs: list[float]) -> float:
    result: float = 0.0
    for x in xs:
        result += x
    return result


def count_true(xs: list[bool]) -> int:
    count: int = 0
    for flag in xs:
        if flag:
            count += 1
    return count


def indexed_sum(xs: list[float]) -> float:
    result: float = 0.0
    for i in range(len(xs)):
        result += xs[i]
    return result


def value_of(text: str) -> object:
    """An item: an int, a big int, a float (hex), or a string."""
    if text.startswith("s"):
        return text[1:]
    if "p" in text or "nan" in text or "inf" in text:
        return float.fromhex(text)
    return int(text)


def apply(xs: list[float], ys: list[float], words: list[str]) -> object:
    kind, target = words[0], xs if words[1] == "x" else ys
    if kind == "get":
        return read(target, int(words[2]))
    if kind == "geti":
        return read_into_int(target, int(words[2]))  # type: ignore[arg-type]
    if kind == "set":
        value = value_of(words[3])
        if isinstance(value, (int, float)):
            store(target, int(words[2]), value)
        else:
            store_text(target, int(words[2]), str(value))  # type: ignore[arg-type]
        return None
    if kind == "add":
        add_at(target, int(words[2]), value_of(words[3]))  # type: ignore[arg-type]
        return None
    if kind == "append":
        target.append(value_of(words[2]))  # type: ignore[arg-type]
        return None
    if kind == "pop":
        return target.pop()
    if kind == "total":
        return total(target)
    if kind == "truth":
        return count_true(target)  # type: ignore[arg-type]
    if kind == "indexed":
        return indexed_sum(target)
    if kind == "alias":
        return "aliased" if xs is ys else "separate"
    raise ValueError(kind)


def main() -> None:
    xs: list[float] = [0.0, 1.5, -2.0]
    ys: list[float] = xs if sys.stdin.readline().strip() == "alias" else [3, 4.25]
    for line in sys.stdin:
        try:
            print(repr(apply(xs, ys, line.split())))
        except (IndexError, TypeError, OverflowError, ValueError) as error:
            print(type(error).__name__, error)
    print(xs, ys)


main()
