"""A native function's early return, peeled into the fast versions that call it directly: the
partial inlining C compilers do for a recursion's base case.

A function whose first block only compares int parameters and small int constants, and
branches to a block that returns a parameter or a small int constant
(`if n < 2: return n`), returns without doing anything else when the comparison holds. A
direct call of it from a fast version, whose int arguments are fast words, tests that
comparison on the arguments inline, after the test of the depth's room that any direct call
makes (so RecursionError and the native depth cap fall where they would), and where it holds
takes the returned word instead of calling: no frame, no entry test of the arguments, no test
of the result. A comparison of two small ints is exact on their tagged words, and the result
is the argument's word itself or the constant's. Everything else the call does as before.
A naive fib spends about two in five of its calls on its base case.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.rtypes import INT_WORD, is_small_int
from tpy2wasm.codegen import int_words


@dataclass(frozen=True)
class Operand:
    """A parameter (by index) or a small int constant."""

    parameter: int | None
    constant: int = 0

    def word(self, arguments: Sequence[ir.Value]) -> ir.Value:
        if self.parameter is not None:
            return arguments[self.parameter]
        word = int_words.constant(self.constant)
        assert word is not None
        return word


@dataclass(frozen=True)
class EarlyReturn:
    """`if left <operator> right: return value` (or `if not ...`, when `returns_if` is False)."""

    left: Operand
    operator: tir.CompareOperator
    right: Operand
    returns_if: bool
    value: Operand

    @property
    def parameters(self) -> set[int]:
        """The parameters it reads, by index."""
        return {operand.parameter for operand in (self.left, self.right, self.value) if operand.parameter is not None}

    def applies(self, builder: ir.IRBuilder, arguments: Sequence[ir.Value]) -> ir.Value:
        """Whether the call returns early, given its arguments' fast words."""
        holds = builder.icmp_signed(self.operator.value, self.left.word(arguments), self.right.word(arguments))
        return holds if self.returns_if else builder.not_(holds)


_ORDERS = (tir.CompareOperator.LT, tir.CompareOperator.LE, tir.CompareOperator.GT, tir.CompareOperator.GE,
           tir.CompareOperator.EQ, tir.CompareOperator.NE)


def early_return(function: tir.FunctionIR) -> EarlyReturn | None:
    """The early return `function` starts with, if it has one of that form."""
    if function.return_type is not INT_WORD:
        return None
    blocks = {block.label: block for block in function.blocks}
    first = function.blocks[0]
    operands = _operands(function, first.ops[:-1])
    compare, branch = (first.ops[-1] if first.ops else None), first.terminator
    if (operands is None or not isinstance(compare, tir.Compare) or compare.operator not in _ORDERS
            or not isinstance(branch, tir.Branch) or branch.condition != compare.dest
            or compare.left.number not in operands or compare.right.number not in operands):
        return None
    for returns_if, target in ((True, branch.if_true), (False, branch.if_false)):
        value = _returned(function, blocks[target])
        if value is not None and target != first.label:
            return EarlyReturn(operands[compare.left.number], compare.operator, operands[compare.right.number],
                               returns_if, value)
    return None


def _returned(function: tir.FunctionIR, block: tir.BasicBlock) -> Operand | None:
    """What `block` returns when it only returns a parameter or a small int constant."""
    operands = _operands(function, block.ops)
    if operands is None or len(block.ops) != 1 or not isinstance(block.terminator, tir.Return):
        return None
    returned = block.terminator.value
    return None if returned is None else operands.get(returned.number)


def _operands(function: tir.FunctionIR, ops: Sequence[tir.Op]) -> dict[int, Operand] | None:
    """The operand each op loads (by register number), when each loads an int parameter or a
    small int constant, else None."""
    parameters = {argument.name: index for index, argument in enumerate(function.args)
                  if argument.type is INT_WORD}
    operands: dict[int, Operand] = {}
    for op in ops:
        if isinstance(op, tir.LoadLocal) and op.local.name in parameters and op.local.type is INT_WORD:
            operands[op.dest.number] = Operand(parameters[op.local.name])
        elif (isinstance(op, tir.LoadConst) and op.dest.type is INT_WORD and type(op.value) is int
              and is_small_int(op.value)):
            operands[op.dest.number] = Operand(None, op.value)
        else:
            return None
    return operands
