import math


def unboxed() -> float:
    return 1e309 - 1e309


def boxed() -> float:
    x: float = 1e309 - 1e309
    print("in boxed", math.copysign(1.0, x))
    return x


print(math.copysign(1.0, unboxed()), math.copysign(1.0, boxed()), math.copysign(1.0, 1e309 - 1e309))
