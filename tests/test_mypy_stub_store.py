"""The store of mypy's stub analysis (analysis/mypy_stub_store.py) changes nothing but the time:
the same verdicts, expression types and mypy errors as a build from source, the user's modules
always analysed from source (never loaded from the store, even when they shadow a stub)."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from tpy2wasm.analysis.lower import lower_program
from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.printer import format_function
from tpy2wasm.analysis.typed_ast import TypedProgram, build_typed_program

PROGRAMS = Path(__file__).parent / "programs"


def _decisions(program: TypedProgram) -> tuple[list[tuple[object, ...]], list[str]]:
    """What the compiler makes of mypy's analysis: the verdicts, and the IR of the native functions."""
    report = check_program(program)
    verdicts: list[tuple[object, ...]] = sorted((v.qualname, sorted(v.reasons)) for v in report.functions)
    return verdicts, [format_function(function) for function in lower_program(program, report)]


def _user_types(program: TypedProgram) -> list[tuple[int, int, str]]:
    return sorted((expr.line, expr.column, str(type_)) for expr, type_ in program.types.items())


def test_a_stored_analysis_gives_what_a_build_from_source_gives(tmp_path: Path) -> None:
    store = tmp_path / "store"
    for name in ("native_int_words", "native_exc_chaining"):
        script = tmp_path / f"{name}.py"
        shutil.copyfile(PROGRAMS / f"{name}.py", script)
        from_source = build_typed_program(str(script))
        first = build_typed_program(str(script), stub_store=store)  # fills the store
        second = build_typed_program(str(script), stub_store=store)  # loads the stubs from it
        assert any(store.rglob("builtins.data.ff"))
        for stored in (first, second):
            assert _decisions(stored) == _decisions(from_source)
            assert stored.mypy_errors == from_source.mypy_errors
            assert sorted(stored.modules) == sorted(from_source.modules)
            # the user's expressions keep their types (a build from source also exports the stubs')
            assert set(_user_types(second)) <= set(_user_types(stored)) <= set(_user_types(from_source))


def test_user_modules_are_never_stored_and_shadow_the_stubs(tmp_path: Path) -> None:
    store = tmp_path / "store"
    (tmp_path / "uses_random.py").write_text("import random\n\ndef f(n: int) -> int:\n    return random.randint(0, n)\n")
    build_typed_program(str(tmp_path / "uses_random.py"), stub_store=store)  # the stub's random
    assert any(store.rglob("random.meta.ff"))

    (tmp_path / "random.py").write_text("def randint(a: int, b: int) -> str:\n    return 'mine'\n")
    (tmp_path / "main.py").write_text(textwrap.dedent("""
        import random

        def f(n: int) -> int:
            return random.randint(0, n)
        """))
    program = build_typed_program(str(tmp_path / "main.py"), stub_store=store)
    assert sorted(program.modules) == ["__main__", "random"]
    assert any("Incompatible return value type (got \"str\", expected \"int\")" in error
               for error in program.mypy_errors)
    assert not [path for path in store.rglob("*") if path.name.startswith(("__main__.", "main."))]
    again = build_typed_program(str(tmp_path / "main.py"), stub_store=store)
    assert sorted(again.modules) == ["__main__", "random"] and again.mypy_errors == program.mypy_errors
