"""Found by the fuzzer (seed 20002, f85): a NaN made by an invalid float operation has the host's
sign (x86 and wasmtime: the sign bit set), in CPython's folded constants and at run time. An
unboxed function's `1e309 - 1e309` was folded by LLVM to its own default NaN, sign bit clear."""

import math


def unboxed() -> float:
    return 1e309 - 1e309


def unboxed_through_overflow() -> float:
    x = 1e308 * 10.0
    return x - x


def unboxed_zero_times_inf() -> float:
    return 0.0 * 1e309


def unboxed_inf_over_inf() -> float:
    return 1e309 / -1e309


def boxed_loop(n: int) -> float:
    """A boxed function's loop on float words runs in its fast version, on doubles."""
    total: float = 0.0
    for _ in range(n):
        big: float = 1e308 * 10.0
        total = big - big
    print("in boxed loop", math.copysign(1.0, total))
    return total


def boxed() -> float:
    x: float = 1e309 - 1e309
    print("in boxed", math.copysign(1.0, x))
    return x


for function in (unboxed, unboxed_through_overflow, unboxed_zero_times_inf, unboxed_inf_over_inf, boxed):
    print(function.__name__, math.copysign(1.0, function()))
print("boxed_loop", math.copysign(1.0, boxed_loop(3)))
print("module level", math.copysign(1.0, 1e309 - 1e309))
print("a nan passed through keeps its sign", math.copysign(1.0, -float("nan")), math.copysign(1.0, float("nan")))
