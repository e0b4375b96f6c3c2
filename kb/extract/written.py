"""Arithmetic an article writes out in full, redone: "$2.00 / (120,000 × 3600 / 1e9) ≈ $0.046".

Discovery (:mod:`kb.extract.arith`) relates the numbers the extractor read; compact arithmetic
of two or three numbers ("16x80=1280") is one of its relations. A longer expression written
out with its result (parentheses, sums, powers of ten: "(2600 × $2.50 + 300 × $10) / 1M =
$0.0095", "8 × 0.4 × 10¹² × 30 × 86400 = ~8.3 × 10¹⁸") is redone here as written, numbers
only: :func:`check_expressions` evaluates the left side and sets it against the result.

Only *pure* expressions are redone: numbers, currency signs, scale letters glued to a number
("1M", "$3.2K"), powers of ten, + - × x * / and parentheses, and a result that is a number
or an amount of money (a trailing "x" allowed). A unit anywhere ("700W × 24h = 16.8 kWh")
makes a conversion likely, and the check stays out. A hyphen between two numbers is a range
("5-7"), not a subtraction, unless it is spaced or a minus sign ("−").
"""

from __future__ import annotations

import ast
import math
import operator
import re
from dataclasses import dataclass

from kb.core.units import SCALE_WORDS

__all__ = ["ExprCheck", "check_expressions", "product_factors"]

#: A stated result this far (a factor) from the redone expression is taken for a notation not
#: read (a power of ten written another way), not for a slip: the slips articles make are a
#: thousand, a million or a few powers of ten at most.
MAX_FACTOR = 1e7

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")

# a number as written in an expression: currency, digits with thousands commas, a decimal
# part, an exponent ("1e9"), a scale letter glued to it ("1M", "$3.2K")
_NUM = r"(?:US\$|\$|€|£)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d{1,2})?(?:bn|[kKMBT](?![A-Za-z]))?"
# a power of ten: "10^9", "10**-3", "10⁹", "10⁻³"; not "102" or "1024" (plain numbers that start with 10)
_POW10 = r"10(?:(?:\^|\*\*)[-⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
# the result after "=" or "≈": bold markers and "~" around it, then the number, optionally
# times a power of ten, then at most an "x" (a ratio)
_RESULT_RE = re.compile(r"[ \t]*(?:\*\*|__)?[ \t]*(?P<approx>[~≈]|about[ \t]|approx\.?[ \t])?[ \t]*(?:\*\*|__)?"
                        r"(?P<num>" + _NUM + r")(?:[ \t]*[×x*][ \t]*(?P<pow>" + _POW10 + r"))?"
                        r"(?P<ratio>x|×)?(?:\*\*|__)?(?![\w.,]*\d)(?![A-Za-z/%])"
                        # a unit of energy, power, data or compute after the result: the left side
                        # may be in other units ("700 × 24 = 16.8 kWh"), so it is no pure expression
                        r"(?![ \t]*(?:[kMGTP]?Wh|[kMGT]?W|[KMGTP]i?B|[KMGTP]?FLOPS?|[KMGTP]?OPS)\b)"
                        # nor a power of ten written in a way not read here ("8.3 x 10<sup>18</sup>")
                        r"(?![ \t]*(?:[×x*·][ \t]*10|<sup>|\^|[eE][-+]?\d))")
# what a pure left side is made of
_LHS_CHARS_RE = re.compile(r"[\d$€£.,\s()×x*/+\-−^⁰¹²³⁴⁵⁶⁷⁸⁹⁻eEkKMBT]")
_TOKEN_RE = re.compile(r"\s*(?:(?P<pow>" + _POW10 + r")(?![\d.,])|(?P<num>" + _NUM + r")|(?P<op>[×*/+−()]|x(?=\s*[\d$(])|-)"
                       r")")
_EQ_RE = re.compile(r"[ \t]*(?:=|≈|~=|≃)")


@dataclass(frozen=True)
class ExprCheck:
    """One written-out expression and its result, redone."""

    start: int             # where the left side starts in the text
    end: int               # where the result ends
    result_start: int      # where the result's number starts
    result_end: int
    expression: str        # the left side as written
    computed: float
    stated: float
    low: float             # the stated value's interval (its written precision, a "~" widens it)
    high: float
    verdict: str           # consistent | misses
    factor: float          # how far the stated value is from the computed one (>= 1)
    direction: str         # above | below | within

    def cause(self) -> str | None:
        """The likely cause of a miss, in words."""
        if self.verdict != "misses":
            return None
        k = round(math.log10(self.factor))
        if k >= 1 and abs(math.log10(self.factor) - k) < 0.05:
            return f"a scale slip: the stated value is 10^{k} times {'too large' if self.direction == 'above' else 'too small'}"
        for f, why in ((2.0, "twice or half the result (a factor of 2 slipped in or out)"),
                       (1.024, "a binary-decimal mix-up (1,024 vs 1,000)"),
                       (24.0, "a day/hour mix-up (24)"), (30.0, "a month/day mix-up (30)"),
                       (365.0, "a year/day mix-up (365)"), (730.0, "a month/hour mix-up (730)"),
                       (8.0, "a bits/bytes mix-up (8)")):
            if abs(self.factor / f - 1) < 0.03:
                return why
        return "the arithmetic as written gives another number"


def _value(tok: str) -> float:
    tok = tok.replace("US$", "").strip("$€£").replace(",", "")
    scale = 1.0
    for s in ("bn", "k", "K", "M", "B", "T"):
        if tok.endswith(s) and not tok[:-len(s)].endswith(("e", "E")):
            scale, tok = SCALE_WORDS[s.lower()], tok[:-len(s)]
            break
    return float(tok) * scale


def _pow10(tok: str) -> float:
    exp = re.sub(r"^10(?:\^|\*\*)?", "", tok).translate(_SUPERSCRIPT)
    return 10.0 ** int(exp)


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def _eval(node) -> float:
    if isinstance(node, ast.Expression):
        return _eval(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return float(node.value)
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval(node.left), _eval(node.right))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -_eval(node.operand)
    raise ValueError("not plain arithmetic")


def _left_side(text: str, eq: int) -> tuple[int, str] | None:
    """The pure expression that ends where "=" starts (at ``eq``), as (start, Python source)."""
    line_start = text.rfind("\n", 0, eq) + 1
    a = eq
    while a > line_start and _LHS_CHARS_RE.match(text[a - 1]):
        a -= 1
    # letters of the run that are no scale letter glued to a number, exponent or "x" operator
    # mean a word or a unit: the run starts after them
    while a < eq and not (text[a].isdigit() or text[a] in "$€£("):
        a += 1
    seg = text[a:eq]
    if not seg.strip():
        return None
    if re.search(r"[×*/+−x-]\s*$", text[line_start:a]):
        return None  # "1,700 tokens × $2.50/1M = ...": the expression goes on before what could be read
    # a run that starts inside a word ("v1.2", "GPT-4") or right after a unit ("80GB x 2") is
    # no expression of its own
    if a > line_start and (text[a - 1].isalnum() or text[a - 1] in "_-"):
        return None
    src, pos, numbers, ops, depth = [], 0, 0, 0, 0
    while pos < len(seg):
        m = _TOKEN_RE.match(seg, pos)
        if m is None or m.end() == pos:
            if seg[pos:].strip() == "":
                break
            return None
        pos = m.end()
        if m.group("pow"):
            src.append(repr(_pow10(m.group("pow").strip())))
            numbers += 1
        elif m.group("num"):
            tok = m.group("num")
            nxt = seg[pos:pos + 1]
            if nxt.isalpha() and nxt not in "x":
                return None  # "80GB", "24h": a unit
            if src and src[-1] not in "+-*/(":
                return None  # two numbers with no operator between them
            src.append(repr(_value(tok)))
            numbers += 1
        else:
            op = m.group("op")
            if op == "-":
                # a hyphen is a minus only when spaced ("1,280 - 530"); "5-7" is a range
                before, after = seg[m.start("op") - 1:m.start("op")], seg[m.end("op"):m.end("op") + 1]
                if not (before == " " and after == " "):
                    return None
            py = {"×": "*", "x": "*", "−": "-"}.get(op, op)
            if py == "(":
                depth += 1
            elif py == ")":
                depth -= 1
                if depth < 0:
                    return None
            else:
                ops += 1
            src.append(py)
    if depth != 0 or numbers < 2 or ops < 1:
        return None
    return a, " ".join(src)


def product_factors(expression: str) -> list[tuple[float, bool]] | None:
    """The factors of an expression as :func:`check_expressions` gives it when it is a plain
    product of numbers ("256 x 102 x $98.32": no division, no sum, no parentheses, no power of
    ten), each as (value, written as money); None for any other expression."""
    out = []
    pos, want_num = 0, True
    while pos < len(expression):
        m = _TOKEN_RE.match(expression, pos)
        if m is None or m.end() == pos:
            if expression[pos:].strip() == "":
                break
            return None
        pos = m.end()
        if want_num and m.group("num"):
            tok = m.group("num")
            try:
                out.append((_value(tok), tok.lstrip()[:1] in "$€£" or tok.startswith("US$")))
            except ValueError:
                return None
        elif not want_num and m.group("op") in ("×", "x", "*"):
            pass
        else:
            return None
        want_num = not want_num
    return out if len(out) >= 2 and not want_num else None


#: Markdown's escapes of a currency sign and a tilde ("= \$0.03", "\~\$0.0024"), as exports
#: from editors write them: each backslash is read as a space, so every offset stays the text's.
_ESCAPED_RE = re.compile(r"\\(?=[$~])")


def check_expressions(text: str) -> list[ExprCheck]:
    """Every pure expression written out with its result in ``text``, redone."""
    out: list[ExprCheck] = []
    if "=" not in text and "≈" not in text:
        return out
    if "\\$" in text or "\\~" in text:
        text = _ESCAPED_RE.sub(" ", text)
    for em in _EQ_RE.finditer(text):
        rm = _RESULT_RE.match(text, em.end())
        if rm is None:
            continue
        # an expression goes on after its result ("= 24 x 3 = 72", "= $0.016 ÷ 3", "= 1,280 − 530"):
        # the last "=" is checked
        if re.match(r"[ \t]*(?:[×x*/+÷−]|(?<=[ \t])-(?=[ \t]))\s*[\d$(]", text[rm.end():rm.end() + 8]):
            continue
        lhs = _left_side(text, em.start())
        if lhs is None:
            continue
        a, src = lhs
        try:
            computed = _eval(ast.parse(src, mode="eval"))
            stated = _value(rm.group("num"))
        except (ValueError, SyntaxError, ZeroDivisionError, OverflowError):
            continue
        if rm.group("pow"):
            stated *= _pow10(rm.group("pow"))
        if not (computed > 0 and stated > 0) or not math.isfinite(computed):
            continue
        if max(computed / stated, stated / computed) >= MAX_FACTOR:
            continue  # no slip is that far: the result's notation was not read as written
        digits = rm.group("num").replace(",", "").strip("$€£").rstrip("kKMBTbn")
        digits = re.sub(r"[eE].*$", "", digits)
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        scale = stated / float(digits) if float(digits) else 1.0
        half = 0.5 * 10.0 ** -decimals * scale
        if decimals == 0 and not rm.group("pow"):
            half = max(half, 0.5)
        approx = bool(rm.group("approx")) or "≈" in em.group(0)
        rel = 0.1 if approx else 0.02   # operands are rounded as written too
        low, high = min(stated - half, stated * (1 - rel)), max(stated + half, stated * (1 + rel))
        if low <= computed <= high:
            verdict, factor, direction = "consistent", 1.0, "within"
        else:
            verdict = "misses"
            factor = max(stated / computed, computed / stated)
            direction = "above" if stated > computed else "below"
        out.append(ExprCheck(a, rm.end(), rm.start("num"), rm.end("num"), text[a:em.start()].strip(),
                             computed, stated, low, high, verdict, factor, direction))
    return out
