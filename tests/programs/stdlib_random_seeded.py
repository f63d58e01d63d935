# random with fixed seeds: random, randint, choice, shuffle, sample, uniform, gauss, Random instances
import random
random.seed(42)
print([round(random.random(), 12) for _ in range(5)])
print([random.randint(1, 100) for _ in range(10)])
print([random.randrange(0, 50, 5) for _ in range(8)])
items = ["apple", "banana", "cherry", "date", "elder", "fig", "grape"]
print([random.choice(items) for _ in range(6)])
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(items, 3), random.sample(range(1000), 5))
print(random.choices(items, k=5), random.choices(["a", "b", "c"], weights=[10, 1, 1], k=8))
print(round(random.uniform(1, 10), 10), round(random.gauss(0, 1), 10), round(random.triangular(0, 1, 0.2), 10))
print(random.getrandbits(64), random.getrandbits(200), random.randbytes(8).hex())
random.seed(42)
again = [round(random.random(), 12) for _ in range(5)]
print(again)
r1 = random.Random(12345)
r2 = random.Random(12345)
print([r1.randint(0, 9) for _ in range(15)] == [r2.randint(0, 9) for _ in range(15)])
print(r1.random(), r2.random())
random.seed("a string seed")
print(random.randint(0, 10 ** 9), random.random())
random.seed(b"bytes seed")
print(random.randint(0, 10 ** 9))
random.seed(0)
state = random.getstate()
first = [random.random() for _ in range(3)]
random.setstate(state)
print(first == [random.random() for _ in range(3)], first)
random.seed(7)
walk, pos = [], 0
for _ in range(20):
    pos += random.choice([-1, 1])
    walk.append(pos)
print(walk)
random.seed(2024)
counts = {k: 0 for k in "abc"}
for _ in range(3000):
    counts[random.choice("abc")] += 1
print(counts)
random.seed(99)
print(round(random.expovariate(1.5), 10), round(random.betavariate(2, 3), 10), round(random.normalvariate(10, 2), 10))
print(sorted(random.sample(range(100), 10)), random.randint(-5, -5))
