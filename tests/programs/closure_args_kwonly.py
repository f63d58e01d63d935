# function signatures: defaults, *args, **kwargs, keyword-only, positional-only, mutable default pitfall, function attributes
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, d=0))
print(f(*[1, 2, 3], **{"c": "C", "z": "Z"}))
def pos_only(x, y, /, z=0, *, w=1):
    return x + y + z + w
print(pos_only(1, 2), pos_only(1, 2, 3), pos_only(1, 2, z=3, w=4))
for call in [lambda: pos_only(x=1, y=2), lambda: f(1), lambda: f(1, 2, c=3, a=9), lambda: pos_only(1, 2, 3, 4), lambda: f()]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def append_safe(x, acc=None):
    acc = [] if acc is None else acc
    acc.append(x)
    return acc
print(append_safe(1), append_safe(2))
print(append_to.__defaults__, f.__kwdefaults__, f.__code__.co_argcount, f.__code__.co_kwonlyargcount, pos_only.__code__.co_posonlyargcount)
def annotated(a: int, b: "str" = "x") -> list:
    """Docstring here."""
    return [a, b]
print(annotated.__annotations__, annotated.__doc__, annotated.__name__, annotated.__qualname__)
def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
counter(); counter()
print(counter.calls, counter.__dict__)
class K:
    def method(self):
        def inner():
            return 1
        return inner
print(K.method.__qualname__, K().method().__qualname__, (lambda: 0).__name__)
def varargs_only(*args):
    return len(args), args
print(varargs_only(), varargs_only(1), varargs_only(*"abc"), varargs_only(*range(3), *[9]))
def kw_only(**kw):
    return kw
print(kw_only(), kw_only(a=1, b=2), kw_only(**{"x y": 1}), kw_only(**{"a": 1}, **{"b": 2}))
try:
    kw_only(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError", e)
def gen_default(n, cache={}):
    if n not in cache:
        cache[n] = n * n
        print("miss", n)
    return cache[n]
print(gen_default(3), gen_default(3), gen_default(4), sorted(gen_default.__defaults__[0].items()))
def make_multiplier(k):
    def mul(x, *, scale=1):
        return x * k * scale
    return mul
double = make_multiplier(2)
print(double(5), double(5, scale=10), double("ab"), make_multiplier(0.5)(3))
lam = lambda *a, sep="-", **k: sep.join(map(str, a)) + str(sorted(k))
print(lam(1, 2, 3), lam("x", sep="+", q=1), lam())
def unpack_in_call(a, b, c, d, e):
    return f"{a}{b}{c}{d}{e}"
print(unpack_in_call(*"ab", *("c",), **{"e": "E", "d": "D"}), unpack_in_call(1, *[2, 3], e=5, d=4))
print((lambda x, y=10: x * y)(3), (lambda: "no args")(), list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
def recurse_default(n, depth=0):
    return depth if n <= 1 else recurse_default(n // 2, depth + 1)
print([recurse_default(2 ** k) for k in range(8)])
def outer_fn():
    return inner_fn() * 2
def inner_fn():
    return 21
print(outer_fn(), callable(outer_fn), callable(5), callable(K), callable(K()))
