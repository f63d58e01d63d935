# local package with submodules, subpackage, relative imports, shared mutable module state
import os
print("main:", __name__, os.path.basename(__file__))
import mypkg
print("after import mypkg")
import mypkg.sub.deep as d
from mypkg import helper, bump, VERSION
from mypkg.sub import SUB_CONST, DeepThing
from mypkg.util import module_names
import mypkg.util
from mypkg import *
import sys

print("names:", mypkg.__name__, mypkg.util.__name__, mypkg.sub.__name__, d.__name__)
print("packages:", mypkg.__package__, d.__package__, mypkg.sub.__package__)
print("doc:", mypkg.__doc__)
print("VERSION:", VERSION, "SUB_CONST:", SUB_CONST)
print("module_names():", module_names())
print("same module object:", d is mypkg.sub.deep, mypkg.util is sys.modules["mypkg.util"], mypkg.deep_value is d.deep_value)
print("counter start:", mypkg.counter)
print("bump:", bump(), bump(5), mypkg.counter)
print("deep_value:", d.deep_value(3), d.deep_value(4))
print("counter after deep_value (mutated from submodule):", mypkg.counter)
mypkg.counter = 1000
print("bump after external set:", bump())
print(helper("a"), helper(42))
print("registry:", mypkg.registry)
print("deep calls:", d.calls)
print("DeepThing:", DeepThing("x"), repr(d.DeepThing("y")))
print("private via module:", mypkg.util._private)
top_names = set(globals())
print("star import gave:", sorted(n for n in mypkg.__all__ if n in top_names), "util" in top_names, "counter" in top_names)
print("hasattr sub:", hasattr(mypkg, "sub"), hasattr(mypkg, "deep"), hasattr(mypkg.sub, "deep"))
print("loaded:", sorted(m for m in sys.modules if m.startswith("mypkg")))
import importlib
again = importlib.import_module("mypkg.sub")
print("import_module returns cached:", again is mypkg.sub, again.SUB_CONST)
try:
    import mypkg.missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from mypkg import nothing_here
except ImportError as e:
    print("ImportError:", type(e).__name__, e.name)
