# reads sys.argv[1:] (see io_argv.argv.json); parses options and positional args
import sys, os
args = sys.argv[1:]
print("script:", os.path.basename(sys.argv[0]))
print("argc:", len(args))
for i, a in enumerate(args):
    print(f"arg[{i}] = {a!r} len={len(a)}")
opts, positional = {}, []
it = iter(args)
for a in it:
    if a == "--":
        positional.extend(it)
        break
    if a.startswith("--"):
        key, eq, val = a[2:].partition("=")
        opts[key] = val if eq else True
    elif a.startswith("-") and len(a) > 1 and not a[1:].lstrip("-").replace(".", "").isdigit():
        for flag in a[1:]:
            opts[flag] = True
    else:
        positional.append(a)
print("options:", dict(sorted(opts.items())))
print("positional:", positional)
nums = []
for p in positional:
    try:
        nums.append(float(p) if "." in p else int(p))
    except ValueError:
        print("not a number:", repr(p))
print("numbers:", nums, "sum:", sum(nums))
print("upper:", [a.upper() for a in args if a.isalpha()])
print("joined:", " ".join(args))
print("unicode lengths:", [len(a.encode("utf-8")) for a in args])
