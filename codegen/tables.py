"""Data tables the C runtime reads at start-up, emitted as wasm32 objects with llvmlite.

Frozen modules are megabytes of marshalled code: emitting them as LLVM constants and
letting LLVM write the object is far faster than compiling the same bytes as C arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from llvmlite import ir

from tpy2wasm.codegen.target import emit_object

_I8 = ir.IntType(8)
_I32 = ir.IntType(32)
_PTR = _I8.as_pointer()
_PYOBJECT_FN = ir.FunctionType(_PTR, [])
# struct _frozen {name, code, size, is_package, get_code} of CPython 3.11 (cpython/import.h).
_FROZEN = ir.LiteralStructType([_PTR, _PTR, _I32, _I32, _PTR])
# struct _inittab {name, initfunc} of CPython 3.11.
_INITTAB = ir.LiteralStructType([_PTR, _PYOBJECT_FN.as_pointer()])


@dataclass(frozen=True)
class FrozenModule:
    """A module served from memory: its marshalled code object."""

    name: str
    code: bytes
    is_package: bool


@dataclass(frozen=True)
class BuiltinModule:
    """A C module compiled into libpython; `init_function` is None for sys and builtins."""

    name: str
    init_function: str | None


def _byte_array(module: ir.Module, symbol: str, data: bytes) -> ir.Constant:
    array_type = ir.ArrayType(_I8, len(data))
    variable = ir.GlobalVariable(module, array_type, symbol)
    variable.global_constant = True
    variable.linkage = "private"
    variable.initializer = ir.Constant(array_type, bytearray(data))
    return variable.bitcast(_PTR)


def _c_string(module: ir.Module, symbol: str, text: str) -> ir.Constant:
    return _byte_array(module, symbol, text.encode("ascii") + b"\0")


def frozen_table_object(symbol: str, modules: Sequence[FrozenModule]) -> bytes:
    """A wasm object defining `const struct _frozen symbol[]`, ended by a NULL entry."""
    module = ir.Module(name=symbol)
    null = ir.Constant(_PTR, None)
    entries = []
    for index, frozen in enumerate(modules):
        name = _c_string(module, f"{symbol}.name.{index}", frozen.name)
        code = _byte_array(module, f"{symbol}.code.{index}", frozen.code)
        entries.append(
            ir.Constant(
                _FROZEN,
                [name, code, ir.Constant(_I32, len(frozen.code)), ir.Constant(_I32, int(frozen.is_package)), null],
            )
        )
    entries.append(ir.Constant(_FROZEN, [null, null, ir.Constant(_I32, 0), ir.Constant(_I32, 0), null]))
    table_type = ir.ArrayType(_FROZEN, len(entries))
    table = ir.GlobalVariable(module, table_type, symbol)
    table.global_constant = True
    table.initializer = ir.Constant(table_type, entries)
    return emit_object(str(module))


def inittab_object(modules: Sequence[BuiltinModule]) -> bytes:
    """A wasm object defining `_PyImport_Inittab`, which replaces libpython's config.o.

    Only the listed C modules end up referenced, so the linker drops the others.
    """
    module = ir.Module(name="inittab")
    null_function = ir.Constant(_PYOBJECT_FN.as_pointer(), None)
    entries = []
    for index, builtin in enumerate(modules):
        name = _c_string(module, f"inittab.name.{index}", builtin.name)
        if builtin.init_function is None:
            init = null_function
        else:
            init = ir.Function(module, _PYOBJECT_FN, builtin.init_function)
        entries.append(ir.Constant(_INITTAB, [name, init]))
    entries.append(ir.Constant(_INITTAB, [ir.Constant(_PTR, None), null_function]))
    table_type = ir.ArrayType(_INITTAB, len(entries))
    table = ir.GlobalVariable(module, table_type, "_PyImport_Inittab")
    table.initializer = ir.Constant(table_type, entries)
    return emit_object(str(module))
