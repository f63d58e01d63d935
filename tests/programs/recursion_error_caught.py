# unbounded recursion with the default limit raises RecursionError, which is caught
def forever(n):
    return forever(n + 1) + 1

try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__)
    print("caught")
print("is RuntimeError subclass:", issubclass(RecursionError, RuntimeError))

def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
try:
    ping(0)
except RuntimeError as e:
    print(type(e).__name__)
    print("caught mutual")

class Chain:
    def __init__(self, depth):
        self.depth = depth
    def walk(self):
        return Chain(self.depth + 1).walk()
try:
    Chain(0).walk()
except RecursionError as e:
    print(type(e).__name__)
    print("caught method recursion")

def safe_depth(n=0):
    try:
        return safe_depth(n + 1)
    except RecursionError:
        return n
d = safe_depth()
for attempt in range(5):
    try:
        forever(attempt)
    except RecursionError:
        print("attempt", attempt, "RecursionError again, recovered")
print("recovered, depth is positive:", d > 100)
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print("normal recursion still works:", fact(20), len(str(fact(200))))
