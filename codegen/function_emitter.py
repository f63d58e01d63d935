"""Lowers one FunctionIR to an LLVM function on unboxed values.

Every fallible step branches to one unwind block per function: the runtime has already set
the status (ERROR with a Python exception, or DEOPT); an ERROR adds this function's frame to
the traceback at the position that failed. Locals live in allocas (LLVM's mem2reg makes them
registers), each with a "bound" flag: reading an unbound local deopts, so CPython raises
the UnboundLocalError.

A self-call in tail position -- `return f(...)`, or `return x + f(...)` / `x * f(...)` on ints,
the call evaluated last -- becomes a jump back to the body, as a C compiler's tail recursion
elimination does, with the pending `x` folded into an accumulator that every return applies.
The jump still counts as one call deeper (the depth budget falls by one and can run out there),
an ERROR adds one traceback entry per eliminated frame, and the accumulator's checked
operations deopt on overflow: reassociated, Python's exact result fits in i64 whenever they
do not overflow, and a deopt only reruns the call in CPython.
"""

from __future__ import annotations

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.analysis.rtypes import NONE
from tpy2wasm.codegen import arithmetic
from tpy2wasm.codegen.runtime_api import (
    DICT_VERSION_OFFSET, GLOBAL_CACHE, I1, I32, I64, KIND_LETTERS, PTR, STATUS_ERROR, Raise, declare, llvm_type, runtime_int,
)
from tpy2wasm.codegen.float_constants import float_literal
from tpy2wasm.codegen.positions import position, position_pointer
from tpy2wasm.codegen.strings import StringPool
from tpy2wasm.codegen.tail_calls import ACCUMULATORS, tail_call

_I64_MIN, _I64_MAX = -(2**63), 2**63 - 1

class FunctionEmitter:
    """Emits the body of one native function; `emit()` is the only entry point."""

    def __init__(self, function: tir.FunctionIR, llvm_function: ir.Function,
                 callees: dict[str, ir.Function], strings: StringPool, filename: str) -> None:
        self.function = function
        self.llvm_function = llvm_function
        self.callees = callees
        self.strings = strings
        self.filename = filename
        self.module: ir.Module = llvm_function.module
        self.globals_pointer = llvm_function.args[0]
        # Native calls left before the deepest allowed, passed down in a register.
        self.depth_budget = llvm_function.args[1]
        self.registers: dict[int, ir.Value] = {}
        # The entry block holds only allocas; it branches to `start` once the body is emitted.
        self.allocas = llvm_function.append_basic_block("allocas")
        self.start = llvm_function.append_basic_block("start")
        self.blocks = {block.label: llvm_function.append_basic_block(block.label) for block in function.blocks}
        self.builder = ir.IRBuilder(self.allocas)
        self.failed_at = self.builder.alloca(PTR, name="failed_at")
        self.builder.position_at_end(self.start)
        self.local_slots: dict[str, tuple[ir.AllocaInstr, ir.AllocaInstr]] = {}
        self.unwind = llvm_function.append_basic_block("unwind")
        self.tail = tail_call(function, lambda call: isinstance(call, tir.CallNative)
                              and callees.get(call.callee) is llvm_function)
        self.accumulator: ir.AllocaInstr | None = None
        self.budget_slot: ir.AllocaInstr | None = None
        self.reenter: ir.Block | None = None
        if self.tail is not None:
            with self.builder.goto_entry_block():
                self.budget_slot = self.builder.alloca(I32, name="depth_budget")
                if self.tail.combine is not None:
                    self.accumulator = self.builder.alloca(I64, name="accumulator")
                    identity = ACCUMULATORS[self.tail.combine.operator][0]
                    self.builder.store(ir.Constant(I64, identity), self.accumulator)
            self.reenter = llvm_function.append_basic_block("reenter")

    # ---- helpers the arithmetic module uses ----

    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value:
        return self.builder.call(declare(self.module, name), list(arguments))

    def fail_if_status(self, status: ir.Value, where: tir.Position) -> None:
        """Continues only when `status` is OK; otherwise unwinds (the runtime set the status)."""
        failed = self.builder.icmp_signed("!=", status, ir.Constant(I32, 0))
        self._branch_to_unwind_if(failed, where)

    def deopt_if(self, condition: ir.Value, where: tir.Position) -> None:
        with self.builder.if_then(condition, likely=False):
            self.call_runtime("tpy2wasm_deopt")
            self._jump_to_unwind(where)
        # if_then left an unreachable position after the branch: nothing to do

    def raise_if(self, condition: ir.Value, error: Raise, where: tir.Position) -> None:
        with self.builder.if_then(condition, likely=False):
            self.call_runtime("tpy2wasm_raise", ir.Constant(I32, int(error)))
            self._jump_to_unwind(where)

    def out_slot(self, llvm_type_: ir.Type) -> ir.AllocaInstr:
        """A stack slot for a runtime helper's result, allocated in the prologue."""
        with self.builder.goto_entry_block():
            return self.builder.alloca(llvm_type_)

    # ---- the function ----

    def emit(self) -> None:
        self._bind_arguments(self.llvm_function.args[2:])
        exhausted = self.builder.icmp_signed("<=", self.depth_budget, ir.Constant(I32, 0))
        with self.builder.if_then(exhausted, likely=False):
            self.call_runtime("tpy2wasm_depth_exhausted")
            self._return_undefined()
        if self.budget_slot is not None:
            self.builder.store(self.depth_budget, self.budget_slot)
        self.builder.branch(self.blocks[self.function.blocks[0].label])
        for block in self.function.blocks:
            self.builder.position_at_end(self.blocks[block.label])
            if self.tail is not None and block.label == self.tail.block:
                self._emit_tail_block(block)
                continue
            for op in block.ops:
                self._emit_op(op)
            self._emit_terminator(block.terminator)
        if self.reenter is not None:
            # A new frame: the arguments are bound (by the tail call), every other local is not.
            self.builder.position_at_end(self.reenter)
            arguments = {argument.name for argument in self.function.args}
            for name, (_, bound_slot) in self.local_slots.items():
                if name not in arguments:
                    self.builder.store(ir.Constant(I1, 0), bound_slot)
            self.builder.branch(self.blocks[self.function.blocks[0].label])
        self._emit_unwind()
        self.builder.position_at_end(self.allocas)
        self.builder.branch(self.start)

    def _bind_arguments(self, values: list[ir.Value]) -> None:
        for argument, value in zip(self.function.args, values):
            value_slot, bound_slot = self._local_slot(argument)
            self.builder.store(value, value_slot)
            self.builder.store(ir.Constant(I1, 1), bound_slot)

    def _current_budget(self) -> ir.Value:
        return self.depth_budget if self.budget_slot is None else self.builder.load(self.budget_slot)

    def _emit_tail_block(self, block: tir.BasicBlock) -> None:
        """The block ending in the tail self-call: fold, count the frame, rebind, jump back."""
        assert self.tail is not None and self.reenter is not None and self.budget_slot is not None
        call, combine = self.tail.call, self.tail.combine
        for op in block.ops:
            if op is not call and op is not combine:
                self._emit_op(op)
        budget = self.builder.load(self.budget_slot)
        callee_budget = self.builder.sub(budget, ir.Constant(I32, 1))
        exhausted = self.builder.icmp_signed("<=", callee_budget, ir.Constant(I32, 0))
        with self.builder.if_then(exhausted, likely=False):
            self.call_runtime("tpy2wasm_depth_exhausted")
            self._jump_to_unwind(position(call))
        if combine is not None:
            assert self.accumulator is not None
            folded = arithmetic.checked(self, ACCUMULATORS[combine.operator][1], self.builder.load(self.accumulator),
                                        self.registers[self.tail.other.number], position(combine))
            self.builder.store(folded, self.accumulator)
        self._bind_arguments([self.registers[argument.number] for argument in call.args])
        self.builder.store(callee_budget, self.budget_slot)
        self.builder.branch(self.reenter)

    def _local_slot(self, local: tir.Local) -> tuple[ir.AllocaInstr, ir.AllocaInstr]:
        if local.name not in self.local_slots:
            with self.builder.goto_entry_block():
                value = self.builder.alloca(llvm_type(local.type), name=local.name)
                bound = self.builder.alloca(I1, name=f"{local.name}.bound")
                self.builder.store(ir.Constant(I1, 0), bound)
            self.local_slots[local.name] = (value, bound)
        return self.local_slots[local.name]

    def _emit_op(self, op: tir.Op) -> None:
        value: ir.Value | None
        if isinstance(op, tir.LoadConst):
            value = self._constant(op)
        elif isinstance(op, tir.LoadLocal):
            value_slot, bound_slot = self._local_slot(op.local)
            self.deopt_if(self.builder.not_(self.builder.load(bound_slot)), position(op))
            value = self.builder.load(value_slot)
        elif isinstance(op, tir.StoreLocal):
            value_slot, bound_slot = self._local_slot(op.local)
            self.builder.store(self.registers[op.source.number], value_slot)
            self.builder.store(ir.Constant(I1, 1), bound_slot)
            value = None
        elif isinstance(op, tir.LoadGlobal):
            value = self._load_global(op)
        elif isinstance(op, tir.StoreGlobal):
            self._store_global(op)
            value = None
        elif isinstance(op, tir.CallNative):
            callee_budget = self.builder.sub(self._current_budget(), ir.Constant(I32, 1))
            arguments = [self.globals_pointer, callee_budget, *(self.registers[arg.number] for arg in op.args)]
            value = self.builder.call(self.callees[op.callee], arguments)
            self.fail_if_status(self.builder.load(self._status()), position(op))
        else:
            value = arithmetic.emit(self, op, [self.registers[r.number] for r in operands(op)])
        if op.dest is not None and value is not None and op.dest.type is not NONE:
            self.registers[op.dest.number] = value

    def _constant(self, op: tir.LoadConst) -> ir.Value | None:
        if op.value is None:
            return None
        if isinstance(op.value, float):
            return float_literal(self.builder, self.allocas, op.value)
        if isinstance(op.value, bool):
            return ir.Constant(llvm_type(op.dest.type), op.value)
        assert isinstance(op.value, int), "strings are constants of boxed functions only"
        if _I64_MIN <= op.value <= _I64_MAX:
            return ir.Constant(I64, op.value)
        self.call_runtime("tpy2wasm_deopt")  # a literal beyond i64: CPython runs the function
        self._jump_to_unwind(position(op))
        self.builder.position_at_end(self.llvm_function.append_basic_block("after_big_literal"))
        return ir.Constant(I64, 0)

    def _global_cache(self, name: str) -> ir.GlobalVariable:
        cache = ir.GlobalVariable(self.module, GLOBAL_CACHE, self.module.get_unique_name(f"global.{name}"))
        cache.linkage = "internal"
        cache.initializer = ir.Constant(GLOBAL_CACHE, None)
        return cache

    def _load_global(self, op: tir.LoadGlobal) -> ir.Value:
        """Inline: reuse the cached bits while the dict is the same, at the same version."""
        builder = self.builder
        cache = self._global_cache(op.name)
        fields = [builder.gep(cache, [ir.Constant(I32, 0), ir.Constant(I32, index)]) for index in range(4)]
        version_pointer = builder.bitcast(builder.gep(self.globals_pointer, [ir.Constant(I32, DICT_VERSION_OFFSET)]),
                                          I64.as_pointer())
        hit = builder.and_(builder.icmp_unsigned("==", builder.load(fields[1]), self.globals_pointer),
                           builder.icmp_unsigned("==", builder.load(fields[2]), builder.load(version_pointer)))
        slot = self.out_slot(I64)
        with builder.if_else(hit, likely=True) as (cached, missed):
            with cached:
                builder.store(builder.load(fields[3]), slot)
            with missed:
                kind = ir.Constant(I32, ord(KIND_LETTERS[op.dest.type]))
                status = self.call_runtime("tpy2wasm_load_global", self.globals_pointer, cache,
                                           self.strings.pointer(op.name), kind, slot)
                self.fail_if_status(status, position(op))
        return arithmetic.from_slot(builder, builder.load(slot), op.dest.type)

    def _store_global(self, op: tir.StoreGlobal) -> None:
        bits = arithmetic.to_slot(self.builder, self.registers[op.source.number], op.source.type)
        kind = ir.Constant(I32, ord(KIND_LETTERS[op.source.type]))
        status = self.call_runtime("tpy2wasm_store_global", self.globals_pointer, self._global_cache(op.name),
                                   self.strings.pointer(op.name), kind, bits)
        self.fail_if_status(status, position(op))

    def _emit_terminator(self, terminator: tir.Terminator) -> None:
        if isinstance(terminator, tir.Goto):
            self.builder.branch(self.blocks[terminator.target])
        elif isinstance(terminator, tir.Branch):
            condition = self.registers[terminator.condition.number]
            self.builder.cbranch(condition, self.blocks[terminator.if_true], self.blocks[terminator.if_false])
        else:
            assert isinstance(terminator, tir.Return), f"{terminator} needs a boxed function"
            if self.function.return_type is NONE or terminator.value is None:
                self._return_value(None)
            elif self.accumulator is not None and self.tail is not None and self.tail.combine is not None:
                intrinsic = ACCUMULATORS[self.tail.combine.operator][1]
                self._return_value(arithmetic.checked(self, intrinsic, self.builder.load(self.accumulator),
                                                      self.registers[terminator.value.number], position(terminator)))
            else:
                self._return_value(self.registers[terminator.value.number])

    def _emit_unwind(self) -> None:
        self.builder.position_at_end(self.unwind)
        is_error = self.builder.icmp_signed("==", self.builder.load(self._status()), ir.Constant(I32, STATUS_ERROR))
        with self.builder.if_then(is_error):
            self.call_runtime("tpy2wasm_traceback", self.globals_pointer, self.strings.pointer(self.function.name),
                              self.strings.pointer(self.filename), self.builder.load(self.failed_at))
            if self.tail is not None and self.budget_slot is not None:
                self._traceback_eliminated_frames()
        self._return_undefined()

    def _traceback_eliminated_frames(self) -> None:
        """One entry per frame the tail call replaced, each at the tail call's line."""
        assert self.tail is not None and self.budget_slot is not None
        builder = self.builder
        frames = builder.sub(self.depth_budget, builder.load(self.budget_slot))
        before = builder.block
        loop = self.llvm_function.append_basic_block("unwind.frames")
        done = self.llvm_function.append_basic_block("unwind.frames.done")
        builder.cbranch(builder.icmp_signed(">", frames, ir.Constant(I32, 0)), loop, done)
        builder.position_at_end(loop)
        left = builder.phi(I32)
        left.add_incoming(frames, before)
        self.call_runtime("tpy2wasm_traceback", self.globals_pointer, self.strings.pointer(self.function.name),
                          self.strings.pointer(self.filename), position_pointer(self.module, position(self.tail.call)))
        remaining = builder.sub(left, ir.Constant(I32, 1))
        left.add_incoming(remaining, loop)
        builder.cbranch(builder.icmp_signed(">", remaining, ir.Constant(I32, 0)), loop, done)
        builder.position_at_end(done)

    def _status(self) -> ir.GlobalVariable:
        return runtime_int(self.module, "tpy2wasm_status")

    def _branch_to_unwind_if(self, condition: ir.Value, where: tir.Position) -> None:
        with self.builder.if_then(condition, likely=False):
            self._jump_to_unwind(where)

    def _jump_to_unwind(self, where: tir.Position) -> None:
        self.builder.store(position_pointer(self.module, where), self.failed_at)
        self.builder.branch(self.unwind)

    def _return_value(self, value: ir.Value | None) -> None:
        if self.function.return_type is NONE:
            self.builder.ret_void()
        else:
            self.builder.ret(value)

    def _return_undefined(self) -> None:
        if self.function.return_type is NONE:
            self.builder.ret_void()
        else:
            self.builder.ret(ir.Constant(llvm_type(self.function.return_type), ir.Undefined))

