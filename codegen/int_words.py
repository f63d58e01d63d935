"""Int words in native functions (rtypes.INT_WORD, docs/value-representation.md): an inline fast
path on small ints (`v << 1`), and the runtime's slow path (wasm_runtime/native_words.c) that
runs CPython's own operation whenever an operand holds an object or the result does not fit.

On two small words, + - * & | ^ >> << // % are computed on the tagged values directly or after
an arithmetic shift; an overflow out of the 63 bits goes to the slow path, which makes the
big int. Division and modulo by zero, negative shift counts and every operand that is not a
small int also take the slow path, so their errors are CPython's own. (In a function's fast
version each of these is a transfer to the generic version instead: codegen/word_paths.py.)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.ir import FunctionIR, successors
from tpy2wasm.analysis.ir_objects import CallDirect, CallNativeMethod
from tpy2wasm.analysis.rtypes import WORDS, is_small_int
from tpy2wasm.analysis.ir import BinaryOperator as B
from tpy2wasm.analysis.ir import CompareOperator as C
from tpy2wasm.analysis.ir import UnaryOperator as U
from tpy2wasm.codegen.runtime_api import I32, I64, OVERFLOW_CHECKED, PTR, declare_function
from tpy2wasm.codegen.word_paths import Emitter, all_of, compare_with_slow_path, unless_known, with_slow_path

#: The word that says an exception is set (NULL with the tag); also an unbound local's.
WORD_ERROR = ir.Constant(I64, 1)
_ZERO, _ONE = ir.Constant(I64, 0), ir.Constant(I64, 1)

#: CPython's operation for each operator, `x op y` and `x op= y` (the in-place one can differ
#: only for an object a lying hint let in, such as a list).
NUMBER_FUNCTIONS: dict[B, tuple[str, str]] = {
    B.ADD: ("PyNumber_Add", "PyNumber_InPlaceAdd"),
    B.SUB: ("PyNumber_Subtract", "PyNumber_InPlaceSubtract"),
    B.MUL: ("PyNumber_Multiply", "PyNumber_InPlaceMultiply"),
    B.FLOOR_DIV: ("PyNumber_FloorDivide", "PyNumber_InPlaceFloorDivide"),
    B.MOD: ("PyNumber_Remainder", "PyNumber_InPlaceRemainder"),
    B.LSHIFT: ("PyNumber_Lshift", "PyNumber_InPlaceLshift"),
    B.RSHIFT: ("PyNumber_Rshift", "PyNumber_InPlaceRshift"),
    B.BIT_AND: ("PyNumber_And", "PyNumber_InPlaceAnd"),
    B.BIT_OR: ("PyNumber_Or", "PyNumber_InPlaceOr"),
    B.BIT_XOR: ("PyNumber_Xor", "PyNumber_InPlaceXor"),
    B.TRUE_DIV: ("PyNumber_TrueDivide", "PyNumber_InPlaceTrueDivide"),
    B.POW: ("tpy2wasm_power", "tpy2wasm_inplace_power"),  # PyNumber_Power with no modulus
}
UNARY_FUNCTIONS = {U.NEG: "PyNumber_Negative", U.POS: "PyNumber_Positive", U.INVERT: "PyNumber_Invert"}
#: CPython's comparison codes (Py_LT ... Py_GE in object.h).
RICH_COMPARE = {C.LT: 0, C.LE: 1, C.EQ: 2, C.NE: 3, C.GT: 4, C.GE: 5}

BINARY_FUNCTION = ir.FunctionType(PTR, [PTR, PTR])
UNARY_FUNCTION = ir.FunctionType(PTR, [PTR])


def is_small(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    return builder.icmp_unsigned("==", builder.and_(word, _ONE), _ZERO)


def object_of(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    """The PyObject* a word that is not small holds (NULL for WORD_ERROR)."""
    return builder.inttoptr(builder.trunc(builder.and_(word, ir.Constant(I64, -2)), I32), PTR)


def constant(value: int) -> ir.Constant | None:
    """The word of a small int literal; None when it needs an object."""
    return ir.Constant(I64, value * 2) if is_small_int(value) else None


def word_of_new_object(builder: ir.IRBuilder, value: ir.Value) -> ir.Value:
    """The word that holds the new reference `value` (not NULL)."""
    return builder.or_(builder.zext(builder.ptrtoint(value, I32), I64), _ONE)


def binary(emitter: Emitter, op: tir.Binary, left: ir.Value, right: ir.Value) -> ir.Value:
    builder = emitter.builder
    guard, fast = _FAST_BINARY[op.operator]
    function = cpython_function(builder.module, NUMBER_FUNCTIONS[op.operator][op.inplace], BINARY_FUNCTION)
    both_small = all_of(builder, [unless_known(emitter, op.left, lambda: is_small(builder, left)),
                                  unless_known(emitter, op.right, lambda: is_small(builder, right))])
    condition = all_of(builder, [both_small, None if guard is None else guard(builder, left, right)])
    return with_slow_path(emitter, op, condition, lambda: fast(builder, left, right),
                          lambda: emitter.call_runtime("tpy2wasm_word_binary", function, left, right), is_error)


def fast_binary(builder: ir.IRBuilder, operator: B, left: ir.Value, right: ir.Value) -> tuple[ir.Value, ir.Value | None]:
    """`left op right` on two small words that need no guard (+ - * & | ^): the result word and
    the i1 that says it did not overflow (None: it cannot)."""
    guard, fast = _FAST_BINARY[operator]
    assert guard is None, operator
    return fast(builder, left, right)


def unary(emitter: Emitter, op: tir.Unary, operand: ir.Value) -> ir.Value:
    builder = emitter.builder
    function = cpython_function(builder.module, UNARY_FUNCTIONS[op.operator], UNARY_FUNCTION)

    def fast() -> tuple[ir.Value, ir.Value | None]:
        if op.operator is U.NEG:
            return _overflow_checked(builder, "llvm.ssub.with.overflow", _ZERO, operand)
        if op.operator is U.INVERT:  # ~v is -v-1: (-2v-1) with the tag bit cleared
            return builder.xor(operand, ir.Constant(I64, -2)), None
        return operand, None

    return with_slow_path(emitter, op, unless_known(emitter, op.operand, lambda: is_small(builder, operand)), fast,
                          lambda: emitter.call_runtime("tpy2wasm_word_unary", function, operand), is_error)


def compare(emitter: Emitter, op: tir.Compare, left: ir.Value, right: ir.Value) -> ir.Value:
    """The truth of the comparison as an i1."""
    return compare_with_slow_path(
        emitter, op, *fast_compare(emitter, op, left, right),
        lambda: emitter.call_runtime("tpy2wasm_word_compare", left, right, ir.Constant(I32, RICH_COMPARE[op.operator])))


def fast_compare(emitter: Emitter, op: tir.Compare, left: ir.Value,
                 right: ir.Value) -> tuple[ir.Value | None, Callable[[], ir.Value]]:
    """(whether the fast path applies, both small; None when known, the fast path's i1): signed
    order of small words is the ints' order."""
    builder = emitter.builder
    both_small = all_of(builder, [unless_known(emitter, op.left, lambda: is_small(builder, left)),
                                  unless_known(emitter, op.right, lambda: is_small(builder, right))])
    return both_small, lambda: builder.icmp_signed(op.operator.value, left, right)


def is_error(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    return builder.icmp_unsigned("==", word, WORD_ERROR)


def cpython_function(module: ir.Module, name: str, function_type: ir.FunctionType) -> ir.Value:
    """CPython's function `name`, as the pointer the runtime's slow path calls."""
    return declare_function(module, name, function_type).bitcast(PTR)


def _overflow_checked(builder: ir.IRBuilder, intrinsic: str, left: ir.Value,
                      right: ir.Value) -> tuple[ir.Value, ir.Value]:
    result = builder.call(declare_function(builder.module, f"{intrinsic}.i64", OVERFLOW_CHECKED), [left, right])
    return builder.extract_value(result, 0), builder.not_(builder.extract_value(result, 1))


def _untagged(builder: ir.IRBuilder, word: ir.Value) -> ir.Value:
    return builder.ashr(word, _ONE)


def _tagged(builder: ir.IRBuilder, value: ir.Value) -> tuple[ir.Value, ir.Value]:
    """`value << 1`, valid when it fits in 63 bits."""
    word = builder.shl(value, _ONE)
    return word, builder.icmp_signed("==", builder.ashr(word, _ONE), value)


def _multiply(builder: ir.IRBuilder, left: ir.Value, right: ir.Value) -> tuple[ir.Value, ir.Value | None]:
    return _overflow_checked(builder, "llvm.smul.with.overflow", _untagged(builder, left), right)


def _floor_divide(builder: ir.IRBuilder, left: ir.Value, right: ir.Value,
                  want_modulo: bool) -> tuple[ir.Value, ir.Value | None]:
    """Python's floor division or modulo of the untagged values (C truncates toward zero);
    only -2**62 // -1 does not fit back."""
    x, y = _untagged(builder, left), _untagged(builder, right)
    quotient, remainder = builder.sdiv(x, y), builder.srem(x, y)
    adjust = builder.and_(builder.icmp_signed("!=", remainder, _ZERO),
                          builder.icmp_signed("<", builder.xor(remainder, y), _ZERO))
    if want_modulo:
        return builder.shl(builder.select(adjust, builder.add(remainder, y), remainder), _ONE), None
    return _tagged(builder, builder.select(adjust, builder.sub(quotient, _ONE), quotient))


def _shift_right(builder: ir.IRBuilder, left: ir.Value, right: ir.Value) -> tuple[ir.Value, ir.Value | None]:
    count = _untagged(builder, right)
    capped = builder.select(builder.icmp_signed(">", count, ir.Constant(I64, 63)), ir.Constant(I64, 63), count)
    return builder.shl(builder.ashr(_untagged(builder, left), capped), _ONE), None


def _shift_left(builder: ir.IRBuilder, left: ir.Value, right: ir.Value) -> tuple[ir.Value, ir.Value | None]:
    count = _untagged(builder, right)
    shifted = builder.shl(left, count)
    return shifted, builder.icmp_signed("==", builder.ashr(shifted, count), left)


def _nonzero_divisor(builder: ir.IRBuilder, left: ir.Value, right: ir.Value) -> ir.Value:
    return builder.icmp_signed("!=", right, _ZERO)


def _shift_in_range(builder: ir.IRBuilder, left: ir.Value, right: ir.Value) -> ir.Value:
    """A count the fast path can take: 0 <= count < 64 for <<, and >= 0 for >> (capped there)."""
    return builder.icmp_unsigned("<", right, ir.Constant(I64, 128))


def _non_negative(builder: ir.IRBuilder, left: ir.Value, right: ir.Value) -> ir.Value:
    return builder.icmp_signed(">=", right, _ZERO)


Guard = Callable[[ir.IRBuilder, ir.Value, ir.Value], ir.Value]
FastPath = Callable[[ir.IRBuilder, ir.Value, ir.Value], tuple[ir.Value, ir.Value | None]]
"""(builder, left, right) -> (the result word, the i1 that says it is valid, or None: always)."""

#: For each operator: what must hold besides both operands being small, and the fast path.
_FAST_BINARY: dict[B, tuple[Guard | None, FastPath]] = {
    B.ADD: (None, lambda b, x, y: _overflow_checked(b, "llvm.sadd.with.overflow", x, y)),
    B.SUB: (None, lambda b, x, y: _overflow_checked(b, "llvm.ssub.with.overflow", x, y)),
    B.MUL: (None, _multiply),
    B.BIT_AND: (None, lambda b, x, y: (b.and_(x, y), None)),
    B.BIT_OR: (None, lambda b, x, y: (b.or_(x, y), None)),
    B.BIT_XOR: (None, lambda b, x, y: (b.xor(x, y), None)),
    B.FLOOR_DIV: (_nonzero_divisor, lambda b, x, y: _floor_divide(b, x, y, want_modulo=False)),
    B.MOD: (_nonzero_divisor, lambda b, x, y: _floor_divide(b, x, y, want_modulo=True)),
    B.RSHIFT: (_non_negative, _shift_right),
    B.LSHIFT: (_shift_in_range, _shift_left),
}


def called_in_loops(functions: Sequence[FunctionIR]) -> frozenset[str]:
    """The keys of the native functions other native code calls through their direct entries
    from inside a loop (between a back edge's target and its source, in block order), or from
    a function so called or a method (which native loops call), at any remove; and the methods."""
    in_loops: set[str] = set()
    callees: dict[str, set[str]] = {}
    for function in functions:
        order = {block.label: index for index, block in enumerate(function.blocks)}
        loops = [(order[target], order[block.label]) for block in function.blocks
                 for target in successors(block.terminator) if order[target] <= order[block.label]]
        calls = [(index, op.function) for index, block in enumerate(function.blocks) for op in block.ops
                 if isinstance(op, (CallDirect, CallNativeMethod))]
        in_loops.update(callee for index, callee in calls if any(start <= index <= end for start, end in loops))
        callees[function.key] = {callee for _, callee in calls}
    hot = in_loops | {function.key for function in functions if "." in function.qualname}
    while True:
        reached = hot | {callee for caller in hot for callee in callees.get(caller, ())}
        if reached == hot:
            return frozenset(reached)
        hot = reached


def hot_on_words(function: FunctionIR, closed: bool, called_in_loop: bool) -> bool:
    """A function with int or float words that loops, calls a native function directly
    (recursion too), is closed (codegen/entry_bindings.py: word operations only, so a small
    function that the interpreter calls in its loops), is called directly in a loop of another
    native function or is a method (which native code calls through its direct entry, overrides
    too, maybe in loops: codegen/method_calls.py): its time goes to the words'
    inline fast paths and to its calls, which need LLVM's passes (mem2reg makes the words' slots registers);
    codegen gives it a fast version, optimises it and lets its releases test for NULL inline,
    which the passes fold away. (All functions with words would double the compile time of a
    program of many small printing functions, for code that runs once.)"""
    if not any(op.dest is not None and op.dest.type in WORDS for block in function.blocks for op in block.ops):
        return False
    if closed or called_in_loop or "." in function.qualname \
            or any(isinstance(op, CallDirect) for block in function.blocks for op in block.ops):
        return True
    return loops(function)


def loops(function: FunctionIR) -> bool:
    """Whether the function has a loop (a branch back to a block before)."""
    order = {block.label: index for index, block in enumerate(function.blocks)}
    return any(order[target] <= order[block.label] for block in function.blocks
               for target in successors(block.terminator))

