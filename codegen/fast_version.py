"""The two versions of a native function hot on words (int_words.hot_on_words: it loops or calls
native functions directly; docs/value-representation.md,
section 2): which functions get a fast version, the blocks of each version, and the test at
the entry that picks one.

Both versions are emitted from the same IR into one LLVM function and keep every register and
local in the same stack slots, in the same word formats, with the same references owned at every
op boundary. So a transfer from the fast version to the generic one (codegen/word_paths.py) is
one branch to the block where the generic version emits the same op; the only values the
generic version holds outside slots -- the registers that borrow a local's reference
(codegen/borrowed_loads.py) -- are loaded again from their locals there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.analysis.rtypes import BOOL, WORDS, RType
from tpy2wasm.codegen.bool_words import word_is_fast
from tpy2wasm.codegen.runtime_api import I1


@dataclass
class Version:
    """One version's LLVM blocks: one per IR block, its exit, and the shared blocks of each
    handler (None: the function's exit) that add the traceback entry or raise UnboundLocalError."""

    fast_words: bool  # every word register and local holds its fast form
    blocks: dict[str, ir.Block]
    exit: ir.Block
    traceback_blocks: dict[str | None, tuple[ir.Block, ir.PhiInstr]] = field(default_factory=dict)
    unbound_blocks: dict[str | None, tuple[ir.Block, ir.PhiInstr, ir.PhiInstr]] = field(default_factory=dict)


def versions(function: tir.FunctionIR, llvm_function: ir.Function, hot: bool) -> tuple[Version, ...]:
    """(fast, generic) for a function `hot` on words (int_words.hot_on_words), whose time goes
    to its word operations and calls; (generic,) for any other, which the fast version would
    only make larger."""
    generic = Version(False, {block.label: llvm_function.append_basic_block(block.label)
                              for block in function.blocks}, llvm_function.append_basic_block("exit"))
    if not hot:
        return (generic,)
    fast = Version(True, {block.label: llvm_function.append_basic_block(f"fast.{block.label}")
                          for block in function.blocks}, llvm_function.append_basic_block("fast.exit"))
    return fast, generic


def all_fast(builder: ir.IRBuilder, words: list[tuple[ir.Value, RType]]) -> ir.Value:
    """Whether every word holds its fast form: the fast version's entry test of the parameters."""
    result: ir.Value = ir.Constant(I1, 1)
    for word, rtype in words:
        result = builder.and_(result, word_is_fast(builder, word, rtype))
    return result


def runs_no_python(op: tir.Op) -> bool:
    """Whether `op` runs no Python code in a fast version (so cannot change a global): loads,
    word arithmetic (which transfers rather than call CPython) and the release of a word (which
    holds no object there)."""
    if isinstance(op, (tir.LoadConst, tir.LoadLocal, tob.KeepAlive)):
        return True
    if isinstance(op, (tir.StoreLocal, tob.ClearLocal)):
        return op.local.type in WORDS
    if isinstance(op, tob.DecRef):
        return op.value.type in WORDS
    if isinstance(op, tir.LoadGlobal):
        return op.dest is not None and op.dest.type in WORDS
    return isinstance(op, (tir.Binary, tir.Unary, tir.Compare)) and op.dest.type in (*WORDS, BOOL) \
        and all(operand.type in WORDS for operand in operands(op))
