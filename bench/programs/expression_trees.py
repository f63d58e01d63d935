"""Untyped recursion over objects: build, evaluate, differentiate and simplify expression trees."""


class Num:
    def __init__(self, value):
        self.value = value

    def evaluate(self, x):
        return self.value

    def derive(self):
        return Num(0)

    def simplify(self):
        return self


class Var:
    def evaluate(self, x):
        return x

    def derive(self):
        return Num(1)

    def simplify(self):
        return self


class Add:
    def __init__(self, left, right):
        self.left, self.right = left, right

    def evaluate(self, x):
        return self.left.evaluate(x) + self.right.evaluate(x)

    def derive(self):
        return Add(self.left.derive(), self.right.derive())

    def simplify(self):
        left, right = self.left.simplify(), self.right.simplify()
        if isinstance(left, Num) and isinstance(right, Num):
            return Num(left.value + right.value)
        if isinstance(left, Num) and left.value == 0:
            return right
        if isinstance(right, Num) and right.value == 0:
            return left
        return Add(left, right)


class Mul:
    def __init__(self, left, right):
        self.left, self.right = left, right

    def evaluate(self, x):
        return self.left.evaluate(x) * self.right.evaluate(x)

    def derive(self):
        return Add(Mul(self.left.derive(), self.right), Mul(self.left, self.right.derive()))

    def simplify(self):
        left, right = self.left.simplify(), self.right.simplify()
        if isinstance(left, Num) and isinstance(right, Num):
            return Num(left.value * right.value)
        for a, b in ((left, right), (right, left)):
            if isinstance(a, Num) and a.value == 0:
                return Num(0)
            if isinstance(a, Num) and a.value == 1:
                return b
        return Mul(left, right)


def build(seed, depth):
    seed = (seed * 1103515245 + 12345) % 2147483648
    if depth == 0:
        return (Var() if seed % 3 else Num(seed % 7)), seed
    left, seed = build(seed, depth - 1)
    right, seed = build(seed, depth - 1)
    return (Add(left, right) if seed % 2 else Mul(left, right)), seed


def size(node):
    if isinstance(node, (Add, Mul)):
        return 1 + size(node.left) + size(node.right)
    return 1


def main():
    seed = 42
    total = 0
    nodes = 0
    for _ in range(60):
        tree, seed = build(seed, 9)
        derivative = tree.derive().simplify()
        nodes += size(derivative)
        total += tree.evaluate(3) % 1000003 + derivative.evaluate(2) % 1000003
    print(total, nodes)


main()
