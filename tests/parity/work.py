"""Untyped work for the instruction-count parity test: `work.py KIND ROUNDS`.

KIND is `objects` (small objects, tuples and strings made and freed: the allocator's work) or
`copies` (big ints, bytes and strings: large memset, memcpy and memmove); ROUNDS 0 runs only
the start-up, so the difference between two counts is the work's alone.
"""

import sys


class Node:
    def __init__(self, value, left, right):
        self.value = value
        self.left = left
        self.right = right


def tree(depth):
    if depth == 0:
        return Node(0, None, None)
    return Node(depth, tree(depth - 1), tree(depth - 1))


def total(node):
    if node is None:
        return 0
    return node.value + total(node.left) + total(node.right)


def objects():
    checksum = 0
    for i in range(40):
        checksum += total(tree(10))
        words = [str(j) + "-" + str(i) for j in range(300)]
        checksum += len(" ".join(words[::3])) + len({w: (w, i) for w in words})
    return checksum


def copies():
    number = 3 ** 4000
    checksum = 0
    for i in range(1, 60):
        product = number * (number + i)
        checksum ^= (product // (number - i)) & 0xFFFF
        number = number + (product >> 7000)
        data = bytearray(20_000 + i)
        text = "ab" * (10_000 + i)
        items = list(range(2_000))
        del items[:i]
        checksum += len(bytes(data[1:]) + data[:-1]) + len((text + text)[i:]) + len(items)
    return checksum


if __name__ == "__main__":
    kind, rounds = sys.argv[1], int(sys.argv[2])
    work = {"objects": objects, "copies": copies}[kind]
    print(sum(work() for _ in range(rounds)))
