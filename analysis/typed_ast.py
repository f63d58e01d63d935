"""Run mypy over a program and keep its typed AST.

The analysis needs mypy's semantically analysed trees plus the inferred type of
every expression, so we run a full build with `preserve_asts` and
`export_types`. mypy's own error messages are returned, never raised: a program
with type errors simply has fewer native functions.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

from mypy.build import BuildSource, build
from mypy.errors import CompileError
from mypy.nodes import Expression, MypyFile
from mypy.options import Options
from mypy.types import Type

from tpy2wasm.analysis.mypy_stub_store import keep_stub_entries, seeded_cache_dir


@dataclass(frozen=True)
class TypedProgram:
    """The typed trees of the user's modules (stdlib/typeshed modules excluded)."""

    main_module: str
    modules: dict[str, MypyFile]
    types: dict[Expression, Type]
    mypy_errors: list[str]


def _build_options(cache_dir: str, incremental: bool) -> Options:
    options = Options()
    options.python_version = (3, 11)
    options.preserve_asts = True
    options.export_types = True
    options.incremental = incremental
    options.sqlite_cache = False  # one file per module, so a stub's entries can be linked alone
    options.cache_dir = cache_dir
    options.check_untyped_defs = True  # so unannotated bodies still get expression types
    options.show_traceback = True
    # CPython's own parser, not mypy's native one: its columns are the UTF-8 byte offsets that
    # co_positions() holds (native tracebacks' carets), and it keeps lone surrogates in string
    # literals, which the native parser turns into U+FFFD.
    options.native_parser = False
    return options


def build_typed_program(main_path: str, stub_store: Path | None = None) -> TypedProgram:
    """Type-check `main_path` as module `__main__`, searching its directory for imports.

    With a `stub_store` (see mypy_stub_store), the stub modules' analysis is loaded from it and
    kept in it; without, everything is analysed from source.
    """
    main_path = os.path.abspath(main_path)
    search_dir = os.path.dirname(main_path)

    def is_user_module(path: str) -> bool:
        return os.path.abspath(path).startswith(search_dir + os.sep)

    cache_folder: AbstractContextManager[str] = (
        tempfile.TemporaryDirectory(prefix="tpy2wasm-mypy-") if stub_store is None else seeded_cache_dir(stub_store))
    with cache_folder as cache_dir:
        options = _build_options(cache_dir, incremental=stub_store is not None)
        options.mypy_path = [search_dir]
        source = BuildSource(main_path, "__main__", None, base_dir=search_dir)
        try:
            result = build([source], options)
        except CompileError as error:
            return TypedProgram("__main__", {}, {}, list(error.messages))
        if stub_store is not None:
            keep_stub_entries(result, options, stub_store, is_user_module)
    user_modules = {name: tree for name, tree in result.files.items() if tree.path and is_user_module(tree.path)}
    return TypedProgram("__main__", user_modules, dict(result.types), list(result.errors))
