"""Int registers of a function's fast version that never hold a negative number, so that an
item access at them needs no count from the end (codegen/list_items.py): `xs[3 * j + 1]` in a
loop `for j in range(i + 1, n)`. Measured: nbody 10%, fannkuch 9%, the sieve 6% fewer Wasm
instructions than with the select an index that may be negative takes.

A register is not negative when it is an int constant that is not, a load of a local that is
not, or `a + b`, `a * b`, `a // b` (b a positive constant), `a & b`, `a >> b` of registers that
are not, `a % b` (b a positive constant: Python's remainder takes the divisor's sign), or a
counted range loop's counter plus its step. A local is not negative when no store to it can make
it so: every StoreLocal stores such a register, and no `for` loop stores an item from an iterator
into it -- except the iterator a counted range loop falls back on, which the fast version never
reaches: it goes on in the generic version where a loop would not count (function_emitter.py).
Locals are assumed not negative until a store says otherwise, to a fixed point, so a counter
that a loop increments keeps the fact its start gives it. Arguments may be anything.

The facts decide speed, not answers: the access's bound test is unsigned, so a negative index
taken for one that is not still fails it and takes the slow path, which counts from the end
(tests/programs/native_index_signs.py reads the same either way); the facts keep that path, and
in the fast version the transfer to the generic one, for indexes that may be negative.
"""

from __future__ import annotations

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_ranges as ranges
from tpy2wasm.analysis.rtypes import INT_WORD

#: Operators whose result is not negative when neither operand is.
_CLOSED = frozenset({tir.BinaryOperator.ADD, tir.BinaryOperator.MUL, tir.BinaryOperator.RSHIFT})


def nonnegative_registers(function: tir.FunctionIR) -> frozenset[int]:
    """The numbers of the int registers that are never negative in the fast version."""
    fallback = ranges.range_fallback_iterators(function)
    stores: dict[str, list[tir.Register | None]] = {argument.name: [None] for argument in function.args}
    for block in function.blocks:
        for op in block.ops:
            if isinstance(op, tir.StoreLocal) and op.local.type is INT_WORD:
                stores.setdefault(op.local.name, []).append(op.source)
        terminator = block.terminator
        if isinstance(terminator, tir.ForIter) and terminator.iterator not in fallback:
            stores.setdefault(terminator.item.name, []).append(None)
    ops = [op for block in function.blocks for op in block.ops]
    local_facts = set(stores)
    while True:
        registers = _nonnegative(ops, local_facts)
        kept = {name for name in local_facts
                if all(source is not None and source.number in registers for source in stores[name])}
        if kept == local_facts:
            return frozenset(registers)
        local_facts = kept


def _nonnegative(ops: list[tir.Op], local_facts: set[str]) -> set[int]:
    """The registers not negative when the locals in `local_facts` are not (defined anywhere in
    the function: a pass until nothing changes, as a loop's ops may come before their operands')."""
    found: set[int] = set()
    constants: dict[int, object] = {}
    for op in ops:
        if isinstance(op, tir.LoadConst):
            constants[op.dest.number] = op.value
    changed = True
    while changed:
        changed = False
        for op in ops:
            dest = getattr(op, "dest", None)
            if not isinstance(dest, tir.Register) or dest.type is not INT_WORD or dest.number in found:
                continue
            if _is_nonnegative(op, found, local_facts, constants):
                found.add(dest.number)
                changed = True
    return found


def _is_nonnegative(op: tir.Op, found: set[int], local_facts: set[str], constants: dict[int, object]) -> bool:
    if isinstance(op, tir.LoadConst):
        return type(op.value) is int and op.value >= 0
    if isinstance(op, tir.LoadLocal):
        return op.local.name in local_facts
    if isinstance(op, ranges.CountAdd):
        return op.counter.number in found and op.step.number in found
    if not isinstance(op, tir.Binary):
        return False
    left, right = op.left.number in found, op.right.number in found
    divisor = constants.get(op.right.number)
    positive_divisor = type(divisor) is int and divisor > 0
    if op.operator in _CLOSED:
        return left and right
    if op.operator is tir.BinaryOperator.FLOOR_DIV:
        return left and positive_divisor
    if op.operator is tir.BinaryOperator.MOD:
        return positive_divisor
    return op.operator is tir.BinaryOperator.BIT_AND and (left or right)
