# generator expressions, pipelines and itertools
import itertools as it

def numbers():
    n = 0
    while True:
        yield n
        n += 1

evens = (x for x in numbers() if x % 2 == 0)
squares = (x * x for x in evens)
print(list(it.islice(squares, 8)))
print(list(it.chain([1, 2], "ab", (3,))), list(it.chain.from_iterable([[1], [2, 3], []])))
print(list(it.islice("abcdefg", 2, None, 2)), list(it.islice(range(100), 5)))
print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.count(1.5, 0.5), 3)))
print(list(it.islice(it.cycle("xyz"), 7)), list(it.repeat("r", 3)))
print(list(it.accumulate([1, 2, 3, 4, 5])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], initial=100)))
print(list(it.takewhile(lambda x: x < 4, [1, 3, 5, 2])), list(it.dropwhile(lambda x: x < 4, [1, 3, 5, 2])))
print(list(it.filterfalse(str.isdigit, "a1b2c3")), list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.zip_longest("abc", [1], fillvalue="-")))
print(list(it.product("ab", range(2))), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations("abc", 2)), list(it.combinations(range(4), 3)))
print(list(it.combinations_with_replacement("ab", 2)), list(it.pairwise([1, 2, 4, 7])))
for key, grp in it.groupby("aaabccddda"):
    print(key, list(grp))
data = sorted([("fruit", "apple"), ("veg", "kale"), ("fruit", "fig"), ("veg", "leek"), ("nut", "pecan")])
for key, grp in it.groupby(data, key=lambda t: t[0]):
    print(key, [v for _, v in grp])
a, b = it.tee([1, 2, 3])
print(list(a), list(b))
print(list(zip(*it.tee("xy", 3))))
print(list(map(lambda x, y: x + y, [1, 2, 3], [10, 20])), list(zip(range(3), it.count())))
def chunks(iterable, n):
    iterator = iter(iterable)
    while chunk := list(it.islice(iterator, n)):
        yield chunk
print(list(chunks(range(10), 3)))
def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, (4, 5)], []], 6])))
pipeline = sum(len(w) for w in "the quick brown fox".split() if "o" in w)
print(pipeline)
gen = (c.upper() for c in "hello")
print(next(gen), "".join(gen), list(gen))
print(sorted(it.chain(*[range(i) for i in range(4)])), list(reversed(list(enumerate("ab")))))
print(list(enumerate(it.islice(numbers(), 3), start=-1)), dict(zip("abc", it.count(1))))
