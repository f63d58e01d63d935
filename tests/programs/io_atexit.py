# atexit handlers run in reverse registration order after main code finishes
import atexit
def bye(name, *extra, **kw):
    print("atexit:", name, extra, sorted(kw.items()))
atexit.register(bye, "first")
atexit.register(bye, "second", 1, 2)
atexit.register(bye, "third", key="value")
@atexit.register
def decorated():
    print("atexit: decorated (registered fourth)")
def never():
    print("this handler was unregistered")
atexit.register(never)
atexit.unregister(never)
state = {"count": 0}
def report():
    print("atexit: report count =", state["count"])
atexit.register(report)
for i in range(12):
    state["count"] += i
    print("main work", i, state["count"])
print("main done")
