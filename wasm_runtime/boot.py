"""Frozen into every module as `_tpy2wasm_boot`; main.c imports it before running __main__.

It installs the decorator that swaps native functions in, serves the program's own modules
under their source file names (`__file__`, tracebacks) with their sources (`get_source`, so
linecache, inspect and tracebacks quote lines), and makes the run look like `python3.11 app.py`:
sys.path[0], __main__'s attributes, and CPython's default recursion limit (the WASI build
lowers it; our Wasm stack is sized for it).

CPython's own traceback printer (sys.__excepthook__ in C) reads source lines from files only,
and the module has none: the hook installed here prints the same text through the stdlib's
traceback.py, run with stand-ins for its imports that read the program's own sources
(traceback_imports.py).

This module is compiled under importlib's file name so that, as with CPython's own loaders,
its frames are trimmed from the tracebacks of errors raised while a module is imported.
"""

import builtins
import sys
import _imp
import _frozen_importlib as _bootstrap
import _tpy2wasm

from _tpy2wasm_manifest import MAIN_FILE, USER_MODULES

CPYTHON_RECURSION_LIMIT = 1000
#: How many of the innermost entries CPython's C printer shows unless sys.tracebacklimit says.
C_TRACEBACK_LIMIT = 1000


class UserModuleLoader:
    """Finds and loads the program's local modules from the frozen table."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        entry = USER_MODULES.get(name)
        if entry is None:
            return None
        filename, is_package = entry
        spec = _bootstrap.ModuleSpec(name, cls, origin=filename, is_package=is_package)
        spec.has_location = True
        if is_package:
            spec.submodule_search_locations = [filename.rpartition("/")[0]]
        return spec

    @staticmethod
    def create_module(spec):
        return None

    @staticmethod
    def exec_module(module):
        code = _imp.get_frozen_object(module.__spec__.name)
        _bootstrap._call_with_frames_removed(exec, code, module.__dict__)

    @staticmethod
    def get_source(name):
        filename = MAIN_FILE if name == "__main__" else USER_MODULES[name][0]
        from _tpy2wasm_sources import LINES
        return "".join(LINES[filename])


def print_exception(exc_type, value, traceback):
    """sys.excepthook: what CPython's C printer writes, with the source lines quoted."""
    from _tpy2wasm_traceback import print_exception as print_with_traceback_py

    # The C printer keeps the innermost `limit` entries and prints nothing for a limit <= 0.
    limit = getattr(sys, "tracebacklimit", C_TRACEBACK_LIMIT)
    if not isinstance(limit, int):
        limit = C_TRACEBACK_LIMIT
    print_with_traceback_py(exc_type, value, traceback, -min(limit, sys.maxsize) if limit > 0 else 0)


def _prepare_main():
    builtins.__tpy2wasm_native__ = _tpy2wasm.native  # the compiler decorates native defs with it
    sys.excepthook = sys.__excepthook__ = print_exception
    sys.meta_path.insert(0, UserModuleLoader)
    sys.path.insert(0, MAIN_FILE.rpartition("/")[0])
    sys.setrecursionlimit(CPYTHON_RECURSION_LIMIT)
    main = sys.modules["__main__"]
    main.__file__ = MAIN_FILE
    main.__cached__ = None
    main.__loader__ = UserModuleLoader


_prepare_main()
