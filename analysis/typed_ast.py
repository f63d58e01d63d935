"""Run mypy over a program and keep its typed AST.

The analysis needs mypy's semantically analysed trees plus the inferred type of
every expression, so we run a full build with `preserve_asts` and
`export_types`. mypy's own error messages are returned, never raised: a program
with type errors simply has fewer native functions.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

from mypy.build import BuildSource, build
from mypy.errors import CompileError
from mypy.nodes import Expression, MypyFile
from mypy.options import Options
from mypy.types import Type


@dataclass(frozen=True)
class TypedProgram:
    """The typed trees of the user's modules (stdlib/typeshed modules excluded)."""

    main_module: str
    modules: dict[str, MypyFile]
    types: dict[Expression, Type]
    mypy_errors: list[str]


def _build_options(cache_dir: str) -> Options:
    options = Options()
    options.python_version = (3, 11)
    options.preserve_asts = True
    options.export_types = True
    options.incremental = False
    options.cache_dir = cache_dir
    options.check_untyped_defs = True  # so unannotated bodies still get expression types
    options.show_traceback = True
    # CPython's own parser, not mypy's native one: its columns are the UTF-8 byte offsets that
    # co_positions() holds (native tracebacks' carets), and it keeps lone surrogates in string
    # literals, which the native parser turns into U+FFFD.
    options.native_parser = False
    return options


def build_typed_program(main_path: str) -> TypedProgram:
    """Type-check `main_path` as module `__main__`, searching its directory for imports."""
    main_path = os.path.abspath(main_path)
    search_dir = os.path.dirname(main_path)
    with tempfile.TemporaryDirectory(prefix="tpy2wasm-mypy-") as cache_dir:
        options = _build_options(cache_dir)
        options.mypy_path = [search_dir]
        source = BuildSource(main_path, "__main__", None, base_dir=search_dir)
        try:
            result = build([source], options)
        except CompileError as error:
            return TypedProgram("__main__", {}, {}, list(error.messages))
    user_modules = {
        name: tree
        for name, tree in result.files.items()
        if tree.path and os.path.abspath(tree.path).startswith(search_dir + os.sep)
    }
    return TypedProgram("__main__", user_modules, dict(result.types), list(result.errors))
