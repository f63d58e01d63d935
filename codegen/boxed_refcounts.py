"""Reference counting for boxed functions: owned slots for registers and locals, inline
Py_INCREF/Py_DECREF, and which registers can be released right after their last use."""

from __future__ import annotations

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.codegen.runtime_api import I32, PTR, declare

Releases = dict[tuple[str, int], list[tir.Register]]


def _op_operands(op: tir.Op) -> tuple[tir.Register, ...]:
    if isinstance(op, (tir.Binary, tir.Compare)):
        return (op.left, op.right)
    if isinstance(op, tir.Unary):
        return (op.operand,)
    if isinstance(op, (tir.StoreLocal, tir.StoreGlobal)):
        return (op.source,)
    if isinstance(op, tob.GetAttr):
        return (op.obj,)
    if isinstance(op, tob.CallObject):
        return (op.callee, *op.args)
    if isinstance(op, tob.BuildSequence):
        return op.items
    if isinstance(op, tob.IsTrue):
        return (op.value,)
    if isinstance(op, tob.GetIter):
        return (op.iterable,)
    if isinstance(op, (tob.EnterHandler, tob.RestoreException)):
        return (op.exception,)
    if isinstance(op, tob.LeaveHandler):
        return (op.saved,)
    if isinstance(op, tob.ExceptionMatches):
        return (op.exception, op.classes)
    return ()


def _terminator_operands(terminator: tir.Terminator) -> tuple[tir.Register | None, ...]:
    if isinstance(terminator, tir.Branch):
        return (terminator.condition,)
    if isinstance(terminator, tir.Return):
        return (terminator.value,)
    if isinstance(terminator, tir.Raise):
        return (terminator.exception, terminator.cause)
    if isinstance(terminator, tir.ForIter):
        return (terminator.iterator,)
    return ()


def releases_after(function: tir.FunctionIR) -> Releases:
    """(block, op index) -> the object registers whose last use that op is, for registers
    defined and used only within one block and not by its terminator."""
    defined_in: dict[int, str] = {}
    last_use: dict[int, tuple[str, int]] = {}
    escapes: set[int] = set()
    for block in function.blocks:
        for index, op in enumerate(block.ops):
            for register in _op_operands(op):
                if defined_in.get(register.number) != block.label:
                    escapes.add(register.number)
                last_use[register.number] = (block.label, index)
            if op.dest is not None and op.dest.type.llvm_type == "ptr":
                defined_in[op.dest.number] = block.label
        for operand in _terminator_operands(block.terminator):
            if operand is not None:
                escapes.add(operand.number)
    releases: Releases = {}
    registers = {op.dest.number: op.dest for block in function.blocks for op in block.ops if op.dest is not None}
    for number, where in last_use.items():
        if number not in escapes and number in defined_in:
            releases.setdefault(where, []).append(registers[number])
    return releases


class RefcountEmitter:
    def __init__(self, llvm_function: ir.Function) -> None:
        self.llvm_function = llvm_function
        self.module: ir.Module = llvm_function.module
        # The entry block holds the slots; it branches to the body once that is emitted.
        self.allocas = llvm_function.append_basic_block("allocas")
        self.builder = ir.IRBuilder(self.allocas)
        self.register_slots: dict[int, ir.AllocaInstr] = {}
        self.local_slots: dict[str, ir.AllocaInstr] = {}

    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value:
        return self.builder.call(declare(self.module, name), list(arguments))

    def entry_slot(self, slot_type: ir.Type, name: str) -> ir.AllocaInstr:
        """A stack slot made in the entry block, zeroed there."""
        with self.builder.goto_block(self.allocas):
            slot = self.builder.alloca(slot_type, name=name)
            self.builder.store(ir.Constant(slot_type, None), slot)
        return slot

    def finish_entry(self, body: ir.Block) -> None:
        self.builder.position_at_end(self.allocas)
        self.builder.branch(body)

    def register_slot(self, register: tir.Register) -> ir.AllocaInstr:
        if register.number not in self.register_slots:
            self.register_slots[register.number] = self.entry_slot(PTR, f"r{register.number}")
        return self.register_slots[register.number]

    def local_slot(self, local: tir.Local) -> ir.AllocaInstr:
        if local.name not in self.local_slots:
            self.local_slots[local.name] = self.entry_slot(PTR, local.name)
        return self.local_slots[local.name]

    def define(self, register: tir.Register, value: ir.Value) -> None:
        """Store a new reference in the register's slot, releasing the previous run's value."""
        self.replace(self.register_slot(register), value)

    def release_register(self, register: tir.Register) -> None:
        self.replace(self.register_slot(register), ir.Constant(PTR, None))

    def store_local(self, local: tir.Local, value: ir.Value, borrowed: bool = False) -> None:
        if borrowed:
            self.incref(value)
        self.replace(self.local_slot(local), value)

    def clear_local(self, local: tir.Local) -> None:
        self.replace(self.local_slot(local), ir.Constant(PTR, None))

    def replace(self, slot: ir.AllocaInstr, value: ir.Value) -> None:
        old = self.builder.load(slot)
        self.builder.store(value, slot)
        self.xdecref(old)

    def release_everything(self) -> None:
        for slot in [*self.register_slots.values(), *self.local_slots.values()]:
            self.xdecref(self.builder.load(slot))

    def refcount(self, value: ir.Value) -> ir.Value:
        """ob_refcnt, the first field of every object (a 32-bit Py_ssize_t on wasm32)."""
        return self.builder.bitcast(value, I32.as_pointer())

    def incref(self, value: ir.Value) -> None:
        count = self.refcount(value)
        self.builder.store(self.builder.add(self.builder.load(count), ir.Constant(I32, 1)), count)

    def xdecref(self, value: ir.Value) -> None:
        with self.builder.if_then(self.builder.icmp_unsigned("!=", value, ir.Constant(PTR, None))):
            count = self.refcount(value)
            remaining = self.builder.sub(self.builder.load(count), ir.Constant(I32, 1))
            self.builder.store(remaining, count)
            with self.builder.if_then(self.builder.icmp_signed("==", remaining, ir.Constant(I32, 0)), likely=False):
                self.call_runtime("_Py_Dealloc", value)
