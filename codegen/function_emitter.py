"""Lowers a FunctionIR to LLVM: int, float and bool values in words with inline fast paths
(codegen/int_words.py, float_words.py, bool_words.py), every other value a PyObject*, and every
operation on objects a call of the C runtime's CPython step (wasm_runtime/native_objects.c),
with reference counting.

Each object register and each local owns one reference in a stack slot; the refcount pass
(analysis/refcounts.py) places the releases of registers, a local's value is released when
it is stored over or deleted, and the function's exit releases whatever is left.
An op that fails adds this frame's traceback entry at its position and goes where its error
edge says (analysis/exceptions.py): to a handler, or out of the function.
"""

from __future__ import annotations

from collections.abc import Iterable

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis import ir_ranges as ranges
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.analysis.exceptions import Site, insert_error_edges
from tpy2wasm.analysis.refcounts import insert_refcounts
from tpy2wasm.analysis.rtypes import BOOL, BOOL_WORD, FLOAT_WORD, INT_WORD, WORDS
from tpy2wasm.codegen import (
    array_calls, bool_words, bounded_counts, builtin_calls, direct_calls, fast_version, float_words, frame_depth, int_words,
    borrowed_loads, instance_attributes, list_items, method_calls, nonnegative_words, object_ops, object_words, range_words,
    tail_calls, tail_loop, wide_words, words,
)
from tpy2wasm.codegen.refcount_slots import RefcountEmitter, assigned_locals
from tpy2wasm.codegen.float_constants import float_literal
from tpy2wasm.codegen.runtime_api import I1, I32, PTR
from tpy2wasm.codegen.site_caches import SiteCaches
from tpy2wasm.codegen.positions import position, position_pointer
from tpy2wasm.codegen.strings import StringPool


class FunctionEmitter(RefcountEmitter, SiteCaches):
    """Emits one function's body, its direct entry `word f(PyObject *globals, int depth,
    word a1, ...)` (codegen/direct_calls.py)."""

    def __init__(self, function: tir.FunctionIR, llvm_function: ir.Function, entries: direct_calls.NativeEntries,
                 strings: StringPool, filename: str, closed: bool, hot: bool) -> None:
        super().__init__(llvm_function)
        SiteCaches.__init__(self)
        self.closed = closed  # codegen/entry_bindings.py
        self.function = insert_refcounts(insert_error_edges(function))
        self.entries = entries
        self.strings = strings
        self.filename = filename
        self.globals_pointer, self.entry_depth, *self.parameters = llvm_function.args
        self.start = llvm_function.append_basic_block("start")
        self.versions = fast_version.versions(function, llvm_function, hot)
        self.version = self.versions[-1]  # the one being emitted
        self.generic_sites: dict[Site, ir.Block] = {}  # where the fast version transfers
        # The i1 slot of each branch condition: a counted range loop's test is used blocks later,
        # and a slot reaches the generic version when the fast one transfers in between.
        self.condition_slots: dict[int, ir.AllocaInstr] = {}
        # Registers of the block being emitted that borrow a local's reference (borrowed_loads).
        self.borrowed: dict[int, tuple[ir.Value, tir.Local]] = {}
        self.site: Site = ("", 0)  # of the op being emitted
        self.site_position: tir.Position = position(function.blocks[0].terminator)
        tail = tail_calls.tail_call(self.function) if closed and len(self.versions) > 1 else None
        self.tail_loop = None if tail is None else tail_loop.TailLoop(self, tail, self.entry_depth)
        self.wide = wide_words.wide_registers(self.function) if len(self.versions) > 1 else {}
        self.bounded = bounded_counts.bounded_increments(self.function) if len(self.versions) > 1 else set()
        self.nonnegative = nonnegative_words.nonnegative_registers(self.function) if len(self.versions) > 1 else frozenset()
        self.result = self.entry_slot(words.slot_type(function.return_type), "result")
        self.error: tir.ErrorEdge | None = None  # of the op or terminator being emitted
        self.callee_loads = direct_calls.callee_loads(self.function)
        self.range_iterators = ranges.range_fallback_iterators(self.function)  # whose steps test for no list
        self.callee_names = {op.dest.number: op.name for block in self.function.blocks for op in block.ops
                             if isinstance(op, tir.LoadGlobal) and op.dest.number in self.callee_loads}
        self.method_sites: dict[int, tuple[ir.GlobalVariable, tuple[ir.Value, ir.Value, ir.Value]]] = {}  # method_calls.py
        self.unbound_flags: dict[int, ir.AllocaInstr] = {}  # GetMethod's: call with the object first?
        self.loops = int_words.loops(function)
        # In the fast version, the word globals this block has loaded since any Python code could
        # run: no op between can change them, so a later load of the name reuses the word.
        self.loaded_globals: dict[str, ir.Value] = {}

    @property
    def depth(self) -> ir.Value:
        return self.depth_at(self.builder)

    def depth_at(self, builder: ir.IRBuilder) -> ir.Value:
        """The frame's depth (codegen/frame_depth.py): the entry's, or as the tail loop counts it."""
        return self.entry_depth if self.tail_loop is None else self.tail_loop.depth(builder)

    def emit(self) -> None:
        builder = self.builder
        builder.position_at_end(self.start)
        self.version = self.versions[0]  # the start, before either version: it releases as the first does
        assigned = assigned_locals(self.function)
        for argument, value in zip(self.function.args, self.parameters):
            if argument.name in assigned:
                self.store_local(argument, value, borrowed=True)
            else:
                self.borrow_local(argument, value)
        first = self.function.blocks[0].label
        if len(self.versions) == 1:
            builder.branch(self.versions[0].blocks[first])
        else:  # the fast version when every parameter's word is fast
            fast, generic = self.versions
            parameter_words = [(value, argument.type) for argument, value in zip(self.function.args, self.parameters)
                               if argument.type in WORDS]
            builder.cbranch(fast_version.all_fast(builder, parameter_words), fast.blocks[first], generic.blocks[first])
        for version in self.versions:
            self.version = version
            self.emit_version()
        self.emit_exit()
        self.finish_entry(self.start)
        direct_callees = {call.function for call in self.callee_loads.values()} | {
            op.function for block in self.function.blocks for op in block.ops if isinstance(op, tob.CallNativeMethod)}
        frame_depth.publish_before_calls(self.llvm_function, self.depth_at,
                                         {self.entries.direct(function).name for function in direct_callees})

    def emit_version(self) -> None:
        builder = self.builder
        borrowed = borrowed_loads.borrowed_loads(self.function, words_too=not self.version.fast_words)
        for block in self.function.blocks:
            self.borrowed = {}
            self.loaded_globals = {}
            builder.position_at_end(self.version.blocks[block.label])
            moved: tir.Register | None = None
            for index, op in enumerate(block.ops):
                self.site, self.site_position, self.error = (block.label, index), position(op), op.error
                self.land_transfers()
                if isinstance(op, tob.DecRef) and (op.value == moved or op.value.number in self.borrowed):
                    continue  # moved into a local, or never owned
                if isinstance(op, tob.DecRef) and self.known_fast(op.value):
                    self.forget_register(op.value)  # holds no object; emptied, its value is dead
                    continue
                moved = moved if isinstance(op, tob.DecRef) else None
                if self.tail_loop is not None and self.version.fast_words and op is self.tail_loop.tail.call:
                    self.tail_loop.jump_back(self, self.version.blocks[self.function.blocks[0].label])
                if not fast_version.runs_no_python(op):
                    self.loaded_globals.clear()
                if self.site in borrowed:
                    assert isinstance(op, tir.LoadLocal) and op.dest is not None, op
                    self.borrowed[op.dest.number] = (self.load_local(op, retain=False), op.local)
                elif (handed := borrowed_loads.handed_over(op, block.ops[index + 1:], self.borrowed)) \
                        and not self.known_fast(handed):
                    moved = handed  # its last use takes its reference: a move, not a copy
                    if isinstance(op, tob.SetItem):
                        list_items.emit(self, op, takes_value=True)
                    elif isinstance(op, tob.SetAttr):
                        instance_attributes.emit(self, op, takes_value=True)
                    elif isinstance(op, tir.StoreLocal):
                        self.store_local(op.local, self.value(moved))
                        self.forget_register(moved)
                else:
                    self.emit_op(op)
            self.site, self.error = (block.label, len(block.ops)), block.terminator.error
            self.land_transfers()
            self.emit_terminator(block.terminator)

    # ---- the fast version and its transfers (codegen/fast_version.py) ----

    @property
    def callees_bound(self) -> bool:
        """Whether the version being emitted calls its direct callees without testing their
        sites: the fast version of a closed function (codegen/entry_bindings.py)."""
        return self.closed and self.version.fast_words

    def known_fast(self, register: tir.Register) -> bool:
        return self.version.fast_words and register.type in WORDS

    def never_negative(self, register: tir.Register) -> bool:
        """Whether the int register holds no negative number here (codegen/nonnegative_words.py)."""
        return self.version.fast_words and register.number in self.nonnegative

    def transfer_unless(self, condition: ir.Value | None, releasing: ir.Value | None = None,
                        after: bool = False, to: Site | None = None) -> None:
        """(word_paths.Emitter's) `after`: to the op after this one, which has defined its result:
        a call is not made twice; `to`: that site (a `for` step's body)."""
        if condition is None:
            return
        assert self.version.fast_words, "only the fast version transfers"
        builder = self.builder
        label, index = self.site
        site = to or ((label, index + 1) if after else self.site)
        if site not in self.generic_sites:
            self.generic_sites[site] = self.llvm_function.append_basic_block("generic.{}.{}".format(*site))
        target = self.generic_sites[site]
        live_wide = [number for number, live in self.wide.items() if live.holds(site)]
        if releasing is not None or live_wide:
            path = self.llvm_function.append_basic_block("transfer")
            with builder.goto_block(path):
                if releasing is not None:
                    self.release(releasing)
                for number in live_wide:  # the generic version reads words (wide_words.py)
                    slot = self.register_slots[number]
                    builder.store(wide_words.word_of_wide(self, builder.load(slot), self.site_position), slot)
                builder.branch(target)
            target = path
        go_on = self.llvm_function.append_basic_block("fast")
        builder.cbranch(condition, go_on, target).set_weights([1000, 1])
        builder.position_at_end(go_on)

    def land_transfers(self) -> None:
        """In the generic version, start the block the fast version transfers to at this op,
        if any; the registers that borrow a local's reference load it again there."""
        if self.version.fast_words or self.site not in self.generic_sites:
            return
        block = self.generic_sites[self.site]
        self.builder.branch(block)
        self.builder.position_at_end(block)
        self.borrowed = {number: (self.builder.load(self.local_slot(local)), local)
                         for number, (_, local) in self.borrowed.items()}

    def releases_inline(self) -> bool:
        """In the fast version only (codegen/refcount_slots.py says why)."""
        return self.version.fast_words

    def emit_exit(self) -> None:
        """Each version's exit: the fast version's words hold no objects, so it releases only
        the object slots; its return does not test what every word slot holds."""
        builder = self.builder
        for version in self.versions:
            self.version = version
            builder.position_at_end(version.exit)
            self.release_everything(words_too=not version.fast_words)
            result = builder.load(self.result)
            if self.tail_loop is not None and not version.fast_words:
                result = self.tail_loop.finish(self, result)
            builder.ret(result)

    # ---- failure ----

    def fail_if_null(self, value: ir.Value, where: tir.Position) -> ir.Value:
        self.fail_if(self.builder.icmp_unsigned("==", value, ir.Constant(PTR, None)), where)
        return value

    def fail_if(self, condition: ir.Value, where: tir.Position, traceback: bool = True) -> None:
        """Branch to the failure path when `condition` holds, and go on in a new block."""
        builder = self.builder
        go_on = self.llvm_function.append_basic_block("ok")
        target = self.failure_target(where, traceback)
        builder.cbranch(condition, target, go_on).set_weights([1, 1000])
        builder.position_at_end(go_on)

    def fail(self, where: tir.Position, traceback: bool = True) -> None:
        """Jump to the handler with the exception set, adding this frame to its traceback."""
        self.builder.branch(self.failure_target(where, traceback))

    def failure_target(self, where: tir.Position, traceback: bool) -> ir.Block:
        """Where the current block goes on failure: the handler's one traceback block, told
        the position by a phi (no block or store per failure site), or the handler itself."""
        assert self.error is not None, "a failure path of an op that declares it cannot raise"
        if not traceback:
            return self.handler_block(self.error.handler)
        block, failed_at = self.traceback_block(self.error.handler)
        failed_at.add_incoming(position_pointer(self.module, where), self.builder.block)
        return block

    def handler_block(self, handler: str | None) -> ir.Block:
        return self.version.exit if handler is None else self.version.blocks[handler]

    def traceback_block(self, handler: str | None) -> tuple[ir.Block, ir.PhiInstr]:
        """The handler's shared traceback block and the phi of the failed position."""
        if handler not in self.version.traceback_blocks:
            block = self.llvm_function.append_basic_block(f"traceback.{handler}")
            with self.builder.goto_block(block):
                failed_at = self.builder.phi(PTR, "failed_at")
                self.call_runtime("tpy2wasm_traceback", self.globals_pointer, self.strings.pointer(self.function.name),
                                  self.strings.pointer(self.filename), failed_at)
                if self.tail_loop is not None:  # a closed function: the handler is its exit
                    self.tail_loop.add_saved_entries(self)
                self.builder.branch(self.handler_block(handler))
            self.version.traceback_blocks[handler] = block, failed_at
        return self.version.traceback_blocks[handler]

    def unbound_block(self) -> tuple[ir.Block, ir.PhiInstr, ir.PhiInstr]:
        """The handler's shared block raising UnboundLocalError, told the name by a phi;
        its traceback position is the phi of the positions of the loads that lead to it."""
        assert self.error is not None, "an unbound test of a load that declares it cannot raise"
        handler = self.error.handler
        if handler not in self.version.unbound_blocks:
            block = self.llvm_function.append_basic_block(f"unbound.{handler}")
            with self.builder.goto_block(block):
                name = self.builder.phi(PTR, "name")
                failed_at = self.builder.phi(PTR, "unbound_at")
                self.call_runtime("tpy2wasm_unbound_local", name)
                tb_block, tb_failed_at = self.traceback_block(handler)
                tb_failed_at.add_incoming(failed_at, block)
                self.builder.branch(tb_block)
            self.version.unbound_blocks[handler] = block, name, failed_at
        return self.version.unbound_blocks[handler]

    # ---- ops ----

    def value(self, register: tir.Register) -> ir.Value:
        if register.type is BOOL:
            return self.builder.load(self.condition_slots[register.number])
        if register.number in self.borrowed:
            return self.borrowed[register.number][0]
        return self.builder.load(self.register_slot(register))

    def values(self, registers: Iterable[tir.Register]) -> list[ir.Value]:
        return [self.value(register) for register in registers]

    def emit_op(self, op: tir.Op) -> None:
        if isinstance(op, tir.StoreLocal) and self.known_fast(op.source):  # owns nothing, nor did the local
            self.builder.store(self.value(op.source), self.local_slot(op.local))
        elif isinstance(op, tir.StoreLocal):
            self.store_local(op.local, self.value(op.source), borrowed=True)
        elif isinstance(op, tob.ClearLocal) and self.version.fast_words and op.local.type in WORDS:
            self.builder.store(words.empty(words.slot_type(op.local.type)), self.local_slot(op.local))  # held no object
        elif isinstance(op, tob.ClearLocal):
            self.clear_local(op.local)
        elif isinstance(op, tob.DecRef):
            self.release_register(op.value)
        elif isinstance(op, tob.KeepAlive):
            pass  # only the refcount pass reads it
        elif isinstance(op, tir.StoreGlobal):
            status = self.call_runtime("tpy2wasm_store_name", self.globals_pointer, self.strings.pointer(op.name),
                                       self.cache(), self.value(op.source))
            self.fail_if(self.builder.icmp_signed("<", status, ir.Constant(I32, 0)), position(op))
        elif isinstance(op, tob.DeleteGlobal):
            status = self.call_runtime("tpy2wasm_delete_name", self.globals_pointer, self.strings.pointer(op.name),
                                       self.cache())
            self.fail_if(self.builder.icmp_signed("<", status, ir.Constant(I32, 0)), position(op))
        elif isinstance(op, (tob.GetAttr, tob.SetAttr)):
            instance_attributes.emit(self, op)
        elif isinstance(op, (tob.GetItem, tob.SetItem, tob.GetMethod, tob.CallMethod)):
            list_items.emit(self, op)
        elif isinstance(op, tob.CallBuiltin):
            builtin_calls.emit(self, op)
        elif isinstance(op, tob.CellSet):
            self.call_runtime("PyCell_Set", self.value(op.cell),
                              ir.Constant(PTR, None) if op.value is None else self.value(op.value))
        elif isinstance(op, tob.LeaveHandler):
            self.call_runtime("tpy2wasm_leave_handler", self.value(op.saved))
        elif isinstance(op, tob.RestoreException):
            self.call_runtime("tpy2wasm_restore", self.value(op.exception))
        elif isinstance(op, tob.IsTrue) and op.value.type in WORDS:
            self.define_condition(op.dest, bool_words.truth(self, op, self.value(op.value)))
        elif isinstance(op, (tob.IsTrue, tob.ExceptionMatches, tob.ExitSuppresses)):
            self.emit_condition(op)
        elif isinstance(op, (ranges.IsCountedRange, ranges.CountCompare)):
            counts = range_words.condition(self, op, self.values(operands(op)))
            if isinstance(op, ranges.IsCountedRange) and self.version.fast_words:  # (nonnegative_words.py)
                self.transfer_unless(counts)
            self.define_condition(op.dest, counts)
        elif isinstance(op, tir.LoadGlobal) and op.dest is not None and op.dest.number in self.callee_loads:
            self.define(op.dest, direct_calls.load_callee(self, op, self.callee_loads[op.dest.number], self.entries))
        elif isinstance(op, tob.CallDirect):
            direct_calls.emit_call(self, op, self.entries)
        elif isinstance(op, tob.GetNativeMethod):
            method_calls.load_method(self, op, self.entries)
        elif isinstance(op, tob.CallNativeMethod):
            method_calls.call_method(self, op, self.entries)
        elif isinstance(op, tir.Compare) and op.dest.type is BOOL:  # a branch on two number words
            compare = int_words.compare if op.left.type is op.right.type is INT_WORD else float_words.compare
            self.define_condition(op.dest, compare(self, op, *self.values((op.left, op.right))))
        elif op.dest is not None and op.dest.type in WORDS:
            self.define(op.dest, self.word_of(op))
        else:
            assert op.dest is not None, op
            value = self.object_of(op)
            self.define(op.dest, value if op.error_kind is tir.ErrorKind.NEVER else self.fail_if_null(value, position(op)))

    def emit_condition(self, op: tob.IsTrue | tob.ExceptionMatches | tob.ExitSuppresses) -> None:
        if isinstance(op, tob.IsTrue):
            status = self.call_runtime("PyObject_IsTrue", self.value(op.value))
        elif isinstance(op, tob.ExitSuppresses):
            status = self.call_runtime("tpy2wasm_exit_suppresses", *self.values((op.exit, op.exception)))
        else:
            status = self.call_runtime("tpy2wasm_exception_matches", self.value(op.exception),
                                       self.value(op.classes))
        self.fail_if(self.builder.icmp_signed("<", status, ir.Constant(I32, 0)), position(op))
        self.define_condition(op.dest, self.builder.icmp_signed(">", status, ir.Constant(I32, 0)))

    def define_condition(self, register: tir.Register, value: ir.Value) -> None:
        if register.number not in self.condition_slots:
            self.condition_slots[register.number] = self.entry_slot(I1, f"c{register.number}")
        self.builder.store(value, self.condition_slots[register.number])

    def object_of(self, op: tir.Op) -> ir.Value:
        """The new reference an op computes (NULL when it raised)."""
        return object_ops.object_of(self, op)

    def word_of(self, op: tir.Op) -> ir.Value:
        """The new int, float or bool word an op computes (it fails on an error itself)."""
        assert op.dest is not None, op
        if op.dest.type is BOOL_WORD and not isinstance(op, (tir.LoadLocal, tob.ToWord)):
            return self.bool_word_of(op)
        kind = float_words if op.dest.type is FLOAT_WORD else int_words
        if isinstance(op, tir.LoadConst) and isinstance(op.value, float):
            return float_literal(self.builder, self.allocas, op.value)
        if isinstance(op, tir.LoadConst):
            assert isinstance(op.value, int), op
            word = int_words.constant(op.value)
            if word is not None:
                return word
            if self.known_fast(op.dest):  # a big int is never fast
                self.transfer_unless(ir.Constant(I1, 0))
            big = self.fail_if_null(object_ops.constant(self, op.value), position(op))
            return int_words.word_of_new_object(self.builder, big)
        if isinstance(op, tir.LoadLocal):
            return self.load_local(op)
        if isinstance(op, tir.LoadGlobal) and self.known_fast(op.dest) and op.name in self.loaded_globals:
            return self.loaded_globals[op.name]
        if isinstance(op, tir.LoadGlobal):
            word = object_ops.load_global_word(self, op.name)
            self.fail_if(int_words.is_error(self.builder, word), position(op))
            if self.known_fast(op.dest):  # a value entering the fast version
                self.transfer_unless(bool_words.word_is_fast(self.builder, word, op.dest.type), releasing=word)
                self.loaded_globals[op.name] = word
            return word
        if isinstance(op, tir.Binary) and self.version.fast_words and op.dest.number in self.wide:
            return wide_words.wide_result(self, op, *self.values((op.left, op.right)))
        if isinstance(op, tir.Binary) and self.version.fast_words and {op.left.number, op.right.number} & self.wide.keys():
            return wide_words.masked(self, op)
        if isinstance(op, tir.Binary) and self.version.fast_words and op.dest.number in self.bounded:
            return self.builder.add(*self.values((op.left, op.right)), flags=["nsw"])  # small: no check
        if isinstance(op, tir.Binary):
            return kind.binary(self, op, *self.values((op.left, op.right)))
        if isinstance(op, tir.Unary):
            return kind.unary(self, op, self.value(op.operand))
        if isinstance(op, tob.ToWord):
            word = object_words.word_of_object(self, self.value(op.value), op.dest.type)
            if self.known_fast(op.dest):  # a value entering the fast version
                self.transfer_unless(bool_words.word_is_fast(self.builder, word, op.dest.type), releasing=word)
            return word
        if isinstance(op, ranges.CountAdd):  # small by construction
            return range_words.word(self, op, self.values(operands(op)))
        raise TypeError(f"no word lowering for {op!r}")

    def bool_word_of(self, op: tir.Op) -> ir.Value:
        if isinstance(op, tir.LoadConst):
            assert isinstance(op.value, bool), op
            return bool_words.constant(op.value)
        if isinstance(op, tir.Compare):
            return bool_words.compare(self, op, *self.values((op.left, op.right)))
        if isinstance(op, tir.Unary):
            return bool_words.negate(self, op, self.value(op.operand))
        raise TypeError(f"no bool word lowering for {op!r}")

    def load_local(self, op: tir.LoadLocal, retain: bool = True) -> ir.Value:
        """A new reference to the local's value (borrowed when not `retain`); UnboundLocalError
        when its slot is empty, where it may be unbound (analysis/exceptions.py)."""
        builder, local = self.builder, op.local
        value = builder.load(self.local_slot(local))
        retain = retain and not (self.version.fast_words and local.type in WORDS)
        if not op.may_be_unbound:
            if retain:
                self.retain(value)
            return value
        unbound, name, unbound_at = self.unbound_block()
        name.add_incoming(self.strings.pointer(local.name), builder.block)
        unbound_at.add_incoming(position_pointer(self.module, position(op)), builder.block)
        bound = self.llvm_function.append_basic_block("bound")
        builder.cbranch(words.is_empty(builder, value), unbound, bound).set_weights([1, 1000])
        builder.position_at_end(bound)
        if retain:
            self.retain(value)
        return value

    def call_with_array(self, name: str, values: list[ir.Value], *before: ir.Value,
                        after: tuple[ir.Value, ...] = ()) -> ir.Value:
        """The runtime call `name(*before, array, *after)`, `array` holding `values` (through a
        helper that keeps the array off this function's stack: codegen/array_calls.py)."""
        return array_calls.call_with_array(self.builder, name, values, before, after)

    # ---- terminators ----

    def emit_terminator(self, terminator: tir.Terminator) -> None:
        builder = self.builder
        if isinstance(terminator, tir.Goto):
            builder.branch(self.version.blocks[terminator.target])
        elif isinstance(terminator, tir.Branch):
            builder.cbranch(self.value(terminator.condition), self.version.blocks[terminator.if_true],
                            self.version.blocks[terminator.if_false])
        elif isinstance(terminator, tir.Return):
            value = (object_ops.constant(self, None) if terminator.value is None else self.value(terminator.value))
            if terminator.value is not None and not self.known_fast(terminator.value):
                self.retain(value)
            elif terminator.value is not None and self.tail_loop is not None:
                value = self.tail_loop.fold_return(self, value)
            builder.store(value, self.result)
            builder.branch(self.version.exit)
        elif isinstance(terminator, tir.Raise):
            exception, cause = (ir.Constant(PTR, None) if register is None else self.value(register)
                                for register in (terminator.exception, terminator.cause))
            self.call_runtime("tpy2wasm_raise_object", exception, cause)
            self.fail(position(terminator), traceback=terminator.exception is not None)
        elif isinstance(terminator, tir.Unwind):
            self.fail(position(terminator), traceback=False)
        else:
            self.emit_for_iter(terminator)

    def emit_for_iter(self, terminator: tir.ForIter) -> None:
        blocks = self.version.blocks
        list_items.for_step(self, terminator, blocks[terminator.body], blocks[terminator.exit], self.version.fast_words,
                            may_be_list=terminator.iterator not in self.range_iterators)
