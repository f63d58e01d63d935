"""Untyped generators: every partition of a set, produced by nested recursive generators."""


def partitions(items):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for smaller in partitions(rest):
        for index in range(len(smaller)):
            yield smaller[:index] + [[first] + smaller[index]] + smaller[index + 1:]
        yield [[first]] + smaller


def main():
    count = 0
    blocks = 0
    largest = 0
    for partition in partitions(list(range(10))):
        count += 1
        blocks += len(partition)
        largest = max(largest, max(len(block) for block in partition))
    print(count, blocks, largest)


main()
