# chained exceptions: raise from, implicit __context__, suppress_context, traceback formatting of chain
import traceback

class AppError(Exception):
    pass

def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise AppError(f"missing config {key!r}") from e

try:
    load("b")
except AppError as e:
    print(type(e).__name__, e)
    print("cause:", repr(e.__cause__), "context:", repr(e.__context__))
    print("suppress_context:", e.__suppress_context__)

try:
    try:
        int("xyz")
    except ValueError:
        {}["implicit"]
except KeyError as e:
    print("KeyError", e, "context:", type(e.__context__).__name__, e.__context__, "cause:", e.__cause__)
    print("suppress:", e.__suppress_context__)

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second") from None
except TypeError as e:
    print("from None:", e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

def three_levels():
    try:
        try:
            raise OSError("disk")
        except OSError as e1:
            raise RuntimeError("runtime") from e1
    except RuntimeError as e2:
        raise AppError("app") from e2
try:
    three_levels()
except AppError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(f"{type(cur).__name__}({cur})")
        cur = cur.__cause__ or cur.__context__
    print(" <- ".join(chain))

try:
    load("zz")
except AppError as e:
    lines = traceback.format_exception_only(type(e), e)
    print("".join(lines), end="")
    tb = traceback.format_exception(type(e), e, e.__traceback__)
    print([l.splitlines()[0] for l in tb if not l.startswith("  ")])

class Closer:
    def __exit__(self, *a):
        raise RuntimeError("exit failed")
    def __enter__(self):
        return self
try:
    with Closer():
        raise ValueError("body failed")
except RuntimeError as e:
    print("with:", e, "context:", repr(e.__context__))

try:
    try:
        raise ValueError("orig")
    finally:
        print("finally raising")
        raise KeyError("from finally")
except KeyError as e:
    print("finally:", e, "context:", repr(e.__context__))

err = ValueError("manual")
err.__cause__ = KeyError("set by hand")
print(repr(err.__cause__), err.__suppress_context__)
try:
    raise err
except ValueError as e:
    print(e.__suppress_context__, e.__cause__ is err.__cause__)
e1 = Exception("x")
e2 = e1.with_traceback(None)
print(e1 is e2, e1.__traceback__)
try:
    raise AppError("note me")
except AppError as e:
    e.add_note("extra note 1")
    e.add_note("extra note 2")
    print(e.__notes__)
    print(traceback.format_exception_only(type(e), e))
