"""Progress for the long steps (fetching CPython, building libc, linking): rich on stderr, or nothing with -q."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn, TransferSpeedColumn


class Steps(Protocol):
    def step(self, description: str) -> AbstractContextManager[None]:
        """A step of unknown length."""

    def transfer(self, description: str, total_bytes: int) -> AbstractContextManager[Callable[[int], None]]:
        """A step that moves `total_bytes`; the caller reports each chunk's size to what it yields."""


class RichSteps:
    """Shows a spinner (or a bar with bytes) while a step runs, and a tick when it is done."""

    def __init__(self) -> None:
        self._console = Console(stderr=True)

    @contextmanager
    def step(self, description: str) -> Iterator[None]:
        with self._console.status(description):
            yield
        self._done(description)

    @contextmanager
    def transfer(self, description: str, total_bytes: int) -> Iterator[Callable[[int], None]]:
        columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                   TimeRemainingColumn())
        # Off a terminal a bar would leave a blank line; the tick below says enough.
        with Progress(*columns, console=self._console, transient=True,
                      disable=not self._console.is_terminal) as progress:
            task = progress.add_task(description, total=total_bytes)
            yield lambda size: progress.advance(task, size)
        self._done(description)

    def _done(self, description: str) -> None:
        self._console.print(f"[green]✓[/green] {description}", highlight=False)


class SilentSteps:
    @contextmanager
    def step(self, description: str) -> Iterator[None]:
        yield

    @contextmanager
    def transfer(self, description: str, total_bytes: int) -> Iterator[Callable[[int], None]]:
        yield lambda size: None
