"""Which registers are live where, by backward dataflow over a function's CFG (the analysis
mypyc's `analysis/dataflow.py` runs for its refcount pass).

A register is live at a point when some path from there reads it before it is defined again.
An op may raise anywhere in its block, so everything live at the block's handler is live
throughout the block, as if the handler were one more successor.
"""

from __future__ import annotations

from dataclasses import dataclass

from tpy2wasm.analysis import ir
from tpy2wasm.analysis.ir_operands import operands, terminator_operands

Registers = frozenset[ir.Register]


def successors(terminator: ir.Terminator) -> tuple[str, ...]:
    """The blocks a terminator goes to normally (not its block's handler)."""
    if isinstance(terminator, ir.Goto):
        return (terminator.target,)
    if isinstance(terminator, ir.Branch):
        return (terminator.if_true, terminator.if_false)
    if isinstance(terminator, ir.ForIter):
        return (terminator.body, terminator.exit)
    return ()


@dataclass(frozen=True)
class Liveness:
    """Live registers on entry to and on exit from each block, by label."""

    live_in: dict[str, Registers]
    live_out: dict[str, Registers]


def analyse_liveness(function: ir.FunctionIR) -> Liveness:
    uses: dict[str, Registers] = {}
    defs: dict[str, Registers] = {}
    for block in function.blocks:
        used: set[ir.Register] = set(terminator_operands(block.terminator))
        defined: set[ir.Register] = set()
        for op in reversed(block.ops):
            if op.dest is not None:
                used.discard(op.dest)
                defined.add(op.dest)
            used.update(operands(op))
        uses[block.label], defs[block.label] = frozenset(used), frozenset(defined)
    live_in: dict[str, Registers] = {block.label: frozenset() for block in function.blocks}
    live_out: dict[str, Registers] = dict(live_in)
    changed = True
    while changed:
        changed = False
        for block in reversed(function.blocks):
            following = [*successors(block.terminator), *([] if block.handler is None else [block.handler])]
            out = frozenset().union(*(live_in[label] for label in following))
            entry = uses[block.label] | (out - defs[block.label])
            if entry != live_in[block.label] or out != live_out[block.label]:
                live_in[block.label], live_out[block.label] = entry, out
                changed = True
    return Liveness(live_in, live_out)
