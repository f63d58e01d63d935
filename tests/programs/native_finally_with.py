"""Native functions with try/finally and with: the cleanup runs on every way out (falling
through, an exception, return, break, continue), in CPython's order, with CPython's errors."""

import sys
from typing import Any


class Manager:
    """Prints what its __enter__ and __exit__ get; suppresses the exceptions it is told to."""

    def __init__(self, name: str, suppress: bool = False, fail_exit: bool = False) -> None:
        self.name, self.suppress, self.fail_exit = name, suppress, fail_exit

    def __enter__(self) -> str:
        print("  enter", self.name)
        return self.name.upper()

    def __exit__(self, kind: Any, value: Any, traceback: Any) -> bool:
        seen = "nothing" if kind is None else f"{kind.__name__}({value}) at line {traceback.tb_lineno}"
        print("  exit", self.name, seen, "handled now:", repr(sys.exc_info()[1]))
        if self.fail_exit:
            raise RuntimeError(f"exit of {self.name} failed")
        return self.suppress


class PairManager:
    def __enter__(self) -> tuple[int, str]:
        return 7, "seven"

    def __exit__(self, *args: Any) -> None:
        print("  pair exit")


class NoExit:
    def __enter__(self) -> None:
        pass


def watched(label: str, count: int) -> Any:
    try:
        for index in range(count):
            yield index
    finally:
        print("  generator", label, "closed")


def falls_through(n: int) -> int:
    try:
        n += 1
        print("  body", n)
    finally:
        print("  finally", n)
    return n


def raises_through(n: int) -> int:
    try:
        print("  body", 10 // n)
    finally:
        print("  finally sees", repr(sys.exc_info()[1]))
    return n


def note(text: str) -> int:
    print("  computing", text)
    return len(text)


def returns_through(text: str) -> int:
    try:
        return note(text)
    finally:
        print("  finally after the value")


def finally_overrides(n: int) -> int:
    try:
        if n > 0:
            return n
        raise ValueError("dropped")
    finally:
        return -1  # noqa: B012  (drops the return value and the exception)


def loop_with_jumps(n: int) -> int:
    total: int = 0
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            total += i
        finally:
            print("  finally of", i)
    return total


def nested(n: int) -> int:
    try:
        try:
            if n:
                return n * 10
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
    return 0


def with_handlers(n: int) -> str:
    try:
        result = str(100 // n)
    except ZeroDivisionError as error:
        print("  caught", error)
        result = "zero"
    else:
        print("  else", result)
    finally:
        print("  finally", n)
    return result


def raises_in_finally(n: int) -> int:
    try:
        raise KeyError(n)
    finally:
        raise ValueError("from finally")


def return_in_loop_over_generator(limit: int) -> int:
    for value in watched("return", 5):
        try:
            if value == limit:
                return value
        finally:
            print("  finally at", value)
    return -1


def managed(name: str) -> str:
    with Manager(name) as value:
        print("  inside", value)
    return value


def managed_raises(name: str, suppress: bool) -> str:
    with Manager(name, suppress) as value:
        print("  inside", value)
        raise LookupError(name)
    return "after " + value


def managed_return(name: str) -> str:
    with Manager(name):
        return name + "!"
    return "not reached: the manager does not suppress"


def managed_loop(n: int) -> int:
    total: int = 0
    for i in range(n):
        with Manager(f"m{i}"):
            if i == 0:
                continue
            if i == 2:
                break
            total += 10
    return total


def managed_many(name: str) -> str:
    with Manager(name + "1") as first, Manager(name + "2") as second:
        print("  both", first, second)
        raise IndexError("inner")
    return first


def managed_pair(k: int) -> int:
    number: int
    word: str
    with PairManager() as (number, word):
        print("  pair", number, word)
    return number + k


def managed_failing_exit(name: str) -> str:
    with Manager(name, fail_exit=True):
        raise KeyError(name)
    return name


def not_a_manager(n: int) -> int:
    with n:  # type: ignore[attr-defined]
        pass
    return n


def no_exit(n: int) -> int:
    with NoExit():  # type: ignore[attr-defined]
        pass
    return n


def show(label: str, compute: Any) -> None:
    print(label)
    try:
        print("  ->", compute())
    except Exception as error:
        context = error.__context__
        print("  raised", type(error).__name__, error, "context:", repr(context))


def main() -> None:
    show("falls through", lambda: falls_through(1))
    show("raises through", lambda: raises_through(0))
    show("returns through", lambda: returns_through("abc"))
    show("finally overrides 5", lambda: finally_overrides(5))
    show("finally overrides 0", lambda: finally_overrides(0))
    show("loop with jumps", lambda: loop_with_jumps(5))
    show("nested 2", lambda: nested(2))
    show("nested 0", lambda: nested(0))
    show("handlers 4", lambda: with_handlers(4))
    show("handlers 0", lambda: with_handlers(0))
    show("raises in finally", lambda: raises_in_finally(1))
    show("generator 2", lambda: return_in_loop_over_generator(2))
    show("generator 9", lambda: return_in_loop_over_generator(9))
    show("managed", lambda: managed("a"))
    show("managed raises", lambda: managed_raises("b", False))
    show("managed suppresses", lambda: managed_raises("c", True))
    show("managed return", lambda: managed_return("d"))
    show("managed loop", lambda: managed_loop(4))
    show("managed many", lambda: managed_many("e"))
    show("managed pair", lambda: managed_pair(1))
    show("failing exit", lambda: managed_failing_exit("f"))
    show("not a manager", lambda: not_a_manager(3))
    show("no exit", lambda: no_exit(3))


main()
