"""Ops of counted range loops: `for i in range(...)` on int words without a range object while
`range` is the builtin (analysis/lower.py lowers them, codegen/range_words.py emits them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import final

from tpy2wasm.analysis.ir import CompareOperator, FunctionIR, Op, Register
from tpy2wasm.analysis.ir_objects import CallObject, GetIter


@final
@dataclass(frozen=True)
class IsCountedRange(Op):
    """Whether `for i in callee(*args)` can count on int words (rtypes.INT_WORD) without making
    the range: `callee` is the builtin `range` itself, and every argument a small int word within
    +-2**61, the step (a third) not zero and of sign `step_sign` when the source says it (a
    literal step; 0: any). Then making the range could show no effect, the counter from start up
    to before stop + step is always a small word, and adding the step cannot overflow; otherwise
    the loop calls `callee` and goes through CPython's iterator."""

    dest: Register
    callee: Register
    args: tuple[Register, ...]
    step_sign: int
    line: int


@final
@dataclass(frozen=True)
class CountCompare(Op):
    """`left op right` on the small int words of a counted range loop (IsCountedRange bounds
    them): a comparison of the machine words, with no slow path."""

    dest: Register
    operator: CompareOperator
    left: Register
    right: Register
    line: int


@final
@dataclass(frozen=True)
class CountAdd(Op):
    """`counter + step` in a counted range loop: a machine add of small int words that cannot
    overflow (IsCountedRange bounds them), with no slow path."""

    dest: Register
    counter: Register
    step: Register
    line: int



def range_fallback_iterators(function: FunctionIR) -> frozenset[Register]:
    """The iterators counted range loops fall back on (GetIter of the call of what `range`
    names, on the path IsCountedRange does not count): never a list's."""
    ops = [op for block in function.blocks for op in block.ops]
    callees = {op.callee for op in ops if isinstance(op, IsCountedRange)}
    ranges = {op.dest for op in ops if isinstance(op, CallObject) and op.callee in callees}
    return frozenset(op.dest for op in ops if isinstance(op, GetIter) and op.iterable in ranges)
