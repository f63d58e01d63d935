"""Untyped allocation of object trees: the binary-trees benchmark, with nodes as class instances."""


class Node:
    def __init__(self, left, right):
        self.left = left
        self.right = right

    def check(self):
        if self.left is None:
            return 1
        return 1 + self.left.check() + self.right.check()


def make_tree(depth):
    if depth == 0:
        return Node(None, None)
    depth -= 1
    return Node(make_tree(depth), make_tree(depth))


def main(max_depth):
    min_depth = 4
    stretch = max_depth + 1
    print(f"stretch tree of depth {stretch}\t check: {make_tree(stretch).check()}")
    long_lived = make_tree(max_depth)
    for depth in range(min_depth, max_depth + 1, 2):
        iterations = 2 ** (max_depth - depth + min_depth)
        checked = sum(make_tree(depth).check() for _ in range(iterations))
        print(f"{iterations}\t trees of depth {depth}\t check: {checked}")
    print(f"long lived tree of depth {max_depth}\t check: {long_lived.check()}")


main(12)
