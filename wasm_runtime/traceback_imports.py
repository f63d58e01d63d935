"""Frozen into every module as `_tpy2wasm_traceback` (stored deflated): runs the stdlib's own
traceback.py for the runtime's excepthook (boot.py), with small stand-ins for the modules it
imports.

traceback.py's imports (linecache -> tokenize -> re -> enum, textwrap, contextlib, collections,
ast) are 20 modules, 0.25 MB deflated plus 0.1 MB of C modules (_sre, _functools, _operator)
in every module, though its printing uses a few functions of them: linecache's three, one of
textwrap, contextlib.suppress, a namedtuple, collections.deque, ast.parse, and for non-ASCII
lines unicodedata.east_asian_width. The stand-ins are those, so the traceback text is still
traceback.py's. Source lines come from the program's own
files (`_tpy2wasm_sources`), from the real linecache when the program imported it (its
cache may hold more), or else from the file, if the program can read it (a granted folder).
"""

import builtins
import sys
import _ast
import _collections_abc
import _imp
import _tpy2wasm
from _collections import deque

_module = type(sys)


def _lines():
    from _tpy2wasm_sources import LINES
    return LINES


def east_asian_width(character):
    """unicodedata.east_asian_width as traceback.py asks it (wide or not) of the program's own
    characters, the only ones whose lines it quotes, for a program without unicodedata."""
    from _tpy2wasm_sources import WIDE_CHARACTERS
    return "W" if character in WIDE_CHARACTERS else "N"


def getline(filename, lineno, module_globals=None):
    linecache = sys.modules.get("linecache")
    if linecache is not None:
        return linecache.getline(filename, lineno, module_globals)
    lines = _lines().get(filename)
    if lines is None:
        lines = _lines()[filename] = _read_source(filename)
    return lines[lineno - 1] if 1 <= lineno <= len(lines) else ""


def _read_source(filename):
    """A source file outside the program's own (in a folder granted with `run --dir`), read as
    linecache reads it: in its PEP 263 encoding (UTF-8 by default, a BOM honoured), with
    universal newlines and a newline after the last line; nothing if it cannot be read."""
    if filename.startswith("<") and filename.endswith(">"):
        return []
    try:
        with open(filename, "rb") as file:
            data = file.read()
        text = data.decode(_source_encoding(data))
    except (OSError, ValueError, LookupError):
        return []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line + "\n" for line in lines[:-1]] + ([lines[-1] + "\n"] if lines[-1] else [])


def _source_encoding(data):
    """tokenize.detect_encoding's answer: a BOM, or a coding cookie on the first line or on the
    second after a blank or comment-only first line."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    for line in data.split(b"\n", 2)[:2]:
        stripped = line.lstrip(b" \t\f")
        if not stripped.startswith(b"#"):
            if stripped.strip():
                break
            continue
        at = stripped.find(b"coding")
        if at > 0 and stripped[at + 6:at + 7] in (b":", b"="):
            name = stripped[at + 7:].lstrip(b" \t")
            end = 0
            while end < len(name) and (chr(name[end]).isalnum() or name[end] in b"-_."):
                end += 1
            if end:
                return name[:end].decode("ascii")
    return "utf-8"


def lazycache(filename, module_globals):
    linecache = sys.modules.get("linecache")
    return linecache is not None and linecache.lazycache(filename, module_globals)


def checkcache(filename=None):
    linecache = sys.modules.get("linecache")
    if linecache is not None:
        linecache.checkcache(filename)


def indent(text, prefix, predicate=None):
    """textwrap.indent."""
    if predicate is None:
        predicate = str.strip
    return "".join(prefix + line if predicate(line) else line for line in text.splitlines(True))


class suppress:
    """contextlib.suppress."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


def namedtuple(typename, field_names, *, defaults=()):
    """collections.namedtuple as traceback.py uses it: fields by position or name, trailing defaults."""
    fields = tuple(field_names)

    def __new__(cls, *values):
        missing = len(fields) - len(values)
        if missing:
            values += tuple(defaults)[len(defaults) - missing:]
        return tuple.__new__(cls, values)

    namespace = {"__new__": __new__, "__slots__": ()}
    for index, name in enumerate(fields):
        namespace[name] = property(lambda self, index=index: self[index])
    return type(typename, (tuple,), namespace)


def parse(source, filename="<unknown>", mode="exec"):
    """ast.parse."""
    return compile(source, filename, mode, _ast.PyCF_ONLY_AST, _feature_version=-1)


def _stand_in(name, **attributes):
    module = _module(name)
    module.__dict__.update(attributes)
    return module


_COLLECTIONS = _stand_in("collections", abc=_collections_abc, deque=deque, namedtuple=namedtuple)
_STAND_INS = {
    "collections": _COLLECTIONS,
    "collections.abc": _COLLECTIONS,  # `import collections.abc` binds `collections`
    "linecache": _stand_in("linecache", getline=getline, lazycache=lazycache, checkcache=checkcache),
    "textwrap": _stand_in("textwrap", indent=indent),
    "contextlib": _stand_in("contextlib", suppress=suppress),
    "ast": _stand_in("ast", **{**_ast.__dict__, "parse": parse}),
}
#: Used only when the program has no unicodedata of its own (a C module of 1 MB).
_UNICODEDATA = _stand_in("unicodedata", east_asian_width=east_asian_width)


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    stand_in = _STAND_INS.get(name) if level == 0 else None
    if stand_in is None:
        try:
            return builtins.__import__(name, globals, locals, fromlist, level)
        except ModuleNotFoundError:
            if name != "unicodedata":
                raise
            return _UNICODEDATA
    if fromlist and name == "collections.abc":
        return _collections_abc
    return stand_in


def _load_traceback():
    """The stdlib's traceback module, run with the stand-ins; not put in sys.modules."""
    module = _module("traceback")
    module.__builtins__ = {**builtins.__dict__, "__import__": _import}
    exec(_imp.get_frozen_object("traceback"), module.__dict__)
    _add_suggestions(module.TracebackException)
    return module


def _add_suggestions(exception_class):
    """CPython's C printer, which the excepthook stands in for, ends the line of a NameError or
    AttributeError with its "Did you mean" (Python/suggestions.c); 3.11's traceback.py does not."""
    plain_init = exception_class.__init__

    def __init__(self, exc_type, exc_value, exc_traceback, **options):
        plain_init(self, exc_type, exc_value, exc_traceback, **options)
        if isinstance(exc_value, (NameError, AttributeError)):
            suggestion = _tpy2wasm.suggestion(exc_value)
            if suggestion is not None:
                self._str += f". Did you mean: '{suggestion}'?"

    exception_class.__init__ = __init__


def print_exception(exc_type, value, traceback, limit):
    """traceback.print_exception to sys.stderr; the real linecache, if the program imported it,
    gets the program's source lines first."""
    linecache = sys.modules.get("linecache")
    if linecache is not None:
        for filename, lines in _lines().items():
            linecache.cache.setdefault(filename, (sum(map(len, lines)), None, lines, filename))
    _load_traceback().print_exception(exc_type, value, traceback, limit=limit, file=sys.stderr)
