"""Words and objects converted inline where it is cheap: the word of a borrowed object read where
it lies (the fields it reads: codegen/object_fields.py) when it is an exact float, True or False,
or an int of at most one digit -- what a list of floats, bools or ints holds; and a word boxed into
CPython's own object when one is cached (True, False, the ints -5..256). Anything else is the
runtime's conversion (words.FROM_OBJECT, words.BOX), so the result is always the same.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Protocol

from llvmlite import ir

from tpy2wasm.analysis.rtypes import BOOL_WORD, FLOAT_WORD, INT_WORD, OBJECT, RType
from tpy2wasm.codegen import bool_words, int_words, object_fields, words
from tpy2wasm.codegen.runtime_api import I8, I32, I64, PTR

#: wasm_runtime/native_words.c's table of CPython's cached ints, from _SMALLEST_CACHED_INT on.
SMALL_INT_OBJECTS: Final = "tpy2wasm_small_ints"
_SMALLEST_CACHED_INT, _CACHED_INTS = -5, 262


class Emitter(Protocol):
    builder: ir.IRBuilder
    module: ir.Module
    llvm_function: ir.Function

    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value: ...
    def retain(self, value: ir.Value) -> None: ...


def cpython_object(module: ir.Module, name: str) -> ir.Value:
    """The address of a static object libpython defines (`PyList_Type`, `_Py_TrueStruct`)."""
    variable = module.globals.get(name)
    if not isinstance(variable, ir.GlobalVariable):
        variable = ir.GlobalVariable(module, I8, name)
    return variable


def has_type(emitter: Emitter, obj: ir.Value, type_name: str) -> ir.Value:
    """Whether the object's type is exactly libpython's `type_name` (no subclass)."""
    builder = emitter.builder
    obj_type = object_fields.load_field(builder, obj, object_fields.TYPE)
    return builder.icmp_unsigned("==", obj_type, cpython_object(emitter.module, type_name))


def word_of_object(emitter: Emitter, obj: ir.Value, rtype: RType) -> ir.Value:
    """A new word of `rtype` for the borrowed object `obj`, as the runtime's conversion
    (words.FROM_OBJECT) makes it, which it calls for anything not read inline."""
    builder, function = emitter.builder, emitter.llvm_function
    convert, done = function.append_basic_block("unbox.call"), function.append_basic_block("unbox.done")
    incoming = [(inline_word(emitter, obj, rtype, else_to(builder, convert)), builder.block)]
    builder.branch(done)
    builder.position_at_end(convert)
    incoming.append((emitter.call_runtime(words.FROM_OBJECT[rtype], obj), builder.block))
    builder.branch(done)
    builder.position_at_end(done)
    return words.joined(builder, rtype, incoming)


def else_to(builder: ir.IRBuilder, otherwise: ir.Block) -> Callable[[ir.Value], None]:
    """A `require` for code read in place: it goes on in a new block where the condition holds,
    and branches to `otherwise` where it does not."""

    def require(condition: ir.Value) -> None:
        holds = builder.function.append_basic_block("in_place")
        builder.cbranch(condition, holds, otherwise)
        builder.position_at_end(holds)

    return require


def inline_word(emitter: Emitter, obj: ir.Value, rtype: RType, require: Callable[[ir.Value], None]) -> ir.Value:
    """The word of `rtype` read where the borrowed object `obj` lies, after `require` has been
    given each condition under which it can be (the builder goes on where it holds): True or
    False, an exact float that is not a NaN (whose payload the runtime keeps in an object), an
    exact int of at most one digit."""
    builder = emitter.builder
    if rtype is BOOL_WORD:
        is_true = builder.icmp_unsigned("==", obj, cpython_object(emitter.module, "_Py_TrueStruct"))
        is_false = builder.icmp_unsigned("==", obj, cpython_object(emitter.module, "_Py_FalseStruct"))
        require(builder.or_(is_true, is_false))
        return builder.zext(is_true, I32)
    require(has_type(emitter, obj, "PyFloat_Type" if rtype is FLOAT_WORD else "PyLong_Type"))
    if rtype is FLOAT_WORD:
        value = object_fields.load_field(builder, obj, object_fields.FLOAT_VALUE)
        require(builder.fcmp_ordered("==", value, value))
        return value
    size = object_fields.load_field(builder, obj, object_fields.SIZE)  # the digit times the sign, tagged
    require(builder.icmp_unsigned("<=", builder.add(size, ir.Constant(I32, 1)), ir.Constant(I32, 2)))
    digit = builder.zext(object_fields.load_field(builder, obj, object_fields.INT_DIGIT), I64)
    return builder.shl(builder.mul(digit, builder.sext(size, I64)), ir.Constant(I64, 1))


def boxed(emitter: Emitter, word: ir.Value, rtype: RType, fast: bool) -> ir.Value:
    """A new reference to the word's value, NULL with MemoryError when one cannot be made (as
    words.BOX makes it); `fast`: the word is known to hold its fast form."""
    builder, function = emitter.builder, emitter.llvm_function
    if rtype is BOOL_WORD and fast:
        singleton = bool_object(emitter, word)
        emitter.retain(singleton)
        return singleton
    if rtype is not INT_WORD:
        return emitter.call_runtime(words.BOX[rtype], word)
    offset = builder.sub(builder.ashr(word, ir.Constant(I64, 1)), ir.Constant(I64, _SMALLEST_CACHED_INT))
    cached = builder.icmp_unsigned("<", offset, ir.Constant(I64, _CACHED_INTS))
    if not fast:
        cached = builder.and_(cached, int_words.is_small(builder, word))
    take, make, done = (function.append_basic_block(f"box.{name}") for name in ("cached", "make", "done"))
    builder.cbranch(cached, take, make)
    builder.position_at_end(take)
    table = _small_int_objects(emitter.module)
    singleton = object_fields.load_global_item(builder, table, builder.trunc(offset, I32))
    emitter.retain(singleton)
    builder.branch(done)
    builder.position_at_end(make)
    made = emitter.call_runtime(words.BOX[rtype], word)
    builder.branch(done)
    builder.position_at_end(done)
    return words.joined(builder, OBJECT, [(singleton, take), (made, make)])


def bool_object(emitter: Emitter, word: ir.Value) -> ir.Value:
    """True or False (borrowed) for a fast bool word."""
    true, false = (cpython_object(emitter.module, name) for name in ("_Py_TrueStruct", "_Py_FalseStruct"))
    return emitter.builder.select(emitter.builder.icmp_unsigned("==", word, bool_words.constant(True)), true, false)


def _small_int_objects(module: ir.Module) -> ir.GlobalVariable:
    variable = module.globals.get(SMALL_INT_OBJECTS)
    if not isinstance(variable, ir.GlobalVariable):
        variable = ir.GlobalVariable(module, ir.ArrayType(PTR, _CACHED_INTS), SMALL_INT_OBJECTS)
    return variable
