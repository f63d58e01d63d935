"""Incremental construction of a FunctionIR's blocks.

Blocks are laid out in the order they become current, which follows the
source. Blocks that end up unreachable (joins after an if whose branches all
return, the exit of `while True`) are dropped when the function is finished.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TypeVar

from mypy.nodes import CallExpr, Context, MemberExpr

from tpy2wasm.analysis.ir import (
    BasicBlock, Branch, ForIter, Goto, Local, Located, Op, Position, Register, Terminator,
)

_Stamped = TypeVar("_Stamped", bound=Located)
from tpy2wasm.analysis.rtypes import RType


class LoweringError(Exception):
    """The function cannot be lowered, e.g. it can fall off its end without a return."""


@dataclass(eq=False)
class OpenBlock:
    """A block under construction; `terminator` is None until it is closed."""

    label: str
    ops: list[Op] = field(default_factory=list)
    terminator: Terminator | None = None
    handler: str | None = None  # where exceptions raised here go; set when activated


def _successors(block: OpenBlock) -> list[str]:
    terminator = block.terminator
    handler = [] if block.handler is None else [block.handler]
    if isinstance(terminator, Goto):
        return [terminator.target, *handler]
    if isinstance(terminator, Branch):
        return [terminator.if_true, terminator.if_false, *handler]
    if isinstance(terminator, ForIter):
        return [terminator.body, terminator.exit, *handler]
    return handler


def _relabel(terminator: Terminator, labels: dict[str, str]) -> Terminator:
    if isinstance(terminator, Goto):
        return replace(terminator, target=labels[terminator.target])
    if isinstance(terminator, Branch):
        return replace(terminator, if_true=labels[terminator.if_true],
                       if_false=labels[terminator.if_false])
    if isinstance(terminator, ForIter):
        return replace(terminator, body=labels[terminator.body], exit=labels[terminator.exit])
    return terminator


def _span(node: Context, end_line: int, end_column: int) -> Position:
    """CPython 3.11's span of the instructions compiled for `node`. An attribute, or a method
    call, whose name is not on the line where its expression starts (`(text.strip()\n .index(x))`)
    starts at the name instead (compile.c, update_start_location_to_match_attr); the name's
    length in characters comes off its end column in bytes, as there."""
    member = node.callee if isinstance(node, CallExpr) else node
    if isinstance(member, MemberExpr) and member.end_line is not None and member.end_column is not None \
            and member.end_line != node.line:
        return Position(member.end_line, end_line, member.end_column - len(member.name), end_column)
    return Position(node.line, end_line, node.column, end_column)


class FunctionBuilder:
    def __init__(self) -> None:
        self.current: OpenBlock | None = None  # None after return/break/continue
        self.handler: OpenBlock | None = None  # the innermost enclosing exception handler
        self._created = 0
        self._layout: list[OpenBlock] = []
        self._registers = 0
        self._temps = 0
        self._position: Position | None = None  # of the node being lowered

    @contextmanager
    def at(self, node: Context) -> Iterator[None]:
        """Ops and terminators emitted inside carry `node`'s span (an inner `at` wins), so a
        native frame's traceback entry points at the expression that raised, as CPython's."""
        outer = self._position
        if node.end_line is not None and node.end_column is not None and node.column >= 0:
            self._position = _span(node, node.end_line, node.end_column)
        try:
            yield
        finally:
            self._position = outer

    def _stamped(self, item: _Stamped) -> _Stamped:
        if item.position is None and self._position is not None:
            return replace(item, position=self._position)
        return item

    def new_block(self) -> OpenBlock:
        self._created += 1
        return OpenBlock(f"B{self._created}")

    def activate(self, block: OpenBlock) -> None:
        """Make `block` current; later ops are appended to it, and the exceptions they
        raise go to the handler that encloses it now."""
        block.handler = None if self.handler is None else self.handler.label
        self._layout.append(block)
        self.current = block

    def register(self, rtype: RType) -> Register:
        self._registers += 1
        return Register(self._registers, rtype)

    def temp(self, purpose: str, rtype: RType) -> Local:
        """A compiler-made local; `$` keeps it from clashing with Python names."""
        self._temps += 1
        return Local(f"${purpose}{self._temps}", rtype)

    def emit(self, op: Op) -> None:
        if self.current is not None:
            self.current.ops.append(self._stamped(op))

    def emit_value(self, op: Op) -> Register:
        """Emit an op that has a result and return that result."""
        assert op.dest is not None, op
        self.emit(op)
        return op.dest

    def terminate(self, terminator: Terminator) -> None:
        if self.current is not None:
            self.current.terminator = self._stamped(terminator)
        self.current = None

    def goto(self, target: OpenBlock, line: int) -> None:
        self.terminate(Goto(target.label, line))

    def branch(self, condition: Register, if_true: OpenBlock, if_false: OpenBlock,
               line: int) -> None:
        self.terminate(Branch(condition, if_true.label, if_false.label, line))

    def _thread_jumps(self) -> None:
        """Retarget jumps to empty `goto` blocks (loop heads of `while True`, if-joins)
        at their final destination; the empty blocks then become unreachable."""
        forwards = {
            block.label: block.terminator.target
            for block in self._layout[1:]
            if not block.ops and isinstance(block.terminator, Goto)
        }

        def destination(label: str) -> str:
            seen = {label}
            while label in forwards and forwards[label] not in seen:
                label = forwards[label]
                seen.add(label)
            return label

        labels = {block.label: destination(block.label) for block in self._layout}
        for block in self._layout:
            if block.terminator is not None:
                block.terminator = _relabel(block.terminator, labels)
            if block.handler is not None:
                block.handler = labels[block.handler]

    def finish(self, function_name: str) -> tuple[BasicBlock, ...]:
        """Drop unreachable blocks and name the rest L0, L1, ... in layout order."""
        self._thread_jumps()
        by_label = {block.label: block for block in self._layout}
        reachable: set[str] = set()
        pending = [self._layout[0].label]
        while pending:
            label = pending.pop()
            if label not in reachable:
                reachable.add(label)
                pending.extend(_successors(by_label[label]))
        kept = [block for block in self._layout if block.label in reachable]
        labels = {block.label: f"L{index}" for index, block in enumerate(kept)}
        result = []
        for block in kept:
            if block.terminator is None:
                raise LoweringError(f"{function_name}() can end without returning a value")
            terminator = _relabel(block.terminator, labels)
            handler = None if block.handler is None else labels[block.handler]
            result.append(BasicBlock(labels[block.label], tuple(block.ops), terminator, handler))
        return tuple(result)
