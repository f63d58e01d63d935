"""Progress for the long steps (fetching CPython, linking): rich on stderr, or nothing with -q."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from rich.console import Console


class Steps(Protocol):
    def step(self, description: str) -> AbstractContextManager[None]: ...


class RichSteps:
    """Shows a spinner while a step runs and a tick when it is done."""

    def __init__(self) -> None:
        self._console = Console(stderr=True)

    @contextmanager
    def step(self, description: str) -> Iterator[None]:
        with self._console.status(description):
            yield
        self._console.print(f"[green]✓[/green] {description}", highlight=False)


class SilentSteps:
    @contextmanager
    def step(self, description: str) -> Iterator[None]:
        yield
