"""The statistics of an on-demand fuzz run, kept in `results.json` in its output folder.

The file is rewritten after every program, so a run stopped at any point (Ctrl-C, `--stop-after`,
a reboot) leaves true figures, and the next run with the same folder resumes at the next seed and
adds to them. CPU time is the process's own plus its children's (CPython runs, the module runner),
counted only while a program is being checked.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
from dataclasses import asdict, dataclass, field
from pathlib import Path

RESULTS_NAME = "results.json"


def cpu_seconds() -> float:
    """User and system time of this process and of its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def source_revision() -> str:
    """The commit the generator and compiler come from, with `+changes` when the tree is dirty."""
    folder = Path(__file__).parent
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=folder, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=folder.parent.parent,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + ("+changes" if dirty else "")


@dataclass
class Session:
    """One invocation of a run: the source it ran and how many programs it checked."""

    revision: str
    first_seed: int
    programs: int = 0


@dataclass
class RunStats:
    """Counts over all the sessions of one run (one output folder)."""

    functions_per_program: int
    first_seed: int
    next_seed: int
    programs: int = 0
    functions: int = 0
    #: seeds whose program differed from CPython (each has a folder with it, minimised)
    failed_seeds: list[int] = field(default_factory=list)
    #: seeds CPython did not finish in time (not a test) or that differ only by wasm32's index width
    skipped_seeds: list[int] = field(default_factory=list)
    platform_seeds: list[int] = field(default_factory=list)
    wall_seconds: float = 0.0
    cpu_seconds: float = 0.0
    sessions: list[Session] = field(default_factory=list)

    @staticmethod
    def load_or_start(folder: Path, functions_per_program: int, first_seed: int) -> RunStats:
        """The folder's statistics to resume, or new ones; a resumed run keeps its batch size,
        since the seed alone does not fix a program."""
        path = folder / RESULTS_NAME
        if not path.exists():
            return RunStats(functions_per_program, first_seed, first_seed)
        saved = json.loads(path.read_text())
        stats = RunStats(**{**saved, "sessions": [Session(**session) for session in saved["sessions"]]})
        if stats.functions_per_program != functions_per_program:
            raise SystemExit(f"{path}: this run batches {stats.functions_per_program} functions per program; "
                             f"resume it with --per-program {stats.functions_per_program} or use another --out")
        return stats

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / (RESULTS_NAME + ".partial")
        partial.write_text(json.dumps(asdict(self), indent=1) + "\n")
        os.replace(partial, folder / RESULTS_NAME)

    def summary(self) -> str:
        return (f"{self.programs} programs, {self.functions} functions (seeds {self.first_seed}-{self.next_seed - 1}) "
                f"in {self.wall_seconds:.0f}s wall, {self.cpu_seconds:.0f}s CPU: {len(self.failed_seeds)} failed "
                f"{self.failed_seeds}, {len(self.skipped_seeds)} skipped (CPython timed out), "
                f"{len(self.platform_seeds)} skipped (32-bit platform difference)")
