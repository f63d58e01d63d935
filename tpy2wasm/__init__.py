"""tpy2wasm: compile Python 3.11 programs to standalone WASI modules, natively where types allow.

The two decorators below are what a program imports from tpy2wasm. Under CPython they change
nothing, so the program runs there as written; the compiler reads them, and the module it
builds gets its own `tpy2wasm` (wasm_runtime/guest_tpy2wasm.py) where they take effect.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: importing typing would slow down every program's start
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    _Function = TypeVar("_Function", bound=Callable[..., object])

import os.path

__version__ = "0.1.0"

# The parts (compiler, analysis, codegen, wasm_runtime) are top-level folders of the repository,
# which the wheel and the editable install map into this package (pyproject's package-dir). When
# this very folder is imported from a checkout (the repository root on sys.path, as under pytest
# or `python -m tpy2wasm` run there), the parts are found beside it.
if not os.path.isdir(os.path.join(os.path.dirname(__file__), "compiler")):
    __path__.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def export(function: _Function) -> _Function:
    """Export this typed module-level function of the main script from the module (a reactor)."""
    return function


def host_import(module: str, name: str) -> Callable[[_Function], _Function]:
    """Make calls to this typed stub call the Wasm import `module`.`name`; under CPython the
    stub's own body runs (a Python stand-in for the host)."""

    def unchanged(stub: _Function) -> _Function:
        return stub

    return unchanged
