# sys.exc_info() and __context__ after a native function's except clause is left, on every
# path: falling off its end, return, break/continue, re-raise, a new raise, and an exception
# from a callee inside the clause.
import sys


def fail(message: str) -> None:
    raise ValueError(message)


def show(where: str) -> None:
    print(where, repr(sys.exc_info()[1]))


def callee_raises_in_bare_except() -> None:
    try:
        fail("first")
    except:
        fail("from the clause")


def callee_raises_in_named_except() -> None:
    try:
        fail("first")
    except ValueError as error:
        print("caught", error)
        fail("second")


def nested(n: int) -> str:
    try:
        fail("outer")
    except ValueError:
        try:
            fail("inner")
        except ValueError:
            show("inner handler")
            if n == 0:
                return "returned from inner"
        show("after inner")
        if n == 1:
            raise KeyError("new")
    return "fell off"


def loop(n: int) -> int:
    total = 0
    for i in range(n):
        try:
            fail(str(i))
        except ValueError:
            if i % 2 == 0:
                continue
            if i == 3:
                break
            total += i
    show("after loop")
    return total


def reraise() -> None:
    try:
        fail("again")
    except ValueError:
        raise


def later_raise() -> None:
    raise RuntimeError("later")


def check_context(run: str) -> None:
    for step in (callee_raises_in_bare_except, callee_raises_in_named_except, reraise):
        try:
            step()
        except Exception as error:
            print(run, step.__name__, repr(error), repr(error.__context__))
        show("after " + step.__name__)
    try:
        later_raise()
    except RuntimeError as error:
        print(run, "later context", repr(error.__context__))


show("start")
check_context("first run")
for n in (0, 1, 2):
    try:
        print(nested(n))
    except KeyError as error:
        print("nested raised", repr(error), repr(error.__context__))
    show("after nested")
print(loop(6))
show("end")
check_context("second run")
