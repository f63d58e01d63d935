"""Native functions whose locals may be unbound where they are read: assigned on one branch
only, a loop's variable after a loop that never ran, deleted before a call that raises and
read in its handler. Each read raises CPython's UnboundLocalError there, and only there; the
reads every path assigns first do not."""

from collections.abc import Callable


def fail(n: int) -> int:
    if n > 2:
        raise ValueError("too big: " + str(n))
    return n


def one_branch(flag: bool, n: int) -> int:
    if flag:
        chosen = n * 2
    total = n + 1
    return chosen + total


def loop_variable(n: int) -> int:
    for i in range(n):
        pass
    return i


def text_variable(text: str) -> str:
    for letter in text:
        pass
    return letter


def deleted_word(n: int) -> int:
    x = n
    try:
        del x
        fail(n)
    except ValueError:
        return x
    return -n


def deleted_object(text: str, n: int) -> str:
    s = text + "!"
    try:
        del s
        fail(n)
    except ValueError:
        return s
    return text


def reassigned(n: int) -> float:
    x: float = n
    try:
        x = x / (n - 3)
    except ZeroDivisionError:
        print("zero at", n)
    return x


def attempt(label: str, thunk: Callable[[], object]) -> None:
    try:
        print(label, thunk())
    except UnboundLocalError as error:
        print(label, "UnboundLocalError:", error)


for flag in (True, False):
    attempt(f"one_branch({flag})", lambda: one_branch(flag, 5))
for n in (0, 3):
    attempt(f"loop_variable({n})", lambda: loop_variable(n))
for text in ("", "abc"):
    attempt(f"text_variable({text!r})", lambda: text_variable(text))
for n in (1, 5):
    attempt(f"deleted_word({n})", lambda: deleted_word(n))
    attempt(f"deleted_object({n})", lambda: deleted_object("t", n))
for n in (2, 3, 4):
    attempt(f"reassigned({n})", lambda: reassigned(n))
deleted_word(7)
