"""The new reference each operation on objects computes in a native function: one call of the
runtime (codegen/runtime_api.py) or of CPython's C API per operation, NULL when it raised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.codegen import int_words, object_words
from tpy2wasm.codegen.object_fields import DICT_VERSION, load_field, load_global_item
from tpy2wasm.codegen.runtime_api import I32, I64, NAME_CACHE, NAME_IN_GLOBALS, PTR
from tpy2wasm.codegen.strings import StringPool

_I64_MIN, _I64_MAX = -(2**63), 2**63 - 1
_SINGLETONS = {None: 0, False: 1, True: 2}
_OBJECT_TESTS = {tir.CompareOperator.IS: "tpy2wasm_is", tir.CompareOperator.IS_NOT: "tpy2wasm_is_not",
                 tir.CompareOperator.IN: "tpy2wasm_in", tir.CompareOperator.NOT_IN: "tpy2wasm_not_in"}


class ObjectEmitter(Protocol):
    builder: ir.IRBuilder
    module: ir.Module
    llvm_function: ir.Function
    strings: StringPool
    globals_pointer: ir.Value
    function: tir.FunctionIR

    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value: ...
    def value(self, register: tir.Register) -> ir.Value: ...
    def values(self, registers: Iterable[tir.Register]) -> list[ir.Value]: ...
    def call_with_array(self, name: str, values: list[ir.Value], *before: ir.Value,
                        after: tuple[ir.Value, ...] = ()) -> ir.Value: ...
    def cache(self, cache_type: ir.Type = PTR) -> ir.GlobalVariable: ...
    def load_local(self, op: tir.LoadLocal, retain: bool = True) -> ir.Value: ...
    def retain(self, value: ir.Value) -> None: ...
    def known_fast(self, register: tir.Register) -> bool: ...


def object_of(emitter: ObjectEmitter, op: tir.Op) -> ir.Value:
    call = emitter.call_runtime
    if isinstance(op, tir.LoadConst):
        return constant(emitter, op.value)
    if isinstance(op, tir.LoadLocal):
        return emitter.load_local(op)
    if isinstance(op, tir.LoadGlobal):
        return load_global(emitter, op.name)
    if isinstance(op, tir.Binary):
        function = int_words.cpython_function(emitter.module, int_words.NUMBER_FUNCTIONS[op.operator][op.inplace],
                                              int_words.BINARY_FUNCTION)
        return call("tpy2wasm_binary_op", function, *emitter.values((op.left, op.right)))
    if isinstance(op, tir.Unary):
        name = "tpy2wasm_not" if op.operator is tir.UnaryOperator.NOT else int_words.UNARY_FUNCTIONS[op.operator]
        function = int_words.cpython_function(emitter.module, name, int_words.UNARY_FUNCTION)
        return call("tpy2wasm_unary_op", function, emitter.value(op.operand))
    if isinstance(op, tir.Compare) and op.operator in int_words.RICH_COMPARE:
        return call("tpy2wasm_compare_op", ir.Constant(I32, int_words.RICH_COMPARE[op.operator]),
                    *emitter.values((op.left, op.right)))
    if isinstance(op, tir.Compare):  # identity and membership
        return call(_OBJECT_TESTS[op.operator], *emitter.values((op.left, op.right)))
    if isinstance(op, tob.BuildSlice):
        return call("PySlice_New", *emitter.values((op.start, op.stop, op.step)))
    if isinstance(op, tob.BuildDict):
        return emitter.call_with_array("tpy2wasm_build_dict", emitter.values(op.items),
                                       after=(ir.Constant(I32, len(op.items) // 2),))
    if isinstance(op, tob.CallObject):
        names = "".join(f"{name}\0" for name in op.keywords)
        return emitter.call_with_array("tpy2wasm_call", emitter.values(op.args), emitter.value(op.callee),
                                       after=(ir.Constant(I32, len(op.args)), ir.Constant(I32, len(op.keywords)),
                                              emitter.strings.pointer(names), emitter.cache()))
    if isinstance(op, tob.BuildSequence):
        is_list = ir.Constant(I32, int(op.kind is tob.SequenceKind.LIST))
        return emitter.call_with_array("tpy2wasm_build_sequence", emitter.values(op.items),
                                       after=(ir.Constant(I32, len(op.items)), is_list))
    if isinstance(op, tob.GetIter):
        return call("PyObject_GetIter", emitter.value(op.iterable))
    if isinstance(op, tob.MakeFunction):
        parts = [ir.Constant(PTR, None) if register is None else emitter.value(register)
                 for register in (op.defaults, op.kwdefaults, op.annotations, op.closure)]
        return call("tpy2wasm_make_function", emitter.globals_pointer, emitter.strings.pointer(emitter.function.key),
                    emitter.strings.pointer(op.code_name), ir.Constant(I32, op.code_line), *parts, emitter.cache())
    if isinstance(op, tob.NewCell):
        return call("PyCell_New", ir.Constant(PTR, None) if op.value is None else emitter.value(op.value))
    if isinstance(op, tob.CellGet):
        return call("tpy2wasm_cell_get", emitter.value(op.cell), emitter.strings.pointer(op.name))
    if isinstance(op, tob.UnpackSequence):
        return call("tpy2wasm_unpack_sequence", emitter.value(op.value), ir.Constant(I32, op.count))
    if isinstance(op, tob.UnpackedItem):
        return call("tpy2wasm_unpacked_item", emitter.value(op.items), ir.Constant(I32, op.index))
    if isinstance(op, tob.EnterWith):
        return call("tpy2wasm_enter_with", emitter.value(op.manager))
    if isinstance(op, tob.CloseWith):
        return call("tpy2wasm_close_with", emitter.value(op.exit))
    if isinstance(op, tob.NewAssertionError):
        return call("tpy2wasm_assertion_error", *(emitter.values(op.args) or [ir.Constant(PTR, None)]))
    if isinstance(op, tob.Box):
        return object_words.boxed(emitter, emitter.value(op.value), op.value.type, emitter.known_fast(op.value))
    if isinstance(op, tob.CatchException):
        return call("tpy2wasm_catch")
    if isinstance(op, tob.EnterHandler):
        return call("tpy2wasm_enter_handler", emitter.value(op.exception))
    raise TypeError(f"no lowering for {op!r}")


def load_global(emitter: ObjectEmitter, name: str) -> ir.Value:
    """LOAD_GLOBAL: inline, the value the site's cache holds while the module's globals, and for
    a builtin the builtins dict it was found in, keep the versions they had then (as
    LOAD_GLOBAL_MODULE and LOAD_GLOBAL_BUILTIN); the runtime's lookup otherwise."""
    builder = emitter.builder
    cache = emitter.cache(NAME_CACHE)
    cached = _cache_item(builder, cache, 3)

    def found() -> ir.Value:
        emitter.retain(cached)
        return cached

    return _cached_or(emitter, cache, builder.icmp_unsigned("!=", cached, ir.Constant(PTR, None)), found,
                      lambda: emitter.call_runtime("tpy2wasm_load_name", emitter.globals_pointer,
                                                   emitter.strings.pointer(name), cache))


def load_global_word(emitter: ObjectEmitter, name: str) -> ir.Value:
    """LOAD_GLOBAL of an int word: inline, the small int word the site's cache keeps while the
    dicts keep their versions; else the runtime's load, a new word (WORD_ERROR on NameError)."""
    builder = emitter.builder
    cache = emitter.cache(NAME_CACHE)
    cached = _cache_item(builder, cache, 4)
    small = builder.icmp_unsigned("==", builder.and_(cached, ir.Constant(I64, 1)), ir.Constant(I64, 0))
    return _cached_or(emitter, cache, small, lambda: cached,
                      lambda: emitter.call_runtime("tpy2wasm_load_name_word", emitter.globals_pointer,
                                                   emitter.strings.pointer(name), cache))


def _cache_item(builder: ir.IRBuilder, cache: ir.Value, index: int) -> ir.Value:
    return load_global_item(builder, cache, ir.Constant(I32, index))


def _cached_or(emitter: ObjectEmitter, cache: ir.Value, usable: ir.Value, found: Callable[[], ir.Value],
               missed: Callable[[], ir.Value]) -> ir.Value:
    """`found()` where the NameCache holds a `usable` value found in the module's globals, whose
    version is still the one it was found at, or in a builtins dict that also keeps its
    version; else `missed()`."""
    builder, function = emitter.builder, emitter.llvm_function
    where, in_builtins, hit, miss, join = (function.append_basic_block(f"global.{name}") for name in
                                           ("where", "builtins", "hit", "miss", "join"))
    unchanged = builder.icmp_unsigned("==", _cache_item(builder, cache, 1),
                                      load_field(builder, emitter.globals_pointer, DICT_VERSION))
    builder.cbranch(builder.and_(usable, unchanged), where, miss).set_weights([1000, 1])
    builder.position_at_end(where)
    builtins_version = _cache_item(builder, cache, 2)
    builder.cbranch(builder.icmp_unsigned("==", builtins_version, ir.Constant(I64, NAME_IN_GLOBALS)), hit, in_builtins)
    builder.position_at_end(in_builtins)
    builtins = _cache_item(builder, cache, 5)
    builder.cbranch(builder.icmp_unsigned("==", builtins_version, load_field(builder, builtins, DICT_VERSION)),
                    hit, miss).set_weights([1000, 1])
    builder.position_at_end(hit)
    hit_value, hit_block = found(), builder.block
    builder.branch(join)
    builder.position_at_end(miss)
    miss_value, miss_block = missed(), builder.block
    builder.branch(join)
    builder.position_at_end(join)
    value = builder.phi(hit_value.type)
    value.add_incoming(hit_value, hit_block)
    value.add_incoming(miss_value, miss_block)
    return value


def constant(emitter: ObjectEmitter, value: int | float | bool | str | None) -> ir.Value:
    call = emitter.call_runtime
    if value is None or isinstance(value, bool):
        return call("tpy2wasm_singleton", ir.Constant(I32, _SINGLETONS[value]))
    if isinstance(value, float):
        return call("tpy2wasm_float_constant", ir.Constant(ir.DoubleType(), value), emitter.cache())
    if isinstance(value, str):
        size = len(value.encode("utf-8", "surrogatepass"))
        return call("tpy2wasm_str_constant", emitter.strings.pointer(value), ir.Constant(I32, size), emitter.cache())
    if _I64_MIN <= value <= _I64_MAX:
        return call("tpy2wasm_long_constant", ir.Constant(ir.IntType(64), value), emitter.cache())
    return call("tpy2wasm_int_constant", emitter.strings.pointer(str(value)), emitter.cache())

