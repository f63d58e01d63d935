"""Which operations of a lowered function take an inline fast path on words, and which take
CPython's generic path (a runtime call on objects), and why: what `tpy2wasm explain` reports.

It reads the IR the emitters compile, so it cannot disagree with them: an operation whose
operands are all words (any register type that is not a `PyObject*`: int words today, and any
word type added later) has an inline fast path; one with an object operand, and every
operation on objects (calls, attributes, items, iteration), goes through CPython. The reason
names where the object came from: a local declared Any, a global, a constant, a call's result.

Plumbing (loads and stores of locals, constants, branches), the conversions between words and
objects (folded into the operation that needs them) and the exception machinery of handlers
(cold paths) are not operations of their own here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mypy.nodes import FuncDef, Var
from mypy.types import AnyType, get_proper_type

from tpy2wasm.analysis import ir
from tpy2wasm.analysis import ir_objects as objects
from tpy2wasm.analysis import ir_ranges as ranges
from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis.ir_operands import operands, terminator_operands
from tpy2wasm.analysis.rtypes import INT_WORD

FAST = "fast"
GENERIC = "generic"

#: The longest operation text shown; longer source spans are cut with "...".
_MAX_TEXT = 32
_ITERATES = "iterates through CPython's iterator protocol (a list's iterator steps in place)"
_F_STRING = re.compile(r"^[rRbB]?[fF][rR]?['\"]")


@dataclass(frozen=True, order=True)
class OperationNote:
    """One operation of a native function: where it is, what it is, and which path it takes."""

    line: int
    column: int | None  # 0-based, in characters, as mypy shows columns; None when unknown
    operation: str  # its source text, e.g. "x + y" or "print(...)"
    path: str  # FAST or GENERIC
    reason: str
    kind: str  # the IR op it was read from: Binary, CallObject, ...

    @property
    def generic(self) -> bool:
        return self.path == GENERIC

    def message(self) -> str:
        return f"{self.operation} takes the {self.path} path: {self.reason}"


def is_word(rtype_register: ir.Register) -> bool:
    """Whether the register holds a word (a scalar, or a tagged word with an inline fast path)
    rather than a `PyObject*`: every word type has a fast path, whatever its Python type."""
    return rtype_register.type.llvm_type != "ptr"


def declared_local_types(func: FuncDef) -> dict[str, str]:
    """The declared (or inferred) mypy type of each parameter and assigned local of `func`, as
    text."""
    variables = [argument.variable for argument in func.arguments]
    variables += [name.node for name, _ in facts.local_bindings(func.body) if isinstance(name.node, Var)]
    types: dict[str, str] = {}
    for variable in variables:
        if variable.type is not None and variable.name not in types:
            types[variable.name] = "Any" if isinstance(get_proper_type(variable.type), AnyType) else str(variable.type)
    return types


class _FunctionReader:
    """The operation notes of one function, from its IR and its source lines (UTF-8 bytes)."""

    def __init__(self, function: ir.FunctionIR, source_lines: list[bytes], declared: dict[str, str]) -> None:
        self.function = function
        self.source_lines = source_lines
        self.declared = declared
        self.definitions: dict[ir.Register, ir.Op] = {}
        #: the users of each register: ops, and the terminators that read it
        self.users: dict[ir.Register, list[ir.Op | ir.Terminator]] = {}
        for block in function.blocks:
            for op in block.ops:
                if op.dest is not None:
                    self.definitions[op.dest] = op
            for user in (*block.ops, block.terminator):
                for value in operands(user) if isinstance(user, ir.Op) else terminator_operands(user):
                    self.users.setdefault(value, []).append(user)
        # a method looked up to be called (`math.gcd` of `math.gcd(...)`) is part of the call
        self.callees = {user.callee for users in self.users.values() for user in users
                        if isinstance(user, objects.CallObject)}
        # what `range(...)` returned in a `for` loop counted on int words, where the loop falls
        # back on calling it: the call and its iterator are part of the loop's note
        counted_callees = {op.callee for op in self.definitions.values() if isinstance(op, ranges.IsCountedRange)}
        self.counted_ranges = {op.dest for op in self.definitions.values()
                               if isinstance(op, objects.CallObject) and op.callee in counted_callees}
        self.range_iterators = ranges.range_fallback_iterators(function)

    def notes(self) -> list[OperationNote]:
        """One note per operation in the source: the first op lowered for it says what it does
        (the truth test of a comparison's result, or the calls an f-string makes, are part of it)."""
        found: dict[tuple[int, int | None, str, str], OperationNote] = {}
        for block in self.function.blocks:
            notes = [self.note(op) for op in block.ops]
            if isinstance(block.terminator, ir.ForIter) and not self.counted_fallback(block.terminator.iterator):
                notes.append(self.located(block.terminator, self.statement_text(block.terminator), GENERIC, _ITERATES))
            for note in notes:
                if note is not None:
                    found.setdefault((note.line, note.column, note.operation, note.path), note)
        return sorted(found.values())

    def note(self, op: ir.Op) -> OperationNote | None:
        if isinstance(op, (ir.Binary, ir.Unary, ir.Compare)):
            return self.arithmetic(op)
        if isinstance(op, objects.CallDirect):
            return self.located(op, self.text(op), FAST, "a direct native call")
        if isinstance(op, ranges.IsCountedRange):
            return self.located(op, self.statement_text(op), FAST,
                                "counts on int words (no range object while `range` is the builtin)")
        if isinstance(op, objects.CallObject) and op.dest in self.counted_ranges:
            return None
        if isinstance(op, objects.CallObject):
            callee = self.text(self.definitions[op.callee])
            if _F_STRING.match(callee):
                return self.located(op, _shortened(callee), GENERIC, "formats its values through CPython")
            return self.located(op, f"{callee}(...)", GENERIC, "a call into CPython")
        if isinstance(op, objects.BuildSequence) and _F_STRING.match(self.text(op)):
            return self.located(op, _shortened(self.text(op)), GENERIC, "formats its values through CPython")
        if isinstance(op, objects.GetAttr) and op.dest not in self.callees:
            return self.located(op, self.text(op), FAST, "read in place from an instance's values or a module's "
                                                         "cache while its class or dict is unchanged (else CPython's lookup)")
        if isinstance(op, objects.SetAttr):
            return self.located(op, self.statement_text(op), FAST, f"stores '{op.name}' in place in an instance's "
                                                                   "values while its class is unchanged (else through CPython)")
        if isinstance(op, objects.GetMethod):
            return None  # part of the call's note
        if isinstance(op, objects.CallMethod) and op.in_place:
            return self.located(op, self.text(op), FAST, f"a list's {op.name} in place (any other object through CPython)")
        if isinstance(op, objects.CallMethod) and _F_STRING.match(self.text(op)):  # mypy's ''.join of the parts
            return self.located(op, _shortened(self.text(op)), GENERIC, "formats its values through CPython")
        if isinstance(op, objects.CallMethod):
            return self.located(op, self.text(op), GENERIC, "a method call into CPython (the method called unbound, "
                                                            "as LOAD_METHOD does)")
        if isinstance(op, objects.CallBuiltin):
            return self.located(op, self.text(op), FAST, f"inline while the name holds {op.builtin} (else a call into CPython)")
        if isinstance(op, objects.GetItem) and op.index.type is INT_WORD:
            return self.located(op, self.text(op), FAST, "reads a list's item in place (any other container through CPython)")
        if isinstance(op, objects.SetItem) and op.index.type is INT_WORD:
            return self.located(op, self.statement_text(op), FAST,
                                "stores a list's item in place (any other container through CPython)")
        if isinstance(op, objects.GetItem):
            return self.located(op, self.text(op), GENERIC, "an item lookup in CPython")
        if isinstance(op, objects.SetItem):
            return self.located(op, self.statement_text(op), GENERIC, "stores an item through CPython")
        if isinstance(op, (objects.BuildSequence, objects.BuildDict, objects.BuildSlice)):
            return self.located(op, self.text(op), GENERIC, "builds a new object")
        if isinstance(op, objects.EnterWith):
            return self.located(op, self.statement_text(op), GENERIC, "enters a context manager through CPython")
        if isinstance(op, objects.UnpackSequence):
            return self.located(op, self.statement_text(op), GENERIC, "unpacks an object through CPython")
        if isinstance(op, objects.GetIter) and not self.counted_fallback(op.dest):
            return self.located(op, self.statement_text(op), GENERIC, _ITERATES)
        if isinstance(op, objects.CellGet):
            return self.located(op, op.name, GENERIC, "reads a local that a lambda or comprehension shares (a cell)")
        if isinstance(op, objects.IsTrue) and not is_word(op.value):  # a word's truth is inline
            causes = self.causes(op.value) or [f"no fast path for the truth of {self.boxed_type(op.value)} values here"]
            return self.located(op, self.text(op), GENERIC, f"tests the truth of an object: {', '.join(causes)}")
        if isinstance(op, objects.Box) and op.position is None:  # a parameter into its cell, once per call
            return None
        if isinstance(op, objects.Box) and not self.boxed_for_a_generic_operation(op):
            return self.located(op, self.text(op), GENERIC, self.boxing(op))
        if isinstance(op, ir.StoreGlobal) and not is_word(op.source):
            return self.located(op, self.statement_text(op), GENERIC, f"stores global '{op.name}' through CPython")
        return None

    def counted_fallback(self, iterator: ir.Register) -> bool:
        """Whether `iterator` is the one a range loop counted on int words falls back on."""
        return iterator in self.range_iterators

    def boxed_for_a_generic_operation(self, box: objects.Box) -> bool:
        """Whether the word is boxed for operations that are generic anyway (a call's argument,
        an operand of CPython's `/`) or to be returned (a function that returns an object): then the
        boxing is part of those, not a note of its own."""
        def folded(user: ir.Op | ir.Terminator) -> bool:
            if isinstance(user, ir.Return) or (isinstance(user, objects.CallObject) and user.dest in self.counted_ranges):
                return True
            note = self.note(user) if isinstance(user, ir.Op) else None
            return note is not None and note.generic
        return all(folded(user) for user in self.users.get(box.dest, []))

    def boxing(self, box: objects.Box) -> str:
        """Why a word is boxed where no generic operation needs it: a conditional or boolean
        expression's value (a `$select` temporary) is an object, or some other object store."""
        kind = box.value.type.name
        stores = [user for user in self.users.get(box.dest, []) if isinstance(user, ir.StoreLocal)]
        if any(store.local.name.startswith("$select") for store in stores):
            return f"a conditional or boolean expression boxes its {kind} value into an object"
        return f"its {kind} value is boxed into an object"

    def arithmetic(self, op: ir.Binary | ir.Unary | ir.Compare) -> OperationNote:
        values = operands(op)
        if all(is_word(value) for value in values):
            kinds = " and ".join(dict.fromkeys(value.type.name for value in values))
            return self.located(op, self.text(op), FAST, f"inline on {kinds} values")
        causes = [cause for value in values if not is_word(value) for cause in self.causes(value)]
        if not causes:  # only words, boxed for an operation that has no fast path for them
            kinds = " and ".join(dict.fromkeys(self.boxed_type(value) for value in values))
            causes = [f"'{op.operator.value}' has no fast path on {kinds} values here"]
        return self.located(op, self.text(op), GENERIC, ", ".join(dict.fromkeys(causes)))

    def boxed_type(self, value: ir.Register) -> str:
        definition = self.definitions.get(value)
        return definition.value.type.name if isinstance(definition, objects.Box) else value.type.name

    def causes(self, value: ir.Register) -> list[str]:
        """Where an object operand comes from, as the user would name it; [] for a boxed word."""
        definition = self.definitions.get(value)
        if definition is None or isinstance(definition, objects.Box):
            return []
        if isinstance(definition, ir.LoadLocal):
            name = definition.local.name
            if name.startswith("$"):
                return ["an intermediate value is an object"]
            declared = self.declared.get(name)
            if declared == "Any":
                return [f"'{name}' is declared Any"]
            return [f"'{name}' is a {declared} object" if declared else f"'{name}' is an object"]
        if isinstance(definition, ir.LoadGlobal):
            return [f"'{definition.name}' is a module global"]
        if isinstance(definition, ir.LoadConst):
            return [f"{definition.value!r} is a {type(definition.value).__name__} object"]
        if isinstance(definition, (ir.Binary, ir.Unary, ir.Compare)):
            return list(dict.fromkeys(cause for operand in operands(definition) if not is_word(operand)
                                      for cause in self.causes(operand)))
        if isinstance(definition, objects.CallObject):
            return [f"'{self.text(self.definitions[definition.callee])}(...)' returns an object"]
        if isinstance(definition, (objects.GetAttr, objects.GetItem)):
            # an item or attribute of a value declared Any is Any: that declaration is the cause
            container = [cause for cause in self.causes(definition.obj) if cause.endswith(" is declared Any")]
            kind = "an attribute" if isinstance(definition, objects.GetAttr) else "an item"
            return container or [f"'{self.text(definition)}' is {kind}"]
        return [f"'{self.text(definition)}' is an object"]

    def located(self, where: ir.Located, operation: str, path: str, reason: str) -> OperationNote:
        position = where.position
        line = position.line if position is not None else getattr(where, "line", self.function.line)
        return OperationNote(line, self.character_column(position), operation, path, reason, type(where).__name__)

    def character_column(self, position: ir.Position | None) -> int | None:
        if position is None or not 0 < position.line <= len(self.source_lines):
            return None
        return len(self.source_lines[position.line - 1][:position.column].decode(errors="replace"))

    def text(self, op: ir.Located) -> str:
        """The op's source text (its span), cut to a readable length."""
        position = op.position
        if position is None or not 0 < position.line <= len(self.source_lines):
            return "?"
        source = self.source_lines[position.line - 1]
        end = position.end_column if position.end_line == position.line else len(source)
        return _shortened(source[position.column:end].decode(errors="replace").strip())

    def statement_text(self, op: ir.Located) -> str:
        """A statement's first line without its colon: `for x in xs`, `xs[i] = v`."""
        text = self.text(op)
        return text[:-1].rstrip() if text.endswith(":") else text


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_TEXT else text[:_MAX_TEXT - 3] + "..."


def operation_notes(function: ir.FunctionIR, source_lines: list[bytes], declared: dict[str, str]) -> list[OperationNote]:
    """Every operation of `function` with its path, in source order (one note per operation
    and reason: the calls an f-string makes are one note)."""
    return _FunctionReader(function, source_lines, declared).notes()
