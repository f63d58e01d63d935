# prints sys.getrecursionlimit() and changes it; moderate recursive algorithms
import sys
print("default limit:", sys.getrecursionlimit())
sys.setrecursionlimit(1500)
print("after set:", sys.getrecursionlimit())
for lim in (50, 200, 5000):
    sys.setrecursionlimit(lim)
    print("set", lim, "->", sys.getrecursionlimit())
sys.setrecursionlimit(1000)
print("restored:", sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print("ackermann(2, 3):", ackermann(2, 3), "ackermann(3, 3):", ackermann(3, 3))

def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src, moves)
    return moves
m = hanoi(4, "A", "C", "B", [])
print("hanoi(4):", len(m), m[:5])

def permutations(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in permutations(s[:i] + s[i + 1:])]
print("perms:", permutations("abcd")[:8], len(permutations("abcde")))

def flood(grid, r, c):
    if not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != ".":
        return 0
    grid[r][c] = "#"
    return 1 + flood(grid, r + 1, c) + flood(grid, r - 1, c) + flood(grid, r, c + 1) + flood(grid, r, c - 1)
g = [list(row) for row in ["..x..", ".xx..", "x...x", "..x.."]]
print("flood:", flood(g, 0, 3))
for row in g:
    print("".join(row))

def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    l, r = merge_sort(a[:mid]), merge_sort(a[mid:])
    out = []
    while l and r:
        out.append(l.pop(0) if l[0] <= r[0] else r.pop(0))
    return out + l + r
print("merge_sort:", merge_sort([5, 2, 9, 1, 5, 6, -3, 0, 12, 7]))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + x for x in rest]
print("power_set:", power_set([1, 2, 3]))
def depth800(n):
    return 0 if n == 0 else 1 + depth800(n - 1)
print("depth 800 under limit 1000:", depth800(800))
