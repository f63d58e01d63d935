"""The program's native functions as wasm objects: each function's direct entry (words in and
out, codegen/direct_calls.py), its thunk (objects in and out), which CPython's calls enter, and
`tpy2wasm_native_table` (native.h), which the `__tpy2wasm_native__` decorator looks functions up in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import llvmlite.binding as llvm
from llvmlite import ir

from tpy2wasm.analysis.ir import FunctionIR
from tpy2wasm.codegen.function_emitter import FunctionEmitter
from tpy2wasm.codegen.direct_calls import direct_signature, direct_type, emit_thunk
from tpy2wasm.codegen.entry_bindings import closed_functions, entry_bindings
from tpy2wasm.codegen.early_returns import EarlyReturn, early_return
from tpy2wasm.codegen.int_words import called_in_loops, hot_on_words
from tpy2wasm.codegen.parallel import run_forked
from tpy2wasm.codegen.runtime_api import I32, PTR, PTR_PTR
from tpy2wasm.codegen.strings import StringPool
from tpy2wasm.codegen.target import TRIPLE, target_machine

_THUNK_TYPE = ir.FunctionType(PTR, [PTR, PTR_PTR, I32])
"""PyObject *f(PyObject *globals, PyObject *const *args, int depth): a function's thunk."""
_ENTRY_TYPE = ir.LiteralStructType([PTR, PTR, _THUNK_TYPE.as_pointer(), PTR, PTR, PTR])


def native_key(function: FunctionIR) -> str:
    """How the decorator names a function: "module.qualname"."""
    return function.key


def signature(function: FunctionIR) -> str:
    """native.h's signature: a function's thunk takes and returns objects, whatever its direct
    entry makes of them."""
    return f"{'o' * len(function.args)}>o"


def _symbol(function: FunctionIR) -> str:
    return "tpy2wasm.native." + native_key(function)


#: How many IR ops of functions go into one LLVM module: LLVM's time grows faster than the
#: size of a module, so a large program is compiled as several objects.
_CHUNK_OPS = 4000
#: A function with more IR ops than this is not optimised (no passes, and instruction selection
#: without optimisation): LLVM's register allocation and scheduling grow quadratically on it
#: (a 50,000-line program's main() took gigabytes at O1).
_HUGE_FUNCTION_OPS = 400
#: Programs with more IR ops than this compile their chunks in worker processes; below it,
#: forking costs more than it saves.
_PARALLEL_OPS = 2 * _CHUNK_OPS


@dataclass(frozen=True)
class _Chunk:
    """The functions one LLVM module defines (indexes into the program's), whether it holds
    the table, and whether LLVM optimises it.

    Functions hot on words (codegen/int_words.py) are optimised (O3). Another function spends
    its time in the runtime's calls, which no optimisation of its own speeds up, and mem2reg
    would give each of its N stack slots a phi at each of the M failure edges into its shared
    traceback block: O1 made such code twice as large and 8 times slower to compile as none."""

    defined: tuple[int, ...]
    with_table: bool
    optimise: bool


class FunctionEmitError(Exception):
    """The code generator failed on one function: the compiler keeps it in the interpreter."""

    def __init__(self, function: FunctionIR, cause: Exception | str) -> None:
        super().__init__(cause if isinstance(cause, str) else f"{type(cause).__name__}: {cause}")
        self.function = function

    def __reduce__(self) -> tuple[type[FunctionEmitError], tuple[FunctionIR, str]]:
        """Pickled as its function and message, to come back from a worker process."""
        return FunctionEmitError, (self.function, str(self))


def native_objects(functions: Sequence[FunctionIR], filenames: dict[str, str]) -> list[bytes]:
    """Compiles the functions (`filenames`: module name -> source path, for tracebacks) into
    one or more wasm objects; raises FunctionEmitError naming a function that failed."""
    closed = closed_functions(functions)
    chunks = _plan(functions, closed)

    def chunk_object(index: int) -> bytes:
        return _optimised_object(_verified(chunks[index], functions, filenames, closed), chunks[index].optimise)

    parallel = sum(_ops(function) for function in functions) > _PARALLEL_OPS
    return list(run_forked(chunk_object, len(chunks), parallel))


def check_emission(functions: Sequence[FunctionIR], filenames: dict[str, str]) -> None:
    """What native_objects does short of optimising: raises FunctionEmitError the same way."""
    closed = closed_functions(functions)
    for chunk in _plan(functions, closed):
        _verified(chunk, functions, filenames, closed)


def _ops(function: FunctionIR) -> int:
    return sum(len(block.ops) + 1 for block in function.blocks)


def _plan(functions: Sequence[FunctionIR], closed: frozenset[str]) -> list[_Chunk]:
    """The chunks of the functions hot on words (loops, direct calls, closed), optimised unless
    they hold a huge function, then the other functions' chunks, then the table's. A huge
    function is a chunk of its own."""
    called = called_in_loops(functions)
    hot = [hot_on_words(function, function.key in closed, function.key in called) for function in functions]
    word_loops = _chunks([index for index in range(len(functions)) if hot[index]], functions)
    others = _chunks([index for index in range(len(functions)) if not hot[index]], functions)
    return [
        *(_Chunk(chunk, False, not _has_huge(chunk, functions)) for chunk in word_loops),
        *(_Chunk(chunk, False, False) for chunk in others),
        _Chunk((), True, False),
    ]


def _has_huge(chunk: tuple[int, ...], functions: Sequence[FunctionIR]) -> bool:
    return any(_ops(functions[index]) > _HUGE_FUNCTION_OPS for index in chunk)


def _chunks(indexes: list[int], functions: Sequence[FunctionIR]) -> list[tuple[int, ...]]:
    chunks: list[list[int]] = []
    size = 0
    for index in indexes:
        ops = _ops(functions[index])
        if not chunks or size + ops > _CHUNK_OPS or ops > _HUGE_FUNCTION_OPS:
            chunks.append([])
            size = 0
        chunks[-1].append(index)
        size += ops if ops <= _HUGE_FUNCTION_OPS else _CHUNK_OPS  # a huge function: nothing joins it
    return [tuple(chunk) for chunk in chunks]


def _verified(chunk: _Chunk, functions: Sequence[FunctionIR], filenames: dict[str, str],
              closed: frozenset[str]) -> llvm.ModuleRef:
    """The chunk's parsed, verified module; when LLVM rejects a module of several functions,
    each is tried alone to name the one at fault."""
    defined = [functions[index] for index in chunk.defined]
    try:
        return _parsed(_llvm_module(defined, functions, filenames, chunk.with_table, closed))
    except RuntimeError as error:
        for function in defined if len(defined) > 1 or chunk.with_table else []:
            try:
                _parsed(_llvm_module([function], functions, filenames, False, closed))
            except RuntimeError as alone:
                raise FunctionEmitError(function, alone) from None
        if len(defined) == 1:
            raise FunctionEmitError(defined[0], error) from None
        raise


def _parsed(module: ir.Module) -> llvm.ModuleRef:
    """Parsed into a context of its own, freed with the module: in LLVM's global context the
    constants and types of every chunk would stay alive until the process ends."""
    parsed = llvm.parse_assembly(str(module), context=llvm.create_context())
    parsed.data_layout = str(target_machine().target_data)
    parsed.verify()
    return parsed


def _llvm_module(defined: Sequence[FunctionIR], functions: Sequence[FunctionIR], filenames: dict[str, str],
                 with_table: bool, closed: frozenset[str]) -> ir.Module:
    """A module defining `defined`, with every other function of the program it uses
    declared (hidden symbols: functions call one another across modules).
    `closed`: the program's closed functions (codegen/entry_bindings.py)."""
    module = ir.Module(name="tpy2wasm_native")
    module.triple = TRIPLE
    strings = StringPool(module)
    llvm_functions = _Declarations(module, {native_key(function): function for function in functions})
    called = called_in_loops(functions)
    for function in defined:
        key = native_key(function)
        for llvm_function in (llvm_functions[key], llvm_functions.direct(key)):
            llvm_function.visibility = "hidden"
    for function in defined:
        thunk, filename = llvm_functions[native_key(function)], filenames[function.module]
        try:
            direct = llvm_functions.direct(native_key(function))
            hot = hot_on_words(function, function.key in closed, function.key in called)
            FunctionEmitter(function, direct, llvm_functions, strings, filename, closed=function.key in closed,
                            hot=hot).emit()
            emit_thunk(thunk, direct, function)
        except Exception as error:  # a code generator bug, confined to this function
            raise FunctionEmitError(function, error) from error
    if with_table:
        _table(module, functions, llvm_functions, strings, closed)
    return module


class _Declarations(dict[str, ir.Function]):
    """The LLVM function of each native function (its thunk), declared in the module on first
    use; `direct` gives its direct entry."""

    def __init__(self, module: ir.Module, functions: dict[str, FunctionIR]) -> None:
        super().__init__()
        self._module = module
        self._functions = functions
        self._direct: dict[str, ir.Function] = {}
        self._early_returns: dict[str, EarlyReturn | None] = {}

    def function(self, key: str) -> FunctionIR:
        return self._functions[key]

    def thunk(self, key: str) -> ir.Function:
        return self[key]

    def direct(self, key: str) -> ir.Function:
        if key not in self._direct:
            function = self._functions[key]
            self._direct[key] = ir.Function(self._module, direct_type(function), f"{_symbol(function)}.direct")
        return self._direct[key]

    def early_return(self, key: str) -> EarlyReturn | None:
        if key not in self._early_returns:
            self._early_returns[key] = early_return(self._functions[key])
        return self._early_returns[key]

    def __missing__(self, key: str) -> ir.Function:
        function = self._functions[key]
        self[key] = ir.Function(self._module, _THUNK_TYPE, _symbol(function))
        return self[key]


def _table(module: ir.Module, functions: Sequence[FunctionIR], llvm_functions: _Declarations,
           strings: StringPool, closed: frozenset[str]) -> None:
    """`tpy2wasm_native_table`: each function's key, signature, thunk, entry bindings, direct entry
    and its signature."""
    entries = [
        ir.Constant(_ENTRY_TYPE, [strings.pointer(native_key(function)), strings.pointer(signature(function)),
                                  llvm_functions[native_key(function)],
                                  strings.pointer(bindings) if bindings else ir.Constant(PTR, None),
                                  llvm_functions.direct(native_key(function)).bitcast(PTR),
                                  strings.pointer(direct_signature(function))])
        for function, bindings in zip(functions, entry_bindings(functions, closed))
    ]
    entries.append(ir.Constant(_ENTRY_TYPE, [ir.Constant(PTR, None), ir.Constant(PTR, None),
                                             ir.Constant(_THUNK_TYPE.as_pointer(), None), ir.Constant(PTR, None),
                                             ir.Constant(PTR, None), ir.Constant(PTR, None)]))
    table_type = ir.ArrayType(_ENTRY_TYPE, len(entries))
    table = ir.GlobalVariable(module, table_type, "tpy2wasm_native_table")
    table.global_constant = True
    table.initializer = ir.Constant(table_type, entries)


def _optimised_object(module: llvm.ModuleRef, optimise: bool) -> bytes:
    """Runs LLVM's -O3 pipeline (mem2reg turns locals into registers) when `optimise`, then
    emits the object (with the fast instruction selection otherwise)."""
    machine = target_machine(optimise)
    if optimise:
        passes = llvm.create_pass_builder(machine, llvm.create_pipeline_tuning_options(speed_level=3))
        passes.getModulePassManager().run(module, passes)
    return bytes(machine.emit_object(module))
