"""The two entries of a native function, and calls between native functions that skip CPython
(docs/value-representation.md, section 4).

Each native function is one body, its *direct entry* `word f(PyObject *globals, int depth, word
a1, ...)`: its frame's depth (codegen/frame_depth.py), parameters borrowed, as words of their
types (int, float, bool) or PyObject*, and a new word of its return type out, that type's error
value when an exception is set. The *thunk*, which the NativeFunction object calls from CPython
(native.h's tpy_thunk), turns the argument array into words, calls the direct entry
and boxes its result.

A CallDirect in another native function calls the direct entry when its callee, loaded first as
CPython's LOAD_GLOBAL is, is the NativeFunction its site is bound to (native.h: DirectSite). The
load tests inline that the module's globals are unchanged since the name was found there to
hold it, and then takes no reference: the site keeps one, so the call is right even if the
arguments rebind the name, as CPython calls what it loaded. The callee register then holds NULL,
which every release skips; any other value is a new reference, called through CPython, as
CallObject does, so a rebound or monkeypatched name gives CPython's answer. So does a call
without room in the frame's depth (frame_depth.branch_on_room): CPython raises RecursionError, or
native_function.c goes on in the Python version past the native depth cap.

The fast version of a closed function (codegen/entry_bindings.py) neither loads nor tests: its
callees' names are known to hold, checked where it was entered, so the callee register is NULL
and the call direct while the depth leaves room; past it, the name is loaded to call it
through CPython.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.ir_operands import operands
from tpy2wasm.analysis.rtypes import BOOL_WORD, FLOAT_WORD, INT_WORD, OBJECT, WORDS
from tpy2wasm.codegen import frame_depth, words
from tpy2wasm.codegen.bool_words import fast_result, word_is_fast
from tpy2wasm.codegen.early_returns import EarlyReturn
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.object_fields import DICT_VERSION, load_field, load_global_item
from tpy2wasm.codegen.runtime_api import I32, NAME_CACHE, PTR, declare
from tpy2wasm.codegen.strings import StringPool


class NativeEntries(Protocol):
    """The LLVM functions of the program's native functions, by native key, declared on use."""

    def function(self, key: str) -> tir.FunctionIR: ...
    def thunk(self, key: str) -> ir.Function: ...
    def direct(self, key: str) -> ir.Function: ...
    def early_return(self, key: str) -> EarlyReturn | None: ...


class CallingEmitter(Protocol):
    builder: ir.IRBuilder
    llvm_function: ir.Function
    globals_pointer: ir.Value
    strings: StringPool
    callee_names: dict[int, str]  # the global each CallDirect's callee register loads

    @property
    def depth(self) -> ir.Value:
        """The frame's depth (codegen/frame_depth.py)."""

    @property
    def callees_bound(self) -> bool: ...

    def known_fast(self, register: tir.Register) -> bool: ...
    def define(self, register: tir.Register, value: ir.Value) -> None: ...
    def transfer_unless(self, condition: ir.Value | None, releasing: ir.Value | None = None,
                        after: bool = False) -> None: ...
    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value: ...
    def fail_if(self, condition: ir.Value, where: tir.Position, traceback: bool = True) -> None: ...
    def value(self, register: tir.Register) -> ir.Value: ...
    def call_with_array(self, name: str, values: list[ir.Value], *before: ir.Value,
                        after: tuple[ir.Value, ...] = ()) -> ir.Value: ...
    def retain(self, value: ir.Value) -> None: ...
    def release(self, value: ir.Value) -> None: ...
    def cache(self, cache_type: ir.Type = PTR) -> ir.GlobalVariable: ...
    def direct_site(self, call: tob.CallDirect) -> ir.GlobalVariable: ...


def direct_type(function: tir.FunctionIR) -> ir.FunctionType:
    """`word f(PyObject *globals, int depth, word a1, ...)`, each word the LLVM type of its
    value's slot."""
    return ir.FunctionType(words.slot_type(function.return_type),
                           [PTR, frame_depth.DEPTH, *(words.slot_type(arg.type) for arg in function.args)])


def direct_signature(function: tir.FunctionIR) -> str:
    """native.h's direct_signature: the runtime types of the direct entry's parameters and result,
    a letter each ("of>f": an object and a float word in, a float word out). A call site may call
    any native function's direct entry that has the signature of the one it was compiled for."""
    letters = {OBJECT: "o", INT_WORD: "i", FLOAT_WORD: "f", BOOL_WORD: "b"}
    return "".join(letters[arg.type] for arg in function.args) + ">" + letters[function.return_type]


def callee_loads(function: tir.FunctionIR) -> dict[int, tob.CallDirect]:
    """The CallDirect whose callee each register is: a LoadGlobal of that name, which nothing
    else uses (analysis/lower_objects.py lowers every CallDirect so)."""
    calls = {op.callee.number: op for block in function.blocks for op in block.ops if isinstance(op, tob.CallDirect)}
    loads = {op.dest.number for block in function.blocks for op in block.ops
             if isinstance(op, tir.LoadGlobal) and op.dest is not None and op.dest.number in calls}
    uses = Counter(register.number for block in function.blocks for op in block.ops if not isinstance(op, tob.DecRef)
                   for register in operands(op))
    assert loads == calls.keys() and all(uses[number] == 1 for number in calls), function.name
    return calls


def load_callee(emitter: CallingEmitter, op: tir.LoadGlobal, call: tob.CallDirect, entries: NativeEntries) -> ir.Value:
    """LOAD_GLOBAL of `call`'s callee: NULL when it is the site's callee (no reference taken),
    else a new reference to the global's value. (No out-parameter: a stack slot whose address a
    call takes would give every call of the function a stack frame.)"""
    if emitter.callees_bound:
        return ir.Constant(PTR, None)
    builder = emitter.builder
    site = emitter.direct_site(call)
    known = builder.icmp_unsigned("==", _site_item(builder, site, 1), load_field(builder, emitter.globals_pointer, DICT_VERSION))
    start = builder.block
    loaded, done = emitter.llvm_function.append_basic_block("callee.load"), emitter.llvm_function.append_basic_block("callee")
    builder.cbranch(known, done, loaded).set_weights([1000, 1])
    builder.position_at_end(loaded)
    value = emitter.call_runtime("tpy2wasm_load_callee", emitter.globals_pointer, emitter.strings.pointer(op.name),
                                 emitter.cache(NAME_CACHE), site, entries.thunk(call.function).bitcast(PTR))
    null = builder.icmp_unsigned("==", value, ir.Constant(PTR, None))
    failed = builder.and_(null, builder.icmp_unsigned("!=", emitter.call_runtime("PyErr_Occurred"), ir.Constant(PTR, None)))
    emitter.fail_if(failed, position(op))
    loaded_end = builder.block
    builder.branch(done)
    builder.position_at_end(done)
    callee = builder.phi(PTR)
    callee.add_incoming(ir.Constant(PTR, None), start)
    callee.add_incoming(value, loaded_end)
    return callee


def emit_call(emitter: CallingEmitter, op: tob.CallDirect, entries: NativeEntries) -> None:
    """Defines the new word or reference `op` computes: the direct entry's result when the
    callee is the site's and the frame's depth leaves room, else CPython's call. In the fast
    version, a result that is not a fast word transfers to the generic version after the call;
    a fast one, the usual result, is tested once, for both that and an error."""
    builder, new_block = emitter.builder, emitter.llvm_function.append_basic_block
    callee = emitter.value(op.callee)
    known = builder.icmp_unsigned("==", callee, ir.Constant(PTR, None))
    direct, generic, join = new_block("call.direct"), new_block("call.generic"), new_block("call.done")
    check_room = new_block("call.room")
    builder.cbranch(known, check_room, generic).set_weights([1000, 1])
    builder.position_at_end(check_room)
    frame_depth.branch_on_room(builder, emitter.depth, direct, generic)
    fast_word = emitter.known_fast(op.dest)
    fast_incoming: list[tuple[ir.Value, ir.Block]] = []
    slow_incoming: list[tuple[ir.Value, ir.Block]] = []
    slow_join = new_block("call.slow") if fast_word else join
    builder.position_at_end(direct)
    arguments = [emitter.value(arg) for arg in op.args]
    early = entries.early_return(op.function) if fast_word else None
    if early is not None and all(emitter.known_fast(op.args[index]) and op.args[index].type is INT_WORD
                                 for index in early.parameters):  # codegen/early_returns.py
        called = new_block("call.made")
        fast_incoming.append((early.value.word(arguments), builder.block))
        builder.cbranch(early.applies(builder, arguments), join, called)
        builder.position_at_end(called)
    depth = builder.add(emitter.depth, ir.Constant(frame_depth.DEPTH, 1))
    result = builder.call(entries.direct(op.function), [emitter.globals_pointer, depth, *arguments])
    if fast_word:
        checked = new_block("call.checked")
        builder.cbranch(fast_result(builder, result, op.dest.type), join, checked).set_weights([1000, 1])
        fast_incoming.append((result, builder.block))
        builder.position_at_end(checked)
    emitter.fail_if(words.is_empty(builder, result), position(op))
    slow_incoming.append((result, builder.block))
    builder.branch(slow_join)
    builder.position_at_end(generic)
    if emitter.callees_bound:  # past the depth ceiling: the global holds the callee
        callee = emitter.call_runtime("tpy2wasm_load_name", emitter.globals_pointer,
                                      emitter.strings.pointer(emitter.callee_names[op.callee.number]),
                                      emitter.cache(NAME_CACHE))
        emitter.fail_if(builder.icmp_unsigned("==", callee, ir.Constant(PTR, None)), position(op))
        result = generic_result(emitter, callee, op.args, op.dest)
        emitter.release(callee)
    else:
        bound = _site_item(builder, emitter.direct_site(op), 0)
        result = generic_result(emitter, builder.select(known, bound, callee), op.args, op.dest)
    emitter.fail_if(words.is_empty(builder, result), position(op))
    slow_incoming.append((result, builder.block))
    builder.branch(slow_join)
    builder.position_at_end(slow_join)
    value = words.joined(builder, op.dest.type, slow_incoming)
    if fast_word:  # a value entering the fast version, after the call's effects
        emitter.define(op.dest, value)
        emitter.transfer_unless(word_is_fast(builder, value, op.dest.type), after=True)
        fast_incoming.append((value, builder.block))
        builder.branch(join)
        builder.position_at_end(join)
        value = words.joined(builder, op.dest.type, fast_incoming)
    emitter.define(op.dest, value)


def _site_item(builder: ir.IRBuilder, site: ir.Value, index: int) -> ir.Value:
    return load_global_item(builder, site, ir.Constant(I32, index))


def generic_result(emitter: CallingEmitter, callee: ir.Value, args: Sequence[tir.Register],
                   dest: tir.Register) -> ir.Value:
    """CPython's call of `callee` on `args` as objects; its result as a word of `dest`'s type
    (NULL or the type's error value when it raised)."""
    arguments: list[ir.Value] = []
    for arg in args:
        value = emitter.value(arg)
        if arg.type in WORDS:
            value = emitter.call_runtime(words.BOX[arg.type], value)
        else:
            emitter.retain(value)
        arguments.append(value)
    result = emitter.call_with_array("tpy2wasm_call_owned", arguments, callee, after=(ir.Constant(I32, len(arguments)),))
    if dest.type not in WORDS:
        return result
    builder = emitter.builder
    made = emitter.llvm_function.append_basic_block("call.word")
    start = builder.block
    done = emitter.llvm_function.append_basic_block("call.converted")
    builder.cbranch(builder.icmp_unsigned("==", result, ir.Constant(PTR, None)), done, made)
    builder.position_at_end(made)
    word = emitter.call_runtime(words.FROM_OBJECT[dest.type], result)
    emitter.release(result)
    converted = builder.block
    builder.branch(done)
    builder.position_at_end(done)
    phi = builder.phi(word.type)
    phi.add_incoming(words.empty(word.type), start)
    phi.add_incoming(word, converted)
    return phi


def emit_thunk(thunk: ir.Function, direct: ir.Function, function: tir.FunctionIR) -> None:
    """`PyObject *f(PyObject *globals, PyObject *const *args, int depth)`: the arguments as words
    of the parameters' types, the direct entry, its result as a new reference (NULL on an error)."""
    module = thunk.module
    builder = ir.IRBuilder(thunk.append_basic_block("entry"))
    globals_pointer, args_pointer, depth = thunk.args
    arguments: list[ir.Value] = []
    made: list[ir.Value] = []
    for index, arg in enumerate(function.args):
        value = builder.load(builder.gep(args_pointer, [ir.Constant(I32, index)], inbounds=True))
        if arg.type in WORDS:
            value = builder.call(declare(module, words.FROM_OBJECT[arg.type]), [value])
            made.append(value)
        arguments.append(value)
    result = builder.call(direct, [globals_pointer, depth, *arguments])
    for word in made:
        _release_word(builder, word)
    if function.return_type not in WORDS:
        builder.ret(result)
        return
    failed = thunk.append_basic_block("failed")
    boxed = thunk.append_basic_block("box")
    builder.cbranch(words.is_empty(builder, result), failed, boxed)
    builder.position_at_end(failed)
    builder.ret(ir.Constant(PTR, None))
    builder.position_at_end(boxed)
    box = builder.call(declare(module, words.BOX[function.return_type]), [result])
    _release_word(builder, result)
    builder.ret(box)


def _release_word(builder: ir.IRBuilder, word: ir.Value) -> None:
    holds, held = words.held_object(builder, word)
    assert holds is not None, word
    with builder.if_then(holds):
        builder.call(declare(builder.module, "Py_DecRef"), [held])
