# textwrap, heapq, bisect, string module
import textwrap, heapq, bisect, string
para = ("The quick brown fox jumps over the lazy dog. " * 3).strip()
print(textwrap.fill(para, width=30))
print(textwrap.wrap(para, width=40)[:2])
print(textwrap.shorten(para, width=50, placeholder=" [...]"))
print(textwrap.indent("line one\nline two\n\nline four", "> "))
print(textwrap.dedent("""
        indented
          more
        back
    """).strip("\n"))
print(textwrap.fill("supercalifragilisticexpialidocious word", width=10))
print(textwrap.fill("a b c d e f g", width=5, initial_indent="* ", subsequent_indent="  "))
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, h[0], [heapq.heappop(h) for _ in range(3)], h)
nums = [15, 3, 22, 8, 1, 99, 42, 7]
heapq.heapify(nums)
print(nums, heapq.nlargest(3, nums), heapq.nsmallest(2, nums), heapq.heappushpop(nums, 0), heapq.heapreplace(nums, 50))
tasks = [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]
heapq.heapify(tasks)
print([heapq.heappop(tasks) for _ in range(len(tasks))])
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
def k_smallest_sum(a, b, k):
    out, seen = [], {(0, 0)}
    pq = [(a[0] + b[0], 0, 0)]
    while pq and len(out) < k:
        s, i, j = heapq.heappop(pq)
        out.append(s)
        for ni, nj in ((i + 1, j), (i, j + 1)):
            if ni < len(a) and nj < len(b) and (ni, nj) not in seen:
                seen.add((ni, nj))
                heapq.heappush(pq, (a[ni] + b[nj], ni, nj))
    return out
print(k_smallest_sum([1, 7, 11], [2, 4, 6], 6))
srt = [1, 2, 4, 4, 4, 7, 9]
print(bisect.bisect_left(srt, 4), bisect.bisect_right(srt, 4), bisect.bisect(srt, 0), bisect.bisect(srt, 100), bisect.bisect_left(srt, 5))
bisect.insort(srt, 5); bisect.insort_left(srt, 4); bisect.insort_right(srt, 10)
print(srt)
def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100, 60, 59]])
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]), bisect.bisect_right([10, 20, 30], 20, lo=0, hi=2))
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.ascii_lowercase, string.ascii_uppercase, repr(string.whitespace), len(string.printable), string.punctuation)
print(string.capwords("hello   wORLD  foo"), string.capwords("a-b c-d", "-"))
tpl = string.Template("$who likes $what; ${who}s cost $$5")
print(tpl.substitute(who="Tim", what="kung pao"), tpl.safe_substitute(who="Ann"))
try:
    tpl.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
fmt = string.Formatter()
print(fmt.format("{0}-{name:>5}", 1, name="n"), [t[1] for t in fmt.parse("a{x}b{y!r:>3}c")])
