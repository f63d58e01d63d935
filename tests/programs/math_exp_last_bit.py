"""Last bits of libm results: zig's own exp/cosh/erfc differed here by one ulp from musl's (and glibc's).

python3.11.wasm uses wasi-libc's musl libm, which rounds these as glibc does; so must the module.
"""

import cmath
import math

print(repr(math.exp(1)))
print(repr(math.exp(-10.0)), repr(math.exp(-2.5714285714285716)), repr(math.exp(12.40979299676804)))
print(repr(math.cosh(1.0)), repr(math.cosh(-9.857142857142858)), repr(math.cosh(3.2857142857142856)))
print(repr(math.erfc(2.0)), repr(math.erfc(8.0)))
print(repr(math.gamma(-2.5714285714285716)), repr(math.gamma(-1.2857142857142858)))
print(repr(cmath.exp(1 + 0.5j)), repr(cmath.cosh(-1 + 0.5j)), repr(cmath.tanh(-1 + 0.5j)))
print(repr(cmath.sinh(-1 + 0.9999999999999999j)))
print(math.e == math.exp(1), math.exp(1) - math.e)
