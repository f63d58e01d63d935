"""The cells pass: locals that a lambda or comprehension uses live in cells, as in CPython.

CPython keeps such a local (a name in the code's co_cellvars) in a cell from the frame's
start, and the nested function reads and writes the same cell, whenever it runs: a lambda
called later sees the local's value then; a comprehension's `:=` assigns it. This pass, run on a
lowered native function, gives each cell variable `x` a hidden local `$cell.x` holding its cell,
made at entry (holding the argument, for a parameter), and routes every use of `x` through it:

    r = x          ->  c = $cell.x; o = c content of 'x' (UnboundLocalError when empty); r = word o
    x = r          ->  c = $cell.x; c content = box r
    del x          ->  (its check reads the cell, as above); c content = empty
    for x in it    ->  the step goes to a new block that moves x from its slot into the cell,
                       then to the body (which a counted range loop enters too, from its cell)

So only the cell holds the value, as in CPython (sys.getrefcount agrees). MakeFunction's
closure reads the cells by `cell_local`.
"""

from __future__ import annotations

from dataclasses import replace

from tpy2wasm.analysis.ir import (
    BasicBlock, ForIter, FunctionIR, Goto, Local, LoadLocal, Op, Position, Register, StoreLocal,
)
from tpy2wasm.analysis.ir_objects import Box, CellGet, CellSet, ClearLocal, NewCell, ToWord
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.analysis.rtypes import OBJECT, WORDS, RType

#: The label of the block that makes the cells, before the function's first block (which a
#: loop may jump back to).
CELLS_BLOCK = "cells"


def cell_local(name: str) -> Local:
    """The hidden local holding the cell of the local `name`."""
    return Local(f"$cell.{name}", OBJECT)


def insert_cells(function: FunctionIR, cell_variables: tuple[str, ...]) -> FunctionIR:
    if not cell_variables:
        return function
    rewriter = _Rewriter(function, frozenset(cell_variables))
    first = function.blocks[0]
    entry = BasicBlock(CELLS_BLOCK, tuple(rewriter.make_cells()), Goto(first.label, function.line))
    return replace(function, blocks=(entry, *(rewritten for block in function.blocks for rewritten in rewriter.blocks(block))))


class _Rewriter:
    def __init__(self, function: FunctionIR, cells: frozenset[str]) -> None:
        self.function = function
        self.cells = cells
        self.next_register = 1 + max((register.number for block in function.blocks for op in block.ops
                                      for register in (*operands(op), *([op.dest] if op.dest else []))), default=0)

    def register(self, rtype: RType) -> Register:
        self.next_register += 1
        return Register(self.next_register, rtype)

    def blocks(self, block: BasicBlock) -> tuple[BasicBlock, ...]:
        """The block with its ops rewritten; a `for` step that stores a cell variable goes on
        to a new block that moves the item from the local's slot into the cell."""
        ops = tuple(rewritten for op in block.ops for rewritten in self.rewrite(op))
        step = block.terminator
        if not (isinstance(step, ForIter) and step.item.name in self.cells):
            return (replace(block, ops=ops),)
        value, line, position = self.register(step.item.type), step.line, step.position
        moves = [_at(LoadLocal(value, step.item, line), position), _at(ClearLocal(step.item, line), position),
                 *self.set_cell(step.item.name, value, line, position)]
        into_cell = BasicBlock(f"{block.label}.item", tuple(moves), Goto(step.body, line, position=position))
        return replace(block, ops=ops, terminator=replace(step, body=into_cell.label)), into_cell

    def make_cells(self) -> list[Op]:
        """MAKE_CELL of each cell variable; a parameter's holds its argument."""
        parameters = {argument.name: argument for argument in self.function.args}
        ops: list[Op] = []
        line = self.function.line
        for name in sorted(self.cells):
            value: Register | None = None
            if name in parameters:
                value = self.register(parameters[name].type)
                ops.append(LoadLocal(value, parameters[name], line))
                value = self.boxed(value, ops, line, None)
            cell = self.register(OBJECT)
            ops.append(NewCell(cell, value, line))
            ops.append(StoreLocal(cell_local(name), cell, line))
        return ops

    def rewrite(self, op: Op) -> list[Op]:
        line, position = op.line, op.position
        if isinstance(op, LoadLocal) and op.local.name in self.cells:
            cell = self.register(OBJECT)
            ops: list[Op] = [_at(LoadLocal(cell, cell_local(op.local.name), line), position)]
            if op.dest.type in WORDS:
                content = self.register(OBJECT)
                ops.append(_at(CellGet(content, cell, op.local.name, line), position))
                ops.append(_at(ToWord(op.dest, content, line), position))
            else:
                ops.append(_at(CellGet(op.dest, cell, op.local.name, line), position))
            return ops
        if isinstance(op, StoreLocal) and op.local.name in self.cells:
            return self.set_cell(op.local.name, op.source, line, position)
        if isinstance(op, ClearLocal) and op.local.name in self.cells:
            cell = self.register(OBJECT)
            return [_at(LoadLocal(cell, cell_local(op.local.name), line), position),
                    _at(CellSet(cell, None, line), position)]
        return [op]

    def set_cell(self, name: str, value: Register, line: int, position: Position | None) -> list[Op]:
        ops: list[Op] = []
        boxed = self.boxed(value, ops, line, position)
        cell = self.register(OBJECT)
        ops.append(_at(LoadLocal(cell, cell_local(name), line), position))
        ops.append(_at(CellSet(cell, boxed, line), position))
        return ops

    def boxed(self, value: Register, ops: list[Op], line: int, position: Position | None) -> Register:
        if value.type not in WORDS:
            return value
        box = self.register(OBJECT)
        ops.append(_at(Box(box, value, line), position))
        return box


def _at(op: Op, position: Position | None) -> Op:
    """`op` at the position of the op it stands for (its errors' traceback carets)."""
    return replace(op, position=position)
