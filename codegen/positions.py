"""Source positions of failure sites, as constants the runtime's traceback call reads.

A failing op stores a pointer to its position (line, end line, UTF-8 byte column, end
column; -1 for no column) and the frame's traceback entry is made from it, so a native
frame shows the same carets as CPython's. Only the error path touches them.
"""

from __future__ import annotations

from typing import Union

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.codegen.runtime_api import I32, PTR

_POSITION = ir.LiteralStructType([I32, I32, I32, I32])

Site = Union[tir.Op, tir.Terminator]


def position(item: Site) -> tir.Position:
    """The span the op or terminator was lowered for, or just its line when it has none."""
    return item.position or tir.Position(item.line, item.line, -1, -1)


def position_pointer(module: ir.Module, where: tir.Position) -> ir.Constant:
    """An i8* to `where` as four i32s, one constant per distinct position in the module."""
    fields = (where.line, where.end_line, where.column, where.end_column)
    name = "position." + ".".join(str(field + 1) for field in fields)
    variable = module.globals.get(name)
    if variable is None:
        variable = ir.GlobalVariable(module, _POSITION, name)
        variable.linkage = "private"
        variable.global_constant = True
        variable.initializer = ir.Constant(_POSITION, [ir.Constant(I32, field) for field in fields])
    assert isinstance(variable, ir.GlobalVariable)
    return variable.bitcast(PTR)
