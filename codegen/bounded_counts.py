"""Int increments that cannot overflow in a function's fast version: `i + 1` (or `i += 1`,
`1 + i`) of a local `i` that was found below an int word (`i < n`, `n > i`) by the branch that
led here, and not stored since.

In the fast version every int word is small, so `i < n` makes `i` at most SMALL_MAX - 1, and
`i + 1` is small: the add needs no overflow check and no transfer. Without the check the add is
`nsw`, which lets LLVM count the loop (`while i < n: ... i += 1`) as it counts a C loop. The
generic version, where `n` may be a big int, checks as ever.

The facts are found by a forward pass over the blocks: a block starts knowing the locals known
on every way into it (the true edge of a test adds its local; a store or `del` of a local, or a
`for` loop's item, forgets it); a handler knows nothing, as an exception may come from anywhere
in the blocks it covers.
"""

from __future__ import annotations

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.exceptions import error_handlers
from tpy2wasm.analysis.rtypes import INT_WORD

Facts = frozenset[str]
"""Locals known to be below a small int word."""


def bounded_increments(function: tir.FunctionIR) -> set[int]:
    """The registers (by number) defined by an increment of such a local by 1."""
    known = _known_on_entry(function)
    bounded: set[int] = set()
    for block in function.blocks:
        facts = set(known[block.label])
        loaded: dict[int, str] = {}  # registers holding a known local's value
        constants: dict[int, object] = {}
        for op in block.ops:
            if isinstance(op, tir.LoadLocal) and op.dest is not None and op.local.name in facts:
                loaded[op.dest.number] = op.local.name
            elif isinstance(op, tir.LoadConst) and op.dest is not None:
                constants[op.dest.number] = op.value
            elif isinstance(op, (tir.StoreLocal, tob.ClearLocal)):
                facts.discard(op.local.name)
            elif _is_increment(op, loaded, constants):
                assert isinstance(op, tir.Binary)
                bounded.add(op.dest.number)
    return bounded


def _is_increment(op: tir.Op, loaded: dict[int, str], constants: dict[int, object]) -> bool:
    if not (isinstance(op, tir.Binary) and op.operator is tir.BinaryOperator.ADD and op.dest.type is INT_WORD):
        return False
    pairs = ((op.left, op.right), (op.right, op.left))
    return any(local.number in loaded and _is_one(constants.get(one.number)) for local, one in pairs)


def _is_one(value: object) -> bool:
    return type(value) is int and value == 1


def _known_on_entry(function: tir.FunctionIR) -> dict[str, Facts]:
    everything = frozenset(local.name for local in _int_locals(function))
    handlers: set[str] = set().union(*(error_handlers(block) for block in function.blocks))
    known: dict[str, Facts] = {block.label: everything for block in function.blocks}
    known[function.blocks[0].label] = frozenset()
    for label in handlers:
        known[label] = frozenset()
    changed = True
    while changed:
        changed = False
        incoming: dict[str, list[Facts]] = {}
        for block in function.blocks:
            for target, facts in _outgoing(block, known[block.label]):
                incoming.setdefault(target, []).append(facts)
        for block in function.blocks[1:]:
            if block.label in handlers:
                continue
            facts = frozenset.intersection(*incoming[block.label]) if block.label in incoming else frozenset()
            if facts != known[block.label]:
                known[block.label] = facts
                changed = True
    return known


def _outgoing(block: tir.BasicBlock, facts_in: Facts) -> list[tuple[str, Facts]]:
    """What each normal edge out of the block knows."""
    facts = set(facts_in)
    locals_of: dict[int, str] = {}  # registers loaded from an int local not stored since
    tests: dict[int, str] = {}  # bool registers saying a local is below an int word
    for op in block.ops:
        if isinstance(op, tir.LoadLocal) and op.dest is not None and op.local.type is INT_WORD:
            locals_of[op.dest.number] = op.local.name
        elif isinstance(op, (tir.StoreLocal, tob.ClearLocal)):
            facts.discard(op.local.name)
            locals_of = {number: name for number, name in locals_of.items() if name != op.local.name}
            tests = {number: name for number, name in tests.items() if name != op.local.name}
        elif isinstance(op, tir.Compare) and op.left.type is op.right.type is INT_WORD:
            below = op.left if op.operator is tir.CompareOperator.LT else \
                op.right if op.operator is tir.CompareOperator.GT else None
            if below is not None and below.number in locals_of:
                tests[op.dest.number] = locals_of[below.number]
    terminator = block.terminator
    if isinstance(terminator, tir.Branch) and terminator.condition.number in tests:
        return [(terminator.if_true, frozenset({*facts, tests[terminator.condition.number]})),
                (terminator.if_false, frozenset(facts))]
    if isinstance(terminator, tir.ForIter):
        return [(terminator.body, frozenset(facts - {terminator.item.name})), (terminator.exit, frozenset(facts))]
    return [(target, frozenset(facts)) for target in tir.successors(terminator)]


def _int_locals(function: tir.FunctionIR) -> set[tir.Local]:
    found = {argument for argument in function.args if argument.type is INT_WORD}
    for block in function.blocks:
        found.update(op.local for op in block.ops
                     if isinstance(op, (tir.LoadLocal, tir.StoreLocal, tob.ClearLocal)) and op.local.type is INT_WORD)
    return found
