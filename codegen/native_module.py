"""The program's native functions as one wasm object: the functions themselves, a thunk per
function that the C wrapper calls with unboxed argument slots, and `tpy2wasm_native_table`
(native.h), which the `__tpy2wasm_native__` decorator looks functions up in.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

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
    """native.h's signature: a boxed function takes objects, whatever it makes of them."""
    parameters = "".join("o" if function.boxed else KIND_LETTERS[arg.type] for arg in function.args)
    return f"{parameters}>{KIND_LETTERS[function.return_type]}"


def _symbol(function: FunctionIR) -> str:
    return "tpy2wasm.native." + native_key(function)


#: How many IR ops of functions go into one LLVM module: LLVM's time grows faster than the
#: size of a module, so a large program is compiled as several objects. A program that fits
#: in one (every benchmark does) keeps its functions internal, free to inline one another.
_CHUNK_OPS = 4000
#: A function with more IR ops than this gets a light pipeline (O1, and instruction selection
#: without optimisation): LLVM's register allocation and scheduling grow quadratically on it.
_HUGE_FUNCTION_OPS = 400


class FunctionEmitError(Exception):
    """The code generator failed on one function: the compiler keeps it in the interpreter."""

    def __init__(self, function: FunctionIR, cause: Exception) -> None:
        super().__init__(f"{type(cause).__name__}: {cause}")
        self.function = function


def native_objects(functions: Sequence[FunctionIR], filenames: dict[str, str]) -> list[bytes]:
    """Compiles the functions (`filenames`: module name -> source path, for tracebacks) into
    one or more wasm objects; raises FunctionEmitError naming a function that failed."""
    return [_optimised_object(module, light) for module, light in _verified_modules(functions, filenames)]


def check_emission(functions: Sequence[FunctionIR], filenames: dict[str, str]) -> None:
    """What native_objects does short of optimising: raises FunctionEmitError the same way."""
    for _ in _verified_modules(functions, filenames):
        pass


def _ops(function: FunctionIR) -> int:
    return sum(len(block.ops) + 1 for block in function.blocks)


def _chunks(functions: Sequence[FunctionIR]) -> list[list[FunctionIR]]:
    chunks: list[list[FunctionIR]] = [[]]
    size = 0
    for function in functions:
        ops = _ops(function)
        if chunks[-1] and (size + ops > _CHUNK_OPS or ops > _HUGE_FUNCTION_OPS):
            chunks.append([])
            size = 0
        chunks[-1].append(function)
        size += ops
    return chunks


def _verified_modules(functions: Sequence[FunctionIR],
                      filenames: dict[str, str]) -> Iterator[tuple[llvm.ModuleRef, bool]]:
    """Each chunk's parsed and verified LLVM module, and whether it gets the light pipeline;
    then the one with the table (with the functions when they all fit in one chunk)."""
    chunks = _chunks(functions)
    single = len(chunks) == 1
    for chunk in chunks if not single else []:
        yield _verified(chunk, functions, filenames, with_table=False), any(
            _ops(function) > _HUGE_FUNCTION_OPS for function in chunk)
    defined = functions if single else []
    yield _verified(defined, functions, filenames, with_table=True), any(
        _ops(function) > _HUGE_FUNCTION_OPS for function in defined)


def _verified(defined: Sequence[FunctionIR], functions: Sequence[FunctionIR], filenames: dict[str, str],
              with_table: bool) -> llvm.ModuleRef:
    """The parsed, verified module; when LLVM rejects a module of several functions, each is
    tried alone to name the one at fault."""
    try:
        return _parsed(_llvm_module(defined, functions, filenames, with_table))
    except RuntimeError as error:
        for function in defined if len(defined) > 1 or with_table else []:
            try:
                _parsed(_llvm_module([function], functions, filenames, with_table=False))
            except RuntimeError as alone:
                raise FunctionEmitError(function, alone) from None
        if len(defined) == 1:
            raise FunctionEmitError(defined[0], error) from None
        raise


def _parsed(module: ir.Module) -> llvm.ModuleRef:
    parsed = llvm.parse_assembly(str(module))
    parsed.data_layout = str(target_machine().target_data)
    parsed.verify()
    return parsed


def _llvm_module(defined: Sequence[FunctionIR], functions: Sequence[FunctionIR], filenames: dict[str, str],
                 with_table: bool) -> ir.Module:
    """A module defining `defined`, with every other function of the program it uses
    declared; internal symbols when it holds the whole program, hidden ones otherwise."""
    module = ir.Module(name="tpy2wasm_native")
    module.triple = TRIPLE
    strings = StringPool(module)
    whole_program = with_table and len(defined) == len(functions)
    llvm_functions = _Declarations(module, {native_key(function): function for function in functions})
    for function in defined:
        llvm_function = llvm_functions[native_key(function)]
        if whole_program:
            llvm_function.linkage = "internal"
        else:
            llvm_function.visibility = "hidden"
    for function in defined:
        llvm_function, filename = llvm_functions[native_key(function)], filenames[function.module]
        try:
            if function.boxed:
                BoxedEmitter(function, llvm_function, strings, filename).emit()
            else:
                FunctionEmitter(function, llvm_function, llvm_functions, strings, filename).emit()
        except Exception as error:  # a code generator bug, confined to this function
            raise FunctionEmitError(function, error) from error
    if with_table:
        _table(module, functions, llvm_functions, strings)
    return module


class _Declarations(dict[str, ir.Function]):
    """The LLVM function of each native function, declared in the module on first use."""

    def __init__(self, module: ir.Module, functions: dict[str, FunctionIR]) -> None:
        super().__init__()
        self._module = module
        self._functions = functions

    def __missing__(self, key: str) -> ir.Function:
        function = self._functions[key]
        function_type = _BOXED_TYPE if function.boxed else ir.FunctionType(
            llvm_type(function.return_type), [PTR, I32, *(llvm_type(arg.type) for arg in function.args)])
        self[key] = ir.Function(self._module, function_type, _symbol(function))
        return self[key]


def _table(module: ir.Module, functions: Sequence[FunctionIR], llvm_functions: _Declarations,
           strings: StringPool) -> None:
    """`tpy2wasm_native_table`, and the thunks of the unboxed functions it points at."""
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


def _optimised_object(module: llvm.ModuleRef, light: bool) -> bytes:
    """Runs LLVM's -O3 pipeline (mem2reg turns locals into registers), or the light one of a
    huge function, then emits the object."""
    machine = target_machine(optimise=not light)
    tuning = llvm.create_pipeline_tuning_options(speed_level=1 if light else 3)
    passes = llvm.create_pass_builder(machine, tuning)
    passes.getModulePassManager().run(module, passes)
    return bytes(machine.emit_object(module))
