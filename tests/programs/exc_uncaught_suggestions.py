"""NameError and AttributeError end with CPython's "Did you mean" (its C printer's suggestion,
which traceback.py lacks in 3.11): names among a frame's locals, the module's globals and
builtins, attributes of an object and of a module; none when nothing is close; and a chain."""

import sys
import math

total_count = 3


class Point:
    def __init__(self):
        self.value = 1


def local_name():
    counter = 1
    return countr + counter


def global_name():
    return total_cont


def builtin_name():
    return lenn("abc")


def far_name():
    return zzzzqqq


def attribute():
    return Point().valeu


def module_attribute():
    return math.sqr(4)


for case in (local_name, global_name, builtin_name, far_name, attribute, module_attribute):
    try:
        case()
    except (NameError, AttributeError):
        sys.excepthook(*sys.exc_info())
try:
    global_name()
except NameError as error:
    raise RuntimeError("while loading") from error
