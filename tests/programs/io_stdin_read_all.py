# reads all of sys.stdin (utf-8 text with non-ASCII), analyses it
import sys
data = sys.stdin.read()
print("chars:", len(data), "bytes:", len(data.encode("utf-8")))
lines = data.splitlines()
print("lines:", len(lines))
for i, line in enumerate(lines, 1):
    print(f"{i:2}: {line!r} words={len(line.split())} upper={line.upper()}")
words = data.split()
print("words:", len(words))
freq = {}
for w in words:
    w = w.strip(".,!?").lower()
    if w:
        freq[w] = freq.get(w, 0) + 1
for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8]:
    print(f"{w:>10} {c}")
non_ascii = sorted({ch for ch in data if ord(ch) > 127})
print("non-ascii:", "".join(non_ascii), [hex(ord(c)) for c in non_ascii])
print("ends with newline:", data.endswith("\n"))
print("reversed last line:", lines[-1][::-1])
print("more input:", repr(sys.stdin.read()))
