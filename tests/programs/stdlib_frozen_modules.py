"""The modules CPython deep-freezes into libpython, as tpy2wasm now serves them itself: their
specs, original names, file names, and the `<frozen os>` frames their errors show."""
import sys
import _imp
import os
import runpy
import zipimport
import importlib.util
import importlib.machinery

for name in ("_frozen_importlib", "_frozen_importlib_external", "zipimport", "abc", "codecs", "io", "os", "site",
             "posixpath", "stat", "_collections_abc", "runpy", "importlib.util", "importlib.machinery"):
    module = sys.modules[name]
    spec = module.__spec__
    state = spec.loader_state
    print(name, spec.origin, spec.loader.__name__, state.origname, os.path.basename(getattr(module, "__file__", "-")),
          _imp.is_frozen(name), _imp.find_frozen(name)[1:])
print(zipimport.zipimporter.__name__, importlib.util.find_spec("stat").origin, runpy.run_path.__name__)
print(os.path is sys.modules["os.path"], os.path.__name__)
try:
    os.environ["TPY2WASM_NOT_SET"]
except KeyError as error:
    tb = error.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    print(tb.tb_frame.f_code.co_filename, tb.tb_frame.f_code.co_name)
os.environ["TPY2WASM_NOT_SET_EITHER"]
