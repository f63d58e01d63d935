"""Boxed native functions (they print) with `for i in range(...)` loops, which count on int words
when range() gives a range of small ints and go through CPython's iterator otherwise: 1 to 3
arguments, literal, negative and computed steps, step 0, empty ranges, the loop variable after a
loop and after an empty one, assignments to it in the body, break and continue, nested loops,
bounds around 2**61, 2**62 and 2**63 and big ints, a float through a lying hint, __index__
objects, and `range` rebound in the module's globals and in builtins after the first calls."""

import builtins
from typing import Any

G: int = -1
real_range = range


class Index:
    """An int only through __index__, which range() calls."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __index__(self) -> int:
        print("index", self.value)
        return self.value

    def __repr__(self) -> str:
        return f"Index({self.value})"


class Backwards:
    """What `range` names after a rebinding: a real range counting the other way for a step, a
    list of the values otherwise."""

    def __call__(self, *args: int) -> object:
        print("rebound range", args)
        if len(args) == 3:
            start, stop, step = args
            return real_range(stop - step, start - step, -step)
        return list(real_range(*args))[::-1]


def one_arg(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    print("one_arg", n, total)
    return total


def two_args(a: int, b: int) -> int:
    count = 0
    first = None
    for i in range(a, b):
        if first is None:
            first = i
        count += 1
    print("two_args", a, b, count, first)
    return count


def stepped(a: int, b: int, c: int) -> int:
    count = 0
    total = 0
    for i in range(a, b, c):
        if count < 3:
            print("stepped item", i)
        count += 1
        total += i
    print("stepped", a, b, c, count, total)
    return count


def literal_steps(n: int) -> int:
    total = 0
    for i in range(n, 0, -1):
        total = total * 3 + i
    for j in range(0, n, 3):
        total -= j
    for k in range(-n, n, 1):
        total += k * k
    for m in range(n, -n, -2):
        total += m
    print("literal_steps", n, total)
    return total


def after_loop(n: int) -> int:
    i = -7
    for i in range(n):
        pass
    print("after_loop", n, i)
    return i


def unbound_after_empty(n: int) -> int:
    for i in range(n):
        print("unbound_after_empty body", i)
    return i


def reassigned(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
        i = i * 100 + 1
        total += i
        print("reassigned", i, total)
    print("reassigned end", i)
    return total


def control(n: int) -> int:
    found = -1
    for i in range(n):
        if i % 3 == 0:
            continue
        if i * i > n:
            found = i
            break
        print("control", i)
    print("control end", n, found)
    return found


def nested(n: int) -> int:
    total = 0
    for i in range(n):
        for j in range(i, n, 2):
            if j == 5:
                break
            total += i * j
        print("nested", i, j, total)
    return total


def early_return(n: int) -> int:
    for i in range(n):
        for j in range(n, 0, -1):
            if i * j == 6:
                print("early_return", i, j)
                return i * 10 + j
    print("early_return none", n)
    return -1


def guarded(n: int) -> int:
    total = 0
    for i in range(n):
        try:
            total += 12 // (i - 2)
        except ZeroDivisionError as error:
            print("guarded", i, error)
            continue
    print("guarded total", total)
    return total


def escape(n: int) -> int:
    last = -1
    try:
        for i in range(n):
            last = i
            if i == 3:
                raise KeyError(i)
    except KeyError as error:
        print("escape", repr(error), last)
    return last


def big_bounds(a: int, b: int, c: int) -> int:
    count = 0
    last = 0
    for i in range(a, b, c):
        count += 1
        last = i
        if count == 4:
            break
    print("big_bounds", count, last, type(last).__name__, last - a)
    return count


def global_target(n: int) -> int:
    global G
    for G in range(n):
        print("global_target", G)
    return G


def item_target(n: int) -> int:
    cells: Any = [0, 0]
    for cells[0] in range(n, n + 3):
        cells[1] += cells[0]
    print("item_target", cells)
    return cells[0]


def computed(n: int, k: int) -> int:
    total = 0
    for i in range(n * k, n - k * 3, -k):
        total += i
    print("computed", n, k, total)
    return total


def show(label, function, *args):
    try:
        function(*args)
    except (TypeError, ValueError, UnboundLocalError) as error:
        print(label, type(error).__name__, error)


def main():
    one_arg(10)
    one_arg(0)
    one_arg(-3)
    one_arg(True)
    two_args(3, 8)
    two_args(8, 3)
    two_args(-5, -2)
    for a, b, c in [(0, 10, 3), (10, 0, -3), (10, 0, 3), (0, 10, -3), (-7, 7, 5), (5, 5, 1), (3, -20, -7)]:
        stepped(a, b, c)
    literal_steps(7)
    literal_steps(0)
    after_loop(5)
    after_loop(0)
    show("unbound", unbound_after_empty, 0)
    unbound_after_empty(2)
    reassigned(3)
    control(20)
    control(0)
    nested(7)
    early_return(5)
    early_return(2)
    guarded(6)
    escape(10)
    escape(2)
    global_target(3)
    global_target(0)
    print("G", G)
    item_target(5)
    computed(10, 2)
    computed(10, -2)
    show("computed zero", computed, 10, 0)
    show("step zero", stepped, 0, 5, 0)
    show("float", stepped, 0, 2.5, 1)
    show("float one", one_arg, 4.0)
    show("str", two_args, "a", 3)
    show("index", stepped, Index(2), Index(11), Index(3))
    show("index", one_arg, Index(4))
    for a, b, c in [(2**61 - 3, 2**61 + 3, 1), (2**61 - 9, 2**61 - 1, 2), (-(2**61), -(2**61) + 5, 2),
                    (-(2**61) - 1, -(2**61) + 2, 1), (2**61 - 1, 2**61 - 5, -1), (2**62 - 2, 2**62 + 2, 1),
                    (2**62 + 2, 2**62 - 2, -1), (-(2**62) - 1, -(2**62) + 2, 1), (2**63 - 2, 2**63 + 2, 1),
                    (-(2**63) - 1, -(2**63) + 1, 1), (10**20, 10**20 + 3, 1), (10**20, 0, -3 * 10**19),
                    (0, 10, 10**20), (0, 2**61, 2**60 - 1), (2**60, -(2**60), -(2**60) - 1),
                    (-(2**61), 2**61 - 1, 2**61 - 1)]:
        big_bounds(a, b, c)
    # `range` rebound: in builtins, then as a module global, then back to the builtin.
    setattr(builtins, "range", Backwards())
    one_arg(4)
    stepped(0, 10, 3)
    literal_steps(4)
    setattr(builtins, "range", real_range)
    globals()["range"] = Backwards()
    two_args(1, 4)
    computed(10, 2)
    nested(3)
    del globals()["range"]
    one_arg(4)
    literal_steps(4)


main()
