"""The one way the compiler reports a problem to the user: a message, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

#: Exit status of the CLI for bad input in general, and for a syntax error (mypy uses 2 too).
EXIT_ERROR = 1
EXIT_SYNTAX_ERROR = 2


def display_path(path: Path | str) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


class CompileError(Exception):
    """A problem with the user's input or environment, shown as one `path:line: error:` line."""

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
        exit_code: int = EXIT_ERROR,
        internal: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.exit_code = exit_code
        self.internal = internal

    def render(self) -> str:
        location = ""
        if self.path is not None:
            location = f"{display_path(self.path)}:"
            if self.line is not None:
                location += f"{self.line}:"
                if self.column is not None:
                    location += f"{self.column}:"
            location += " "
        if self.internal:
            return f"{location}error: internal compiler error: {self.message}"
        return f"{location}error: {self.message}"


def syntax_error(error: SyntaxError, path: Path | str) -> CompileError:
    """`path:line:col: error: SyntaxError: ...`, exit 2, the way mypy reports it."""
    return CompileError(
        f"{type(error).__name__}: {error.msg}",
        path=error.filename or path,
        line=error.lineno,
        column=error.offset,
        exit_code=EXIT_SYNTAX_ERROR,
    )
