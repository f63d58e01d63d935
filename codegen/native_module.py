"""The program's native functions as one wasm object: the functions themselves, a thunk per
function that the C wrapper calls with unboxed argument slots, and `tpy2wasm_native_table`
(native.h), which the `__tpy2wasm_native__` decorator looks functions up in.
"""

from __future__ import annotations

from collections.abc import Sequence

import llvmlite.binding as llvm
from llvmlite import ir

from tpy2wasm.analysis.ir import FunctionIR
from tpy2wasm.analysis.rtypes import NONE
from tpy2wasm.codegen.arithmetic import from_slot, to_slot
from tpy2wasm.codegen.boxed_emitter import BoxedEmitter
from tpy2wasm.codegen.function_emitter import FunctionEmitter
from tpy2wasm.codegen.runtime_api import I32, I64, KIND_LETTERS, PTR, PTR_PTR, VOID, llvm_type, runtime_int
from tpy2wasm.codegen.strings import StringPool
from tpy2wasm.codegen.target import TRIPLE, target_machine

_THUNK_TYPE = ir.FunctionType(VOID, [I64.as_pointer(), PTR])
_BOXED_TYPE = ir.FunctionType(PTR, [PTR, PTR_PTR])
"""PyObject *f(PyObject *globals, PyObject *const *args): a boxed function, called directly."""
_ENTRY_TYPE = ir.LiteralStructType([PTR, PTR, _THUNK_TYPE.as_pointer()])


def native_key(function: FunctionIR) -> str:
    """How the decorator names a function: "module.qualname"."""
    return f"{function.module}.{function.qualname}"


def signature(function: FunctionIR) -> str:
    parameters = "".join(KIND_LETTERS[arg.type] for arg in function.args)
    return f"{parameters}>{KIND_LETTERS[function.return_type]}"


def _symbol(function: FunctionIR) -> str:
    return "tpy2wasm.native." + native_key(function)


def native_object(functions: Sequence[FunctionIR], filenames: dict[str, str]) -> bytes:
    """Compiles the functions (`filenames`: module name -> source path, for tracebacks)."""
    module = ir.Module(name="tpy2wasm_native")
    module.triple = TRIPLE
    strings = StringPool(module)
    llvm_functions = {}
    for function in functions:
        function_type = _BOXED_TYPE if function.boxed else ir.FunctionType(
            llvm_type(function.return_type), [PTR, I32, *(llvm_type(arg.type) for arg in function.args)])
        llvm_function = ir.Function(module, function_type, _symbol(function))
        llvm_function.linkage = "internal"
        llvm_functions[native_key(function)] = llvm_function
    for function in functions:
        llvm_function, filename = llvm_functions[native_key(function)], filenames[function.module]
        if function.boxed:
            BoxedEmitter(function, llvm_function, strings, filename).emit()
        else:
            FunctionEmitter(function, llvm_function, llvm_functions, strings, filename).emit()
    entries = [
        ir.Constant(_ENTRY_TYPE, [strings.pointer(native_key(function)), strings.pointer(signature(function)),
                                  _entry_point(module, function, llvm_functions[native_key(function)])])
        for function in functions
    ]
    entries.append(ir.Constant(_ENTRY_TYPE, [ir.Constant(PTR, None), ir.Constant(PTR, None),
                                             ir.Constant(_THUNK_TYPE.as_pointer(), None)]))
    table_type = ir.ArrayType(_ENTRY_TYPE, len(entries))
    table = ir.GlobalVariable(module, table_type, "tpy2wasm_native_table")
    table.global_constant = True
    table.initializer = ir.Constant(table_type, entries)
    return _optimised_object(str(module))


def _entry_point(module: ir.Module, function: FunctionIR, target: ir.Function) -> ir.Constant:
    """What the table points at: a boxed function itself (native.h tells the two apart by
    the signature's 'o' return kind), or the thunk of an unboxed one."""
    if function.boxed:
        return target.bitcast(_THUNK_TYPE.as_pointer())
    return _thunk(module, function, target).bitcast(_THUNK_TYPE.as_pointer())


def _thunk(module: ir.Module, function: FunctionIR, target: ir.Function) -> ir.Function:
    """void thunk(uint64_t *slots, PyObject *globals): slots in, result to slots[0]."""
    thunk = ir.Function(module, _THUNK_TYPE, f"{_symbol(function)}.thunk")
    thunk.linkage = "internal"
    slots, globals_pointer = thunk.args
    builder = ir.IRBuilder(thunk.append_basic_block("entry"))
    arguments = [
        from_slot(builder, builder.load(builder.gep(slots, [ir.Constant(I64, index)])), arg.type)
        for index, arg in enumerate(function.args)
    ]
    budget = builder.load(runtime_int(module, "tpy2wasm_depth_budget"))
    result = builder.call(target, [globals_pointer, budget, *arguments])
    if function.return_type is not NONE:
        builder.store(to_slot(builder, result, function.return_type), slots)
    builder.ret_void()
    return thunk


def _optimised_object(llvm_ir: str) -> bytes:
    """Runs LLVM's -O3 pipeline (mem2reg turns locals into registers), then emits the object."""
    parsed = llvm.parse_assembly(llvm_ir)
    machine = target_machine()
    parsed.data_layout = str(machine.target_data)
    parsed.verify()
    passes = llvm.create_pass_builder(machine, llvm.create_pipeline_tuning_options(speed_level=3))
    passes.getModulePassManager().run(parsed, passes)
    return bytes(machine.emit_object(parsed))
