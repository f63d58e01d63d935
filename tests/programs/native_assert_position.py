"""A failed assert in a native function: its traceback entry points at the test (CPython
underlines the test expression, parenthesised or not, spanning lines or not), also when the
message raises or the assert sits in a handler."""

import traceback


def parenthesised(x: float) -> int:
    y: int = 1
    assert (2.2250738585072014e-308 <= x), "nan"
    return y


def bare(n: int) -> int:
    assert n > 0 and n < 10
    return n


def spanning(n: int) -> int:
    assert (n
            < 3), f"too big: {n}"
    return n


def failing_message(n: int) -> int:
    assert n < 0, 1 // n
    return n


def in_handler(n: int) -> int:
    try:
        return 10 // n
    except ZeroDivisionError:
        assert n != 0, "zero"
    return -1


for call in (lambda: parenthesised(0.0), lambda: bare(12), lambda: spanning(7), lambda: failing_message(0),
             lambda: in_handler(0), lambda: parenthesised(1.0)):
    try:
        print(call())
    except Exception:
        print(traceback.format_exc())
print(bare(5))


def jumps(x: int, y: int, z: int) -> int:
    """CPython raises at the last comparison compiled as a jump, else at the statement."""
    for test in range(8):
        try:
            if test == 0:
                assert not (x > 1), "not"
            elif test == 1:
                assert x > 1 if y else z, "ifexp"
            elif test == 2:
                assert (x > 1) if y else (z < 2), "ifexp compares"
            elif test == 3:
                assert x < 1 and bool(y), "and call"
            elif test == 4:
                assert y or (z and x < 0), "or and"
            elif test == 5:
                assert 1 < x < 3, "chained"
            elif test == 6:
                assert abs(x - 10) > 100, "call inside"
            else:
                assert z, "name"
        except AssertionError:
            print(traceback.format_exc().splitlines()[-3:])
    return 0


print(jumps(5, 0, 0))
