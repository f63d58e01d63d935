# raises SystemExit("fatal message"): exit code 1 and the message on stderr
import sys
steps = ["load", "validate", "transform", "save"]
records = [{"id": i, "value": i * i - 10} for i in range(8)]
for r in records:
    print("record", r["id"], "value", r["value"], "ok" if r["value"] >= 0 else "negative")
print("negative count:", sum(r["value"] < 0 for r in records))
for i, s in enumerate(steps):
    print(f"step {i}: {s}")
    if s == "transform":
        print("transform failed, aborting")
        raise SystemExit("fatal message: transform step failed")
print("not reached")
