"""A native frame's depth: kept in a register, tested at direct calls, published before calls
that may run Python code (the protocol: wasm_runtime/native_depth.c).

The direct entry of a native function takes its frame's depth (CPython's count of frames with
it); a direct call passes depth + 1 while `room` holds. Nothing is stored on the way in or out
of a frame: `publish_before_calls`, run on each native function once it is emitted, stores the
depth before every call out of it that may run Python code, so CPython's recursion counter
and the native depth are right wherever Python code can look at them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from llvmlite import ir

from tpy2wasm.codegen.runtime_api import I32, declare, runtime_int

DEPTH: Final = I32
"""The LLVM type of a frame's depth."""

RUNS_NO_PYTHON: Final = frozenset({
    "PyErr_Occurred",
    "PyLong_FromLongLong",
    "tpy2wasm_native_room",
    "tpy2wasm_word_box",
    "tpy2wasm_float_word_box",
    "tpy2wasm_bool_word_box",
    "tpy2wasm_word_from_object",
    "tpy2wasm_str_constant",
    "tpy2wasm_int_constant",
    "tpy2wasm_long_constant",
    "tpy2wasm_float_constant",
    "tpy2wasm_singleton",
    "tpy2wasm_float_floor_divmod",
})
"""Runtime functions that run no Python code (no __del__ or garbage collection either: they
make no container objects and release nothing), so need no published depth."""

PUBLISH_THEIR_DEPTH: Final = frozenset({"tpy2wasm_release_at", "tpy2wasm_dealloc_at"})
"""Runtime functions given the frame's depth, which they publish themselves."""

DIRECT_ENTRY_POINTER: Final = "direct_entry"
"""The name (llvmlite adds a number) of a pointer to a native function's direct entry that a
call goes through (codegen/method_calls.py): a direct call, which holds its own depth."""


def branch_on_room(builder: ir.IRBuilder, depth: ir.Value, room: ir.Block, no_room: ir.Block) -> None:
    """Ends the block in a branch to `room` when a frame at `depth` may call a native function
    directly, else to `no_room`: inline against the ceiling, asking the runtime only after a
    call out has made it forget it. (Branches, not an i1: a phi of the two answers, and-ed with
    another test, cost fib(37) 4% more Wasm instructions.)"""
    module = builder.module
    below = builder.icmp_signed("<", depth, builder.load(runtime_int(module, "tpy2wasm_native_ceiling")))
    ask = builder.append_basic_block("room.ask")
    builder.cbranch(below, room, ask).set_weights([1000, 1])
    builder.position_at_end(ask)
    asked = builder.call(declare(module, "tpy2wasm_native_room"), [depth])
    builder.cbranch(builder.icmp_signed("!=", asked, ir.Constant(I32, 0)), room, no_room)


def publish_before_calls(function: ir.Function, depth_at: Callable[[ir.IRBuilder], ir.Value],
                         direct_entries: set[str]) -> None:
    """Store the frame's depth (as `depth_at` a position) before each call in `function` that
    may run Python code: not before intrinsics, direct calls of native functions (which hold
    their own depth), the RUNS_NO_PYTHON functions or those that PUBLISH_THEIR_DEPTH."""
    builder = ir.IRBuilder()
    publish = declare(function.module, "tpy2wasm_publish_depth")
    calls = [instruction for block in function.blocks for instruction in block.instructions
             if isinstance(instruction, ir.CallInstr) and _may_run_python(instruction.callee, direct_entries)]
    for call in calls:
        builder.position_before(call)
        builder.call(publish, [depth_at(builder)])


def _may_run_python(callee: ir.Value, direct_entries: set[str]) -> bool:
    name = getattr(callee, "name", "")
    return not (name.startswith(("llvm.", DIRECT_ENTRY_POINTER)) or name in direct_entries or name in RUNS_NO_PYTHON
                or name in PUBLISH_THEIR_DEPTH)
