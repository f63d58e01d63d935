# try/except/else/finally ordering, finally with return, break/continue in finally
def attempt(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("bad value")
        if kind == "key":
            raise KeyError("k")
        if kind == "zero":
            1 // 0
        log.append("try-end")
    except ValueError as e:
        log.append(f"except-value:{e}")
    except (KeyError, IndexError) as e:
        log.append(f"except-lookup:{type(e).__name__}")
    except Exception as e:
        log.append(f"except-generic:{e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in ["none", "value", "key", "zero"]:
    print(k, attempt(k))

def finally_return():
    try:
        return "from try"
    finally:
        print("finally runs before return")
print(finally_return())

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())

def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallows())

def loop_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_finally())

def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    else:
        print("no else")
nested()

def reraise():
    try:
        raise IndexError("original")
    except IndexError:
        print("logging and re-raising")
        raise
try:
    reraise()
except IndexError as e:
    print("re-raised", e)

e_var = "before"
try:
    raise ValueError("x")
except ValueError as e_var:
    pass
try:
    print(e_var)
except NameError as ne:
    print("NameError", ne)

def gen_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
gc_gen = gen_cleanup()
for v in gc_gen:
    print("value", v)
    break
print("after gen loop")
gc_gen.close()
print("after close")

count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise RuntimeError(f"retry {count}")
        print("succeeded at", count)
        break
    except RuntimeError as e:
        print("caught", e)
try:
    raise Exception("a", 1, None)
except Exception as e:
    print(e.args, str(e), repr(e))
try:
    try:
        1 / 0
    finally:
        print("cleanup during propagation")
except ZeroDivisionError as e:
    print("propagated:", e)
def except_star_like():
    errors = []
    for x in [1, 0, "a", None]:
        try:
            errors.append(10 / x)
        except ZeroDivisionError:
            errors.append("zero")
        except TypeError as e:
            errors.append(str(e))
    return errors
print(except_star_like())
