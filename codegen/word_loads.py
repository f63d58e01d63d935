"""Loads of word locals (int and float words) in a native function that can skip work, which in
a loop on words is most of each operation's cost:

- a load of a local that every path to it assigns first needs no test for an unbound local;
- a load whose register is used up within its block, with no store to the local in between,
  can borrow the local's reference: no retain at the load and no release at the last use.
  Nothing but the function's own stores changes a native local, so the local keeps the
  object alive meanwhile; an exception in between leaves no register owning it.
"""

from __future__ import annotations

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.ir_objects import ClearLocal, DecRef
from tpy2wasm.analysis.rtypes import WORDS
from tpy2wasm.codegen.int_words import jump_targets

Site = tuple[str, int]
"""(block label, op index)."""


def assigned_loads(function: tir.FunctionIR) -> set[Site]:
    """The loads of word locals that every path from the entry assigns first."""
    blocks = {block.label: block for block in function.blocks}
    entry = function.blocks[0].label
    assigned_in: dict[str, frozenset[str]] = {entry: frozenset(arg.name for arg in function.args)}
    pending = [entry]
    while pending:
        block = blocks[pending.pop()]
        at_start = assigned_in[block.label]
        at_end = _after(block.ops, at_start)
        # An exception may leave before any store of the block: the handler gets the start's set.
        edges = [(target, at_end) for target in jump_targets(block.terminator)]
        edges += [(block.handler, at_start)] if block.handler is not None else []
        for target, assigned in edges:
            merged = assigned if target not in assigned_in else assigned_in[target] & assigned
            if assigned_in.get(target) != merged:
                assigned_in[target] = merged
                pending.append(target)
    sites: set[Site] = set()
    for label, assigned in assigned_in.items():
        for index, op in enumerate(blocks[label].ops):
            if isinstance(op, tir.LoadLocal) and op.local.type in WORDS and op.local.name in assigned:
                sites.add((label, index))
            assigned = _after((op,), assigned)
    return sites


def borrowed_loads(function: tir.FunctionIR) -> set[Site]:
    """The loads of word locals whose register can borrow the local's reference: released
    later in its block (a DecRef of the refcount pass, analysis/refcounts.py), with no store to
    the local and no move of the register into a local before then."""
    sites: set[Site] = set()
    for block in function.blocks:
        released_at = {op.value.number: index for index, op in enumerate(block.ops) if isinstance(op, DecRef)}
        for index, op in enumerate(block.ops):
            if not (isinstance(op, tir.LoadLocal) and op.local.type in WORDS and op.dest is not None
                    and released_at.get(op.dest.number, -1) > index):
                continue
            between = block.ops[index + 1:released_at[op.dest.number]]
            stored = any(isinstance(other, (tir.StoreLocal, ClearLocal))
                         and (other.local == op.local or (isinstance(other, tir.StoreLocal) and other.source == op.dest))
                         for other in between)
            if not stored:
                sites.add((block.label, index))
    return sites


def _after(ops: tuple[tir.Op, ...], assigned: frozenset[str]) -> frozenset[str]:
    for op in ops:
        if isinstance(op, tir.StoreLocal):
            assigned = assigned | {op.local.name}
        elif isinstance(op, ClearLocal):
            assigned = assigned - {op.local.name}
    return assigned
