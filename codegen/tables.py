"""Data tables the C runtime reads at start-up, emitted as wasm32 objects with llvmlite.

Frozen modules are megabytes of marshalled code: emitting them as LLVM constants and
letting LLVM write the object is far faster than compiling the same bytes as C arrays.
A module marked `deflated` is stored as a raw deflate stream, and its entry has no code but a
`get_code` function that inflates it when it is imported (wasm_runtime/frozen_code.c): CPython
3.11 calls an entry's get_code, the hook of its deep-frozen modules, instead of unmarshalling.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from llvmlite import ir

from tpy2wasm.codegen.target import emit_object

_I8 = ir.IntType(8)
_I32 = ir.IntType(32)
_PTR = _I8.as_pointer()
_PYOBJECT_FN = ir.FunctionType(_PTR, [])
# struct _frozen {name, code, size, is_package, get_code} of CPython 3.11 (cpython/import.h).
_FROZEN = ir.LiteralStructType([_PTR, _PTR, _I32, _I32, _PYOBJECT_FN.as_pointer()])
#: PyObject *tpy2wasm_frozen_code(const uint8_t *deflated, int deflated_size, int size)
_INFLATE_CODE = "tpy2wasm_frozen_code"
_INFLATE_CODE_FN = ir.FunctionType(_PTR, [_PTR, _I32, _I32])
# struct _module_alias {name, orig} of CPython 3.11 (internal/pycore_import.h).
_ALIAS = ir.LiteralStructType([_PTR, _PTR])
# struct _inittab {name, initfunc} of CPython 3.11.
_INITTAB = ir.LiteralStructType([_PTR, _PYOBJECT_FN.as_pointer()])


@dataclass(frozen=True)
class FrozenModule:
    """A module served from memory: its marshalled code object."""

    name: str
    code: bytes
    is_package: bool
    #: stored deflated, inflated when imported: for modules a run may well never import
    deflated: bool = False


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


def deflate(data: bytes) -> bytes:
    """A raw deflate stream (no zlib header: the decoder knows the size it expects)."""
    compressor = zlib.compressobj(zlib.Z_BEST_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush()


def _code_getter(module: ir.Module, symbol: str, frozen: FrozenModule) -> ir.Function:
    """`PyObject *get_code(void)` returning `tpy2wasm_frozen_code(deflated, its size, code size)`."""
    deflated = deflate(frozen.code)
    data = _byte_array(module, f"{symbol}.deflated", deflated)
    inflate = module.globals.get(_INFLATE_CODE) or ir.Function(module, _INFLATE_CODE_FN, _INFLATE_CODE)
    getter = ir.Function(module, _PYOBJECT_FN, f"{symbol}.get_code")
    getter.linkage = "private"
    builder = ir.IRBuilder(getter.append_basic_block())
    builder.ret(builder.call(inflate, [data, ir.Constant(_I32, len(deflated)), ir.Constant(_I32, len(frozen.code))]))
    return getter


def frozen_table_object(symbol: str, modules: Sequence[FrozenModule]) -> bytes:
    """A wasm object defining `const struct _frozen symbol[]`, ended by a NULL entry."""
    module = ir.Module(name=symbol)
    _frozen_table(module, symbol, modules, exported=True)
    return emit_object(str(module))


def _frozen_table(module: ir.Module, symbol: str, modules: Sequence[FrozenModule],
                  exported: bool = False) -> ir.GlobalVariable:
    """`const struct _frozen symbol[]` of `modules`, ended by a NULL entry (private to `module`
    unless `exported`)."""
    null = ir.Constant(_PTR, None)
    no_getter = ir.Constant(_PYOBJECT_FN.as_pointer(), None)
    entries = []
    for index, frozen in enumerate(modules):
        name = _c_string(module, f"{symbol}.name.{index}", frozen.name)
        is_package = ir.Constant(_I32, int(frozen.is_package))
        if frozen.deflated:
            getter = _code_getter(module, f"{symbol}.code.{index}", frozen)
            entries.append(ir.Constant(_FROZEN, [name, null, ir.Constant(_I32, 0), is_package, getter]))
        else:
            code = _byte_array(module, f"{symbol}.code.{index}", frozen.code)
            entries.append(ir.Constant(_FROZEN, [name, code, ir.Constant(_I32, len(frozen.code)), is_package, no_getter]))
    entries.append(ir.Constant(_FROZEN, [null, null, ir.Constant(_I32, 0), ir.Constant(_I32, 0), no_getter]))
    table_type = ir.ArrayType(_FROZEN, len(entries))
    table = ir.GlobalVariable(module, table_type, symbol)
    table.global_constant = True
    if not exported:
        table.linkage = "private"
    table.initializer = ir.Constant(table_type, entries)
    return table


def _pointer_variable(module: ir.Module, symbol: str, target: ir.GlobalVariable | None,
                      pointer_type: ir.PointerType) -> None:
    """A global `T *symbol = target` (NULL without a target) that C code may reassign."""
    variable = ir.GlobalVariable(module, pointer_type, symbol)
    variable.initializer = ir.Constant(pointer_type, None) if target is None else target.bitcast(pointer_type)


def libpython_frozen_object(bootstrap: Sequence[FrozenModule], aliases: Sequence[tuple[str, str]]) -> bytes:
    """A wasm object that stands in for libpython's frozen.o and deepfreeze.o, so the linker
    takes neither: CPython's 3.11 build deep-freezes 22 modules into 0.66 MB of static objects,
    most of which a program never imports. This object defines what the rest of libpython
    asks of those two: the bootstrap table (`bootstrap`: the import system's own modules, as
    marshalled code), empty stdlib and test tables (tpy2wasm serves the stdlib from
    PyImport_FrozenModules), the table of aliases `_imp.find_frozen` reports as a module's
    original name, PyImport_FrozenModules itself, and deepfreeze's start-up and exit hooks,
    which have nothing to do.
    """
    module = ir.Module(name="libpython_frozen")
    frozen_pointer = _FROZEN.as_pointer()
    _pointer_variable(module, "_PyImport_FrozenBootstrap", _frozen_table(module, "bootstrap", bootstrap), frozen_pointer)
    _pointer_variable(module, "_PyImport_FrozenStdlib", _frozen_table(module, "stdlib", ()), frozen_pointer)
    _pointer_variable(module, "_PyImport_FrozenTest", _frozen_table(module, "test", ()), frozen_pointer)
    _pointer_variable(module, "PyImport_FrozenModules", None, frozen_pointer)
    alias_entries = [ir.Constant(_ALIAS, [_c_string(module, f"alias.name.{index}", name),
                                          _c_string(module, f"alias.orig.{index}", original)])
                     for index, (name, original) in enumerate(aliases)]
    alias_entries.append(ir.Constant(_ALIAS, [ir.Constant(_PTR, None), ir.Constant(_PTR, None)]))
    alias_type = ir.ArrayType(_ALIAS, len(alias_entries))
    alias_table = ir.GlobalVariable(module, alias_type, "aliases")
    alias_table.global_constant = True
    alias_table.linkage = "private"
    alias_table.initializer = ir.Constant(alias_type, alias_entries)
    _pointer_variable(module, "_PyImport_FrozenAliases", alias_table, _ALIAS.as_pointer())
    init = ir.Function(module, ir.FunctionType(_I32, []), "_Py_Deepfreeze_Init")
    ir.IRBuilder(init.append_basic_block()).ret(ir.Constant(_I32, 0))
    ir.IRBuilder(ir.Function(module, ir.FunctionType(ir.VoidType(), []), "_Py_Deepfreeze_Fini")
                 .append_basic_block()).ret_void()
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
