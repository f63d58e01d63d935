"""WASI numbers errors differently from Linux: OSError(2, ...) picks a different subclass."""

import errno

print(errno.ENOENT, errno.EACCES)
error = OSError(2, "No such file")
print(type(error).__name__, error)
try:
    2.0 ** 1e10
except OverflowError as overflow:
    print(overflow)
