"""Bool words in native functions (rtypes.BOOL_WORD, docs/value-representation.md): 0 or 1 inline,
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
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.rtypes import BOOL_WORD, FLOAT_WORD, INT_WORD, RType
from tpy2wasm.codegen import float_words, int_words
from tpy2wasm.codegen.runtime_api import F64, I32, I64, PTR
from tpy2wasm.codegen.word_paths import Emitter, compare_with_slow_path, unless_known, with_slow_path

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
    return with_slow_path(
        emitter, op, unless_known(emitter, op.operand, lambda: _is_fast(builder, operand)),
        lambda: (builder.xor(operand, ir.Constant(I32, 1)), None),
        lambda: emitter.call_runtime("tpy2wasm_bool_word_not", object_of(builder, operand)), is_error)


def truth(emitter: Emitter, op: tob.IsTrue, word: ir.Value) -> ir.Value:
    """The truth of a bool, int or float word as an i1, for a branch: inline on 0/1, a small int
    or a double (a NaN is true), CPython's truth test of the object otherwise."""
    builder = emitter.builder
    rtype = op.value.type
    if rtype is BOOL_WORD:
        held, value = object_of(builder, word), builder.icmp_unsigned("==", word, ir.Constant(I32, 1))
    elif rtype is INT_WORD:
        held, value = int_words.object_of(builder, word), builder.icmp_unsigned("!=", word, ir.Constant(I64, 0))
    else:
        held, value = float_words.object_of(builder, word), builder.fcmp_unordered("!=", word, ir.Constant(F64, 0.0))
    condition = unless_known(emitter, op.value, lambda: word_is_fast(builder, word, rtype))
    return compare_with_slow_path(emitter, op, condition, lambda: value, lambda: emitter.call_runtime("PyObject_IsTrue", held))


def word_is_fast(builder: ir.IRBuilder, word: ir.Value, rtype: RType) -> ir.Value:
    """Whether a bool, int or float word holds its fast form."""
    if rtype is BOOL_WORD:
        return _is_fast(builder, word)
    if rtype is INT_WORD:
        return int_words.is_small(builder, word)
    return builder.not_(float_words.holds_object(builder, word))


def fast_result(builder: ir.IRBuilder, word: ir.Value, rtype: RType) -> ir.Value:
    """Whether a word a call returned holds its fast form, which no error value is (an int's
    and a bool's are not fast forms; a float's is a NaN that word_is_fast takes for one)."""
    if rtype is FLOAT_WORD:
        return float_words.is_double(builder, word)
    return word_is_fast(builder, word, rtype)


def compare(emitter: Emitter, op: tir.Compare, left: ir.Value, right: ir.Value) -> ir.Value:
    """A comparison of two number words as a bool word."""
    builder = emitter.builder
    condition, fast = float_words.fast_compare(emitter, op, left, right)
    code = ir.Constant(I32, int_words.RICH_COMPARE[op.operator])
    return with_slow_path(
        emitter, op, condition, lambda: (builder.zext(fast(), I32), None),
        lambda: emitter.call_runtime("tpy2wasm_compare_bool_word",
                                     *float_words.boxed_operands(emitter, op, left, right), code),
        is_error)
