# calls sys.exit(3) after printing; code after it never runs
import sys
def check(values):
    bad = [v for v in values if v < 0]
    for v in values:
        print("value", v, "ok" if v >= 0 else "NEGATIVE")
    return len(bad)
n_bad = check([5, 3, -1, 8, -4, 0, 12, -99, 7, 100, -2, 3])
for code in [0, 1, 2, 3]:
    print("status", code, "means", ["ok", "warning", "error", "bad input"][code])
print("bad count:", n_bad)
sys.stdout.flush()
if n_bad:
    print("exiting with status 3")
    sys.exit(3)
print("not reached")
