"""`tpy2wasm explain`: the per-operation records of `--format json`, the `--html` page, and the
classification of ops into fast and generic paths (tests/diagnostics/explain_*.expected hold the
text notes, and the mypy plugin's, of whole programs)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tpy2wasm.analysis import ir
from tpy2wasm.analysis.generic_paths import FAST, GENERIC, operation_notes
from tpy2wasm.analysis.ir_objects import Box
from tpy2wasm.analysis.rtypes import INT_WORD, OBJECT, RType

DIAGNOSTICS = Path(__file__).parent / "diagnostics"
PROGRAM = "explain_any.py"


@pytest.fixture(scope="module")
def explained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict[str, object], str]:
    """explain_any.py explained in a scratch folder: (folder, text, JSON, HTML page)."""
    folder = tmp_path_factory.mktemp("explain")
    shutil.copy(DIAGNOSTICS / PROGRAM, folder / PROGRAM)

    def explain(*options: str) -> str:
        result = subprocess.run([sys.executable, "-m", "tpy2wasm", "explain", *options, PROGRAM], cwd=folder,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        return result.stdout

    text = explain()
    as_json = json.loads(explain("--format", "json", "--html", "page.html"))
    return folder, text, as_json, (folder / "page.html").read_text()


_RECORD_KEYS = {"file": str, "line": int, "column": int, "function": str, "operation": str, "kind": str,
                "path": str, "reason": str}


def test_json_has_one_record_per_operation_with_its_path(explained: tuple[Path, str, dict[str, object], str]) -> None:
    _, text, as_json, _ = explained
    operations = as_json["operations"]
    assert isinstance(operations, list) and operations
    for record in operations:
        assert set(record) == set(_RECORD_KEYS), record
        for key, kind in _RECORD_KEYS.items():
            assert isinstance(record[key], kind), (key, record)
        assert record["path"] in (FAST, GENERIC)
        assert (record["file"], record["function"]) == (PROGRAM, "load")
    # the generic records are exactly the operation notes of the text
    generic = [f"{record['file']}:{record['line']}: note: {record['operation']} takes the generic path: "
               f"{record['reason']}" for record in operations if record["path"] == GENERIC]
    assert generic == [line for line in text.splitlines() if "takes the generic path" in line]
    assert as_json["generic"] == len(generic)
    # the int-word arithmetic of the loop is on the fast path, with its column
    assert {"file": PROGRAM, "line": 16, "column": 12, "function": "load", "operation": "total -= 1",
            "kind": "Binary", "path": FAST, "reason": "inline on int word values"} in operations
    # the range loop counts on int words: one fast record, none for its call of range() or the
    # iterator it falls back on
    assert [record for record in operations if record["line"] == 13] == [
        {"file": PROGRAM, "line": 13, "column": 4, "function": "load", "operation": "for i in range(3)",
         "kind": "IsCountedRange", "path": FAST,
         "reason": "counts on int words (no range object while `range` is the builtin)"}]
    # an item at an int index is read in place from a list, whatever the container is declared
    assert {"file": PROGRAM, "line": 14, "column": 24, "function": "load", "operation": "data[i]",
            "kind": "GetItem", "path": FAST,
            "reason": "reads a list's item in place (any other container through CPython)"} in operations


class _Lines(HTMLParser):
    """The page's source lines: number -> (generic count, the line's text, its notes)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[int, tuple[int, str, list[str]]] = {}
        self.current: int | None = None
        self.in_note = False
        self.depth = 0  # elements open inside the current line's
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag in ("script", "link", "img", "iframe") or any(
                value and value.startswith(("http:", "https:", "//")) for value in attributes.values()):
            self.external.append(tag)
        if attributes.get("data-line") is not None:
            self.current, self.depth = int(attributes["data-line"] or 0), 0
            self.lines[self.current] = (int(attributes["data-generic"] or 0), "", [])
        self.depth += 1
        self.in_note = tag == "div" and "note" in (attributes.get("class") or "").split()

    def handle_endtag(self, tag: str) -> None:
        self.depth -= 1
        self.in_note = False
        if self.depth == 0:
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is None:
            return
        generic, text, notes = self.lines[self.current]
        if self.in_note:
            notes.append(data)
        else:
            self.lines[self.current] = (generic, text + data, notes)


def test_html_page_shows_each_note_on_its_line(explained: tuple[Path, str, dict[str, object], str]) -> None:
    folder, text, _, page = explained
    parser = _Lines()
    parser.feed(page)
    assert parser.external == []  # one self-contained file
    source = (folder / PROGRAM).read_text().splitlines()
    assert sorted(parser.lines) == list(range(1, len(source) + 1))
    notes = [line.split(": note: ", 1) for line in text.splitlines()[:-1]]
    for number, (generic, line_text, shown) in parser.lines.items():
        expected = [message for location, message in notes if location == f"{PROGRAM}:{number}"]
        assert shown == expected, number
        assert line_text == f"{number}{source[number - 1]}"
        assert generic == sum("takes the generic path" in message for message in expected)
    assert parser.lines[14][0] == 2  # `total = total + data[i] * 2`: two operations on Any
    assert text.splitlines()[-1] in page  # the summary


def test_html_to_an_unwritable_place_is_one_error_line(tmp_path: Path) -> None:
    shutil.copy(DIAGNOSTICS / PROGRAM, tmp_path / PROGRAM)
    (tmp_path / "file").write_text("")
    result = subprocess.run([sys.executable, "-m", "tpy2wasm", "explain", "--html", "file/page.html", PROGRAM],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    [line] = result.stderr.splitlines()
    assert line.startswith("file/page.html: error: cannot write the file: ")
    assert result.stdout == ""


def _at(line: int, column: int, end_column: int) -> ir.Position:
    return ir.Position(line, line, column, end_column)


def test_any_word_type_has_the_fast_path_and_objects_say_where_they_come_from() -> None:
    """The classification reads register types, not a list of word types: a word type added
    later (here a float word, as a double) takes the fast path with no change to explain."""
    float_word = RType("float word", is_unboxed=False, llvm_type="double")
    source = [b"def f(x: float, y: Any, n: int) -> None:", b"    x * x + y", b"    n / n"]
    x, y, n = ir.Local("x", float_word), ir.Local("y", OBJECT), ir.Local("n", INT_WORD)
    r = [ir.Register(number, rtype) for number, rtype in enumerate(
        (float_word, float_word, float_word, OBJECT, OBJECT, INT_WORD, OBJECT, OBJECT))]
    ops: list[ir.Op] = [
        ir.LoadLocal(r[0], x, 2, position=_at(2, 4, 5)),
        ir.LoadLocal(r[1], x, 2, position=_at(2, 8, 9)),
        ir.Binary(r[2], ir.BinaryOperator.MUL, r[0], r[1], 2, position=_at(2, 4, 9)),
        ir.LoadLocal(r[3], y, 2, position=_at(2, 12, 13)),
        ir.Binary(r[4], ir.BinaryOperator.ADD, r[2], r[3], 2, position=_at(2, 4, 13)),
        ir.LoadLocal(r[5], n, 3, position=_at(3, 4, 5)),
    ]
    ops += [Box(r[6], r[5], 3, position=_at(3, 4, 5)),
            ir.Binary(r[7], ir.BinaryOperator.TRUE_DIV, r[6], r[6], 3, position=_at(3, 4, 9))]
    block = ir.BasicBlock("L0", tuple(ops), ir.Return(None, 3))
    function = ir.FunctionIR("f", "f", "__main__", (x, y, n), OBJECT, (block,), 1)
    notes = [(note.line, note.column, note.operation, note.path, note.reason)
             for note in operation_notes(function, source, {"x": "float", "y": "Any", "n": "int"})]
    assert notes == [
        (2, 4, "x * x", FAST, "inline on float word values"),
        (2, 4, "x * x + y", GENERIC, "'y' is declared Any"),
        (3, 4, "n / n", GENERIC, "'/' has no fast path on int word values here"),
    ]


#: The runtime functions the emitter calls for an operation: CPython's generic operation on
#: objects, or the slow path of an inline fast path on words (overflow, or an object in the word).
_GENERIC_CALLS = ("tpy2wasm_binary_op", "tpy2wasm_unary_op", "tpy2wasm_compare_op", "tpy2wasm_is",
                  "tpy2wasm_is_not", "tpy2wasm_in", "tpy2wasm_not_in")
_WORD_SLOW_PATHS = ("tpy2wasm_word_binary", "tpy2wasm_word_unary", "tpy2wasm_word_compare",
                    "tpy2wasm_float_word_binary", "tpy2wasm_float_word_unary", "tpy2wasm_compare_bool_word")


@pytest.mark.parametrize("program", ["explain_any.py", "explain_words.py"])
def test_notes_agree_with_the_emitted_code(program: str) -> None:
    """Every arithmetic and comparison explain calls generic is a call of CPython's operation in
    the LLVM the compiler emits, and every one it calls fast is an inline word operation."""
    from tpy2wasm.codegen.int_words import called_in_loops, hot_on_words
    from tpy2wasm.codegen.entry_bindings import closed_functions
    from tpy2wasm.codegen.native_module import _llvm_module
    from tpy2wasm.compiler.explain import explanation_of
    from tpy2wasm.compiler.native import lowered_program

    script = DIAGNOSTICS / program
    lowered = lowered_program(script)
    explanation = explanation_of(lowered)
    assert lowered.functions
    closed, called = closed_functions(lowered.functions), called_in_loops(lowered.functions)
    for function in lowered.functions:
        llvm = str(_llvm_module([function], lowered.functions, {function.module: str(script)}, False, closed))
        emitted = Counter(re.findall(r'call [^\n]*?@"?([\w.]+)"?\(', llvm))
        notes = [note for note in explanation.operations[f"{function.module}.{function.qualname}"]
                 if note.kind in ("Binary", "Unary", "Compare")]
        generic = sum(note.generic for note in notes)
        # A function hot on words has a fast version too (codegen/fast_version.py), which
        # emits each generic operation once more and no slow path of a word's.
        versions = 2 if hot_on_words(function, function.key in closed, function.key in called) else 1
        assert sum(emitted[call] for call in _GENERIC_CALLS) == generic * versions, function.name
        assert sum(emitted[call] for call in _WORD_SLOW_PATHS) == len(notes) - generic, function.name
