"""Finds the self-call in tail position that becomes a loop in a closed function's fast version
(codegen/tail_loop.py): `return f(...)`, or
`return x + f(...)` / `x * f(...)` on ints with `x` evaluated before the call, the call's
result used nowhere else and nothing but releases between the call and the `+` or `*`."""

from __future__ import annotations

from dataclasses import dataclass

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.analysis.rtypes import INT_WORD

#: Accumulating operators of a tail self-call, with their identity and checked intrinsic.
ACCUMULATORS = {tir.BinaryOperator.ADD: (0, "llvm.sadd.with.overflow"),
                tir.BinaryOperator.MUL: (1, "llvm.smul.with.overflow")}
_RELEASES = (tob.DecRef, tob.KeepAlive)


@dataclass(frozen=True)
class TailCall:
    """The self-call that `return` ends `block` with; `combine` folds the other operand in."""

    block: str
    call: tob.CallDirect
    combine: tir.Binary | None

    @property
    def other(self) -> tir.Register:
        """The operand `combine` folds into the call's result."""
        assert self.combine is not None
        return self.combine.left if self.combine.right == self.call.dest else self.combine.right


def tail_call(function: tir.FunctionIR) -> TailCall | None:
    """The first block that returns a self-call's result, as is or folded by int + or *."""
    used: dict[int, int] = {}
    for block in function.blocks:
        for op in block.ops:
            if not isinstance(op, (tir.LoadConst, tir.LoadLocal, tir.LoadGlobal, *_RELEASES)):
                for register in operands(op):
                    used[register.number] = used.get(register.number, 0) + 1
        terminator = block.terminator
        if isinstance(terminator, tir.Branch):
            used[terminator.condition.number] = used.get(terminator.condition.number, 0) + 1
        elif isinstance(terminator, tir.Return) and terminator.value is not None:
            used[terminator.value.number] = used.get(terminator.value.number, 0) + 1
    for block in function.blocks:
        returned = block.terminator.value if isinstance(block.terminator, tir.Return) else None
        calls = [index for index, op in enumerate(block.ops) if isinstance(op, tob.CallDirect)]
        if returned is None or not calls:
            continue
        call = block.ops[calls[-1]]
        assert isinstance(call, tob.CallDirect)
        if call.function != function.key or used.get(call.dest.number) != 1:
            continue
        after = [op for op in block.ops[calls[-1] + 1:] if not isinstance(op, _RELEASES)]
        if not after and call.dest == returned:
            return TailCall(block.label, call, None)
        combine = after[0] if len(after) == 1 else None
        if (isinstance(combine, tir.Binary) and combine.dest == returned and combine.operator in ACCUMULATORS
                and function.return_type is INT_WORD
                and combine.left.type is combine.right.type is function.return_type
                and call.dest in (combine.left, combine.right) and combine.left != combine.right):
            return TailCall(block.label, call, combine)
    return None
