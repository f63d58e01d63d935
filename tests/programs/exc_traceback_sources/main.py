"""Tracebacks quote the program's own lines, with 3.11's carets: printed by the program
(traceback, linecache, inspect) and by the uncaught-exception hook, through a local module."""

import inspect
import linecache
import sys
import traceback

import shapes

try:
    shapes.area({"kind": "circle"})
except KeyError:
    print(traceback.format_exc())

try:
    shapes.ratio(3, 0)
except ZeroDivisionError as error:
    print("".join(traceback.format_exception(error)))

print(inspect.getsource(shapes.ratio), end="")
print(repr(linecache.getline(shapes.__file__, 1)))
print(repr(linecache.getline(__file__, 1)))
print(sys.excepthook is sys.__excepthook__)

café = {"größe": [1, 2]}
print(café["größe"][0] + shapes.scale(café["größe"], "x") * 2)
