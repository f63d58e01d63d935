"""What native code needs to know of each kind of slot: the LLVM type of a PyObject*, an int, float
or bool word, its empty value (NULL, WORD_ERROR, FLOAT_ERROR, BOOL_ERROR: also what an unbound
local holds), and the object it holds, if any, for retain and release."""

from __future__ import annotations

from llvmlite import ir

from tpy2wasm.analysis.rtypes import BOOL_WORD, FLOAT_WORD, INT_WORD, RType
from tpy2wasm.codegen import bool_words, float_words, int_words
from tpy2wasm.codegen.runtime_api import F64, I32, I64, PTR

#: The runtime function that makes a new word of each type from a borrowed object.
FROM_OBJECT = {INT_WORD: "tpy2wasm_word_from_object", FLOAT_WORD: "tpy2wasm_float_word_from_object",
               BOOL_WORD: "tpy2wasm_bool_word_from_object"}
#: The runtime function that makes a new reference from each type's word.
BOX = {INT_WORD: "tpy2wasm_word_box", FLOAT_WORD: "tpy2wasm_float_word_box", BOOL_WORD: "tpy2wasm_bool_word_box"}


def slot_type(rtype: RType) -> ir.Type:
    return {INT_WORD: I64, FLOAT_WORD: F64, BOOL_WORD: I32}.get(rtype, PTR)


def joined(builder: ir.IRBuilder, rtype: RType, incoming: list[tuple[ir.Value, ir.Block]]) -> ir.Value:
    """The value of `rtype` that each (value, block) brings where those paths meet."""
    phi = builder.phi(slot_type(rtype))
    for value, block in incoming:
        phi.add_incoming(value, block)
    return phi


def empty(slot: ir.Type) -> ir.Constant:
    if slot == I64:
        return int_words.WORD_ERROR
    if slot == F64:
        return float_words.FLOAT_ERROR
    if slot == I32:
        return bool_words.BOOL_ERROR
    return ir.Constant(slot, None)


def is_empty(builder: ir.IRBuilder, value: ir.Value) -> ir.Value:
    """Whether a slot's value is its empty one (bit for bit: FLOAT_ERROR is a NaN)."""
    if value.type == F64:
        return float_words.is_error(builder, value)
    return builder.icmp_unsigned("==", value, empty(value.type))


def held_object(builder: ir.IRBuilder, value: ir.Value) -> tuple[ir.Value | None, ir.Value]:
    """(the i1 that says the value holds an object, never NULL, or None: a PyObject*, maybe
    NULL), the PyObject* it holds."""
    if value.type == I64:
        holds = builder.and_(builder.not_(int_words.is_small(builder, value)),
                             builder.icmp_unsigned("!=", value, int_words.WORD_ERROR))
        return holds, int_words.object_of(builder, value)
    if value.type == F64:
        return float_words.holds_object(builder, value), float_words.object_of(builder, value)
    if value.type == I32:
        return bool_words.holds_object(builder, value), bool_words.object_of(builder, value)
    return None, value
