"""Reference counting for native functions: owned slots for registers and locals, inline
Py_INCREF, and Py_XDECREF (inline in fast versions, else a call of tpy2wasm_release_at).
Where registers are released is the refcount pass's decision (analysis/refcounts.py).

A slot holds a PyObject* (NULL when empty) or a word (codegen/words.py: an int word, WORD_ERROR
when empty, or a float word, FLOAT_ERROR when empty), which owns a reference only when it
holds an object.

The decrement is mostly a call, not inline code: inline it is a null test, a decrement, a zero
test and a dealloc call in three blocks at every release, which made native functions several
times larger for LLVM to optimise, while the call costs little next to the runtime call that
made the object. The fast versions of functions hot on words (codegen/fast_version.py) release
inline: there the calls, mostly on empty slots, cost more. Their generic versions, entered only
when a value does not fit the fast path, call: releasing inline there too made a function twice
the code for LLVM to optimise."""

from __future__ import annotations

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis.ir_objects import ClearLocal
from tpy2wasm.codegen import object_fields, words
from tpy2wasm.codegen.runtime_api import I32, PTR, declare


class RefcountEmitter:
    def __init__(self, llvm_function: ir.Function) -> None:
        self.llvm_function = llvm_function
        self.module: ir.Module = llvm_function.module
        # The entry block holds the slots; it branches to the body once that is emitted.
        self.allocas = llvm_function.append_basic_block("allocas")
        self.builder = ir.IRBuilder(self.allocas)
        self.register_slots: dict[int, ir.AllocaInstr] = {}
        self.local_slots: dict[str, ir.AllocaInstr] = {}
        self.borrowed_locals: set[str] = set()

    def depth_at(self, builder: ir.IRBuilder) -> ir.Value:
        """The frame's depth where `builder` is, which a release publishes (a __del__ may run
        Python code: codegen/frame_depth.py); the function emitter knows it."""
        raise NotImplementedError

    def release_call(self, value: ir.Value) -> None:
        """Py_XDECREF by a call, the depth published in the same call."""
        self.call_runtime("tpy2wasm_release_at", value, self.depth_at(self.builder))

    def releases_inline(self) -> bool:
        """Whether a release here is inline code, else a call (see xdecref)."""
        return False

    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value:
        return self.builder.call(declare(self.module, name), list(arguments))

    def entry_slot(self, slot_type: ir.Type, name: str) -> ir.AllocaInstr:
        """A stack slot made in the entry block, empty there (zero, or WORD_ERROR for a word)."""
        with self.builder.goto_block(self.allocas):
            slot = self.builder.alloca(slot_type, name=name)
            self.builder.store(words.empty(slot_type), slot)
        return slot

    def finish_entry(self, body: ir.Block) -> None:
        self.builder.position_at_end(self.allocas)
        self.builder.branch(body)

    def register_slot(self, register: tir.Register) -> ir.AllocaInstr:
        if register.number not in self.register_slots:
            self.register_slots[register.number] = self.entry_slot(words.slot_type(register.type), f"r{register.number}")
        return self.register_slots[register.number]

    def local_slot(self, local: tir.Local) -> ir.AllocaInstr:
        if local.name not in self.local_slots:
            self.local_slots[local.name] = self.entry_slot(words.slot_type(local.type), local.name)
        return self.local_slots[local.name]

    def define(self, register: tir.Register, value: ir.Value) -> None:
        """Store a new reference in the register's slot, empty there: the refcount pass
        (analysis/refcounts.py) released its previous value after that one's last use."""
        self.builder.store(value, self.register_slot(register))

    def release_register(self, register: tir.Register) -> None:
        slot = self.register_slot(register)
        self.replace(slot, words.empty(slot.type.pointee))

    def forget_register(self, register: tir.Register) -> None:
        """Empty the register's slot without releasing: its reference moved elsewhere."""
        slot = self.register_slot(register)
        self.builder.store(words.empty(slot.type.pointee), slot)

    def store_local(self, local: tir.Local, value: ir.Value, borrowed: bool = False) -> None:
        if borrowed:
            self.retain(value)
        self.replace(self.local_slot(local), value)

    def borrow_local(self, local: tir.Local, value: ir.Value) -> None:
        """Hold an argument in a local the function never stores to (assigned_locals), on the
        caller's reference: as CPython's frame takes its arguments over from the caller's stack,
        the call adds no reference (sys.getrefcount inside equals CPython's), and the exit
        releases none."""
        self.builder.store(value, self.local_slot(local))
        self.borrowed_locals.add(local.name)

    def clear_local(self, local: tir.Local) -> None:
        slot = self.local_slot(local)
        self.replace(slot, words.empty(slot.type.pointee))

    def replace(self, slot: ir.AllocaInstr, value: ir.Value) -> None:
        old = self.builder.load(slot)
        self.builder.store(value, slot)
        self.release(old)

    def release_everything(self, words_too: bool = True) -> None:
        """Release what every register and owned local holds (not the word slots when none holds
        an object), at the exit: by calls, never the inline decrement, as most slots are empty
        there on a return (a function of hundreds of registers spent a third of its code on
        an exit of inline releases); an inline test first keeps calls off the return path."""
        owned = [slot for name, slot in self.local_slots.items() if name not in self.borrowed_locals]
        for slot in [*self.register_slots.values(), *owned]:
            if words_too or slot.type.pointee == PTR:
                value = self.builder.load(slot)
                holds, held = words.held_object(self.builder, value)
                if holds is None and not self.releases_inline():
                    self.release_call(value)
                    continue
                if holds is None:
                    holds = self.builder.icmp_unsigned("!=", value, ir.Constant(PTR, None))
                with self.builder.if_then(holds):
                    self.release_call(held)

    def retain(self, value: ir.Value) -> None:
        """A new reference for a borrowed object or word (not empty)."""
        holds, held = words.held_object(self.builder, value)
        if holds is None:
            self.incref(value)
            return
        with self.builder.if_then(holds):
            self.incref(held)

    def release(self, value: ir.Value) -> None:
        """Give up the reference an object or word holds, if any (an empty one holds none)."""
        holds, held = words.held_object(self.builder, value)
        if holds is None:
            self.xdecref(value)
            return
        with self.builder.if_then(holds):
            self.release_call(held)

    def incref(self, value: ir.Value) -> None:
        count = object_fields.load_field(self.builder, value, object_fields.REFCOUNT)
        object_fields.store_field(self.builder, self.builder.add(count, ir.Constant(I32, 1)), value, object_fields.REFCOUNT)

    def xdecref(self, value: ir.Value) -> None:
        """Py_XDECREF: inline when `releases_inline()` (in a function LLVM optimises, the passes
        fold the NULL test of a slot they prove empty, where they could not drop a call);
        else a call, which keeps large unoptimised code small."""
        if not self.releases_inline():
            self.release_call(value)
            return
        with self.builder.if_then(self.builder.icmp_unsigned("!=", value, ir.Constant(PTR, None))):
            remaining = self.builder.sub(object_fields.load_field(self.builder, value, object_fields.REFCOUNT),
                                         ir.Constant(I32, 1))
            object_fields.store_field(self.builder, remaining, value, object_fields.REFCOUNT)
            with self.builder.if_then(self.builder.icmp_signed("==", remaining, ir.Constant(I32, 0))):
                self.call_runtime("tpy2wasm_dealloc_at", value, self.depth_at(self.builder))


def assigned_locals(function: tir.FunctionIR) -> set[str]:
    """The locals the function stores to or deletes (the others keep their argument)."""
    assigned: set[str] = set()
    for block in function.blocks:
        assigned.update(op.local.name for op in block.ops if isinstance(op, (tir.StoreLocal, ClearLocal)))
        if isinstance(block.terminator, tir.ForIter):
            assigned.add(block.terminator.item.name)
    return assigned
