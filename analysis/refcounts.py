"""The refcount pass of native functions (as mypyc's `transform/refcount.py`): each register
holding a reference (an object or an int word) is released right after its last use on
every path, so temporaries, iterators and generators die where CPython's do.

Every register owns one reference from its definition. The pass inserts `DecRef`:
- after the op that reads a register for the last time, or that defines one never read;
- at the start of a block, for the registers live at the end of a predecessor (or, for a
  handler, where an error edge to it leaves: analysis/exceptions.py, the pass that runs first)
  but not live in the block: the iterator of a
  `for` loop when it is exhausted, left by `break` or `return` (their `KeepAlive` holds it to
  the jump), or left by an exception. A handler releases them after taking the exception.

A DecRef empties what it releases (the emitter's slots hold NULL once released), so a
release at the start of a block that a path reaches with the register already released, or
never defined, does nothing; the function's exit releases what an exception leaving it
left behind. Registers released at one point go latest-defined first, as CPython's stack
pops a loop nested in another.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tpy2wasm.analysis import ir
from tpy2wasm.analysis.ir_objects import CatchException, DecRef
from tpy2wasm.analysis.ir_operands import operands, terminator_operands
from tpy2wasm.analysis.liveness import Registers, analyse_liveness



def holds_reference(register: ir.Register) -> bool:
    """Objects and int words own a reference; a bool condition does not."""
    return not register.type.is_unboxed


def insert_refcounts(function: ir.FunctionIR) -> ir.FunctionIR:
    liveness = analyse_liveness(function)
    entry_releases: dict[str, set[ir.Register]] = {block.label: set() for block in function.blocks}
    blocks: list[tuple[ir.BasicBlock, list[ir.Op]]] = []
    for block in function.blocks:
        ops, live_at_failures = _release_after_last_uses(block, liveness.live_out[block.label])
        blocks.append((block, ops))
        at_end = liveness.live_out[block.label] | set(terminator_operands(block.terminator))
        for label in ir.successors(block.terminator):
            entry_releases[label] |= at_end - liveness.live_in[label]
        for handler, live in live_at_failures.items():
            entry_releases[handler] |= live - liveness.live_in[handler]
    return replace(function, blocks=tuple(
        replace(block, ops=_with_entry_releases(ops, entry_releases[block.label], block))
        for block, ops in blocks))


def _release_after_last_uses(block: ir.BasicBlock, live_out: Registers) -> tuple[list[ir.Op], dict[str, Registers]]:
    """The block's ops with a DecRef after each last use, and, by handler, every register live
    where an error edge to it leaves (what an exception raised in the block leaves behind)."""
    live = set(live_out) | set(terminator_operands(block.terminator))
    live_at_failures: dict[str, set[ir.Register]] = {}
    _add_failure(live_at_failures, block.terminator, live)
    reversed_ops: list[ir.Op] = []
    for op in reversed(block.ops):
        dying = [register for register in dict.fromkeys(operands(op)) if register not in live]
        if op.dest is not None and op.dest not in live:
            dying.append(op.dest)
        reversed_ops.extend(_releases(dying, op.line)[::-1])
        reversed_ops.append(op)
        if op.dest is not None:
            live.discard(op.dest)
        live.update(operands(op))
        _add_failure(live_at_failures, op, live)
    return reversed_ops[::-1], {handler: frozenset(live) for handler, live in live_at_failures.items()}


def _add_failure(live_at_failures: dict[str, set[ir.Register]], item: ir.Op | ir.Terminator,
                 live: set[ir.Register]) -> None:
    if item.error is not None and item.error.handler is not None:
        live_at_failures.setdefault(item.error.handler, set()).update(live)


def _with_entry_releases(ops: list[ir.Op], released: set[ir.Register], block: ir.BasicBlock) -> tuple[ir.Op, ...]:
    """The block's ops with the releases of registers dead on entry, after the CatchException
    that starts a handler (so no Python code runs with the exception pending)."""
    line = ops[0].line if ops else block.terminator.line
    releases = _releases(sorted(released, key=lambda register: -register.number), line)
    start = 1 if ops and isinstance(ops[0], CatchException) else 0
    return (*ops[:start], *releases, *ops[start:])


def _releases(registers: Iterable[ir.Register], line: int) -> list[ir.Op]:
    return [DecRef(register, line) for register in registers if holds_reference(register)]
