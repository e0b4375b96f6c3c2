"""The formula of a claim's ``derived:`` relation: a small, safe grammar, and its evaluation.

A formula is an arithmetic expression over names (each bound, in the claim's ``from:``, to a
claim of the same source or to a reference id), plain numbers and unit-bearing constants::

    n * t                               # 8 GPUs × 700 W
    (a - b) / b                         # a change
    [6 FLOP/parameter/token] * p * t    # training compute: the 6 carries its unit
    w * [2 byte/parameter]              # weights at 16 bits

It is parsed with :mod:`ast` and nothing else is accepted: names, numbers, ``+ - * /``,
parentheses, unary minus, and constants in brackets (a number followed by a unit text that
:mod:`kb.core.units` reads). No calls, no attributes, no powers, no comparisons: a formula is
data, never code. A plain number is exact (it is the article's own multiplier); units flow
from the inputs (USD/hour × hour is USD; per day vs per month is unit arithmetic), so a
formula never needs a number for a unit conversion. Conversions an article relies on (tokens
per word, words per page) are cited reference values named like any input.

:func:`parse` raises :class:`FormulaError` with the column of the problem;
:meth:`Formula.evaluate` computes a :class:`~kb.core.derive.Derived` interval whose
``formula`` text shows the inputs as the labels given (the article's numbers).
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass
from typing import Mapping

from kb.core.derive import Derived
from kb.errors import DeriveError, UnitError

__all__ = ["Formula", "FormulaError", "Constant", "parse", "MAX_LENGTH", "NAME"]

#: The longest formula accepted (a formula is one line of an article's arithmetic).
MAX_LENGTH = 500
#: What a name looks like: a letter, then letters, digits or underscores.
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_NUMBER = re.compile(r"^\s*([-+]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?)\s*(.*?)\s*$")
_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


class FormulaError(DeriveError):
    """A formula outside the grammar, or one that cannot be evaluated with its inputs."""

    def __init__(self, message: str, column: int | None = None):
        super().__init__(message)
        self.column = column


@dataclass(frozen=True, slots=True)
class Constant:
    """A unit-bearing constant written in brackets: ``[6 FLOP/parameter/token]``."""

    text: str      # as written, brackets included
    value: float
    unit: str      # the unit text ("FLOP/parameter/token")

    def derived(self) -> Derived:
        return Derived.of(self.value, self.value, self.unit, formula=self.text[1:-1].strip())


@dataclass(frozen=True, slots=True)
class Formula:
    """A parsed formula: its text, the names it uses (in order of appearance) and its constants."""

    text: str
    names: tuple[str, ...]
    constants: tuple[Constant, ...]
    tree: ast.Expression

    @property
    def operations(self) -> int:
        """How many of ``+ - * /`` the formula has: with one, the result has no intermediate
        result an article could have rounded."""
        n = _OPERATIONS.get(self.tree)
        if n is None:
            if len(_OPERATIONS) >= 4096:
                _OPERATIONS.clear()
            n = _OPERATIONS[self.tree] = sum(isinstance(n, ast.BinOp) for n in ast.walk(self.tree))
        return n

    def evaluate(self, values: Mapping[str, Derived]) -> Derived:
        """The formula's value, given a :class:`Derived` for every name.

        Raises :class:`FormulaError` for a name without a value, and for what the arithmetic
        refuses (adding watts to dollars, dividing by an interval that holds zero).
        """
        missing = [n for n in self.names if n not in values]
        if missing:
            raise FormulaError(f"no value for {', '.join(missing)}")
        try:
            return _eval(self.tree.body, values, self.constants)
        except ZeroDivisionError as exc:
            raise FormulaError(f"division by zero ({exc})") from None
        except FormulaError:
            raise
        except DeriveError as exc:
            raise FormulaError(str(exc)) from None


#: the operations of each parsed formula's tree (keyed by the tree itself: a parsed tree is
#: never changed, and :func:`parse` gives the same one for the same text)
_OPERATIONS: dict[ast.Expression, int] = {}


def parse(text: str) -> Formula:
    """Parse a formula (see the module's docstring); :class:`FormulaError` for anything else.

    A text is parsed once: a check parses each ``derived:`` formula twice (its evaluation, its
    scope rule) and the knowledge base repeats a few hundred formulas over ~1,400 claims, so
    the :class:`Formula` of a text already parsed is given again (it is frozen, its tree never
    changed). A text that does not parse raises afresh each time."""
    if type(text) is str:
        return _parse_text(text)
    return _parse(text)


def _parse(text: str) -> Formula:
    if not isinstance(text, str) or not text.strip():
        raise FormulaError("the formula is empty")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"the formula is longer than {MAX_LENGTH} characters")
    outside = _BRACKET.sub(lambda m: " " * len(m.group(0)), text)
    m = re.search(r"(?<![A-Za-z0-9_])_", outside)
    if m:
        raise FormulaError("a name starts with a letter", m.start() + 1)
    constants: list[Constant] = []

    def bracket(m: re.Match) -> str:
        constants.append(_constant(m.group(0), m.start()))
        # a placeholder no written name can be (names start with a letter); same length, so
        # columns in error messages stay those of the text as written
        token = f"_{len(constants) - 1}"
        return token.ljust(len(m.group(0)))

    body = _BRACKET.sub(bracket, text)
    for ch in "[]":
        if ch in body:
            raise FormulaError(f"unmatched {ch!r} (a constant is written [number unit], without nested brackets)",
                               body.index(ch) + 1)
    lead = len(body) - len(body.lstrip())
    try:
        tree = ast.parse(body.strip(), mode="eval")
    except SyntaxError as exc:
        raise FormulaError(f"not a formula: {exc.msg}", (exc.offset or 0) + lead or None) from None
    except (RecursionError, MemoryError, ValueError):
        raise FormulaError("not a formula: nested too deeply") from None
    names: list[str] = []
    try:
        _validate(tree.body, names, len(constants))
    except FormulaError as exc:
        if exc.column is not None:
            exc.column += lead
        raise
    return Formula(text, tuple(dict.fromkeys(names)), tuple(constants), tree)


_parse_text = functools.lru_cache(maxsize=4096)(_parse)


def _constant(written: str, at: int) -> Constant:
    inner = written[1:-1]
    m = _NUMBER.match(inner)
    if not m or not m.group(2):
        raise FormulaError(f"{written}: a constant in brackets is a number and a unit, e.g. [2 byte/parameter]", at + 1)
    number, unit = m.group(1).replace(",", ""), m.group(2)
    try:
        value = float(number)
    except ValueError:
        raise FormulaError(f"{written}: {m.group(1)!r} is not a number", at + 1) from None
    try:
        Derived.of(value, value, unit)
    except (UnitError, DeriveError) as exc:
        raise FormulaError(f"{written}: {exc}", at + 1) from None
    return Constant(written, value, unit)


def _validate(node: ast.AST, names: list[str], n_constants: int) -> None:
    col = getattr(node, "col_offset", None)
    col = None if col is None else col + 1
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _OPS:
            raise FormulaError(f"operator {_op_text(node.op)} is not allowed (only + - * /)", col)
        _validate(node.left, names, n_constants)
        _validate(node.right, names, n_constants)
    elif isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, (ast.USub, ast.UAdd)):
            raise FormulaError(f"operator {_op_text(node.op)} is not allowed (only + - * /)", col)
        _validate(node.operand, names, n_constants)
    elif isinstance(node, ast.Name):
        if node.id.startswith("_") and node.id[1:].isdigit() and int(node.id[1:]) < n_constants:
            return  # a bracketed constant
        if not NAME.match(node.id):
            raise FormulaError(f"{node.id!r} is not a name (a letter, then letters, digits or _)", col)
        names.append(node.id)
    elif isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
            raise FormulaError(f"{node.value!r} is not a number", col)
    else:
        raise FormulaError(f"{_node_text(node)} is not allowed in a formula (only names, numbers, + - * / "
                           "and [number unit])", col)


def _eval(node: ast.AST, values: Mapping[str, Derived], constants: tuple[Constant, ...]) -> Derived:
    if isinstance(node, ast.BinOp):
        a = _eval(node.left, values, constants)
        b = _eval(node.right, values, constants)
        op = _OPS[type(node.op)]
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        return a / b
    if isinstance(node, ast.UnaryOp):
        v = _eval(node.operand, values, constants)
        return -v if isinstance(node.op, ast.USub) else v
    if isinstance(node, ast.Name):
        if node.id.startswith("_") and node.id[1:].isdigit():
            return constants[int(node.id[1:])].derived()
        return values[node.id]
    value = float(node.value)  # an ast.Constant (checked by _validate)
    return Derived.of(value, value, "dimensionless", formula=_number_text(node.value))


def _number_text(x: int | float) -> str:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        x = int(x)
    return f"{x:,}" if isinstance(x, int) else f"{x:g}"


def _op_text(op: ast.AST) -> str:
    return {ast.Pow: "**", ast.Mod: "%", ast.FloorDiv: "//", ast.MatMult: "@", ast.BitXor: "^", ast.BitAnd: "&",
            ast.BitOr: "|", ast.LShift: "<<", ast.RShift: ">>", ast.Not: "not", ast.Invert: "~"}.get(type(op),
                                                                                                  type(op).__name__)


def _node_text(node: ast.AST) -> str:
    words = {ast.Call: "a call", ast.Attribute: "an attribute", ast.Subscript: "a subscript", ast.Compare: "a comparison",
             ast.BoolOp: "and/or", ast.Lambda: "a lambda", ast.IfExp: "if/else", ast.Tuple: "a tuple",
             ast.List: "a list", ast.Dict: "a mapping", ast.Set: "a set", ast.JoinedStr: "a string"}
    return words.get(type(node), type(node).__name__)
