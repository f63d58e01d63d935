"""Found by the fuzzer (seed 3, f39): where a deep recursion hits the limit, CPython names the C-level
check that tripped ("in comparison": the `n <= 0` compare of a big int, which 3.11 does not
specialise); an unboxed function raised its own RecursionError without the suffix."""


def down(n: int, x: float) -> bool:
    if n <= 0:
        return True
    return down(n - 1, x)


def down_print(n: int, x: float) -> bool:
    if n <= 0:
        return True
    print(end="")
    return down_print(n - 1, x)


for function in (down, down_print):
    for start in (10 ** 20, 2 ** 63 - 1, 5000):
        try:
            print(function(start, 0.5))
        except RecursionError as error:
            print(function.__name__, start, "RecursionError", error)
