"""The cells pass: locals that a lambda or comprehension uses live in cells, as in CPython.

CPython keeps such a local (a name in the code's co_cellvars) in a cell from the frame's
start, and the nested function reads and writes the same cell, whenever it runs: a lambda
called later sees the local's value then; a comprehension's `:=` assigns it. This pass, run on a
lowered native function, gives each cell variable `x` a hidden local `$cell.x` holding its cell,
made at entry (holding the argument, for a parameter), and routes every use of `x` through it:

    r = x          ->  c = $cell.x; o = c content of 'x' (UnboundLocalError when empty); r = word o
    x = r          ->  c = $cell.x; c content = box r
    del x          ->  (its check reads the cell, as above); c content = empty
    for x in it    ->  the body starts by moving x from its slot into the cell

So only the cell holds the value, as in CPython (sys.getrefcount agrees). MakeFunction's
closure reads the cells by `cell_local`.
"""

from __future__ import annotations

from dataclasses import replace

from tpy2wasm.analysis.ir import (
    BasicBlock, ForIter, FunctionIR, Goto, Local, LoadLocal, Op, Position, Register, StoreLocal, Terminator,
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
    return replace(function, blocks=(entry, *(rewriter.block(block) for block in function.blocks)))


class _Rewriter:
    def __init__(self, function: FunctionIR, cells: frozenset[str]) -> None:
        self.function = function
        self.cells = cells
        self.next_register = 1 + max((register.number for block in function.blocks for op in block.ops
                                      for register in (*operands(op), *([op.dest] if op.dest else []))), default=0)
        # The loop bodies whose `for` stores a cell variable, by body label.
        self.loop_items = {block.terminator.body: block.terminator.item for block in function.blocks
                           if isinstance(block.terminator, ForIter) and block.terminator.item.name in cells}

    def register(self, rtype: RType) -> Register:
        self.next_register += 1
        return Register(self.next_register, rtype)

    def block(self, block: BasicBlock) -> BasicBlock:
        ops: list[Op] = []
        if block.label in self.loop_items:
            item = self.loop_items[block.label]
            first: Op | Terminator = block.ops[0] if block.ops else block.terminator
            value = self.register(item.type)
            ops.append(_at(LoadLocal(value, item, first.line), first.position))
            ops.append(_at(ClearLocal(item, first.line), first.position))
            ops.extend(self.set_cell(item.name, value, first.line, first.position))
        for op in block.ops:
            ops.extend(self.rewrite(op))
        return replace(block, ops=tuple(ops))

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
