"""A closed native function's self-call in tail position as a loop (codegen/tail_calls.py finds
it; codegen/entry_bindings.py says which functions are closed).

In the fast version of a closed function, the call of `return f(args)` or `return x + f(args)`
would enter f's fast version again: its arguments are fast words, its binding is known to hold,
so it only needs room at one frame deeper. Where it has that room (and `x` folds into the
accumulator without overflow), the fast version jumps back to its first block instead, as a C
compiler's tail recursion elimination does: parameters rebound, every other local emptied
(word locals of a fast version own nothing), the depth one more, `x` folded in. Otherwise the
call is made as any other.

The saved frames still count. The depth lives in a slot, which calls and the publication to
CPython (codegen/frame_depth.py) read, so RecursionError and the native depth cap fall where they
would; an exception leaving the function gets one traceback entry per saved frame, at the
call's line, after the innermost frame's own. The fast version's returns fold the accumulator
into their small word; the generic version's exit folds it into whatever the innermost frame
returned where frames were saved, by CPython's operation beyond small ints. Folding first is
exact because everything folded is an int: + and * on ints are associative and commutative,
every `x` is a small int, and a closed function computes its result from ints by int
operations (a `**` that could make a float of them, or a value that could lie, makes an
object op, and no closed function has one).
"""

from __future__ import annotations

from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.codegen import frame_depth, int_words, words
from tpy2wasm.codegen.positions import position, position_pointer
from tpy2wasm.codegen.runtime_api import I32, I64
from tpy2wasm.codegen.strings import StringPool
from tpy2wasm.codegen.tail_calls import ACCUMULATORS, TailCall

_NO_FRAMES = ir.Constant(I32, 0)


class LoopingEmitter(Protocol):
    builder: ir.IRBuilder
    llvm_function: ir.Function
    module: ir.Module
    allocas: ir.Block
    function: tir.FunctionIR
    globals_pointer: ir.Value
    strings: StringPool
    filename: str

    def value(self, register: tir.Register) -> ir.Value: ...
    def local_slot(self, local: tir.Local) -> ir.AllocaInstr: ...
    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value: ...
    def release(self, value: ir.Value) -> None: ...



class TailLoop:
    """The slots of the loop: the frame's depth and the accumulated `x`s (a small word)."""

    def __init__(self, emitter: LoopingEmitter, tail: TailCall, entry_depth: ir.Value) -> None:
        self.tail = tail
        self.entry_depth = entry_depth
        with emitter.builder.goto_block(emitter.allocas):
            self.depth_slot = emitter.builder.alloca(frame_depth.DEPTH, name="depth")
            emitter.builder.store(entry_depth, self.depth_slot)
            self.accumulator = emitter.builder.alloca(I64, name="accumulator")
            if tail.combine is not None:
                identity = int_words.constant(ACCUMULATORS[tail.combine.operator][0])
                assert identity is not None
                emitter.builder.store(identity, self.accumulator)

    def depth(self, builder: ir.IRBuilder) -> ir.Value:
        return builder.load(self.depth_slot)

    def jump_back(self, emitter: LoopingEmitter, body: ir.Block) -> None:
        """At the tail call in the fast version: back to `body` (the fast version's first block)
        as one frame deeper where the call would enter the fast version there; else go on to
        the call."""
        builder, call, combine = emitter.builder, self.tail.call, self.tail.combine
        assert isinstance(call, tob.CallDirect), call
        depth = self.depth(builder)
        folded: ir.Value | None = None
        loop = emitter.llvm_function.append_basic_block("tail.loop")
        go_on = emitter.llvm_function.append_basic_block("tail.call")
        if combine is not None:
            folded, valid = int_words.fast_binary(builder, combine.operator, builder.load(self.accumulator),
                                                  emitter.value(self.tail.other))
            if valid is not None:
                check_room = emitter.llvm_function.append_basic_block("tail.room")
                builder.cbranch(valid, check_room, go_on).set_weights([1000, 1])
                builder.position_at_end(check_room)
        frame_depth.branch_on_room(builder, depth, loop, go_on)
        builder.position_at_end(loop)
        arguments = [emitter.value(argument) for argument in call.args]
        parameters = {argument.name for argument in emitter.function.args}
        for argument, value in zip(emitter.function.args, arguments):
            builder.store(value, emitter.local_slot(argument))
        for local in _locals(emitter.function).values():
            if local.name not in parameters:
                slot = emitter.local_slot(local)
                builder.store(words.empty(slot.type.pointee), slot)
        if folded is not None:
            builder.store(folded, self.accumulator)
        builder.store(builder.add(depth, ir.Constant(frame_depth.DEPTH, 1)), self.depth_slot)
        builder.branch(body)
        builder.position_at_end(go_on)

    def fold_return(self, emitter: LoopingEmitter, value: ir.Value) -> ir.Value:
        """What a return of the fast version returns: its small word with the accumulator
        folded in (the identity where no frame was saved), a big int's word past 63 bits."""
        if self.tail.combine is None:
            return value
        return self._fold(emitter, value, known_small=True)

    def finish(self, emitter: LoopingEmitter, result: ir.Value) -> ir.Value:
        """What the generic version returns, given its result: the accumulator folded in where
        frames were saved (the fast version folds at its returns)."""
        if self.tail.combine is None:
            return result
        builder = emitter.builder
        saved = builder.sub(self.depth(builder), self.entry_depth)
        start = builder.block
        looped = emitter.llvm_function.append_basic_block("tail.looped")
        done = emitter.llvm_function.append_basic_block("tail.done")
        returned = builder.and_(builder.icmp_signed(">", saved, _NO_FRAMES),
                                builder.not_(words.is_empty(builder, result)))
        builder.cbranch(returned, looped, done)
        builder.position_at_end(looped)
        folded = self._fold(emitter, result, known_small=False)
        with builder.if_then(words.is_empty(builder, folded), likely=False):
            self.add_saved_entries(emitter)
        looped_end = builder.block
        builder.branch(done)
        builder.position_at_end(done)
        phi = builder.phi(result.type)
        phi.add_incoming(result, start)
        phi.add_incoming(folded, looped_end)
        return phi

    def _fold(self, emitter: LoopingEmitter, result: ir.Value, known_small: bool) -> ir.Value:
        """accumulator op result, a new word (WORD_ERROR on an exception); `result` released."""
        builder = emitter.builder
        assert self.tail.combine is not None
        operator = self.tail.combine.operator
        accumulated = builder.load(self.accumulator)
        value, valid = int_words.fast_binary(builder, operator, accumulated, result)
        assert valid is not None, "+ and * on small words can overflow"
        fast = valid if known_small else builder.and_(int_words.is_small(builder, result), valid)
        with builder.if_else(fast, likely=True) as (on_small, on_other):
            with on_small:
                small_block = builder.block
            with on_other:
                function = int_words.cpython_function(emitter.module, int_words.NUMBER_FUNCTIONS[operator][0],
                                                      int_words.BINARY_FUNCTION)
                slow = emitter.call_runtime("tpy2wasm_word_binary", function, accumulated, result)
                emitter.release(result)
                other_block = builder.block
        phi = builder.phi(I64)
        phi.add_incoming(value, small_block)
        phi.add_incoming(slow, other_block)
        return phi

    def add_saved_entries(self, emitter: LoopingEmitter) -> None:
        """The saved frames' traceback entries, each at the call's line, for the exception
        leaving the function (codegen/function_emitter.py adds them where it adds its own)."""
        builder = emitter.builder
        saved = builder.sub(self.depth(builder), self.entry_depth)
        before = builder.block
        loop = emitter.llvm_function.append_basic_block("tail.traceback")
        done = emitter.llvm_function.append_basic_block("tail.traceback.done")
        builder.cbranch(builder.icmp_signed(">", saved, _NO_FRAMES), loop, done)
        builder.position_at_end(loop)
        left = builder.phi(I32)
        left.add_incoming(saved, before)
        emitter.call_runtime("tpy2wasm_traceback", emitter.globals_pointer, emitter.strings.pointer(emitter.function.name),
                             emitter.strings.pointer(emitter.filename),
                             position_pointer(emitter.module, position(self.tail.call)))
        remaining = builder.sub(left, ir.Constant(I32, 1))
        left.add_incoming(remaining, builder.block)
        builder.cbranch(builder.icmp_signed(">", remaining, _NO_FRAMES), loop, done)
        builder.position_at_end(done)


def _locals(function: tir.FunctionIR) -> dict[str, tir.Local]:
    found: dict[str, tir.Local] = {}
    for block in function.blocks:
        for op in block.ops:
            if isinstance(op, (tir.LoadLocal, tir.StoreLocal, tob.ClearLocal)):
                found[op.local.name] = op.local
    return found
