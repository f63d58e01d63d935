"""How an operation on words is emitted around its fast path: the protocol the word modules
(int_words, float_words, bool_words) see of the emitter, and the two ways an operation
leaves its fast path (docs/value-representation.md, section 2).

- In the **generic version** of a function a word may hold an object: each operation tests its
  operands and its result inline, and where a test fails it runs the runtime's slow path (CPython's
  own operation on the boxed operands) and joins the fast path's result.
- In the **fast version** every word register and word local holds its fast form, which
  `Emitter.known_fast` says of each register: the operand tests are left out, and where a test
  still fails (an overflow, a zero divisor, an int too wide for a double) the function *transfers*
  to the same operation in the generic version, which has not done anything yet, and goes on
  there. No operation of the fast version makes a word that holds an object.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import I1, I32

FastPath = Callable[[], tuple[ir.Value, ir.Value | None]]
"""() -> (the result word, the i1 that says it is valid, or None: always)."""


class Emitter(Protocol):
    builder: ir.IRBuilder
    llvm_function: ir.Function

    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value: ...
    def fail_if(self, condition: ir.Value, where: tir.Position, traceback: bool = True) -> None: ...

    def known_fast(self, register: tir.Register) -> bool:
        """Whether the register certainly holds its word's fast form here."""

    def transfer_unless(self, condition: ir.Value | None, releasing: ir.Value | None = None,
                        after: bool = False) -> None:
        """Go on when `condition` holds (None: always), else release the word `releasing`, if
        given, and continue at the current operation in the generic version (at the next one
        when `after`: the current one has defined its result and must not run twice)."""


def all_of(builder: ir.IRBuilder, conditions: Sequence[ir.Value | None]) -> ir.Value | None:
    """The conjunction of the conditions that are not None (None when all are)."""
    present = [condition for condition in conditions if condition is not None]
    if not present:
        return None
    result = present[0]
    for condition in present[1:]:
        result = builder.and_(result, condition)
    return result


def unless_known(emitter: Emitter, register: tir.Register, test: Callable[[], ir.Value]) -> ir.Value | None:
    """`test()`, the i1 that says the register's word is fast, or None when that is known."""
    return None if emitter.known_fast(register) else test()


def with_slow_path(emitter: Emitter, op: tir.Op, condition: ir.Value | None, fast: FastPath,
                   slow: Callable[[], ir.Value], failed: Callable[[ir.IRBuilder, ir.Value], ir.Value]) -> ir.Value:
    """The op's word: `fast()` when `condition` holds and its result is valid. Else, where the
    op's result must be fast (the fast version), a transfer; elsewhere `slow()`, which fails
    when `failed` says so, joined in one word."""
    builder = emitter.builder
    assert op.dest is not None, op
    if emitter.known_fast(op.dest):
        emitter.transfer_unless(condition)
        value, valid = fast()
        emitter.transfer_unless(valid)
        return value
    fast_block = emitter.llvm_function.append_basic_block("word.fast")
    slow_block = emitter.llvm_function.append_basic_block("word.slow")
    join = emitter.llvm_function.append_basic_block("word.join")
    builder.cbranch(ir.Constant(I1, 1) if condition is None else condition, fast_block, slow_block)
    builder.position_at_end(fast_block)
    fast_value, valid = fast()
    fast_end = builder.block
    if valid is None:
        builder.branch(join)
    else:
        builder.cbranch(valid, join, slow_block)
    builder.position_at_end(slow_block)
    slow_value = slow()
    emitter.fail_if(failed(builder, slow_value), position(op))
    slow_end = builder.block
    builder.branch(join)
    builder.position_at_end(join)
    result = builder.phi(fast_value.type)
    result.add_incoming(fast_value, fast_end)
    result.add_incoming(slow_value, slow_end)
    return result


def compare_with_slow_path(emitter: Emitter, op: tir.Op, condition: ir.Value | None, fast: Callable[[], ir.Value],
                           slow: Callable[[], ir.Value]) -> ir.Value:
    """The truth of a comparison or truth test as an i1: `fast()` when `condition` holds. Else,
    where every operand is known fast, a transfer; elsewhere the truth `slow()` returns (1, 0,
    or -1 on an exception, which fails), joined in one i1."""
    builder = emitter.builder
    if all(emitter.known_fast(register) for register in operands(op)):
        emitter.transfer_unless(condition)
        return fast()
    fast_block = emitter.llvm_function.append_basic_block("word.compare.fast")
    slow_block = emitter.llvm_function.append_basic_block("word.compare.slow")
    join = emitter.llvm_function.append_basic_block("word.compare.join")
    builder.cbranch(ir.Constant(I1, 1) if condition is None else condition, fast_block, slow_block)
    builder.position_at_end(fast_block)
    fast_value = fast()
    fast_end = builder.block
    builder.branch(join)
    builder.position_at_end(slow_block)
    truth = slow()
    emitter.fail_if(builder.icmp_signed("<", truth, ir.Constant(I32, 0)), position(op))
    slow_value = builder.icmp_signed(">", truth, ir.Constant(I32, 0))
    slow_end = builder.block
    builder.branch(join)
    builder.position_at_end(join)
    result = builder.phi(I1)
    result.add_incoming(fast_value, fast_end)
    result.add_incoming(slow_value, slow_end)
    return result
