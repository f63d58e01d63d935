"""Loads of locals that borrow the local's reference instead of taking one: no retain at the
load and no release at the register's last use, which in a loop on words or over a list's items
is much of each operation's cost. A load qualifies when its register is used up within its block
(a DecRef of the refcount pass, analysis/refcounts.py, releases it there), with no store to the
local and no move of the register into a local before then: nothing but the function's own
stores changes a native local, so the local keeps the object alive meanwhile, and an exception
in between leaves no register owning it.

- A word local's load borrows in the generic version (in the fast version its word holds no
  object: nothing to retain).
- An object local's load borrows in both versions when its only uses are as the container of
  an item or attribute read or store (codegen/list_items.py, instance_attributes.py) or an
  object read into a word: operations that
  run no Python code with it, or that take a reference of their own around any path that runs
  some, so that sys.getrefcount says what CPython says wherever Python code can ask. The set
  the fast version borrows is a subset of the generic version's, as a transfer needs
  (function_emitter.land_transfers loads the generic version's borrowed registers again).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.exceptions import Site
from tpy2wasm.analysis.ir_objects import ClearLocal, DecRef, GetAttr, GetItem, SetAttr, SetItem, ToWord
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.analysis.rtypes import WORDS


def borrowed_loads(function: tir.FunctionIR, words_too: bool) -> set[Site]:
    """The loads of locals whose register can borrow the local's reference (word locals' only
    when `words_too`: in the generic version)."""
    sites: set[Site] = set()
    for block in function.blocks:
        released_at = {op.value.number: index for index, op in enumerate(block.ops) if isinstance(op, DecRef)}
        for index, op in enumerate(block.ops):
            if not (isinstance(op, tir.LoadLocal) and op.dest is not None
                    and released_at.get(op.dest.number, -1) > index):
                continue
            between = block.ops[index + 1:released_at[op.dest.number]]
            stored = any(isinstance(other, (tir.StoreLocal, ClearLocal))
                         and (other.local == op.local or (isinstance(other, tir.StoreLocal) and other.source == op.dest))
                         for other in between)
            if stored:
                continue
            if op.local.type in WORDS and words_too or op.local.type not in WORDS and _holds_its_own(op.dest, between):
                sites.add((block.label, index))
    return sites


def _holds_its_own(register: tir.Register, between: Sequence[tir.Op]) -> bool:
    """Whether every use of the object `register` is one that needs no reference of its own."""
    for op in between:
        if register not in operands(op):
            continue
        if isinstance(op, (GetItem, SetItem)) and op.obj == register and register not in (op.index, getattr(op, "value", None)):
            continue
        if isinstance(op, (GetAttr, SetAttr)) and op.obj == register and register != getattr(op, "value", None):
            continue
        if isinstance(op, ToWord):
            continue
        return False
    return True


def handed_over(op: tir.Op, following: Sequence[tir.Op],
                borrowed: dict[int, tuple[object, tir.Local]]) -> tir.Register | None:
    """The register whose reference `op` may take over rather than copy, because its release
    (a DecRef of the refcount pass) is among the releases that `following` starts with: the
    value a StoreLocal stores into a local,
    or the object (not a word, which it boxes) a SetItem or SetAttr stores into a container or an instance. None when there is none; never a register
    that borrows (`borrowed`: it owns no reference)."""
    if isinstance(op, tir.StoreLocal):
        value = op.source
    elif isinstance(op, SetItem) and op.value.type not in WORDS and op.value not in (op.obj, op.index):
        value = op.value
    elif isinstance(op, SetAttr) and op.value.type not in WORDS and op.value != op.obj:
        value = op.value
    else:
        return None
    releases = itertools.takewhile(lambda later: isinstance(later, DecRef), following)
    if value.number in borrowed or not any(release.value == value for release in releases
                                          if isinstance(release, DecRef)):
        return None
    return value
