# custom exception hierarchies, args/str/repr, attributes, isinstance matching
class BankError(Exception):
    """Base error."""
class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed = needed
        self.available = available
class AccountLocked(BankError):
    pass
class WeirdError(BankError):
    def __str__(self):
        return "custom str"
    def __repr__(self):
        return "WeirdError<custom repr>"
class NoArgsInit(Exception):
    def __init__(self):
        pass

for exc in [BankError(), BankError("one"), BankError("a", 2), InsufficientFunds(50, 20),
            AccountLocked("acct-7"), WeirdError("ignored"), NoArgsInit(), ValueError(),
            KeyError("key"), KeyError(), OSError("disk full"), FileNotFoundError("no such file"), UnicodeError("u"),
            StopIteration(5), SystemExit(3), Exception(None), Exception("")]:
    print(type(exc).__name__, "| str:", repr(str(exc)), "| repr:", repr(exc), "| args:", exc.args)

def withdraw(balance, amount, locked=False):
    if locked:
        raise AccountLocked("locked account")
    if amount > balance:
        raise InsufficientFunds(amount, balance)
    return balance - amount
for args in [(100, 30), (10, 30), (100, 1, True)]:
    try:
        print("new balance", withdraw(*args))
    except InsufficientFunds as e:
        print("insufficient:", e, e.needed - e.available)
    except BankError as e:
        print("bank error:", type(e).__name__, e)

print(issubclass(InsufficientFunds, BankError), issubclass(BankError, Exception), issubclass(Exception, BaseException))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(StopIteration, Exception))
print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(FileNotFoundError, OSError), issubclass(UnicodeDecodeError, ValueError), issubclass(RecursionError, RuntimeError))
print(issubclass(NotImplementedError, RuntimeError), issubclass(ModuleNotFoundError, ImportError), issubclass(TimeoutError, OSError))
print([c.__name__ for c in InsufficientFunds.__mro__])
print(BankError.__doc__, InsufficientFunds.__doc__)
handlers = (KeyError, ZeroDivisionError)
for thunk in [lambda: {}["x"], lambda: 1 / 0, lambda: [][0], lambda: int("q")]:
    try:
        thunk()
    except handlers as e:
        print("tuple handler", type(e).__name__)
    except LookupError as e:
        print("lookup handler", type(e).__name__, e)
    except Exception as e:
        print("generic handler", type(e).__name__, e)
e = InsufficientFunds(1, 0)
e.extra = "attached"
print(e.extra, e.args, vars(e))
try:
    raise InsufficientFunds
except TypeError as te:
    print("TypeError", te)
try:
    raise 42
except TypeError as te:
    print("TypeError", te)
class E(Exception):
    pass
try:
    raise E
except E as caught:
    print("class raised:", repr(caught), caught.args)
print(repr(OSError("plain")), OSError("x").errno, str(PermissionError("denied")), repr(TimeoutError()), type(OSError("m")).__name__)
print(repr(ArithmeticError("a")), repr(LookupError()), str(KeyError("a b")), str(KeyError(1, 2)), str(IndexError(3)))
