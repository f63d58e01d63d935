"""Native frames' traceback entries point at the expression that raised, with CPython's carets:
binary ops, subscripts, calls, attributes and methods, augmented assignments, a multi-line
expression, non-ASCII text before the expression, and an exception crossing native frames."""

import traceback


def divide(a: int, b: int) -> int:
    return a // b


def ratio(a: float, b: float) -> float:
    label = "ε≈€😀"; return (a + 1.0) / b


def pick(text: str, i: int) -> str:
    return text[i] * 2


def through(a: int, b: int) -> int:
    return 1 + divide(a, b)


def outer(a: int, b: int) -> int:
    return through(a, b) - 1


def attribute(text: str) -> int:
    return len(text) + text.size  # type: ignore


def method(text: str) -> int:
    return len(text.splitt())  # type: ignore[attr-defined]


def call_result(n: int) -> int:
    return divide(n, n - n) + len(pick("ab", n))


def augmented(total: int, step: int) -> int:
    total //= step
    return total


def spread(a: int,
           b: int) -> int:
    return (a +
            a // b)


def iterate(text: str) -> int:
    total = 0
    for value in text.find("z"):  # type: ignore[attr-defined]
        total += value
    return total


def keyed(key: str) -> int:
    clé = "ü"; return {"a": 1}[key + clé]


def call_native(n: int) -> int:
    return n * 10


def shaped(n: int) -> int:
    return call_native(n) // (n - n)


def countdown(n: int, b: int) -> int:
    if n == 0:
        return 10 // b
    return countdown(n - 1, b)


def raises(flag: bool) -> int:
    if flag:
        raise ValueError("raised in a native frame")
    return 0


for thunk in (lambda: divide(1, 0), lambda: ratio(1.0, 0.0), lambda: pick("abc", 7),
              lambda: outer(5, 0), lambda: attribute("box"), lambda: method("a b"),
              lambda: call_result(1), lambda: augmented(9, 0),
              lambda: spread(1, 0), lambda: iterate("abc"), lambda: keyed("b"),
              lambda: shaped(4), lambda: countdown(3, 0), lambda: raises(True)):
    try:
        thunk()
    except Exception:
        traceback.print_exc()

outer(7, 0)
