"""Which registers are live where, by backward dataflow over a function's CFG (the analysis
mypyc's `analysis/dataflow.py` runs for its refcount pass).

A register is live at a point when some path from there reads it before it is defined again.
It runs after the exceptions pass (analysis/exceptions.py): an op that may raise anywhere in
its block goes to its error edge's handler, so everything live there is live throughout the
block, as if the handler were one more successor.
"""

from __future__ import annotations

from dataclasses import dataclass

from tpy2wasm.analysis import ir
from tpy2wasm.analysis.exceptions import error_handlers
from tpy2wasm.analysis.ir_operands import operands, terminator_operands

Registers = frozenset[ir.Register]


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
            following = [*ir.successors(block.terminator), *error_handlers(block)]
            out = frozenset().union(*(live_in[label] for label in following))
            entry = uses[block.label] | (out - defs[block.label])
            if entry != live_in[block.label] or out != live_out[block.label]:
                live_in[block.label], live_out[block.label] = entry, out
                changed = True
    return Liveness(live_in, live_out)
