"""Boxed native functions: __context__/__cause__ chains, bare re-raise, nested try, sys.exc_info."""

import sys


def show(msg) -> None:
    raise KeyError(msg)


def main(where) -> None:
    kind, value, tb = sys.exc_info()
    name = kind.__name__ if kind is not None else None
    print("  info", where, name, repr(value), tb is not None)


def describe_chain(e: BaseException) -> str:
    text = type(e).__name__ + str(e.args)
    cur = e.__context__
    while cur is not None:
        text = text + " <- " + type(cur).__name__ + str(cur.args)
        cur = cur.__context__
    return text + " cause=" + repr(e.__cause__) + " suppress=" + str(e.__suppress_context__)


def wrap_with_cause(key: str) -> int:
    try:
        show(key)
    except KeyError as e:
        raise RuntimeError("wrapped " + key) from e
    return 0


def wrap_implicit(key: str, hide: bool = False) -> int:
    try:
        show(key)
    except KeyError:
        if hide:
            raise RuntimeError("hidden") from None
        raise RuntimeError("while handling " + key)
    return 0


def fail_in_handler(n: int) -> int:
    try:
        return 10 // n
    except ZeroDivisionError:
        return int("not a number " + str(n))


def reraise(n: int) -> int:
    try:
        return 10 // n
    except ZeroDivisionError as e:
        print("reraising", repr(e), sys.exc_info().count(None))
        raise


def nested(n: int) -> str:
    log = ""
    try:
        try:
            show("inner" + str(n))
        except KeyError:
            main("inner handler")
            try:
                raise ValueError("innermost")
            except ValueError as deep:
                main("innermost handler")
                print("  deep context", describe_chain(deep))
            main("back in inner handler")
            if n > 1:
                raise
            log = log + "inner-done "
        main("after inner")
        if n > 0:
            raise RuntimeError("outer " + str(n))
    except RuntimeError as outer:
        main("outer handler")
        log = log + describe_chain(outer)
    except KeyError as again:
        log = log + "reraised " + describe_chain(again)
    print("  after all", sys.exc_info().count(None))
    return log


def run_all(key: str) -> None:
    try:
        wrap_with_cause(key)
    except RuntimeError as e:
        print("cause:", describe_chain(e), e.__cause__ is e.__context__)
    try:
        wrap_implicit(key)
    except RuntimeError as e:
        print("implicit:", describe_chain(e))
    try:
        wrap_implicit(key, True)
    except Exception as e:
        print("from None:", describe_chain(e), repr(e.__context__))
    try:
        fail_in_handler(0)
    except ValueError as e:
        print("in handler:", describe_chain(e))
    print("fine:", fail_in_handler(3), sys.exc_info().count(None))


run_all("k1")
for n in range(3):
    print(n, nested(n))
try:
    reraise(0)
except ArithmeticError as error:
    print("top", describe_chain(error), error.__traceback__ is not None)
print("clean", sys.exc_info())
try:
    try:
        raise OSError("top-level context")
    except OSError:
        wrap_with_cause("k2")
except RuntimeError as error:
    print("outer context kept:", describe_chain(error), error.__cause__ is error.__context__)
