"""Finds the self-call in tail position that `function_emitter.py` turns into a loop:
`return f(...)`, or `return x + f(...)` / `x * f(...)` on ints with `x` evaluated before the
call, the call's result used nowhere else."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.analysis.rtypes import INT

#: Accumulating operators of a tail self-call, with their identity and checked intrinsic.
ACCUMULATORS = {tir.BinaryOperator.ADD: (0, "llvm.sadd.with.overflow"),
                tir.BinaryOperator.MUL: (1, "llvm.smul.with.overflow")}
_PURE_OPS = (tir.LoadLocal, tir.LoadConst)


@dataclass(frozen=True)
class TailCall:
    """The self-call that `return` ends `block` with; `combine` folds the other operand in."""

    block: str
    call: tir.CallNative
    combine: tir.Binary | None


def tail_call(function: tir.FunctionIR, is_self: Callable[[str], bool]) -> TailCall | None:
    """The first block that returns a self-call's result, as is or folded by int + or *."""
    used: dict[int, int] = {}
    for block in function.blocks:
        for op in block.ops:
            if not isinstance(op, (tir.LoadConst, tir.LoadLocal, tir.LoadGlobal)):
                for register in operands(op):
                    used[register.number] = used.get(register.number, 0) + 1
        terminator = block.terminator
        if isinstance(terminator, tir.Branch):
            used[terminator.condition.number] = used.get(terminator.condition.number, 0) + 1
        elif isinstance(terminator, tir.Return) and terminator.value is not None:
            used[terminator.value.number] = used.get(terminator.value.number, 0) + 1
    for block in function.blocks:
        returned = block.terminator.value if isinstance(block.terminator, tir.Return) else None
        calls = [index for index, op in enumerate(block.ops) if isinstance(op, tir.CallNative)]
        if returned is None or not calls:
            continue
        call = block.ops[calls[-1]]
        assert isinstance(call, tir.CallNative)
        if not is_self(call.callee) or used.get(call.dest.number) != 1:
            continue
        after = block.ops[calls[-1] + 1:]
        if not after and call.dest == returned:
            return TailCall(block.label, call, None)
        combine = after[-1] if after else None
        if (isinstance(combine, tir.Binary) and combine.dest == returned and combine.operator in ACCUMULATORS
                and function.return_type is INT and combine.left.type is INT and combine.right.type is INT
                and call.dest in (combine.left, combine.right) and combine.left != combine.right
                and all(isinstance(op, _PURE_OPS) for op in after[:-1])):
            return TailCall(block.label, call, combine)
    return None

