"""Float words in boxed functions (rtypes.FLOAT_WORD, docs/value-representation.md): an inline
fast path on doubles, and the runtime's slow path (wasm_runtime/native_float_words.c) that runs
CPython's own operation on the boxed operands whenever one holds an object.

An operation on floats takes float words and int words as they are, so `x + 1` where x holds
the int `x: float = 0` keeps gives CPython's int, not a float. On doubles and small ints, + - *
and `/` by a non-zero divisor are computed inline: a small int converts to the double CPython's
conversion gives (both round to nearest even), and for `/` of two ints, and for comparisons with
an int, only an int of at most 53 bits is taken inline (exact there, as CPython's own fast path).
`//`, `%` and `**` always take CPython's operation. Fast results need no NaN check: the engine
makes only canonical NaNs from canonical ones, and no others reach the fast form.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.ir import BinaryOperator as B
from tpy2wasm.analysis.ir import UnaryOperator as U
from tpy2wasm.analysis.rtypes import FLOAT_WORD, INT_WORD, RType
from tpy2wasm.codegen import int_words
from tpy2wasm.codegen.int_words import Emitter
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import F64, I32, I64, PTR

_BOX_TAG = 0xFFF90000
_ERROR_BITS = _BOX_TAG << 32
#: The word that says an exception is set (the box of NULL); also an unbound local's.
FLOAT_ERROR = ir.Constant(F64, struct.unpack("<d", struct.pack("<Q", _ERROR_BITS))[0])
_EXACT_BITS = 53

_FAST_BINARY: dict[B, Callable[[ir.IRBuilder, ir.Value, ir.Value], ir.Value]] = {
    B.ADD: lambda b, x, y: b.fadd(x, y),
    B.SUB: lambda b, x, y: b.fsub(x, y),
    B.MUL: lambda b, x, y: b.fmul(x, y),
    B.TRUE_DIV: lambda b, x, y: b.fdiv(x, y),
}


def holds_object(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    """Whether the word holds an object (not NULL): its bits are above FLOAT_ERROR's, which no
    double's are but those of NaNs with payloads, and no such NaN is a fast word."""
    return builder.icmp_unsigned(">", builder.bitcast(word, I64), ir.Constant(I64, _ERROR_BITS))


def object_of(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    """The PyObject* a word that holds an object holds."""
    return builder.inttoptr(builder.trunc(builder.bitcast(word, I64), I32), PTR)


def is_error(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    return builder.icmp_unsigned("==", builder.bitcast(word, I64), ir.Constant(I64, _ERROR_BITS))


def constant(value: float) -> ir.Constant:
    """The word of a float literal (never a NaN)."""
    return ir.Constant(F64, value)


def box(emitter: Emitter, word: ir.Value, rtype: RType) -> ir.Value:
    """A new reference to a number word's value, or NULL with the exception set."""
    return emitter.call_runtime("tpy2wasm_float_word_box" if rtype is FLOAT_WORD else "tpy2wasm_word_box", word)


def binary(emitter: Emitter, op: tir.Binary, left: ir.Value, right: ir.Value) -> ir.Value:
    builder = emitter.builder
    operands = ((left, op.left.type), (right, op.right.type))
    both_int = op.left.type is op.right.type is INT_WORD
    function = int_words.cpython_function(builder.module, int_words.NUMBER_FUNCTIONS[op.operator][op.inplace],
                                          int_words.BINARY_FUNCTION)

    def slow() -> ir.Value:
        return emitter.call_runtime("tpy2wasm_float_word_binary", function, *boxed_operands(emitter, op, left, right))

    fast_operation = _FAST_BINARY.get(op.operator)
    if fast_operation is None:
        result = slow()
        emitter.fail_if(is_error(builder, result), position(op))
        return result
    condition = _all(builder, [_is_fast(builder, word, rtype, exact=both_int) for word, rtype in operands])
    x, y = (_double(builder, word, rtype) for word, rtype in operands)
    if op.operator is B.TRUE_DIV:
        condition = builder.and_(condition, builder.fcmp_unordered("!=", y, ir.Constant(F64, 0.0)))
    return int_words.with_slow_path(emitter, condition, lambda: (fast_operation(builder, x, y), None), slow,
                                    position(op), failed=is_error)


def unary(emitter: Emitter, op: tir.Unary, operand: ir.Value) -> ir.Value:
    builder = emitter.builder
    function = int_words.cpython_function(builder.module, int_words.UNARY_FUNCTIONS[op.operator],
                                          int_words.UNARY_FUNCTION)

    def fast() -> tuple[ir.Value, ir.Value | None]:
        return (builder.fneg(operand) if op.operator is U.NEG else operand), None

    return int_words.with_slow_path(
        emitter, builder.not_(holds_object(builder, operand)), fast,
        lambda: emitter.call_runtime("tpy2wasm_float_word_unary", function, box(emitter, operand, FLOAT_WORD)),
        position(op), failed=is_error)


def compare(emitter: Emitter, op: tir.Compare, left: ir.Value, right: ir.Value) -> ir.Value:
    """The truth of a comparison of a float word with a float or int word, as an i1."""

    def slow() -> ir.Value:
        return emitter.call_runtime("tpy2wasm_compare_objects", *boxed_operands(emitter, op, left, right),
                                    ir.Constant(I32, int_words.RICH_COMPARE[op.operator]))

    return int_words.compare_with_slow_path(emitter, op, *fast_compare(emitter.builder, op, left, right), slow)


def fast_compare(builder: ir.IRBuilder, op: tir.Compare, left: ir.Value,
                 right: ir.Value) -> tuple[ir.Value, Callable[[], ir.Value]]:
    """(whether the fast path applies, the fast path's i1) for two number words: IEEE order on
    doubles (every comparison with a NaN is false but !=), as CPython's."""
    if op.left.type is op.right.type is INT_WORD:
        return int_words.fast_compare(builder, op, left, right)
    operands = ((left, op.left.type), (right, op.right.type))
    condition = _all(builder, [_is_fast(builder, word, rtype, exact=True) for word, rtype in operands])

    def fast() -> ir.Value:
        x, y = (_double(builder, word, rtype) for word, rtype in operands)
        if op.operator is tir.CompareOperator.NE:
            return builder.fcmp_unordered("!=", x, y)
        return builder.fcmp_ordered(op.operator.value, x, y)

    return condition, fast


def boxed_operands(emitter: Emitter, op: tir.Binary | tir.Compare, left: ir.Value, right: ir.Value) -> list[ir.Value]:
    """New references to two number words' values (NULL where boxing failed)."""
    return [box(emitter, left, op.left.type), box(emitter, right, op.right.type)]


def _is_fast(builder: ir.IRBuilder, word: ir.Value, rtype: RType, exact: bool) -> ir.Value:
    """Whether the word is a double, or a small int (of at most 53 bits when `exact`)."""
    if rtype is FLOAT_WORD:
        return builder.not_(holds_object(builder, word))
    if not exact:
        return int_words.is_small(builder, word)
    # |v| <= 2**53 for the word 2v: 2v + 2**54 in [0, 2**55], unsigned; the tag bit must be clear
    shifted = builder.add(word, ir.Constant(I64, 2 ** (_EXACT_BITS + 1)))
    in_range = builder.icmp_unsigned("<=", shifted, ir.Constant(I64, 2 ** (_EXACT_BITS + 2)))
    return builder.and_(in_range, int_words.is_small(builder, word))


def _double(builder: ir.IRBuilder, word: ir.Value, rtype: RType) -> ir.Value:
    """The double of a fast word (a small int's converted; meaningless for an object)."""
    if rtype is FLOAT_WORD:
        return word
    return builder.sitofp(builder.ashr(word, ir.Constant(I64, 1)), F64)


def _all(builder: ir.IRBuilder, conditions: list[ir.Value]) -> ir.Value:
    result = conditions[0]
    for condition in conditions[1:]:
        result = builder.and_(result, condition)
    return result
