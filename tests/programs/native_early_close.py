"""Boxed native functions release a `for` loop's iterator where CPython does: a generator
broken out of runs its `finally` at the `break` (before the next line prints), and so on
`return` (after the returned value is computed), when an exception leaves the loop (before
the handler runs) or the function, and when the loop ends; nested loops close innermost
first, and `continue` keeps the iterator. Leaving a loop and an except clause, the innermost
goes first (what sys.exc_info() shows in the generator's `finally`)."""

import sys


def numbers(name: str, count: int):
    try:
        for n in range(count):
            yield n
    finally:
        print("  close", name)


class Items:
    """An iterator whose death prints."""

    def __init__(self, name: str, count: int) -> None:
        self.name, self.left = name, count

    def __iter__(self) -> "Items":
        return self

    def __next__(self) -> int:
        if self.left == 0:
            raise StopIteration
        self.left -= 1
        return self.left

    def __del__(self) -> None:
        print("  del", self.name)


class Watched(Items):
    """An iterator whose death says which exception is being handled."""

    def __del__(self) -> None:
        print("  del", self.name, "handling", sys.exc_info()[0])


def noisy(text: str) -> str:
    print("  computing", text)
    return text


def break_after_print(limit: int) -> int:
    found = -1
    for n in numbers("break", 10):
        if n > limit:
            print("  found", n)
            found = n
            break
        print("  seen", n)
    print("  after the loop")
    return found


def return_from_loop(limit: int) -> str:
    for n in numbers("return", 10):
        if n == limit:
            print("  returning at", n)
            return noisy("value")
    return "none"


def exception_in_loop(limit: int) -> str:
    try:
        for n in Items("raising", 10):
            if n < limit:
                raise ValueError(n)
            print("  item", n)
    except ValueError as error:
        print("  handler", error)
    print("  after the try")
    return "ok"


def exception_leaves(limit: int) -> int:
    for n in numbers("leaving", 10):
        if n == limit:
            raise KeyError(n)
    return 0


def exhausted(count: int) -> int:
    total = 0
    for n in Items("exhausted", count):
        total += n
    print("  loop done", total)
    return total


def nested(rows: int, columns: int) -> int:
    cells = 0
    for row in numbers("outer", rows):
        for column in numbers("inner " + str(row), columns):
            if column == 1:
                continue
            if column == 2:
                print("  inner break at", row)
                break
            cells += 1
        if row == 2:
            print("  outer break")
            break
        print("  next row")
    print("  cells", cells)
    return cells


def nested_return(rows: int) -> str:
    for row in Items("outer items", rows):
        for column in Items("inner items", 3):
            if row == 1 and column == 1:
                return noisy("nested value")
    return "none"


def break_in_else_loop(limit: int) -> None:
    for n in numbers("else", 5):
        if n == limit:
            break
    else:
        print("  no break")
    print("  done", limit)


def return_from_loop_in_clause(limit: int) -> str:
    try:
        raise ValueError(limit)
    except ValueError:
        for n in Watched("loop in clause", 3):
            if n == limit:
                return "from the loop"
    return "after"


def return_from_clause_in_loop(limit: int) -> str:
    for n in Watched("clause in loop", 3):
        try:
            raise KeyError(n)
        except KeyError:
            if n == limit:
                return "from the clause"
    return "after"


def loop_in_finally(limit: int) -> int:
    try:
        for n in numbers("in try", 10):
            if n == limit:
                break
        print("  try body done")
    finally:
        print("  finally")
    return limit


for title, run in [
    ("break", lambda: break_after_print(2)),
    ("return", lambda: return_from_loop(1)),
    ("exception", lambda: exception_in_loop(7)),
    ("exhausted", lambda: exhausted(4)),
    ("nested", lambda: nested(4, 5)),
    ("nested return", lambda: nested_return(3)),
    ("else taken", lambda: break_in_else_loop(9)),
    ("else skipped", lambda: break_in_else_loop(2)),
    ("try/finally", lambda: loop_in_finally(3)),
    ("loop in clause", lambda: return_from_loop_in_clause(2)),
    ("clause in loop", lambda: return_from_clause_in_loop(1)),
]:
    print(title)
    print("->", run())
    print("returned")

print("exception leaves")
try:
    exception_leaves(3)
except KeyError as error:
    print("  caught", error)
