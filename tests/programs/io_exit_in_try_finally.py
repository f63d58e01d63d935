# sys.exit() inside try/finally; SystemExit can be caught and inspected; final exit code comes from last sys.exit
import sys
try:
    print("try block")
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit code:", e.code, repr(e), e.args)
finally:
    print("finally 1")
try:
    sys.exit("string code")
except SystemExit as e:
    print("caught string code:", repr(e.code))
try:
    sys.exit()
except SystemExit as e:
    print("caught no-arg code:", e.code)
try:
    raise SystemExit(0)
except BaseException as e:
    print("caught via BaseException:", type(e).__name__, e.code)
try:
    try:
        sys.exit(7)
    except Exception:
        print("Exception does not catch SystemExit")
except SystemExit as e:
    print("outer caught", e.code)
for code in [0, 1, 2, 255, "msg", None, (1, 2)]:
    try:
        sys.exit(code)
    except SystemExit as e:
        print("sys.exit(%r) -> code=%r args=%r str=%r" % (code, e.code, e.args, str(e)))
def nested_finally(depth):
    try:
        if depth == 0:
            sys.exit(9)
        nested_finally(depth - 1)
    finally:
        print("unwinding finally at depth", depth)
try:
    nested_finally(3)
except SystemExit as e:
    print("stopped unwinding, code", e.code)
def cleanup():
    try:
        print("about to exit with 4")
        sys.exit(4)
    finally:
        print("finally in cleanup runs")
        sys.stdout.flush()
try:
    cleanup()
finally:
    print("module-level finally runs")
print("not reached")
