"""The result of the nativeness analysis: one verdict per function.

This is the shared contract with `tpy2wasm explain` and the mypy plugin, so it
is plain data plus rendering; it holds no mypy nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Reason:
    """Why a function is not native, anchored at the offending source line."""

    line: int
    message: str


class _Verdict:
    """Native unless there is a reason it is not."""

    reasons: list[Reason]

    @property
    def native(self) -> bool:
        return not self.reasons

    def reject(self, line: int, message: str) -> None:
        """Record a reason once; the same problem on the same line is reported once."""
        reason = Reason(line, message)
        if reason not in self.reasons:
            self.reasons.append(reason)


@dataclass
class FunctionVerdict(_Verdict):
    module: str
    name: str  # the name in its namespace, e.g. "fib"
    qualname: str  # e.g. "fib" or "Point.norm"
    path: str
    line: int
    reasons: list[Reason] = field(default_factory=list)

    def render(self) -> list[str]:
        """mypy-style note lines, one per reason (or one saying the function is native)."""
        return self.render_as(self.path)

    def render_as(self, path: str) -> list[str]:
        """The note lines, naming the file `path` (e.g. relative to where the user is)."""
        if self.native:
            return [f"{path}:{self.line}: note: {self.qualname}() is native"]
        return [
            f"{path}:{reason.line}: note: {self.qualname}() is not native: {reason.message}"
            for reason in sorted(self.reasons)
        ]


@dataclass
class ClassVerdict(_Verdict):
    """Whether a class has a fixed shape: its instances' attributes read and written in place by
    native code (analysis/class_shapes.py); else why they go through CPython's lookup."""

    module: str
    name: str
    path: str
    line: int
    reasons: list[Reason] = field(default_factory=list)

    def messages(self) -> list[tuple[int, str]]:
        """(line, note) for each reason, or the one saying the class is native."""
        if self.native:
            return [(self.line, f"class {self.name} is native: a fixed shape, its attributes read and written "
                                "in place")]
        return [(reason.line, f"class {self.name} keeps CPython's attribute lookup: {reason.message}")
                for reason in sorted(self.reasons)]


@dataclass
class NativenessReport:
    """Verdicts in source order: module-level functions first, then methods; and classes."""

    functions: list[FunctionVerdict] = field(default_factory=list)
    classes: list[ClassVerdict] = field(default_factory=list)

    def verdict(self, module: str, qualname: str) -> FunctionVerdict:
        for verdict in self.functions:
            if verdict.module == module and verdict.qualname == qualname:
                return verdict
        raise KeyError(f"{module}.{qualname}")

    def native_classes(self) -> list[ClassVerdict]:
        return [verdict for verdict in self.classes if verdict.native]

    def native_functions(self) -> list[FunctionVerdict]:
        return [verdict for verdict in self.functions if verdict.native]

    def render(self) -> str:
        return "".join(f"{line}\n" for verdict in self.functions for line in verdict.render())
