# list operations, slicing assignment, sorting stability
a = [5, 3, 8, 1, 9, 2]
a.append(7); a.insert(0, 10); a.insert(-1, 11); a.insert(100, 12)
print(a, len(a), a.index(8), a.count(3), 9 in a, 99 not in a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(8)
print(a, sorted(a), sorted(a, reverse=True), a[::-1], a[1:-1], a[-2:])
try:
    a.remove(100)
except ValueError as e:
    print("ValueError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    a[50]
except IndexError as e:
    print("IndexError", e)
b = list(range(10))
b[2:5] = ["a", "b"]
print(b)
b[1:1] = [100, 200, 300]
print(b)
b[::2] = [0] * len(b[::2])
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
del b[::3]
print(b)
del b[1:3]
print(b)
b[:] = []
print(b, b == [], [] is not b)
c = [1, 2] * 3 + [3]
c.extend(range(3)); c += "xy"
print(c, c.count(1), c * 0, [[0] * 2] * 2)
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
alias = [[0] * 3] * 3
alias[1][1] = 5
print(m, alias)
pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1), ("f", 2)]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
print(sorted(pairs, key=lambda p: (-p[1], p[0])))
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
nums.sort(key=abs)
print(nums, min(nums), max(nums), sum(nums), max(nums, key=abs), min([], default="empty"))
nums.reverse()
print(nums, list(reversed(nums)), nums.copy() == nums, nums.copy() is nums)
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [2] > [1, 9, 9], [1, [2, 3]] == [1, [2, 3]])
nested = [1, [2, [3, [4, [5]]]], (6, 7), {"k": [8]}]
print(nested, nested[1][1][1][0], repr(nested))
rec = [1, 2]
rec.append(rec)
print(rec)
print(list(enumerate("abc", 1)), list(zip([1, 2, 3], "ab")), [x for x in range(20) if x % 3 == 0])
c2 = [1, 2, 3]
c2.clear()
print(c2, [None] * 3, list(map(str, [1, 2])), list(filter(None, [0, 1, "", "a", None, [], [0]])))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
