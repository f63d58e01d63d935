"""Bool words in boxed functions (rtypes.BOOL_WORD, docs/value-representation.md): 0 or 1 inline,
or any object's pointer (a hint that lied: an int where a bool is declared, or the object a
rich comparison of lying operands returned), for which the runtime runs CPython's own `not`,
truth test or comparison (wasm_runtime/native_bool_words.c).

A comparison of two numbers as a value computes its bool word inline on small ints and doubles
(float_words.fast_compare); otherwise it keeps whatever CPython's rich comparison returns, as
`x = a < b` does in CPython. A branch on a bool, int or float word tests it inline too.
"""

from __future__ import annotations

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.rtypes import BOOL_WORD, INT_WORD, RType
from tpy2wasm.codegen import float_words, int_words
from tpy2wasm.codegen.int_words import Emitter
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import F64, I32, I64, PTR

#: The word that says an exception is set; also an unbound local's.
BOOL_ERROR = ir.Constant(I32, 2)


def constant(value: bool) -> ir.Constant:
    return ir.Constant(I32, int(value))


def holds_object(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    """Whether the word holds an object (not the empty word)."""
    return builder.icmp_unsigned(">", word, BOOL_ERROR)


def object_of(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    return builder.inttoptr(word, PTR)


def is_error(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    return builder.icmp_unsigned("==", word, BOOL_ERROR)


def _is_fast(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    return builder.icmp_unsigned("<", word, BOOL_ERROR)


def negate(emitter: Emitter, op: tir.Unary, operand: ir.Value) -> ir.Value:
    """`not operand`: 1 - w on 0 and 1, CPython's truth test otherwise."""
    builder = emitter.builder
    return int_words.with_slow_path(
        emitter, _is_fast(builder, operand), lambda: (builder.xor(operand, ir.Constant(I32, 1)), None),
        lambda: emitter.call_runtime("tpy2wasm_bool_word_not", object_of(builder, operand)), position(op),
        failed=is_error)


def truth(emitter: Emitter, op: tir.Op, word: ir.Value, rtype: RType) -> ir.Value:
    """The truth of a bool, int or float word as an i1, for a branch: inline on 0/1, a small int
    or a double (a NaN is true), CPython's truth test of the object otherwise."""
    builder = emitter.builder
    if rtype is BOOL_WORD:
        fast, held = _is_fast(builder, word), object_of(builder, word)
        value = builder.icmp_unsigned("==", word, ir.Constant(I32, 1))
    elif rtype is INT_WORD:
        fast, held = int_words.is_small(builder, word), int_words.object_of(builder, word)
        value = builder.icmp_unsigned("!=", word, ir.Constant(I64, 0))
    else:
        fast, held = builder.not_(float_words.holds_object(builder, word)), float_words.object_of(builder, word)
        value = builder.fcmp_unordered("!=", word, ir.Constant(F64, 0.0))
    return int_words.compare_with_slow_path(emitter, op, fast, lambda: value,
                                            lambda: emitter.call_runtime("PyObject_IsTrue", held))


def compare(emitter: Emitter, op: tir.Compare, left: ir.Value, right: ir.Value) -> ir.Value:
    """A comparison of two number words as a bool word."""
    builder = emitter.builder
    condition, fast = float_words.fast_compare(builder, op, left, right)
    code = ir.Constant(I32, int_words.RICH_COMPARE[op.operator])
    return int_words.with_slow_path(
        emitter, condition, lambda: (builder.zext(fast(), I32), None),
        lambda: emitter.call_runtime("tpy2wasm_compare_bool_word",
                                     *float_words.boxed_operands(emitter, op, left, right), code),
        position(op), failed=is_error)
