"""The names native code calls without looking them up, checked once where CPython enters it
(native.h: tpy_native_entry.bindings; wasm_runtime/native_bindings.c checks them).

The fast version of a *closed* function calls the functions of its module directly without
testing its call sites (codegen/direct_calls.py).

A function is closed when no version of it can run Python code, given word parameters in
their fast form: its ops are word operations (on small words, or the ints and floats CPython's
own arithmetic makes of them when they overflow), stores of word locals, and direct calls of
closed functions; no handler, no other global, no call through CPython but the one a direct
call makes past the depth ceiling, which runs the callee's Python version, closed code too.
Then nothing between the entry and any call in the fast version, its callees' included, can
rebind a name, so checking at the entry the bindings of everything its fast version calls
stands for all the site tests of its call tree. Who enters a closed function's direct entry
guarantees that they hold:

- CPython, through the function object: native_function.c checks the entry's bindings and
  calls the Python version when one was rebound;
- a direct call whose site test passed: a site binds only when the callee's bindings hold
  (all are names in the module's globals, whose unchanged version the site test checks);
- the fast version of a closed function: by the same guarantee, held since its own entry.

A version that can run Python code (a generic version, or any version of a function that is
not closed) tests each call site, as any call through a name must.
"""

from __future__ import annotations

from collections.abc import Sequence

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.analysis.rtypes import BOOL, WORDS


def closed_functions(functions: Sequence[tir.FunctionIR]) -> frozenset[str]:
    """The keys of the closed functions: those whose own ops qualify, less those calling
    one that is not, until none does (a recursion is closed unless something in it is not)."""
    closed = {function.key: _direct_callees(function) for function in functions
              if _runs_no_python(function)}
    changed = True
    while changed:
        changed = False
        for key, callees in list(closed.items()):
            if not callees <= closed.keys():
                del closed[key]
                changed = True
    return frozenset(closed)


def entry_bindings(functions: Sequence[tir.FunctionIR], closed: frozenset[str]) -> list[str]:
    """native.h's `bindings` of each function, "path=fullname" words: those of a closed
    function's direct calls and of the closed functions they reach, which one check at its
    entry stands for; none for a function that is not closed."""
    by_key = {function.key: function for function in functions}
    texts: list[str] = []
    for function in functions:
        reached, pending = {function.key}, [function.key]
        while pending:
            for callee in _unchecked_callees(by_key[pending.pop()], closed) - reached:
                reached.add(callee)
                pending.append(callee)
        bindings = sorted({binding for key in reached for binding in _own_bindings(by_key[key], closed)})
        texts.append(" ".join(f"{path}={fullname}" for path, fullname in bindings))
    return texts


def _own_bindings(function: tir.FunctionIR, closed: frozenset[str]) -> set[tuple[str, str]]:
    if function.key not in closed:
        return set()
    names = {op.dest.number: op.name for block in function.blocks for op in block.ops
             if isinstance(op, tir.LoadGlobal)}
    return {(names[op.callee.number], op.function) for block in function.blocks for op in block.ops
            if isinstance(op, tob.CallDirect)}


def _unchecked_callees(function: tir.FunctionIR, closed: frozenset[str]) -> set[str]:
    return _direct_callees(function) if function.key in closed else set()


def _direct_callees(function: tir.FunctionIR) -> set[str]:
    return {op.function for block in function.blocks for op in block.ops if isinstance(op, tob.CallDirect)}


def _runs_no_python(function: tir.FunctionIR) -> bool:
    """Whether the function's own ops run no Python code on words that hold small ints,
    floats, bools, or the ints and floats CPython makes of them (its direct calls aside)."""
    if not all(arg.type in WORDS for arg in function.args) or function.return_type not in WORDS:
        return False
    callee_loads = {op.callee.number for block in function.blocks for op in block.ops if isinstance(op, tob.CallDirect)}
    return all(block.handler is None and isinstance(block.terminator, (tir.Goto, tir.Branch, tir.Return))
               and all(_runs_no_python_op(op, callee_loads) for op in block.ops)
               for block in function.blocks)


def _runs_no_python_op(op: tir.Op, callee_loads: set[int]) -> bool:
    if isinstance(op, (tir.LoadConst, tir.LoadLocal, tob.KeepAlive, tob.CallDirect)):
        return True
    if isinstance(op, (tir.StoreLocal, tob.ClearLocal)):
        return op.local.type in WORDS
    if isinstance(op, tir.LoadGlobal):
        return op.dest.number in callee_loads
    return isinstance(op, (tir.Binary, tir.Unary, tir.Compare)) and op.dest.type in (*WORDS, BOOL) \
        and all(operand.type in WORDS for operand in operands(op))
