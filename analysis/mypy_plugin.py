"""The mypy plugin: `plugins = tpy2wasm.mypy_plugin` makes `mypy app.py` show the notes that
`tpy2wasm explain` prints, from the same analysis and the same lowered IR.

mypy's plugin API has no hook for function definitions or for "module checked" (mypy issue
13668), so the plugin runs `explain` for a module's file (a nested mypy build without
plugins, and the lowering) and emits that module's notes from the first call expression mypy checks in it.
A module without any call gets no notes.
"""

from __future__ import annotations

import os
import site
from collections.abc import Callable
from pathlib import Path

from mypy.nodes import Context
from mypy.plugin import FunctionContext, MethodContext, Plugin
from mypy.types import Type


class NativenessPlugin(Plugin):
    """Emits each module's explain notes once, at the first call mypy checks in it."""

    _reported_paths: set[str] = set()

    def get_function_hook(self, fullname: str) -> Callable[[FunctionContext], Type] | None:
        return self._report_once

    def get_method_hook(self, fullname: str) -> Callable[[MethodContext], Type] | None:
        return self._report_once

    def _report_once(self, context: FunctionContext | MethodContext) -> Type:
        path = os.path.abspath(context.api.path)
        if path not in self._reported_paths and _is_program_source(path):
            self._reported_paths.add(path)
            from tpy2wasm.compiler.explain import explain  # the compiler loads once there is a program

            for note in explain(Path(path)).notes():
                if os.path.abspath(note.path) == path:
                    column = -1 if note.operation is None or note.operation.column is None else note.operation.column
                    context.api.msg.note(note.message, Context(line=note.line, column=column))
        return context.default_return_type


def _is_program_source(path: str) -> bool:
    """The user's own .py files: not stubs, and nothing installed (site-packages)."""
    return path.endswith(".py") and not any(path.startswith(folder + os.sep) for folder in _INSTALLED_FOLDERS)


_INSTALLED_FOLDERS = tuple(os.path.abspath(folder) for folder in (*site.getsitepackages(), site.getusersitepackages()))


def plugin(version: str) -> type[Plugin]:
    return NativenessPlugin
