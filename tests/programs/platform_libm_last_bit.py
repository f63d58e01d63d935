"""wasi-libc's libm may differ from glibc's in the last bit of a result."""

import math

print(repr(math.exp(1)))
