"""Python's arithmetic on unboxed values, exactly: what CPython computes, or a deopt.

i64 results that would overflow deopt (CPython then computes the PyLong); int -> float
conversion deopts past 2**53, where a double stops being exact (so mixed comparisons
stay exact too); floor division and modulo follow Python's signs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.ir import BinaryOperator as B
from tpy2wasm.analysis.ir import CompareOperator as C
from tpy2wasm.analysis.ir import Primitive as P
from tpy2wasm.analysis.ir import UnaryOperator as U
from tpy2wasm.analysis.rtypes import BOOL, FLOAT, INT, RType
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import F64, I1, I32, I64, OVERFLOW_CHECKED, Raise, Rounding, declare_function

_EXACT_DOUBLE_LIMIT = 2**53


class Emitter(Protocol):
    builder: ir.IRBuilder

    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value: ...
    def fail_if_status(self, status: ir.Value, where: tir.Position) -> None: ...
    def deopt_if(self, condition: ir.Value, where: tir.Position) -> None: ...
    def raise_if(self, condition: ir.Value, error: Raise, where: tir.Position) -> None: ...
    def out_slot(self, llvm_type_: ir.Type) -> ir.AllocaInstr: ...


def emit(emitter: Emitter, op: tir.Op, operands: list[ir.Value]) -> ir.Value:
    if isinstance(op, tir.Binary):
        return _binary(emitter, op, operands[0], operands[1])
    if isinstance(op, tir.Compare):
        return _compare(emitter.builder, op.operator, op.left.type, operands[0], operands[1])
    if isinstance(op, tir.Unary):
        return _unary(emitter, op, operands[0])
    if isinstance(op, tir.Convert):
        return convert(emitter, operands[0], op.source.type, op.dest.type, position(op))
    if isinstance(op, tir.CallPrimitive):
        return _primitive(emitter, op, operands)
    raise TypeError(f"no lowering for {op!r}")


def from_slot(builder: ir.IRBuilder, bits: ir.Value, rtype: RType) -> ir.Value:
    """The value of `rtype` whose 64 bits a runtime slot holds."""
    if rtype is FLOAT:
        return builder.bitcast(bits, F64)
    if rtype is BOOL:
        return builder.trunc(bits, I1)
    return bits


def to_slot(builder: ir.IRBuilder, value: ir.Value, rtype: RType) -> ir.Value:
    if rtype is FLOAT:
        return builder.bitcast(value, I64)
    if rtype is BOOL:
        return builder.zext(value, I64)
    return value


def convert(emitter: Emitter, value: ir.Value, source: RType, target: RType, where: tir.Position) -> ir.Value:
    builder = emitter.builder
    if source is target:
        return value
    if source is BOOL:
        return builder.zext(value, I64) if target is INT else builder.uitofp(value, F64)
    magnitude_ok = builder.icmp_unsigned("<=", builder.add(value, ir.Constant(I64, _EXACT_DOUBLE_LIMIT)),
                                         ir.Constant(I64, 2 * _EXACT_DOUBLE_LIMIT))
    emitter.deopt_if(builder.not_(magnitude_ok), where)
    return builder.sitofp(value, F64)


def checked(emitter: Emitter, intrinsic: str, left: ir.Value, right: ir.Value, where: tir.Position) -> ir.Value:
    """llvm.s{add,sub,mul}.with.overflow.i64, deopting when it overflows."""
    builder = emitter.builder
    result = builder.call(declare_function(builder.module, f"{intrinsic}.i64", OVERFLOW_CHECKED), [left, right])
    emitter.deopt_if(builder.extract_value(result, 1), where)
    return builder.extract_value(result, 0)


def _call_with_out(emitter: Emitter, name: str, out_type: ir.Type, where: tir.Position, *arguments: ir.Value) -> ir.Value:
    slot = emitter.out_slot(out_type)
    emitter.fail_if_status(emitter.call_runtime(name, *arguments, slot), where)
    return emitter.builder.load(slot)


def _int_floor_divide(emitter: Emitter, left: ir.Value, right: ir.Value, want_modulo: bool, where: tir.Position) -> ir.Value:
    builder = emitter.builder
    zero, minus_one = ir.Constant(I64, 0), ir.Constant(I64, -1)
    error = Raise.INT_MODULO_ZERO if want_modulo else Raise.INT_ZERO_DIVISION
    emitter.raise_if(builder.icmp_signed("==", right, zero), error, where)
    overflows = builder.and_(builder.icmp_signed("==", left, ir.Constant(I64, -(2**63))),
                             builder.icmp_signed("==", right, minus_one))
    emitter.deopt_if(overflows, where)
    quotient, remainder = builder.sdiv(left, right), builder.srem(left, right)
    # C truncates toward zero; Python floors: adjust when the signs of remainder and divisor differ.
    adjust = builder.and_(builder.icmp_signed("!=", remainder, zero),
                          builder.icmp_signed("<", builder.xor(remainder, right), zero))
    if want_modulo:
        return builder.select(adjust, builder.add(remainder, right), remainder)
    return builder.select(adjust, builder.sub(quotient, ir.Constant(I64, 1)), quotient)


def _shift(emitter: Emitter, left: ir.Value, right: ir.Value, to_left: bool, where: tir.Position) -> ir.Value:
    builder = emitter.builder
    zero = ir.Constant(I64, 0)
    emitter.raise_if(builder.icmp_signed("<", right, zero), Raise.NEGATIVE_SHIFT, where)
    large = builder.icmp_signed(">=", right, ir.Constant(I64, 64))
    if not to_left:
        all_sign = builder.select(builder.icmp_signed("<", left, zero), ir.Constant(I64, -1), zero)
        safe_count = builder.select(large, ir.Constant(I64, 63), right)
        return builder.select(large, all_sign, builder.ashr(left, safe_count))
    nonzero = builder.icmp_signed("!=", left, zero)
    emitter.deopt_if(builder.and_(large, nonzero), where)
    safe_count = builder.select(large, zero, right)
    shifted = builder.shl(left, safe_count)
    emitter.deopt_if(builder.icmp_signed("!=", builder.ashr(shifted, safe_count), left), where)
    return shifted


def _int_binary(emitter: Emitter, operator: B, left: ir.Value, right: ir.Value, where: tir.Position) -> ir.Value:
    builder = emitter.builder
    intrinsics = {B.ADD: "llvm.sadd.with.overflow", B.SUB: "llvm.ssub.with.overflow", B.MUL: "llvm.smul.with.overflow"}
    if operator in intrinsics:
        return checked(emitter, intrinsics[operator], left, right, where)
    plain: dict[B, Callable[[ir.Value, ir.Value], ir.Value]] = {
        B.BIT_AND: builder.and_, B.BIT_OR: builder.or_, B.BIT_XOR: builder.xor}
    if operator in plain:
        return plain[operator](left, right)
    if operator in (B.FLOOR_DIV, B.MOD):
        return _int_floor_divide(emitter, left, right, operator is B.MOD, where)
    if operator in (B.LSHIFT, B.RSHIFT):
        return _shift(emitter, left, right, operator is B.LSHIFT, where)
    if operator is B.TRUE_DIV:
        return _call_with_out(emitter, "tpy2wasm_int_true_divide", F64, where, left, right)
    return _call_with_out(emitter, "tpy2wasm_int_power", I64, where, left, right)


def _float_binary(emitter: Emitter, operator: B, left: ir.Value, right: ir.Value, where: tir.Position) -> ir.Value:
    builder = emitter.builder
    plain = {B.ADD: builder.fadd, B.SUB: builder.fsub, B.MUL: builder.fmul}
    if operator in plain:
        return plain[operator](left, right)
    if operator is B.TRUE_DIV:
        emitter.raise_if(builder.fcmp_ordered("==", right, ir.Constant(F64, 0.0)), Raise.FLOAT_ZERO_DIVISION, where)
        return builder.fdiv(left, right)
    if operator in (B.FLOOR_DIV, B.MOD):
        want_modulo = ir.Constant(I32, int(operator is B.MOD))
        return _call_with_out(emitter, "tpy2wasm_float_floor_divide", F64, where, left, right, want_modulo)
    if operator is B.POW:
        return _call_with_out(emitter, "tpy2wasm_float_power", F64, where, left, right)
    raise TypeError(f"float has no operator {operator.value}")


def _binary(emitter: Emitter, op: tir.Binary, left: ir.Value, right: ir.Value) -> ir.Value:
    operand_type = op.left.type
    if operand_type is BOOL and op.dest.type is BOOL:  # & | ^ on bools stay bools
        logical = {B.BIT_AND: emitter.builder.and_, B.BIT_OR: emitter.builder.or_, B.BIT_XOR: emitter.builder.xor}
        return logical[op.operator](left, right)
    if operand_type is BOOL:
        left, right = emitter.builder.zext(left, I64), emitter.builder.zext(right, I64)
        operand_type = INT
    if operand_type is FLOAT:
        return _float_binary(emitter, op.operator, left, right, position(op))
    return _int_binary(emitter, op.operator, left, right, position(op))


def _compare(builder: ir.IRBuilder, operator: C, operand_type: RType, left: ir.Value, right: ir.Value) -> ir.Value:
    if operand_type is FLOAT:
        if operator is C.NE:
            return builder.fcmp_unordered("!=", left, right)  # nan != nan is True
        return builder.fcmp_ordered(operator.value, left, right)
    if operand_type is BOOL:
        return builder.icmp_unsigned(operator.value, left, right)
    return builder.icmp_signed(operator.value, left, right)


def _unary(emitter: Emitter, op: tir.Unary, value: ir.Value) -> ir.Value:
    builder = emitter.builder
    source = op.operand.type
    if op.operator is U.NOT:
        if source is FLOAT:
            return builder.fcmp_ordered("==", value, ir.Constant(F64, 0.0))
        return builder.icmp_signed("==", value, ir.Constant(value.type, 0))
    if source is BOOL:
        value, source = builder.zext(value, I64), INT
    if op.operator is U.POS:
        return value
    if source is FLOAT:
        return builder.fneg(value) if op.operator is U.NEG else value
    if op.operator is U.INVERT:
        return builder.xor(value, ir.Constant(I64, -1))
    return checked(emitter, "llvm.ssub.with.overflow", ir.Constant(I64, 0), value, position(op))


def _primitive(emitter: Emitter, op: tir.CallPrimitive, operands: list[ir.Value]) -> ir.Value:
    builder = emitter.builder
    types = [arg.type for arg in op.args]
    if op.primitive in (P.MIN, P.MAX):
        result, result_type = operands[0], types[0]
        for value, value_type in zip(operands[1:], types[1:]):
            wins = _compare(builder, C.LT if op.primitive is P.MIN else C.GT, result_type, value, result)
            result = builder.select(wins, value, result)
        return result
    value, source = operands[0], types[0]
    if op.primitive is P.RANGE_STEP:
        emitter.raise_if(builder.icmp_signed("==", value, ir.Constant(I64, 0)), Raise.RANGE_STEP_ZERO, position(op))
        return value
    if source is BOOL:
        value, source = builder.zext(value, I64), INT
    if op.primitive is P.ABS:
        if source is FLOAT:
            return builder.call(builder.module.declare_intrinsic("llvm.fabs", [F64]), [value])
        negative = builder.icmp_signed("<", value, ir.Constant(I64, 0))
        return builder.select(negative, checked(emitter, "llvm.ssub.with.overflow", ir.Constant(I64, 0),
                                                       value, position(op)), value)
    if op.primitive is P.SQRT:
        value = convert(emitter, value, source, FLOAT, position(op))
        emitter.raise_if(builder.fcmp_ordered("<", value, ir.Constant(F64, 0.0)), Raise.MATH_DOMAIN, position(op))
        return builder.call(builder.module.declare_intrinsic("llvm.sqrt", [F64]), [value])
    if source is INT:  # floor, ceil and int() of an int are the int itself
        return value
    rounding = {P.FLOOR: Rounding.FLOOR, P.CEIL: Rounding.CEIL, P.FLOAT_TO_INT: Rounding.TRUNCATE}[op.primitive]
    return _call_with_out(emitter, "tpy2wasm_float_to_int", I64, position(op), value, ir.Constant(I32, int(rounding)))
