"""The exceptions pass over a native function (as mypyc's `transform/exceptions.py`): it gives
each op and terminator that may raise its error edge, the one account of where a failure goes
that codegen, liveness and the refcount pass read.

- Which ops may raise is each op's own declaration (`error_kind`), except for one thing the
  pass proves: a load of a local raises UnboundLocalError only where some path reaches it with
  the local unassigned. Definite assignment over the CFG: the arguments are assigned at the
  entry, a store assigns, a `for` loop's item is assigned on the way into the body, `del`
  unassigns; a handler gets what is assigned at each op or terminator that may go to it.
  Elsewhere the load is marked `may_be_unbound=False` and tests nothing.
- Where each goes: the handler of its block, as lowering set it (analysis/lower_exceptions.py),
  or out of the function. After the pass no block has a `handler`: the edges say it.

Unlike mypyc's pass, this one does not split a block after each op that may raise into a
branch on the op's error value. Codegen finds an op's failure inside the op's own lowering,
often on a slow path off an inline fast one (an int `+` that overflows goes to CPython, whose
NULL is the failure), so the edge is data on the op, and a block stays the straight-line unit
that codegen's per-block analyses reason over (codegen/borrowed_loads.py, codegen/wide_words.py).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from tpy2wasm.analysis import ir
from tpy2wasm.analysis.ir_objects import ClearLocal

Site = tuple[str, int]
"""(block label, op index): where an op sits, for this pass and codegen's analyses."""

_Item = TypeVar("_Item", ir.Op, ir.Terminator)


def insert_error_edges(function: ir.FunctionIR) -> ir.FunctionIR:
    unassigned = unassigned_loads(function)
    blocks: list[ir.BasicBlock] = []
    for block in function.blocks:
        edge = ir.ErrorEdge(block.handler)
        ops = tuple(_with_edge(_checked(op, (block.label, index) in unassigned), edge)
                    for index, op in enumerate(block.ops))
        blocks.append(replace(block, ops=ops, terminator=_with_edge(block.terminator, edge), handler=None))
    return replace(function, blocks=tuple(blocks))


def error_handlers(block: ir.BasicBlock) -> set[str]:
    """The blocks an exception raised in `block` goes to (none when it leaves the function)."""
    return {item.error.handler for item in (*block.ops, block.terminator)
            if item.error is not None and item.error.handler is not None}


def unassigned_loads(function: ir.FunctionIR) -> set[Site]:
    """The loads of a local that some path from the entry reaches with the local unassigned
    (every load of a block no path reaches, too)."""
    blocks = {block.label: block for block in function.blocks}
    entry = function.blocks[0].label
    assigned_in: dict[str, frozenset[str]] = {entry: frozenset(arg.name for arg in function.args)}
    pending = [entry]
    while pending:
        block = blocks[pending.pop()]
        for target, assigned in _out_edges(block, assigned_in[block.label]):
            merged = assigned if target not in assigned_in else assigned_in[target] & assigned
            if assigned_in.get(target) != merged:
                assigned_in[target] = merged
                pending.append(target)
    sites: set[Site] = set()
    for block in function.blocks:
        reached = block.label in assigned_in
        assigned = assigned_in.get(block.label, frozenset())
        for index, op in enumerate(block.ops):
            if isinstance(op, ir.LoadLocal) and not (reached and op.local.name in assigned):
                sites.add((block.label, index))
            assigned = _after(op, assigned)
    return sites


def _out_edges(block: ir.BasicBlock, assigned: frozenset[str]) -> list[tuple[str, frozenset[str]]]:
    """Each block `block` goes to, with the locals assigned on the way (`assigned` at its start)."""
    edges: list[tuple[str, frozenset[str]]] = []
    for op in block.ops:
        if block.handler is not None and op.error_kind is ir.ErrorKind.MAY_RAISE:
            edges.append((block.handler, assigned))
        assigned = _after(op, assigned)
    terminator = block.terminator
    if block.handler is not None and terminator.error_kind is ir.ErrorKind.MAY_RAISE:
        edges.append((block.handler, assigned))
    body, item = (terminator.body, {terminator.item.name}) if isinstance(terminator, ir.ForIter) else (None, set())
    edges += [(target, assigned | item if target == body else assigned) for target in ir.successors(terminator)]
    return edges


def _after(op: ir.Op, assigned: frozenset[str]) -> frozenset[str]:
    if isinstance(op, ir.StoreLocal):
        return assigned | {op.local.name}
    if isinstance(op, ClearLocal):
        return assigned - {op.local.name}
    return assigned


def _checked(op: ir.Op, may_be_unbound: bool) -> ir.Op:
    return replace(op, may_be_unbound=False) if isinstance(op, ir.LoadLocal) and not may_be_unbound else op


def _with_edge(item: _Item, edge: ir.ErrorEdge) -> _Item:
    return replace(item, error=edge) if item.error_kind is ir.ErrorKind.MAY_RAISE else item
