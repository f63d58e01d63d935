# raises the recursion limit to 20000 and recurses 15000 deep in plain Python functions
import sys
sys.setrecursionlimit(20000)
print("limit:", sys.getrecursionlimit())

def depth_sum(n):
    if n == 0:
        return 0
    return n + depth_sum(n - 1)

def build_list(n):
    if n == 0:
        return []
    rest = build_list(n - 1)
    rest.append(n)
    return rest

def count_down(n, acc):
    if n == 0:
        return acc
    return count_down(n - 1, acc + (n % 7))

def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print("depth_sum(15000):", depth_sum(15000))
lst = build_list(15000)
print("build_list:", len(lst), lst[:5], lst[-3:])
print("count_down:", count_down(15000, 0))
print("mutual even/odd 14999:", is_even(14999), is_odd(14999))
class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
head = None
for i in range(15000):
    head = Node(i, head)
def length(node):
    return 0 if node is None else 1 + length(node.nxt)
def total(node):
    return 0 if node is None else node.v + total(node.nxt)
print("linked list length:", length(head), "total:", total(head))
def nested(n):
    return [] if n == 0 else [nested(n - 1)]
def depth(x):
    return 0 if not x else 1 + depth(x[0])
print("nested depth:", depth(nested(5000)))
for n in (0, 1, 2, 10, 100, 1000, 5000, 10000, 14999, 15000):
    print(n, depth_sum(n), count_down(n, 0))
