"""The two entries of a boxed function, and calls between boxed functions that skip CPython
(docs/value-representation.md, section 4).

Each boxed function is one body, its *direct entry* `word f(PyObject *globals, word a1, ...)`:
parameters borrowed, as words of their types (int, float, bool) or PyObject*, and a new word of
its return type out, that type's error value when an exception is set. The *thunk*, which the
NativeFunction object calls from CPython (native.h's tpy_boxed_function), turns the argument
array into words, calls the direct entry and boxes its result.

A CallDirect in another boxed function calls the direct entry while the callee global still
names that function's NativeFunction: the site's cache (runtime_api.DIRECT_SITE) keeps the
object tpy2wasm_enter_direct found right, so an inline pointer compare and a test of the boxed
depth decide, and the call is counted, and the depth kept, inline as the NativeFunction's own
call would; otherwise it calls the global through CPython, as CallObject does, so a rebound or
monkeypatched name gives CPython's answer, and so does recursion past the boxed depth cap
(native_function.c continues it in the Python version).
"""

from __future__ import annotations

from typing import Protocol

from llvmlite import ir

from tpy2wasm.analysis import ir as tir
from tpy2wasm.analysis import ir_objects as tob
from tpy2wasm.analysis.rtypes import WORDS
from tpy2wasm.codegen import words
from tpy2wasm.codegen.positions import position
from tpy2wasm.codegen.runtime_api import DIRECT_SITE, I32, PTR, declare, runtime_int


class BoxedEntries(Protocol):
    """The LLVM functions of the program's boxed functions, by native key, declared on use."""

    def thunk(self, key: str) -> ir.Function: ...
    def direct(self, key: str) -> ir.Function: ...


class CallingEmitter(Protocol):
    builder: ir.IRBuilder
    llvm_function: ir.Function
    globals_pointer: ir.Value

    def call_runtime(self, name: str, *arguments: ir.Value) -> ir.Value: ...
    def fail_if(self, condition: ir.Value, where: tir.Position, traceback: bool = True) -> None: ...
    def value(self, register: tir.Register) -> ir.Value: ...
    def value_array(self, values: list[ir.Value]) -> ir.Value: ...
    def retain(self, value: ir.Value) -> None: ...
    def release(self, value: ir.Value) -> None: ...
    def cache(self, cache_type: ir.Type = PTR) -> ir.GlobalVariable: ...


def direct_type(function: tir.FunctionIR) -> ir.FunctionType:
    """`word f(PyObject *globals, word a1, ...)`, each word the LLVM type of its value's slot."""
    return ir.FunctionType(words.slot_type(function.return_type),
                           [PTR, *(words.slot_type(arg.type) for arg in function.args)])


def emit_call(emitter: CallingEmitter, op: tob.CallDirect, entries: BoxedEntries) -> ir.Value:
    """The new word or reference `op` computes: the direct entry's result when the global is
    still the callee's NativeFunction and the boxed depth leaves room, else CPython's call."""
    builder, new_block = emitter.builder, emitter.llvm_function.append_basic_block
    callee = emitter.value(op.callee)
    site = emitter.cache(DIRECT_SITE)
    depth = runtime_int(builder.module, "tpy2wasm_boxed_depth")
    level = builder.load(depth)
    known = builder.icmp_unsigned("==", callee, builder.load(_field(builder, site, 0)))
    room = builder.icmp_signed("<", level, builder.load(runtime_int(builder.module, "tpy2wasm_boxed_depth_cap")))
    counted, check = new_block("call.counted"), new_block("call.check")
    direct, generic, join = new_block("call.direct"), new_block("call.generic"), new_block("call.done")
    builder.cbranch(builder.and_(known, room), counted, check)
    builder.position_at_end(counted)  # what tpy2wasm_enter_direct does once the site knows the callee
    for field in (1, 2):
        count = builder.bitcast(builder.load(_field(builder, site, field)), I32.as_pointer())  # a Py_ssize_t
        builder.store(builder.add(builder.load(count), ir.Constant(I32, 1)), count)
    builder.store(builder.add(level, ir.Constant(I32, 1)), depth)
    builder.branch(direct)
    builder.position_at_end(check)
    thunk = entries.thunk(op.function).bitcast(PTR)
    entered = emitter.call_runtime("tpy2wasm_enter_direct", callee, thunk, emitter.globals_pointer, site)
    builder.cbranch(builder.icmp_signed("!=", entered, ir.Constant(I32, 0)), direct, generic)
    incoming: list[tuple[ir.Value, ir.Block]] = []
    for block, emit in ((direct, _direct_result), (generic, _generic_result)):
        builder.position_at_end(block)
        result = emit(emitter, op, entries)
        emitter.fail_if(words.is_empty(builder, result), position(op))
        incoming.append((result, builder.block))
        builder.branch(join)
    builder.position_at_end(join)
    result = builder.phi(words.slot_type(op.dest.type))
    for value, block in incoming:
        result.add_incoming(value, block)
    return result


def _field(builder: ir.IRBuilder, site: ir.Value, index: int) -> ir.Value:
    return builder.gep(site, [ir.Constant(I32, 0), ir.Constant(I32, index)])


def _direct_result(emitter: CallingEmitter, op: tob.CallDirect, entries: BoxedEntries) -> ir.Value:
    builder = emitter.builder
    result = builder.call(entries.direct(op.function), [emitter.globals_pointer, *(emitter.value(arg) for arg in op.args)])
    depth = runtime_int(builder.module, "tpy2wasm_boxed_depth")  # one level up again
    builder.store(builder.sub(builder.load(depth), ir.Constant(I32, 1)), depth)
    return result


def _generic_result(emitter: CallingEmitter, op: tob.CallDirect, entries: BoxedEntries) -> ir.Value:
    """CPython's call of the global on the arguments as objects; its result as a word of the
    callee's return type (NULL or the type's error value when it raised)."""
    arguments: list[ir.Value] = []
    for arg in op.args:
        value = emitter.value(arg)
        if arg.type in WORDS:
            value = emitter.call_runtime(words.BOX[arg.type], value)
        else:
            emitter.retain(value)
        arguments.append(value)
    result = emitter.call_runtime("tpy2wasm_call_owned", emitter.value(op.callee), emitter.value_array(arguments),
                                  ir.Constant(I32, len(arguments)))
    if op.dest.type not in WORDS:
        return result
    builder = emitter.builder
    made = emitter.llvm_function.append_basic_block("call.word")
    start = builder.block
    done = emitter.llvm_function.append_basic_block("call.converted")
    builder.cbranch(builder.icmp_unsigned("==", result, ir.Constant(PTR, None)), done, made)
    builder.position_at_end(made)
    word = emitter.call_runtime(words.FROM_OBJECT[op.dest.type], result)
    emitter.release(result)
    converted = builder.block
    builder.branch(done)
    builder.position_at_end(done)
    phi = builder.phi(word.type)
    phi.add_incoming(words.empty(word.type), start)
    phi.add_incoming(word, converted)
    return phi


def emit_thunk(thunk: ir.Function, direct: ir.Function, function: tir.FunctionIR) -> None:
    """`PyObject *f(PyObject *globals, PyObject *const *args)`: the arguments as words of the
    parameters' types, the direct entry, its result as a new reference (NULL on an error)."""
    module = thunk.module
    builder = ir.IRBuilder(thunk.append_basic_block("entry"))
    globals_pointer, args_pointer = thunk.args
    arguments: list[ir.Value] = []
    made: list[ir.Value] = []
    for index, arg in enumerate(function.args):
        value = builder.load(builder.gep(args_pointer, [ir.Constant(I32, index)]))
        if arg.type in WORDS:
            value = builder.call(declare(module, words.FROM_OBJECT[arg.type]), [value])
            made.append(value)
        arguments.append(value)
    result = builder.call(direct, [globals_pointer, *arguments])
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
