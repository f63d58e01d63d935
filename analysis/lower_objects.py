"""Lowering of objects: strings, attributes, names of anything
(functions, classes, modules, builtins) and calls of any callable, exactly as CPython
evaluates them -- the callee first, then the arguments left to right.

Expressions of type int or float built from literals, int and float locals and arithmetic
operators compute words (rtypes.INT_WORD, FLOAT_WORD), boxed only where an object is needed; so
do comparisons of ints and floats that decide a branch."""

from __future__ import annotations

from mypy.nodes import (
    ARG_NAMED, ARG_OPT, ARG_POS, LDEF, CallExpr, ComparisonExpr, ConditionalExpr, DictExpr, Expression, FloatExpr,
    FuncDef, IndexExpr, ListExpr, Lvalue, MemberExpr, NameExpr, OpExpr, OverloadedFuncDef, SliceExpr, StrExpr,
    TupleExpr, UnaryExpr, Var,
)
from mypy.types import AnyType, CallableType, Instance, get_proper_type

from tpy2wasm.analysis import mypy_facts as facts
from tpy2wasm.analysis import lower_nested, nested_code
from tpy2wasm.analysis.builder import OpenBlock
from tpy2wasm.analysis.ir import Compare, LoadConst, LoadGlobal, Register, Unary
from tpy2wasm.analysis.ir_objects import (
    BuildDict, BuildSequence, BuildSlice, CallBuiltin, CallDirect, CallMethod, CallNativeMethod, CallObject, GetAttr,
    GetItem, GetMethod, GetNativeMethod, SequenceKind, SetAttr, SetItem,
)
from tpy2wasm.analysis.lower_expr import ExpressionLowerer, value_type, word_result
from tpy2wasm.analysis.rtypes import BOOL, BOOL_WORD, FLOAT_WORD, INT_WORD, NUMBER_WORDS, OBJECT, WORDS, RType

#: Unary operators that give an int for an int, a float for a float, a bool for a bool.
_WORD_UNARY_OPERATORS = {INT_WORD: frozenset({"-", "+", "~"}), FLOAT_WORD: frozenset({"-", "+"}),
                         BOOL_WORD: frozenset({"not"})}


def return_type(func: FuncDef) -> RType:
    """What a native function's direct entry returns (a None result is the None object)."""
    assert isinstance(func.type, CallableType), func
    return value_type(func.type.ret_type)


class ObjectLowerer(ExpressionLowerer):
    #: The fullnames of the module's native functions, whose direct entries calls may use.
    direct_callees: frozenset[str] = frozenset()

    def lower_node(self, expr: Expression) -> Register:
        if self.computes_word(expr):
            return self.coerce(self.word(expr), OBJECT, expr.line)
        return self.coerce(self.lower_object_node(expr), OBJECT, expr.line)

    def lower_object_node(self, expr: Expression) -> Register:
        line = expr.line
        if isinstance(expr, StrExpr):
            return self.constant(expr.value, line)
        if isinstance(expr, MemberExpr):
            return self.get_attr(self.lower_expr(expr.expr), expr, line)
        if isinstance(expr, NameExpr) and not self.is_local(expr) and expr.fullname not in facts.CONSTANT_NAMES:
            return self.builder.emit_value(LoadGlobal(self.register(OBJECT), self.module.fullname,
                                                      expr.name, line))
        if isinstance(expr, CallExpr):
            return self.lower_object_call(expr)
        if isinstance(expr, IndexExpr):
            obj = self.lower_expr(expr.base)
            return self.get_item(obj, self.item_index(expr.index), line)
        if isinstance(expr, SliceExpr):
            start, stop, step = (self.constant(None, line) if part is None else self.lower_expr(part)
                                 for part in (expr.begin_index, expr.end_index, expr.stride))
            return self.builder.emit_value(BuildSlice(self.register(OBJECT), start, stop, step, line))
        if isinstance(expr, DictExpr):
            items = tuple(self.lower_expr(part) for pair in expr.items for part in pair if part is not None)
            return self.builder.emit_value(BuildDict(self.register(OBJECT), items, line))
        if isinstance(expr, (TupleExpr, ListExpr)):
            kind = SequenceKind.TUPLE if isinstance(expr, TupleExpr) else SequenceKind.LIST
            items = tuple(self.lower_expr(item) for item in expr.items)
            return self.builder.emit_value(BuildSequence(self.register(OBJECT), kind, items, line))
        if isinstance(expr, nested_code.NESTED_SCOPES):
            return lower_nested.nested_scope(self, expr)
        return super().lower_node(expr)

    def get_item(self, obj: Register, index: Register, line: int, rtype: RType = OBJECT) -> Register:
        """`obj[index]` as a value of `rtype`: an item read as a word needs no object when it
        is an exact float, bool or small int (codegen/list_items.py)."""
        return self.builder.emit_value(GetItem(self.register(rtype), obj, index, line))

    def get_attr(self, obj: Register, member: MemberExpr, line: int, rtype: RType = OBJECT) -> Register:
        """`member` (`obj` its owner, lowered) as a value of `rtype`: an instance's attribute read
        as a word needs no object when it is an exact float, bool or small int
        (codegen/instance_attributes.py)."""
        return self.builder.emit_value(GetAttr(self.register(rtype), obj, member.name, line,
                                               facts.names_module(member.expr)))

    def item_index(self, index: Expression) -> Register:
        """An index: an int word when it is an int, which a list's item is read at without an
        object; anything else (a slice, a key) as an object."""
        return self.word(index) if self.static_word(index) is INT_WORD else self.lower_expr(index)

    def set_item(self, obj: Register, index: Register, value: Register, line: int) -> None:
        self.builder.emit(SetItem(obj, index, value, line))

    def set_attr(self, target: MemberExpr, value: Register) -> None:
        """`o.name = value`: a word is boxed by the store, or overwrites a float in place."""
        self.builder.emit(SetAttr(self.lower_expr(target.expr), target.name, value, target.line))

    def is_local(self, name: NameExpr) -> bool:
        if isinstance(name.node, FuncDef):  # a nested def
            return name.kind == LDEF
        return isinstance(name.node, Var) and facts.module_global(name, self.module) is None

    def lower_object_call(self, call: CallExpr) -> Register:
        method = self.native_method(call)
        if method is not None:
            return self.native_method_call(call, method)
        if isinstance(call.callee, MemberExpr) and all(kind == ARG_POS for kind in call.arg_kinds) \
                and self.names_method(call.callee):
            return self.method_call(call.callee, call.args, call.line)
        callee = self.lower_expr(call.callee)
        builtin = facts.callee_fullname(call.callee)
        if builtin in facts.INLINE_BUILTINS and call.arg_kinds == [ARG_POS]:
            argument_type, result_type = facts.INLINE_BUILTINS[builtin]
            if argument_type is OBJECT or self.static_word(call.args[0]) is argument_type:
                arg = self.lower_as(call.args[0], argument_type)
                return self.builder.emit_value(CallBuiltin(self.builder.register(result_type), callee, arg, builtin,
                                                           call.line))
        target = self.direct_target(call)
        if target is not None:
            args = tuple(self.lower_as(arg, value_type(parameter.variable.type))
                         for arg, parameter in zip(call.args, target.arguments))
            dest = self.builder.register(return_type(target))
            return self.builder.emit_value(CallDirect(dest, callee, target.fullname, args, call.line))
        positional = [self.lower_expr(arg) for arg, kind in zip(call.args, call.arg_kinds) if kind != ARG_NAMED]
        named = [(name, self.lower_expr(arg)) for arg, kind, name in zip(call.args, call.arg_kinds, call.arg_names)
                 if kind == ARG_NAMED and name is not None]
        if len(positional) + len(named) != len(call.args):  # keyword arguments come after positional ones
            raise AssertionError(f"line {call.line}: unexpected argument kinds")
        args = (*positional, *(value for _, value in named))
        keywords = tuple(name for name, _ in named)
        return self.builder.emit_value(CallObject(self.register(OBJECT), callee, args, keywords, call.line))

    def names_method(self, callee: MemberExpr) -> bool:
        """Whether `obj.name` is, as far as mypy knows, an instance method of the object's type
        (or the object is Any): a call of it then goes LOAD_METHOD's way,
        which calls the method unbound. Not a module's attribute, an attribute mypy knows as a
        variable (which an instance holds and a GetAttr reads in place), a static or class
        method or anything decorated (which LOAD_METHOD would bind anyway, and then wrap)."""
        if facts.names_module(callee.expr):
            return False
        instance = get_proper_type(self.types.get(callee.expr))
        if not isinstance(instance, Instance):  # a class (whose methods it does not bind), or Any
            return isinstance(instance, AnyType)
        symbol = instance.type.get(callee.name)
        node = symbol.node if symbol is not None else None
        return isinstance(node, (FuncDef, OverloadedFuncDef)) and not node.is_static and not node.is_class

    def method_call(self, callee: MemberExpr, arguments: list[Expression], line: int) -> Register:
        """`obj.name(*args)`, in LOAD_METHOD's order (the method looked up, then the arguments
        evaluated), with no bound method made; for `xs.append(v)`, `xs.pop()` on a list,
        nothing looked up at all when it is an exact list."""
        in_place = (facts.LIST_METHODS.get(callee.name) == len(arguments)
                    and facts.is_list(self.types.get(callee.expr)))
        obj = self.lower_expr(callee.expr)
        with self.builder.at(callee):  # an AttributeError points at `obj.name`, as LOAD_METHOD's
            method = self.builder.emit_value(GetMethod(self.register(OBJECT), obj, callee.name, in_place, line))
        args = tuple(self.lower_expr(argument) for argument in arguments)
        return self.builder.emit_value(CallMethod(self.register(OBJECT), method, obj, callee.name, args, in_place,
                                                  line))

    def lower_dropped_call(self, call: CallExpr) -> None:
        """A call whose value is dropped: a direct call's word result is not boxed for nothing."""
        with self.builder.at(call):
            self.lower_object_node(call)

    def native_method(self, call: CallExpr) -> FuncDef | None:
        """The native method that `call`, `obj.name(...)` on an object declared an instance of a
        class of the program, names on that class and gives every parameter positionally."""
        callee = call.callee
        if not isinstance(callee, MemberExpr):
            return None
        instance = get_proper_type(self.types.get(callee.expr))
        symbol = instance.type.get(callee.name) if isinstance(instance, Instance) else None
        method = symbol.node if symbol is not None else None
        if not (isinstance(method, FuncDef) and method.info and method.fullname in self.direct_callees):
            return None
        parameters = method.arguments[1:]
        if len(call.args) != len(parameters) or any(kind != ARG_POS for kind in call.arg_kinds) \
                or any(parameter.kind not in (ARG_POS, ARG_OPT) for parameter in parameters):
            return None
        return method

    def native_method_call(self, call: CallExpr, method: FuncDef) -> Register:
        """`obj.name(*args)`, in LOAD_METHOD's order (the method looked up, then the arguments
        evaluated), calling the native method's direct entry while the object's type finds it."""
        assert isinstance(call.callee, MemberExpr)
        obj = self.lower_expr(call.callee.expr)
        with self.builder.at(call.callee):  # an AttributeError points at `obj.name`, as LOAD_METHOD's
            found = self.builder.emit_value(GetNativeMethod(self.register(OBJECT), obj, call.callee.name,
                                                            method.fullname, call.line))
        args = tuple(self.lower_as(arg, value_type(parameter.variable.type))
                     for arg, parameter in zip(call.args, method.arguments[1:]))
        dest = self.builder.register(return_type(method))
        return self.builder.emit_value(CallNativeMethod(dest, found, obj, method.fullname, args, call.line))

    def direct_target(self, call: CallExpr) -> FuncDef | None:
        """The native function of this module that `call` names and gives every parameter
        positionally, so that it may call its direct entry (docs/value-representation.md, 4)."""
        name = call.callee
        if not (isinstance(name, NameExpr) and isinstance(name.node, FuncDef)
                and name.node.fullname in self.direct_callees
                and name.node.fullname == f"{self.module.fullname}.{name.name}"):
            return None
        parameters = name.node.arguments
        if len(call.args) != len(parameters) or any(kind != ARG_POS for kind in call.arg_kinds) \
                or any(parameter.kind not in (ARG_POS, ARG_OPT) for parameter in parameters):
            return None
        return name.node

    # Int, float and bool words

    def static_word(self, expr: Expression) -> RType | None:
        """The word type of `expr`'s static type: INT_WORD for an int, FLOAT_WORD for a float,
        BOOL_WORD for a bool."""
        return facts.word_type(facts.expression_type(expr, self.types))

    def computes_word(self, expr: Expression) -> bool:
        """Whether `expr` is an int or a float made of literals, word locals and arithmetic
        operators on them, or a bool made of True, False, bool locals, `not` and a comparison of
        two numbers; or a conditional expression or `and`/`or` of a word type, whose operands
        become words of that type (an int in a float one stays an int, as CPython keeps it)."""
        word = self.static_word(expr)
        if word is None:
            return False
        if facts.constant_int(expr) is not None:
            return word is INT_WORD
        if isinstance(expr, (FloatExpr, ConditionalExpr)) or _bool_literal(expr) is not None:
            return True
        if isinstance(expr, OpExpr) and expr.op in facts.BOOLEAN_OPERATORS:
            return True
        if isinstance(expr, ComparisonExpr):
            return (len(expr.operators) == 1 and facts.COMPARE_OPERATORS[expr.operators[0]].is_scalar
                    and all(self.static_word(operand) in NUMBER_WORDS for operand in expr.operands))
        if isinstance(expr, NameExpr):
            return self.is_local(expr) and isinstance(expr.node, Var) and self.local(expr.name, expr.node).type is word
        if isinstance(expr, OpExpr):
            operator = facts.BINARY_OPERATORS.get(expr.op)
            left, right = self.static_word(expr.left), self.static_word(expr.right)
            return operator is not None and left is not None and right is not None and word_result(
                operator, left, right) is word
        return isinstance(expr, UnaryExpr) and expr.op in _WORD_UNARY_OPERATORS[word] and self.static_word(expr.expr) is word

    def word(self, expr: Expression) -> Register:
        """`expr`, an int, a float or a bool, as a word of its type: computed on words where it
        can be, else converted."""
        with self.builder.at(expr):
            line = expr.line
            word = self.static_word(expr)
            assert word is not None, expr
            if word is INT_WORD and isinstance(expr, NameExpr) and facts.module_global(expr, self.module):
                # the global's small int comes from the site's cache, no object in hand
                return self.builder.emit_value(LoadGlobal(self.builder.register(word), self.module.fullname,
                                                          expr.name, line))
            if isinstance(expr, IndexExpr):  # the item read straight into a word
                obj = self.lower_expr(expr.base)
                return self.get_item(obj, self.item_index(expr.index), line, word)
            if isinstance(expr, MemberExpr):  # the attribute read straight into a word
                return self.get_attr(self.lower_expr(expr.expr), expr, line, word)
            if not self.computes_word(expr):
                return self.coerce(self.lower_object_node(expr), word, line)
            literal: int | float | bool | None = facts.constant_int(expr)
            if literal is None:
                literal = expr.value if isinstance(expr, FloatExpr) else _bool_literal(expr)
            if literal is not None:
                return self.builder.emit_value(LoadConst(self.builder.register(word), literal, line))
            if isinstance(expr, ComparisonExpr):
                left, right = self.word(expr.operands[0]), self.word(expr.operands[1])
                operator = facts.COMPARE_OPERATORS[expr.operators[0]]
                return self.builder.emit_value(Compare(self.builder.register(word), operator, left, right, line))
            if isinstance(expr, NameExpr):
                assert isinstance(expr.node, Var), expr
                return self.load(self.local(expr.name, expr.node), line)
            if isinstance(expr, OpExpr) and expr.op in facts.BOOLEAN_OPERATORS:
                return self.lower_boolean_value(expr, word)
            if isinstance(expr, OpExpr):
                left, right = self.word(expr.left), self.word(expr.right)
                return self.binary(facts.BINARY_OPERATORS[expr.op], left, right, line)
            if isinstance(expr, ConditionalExpr):
                condition, if_expr, else_expr = expr.cond, expr.if_expr, expr.else_expr
                return self.select(line, lambda yes, no: self.lower_condition(condition, yes, no),
                                   lambda: self.lower_as(if_expr, word), lambda: self.lower_as(else_expr, word), word)
            assert isinstance(expr, UnaryExpr), expr
            operand = self.word(expr.expr)
            dest = self.builder.register(word)
            return self.builder.emit_value(Unary(dest, facts.UNARY_OPERATORS[expr.op], operand, line))

    def lower_as(self, expr: Expression, rtype: RType) -> Register:
        """`expr` as a value of `rtype` (a returned value, a direct call's argument): computed on
        words when `rtype` is a word and `expr` has a word type, never boxed on the way."""
        if rtype in WORDS and self.static_word(expr) is not None:
            return self.coerce(self.word(expr), rtype, expr.line)
        return self.coerce(self.lower_expr(expr), rtype, expr.line)

    def operand(self, expr: Expression) -> Register:
        """An operand of an in-place operation, or the value a branch tests: a word when `expr`
        computes one, is an item or attribute read as a word, or is a call that returns one (a
        direct or inline builtin call); else an object."""
        if self.computes_word(expr) or (isinstance(expr, (IndexExpr, MemberExpr)) and self.static_word(expr) is not None):
            return self.word(expr)
        with self.builder.at(expr):
            value = self.lower_object_node(expr)
            return value if value.type in WORDS else self.coerce(value, OBJECT, expr.line)

    def assigned_value(self, target: Lvalue, value: Expression) -> Register:
        """The value of `target = value`: a word when the target is a word local (an int stored
        in a float local stays an int, as in CPython: store() converts it), or an item and the
        value computes a word (boxed by the store, or kept in place by a list's item); an item
        or attribute copied from another stays the same object, as in CPython."""
        if isinstance(target, (IndexExpr, MemberExpr)):
            return self.word(value) if self.computes_word(value) else self.lower_expr(value)
        if (isinstance(target, NameExpr) and isinstance(target.node, Var) and self.is_local(target)
                and self.local(target.name, target.node).type in WORDS and self.static_word(value) is not None):
            return self.word(value)
        return self.lower_expr(value)

    def lower_comparison_chain(self, expr: ComparisonExpr, if_true: OpenBlock, if_false: OpenBlock) -> None:
        """A chain of ints and floats compares words: the fast path on
        small ints and doubles, else CPython's rich comparison and the truth of its result, as a
        branch on it does."""
        operators = [facts.COMPARE_OPERATORS[operator] for operator in expr.operators]
        if not (all(operator.is_scalar for operator in operators)
                and all(self.static_word(operand) in NUMBER_WORDS for operand in expr.operands)):
            super().lower_comparison_chain(expr, if_true, if_false)
            return
        left = self.word(expr.operands[0])
        last = len(operators) - 1
        for index, (operator, operand) in enumerate(zip(operators, expr.operands[1:])):
            right = self.word(operand)
            holds = self.builder.emit_value(Compare(self.builder.register(BOOL), operator, left, right, expr.line))
            next_link = if_true if index == last else self.builder.new_block()
            self.builder.branch(holds, next_link, if_false, expr.line)
            if index != last:
                self.builder.activate(next_link)
            left = right

    def condition_value(self, expr: Expression) -> Register:
        """The word a branch tests without an object where it can (see `operand`)."""
        return self.operand(expr)


def _bool_literal(expr: Expression) -> bool | None:
    if isinstance(expr, NameExpr) and expr.fullname in ("builtins.True", "builtins.False"):
        return expr.fullname == "builtins.True"
    return None
