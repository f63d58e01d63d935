"""Frozen into every module as `_tpy2wasm_boot`; main.c imports it before running __main__.

It installs the decorator that swaps native functions in, serves the program's own modules under their source file names (`__file__`, tracebacks)
and makes the run look like `python3.11 app.py`: sys.path[0], __main__'s attributes, and
CPython's default recursion limit (the WASI build lowers it; our Wasm stack is sized for it).

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


def _prepare_main():
    builtins.__tpy2wasm_native__ = _tpy2wasm.native  # the compiler decorates native defs with it
    sys.meta_path.insert(0, UserModuleLoader)
    sys.path.insert(0, MAIN_FILE.rpartition("/")[0])
    sys.setrecursionlimit(CPYTHON_RECURSION_LIMIT)
    main = sys.modules["__main__"]
    main.__file__ = MAIN_FILE
    main.__cached__ = None
    main.__loader__ = UserModuleLoader


_prepare_main()
