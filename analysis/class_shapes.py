"""Which of the program's classes have a fixed shape, and why the others do not.

A class has a fixed shape when CPython keeps its instances' attributes in inline values beside
the object, indexed like the class's shared dict keys, and nothing in the class decides
attribute access itself: native code then reads and writes them in place
(codegen/instance_attributes.py). The verdict is what `tpy2wasm explain` reports; it does not
change what any code computes, since native code tests the instance's type at run time and takes
CPython's lookup whenever the class, a subclass or an instance does something else.
"""

from __future__ import annotations

import ast
from typing import Final

from mypy.nodes import ClassDef

from tpy2wasm.analysis.nested_code import parsed_source
from tpy2wasm.analysis.report import ClassVerdict

#: Methods through which a class decides attribute access itself.
_ACCESS_HOOKS: Final = ("__getattr__", "__getattribute__", "__setattr__", "__delattr__")
#: Bases from outside the program whose instances keep their attributes in inline values.
_PLAIN_BASES: Final = frozenset({"builtins.object", "typing.Generic"})


def class_verdict(module: str, path: str, definition: ClassDef, program_modules: frozenset[str]) -> ClassVerdict:
    verdict = ClassVerdict(module, definition.name, path, definition.line)
    info = definition.info
    metaclass = info.metaclass_type
    if metaclass is not None and metaclass.type.fullname != "builtins.type":
        verdict.reject(definition.line, f"its metaclass {metaclass.type.name} may decide how it is built")
    for base in info.mro[1:]:
        if base.module_name not in program_modules and base.fullname not in _PLAIN_BASES:
            verdict.reject(definition.line, f"it derives from {base.fullname}, whose instances keep "
                                            "their attributes elsewhere")
            break
    for owner in info.mro:
        if owner.slots is not None and owner.module_name in program_modules:
            verdict.reject(definition.line, f"{owner.name} declares __slots__: CPython's member descriptors hold them")
        for hook in _ACCESS_HOOKS:
            if hook in owner.names and owner.fullname != "builtins.object":
                verdict.reject(definition.line, f"{owner.name} defines {hook}")
    for line in _computed_setattr_lines(path, definition):
        verdict.reject(line, "it sets attributes by computed names (setattr)")
    return verdict


def _computed_setattr_lines(path: str, definition: ClassDef) -> list[int]:
    """The lines in the class's body that call `setattr` with a name that is not a literal."""
    source = next((node for node in parsed_source(path).body
                   if isinstance(node, ast.ClassDef) and node.lineno == definition.line), None)
    return [node.lineno for node in ast.walk(source) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id == "setattr" and len(node.args) >= 2
            and not isinstance(node.args[1], ast.Constant)] if source is not None else []
