"""Boxed native functions catching exceptions across dynamic code: by class, base class, tuple, bare."""

import json
import sys
from typing import Callable


class AppError(Exception):
    """The base of this program's errors."""


class ParseError(AppError):
    pass


class LimitError(AppError, ValueError):
    pass


current: Callable[[], str] = lambda: type(sys.exc_info()[1]).__name__


def show(kind, text="") -> int:
    """Dynamic code: parses text (kind -1) or fails in the way kind names."""
    if kind == -1:
        if not text or not text.isdigit():
            raise ParseError("bad text " + repr(text), len(text))
        if int(text) > 100:
            raise LimitError("too big", int(text))
        return int(text)
    actions = [lambda: {"a": 1}["missing"], lambda: [1, 2][5], lambda: 1 / 0, lambda: int("x7"),
               lambda: ConnectionResetError("peer gone"), lambda: json.loads("{bad"), lambda: checked_div(6, 6)]
    if kind < len(actions):
        result = actions[kind]()
        if isinstance(result, BaseException):
            raise result
    return "x" + kind


def main(a, b) -> object:
    """Dynamic code calling typed code and catching what it raises."""
    try:
        return checked_div(a, b)
    except (ArithmeticError, AppError) as e:
        return "caught " + repr(e) + repr(e.args)


def parse(text: str) -> int:
    try:
        value = show(-1, text)
    except LimitError as e:
        print("limit", e.args, len(e.args), isinstance(e, ValueError), file=sys.stderr)
        return -2
    except ParseError as e:
        print("parse", repr(e), str(e), type(e).__name__, current())
        return -1
    else:
        print("parsed", value, value * 2)
    return value + 1


def classify(kind: int) -> str:
    try:
        show(kind)
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__ + " " + repr(e.args)
    except ArithmeticError as e:
        return "arith " + str(e) + " " + str(isinstance(e, ZeroDivisionError))
    except (TypeError, json.JSONDecodeError, ValueError) as e:
        return "value " + type(e).__name__ + ": " + str(e)
    except OSError as e:
        return "os " + type(e).__name__ + " " + str(e.errno) + " " + str(e.strerror) + " " + str(e)
    except AppError as e:
        return "app " + repr(e) + " " + str(len(e.args))
    return "none"


def checked_div(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError("custom zero for " + str(a))
    if b < 0:
        raise LimitError("negative", b)
    if a == b:
        raise AppError
    return a // b


def swallow(kind: int) -> str:
    try:
        show(kind)
    except:
        return "swallowed " + current()
    return "nothing"


def via_dynamic(a: int, b: int) -> str:
    result = str(main(a, b))
    try:
        return result + " / direct " + str(checked_div(a, b))
    except (ValueError, ArithmeticError) as e:
        return result + " / " + current() + " " + repr(e) + " " + str(isinstance(e, AppError))


for text in ("42", "", "4x2", "500", "100"):
    print(repr(text), parse(text))
for kind in range(8):
    print(kind, classify(kind), swallow(kind), sep=" | ")
for a, b in ((7, 2), (7, 0), (7, -1)):
    print(main(a, b), via_dynamic(a, b), current())
try:
    via_dynamic(3, 3)
except AppError as error:
    print("top level", repr(error), error.__context__, current())
