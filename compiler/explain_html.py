"""`tpy2wasm explain --html FILE`: the program's source as one self-contained page, in the spirit
of `cython -a`: each line shaded by how many of its operations take CPython's generic path,
and a line with notes opens (a click, no script) to show them.

The notes are the ones `explain` prints (`Explanation.notes`), so page and text cannot differ.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from tpy2wasm.compiler.cache import atomic_write
from tpy2wasm.compiler.errors import display_path
from tpy2wasm.compiler.explain import Explanation, Note

#: Generic operations on one line at which its shade is darkest.
_DARKEST_AT = 4

_STYLE = """
body { font-family: sans-serif; margin: 1.5em; }
h1 { font-size: 1.2em; }
.source { font-family: monospace; white-space: pre; }  /* lines are blocks: no text between them */
.line, .source summary { display: block; padding: 0 0.3em; list-style: none; }
.source summary::-webkit-details-marker { display: none; }
.source summary { cursor: pointer; }
.number { display: inline-block; width: 4em; color: #888; user-select: none; }
summary .number::before { content: "+"; display: inline-block; width: 1em; color: #555; }
details[open] summary .number::before { content: "-"; }
.line .number::before { content: ""; display: inline-block; width: 1em; }
.notes { margin: 0 0 0.3em 4.6em; padding: 0.2em 0.5em; background: #f4f4f4; border-left: 3px solid #c90; }
.note { white-space: pre-wrap; }
.note.verdict { color: #555; }
"""


def _shade(generic: int) -> str:
    """Yellow, stronger the more generic work the line does (white: none)."""
    if not generic:
        return ""
    strength = min(generic, _DARKEST_AT) / _DARKEST_AT
    return f' style="background: rgba(255, 204, 0, {0.15 + 0.6 * strength:.2f})"'


def _line_html(number: int, text: str, notes: list[Note]) -> str:
    generic = sum(1 for note in notes if note.operation is not None)
    code = f'<span class="number">{number}</span>{escape(text)}'
    attributes = f'id="line-{number}" data-line="{number}" data-generic="{generic}"{_shade(generic)}'
    if not notes:
        return f'<div class="line" {attributes}>{code}</div>'
    items = "".join(
        f'<div class="note {"operation" if note.operation is not None else "verdict"}">{escape(note.message)}</div>'
        for note in notes)
    return f'<details {attributes}><summary>{code}</summary><div class="notes">{items}</div></details>'


def page(explanation: Explanation, script: Path, summary: str) -> str:
    """The annotated page of `script` (notes of other modules of the program are not on it)."""
    path = str(script.resolve())
    by_line: dict[int, list[Note]] = {}
    for note in explanation.notes():
        if Path(note.path).resolve() == Path(path):
            by_line.setdefault(note.line, []).append(note)
    source = script.read_bytes().decode(errors="replace").splitlines()
    lines = "".join(_line_html(number, text, by_line.get(number, []))
                      for number, text in enumerate(source, start=1))
    title = escape(display_path(script))
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{title}: tpy2wasm explain'
            f'</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n'
            f'<p class="summary">{escape(summary)}. Shaded lines do generic work in CPython; click one to see '
            f'why.</p>\n<div class="source">{lines}</div>\n</body>\n</html>\n')


def write_page(destination: Path, explanation: Explanation, script: Path) -> None:
    atomic_write(destination, page(explanation, script, explanation.summary()).encode())
