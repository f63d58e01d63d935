"""The counted `for i in range(...)` loops of native functions on int words (analysis/lower.py's
lower_for_range_object): the runtime says whether the range is one of small ints and gives its
bounds (wasm_runtime/native_range_words.c); counting then is plain machine arithmetic on the
tagged words, with no slow path, because those bounds keep the counter within small ints."""

from __future__ import annotations

from llvmlite import ir

from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.codegen.word_paths import Emitter
from tpy2wasm.codegen.runtime_api import I32, I64

_BOUND_FUNCTIONS = {tob.RangePart.START: "tpy2wasm_range_start", tob.RangePart.STOP: "tpy2wasm_range_stop",
                    tob.RangePart.STEP: "tpy2wasm_range_step"}
#: The tag bit of an int word: clear on the small ints a counted loop computes.
_UNTAGGED = ir.Constant(I64, -2)


def condition(emitter: Emitter, op: tob.IsSmallRange | tob.CountCompare, operands: list[ir.Value]) -> ir.Value:
    """The i1 of a range test: whether the range is counted on words, or the counter's test."""
    builder = emitter.builder
    if isinstance(op, tob.IsSmallRange):
        small = emitter.call_runtime("tpy2wasm_small_range", *operands, ir.Constant(I32, op.step_sign))
        return builder.icmp_signed("!=", small, ir.Constant(I32, 0))
    return builder.icmp_signed(op.operator.value, *operands)


def word(emitter: Emitter, op: tob.RangeBound | tob.CountAdd, operands: list[ir.Value]) -> ir.Value:
    """A bound of a counted range, or the counter's next value: small words, owning nothing. The
    tag bit is cleared for LLVM's sake (it then knows the words hold no object to release)."""
    builder = emitter.builder
    if isinstance(op, tob.RangeBound):
        value = emitter.call_runtime(_BOUND_FUNCTIONS[op.part], *operands)
    else:
        value = builder.add(*operands)
    return builder.and_(value, _UNTAGGED)
