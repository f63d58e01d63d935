"""Guards what keeps a large program's compile fast and small (a 50,000-line program in about
a minute, under 2 GiB): functions that are not hot on words emit compact LLVM IR (one shared
traceback path per handler, decrements as calls), only functions hot on words (loops on words,
direct calls, closed) get optimisation passes, and chunks compile in forked workers exactly as
they would in this process."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tpy2wasm.analysis.ir import FunctionIR
from tpy2wasm.analysis.lower import lower_program
from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.rtypes import OBJECT
from tpy2wasm.analysis.typed_ast import build_typed_program
from tpy2wasm.codegen import native_module
from tpy2wasm.codegen.entry_bindings import closed_functions
from tpy2wasm.codegen.native_module import FunctionEmitError
from tpy2wasm.codegen.parallel import run_forked

GENERATOR = Path(__file__).parent.parent / "bench" / "gen_large_program.py"
#: Source lines of the generator's printer (bench/gen_large_program.py, _printer).
PRINTER_LINES = 5
#: LLVM IR lines per source line of a function that is not hot on words: 322 when every failure site had its own
#: block and every decrement was inline (the 50,000-line program took 5 minutes); 100 with
#: objects only, 147 since its `n % 2 == 0` computes on int words with inline fast paths, 124
#: since the refcount pass places the releases (a register's definition no longer releases).
MAX_IR_LINES_PER_SOURCE_LINE = 160


def _generated(tmp_path: Path, lines: int) -> tuple[list[FunctionIR], dict[str, str]]:
    spec = importlib.util.spec_from_file_location("gen_large_program", GENERATOR)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    script = tmp_path / "large.py"
    script.write_text(generator.generate(lines))
    typed = build_typed_program(str(script))
    functions = lower_program(typed, check_program(typed))
    return functions, {module: typed.modules[module].path for module in typed.modules}


def test_functions_not_hot_on_words_emit_compact_ir(tmp_path: Path) -> None:
    functions, filenames = _generated(tmp_path, 400)
    printers = [function for function in functions if function.qualname.startswith("printer_")]
    assert len(printers) > 10
    text = str(native_module._llvm_module(printers, functions, filenames, False, closed_functions(functions)))
    body = [line for line in text.splitlines() if not line.startswith("declare")]
    per_line = len(body) / (len(printers) * PRINTER_LINES)
    assert per_line <= MAX_IR_LINES_PER_SOURCE_LINE


def test_only_functions_hot_on_words_are_optimised(tmp_path: Path) -> None:
    """The 50,000-line program's main() (7,000 calls) took gigabytes under O1, and code that is
    not hot on words grows quadratically under any pipeline: huge functions and the printers get
    no passes, the kernels (loops on words) O3, in chunks, a huge one alone."""
    functions, _ = _generated(tmp_path, 3000)
    plan = native_module._plan(functions, closed_functions(functions))
    by_name = {functions[index].qualname: chunk for chunk in plan for index in chunk.defined}
    assert len(by_name["main"].defined) == 1 and not by_name["main"].optimise
    assert not any(by_name[function.qualname].optimise for function in functions
                   if function.qualname.startswith("printer_"))
    kernels = {by_name[function.qualname] for function in functions if function.qualname.startswith(("int_kernel_",
                                                                                                     "float_kernel_"))}
    assert len(kernels) > 1 and all(chunk.optimise for chunk in kernels)
    assert sorted(index for chunk in plan for index in chunk.defined) == list(range(len(functions)))
    assert [chunk.with_table for chunk in plan].count(True) == 1 and plan[-1].with_table


def test_loops_on_int_words_are_optimised(tmp_path: Path) -> None:
    """A typed loop in a function that prints runs on int words' inline fast paths, which
    need mem2reg, and so does a closed function, all word operations, which the interpreter
    may call in its loops, a function native code calls in a loop, and a method; the function
    around a loop without words does not get the passes, nor one called once."""
    script = tmp_path / "loops.py"
    script.write_text("def count(n: int) -> None:\n    i = 0\n    while i < n:\n        i += 1\n    print(i)\n\n"
                      "def show(text: str) -> None:\n    for letter in text:\n        print(letter)\n\n"
                      "def scale(x: int) -> int:\n    return x * 3 + 1\n\n"
                      "def step(x: int) -> int:\n    print(x)\n    return x + 1\n\n"
                      "def once(x: int) -> int:\n    print(x)\n    return x + 2\n\n"
                      "def walk(n: int) -> int:\n    for i in range(n):\n        n = step(n)\n    return once(n)\n\n"
                      "class C:\n    def m(self, x: int) -> int:\n        print(x)\n        return x - 1\n")
    typed = build_typed_program(str(script))
    functions = lower_program(typed, check_program(typed))
    plan = native_module._plan(functions, closed_functions(functions))
    optimised = {functions[index].qualname: chunk.optimise for chunk in plan for index in chunk.defined}
    assert optimised == {"count": True, "show": False, "scale": True, "step": True, "once": False, "walk": True,
                         "C.m": True}


def _square_or_fail(index: int) -> int:
    if index == 3:
        raise FunctionEmitError(FunctionIR("f", "f", "m", (), OBJECT, (), 1), "ValueError: chunk 3")
    return index * index


def test_forked_jobs_return_results_in_order_and_raise_emit_errors() -> None:
    assert list(run_forked(lambda index: index * index, 5, parallel=True)) == [0, 1, 4, 9, 16]
    with pytest.raises(FunctionEmitError, match="ValueError: chunk 3") as raised:
        run_forked(_square_or_fail, 5, parallel=True)
    assert raised.value.function.qualname == "f"
