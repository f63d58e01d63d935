"""Calls of builtin functions computed inline (CallBuiltin; analysis/mypy_facts.INLINE_BUILTINS):
while the callee is the builtin itself -- its address equal to the one the runtime recorded
(wasm_runtime/native_builtins.c) -- and the argument one the inline form covers, the result is
computed in place; otherwise CPython's call of whatever the name holds, on the boxed argument,
its result converted to the word the op defines. So a rebound name, an argument of another type,
or an error case (the square root of a negative number) gives CPython's answer.

Each builtin is data: the runtime global that holds the function, the test that says the inline
form applies to the argument, and the form itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.rtypes import OBJECT
from tpy2wasm.codegen import bool_words, float_words, object_fields, object_words, words
from tpy2wasm.codegen.object_words import has_type
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import F64, I64, PTR, declare_function
from tpy2wasm.codegen.strings import StringPool


class Emitter(object_words.Emitter, Protocol):
    strings: StringPool

    def value(self, register: tir.Register) -> ir.Value: ...
    def define(self, register: tir.Register, value: ir.Value) -> None: ...
    def known_fast(self, register: tir.Register) -> bool: ...
    def fail_if_null(self, value: ir.Value, where: tir.Position) -> ir.Value: ...
    def release(self, value: ir.Value) -> None: ...
    def transfer_unless(self, condition: ir.Value | None, releasing: ir.Value | None = None,
                        after: bool = False) -> None: ...


Test = Callable[[Emitter, tob.CallBuiltin, ir.Value], ir.Value]
"""(emitter, op, argument) -> the i1 that says the inline form applies to the argument."""
Form = Callable[[Emitter, ir.Value], ir.Value]
"""(emitter, argument) -> the word the inline form computes, where its test holds."""


@dataclass(frozen=True)
class InlineBuiltin:
    function: str  # the runtime's PyObject* global that holds the builtin (NULL until known)
    applies: Test
    inline: Form


def _is_sized(emitter: Emitter, op: tob.CallBuiltin, obj: ir.Value) -> ir.Value:
    builder = emitter.builder
    return builder.or_(builder.or_(has_type(emitter, obj, "PyList_Type"), has_type(emitter, obj, "PyTuple_Type")),
                       has_type(emitter, obj, "PyUnicode_Type"))


def _size(emitter: Emitter, obj: ir.Value) -> ir.Value:
    """len() of an exact list, tuple or str: its ob_size or length, as a small word."""
    builder = emitter.builder
    size = builder.select(has_type(emitter, obj, "PyUnicode_Type"),
                          object_fields.load_field(builder, obj, object_fields.STR_LENGTH),
                          object_fields.load_field(builder, obj, object_fields.SIZE))
    return builder.shl(builder.sext(size, I64), ir.Constant(I64, 1))


def _has_root(emitter: Emitter, op: tob.CallBuiltin, x: ir.Value) -> ir.Value:
    """A double not below zero, or a NaN (whose root is a NaN); a negative number raises
    ValueError through CPython's call."""
    applies = emitter.builder.fcmp_unordered(">=", x, ir.Constant(F64, 0.0))
    if emitter.known_fast(op.arg):
        return applies
    return emitter.builder.and_(applies, float_words.is_double(emitter.builder, x))


def _square_root(emitter: Emitter, x: ir.Value) -> ir.Value:
    sqrt = declare_function(emitter.module, "llvm.sqrt.f64", ir.FunctionType(F64, [F64]))
    return emitter.builder.call(sqrt, [x])


INLINE: Final[dict[str, InlineBuiltin]] = {
    "builtins.len": InlineBuiltin("tpy2wasm_builtin_len", _is_sized, _size),
    "math.sqrt": InlineBuiltin("tpy2wasm_math_sqrt", _has_root, _square_root),
}


def emit(emitter: Emitter, op: tob.CallBuiltin) -> None:
    builder, function = emitter.builder, emitter.llvm_function
    builtin = INLINE[op.builtin]
    callee, arg = emitter.value(op.callee), emitter.value(op.arg)
    check, inline, call, join = (function.append_basic_block(f"builtin.{name}") for name in
                                 ("check", "inline", "call", "join"))
    builder.cbranch(builder.icmp_unsigned("==", callee, builder.load(_runtime_object(emitter.module, builtin.function))),
                    check, call)
    builder.position_at_end(check)
    builder.cbranch(builtin.applies(emitter, op, arg), inline, call)
    builder.position_at_end(inline)
    computed = builtin.inline(emitter, arg)
    builder.branch(join)
    builder.position_at_end(call)
    boxed = arg if op.arg.type is OBJECT else emitter.fail_if_null(
        object_words.boxed(emitter, arg, op.arg.type, emitter.known_fast(op.arg)), position(op))
    result = emitter.call_runtime("tpy2wasm_call_builtin", callee, boxed, emitter.strings.pointer(op.builtin))
    if op.arg.type is not OBJECT:
        emitter.release(boxed)
    emitter.fail_if_null(result, position(op))
    converted = object_words.word_of_object(emitter, result, op.dest.type)
    emitter.release(result)
    call_end = builder.block
    builder.branch(join)
    builder.position_at_end(join)
    value = words.joined(builder, op.dest.type, [(computed, inline), (converted, call_end)])
    emitter.define(op.dest, value)
    if emitter.known_fast(op.dest):  # a value entering the fast version, after the call's effects
        emitter.transfer_unless(bool_words.word_is_fast(builder, value, op.dest.type), after=True)


def _runtime_object(module: ir.Module, name: str) -> ir.GlobalVariable:
    variable = module.globals.get(name)
    if not isinstance(variable, ir.GlobalVariable):
        variable = ir.GlobalVariable(module, PTR, name)
    return variable
