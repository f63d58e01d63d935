# Reads argv and stdin together (input() first, then the rest), then exits with a status from argv.
import sys

args = sys.argv[1:]
print("argv:", args)
first = input("prompt> ")
rest = sys.stdin.read().splitlines()
print("first:", first.upper())
for arg, line in zip(args, rest):
    print(f"{arg} -> {line[::-1]!r}")
print(len(rest), "more lines", file=sys.stderr)
sys.exit(len(args))
