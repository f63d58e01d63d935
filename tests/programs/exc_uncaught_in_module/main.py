# ends with an uncaught exception raised inside a function of an imported local module
import helpers
from helpers import process

print("module name:", helpers.__name__, "main name:", __name__)
print(process([0, 1, 2, 4, 9, 10]))
print("calls so far:", helpers.STATS["calls"])
for v in [0.25, 2.25, 1e6, 123456789]:
    print("sqrt", v, "=", helpers.checked_sqrt(v))
for bad in [-1, -0.5, -1e-9]:
    try:
        helpers.checked_sqrt(bad)
    except ValueError as e:
        print("rejected", bad, "|", e)
print("stats dict is shared:", helpers.STATS is __import__("helpers").STATS, helpers.STATS)
try:
    process([1, -1])
except ValueError as e:
    print("caught:", e)
print("calls so far:", helpers.STATS["calls"])
print("now uncaught:")
print(process([16, 25, -7, 36]))
