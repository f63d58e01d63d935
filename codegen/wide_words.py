"""Int sums and products that a mask brings back to a small int, in a function's fast version:
`(h * 0x5BD1E995) & MASK` with `h < 2**32` passes the 63 bits of a small word, where the fast
version would transfer for good, but fits an i64, as C would compute it.

A *wide* register is an int word register defined by `+`, `-` or `*` of two int words, whose only
use is a `&` later in its block, with nothing in between but loads of constants, locals and
globals and the conversions of what they load (what `x & NAME` lowers to): none of those reads
it. In the fast version its slot holds the exact result as a plain i64 (the operation transfers,
before it runs, only where that overflows 64 bits), and the `&` makes a small word of it, or
transfers where the result does not fit. A transfer while a wide register is live first turns it
into the word the generic version expects (a small word or a big int's), so the generic version
never sees the plain form. The generic version computes these operations as any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.ir_operands import operands, terminator_operands
from tpy2wasm.analysis.rtypes import INT_WORD
from tpy2wasm.codegen import int_words
from tpy2wasm.codegen.runtime_api import I64, OVERFLOW_CHECKED, declare_function
from tpy2wasm.codegen.word_paths import Emitter

_WIDE_OPERATORS = {tir.BinaryOperator.ADD: "llvm.sadd.with.overflow", tir.BinaryOperator.SUB: "llvm.ssub.with.overflow",
                   tir.BinaryOperator.MUL: "llvm.smul.with.overflow"}
#: What may stand between a wide register's definition and its mask.
_BETWEEN = (tir.LoadConst, tir.LoadLocal, tir.LoadGlobal, tob.ToWord, tob.DecRef)
_ONE = ir.Constant(I64, 1)


@dataclass(frozen=True)
class WideRange:
    """Where a wide register is live in its block: after its definition up to its mask."""

    label: str
    defined: int
    masked: int

    def holds(self, site: tuple[str, int]) -> bool:
        label, index = site
        return label == self.label and self.defined < index <= self.masked


def wide_registers(function: tir.FunctionIR) -> dict[int, WideRange]:
    """The wide registers of a function (with its DecRefs), by number."""
    uses: dict[int, int] = {}
    for block in function.blocks:
        for op in block.ops:
            if not isinstance(op, tob.DecRef):
                for register in operands(op):
                    uses[register.number] = uses.get(register.number, 0) + 1
        for register in terminator_operands(block.terminator):
            uses[register.number] = uses.get(register.number, 0) + 1
    wide: dict[int, WideRange] = {}
    for block in function.blocks:
        for index, op in enumerate(block.ops):
            if not (isinstance(op, tir.Binary) and op.operator in _WIDE_OPERATORS
                    and op.dest.type is op.left.type is op.right.type is INT_WORD and uses.get(op.dest.number) == 1):
                continue
            for later in range(index + 1, len(block.ops)):
                user = block.ops[later]
                if isinstance(user, tir.Binary) and user.operator is tir.BinaryOperator.BIT_AND \
                        and op.dest in (user.left, user.right) and user.left.type is user.right.type is INT_WORD:
                    wide[op.dest.number] = WideRange(block.label, index, later)
                if not isinstance(user, _BETWEEN) or op.dest in operands(user):
                    break
    return wide


class WideEmitter(Emitter, Protocol):
    wide: dict[int, WideRange]

    def value(self, register: tir.Register) -> ir.Value: ...


def wide_result(emitter: WideEmitter, op: tir.Binary, left: ir.Value, right: ir.Value) -> ir.Value:
    """The exact i64 of two small words' sum, difference or product (a transfer, before it
    runs, where it overflows 64 bits)."""
    builder = emitter.builder
    function = declare_function(builder.module, f"{_WIDE_OPERATORS[op.operator]}.i64", OVERFLOW_CHECKED)
    result = builder.call(function, [builder.ashr(left, _ONE), builder.ashr(right, _ONE)])
    emitter.transfer_unless(builder.not_(builder.extract_value(result, 1)))
    return builder.extract_value(result, 0)


def masked(emitter: WideEmitter, op: tir.Binary) -> ir.Value:
    """`&` of a wide register's i64 and a small word (or another wide one), as a small word; a
    transfer where it does not fit one (a negative mask keeps high bits)."""
    builder = emitter.builder
    exact = [emitter.value(register) if register.number in emitter.wide else builder.ashr(emitter.value(register), _ONE)
             for register in (op.left, op.right)]
    value = builder.and_(*exact)
    word = builder.shl(value, _ONE)
    emitter.transfer_unless(builder.icmp_signed("==", builder.ashr(word, _ONE), value))
    return word


def word_of_wide(emitter: Emitter, value: ir.Value, where: tir.Position) -> ir.Value:
    """The word of a wide register's i64 where the function transfers with it live: a small word,
    or a new big int's (MemoryError fails the current operation)."""
    builder = emitter.builder
    word = builder.shl(value, _ONE)
    fits = builder.icmp_signed("==", builder.ashr(word, _ONE), value)
    with builder.if_else(fits, likely=True) as (small, big):
        with small:
            small_block = builder.block
        with big:
            made = emitter.call_runtime("PyLong_FromLongLong", value)
            emitter.fail_if(builder.icmp_unsigned("==", made, ir.Constant(made.type, None)), where)
            big_word = int_words.word_of_new_object(builder, made)
            big_block = builder.block
    result = builder.phi(I64)
    result.add_incoming(word, small_block)
    result.add_incoming(big_word, big_block)
    return result
