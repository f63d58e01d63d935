"""Float words in native functions (rtypes.FLOAT_WORD, docs/value-representation.md): an inline
fast path on doubles, and the runtime's slow path (wasm_runtime/native_float_words.c) that runs
CPython's own operation on the boxed operands whenever one holds an object.

An operation on floats takes float words and int words as they are, so `x + 1` where x holds
the int `x: float = 0` keeps gives CPython's int, not a float. On doubles and small ints, + - *
and `/` by a non-zero divisor are computed inline: a small int converts to the double CPython's
conversion gives (both round to nearest even), and for `/` of two ints, and for comparisons with
an int, only an int of at most 53 bits is taken inline (exact there, as CPython's own fast path).
`//` and `%` are CPython's float_divmod in C, and `**` is C's pow() where CPython's float_pow is
(see _power_in_range); with two int operands only `/` is inline. Fast results need no NaN check:
the engine makes only canonical NaNs from canonical ones, and no others reach the fast form.
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
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import F64, I32, I64, PTR, declare
from tpy2wasm.codegen.word_paths import Emitter, all_of, compare_with_slow_path, with_slow_path

_BOX_TAG = 0xFFF90000
_ERROR_BITS = _BOX_TAG << 32
#: The word that says an exception is set (the box of NULL); also an unbound local's.
FLOAT_ERROR = ir.Constant(F64, struct.unpack("<d", struct.pack("<Q", _ERROR_BITS))[0])
_EXACT_BITS = 53

Guard = Callable[[ir.IRBuilder, ir.Value, ir.Value], ir.Value | None]
FastPath = Callable[[ir.IRBuilder, ir.Value, ir.Value], tuple[ir.Value, ir.Value | None]]


def _nonzero_divisor(builder: ir.IRBuilder, x: ir.Value, y: ir.Value) -> ir.Value:
    return builder.fcmp_unordered("!=", y, ir.Constant(F64, 0.0))


def _floor_divmod(want_modulo: bool) -> FastPath:
    def fast(builder: ir.IRBuilder, x: ir.Value, y: ir.Value) -> tuple[ir.Value, ir.Value | None]:
        function = declare(builder.module, "tpy2wasm_float_floor_divmod")
        return builder.call(function, [x, y, ir.Constant(I32, int(want_modulo))]), None
    return fast


def _power_in_range(builder: ir.IRBuilder, x: ir.Value, y: ir.Value) -> ir.Value:
    """Where CPython's float_pow is C's pow(): finite operands, a base that is not zero, and
    not negative unless the exponent is integral (else a complex number or an error)."""
    floor = builder.call(builder.module.declare_intrinsic("llvm.floor", [F64]), [y])
    positive_or_integral = builder.or_(builder.fcmp_ordered(">", x, ir.Constant(F64, 0.0)),
                                       builder.fcmp_ordered("==", y, floor))
    return builder.and_(builder.and_(_finite(builder, x), _finite(builder, y)),
                        builder.and_(builder.fcmp_ordered("!=", x, ir.Constant(F64, 0.0)), positive_or_integral))


def _power(builder: ir.IRBuilder, x: ir.Value, y: ir.Value) -> tuple[ir.Value, ir.Value | None]:
    """C's pow(), valid when finite (an overflow is CPython's OverflowError, from the slow path)."""
    result = builder.call(builder.module.declare_intrinsic("llvm.pow", [F64]), [x, y])
    return result, _finite(builder, result)


def _finite(builder: ir.IRBuilder, value: ir.Value) -> ir.Value:
    magnitude = builder.call(builder.module.declare_intrinsic("llvm.fabs", [F64]), [value])
    return builder.fcmp_ordered("<", magnitude, ir.Constant(F64, float("inf")))


#: For each operator with an inline fast path on two doubles: what must hold besides both
#: operands being fast, and the fast path. `//` and `%` are CPython's float_divmod in C.
_FAST_BINARY: dict[B, tuple[Guard | None, FastPath]] = {
    B.ADD: (None, lambda b, x, y: (b.fadd(x, y), None)),
    B.SUB: (None, lambda b, x, y: (b.fsub(x, y), None)),
    B.MUL: (None, lambda b, x, y: (b.fmul(x, y), None)),
    B.TRUE_DIV: (_nonzero_divisor, lambda b, x, y: (b.fdiv(x, y), None)),
    B.FLOOR_DIV: (_nonzero_divisor, _floor_divmod(want_modulo=False)),
    B.MOD: (_nonzero_divisor, _floor_divmod(want_modulo=True)),
    B.POW: (_power_in_range, _power),
}


def holds_object(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    """Whether the word holds an object (not NULL): its bits are above FLOAT_ERROR's, which no
    double's are but those of NaNs with payloads, and no such NaN is a fast word."""
    return builder.icmp_unsigned(">", builder.bitcast(word, I64), ir.Constant(I64, _ERROR_BITS))


def object_of(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    """The PyObject* a word that holds an object holds."""
    return builder.inttoptr(builder.trunc(builder.bitcast(word, I64), I32), PTR)


def is_double(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    """Whether the word is a fast double: neither an object nor FLOAT_ERROR (bits below it)."""
    return builder.icmp_unsigned("<", builder.bitcast(word, I64), ir.Constant(I64, _ERROR_BITS))


def is_error(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    return builder.icmp_unsigned("==", builder.bitcast(word, I64), ir.Constant(I64, _ERROR_BITS))


def box(emitter: Emitter, word: ir.Value, rtype: RType) -> ir.Value:
    """A new reference to a number word's value, or NULL with the exception set."""
    return emitter.call_runtime("tpy2wasm_float_word_box" if rtype is FLOAT_WORD else "tpy2wasm_word_box", word)


def binary(emitter: Emitter, op: tir.Binary, left: ir.Value, right: ir.Value) -> ir.Value:
    builder = emitter.builder
    both_int = op.left.type is op.right.type is INT_WORD
    function = int_words.cpython_function(builder.module, int_words.NUMBER_FUNCTIONS[op.operator][op.inplace],
                                          int_words.BINARY_FUNCTION)

    def slow() -> ir.Value:
        return emitter.call_runtime("tpy2wasm_float_word_binary", function, *boxed_operands(emitter, op, left, right))

    if op.operator not in _FAST_BINARY or (both_int and op.operator is not B.TRUE_DIV):
        # CPython's answer may be an int, a complex...
        result = slow()
        emitter.fail_if(is_error(builder, result), position(op))
        if emitter.known_fast(op.dest):
            emitter.transfer_unless(builder.not_(holds_object(builder, result)), releasing=result)
        return result
    guard, fast = _FAST_BINARY[op.operator]
    operands = ((left, op.left), (right, op.right))
    condition = all_of(builder, [_is_fast(emitter, word, register, exact=both_int) for word, register in operands])
    x, y = (_double(builder, word, register.type) for word, register in operands)
    condition = all_of(builder, [condition, None if guard is None else guard(builder, x, y)])
    return with_slow_path(emitter, op, condition, lambda: fast(builder, x, y), slow, is_error)


def unary(emitter: Emitter, op: tir.Unary, operand: ir.Value) -> ir.Value:
    builder = emitter.builder
    function = int_words.cpython_function(builder.module, int_words.UNARY_FUNCTIONS[op.operator],
                                          int_words.UNARY_FUNCTION)

    def fast() -> tuple[ir.Value, ir.Value | None]:
        return (builder.fneg(operand) if op.operator is U.NEG else operand), None

    return with_slow_path(
        emitter, op, _is_fast(emitter, operand, op.operand, exact=False), fast,
        lambda: emitter.call_runtime("tpy2wasm_float_word_unary", function, box(emitter, operand, FLOAT_WORD)),
        is_error)


def compare(emitter: Emitter, op: tir.Compare, left: ir.Value, right: ir.Value) -> ir.Value:
    """The truth of a comparison of a float word with a float or int word, as an i1."""

    def slow() -> ir.Value:
        return emitter.call_runtime("tpy2wasm_compare_objects", *boxed_operands(emitter, op, left, right),
                                    ir.Constant(I32, int_words.RICH_COMPARE[op.operator]))

    return compare_with_slow_path(emitter, op, *fast_compare(emitter, op, left, right), slow)


def fast_compare(emitter: Emitter, op: tir.Compare, left: ir.Value,
                 right: ir.Value) -> tuple[ir.Value | None, Callable[[], ir.Value]]:
    """(whether the fast path applies, None when it always does; the fast path's i1) for two
    number words: IEEE order on doubles (every comparison with a NaN is false but !=), as CPython's."""
    if op.left.type is op.right.type is INT_WORD:
        return int_words.fast_compare(emitter, op, left, right)
    builder = emitter.builder
    operands = ((left, op.left), (right, op.right))
    condition = all_of(builder, [_is_fast(emitter, word, register, exact=True) for word, register in operands])

    def fast() -> ir.Value:
        x, y = (_double(builder, word, register.type) for word, register in operands)
        if op.operator is tir.CompareOperator.NE:
            return builder.fcmp_unordered("!=", x, y)
        return builder.fcmp_ordered(op.operator.value, x, y)

    return condition, fast


def boxed_operands(emitter: Emitter, op: tir.Binary | tir.Compare, left: ir.Value, right: ir.Value) -> list[ir.Value]:
    """New references to two number words' values (NULL where boxing failed)."""
    return [box(emitter, left, op.left.type), box(emitter, right, op.right.type)]


def _is_fast(emitter: Emitter, word: ir.Value, register: tir.Register, exact: bool) -> ir.Value | None:
    """Whether the word is a double, or a small int (of at most 53 bits when `exact`); None when
    that is known."""
    builder = emitter.builder
    known = emitter.known_fast(register)
    if register.type is FLOAT_WORD:
        return None if known else builder.not_(holds_object(builder, word))
    small = None if known else int_words.is_small(builder, word)
    if not exact:
        return small
    # |v| <= 2**53 for the word 2v: 2v + 2**54 in [0, 2**55], unsigned; the tag bit must be clear
    shifted = builder.add(word, ir.Constant(I64, 2 ** (_EXACT_BITS + 1)))
    in_range = builder.icmp_unsigned("<=", shifted, ir.Constant(I64, 2 ** (_EXACT_BITS + 2)))
    return all_of(builder, [in_range, small])


def _double(builder: ir.IRBuilder, word: ir.Value, rtype: RType) -> ir.Value:
    """The double of a fast word (a small int's converted; meaningless for an object)."""
    if rtype is FLOAT_WORD:
        return word
    return builder.sitofp(builder.ashr(word, ir.Constant(I64, 1)), F64)
