"""A grid of small programs: which functions are native, and why not (with lines)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.report import NativenessReport, Reason
from tpy2wasm.analysis.typed_ast import build_typed_program

NATIVE: list[tuple[int, str]] = []

# (case id, source, {qualname: expected reasons as (line, message); NATIVE means native})
CASES: list[tuple[str, str, dict[str, list[tuple[int, str]]]]] = [
    ("scalars", """
        def f(a: int, b: float, c: bool) -> float:
            x = a + 1
            y = b * x if c else -b
            return y
        def g() -> None:
            f(1, 2.0, True)
        """, {"f": NATIVE, "g": NATIVE}),
    ("literal_unions", """
        def f(up: bool, x: int) -> int:
            return x + (1 if up else -1)
        def g(a: bool, b: bool) -> bool:
            return (a or b) and True
        """, {"f": NATIVE, "g": NATIVE}),
    ("missing_annotations", """
        def f(x, y: int):
            return y
        """, {"f": [(1, "parameter 'x' has no annotation"), (1, "return has no annotation")]}),
    ("non_scalar_parameter", """
        def f(xs: dict[str, int]) -> int:
            return 1
        def g(xs: list[int]) -> int:
            return xs[0]
        """, {"f": [(1, "parameter 'xs' has type dict[str, int]: dicts, sets, tuples and objects of classes from outside the program stay in the interpreter, which is faster at them")],
              "g": NATIVE}),
    ("non_scalar_return", """
        def f() -> str:
            return "a"
        """, {"f": NATIVE}),
    ("star_args_and_defaults", """
        def f(*args: int, k: int = 1) -> None:
            pass
        def g(a: int = 1, b: float = -2.5, c: bool = True) -> None:
            pass
        """, {"f": [(1, "parameter 'args' is *args, **kwargs or keyword-only"),
                    (1, "parameter 'k' is *args, **kwargs or keyword-only")],
              "g": NATIVE}),
    ("non_scalar_local", """
        def f() -> int:
            xs = (1, 2)
            return 0
        """, {"f": [(2, "local 'xs' has type tuple[int, int]: dicts, sets, tuples and objects of classes from outside the program stay in the interpreter, which is faster at them")]}),
    ("uses_any", """
        from typing import Any
        def f(a: int, b: Any) -> int:
            return a + b
        """, {"f": [(2, "parameter 'b' has type Any")]}),
    ("calls_eval_and_print", """
        def f() -> None:
            print(1)
            eval("1")
        """, {"f": NATIVE}),
    ("statements_on_objects", """
        def f(a: int) -> int:
            try:
                a += 1
            finally:
                pass
            with open("x"):
                pass
            assert a
            return a
        def g(a: int) -> int:
            def inner() -> int:
                return a
            return inner()
        """, {"f": NATIVE,
              "g": NATIVE}),
    ("for_loops", """
        def ok(n: int) -> int:
            t = 0
            for i in range(1, n, 3):
                t += i
            return t
        def over_list() -> None:
            for x in [1, 2]:
                pass
        def variable_step(s: int) -> None:
            for i in range(0, 10, s):
                pass
        def loop_else() -> None:
            for i in range(3):
                pass
            else:
                pass
        """, {"ok": NATIVE,
              "over_list": NATIVE,
              "variable_step": NATIVE,
              "loop_else": NATIVE}),
    ("range_counters", """
        def counted(n: int) -> int:
            t = 0
            for _ in range(n):
                t += 1
            return t
        def reused(n: int) -> int:
            for _ in range(n):
                pass
            _ = "x"
            return n
        """, {"counted": NATIVE,
              "reused": NATIVE}),
    ("globals", """
        limit: int = 3
        table: dict[str, int] = {}
        def ok() -> None:
            global limit
            limit = limit * 2
        def bad() -> int:
            global table
            return len(table)
        """, {"ok": NATIVE,
              "bad": NATIVE}),
    ("expressions", """
        import math
        def ok(a: int, b: float) -> float:
            c = math.sqrt(b) + math.ceil(b) + min(a, 2) + int(b) + float(a)
            return c if 0 < a < 10 and not b else a / 3
        def strings(a: int) -> int:
            s = str(a)
            return a
        def lambdas(a: int) -> int:
            f = lambda: a
            return a
        def membership(a: int) -> bool:
            return a in (1, 2)
        """, {"ok": NATIVE,
              "strings": NATIVE,
              "lambdas": NATIVE,
              "membership": NATIVE}),
    ("fixed_point", """
        def leaf(x: int) -> int:
            return len(str(x))
        def middle(x: int) -> int:
            return leaf(x) + 1
        def top() -> int:
            return middle(1) * 2
        def recursive(n: int) -> int:
            return n if n < 2 else recursive(n - 1)
        """, {"leaf": NATIVE,
              "middle": NATIVE,
              "top": NATIVE,
              "recursive": NATIVE}),
    ("recursion_defaults_dead_code", """
        def count(a: int, b: int = 3) -> int:
            return count(a - 1) if a > 0 else b
        def early(a: int) -> int:
            return a
            print(a)
        def mutual_a(n: int) -> int:
            return mutual_b(n - 1) if n else len("x")
        def mutual_b(n: int) -> int:
            return mutual_a(n)
        """, {"count": NATIVE,
              "early": NATIVE,
              "mutual_a": NATIVE,
              "mutual_b": NATIVE}),
    ("methods_decorators_nested", """
        import functools
        class C:
            def m(self) -> int:
                return 1
        @functools.cache
        def cached(n: int) -> int:
            return n
        def outer() -> int:
            def inner() -> int:
                return 1
            return 2
        """, {"cached": [(5, "decorated functions are not compiled natively yet")],
              "outer": NATIVE,
              "C.m": NATIVE}),
    ("methods_that_stay_python", """
        class C:
            def __init__(self) -> None:
                self.__secret = 1
            @classmethod
            def c(cls) -> int:
                return 1
            def __new__(cls) -> "C":
                return object.__new__(cls)
            def sup(self) -> None:
                super().__init__()
        """, {"C.__init__": [(3, "attribute '__secret' is a private name, which CPython mangles in a class")],
              "C.c": [(4, "decorated methods are not compiled natively yet")],
              "C.__new__": [(7, "static or class methods are not compiled natively yet")],
              "C.sup": [(10, "unsupported construct: super expression")]}),
    ("methods_with_native_decorators", """
        class C:
            @staticmethod
            def s(x: int) -> int:
                return x + 1
            @property
            def p(self) -> int:
                return 2
        """, {"C.s": NATIVE, "C.p": NATIVE}),
    ("generators_and_union", """
        from typing import Iterator
        def gen() -> Iterator[int]:
            yield 1
        def union(a: int, b: float) -> float:
            return a if a else b
        """, {"gen": [(2, 'generators and async functions are not native'),
                    (2, 'return has type typing.Iterator[int]: dicts, sets, tuples and objects of classes from outside the program stay in the interpreter, which is faster at them'),
                    (3, 'expression statement that is not a call')],
              "union": NATIVE}),
]


def check_source(source: str, tmp_path: Path) -> NativenessReport:
    main_path = tmp_path / "main.py"
    main_path.write_text(textwrap.dedent(source).lstrip("\n"))
    return check_program(build_typed_program(str(main_path)))


@pytest.mark.parametrize("source, expected", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_nativeness(source: str, expected: dict[str, list[tuple[int, str]]],
                    tmp_path: Path) -> None:
    report = check_source(source, tmp_path)
    actual = {verdict.qualname: sorted(verdict.reasons) for verdict in report.functions}
    assert actual == {name: sorted(Reason(*reason) for reason in reasons)
                      for name, reasons in expected.items()}


def test_report_renders_mypy_style_notes(tmp_path: Path) -> None:
    report = check_source("""
        def ok() -> None:
            pass
        def bad(x) -> None:
            pass
        """, tmp_path)
    path = str(tmp_path / "main.py")
    assert report.render() == (
        f"{path}:1: note: ok() is native\n"
        f"{path}:3: note: bad() is not native: parameter 'x' has no annotation\n"
    )
    assert [verdict.qualname for verdict in report.native_functions()] == ["ok"]
    assert report.verdict("__main__", "bad").line == 3
