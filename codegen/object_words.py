"""Words and objects converted inline where it is cheap: the wasm32 layouts of CPython 3.11's
objects that generated code reads (wasm_runtime/native_list_items.c asserts each offset); the
word of a borrowed object read where it lies when it is an exact float, True or False, or an int
of at most one digit -- what a list of floats, bools or ints holds; and a word boxed into
CPython's own object when one is cached (True, False, the ints -5..256). Anything else is the
runtime's conversion (words.FROM_OBJECT, words.BOX), so the result is always the same.
"""

from __future__ import annotations

from typing import Final, Protocol

from llvmlite import ir

from tpy2wasm.analysis.rtypes import BOOL_WORD, FLOAT_WORD, INT_WORD, OBJECT, RType
from tpy2wasm.codegen import bool_words, int_words, words
from tpy2wasm.codegen.runtime_api import F64, I8, I32, I64, PTR

TYPE_OFFSET: Final = 4  # PyObject.ob_type, after the 32-bit ob_refcnt
SIZE_OFFSET: Final = 8  # PyVarObject.ob_size
ITEMS_OFFSET: Final = 12  # PyListObject.ob_item
FLOAT_VALUE_OFFSET: Final = 8  # PyFloatObject.ob_fval
DIGIT_OFFSET: Final = 12  # PyLongObject.ob_digit[0], a 30-bit digit; ob_size is the signed digit count
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


def field(builder: ir.IRBuilder, obj: ir.Value, offset: int, field_type: ir.Type) -> ir.Value:
    """A pointer to the field at `offset` bytes into the object."""
    return builder.bitcast(builder.gep(obj, [ir.Constant(I32, offset)], inbounds=True), field_type.as_pointer())


def has_type(emitter: Emitter, obj: ir.Value, type_name: str) -> ir.Value:
    """Whether the object's type is exactly libpython's `type_name` (no subclass)."""
    builder = emitter.builder
    obj_type = builder.load(field(builder, obj, TYPE_OFFSET, PTR))
    return builder.icmp_unsigned("==", obj_type, cpython_object(emitter.module, type_name))


def word_of_object(emitter: Emitter, obj: ir.Value, rtype: RType) -> ir.Value:
    """A new word of `rtype` for the borrowed object `obj`, as the runtime's conversion
    (words.FROM_OBJECT) makes it, which it calls for anything not read inline."""
    builder, function = emitter.builder, emitter.llvm_function
    convert, done = function.append_basic_block("unbox.call"), function.append_basic_block("unbox.done")
    incoming: list[tuple[ir.Value, ir.Block]] = []
    if rtype is BOOL_WORD:
        is_true = builder.icmp_unsigned("==", obj, cpython_object(emitter.module, "_Py_TrueStruct"))
        is_false = builder.icmp_unsigned("==", obj, cpython_object(emitter.module, "_Py_FalseStruct"))
        incoming.append((builder.zext(is_true, I32), builder.block))
        builder.cbranch(builder.or_(is_true, is_false), done, convert)
    else:
        read = function.append_basic_block("unbox.read")
        builder.cbranch(has_type(emitter, obj, "PyFloat_Type" if rtype is FLOAT_WORD else "PyLong_Type"), read, convert)
        builder.position_at_end(read)
        if rtype is FLOAT_WORD:  # a NaN keeps its payload in an object: the runtime decides
            value = builder.load(field(builder, obj, FLOAT_VALUE_OFFSET, F64))
            fits = builder.fcmp_ordered("==", value, value)
        else:  # the digit times the sign, tagged
            size = builder.load(field(builder, obj, SIZE_OFFSET, I32))
            fits = builder.icmp_unsigned("<=", builder.add(size, ir.Constant(I32, 1)), ir.Constant(I32, 2))
            digit = builder.zext(builder.load(field(builder, obj, DIGIT_OFFSET, I32)), I64)
            value = builder.shl(builder.mul(digit, builder.sext(size, I64)), ir.Constant(I64, 1))
        incoming.append((value, builder.block))
        builder.cbranch(fits, done, convert)
    builder.position_at_end(convert)
    incoming.append((emitter.call_runtime(words.FROM_OBJECT[rtype], obj), builder.block))
    builder.branch(done)
    builder.position_at_end(done)
    return words.joined(builder, rtype, incoming)


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
    singleton = builder.load(builder.gep(table, [ir.Constant(I32, 0), builder.trunc(offset, I32)], inbounds=True))
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
