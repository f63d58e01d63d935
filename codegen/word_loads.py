"""Loads of word locals (int and float words) in a native function that can skip work, which in
a loop on words is most of each operation's cost (a load that every path reaches with the local
assigned tests nothing: the exceptions pass, analysis/exceptions.py, proves that):
a load whose register is used up within its block, with no store to the local in between,
can borrow the local's reference: no retain at the load and no release at the last use.
Nothing but the function's own stores changes a native local, so the local keeps the
object alive meanwhile; an exception in between leaves no register owning it.
"""

from __future__ import annotations

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.ir_objects import ClearLocal, DecRef
from tpy2wasm.analysis.exceptions import Site
from tpy2wasm.analysis.rtypes import WORDS


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

