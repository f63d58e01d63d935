"""Everything the runtime's excepthook prints through traceback.py with stand-ins for its
imports (wasm_runtime/traceback_imports.py): carets of binary operators and subscripts,
recursion folded, notes, chaining, exception groups (textwrap.indent), SyntaxError text,
sys.tracebacklimit, a program that imports linecache itself, then an uncaught error."""
import linecache
import sys


def rec(n):
    return rec(n + 1) if n < 50 else {"k": 1}["missing"]


def outer():
    try:
        rec(0)
    except KeyError as error:
        error.add_note("note one")
        error.__notes__.append(42)
        raise RuntimeError("wrapped")


def group():
    raise ExceptionGroup("eg", [TypeError("t"), ExceptionGroup("inner", [KeyError("k")])])


for action in (lambda: exec("x = (1 +\n"), group, outer):
    try:
        action()
    except BaseException:
        sys.excepthook(*sys.exc_info())
sys.tracebacklimit = 2
try:
    outer()
except RuntimeError:
    sys.excepthook(*sys.exc_info())
del sys.tracebacklimit
print(linecache.getline(__file__, 1).strip())


def f(x):
    return g(x) + 1


def g(x):
    d = {"a": [1, 2]}
    return d["a"][x] * 2 + h(x)


def h(x):
    return 1 / (x - x)


f(1)
