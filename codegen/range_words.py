"""The counted `for i in range(...)` loops of native functions on int words (analysis/lower.py's
lower_for_range): the loop counts without a range object while the name `range` holds the builtin
and its arguments are small words within +-2**61 (a test of the callee's address and of the
words, inline); counting then is plain machine arithmetic on the tagged words, with no slow
path, because those bounds keep the counter within small ints."""

from __future__ import annotations

from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_ranges as ranges
from tpy2wasm.codegen import int_words
from tpy2wasm.codegen.object_words import cpython_object
from tpy2wasm.codegen.runtime_api import I64

#: The tag bit of an int word: clear on the small ints a counted loop computes.
_UNTAGGED = ir.Constant(I64, -2)
#: A word v * 2 with |v| < 2**61 is one with word + 2**62 below 2**63, unsigned.
_COUNTED_OFFSET, _COUNTED_SPAN = ir.Constant(I64, 2**62), ir.Constant(I64, 2**63)


class Emitter(Protocol):
    builder: ir.IRBuilder
    module: ir.Module

    def known_fast(self, register: tir.Register) -> bool: ...


def condition(emitter: Emitter, op: ranges.IsCountedRange | ranges.CountCompare, operands: list[ir.Value]) -> ir.Value:
    """The i1 of a range test: whether the loop counts on words, or the counter's test."""
    builder = emitter.builder
    if isinstance(op, ranges.CountCompare):
        return builder.icmp_signed(op.operator.value, *operands)
    callee, *words = operands
    counted = builder.icmp_unsigned("==", callee, cpython_object(emitter.module, "PyRange_Type"))
    for register, word in zip(op.args, words):
        within = builder.icmp_unsigned("<", builder.add(word, _COUNTED_OFFSET), _COUNTED_SPAN)
        if not emitter.known_fast(register):
            within = builder.and_(within, int_words.is_small(builder, word))
        counted = builder.and_(counted, within)
    if len(words) == 3:
        zero = ir.Constant(I64, 0)
        step_ok = builder.icmp_signed({1: ">", -1: "<"}.get(op.step_sign, "!="), words[2], zero)
        counted = builder.and_(counted, step_ok)
    return counted


def word(emitter: Emitter, op: ranges.CountAdd, operands: list[ir.Value]) -> ir.Value:
    """The counter's next value: a small word, owning nothing. The tag bit is cleared for LLVM's
    sake (it then knows the words hold no object to release)."""
    return emitter.builder.and_(emitter.builder.add(*operands), _UNTAGGED)
