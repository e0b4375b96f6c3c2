"""Draft-claim extractor: numbers with units, qualifiers and linked entity, property and
conditions, each guess with a calibrated confidence.

``extract_text(text, registry)`` scans a source text and proposes one :class:`Draft` per
numeric claim: amounts with units (``405 billion parameters``, ``$0.03 / 1K tokens``,
``$4.92/GPU-hour``, ``$3.933/H100-h``, ``31.85M H100-h``, ``~400 W``), ranges sharing a
unit (``$10–15/hour``, ``$8K–12K/month``, ``$3.0M–$6.0M``, ``64-512 GPUs``), counts of
things (``512 H100s``, ``8x H100``, ``12 M subs``, ``2,000 words``), ratios (``105,000x``,
``four times``), multipliers and fractions in words (``twice``, ``tenfold``, ``a third``,
``one-fifteenth of a teaspoon``), percentages and percent comparisons (``35% higher`` is
a ratio of 1.35, ``a 60% decline`` a change of -60%), figures named by a word (``PUE
1.2``), vague plurals read as lower bounds (``billions of dollars``), and a unit the
sentence leaves out (``13 billion parameters ... out of 47 billion``). Table cells
(Markdown pipe tables; HTML sources keep theirs as such) take the unit their column or row
header names (``| GPU-Hours |`` over ``~3.1M``) and the row as their quote.

What is not a claim is left out: bare numbers (years, dates, list numbering), clock times,
digits in model and product names (``GPT-4``, ``Llama 3.1 405B`` and any registry alias),
footnote markers, version numbers, URLs and Markdown link targets, ``1x``/``0%`` player
furniture, ``6 min read`` bylines, arithmetic operands (``256 x 102 x $98.32``) and values
the text rejects (``not 56 billion``). Qualifier cues before the number (``up to``,
``over``, ``about``, ``~`` ...) or after it (``or more``, ``+``) set the qualifier.

Offsets are Python string indices. ``start``/``end`` delimit ``quote`` (the clause around
the number, or the table row) and ``span_start``/``span_end`` delimit ``raw`` (the number
with its unit and qualifier cue); ``text[start:end] == quote`` and
``text[span_start:span_end] == raw``. The scan reads a masked copy of the text of the same
length (Markdown emphasis, link targets and URLs blanked), so offsets need no mapping.

Values. ``value`` (or ``low``/``high``) is the number as written and ``unit`` a unit text
of docs/data-format.md carrying the scale word (``405`` + ``billion parameter``; ``128k
tokens`` -> 128 ``K token``); ``value_text`` keeps the written digits (``2.50``).

Linking (:mod:`kb.extract.linking`) fills in ``entity`` (or ``entity_new``, the name of
a thing that exists only in the article, such as a table row's workload), ``property``
and ``conditions``; ``confidence``, ``entity_confidence`` and ``property_confidence`` are
calibrated probabilities that value+unit, entity and property are right.

A block the article repeats word for word yields its drafts once. The scan is linear in
the text.
"""
from __future__ import annotations

import bisect
import functools
import gc
import math
import re
from dataclasses import dataclass, field, replace as _replace
from pathlib import Path

from kb.errors import ExtractError, IngestError
from kb.core.grammar import (BETWEEN_RE, CARD_SERIES, CONNECT_RE, CONTINENTAL_SCALE_RE, COUNT_NOUNS, GERMAN_COUNT_NOUNS, GPU_COMPARED_RE, GPU_NAME, MONTH_NAMES_RE, MONTH_NUMBERS, MONTH_SHORT_RE, PERIOD_NOUN_RE, VAGUE_RE,
                                Quantity, candidate_starts,
                                clock_duration, dollar_prefix, hours_and_minutes, minutes_and_seconds, header_unit, in_points, looks_like_year, parse_at, parse_upto, percent_compare_before, qualifier_cue,
                                same_dimension, scale_factor, scale_name, space_thousands, spelled_range_at, unit_factor, unit_text, unknown_currency_end,
                                factor_words_at,
                                vague_at,
                                word_number_at)
from kb.extract.linking import CODE_ROW_KEY_RE, Registry, grouped_row_names, index_for, link, load_registry, published_of, row_variants, \
    series_rows, without_link_labels
from kb.extract.tables import Table, find_bar_charts, find_tables, line_matches

__all__ = ["Draft", "Found", "extract_text", "extract_file", "drafts_document", "draft_record", "draft_id_prefix",
           "mask", "sentence_starts", "source_id_of"]


@dataclass
class Draft:
    """One proposed claim. ``text[start:end] == quote``; ``text[span_start:span_end] == raw``."""

    quote: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    entity: str | None = None
    entity_confidence: float = 0.0
    property: str | None = None
    property_confidence: float = 0.0
    raw: str = ""
    span_start: int = 0
    span_end: int = 0
    conditions: dict = field(default_factory=dict)
    value_text: str | None = None
    low_text: str | None = None
    high_text: str | None = None
    confidence: float = 0.0          # value+unit+qualifier as read
    entity_new: str | None = None    # a thing only the article has (a table row's workload)
    form: str = ""                   # the grammar form that read it (calibration key)
    context: dict = field(default_factory=dict)  # table cells: the row label and column header
    evidence: dict = field(default_factory=dict)  # how each guess was made (value, entity, property)
    numerator: str | None = None     # a difference's sides: the property they are of ("3 percentage points" of a margin)


@dataclass
class Found:
    """A draft with what linking needs: the parsed quantity, a property hint, the table cell."""

    draft: Draft
    q: Quantity
    hint: str | None = None          # ratio, change, share, pue: the grammar already knows
    table: Table | None = None
    row: int = -1
    col: int = -1
    grouped: bool = False            # linking passed over a name counted as a group ("8x H100")
    owner: str | None = None         # a name in the possessive right before the number ("DeepSeek V3's 2.6M")
    defined: bool = False            # the next sentence says what the number is of ("That's the TDP of ..."): linking
    whole: bool = False              # a percentage followed by the whole it is a part of ("12% of US power"): linking
    whole_words: str | None = None   # the words that name that whole ("US power"): linking
    head: str | None = None          # a table cell's column header, where a cue word says what its numbers are: linking
    owning: bool = False             # an amount per period that is a running cost, never a rent ("at 700W costs $0.105/hr"): linking
    context: bool = False            # a count of tokens right before "context" ("2M token context"): linking
    results_of: str | None = None    # the one company the text before names, whose results a sentence naming nothing gives: linking
    behind: Found | None = None      # a bare duration's mention before it in the text ("$5.50/GPU-hour for a three-year term")


# --------------------------------------------------------------------------------------
# The masked view, sentences and clauses
# --------------------------------------------------------------------------------------

# (also an HTML element's tag with its attributes, '<img ... width="45%" />', and an HTML comment,
# on one line or several (a commented-out code block): nothing a reader sees)
# (an escaped pipe "\|" keeps its backslash: a table's row splits at its other pipes only,
# "| Compute (in [[FLOPS\|FLOP]]s) |" is one header cell, and the columns after it keep their headers)
_MASK_RE = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)|https?://[^\s)\]>|]+|\*\*|__|\\(?=[$*_<>#\[\]~])|<br\s*/?>"
                      r"|<(?:img|a|source|video|iframe|span|div|p|figure|picture|svg|audio|font)\b[^<>\n]{0,600}>"
                      # (inline emphasis and the closing tags of those elements: "<strong>7B</strong>")
                      r"|</?(?:strong|b|em|i|u|code|small|mark)>|</(?:a|span|div|p|figure|picture|font)\s*>"
                      # (the tags of an HTML table: its cells are found in the text before masking)
                      r"|</?(?:table|thead|tbody|tfoot|tr|td|th)\b[^<>]{0,400}>"
                      r"|<!--[\s\S]{0,4000}?-->"
                      # (a Kramdown attribute list after an image or a paragraph: '{:style="width:100%"}')
                      r"|\{:[^{}\n]{0,400}\}")
_LINK_OPEN_RE = re.compile(r"\[(?=[^\[\]\n]{0,400}\]\()")
# ("_(?<![\w_]_)": not after a word character, written after the "_" so that the engine
# looks for the "_" first instead of trying every position)
# *single asterisk emphasis* around words ("*all*", "*within*"): its stars hug the text they
# enclose, which a product's do not ("5 * 3"); not inside a word ("a*b*c") nor a run of stars
_STAR_EM_RE = re.compile(r"\*(?<![\w*]\*)([^\s*](?:[^*\n]{0,118}[^\s*])?)\*(?![\w*])")
_UNDERSCORE_EM_RE = re.compile(r"_(?<![\w_]_)([^\s_](?:[^_\n]{0,118}[^\s_])?)_(?![\w_])")


_FRAC_RE = re.compile(r"\\[dt]?frac\s*\{")
_LATEX_CMD_RE = re.compile(r"\\(?:[A-Za-z]+|[ ,;!])|\{|\}")  # (literals first: the engine skips to them)
# (a number in E notation too: "$3e23 \\text{ FLOP}$" is 3e23 FLOP, no dollars)
_MATH_DOLLAR_RE = re.compile(r"\$(?=\s*[0-9.]+(?:[eE][+-]?[0-9]+)?\s*(?:\\[A-Za-z]|~[A-Za-z]))")
# (and one opening math before a relation or a fraction: "$\approx 9.8\text{A}$", "$\frac{V}{2^4} = 112.5$";
# and the signs around a variable with its subscript, "$I_{mp}$", "$V_{DD}$", as a label in a table's row: no
# price is written with a brace before its sign)
_MATH_OPEN_CMD_RE = re.compile(r"\$(?=[ ]?\\(?:approx|sim|simeq|le|leq|ge|geq|pm|frac|dfrac|mu)(?![A-Za-z])|[A-Za-z]_\{)"
                               r"|\$(?<=\}\$)")
# LaTeX's multiplication sign before a power of ten, read as the sign it is written after ("3.79
# \times 10^{25}" is one number, not "3.79" and "10^{25}"), padded to the command's length; before
# anything else it is blanked with the other commands ("2 \times 700" is no ratio "2x")
_LATEX_TIMES_RE = re.compile(r"\\(?:times|cdot)(?=[ {]*10[ ]*\^)")
# LaTeX's unbreakable space between a number and its unit or between words ("10^{12}~bytes",
# "8.1~TB~of~GPU~memory"); not a "~" of approximation, which follows a blank, a sign or a "="
_LATEX_TILDE_RE = re.compile(r"~(?<=[0-9A-Za-z}]~)(?=[A-Za-z0-9\\])")


# (each number-grouping pattern below with its first digit written before the look-behind that keeps
# it the number's first, as _DOT_MILLIONS_RE: scanned for digits in C over the whole text)
_LATEX_THOUSANDS_RE = re.compile(r"[0-9](?<![0-9][0-9])[0-9]{0,2}(?:\{,\}[0-9]{3})+(?![0-9])")
_LATEX_ENV_RE = re.compile(r"\\(?:begin|end)\{[A-Za-z*]{1,20}\}")


def _spaces_keeping_lines(m: re.Match) -> str:
    """A masked match as spaces of its length, its line breaks kept (the lines and paragraphs
    around a multi-line comment stay where they were)."""
    g = m.group(0)
    return " " * len(g) if "\n" not in g else re.sub(r"[^\n]", " ", g)


def _mask_latex(out: str) -> str:
    """LaTeX math as plain text of the same length: ``\\frac{A}{B}`` reads "A/B",
    ``\\text{ms}`` "ms", a ``$`` opening math before a number is no dollar."""
    slashes = []
    for m in _FRAC_RE.finditer(out):
        depth, i = 1, m.end()
        while i < len(out) and depth:
            depth += {"{": 1, "}": -1}.get(out[i], 0)
            i += 1
        if depth == 0 and i < len(out) and out[i] == "{":
            slashes.append(i)  # the denominator's brace: "A}{B" -> "A /B"
    if slashes:  # (written piece by piece: a list of the text's characters costs more)
        parts, last = [], 0
        for i in sorted(set(slashes)):
            parts += [out[last:i], "/"]
            last = i + 1
        out = "".join(parts) + out[last:]
    out = _MATH_DOLLAR_RE.sub(" ", out)
    if "$" in out:
        out = _MATH_OPEN_CMD_RE.sub(" ", out)
    out = _LATEX_TIMES_RE.sub(lambda m: "×" + " " * (len(m.group(0)) - 1), out)
    if "~" in out:
        out = _LATEX_TILDE_RE.sub(" ", out)
    if "{," in out:  # "9{,}000": LaTeX's thousands separator, the number padded before
        out = _LATEX_THOUSANDS_RE.sub(lambda m: m.group(0).replace("{,}", ",").rjust(len(m.group(0))), out)
    if "\\begin{" in out or "\\end{" in out:  # "\begin{align*}": no operand "*", no word
        out = _LATEX_ENV_RE.sub(lambda m: " " * len(m.group(0)), out)
    return _LATEX_CMD_RE.sub(lambda m: " " * len(m.group(0)), out)


# a Markdown footnote definition that cites a source ("[^3]: Author (2024). Title ... URL"):
# figures in a reference's title are the cited work's, not claims of the article
# (written "\[(?<!.\[)": a "[" at the start of a line, which is "^\[" in multiline mode; a
# pattern that starts with a character is scanned for it in C instead of tried at every position)
_CITATION_NOTE_RE = re.compile(r"\[(?<!.\[)\^[^\]\n]{1,40}\]:(?=[^\n]*(?:https?://|\]\(|\([12][0-9]{3}[,)]))[^\n]*")


# a LaTeX sub- or superscript inside a word ("tCO\\$_2\\$eq", "1/10$^{th}$"), read as the
# plain word ("tCO2eq", "1/10th") and padded after, so that the "$" is no dollar
# (its first "\\*\$" written as a "\\" or a "$" with the letter or digit before it looked
# behind for after it: the engine then scans for those two characters only)
_SCRIPT_RE = re.compile(r"(?:\\(?<=[A-Za-z0-9]\\)\\*\$|\$(?<=[A-Za-z0-9]\$))[_^]\{?([0-9]{1,2}|th|st|nd|rd)\}?\\*\$"
                        r"([A-Za-z]*)")


# a slash right before an amount ("tokens / 1$"): the amount is what a rate is counted per
# (after a word or a bracket: "3$/15$" is a pair of prices)
_SLASH_BEFORE_RE = re.compile(r"[A-Za-z)][ \t]*/[ \t]*$")


#: a footnote reference right after a number ("trained on 24,576[^1] H100 GPUs"): no part of the
#: number nor of its noun (never a definition's "[^1]:" at a line's start)
_NUMBER_NOTE_REF_RE = re.compile(r"\[(?<=[0-9]\[)\^[^\]\s]{1,30}\](?!:)")
#: a reference-style link's label ("[15 trillion][3] tokens", "[$6.6 billion][reuters]"), in a text
#: that defines its labels ("[3]: https://..."): its text stands for the link, as an inline one's does
#: (footnotes, "[^1][^2]", are no links)
_REF_LINK_DEF_RE = re.compile(r"(?m)^[ \t]{0,3}\[(?!\^)[^\]\n]{1,40}\]:[ \t]*\S")
_REF_LINK_RE = re.compile(r"\[(?P<t>[^\[\]\n^][^\[\]\n]{0,399})\]\[(?P<l>(?!\^)[^\[\]\n]{0,40})\]")
#: HTML's non-breaking and thin spaces written as entities ("80&nbsp;GB", "1,000&#8239;W"): spaces
_SPACE_ENTITY_RE = re.compile(r"&(?:nbsp|thinsp|ensp|emsp|#160|#xa0|#x[aA]0|#8201|#8239|#x202[fF]|#8194|#8195);")


#: what may stand before a link that opens its line's text: a list item's marker or a heading's hashes
_LINE_LEAD_RE = re.compile(r"[ \t]*(?:[-*+]|[0-9]{1,3}[.)]|#{1,6})?[ \t]*$")


def _ref_links(text: str) -> str:
    """Reference-style links in prose read by their text, their brackets and label blanked (same
    length). A link that opens its line ("- [NVIDIA DGX Spark ($3,999 MSRP)][spark]") is an entry of
    a list of sources, a cited page's title: left as written."""
    def one(m: re.Match) -> str:
        s = m.start()
        if _LINE_LEAD_RE.match(text, text.rfind("\n", 0, s) + 1, s):
            return m.group(0)
        return " " + m.group("t") + " " * (len(m.group(0)) - 1 - len(m.group("t")))
    return _REF_LINK_RE.sub(one, text)


_QUOTE_MARK_RE = re.compile(r"(?m)^[ \t]{0,3}>(?:[ \t]?>)*")


def _blank(text: str, spans: list) -> str:
    """``text`` with each of the ``spans`` (in order, not overlapping) blanked."""
    if not spans:
        return text
    parts, last = [], 0
    for a, b in spans:
        parts += [text[last:a], " " * (b - a)]
        last = b
    parts.append(text[last:])
    return "".join(parts)


# a degree sign written in LaTeX or HTML before the scale's letter ("0.00002$\\degree$C per year",
# "35^\\circ C", "$^{\\circ}$F", "27&deg;C"): read as the sign, padded before it so that it stays
# against its letter (LaTeX's commands are blanked after, which would part "$\\degree$" from its "C")
# (the markup written out after its "$" and alone, each alternative starting with a character:
# the engine scans for those characters in C instead of trying the pattern at every position)
_DEGREE_MARKS = r"\^[ ]?\{?[ ]?\\circ[ ]?\}?|\\degree(?![A-Za-z])|\{\\degree\}|&deg;|&#176;"
_DEGREE_MARKUP_RE = re.compile(r"(?:\$[ ]?(?:" + _DEGREE_MARKS + ")|" + _DEGREE_MARKS + r")"
                               r"(?:[ ]?\$)?(?=[ ]?[CF](?![A-Za-z0-9]))")


# an HTML page's style sheet and scripts ("<style> .table { width: 100%; transition: background 0.2s }
# </style>"): no text a reader reads; nor is an element's inline style attribute ('<li
# style="width:45%">', whatever its tag)
_STYLE_ELEMENT_RE = re.compile(r"<(?P<t>style|script)\b[^<>]{0,400}>[\s\S]*?</(?P=t)\s*>", re.IGNORECASE)
# the tags of a page's head and frame ('<meta charset="UTF-8" />', '<link href=...>', '<html lang="en">'):
# no text either (a "meta" there is no word of the article's: Meta's name stays a name)
_PAGE_TAG_RE = re.compile(r"<(?:meta|link|!DOCTYPE)\b[^<>]{0,2000}>|</?(?:html|head|body|title)\b[^<>]{0,400}>", re.IGNORECASE)
_STYLE_ATTR_RE = re.compile(r"s(?<=[ \t\n]s)tyle=(?:\"[^\"<>\n]{0,600}\"|'[^'<>\n]{0,600}')")


def _degree_sign(m: re.Match) -> str:
    return " " * (len(m.group(0)) - 1) + "°"


def _unscript(m: re.Match) -> str:
    word = m.group(1) + m.group(2)
    return word + " " * (len(m.group(0)) - len(word))


#: a footnote mark right after a number ("$0.50* per hour", "1.2† tokens/s", "~$0* |"), before a
#: word, a unit or punctuation (never "5*3" or "5* 3": a product); emphasis pairs are blanked first
_NUMBER_MARK_RE = re.compile(r"[*†‡](?<=[0-9][*†‡])(?=[ \t]+[A-Za-z/(%]|[/%]|[ \t]*(?:[.,;:)|\]]|$))", re.M)
#: an inline code span that closes right after its number, with the number's unit of measure written
#: after it ("roughly `6 * 70e9 = 4.2e11` FLOPs / token"): the backtick is no part of either (a noun
#: of things counted after it, "`21*8=168` cards", is left as it was)
_CODE_CLOSE_RE = re.compile(r"`(?<=[0-9]`)(?=[ \t]+(?:per[ \t]|[kMGTPEZY]?FLOP|(?i:(?:[a-z]+-?)?flops?|tokens?|bytes?|params?|parameters?"
                            r"|seconds?|hours?|days?|years?)\b|[kMGT]B\b))")


def mask(text: str) -> str:
    """The text with Markdown emphasis, link targets, bare URLs, escapes and LaTeX markup
    blanked (same length); so are footnote definitions that cite a source."""
    if "`" in text:  # "`6 * 70e9 = 4.2e11` FLOPs": the number's unit after the code span
        text = _CODE_CLOSE_RE.sub(" ", text)
    if not any(c in text for c in "*_]\\h<†‡&"):
        return text
    if "&" in text:  # "80&nbsp;GB": the entity is a space, padded to its length
        text = _SPACE_ENTITY_RE.sub(lambda m: " " * len(m.group(0)), text)
    if "][" in text and _REF_LINK_DEF_RE.search(text):  # "[15 trillion][3] tokens"
        text = _ref_links(text)
    if "<style" in text or "<script" in text or "<STYLE" in text or "<SCRIPT" in text:
        text = _STYLE_ELEMENT_RE.sub(_spaces_keeping_lines, text)
    if "style=" in text:
        text = _STYLE_ATTR_RE.sub(_spaces_keeping_lines, text)
    if "<meta" in text or "<link" in text or "<html" in text or "<!DOCTYPE" in text or "<META" in text:
        text = _PAGE_TAG_RE.sub(_spaces_keeping_lines, text)
    if "\\degree" in text or "\\circ" in text or "&deg;" in text or "&#176;" in text:
        text = _DEGREE_MARKUP_RE.sub(_degree_sign, text)
    if "[^" in text:
        text = _CITATION_NOTE_RE.sub(lambda m: " " * len(m.group(0)), text)
        text = _NUMBER_NOTE_REF_RE.sub(lambda m: " " * len(m.group(0)), text)
    if "$_" in text or "$^" in text:  # "CO$_2$e", "10$^{th}$": the script joins its word
        text = _SCRIPT_RE.sub(_unscript, text)
    out = _LINK_OPEN_RE.sub(" ", text)  # (before the link targets are blanked: it looks for "](")
    out = _MASK_RE.sub(_spaces_keeping_lines, out)
    # (emphasis first: the closing star of "*$2.50* per million" is no footnote mark, and a mark's
    # star, after a digit and before a space, can open no emphasis)
    if "*" in out:  # *single asterisk emphasis* ("to use *all* 16k GPUs": no product "* 16k")
        out = _STAR_EM_RE.sub(lambda m: " " + m.group(1) + " ", out)
    if "*" in out or "†" in out or "‡" in out:  # "$0.50* per hour": a footnote's mark, no part of the amount
        out = _NUMBER_MARK_RE.sub(" ", out)
    if "$$" in out:  # display math delimiters, never money ("$$4 \cdot d$$")
        out = out.replace("$$", "  ")
    if "\n>" in out or out.startswith(">"):  # blockquote markers: "539\n> tCO2eq" is one quantity
        # (tried only at the start of the lines with a ">", not at every position)
        out = _blank(out, [m.span() for m in line_matches(_QUOTE_MARK_RE, out, ">")])
    if "_" in out:  # _single underscore emphasis_ (not snake_case names)
        out = _UNDERSCORE_EM_RE.sub(lambda m: " " + m.group(1) + " ", out)
    if "\\" in text and re.search(r"\\(?:frac|text|fbox|mathrm|times|cdot|begin)", text):
        out = _mask_latex(out)
    return out


# (its first digit written before the look-behind that keeps it the number's first: a pattern that
# starts with a set of characters is scanned for them in C, not tried at every position of the text)
_DOT_MILLIONS_RE = re.compile(r"[0-9](?<![0-9.,][0-9])[0-9]{0,2}(?:\.[0-9]{3}){2,}(?![0-9]|[.,][0-9])")
_COMMA_MILLIONS_RE = re.compile(r"[0-9](?<![0-9.,][0-9])[0-9]{0,2}(?:,[0-9]{3}){2,}(?![0-9]|[.,][0-9])")
_DOT_GROUPS_RE = re.compile(r"[0-9](?<![0-9.,][0-9])[0-9]{0,2}(?:\.[0-9]{3})+(?![0-9]|[.,][0-9])")


# a decimal comma: one or two digits after it ("3,3 Milliarden", "2,5 %"), not in a run of numbers ("1,2,4")
_DECIMAL_COMMA_NUM_RE = re.compile(r"[0-9](?<![0-9.,][0-9])[0-9]*,[0-9]{1,2}(?![0-9]|[.,][0-9])")
# the writing of the English-speaking world: a comma's group of three ("1,000", "$25,000") or a decimal
# point with one or two digits ("3.5", "$0.30") that is no date's ("6.12.2026") nor a version's
# (but no "0,805": no number's thousands start with a zero, that comma is a decimal one)
_ENGLISH_NUM_RE = re.compile(r"[1-9](?<![0-9.,][1-9])[0-9]{0,2},[0-9]{3}(?![0-9])"
                             r"|[0-9](?<![0-9.,][0-9])[0-9]*\.[0-9]{1,2}(?![0-9]|[.,][0-9])")
# a number written the continental way: dots between its groups, a decimal comma ("5.000,50", "1.000")
_EURO_NUM_RE = re.compile(r"[0-9](?<![0-9.,][0-9])(?:[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9]|[.,][0-9])"
                          r"|[0-9]*,[0-9]{1,2}(?![0-9]|[.,][0-9])"
                          # (and three decimals before a currency's sign, "1,006 $", "2,623 €": a
                          # price to the tenth of a cent in that writing, thousands written with a dot)
                          r"|[0-9]*,[0-9]{3}(?![0-9]|[.,][0-9])(?=[ \u00a0]?[$€]))")
_SWAP_POINTS = str.maketrans(".,", ",.")
# a version after a name is no decimal of the text's own writing ("Llama 3.1", "GPT-4.5", "Gemini 2.5 Pro")
_NAME_BEFORE_RE = re.compile(r"[A-Z][A-Za-z]*[ -]?$")
# groups of three after a dot before what is counted in whole units, the euro written after the
# amount or a scale word of continental Europe ("200.000 GPUs", "10.000 Chips", "5.000 €", "17.880
# Euro", "2.000 millones de dólares"): thousands in any text (no count
# of GPUs has three decimals, and an amount in euros written with its sign after it is the
# continental way of writing; not "0.125", nor a version "1.2.3")
_DOT_THOUSANDS_BEFORE_RE = re.compile(
    r"[1-9](?<![0-9.,][1-9])[0-9]{0,2}(?:\.[0-9]{3})+(?![0-9]|[.,][0-9])"
    r"(?=[ \u00a0]?(?:€|(?:Euro|EUR|GPUs?|chips|accelerators|servers|Server|" + GERMAN_COUNT_NOUNS +
    r"|nodes|Knoten|racks|Racks|employees|users|Kunden|customers|" + CONTINENTAL_SCALE_RE + r")\b))")


def _count_upto(limit: int, items) -> int:
    """How many ``items`` there are, counted no further than ``limit``: whether they are fewer
    than ``limit`` is all that is asked (an English text's numbers are thousands, its decimal
    commas a few: the count stops at those few)."""
    n = 0
    if limit <= 0:
        return n
    for _ in items:
        n += 1
        if n >= limit:
            break
    return n


def _dot_thousands(view: str) -> str:
    """An article that writes a million with dots ("1.000.000 tokens") and never with commas
    groups thousands with a dot too ("1.600 GB/s", "1.000 W"): its groups of three digits
    after a dot are read as thousands (the dots read as commas; same length, so every offset
    holds). An article whose decimal commas ("3,3 Milliarden", "35,1 Mrd.", "2,5 %") outnumber
    the English writing of its numbers (a comma's group of three, a point's one or two
    decimals: "Llama 3.1" in a German text is one) writes numbers the continental way
    throughout: "1.000 GPUs", "5.000 €" are thousands there and its decimal commas are read as
    points. Any other text is returned as it is."""
    if "," in view and _DECIMAL_COMMA_NUM_RE.search(view):
        # (not after a dollar sign: "$2,50" is no way a dollar amount is written, no evidence)
        decimals = sum(1 for m in _DECIMAL_COMMA_NUM_RE.finditer(view) if view[max(0, m.start() - 2):m.start()].strip()[-1:] != "$")
        if decimals > _count_upto(decimals, (m for m in _ENGLISH_NUM_RE.finditer(view)
                                             if not _NAME_BEFORE_RE.search(view, max(0, m.start() - 16), m.start()))) \
                and not _COMMA_MILLIONS_RE.search(view):
            return _EURO_NUM_RE.sub(lambda m: m.group(0).translate(_SWAP_POINTS), view)
    if "." in view and _DOT_THOUSANDS_BEFORE_RE.search(view):
        view = _DOT_THOUSANDS_BEFORE_RE.sub(lambda m: m.group(0).replace(".", ","), view)
    if "." not in view or not _DOT_MILLIONS_RE.search(view) or _COMMA_MILLIONS_RE.search(view):
        return view
    return _DOT_GROUPS_RE.sub(lambda m: m.group(0).replace(".", ","), view)


# the hyphens that are no minus sign and no dash: the non-breaking hyphen U+2011 (a "3-year lease" or
# "GPT-4" written with it, as some editors and generators do) and the hyphen U+2010
def _plain_hyphens(view: str) -> str:
    """The text with its hyphen characters read as "-" (one character for one: every offset holds;
    str.replace, not str.translate, which maps a long text character by character ten times slower);
    an en dash that joins a model's size to its name ("Gemma-3–27B", as typography or an editor
    writes the hyphen) read as the hyphen too."""
    if "\u2011" in view:
        view = view.replace("\u2011", "-")
    if "\u2010" in view:
        view = view.replace("\u2010", "-")
    if "\u2013" in view:
        # (each en dash before a size found first, in C; the name before it then matched at the
        # start of the run of name characters it ends: the only start _NAME_DASH_RE's look-behind
        # allows. The pattern alone tried every letter of the text.)
        parts, last = [], 0
        for m in _DASH_SIZE_RE.finditer(view):
            d = m.start()
            run = _NAME_RUN_RE.search(view, max(0, d - 27), d)
            if run is not None and _NAME_DASH_RE.match(view, run.start()) is not None:
                parts += [view[last:d], "-"]
                last = d + 1
        if parts:
            view = "".join(parts) + view[last:]
    return view


# an en dash inside a name: a word that starts with a letter, glued to a size ("Gemma-3–27B",
# "Llama–70B", "Mixtral–8x7B", "H100–80GB"); never a range of numbers ("2023–2024",
# "$10–15", "10B–20B": the word before starts with a digit or a sign)
_NAME_DASH_RE = re.compile(r"(?<![\w.$€£–-])([A-Za-z][\w.-]{0,24}?[A-Za-z0-9])–"
                           r"(?=[0-9]+(?:\.[0-9]+)?(?:[BMKT](?![a-z])|x[0-9]|GB))")
_DASH_SIZE_RE = re.compile(r"–(?=[0-9]+(?:\.[0-9]+)?(?:[BMKT](?![a-z])|x[0-9]|GB))")
_NAME_RUN_RE = re.compile(r"[\w.-]+\Z")  # (searched up to an en dash: the run of name characters it ends)


# A sentence ends at a full stop (or "!", "?", "…") and the blanks after it, before what may
# start one; at a line break (with the blanks after it); and at a bullet or a table's "|" between
# blanks, the blank before it included (" | ", " • "). The pattern starts at the stop, the line
# break or the mark, one set of characters that the engine scans for in C (the blank before a
# mark looked behind for, not tried at each of the text's blanks): sentence_starts then drops a
# mark whose blank before it the previous boundary took, as a scan from that boundary's end would.
# (a footnote's or a reference's marker may follow the full stop: "in 2024.[^3] They", "in
# 2024.<sup>8</sup> They", "in 2024.[8] They": the next sentence starts after it)
_BOUNDARY_RE = re.compile(r"[.!?…\n•·|](?:(?<=[.!?…])[\"”’)\]]*(?:\[\^[^\]\s]{1,30}\]|\[[0-9]{1,3}\]|<sup>[^\n]{0,120}?</sup>)*"
                          r"\s+(?=[\"“‘(\[]?[A-Z0-9$•\-–])|(?<=\n)\s*|(?<=\s[•·|])\s)")
_ABBREVS = ("vs", "e.g", "i.e", "etc", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
            "Dec", "Mr", "Mrs", "Ms", "Dr", "Inc", "Corp", "Ltd", "Co", "No", "approx", "est", "U.S", "fig", "Fig", "al")
_ABBREV_RE = re.compile(r"(?:\b(?:" + "|".join(re.escape(a) for a in _ABBREVS) + r")\.)$")
# what every match of _ABBREV_RE ends with: a window that ends with none of them is searched
# no further (a string test instead of the pattern's search at each of 20,000 boundaries)
_ABBREV_ENDS = tuple(a + "." for a in _ABBREVS)
# A clause ends at a comma, a semicolon or a colon before a blank, and at a blank before a dash
# between blanks or before a bracket ("[,;:]\s|\s[–—-]\s|\s\("). The pattern starts at the
# punctuation, one set of characters that the engine scans for in C (the blank before a dash or a
# bracket looked behind for, not tried at each of the text's blanks): _clause_seps gives the
# spans the plain form finds.
_CLAUSE_SEP_RE = re.compile(r"[,;:–—\-(](?:(?<=[,;:])\s|(?<=\s[–—-])\s|(?<=\s\())")


def _clause_seps(text: str, lo: int, hi: int):
    """(start, end) of each clause separator in ``text[lo:hi]``, in order: what finditer of the
    plain form gives (a dash's or a bracket's separator starts at the blank before it; none
    where that blank ends the separator before)."""
    pos = last = lo
    search = _CLAUSE_SEP_RE.search
    while (m := search(text, pos, hi)) is not None:
        a = m.start()
        start = a if text[a] in ",;:" else a - 1
        if start < last:
            pos = a + 1
            continue
        pos = last = m.end()
        yield start, last


def sentence_starts(text: str) -> list[int]:
    starts = [0]
    pos = 0
    search = _BOUNDARY_RE.search
    while (m := search(text, pos)) is not None:
        s = m.start()
        c = text[s]
        if c in "•·|" and s - 1 < pos:  # (its blank ends the boundary before: no boundary here)
            pos = s + 1
            continue
        pos = m.end()
        if c == "." and text.endswith(_ABBREV_ENDS, max(0, s - 5), s + 1) \
                and _ABBREV_RE.search(text, max(0, s - 5), s + 1):
            continue
        starts.append(pos)
    return starts


def _clause(text: str, starts: list[int], s: int, e: int, memo: dict | None = None) -> tuple[int, int]:
    """The clause a number at ``text[s:e]`` stands in (its quote). ``memo`` (one dict per text)
    keeps each sentence's clause separators, found once: without it a sentence of n numbers is
    read n times (a one-sentence list of thousands of prices took seconds)."""
    i = bisect.bisect_right(starts, s) - 1
    ss = starts[i]
    se = starts[i + 1] if i + 1 < len(starts) else len(text)
    seps = None
    if memo is not None:
        seps = memo.get(ss)
        if seps is None:
            found = list(_clause_seps(text, ss, se))
            seps = memo[ss] = ([a for a, _ in found], [b for _, b in found])
    lo = ss
    if s - ss > 160:  # long sentence: start at the nearest clause boundary that keeps <= 160 chars
        if seps is None:
            for _, b in _clause_seps(text, ss, s):
                if s - b <= 160:
                    lo = b
                    break
        else:  # the first separator ending in [s - 160, s] (a scan stopped at s finds the same ones)
            k = bisect.bisect_left(seps[1], s - 160)
            if k < len(seps[1]) and seps[1][k] <= s:
                lo = seps[1][k]
    hi = se
    k = bisect.bisect_left(seps[0], e) if seps is not None else 0
    if seps is None or k and seps[1][k - 1] > e:  # (a separator across e: read from e itself)
        for a, _ in _clause_seps(text, e, se):
            hi = a
            break
    elif k < len(seps[0]):
        hi = seps[0][k]
    if hi - lo > 400:
        hi = min(hi, e + 120)
    while lo < hi and (text[lo].isspace() or text[lo] in "•·-–—*|#>├└╰│─━"):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ".,;:*"):
        hi -= 1
    if hi < e:
        hi = e
    if lo > s:
        lo = s
    return lo, hi


# --------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------

#: Two shares of a whole written "N/M" (summing to 100) where the words call it a split or a mix:
#: "the split is nearly 50/50 between hardware and the rest", "a 60/40 split", "an 70/30 mix".
_SHARES_RE = re.compile(r"(?<![\w.,/])(?P<a>[1-9]?[0-9])/(?P<b>[1-9]?[0-9])(?![\w.,/%])")
_SPLIT_BEFORE_RE = re.compile(r"(?i)\b(?:split|mix|divided|divide[sd]?)\b(?:[ \t]+[a-z]+){0,3}[ \t]+$")
_SPLIT_AFTER_RE = re.compile(r"(?i)[ \t]+(?:[a-z]+[ \t]+)?(?:splits?|mix)\b")


def split_shares(text: str, s: int) -> tuple[int, int] | None:
    """Where the number at ``s`` is one side of an "N/M" split of a whole (N + M = 100, the words
    at it say split or mix), the span of the other side's pair (start of N, end of M); else None."""
    tries = [_SHARES_RE.match(text, s)]
    if text[s - 1:s] == "/":   # the second side: the pair starts one or two digits before the slash
        tries += [_SHARES_RE.match(text, a) for a in (s - 3, s - 2) if a >= 0]
    for m in tries:
        if m is None or s not in (m.start("a"), m.start("b")):
            continue
        if int(m.group("a")) + int(m.group("b")) != 100:
            return None
        if _SPLIT_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()) or _SPLIT_AFTER_RE.match(text, m.end()):
            return m.start(), m.end()
        return None
    return None


# an amount with its currency's sign after it ("15$", "2,50 €")
_SIGN_AFTER_RE = re.compile(r"[0-9][0-9.,]*[ \u00a0]?[$€](?![\w$])")


def _before_marks(raw: str, at: int) -> str:
    """The character before ``at`` and the emphasis marks ("_", "*") right before it, as
    ``raw[:at].rstrip("_*")[-1:]`` gives it, without copying the text before ``at``."""
    j = at - 1
    while j >= 0 and raw[j] in "_*":
        j -= 1
    return raw[j:j + 1] if j >= 0 else ""


def _skip_candidate(text: str, s: int, raw: str | None = None) -> bool:
    if s >= 2 and text[s - 1] == "-" and text[s - 2].isalnum() \
            and not (text[s] in "$€£" and _WORD_HYPHEN_BEFORE_RE.search(text, max(0, s - 12), s)) \
            and not (text[s - 2] == "b" and _SUB_BEFORE_RE.search(text, max(0, s - 5), s)):
        return True  # GPT-4, Llama-3, NousCoder-14B, 2023-2024 (not "a record near-$35 billion quarter",
        # nor "sub-20ms TTFT": under 20 ms)
    if s >= 3 and text[s - 1] == "-" and text[s - 2] == " " and raw is not None and raw[s - 2] in "_*" \
            and _before_marks(raw, s - 1)[-1:].isalnum():
        return True  # "_A100_-40GB", "**H100**-80GB": a name in emphasis (blanked in the view) and its variant
    if s >= 2 and text[s - 1] == ":" and text[s - 2].isdigit():
        return True
    if s >= 1 and text[s - 1] in "#^/_." and not (text[s - 1] == "/" and text[s - 2:s - 1] in ("w", "W")
                                                  and not text[s - 3:s - 2].isalnum()) \
            and not (text[s - 1] == "/" and text[s:s + 1] in ("$", "€", "£")) \
            and not (text[s - 1] == "/" and text[s - 2:s - 1] in ("$", "€") and _SIGN_AFTER_RE.match(text, s)) \
            and not (text[s - 1] == "/" and split_shares(text, s) is not None) \
            and not (text[s - 1] == "/" and "SL" in text[max(0, s - 24):s] and _ISL_OSL_RE.search(text, max(0, s - 30), s)):
        return True  # (but "w/2.45 TBps": with; "$3/$15", "3$/15$": a second amount; "50/50": a split's second
        # share; "ISL/OSL=2048/128": the output's length)
    if s >= 1 and text[s - 1] == "[" and re.match(r"[0-9]{1,3}\]", text[s:s + 4]):
        return True  # footnote [3]
    if text.startswith("52", s) and _WEEK_RANGE_RE.match(text, s):
        return True  # "52-week range", "52-week high": a stock's price over the last year, no duration
    if text.startswith("9", s) and _CONFIDENCE_LEVEL_RE.match(text, s):
        return True  # "(95% CI: 2.0x to 3.1x)", "a 90% confidence interval": the interval's level, no claim
    if text[s:s + 1].isdigit() and _PRECISION_RE.match(text, s):
        return True  # "(rounded to 8 decimal places)", "to 3 significant figures": how precisely, no amount
    if s >= 4 and text[s - 1] == " " and _GROUP_NUMBER_RE.match(text, s) is not None \
            and _GROUP_NAME_RE.search(text, max(0, s - 13), s) is not None:
        return True  # "the Big Four hyperscalers", "the Magnificent Seven": a group's name, no count
    if s >= 4 and (dm := _DECADE_RE.match(text, s)) is not None \
            and (bm := _DECADE_BEFORE_RE.search(text, max(0, s - 8), s)) is not None \
            and (bm.group(1).lower() not in ("the", "its", "their") or _DECADE_END_RE.match(text, dm.end())):
        return True  # "margins in the low 70s", "recover to mid-70s", "back in the 90s": a band of tens, no seconds
    return False


# a list of the works an article cites, under its own heading ("## References", "**Sources:**",
# "### Further reading"): the titles of the works listed there, as link texts or in quotes ("1. [NVIDIA
# invests $2B to help CoreWeave add 5GW of AI compute](https://...), TechCrunch", '6. Siddik et al.,
# "The environmental footprint of data centers ..." (2021)'), are other writers' headlines, not the
# article's claims; a short label ("[OctoML 2xA100](...)": under four words) may state a setup and stays
_CITED_HEADING_RE = re.compile(r"(?im)^[ \t]*(?:#{1,6}[ \t]*|\*\*|__)(?:[0-9]{1,2}\.?[ \t]+)?(?:\*\*)?"
                               r"(?:references?|sources?(?:[ \t]+and[ \t]+references?)?|bibliography|works[ \t]+cited"
                               r"|citations?|further[ \t]+reading|related[ \t]+reading|reading[ \t]+list)"
                               r"\b[ \t:*_]*$")
_SECTION_END_RE = re.compile(r"(?m)^(?:#{1,6}[ \t]|---+[ \t]*$|\*\*[^*\n]+\*\*[ \t]*:?[ \t]*$)")
_LIST_ITEM_RE = re.compile(r"(?m)^[ \t]*(?:[-*+•]|[0-9]{1,3}[.)]|\[[0-9]{1,3}\])[ \t]+[^\n]*")
_TITLE_RE = re.compile(r"\[([^\]\n]{8,300})\]\(|\"([^\"\n]{8,300})\"|“([^”\n]{8,300})”")


@functools.lru_cache(maxsize=8)
def _cited_titles(text: str) -> tuple:
    """(starts, ends) of the titles of cited works in a text's reference lists (see _CITED_HEADING_RE)."""
    if "\n" not in text or _CITED_HEADING_RE.search(text) is None:
        return ()
    spans = []
    for hm in _CITED_HEADING_RE.finditer(text):
        em = _SECTION_END_RE.search(text, hm.end() + 1)
        end = em.start() if em else len(text)
        for im in _LIST_ITEM_RE.finditer(text, hm.end(), end):
            for tm in _TITLE_RE.finditer(text, im.start(), im.end()):
                g = next(i for i in (1, 2, 3) if tm.group(i) is not None)
                if len(tm.group(g).split()) >= 4:
                    spans.append((tm.start(g), tm.end(g)))
    if not spans:
        return ()
    spans.sort()
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


def _in_spans(spans: tuple, s: int) -> bool:
    k = bisect.bisect_right(spans[0], s) - 1
    return k >= 0 and s < spans[1][k]


# a lower-case word hyphenated to a currency sign ("near-$35 billion", "sub-$1 prices"): a word of the
# amount, no name's number
_WORD_HYPHEN_BEFORE_RE = re.compile(r"(?<![A-Za-z0-9])[a-z]{3,}-$")
# "sub-" before an amount ("Consistently sub-20ms TTFT", "sub-100 ms latency"): less than it
_SUB_BEFORE_RE = re.compile(r"(?<![A-Za-z0-9])[Ss]ub-$")
# a group's name made of a number ("Big Four", "Big 3", "Magnificent Seven", "Mag 7"), the number last
_GROUP_NAME_RE = re.compile(r"[BM](?<![A-Za-z][BM])(?:(?<=B)ig|(?<=B)IG|(?<=M)agnificent|(?<=M)ag)[ ]$")  # (letter first)
_GROUP_NUMBER_RE = re.compile(r"(?:Two|Three|Four|Five|Six|Seven|Eight|Ten|[2-9]|10)(?![\w-])")
# a band of tens written as a plural ("70s", "90s") after a word that places it ("the", "low", "mid-",
# "upper", "early", "late", "its"): a range of a percentage or of years, not so many seconds
_DECADE_RE = re.compile(r"[1-9]0s(?![\w/])")
_DECADE_BEFORE_RE = re.compile(r"(?<![A-Za-z])((?i:the|low|mid|high|upper|early|late|its|their))[ -]$")
# (after "the", "its", "their" only where no noun follows: "the 30s timeout" is thirty seconds)
_DECADE_END_RE = re.compile(r"[ \t]*(?:[.,;:)!?]|$|(?:and|or|to|through)\b)")
_WEEK_RANGE_RE = re.compile(r"52[- ]week[ \t]+(?i:range|high|low|hi|lo)\b")
# a statistical interval's confidence level
_CONFIDENCE_LEVEL_RE = re.compile(r"9[059](?:\.[0-9])?[ \t]?%[ \t]+(?:CI\b|(?i:confidence|credible|prediction)[ \t]+(?:interval|level|band))")
# the precision a figure is given to ("rounded to 8 decimal places", "3 significant figures", "two
# decimals"): a count of digits, never a quantity of what the figure measures (in a table cell it
# would take the column's unit: "**$0.00079256** (rounded to 8 decimal places)" under "$/min")
_PRECISION_RE = re.compile(r"[0-9]{1,2}[ \t]+(?i:(?:decimal|significant)[ \t]+(?:places?|digits?|figures?)|decimals|sig\.?[ \t]+figs?)\b")


def _qualifier(text: str, s: int, sent_start: int, q: Quantity) -> tuple[str, int]:
    """Qualifier from the cue right before ``s`` (and trailing cues); start of the cue."""
    cue = qualifier_cue(text, max(sent_start, s - 40), s)
    if cue:
        if cue[0] == "lower_bound" and q.atom in _SPAN_UNITS and _over_span(text, cue[1], s, q.end):
            return "exact", s  # "$500 billion over four years": the time it is spread over, not more than it
        return cue
    return (q.post or "exact"), s


#: durations an amount is spread over ("over four years", "over 5 years")
_SPAN_UNITS = frozenset(("year", "month", "week", "quarter"))
#: the word before "over" that makes it "more than": the duration is how long something took or
#: lasted ("it took over 3 months", "for over two years", "in over a year"), not a span of an amount
#: (not shared with kb.core.grammar's qualifier cues: QUALIFIER_CUES are the qualifier's own words,
#: "over" among them, these the words before that cue that keep it a bound; the verbs of lasting are
#: also in grammar's _DURATION_CUE_RE, _CLOCK_CUE_RE and _ONE_CUE_RE, each with other forms of them
#: ("taken", "lasting" only here), so one list would change what those read)
_OVER_MORE_BEFORE_RE = re.compile(r"(?i)\b(?:took|takes?|taken|taking|lasts?|lasted|lasting|for|in|after|within|spent"
                                  r"|spends?|spending|requires?|required|needs?|needed|waited|is|was|are|were|be|been"
                                  r"|being|of|aged|than|since|by|at|to)[ \t*_]*$")
#: ... or the word after the duration: a delay, an age, a time since ("over two years behind the
#: roadmap", "over 3 years old", "over 5 years ago", "over 10 years of experience")
_OVER_MORE_AFTER_RE = re.compile(r"(?i)[ \t*_]*(?:behind|late|later|earlier|old|older|ago|of|longer|past|before|after"
                                 r"|overdue|away)\b")


def _over_span(text: str, cue: int, s: int, end: int) -> bool:
    """Whether "over" at ``cue`` before a duration at ``s``..``end`` gives the time an amount or
    a rate is spread over ("Apple added another $500 billion over four years", "~780 runs/day over
    1 year", "a $300 billion contract ... over five years"): the duration is then the span,
    exact, as the curated claims record it; "it took over 3 months" and "over two years behind"
    stay more than."""
    if text[cue:s].strip(" \t*_~").lower() != "over":
        return False
    if _OVER_MORE_BEFORE_RE.search(text, max(0, cue - 20), cue):
        return False
    return not _OVER_MORE_AFTER_RE.match(text, end)


# the gap between two prices of one list: a coordinator ("and", "or", a comma) and the next item's name
_PARALLEL_GAP_RE = re.compile(r"(?:[^\n.;:!?$]|(?<=[0-9])\.(?=[0-9])){0,80}?(?:\b(?:and|or|while|whereas)\b|,)"
                              r"(?:[^\n.;:!?$]|(?<=[0-9])\.(?=[0-9])){0,60}")
# between a rate and a sibling price in brackets after it: " on-demand for H100 (", " (spot: "
_BRACKET_GAP_RE = re.compile(r"[^\n.;:!?$()=]{0,40}\([ \t]*(?:[A-Za-z][A-Za-z \t-]{0,24}:?[ \t]*)?")
# ... but not a different kind of amount ("$2 per hour, a total of $1,400", "and $5 to set up", "= $48")
_PARALLEL_STOP_RE = re.compile(r"(?i)\b(?:total|overall|in all|all-in|upfront|up-front|one-time|once|setup|set-up|set up"
                               r"|fee|deposit|budget|bill|spen[dt]|sav(?:e|es|ed|ings?)|so|thus|which|then|plus|per|whole|entire|project"
                               r"|cost|costs|costing|pa(?:y|ys|id|ying)|bought|buy|buys|earn(?:s|ed)?|revenue|raised|worth"
                               r"|each|every|month|year|day|week|hour|minute|second)\b|[=×*+]")
# ... nor an amount said after it to be of another kind ("and $5 to set up", "$3 once", "$9 in total")
_PARALLEL_AFTER_STOP_RE = re.compile(r"(?i)[ \t]*\(?(?:to|once|up-?front|one-time|in[ \t]+total|total|in[ \t]+all|for[ \t]+(?:the|a|an)"
                                     r"|setup|set-up|fee|deposit|saved|savings?|more|less|extra)\b")
# "from $300/month to $4,200", "between $2/hour and $3": the second end of a change or a span
# (a date or a note in brackets may follow the earlier amount: "from $20 per 1M tokens (November 2022)
# to $0.07 (October 2024)")
_FROM_TO_GAP_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:to|and|→|->)[ \t]*")
_FROM_BEFORE_RE = re.compile(r"(?i)\b(?:from|between)[ \t]+$")
_ELLIPSIS_LINK_RE = re.compile(r"\b(?:from|than|versus|vs\.?|against|compared (?:with|to)|instead of)\b|→|->", re.I)
# "6 tokens vs 200", "2,300 employees (vs OpenAI's ~7,000)": the second number of a comparison
_VS_GAP_RE = re.compile(r"\s*\(?\s*(?:(?:vs\.?|versus|compared (?:with|to))(?:\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}"
                        r"(?:'s|’s)?)?|→|->)\s*(?:~|about\s+|around\s+|roughly\s+)?", re.I)
_PER_TOKEN_RE = re.compile(r"\s+(?:per|for each|each|a)\s+token\b", re.I)
_NEGATION_RE = re.compile(r"\b(?:not|never)\s+(?:even\s+)?$", re.I)
# (a spelled-out name in brackets may follow the word: "PUE (Power Usage Effectiveness) improvements
# plateauing at ~1.2")
_NAMED_TAIL = (r")\b\)?(?:[ \t]*\([A-Za-z][^()\n]{0,40}\))?(?:\s*(?:[:=]|of|is|was|at|with|around|about|~|improvements?"
               r"|improv(?:es|ed)|drops?|dropped|falls?|fell|ris(?:es|en)|rose|goes|went|from|plateau(?:s|ed|ing)?))*\s*\(?$")
# (a price-to-earnings multiple: "forward P/E of 27"; a liquidity ratio: "low current ratio (0.52)")
_NAMED = {"PUE": ("x", "pue"), "P/E": ("x", "ratio"), "current ratio": ("x", "current-ratio"),
          "Current ratio": ("x", "current-ratio"), "Current Ratio": ("x", "current-ratio"),
          # (a benchmark table's column of the tensor-parallel degree: "| Batch Size | TP | Input
          # Length |" over "| 1024 | 1 | 128 |", the devices a model is split across)
          "TP": ("x", "parallelism-degree")}
# the second value of a figure named by a word: "PUE: 1.6 → 1.15", "PUE from 1.6 to 1.15", "1.6 vs 1.3"
_NAMED_NEXT_RE = re.compile(r"[ \t]*(?:→|->|to|vs\.?|versus|or)[ \t]*")
_CHANGE_TO_GAP_RE = re.compile(r"[ \t]+to[ \t]+(?:(?:about|around|roughly|nearly|almost|over|more[ \t]+than)[ \t]+)?~?")
_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z0-9]{1,5})\)\s*$")


@dataclass(frozen=True)
class _Named:
    """Dimensionless figures named by a word ("PUE: 1.3", a "Typical MFU" column): the
    acronyms that end the names of the properties measured in x or percent."""

    words: dict
    before: re.Pattern   # the word right before a number
    header: re.Pattern   # the word in a table header


_NAMED_CACHE: dict = {}


def _named_figures(properties) -> _Named:
    pairs = dict(_NAMED)
    for p in properties or []:
        if not isinstance(p, dict) or str(p.get("canonical_unit", "")).strip() not in ("x", "percent"):
            continue
        m = _ACRONYM_RE.search(str(p.get("name", "")))
        if m and p.get("id"):
            pairs[m.group(1)] = ("x", str(p["id"]))
    key = tuple(sorted(pairs.items()))
    got = _NAMED_CACHE.get(key)
    if got is None:
        alts = "|".join(re.escape(w) for w in sorted(pairs, key=len, reverse=True))
        got = _Named(pairs, re.compile(r"\b(?P<w>" + alts + _NAMED_TAIL),
                     re.compile(r"(?<![A-Za-z0-9])(?P<w>" + alts + r")(?![A-Za-z0-9])"))
        _NAMED_CACHE[key] = got
    return got


_DEFAULT_NAMED = _named_figures(())


def _header_template(text: str, named: _Named) -> Quantity | None:
    """What a header or row label says about the unit; a named dimensionless figure ("Typical
    MFU") when it names no unit."""
    h = header_unit(text)
    if h is None and text:
        m = named.header.search(text)
        if m:
            atom, hint = named.words[m.group("w")]
            h = Quantity(0, 0, "", 0.0, atom=atom, form="table", hint=hint)
    elif h is not None and h.percent and not h.atom and not h.cur and not h.den and h.hint is None:
        # "MFU %", "HFU (%)": a percentage the header names by its figure's acronym is that figure
        # (a utilisation), not a share of some whole
        m = named.header.search(text)
        if m:
            h = _replace(h, hint=named.words[m.group("w")][1])  # (header_unit's answers are shared)
    return h
# (within one line: a star that opens a line is a list's bullet, "* 41.5 Wh → ~42 minutes", no product)
# a few parts of a machine's spec before their size ("2x 1.92TB NVMe", "4 x 960GB SSD") and
# what would make the size an operand after all: the line goes on to work out a result
_DRIVE_ATOMS = frozenset({"GB", "TB", "MB", "PB"})
_DRIVES_BEFORE_RE = re.compile(r"(?<![\w.,])[1-9][0-9]?[ \t]*[x×][ \t]*$")
_WORKED_AFTER_RE = re.compile(r"[^\n]*?(?:=|≈|→|[ \t][x×*][ \t]|\b(?i:total|equals)\b)")
# "- 1x 120kVA UPS", "- 1x 180kW Diesel Generator": a list item of a bill of materials opens with
# how many of a part, its size after (a size with its unit, no operand of arithmetic)
# "4 × 1,345 MW reactors", "2 x 700 W GPUs", "3 × $25,000 servers": so many things of that size (or
# price) each, the amount named by the noun after it (no operand unless the line works out a result)
_PER_UNIT_NOUN_AFTER_RE = re.compile(r"[ \t]+\(?[A-Za-z][A-Za-z0-9-]")
_BULLET_NX_RE = re.compile(r"(?m)^[ \t]*(?:[-*+•]|[0-9]{1,2}[.)])[ \t]+(?:\*\*|__)?[1-9][0-9]?[ \t]*[x×][ \t]*$")
_OPERAND_RE = re.compile(r"(?:[0-9)%][ \t]*[x×*]|[\w)][ \t]*[×*])[ \t]*\(?$")
# the setting a figure was measured or assumed at: "measured ... at 4-bit quantization", "Quantization:
# 16-bit precision" (bits per weight, a claim), unlike "with 4-bit quantization" (a technique named);
# the unit written out ("4.25 bits per parameter") is a claim wherever it stands
_BIT_SETTING_RE = re.compile(r"(?:\b(?i:at|in)|:)[ \t]+$")
_FAMILIES = (r"Llama|LLaMA|LLaMa|Mistral|Mixtral|Qwen[0-9.]*|Gemma[0-9]*|Falcon|Phi(?:-[0-9.]+)?|OPT|BLOOM"
             r"|Pythia|Yi|Nemotron|Granite|OLMo|StarCoder|CodeLlama|Vicuna|Alpaca|Grok|Jamba|DBRX|MPT"
             r"|GPT-J|GPT-NeoX|Megatron|NLG|Jurassic|Gopher|Chinchilla|PaLM|Minerva|Galactica"
             r"|DeepSeek|Deepseek|GLM|ChatGLM|InternLM|Baichuan|Kimi")
_FAMILY_RE = re.compile(r"\b(?:" + _FAMILIES + r")[ -]$")
# a family with its version before a size ("Llama 3.1 70B", "LLaMA 3 8B", "DeepSeek V3.1 671B", "DeepSeek-R1 671B",
# "Qwen 2.5 7B", "Llama-2-13B") or after it ("13B Llama 2", "405B LLaMA3"): the size is part of a
# model's name, no claim (docs/guide.md: "drop it when the number is a name"); a size in brackets
# after the name ("Phi-3 Mini (3.8B)") or in a column of its own states it and stays
_FAMILY_VERSION_RE = re.compile(r"\b(?:" + _FAMILIES + r"|Gemma)[ -]?[A-Za-z]?[0-9]{1,2}(?:\.[0-9]{1,2})?[ -]$")
_FAMILY_AFTER_RE = re.compile(r"[ -](?:" + _FAMILIES + r")(?![a-z])")
# the sizes listed after a family's size ("LLaMA 3 8B, 70B, and 405B"): names too
_SIZE_LIST_BEFORE_RE = re.compile(r"(?:^|(?<=[^\w.]))(?:[0-9]{1,4}(?:\.[0-9])?[BMT],?[ \t]+(?:(?:and|or|&)[ \t]+)?){1,4}$")
# what sets a premium (a discount) against the usual one in its sentence: a word of comparison and
# a word of the norm between the two percentages ("exceeding 50% over PCIe, beyond current market
# norms of 20-30%", "a 40% discount against the typical 10-15%"): the second is a premium too
_NORM_BETWEEN_RE = re.compile(r"[^\n.;!?0-9%]{0,30}\b(?i:beyond|above|below|against|versus|vs\.?|compared[ \t]+(?:with|to)|than)\b"
                              r"[^\n.;!?0-9%]{0,20}\b(?i:norms?|typical|usual|average|historical|customary|standard)\b"
                              r"[^\n.;!?0-9%]{0,16}")
_PCT_SHARE_OF_AFTER_RE = re.compile(r"[ \t]+of\b")


def _norm_premium(view: str, q: Quantity, start: int, end: int, prev) -> None:
    """A percentage set against a premium (a discount) just before it in its sentence as the usual
    one ("a price premium exceeding 50% over PCIe, beyond current market norms of 20-30%") is a
    premium (a discount) too: a ratio, as the noun makes the first (docs/data-format.md)."""
    if prev is not None and prev.q.percent and prev.q.compare in ("more", "less") \
            and 0 < start - prev.draft.span_end < 80 and _NORM_BETWEEN_RE.fullmatch(view, prev.draft.span_end, start) \
            and not _PCT_SHARE_OF_AFTER_RE.match(view, end):
        q.compare = prev.q.compare


_AND_BY_RE = re.compile(r"\s+(?:and|,)\s+(?:[\w'’-]+\s+){0,4}by\s+$")
# the stems of the verbs a change is told with ("rose", "was cut", "declining")
_CHANGE_VERBS = (r"jump|ris|rose|grow|grew|increas|climb|soar|surg|fell|fall|drop|declin|decreas"
                 r"|cut|slash|shr[iau]n|reduc")
# (a bound or an approximation may stand between "from" and the first value: "from under 1% to 17%")
_FROM_CUE = r"\bfrom\s*(?:(?:under|over|below|above|about|around|roughly|nearly|almost|just|~)\s*)?$"
# ("expanded from 10 to 42 requirements", "ballooned from ~2s to ~40s", "has scaled from 1 to 200
# buildings": a change too; but a scale a score "is scaled from 1 to 5" on is a range)
_CHANGE_FROM_RE = re.compile(r"(?i)\b(?:" + _CHANGE_VERBS + r"|go(?:ne)? |went |mov|lift|boost|rais|improv|push|brought"
                             r"|bring|plung|plummet|tumbl|sank|sink|expand|balloon|ramp"
                             # ("tripled from $15 billion to $45 billion annually": a multiple's change)
                             r"|doubl|tripl|quadrupl|halv"
                             r"|(?<!is )(?<!are )(?<!be )(?<!been )(?<!was )(?<!were )scal(?=ed|ing))\w*\b[^.;\n]{0,30}" + _FROM_CUE)


# a verb of growth right before an amount of money ("grew $1B to $4B"): the amount is where it grew
# from, and "to" names where it grew to (two values, not a range)
# (also a verb of increase and a unit at both ends: "total contracted power increased approximately
# 600 megawatts to 2.2 gigawatts": the step, then the new level)
_GREW_BEFORE_RE = re.compile(r"(?i)\b(?:grew|grown|rose|risen|jumped|climbed|soared|surged|scaled|shrank|dropped|fell"
                             r"|(?P<inc>increased|decreased|expanded|added|gained|declined))"
                             r"[ \t]+(?:(?:approximately|about|around|roughly|nearly|almost|some|over|more[ \t]+than)[ \t]+)?~?$")


# "rose by", "was cut by": the change; a "to" after its amount gives the new level
_CHANGE_BY_RE = re.compile(r"(?i)\b(?:" + _CHANGE_VERBS + r"|rais|lower|boost|expand)\w*\s+by\s*$")
# ("raised its 2025 capex forecast by $10 billion to $85 billion": a few words of what changed between
# the verb and "by", where both amounts write their unit or scale: "cut costs by 40% to 60%" and "by
# $2 to $3 billion" stay ranges)
_CHANGE_WORDS_BY_RE = re.compile(r"(?i)\b(?:" + _CHANGE_VERBS + r"|rais|lower|boost|expand|lift|trim)\w*(?:\s+(?!by\b)[\w'’-]+){1,4}?\s+by\s*$")


_UNIT_AFTER_TO_RE = re.compile(r"[~$€£]|[0-9][0-9.,]*[ \t\u00a0]?[A-Za-z$€£%]")


def _unit_after_to(view: str, at: int) -> bool:
    """Whether the amount after a range's "to" at ``at`` writes a unit or a currency of its own
    ("to 2.2 gigawatts", "to $85 billion"), not a bare number sharing the first one's."""
    return _UNIT_AFTER_TO_RE.match(view, at) is not None


def _ends_with_from(view: str, pos: int) -> bool:
    """Whether "from" (any case) and blanks end the text before ``pos``, as every match of
    ``_CHANGE_FROM_RE`` ending there has them (no other letter folds to those four)."""
    before = view[max(0, pos - 50):pos].rstrip().lower()
    if before[-4:] == "from":
        return True
    return before[-1:] in ("r", "e", "t", "d", "y", "w", "~") and _FROM_CUED_RE.search(before) is not None


_FROM_CUED_RE = re.compile(r"\bfrom\s+(?:under|over|below|above|about|around|roughly|nearly|almost|just)$|\bfrom\s*~$")


# an equivalence a figure is put in ("equivalent to 7 full charges", "as much electricity a year as
# 3 million homes", "enough power to supply a city of more than 50,000 people"): a multiple
_EQUIV_CUE_RE = re.compile(
    r"(?i)\b(?:equivalent\s+(?:to|of)|as\s+much\s+(?:electricity|energy|power|water|carbon|CO2|emissions)"
    r"(?:\s+[a-z]+){0,4}?\s+as|enough\s+(?:electricity|energy|power|water)\s+to\s+(?:power|supply|run|charge|serve|fill))"
    r"\s+(?:[\w-]+\s+){0,8}?(?:\(\s*~?)?$")
# ... with the number right after the cue: "as much water as three hospitals", "as much carbon as
# five cars", "equivalent to the lifetime emissions of five cars" (a number in words is read as a
# multiple only there)
_EQUIV_CUE_NEXT_RE = re.compile(
    r"(?i)\b(?:equivalent\s+(?:to|of)(?:\s+the(?:\s+[a-z]+){1,3}?\s+of)?|as\s+much\s+(?:electricity|energy|power|water"
    r"|carbon|CO2|emissions)(?:\s+[a-z]+){0,4}?\s+as)\s+$")
def _equivalence_before(view: str, s: int) -> bool:
    """An equivalence cue before ``s``: "equivalent to 7 full charges", "as much power as a small
    city (~400,000 homes)", "equivalent to the average consumption of a large city with 11.6
    million households" (up to eight words between the cue and the number)."""
    w = view[max(0, s - 100):s]  # (the words first: the pattern is searched only where they are)
    return ("quivalent" in w or "much" in w or "nough" in w) and _EQUIV_CUE_RE.search(view, max(0, s - 100), s) is not None


# the start of a number in words right after an equivalence cue (in lower case), a candidate the
# grammar's word scan does not give ("three hospitals", "five cars")
# (each cue's first letter taken before the look-behind that makes it a word's first, as "\b"
# would: the engine scans for those two letters in C instead of trying the pattern at every
# position of the text)
_EQUIV_WORD_CAND_RE = re.compile(
    r"(?:e(?<!\we)quivalent\s+(?:to|of)(?:\s+the(?:\s+[a-z]+){1,3}?\s+of)?|a(?<!\wa)s\s+much\s+(?:electricity|energy|power|water"
    r"|carbon|co2|emissions)(?:\s+[a-z]+){0,4}?\s+as)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b")
_EQUIV_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "eleven": 11, "twelve": 12}
_EQUIV_WORD_RE = re.compile(r"(?i)(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?=[ \t]+[a-z])")


def _spelled_equivalence(view: str, s: int) -> bool:
    """A number in words right after an equivalence cue ("as much water as three hospitals")."""
    w = view[max(0, s - 60):s]
    return ("quivalent" in w or "much" in w) and _EQUIV_CUE_NEXT_RE.search(view, max(0, s - 60), s) is not None


# "1 year of electricity for 212 households", "power for 80,000 homes": what so much energy would serve
_SERVES_BEFORE_RE = re.compile(r"(?i)\b(?:electricity|energy|power)\s+(?:for|to\s+(?:power|supply|run))\s+"
                               r"(?:(?:about|around|roughly|some|nearly|almost|over|more\s+than|up\s+to)\s+)?$")
_NUMBER_SCALE_RE = re.compile(r"[0-9][0-9,.]*(?:[ \u00a0]*(?i:thousand|million|billion|[KMB])(?![A-Za-z]))?")


def _item_equivalence(view: str, s: int, cell) -> bool:
    """A count of a site's items ("212 households") that an equivalence or a column of
    equivalents puts a figure in: a multiple of the thing named, as a bare number there is."""
    if cell is not None:
        return _equivalents_column(cell.column)
    return _equivalence_before(view, s) or _SERVES_BEFORE_RE.search(view, max(0, s - 60), s) is not None


def _equivalents_column(column: str) -> bool:
    """A column headed as equivalents of its row's figure ("GPU-only emissions equivalent",
    "Equivalent to", "Everyday equivalents"): its bare numbers count the things each cell names,
    as "as much as 7 million laptops" does in prose. Equivalents of a piece of hardware or a model
    ("H100 equivalents", "GPU equivalents", "70B-equivalent") count that hardware or model, as
    "600,000 H100 equivalents" does: no multiple."""
    return "quivalent" in column and _EQUIV_COLUMN_RE.search(column) is not None \
        and _EQUIV_OF_THING_RE.search(column) is None


_EQUIV_COLUMN_RE = re.compile(r"(?i)(?<![a-z])equivalents?(?![a-z])")
# equivalents of a chip or a model: "H100 equivalents", "A100-equivalent", "GPU equivalents",
# "70B equivalent" (not "CO2 equivalent", "emissions equivalent")
_EQUIV_OF_THING_RE = re.compile(r"(?i)(?:\b(?:GPU|TPU|NPU|chip|accelerator|card|server|node|model)s?|\b[A-Z]+[0-9]{2,}[A-Z0-9]*"
                                r"|\b[0-9]+(?:\.[0-9]+)?[BM])[- ]equivalents?(?![a-z])")
_MODEL_AFTER_RE = re.compile(r"[ \t]+(?:(?i:dense|sparse|parameter|param|MoE|base|transformer)[ \t]+){0,2}"
                             r"(?i:models?|LLMs?|networks?)\b")
_SIZE_CLASS_RE = re.compile(r"\)?[- ](?i:class|sized?|range)\b")
# the memory named after a size that follows a GPU's name ("8x H200 (1128GB GPU VRAM)"): a memory stated,
# not the product's name
_GPU_MEMORY_SAID_RE = re.compile(r"[ \t]+GPU[ \t]+(?:VRAM|memory|RAM|HBM\w*)\b")
_VARIANT_AFTER_RE = re.compile(r"[ \t]?(?:(?:VRAM|HBM\w*|PCIe|SXM\d?)[ \t]+)*(?i:model|variant|config(?:uration)?|edition)s?\b")
# a quoted example of a format: 'e.g., "42 mins"', 'for example "2.5x more"' (the number opens the quote)
_EXAMPLE_QUOTE_RE = re.compile(r"(?i)\b(?:e\.g\.|for example|for instance)[,:]?[ \t]*[\"“]$")
# a string in code that is a prompt or a chat message to a model, open before a number in it
# ('prompt = "USER: Explain ... in less than 100 words.', '{"role": "user", "content": "Write 3 ...')
_PROMPT_OPEN_RE = re.compile(r"""(?i)(?:\bprompt\w*["']?[ \t]*[:=]|["']content["'][ \t]*:)[ \t]*[fr]?(?P<q>["'])(?:(?!(?P=q))[^\n\\])*$""")


# a price table written in code: a row keyed by a name (linking's CODE_ROW_KEY_RE: '"gpt-4o": {'), the number after an input or
# output key ('"input": 2.50'), in a table named for prices or rates ("pricing = {", "PRICES: dict = {"),
# in a block that divides a count of tokens by a million or a thousand ("(input_tokens / 1_000_000)")
_CODE_PRICE_KEY_RE = re.compile(r"""["'](?P<d>input|output|prompt|completion)["'][ \t]*:[ \t]*$""")
_CODE_PRICE_TABLE_RE = re.compile(r"(?i)\b\w*(?:pric|rate|cost)\w*[ \t]*(?::[^=\n]{0,40})?=[ \t]*\{")
_CODE_PER_TOKENS_RE = re.compile(r"(?i)tokens?\w*\)?[ \t]*/[ \t]*(?P<n>1_000_000|1000000|1e6|1_000|1000|1e3)(?![\w.])")
CODE_PRICE_BLOCK = 3000  # (characters) how far around the number its code block is looked at


def _code_price(view: str, q) -> tuple[str, str] | None:
    """(direction, "1M" or "1K") where the unitless number ``q`` is a token price in a price table
    written in code (see :data:`_CODE_PRICE_KEY_RE`), else None."""
    lo = max(0, q.start - 16)
    if ":" not in view[lo:q.start]:
        return None
    km = _CODE_PRICE_KEY_RE.search(view, lo, q.start)
    if km is None or not CODE_ROW_KEY_RE.match(view, view.rfind("\n", 0, q.start) + 1):
        return None
    opened = view.rfind("```", max(0, q.start - CODE_PRICE_BLOCK), q.start)
    if opened < 0:
        return None
    closed = view.find("```", q.start, q.start + CODE_PRICE_BLOCK)
    if _CODE_PRICE_TABLE_RE.search(view, opened, q.start) is None:
        return None
    per = _CODE_PER_TOKENS_RE.search(view, q.end, closed if closed >= 0 else min(len(view), q.start + CODE_PRICE_BLOCK))
    if per is None:
        return None
    n = per.group("n").replace("_", "")
    return ("input" if km.group("d") in ("input", "prompt") else "output"), ("1M" if n in ("1000000", "1e6") else "1K")


def _in_prompt(view: str, s: int) -> bool:
    """The number at ``s`` stands inside a prompt written in code: what a model is asked to do
    ("in less than 100 words", "list 5 ideas") states nothing about the world. Looked at only
    where "prompt" ("PROMPT") or "content" stands within 200 characters before it."""
    lo = max(0, s - 200)
    if view.find("rompt", lo, s) < 0 and view.find("ontent", lo, s) < 0 and view.find("ROMPT", lo, s) < 0:
        return False
    return _PROMPT_OPEN_RE.search(view, lo, s) is not None


#: a line's or a sentence's end right after a GPU's name with its memory ("... vs Nvidia A100 80GB",
#: "Gaudi2 is x2.44 faster than A100 80GB.**"): the name ends there, no memory is said of it
_NAME_END_RE = re.compile(r"[\"”*_]*(?:\.[\"”*_]*[ \t]+[A-Z]|\.?[\"”*_]*(?:[ \t]*\n|[ \t]*$))")
_GPU_MEMORY_NAME_RE = re.compile(GPU_NAME + r"(?:[ -]?|s?[ ]?\()$")  # "A100 80GB", "A100-80GB", "H100 (80GB)"
# a graphics card's model number made plural ("4090s", "3060s", "5090s"): no number of seconds
_CARD_PLURAL_RE = re.compile(r"[1-9]0[5-9]0s")
_HYPHEN_ADJ_RE = re.compile(r"-(?:year|month|yr|week|day)\b", re.I)
# (also a setting in backticks with a verb that gives its value: "`--num-prompts` fixed at 320",
# "Ollama's `OLLAMA_NUM_PARALLEL` defaults to 1", the requests a server takes at once)
_IDENT_VERB = r"`[ \t]+(?:(?:is|was)[ \t]+)?(?:set[ \t]+to|fixed[ \t]+at|defaults?[ \t]+to)[ \t]+"
_IDENT_UNIT_RE = re.compile(r"(?<![\w-])[A-Za-z_-]*?[_-]?(?P<w>tokens|requests|queries|calls|gpus|users|prompts?"
                            r"|(?<![A-Za-z])(?i:num[_-]parallel))"
                            r"(?:_per_(?P<per>second|minute|hour|day|month))?(?:[\"']?[ \t]*[:=][ \t]*"
                            r"|" + _IDENT_VERB + r")$")
_IDENT_VERB_BEFORE_RE = re.compile(_IDENT_VERB + r"$")
_EQUIV_RE = re.compile(r"[ \t]*(?:≈|~|=|(?i:is|equals|is about|is roughly|is around|is approximately))[ \t]*(?=[0-9])")
_IDENT_SETTING_RE = re.compile(r"(?i)max|min|limit|top|budget")  # a setting of a call, not a claim ("max_tokens=300")
_IDENT_UNITS = {"tokens": ("token", False), "requests": ("query", False), "queries": ("query", False),
                "calls": ("query", False), "prompts": ("query", False), "prompt": ("query", False),
                "gpus": ("GPU", True), "users": ("user", True), "num_parallel": ("query", False),
                "num-parallel": ("query", False)}
# words of training a model near a number of FLOPS: it counts operations, not a rate
_TRAINING_CUE_RE = re.compile(r"(?i)\b(?:train(?:ed|ing|s)?|pre-?train(?:ed|ing)?|training[ -]compute)\b")
#: A rate of operations written with FLOPS and its prefixes, and the count each names when misused.
_FLOPS_COUNT = {"FLOPS": ("FLOP", 1.0), "GFLOPS": ("GFLOP", 1e9), "TFLOPS": ("TFLOP", 1e12),
                "PFLOPS": ("PFLOP", 1e15), "EFLOPS": ("EFLOP", 1e18)}
#: Operations a second no machine comes near (the largest AI clusters announced reach about 1e21 at
#: FP4): a number of FLOPS this large is a count of operations whatever the words around it ("5e25
#: FLOPS", "21 billion petaFLOPs", "2.5 million exaFLOPs": a training run's compute).
FLOPS_NEVER_A_RATE = 1e23
# a batch size named before its number ("a batch size of 64", "(batch size 64)", "batch ≤512", "the batch
# size is less than 161", "batch_size=8"): so many requests processed together
_BATCH_BEFORE_RE = re.compile(r"(?i)(?<![\w-])batch(?:[ _-]?sizes?|(?<=h)_?size`)?[ \t]*(?:[:=][ \t]*|(?:(?:of|is|was|at|to|set"
                              r"[ \t]+to|equals?)[ \t]+)+)?(?:(?:less[ \t]+than|more[ \t]+than|under|over|up[ \t]+to|about"
                              r"|around|roughly|~|[<>≤≥]=?)[ \t]*)?$")
# a concurrency named before its number ("a concurrency of 8", "at concurrency 32", "Concurrency: keep at
# 4-8", "max_concurrency=16", "Concurrency levels: 1, 4, 8"): so many requests in flight at once
_CONCURRENCY_BEFORE_RE = re.compile(r"(?i)(?<![\w-])(?:max[ _-]?)?concurrency(?:[ _-]?(?:levels?|limit))?[ \t]*"
                                    r"(?:[:=][ \t]*)?(?:(?:[a-z]+[ \t]+)?(?:of|is|was|at|to|equals?)[ \t]+)?"
                                    r"(?:(?:up[ \t]+to|about|around|roughly|~|[<>≤≥]=?)[ \t]*)?$")
# a length of text named before its number ("a sequence length of 1,024", "**sequence length** of
# **1,024**", "reduce the context length to 512", "input length: 2048"): so many tokens
_SEQ_LEN_BEFORE_RE = re.compile(r"(?i)(?<![\w-])(?P<k>sequence|seq|context|prompt|input|output)[ \t]+length\**[ \t]*"
                                r"(?:[:=][ \t]*|(?:(?:of|is|was|at|to|set[ \t]+to|equals?)[ \t]+)+)"
                                r"(?:(?:up[ \t]+to|about|around|roughly|~)[ \t]+)?\**$")
# a model's size named before its number, in words or as its config's key ("the vocabulary size to
# 128,256", "d_model is 8192", "num_layers is 64", "hidden_size: 4096"): that figure of the model
_MODEL_DIM_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?:(?P<v>vocab(?:ulary)?[ _]size)|(?P<h>d_model|hidden[ _]size)|(?P<l>(?:num|n)_(?:hidden_)?layers)"
    r"|(?P<a>(?:num|n)_(?:attention_)?heads))`?\**[ \t]*(?:[:=][ \t]*|(?:(?:of|is|was|to|equals?)[ \t]+)+)"
    r"(?:(?:about|around|roughly|~)[ \t]*)?\**$")
_MODEL_DIM_OF = {"v": ("token", "vocab-size"), "h": ("x", "hidden-size"), "l": ("x", "layers"),
                 "a": ("x", "attention-heads")}


def _length_before(view: str, s: int) -> re.Match | None:
    """A length of text named right before ``s`` ("a context length of", "sequence length:"),
    looked for only where "length" or "Length" stands in the 40 characters before it."""
    lo = max(0, s - 40)
    if view.find("ength", lo, s) < 0:
        if view.find("ontext", lo, s) < 0 and view.find("oken", lo, s) < 0:
            return None
        # "Its context window is 128K", "The token limit is 128K": a window's size in tokens
        return _CONTEXT_BEFORE_RE.search(view, lo, s)
    return _SEQ_LEN_BEFORE_RE.search(view, lo, s)


# a model's context window or token limit named before its number ("its context window is", "a context
# limit of", "The token limit is", "context size: "): so many tokens
_CONTEXT_BEFORE_RE = re.compile(r"(?i)(?<![\w-])(?P<k>context|token)[ \t]+(?:window|limit|size)s?\**[ \t]*"
                                r"(?:[:=][ \t]*|(?:(?:of|is|was|at|to|set[ \t]+to|equals?)[ \t]+)+)"
                                r"(?:(?:up[ \t]+to|about|around|roughly|~)[ \t]+)?\**$")


# a plural noun after a length's number other than tokens ("an output length of 2 paragraphs"): other things
_OTHER_NOUN_AFTER_RE = re.compile(r"\**[ \t]+\**(?!(?i:tokens|toks|is|was|has|as|its|this|thus|plus|us)\b)"
                                  r"[A-Za-z]*[a-rt-z]s\b")
# a serving engine's run setting named before its number, as a benchmark states it ("`tp=4`", "TP=1",
# "BS=64", "`max-num-seq=256`", "max_model_len=8192", "--tensor-parallel-size 8"): the degree of
# tensor parallelism, the batch size, the longest sequence served; not "BS=32/64" (two settings)
_SETTING_BEFORE_RE = re.compile(r"(?<![\w-])(?:(?P<k>(?i:tp|tensor[-_]parallel(?:[-_]size)?|max[-_]num[-_]seqs?"
                                r"|max[-_]batch[-_]size|max[-_](?:seq|model)[-_]len(?:gth)?|(?<=`)(?:input|output)[-_]len"
                                r"|context[-_](?:window|length)"
                                r"|(?:original[-_])?max[-_]position[-_]embeddings)|BS|bs)"
                                r"(?:[`\"']?[ \t]*[:=]|(?<=n)`[ \t]+)"
                                r"|(?P<k2>--(?:tensor-parallel-size|max-num-seqs|max-model-len))[ \t]+)[ \t]*[`\"']?$")
_SETTINGS = {"tp": ("x", "parallelism-degree"), "tensor-parallel": ("x", "parallelism-degree"),
             "tensor-parallel-size": ("x", "parallelism-degree"), "bs": ("query", "batch-size"),
             "max-num-seq": ("query", "batch-size"), "max-num-seqs": ("query", "batch-size"),
             "max-batch-size": ("query", "batch-size"), "max-seq-len": ("token", "served-context-length"),
             "max-seq-length": ("token", "served-context-length"), "max-model-len": ("token", "served-context-length"),
             "max-model-length": ("token", "served-context-length"),
             "input-len": ("token", "text-tokens"), "output-len": ("token", "text-tokens"),
             # a model config's context ('"context_window": 400000', '"original_max_position_embeddings":262144'; not
             # an API request's "max_tokens": 100, which curators leave as a code sample's setting)
             "context-window": ("token", "context-window"), "context-length": ("token", "context-window"),
             "max-position-embeddings": ("token", "context-window"),
             "original-max-position-embeddings": ("token", "context-window")}
_SLASH_NEXT_RE = re.compile(r"/[0-9]")
# the words that make "N:1" a ratio (before " # " the text before the number, after it the text after
# the ":1"): "a ratio of 4:1", "a 3:1 input-to-output ratio", "(10:1 input:output)", "a 5:1 mix"
_RATIO_AROUND_RE = re.compile(r"(?i)\bratio[ \t]+(?:of|is|was|at)?[ \t]*(?:about|around|roughly|~)?[ \t]*#"
                              r"|(?:#|[ \t(])[ \t]*(?:[\w-]+[ \t-]+)?(?:ratio|split|mix|input[ \t]*(?::|/|-?to-?)[ \t]*output"
                              r"|read[ \t]*(?::|/|-?to-?)[ \t]*write)\b")
# the numbers of a list before the one read, after the word that names them all ("batch sizes: 1, 8, 32")
_NAMED_LIST_RE = re.compile(r"(?:[0-9]+(?:[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)){1,8}$")
_CHECKPOINT_AFTER_RE = re.compile(r"(?i)[ \t-]+(?:tokens?[ \t-]+)?checkpoints?\b")
# a period of a use that a figure is likened to ("1 year of electricity for 75 homes"): no duration
_USE_PERIOD_AFTER_RE = re.compile(r"(?i)[ \t]+of[ \t]+(?:\w+[ \t]+)?(?:electricity|power|energy|emissions|gasoline|petrol"
                                  r"|fuel|water)(?:[ \t]+(?:use|usage|consumption))?[ \t]+(?:for|of|used[ \t]+by)\b")
_TOKEN_CONTEXT_RE = re.compile(r"(?i)\b(?:trained on|training on|pre-?trained on|data(?:set)? of|corpus of"
                               r"|train(?:ing)? (?:it )?on)\s+(?:about |around |roughly |over |~)?$")
# a bare size that a noun of training data follows, or that is called a dataset ("bumped to 15T
# training dataset", "15T is a very very large dataset to train with"): tokens, no parameters
_DATASET_AFTER_RE = re.compile(r"(?i)[ \t-]+(?:(?:pre-?)?training[ \t]+data(?:set)?s?|datasets?|corpus|corpora)\b"
                               r"|[ \t]+(?:is|was)[ \t]+an?[ \t]+(?:[a-z]+[ \t]+){0,4}?(?:dataset|corpus)\b")


def extract_text(text: str, registry: Registry | None = None, properties=None, *,
                 conditions=None, published=None) -> list[Draft]:
    """Draft claims for ``text``. ``registry`` is a :class:`Registry` (or a list of entity
    records, with ``properties`` and ``conditions`` given apart); without one nothing is
    linked. ``published``: the article's date (a date, or "YYYY-MM" / "YYYY"), where known: a
    model line named without its version is its version current then."""
    # Reading a text makes many small objects that live until its drafts are made (matches,
    # quantities, candidates); the cyclic garbage collector would walk them again and again
    # (~4% of the time). It is paused for the duration, as loading does, and left as it was.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract_text(text, registry, properties, conditions=conditions, published=published)
    finally:
        if was_enabled:
            gc.enable()


def _extract_text(text: str, registry: Registry | None = None, properties=None, *,
                  conditions=None, published=None) -> list[Draft]:
    if isinstance(registry, Registry):
        entities, properties, conditions = registry.entities, registry.properties, registry.conditions
    else:
        entities = registry
    if not text:
        return []
    idx = index_for(entities, properties)
    named = _named_figures(tuple(p for p in properties or () if isinstance(p, dict))) if properties else _DEFAULT_NAMED
    view = _plain_hyphens(space_thousands(_dot_thousands(mask(text))))
    lowered = view.lower()  # (once: the alias scan and the candidates' word scan both read it)
    alias_hits = without_link_labels(view, idx.aliases_in(view, lowered))
    if "U.S." in view and "$" in view:
        alias_hits = _without_dollar_country(view, alias_hits)
    if published is not None:
        alias_hits = idx.dated_lines(view, lowered, alias_hits, published)
    tables = find_tables(view, text)
    if tables:
        alias_hits = grouped_row_names(idx, tables, alias_hits, published)
        alias_hits = series_rows(idx, tables, alias_hits)
        row_variants(idx, tables, alias_hits)
    hit_starts = [h[0] for h in alias_hits]
    hit_ends = [h[1] for h in alias_hits]
    starts = sentence_starts(view)
    charts = [c for c in find_bar_charts(view) if not any(t.start <= c.end and c.start <= t.end for t in tables)]
    if charts:
        tables = sorted(tables + charts, key=lambda t: t.start)
    found: list[Found] = []
    seen: set = set()
    clauses: dict = {}  # each sentence's clause separators, found once (_clause)
    table_lo = [t.start for t in tables]
    table_hi = [t.end for t in tables]
    gpus = idx.gpu_aliases
    consumed = 0
    prev: Found | None = None
    cands = candidate_starts(view, lowered)
    if "as much " in lowered or "quivalent " in lowered:  # "as much water as three hospitals": a multiple in words
        extra = [m.start("n") for m in _EQUIV_WORD_CAND_RE.finditer(lowered)]
        if extra:
            cands = sorted(set(cands).union(extra))
    if glued := _glued_seconds(view):
        # "down to 1m30s": the seconds glued to the minutes' letter start no word, so no candidate;
        # they are read, and joined to the minutes below (_minutes_seconds_durations)
        cands = sorted(set(cands).union(glued))
    cited = _cited_titles(text)
    for s in cands:
        if s < consumed:
            continue
        k = bisect.bisect_right(table_lo, s) - 1
        if k >= 0 and table_hi[k] > s:
            consumed = table_hi[k]
            continue  # tables are read cell by cell below
        if _skip_candidate(view, s, text):
            continue
        if cited and _in_spans(cited, s):
            continue  # "1. [More than 251 million GPUs shipped in 2024](...)": a cited work's title
        end = _alias_end(view, s, hit_starts, hit_ends)
        if end is not None and not _count_in_name(view, s, gpus):
            consumed = max(consumed, end)
            continue  # digits inside an entity alias (Llama 3.1 405B)
        f = _read_at(view, s, starts, prev, gpus, named=named)
        if (f is None or isinstance(f, int) or view.find("\n", s, f.draft.span_end) >= 0) \
                and ":" in view[max(0, s - 80):s] and (lc := _label_line_cell(view, s)) is not None \
                and (lc.unit is not None or f is not None and not isinstance(f, int)):
            # "Mean TTFT (ms):   2111.51": the line's label is the lone number's header (read so only
            # where the number alone drafts nothing, or reads on into the next line)
            f = _read_at(view, s, starts, prev, gpus, cell=lc, named=named)
        if f is None:
            continue
        if isinstance(f, int):
            consumed = max(consumed, f)
            continue
        consumed = f.q.resume or (f.q.end if f.draft.qualifier != "range" else f.draft.span_end)
        if f.draft.unit == "nm" and (f.draft.value or f.draft.high or 0) <= _PROCESS_NODE_NM:
            continue  # "a 3nm wafer", "made on 5nm": a chip process's name, no length a claim states
        if f.q.atom in _PERIOD_ATOMS and _AGO_AFTER_RE.match(view, f.draft.span_end) \
                and not _AGE_CUE_BEFORE_RE.search(view, starts[bisect.bisect_right(starts, s) - 1], s):
            continue  # "from just 5 months ago", "5 months ago they raised $13B": when, a date said relatively
        if _bare_duration(f.q):
            f.behind = prev  # the amount a term qualifies stays the one a later amount's rate is carried from
        prev = f
        if _record(text, view, f, starts, None, seen, clauses):
            found.append(f)
    for t in tables:
        found.extend(_read_table(text, view, t, starts, gpus, hit_starts, hit_ends, seen, cands, named, tables))
    if "=" in view or "(" in view:
        found.extend(_written_amounts(text, view, found, starts, gpus, seen, clauses))
    found.sort(key=lambda f: f.draft.span_start)
    if "min" in view or "Min" in view:
        _compound_durations(text, view, found)
    if "s" in view:
        _minutes_seconds_durations(text, view, found)
    if "%" in view and "(" in view:
        _rate_horizons(view, found)
    if "→" in view or "->" in view:
        _share_back(view, found)
    if "tok" in view or "Tok" in view:
        _share_pair(view, found)
        _token_price_pairs(view, found, starts, idx, alias_hits)
        _noted_token_prices(view, found, idx, alias_hits)
    elif "/$" in view:  # ("GPT-4o ($2.50/$10.00)" in a text that never says "tokens")
        _token_price_pairs(view, found, starts, idx, alias_hits)
    if "hour" in view or "hr" in view:
        _hourly_gpu_records(view, found)
    if "$" in view and (local := _local_dollar(view)) is not None:
        _as_local_dollar(view, found, local)
    if "from" in view:
        _from_rate_ahead(view, found)
    if "$" in view and ("hour" in view or "/hr" in view):
        _hourly_context(view, found, starts)
    link(idx, view, starts, found, alias_hits, conditions or {})
    if published is not None and "year" in lowered:
        _relative_years(idx, view, found, published)
    if published is not None and ("quarter" in lowered or "months" in lowered or "period" in lowered):
        _relative_quarters(idx, view, found, published)
    if published is not None and _MONTH_OR_SEASON_RE.search(view) is not None:
        _relative_months(idx, found, published)
    # a number beyond float range ("9" written 400 times) is no value a record or JSON can hold
    return [f.draft for f in found if all(math.isfinite(x) for x in (f.draft.value, f.draft.low, f.draft.high)
                                          if x is not None)]


# a dollar amount marked as another country's dollar ("AU$2,000", "C$40", "$1.5 million AUD", "$1000 CDN",
# "$800 (Canadian)") and
# a mark of the US dollar anywhere ("US$", "USD", "US dollars")
# (each alternative's first character written before the look-behind that keeps it a word's first:
# a pattern whose alternatives all start with a character is scanned for them in C, not tried
# at every position of the text; "U(?<!\wU)" is "\bU"; so no group around the first alternatives:
# the country's letters are what the match has before its "$")
_LOCAL_DOLLAR_RE = re.compile(r"A(?<![A-Za-z0-9]A)U?\$[ \u00a0]?[0-9]|C(?<![A-Za-z0-9]C)(?:A|DN)?\$[ \u00a0]?[0-9]"
                              r"|\$[0-9][0-9.,]*(?:[ \u00a0]?(?:[kKMB]|million|billion))?[ \u00a0](?:(?P<c>AUD|CAD|CDN)\b"
                              # "$800 (Canadian)", "$40 Australian": the country named after the amount
                              r"|\(?(?P<w>Canadian|Australian)\b)")
_US_DOLLAR_RE = re.compile(r"U(?:S\$|(?<!\wU)SD\b|(?<!\wU)\.?S\.?[ \u00a0]+dollars?\b)")
_LOCAL_DOLLAR_CODE = {"AU": "AUD", "A": "AUD", "CA": "CAD", "CDN": "CAD", "C": "CAD", "AUD": "AUD", "CAD": "CAD",
                      "Canadian": "CAD", "Australian": "AUD"}


def _local_dollar(view: str) -> str | None:
    """The country's dollar an article writes its bare "$" amounts in, in prose and table cells
    alike: one that marks at least two of its amounts as that dollar ("AU$2,000", "C$40"), more
    than it marks as US dollars ("US$1.20": a writer who marks the US dollar where it is meant,
    and marked the home dollar at the start, drops the home mark later: "the GPU was $1,100");
    None when the article marks no other dollar that often, more than one, or the US dollar as
    often."""
    codes = [_LOCAL_DOLLAR_CODE[m.group("c") or m.group("w") or m.group().partition("$")[0]]
             for m in _LOCAL_DOLLAR_RE.finditer(view)]
    if len(codes) < 2 or len(set(codes)) != 1 or len(_US_DOLLAR_RE.findall(view)) >= len(codes):
        return None
    return codes[0]


def _as_local_dollar(view: str, found: list, code: str) -> None:
    """Bare "$" amounts read as US dollars are in the article's own dollar ``code``."""
    for f in found:
        d = f.draft
        if "USD" in d.unit.split("/")[0] and "$" in view[d.span_start:d.span_end] \
                and not _US_DOLLAR_RE.search(view, max(0, d.span_start - 3), d.span_end + 4):
            d.unit = d.unit.replace("USD", code, 1)
            if f.q.cur == "USD":
                f.q.cur = code


# an amount of money per hour, as drafts write its unit ("USD/hour", "USD/GPU-hour")
_HOURLY_UNIT_RE = re.compile(r"^[A-Z]{3}/(?:GPU-)?hour$")
# words of a sentence that set a bare amount as a price ("if you price it below $2.25", "prices at
# $2.85", "selling them under $2", "paying $3 or"; "$2 H100s": the GPUs priced)
_PRICE_CUE_RE = re.compile(r"(?i)\b(?:pric(?:e|es|ed|ing)|rent(?:al|ed|ing|s)?|sell(?:s|ing)?|lease[ds]?|leasing"
                           r"|paying|pays?)\b")
# what makes a bare amount no hourly price: a measure of tokens, a longer period, energy, a total
# (a year named as a term, "for the next 3 years", "a 3-5 year upfront commitment", is no period of the amount)
_NOT_HOURLY_CUE_RE = re.compile(r"(?i)token|month|/mo\b|/y(?:ea)?r\b|(?:per|a|an|each)[ \t]+(?:year|day|week)\b|annual|yearly"
                                r"|kWh|daily|weekly|total|budget|capex|revenue|million|billion")
# a bare amount right before an accelerator's name in the plural: the name priced ("$2 H100s")
_PRICED_GPUS_AFTER_RE = re.compile(r"[ \t*_]+" + GPU_NAME + r"s\b")
# a line (a list item) that opens with the amount ("- **>$2.85**: Beat stock market IRR", "**over $8**"):
# the figure the line is about, a price in such an article
_LINE_OPENS_RE = re.compile(r"[ \t]*(?:[-*+•][ \t]+)?[*_]*")
_HOURLY_MIN = 3        # hourly prices an article states before its bare small amounts are read as hourly too
_HOURLY_MAX_VALUE = 15.0  # (USD) an accelerator's hourly rent is below this; a larger bare amount is something else


def _flop_paragraph(view: str, start: int, end: int) -> bool:
    """Whether the paragraph around a bare number names floating-point operations (FLOP, FLOPs)."""
    lo = max(0, start - 400, view.rfind("\n\n", 0, start))
    hi = view.find("\n\n", end, end + 200)
    seg = view[lo:hi if hi >= 0 else end + 200]
    return "FLOP" in seg and _FLOP_WORD_RE.search(seg) is not None


_FLOP_WORD_RE = re.compile(r"\bFLOPs?\b(?!/)")
# an operand of a computation ("6.3e24 / 4.59e14", "2 × 3.8e25"), not the figure it states
_OPERAND_AFTER_RE = re.compile(r"[ \t]*[/*×÷]")
_OPERAND_BEFORE_RE = re.compile(r"[/*×÷(][ \t]*$")


# between the earlier and the later amount of a change: " to ", " to about "
_TO_GAP_RE = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?to[ \t]+(?:(?:about|around|roughly|nearly|almost|just|over|under)[ \t]+|~[ \t]*)?")


def _from_rate_ahead(view: str, found: list) -> None:
    """The earlier amount of a change written "from $1.70 to $2.35 per GPU-hour" is a rate of
    the later one's denominator: the text writes the rate once, after the later amount."""
    for f, g in zip(found, found[1:]):
        q, q2 = f.q, g.q
        if not q.cur or q.den or q.atom or q.percent or q.ratio or f.table is not None or g.table is not None \
                or q2.cur != q.cur or not q2.den or q2.atom or f.draft.qualifier == "range" \
                or not _TO_GAP_RE.fullmatch(view, f.draft.span_end, g.draft.span_start) \
                or not _ends_with_from(view, f.draft.span_start):
            continue
        q.den, q.den_count, q.scope = q2.den, q2.den_count, q2.scope
        f.draft.unit = unit_text(q)


#: a year named relative to the article's date ("this year", "last year", "next year"; not "the
#: last year" or "over the past year", a trailing twelve months, nor "the previous year", which
#: is relative to a year the text names)
_RELATIVE_YEAR_RE = re.compile(r"(?i)(?<!the )(?<!\w)(this|last|next)[ \t]+year\b(?![ \t]*(?:'s|’s))")
_RELATIVE_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}
#: a word of the present ("now", "today", "currently"): a number it stands before is of now
_NOW_RE = re.compile(r"(?i)\b(?:now|today|currently)\b")
#: the words before a relative year that make it the base a change is measured from ("up 17% from
#: the same period last year", "grew 20% from the same time last year", "compared with last year")
_YEAR_BASE_BEFORE_RE = re.compile(r"(?i)(?:\bsame[ \t]+(?:time|period|quarter|month|day)|\bfrom|\bthan|\bversus|\bvs\.?"
                                  r"|\bcompared[ \t]+(?:with|to))[ \t]+$")
#: an amount of money ("$270M", "€600 million")
_MONEY_AT_RE = re.compile(r"[$€£¥][ \t]?[0-9]")


def _relative_years(idx, view: str, found: list, published) -> None:
    """A number of a property that takes a period (revenue, capex, a valuation), with none read,
    whose sentence names a year relative to the article's date ("It reached about $8 million
    in monthly revenue last year", "raised its forecast for this year to $91bn") is of that year:
    the article's year, shifted. The nearest such phrase in the sentence; one after the number
    with another amount between dates that amount."""
    m = re.match(r"\s*((?:19|20)[0-9]{2})", str(published))
    if m is None:
        return
    year = int(m.group(1))
    timed = _timed_props(idx)
    for f in found:
        d = f.draft
        if d.property not in timed or "period" in (d.conditions or {}) or "year" not in d.quote.lower():
            continue
        a = d.span_start - d.start

        def shift_of(r: re.Match, q: str = d.quote, a: int = a) -> int | None:
            if _YEAR_BASE_BEFORE_RE.search(q, max(0, r.start() - 40), r.start()):
                return None  # "grew 20% from the same time last year": the year compared with, not the number's
            if r.end() <= a and _NOW_RE.search(q, r.end(), a) and _MONEY_AT_RE.search(q, 0, r.start()):
                return None  # "After making $28 million in revenue last year, OpenAI's annualized revenue now tops $1.3 billion"
            return _RELATIVE_YEAR_SHIFT[r.group(1).lower()]

        shift = _nearest_phrase(_RELATIVE_YEAR_RE, d, shift_of)
        if shift is not None:
            d.conditions = {**(d.conditions or {}), "period": str(year + shift)}


def _timed_props(idx) -> frozenset:
    """The ids of the properties that take a period (kept on the index: read once)."""
    timed = getattr(idx, "_timed_props", None)
    if timed is None:
        timed = idx._timed_props = frozenset(p.id for ps in idx.props_by_key.values() for p in ps if "period" in p.conditions)
    return timed


def _nearest_phrase(pattern: re.Pattern, d, value):
    """``value(match)`` of the match of ``pattern`` in the draft's sentence nearest its number,
    either side (one after the number with an amount of money between is skipped, as is one
    ``value`` gives None for); None where there is none."""
    a, b = d.span_start - d.start, d.span_end - d.start
    best = None
    for r in pattern.finditer(d.quote):
        if r.start() >= b:
            if _MONEY_AT_RE.search(d.quote, b, r.start()):
                continue
            gap = r.start() - b
        elif r.end() <= a:
            gap = a - r.end()
        else:
            continue
        if best is not None and gap >= best[0]:
            continue
        val = value(r)
        if val is not None:
            best = (gap, val)
    return None if best is None else best[1]


#: the seasons' names ("this summer": of the article's year), an alternation
_SEASONS = "spring|summer|autumn|fall|winter"
#: a month named without its year, after a preposition or "last" ("following a $6 billion round in
#: May", "Last May, the company raised"), not a day of it ("on September 24th", "May 5") nor one a
#: year follows ("in May 2023": the grammar of periods reads those); or "this summer" (of the
#: article's year)
_BARE_MONTH_RE = re.compile(r"(?i)(?<![\w-])(?P<pre>in|during|since|last|earlier[ \t]+in|early|late|mid-?)[ \t]+"
                            rf"(?P<mon>(?-i:{MONTH_NAMES_RE}))"
                            r"\b(?![ \t]*,?[ \t]*(?:'?[0-9]{2}\b|[0-9]{1,2}(?:st|nd|rd|th)?\b|(?:19|20)[0-9]{2}))"
                            r"|(?i:(?<![\w-])this[ \t]+(?P<season>" + _SEASONS + r")\b)")


_ANY_YEAR_RE = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
#: (whether a text names a month or "this summer" at all: most name none, and their numbers are not walked)
_MONTH_OR_SEASON_RE = re.compile(rf"\b(?:{MONTH_NAMES_RE})\b|(?i:\bthis[ \t]+(?:{_SEASONS})\b)")


def _relative_months(idx, found: list, published) -> None:
    """A number of a property that takes a period, with none read, whose sentence names a month
    without its year ("xAI's total capital raised to $12 billion, following a $6 billion round in
    May") is of that month in the article's year, where the month is not after the article's own
    ("Last May" in an article of March: the year before); "this summer" is of the article's year.
    The nearest such phrase in the sentence; one after the number with another amount between
    dates that amount. (A month after the article's, "in May" of an article of March, may be to
    come or past: no period.)"""
    m = re.match(r"\s*((?:19|20)[0-9]{2})-([01][0-9])", str(published))
    if m is None:
        return
    year, month = int(m.group(1)), int(m.group(2))
    timed = _timed_props(idx)

    def period(r: re.Match) -> str | None:
        if r.group("season"):
            return str(year)
        mon = MONTH_NUMBERS[r.group("mon")[:3].lower()]
        if mon <= month and not (r.group("pre").lower() == "last" and mon == month):
            return f"{year}-{mon:02d}"
        if r.group("pre").lower() == "last":
            return f"{year - 1}-{mon:02d}"
        return None

    for f in found:
        d = f.draft
        if d.property not in timed or "period" in (d.conditions or {}) or f.table is not None \
                or _ANY_YEAR_RE.search(d.quote) is not None:
            continue  # (a sentence that names a year, even in a link, dates itself: "in 2025", ".../2024/09/...")
        val = _nearest_phrase(_BARE_MONTH_RE, d, period)
        if val is not None:
            d.conditions = {**(d.conditions or {}), "period": val}


#: an amount in another currency in brackets right after an amount ("$70bn (£53bn)", "$5 billion (€4.6bn)")
_CURRENCY_ASIDE_RE = re.compile(r"[ \t]?\((?:about|around|roughly|approx\.?|c\.|~)?[ \t]*(?:£|€|¥|US\$|A\$|C\$|AU\$)[ \t]?[0-9][0-9.,]*"
                                r"[ \t]?(?:bn|mn|m|k|tn|trn|billion|million|trillion)?\)")
_MONTH_NAME = f"(?:{MONTH_SHORT_RE})"
#: a calendar quarter named by its months without a year: "the July-September period", "the
#: October-December quarter", "in the three months ended September 30", "for the quarter ending June
#: 30", "for the last three months of the year" (a year after it, "July-September 2024", is read by the grammar of periods)
_QUARTER_NAMED_RE = re.compile(r"(?<![\w-])(?:(?P<m1>" + _MONTH_NAME + r")\.?[ \t]*(?:-|–|—|to|through)[ \t]*(?P<m2>"
                               + _MONTH_NAME + r")\b(?![ \t]*,?[ \t]*(?:'?[0-9]{2}\b|(?:19|20)[0-9]{2}))"
                               r"|(?i:(?:three[ \t]+months|quarter)[ \t]+(?:ended|ending|to|through)[ \t]+)(?P<m3>" + _MONTH_NAME
                               + r")\.?(?:[ \t]+[0-3]?[0-9](?:st|nd|rd|th)?)?\b(?![ \t]*,?[ \t]*(?:19|20)[0-9]{2})"
                               r"|(?P<q4>(?i:last[ \t]+three[ \t]+months[ \t]+of[ \t]+the[ \t]+year)))")
#: a sentence that speaks of the quarter a report is of without naming it ("its quarterly sales
#: grew 18%", "capital expenditures for the quarter", "led in revenue last quarter", "invested
#: during that period")
_QUARTER_CUE_RE = re.compile(r"(?i)\bquarterly\b|\b(?:the|that|this|last)[ \t]+(?:quarter|period)\b|\bthree[ \t]+months\b")
#: a quarter the sentence names otherwise: an ordinal or fiscal one ("the fourth quarter", "Q3", "next
#: quarter"), which may be the company's own fiscal quarter, not the one the article names
_OTHER_QUARTER_RE = re.compile(r"(?i)\b(?:first|second|third|fourth|next|previous|prior|coming|current|same|year-?ago)"
                               r"[ \t]+(?:fiscal[ \t]+)?quarter\b|\b[QH][1-4]\b|\bfiscal\b")


def _named_quarter(m, year: int, month: int) -> str | None:
    """The calendar quarter a match of _QUARTER_NAMED_RE names, in the latest year it had begun by
    the article's month ("2025-Q3"); None for months that are no calendar quarter."""
    if m.group("q4"):
        first = 10
    elif m.group("m3"):
        first = MONTH_NUMBERS[m.group("m3")[:3].lower()] - 2
    else:
        first = MONTH_NUMBERS[m.group("m1")[:3].lower()]
        if MONTH_NUMBERS[m.group("m2")[:3].lower()] != first + 2:
            return None
    if first not in (1, 4, 7, 10):
        return None
    return f"{year if first <= month else year - 1}-Q{(first + 2) // 3}"


def _relative_quarters(idx, view: str, found: list, published) -> None:
    """A report of a quarter's results names its quarter by months, not a year ("beat Wall Street
    expectations for the July-September period", "revenue of $81.3 billion for the
    October-December quarter", "$24.1 billion in the three months ended September 30"): a number of
    a property that takes a period, with none read, is of that calendar quarter in the latest year
    it had begun by the article's date, where its sentence names it; where the article names one
    such quarter only, also a number whose sentence speaks of "the quarter", "quarterly", "last
    quarter" or "that period" and names no other quarter (an ordinal or fiscal one)."""
    m = re.match(r"\s*((?:19|20)[0-9]{2})-([01][0-9])", str(published))
    if m is None:
        return
    year, month = int(m.group(1)), int(m.group(2))
    named = {q for r in _QUARTER_NAMED_RE.finditer(view) if (q := _named_quarter(r, year, month)) is not None}
    if not named:
        return
    only = next(iter(named)) if len(named) == 1 else None
    timed = getattr(idx, "_timed_props", None)
    if timed is None:
        timed = idx._timed_props = frozenset(p.id for ps in idx.props_by_key.values() for p in ps if "period" in p.conditions)
    for f in found:
        d = f.draft
        if d.property not in timed or "period" in (d.conditions or {}) or f.table is not None \
                or _ANY_YEAR_RE.search(d.quote) is not None:
            continue
        a, b = d.span_start - d.start, d.span_end - d.start
        best = None
        for r in _QUARTER_NAMED_RE.finditer(d.quote):
            q = _named_quarter(r, year, month)
            if q is None:
                continue
            if r.start() >= b:
                if _MONEY_AT_RE.search(d.quote, b, r.start()):
                    continue
                gap = r.start() - b
            else:
                gap = max(0, a - r.end())
            if best is None or gap < best[0]:
                best = (gap, q)
        if best is None and only is not None and _QUARTER_CUE_RE.search(d.quote) is not None \
                and _OTHER_QUARTER_RE.search(d.quote) is None:
            best = (0, only)
        if best is not None:
            d.conditions = {**(d.conditions or {}), "period": best[1]}


#: a dollar amount right before a name ("$85 billion U.S.", "$2.31 U.S."): the name says which dollar
_DOLLAR_BEFORE_NAME_RE = re.compile(r"\$[ \t]?[0-9][0-9,.]*(?:[ \t]*(?:billion|million|trillion|bn|mn|[BMK])\b)?[ \t]+$")


def _without_dollar_country(view: str, hits: list) -> list:
    """``hits`` less "U.S." written right after a dollar amount ("earnings per share (EPS) of $2.31
    U.S., which topped estimates of $2.18 U.S."): it names the amount's dollar, not a country the
    number is of."""
    return [h for h in hits if view[h[0]:h[1]] != "U.S."
            or _DOLLAR_BEFORE_NAME_RE.search(view, max(0, h[0] - 30), h[0]) is None]


def _hourly_context(view: str, found: list, starts: list[int]) -> None:
    """In an article that prices accelerators by the hour ("H100s were $8/hr"; at least
    ``_HOURLY_MIN`` hourly amounts, more than amounts per any other denominator), a bare small
    amount of money in a sentence that prices or sells ("If you price it below $2.25",
    "resale markets selling them under $2", "commodity-level prices at $2.85"), or that opens a
    line ("- **>$2.85**: Beat stock market IRR"), is an hourly price too: the article stopped
    writing the "/hr" it gave its first prices."""
    hourly = other = 0
    for f in found:
        u = f.draft.unit
        if "/" in u and not f.q.percent:
            if _HOURLY_UNIT_RE.match(u):
                hourly += 1
            elif u[:1].isupper() and u.split("/")[0].split()[-1] in ("USD", "EUR", "GBP"):
                other += 1
    if hourly < _HOURLY_MIN or other >= hourly:
        return
    for f in found:
        d, q = f.draft, f.q
        if d.unit not in ("USD", "EUR", "GBP") or f.table is not None or q.den or q.atom or q.scale or q.percent \
                or q.ratio:
            continue
        vals = [v for v in (d.value, d.low, d.high) if v is not None]
        if not vals or not all(0.5 <= v <= _HOURLY_MAX_VALUE for v in vals):
            continue
        k = bisect.bisect_right(starts, d.span_start) - 1
        ss = starts[k] if k >= 0 else 0
        se = starts[k + 1] if k + 1 < len(starts) else len(view)
        sentence = view[ss:se]
        ls = view.rfind("\n", 0, d.span_start) + 1
        if not (_PRICE_CUE_RE.search(sentence) or _PRICED_GPUS_AFTER_RE.match(view, d.span_end)
                or _LINE_OPENS_RE.fullmatch(view, ls, d.span_start)) \
                or _NOT_HOURLY_CUE_RE.search(sentence):
            continue
        d.unit = d.unit + "/hour"
        q.den = "hour"


def _compound_durations(text: str, view: str, found: list) -> None:
    """A duration written in hours and minutes ("3 hours and 20 minutes", "~2h 10min") is one
    number, in minutes (200 min, ~130 min): the minutes' draft takes the hours before it (and the
    cue of approximation before them, "~2h 10min" is about 130 minutes), and the hours' own draft
    goes. Only whole minutes under 60 (and over 0) after whole hours: "2 hours 90 minutes" is no
    such duration. Looked at only for a draft in minutes (a short look behind each)."""
    _two_unit_durations(text, view, found, "min", "hour", hours_and_minutes, zero=False, guarded=False)


def _minutes_seconds_durations(text: str, view: str, found: list) -> None:
    """A duration written in minutes and seconds ("13min 13s", "1m30s", "3 min 20 sec") is one
    number, in seconds (793 s, 90 s), as :func:`_compound_durations` makes one of hours and
    minutes: the seconds' draft takes the minutes before it (and a cue of approximation before
    them), and the minutes' own draft goes. Only whole seconds under 60 (0 included) after whole
    minutes; the minutes' draft may start at its cue ("~9min 55s"), and minutes no draft reads
    must not lie inside another number ("$5m 10s later": five million dollars)."""
    _two_unit_durations(text, view, found, "s", "min", minutes_and_seconds, zero=True, guarded=True)


def _two_unit_durations(text: str, view: str, found: list, unit: str, lead_unit: str, pairs, *,
                        zero: bool, guarded: bool) -> None:
    """Join each draft in the smaller ``unit`` to the ``lead_unit`` amount written just before
    it (``pairs``: :func:`hours_and_minutes` or :func:`minutes_and_seconds`, over a short window)
    into one duration (:func:`_join_lead`). The smaller amount is whole and under 60, over 0
    unless ``zero``; ``guarded``: the lead's draft is also looked for at a "~" or "≈" cue before
    it, and a lead no draft reads must not lie inside another draft's number."""
    # (where each draft starts, taken when the first duration is found: before any draft is
    # changed, and not at all in the many texts with none)
    at: dict | None = None
    # (whether a place lies inside some draft's number: the drafts' spans sorted once, when a lead
    # no draft reads is first found, not every draft walked for each; a draft whose span a join
    # has moved since is looked at as it is now)
    inside: _Inside | None = None
    moved: list = []
    drop: set[int] = set()
    for f in found:
        d = f.draft
        if d.unit != unit or d.qualifier not in ("exact", "approx") or d.value is None \
                or not float(d.value).is_integer() or not (0 <= d.value if zero else 0 < d.value) \
                or not d.value < 60 or d.raw[:1] in "~≈" or f.q.den:
            continue
        pair = next((x for x in pairs(view, max(0, d.span_start - 24), min(len(view), d.span_end + 12))
                     if x.small_at == d.span_start), None)
        if pair is None:
            continue
        s = pair.start
        if at is None:
            at = {g.draft.span_start: k for k, g in enumerate(found)}
        k = at.get(s)
        if guarded and k is None and s and view[s - 1] in "~≈":
            k = at.get(s - 1)  # ("~9min 55s": the minutes' draft starts at its cue)
        lead = None if k is None else found[k].draft
        if lead is not None and (lead.unit != lead_unit or lead.value != pair.big or lead.span_end > d.span_start):
            continue   # the larger unit read as something else ("2 H100s 10 min")
        if guarded and lead is None:
            if inside is None:
                inside = _Inside([(g.draft.span_start, g.draft.span_end) for g in found])
            if inside.covers(s) or any(g.span_start < s < g.span_end for g in moved):
                continue   # inside another number ("$5m 10s later": five million dollars)
        was = d.span_start
        _join_lead(text, view, f, lead, k, s, pair.total, drop)
        if inside is not None and d.span_start != was:
            moved.append(d)  # (its span now starts earlier: looked at as it is now)
    if drop:
        found[:] = [f for k, f in enumerate(found) if k not in drop]


class _Inside:
    """Spans (start, end), to ask whether a place lies strictly inside one of them
    (``start < at < end``) by bisection: the spans sorted by their start, with the furthest end
    among each prefix of them."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach, far = [], None
        for _, b in spans:
            far = b if far is None or b > far else far
            self.reach.append(far)

    def covers(self, at: int) -> bool:
        k = bisect.bisect_left(self.starts, at)  # the spans that start before ``at``: [0, k)
        return k > 0 and self.reach[k - 1] > at


def _join_lead(text: str, view: str, f, lead, k: int | None, s: int, total, drop: set) -> None:
    """Make the smaller unit's draft of a two-unit duration (``f``) the whole duration, starting
    at ``s`` (or at a cue of approximation just before it, "~2h 10min", "~1m30s"), worth ``total``:
    the larger unit's own draft ``lead`` (at ``found[k]``, if drafted) goes into ``drop``. Nothing
    changes unless the duration is exact or approximate (:func:`_compound_durations`,
    :func:`_minutes_seconds_durations`)."""
    d = f.draft
    qualifier = d.qualifier
    got = qualifier_cue(view, max(view.rfind("\n", 0, s) + 1, s - 40), s)
    if got:
        qualifier, cue = got
        if view[cue] in "~≈":
            s = cue   # the symbol is part of the number as written
    elif lead is not None:
        qualifier = lead.qualifier
    if qualifier not in ("exact", "approx"):
        return
    if k is not None:
        drop.add(k)
        if lead.start < d.start:
            d.start, d.quote = lead.start, text[lead.start:d.end]
    if s < d.start:
        d.start, d.quote = s, text[s:d.end]
    d.value = float(total)
    d.value_text = None
    d.qualifier = qualifier
    d.span_start = s
    d.raw = text[s:d.span_end]
    f.q.value = d.value
    f.q.start = s


#: seconds glued to the minutes before them ("1m30s", "2min15s"): :func:`_extract_text` reads the
#: seconds, which no candidate starts at, and :func:`_minutes_seconds_durations` joins the two
#: (the minutes' last digit and letter first: a pattern opening with a look-behind is tried at
#: every position of the text, forty times slower)
_GLUED_SECONDS_RE = re.compile(r"[0-9](?i:m|mins?)(?=[0-9]{1,2}(?i:s|secs?)(?![A-Za-z0-9]))")


def _glued_seconds(view: str) -> list[int]:
    """Where the seconds of each "1m30s" start: whole minutes (up to three digits, no number,
    decimal or amount of money before them: not "$5m30s") glued to their seconds."""
    out = []
    for m in _GLUED_SECONDS_RE.finditer(view):
        a = m.start()
        while a > m.start() - 2 and a and view[a - 1].isdigit():
            a -= 1
        if a and (view[a - 1].isalnum() or view[a - 1] in "_.,$€£"):
            continue
        out.append(m.end())
    return out


#: a span of time alone in brackets, as a rate's horizon is tagged ("51.1% (5yr)", "12% (3-year)",
#: "+8% (6 mo)")
_HORIZON_TAG_RE = re.compile(r"[ \t]*\([0-9]+(?:\.[0-9]+)?[ \t-]?(?i:yrs?|years?|y|mo|mos|months?)\)")


def _rate_horizons(view: str, found: list) -> None:
    """A span of time alone in brackets right after a percentage is the period that rate is
    taken over ("AI PaaS sub-segment CAGR | 51.1% (5yr)": a growth rate over five years), a
    condition of the rate, not a duration the text states of anything: its own draft goes."""
    drop = set()
    for k in range(1, len(found)):
        d, p = found[k].draft, found[k - 1].draft
        if d.unit not in ("year", "month") or p.unit != "percent" or d.span_start < 1 \
                or view[d.span_start - 1] != "(":
            continue
        m = _HORIZON_TAG_RE.match(view, p.span_end)
        if m is not None and m.end() - 1 == d.span_end:
            drop.add(k)
    if drop:
        found[:] = [f for k, f in enumerate(found) if k not in drop]


_ARROW_GAP_RE = re.compile(r"[ \t]*(?:→|->)[ \t]*")


def _share_back(view: str, found: list) -> None:
    """A progression of prices by arrows states the denominator once, at its end ("$30 → $3
    → $0.30 per million tokens"): the earlier amounts take it."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        qa, qb = a.q, b.q
        if qb.den and qa.cur and qa.cur == qb.cur and not qa.den and not qa.atom and a.draft.qualifier != "range" \
                and _ARROW_GAP_RE.fullmatch(view, a.draft.span_end, b.draft.span_start):
            qa.den, qa.den_count, qa.scope = qb.den, qb.den_count, qa.scope or qb.scope
            a.draft.unit = unit_text(qa)


_PAIR_GAP_RE = re.compile(r"[ \t]*(?:(?P<dir>(?i:input|in|prompt))[ \t]*)?(?:/|,|&|(?i:and|or)(?![A-Za-z]))[ \t]*")
#: words after a slash pair of token prices that say its two sides are other than input and output
#: ("(cached/uncached)", "(batch / standard)", "cache hit / miss")
_OTHER_SIDES_RE = re.compile(r"(?i)\b(?:cach\w*|hit|miss|batch\w*|standard|tier\w*|flex|priority|realtime)\b")


def _line_end(view: str, at: int) -> int:
    """The end of the line ``at`` is in (the text's end for its last line)."""
    e = view.find("\n", at)
    return len(view) if e < 0 else e


def _share_pair(view: str, found: list) -> None:
    """A pair of token prices states the denominator once, after the second ("$3 / $15 per
    million tokens", "$3 input and $15 output per 1M tokens"): the first takes it, with the
    direction a word after it names."""
    for i in range(len(found) - 2, -1, -1):
        a, b = found[i], found[i + 1]
        qa, qb = a.q, b.q
        if qb.den in ("token", "MTok") and qa.cur and qa.cur == qb.cur and not qa.den and not qa.atom \
                and a.draft.qualifier != "range" and b.draft.qualifier != "range":
            m = _PAIR_GAP_RE.fullmatch(view, a.draft.span_end, b.draft.span_start)
            if m:
                qa.den, qa.den_count = qb.den, qb.den_count
                if (m.group("dir") or qb.dir_pair) and not qa.direction:
                    qa.direction = "input"
                if qb.dir_pair and not qb.direction:
                    qb.direction = "output"
                if not qa.direction and not qb.direction and "/" in m.group(0) and qa.value is not None \
                        and qb.value is not None and qa.value < qb.value \
                        and not _OTHER_SIDES_RE.search(view, b.draft.span_end, _line_end(view, b.draft.span_end)):
                    # "GPT-4o Mini: $0.60/$2.40 per 1M tokens (input/output)", "Grok 4: $3/$15 per
                    # 1M tokens": a slash pair of token prices is a model's input and output price
                    # (the dearer second), as a pair with no denominator is read (_token_price_pairs);
                    # not a pair a word after it says is of other sides ("$0.30/$3.00 per 1M tokens
                    # (cached/uncached)", "batch / standard")
                    qa.direction, qb.direction = "input", "output"
                a.draft.unit = unit_text(qa)


#: two prices joined by a slash ("$0.10/$0.40", "$15 / $75", "$1-$6 In / $5-$60 Out")
_PRICE_PAIR_GAP_RE = re.compile(r"[ \t]*(?:(?i:input|in)[ \t]*|\((?i:input|in)\)[ \t]*)?/[ \t]*")
#: a word that says a price is one of tokens ("input", "in/out", "MTok", "per 1M")
_TOKEN_CUE_RE = re.compile(r"(?i)\b(?:input|output|in[ \t]*/[ \t]*out|tokens?|mtok|per[ \t]+(?:1[mk]|million|thousand))\b")


_HARDWARE_KINDS = frozenset(("gpu", "gpu-class", "system", "cloud-instance", "cluster", "cpu", "cpu-class", "datacentre"))
#: a plan of a product after its name ("ChatGPT Plus", "Claude Pro", "Gemini Advanced")
_PLAN_AFTER_RE = re.compile(r"(?:'s)?[ \t]+(?:Plus|Pro|Team|Teams|Enterprise|Business|Max|Premium|Advanced|Free)\b")


_PAIR_OPEN_RE = re.compile(r"[`*_'\"]*[ \t]*\([ \t]*$")
_PAIR_CLOSE_RE = re.compile(r"[ \t]*\)")


def _model_pair_in_brackets(view: str, a, b, idx, alias_hits, hit_starts) -> bool:
    """Whether the slash pair of prices ``a``/``b`` stands alone in brackets right after a model's
    name ("GPT-4o ($2.50/$10.00)", "openai/gpt-4o-mini ($0.15/$0.60)"): the model's input and
    output prices, which are quoted per million tokens where the text names no other count."""
    at = a.draft.span_start
    if not _PAIR_CLOSE_RE.match(view, b.draft.span_end):
        return False
    j = bisect.bisect_left(hit_starts, at)
    for h in alias_hits[max(0, j - 3):j]:
        if idx.entity_kind.get(h[2]) == "model" and h[1] <= at and _PAIR_OPEN_RE.fullmatch(view, h[1], at):
            return True
    return False


def _token_cue_near(view: str, token_at: list, a, starts, idx, alias_hits, hit_starts) -> bool:
    """A token cue on the pair's own line, in its sentence or the one before: a token word, a price
    per so many tokens drafted there (``token_at``: where the drafts per token start, in order), or
    a table row naming a model ("ChatGPT Plus and Pro cost $20/$200" and "$30,000/$15,000" for GPU
    cards stay plain dollars). ``hit_starts``: where ``alias_hits`` start, in order."""
    at = a.draft.span_start
    line_start = view.rfind("\n", 0, at) + 1
    line_end = view.find("\n", at)
    line_end = len(view) if line_end < 0 else line_end
    k = bisect.bisect_right(starts, at) - 1
    lo = max(line_start, starts[k - 1] if k >= 1 else 0)
    hi = min(line_end, starts[k + 1] if k + 1 < len(starts) else len(view))
    if _TOKEN_CUE_RE.search(view, lo, hi):
        return True
    j = bisect.bisect_left(token_at, lo)
    if j < len(token_at) and token_at[j] < hi:
        return True
    # a model or a lab named in the pair's sentence ("Google's Flash-Lite at $0.10/$0.40", "Anthropic:
    # $15 / $75 for Opus") or in its pricing-table row; not a plan of a product ("ChatGPT Plus and
    # Pro"), nor a sentence that names hardware ("H100 and A100 cards sell for $30,000/$15,000")
    if view[line_start:line_start + 1] == "|":
        lo, hi = line_start, line_end
    else:
        lo = max(line_start, starts[k])
    named = False
    for h in alias_hits[bisect.bisect_left(hit_starts, lo):bisect.bisect_left(hit_starts, hi)]:
        kind = idx.entity_kind.get(h[2])
        if kind in _HARDWARE_KINDS:
            return False
        if kind in ("model", "model-class", "organisation") and not _PLAN_AFTER_RE.match(view, h[1]):
            named = True
    return named


#: a count of tokens said bare in a price column's header, with no "per" ("| Price (In/Out MToken) |"):
#: a million tokens (not "200M tokens", a count of its own)
_HEADER_MTOK_RE = re.compile(r"(?i)(?<![^\W_])(?:1[ \t]?M|M)[ \t]?tok(?:ens?)?(?![^\W_])")
#: the line under a Markdown table's header ("|---|:--:|")
_MD_RULE_LINE_RE = re.compile(r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*")


def _header_token_count(view: str, at: int) -> str | None:
    """"1M" when ``at`` is in a cell of a Markdown table whose column header says a million tokens
    bare ("| Price (In/Out MToken) |" over "| DeepSeek-R1 | $0.75 / $2.40 |"); None otherwise."""
    line = view.rfind("\n", 0, at) + 1
    if not view.startswith("|", line):
        return None
    col = view.count("|", line, at)
    end = line - 1
    for _ in range(200):  # up through the table's rows to the rule under its header
        if end <= 0:
            return None
        start = view.rfind("\n", 0, end) + 1
        if _MD_RULE_LINE_RE.fullmatch(view, start, end):
            if start <= 0:
                return None
            head_start = view.rfind("\n", 0, start - 1) + 1
            cells = view[head_start:start - 1].split("|")
            if not view.startswith("|", head_start):
                cells.insert(0, "")
            return "1M" if col < len(cells) and _HEADER_MTOK_RE.search(cells[col]) else None
        if not view.startswith("|", start):
            return None
        end = start - 1
    return None


def _token_price_pairs(view: str, found: list, starts, idx, alias_hits) -> None:
    """Two prices joined by a slash with no denominator ("Flash-Lite at $0.10/$0.40", "$15 / $75
    for Opus", "$1.25-$2.50 / $10-$15") in a text that states its token prices per million (or
    per thousand) tokens: the input and the output price of a model, per that many tokens. Not a
    slash run of three prices, nor a pair whose second amount has another denominator ("$2/$3 per
    hour"); the count is that of the text's price per so many tokens nearest before the pair (else
    the first after), as its drafts read them (no scan of the text)."""
    dens = None
    token_at = hit_starts = None  # (made when first asked for: where the prices per token start, and the names)
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        qa, qb = a.q, b.q
        if not qa.cur or qa.cur != qb.cur or qa.den or qa.atom or qb.atom or qa.scale or qb.scale \
                or qa.percent or qb.percent or qa.ratio or qb.ratio or (qb.den and qb.den != "token"):
            continue
        if not _PRICE_PAIR_GAP_RE.fullmatch(view, a.draft.span_end, b.draft.span_start):
            continue
        if view[max(0, a.draft.span_start - 3):a.draft.span_start].rstrip().endswith("/") \
                or (gm := _PRICE_PAIR_GAP_RE.match(view, b.draft.span_end)) and view[gm.end():gm.end() + 1] in ("$", "€", "£"):
            continue  # "$1/$2/$3": a run of three, no pair
        if not qb.den:
            if token_at is None:
                token_at = sorted(f.draft.span_start for f in found if f.q.den == "token")
                hit_starts = [h[0] for h in alias_hits]
            if not _token_cue_near(view, token_at, a, starts, idx, alias_hits, hit_starts) \
                    and _section_token_note(view, a.draft.span_start) is None:
                continue  # (a note of the pair's section that its prices are per so many tokens is a cue too)
        if qb.den:
            den_count = qb.den_count
        else:
            if dens is None:  # the prices per so many tokens the text states (its drafts say them)
                dens = [(f.draft.span_start, f.q.den_count) for f in found
                        if f.q.cur and f.q.den == "token" and f.q.den_count]
            if dens:
                before = [c for at, c in dens if at < a.draft.span_start]
                den_count = before[-1] if before else dens[0][1]
            else:
                # "# USD per million text tokens (input / output)" over "- GPT-4o: $5.00 / $20.00": the
                # note of the pair's section (or a lead line above it) says the count
                den_count = _section_token_note(view, a.draft.span_start) or _header_token_count(view, a.draft.span_start)
                if den_count is None:
                    if hit_starts is None:
                        hit_starts = [h[0] for h in alias_hits]
                    if not _model_pair_in_brackets(view, a, b, idx, alias_hits, hit_starts):
                        continue
                    den_count = "1M"  # "GPT-4o ($2.50/$10.00)": a model's prices, as they are quoted, per million
        for f, q, direction in ((a, qa, "input"), (b, qb, "output")):
            if not q.den:
                q.den, q.den_count = "token", den_count
                if token_at is not None:  # (a price per token now: a cue for the pairs after it)
                    bisect.insort(token_at, f.draft.span_start)
            q.direction = q.direction or direction
            f.draft.unit = unit_text(q)


#: a line's label that names the side of a call a price is of, right before the amount ("- Input:
#: $15.00 | Output: $75.00", "Output price: $0.40"): group "dir" the side (a cached input's price is
#: no input price: left out)
_SIDE_LABEL_RE = re.compile(r"(?im)(?:^[ \t]*(?:[-*+•]|[0-9]{1,2}[.)])?|[|,;(]|\band\b|\s[-–—/][ \t])[ \t*_]*(?P<dir>input|output|prompt|completion"
                            r"|(?P<cache>cache[ \t]+(?:write|creation|read|hit)s?|cache[sd]?[ \t]+(?:input|writes?|reads?)"
                            r"|cached(?:[ \t]+input)?|input[ \t]+\((?:no[ \t]+cache|cache[ \t]+miss|uncached)\)))"
                            r"(?:[ \t]+(?:price|cost|tokens?))?[*_]*[ \t]*[:=][ \t*_]*$")
#: a side's label, its amount for one tier and a bar right before the amount ("- Input: $1.25 (≤128K) |
#: $2.50 (>128K)"): the same side's price for the next tier (its bracket says which)
_SIDE_TIER_NEXT_RE = re.compile(r"(?i)[ \t]*(?:[-*+•][ \t]+)?[*_]*(?P<dir>input|output)[*_]*[ \t]*:[ \t*_]*[~≈]?"
                                r"[$€£][0-9][0-9.,]*[ \t]*\([^()\n]{1,30}\)[ \t]*\|[ \t]*")
#: the side of a call a word right after the amount names ("$3 input, $15 output", "$3 in / $15 out",
#: "$0.15 (input)"), the amount's line going on with another amount or ending there
_SIDE_AFTER_RE = re.compile(r"(?im)[ \t]*(?P<p>\()?(?P<dir>input|output|prompt|completion|in|out)(?(p)\))"
                            r"(?=[ \t]*(?:[/,;|(]|$|(?:and|vs\.?)(?!\w)))")
#: an amount of money written with its digits ("$3", "€0.50"): a line that holds one states a price,
#: it is no note of a section's unit
_DIGIT_MONEY_RE = re.compile(r"[$€£][ \t]?[0-9]")


def _note_line(line: str) -> bool:
    """A line that may be a note of its section's unit: no table row, no amount of money of its own,
    short (a list item may be one: "- Pricing (per 1M tokens):" over its sub-items; "**6. Provider
    Comparison (per 1M tokens)**" over the list)."""
    line = line.strip()
    return bool(line) and len(line) <= 160 and not line.startswith("|") and not _DIGIT_MONEY_RE.search(line)


def _section_token_note(view: str, at: int) -> str | None:
    """The token count ("1M", "1K") the prices of the list, lines or table at ``at`` are per, when a
    note says it once for their section: the titles of the Markdown headings above (the nearest and
    those of a higher level: "# USD per million text tokens (input / output)" over "- GPT-4o: $5.00 /
    $20.00", "## OpenAI Models (All Prices per 1M Tokens)" over "### GPT-4.1 Series" over "| GPT-4.1
    | ~$3.00 |"), or a short line with no amount of its own in the text those headings open before
    their first subsection, or before the first heading ("Prices in USD per 1 million tokens" over
    "## Claude Opus 4" over "- Input: $15.00 | Output: $75.00"; a bold caption, or "All prices are
    per 1M tokens." between a heading and its table). Not a sibling section's (a heading of the same
    level, or a line under it, says it for that section's prices). None if none says it, or two
    counts. One reader for lists and tables (:func:`_noted_token_prices`, :func:`_read_table`)."""
    line = view.rfind("\n", 0, at) + 1
    heads, starts = _md_headings(view)
    chain = []  # the headings whose sections hold ``at`` (those that start before its line): nearest first
    level = 7
    for k in range(bisect.bisect_left(starts, line) - 1, -1, -1):
        if heads[k][2] < level:
            chain.append(k)
            level = heads[k][2]
            if level == 1:
                break
    found = set()
    for k in chain:
        s, e = heads[k][0], heads[k][1]
        title = view[s:e]
        if not _DIGIT_MONEY_RE.search(title):
            found |= _token_counts_noted(view, s, e)
    # the lead lines: those the nearest heading opens before ``at``, those each heading of the chain
    # opens before its first subheading, those before the first heading
    spans = []
    if chain:
        k = chain[0]
        spans.append((heads[k][1], line))
        for k in chain[1:]:
            spans.append((heads[k][1], heads[k + 1][0]))
        spans.append((0, heads[0][0]))
    else:
        spans.append((max(0, line - 600), line))
    for lo, hi in spans:
        pos = lo
        while pos < hi:
            end = view.find("\n", pos, hi)
            end = hi if end < 0 else end
            if _note_line(view[pos:end]):
                found |= _token_counts_noted(view, pos, end)
            pos = end + 1
    return next(iter(found)) if len(found) == 1 else None


def _bare_amounts(view: str, found: list):
    """Each amount of money of ``found`` that is nothing more ("$15.00", not "$2/hr", "$5B", "40%"
    or "$1-2"), a price whose denominator the text around it may give: (the number, its quantity,
    where it starts, where its line starts)."""
    for f in found:
        q = f.q
        if not q.cur or q.den or q.atom or q.scale or q.percent or q.ratio or f.draft.qualifier == "range":
            continue
        at = f.draft.span_start
        yield f, q, at, view.rfind("\n", 0, at) + 1


def _noted_token_prices(view: str, found: list, idx, alias_hits) -> None:
    """An amount of money with no denominator that a label before it or a word after it names the
    side of a call of ("- Input: $15.00 | Output: $75.00", "- Sonnet: $3 input, $15 output"), in a section whose note says its prices are per
    so many tokens (:func:`_section_token_note`): a price per that many tokens, of that side. So
    too the one amount of a list item whose label names a model ("### Cost Comparison (per 1M
    tokens)" over "- GPT-4 Turbo: $10.00"), of no side."""
    hit_starts = None
    for f, q, at, line in _bare_amounts(view, found):
        if view.startswith("|", line) or view.startswith("#", line):
            continue  # (a table's cells and a heading's amounts are read elsewhere)
        m = _SIDE_LABEL_RE.search(view, line, at) or _SIDE_AFTER_RE.match(view, f.draft.span_end) \
            or _SIDE_TIER_NEXT_RE.fullmatch(view, line, at)
        if m is None:
            if hit_starts is None:
                hit_starts = [h[0] for h in alias_hits]
            if not _model_item_price(view, line, f, idx, alias_hits, hit_starts):
                continue
        per = _section_token_note(view, at)
        if per is None:
            continue
        q.den, q.den_count = "token", per
        if m is not None and m.re is _SIDE_LABEL_RE and m.group("cache"):
            # "Cache write: $3.75", "Cached input: $0.30", "Input (no cache): $3.00": the input side
            # (its tier, cached or written, is the label's words, read where conditions are)
            q.direction = q.direction or "input"
        elif m is not None:
            side = re.sub(r"\s+", " ", m.group("dir").lower())
            q.direction = q.direction or {"prompt": "input", "completion": "output", "in": "input",
                                          "out": "output"}.get(side, side)
        f.draft.unit = unit_text(q)


#: a line that is a record of comma-separated fields, a count of GPUs first, up to an amount
#: ("1xA100, 40GB, Runpod, $0.89")
_GPU_RECORD_RE = re.compile(r"[ \t]*[0-9]{1,2}[ \t]*[x×][ \t]*[A-Za-z][^,\n]*,(?:[^,\n$]*,)+[ \t]*")
#: a heading's words that make its section's prices hourly ("GPU Rent Price Comparison per hour")
_HOURLY_NOTE_RE = re.compile(r"(?i)\b(?:per|an|each)[ \t]+hour\b|\bhourly\b|/[ \t]*(?:hour|hr)\b")


def _hourly_gpu_records(view: str, found: list) -> None:
    """A bare amount of money that ends a line of comma-separated fields opening with a count of
    GPUs ("1xA100, 40GB, Runpod, $0.89") under a Markdown heading that says its prices are hourly
    ("## GPU Rent Price Comparison per hour") is a price per hour."""
    heads = starts = None
    for f, q, at, line in _bare_amounts(view, found):
        if _GPU_RECORD_RE.fullmatch(view, line, at) is None:
            continue
        if heads is None:
            heads, starts = _md_headings(view)
        k = bisect.bisect_left(starts, line) - 1
        if k < 0 or _HOURLY_NOTE_RE.search(view, heads[k][3], heads[k][4]) is None:
            continue
        q.den = "hour"
        f.draft.unit = unit_text(q)


#: a list item whose label ends in a colon right before its amount ("- **GPT-4 Turbo**: $10.00",
#: "- `openai/gpt-4o-mini`: ~$0.15 (very cheap)"): group "label"
_MODEL_ITEM_RE = re.compile(r"[ \t]*(?:[-*+•]|[0-9]{1,2}[.)])[ \t]+(?P<label>[^:\n$€£]{1,80}?)[ \t*_`]*:[ \t*_]*[~≈]?[ \t]*$")


def _model_item_price(view: str, line: int, f, idx, alias_hits, hit_starts) -> bool:
    """The one amount of money of a list item whose label (up to a colon right before the amount)
    names a model ("- Claude 3.5 Sonnet: $15.00"; not a plan or a device: "- ChatGPT Plus: $20")."""
    at = f.draft.span_start
    m = _MODEL_ITEM_RE.fullmatch(view, line, at)
    if m is None or not f.draft.value:
        return False  # (no label, or "$0.00 (hardware costs only)": a free model's, no price)
    end = view.find("\n", f.draft.span_end)
    if _DIGIT_MONEY_RE.search(view, f.draft.span_end, len(view) if end < 0 else end):
        return False  # (another amount on the line: its own reading)
    lo, hi = m.start("label"), m.end("label")
    named = False
    for h in alias_hits[bisect.bisect_left(hit_starts, lo):bisect.bisect_left(hit_starts, hi)]:
        kind = idx.entity_kind.get(h[2])
        if kind not in ("model", "model-class") or _PLAN_AFTER_RE.match(view, h[1]):
            return False
        named = True
    return named


@dataclass
class _CellContext:
    unit: Quantity | None  # what the column (or row) header says about the unit
    column: str            # the column header's text
    end: int               # where the cell ends


# a line that is a label, a colon and one number ("Mean TTFT (ms):         2111.51", "Total input
# tokens: 10239", a benchmark's result block): the number, alone to the line's end
_LABEL_LINE_NUM_RE = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?(?=[ \t]*(?:\n|$))")
_LABEL_LINE_RE = re.compile(r"[ \t]*(?:[-*+•>]+[ \t]+|\d{1,2}[.)][ \t]+)?(?:\*\*|__)?(?P<l>[A-Za-z][^:\n|]{1,60}?)"
                            r"(?:\*\*|__)?:(?:\*\*|__)?[ \t]+")


def _label_line_cell(view: str, s: int) -> _CellContext | None:
    """The label of the line whose only figure is the number at ``s``, after a colon, as the
    header of a one-cell table: its unit is the label's ("Benchmark duration (s): 46.96" is 46.96
    seconds, "Request throughput (req/s): 0.21" 0.21 requests a second), and the number's reading
    ends with its line (not "0.21 [newline] Output token ..." read as tokens). None for any other
    number, and for a one-word key ("words: 4642", a page's metadata)."""
    nm = _LABEL_LINE_NUM_RE.match(view, s)
    if nm is None:
        return None
    ls = view.rfind("\n", 0, s) + 1
    m = _LABEL_LINE_RE.fullmatch(view, ls, s)
    if m is None:
        return None
    label = m.group("l").strip()
    if "(" not in label and " " not in label:
        return None
    unit = header_unit(label)
    if unit is not None and "(" not in label and not unit.den and not unit.cur:
        # a count's label without a bracketed unit ends with the counted noun ("Total input
        # tokens: 10239"); "**GPUs Rented Hourly**: 9" says what the GPUs are, not that 9 counts them
        last = header_unit(label.split()[-1])
        if last is None or last.atom != unit.atom:
            return None
    return _CellContext(unit, label, nm.end())


#: a column header naming models' sizes or classes ("Model class", "Size", "Model size")
_SIZE_COLUMN_RE = re.compile(r"(?i)\b(?:class|size)\b")


def _size_class_cell(view: str, s: int, cell) -> bool:
    """Whether the model size at ``s`` opens a table cell under a column of models' classes or
    sizes ("| Model class |" over "| 70B dense |" and "| 70B-class (DeepSeek V3 / Qwen 72B) |"):
    the row's size, as "70B dense" above it is, not a class named in passing."""
    if cell is None or _SIZE_COLUMN_RE.search(cell.column) is None:
        return False
    return not view[view.rfind("|", 0, s) + 1:s].strip(" \t*_")


def _alias_end(view: str, s: int, hit_starts: list[int], hit_ends: list[int]) -> int | None:
    """Where the entity alias a number's candidate ``s`` stands inside ends ("Llama 3.1 405B"),
    or None: inside none, or the alias is a dollar sign's country glued before the amount
    ("US$1.20", the US's alias: the amount's currency, see grammar's dollar_prefix)."""
    k = bisect.bisect_right(hit_starts, s) - 1
    if k < 0 or hit_ends[k] <= s:
        return None
    j = s
    while j < len(view) and j - s < 3 and "A" <= view[j] <= "Z":
        j += 1
    if j > s and view.startswith("$", j) and (dp := dollar_prefix(view, j)) is not None and dp[0] == s:
        return None
    return hit_ends[k]


def _size_in_name(view: str, s: int, e: int) -> bool:
    """Whether the bare model size at ``s``..``e`` ("70B") is part of a model's name: after its
    family (and version), before its family, or listed after such a size."""
    if _FAMILY_RE.search(view, max(0, s - 20), s):
        return True
    if e - s > 8 or view[e - 1:e] not in ("B", "b", "T"):
        return False  # (written out: "70 billion" states the size)
    if _FAMILY_VERSION_RE.search(view, max(0, s - 24), s):
        return True
    if _FAMILY_AFTER_RE.match(view, e):
        return True
    lm = _SIZE_LIST_BEFORE_RE.search(view, max(0, s - 40), s)
    if lm is not None and lm.start() < s:
        a = lm.start()
        return bool(_FAMILY_RE.search(view, max(0, a - 20), a) or _FAMILY_VERSION_RE.search(view, max(0, a - 24), a))
    return False


def _count_in_name(view: str, s: int, gpus) -> bool:
    """A count inside a registry name ("Meta's 24,576 GPU cluster"): still a claim."""
    q = parse_at(view, s, gpu_aliases=gpus) if view[s].isdigit() else None
    return q is not None and q.count


# "the trillion-dollar cluster", "a billion-dollar campus": one facility said to cost that much (a
# determiner before it, the scale in lower case, a facility named within three words after it: a
# title's "Trillion-Dollar Trap", a plural's "billion-dollar bets" and "a billion-dollar bet", a
# figure of speech, name no amount)
_SCALE_DOLLAR_RE = re.compile(r"(?:(?P<a>an?)[ \t]+)?(?P<sc>trillion|billion)-dollar(?![\w-])"
                              r"(?=(?:,?[ \t]+[\w-]+){0,2}?,?[ \t]+(?:cluster|data[ \t-]?cent(?:er|re)|campus|facility"
                              r"|plant|fab|supercomputer|build-?out)(?![\w-]))")
_DETERMINER_BEFORE_RE = re.compile(r"(?i)\b(?:the|a|an|this|that)[ \t]+$")


def _scale_dollar_at(view: str, s: int) -> Quantity | None:
    m = _SCALE_DOLLAR_RE.match(view, s)
    if m is None or (m.group("a") is None and _DETERMINER_BEFORE_RE.search(view, max(0, s - 6), s) is None):
        return None
    if m.group("a") is not None and s and view[s - 1].isalnum():
        return None
    return Quantity(s, m.end(), m.group("a") or m.group("sc"), 1.0, cur="USD", scale=m.group("sc"),
                    spelled=True, form="currency")


_PERIOD_ATOMS = frozenset({"s", "min", "hour", "day", "week", "month", "year"})
_PER_PERIOD_BEFORE_RE = re.compile(r"(?i)\bper[ \t]+(?:(?:a|an|each|every|one)[ \t]+)?$")
# a footnote's number closing a table cell after the cell's own figure or a bracket ("| 128k 74 |",
# "| 200k 71 |", "| \[N/A\]76 |", as documents exported with their citations write them)
_CELL_END_RE = re.compile(r"[ \t]*\|")
_CELL_MARK_BEFORE_RE = re.compile(r"(?:\|[ \t]*[$€£~]?[0-9][0-9.,]*[A-Za-z%]{0,3}[ \t]+|\])$")


def _read_at(view: str, s: int, starts, prev, gpus, cell: _CellContext | None = None, named: _Named = _DEFAULT_NAMED):
    """A Found at candidate ``s``; an int (an offset to skip to) when it is no claim; None."""
    q = None
    if view[s:s + 1] in "aAtb" and "-dollar" in view[s:s + 20] and (sd := _scale_dollar_at(view, s)) is not None:
        q = sd
    elif view[s].isalpha() or view[s] == "1" and view[s + 1:s + 2] == "/":
        if view[s:s + 1].lower() in "thmbs" and VAGUE_RE.match(view, s):
            q = vague_at(view, s)
            if q is None:
                return None
            d = Draft(quote="", start=0, end=0, value=q.value, low=None, high=None, unit=unit_text(q),
                      qualifier="lower_bound", span_start=q.start, span_end=q.end, form="vague")
            return Found(d, q)
        rng = spelled_range_at(view, s) if view[s:s + 1].lower() in "tfsen" else None
        if rng is not None:  # "two to three years", "from three years to four"
            end, lo, hi, atom = rng
            q = Quantity(s, end, view[s:end], lo, atom=atom, spelled=True, form="word", ratio=atom == "x")
            d = Draft(quote="", start=0, end=0, value=None, low=lo, high=hi, unit=atom, qualifier="range",
                      span_start=s, span_end=end, form="word")
            return Found(d, q, hint="ratio" if atom == "x" else None)
        fw = factor_words_at(view, s) if view[s - 1:s] == " " else None
        if fw is not None:  # "by a factor of two", "a factor of two to three": how many times
            a, end, lo, hi = fw
            q = Quantity(a, end, view[a:end], lo, ratio=True, spelled=True, form="word")
            if lo == hi:
                return _word_found(view, q, starts)
            d = Draft(quote="", start=0, end=0, value=None, low=lo, high=hi, unit="x", qualifier="range",
                      span_start=a, span_end=end, form="word")
            return Found(d, q, hint="ratio")
        wq = word_number_at(view, s)
        if wq is not None:
            return _word_found(view, wq, starts)
        wm = _EQUIV_WORD_RE.match(view, s)
        if wm is not None and _spelled_equivalence(view, s):
            # "as much water as three hospitals", "as much carbon as five cars": so many times the thing named
            q = Quantity(s, wm.end(), wm.group(0), float(_EQUIV_WORDS[wm.group(0).lower()]), ratio=True,
                         spelled=True, form="word")
            return _word_found(view, q, starts)
        if not view[s].isdigit():
            q = parse_at(view, s, gpu_aliases=gpus)
            if q is None or not (q.spelled or q.form == "currency"):
                return None  # (but a currency's code or letters before the amount: "USD 5", "US$1.20", "EUR 13.698")
    if q is None:  # (a spelled number read above is not read again: parse_at is a function of its arguments)
        q = parse_at(view, s, gpu_aliases=gpus)
    if q is None:
        if view[s] == "$":
            end = unknown_currency_end(view, s)
            if end is not None:
                return end  # "NZ$40": a currency the vocabulary lacks, no claim (and no bare 1800 either)
        return _colon_ratio(view, s, starts, gpus) if cell is None and view[s].isdigit() else None
    if cell is not None and q.end > cell.end:
        q = parse_upto(view, s, cell.end, gpu_aliases=gpus)
        if q is None:
            return None
    if cell is not None and q.num_text.isdigit() and len(q.num_text) <= 3 and not q.scale \
            and _CELL_END_RE.match(view, s + len(q.num_text)) and _CELL_MARK_BEFORE_RE.search(view, max(0, s - 16), s):
        return q.end  # "| 128k 74 |", "| \[N/A\]76 |": a footnote's number after the cell's figure, no claim
    before = view[max(0, s - 12):s]  # (each pattern is searched only where its words or signs are)
    low = before.lower()
    if "per" in low and q.atom in _PERIOD_ATOMS and not q.den and view[q.start + len(q.num_text):q.start + len(q.num_text) + 1] == "-" \
            and _PER_PERIOD_BEFORE_RE.search(view, max(0, s - 12), s):
        return q.end  # "0.62 per 90-day cycle", "$5 per 30-day month": the period a rate is counted in, no duration
    if q.cur and view[q.end - 1:q.end] == "$" and _SLASH_BEFORE_RE.search(view, max(0, s - 5), s):
        return q.end  # "(tokens / 1$)", "prompts/1$": the dollar a rate is counted per, no amount
    if ('"' in before or "“" in before) and _EXAMPLE_QUOTE_RE.search(view, max(0, s - 24), s):
        return q.end  # 'shown in minutes (e.g., "42 mins")': a format illustrated, no claim
    if _in_prompt(view, s):
        return q.end  # 'prompt = "Explain it in less than 100 words."': an instruction to a model, no claim
    if ("not" in low or "never" in low) and _NEGATION_RE.search(view, max(0, s - 12), s):
        return q.end  # "47 billion parameters, not 56 billion": a value the text rejects
    if ("x" in before or "×" in before or "*" in before) and not q.percent and _OPERAND_RE.search(view, max(0, s - 12), s) \
            and not ((q.atom in _DRIVE_ATOMS or q.hint == "rack-height") and _DRIVES_BEFORE_RE.search(view, max(0, s - 8), s)
                     and not _WORKED_AFTER_RE.match(view, q.end)) \
            and not (q.atom and _BULLET_NX_RE.search(view, max(0, s - 16), s) and not _WORKED_AFTER_RE.match(view, q.end)) \
            and not ((q.atom or q.cur) and _DRIVES_BEFORE_RE.search(view, max(0, s - 8), s)
                     and _PER_UNIT_NOUN_AFTER_RE.match(view, q.end) and not _WORKED_AFTER_RE.match(view, q.end)):
        return q.end  # "256 x 102 x $98.32": an operand of the article's arithmetic
        # (but "2x 1.92TB NVMe", "12x 4U GPU Servers": a machine's parts, so many of that size, with no
        # arithmetic after)
    if q.atom == "s" and _CARD_PLURAL_RE.fullmatch(view, s, q.end):
        return q.end  # "the 4090s and 3090s": graphics cards by their model number, not seconds
    if q.atom == "bit/parameter" and not _BIT_SETTING_RE.search(view, max(0, s - 12), s) \
            and "per" not in view[s:q.end]:
        return q.end  # "with 4-bit quantization", "4-bit and 8-bit quantization": a technique named, no claim
    if q.scale in ("billion", "trillion") and not q.has_unit and _size_in_name(view, s, q.end):
        return q.end  # "Llama 8B", "Mistral 7B", "Llama 3.1 70B", "13B Llama 2", "the 70B model": a model's name
    if q.scale in ("billion", "trillion") and not q.has_unit and _SIZE_CLASS_RE.match(view, q.end) \
            and not _size_class_cell(view, s, cell):
        return q.end  # "a 7B-class model", "13B class models": models of about that size, no claim
    if q.atom == "GB" and not q.den and _GPU_MEMORY_NAME_RE.search(view, max(0, s - 12), s) \
            and (re.match(r"[ ]?(?:SXM|PCIe|NVL|HBM|[|),/:]|\s(?:or|and|vs|version|model|variant|card|GPU|can|is|has"
                          r"|costs?|rents?|at|for))", view[q.end:q.end + 8])
                 or _NAME_END_RE.match(view, q.end)) \
            and not _GPU_MEMORY_SAID_RE.match(view, q.end):
        return q.end  # "A100 80GB PCIe", "### H100 (80GB) prices": the product's name
        # (but "8x H200 (1128GB GPU VRAM)" says the memory: the GPUs' VRAM named after it)
    if q.atom == "GB" and not q.den and _VARIANT_AFTER_RE.match(view, q.end):
        return q.end  # "the 80GB VRAM model", "its 40GB PCIe configuration": which variant, not a claim
    unitless = not q.has_unit  # (asked once: a split below gives q its unit, nothing else here does)
    split = unitless and not q.scale and not q.spelled and split_shares(view, s) is not None
    if split:
        q.percent, q.form, q.end = True, "percent", s + len(q.num_text)  # "a 60/40 split": two shares
    if unitless and not split and cell is None and not q.spelled and _equivalence_before(view, s) \
            and not (q.scale in ("billion", "trillion") and _MODEL_AFTER_RE.match(view, q.end)):
        # "as much electricity as 7 million laptops": so many times the thing named; but
        # "equivalent to a 6.7B dense model" is a model's size
        q.ratio = True
    elif unitless and not split and cell is not None and not q.spelled and _equivalents_column(cell.column):
        q.ratio = True  # "| 2.8 smartphone charges |" under "Emissions equivalent": so many times the thing named
    elif q.count and q.atom == "item" and not q.spelled and _item_equivalence(view, s, cell):
        # "as much power as 750,000 households", "1 year of electricity for 212 households", a
        # column of equivalents: the figure put in so many of the things named, not a count of them
        nm = _NUMBER_SCALE_RE.match(view, s)
        q.atom, q.count, q.ratio, q.end = None, False, True, nm.end() if nm else s + len(q.num_text)
    built = _build(view, q, starts, prev, cell, gpus, named)
    if built is None:
        return q.end if not q.has_unit else None
    f = built
    if split:
        f.hint = "share"   # (each side of the split is a share of the whole)
    d = f.draft
    if d.qualifier != "range":
        sent_lo = starts[bisect.bisect_right(starts, d.span_start) - 1]
        qual, cue = _qualifier(view, d.span_start, sent_lo, q)
        if q.percent and view[s - 1:s] == "/" and cue == d.span_start:
            pair = split_shares(view, s)   # "nearly 50/50": the cue before the split is the second share's too
            if pair is not None:
                qual = _qualifier(view, pair[0], sent_lo, q)[0]
        if f.hint in ("change", "ratio") and q.compare in ("down", "less", "lower"):
            qual = {"lower_bound": "upper_bound", "upper_bound": "lower_bound"}.get(qual, qual)
        if qual == "lower_bound" and q.atom in ("year", "month", "week", "day") \
                and _HYPHEN_ADJ_RE.match(view, q.start + len(q.num_text)) \
                and re.match(r"(?i)over\s+(?:a|an|the)\s", view[cue:d.span_start]):
            qual, cue = "exact", d.span_start  # "over a 4-year lifecycle": throughout, not more than
        d.qualifier = qual
        d.span_start = min(d.span_start, cue)
    return f


_COLON_ONE_RE = re.compile(r"(?<![0-9.:,])[0-9]{1,3}(?:\.[0-9])?:1(?![0-9,:]|\.[0-9]|[A-Za-z])")


def _colon_ratio(view: str, s: int, starts, gpus) -> Found | None:
    """ "N:1" that words around call a ratio ("a 3:1 input-to-output ratio", "a ratio of 4:1",
    "(10:1 input:output)"): N to one, so many times (never a clock time, which has two digits after
    its colon, nor a verse or a score, which no such word is near)."""
    m = _COLON_ONE_RE.match(view, s)
    if m is None or not _RATIO_AROUND_RE.search(view[max(0, s - 24):s] + " # " + view[m.end():m.end() + 40]):
        return None
    q = parse_upto(view, s, m.end() - 2, gpu_aliases=gpus)
    if q is None or q.has_unit or q.scale or q.spelled or q.value <= 0:
        return None
    q.ratio, q.form, q.end = True, "ratio", m.end()
    d = Draft(quote="", start=0, end=0, value=q.value, low=None, high=None, unit="x", qualifier="exact",
              span_start=s, span_end=m.end(), value_text=q.num_text, form="ratio")
    return Found(d, q, hint="ratio")


def _word_found(view: str, q: Quantity, starts) -> Found | None:
    hint = q.hint or ("change" if q.percent else "ratio" if q.ratio else None)
    d = Draft(quote="", start=0, end=0, value=q.value, low=None, high=None, unit=unit_text(q), qualifier="exact",
              span_start=q.start, span_end=q.end, form="word")
    sent_lo = starts[bisect.bisect_right(starts, q.start) - 1]
    qual, cue = _qualifier(view, q.start, sent_lo, q)
    d.qualifier, d.span_start = qual, min(q.start, cue)
    return Found(d, q, hint=hint)


#: after a duration: "ago" ("5 months ago they raised $13B"), a time said relative to the writing: a
#: date, no quantity (the curation conventions leave dates out)
_AGO_AFTER_RE = re.compile(r"[ \t]+(?i:ago)\b")
#: ... unless its sentence says what the time is the age of: "since" ("Since OpenAI unleashed ChatGPT on
#: the world two and a half years ago": the time since a release) or a verb of buying, making or
#: releasing ("an H100 purchased 18 months ago": the hardware's age)
_AGE_CUE_BEFORE_RE = re.compile(r"(?i)\b(?:since|purchased|bought|acquired|launched|released|founded|built"
                                r"|installed|deployed|introduced|unleashed|shipped|debuted)\b")
#: the largest "N nm" read as a chip process's name ("3nm", "7nm", "28nm"), not a length
_PROCESS_NODE_NM = 30
#: a line that opens a list item ("- ", "* ", "3. ")
_BULLET_LINE_RE = re.compile(r"[ \t]*(?:[-*+•]|[0-9]{1,2}[.)])[ \t]")


def _list_lead_in(text: str, line_lo: int) -> str:
    """The line that leads into the list whose item starts at ``line_lo`` (its heading or its
    sentence with a colon): the nearest line before that is neither blank nor a list item, within
    1,500 characters ("" where there is none)."""
    for line in reversed(text[max(0, line_lo - 1500):line_lo].split("\n")):
        if line.strip() and not _BULLET_LINE_RE.match(line):
            return line
    return ""


_LATEX_LINE_RE = re.compile(r"\\(?:text|textbf|frac|dfrac|cdot|times|fbox|mathrm)\b")


def _record(text: str, view: str, f: Found, starts, row_span, seen: set, clauses: dict | None = None,
            table: Table | None = None) -> bool:
    d = f.draft
    d.raw = text[d.span_start:d.span_end]
    lo, hi = row_span if row_span else _clause(view, starts, d.span_start, d.span_end, clauses)
    d.start, d.end, d.quote = lo, hi, text[lo:hi]
    key = (d.quote, d.raw, d.span_start - lo)
    w_lo, w_hi = max(0, d.span_start - 300), min(len(text), d.span_end + 300)
    line_lo = text.rfind("\n", w_lo, d.span_start) + 1 or w_lo
    line_hi = text.find("\n", d.span_end, w_hi)
    line_hi = w_hi if line_hi < 0 else line_hi
    if text.find("\\", line_lo, line_hi) >= 0 and _LATEX_LINE_RE.search(text, line_lo, line_hi):
        # a formula line repeated in several derivations ("comms = ... = 10 ms" for 32 and for
        # 64 GPUs) states a claim each time; only a whole repeated passage is one
        key += (text[max(0, lo - 200):lo], text[hi:hi + 200])
    elif not row_span and _BULLET_LINE_RE.match(text, item_lo := text.rfind("\n", max(0, lo - 2000), lo) + 1):
        # a list item repeated under another heading ("- NVIDIA: 7.17%" in a summary and again in
        # a later list of the same weights) is stated again there; only an item repeated under
        # the same lead-in (a whole list or passage repeated) is one. A clause two items of one
        # list share ("(using 28 layers, 4 KV heads, 128 head dimension, BF16)" of two models)
        # is stated in each: the item's own opening words tell them apart
        key += (_list_lead_in(text, item_lo), text[item_lo:min(item_lo + 80, lo)])
    if row_span and d.context:
        # two cells of one table that read alike ("0.57" under "MFU" and under "HFU"; an HTML cell
        # quotes itself alone) are two claims; a table repeated word for word is still one
        key += (d.context.get("row"), d.context.get("column"))
        if f.table is not None or table is not None:
            # a row two tables share word for word ("| Disk Size (GB) | 4.07 | 4.07 | 3.66 |" under
            # two GPUs' results) is a claim in each; only a whole table repeated is one (so is a
            # header two tables share: ``table``, the header's)
            key += (_table_text(text, f.table or table),)
    if key in seen:
        return False  # a block repeated word for word is recorded once
    seen.add(key)
    return True


def _table_text(text: str, t: Table) -> str:
    """The whole text of a table, taken once per table (its cells' drafts each ask)."""
    got = getattr(t, "_text", None)
    if got is None:
        got = t._text = text[t.start:t.end]
    return got




# a bare number right after another in a list ("24 GB, 48 and 80"), and the end of that number
_LIST_GAP_RE = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)")
_LIST_END_RE = re.compile(r"(?:[,;:)|]|\.(?![0-9])|$|[ \t]+(?:and|or|respectively)\b)", re.M)


# a place after a count ("2 in California"), and what parts two counts of places ("... are in
# Virginia, 2 ...", "... in California and 2 ...")
_PLACE_AFTER_RE = re.compile(r" in[ \t]+[A-Z][a-z]")
_PLACE_GAP_RE = re.compile(r"(?:[ \t]+[a-z]+){0,4}?[ \t]+(?:are|is|were|sit|located)?[ \t]*in[ \t]+[A-Z][A-Za-z.]*"
                           r"(?:[ \t]+[A-Z][A-Za-z.]*)?(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")


#: counts whose noun a following sentence may leave out when it goes on counting the same thing
_SERIES_COUNT_ATOMS = frozenset({"GPU", "node", "user", "customer"})
#: between that count and the next: the rest of its sentence and the start of the next one, in one
#: paragraph, with no other number (a year may stand: "in Q4 2024", "By Q1 2025"); a range's low
#: end last ("750-" before "800 thousand")
_SERIES_GAP_RE = re.compile(r"(?:[^\d\n]|\n(?!\s*\n)|(?<=Q)\d|(?<![\d,.])(?:19|20)\d\d(?![\d%]|[.,]\d))*"
                            r"(?:(?<![\d.,])\d[\d.,]*[ \t]*(?:[-–]|to)[ \t]*)?")
#: after the scaled number: nothing counted of its own ("750-800 thousand.", "1.5-2 million units in 2025")
_SERIES_END_RE = re.compile(r"(?:[ \t]+units?)?(?:[ \t]*[.;,)]|[ \t]+(?:in|by|during|for|this|last|next)\b|[ \t]*$)")
_SERIES_UNITS_RE = re.compile(r"[ \t]+units?\b")


#: a total's parts in brackets after it, each named then counted ("500 (system prompt 200 + history 200
#: + user query 100)"): the gap to the first part, to each next one, and what follows a part (a plus
#: after the first: a sum, not "(see table 3)")
_PARTS_ATOMS = frozenset({"token", "GPU", "user", "parameter", "query", "node", "employee"})
_PARTS_OPEN_GAP_RE = re.compile(r"[ \t]*\([ \t]*[A-Za-z][A-Za-z '-]{0,40}?[ \t]*:?[ \t]+")
_PARTS_PLUS_GAP_RE = re.compile(r"[ \t]*\+[ \t]*[A-Za-z][A-Za-z '-]{0,40}?[ \t]*:?[ \t]+")
_PARTS_AFTER_RE = re.compile(r"[ \t]*[+)]")


#: a period right after a number, by a slash ("300,000/month")
_SLASH_PERIOD_RE = re.compile(r"/(?P<p>day|week|month|year|mo|yr)(?![A-Za-z])", re.I)
_SLASH_PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year", "mo": "month", "yr": "year"}


def _inherit(view: str, q: Quantity, starts, prev: Found | None) -> bool:
    """Fill in a unit the text leaves out, from the previous mention in the sentence:
    "13 billion parameters out of roughly 47 billion", "$5.50 per GPU-hour, down from $8"."""
    if prev is None:
        return False
    if q.cur and prev.behind is not None and _bare_duration(prev.q):
        # a term said between two amounts qualifies the first; the second is compared with the first:
        # "$5.50 per GPU per hour for a three-year term, down from more than $8"
        prev = prev.behind
    pd, pq = prev.draft, prev.q
    if q.cur and not q.atom and not q.den and pq.cur == q.cur and pq.den and not pq.atom and q.scale == pq.scale \
            and pd.span_end <= q.start and q.start - pd.span_end <= 200 and "|" in view[pd.span_end:q.start] \
            and "\n" not in view[pd.span_end:q.start] \
            and _WAS_BEFORE_RE.search(view, max(pd.span_end, q.start - 24), q.start) is not None:
        # the row's earlier value of the same price in a later cell of its row: "| $2.99/hr | cut in
        # March (was $4.33) |": the rate the row's price is per, not a price of its own
        q.den, q.den_count, q.scope, q.form = pq.den, pq.den_count, pq.scope, "inherited"
        return True
    if not q.has_unit and q.scale in ("thousand", "million", "billion") and pq.scale and pq.count \
            and pq.atom in _SERIES_COUNT_ATOMS and not pq.cur and not pq.den and pd.span_end <= q.start \
            and q.start - pd.span_end <= 160 and not _same_sentence(starts, pd.span_end - 1, q.start) \
            and _SERIES_GAP_RE.fullmatch(view, pd.span_end, q.start) and _SERIES_END_RE.match(view, q.end):
        # the next sentence goes on counting the same thing, its noun left out or said as "units":
        # "Nvidia shipped 150-200 thousand Blackwell units in Q4 2024. By Q1 2025 that ramped to
        # 750-800 thousand. Full-year 2025: 1.5-2 million units."
        q.atom, q.count, q.form = pq.atom, pq.count, "series"
        um = _SERIES_UNITS_RE.match(view, q.end)
        if um:
            q.end = um.end()
        return True
    # (the previous mention's end is what must share the sentence: a line break inside it, "$20 per\n1M
    # tokens", is no sentence's end)
    if pd.span_end > q.start or q.start - pd.span_end > 100 or not _same_sentence(starts, pd.span_end - 1, q.start):
        return False
    if pq.form == "named" and not q.has_unit and not q.scale and _NAMED_NEXT_RE.fullmatch(view, pd.span_end, q.start):
        q.atom, q.hint, q.form = pq.atom, pq.hint, "inherited"  # "PUE: 1.6 → 1.15", "PUE from 1.6 to 1.15"
        if pq.den and not q.den:
            # "Requests/day: 10,000 → 300,000/month": a rate's next figure, per its own period if it
            # names one, else per the first's
            pm = _SLASH_PERIOD_RE.match(view, q.end)
            q.count = pq.count
            if pm:
                q.den, q.end = _SLASH_PERIODS[pm.group("p").lower()], pm.end()
            else:
                q.den = pq.den
        return True
    if pq.ratio or pq.percent:
        return False
    glued = view[q.start + len(q.num_text):q.start + len(q.num_text) + 1] in ("B", "b", "T", "K", "k", "M")
    if not q.has_unit and q.scale and pq.atom in ("parameter", "token", "GPU", "user", "FLOP", "GPU-hour") \
            and not pq.cur and (not glued or pq.atom == "parameter" and q.scale in ("billion", "trillion")):
        q.atom, q.count, q.den, q.den_count, q.form = pq.atom, pq.count, pq.den, pq.den_count, "inherited"
        return True
    if not q.has_unit and not q.scale and pq.atom and not pq.cur and not looks_like_year(q) \
            and (not pq.den or pq.den in ("s", "min", "hour") and not pq.den_count) \
            and _VS_GAP_RE.fullmatch(view, pd.span_end, q.start):
        # "6 tokens vs 200", "1580.2 samples/s versus 981.6" (a rate in time too)
        q.atom, q.count, q.den, q.form = pq.atom, pq.count, pq.den, "inherited"
        return True
    if not q.has_unit and not q.scale and not q.spelled and pq.atom in _PARTS_ATOMS and not pq.cur and not pq.den \
            and not pq.percent and not looks_like_year(q) and (pm := _PARTS_AFTER_RE.match(view, q.end)) is not None \
            and (pm.group(0)[-1] == "+" and _PARTS_OPEN_GAP_RE.fullmatch(view, pd.span_end, q.start)
                 or pq.form == "inherited" and _PARTS_PLUS_GAP_RE.fullmatch(view, pd.span_end, q.start)):
        # a total's parts named in brackets after it: "Avg input tokens: 500 (system prompt 200 +
        # conversation history 200 + user query 100)": each part counts what the total does
        q.atom, q.count, q.form = pq.atom, pq.count, "inherited"
        return True
    if not q.has_unit and not q.scale and not q.spelled and pq.count and pq.atom and not pq.cur and not pq.den \
            and not looks_like_year(q) and _CHANGE_TO_GAP_RE.fullmatch(view, pd.span_end, q.start) \
            and _ends_with_from(view, pd.span_start) \
            and _CHANGE_FROM_RE.search(view, max(0, pd.span_start - 50), pd.span_start):
        # a change from a count to a bare number: "went from 375 employees to 3,000", "grew from 12
        # data centers to 40": the new level counts the same thing
        q.atom, q.count, q.form = pq.atom, pq.count, "inherited"
        return True
    if not q.has_unit and not q.scale and not q.spelled and pq.atom and not pq.cur and not pq.den \
            and not pq.scale and pd.value is not None and not looks_like_year(q) \
            and _LIST_GAP_RE.fullmatch(view, pd.span_end, q.start) and _LIST_END_RE.match(view, q.end) \
            and _near(pd.value, q.value):
        q.atom, q.count, q.form = pq.atom, pq.count, "inherited"  # "24 GB, 48 and 80": the list's first unit
        return True
    if view.startswith(" in ", q.end) and pq.count and q.num_text.isdigit() and not q.has_unit and not q.scale \
            and pq.atom and not pq.den and not pq.cur and _PLACE_AFTER_RE.match(view, q.end) \
            and _PLACE_GAP_RE.fullmatch(view, pd.span_end, q.start):
        # a count shared out over places, the thing counted said once: "16 of those data centers
        # are in Virginia, 2 in California and 2 in Singapore"
        q.atom, q.count, q.form = pq.atom, pq.count, "inherited"
        return True
    if q.cur and not q.atom and not q.den and pq.cur == q.cur and pq.den \
            and (_ELLIPSIS_LINK_RE.search(view, pd.span_end, q.start)
                 or _FROM_TO_GAP_RE.fullmatch(view, pd.span_end, q.start)
                 and _FROM_BEFORE_RE.search(view, max(0, pd.span_start - 12), pd.span_start)):
        q.den, q.den_count, q.scope, q.form = pq.den, pq.den_count, pq.scope, "inherited"
        return True
    if q.cur and not q.atom and not q.den and pq.cur == q.cur and pq.den and not pq.atom and q.scale == pq.scale \
            and _PARALLEL_GAP_RE.fullmatch(view, pd.span_end, q.start) and not _PARALLEL_STOP_RE.search(view, pd.span_end, q.start) \
            and _near(pd.value if pd.value is not None else pd.high, q.value) \
            and not _PARALLEL_AFTER_STOP_RE.match(view, q.end):
        # a list of prices that says the rate once: "A for $1.20 per hour and B for $2.50", "gpt-4o-mini
        # ($2.00 per million output tokens) or Claude Haiku ($5.00)"
        q.den, q.den_count, q.scope, q.form = pq.den, pq.den_count, pq.scope, "inherited"
        return True
    if q.cur and not q.atom and not q.den and pq.cur == q.cur and pq.den and not pq.atom and q.scale == pq.scale \
            and _BRACKET_GAP_RE.fullmatch(view, pd.span_end, q.start) and not _PARALLEL_STOP_RE.search(view, pd.span_end, q.start) \
            and _near(pd.value if pd.value is not None else pd.high, q.value if q.value is not None else q.high, 3.0) \
            and not _PARALLEL_AFTER_STOP_RE.match(view, q.end):
        # a price in brackets after a rate, of another tier or configuration of the same thing:
        # "$2.99 per GPU-hour on-demand ($3.99-4.29 for some configs)", "$1.20/hr (Spot: $0.90)"
        q.den, q.den_count, q.scope, q.form = pq.den, pq.den_count, pq.scope, "inherited"
        return True
    if q.cur and not q.atom and not q.den and pq.cur == q.cur and pq.den and not pq.atom \
            and _WAS_GAP_RE.fullmatch(view, pd.span_end, q.start):
        # the same measure's earlier value in brackets: "$7-9B annualized (was $87M early 2024)"
        q.den, q.den_count, q.scope, q.form = pq.den, pq.den_count, pq.scope, "inherited"
        return True
    if q.cur and not q.atom and not q.den and pq.cur and pq.cur != q.cur and pq.den and not pq.atom \
            and _CONVERTED_GAP_RE.fullmatch(view, pd.span_end, q.start):
        # the same rate converted into another currency: "around US$150 a month, or around AU$220"
        q.den, q.den_count, q.scope, q.form = pq.den, pq.den_count, pq.scope, "inherited"
        return True
    return False


def _bare_duration(q: Quantity) -> bool:
    """A length of time and nothing else ("three-year", "6 months"): no money, rate or count."""
    return q.atom in _PERIOD_DENS and not q.cur and not q.den and not q.ratio and not q.percent


# between a rate and its earlier value in brackets: " (was ", "** (up from about "
_WAS_GAP_RE = re.compile(r"[ \t*_]*\([ \t]*(?i:was|were|from|up[ \t]+from|down[ \t]+from)[ \t]+"
                         r"(?:(?i:about|around|roughly|approximately|just)[ \t]+|~)?")
# an earlier value's opening bracket right before an amount, in a cell of its own: "(was ", "(down from "
_WAS_BEFORE_RE = re.compile(r"\([ \t]*(?i:was|were|previously|formerly|from|up[ \t]+from|down[ \t]+from)[ \t]+"
                            r"(?:(?i:about|around|roughly|approximately|just)[ \t]+|~)?[ \t*_]*$")
# between a rate and the same amount in another currency: ", or around ", " (or about "
_CONVERTED_GAP_RE = re.compile(r"[ \t]*[,(]?[ \t]*(?i:or)[ \t]+(?:(?i:about|around|roughly|approximately|approx\.?)[ \t]+|~)?")


# a column where 0% is a value claimed, a discount or change of none (not "Loaded: 0%")
_ZERO_PCT_COLUMN_RE = re.compile(r"(?i)\b(?:discounts?|savings?|rebates?)\b")


def _near(a, b, factor: float = 10.0) -> bool:
    """Two amounts within a factor of each other (siblings in a list of prices)."""
    try:
        a, b = abs(float(a)), abs(float(b))
    except (TypeError, ValueError):
        return False
    return a > 0 and b > 0 and max(a, b) / min(a, b) <= factor


# a third value chained on ("A to B to C", "A to B → C"), or a second one chained before
_CHAIN_AFTER_RE = re.compile(r"[ \t]*(?:to|→|->)[ \t]+(?:(?:about|around|roughly|nearly|almost|over)[ \t]+)?[~$€£]?[0-9]")
_CHAIN_BEFORE_RE = re.compile(r"(?:[0-9]|[0-9][kKMBT%]|illion)[ \t]+(?:to|→|->)[ \t]+$")


# money per dollar of another sum: "$5 for every $1 of revenue", "$5 to deliver each dollar of
# revenue", "For every dollar of revenue, they spend $5": a ratio
_PER_DOLLAR_AFTER_RE = re.compile(r"[ \t]+(?:(?:to|in)[ \t]+[a-z]+[ \t]+|for[ \t]+)?(?:every|each)[ \t]+(?:\$1|one[ \t]+dollar|dollar)\b",
                                  re.I)
_PER_DOLLAR_BEFORE_RE = re.compile(r"(?i)\b(?:for|of)[ \t]+(?:every|each)[ \t]+(?:\$1|one[ \t]+dollar|dollar)[ \t]+(?:of|in)\b[^$]*$")
_EVERY_BEFORE_RE = re.compile(r"(?i)\b(?:every|each)[ \t]+$")


# a formula's letter given a value ("N = 405 x 10^9", "**B** = 64"), what the text says a letter
# counts ("a model has N parameters", "D is the number of training tokens"), and a meaning written
# after the value ("B = 64 (batch size ...)")
_VAR_BEFORE_RE = re.compile(r"(?<![\w*])\*{0,2}(?P<v>[A-Z])\*{0,2}[ \t]*=[ \t]*$")
_VAR_NOUNS = {"parameters": ("parameter", None), "tokens": ("token", None)}
# (each alternative's first character taken first, "\bhas" as "h(?<!\wh)as", and the letter of
# the second as group "c": the engine scans for those characters in C instead of trying both
# alternatives at every position of the text, ~3% of extraction)
_VAR_DEF_RE = re.compile(r"(?P<c>[hwoA-Z])(?:(?<!\w[hwo])(?:(?<=h)as|(?<=w)ith|(?<=o)f|(?<=o)n)[ \t]+(?P<v1>[A-Z])[ \t]+"
                         r"(?:training[ \t]+)?(?P<n1>parameters|tokens)\b"
                         r"|(?<=[A-Z])(?<![\w*][A-Z])[ \t]*(?:=|is|denotes|represents)[ \t]+(?:the[ \t]+)?(?:total[ \t]+)?"
                         r"(?:number|count)[ \t]+of[ \t]+(?:(?:model|training)[ \t]+)?(?P<n2>parameters|tokens)\b)")
# (a definition holds no line break: it is looked for only on the lines that name what it counts)
_VAR_NOUN_RE = re.compile(r"parameters|tokens")
_VAR_AFTER_RE = re.compile(r"[ \t]*\([ \t]*(?:the[ \t]+)?(batch[ _-]?size|concurrency)\b", re.I)


def _noun_lines(view: str):
    """The (start, end) of each line of ``view`` that has "parameters" or "tokens", in order."""
    hi = -1
    for m in _VAR_NOUN_RE.finditer(view):
        k = m.start()
        if k < hi:
            continue  # (a line already given)
        lo = view.rfind("\n", 0, k) + 1
        hi = view.find("\n", k)
        if hi < 0:
            hi = len(view)
        yield lo, hi


@functools.lru_cache(maxsize=1)
def _variables(view: str) -> dict:
    """{letter: (unit, property hint)} that the text defines; scanned once per text (the text
    last read is kept)."""
    found: dict = {}
    if " parameters" in view or " tokens" in view:
        for m in (m for lo, hi in _noun_lines(view) for m in _VAR_DEF_RE.finditer(view, lo, hi)):
            v, n = (m.group("v1"), m.group("n1")) if m.group("v1") else (m.group("c"), m.group("n2"))
            unit = _VAR_NOUNS[n]
            if found.setdefault(v, unit) != unit:
                found[v] = None  # a letter that counts two things: no meaning to give
    return found


def _named_count(view: str, q: Quantity) -> tuple[str, str] | None:
    """(unit, property hint) of a bare whole number that a word before it names: a batch size
    ("a batch size of 64") or a concurrency ("Concurrency: keep at 4"), the number right after the
    word or in a list of numbers after it ("Concurrency levels: 1, 4, 8")."""
    if q.has_unit or q.scale or q.spelled or "." in q.num_text or q.value < 1 or q.start < 5:
        return None
    lo = max(0, q.start - 40)
    end = q.start
    tail = view[end - 5:end].rstrip(" \t")
    lm = _NAMED_LIST_RE.search(view, lo, end) if tail[-1:] == "," or tail[-3:] in ("and", " or") else None
    if lm is not None:
        end = lm.start()
        if "\n" in view[end:q.start]:
            return None
    low = view[max(0, end - 40):end].lower()
    if "batch" in low and _BATCH_BEFORE_RE.search(view, max(0, end - 40), end):
        return "query", "batch-size"
    if "concurrency" in low and _CONCURRENCY_BEFORE_RE.search(view, max(0, end - 40), end):
        return "query", "concurrency"
    if end == q.start and ("size" in low or "model" in low or "_" in low) \
            and (mm := _MODEL_DIM_BEFORE_RE.search(view, max(0, end - 40), end)):
        return _MODEL_DIM_OF[mm.lastgroup]  # "the vocabulary size to 128,256", "num_layers is 64"
    if "length" in low and (lm := _SEQ_LEN_BEFORE_RE.search(view, max(0, end - 40), end)) \
            and not _OTHER_NOUN_AFTER_RE.match(view, q.end):
        # "a **sequence length** of **1,024**", "context length to 512": so many tokens
        return "token", (None if lm.group("k").lower() == "context" else "text-tokens")
    if end == q.start and "=" in low[-4:] and (vm := _VAR_BEFORE_RE.search(view, max(0, end - 10), end)):
        am = _VAR_AFTER_RE.match(view, q.end)
        if am is not None:  # "B = 64 (batch size)": what the formula's letter stands for, after it
            return ("query", "batch-size") if am.group(1)[0] in "bB" else ("query", "concurrency")
        unit = _variables(view).get(vm.group("v"))
        if unit is not None:  # "N = 405 x 10^9" where the text said "a model has N parameters"
            return unit
    if end == q.start and "sl" in low and (im := _ISL_OSL_RE.search(view, max(0, end - 30), end)):
        # "(ISL/OSL=2048/128)", "ISL/OSL: 80/200": the input's and the output's length of a run, in tokens
        return "token", ("max-output-tokens" if im.group("first") else "text-tokens")
    if end == q.start and ("=" in low[-6:] or ":" in low[-6:] or "--" in low or "`" in low[-6:]) \
            and (sm := _SETTING_BEFORE_RE.search(view, max(0, end - 40), end)) and not _SLASH_NEXT_RE.match(view, q.end):
        return _SETTINGS[(sm.group("k") or sm.group("k2")).lower().replace("_", "-").lstrip("-")]
    return None


_SLASH_SETTING_RE = re.compile(r"/([1-9][0-9]{0,5})(?![0-9.,/%]|[A-Za-z])")
# a serving benchmark's input and output sequence lengths as one setting ("ISL/OSL=2048/128"): the
# number right after it (the input's) or after its first number and the slash (the output's)
_ISL_OSL_RE = re.compile(r"(?<![A-Za-z])ISL[ \t]*/[ \t]*OSL[ \t]*(?:[=:][ \t]*|of[ \t]+)(?P<first>[1-9][0-9,]{0,6}[ \t]*/[ \t]*)?$",
                         re.IGNORECASE)


def _setting_pair(view: str, q: Quantity):
    """((unit, property), high, its text, end) of a run setting given two values with a slash
    ("BS=32/64", "tp=4/8"): the values the runs took, as a range; None otherwise."""
    if q.scale or q.spelled or "." in q.num_text or q.value < 1 or q.start < 3:
        return None
    if "=" not in view[max(0, q.start - 4):q.start] and ":" not in view[max(0, q.start - 4):q.start]:
        return None
    m = _SLASH_SETTING_RE.match(view, q.end)
    if m is None or float(m.group(1)) <= q.value:
        return None
    sm = _SETTING_BEFORE_RE.search(view, max(0, q.start - 40), q.start)
    if sm is None:
        return None
    key = (sm.group("k") or sm.group("k2")).lower().replace("_", "-").lstrip("-")
    return _SETTINGS[key], float(m.group(1)), m.group(1), m.end()


#: a dollar sign with a country's letters glued before it ("AU$", "C$", "CDN$")
_PREFIXED_DOLLAR_RE = re.compile(r"[A-Z]{1,3}\$(?=[0-9])")


_CELL_BREAK_TO_RE = re.compile(r"[ \t]*\n[ \t]*(?P<c>to)[ \t]+")


#: a company's shares after a bare count ("14.776B shares") or heading its column ("| Diluted Shares |",
#: "| Shares Outstanding |"; not "| Market Share |", a percent)
_SHARES_AFTER_RE = re.compile(r"[ \t\u00a0]+(?:(?:diluted|basic|common)[ \t]+)?shares\b")
_SHARES_ROW_RE = re.compile(r"[ \t]*\|[*_ \t]*(?i:(?:(?:diluted|basic|common)[ \t]+)?shares[ \t]+outstanding|(?:diluted|basic)(?:[ \t]+avg\.?|[ \t]+average)?[ \t]+shares|share[ \t]+count)\b[^|\n]*\|[ \t*_~]*$")
_SHARES_COLUMN_RE = re.compile(r"(?i)\b(?:(?:diluted|basic|common)[ \t]+shares|shares[ \t]+outstanding|share[ \t]+count)\b")


def _build(view: str, q: Quantity, starts, prev=None, cell: _CellContext | None = None, gpus=(),
           named: _Named = _DEFAULT_NAMED) -> Found | None:
    """Turn a parsed quantity (maybe the start of a range) into a Found; None if no claim."""
    if q.atom and view[q.end:q.end + 1] in ("·", "⋅") and view[q.end + 1:q.end + 2].isalpha():
        return None  # "107,929 J·s" (an energy-delay product): a compound unit read only to its first symbol
    factor = not q.has_unit and not q.scale and not q.spelled and q.start >= 10 \
        and (_FACTOR_OF_RE.search(view, max(0, q.start - 32), q.start) is not None
             or "by" in view[q.start - 6:q.start] and not q.ratio and not q.percent and not q.cur
             and ((mb := _MULTIPLIED_BY_RE.search(view, max(0, q.start - 48), q.start)) is not None
                  and "month" not in view[max(0, mb.start() - 24):mb.start()]  # (a month's revenue "multiplied by 12": annualised)
                  or view[q.end:q.end + 7].lower() == " factor" and _BY_A_RE.search(view, q.start - 6, q.start)))
    if factor:
        q.ratio, q.form = True, "ratio"  # "by a factor of 10", "a factor of 2-3": how many times
    if q.cur and not q.den and not q.atom and not q.scale and not q.percent:
        if q.value == 1 and _EVERY_BEFORE_RE.search(view, max(0, q.start - 12), q.start):
            return None  # the "$1" of "$5 for every $1 of revenue": the unit of the ratio
        if _PER_DOLLAR_AFTER_RE.match(view, q.end) or _PER_DOLLAR_BEFORE_RE.search(
                view, max(0, q.start - 160, view.rfind(".", 0, q.start), view.rfind("\n", 0, q.start)), q.start):
            q.ratio, q.form = True, "ratio"  # "$5 for every $1 of revenue": dollars per dollar
    if q.atom == "example" and not q.den and not q.scale and q.start > 10 and "batch" in view[max(0, q.start - 30):q.start] \
            and _BATCH_BEFORE_RE.search(view, max(0, q.start - 40), q.start):
        # "a batch size of 32 samples per device", "batch sizes of 4 and 8 samples": a batch's size
        # in requests (the samples a step takes), no count of a data set's examples
        q.atom, q.count, q.hint, q.form = "query", True, "batch-size", "named"
    counted = _named_count(view, q) if not q.has_unit and not q.scale else None
    if counted is None and cell is None and not q.has_unit and (pair := _setting_pair(view, q)) is not None:
        (unit, hint), high, high_text, end = pair  # "BS=32/64": a setting run at two values
        q.atom, q.count, q.hint, q.form = unit, unit == "query", hint, "named"
        d = Draft(quote="", start=0, end=0, value=None, low=q.value, high=high, unit=unit, qualifier="range",
                  span_start=q.start, span_end=end, low_text=q.num_text, high_text=high_text, form="named")
        return Found(d, q, hint=hint)
    cm = CONNECT_RE.match(view, q.end)
    if cm is None and q.cur and not q.den and not q.atom and view[q.end:q.end + 2] in (" (", "(") \
            and (am := _CURRENCY_ASIDE_RE.match(view, q.end)) is not None \
            and (cm2 := CONNECT_RE.match(view, am.end())) is not None and cm2.group("c").lower() in ("to", "-", "–"):
        # "between $70bn (£53bn) to $72bn": the amount in another currency in brackets is an aside;
        # the range runs on past it
        cm = cm2
    if cm is None and cell is not None and view[q.end:q.end + 1] in (" ", "\n"):
        # an HTML cell that breaks its range over two lines ('<div>$175B</div>' over '<div>to
        # $185B (2026E)</div>'): one range, the line break its "to" (a pipe table's cell has one line)
        cm = _CELL_BREAK_TO_RE.match(view, q.end)
    if cm and not (q.spelled or looks_like_year(q)) and q.post is None:
        c = cm.group("c").lower()
        # ("between $2 and $7" is a range; "down from $1 and $6", the two prices named before, is two values)
        ok = c not in ("and", "und", "et") or BETWEEN_RE.search(view, max(0, q.start - 12), q.start) and not _ends_with_from(view, q.start)
        if ok and c == "to" and not q.has_unit and view[q.start - 1:q.start] == "=" and view[q.start - 2:q.start - 1].isalnum():
            ok = False  # "from 976ms at BS=1 to 126ms at BS=8": a setting's value, then the next figure
        if ok and c in ("to", "-", "--", "–", "—") and _ends_with_from(view, q.start) \
                and not (cm.group(0) == "-" and view[cm.end():cm.end() + 1].isdigit()) \
                and _CHANGE_FROM_RE.search(view, max(0, q.start - 50), q.start):
            # ("reduced from $47-55": a range glued by a bare hyphen, the second amount bare, is the
            # one earlier value, a range)
            ok = False  # "jumped from $300 to $4,200": two values, not a range
        if ok and c == "to" and (q.cur or q.has_unit and not q.percent and not q.ratio) \
                and (gm := _GREW_BEFORE_RE.search(view, max(0, q.start - 40), q.start)) \
                and (q.cur and not gm.group("inc")
                     # (a first amount with its own unit word or scale: "increased $2 to $3 billion" is a range)
                     or (q.atom or q.scale) and _unit_after_to(view, cm.end())):
            ok = False  # "Anthropic grew $1B to $4B ARR in 7 months": the old amount, then the new one
        if ok and c == "to" and view[max(0, q.start - 40):q.start].rstrip()[-2:].lower() == "by" \
                and (_CHANGE_BY_RE.search(view, max(0, q.start - 60), q.start)
                     or not q.percent and (q.atom or q.scale) and _unit_after_to(view, cm.end())
                     and _CHANGE_WORDS_BY_RE.search(view, max(0, q.start - 60), q.start)):
            ok = False  # "rose by $30 billion to $80 billion": a change, then the new level
        at = cm.end()
        if ok and q.cur and view[at:at + 1].isupper() and (pm := _PREFIXED_DOLLAR_RE.match(view, at)):
            at = pm.end() - 1  # "AU$10-AU$15", "C$40 to C$50": the second amount's letters name its dollar again
        q2 = parse_at(view, at, cur=q.cur if q.cur and not q.atom else None, gpu_aliases=gpus) if ok else None
        if q2 is not None and q.cur == "USD" and q2.cur in ("CAD", "AUD") and view[q.start] == "$" \
                and not view[at - 1:at].isupper():
            q.cur = q2.cur  # "$10-$15 CAD", "$10-15 AUD": the code after the range names both ends' dollar
        if q2 is not None and c == "to" and (_CHAIN_AFTER_RE.match(view, q2.end)
                                             or _CHAIN_BEFORE_RE.search(view, max(0, q.start - 24), q.start)):
            q2 = None  # "from $1M to $8M to $80M": a progression of values, not a range
        if q2 is not None and q.percent and q2.percent \
                and in_points(view, q.start, q.end) != in_points(view, q2.start, q2.end):
            q2 = None  # "fell 3 percentage points to 72%": a difference, then the new level
        equiv_range = q2 is not None and not factor and q.ratio and not q.scale and not q.atom and cell is None \
            and c in ("-", "–", "to") and q.num_text == view[q.start:q.end] and not q2.has_unit \
            and not q2.scale and not q2.spelled and _equivalence_before(view, q.start)
        if factor and q2 is not None and not q2.has_unit and not q2.scale and not q2.spelled or equiv_range:
            # (and "Equivalent to 1-2 average books": a range of multiples of the thing named)
            q2.ratio, q2.form = True, "ratio"
        if counted and q2 is not None and not q2.has_unit and not q2.scale and not q2.spelled \
                and "." not in q2.num_text and q2.value > q.value:
            q2.atom, q2.count, q2.hint, q2.form = counted[0], counted[0] == "query", counted[1], "named"  # "batch size 8-16"
        if q2 is not None and not q2.has_unit and cell is not None and cell.unit is not None:
            _apply_header(q2, cell.unit)
            if not q.has_unit:
                if q.scale is None and q2.scale:
                    q.scale = q2.scale  # "16-64K": the scale letter is shared
                _apply_header(q, cell.unit)
        if q2 is not None and not q.has_unit and not q2.has_unit and q.scale and q.scale == q2.scale \
                and q.scale in ("billion", "trillion") and view[q2.start + len(q2.num_text):q2.start + len(q2.num_text) + 1] in ("B", "T"):
            q2.atom, q2.form = "parameter", "bare"  # "1B-7B": a range of model sizes
        elif q2 is not None and not q.has_unit and not q.scale and not q.spelled and not q2.has_unit \
                and q2.scale in ("billion", "trillion") and c in ("-", "--", "–", "to") and q.value < q2.value \
                and view[q2.start + len(q2.num_text):q2.start + len(q2.num_text) + 1] in ("B", "T"):
            q2.atom, q2.form = "parameter", "bare"  # "the 7-20B range", "30-90B": the letter is both ends' scale
        if q2 is not None and cell is None and not q2.has_unit and q2.scale and not q.has_unit and not q.scale \
                and not q2.spelled and c in ("-", "–", "to") and prev is not None:
            _inherit(view, q2, starts, prev)  # "ramped to 750-800 thousand": the count said a sentence before
        if q2 is not None and not q2.spelled and q2.has_unit and not looks_like_year(q2):
            joined = _join_range(q, q2)
            if joined is not None:
                lowv, highv, uq, low_text, high_text = joined
                if cell is not None and cell.unit is not None and uq.cur and not uq.den and not uq.atom:
                    _apply_header(uq, cell.unit)
                elif cell is None and prev is not None and lowv is not None and uq.cur \
                        and not (uq.den or uq.atom or uq.percent or uq.ratio):
                    # a range of money the sentence's rate is said once for: "$2.99 per GPU-hour
                    # ($3.99-4.29 for some configs)", as a single amount there is
                    probe = _replace(uq, start=q.start, end=q2.end, value=lowv)
                    if _inherit(view, probe, starts, prev) and probe.den and not probe.atom:
                        uq.den, uq.den_count, uq.scope = probe.den, probe.den_count, probe.scope
                if lowv is not None and highv is not None and lowv < highv:
                    if (lowv != 0 or not uq.percent) and not (equiv_range and lowv == 1) and _reject(view, uq, q2.end, lowv) \
                            or _reject(view, uq, q2.end, highv):
                        return None  # (a range may start at 0%: "0-5%")
                    hint = None
                    if uq.percent and uq.compare is None:
                        percent_compare_before(view, q.start, uq)
                    if uq.percent and uq.compare is None:
                        _norm_premium(view, uq, q.start, q2.end, prev)
                    if uq.percent and uq.compare:
                        lowv, highv, unit, hint = _compared(lowv, highv, uq.compare, cell,
                                                            of_time=bool(_SLOWER_AFTER_RE.match(view, q2.end)))
                        if hint == "change" and _scheme_discount(view, q.start, q2.end, uq.compare, cell):
                            lowv, highv, hint = -highv + 0.0, -lowv + 0.0, "price-discount"
                    else:
                        unit = unit_text(uq)
                    if uq.percent and uq.compare is None and not uq.den and (per := _yearly_share(view, q.start, q2.end)):
                        uq.den = per  # "depreciation runs at 30-40 per cent per year"
                        unit = unit_text(uq)
                    elif uq.percent and hint in ("change", None) and uq.compare not in _COMPARED_NOT_OVER_TIME \
                            and _per_year(view, q.start, q2.end, uq.compare):
                        hint = "growth-rate"  # "grow annually by 19% to 22%", "2-3% annual load growth"
                    d = Draft(quote="", start=0, end=0, value=None, low=lowv, high=highv, unit=unit,
                              qualifier="range", span_start=q.start, span_end=q2.end,
                              low_text=None if hint else low_text, high_text=None if hint else high_text,
                              form=_form(uq, cell))
                    return Found(d, uq, hint=hint or uq.hint)
    if cell is not None and cell.unit is not None and (not q.has_unit or q.cur and not q.den and not q.atom
                                                       or q.atom in _PER_ITEM_ATOMS and not q.den and cell.unit.den
                                                       or q.ratio and cell.unit.count and cell.unit.atom == "item"
                                                       and _COUNT_WORD_HEADER_RE.fullmatch(_untag(cell.column))):
        _apply_header(q, cell.unit)
    elif cell is not None and cell.unit is not None and cell.unit.hint in _DEVICE_HINT_UNITS and q.hint is None \
            and not cell.unit.atom and unit_text(q) in _DEVICE_HINT_UNITS[cell.unit.hint]:
        # "~1,010 GB/s" under a bare "Bandwidth" beside the rows' memory; "12 GB" under "VRAM" in a
        # row of a GPU (_device_table_headers)
        q.hint = cell.unit.hint
    # (whether q has a unit, asked once: nothing below changes it until a branch is taken; the
    # property was asked up to ten times per bare number)
    unitless = not q.has_unit
    if unitless or (q.cur and not q.atom and not q.den):
        if q.spelled and not (q.cur and q.scale):  # "two billion dollars" is an amount; "one" alone is not
            return None
        nm = named.before.search(view, max(0, q.start - 32), q.start)
        if nm is None and ")" in view[max(0, q.start - 60):q.start]:  # "PUE (Power Usage Effectiveness) of"
            nm = named.before.search(view, max(0, q.start - 80), q.start)
        suffix = view[q.start + len(q.num_text):q.start + len(q.num_text) + 1]
        if unitless and nm:
            q.atom, q.hint = named.words[nm.group("w")]
            q.form = "named"
        elif unitless and cell is None and not looks_like_year(q) and ":" in view[max(0, q.start - 8):q.start] \
                and (lq := _label_count(view, q)) is not None:
            q.atom, q.count, q.form = lq.atom, lq.count, "named"  # "Active parameters: 60 billion"
            if lq.den:
                q.den = lq.den  # "Requests/day: 10,000"
        elif unitless and counted:
            # "a batch size of 64", "at concurrency 32", "Concurrency levels: 1, 4, 8"
            q.atom, q.count, q.hint, q.form = counted[0], counted[0] == "query", counted[1], "named"
        elif unitless and q.scale in ("K", "million") \
                and re.match(r"[\s-]*(?:token\s+)?(?:context|sequence[\s-]length)\b", view[q.end:q.end + 24], re.I):
            q.atom, q.form = "token", "bare"  # a 128K context, a 4k sequence length
        elif unitless and q.scale == "K" and (lm := _length_before(view, q.start)) is not None:
            # "a context length of 128K", "sequence length of 4k": so many thousand tokens
            q.atom, q.hint, q.form = "token", (None if lm.group("k").lower() in ("context", "token") else "text-tokens"), "named"
        elif unitless and cell is None and not q.scale and (cp := _code_price(view, q)) is not None:
            # '"gpt-4o": {"input": 2.50, "output": 10.00},' in a code block's price table whose
            # cost divides tokens by a million: a token price per million, its direction the key's
            q.cur, q.den, q.den_count, q.direction, q.form = "USD", "token", cp[1], cp[0], "named"
        elif _inherit(view, q, starts, prev):
            pass
        elif unitless and not q.scale and q.value >= 1e20 and not _OPERAND_AFTER_RE.match(view, q.end) \
                and not _OPERAND_BEFORE_RE.search(view, max(0, q.start - 3), q.start) and _flop_paragraph(view, q.start, q.end):
            # "against Meta's stated 3.8e25", "6 × 37e9 × 14.8e12 = 3.29e24" in a paragraph about FLOPs:
            # a count of operations that large is a training compute; no other measure here reaches it
            q.atom, q.form = "FLOP", "bare"
        elif not unitless and q.cur and not q.den and not q.atom and not q.percent and cell is None \
                and q.scale in ("million", "billion", "trillion") and _in_yearly_list(view, q.start):
            q.den, q.form = "year", "listed"  # "**December 2025 (annualized)**: ~$30.8B" over "- OpenAI: $20B"
        elif not unitless:
            pass  # a plain amount of money
        elif q.scale in ("million", "billion", "trillion") and (
                _MONEY_VERB_BEFORE_RE.search(view, max(0, q.start - 32), q.start) or _MONEY_NOUN_AFTER_RE.match(view, q.end)):
            # "Big Tech spent 360B", "spent over 360 billion", "Microsoft's 10bn investment": money with no sign
            q.cur, q.form = "USD", "bare"
        elif q.scale in ("billion", "trillion") and (suffix in ("B", "T") or suffix == "b" and not view[q.start + len(q.num_text) + 1:q.start + len(q.num_text) + 2].isalpha()):
            if _SHARES_AFTER_RE.match(view, q.end) or cell is not None and (
                    _SHARES_COLUMN_RE.search(cell.column) or _SHARES_ROW_RE.match(view, view.rfind("\n", 0, q.start) + 1, q.start)):
                # "14.776B shares", "| Diluted Shares |" over "| 14.71B |": a company's count of
                # shares, no model's parameters (no property counts shares: no claim)
                return None
            if suffix == "B" and _enumeration_label(view, q.start, q.num_text):
                return None  # "**Ripple 1A**: ..., **Ripple 1B**: ...": a list's labels, not a size
            # bare 70B / 1.8T: a parameter count (a lower-case "b" is read as a billion only before a
            # model's words: "33b GPTQ models")
            q.atom, q.form = "parameter", "bare"
            if _TOKEN_CONTEXT_RE.search(view, max(0, q.start - 30), q.start) \
                    or suffix == "T" and _CHECKPOINT_AFTER_RE.match(view, q.end) \
                    or _DATASET_AFTER_RE.match(view, q.end):
                q.atom = "token"  # "trained on 15.6T"; "the 2T checkpoint": the tokens it has seen
        elif unitless and not q.scale and cell is None and not looks_like_year(q) \
                and (lq := _list_unit(view, q, gpus)) is not None:
            _take_list_unit(q, lq)  # "1, 3 or 6 months": the list's last number names the unit of all
        elif unitless and cell is None and (sq := _sum_unit(view, q, gpus)) is not None:
            _take_sum_unit(q, *sq)  # "16M input + 1.6M output tokens": the unit the sum's second part states
        elif unitless and (view[max(0, q.start - 3):q.start].rstrip(" \t\"'")[-1:] in ("=", ":")
                           or not q.scale and view[max(0, q.start - 1):q.start] == " "
                           and "`" in view[max(0, q.start - 24):q.start] and _IDENT_VERB_BEFORE_RE.search(view, max(0, q.start - 24), q.start)) \
                and (im := _IDENT_UNIT_RE.search(view, max(0, q.start - 48), q.start)) \
                and not _IDENT_SETTING_RE.search(im.group(0)):
            # a code identifier names the unit: "avg_output_tokens=400", "requests_per_day: 5000"
            q.atom, q.count = _IDENT_UNITS[im.group("w").lower()]
            if im.group("per"):
                q.den = {"second": "s", "minute": "min"}.get(im.group("per").lower(), im.group("per").lower())
            elif im.group("w").lower().endswith("parallel"):
                q.hint = "concurrency"  # "`OLLAMA_NUM_PARALLEL` defaults to 1": requests served at once
            elif q.atom == "query" and not q.count:
                q.hint = "request-count"  # "num_prompts=500", "total_requests: 2000": how many sent in all
            q.form = "named"
        else:
            return None
    if q.num_text == "1" and q.atom and not q.den and not q.scale and (em := _EQUIV_RE.match(view, q.end)):
        q2 = parse_at(view, em.end(), gpu_aliases=gpus)
        if q2 is not None and q2.atom and not q2.den and not q2.cur and q2.atom != q.atom and q2.value > 0:
            if _same_dimension(q.atom, q2.atom):
                return None  # "1 TFLOPS = 1,000 GFLOPS": one unit in another, no claim
            # "1 token ≈ 4 characters": a conversion, 4 characters per token
            unit = f"{unit_text(q2)}/{q.atom}"
            q2.den, q2.form = q.atom, "unit-rate"
            if em.group(0).strip()[:1] in "≈~" or re.search(r"about|roughly|around|approx", em.group(0)):
                q.post = q2.post = "approx"
            d = Draft(quote="", start=0, end=0, value=q2.value, low=None, high=None, unit=unit, qualifier="exact",
                      span_start=q.start, span_end=q2.end, value_text=q2.num_text, form="unit-rate")
            q.end = q2.end
            return Found(d, q2)
    if q.atom in _TEXT_ATOMS and not q.den and not q.scale and not q.cur and q.num_text != "1" \
            and (em := _EQUIV_RE.match(view, q.end)) and view.startswith("1", em.end()):
        q2 = parse_at(view, em.end(), gpu_aliases=gpus)
        if q2 is not None and q2.num_text == "1" and q2.atom and not q2.den and not q2.cur and not q2.scale \
                and q2.atom != q.atom and q2.atom in _TEXT_ATOMS and q.value > 0:
            # "4 characters = 1 token": the same conversion written the other way round, 4 characters per token
            unit = f"{unit_text(q)}/{q2.atom}"
            q.den, q.form = q2.atom, "unit-rate"
            if em.group(0).strip()[:1] in "≈~" or re.search(r"about|roughly|around|approx", em.group(0)):
                q.post = "approx"
            d = Draft(quote="", start=0, end=0, value=q.value, low=None, high=None, unit=unit, qualifier="exact",
                      span_start=q.start, span_end=q2.end, value_text=q.num_text, form="unit-rate")
            q.end = q2.end
            return Found(d, q)
    if q.atom == "parameter":  # "13 billion parameters per token": active parameters, same unit
        pm = _PER_TOKEN_RE.match(view, q.end)
        if pm:
            q.end = pm.end()
    if q.atom in _FLOPS_COUNT and not q.den and "/" not in view[q.start:q.end] \
            and "second" not in view[q.start:q.end].lower():
        count_atom, prefix = _FLOPS_COUNT[q.atom]
        total = q.value * scale_factor(q.scale) * prefix
        if total >= FLOPS_NEVER_A_RATE:
            q.atom = count_atom  # "21 billion petaFLOPs": more than any machine does a second
        elif q.atom == "FLOPS" and total >= 1e19:
            ss = starts[bisect.bisect_right(starts, q.start) - 1]
            if _TRAINING_CUE_RE.search(view, ss, min(len(view), q.end + 40)) \
                    or cell is not None and _TRAINING_CUE_RE.search(cell.column):
                q.atom = "FLOP"  # "trained with 3.14e23 FLOPS": so many operations, written as FLOPS
    value = q.value
    scale = q.scale
    if (q.ratio or q.percent) and scale:
        value = value * scale_factor(scale)
        q.scale = None
    if q.spelled and not (q.ratio or q.percent or q.atom) and q.scale is None:
        return None
    if _reject(view, q, q.end, value) and not (cell is not None and q.percent and value == 0 and not q.compare
                                               and _ZERO_PCT_COLUMN_RE.search(cell.column)):
        return None  # (but "| Standard | $0 - $5K | 0% |" under "Discount": the tier's discount is none)
    if q.atom == "token" and not q.cur and not q.den and _PER_BEFORE_RE.search(view, max(0, q.start - 8), q.start):
        return None  # "Cost per 1M input tokens": the denominator a price is named by, no count of tokens
    if q.count and q.start and view[q.start - 1] == "-":
        return None
    if q.atom in ("year", "month") and _HYPHEN_ADJ_RE.match(view, q.start + len(q.num_text)) \
            and not PERIOD_NOUN_RE.match(view, q.end) and view[q.start - 1:q.start] != "(":
        return None  # "the 5-year TCO": an adjective; "a 3-year lease", "(1-year)": a period claimed
    if cell is not None and q.count and _in_parens(view, q.start) \
            and not (q.atom == "GPU" and q.gpu_span and view[q.start + len(q.num_text):q.start + len(q.num_text) + 1] in "x×") \
            and not _breakdown_in_parens(view, q.start):
        return None  # (but "| Compute (2x H100) |": the GPUs a row's figure is for, counted by a times sign)
    if cell is not None and q.percent and q.compare is None and view[q.start - 1:q.start] in "+-−" \
            and re.search(r"(?i)advantage|premium|gain|difference|delta|\bvs\b|change", cell.column):
        q.compare = "up" if view[q.start - 1] == "+" else "down"
    if cell is None and q.cur and not q.den and not q.atom \
            and (":" in (before := view[max(0, q.start - 80):q.start]) or "=" in before):
        lab = _label_unit(view, q)
        if lab is not None:  # "- Cost per billion tokens on A100: ... ≈ $0.046": per billion tokens
            q.den, q.den_count, q.scope = lab.den, lab.den_count, q.scope or lab.scope
    if cell is None and q.cur and not q.den and not q.atom and "per" in view[max(0, q.start - 60):q.start].lower() \
            and (cp := _cost_per_before(view, q)) is not None:
        q.den, q.den_count, q.scope = cp.den, cp.den_count, q.scope or cp.scope  # "the cost per query is $0.004"
    if cell is None and q.cur and not q.den and not q.atom and not q.scale and q.start \
            and (("ach" in view[max(0, q.start - 40):q.start] and (cp := _each_costs_before(view, q, starts, prev)) is not None)
                 or ((cp := _cost_per_subject(view, q, starts)) is not None)):
        q.den, q.den_count = cp.den, cp.den_count  # "each one costs $0.134"; "Cost per task varies ... from $31"
    if cell is None and q.cur and not q.den and not q.atom and q.scale in ("million", "billion") and starts \
            and _RUN_RATE_EARLIER_RE.search(view, _sentence_start(starts, q.start), q.start) is not None:
        q.den = "year"  # "The start-up's yearly run rate — a measure ... — hit the $2bn milestone": a year's rate
    if cell is None and q.cur and not q.den and not q.atom and not q.scale and q.value < 1000 \
            and _NAMED_PLAN_AFTER_RE.match(view, q.end) and ("month" in view or "/mo" in view):
        q.den = "month"  # "a fully utilized $200 ChatGPT Pro plan": a subscription's price, by the month
    if q.cur and not q.den and not q.atom and "3" in view[q.end:q.end + 40] \
            and _PER_HOUR_DIVIDED_RE.match(view, q.end):
        q.den = "hour"  # "$2.00 / (120,000 × 3600 / 1e9)": an hourly price over what an hour does
    if cell is None and not q.den and (q.cur and not q.atom or not q.cur and q.atom in _LIST_ACCRUING) \
            and (lp := _list_period(view, q)) is not None:
        q.den = lp  # "**My monthly costs:**" over "- GPU power: 25.2 kWh at $0.12/kWh = $3.02"
    hint = q.hint
    if cell is not None and q.percent and q.compare is None and hint is None:
        pm = _PREMIUM_COLUMN_RE.search(cell.column)
        if pm and pm.group("more"):
            q.compare = "more"  # "| H100 Cost Premium |" over "~60%": 1.6 times the other's, a ratio
        elif pm:
            hint = "change"  # "| Growth |" over "35%": how much it grew, not a share of something
        elif "%" in cell.column and _SHARE_OF_COLUMN_RE.match(cell.column) and view[q.start - 1] not in "+-−":
            hint = "share"  # "| % of TCO |" over "12.3%" in the row "Cost of capital (9.3% WACC)": a part of the whole
    unit = unit_text(q)
    vt = None if q.spelled or (q.ratio or q.percent) and scale else q.num_text
    if q.percent and q.compare is None and not q.spelled:
        percent_compare_before(view, q.start, q)
    if q.percent and q.compare is None and prev is not None and prev.q.compare in ("up", "down") \
            and _AND_BY_RE.match(view, prev.draft.span_end, q.start):
        q.compare = prev.q.compare  # "reduced our API calls by 75% and token usage by 40%"
    elif q.percent and q.compare is None:
        _norm_premium(view, q, q.start, q.end, prev)
    if q.percent and q.compare:
        value, _, unit, hint = _compared(value, value, q.compare, cell, of_time=bool(_SLOWER_AFTER_RE.match(view, q.end)))
        if hint == "change" and _scheme_discount(view, q.start, q.end, q.compare, cell):
            value, hint = -value + 0.0, "price-discount"  # "Spot instances: 90% cheaper": 90 off the list price
        vt = None
    if q.percent and q.compare is None and q.start and value > 0 \
            and (pm_sign := _PLUS_MINUS_BEFORE_RE.search(view, max(0, q.start - 5), q.start)):
        # "±20%", "± 2%", "(+/- 2%)": a change (or a tolerance) anywhere from -20% to +20%, never a share
        d = Draft(quote="", start=0, end=0, value=None, low=-value, high=value, unit=unit, qualifier="range",
                  span_start=pm_sign.start(), span_end=q.end, form=_form(q, cell))
        return Found(d, q, hint="change")
    if q.percent and q.compare is None and not q.den and (per := _yearly_share(view, q.start, q.end)):
        q.den = per  # "depreciating at 6 per cent annually": a share of the capital a year
        unit = unit_text(q)
    elif q.percent and hint in ("change", None) and q.compare not in _COMPARED_NOT_OVER_TIME \
            and _per_year(view, q.start, q.end, q.compare):
        hint = "growth-rate"  # "grow annually by 19%", "15% annual growth rate", "25.9% CAGR"
    if q.percent and q.compare is None and hint is None and not q.den and _retained(view, q, cell):
        hint = "ratio"  # "retains 92.53% of performance", "| Percentage of default performance |": a score over another's
    if q.percent and q.compare is None and hint is None and _OFF_AFTER_RE.match(view, q.end):
        hint = "price-discount"  # "$0.035 (50% OFF)", "50% off the standard price": off a price
    elif q.percent and q.compare is None and hint is None and cell is not None and "(" in view[max(0, q.start - 3):q.start] \
            and _CACHED_PRICE_COLUMN_RE.search(cell.column) and _MONEY_BRACKET_BEFORE_RE.search(view, max(0, q.start - 30), q.start):
        # "| Cached Input |" over "$0.125 (90%)": the cached price and, in brackets, how much it is
        # below the uncached one ($1.25 in the row); a cache hit rate is never a price's aside
        hint = "price-discount"
    elif q.percent and q.compare is None and hint is None and _OVER_LAST_PERIOD_AFTER_RE.match(view, q.end):
        hint = "change"  # "opex (+162% YoY)", "40% year-over-year": a change against the period a year before
    elif q.percent and q.compare is None and hint is None and q.start >= 2 and view[q.start - 1] == "+" \
            and view[q.start - 2] in " (\t|*_" and not q.den:
        # "| **$357.5B (+64.5%)** |", "~$50B (+136%)", "Record $4.3 billion in Q3 2025 (+22%)": a
        # percent written with its plus sign is how much something rose, never a part of a whole
        hint = "change"
    span_start = q.start
    if q.compare is None and value > 0 and not q.spelled and not q.count:
        sign = _minus_before(view, q, cell)
        if sign is not None:
            span_start = sign
            line = view[max(view.rfind("\n", 0, sign) + 1, sign - 80):sign]
            if not (q.cur and _OUTFLOW_RE.search(line)):
                # "| Net Margin | -8% |", "a margin of −28.8%", "| Free Cash Flow | ($16.2B) |": below
                # zero; but "| Net Loss | -$110.1M |", "| Purchase of PPE | -$3.3B |": an amount the
                # label already says goes out, as curators record it
                value = -value
                vt = None if vt is None else "-" + vt
    d = Draft(quote="", start=0, end=0, value=value, low=None, high=None, unit=unit, qualifier="exact",
              span_start=span_start, span_end=q.end, value_text=vt, form=_form(q, cell))
    return Found(d, q, hint=hint)


_OUTFLOW_RE = re.compile(r"(?i)\b(?:loss(?:es)?|purchases?|capex|capital expenditures?|spend(?:ing)?|costs?|expenses?"
                         r"|outflows?|payments?|burn|deficit)\b")


def _minus_before(view: str, q: Quantity, cell: _CellContext | None) -> int | None:
    """Where the minus sign of a number below zero starts, or None: a hyphen or a minus sign
    right before the number (or its currency sign), itself after a blank, a line start, a cell
    border, a bracket, a colon or an equals sign (so not a range's dash, "10-20%", nor a name's
    hyphen, "Q3-2025"); in a table, an amount of money that is the whole cell in brackets
    ("($16.2B)"), as accounts write a loss."""
    s = q.start
    if s and view[s - 1] in "-\u2212" and (s == 1 or view[s - 2] in " \t\n|(:=[") \
            and not (s >= 2 and view[s - 2] in " \t" and view[s - 3:s - 2].isdigit()):
        return s - 1
    if cell is not None and s >= 2 and view[s - 1] == "\u2013" and view[s - 2] in " \t|*_" \
            and not view[view.rfind("|", 0, s) + 1:s - 1].strip(" \t*_"):
        # "| –20% |": an en dash opening a table cell, typed for a minus sign (a range's dash has
        # a number before it in the cell, "30–40%")
        return s - 1
    if cell is not None and q.cur and view[s - 1:s] == "(" and view[q.end:q.end + 1] == ")" \
            and not view[view.rfind("|", 0, s) + 1:s - 1].strip() and not view[q.end + 1:cell.end].strip(" |"):
        return s - 1
    return None


# "per" right before a number: the number is a denominator ("cost per 1M tokens")
_PER_BEFORE_RE = re.compile(r"(?i)\bper[ \t]+$")


# a line's label: "- Cost per 1M tokens:", "**Price per GPU-hour**:" (up to its colon)
_LINE_LABEL_OPEN = r"[ \t]*(?:[-*+•>]+[ \t]+|\d{1,2}[.)][ \t]+)?(?:\*\*|__)?"  # (a bullet or number, emphasis)
_LINE_LABEL_RE = re.compile(_LINE_LABEL_OPEN + r"(?P<l>[A-Za-z][^:\n]{2,60}?)(?:\*\*|__)?:"
                            r"(?:\*\*|__)?[ \t]")
# ... or up to an equals sign that a worked formula writes for the colon ("- Cost per 1M tokens = $8.17",
# "Cost per 1M tokens = ($1.47/hr ÷ 180K tok/hr) × 1M = $1.63"): for an amount of money only
_LINE_LABEL_EQ_RE = re.compile(_LINE_LABEL_OPEN + r"(?P<l>[A-Za-z][^:=\n]{2,60}?)(?:\*\*|__)?[ \t]+=[ \t]")
_OPERATOR_AFTER_RE = re.compile(r"[ \t]*(?:\*\*|__)?[ \t]*(?:[×*/+]|x[ \t]|-[ \t])")
_RESULT_BEFORE_RE = re.compile(r"(?:=|≈|~=)[ \t*_~]*$")


def _label_count(view: str, q: Quantity) -> Quantity | None:
    """The counted noun a line's label ends with, for a bare number right after it ("Active
    parameters: 60 billion", "- **GPUs:** 512"): its unit; None for any other label."""
    ls = view.rfind("\n", 0, q.start) + 1
    m = _LINE_LABEL_RE.match(view, ls)
    if m is None or m.end() > q.start or view[m.end():q.start].strip(" \t*_~≈"):
        return None
    if _OPERATOR_AFTER_RE.match(view, q.end):
        return None
    label = m.group("l").rstrip()
    cm = _LABEL_COUNT_RE.search(label)
    if cm is None:
        rm = _LABEL_COUNT_RATE_RE.search(label)
        if rm is None:
            return None
        # "Requests/day: 10,000", "Tokens per month: 5,000,000": so many of them in each period
        h = header_unit(rm.group(0))
        return h if h is not None and h.atom in ("query", "token") and h.den in _LABEL_PERIODS and not h.cur else None
    h = header_unit(cm.group(0))
    return h if h is not None and h.atom in _LABEL_COUNT_ATOMS and not h.den and not h.cur else None


# measures of text one converts into another ("4 characters = 1 token", "3 words = 4 tokens")
_TEXT_ATOMS = frozenset({"character", "word", "token", "page", "line_of_code"})


# the counted nouns a label may end with: the unit of the bare number after it
_LABEL_COUNT_RE = re.compile(r"(?i)\b(?:parameters|params|tokens|gpus|users|subscribers|customers|employees|nodes"
                             r"|servers|racks)"
                             # (a participle after the noun: "**GPUs Tested**: 9", "Nodes used: 64")
                             r"(?:[ \t]+(?:tested|used|deployed|benchmarked|evaluated|compared|surveyed|hired|added))?$")
_LABEL_COUNT_ATOMS = frozenset({"parameter", "token", "GPU", "user", "customer", "employee", "node", "rack"})
# ... or with a period after them, the number's unit a rate ("Requests/day", "Tokens per month")
_LABEL_COUNT_RATE_RE = re.compile(r"(?i)\b(?:requests|queries|tokens)[ \t]*(?:/|per[ \t]+)[ \t]*(?:day|week|month|year)$")


def _label_unit(view: str, q: Quantity) -> Quantity | None:
    """The unit a line's label gives an amount of money on its line that states none: the
    amount right after the label ("Cost per request: $0.0018"), or the result of the
    arithmetic written after it ("Cost per billion tokens: $2.00 / (...) ≈ $0.046"); an
    operand of that arithmetic ("$2.00 /") is an amount of its own. Only a label that names a
    denominator ("per 1M tokens", "per GPU-hour", "monthly") gives one."""
    ls = view.rfind("\n", 0, q.start) + 1
    m = _LINE_LABEL_RE.match(view, ls) or _LINE_LABEL_EQ_RE.match(view, ls) or _LINE_AMOUNT_LABEL_RE.match(view, ls)
    if m is None or m.end() > q.start:
        return None
    between = view[m.end():q.start]
    if between.strip(" \t*_~≈") and not _RESULT_BEFORE_RE.search(view, m.end(), q.start):
        return None
    if _OPERATOR_AFTER_RE.match(view, q.end):
        return None
    label = m.group("l")
    if _LABEL_ASSUMES_RE.search(label):
        return None  # "At $0.08/kWh: ~$56,000": the rate the amount assumes, not its unit
    h = header_unit(label)
    if h is not None and h.atom == "token" and h.den in _LABEL_PERIODS and not h.cur and not h.percent \
            and _LABEL_AMOUNT_LEAD_RE.match(label):
        # "- 1M input tokens/month @ GPT-4: $30": a period's volume, and the amount is what that
        # period's volume costs (per month), as "100K requests/mo: $5" is
        return Quantity(0, 0, "", 0.0, den=h.den, form="table")
    if _LABEL_ONE_REQUEST_RE.search(label):
        # "- First query: $0.015", "- Cached query (same context): $0.003": what one request costs
        return Quantity(0, 0, "", 0.0, den="query", form="table")
    return h if h is not None and h.den and not h.atom and not h.percent else None


# a line's label that opens with a period's volume ("- 1M input tokens/month @ GPT-4:")
_LINE_AMOUNT_LABEL_RE = re.compile(_LINE_LABEL_OPEN + r"(?P<l>[0-9][0-9,.]*[ \t]?(?:[KkMB]|thousand|million|billion)?"
                                   r"[ \t]+[A-Za-z][^:=\n]{2,60}?/(?:day|week|month|mo|year|yr)\b[^:=\n]{0,30}?)"
                                   r"(?:\*\*|__)?:(?:\*\*|__)?[ \t]")
# a label that names one request (its last noun singular, a note in brackets after it)
_LABEL_ONE_REQUEST_RE = re.compile(r"(?i)\b(?:query|request|api[ \t]+call|message|prompt|image)(?:[ \t]*\([^()]*\))?[ \t]*$")
# a label that states the rate its amount assumes ("At $0.08/kWh", "@ $2/hr", "Assuming ..."); "@
# GPT-4" names the model the amount is for, no rate
_LABEL_ASSUMES_RE = re.compile(r"[$€£]|@[ \t]*[0-9.]|^(?i:at|assuming|with)\b")
# a label that opens with an amount of something: "1M input tokens/month", "500K output tokens/month"
_LABEL_AMOUNT_LEAD_RE = re.compile(r"[0-9][0-9,.]*[ \t]?(?:[KkMB]|thousand|million|billion)?\+?[ \t]+[A-Za-z]")
_LABEL_PERIODS = frozenset({"day", "week", "month", "year"})


# a cost or price named per something right before the amount, in a sentence ("the cost per query
# is $0.004", "a cost per message of: $0.03", "cut the per-image cost from $0.134 to $0.02"): the
# amount is per that thing (the second amount of a "from ... to" as well)
_COST_PER_BEFORE_RE = re.compile(
    r"(?i)(?:\b(?:cost|price)[ \t]+per[ \t]+(?P<a>(?:(?:1[kKM]|million|thousand|billion)[ \t]+)?[a-z][\w-]*)"
    r"|\bper-(?P<b>[a-z][\w-]*)[ \t]+(?:cost|price))"
    r"[ \t]*(?:(?:is|was|of|at|from|comes[ \t]+to|drops?[ \t]+to|fell[ \t]+to|:|=)[ \t]*){0,2}"
    r"(?:(?:about|around|roughly|just|only|approximately)[ \t]+|~|≈)?(?:\$[0-9][0-9.,]*[ \t]+to[ \t]+)?$")


def _cost_per_before(view: str, q: Quantity) -> Quantity | None:
    """The denominator a cost named per something right before the amount of money ``q`` gives
    it ("the cost per query is $0.004"), as a header's unit; None when there is none."""
    m = _COST_PER_BEFORE_RE.search(view, max(0, q.start - 60), q.start)
    if m is None:
        return None
    h = header_unit("cost per " + (m.group("a") or m.group("b")))
    return h if h is not None and h.den and not h.atom and not h.percent else None


# "each one costs", "each image costs about": a price of one of the things counted before
_EACH_COSTS_BEFORE_RE = re.compile(r"(?i)\beach(?:[ \t]+(?P<n>[a-z]+))?[ \t]+costs?[ \t]+(?:(?:about|around|roughly|just|only"
                                   r"|approximately)[ \t]+)?[~≈]?[ \t*_]*$")
# a sentence whose subject is a cost per something ("Cost per task varies by more than 800x ...")
_COST_PER_SUBJECT_RE = re.compile(r"[ \t*_#>]*(?i:the[ \t]+)?(?i:average[ \t]+|median[ \t]+|typical[ \t]+)?(?:[Cc]ost|[Pp]rice)"
                                  r"[ \t]+per[ \t]+(?P<a>[a-z][\w-]*)[ \t]+(?:varies|ranges|ranged|varied|runs|ran|goes|went)\b")


def _each_costs_before(view: str, q: Quantity, starts, prev) -> Quantity | None:
    """The denominator "each <thing> costs" before an amount of money gives it: the thing's
    ("each image costs $0.13" is per image), or for "each one costs" that of the requests the
    sentence counted before ("Every post generates 4 images, and ..., each one costs $0.134")."""
    m = _EACH_COSTS_BEFORE_RE.search(view, max(0, q.start - 40), q.start)
    if m is None:
        return None
    n = (m.group("n") or "one").lower()
    if n != "one":
        h = header_unit("cost per " + n)
        return h if h is not None and h.den and not h.atom and not h.percent else None
    ss = starts[bisect.bisect_right(starts, q.start) - 1] if starts else 0
    if prev is not None and prev.q.atom == "query" and not prev.q.den and prev.draft.span_start >= ss:
        return Quantity(0, 0, "", 0.0, den="query", form="table")
    return None


def _cost_per_subject(view: str, q: Quantity, starts) -> Quantity | None:
    """The denominator of a sentence whose subject is a cost per something ("Cost per task
    varies by more than 800x ..., from over $31 for the leader down to about $0.04"): its amounts."""
    if not starts:
        return None
    ss = starts[bisect.bisect_right(starts, q.start) - 1]
    if "per" not in view[ss:ss + 40]:
        return None
    m = _COST_PER_SUBJECT_RE.match(view, ss)
    if m is None or m.end() > q.start:
        return None
    h = header_unit("cost per " + m.group("a"))
    return h if h is not None and h.den and not h.atom and not h.percent else None


# a named subscription plan right after a bare amount ("$200 ChatGPT Pro plan", "the $20 Plus
# subscription"): in an article that prices by the month, the plan's monthly price
_NAMED_PLAN_AFTER_RE = re.compile(r"(?:[ \t]+[A-Z][\w.+-]*){1,3}[ \t]+(?:plan|subscription|tier|membership)s?\b")
# a run rate named as the subject earlier in the sentence, then a verb of reaching and the first
# amount after it ("yearly run rate — a measure of ... — hit the $2bn milestone"): no other amount
# of money between them
_RUN_RATE_EARLIER_RE = re.compile(r"(?i)\b(?:run[- ]rate|ARR)\b[^$\n]{0,120}?\b(?:hit|hits|reached|reaches|crossed|crosses"
                                  r"|topped|tops|passed|surpassed|exceeded|rose[ \t]+to|grew[ \t]+to|climbed[ \t]+to"
                                  # ("Anthropic's run-rate revenue had grown to approximately $1 billion", "... was $1 billion")
                                  r"|(?:had|has|have)[ \t]+(?:grown|risen|climbed)[ \t]+to|was|is|stood[ \t]+at|stands[ \t]+at)"
                                  r"[ \t]+(?:the[ \t]+|a[ \t]+|over[ \t]+|about[ \t]+|nearly[ \t]+|approximately[ \t]+|around[ \t]+"
                                  r"|roughly[ \t]+|almost[ \t]+|more[ \t]+than[ \t]+)?[~≈]?$")


def _sentence_start(starts: list[int], pos: int) -> int:
    k = bisect.bisect_right(starts, pos) - 1
    return starts[k] if k >= 0 else 0


# an amount divided by a throughput times the seconds of an hour ("$2.00 / (120,000 × 3600 / 1e9)")
_PER_HOUR_DIVIDED_RE = re.compile(r"[ \t]*/[ \t]*\([^()\n]{0,30}?[×x*][ \t]*3,?600\b")
# a list's lead-in that names the period of its items' amounts ("**My monthly costs with
# optimizations:**", "Annual costs:"): a label line ending in a colon
_LEAD_IN_PERIOD_RE = re.compile(r"(?i)\b(?P<p>monthly|annual|yearly|weekly|daily|hourly)\b[^\n:$]{0,60}:[ \t*_]*$")
# a sibling item that totals the list per a period ("- **Total: $2.10/month**", "- Total: $5.26/month")
_LIST_TOTAL_PERIOD_RE = re.compile(r"(?i)[ \t]*[-*+•][ \t]+[*_]*total[^:\n]{0,30}:[ \t*_]*(?:~|≈)?[$€£][0-9][0-9.,]*"
                                   r"[ \t]?(?:[KMB]\b)?[ \t]*/[ \t]*(?P<p>month|mo|year|yr|week|day)\b")
# amounts a list's period accrues besides money: energy used, tokens sent
_LIST_ACCRUING = frozenset({"Wh", "kWh", "MWh", "token"})
# an amount of money with no unit of its own that ends a line
_MONEY_ENDS_LINE_RE = re.compile(r"[$€£][0-9][0-9.,]*(?:[ \t]?[KMB]\b)?[ \t*_.)]*$")
# the amount ends its line (bold and a full stop allowed): the figure the item states
_ENDS_LINE_RE = re.compile(r"[ \t*_.)]*(?:\n|$)")
_LIST_PERIODS = {"monthly": "month", "annual": "year", "yearly": "year", "weekly": "week", "daily": "day",
                 "hourly": "hour", "month": "month", "mo": "month", "year": "year", "yr": "year", "week": "week",
                 "day": "day"}


def _list_period(view: str, q: Quantity) -> str | None:
    """The period a list gives an amount of money that ends one of its items and states none:
    the one its lead-in names ("**My monthly costs:**" over "- GPU power: ... = $3.02"), or the
    one its total item states ("- **Total: $2.10/month**" under "- 350K output tokens: $1.05")."""
    ls = view.rfind("\n", 0, q.start) + 1
    if q.cur:
        if not _ENDS_LINE_RE.match(view, q.end):
            return None
    else:
        # energy used or tokens sent, on an item whose cost of them ends the line ("- GPU power:
        # 25.2 kWh at $0.12/kWh = $3.02", "- 700K input tokens @ GPT-4o Mini: $1.05")
        le = view.find("\n", q.end)
        if not _MONEY_ENDS_LINE_RE.search(view[q.end:le if le >= 0 else len(view)]):
            return None
    if not _BULLET_LINE_RE.match(view, ls):
        return None
    lead = _list_lead_in(view, ls)
    if lead and (m := _LEAD_IN_PERIOD_RE.search(lead)):
        return _LIST_PERIODS[m.group("p").lower()]
    # the list's other items, up to the first line that is not one
    lo = ls
    while lo > 0:
        pl = view.rfind("\n", 0, lo - 1) + 1
        if not _BULLET_LINE_RE.match(view, pl):
            break
        lo = pl
    hi = ls
    while hi < len(view):
        nl = view.find("\n", hi)
        if nl < 0:
            hi = len(view)
            break
        if not _BULLET_LINE_RE.match(view, nl + 1):
            hi = nl
            break
        hi = nl + 1
    block = view[lo:hi]
    if "otal" not in block:
        return None
    for line in block.split("\n"):
        if "otal" in line and (m := _LIST_TOTAL_PERIOD_RE.match(line)):
            return _LIST_PERIODS[m.group("p").lower()]
    return None


#: a column of parts of a whole: "% of TCO", "% of Total", "% of total cost" (what the row's words
#: say, a rate or a margin, is the row's figure in another column)
_SHARE_OF_COLUMN_RE = re.compile(r"(?i)[\s*_(]*%[ \t]+of[ \t]+(?:the[ \t]+)?[A-Za-z]")
# "±20%", "± 2%", "+/- 2%", "+/-2%" just before a percent: plus or minus it (a range about nothing, or a
# tolerance), the sign and at most one space
_PLUS_MINUS_BEFORE_RE = re.compile(r"(?:±|\+/-)[ \t\u00a0]?$")
_LABEL_WORD_BEFORE_RE = re.compile(r"(?<![\w.-])([A-Z][a-z]{2,})[ \t\u00a0]+$")


#: a word and a number with a letter after it, "Ripple 1A", "Ripple 1C" (the letters but B): each
#: a list's label (:func:`_enumeration_label`); a number here is all digits, points, commas and
#: underscores, as the grammar's numbers before a letter are
_LABEL_SIBLING_RE = re.compile(r"(?<![\w.-])([A-Z][a-z]{2,})[ \t\u00a0]+([0-9.,_]+)[ACDEFGHIJ]\b")
_LABEL_NUM_RE = re.compile(r"[0-9.,_]+")
#: the last text's (word, number) of its labels, kept by the text's identity (as :data:`_YEARLY_MEMO`)
_LABELS_MEMO: list = [None, frozenset()]


def _enumeration_label(view: str, start: int, num: str) -> bool:
    """Whether "1B" at ``start`` after a word ("Ripple 1B") is one of a list's labels: the same word
    stands elsewhere with the same number and another letter ("Ripple 1A", "Ripple 1C"), which no
    model name does (a size has no sibling "1A"). The text's labels are read once for it."""
    m = _LABEL_WORD_BEFORE_RE.search(view, max(0, start - 24), start)
    if not m:
        return False
    if not _LABEL_NUM_RE.fullmatch(num):  # (a number the read labels could not hold: looked for alone)
        # (the word's letters first, then the look-behind that makes it a word's first: the engine
        # scans the text for the literal in C instead of trying the look-behind at every position)
        w = m.group(1)  # (letters only: no character to escape)
        return re.search(w + r"(?<![\w.-]" + w + r")[ \t\u00a0]+" + re.escape(num) + r"[ACDEFGHIJ]\b", view) is not None
    if _LABELS_MEMO[0] is not view:
        _LABELS_MEMO[0], _LABELS_MEMO[1] = view, frozenset(mm.groups() for mm in _LABEL_SIBLING_RE.finditer(view))
    return (m.group(1), num) in _LABELS_MEMO[1]
# a column of how much more (or less) one thing costs or does than another
# (or than the year or quarter before: "| YoY % |", "| Y/Y |", "| QoQ |")
_PREMIUM_COLUMN_RE = re.compile(r"(?i)\b(?:(?P<more>premium|mark-?up|surcharge|uplift)|increase|growth|change|chg)\b"
                                r"|(?:^|[\s(*_])(?:Δ|∆)[ \t]*(?:%|\(%\))?[*_ \t]*$"
                                r"|^[*_ \t]*(?:yoy|y/y|qoq|q/q)(?:[ \t]*(?:%|\(%\)|growth|change))?[*_ \t]*$")


# a percentage stated as growth per year: after it ("30% a year", "15% annual growth rate",
# "2-3% annual load growth", "25.9% CAGR") or before it ("grow annually by", "a compound
# annual growth rate of"); "year over year" is a change over one year, not an average
_PER_YEAR_AFTER_RE = re.compile(
    r"(?i)[ \t]*(?:(?P<per>(?:a|per|each|every)[ \t]+year\b(?![ \t]+(?:over|on)\b)|annually\b|yearly\b|per[ \t]+annum\b"
    r"|/(?:year|yr)\b)|(?:compound(?:ed)?[ \t]+)?annual(?:i[sz]ed)?(?:[ \t]+[a-z]+){0,2}?[ \t]+(?:growth|increase|decline)\b"
    r"|CAGR\b|average[ \t]+(?:year[- ]over[- ]year|year[- ]on[- ]year|annual|yearly)[ \t]+(?:growth|increase)\b"
    r"|(?:[a-z]+[ \t]+)?growth[ \t]+rates?\b|terminal[ \t]+growth\b)")
_PER_YEAR_BEFORE_RE = re.compile(
    r"(?i)(?:\b(?:grow|grows|grew|growing|grown|increase[sd]?|increasing|rise|rises|rising|rose)[ \t]+annually"
    r"|\bannual(?:i[sz]ed)?[ \t]+(?:growth|increase)(?:[ \t]+rate)?|\bCAGR|\bcompound(?:ed)?[ \t]+annual[ \t]+growth"
    r"(?:[ \t]+rate)?|\baverage[ \t]+(?:year[- ]over[- ]year|year[- ]on[- ]year|annual|yearly)[ \t]+(?:growth|increase)"
    r"(?:[ \t]+rate)?)[ \t]+(?:(?:by|of|at|is|was|around|about|roughly|nearly|of[ \t]+about)[ \t]+)*~?$")


# a period set against the same period a year (a quarter) before, right after a percentage:
# "+162% YoY", "40% year-over-year", "12% Q/Q", "3% sequentially" (against the quarter before; not
# "year over year growth" of an average)
_OVER_LAST_PERIOD_AFTER_RE = re.compile(r"(?i)[ \t*_]*(?:yoy|y/y|qoq|q/q|(?:year|quarter)[- ](?:over|on)[- ](?:year|quarter)|sequentially)\b"
                                        r"(?![ \t]+(?:average|avg))")
# a percentage of what another version of the thing scores, kept or reached: "96% of the total
# retrieval performance", "performance retention of 99%", "pushes the performance to 96.45%", a
# column "Percentage of default performance" or "% of float32 score": a ratio of the two scores in
# percent (a quantized model's score is no part of the full one's), never a share
_PERF_WORDS = r"(?:performance|accuracy|quality|score)"
_RETAINED_AFTER_RE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?(?:(?:total|full|default|original|baseline"
                                r"|float32|fp32|fp16|bf16|full-precision|unquantized|retrieval)[ \t]+)*" + _PERF_WORDS + r"\b", re.I)
_RETAINED_BEFORE_RE = re.compile(r"(?i)\b(?:(?:retain|preserv|keep|kept)\w*|" + _PERF_WORDS + r"[ \t]+(?:retention|to)"
                                 r"|retention[ \t]+of)[ \t]+(?:(?:of|up[ \t]+to|about|around|roughly|nearly|over|more[ \t]+than"
                                 r"|almost)[ \t]+)*~?$")
_RETAINED_COLUMN_RE = re.compile(r"(?i)\b(?:percentage|%)[ \t]+of[ \t]+(?:the[ \t]+)?(?:[a-z0-9-]+[ \t]+)?" + _PERF_WORDS + r"\b"
                                 r"|\bretention\b")


def _retained(view: str, q, cell) -> bool:
    """Whether a percentage is what a thing keeps of another version's performance (see
    _RETAINED_AFTER_RE)."""
    if cell is not None:
        if _RETAINED_COLUMN_RE.search(cell.column):
            return True
        # or the row's label: "| **Percentage of default performance** | 100% | ~99.3% |"
        lo = view.rfind("\n", 0, q.start) + 1
        a = view.find("|", lo, q.start)
        b = view.find("|", a + 1, q.start) if a >= 0 else -1
        return b > a >= 0 and _RETAINED_COLUMN_RE.search(view, a, b) is not None
    if _RETAINED_AFTER_RE.match(view, q.end):
        return True
    lo = max(0, q.start - 60)
    return any(w in view[lo:q.start] for w in ("retain", "reserv", "keep", "kept", "retention", " to "))\
        and _RETAINED_BEFORE_RE.search(view, lo, q.start) is not None


# "off" right after a percentage: so much off a price ("(50% OFF)", "50% off list"), not "off-peak"
_OFF_AFTER_RE = re.compile(r"[ \t*_]*(?i:off)\b(?!-)")
#: a column of a cached price ("Cached Input", "Cache Read", "Cache hits"), and a money amount then an
#: opening bracket right before a percent in its cell ("$0.125 (90%)")
_CACHED_PRICE_COLUMN_RE = re.compile(r"(?i)\bcach(?:ed|e|ing)\b")
_MONEY_BRACKET_BEFORE_RE = re.compile(r"[$€£][ \t]?[0-9][0-9,]*(?:\.[0-9]+)?[ \t*_]*\([ \t]*$")
# a change's pace named yearly before it: "at an annual rate of", "at a yearly pace of"
_ANNUAL_PACE_BEFORE_RE = re.compile(r"(?i)\b(?:annual(?:i[sz]ed)?|yearly)(?:[ \t]+(?:average|growth))*[ \t]+(?:rate|pace)"
                                    r"[ \t]+of[ \t]+(?:(?:about|around|roughly|nearly)[ \t]+)?~?$")
_READ_BEFORE_RE = re.compile(r"(?i)\b(?:reading|read)[ \t]+time\**[ \t]*[:=-]?[ \t]*\**[ \t]*~?$")
# (the "f" first, then the look-behind that makes it a word's first: scanned for in C)
_FACTOR_OF_RE = re.compile(r"[Ff](?<!\w[Ff])(?i:actor\s+of\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|almost\s+|over\s+|~)?$)")
# "multiply that number by 25", "When multiplied by 25": how many times (a bare number after it)
_MULTIPLIED_BY_RE = re.compile(r"(?i)\bmultipl(?:y|ied|ies|ying)(?:[ \t]+[a-z]+){0,3}[ \t]+by[ \t]+$")
# "reduced by a 5.75 factor": the factor's number before the word
_BY_A_RE = re.compile(r"(?i)\bby[ \t]+an?[ \t]+$")


# a yearly cost as a share of a capital sum: depreciation, amortisation, maintenance or a
# reserve, at a percentage a year
_CAPITAL_SHARE_RE = re.compile(r"(?i)\b(?:depreciat|amorti[sz]|maintenance|reserve|write-?down|write-?off)")


# the period said right after the percentage ("33 per cent annual depreciation", "the 6 per cent
# annual rate") or right before it ("annual depreciation is 6 per cent", "quarterly depreciation of
# 9.5 per cent")
_SHARE_PERIOD_AFTER_RE = re.compile(r"[ \t]*(?P<p>annual|yearly|quarterly)\b(?![ \t]+(?:growth|increase|revenue|sales|spend))")
_SHARE_PERIOD_BEFORE_RE = re.compile(
    r"(?i)\b(?P<p>annual|yearly|quarterly)[ \t]+(?:[a-z]+[ \t]+)?(?:depreciation|amorti[sz]ation|write-?downs?)"
    r"[ \t]+(?:rate[ \t]+)?(?:is|was|of|at|runs[ \t]+at|running[ \t]+at)[ \t]+(?:(?:about|around|roughly|nearly|some|only)[ \t]+)?[~≈]?$")
_SHARE_PERIOD = {"annual": "year", "yearly": "year", "quarterly": "quarter"}


def _yearly_share(view: str, s: int, e: int) -> str | None:
    """"depreciating at 6 per cent annually", "depreciation runs at 30-40% per year", "annual
    depreciation is 6 per cent", "quarterly depreciation of 9.5 per cent": a percentage a year
    (a quarter) in a clause about depreciation (or maintenance, a reserve); the period it is
    per, or None."""
    lo = max(view.rfind(".", 0, s), view.rfind("\n", 0, s), s - 120)
    m = _PER_YEAR_AFTER_RE.match(view, e)
    if m is not None and m.group("per"):
        return "year" if _CAPITAL_SHARE_RE.search(view, lo, s) is not None else None
    b = _SHARE_PERIOD_BEFORE_RE.search(view, max(lo, s - 60), s)
    if b is not None:
        return _SHARE_PERIOD[b.group("p").lower()]
    a = _SHARE_PERIOD_AFTER_RE.match(view, e)
    # its whole sentence, a decimal point no end ("δ = 0.095 (≈33 per cent annual)")
    sentence_lo = max(view.rfind(". ", 0, s) + 1, view.rfind("\n", 0, s), s - 120)
    if a is not None and _CAPITAL_SHARE_RE.search(view, sentence_lo, min(len(view), a.end() + 40)) is not None:
        return _SHARE_PERIOD[a.group("p").lower()]
    return None


#: percent comparisons of two things, not of one thing over time: "20-30% more per year" is no growth rate
_COMPARED_NOT_OVER_TIME = ("more", "less", "higher", "lower")


def _per_year(view: str, s: int, e: int, compare: str | None) -> bool:
    """Whether the percentage at [s, e) is growth per year. A bare "a year" after it ("8% a
    year") makes it one only when a verb made it a change ("grew 8% a year"): a discount
    rate or an interest rate is a percentage a year too."""
    m = _PER_YEAR_AFTER_RE.match(view, e)
    if m is not None:
        return not m.group("per") or compare in ("up", "down")
    if compare in ("up", "down") and _ANNUAL_PACE_BEFORE_RE.search(view, max(0, s - 60), s) is not None:
        return True  # "increasing at an annual rate of 30%" (an interest rate is "an annual rate" too)
    return _PER_YEAR_BEFORE_RE.search(view, max(0, s - 60), s) is not None


# one more number of a list after a bare one: ", 3", ", or 6", " or 6", " and 12"
# (a hyphen left hanging before the link gives the number the unit of the next: "1- or 3-year
# terms", "6-, 12- or 24-month contracts")
_LIST_NEXT_RE = re.compile(r"(?:-(?=[ \t]*,|[ \t]+(?:or|and)[ \t]))?"
                           r"[ \t]*(?:,[ \t]*(?:(?:or|and)[ \t]+)?|[ \t]+(?:or|and|vs\.?|versus)[ \t]+)(?=[0-9])")


_LIST_BEFORE_RE = re.compile(r"(?<![0-9.,])[0-9]+(?:\.[0-9]+)?[ \t]*,[ \t]*$")


# a verb of spending or earning right before a number that has a scale but no unit
_MONEY_VERB_BEFORE_RE = re.compile(r"(?i)\b(?:spen[dt]s?|spending|invest(?:s|ed|ing)?|rais(?:e[sd]?|ing)|pa(?:y|ys|id|ying)"
                                   r"|earn(?:s|ed|ing)?|cost(?:s|ing)?|splurg(?:e[sd]?|ing)|pour(?:s|ed|ing)?)"
                                   r"[ \t]+(?:(?:over|about|around|nearly|almost|roughly|some|more than|less than|up to)[ \t]+)?$")

# a noun that only an amount of money is said of, right after a bare scaled number ("a 10bn
# investment", "its 2 billion funding round"): the number is dollars
_MONEY_NOUN_AFTER_RE = re.compile(r"[ \t]+(?:investments?|deals?|contracts?|funding|valuation|acquisition|buyout"
                                  r"|bailout|subsid(?:y|ies)|budgets?|capex|loans?|settlement)\b")


def _list_unit(view: str, q: Quantity, gpus) -> Quantity | None:
    """The last number of a list of numbers that only it gives a unit ("1, 3, 6 or 12 months",
    "8, 16 and 32 GB", "1, 3, 12, 36-month terms", "312 vs 989 TFLOPS"), when ``q`` is a bare
    number of that list: at most nine numbers, each bare but the last, in one line; two
    numbers only with "or", "and" or "vs" between them."""
    p = q.end
    for n in range(2, 10):
        m = _LIST_NEXT_RE.match(view, p)
        if m is None or "\n" in view[q.end:m.end()]:
            return None
        nq = parse_at(view, m.end(), gpu_aliases=gpus)
        if nq is None or nq.spelled or nq.ratio or looks_like_year(nq):
            return None
        if nq.has_unit:
            if n == 2 and not re.search(r"\b(?:or|and|vs|versus)\b", m.group(0)) \
                    and not _LIST_BEFORE_RE.search(view, max(0, q.start - 16), q.start):
                return None  # "1000, 10-token generations": two numbers a comma parts are no list
            return nq if not nq.den or nq.cur or nq.atom else None
        if nq.scale:
            return None  # "1, 2 and 3B": sizes of models, named elsewhere
        p = nq.end
    return None


# a bare number's part of a sum whose next part names the unit: "16M input + 1.6M output tokens",
# "10M input and 2M output tokens", "16 + 8 GB"
_SUM_NEXT_RE = re.compile(r"[ \t]+(?:(?P<mod>(?i:input|output|prompt|completion|cached))[ \t]+)?(?P<op>\+|(?i:plus|and))[ \t]+"
                          r"(?=[0-9])")


def _sum_unit(view: str, q: Quantity, gpus) -> tuple[Quantity, str | None] | None:
    """The unit (and the kind of token, input or output) that the next part of a sum states when
    ``q`` is its bare first part: "16M input + 1.6M output tokens". Only a "+" or "plus" joins two
    parts without a kind named; "and" needs one ("16M input and 2M output tokens"), since "2 and
    4 GB" is a list (:func:`_list_unit`)."""
    after = view[q.end:q.end + 24]
    if after[:1] not in (" ", "\t") or "+" not in after and "plus" not in after and " and " not in after \
            or looks_like_year(q):
        return None  # (plain substring tests before the pattern)
    m = _SUM_NEXT_RE.match(view, q.end)
    if m is None or m.group("op").lower() == "and" and not m.group("mod"):
        return None
    nq = parse_at(view, m.end(), gpu_aliases=gpus)
    if nq is None or nq.spelled or nq.ratio or nq.percent or nq.cur or not nq.atom or looks_like_year(nq):
        return None
    if bool(m.group("mod")) != bool(nq.mod) or q.scale is None and nq.scale is not None:
        return None  # "16M input + 1.6M tokens"; "16 + 1.6M tokens": the parts' kinds or scales disagree
    return nq, m.group("mod")


def _take_sum_unit(q: Quantity, nq: Quantity, mod: str | None) -> None:
    q.atom, q.count, q.den, q.den_count, q.scope = nq.atom, nq.count, nq.den, nq.den_count, nq.scope
    q.mod = mod.lower() if mod else None
    q.hint = q.hint or nq.hint
    q.form = "listed"


# a line that says its amounts are yearly rates ("**December 2025 (annualized)**: ~$30.8B combined",
# "Revenue run rate:"), not itself a list item, and the list right under it
_YEARLY_LEAD_RE = re.compile(r"(?i)(?![ \t]*(?:[-*+•]|[0-9]{1,2}[.)])[ \t])[^\n]*\b(?:annuali[sz]ed|run[- ]rate|ARR)\b[^\n]*\n")
_YEARLY_WORDS = ("nnualiz", "nnualis", "un rate", "un-rate", "un Rate", "ARR")
_LIST_LINE_RE = re.compile(r"[ \t]*[-*+•][ \t][^\n]*(?:\n|$)")


#: the last text's spans (:func:`_yearly_list_spans`), kept by the text's identity: one text is
#: read at a time, and an ``lru_cache`` on a text of megabytes measured slower than this
_YEARLY_MEMO: list = [None, ()]


def _yearly_list_spans(view: str) -> tuple:
    """The spans of the lists right under a line of yearly rates (:data:`_YEARLY_LEAD_RE`)."""
    if _YEARLY_MEMO[0] is view:
        return _YEARLY_MEMO[1]
    spans = _yearly_spans(view)
    _YEARLY_MEMO[0], _YEARLY_MEMO[1] = view, spans
    return spans


def _yearly_spans(view: str) -> tuple:
    hits = []
    for word in _YEARLY_WORDS:  # (the words first, found as plain text: the lines are read only around them)
        k = view.find(word)
        while k >= 0:
            hits.append(k)
            k = view.find(word, k + 1)
    if not hits:
        return ()
    spans = []
    done = -1
    for k in sorted(hits):
        lo = view.rfind("\n", 0, k) + 1
        if lo <= done:
            continue
        m = _YEARLY_LEAD_RE.match(view, lo)
        if m is None:
            continue
        done = pos = m.end()
        while (lm := _LIST_LINE_RE.match(view, pos)) is not None and lm.end() > pos:
            pos = lm.end()
        if pos > m.end():
            spans.append((m.end(), pos))
    return tuple(spans)


def _in_yearly_list(view: str, pos: int) -> bool:
    """Whether ``pos`` is in a list whose lead line says its amounts are yearly: "**December 2025
    (annualized)**: ~$30.8B combined" over "- OpenAI: $20B", "- Anthropic: $10B" (each a run rate)."""
    spans = _yearly_list_spans(view)
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def _take_list_unit(q: Quantity, lq: Quantity) -> None:
    """Give a bare number of a list the unit its list's last number states (its scale word too:
    "1, 2 or 5 million tokens", never a scale letter glued to the last number)."""
    if lq.scale and not q.scale and lq.scale in ("thousand", "million", "billion", "trillion"):
        q.scale = lq.scale
    q.cur, q.percent, q.atom, q.count = lq.cur, lq.percent, lq.atom, lq.count
    q.den, q.den_count, q.scope = lq.den, lq.den_count, lq.scope
    q.hint = q.hint or lq.hint
    q.form = "listed"


# a parenthesis that breaks a count down into its kinds, two or more of them ("200,000+ GPUs
# operational (150K H100, 50K H200, 30K+ GB200)")
_BREAKDOWN_PARENS_RE = re.compile(r"\([ \t]*[0-9][0-9,.]*[KkM]?\+?[ \t]+[A-Za-z][\w-]*[ \t]*,[ \t]*[0-9]")


def _breakdown_in_parens(view: str, pos: int) -> bool:
    """Whether the parenthesis ``pos`` is in lists counts of two kinds or more: a cell's prose
    breaking a count down, not the count a row's figure is for ("| Llama 70B (8 GPUs) |")."""
    lo = view.rfind("(", max(0, pos - 60), pos)
    return lo >= 0 and _BREAKDOWN_PARENS_RE.match(view, lo) is not None


def _in_parens(view: str, pos: int) -> bool:
    lo = view.rfind("(", max(0, pos - 40), pos)
    return lo >= 0 and view.find(")", lo, pos) < 0


def _form(q: Quantity, cell) -> str:
    form = q.form
    if form in ("unit", "currency") and q.den:
        form += "-rate"
    if q.percent and q.compare:
        form = "compare"
    return ("table-" if cell is not None else "") + form


#: "slower" right after a percent: a slow-down, which grammar reads as a relative difference only
#: when a time follows ("30% slower TTFT")
_SLOWER_AFTER_RE = re.compile(r"[ \t*_]*(?i:slower)\b")
#: "cheaper" or "less" right after a percent: a price said to be lower
_CHEAPER_AFTER_RE = re.compile(r"[ \t*_]*(?i:cheaper|less)\b")
#: a pricing scheme of rented machines named shortly before, on the same line and in the same
#: clause ("Spot instances: 90% cheaper", "reserved capacity is 40% cheaper")
_PRICING_SCHEME_BEFORE_RE = re.compile(r"(?i)\b(?:spot|pre-?emptible|interruptible|reserved|committed[- ]use)\b"
                                       r"[^\n.;!?]{0,40}$")


def _scheme_discount(view: str, start: int, end: int, compare: str | None, cell) -> bool:
    """Whether a percent "cheaper" is said of a pricing scheme against its list price (spot or
    reserved instances against on-demand ones): a ``price-discount`` of the percent, not a change
    (docs/data-format.md's *percent difference*). Prose only."""
    return cell is None and compare == "lower" and bool(_CHEAPER_AFTER_RE.match(view, end)) \
        and bool(_PRICING_SCHEME_BEFORE_RE.search(view, max(0, start - 60), start))


def _compared(low: float, high: float, compare: str, cell=None, of_time: bool = False):
    """Percent comparison -> (low, high, unit, property hint). A verb or a noun of change makes a
    signed change ("up 233%" +233%, "down 40%" -40%); a noun of a relative difference a ratio ("a
    60% premium" 1.6), but a saving or a discount is a percent difference, a signed change ("75%
    savings" -75; "30% slower TTFT", a slow-down stated of a time (``of_time``), stays a ratio of
    the times, 0.7): docs/data-format.md's *Readings the curation settles*. A comparative adjective in a table cell makes a signed
    change, in a table cell ("| 99.69 | 166.9 | ✅ 57% faster |" +57%, "| 0.54 | 0.42 | 20% less |"
    -20%: most often ``derived: a / b - 1`` of two cells of its row) as in prose ("40% more
    capital" +40%, "20% lower" -20%), docs/data-format.md's *percent difference*. A speed-up
    stated of a time ("30% faster TTFT") comes here as a noun's "more", a ratio of the times."""
    if compare == "more":
        return _round(1 + low / 100), _round(1 + high / 100), "x", "ratio"
    if compare == "less" and of_time:
        return _round(1 - high / 100), _round(1 - low / 100), "x", "ratio"
    if compare in ("down", "lower", "less"):
        return -high + 0.0, -low + 0.0, "percent", "change"  # (+ 0.0: no negative zero)
    return low, high, "percent", "change"


_PER_ITEM_ATOMS = {"J", "kJ", "Wh", "kWh", "mL", "liter", "gCO2e", "kgCO2e"}


def _row_start(view: str, pos: int) -> int:
    """Where the table row holding ``pos`` starts, or 0 outside a table row (a line not opening
    with "|")."""
    ls = view.rfind("\n", 0, pos) + 1
    return ls if view[ls:pos].lstrip().startswith("|") else 0


def _apply_header(q: Quantity, h: Quantity) -> None:
    """Complete a cell's quantity with what its header says ("~3.1M" under "GPU-Hours")."""
    if q.ratio and h.count and h.atom and not (q.percent or q.cur or q.den or h.cur or h.den):
        q.ratio = False  # "| 8x |" under "| Count |": so many of the row's things, no multiple
        q.atom, q.count, q.form = h.atom, h.count, "header"
        return
    if not q.has_unit:
        if h.cur:
            q.cur = h.cur
            if h.scale and not q.scale:
                q.scale = h.scale
        elif h.percent:
            q.percent = True
            q.hint = q.hint or h.hint
        elif h.ratio and not h.atom:  # a fraction under a percent column that writes fractions
            q.ratio = True
            q.hint = q.hint or h.hint
        elif h.atom:
            if q.spelled:
                return
            q.atom, q.count = h.atom, h.count
            q.hint = q.hint or h.hint
            q.scope = q.scope or h.scope  # ("| Cores per SM |": what one count covers)
        else:
            return
        q.form = "header"
    elif q.cur and q.cur == h.cur and h.scale and not q.scale and not q.den and not q.atom and not h.den and not h.atom:
        # "| 2024 | $77 | +45% |" under "| Period | Capex ($B) |": the column's scale, the cell writing
        # its currency sign again; 77 billion dollars, not 77 dollars
        q.scale = h.scale
        q.form = "header"
    if q.cur and not q.den and not q.atom and h.den and (h.cur or not h.atom):
        q.den, q.den_count = h.den, h.den_count
        q.scope = q.scope or h.scope
        if q.form != "header":
            q.form = "header"
    elif q.atom and not q.den and h.den and (h.atom == q.atom or h.atom is None and not h.cur and not h.percent
                                             and q.atom in _PER_ITEM_ATOMS and h.den in ("token", "query")):
        q.den, q.den_count = h.den, h.den_count  # "0.02 Wh" in a table of the impact per token


def _join_range(a: Quantity, b: Quantity):
    """(low, high, unit-bearing quantity, low_text, high_text) for "a to b", or None."""
    if not a.has_unit and a.scale is None:
        return a.value, b.value, b, a.num_text, b.num_text
    if not a.has_unit and a.scale == b.scale:
        return a.value, b.value, b, a.num_text, b.num_text
    if a.cur and not a.atom and not a.den and b.cur == a.cur:
        if a.scale == b.scale:
            return a.value, b.value, b, a.num_text, b.num_text
        if a.scale is None and b.scale:
            return a.value, b.value, b, a.num_text, b.num_text
        f = scale_factor(b.scale) / scale_factor(a.scale)
        a.den, a.den_count = b.den, b.den_count
        return a.value, _round(b.value * f), a, a.num_text, None
    if a.cur and a.den and not a.atom and b.cur == a.cur and not b.den and not b.atom and a.scale == b.scale:
        # "my monthly costs are around $5-6": the period named before the range is both ends'
        b.den, b.den_count, b.scope = a.den, a.den_count, b.scope or a.scope
        return a.value, b.value, b, a.num_text, b.num_text
    if not a.has_unit and a.scale != b.scale:
        return None
    if a.ratio and b.ratio or a.percent and b.percent:
        return a.value, b.value, b, a.num_text, b.num_text
    ua, ub = unit_text(a), unit_text(b)
    if ua == ub:
        return a.value, b.value, b, a.num_text, b.num_text
    if a.den and b.den and a.den != b.den:
        return None  # "$12/month—roughly $0.018/hour": one price said per two periods, no range
    if not (a.count or b.count) and same_dimension(ua, ub):
        f = unit_factor(ub, ua)
        if f is not None:
            return a.value, _round(b.value * f), a, a.num_text, None
    return None


def _round(x: float) -> float:
    return float(f"{x:.12g}")


_READ_RE = re.compile(r"\s+(?:read|watch|listen)\b", re.I)
_PRODUCT_AFTER_RE = re.compile(r"[ \t]?[A-Z]+[A-Za-z]*[0-9]+[A-Za-z]*")
_FREQUENCY_AFTER_RE = re.compile(r"[ \t]+(?:per|a|an|each|every)[ \t]+[a-z]")
_NUMBER_AFTER_RE = re.compile(r"[ \t]*[$0-9]")  # not across a line end: "it's 3x\n3. The ..."


def _same_dimension(a: str, b: str) -> bool:
    """Whether two unit atoms measure the same thing ("TFLOPS" and "GFLOPS"; not "token" and
    "character", both counts of their own kind)."""
    from kb.core.units import dimensionality, UnitError
    try:
        return dimensionality(a) == dimensionality(b) and dimensionality(a) not in ("", "dimensionless", "a plain number")
    except (UnitError, ValueError, KeyError):
        return False


# a unit named before "=" that the number after defines: a prefixed unit spelled out ("Kilo FLOPS =",
# "Gigabyte =")
_ONE_UNIT_BEFORE_RE = re.compile(r"(?<![0-9.,])1[ \t]*[A-Za-z/]+[ \t]*=[ \t]*$")
_UNIT_DEFINED_BEFORE_RE = re.compile(r"\b(?i:kilo|mega|giga|tera|peta|exa)[ -]?[A-Za-z]+[ \t]*=[ \t]*$")
# a year before the singular "year" or before a unit's capitalised name (a journal: "Joule")
_YEAR_NUMBER_RE = re.compile(r"(?:19|20)[0-9]{2}")
_YEAR_NAMED_AFTER_RE = re.compile(r"[ \t]+(?:year(?![A-Za-z])|Joule(?![A-Za-z]))")
# a Markdown heading's opening hashes, and the title after a section number ("### 3.1 Rack Power")
# (the hashes right before a number, at a line's very start: not tables' MD_HEADING_RE, a whole line)
_HEADING_OPEN_RE = re.compile(r"(?:^|\n)#{1,6}[ \t]+$")
_SECTION_TITLE_RE = re.compile(r"[ \t]+[A-Z][a-z]")
# the family or maker a card's model number follows ("RTX Pro 6000", "NVIDIA 3090", "Radeon 7900",
# "Radeon RX 9070 XT"): CARD_SERIES and more families, and Nvidia's name (not AMD's, as grammar's
# CARD_MAKERS has it)
_CARD_FAMILY_BEFORE_RE = re.compile(r"\b(?:" + CARD_SERIES + r"|GTX|RX|NVIDIA|Nvidia|Radeon|Titan|TITAN|Arc|Instinct)[ \t]+\[?$")
# an accelerator family whose generations are numbered after its name ("TPU 8", "Gaudi 3", "Trainium 3",
# "Maia 200", "Ascend 910"): the number right after it names the chip
_CHIP_FAMILY_BEFORE_RE = re.compile(r"\b(?:TPU|Trainium|Inferentia|Gaudi|Maia|MTIA|Ascend)[ \t]+v?$")


# a multiplier in a table cell ("| 2.99x speedup |", "| up to 45x |", "| **4.3x** |")
_CELL_MULTIPLE_RE = re.compile(r"\|[ \t*_]*(?:[A-Za-z~≈]+[ \t]+)*[0-9][0-9.,]*[ \t]?[x×](?![A-Za-z0-9])")


def _baseline_cell(view: str, start: int, end: int) -> bool:
    """Whether the "1x" at ``start`` is a table's baseline: a cell of a row, "(baseline)" after it, or
    another multiplier in a cell of its row ("| `float32` | 1x (baseline) |", "| **Retrieval Speed** |
    1x | up to 4x |"). (Not a multiplier in the rows next to it: on dev-A that drafted two 1x that
    match no claim.)"""
    ls = view.rfind("\n", 0, start) + 1
    if view[ls:ls + 1] != "|":
        return False
    if "baseline" in view[end:end + 16].lower():
        return True
    lo = ls
    hi = view.find("\n", end)
    hi = len(view) if hi < 0 else hi
    return any(m.start() + 1 > end or m.end() <= start for m in _CELL_MULTIPLE_RE.finditer(view, lo, hi)
               if view[m.end() - 2:m.end() - 1] != "1" or view[m.end() - 3:m.end() - 2].isdigit()
               or view[m.end() - 3:m.end() - 2] == ".")


def _reject(view: str, q: Quantity, end: int, value: float) -> bool:
    """Furniture and non-claims that parse like quantities."""
    if q.ratio:
        if value == 1 and not q.spelled and view[q.start:q.start + 1] not in ("x", "×") \
                and not _baseline_cell(view, q.start, end):
            return True  # "1x" playback speed (not a table's "x1.0", the baseline its speedups are of)
        nxt = view[end:end + 12]
        pm = _PRODUCT_AFTER_RE.match(nxt)
        if pm and float(value).is_integer() and not GPU_COMPARED_RE.match(view, end + pm.end()):
            return True  # "8x H100" (when no count was read): a product, not a ratio ("4.6x A100",
            # "2x H100 performance" are so many times what it does)
        if _NUMBER_AFTER_RE.match(nxt) and not q.spelled:
            return True  # "256 x 102 x $98.32": arithmetic, not a ratio
        if _FREQUENCY_AFTER_RE.match(view, end) and view[max(q.start, end - 5):end].lower() == "times":
            return True  # "four times per layer", "three times a year": how often, no multiplier
    if q.percent and value == 0 and not q.compare:
        return True  # "Loaded: 0%"
    if q.atom and not q.scale and _YEAR_NUMBER_RE.fullmatch(q.num_text) \
            and _YEAR_NAMED_AFTER_RE.match(view, q.start + len(q.num_text)):
        return True  # "the 2026 year of personal agents", "a 2024 Joule analysis" (the journal): a year
    if q.has_unit and not q.cur and "=" in view[max(0, q.start - 3):q.start] \
            and _UNIT_DEFINED_BEFORE_RE.search(view, max(0, q.start - 40), q.start):
        return True  # "Kilo FLOPS = 1,000 FLOPS": a unit defined, no claim
    if q.atom and not q.cur and "=" in view[max(0, q.start - 3):q.start] \
            and (om := _ONE_UNIT_BEFORE_RE.search(view, max(0, q.start - 24), q.start)) is not None \
            and (q0 := parse_at(view, om.start())) is not None and q0.atom and q0.atom != q.atom \
            and _same_dimension(q0.atom, q.atom):
        return True  # "1 TFLOPS = 1,000 GFLOPS": one unit put in another
    if "." in q.num_text and not q.scale and _HEADING_OPEN_RE.search(view, max(0, q.start - 8), q.start) \
            and _SECTION_TITLE_RE.match(view, q.start + len(q.num_text)):
        return True  # "### 3.1 Rack Power Evolution": a section's number
    if q.atom == "GPU" and q.num_text.isdigit() and len(q.num_text) >= 3 \
            and _CARD_FAMILY_BEFORE_RE.search(view, max(0, q.start - 12), q.start):
        return True  # "RTX Pro 6000 GPUs", "a used NVIDIA 3090 GPU": the card's model number, no count
    if q.atom == "GPU" and q.num_text.isdigit() and _CHIP_FAMILY_BEFORE_RE.search(view, max(0, q.start - 14), q.start):
        return True  # "Google's TPU 8 chips", "Gaudi 3 chips", "Maia 200 chips": the chip's generation, no count
    if q.atom in ("year", "month", "week", "day") and not q.den and _USE_PERIOD_AFTER_RE.match(view, end):
        return True  # "1 year of electricity for 75 homes": the yardstick of a comparison
    if q.atom in ("min", "s", "hour") and (_READ_RE.match(view, end)
                                           or _READ_BEFORE_RE.search(view, max(0, q.start - 24), q.start)):
        return True  # "6 min read", "Reading Time: 6 minutes"
    if q.atom == "s" and not q.den and re.fullmatch(r"[0-9]{4}", q.num_text) \
            and view[q.start + len(q.num_text):q.start + len(q.num_text) + 1] == "s" \
            and (re.fullmatch(r"(1[89]|20)[0-9]0", q.num_text)
                 or re.search(r"\b[A-Z]{2,5}[ -]?$", view[max(0, q.start - 8):q.start])
                 or re.match(r"s(?:/[0-9]{4}s\b|\s+of\s)", view[q.start + 4:q.start + 12])):
        return True  # the 1990s; "two RTX 3090s", "3090s/4090s": cards of a model number; "1000s of": no seconds
    return False


def _same_sentence(starts, a: int, b: int) -> bool:
    return bisect.bisect_right(starts, a) == bisect.bisect_right(starts, b)


# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------

_SKIP_COLUMN_RE = re.compile(r"(?i)^\W*(?:refs?|references?|footnotes?|sources?|rank|#|no\.?|year|date"
                             r"|quarter|release(?: date)?|launch(?:ed)?|version|license|links?)\W*$")
# a notes column: its numbers with units of their own are claims ("835 MW"), but it names no unit
_SIZE_CELL_RE = re.compile(r"[<>≤≥~]?\s*[0-9][0-9.,]*[KMB]?(?:\s*[-–]\s*[0-9][0-9.,]*[KMB])?\+?")
#: a column that names the unit of each row's figures: "Unit", "Units", "Unit of measure"
_UNIT_COLUMN_RE = re.compile(r"(?i)^\W*units?(?:[ \t]+of[ \t]+measure(?:ment)?)?\W*$")
_NOTES_COLUMN_RE = re.compile(r"(?i)^\W*(?:notes?|comments?|remarks?|details?)\W*$")


_PERIOD_WORDS = r"monthly|annual|annually|yearly|weekly|daily|hourly"
_PERIOD_DEN = {"monthly": "month", "annual": "year", "annually": "year", "yearly": "year", "weekly": "week",
               "daily": "day", "hourly": "hour"}
_PERIOD_TOTAL_RE = re.compile(r"(?i)^\W*(?:(?P<p>" + _PERIOD_WORDS + r")\s+(?:total|sum|cost|spend|bill)s?)\W*$")
_PERIOD_ONLY_RE = re.compile(r"(?i)\s*(?:" + _PERIOD_WORDS + r"|per (?:month|year|week|day|hour))\s*")
#: a column header that only says whose share its cells are ("Per User", "Per seat", "Cost per GPU")
_SCOPE_COLUMN_RE = re.compile(r"(?i)[\s*_]*(?:(?:cost|price|spend)\s+)?(?:per|each)\s+(?P<w>user|seat|head|person|employee"
                              r"|member|customer|GPU|card|node|server|instance)[\s*_]*")
_PERIOD_DENS = ("hour", "day", "week", "month", "year")
# a row label that names the period of its figures ("Monthly equivalent", "Per user per month")
_ROW_PERIOD_RE = re.compile(r"(?i)\b(?:(?P<w>" + _PERIOD_WORDS + r")"
                            r"|(?:per|a)\s+(?P<t>month|year|week|day|hour))\b")
_ROW_SCOPE_RE = re.compile(r"(?i)\bper\s+(?:user|seat|head|person|employee|member|customer)\b")


def _row_period(label: str) -> tuple[str, str | None] | None:
    """(period, scope) a row label names for its figures, the last period it says; None if none."""
    ms = list(_ROW_PERIOD_RE.finditer(_untag(label)))
    if not ms:
        return None
    m = ms[-1]
    den = _PERIOD_DEN.get((m.group("w") or "").lower()) or m.group("t").lower()
    return den, ("per-seat" if _ROW_SCOPE_RE.search(label) else None)


#: a column header that names a rate of money with no period ("Typical Market Rate", "Spot rate")
_RATE_COLUMN_RE = re.compile(r"(?i)\brates?\b")
# a header naming a pricing tier of rented compute ("On-Demand $/hr", "Spot/Preemptible", "Reserved (1yr)")
_TIER_HEADER_RE = re.compile(r"(?i)\b(?:on[- ]?demand|spot|preemptible|pre-emptible|interruptible|reserved|committed)\b")
# a header of a count per streaming multiprocessor or compute unit ("Cores per SM", "Tensor Cores / SM")
_PER_COMPUTE_UNIT_RE = re.compile(r"(?i)(?:\bper|/)\s*(?:SMs?|CUs?|streaming\s+multiprocessors?|compute\s+units?|Xe[- ]cores?)\b")
_MONEY_CELL_RE = re.compile(r"[\s*_~≈]*(?:(?i:from|about|up to)\s+)?[$€£]")


def _money_column(t: Table, c: int) -> bool:
    """Whether every filled cell of column ``c`` is an amount of money."""
    cells = _filled_cells(t, c)
    return bool(cells) and all(_MONEY_CELL_RE.match(_untag(x)) for x in cells)


def _filled_cells(t: Table, c: int) -> list[str]:
    """The texts of column ``c``'s cells that hold something ("n/a", "-" and blanks aside)."""
    return [row[c].text for row in t.rows if c < len(row) and not _EMPTY_CELL_RE.fullmatch(row[c].text)]


_LABEL_PARENS_RE = re.compile(r"\(([^)]*)\)")
#: what makes a label's parentheses an assumption or a kind, not the row's unit ("(@$170/kW/month)",
#: "(at $2/hr)", "(50% off)", "(400k context tier)"): a currency sign or a number
_LABEL_ASSUMED_RE = re.compile(r"(?i)[@$€£]|\d|^\s*(?:at|assuming|incl|excl|e\.g|vs)\b")
#: a denominator's scale, the one number a unit in a label's parentheses may hold ("(per 1M tokens)")
_LABEL_PER_SCALE_RE = re.compile(r"(?i)(?:\bper|/)\s*1\s?[KMB]\b")
#: a label's parentheses holding a currency and its scale alone ("$B", "$", "US$ millions", "in €M"):
#: the row's unit (a sign with a number, "(@$170/kW/month)", is an assumption)
_LABEL_MONEY_UNIT_RE = re.compile(r"(?i)[ \t]*(?:in[ \t]+)?(?:US|USD[ \t]*)?[$€£][ \t]*(?:[KMBT]|bn|mn|mm|m|k|b|"
                                  r"thousands?|millions?|billions?|trillions?)?[ \t]*")
_LABEL_SCALE_RE = re.compile(r"(?i)1\s?[KMB]\b|1,000(?:,000)?\b|(?:one\s+)?(?:thousand|million|milion|billion)\b")


def _label_parens(m: re.Match) -> str:
    """A row label's parentheses: kept when they name a period alone ("Engineering (monthly)") or
    the row's unit ("Speed (Tokens per Second)", "Output (per 1M tokens)"), left out otherwise
    ("Colocation (@$170/kW/month)": an assumption; "(CACHE HIT)": a kind)."""
    inner = m.group(1)
    if _PERIOD_ONLY_RE.fullmatch(inner):
        return m.group(0)
    if not _LABEL_ASSUMED_RE.search(_LABEL_PER_SCALE_RE.sub(" ", inner)) and header_unit(inner) is not None:
        return m.group(0)
    if _LABEL_MONEY_UNIT_RE.fullmatch(inner) and header_unit(inner) is not None:
        return m.group(0)  # "Revenue ($B)", "EPS ($)", "Capex (US$ millions)": the row's unit, no assumption
    return ""


#: a note that a table's prices are per so many tokens ("(per 1M tokens)" in its caption, "All prices
#: are per 1 million tokens (input / output)." under the heading above it): group "n" the count
# (the "p" or "/" first, "\b" as a look-behind after it: scanned for in C)
_TOKEN_PRICE_NOTE_RE = re.compile(r"[Pp/](?:(?<=[Pp])(?<!\w[Pp])(?i:er)|(?<=/))(?i:\s*(?:(?P<n>1\s?[KM]|1,000(?:,000)?"
                                  r"|one\s+million|1\s+million|million|one\s+thousand|thousand)\s*"
                                  r"(?:(?:input|output|prompt|completion|text)\s+)?tok(?:ens?)?\b|(?P<mt>M\s?Tok(?:ens)?)\b))")
#: a price column's header that names the side of a call it prices ("Input", "Output", "Cached input"),
#: or a blend of both sides ("Blended", "Total (avg)", "Average")
# (an underscore parts words too: "| input_price | output_price |")
_TOKEN_SIDE_HEADER_RE = re.compile(r"(?i)(?<![^\W_])(?:input|output|prompt|completion|cached?|blended|avg|average)(?![^\W_])")
#: a note that says the count of tokens prices are "based on" ("The prices are based on 1 million tokens.")
_TOKEN_BASED_NOTE_RE = re.compile(r"(?i)\bbased\s+on\s+(?:an?\s+|every\s+)?(?P<n>1\s?[KM]|1,000(?:,000)?|one\s+million"
                                  r"|1\s+million|million|one\s+thousand|thousand)\s+tok(?:ens?)?\b")


def _prompt_count(hc) -> bool:
    """Whether a column header's unit is only a count of prompts (queries), with no money, rate or
    denominator of its own: "| Prompt |" (see the price columns above a "per 1M tokens" note)."""
    return hc is not None and hc.count and hc.atom == "query" and not (hc.cur or hc.den or hc.scale or hc.percent)
#: a cell that is an amount of money and nothing else ("$5.00", "**$0.14**", "~$0.22-0.44")
_PLAIN_MONEY_CELL_RE = re.compile(r"[\s*_~≈]*[$€£]\s?[0-9][0-9,]*(?:\.[0-9]+)?"
                                  r"(?:\s?[-–]\s?[$€£]?[0-9][0-9,]*(?:\.[0-9]+)?)?[\s*_]*")
#: such a cell with a share in brackets after it: a discount, or what is saved ("$0.125 (90%)" in a
#: "| Cached Input |" column)
_MONEY_SHARE_CELL_RE = re.compile(r"[\s*_~≈]*[$€£]\s?[0-9][0-9,]*(?:\.[0-9]+)?[\s*_]*\([ \t]*(?:-|−|–)?[0-9]+(?:\.[0-9]+)?[ \t]*%"
                                  r"[ \t]*(?:off|discount|saving|savings|cheaper|less)?[ \t]*\)[\s*_]*")


def _token_counts_noted(text: str, lo: int, hi: int) -> set:
    """The token counts (``"1M"``, ``"1K"``) the notes of :data:`_TOKEN_PRICE_NOTE_RE` in
    ``text[lo:hi]`` say prices are per."""
    found = set()
    ms = _TOKEN_PRICE_NOTE_RE.finditer(text, lo, hi)
    if text.find("ased", lo, hi) >= 0:  # ("based on 1 million tokens": looked for only where "based" may be)
        ms = [*ms, *_TOKEN_BASED_NOTE_RE.finditer(text, lo, hi)]
    for m in ms:
        n = "1M" if m.groupdict().get("mt") else re.sub(r"\s+", " ", m.group("n").lower())
        found.add({"1m": "1M", "1 m": "1M", "1,000,000": "1M", "one million": "1M", "1 million": "1M",
                   "million": "1M", "1k": "1K", "1 k": "1K", "1,000": "1K", "one thousand": "1K",
                   "thousand": "1K"}.get(n, n))
    return found


@functools.lru_cache(maxsize=2)
def _text_token_note(text: str) -> str | None:
    """The token count every heading of ``text`` that notes one says its prices are per, when two
    or more say it and none another ("## OpenAI Models (All Prices per 1M Tokens)" and "## Anthropic
    Claude Models (All Prices per 1M Tokens)" over their sections, then "## Cost Comparison (Sorted
    by Input Price)" over "| GPT-5 nano | OpenAI | $0.05 | $0.40 |": the text's one convention holds
    for a price table whose own section notes none); None otherwise. Read once per text (the last
    two are kept), not once per table: each reading walks every heading of the text."""
    heads, _ = _md_headings(text)
    found, noted = set(), 0
    for h in heads:
        if _DIGIT_MONEY_RE.search(text, h[3], h[4]):
            continue
        counts = _token_counts_noted(text, h[3], h[4])
        if counts:
            noted += 1
            found |= counts
    return next(iter(found)) if noted >= 2 and len(found) == 1 else None


#: a Markdown heading line: its hashes "h" and title "t"
_MD_LEVEL_RE = re.compile(r"^[ \t]*(?P<h>#{1,6})[ \t]+(?P<t>[^\n]+)$", re.MULTILINE)
# the same after a line break, which the pattern starts with: the engine skips from one line break
# to the next in C (a pattern that starts with "^" is tried at every position of the text); the
# text's first line is matched apart, with _MD_LEVEL_RE at 0
_MD_LEVEL_NL_RE = re.compile(r"\n[ \t]*(?P<h>#{1,6})[ \t]+(?P<t>[^\n]+)$", re.MULTILINE)


@functools.lru_cache(maxsize=2)
def _md_headings(text: str) -> tuple[list, list]:
    """The Markdown heading lines of ``text`` (start of the match, its end, level, start and end of
    the title) and their starts, scanned once per text (the last two read are kept: the raw text and
    its masked view): the sections
    above a number are looked up by bisection, not by scanning the text before it each time."""
    if "#" not in text:
        return [], []
    first = _MD_LEVEL_RE.match(text)
    heads = [(first.start(), first.end(), len(first.group("h")), first.start("t"), first.end("t"))] if first else []
    heads += [(m.start() + 1, m.end(), len(m.group("h")), m.start("t"), m.end("t"))
              for m in _MD_LEVEL_NL_RE.finditer(text, first.end() if first else 0)]
    return heads, [h[0] for h in heads]


#: a cell that is a number and a unit of compute or bandwidth ("19.5 TFLOP/s"): group "u" the unit
_MEASURED_CELL_RE = re.compile(r"[\s*_~≈]*[0-9][0-9,]*(?:\.[0-9]+)?[ \t]?(?P<u>TFLOP/s|TFLOPS|TFLOPs|PFLOP/s|PFLOPS"
                               r"|TOPS|GB/s|TB/s)[\s*_]*")
#: a column header that names a numeric precision alone, or with the unit it runs on ("TF32 tensor", "FP16")
_PRECISION_HEADER_RE = re.compile(r"(?i)[*_ \t]*(?:fp|bf|tf|int)[0-9]{1,2}(?:[ \t]+(?:tensor(?:[ \t]+cores?)?|dense|sparse))?[*_ \t]*")


#: a column header that names a bandwidth and no link ("| Bandwidth |", "| BW |", "| Mem BW |")
_BARE_BANDWIDTH_HEADER_RE = re.compile(r"(?i)[*_ \t]*(?:(?:mem(?:ory)?|hbm|dram)[ \t]+)?(?:bw|bandwidth)(?:[ \t]*\((?:[GT]B/s)\))?[*_ \t]*")
#: a column header that names a device's memory ("| Memory |", "| VRAM |", "| HBM |")
_MEMORY_HEADER_RE = re.compile(r"(?i)[*_ \t]*(?:memory|vram|hbm|gpu[ \t]+memory)(?:[ \t]*\((?:GB|GiB)\))?[*_ \t]*")


#: a table's first column headed by a word for devices ("| GPU |", "| Device |", "| Card |")
_DEVICE_CORNER_RE = re.compile(r"(?i)[*_ \t]*(?:gpus?|devices?|cards?|accelerators?|chips?|hardware)[*_ \t]*")
#: the hints a device table's column may give a cell with a unit of its own, and the units they take
_DEVICE_HINT_UNITS = {"memory-bandwidth": ("GB/s", "TB/s"), "memory-capacity": ("GB", "TB"),
                      "cache-size": ("kB", "MB", "GB"), "power-draw": ("W", "kW", "MW")}
#: a column header's word for power, and its words that say the power was measured, not rated
_POWER_WORD_RE = re.compile(r"(?i)\b(?:power|watts?|wattage)\b")
_MEASURED_POWER_RE = re.compile(r"(?i)\b(?:incremental|measured|average|avg|mean|actual|observed|idle|active|draw|drawn"
                                r"|consumption|consumed|under[ \t]+load|during)\b")
#: a column header that names a cache's level alone ("| L2 |", "| L3$ |")
_CACHE_HEADER_RE = re.compile(r"(?i)[*_ \t]*L[1-3]\$?[*_ \t]*")


def _device_table_headers(t: Table, headers: list) -> None:
    """Mends ``headers`` in place for a table of devices' specifications:

    - a bare "Bandwidth" column beside a column of the rows' memory ("| Device | Memory |
      Bandwidth |" over "| RTX 4090 | 24 GB GDDR6X | ~1,010 GB/s |"): the bandwidth of that memory,
      not of a link (a header that names a link, "NVLink", "Interconnect", is no bare one);
    - a "VRAM" or "Memory" column of a table whose rows are devices ("| GPU | VRAM |" over "| RTX
      3060 | 12 GB |"): each device's memory, not the memory a model needs to run;
    - a column headed by a cache's level alone ("| L2 |" over "50 MB"): the size of that cache;
    - a power column its header says was measured ("| Power (incremental) |", "| Avg power draw |"
      over "12.11 W"): what the thing drew, not its rated TDP.
    """
    cols = range(1, min(len(headers), len(t.header)))
    marks = {c: "cache-size" for c in cols if _CACHE_HEADER_RE.fullmatch(t.header[c].text)}
    marks.update({c: "power-draw" for c in cols if _POWER_WORD_RE.search(t.header[c].text)
                  and _MEASURED_POWER_RE.search(t.header[c].text)})
    memory = [c for c in cols if _MEMORY_HEADER_RE.fullmatch(t.header[c].text)]
    if memory:
        marks.update({c: "memory-bandwidth" for c in cols if _BARE_BANDWIDTH_HEADER_RE.fullmatch(t.header[c].text)})
        if t.header and _DEVICE_CORNER_RE.fullmatch(t.header[0].text):
            marks.update({c: "memory-capacity" for c in memory})
    for c, hint in marks.items():
        hc = headers[c]
        if hc is None:
            headers[c] = Quantity(0, 0, "", 0.0, form="table", hint=hint)
        elif hc.hint is None and (not hc.atom or hint == "power-draw" and hc.atom in _DEVICE_HINT_UNITS[hint]
                                  and not hc.den):
            # ("| Avg power (W) |" over "312": drawn too; "| Memory (GB) |" over "8" is left to the
            # row, a CPU's memory in a row of a CPU)
            headers[c] = _replace(hc, hint=hint)


def _stated_once_units(t: Table, headers: list) -> None:
    """Mends ``headers`` in place where a table states a unit once, in a cell instead of a header:

    - a column whose cells are bare numbers but one, which writes its unit ("| FP32 CUDA cores |"
      over "19.5 TFLOP/s", "67", "82.6"): the bare cells are in that unit, whatever the header
      counts;
    - a column headed by a numeric precision alone ("| TF32 tensor | FP16 tensor |" over "156",
      "312"), all its cells bare numbers, beside a column in such a unit of compute: in that unit.
    """
    units = {}
    for c in range(1, min(len(headers), len(t.header))):
        cells = [_untag(x) for x in _filled_cells(t, c)]
        if len(cells) < 2 or headers[c] is not None and not headers[c].count:
            continue  # (a header that names a unit of its own keeps it: "| Memory (GB) |")
        measured = [m.group("u") for x in cells if (m := _MEASURED_CELL_RE.fullmatch(x))]
        if measured and len({u.replace("/s", "S").upper() for u in measured}) == 1 \
                and all(_MEASURED_CELL_RE.fullmatch(x) or _BARE_CELL_RE.fullmatch(x.strip(" *_")) for x in cells) \
                and len(measured) < len(cells):
            q = header_unit(measured[0].replace("FLOP/s", "FLOPS").replace("FLOPs", "FLOPS"))
            if q is not None and q.atom:
                headers[c] = q
                units[c] = q
    compute = {q.atom for q in units.values()} | {hc.atom for hc in headers[1:] if hc is not None
                                                  and hc.atom in ("TFLOPS", "PFLOPS", "TOPS")}
    if len(compute) != 1:
        return
    q = header_unit(next(iter(compute)))
    for c in range(1, min(len(headers), len(t.header))):
        if headers[c] is None and _PRECISION_HEADER_RE.fullmatch(t.header[c].text):
            cells = [_untag(x) for x in _filled_cells(t, c)]
            if cells and all(_BARE_CELL_RE.fullmatch(x.strip(" *_")) for x in cells):
                headers[c] = q


def _lead_unit(text: str, t: Table) -> Quantity | None:
    """The denominator a line right above a table gives its cells' amounts ("Prices per million
    tokens, input / output:" or "**Hourly prices, USD per hour**" then "| Model | Input | Output |"
    over "$0.15"): a line that introduces the table (ends with a colon, or is bold throughout).
    Only the denominator is taken; the cells' own amounts say what it is a rate of."""
    end = t.start - 1
    line = ""
    for _ in range(2):  # the line above, or the one above a blank line
        if end <= 0 or text[end] != "\n":
            return None
        lo = text.rfind("\n", max(0, end - 200), end) + 1
        if lo == 0 and end > 200:
            return None  # (a line too long to introduce a table)
        line = text[lo:end].strip()
        if line:
            break
        end = lo - 1
    if not line or len(line) > 120 or "|" in line:
        return None
    if not (line.endswith(":") or line.startswith("**") and line.rstrip(":").endswith("**")):
        return None
    q = header_unit(line.rstrip(":"))
    if q is None or not q.den or q.atom or q.percent:
        return None
    # (its currency is left out: a cell with no unit of its own takes nothing from the lead)
    return Quantity(0, 0, "", 0.0, form="table", den=q.den, den_count=q.den_count, scope=q.scope)


# a measure the paragraph before a table names for all its bare cells ("peak TFLOPS of each card
# are in the table below"), when no header or caption of the table names a unit
_LEAD_MEASURE_RE = re.compile(r"(?<![\w/])(?:TFLOP/s|TFLOPS|TFLOPs|PFLOP/s|PFLOPS|TOPS|GB/s|TB/s|(?i:teraflops|petaflops))"
                              r"(?![\w/])")
#: a thousands or millions letter set apart after a cell's number, the cell's last word or before
#: a bracket (" K", " K (2024-06-20)", " M"): group 1 the letter
_SPACED_SCALE_CELL_RE = re.compile(r"[ \t]+([KkMm])(?:[ \t]*\([12][0-9]{3}-[01][0-9]-[0-3][0-9]\))?(?=[ \t]*(?:\(|\||$|[*_]))", re.M)
_BARE_CELL_RE = re.compile(r"[~≈]?[0-9][0-9,]*(?:\.[0-9]+)?")
_YEARLIKE_RE = re.compile(r"(?:19|20)[0-9]{2}")
#: a word before a year in its cell ("Late 2026 start", "First power ~2032", "full by 2034")
_LETTER_BEFORE_YEAR_RE = re.compile(r"[A-Za-z][ \t]*~?[ \t]*$")


def _lead_measure(text: str, t: Table) -> Quantity | None:
    """The one measure the lines right above a table (up to a blank line, 400 characters at
    most) name, as a template for the table's bare cells, or None (none or several)."""
    lo = max(0, t.start - 400)
    para = text.rfind("\n\n", lo, t.start)
    while para >= 0 and not text[para:t.start].strip():  # (the blank line right above the table)
        para = text.rfind("\n\n", lo, para)
    lead = text[(para + 2 if para >= 0 else lo):t.start]
    if "|" in lead or "<t" in lead:
        return None
    units = {m.group(0).lower().replace("/s", "s").replace("teraflops", "tflops").replace("petaflops", "pflops")
             for m in _LEAD_MEASURE_RE.finditer(lead)}
    if len(units) != 1:
        return None
    q = header_unit(_LEAD_MEASURE_RE.search(lead).group(0))
    return q if q is not None and q.atom and not (q.cur or q.count or q.percent) else None


#: a header that holds a percentage of its own ("25%/yr decline", "At 80% utilization", "50% off"):
#: the scenario its column is worked out for, not the unit of its cells
_SCENARIO_PCT_HEADER_RE = re.compile(r"(?<![\w.])[0-9]+(?:\.[0-9]+)?[ \t]*%")
_FIRST_WORD_RE = re.compile(r"[^\W\d_]+")


def _sibling_headers(t: Table, headers: list, whole: Quantity | None) -> None:
    """Mends ``headers`` (the columns' unit templates) in place from the table's other columns:

    - a column of amounts of money whose header names no unit ("Input with Batch API*") beside a
      column whose header begins with the same word and names the denominator ("Input (per 1M
      tokens)") is priced per that denominator too, when every column that names one names the
      same (a price list states its denominator once);
    - a column whose header holds a percentage of its own ("25%/yr decline") is the scenario it
      was worked out for: where the table names one unit for all its cells (a caption
      "Payoff (months)", a corner, a lead-in line), its bare cells are in that unit, not percent.
    """
    dened = [(c, hc) for c, hc in enumerate(headers) if c > 0 and c < len(t.header) and hc is not None
             and hc.den and not (hc.atom or hc.cur or hc.percent or hc.count or hc.ratio)]
    if dened and len({(hc.den, hc.den_count) for _, hc in dened}) == 1:
        firsts = {}
        for c, hc in dened:
            fm = _FIRST_WORD_RE.search(_untag(t.header[c].text))
            if fm:
                firsts.setdefault(fm.group(0).lower(), hc)
        for c in range(1, min(len(headers), len(t.header))):
            if headers[c] is not None:
                continue
            fm = _FIRST_WORD_RE.search(_untag(t.header[c].text))
            hc = firsts.get(fm.group(0).lower()) if fm else None
            if hc is not None and _money_column(t, c):
                headers[c] = Quantity(0, 0, "", 0.0, form="table", den=hc.den, den_count=hc.den_count, scope=hc.scope)
    if whole is not None:
        for c in range(1, min(len(headers), len(t.header))):
            hc = headers[c]
            if hc is not None and hc.percent and not (hc.atom or hc.cur) \
                    and _SCENARIO_PCT_HEADER_RE.search(t.header[c].text):
                headers[c] = None


#: a header naming a population ("Human Population", 'AI "Population"'), and one naming how many of
#: each row's item a list holds ("Qty", "Quantity", "Units")
_POPULATION_HEADER_RE = re.compile(r"(?i)\bpopulations?\b")
_QTY_HEADER_RE = re.compile(r"(?i)[\s*_]*(?:qty\.?|quantity|units|count"
                            # a memory stack's dies ("Stack Height" over "8", "12": an HBM stack of so many)
                            r"|stack[\s-]+height|dies[\s]+per[\s]+stack)[\s*_]*")
_COUNT_CELL_RE = re.compile(r"[\s*_]*[0-9][0-9,]*(?:\.[0-9]+)?[KMB]?\+?[\s*_]*")
# (a multiplication sign after the count says "so many of them": "| H100 | 8x |" under "| Count |")
_TIMES_COUNT_CELL_RE = re.compile(r"[\s*_]*[1-9][0-9,]{0,6}[ \u00a0]?[x×][\s*_]*")
_COUNT_WORD_HEADER_RE = re.compile(r"(?i)[\s*_]*(?:qty\.?|quantity|count)[\s*_]*")
_WHOLE_COUNT_CELL_RE = re.compile(r"[\s*_]*[1-9][0-9,]{0,6}(?:[ \u00a0]?[x×])?[\s*_]*")
#: a header naming a count of GPUs ("# of H100s-equivalent", "Number of GPUs"), and a cell of a count,
#: about or exact ("~10k", "100M", "512")
#: (a card in the plural, "H100s", "MI300Xs", by one or two capitals and its number: looser than GPU_NAME)
_GPU_COUNT_HEADER_RE = re.compile(r"(?i)[\s*_]*(?:#|number)[ \t]*(?:of[ \t]+)?(?:gpus|accelerators|(?-i:[A-Z]{1,2}[0-9]{2,3}X?s))"
                                  r"(?:[ \t-]*equivalents?)?[\s*_]*")
_ABOUT_COUNT_CELL_RE = re.compile(r"[\s*_]*[~≈]?[ \t]*[1-9][0-9,]*(?:\.[0-9]+)?[kKMB]?\+?[\s*_]*")


def _count_headers(t: Table, headers: list) -> None:
    """Mends ``headers`` in place for columns of counts their header names with no unit: a
    column of a population ("Human Population" over "8.30B") counts people; a first or any
    column headed "Qty" (or "Quantity", "Units", "Count") over whole numbers only, in a list of
    parts or equipment, counts each row's item.
    """
    for c in range(min(len(headers), len(t.header))):
        if headers[c] is not None:
            continue
        head = _untag(t.header[c].text)
        cells = _filled_cells(t, c)
        if not cells:
            continue
        if c > 0 and _POPULATION_HEADER_RE.search(head) and all(_COUNT_CELL_RE.fullmatch(_untag(x)) for x in cells):
            headers[c] = Quantity(0, 0, "", 0.0, atom="person", count=True, form="table")
        elif _QTY_HEADER_RE.fullmatch(head) and all(_WHOLE_COUNT_CELL_RE.fullmatch(_untag(x)) for x in cells) \
                and (not any(_TIMES_COUNT_CELL_RE.fullmatch(_untag(x)) for x in cells) or _COUNT_WORD_HEADER_RE.fullmatch(head)):
            headers[c] = Quantity(0, 0, "", 0.0, atom="item", count=True, form="table")
        elif c > 0 and ("#" in head or "umber" in head) and _GPU_COUNT_HEADER_RE.fullmatch(head) \
                and all(_ABOUT_COUNT_CELL_RE.fullmatch(_untag(x)) for x in cells):
            # "# of H100s-equivalent" over "~10k", "~1M": so many GPUs
            headers[c] = Quantity(0, 0, "", 0.0, atom="GPU", count=True, form="table")


#: a volume per period the line right above a table works its figures out for ("normalized to
#: 1,000 conversations/month", "for 50K requests per day", "at 2M tokens a month")
_LEAD_VOLUME_RE = re.compile(r"(?i)(?<![\w.,$€£])(?!0\.)[0-9][0-9,.]*[ \t]?(?:[KMB]|k|thousand|million|billion)?[ \t]+"
                             r"(?:[a-z][a-z-]*[ \t]+)?[a-z][a-z-]*s[ \t]*(?:/|per[ \t]+|an?[ \t]+)"
                             r"(?P<p>month|year|week|day|hour)\b")


_NON_SPACE_RE = re.compile(r"\S")  # (for str patterns \S is exactly what str.isspace() and str.strip() call no space)


def _stripped_bounds(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Where ``text[lo:hi].strip()`` lies in ``text`` (None where it is empty), without making
    the slice: the line above a table, looked for a few hundred characters back, is the whole
    text before the table where no line ends there (a long paragraph right above it), and a
    copy of that for each table made reading a long text's tables quadratic."""
    m = _NON_SPACE_RE.search(text, lo, hi)
    if m is None:
        return None
    b = hi
    while text[b - 1].isspace():
        b -= 1
    return m.start(), b


def _lead_volume_period(view: str, t: Table) -> Quantity | None:
    """The period of a volume the line right above the table (or the one above a blank line) names
    ("**Scenario:** normalized to 1,000 conversations/month"), as a template for the table's
    amounts of money with no period: costs worked out for a volume per month are costs per month."""
    end = t.start - 1
    for _ in range(2):
        if end <= 0 or view[end] != "\n":
            return None
        lo = view.rfind("\n", max(0, end - 300), end) + 1
        if _stripped_bounds(view, lo, end) is not None:
            # (no line end within reach: the "line" is the whole text before the table, which
            # is read in place, not copied, for each table: see _stripped_bounds)
            if view.find("|", lo, end) >= 0:
                return None
            ms = list(_LEAD_VOLUME_RE.finditer(view, 0, end) if lo == 0 else _LEAD_VOLUME_RE.finditer(view[lo:end]))
            if len({m.group("p").lower() for m in ms}) != 1:
                return None
            return Quantity(0, 0, "", 0.0, form="table", den=ms[0].group("p").lower())
        end = lo - 1
    return None


#: "t/s" in a header ("1 Node (t/s)", "Speed t/s"): tokens per second, as local-inference benchmarks
#: (llama.cpp's reports) write them
_T_PER_S_RE = re.compile(r"(?<![\w/])t/s(?![\w/])")


def _tokens_per_second_headers(t: Table, headers: list) -> None:
    """Mends ``headers`` in place: a column whose header writes tokens per second "t/s" holds token
    rates, whatever else the header counts ("1 Node (t/s)": one node's rate, not a count of nodes)."""
    for c in range(1, min(len(headers), len(t.header))):
        hc = headers[c]
        if (hc is None or not hc.atom or hc.count or hc.den == "s") and not (hc is not None and hc.cur) \
                and _T_PER_S_RE.search(t.header[c].text):
            headers[c] = Quantity(0, 0, "", 0.0, atom="token", den="s", form="table")


#: a header naming a figure the vocabulary holds as an amount of its year, not as a rate ("Capex
#: Burden (BUSD/yr)", "Annual CapEx ($B)", "Interest expense ($M/yr)"): the "/yr" says which year's
#: amount, as "$80 billion of annual capex" does in prose
_STOCK_HEADER_RE = re.compile(r"(?i)\bcap[ -]?ex\b|\bcapital[ \t]+(?:expenditures?|spending)\b|\binterest[ \t]+expenses?\b")


def _stock_headers(t: Table, headers: list) -> None:
    """Mends ``headers`` in place: a column of money per year whose header names capital
    expenditure or interest expense holds each row's amount for the year (capex of 326.1
    billion USD), not a rate of spending per second."""
    for c in range(1, min(len(headers), len(t.header))):
        hc = headers[c]
        if hc is not None and hc.cur and hc.den == "year" and not (hc.atom or hc.count or hc.percent) \
                and _STOCK_HEADER_RE.search(_untag(t.header[c].text)):
            headers[c] = _replace(hc, den=None, den_count=None)


#: a first column counting a chatbot's exchanges ("# of Exchanges", "Number of messages"): so many
#: requests, each row a volume the other columns are worked out for
_EXCHANGES_HEADER_RE = re.compile(r"(?i)[\s*_]*(?:#|no\.?|number)[ \t]*of[ \t]+(?:(?:chat|user)[ \t]+)?"
                                  r"(?:exchanges|messages|interactions|turns)[\s*_]*")
#: a header that ends on a dangling "per" ("AWS (Average Cost Per)"): per each of what the first column counts
_DANGLING_PER_RE = re.compile(r"(?i)\b(?:cost|price|spend)[ \t]+per[ \t]*\)?[\s*_]*$")


def _exchange_headers(t: Table, headers: list) -> None:
    """Mends ``headers`` in place for a table whose first column counts exchanges with a chatbot
    over whole numbers ("| # of Exchanges | ... | AWS (Average Cost Per) |" over "| 5000 | ... |
    $4.78 |"): the first column counts requests, and a column of money whose header ends on
    "Cost Per" is a cost per request."""
    if not t.header or headers[0] is not None or "of" not in t.header[0].text \
            or not _EXCHANGES_HEADER_RE.fullmatch(_untag(t.header[0].text)):
        return
    cells = _filled_cells(t, 0)
    if not cells or not all(_WHOLE_CELL_RE.fullmatch(_untag(x)) for x in cells):
        return
    headers[0] = Quantity(0, 0, "", 0.0, atom="query", count=True, form="table", hint="request-count")
    for c in range(1, min(len(headers), len(t.header))):
        if headers[c] is None and "er" in t.header[c].text and _DANGLING_PER_RE.search(t.header[c].text) \
                and _money_column(t, c):
            headers[c] = Quantity(0, 0, "", 0.0, form="table", den="query")


#: a column of models named by their size ("Suitable Models" over "7B only", "7B, some 13B
#: (quantized)"): each size a model's count of parameters
_MODELS_HEADER_RE = re.compile(r"(?i)\bmodels?\b")
_MODEL_SIZE_RE = re.compile(r"(?<![\w.$€£])[0-9]+(?:\.[0-9]+)?[BMT](?![\w/])")
_FREE_NUMBER_RE = re.compile(r"(?<![\w.$€£-])[0-9]+(?:\.[0-9]+)?")  # (not "GPT-4": a name's number)


def _model_size_headers(t: Table, headers: list) -> None:
    """Mends ``headers`` in place: a column headed by models that names no unit (or counts them as
    items), whose every number is written as a model's size ("7B", "13B"), counts parameters."""
    for c in range(1, min(len(headers), len(t.header))):
        hc = headers[c]
        if hc is not None and not (hc.atom == "item" and hc.count and not hc.den) \
                or "odel" not in t.header[c].text or not _MODELS_HEADER_RE.search(t.header[c].text):
            continue
        cells = [x for x in _filled_cells(t, c) if _FREE_NUMBER_RE.search(x)]
        if cells and all(len(_MODEL_SIZE_RE.findall(x)) == len(_FREE_NUMBER_RE.findall(x)) for x in cells):
            headers[c] = Quantity(0, 0, "", 0.0, atom="parameter", form="table")


#: the grammar's counted nouns, each compiled on its own (a word is matched against each in turn)
_COUNT_NOUN_RES = [(re.compile(p), u) for p, u in COUNT_NOUNS]


def _qty_nouns(t: Table, headers: list, found: list) -> None:
    """A "Qty" column's count (:func:`_count_headers`) counts the thing the cell after it names by
    its last word (before a comma) when that is a counted noun ("| 12 | 4U GPU Server, 8x H100 |": 12 nodes;
    "| 96 | NVIDIA H100 PCIe GPUs |": 96 GPUs); otherwise items."""
    for f in found:
        c, r = f.col, f.row
        hc = headers[c] if c is not None and 0 <= c < len(headers) else None
        if hc is None or hc.atom != "item" or not hc.count or f.q.atom != "item" or r is None \
                or c + 1 >= len(t.rows[r]):
            continue
        # (the thing itself is named before what it holds: "4U GPU Server, 8x H100 PCIe GPUs")
        words = _FIRST_WORD_RE.findall(re.split(r"[,;(+]", _untag(t.rows[r][c + 1].text), maxsplit=1)[0])
        if not words:
            continue
        noun = next((u for rx, u in _COUNT_NOUN_RES if rx.fullmatch(words[-1])), None)
        if noun is not None and noun != "item":
            f.q.atom = noun
            f.draft.unit = unit_text(f.q)


#: the denominators of a price a table's caption may name for its columns of bare amounts
_CAPTION_RATE_DENS = frozenset({"hour", "GPU-hour", "month"})


def _caption_rate_headers(t: Table, headers: list) -> None:
    """Mends ``headers`` in place: a caption that names a price per hour or per month in its
    parentheses ("### Pricing Trends ($/GPU-hour, on-demand)" over "| H100 | $2.10 | $4.00-$8.00 |")
    gives it to the columns whose every filled cell is an amount of money alone and whose header
    names no unit ("Neocloud Low", "Hyperscaler Range"): each is a rate, not a sum. (A caption's
    money alone, "Revenue ($B)", says nothing a column of cells does not.)"""
    if "(" not in t.caption:
        return
    cap = header_unit(t.caption)
    if cap is None or not cap.cur or cap.den not in _CAPTION_RATE_DENS or cap.atom or cap.count or cap.percent \
            or cap.scale or cap.den_count:
        return
    for c in range(1, min(len(headers), len(t.header))):
        hc = headers[c]
        if hc is not None and not (hc.cur and not (hc.den or hc.atom or hc.count or hc.percent or hc.scale)):
            continue
        cells = [x for x in _filled_cells(t, c) if any(ch.isdigit() for ch in x)]  # ("Quote-based": no amount)
        if cells and all(_PLAIN_MONEY_CELL_RE.fullmatch(_untag(x)) for x in cells):
            headers[c] = Quantity(0, 0, "", 0.0, form="table", cur=hc.cur if hc else cap.cur, den=cap.den,
                                  scope=cap.scope)


#: a column header that names only a statistic of the column's figures ("Median", "Max", "Min", "P95")
_STAT_HEADER_RE = re.compile(r"(?i)^[\s*_]*(?:min(?:imum)?|max(?:imum)?|median|mean|avg|average|p[0-9]{2}|std)[\s*_]*$")


def _read_table(text: str, view: str, t: Table, starts, gpus, hit_starts, hit_ends, seen, cands,
                named: _Named = _DEFAULT_NAMED, tables=()) -> list[Found]:
    out = []
    pair = _pair_units(view, t, tables)
    headers = [_header_template(c.text, named) for c in t.header]
    stats = [i for i, c in enumerate(t.header) if _STAT_HEADER_RE.match(c.text)]
    if len(stats) >= 2:
        for i in stats:
            headers[i] = None  # "| Median | Max | Min |": the minimum of a unit unsaid, not minutes
    skip_cols = [bool(_SKIP_COLUMN_RE.match(c.text)) for c in t.header]  # (by column, not for each cell)
    notes_cols = [bool(_NOTES_COLUMN_RE.match(c.text)) for c in t.header]
    # "| Value | Unit | Date |": a column that gives each row's unit ("$/GPU-hr", "TFLOPS", "$B")
    # for the numbers of the row's other columns, which name none in their header
    # (not a count of units sold, "| Units | 1,200 |": its cells name units, none a bare number)
    unit_col = next((i for i, c in enumerate(t.header) if _UNIT_COLUMN_RE.match(c.text)
                     and (cells := _filled_cells(t, i)) and not any(_BARE_CELL_RE.fullmatch(_untag(x)) for x in cells)
                     and any(header_unit(_untag(x)) is not None for x in cells)), None)
    if unit_col is not None:
        skip_cols[unit_col] = True
    corner = t.header[0].text if t.header else ""
    # "| Accelerator \ TFLOPS | fp32 | ..." or a caption "TFLOPS comparison table": one unit for the table
    whole = header_unit(corner.split("\\")[-1]) if "\\" in corner else None
    if whole is not None and headers:
        headers[0] = None  # (the corner's unit is the other columns'; the first holds the rows' names: "Tensor Float 32")
    if whole is None:  # (the line that introduces the table is nearer than the heading above it)
        whole = _lead_unit(text, t)
    if whole is None and t.caption:
        whole = header_unit(t.caption)
        if whole is not None and (whole.count or whole.cur):
            whole = None
        # "### Budget Tier (< $1/$5 per 1M tokens)" under "## Cost per 1K Tokens (Input/Output)":
        # a caption's own amounts (a tier's bounds) are what its "per 1M tokens" is of; where the
        # section's note names another count, the cells' prices are per that count (read below)
        elif whole is not None and whole.den == "token" and whole.den_count \
                and _DIGIT_MONEY_RE.search(t.caption) is not None \
                and (sec := _section_token_note(text, t.start)) is not None \
                and sec.lower() != whole.den_count.lower():
            whole = None
        # "### Annual Capex by Company" over "| Amazon (AMZN) | $77B | ...": capital expenditure is
        # held as an amount of its year, as a column header naming it is (:func:`_stock_headers`),
        # so the caption's "annual" gives the cells no denominator
        elif whole is not None and whole.den == "year" and not (whole.atom or whole.percent) \
                and _STOCK_HEADER_RE.search(_untag(t.caption)):
            whole = None
    # "(per 1M tokens)" said once above a price table whose money columns name no unit ("| Input |
    # Output |" over "$5.00"): each amount is a price per so many tokens. The note of the table's
    # section, read as a list's is; a table under no heading or bold title (no caption) has no
    # section: only the line that introduces it gives its cells a denominator (:func:`_lead_unit`)
    # A "| Prompt |" header reads as a count of prompts; over cells that are all amounts of money it
    # is the input side of the price, as "| Completion |" beside it is the output's ("| Gateway |
    # Prompt | Completion |" over "| Clarifai | $15.00 | $75.00 |" under "USD per 1M tokens")
    if whole is None and t.caption_span is not None \
            and any(hc is None or (hc.cur and not (hc.den or hc.atom or hc.count or hc.percent)) or _prompt_count(hc)
                    for hc in headers[1:]):
        per = _section_token_note(text, t.start) or _text_token_note(text)
        for c in range(1, len(headers)) if per else ():
            hc = headers[c]
            if (hc is None or hc.cur and not (hc.den or hc.atom or hc.count or hc.percent or hc.scale)
                    or _prompt_count(hc)) \
                    and c < len(t.header) and _TOKEN_SIDE_HEADER_RE.search(_untag(t.header[c].text)) \
                    and (cells := _filled_cells(t, c)) \
                    and all(_PLAIN_MONEY_CELL_RE.fullmatch(u := _untag(x)) or _MONEY_SHARE_CELL_RE.fullmatch(u)
                            for x in cells):
                headers[c] = Quantity(0, 0, "", 0.0, form="table", cur=hc.cur if hc else None,
                                      den="token", den_count=per)
    if whole is None and t.caption:
        _caption_rate_headers(t, headers)
    _stated_once_units(t, headers)
    _device_table_headers(t, headers)
    _sibling_headers(t, headers, whole)
    _stock_headers(t, headers)
    _exchange_headers(t, headers)
    _model_size_headers(t, headers)
    _count_headers(t, headers)
    _tokens_per_second_headers(t, headers)
    lead = _lead_measure(view, t) if whole is None and not any(headers[1:]) else None
    # a "Monthly Total" row: the amounts it sums are per month too
    period = None
    for row in t.rows:
        pm = _PERIOD_TOTAL_RE.search(row[0].text) if row else None
        if pm:
            period = Quantity(0, 0, "", 0.0, form="table", den=_PERIOD_DEN[pm.group("p").lower()])
            break
    if period is None:
        period = _lead_volume_period(view, t)
    # "| Monthly Cost | Per User |": a column of each user's (GPU's) share of the cost another column
    # gives per period is per that period too; so is a column of rates beside it ("| Lowest Hourly
    # Rate | Typical Market Rate |"), when its cells are all amounts of money
    dens = {hc.den for hc in headers[1:] if hc is not None and hc.den in _PERIOD_DENS
            and not hc.atom and not hc.count}
    if len(dens) == 1:
        den = next(iter(dens))
        for c in range(1, min(len(headers), len(t.header))):
            head = _untag(t.header[c].text)
            sm = _SCOPE_COLUMN_RE.fullmatch(head) if den != "hour" else None
            rm = _RATE_COLUMN_RE.search(head) if headers[c] is None else None
            if not (sm or rm) or not _money_column(t, c):
                continue
            scope = None
            if sm:
                w = sm.group("w").lower()
                scope = ("per-gpu" if w in ("gpu", "card") else "per-node" if w in ("node", "server")
                         else "per-instance" if w == "instance" else "per-seat")
            headers[c] = Quantity(0, 0, "", 0.0, form="table", den=den, scope=scope)
    # "| On-Demand $/hr | Spot/Preemptible |": a column of money whose header names only another
    # pricing tier is priced per the period of the tier column beside it that states one (even
    # where another column gives a second period: "| Monthly (730 hrs) |")
    tiers = [c for c in range(1, min(len(headers), len(t.header)))
             if _TIER_HEADER_RE.search(_untag(t.header[c].text))]
    tier_dens = {headers[c].den for c in tiers if headers[c] is not None and headers[c].den in _PERIOD_DENS
                 and not headers[c].atom and not headers[c].count}
    if len(tier_dens) == 1:
        den = next(iter(tier_dens))
        for c in tiers:
            if headers[c] is None and _money_column(t, c):
                headers[c] = Quantity(0, 0, "", 0.0, form="table", den=den)
    # "| Cores per SM |": a count per streaming multiprocessor (compute unit), not per card
    for c in range(1, min(len(headers), len(t.header))):
        hc = headers[c]
        if hc is not None and hc.count and not hc.scope and _PER_COMPUTE_UNIT_RE.search(_untag(t.header[c].text)):
            headers[c] = _replace(hc, scope="per-compute-unit")
    # a percent column whose cells are all written as fractions ("MFU %" over "0.57", "0.51"): the
    # cells are fractions of one, not fractions of a percent
    fraction = Quantity(0, 0, "", 0.0, ratio=True, form="table")
    for c, hc in enumerate(headers):
        if c > 0 and hc is not None and hc.percent and not hc.atom and not hc.cur:
            cells = _filled_cells(t, c)
            if len(cells) >= 2 and all(_FRACTION_CELL_RE.fullmatch(x) for x in cells):
                # (the figure the header names keeps its name: "MFU %" over "0.57" is an MFU
                # written as a fraction, not a ratio of two quantities)
                headers[c] = fraction if hc.hint is None else Quantity(0, 0, "", 0.0, ratio=True, form="table",
                                                                        hint=hc.hint)
    # a column of scores its header names with no unit ("MT-Bench score", "Elo rating") whose cells
    # are all bare numbers: each a score in points; so is a bare cell of a table whose corner says
    # its rows are benchmarks ("Evaluation metric" over "MMLU" rows, one column per model)
    for c, hc in enumerate(headers):
        if c > 0 and hc is None and c < len(t.header) and _SCORE_HEADER_RE.search(t.header[c].text):
            cells = _filled_cells(t, c)
            if cells and all(_SCORE_CELL_RE.fullmatch(_untag(x)) and not _YEARLIKE_RE.search(x) for x in cells):
                headers[c] = fraction
                # scores above 10 and at most 100, some with decimals, under a header that names no
                # points ("Leaderboard score", "MMLU score" over "68.42", "61.5"): shares of the items
                # a model got right, in percent (points run 1-10, as MT-Bench's, or past 100, as Elo's)
                vals = [float(re.sub(r"[^0-9.]", "", _untag(x))) for x in cells]
                if not _POINTS_HEADER_RE.search(t.header[c].text) and all(10 < v <= 100 for v in vals) \
                        and any("." in x for x in cells):
                    headers[c] = Quantity(0, 0, "", 0.0, percent=True, form="table", hint="benchmark-score")
                elif _ELO_HEADER_RE.search(t.header[c].text) and all(v >= 100 for v in vals):
                    # "AA-Briefcase Elo" over "1587", "1356": a rating in points, no ratio of two figures
                    headers[c] = Quantity(0, 0, "", 0.0, ratio=True, form="table", hint="benchmark-points")
        elif c > 0 and hc is None and c < len(t.header) and _BENCH_METRIC_HEADER_RE.search(t.header[c].text):
            # a column headed by a benchmark or its metric and no word for a score ("MTEB Retrieval
            # (NDCG@10)" over "54.39", "50.77"): so too, but only scores above 10 and at most 100,
            # some with decimals (nothing else is taken as a score of such a header)
            cells = _filled_cells(t, c)
            if cells and all(_SCORE_CELL_RE.fullmatch(_untag(x)) and not _YEARLIKE_RE.search(x) for x in cells) \
                    and any("." in x for x in cells):
                vals = [float(re.sub(r"[^0-9.]", "", _untag(x))) for x in cells]
                if all(10 < v <= 100 for v in vals):
                    headers[c] = Quantity(0, 0, "", 0.0, percent=True, form="table", hint="benchmark-score")
    # a column its header names a batch size or a concurrency ("Batch size", "Max concurrency") whose
    # cells are all bare whole numbers: so many requests, as the words before a number say in prose
    for c, hc in enumerate(headers):
        if hc is None and c < len(t.header):
            nm = _REQUESTS_HEADER_RE.fullmatch(_untag(t.header[c].text))
            cells = _filled_cells(t, c) if nm else []
            if nm and cells and all(_WHOLE_CELL_RE.fullmatch(_untag(x)) or _WHOLE_NOTED_CELL_RE.fullmatch(_untag(x))
                                    for x in cells):
                # (batches of thousands of requests, "| 5,000 |" under "Batch Size", are batch jobs' sizes:
                # how many requests sent, not how many a GPU runs at once)
                big = nm.group("b") and max(int(re.sub(r"[^0-9]", "", _untag(x))) for x in cells) > 4096
                headers[c] = Quantity(0, 0, "", 0.0, atom="query", count=True, form="table",
                                      hint="request-count" if big else "batch-size" if nm.group("b") else "concurrency")
    col_periods = any(hc is not None and hc.den in _PERIOD_DENS for hc in headers[1:])
    # a column its header says holds hours and minutes ("Time (h:m)", "hh:mm") whose cells are all
    # written so ("54:20", "8:30"): each cell is a duration, in minutes
    clock = {c for c in range(1, len(t.header)) if ":" in t.header[c].text
             and _CLOCK_HEADER_RE.search(_untag(t.header[c].text))
             and (cells := _filled_cells(t, c)) and all(_CLOCK_CELL_RE.fullmatch(_untag(x)) for x in cells)}
    # a table of yearly costs (its caption, corner or lead says so: "Operational cost analysis (annual)")
    yearly = (whole is not None and whole.den == "year" and not whole.percent) \
        or (period is not None and period.den == "year")
    bench = (Quantity(0, 0, "", 0.0, atom="x", form="table", hint="benchmark-score")
             if _BENCH_CORNER_RE.search(_untag(corner)) else None)
    # a column of each row's part of the whole ("% of TCO", "% of total") beside amounts of money: the
    # table breaks a cost down, so each amount per hour, month or year is that part's running cost,
    # no price its row charges ("| Electricity | $0.16 | 9.3% |" under "Per GPU-Hour")
    breakdown = any("%" in h.text and _SHARE_OF_COLUMN_RE.match(h.text) for h in t.header[1:])
    scales = _table_scales(text, t, headers)
    # (a corner that is a currency and scale alone, "| $B | FY2024 |", says the same as "($B)")
    cq = _header_template(_UNLESS_NOTED_RE.sub("", t.header[0].text), named) \
        if t.header and ("(" in t.header[0].text or _LABEL_MONEY_UNIT_RE.fullmatch(_untag(t.header[0].text))) else None
    corner_money = cq if cq is not None and cq.cur and cq.scale and not (cq.den or cq.atom or cq.percent or cq.ratio) else None
    for r, row in enumerate(t.rows):
        # a label's parentheses are left out ("Colocation (@$170/kW/month)"), unless they name a
        # period alone ("Engineering (monthly)")
        label = _header_template(_LABEL_PARENS_RE.sub(_label_parens, row[0].text), named) if row else None
        if label is not None and label.den == "year" and not (label.atom or label.count or label.percent) \
                and _STOCK_HEADER_RE.search(_untag(row[0].text)):
            label = None if not label.cur else _replace(label, den=None, den_count=None)  # "Annualized Interest Expense"
        elif label is not None and label.count and not label.scope and _PER_COMPUTE_UNIT_RE.search(_untag(row[0].text)):
            label = _replace(label, scope="per-compute-unit")  # "| CUDA cores per SM | 128 |"
        row_period = _row_period(row[0].text) if row and col_periods else None
        whole_row = bool(row) and "otal" in row[0].text and _TOTAL_ROW_RE.fullmatch(row[0].text) is not None
        row_last = None  # (the row's last number, for an earlier value in a later cell: "(was $4.33)")
        row_unit = header_unit(row[unit_col].text) if unit_col is not None and unit_col < len(row) else None
        for c, cell in enumerate(row):
            if c < len(t.header) and skip_cols[c]:
                continue
            if whole_row and c > 0 and "100" in cell.text and _WHOLE_PCT_CELL_RE.fullmatch(cell.text):
                continue  # "| **Total** | **$1.70** | 100% |": the whole's share of itself, no claim
            col = headers[c] if c < len(headers) else None
            # (the first column takes the caption's unit only when it holds nothing but sizes: "| 16-64K |"
            # under "Recommendations by Context Length")
            h = (col or whole or label) if c > 0 else (col or (whole if whole is not None and whole.atom
                                                            and _SIZE_CELL_RE.fullmatch(cell.text) else None))
            if row_unit is not None and col is None:
                h = row_unit  # the row's own "Unit" cell
            if c > 0 and h is not None and h is col and label is not None and label.atom == "x" and label.hint \
                    and col.atom and col.atom != "x" and not (col.cur or col.percent or col.count) \
                    and _BARE_CELL_RE.fullmatch(_untag(cell.text)):
                # "| **PUE** | **1.27** |" under "Power (kW)": the row's label names a ratio of its own
                h = label
            if corner_money is not None and c > 0 and col is None and label is None and _BARE_CELL_RE.fullmatch(_untag(cell.text)) \
                    and not _YEARLIKE_RE.fullmatch(_untag(cell.text)) and row and not _NOTED_LABEL_RE.search(_untag(row[0].text)):
                # "| Metric ($B unless noted) | FY2025 |" over "| Total revenue | 416.16 |": the corner
                # says the amount its rows' bare numbers are in, rows whose label notes a unit of
                # their own ("Gross margin %", "Diluted EPS ($)", "Diluted avg shares (B)") left out
                h = corner_money
            if h is None and lead is not None and c > 0 and _BARE_CELL_RE.fullmatch(cell.text) \
                    and not _YEARLIKE_RE.fullmatch(cell.text):
                h = lead  # a bare cell of a table the paragraph above gives the measure of
            if h is None and bench is not None and c > 0 and _SCORE_CELL_RE.fullmatch(_untag(cell.text)) \
                    and not _YEARLIKE_RE.search(cell.text):
                h = bench  # a model's score on the benchmark its row names
            if c < len(t.header) and notes_cols[c]:
                h = None
            elif period is not None and c > 0 and (h is None or h.cur and not h.den and not h.atom):
                h = period if h is None else Quantity(0, 0, "", 0.0, cur=h.cur, scale=h.scale, form="table",
                                                      den=period.den)
            elif c > 0 and h is not None and h is col and h.den in _PERIOD_DENS and not h.atom and not h.count \
                    and row_period is not None and row_period[0] != h.den:
                # "| **Monthly equivalent** | $12,500 |" under "Annual Cost": the row restates the
                # column's figure for another period, which its label names
                h = Quantity(0, 0, "", 0.0, cur=h.cur, scale=h.scale, form="table", den=row_period[0],
                             scope=row_period[1] or h.scope)
            prev = None
            consumed = cell.start
            cm = _CLOCK_CELL_RE.fullmatch(view, cell.start, cell.end) if c in clock else None
            if cm is not None:
                f = _clock_found(view, cm, starts, gpus, _CellContext(None, t.header[c].text, cell.end), named)
                if f is not None:
                    f.table, f.row, f.col = t, r, c
                    f.draft.context = {"row": row[0].text if row else "", "column": t.header[c].text}
                    if _record(text, view, f, starts, t.quote_span(r, c), seen):
                        out.append(f)
                continue
            pm = _PAIR_CELL_RE.fullmatch(view, cell.start, cell.end) if pair is not None and c > 0 else None
            if pm is not None:
                # "1517.54/42.85" under a lead-in naming "throughput/latency": each side with its unit
                column = t.header[c].text if c < len(t.header) else ""
                for s, e, u in ((pm.start("a"), pm.end("a"), pair[0]), (pm.start("b"), pm.end("b"), pair[1])):
                    f = _read_at(view, s, starts, None, gpus, _CellContext(u, column, e), named)
                    if isinstance(f, Found):
                        f.table, f.row, f.col = t, r, c
                        f.draft.context = {"row": row[0].text if row else "", "column": column}
                        if _record(text, view, f, starts, t.quote_span(r, c), seen):
                            out.append(f)
                continue
            for k in range(bisect.bisect_left(cands, cell.start), bisect.bisect_left(cands, cell.end)):
                s = cands[k]
                if s < consumed or _skip_candidate(view, s, text):
                    continue
                if c == 0 and label is not None and label.den_count and _LABEL_SCALE_RE.match(view, s):
                    continue  # "1M TOKENS INPUT", "Output (per 1M tokens)": the scale of the row's rate
                end = _alias_end(view, s, hit_starts, hit_ends)
                if end is not None:
                    consumed = max(consumed, end)
                    continue
                before = prev
                if before is None and row_last is not None and c > 0 and "(" in view[max(cell.start, s - 24):s] \
                        and _WAS_BEFORE_RE.search(view, max(cell.start, s - 24), s) is not None:
                    before = row_last
                hs = h
                if h is not None and h is label and c > 0 and h.count and _YEARLIKE_RE.match(view, s) \
                        and not _BARE_CELL_RE.fullmatch(_untag(cell.text)) and _LETTER_BEFORE_YEAR_RE.search(view, cell.start, s) \
                        and not view[s + 4:s + 5].isdigit():
                    # "| Existing nuclear plants | ... | Late 2026 start, full by 2034 |": a date in a cell of
                    # words, not so many of the things the row's label counts
                    hs = None
                if hs is not None and hs is row_unit and _YEARLIKE_RE.match(view, s) and not view[s + 4:s + 5].isdigit() \
                        and not view[s - 1:s] in ("$", "€", "£"):
                    hs = None  # "$1.70 (Oct 2025)" beside "| $/GPU-hr |": a date, not a price
                f = _read_at(view, s, starts, before, gpus, _CellContext(hs, t.header[c].text if c < len(t.header) else "",
                                                                        cell.end), named)
                if f is None:
                    continue
                if isinstance(f, int):
                    consumed = max(consumed, f)
                    continue
                consumed = f.q.resume or f.draft.span_end
                if c > 0 and f.q.atom == "token" and not f.q.scale and not f.q.den and f.q.resume is None \
                        and (km := _SPACED_SCALE_CELL_RE.match(view, f.draft.span_end, cell.end)) is not None:
                    # "| Claude-3-5-sonnet | 200 K | 8 K (2024-06-20) |" under "| Context Window | Max
                    # Output Tokens |": a count of tokens with its thousands letter set apart
                    f.q.scale = km.group(1).upper()
                    f.q.end = f.draft.span_end = km.end(1)
                    consumed = km.end()  # (and the snapshot's date after it: "4 K (2024-05-13)", no count)
                    f.draft.unit = unit_text(f.q)
                prev = row_last = f
                if c == 0 and f.draft.unit == "percent" and yearly and "of" in cell.text \
                        and _SHARE_OF_CAPITAL_RE.match(view, f.draft.span_end, cell.end):
                    # "| Maintenance (5% of IT CapEx) | $160,000 |" in a table of yearly costs: a
                    # share of the capital spent each year
                    f.q.den = "year"
                    f.draft.unit = "percent/year"
                f.table, f.row, f.col = t, r, c
                f.draft.context = {"row": row[0].text if row else "",
                                   "column": t.header[c].text if c < len(t.header) else ""}
                if scales is not None and c > 0 and f.q.cur and not f.q.scale and not f.q.den and not f.q.atom \
                        and not f.q.percent and not f.q.ratio and (sc := scales[c] if c < len(scales) else scales[0]) \
                        and sc[0] in (None, f.q.cur) and not _PER_SHARE_LABEL_RE.search(_untag(row[0].text)) \
                        and not (c < len(t.header) and _PER_SHARE_LABEL_RE.search(_untag(t.header[c].text))):
                    # "| Products | $68,887 |" under "Gross Margin ($ in millions)", "| Capex | $813.0 |"
                    # under "| Item | Value (M) |": the scale the table says once for its amounts, the
                    # cell writing its currency sign alone; not a price of a share ("EPS", "Price")
                    f.q.scale = sc[1]
                    f.draft.unit = unit_text(f.q)
                if breakdown and c > 0 and f.hint is None and f.q.cur and f.q.den and f.q.den.rsplit("-", 1)[-1] in _PERIOD_DENS \
                        and not f.q.atom and not f.q.percent:
                    f.hint = "cost-rate"
                if _record(text, view, f, starts, t.quote_span(r, c), seen):
                    out.append(f)
    if t.header and t.rows:
        out.extend(_header_amounts(text, view, t, starts, gpus, cands, seen, named, hit_starts, hit_ends))
    _qty_nouns(t, headers, out)
    return out


#: a row label that notes a unit of its own ("Gross margin %", "Diluted EPS ($)", "Diluted avg
#: shares (B)", "Effective tax rate"), or names a count, a per-share figure or a ratio of two amounts
_NOTED_LABEL_RE = re.compile(r"(?i)[(%]|\bmargin|\brate\b|\bratio\b|\beps\b|per[ \t]+share|\bshares\b|\bprice\b|"
                             r"\bemployees\b|\bheadcount\b|\bcount\b|\bdays\b|\byield\b|\bmultiple\b|/")
#: the exception a corner's unit allows ("($B unless noted)", "($M, except per-share data)")
_UNLESS_NOTED_RE = re.compile(r"(?i)[ \t]*,?[ \t]+(?:unless|except)\b[^)]*(?=\))")
#: a scale a table says once for all its amounts, in brackets: "($ in millions)", "(in billions)",
#: "($ millions)", "(USD bn)", "(M)" (a lone capital letter only so: "(b)" is a list's item)
_SCALE_NOTE_RE = re.compile(r"\([ \t]*(?:(?P<cur>[$€£]|USD|US\$)[ \t]*)?(?:(?i:in)[ \t]+)?"
                            r"(?:(?P<w>(?i:thousands|millions|billions))|(?P<l>[KMB]|bn|mn))[ \t]*\)")
#: the scale a note's plural word says; a letter's ("(M)", "(USD bn)") is the grammar's table's
#: (scale_name). (Not the table's for the words: "thousands" is "K", as the letter "(K)" says, where
#: the table names the scale of "thousand" after the word.)
_SCALE_PLURALS = {"thousands": "K", "millions": "million", "billions": "billion"}
_SCALE_CUR = {"$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "£": "GBP"}
#: a row or column of a price of one share, which a table's scale for its amounts leaves alone
#: ("EPS", "Diluted EPS", "Dividend per share", "Share price", "Price")
_PER_SHARE_LABEL_RE = re.compile(r"(?i)\beps\b|per[ \t]+share|\bprice\b|\bdividends?[ \t]+per\b")


def _scale_note(line: str) -> tuple[str | None, str] | None:
    """(currency or None, scale) a bracketed note in ``line`` says, or None."""
    if "(" not in line:
        return None
    m = _SCALE_NOTE_RE.search(line)
    if m is None:
        return None
    w = m.group("w") or m.group("l")
    return _SCALE_CUR.get(m.group("cur") or "", None), _SCALE_PLURALS[w.lower()] if m.group("w") else scale_name(w)


def _table_scales(text: str, t: Table, headers: list) -> list | None:
    """Per column, (currency, scale) for the amounts that write their currency sign and no scale:
    from the column's header when it says a scale and no currency ("Value (M)"; a header with
    its currency, "Capex ($B)", scales its cells already), else from the table's caption or the
    line right above the table ("Gross Margin ($ in millions)"). Index 0 holds the table's own.
    None when nothing says a scale."""
    whole = None
    end = t.start - 1
    for _ in range(2):  # the line above, or the one above a blank line
        if end <= 0 or text[end] != "\n":
            break
        lo = text.rfind("\n", max(0, end - 160), end) + 1
        words = _stripped_bounds(text, lo, end)  # (text[lo:end].strip(), not copied: see there)
        if words is not None:
            if words[1] - words[0] <= 120 and "|" not in (line := text[words[0]:words[1]]):
                whole = _scale_note(line)
            break
        end = lo - 1
    if whole is None and t.caption:
        whole = _scale_note(t.caption)
    out = [whole]
    any_col = False
    for c in range(1, len(t.header)):
        sc = None
        hc = headers[c] if c < len(headers) else None
        if (hc is None or not hc.scale) and (sc := _scale_note(_untag(t.header[c].text))) is not None:
            any_col = True
        out.append(sc or whole)
    if whole is None and not any_col:
        return None
    # (a note naming no currency is the cells' own: "$17,629.0" under "Value (M)")
    return [None if sc is None else (sc[0], sc[1]) for sc in out]


#: what a row label's percent is a share of, right after it, in a table of yearly costs: the capital
#: spent ("5% of IT CapEx", "10% of hardware cost", "2% of purchase price")
_SHARE_OF_CAPITAL_RE = re.compile(r"(?i)[ \t]+of[ \t]+(?:the[ \t]+)?(?:(?:it|total|initial|gpu|server|hardware)[ \t]+)?"
                                  r"(?:cap(?:ital)?[ \t-]?ex\w*|capital(?:[ \t]+(?:cost|spend\w*|expenditures?))?"
                                  r"|hardware(?:[ \t]+(?:cost|value|price))?|purchase[ \t]+(?:price|cost))\b")


#: a row that sums the rows above it ("| **Total** |", "Grand total"), and a cell of it that is a
#: hundred percent: the whole's share of itself
_TOTAL_ROW_RE = re.compile(r"(?i)[\s*_]*(?:grand[ \t]+)?totals?[\s*_:]*")
_WHOLE_PCT_CELL_RE = re.compile(r"[\s*_~≈]*100(?:\.0+)?[ \t]*%[\s*_]*")


#: a header saying its column holds hours and minutes ("Time (h:m)", "hh:mm", "hours:minutes"),
#: and a cell so written ("54:20", "~8:30")
_CLOCK_HEADER_RE = re.compile(r"(?i)(?<![a-z])(?:hh?|hours?|hrs?)[ \t]*:[ \t]*(?:mm?|min(?:ute)?s?)(?![a-z])")
_CLOCK_CELL_RE = re.compile(r"[*_`\s]*(?P<q>[~≈][ \t]*)?(?P<h>[0-9]{1,3}):(?P<m>[0-5][0-9])[*_`\s]*")


def _clock_found(view: str, m: re.Match, starts, gpus, cell: "_CellContext", named: _Named) -> Found | None:
    """A cell of a column of hours and minutes ("54:20" under "Time (h:m)"): that many minutes
    (3,260 min) as the grammar's clock reader reads them, approximate where a "~" leads it."""
    q = clock_duration(view, m.start("h"), hours_minutes=True)
    if q is None:
        return None
    if m.group("q"):
        q.start, q.post = m.start("q"), "approx"
    return _build(view, q, starts, None, cell, gpus, named)


#: a table cell holding two numbers joined by a slash ("1517.54/42.85"), and one holding none
_PAIR_CELL_RE = re.compile(r"[*_` ]*(?P<a>[0-9][0-9,]*(?:\.[0-9]+)?)[ ]?/[ ]?(?P<b>[0-9][0-9,]*(?:\.[0-9]+)?)[*_` ]*")
_FRACTION_CELL_RE = re.compile(r"[*_`\s~]*(?:0?\.[0-9]{1,4}|1\.0{1,4})[*_`\s]*")
#: a header naming a batch size or a concurrency, and a cell of one bare whole number
_REQUESTS_HEADER_RE = re.compile(r"(?i)\W*(?:max(?:imum)?[ _-]?)?(?:(?P<b>batch(?:[ _-]?sizes?)?)|concurrency"
                                 r"(?:[ _-]?levels?)?|concurrent[ _-]requests)(?:[ \t]*(?:\((?:per[ \t]+)?(?:gpu|device"
                                 r"|requests?|sequences?)\)|per[ \t]+(?:gpu|device)))?\W*")
_WHOLE_CELL_RE = re.compile(r"[*_`\s]*[1-9](?:[0-9]{0,5}|[0-9]{0,2}(?:,[0-9]{3}){1,2})[*_`\s]*")  # ("5,000" too)
#: a whole number with "+" after it ("32+": 32 and more) or a note in parentheses ("1 (single user)")
_WHOLE_NOTED_CELL_RE = re.compile(r"[*_`\s]*[1-9][0-9]{0,5}(?:\+|[ \t]*\([^()\d]{1,40}\))[*_`\s]*")
_TAG_RE = re.compile(r"<[^<>]{0,200}>")
#: a header naming a score ("MT-Bench score", "Intelligence Score", "Elo rating"), and a corner cell
#: saying a table's rows are benchmarks ("Benchmark", "Evaluation metric")
_SCORE_HEADER_RE = re.compile(r"(?i)\b(?:scores?|ratings?|elo)\b")
#: a score header that says its scores are points, not percentages ("Elo", "MT-Bench", "rating", "points")
_POINTS_HEADER_RE = re.compile(r"(?i)\b(?:ratings?|elo|points?|pts|mt-?bench|arena)\b")
_ELO_HEADER_RE = re.compile(r"(?i)\belo\b")
#: a benchmark or a metric of one named in a column's header ("MTEB Retrieval (NDCG@10)", "MMLU (5-shot)")
_BENCH_METRIC_HEADER_RE = re.compile(r"(?i)\b(?:ndcg|mteb|mmlu|gsm8k|humaneval|pass@[0-9]+|map@[0-9]+|mrr@[0-9]+|recall@[0-9]+)")
_BENCH_CORNER_RE = re.compile(r"(?i)^\W*(?:benchmarks?|evals?|evaluations?|evaluation (?:metrics?|tasks?)|tasks?)\W*$")
#: a cell holding one bare number, perhaps bold or approximate ("8.30", "**0.43**", "~51", "1,250")
_SCORE_CELL_RE = re.compile(r"[*_`\s~≈]*(?:[0-9]{1,3}(?:,[0-9]{3})?|[0-9]{1,4})(?:\.[0-9]+)?[*_`\s]*")


def _untag(cell: str) -> str:
    """A cell's text without its HTML tags ("<strong>0.43</strong>")."""
    return _TAG_RE.sub("", cell) if "<" in cell else cell


_EMPTY_CELL_RE = re.compile(r"(?i)\s*(?:n/?a|-+|—|–|tbd|\?)?\s*")
#: two measures named with a slash ("`throughput/latency`", "TPS/TTFT"): what a pair's sides are
_PAIR_NAMES_RE = re.compile(r"(?<![\w/.])([A-Za-z][A-Za-z-]{1,24})\s?/\s?([A-Za-z][A-Za-z-]{1,24})(?![\w/])")


def _pair_units(view: str, t: Table, tables) -> tuple[Quantity, Quantity] | None:
    """The units of the two sides of a table whose cells are slash pairs ("1517.54/42.85"),
    when the corner cell, the caption or the paragraph before the table names the two measures
    ("`throughput/latency`") and each name has a unit: in its own words, or in a header of the
    article's tables that names it ("Output Throughput (tokens/sec)") or the acronym the text
    gives it ("inter-token latency (ITL)" and "Median ITL (ms)"). None otherwise."""
    n_pairs = n_other = 0
    for row in t.rows:
        for cell in row[1:]:
            if _PAIR_CELL_RE.fullmatch(view, cell.start, cell.end):
                n_pairs += 1
            elif not _EMPTY_CELL_RE.fullmatch(cell.text):
                n_other += 1
    if n_pairs < 2 or n_other > n_pairs // 4:
        return None
    lead_end = len(view[:t.start].rstrip())
    lead_lo = max(view.rfind("\n\n", 0, lead_end) + 1, lead_end - 1000, 0)
    units: dict = {}
    for src in ((t.header[0].text if t.header else ""), t.caption or "", view[lead_lo:lead_end]):
        for m in list(_PAIR_NAMES_RE.finditer(src))[:-5:-1]:  # (the last four named: each name is looked up once)
            ab = []
            for name in m.groups():
                key = name.lower()
                if key not in units:
                    units[key] = _measure_unit(view, name, tables)
                ab.append(units[key])
            if ab[0] is not None and ab[1] is not None:
                return ab[0], ab[1]
    return None


_ACRONYM_DEF_RE = re.compile(r"\(([A-Z]{2,6})\)")
_ACRONYMS: dict = {}  # id of the text last asked about -> (the text, [(start, acronym) of each "(ITL)" in it])


def _acronym_defs(view: str) -> list:
    """(start, acronym) of each acronym in brackets in ``view``, found once per text (each name
    of each table of slash pairs looked for them through the whole text)."""
    hit = _ACRONYMS.get(id(view))
    if hit is None or hit[0] is not view:
        _ACRONYMS.clear()
        hit = _ACRONYMS[id(view)] = (view, [(m.start(), m.group(1)) for m in _ACRONYM_DEF_RE.finditer(view)])
    return hit[1]


def _measure_unit(view: str, name: str, tables) -> Quantity | None:
    """The unit the article gives a measure's name (see :func:`_pair_units`)."""
    q = header_unit(name)
    if q is not None and (q.atom or q.cur or q.percent):
        return q
    words = [re.escape(name)]
    low = name.lower()
    for at, acronym in _acronym_defs(view):  # "inter-token latency (ITL)": the acronym names it too
        before = view[max(0, at - len(name) - 3):at].rstrip(" \t").lower()
        if before.endswith(low) and not before[-len(low) - 1:-len(low)].isalnum():
            words.append(acronym)
    rx = re.compile(r"(?i)\b(?:" + "|".join(words) + r")\b")
    for t in tables:
        for cell in t.header:
            if rx.search(cell.text):
                q = header_unit(cell.text)
                if q is not None and (q.atom or q.cur or q.percent):
                    return q
    return None


def _item_start(view: str, before: int) -> int:
    """The newline that opens the paragraph or list item ``before`` is in: the last blank line
    or "- ", "* " item before it (-1 for none). (The items are looked for after the blank
    line only: one before it is no nearer, and a text without items was searched back to its
    start for each operand of its formulas.)"""
    para = view.rfind("\n\n", 0, before)
    return max(para, view.rfind("\n- ", max(para, 0), before), view.rfind("\n* ", max(para, 0), before))


#: the dimensions of a counted thing a price can be per (requests, tokens; a plain count: GPUs, users)
_PER_COUNT_DIMS = frozenset({"[query]", "[token]"})


def _price_per_count(w, qs: list, new: list, result: Quantity) -> None:
    """A count times an amount of money that makes an amount of money ("100 × $0.01 = $1.00"
    after "100 individual API calls", "10,000 requests × $0.002 = $20"): the money operand is a
    price per one of the counted things (USD per query), as the product needs it. Only for a
    price this working reads itself (``new``), two operands, one a count with a named unit of
    its own (no scale, no rate), the other money with no rate, a result in the same currency,
    and the product within 2% of the result."""
    from kb.core.units import UnitSize

    if len(qs) != 2 or w.ops != ("*",) or not result.cur or result.den or result.percent:
        return
    for price, count in ((qs[0], qs[1]), (qs[1], qs[0])):
        if not any(price is q for q in new) or price.cur != result.cur or price.den or price.atom \
                or price.scale or price.percent or price.ratio:
            continue
        if count.cur or not count.atom or count.atom in ("item", "x") or count.scale or count.den \
                or count.percent or count.ratio or not re.fullmatch(r"[A-Za-z]+", count.atom):
            continue
        try:
            f, dims = UnitSize.of(count.atom).base()
        except Exception:  # noqa: BLE001 - a unit the registry cannot read is no counted thing
            continue
        if f != 1 or not set(dims) <= _PER_COUNT_DIMS:
            continue
        total = float(count.value) * float(price.value)
        if result.scale or not result.value > 0 or abs(total - float(result.value)) > 0.02 * float(result.value):
            continue
        price.den = count.atom
        return


def _written_amounts(text: str, view: str, found: list[Found], starts, gpus, seen: set,
                     clauses: dict | None = None) -> list[Found]:
    """The numbers of compact arithmetic written out ("16x80GB=1280GB", "`21*8=168`",
    "$2.49 x 24 x 30 = $1,793", :func:`kb.extract.arith.written_arithmetic`) that nothing read:
    each operand and the result is a quantity of its own, with the unit the expression gives it.
    An operand with a unit of its own keeps it; a bare one is a count (``item``), or the number
    it restates; a bare result takes the unit of the one operand that is no count ("16 × 80 GB"
    is so many GB), or is a ratio ("176 ms ÷ 9 ms"), or a count where all are counts. An operand
    that restates a number read earlier in the text (the same value; the same unit where it
    has one) is no claim of its own (curators record the figure once, where it is stated); the
    relation's discovery reads it as that number (:mod:`kb.extract.arith`)."""
    from kb.core.units import UnitSize
    from kb.extract.arith import written_arithmetic

    ws = written_arithmetic(view)
    if not ws:
        return []
    at = {f.q.start: f for f in found}
    earlier: dict[float, list] = {}
    for f in sorted(found, key=lambda f: f.q.start):
        if f.draft.value is not None:
            earlier.setdefault(float(f.draft.value), []).append(f)

    def restated(q: Quantity, before: int) -> Found | Quantity | None:
        """The number read earlier that ``q`` restates: the nearest of the same value (and the
        same unit or currency, where ``q`` has one); beyond its paragraph, a bare single digit
        restates nothing (it meets one by chance). A number of its paragraph that nothing read
        ("21 of which are ...") is restated too: then ``q`` itself is returned, unread."""
        para = _item_start(view, before)
        best = None
        for g in earlier.get(float(q.value), ()):
            if g.q.start >= before:
                break
            if not q.has_unit or unit_text(g.q) == unit_text(q) or q.cur and not q.atom and g.q.cur == q.cur:
                if g.q.start > para or not q.has_unit and len(q.num_text.strip("$€£")) < 2:
                    best = g if g.q.start > para else best
                else:
                    best = g
        if best is None and not q.has_unit and re.search(r"(?<![\w.,])" + re.escape(q.num_text) + r"(?![\w.,]?\d)",
                                                          view[para + 1:before]):
            return q
        return best

    def counts(q: Quantity) -> bool:
        if not q.has_unit:
            return True
        try:
            return not UnitSize.of(unit_text(q)).base()[1]
        except Exception:  # noqa: BLE001 - a unit the registry cannot read counts nothing
            return False

    out: list[Found] = []
    for w in ws:
        qs: list[Quantity] = []
        new: list[Quantity] = []
        for i, (s, e) in enumerate(w.operands):
            f = at.get(s)
            if f is not None:
                qs.append(f.q)
                continue
            q = parse_upto(view, s, e, gpu_aliases=gpus)
            if q is None or q.start != s or not q.value > 0 or q.scale and not q.has_unit:
                break
            if _hourly_operand(view, w, i, q):
                # "On-demand: 8.5 hours × $32.77 = $278": the line's price per hour, its own number
                # (not the "~$32.77/hour" a list above gives a named instance: the line states the
                # rate its amount is worked out at)
                q.den = "hour"
                qs.append(q)
                new.append(q)
                continue
            g = restated(q, w.start)
            if g is not None and not q.has_unit and len(q.num_text.strip("$€£")) < 2 and not isinstance(g, Quantity) \
                    and g.q.start < _row_start(view, w.start):
                # "| **B200** | **2 × 132 = 264** |" under "SM Count": as beyond its paragraph in
                # prose, a bare single digit in a table cell restates nothing beyond its row (it
                # meets one by chance): the "2.0 TB/s" of a row above is no "2"
                g = None
            if g is not None:
                qs.append(g if isinstance(g, Quantity) else g.q)
                continue
            if q.spelled or q.compare:
                break
            qs.append(q)
            new.append(q)
        else:
            rs, re_ = w.result
            r = at.get(rs)
            if r is None:
                rq = parse_upto(view, rs, re_, gpu_aliases=gpus)
                if rq is None or rq.start != rs or rq.spelled or rq.scale and not rq.has_unit:
                    continue
                if not rq.has_unit:
                    units = [q for q in qs if not counts(q)]
                    if w.ops == ("/",) and len(units) == 2 and unit_text(units[0]) == unit_text(units[1]):
                        rq.ratio = True
                    elif "/" not in w.ops and len(units) == 1:
                        _apply_header(rq, units[0])
                        if not rq.has_unit:
                            continue
                    elif not units and "/" not in w.ops:
                        rq.atom, rq.count = "item", True
                    else:
                        continue
                new.append(rq)
            _price_per_count(w, qs, new, r.q if r is not None else new[-1])
            own_unit = any(q.has_unit and q.start == s for q, (s, _) in zip(qs, w.operands))
            for q in new:
                if not q.has_unit:
                    if re.search(r"\d[eE][-+]?\d", q.num_text):
                        continue  # "4.59E+14" bare: a number in base units of a thing unnamed, no count
                    if len(q.num_text) < 2 and not own_unit:
                        continue  # a bare digit among bare numbers ("44x3/9"): a constant of the working, no claim
                    q.atom, q.count = "item", True
                unit = unit_text(q)
                if not unit or q.percent:
                    continue
                d = Draft(quote="", start=0, end=0, value=q.value, low=None, high=None, unit=unit, qualifier="exact",
                          span_start=q.start, span_end=q.end, value_text=q.num_text, form=q.form or "unit")
                f = Found(d, q)
                if _record(text, view, f, starts, None, seen, clauses):
                    out.append(f)
                    at[q.start] = f
    return out


#: a number of hours (its unit spelled right after it), and a bare amount of money
_HOURS_OPERAND_RE = re.compile(r"[0-9][0-9.,]*[ \t]*(?:hours?|hrs?)")
_BARE_AMOUNT_RE = re.compile(r"[$€£][0-9][0-9.,]*(?![0-9.,]*[kKmMbB%])")
_RATE_AFTER_RE = re.compile(r"[ \t]*(?:/|per\b|an?[ \t]+(?:hour|month|year|day)\b)")


def _hourly_operand(view: str, w, i: int, q: Quantity) -> bool:
    """Is operand ``i`` of the written product ``w`` a bare amount of money that a number of hours
    multiplies into the amount written after it ("8.5 hours × $32.77 = $278")? Then it is a price per
    hour: hours times a price per hour is money, hours times money is not. (An aside after its
    amount, "= $128 (4 hours × $32)", is left as it was: its line's "(1 GPU used)" would make the
    node's price a GPU's.)"""
    if w.ops != ("*",) or len(w.operands) != 2 or i != 1 or not q.cur or q.den or q.atom or q.scale:
        return False
    (hs, he), (s, e) = w.operands
    rs, re_ = w.result
    return (rs > e and _BARE_AMOUNT_RE.fullmatch(view, s, e) is not None and _HOURS_OPERAND_RE.fullmatch(view, hs, he) is not None
            and (m := _BARE_AMOUNT_RE.match(view, rs, re_)) is not None and not _RATE_AFTER_RE.match(view, m.end()))


#: A header's number that scales its column ("Cost / 1M", "Energy per 1M tokens", "8-GPU Node"):
#: no amount of its own.
_HEADER_SCALE_BEFORE_RE = re.compile(r"(?:/|\bper|\beach|\bevery)\s*$", re.I)


#: a column header that is one unit of time alone ("1 Hour", "1 Month", "One Year")
_ONE_PERIOD_HEADER_RE = re.compile(r"(?i)[\s*_]*(?:1|one)[ \t\u00a0-]*(?:hour|hr|h|day|week|month|mo|year|yr)[\s*_]*")
#: a header that is a count of periods and nothing else ("3 Months", "12 mo", "2 Years")
_TERM_HEADER_RE = re.compile(r"(?i)[\s*_]*[0-9]{1,2}[ \t\u00a0-]*(?:hours?|hrs?|days?|weeks?|months?|mos?|years?|yrs?)[\s*_]*")


def _header_amounts(text: str, view: str, t: Table, starts, gpus, cands, seen, named,
                    hit_starts=(), hit_ends=()) -> list[Found]:
    """The amount a column header states ("1K GPU Hours Energy", "Cost at 8 GPUs"): the column's
    values are for that amount, which is a quantity of its own (a number with a unit of its
    own, not the scale of a rate: "Cost / 1M tokens" and "8-GPU Node" are left to the column's
    unit). The first column (the row labels) states none."""
    out = []
    line_lo = view.rfind("\n", 0, t.header[0].start) + 1
    line_hi = view.find("\n", t.header[-1].end)
    line_hi = len(view) if line_hi < 0 else line_hi
    span = (line_lo, line_hi)
    terms = None  # (whether a header says one period: then its siblings "| 3 Months | 6 Months |" are terms too)
    for cell in t.header[1:]:
        if cell.text[:1] in "1Oo*_ " and _ONE_PERIOD_HEADER_RE.fullmatch(cell.text):
            continue  # "| 1 Hour | 1 Month |": the period each column's prices are for, no duration of anything
        if _TERM_HEADER_RE.fullmatch(cell.text):
            if terms is None:
                terms = any(_ONE_PERIOD_HEADER_RE.fullmatch(x.text) for x in t.header[1:])
            if terms:
                continue  # "| 1 Hour | 1 Month | 3 Months | 6 Months |": the terms a row's prices are for
        for k in range(bisect.bisect_left(cands, cell.start), bisect.bisect_left(cands, cell.end)):
            s = cands[k]
            if not view[s].isdigit() or _HEADER_SCALE_BEFORE_RE.search(view, max(cell.start, s - 8), s):
                continue
            h = bisect.bisect_right(hit_starts, s) - 1
            if h >= 0 and hit_ends[h] > s:
                continue  # "| A100 SXM 80GB |": the number is part of a name the registry knows
            q = parse_upto(view, s, cell.end, gpu_aliases=gpus)
            # (a change a column's scenario assumes, "| 25%/yr decline |" over the payoff months at that
            # fall of prices, is an amount of its own)
            change = q is not None and q.percent and q.compare in ("up", "down") and not q.ratio
            if q is None or not q.has_unit or (q.compare or q.percent or q.ratio) and not change \
                    or view[s + len(q.num_text):s + len(q.num_text) + 1] == "-" or _in_parens(view, s):
                continue  # (a percentile's column, "8-GPU Node", "(reserved 1yr)": labels, no amounts)
            f = _read_at(view[:cell.end], s, starts, None, gpus, named=named)
            if isinstance(f, Found) and f.draft.qualifier != "range":
                f.draft.qualifier = "exact"
                f.draft.context = {"row": "", "column": cell.text}
                if _record(text, view, f, starts, span, seen, table=t if change else None):
                    out.append(f)
            break
    return out


# --------------------------------------------------------------------------------------
# Output: records, documents, a file's drafts
# --------------------------------------------------------------------------------------

def draft_id_prefix(source_id: str) -> str:
    """``000_f7fd...`` -> ``s000``; other ids -> a slug of their first characters."""
    m = re.match(r"([0-9]+)", source_id)
    if m:
        return "s" + m.group(1)
    slug = re.sub(r"[^a-z0-9]+", "-", source_id.lower()).strip("-")[:24].strip("-")
    return slug or "src"


def _yaml_number(x: float | None, written: str | None):
    if x is None:
        return None
    if written and re.fullmatch(r"[0-9,]*\.[0-9]*0", written) and "e" not in written.lower():
        return written.replace(",", "")  # trailing zeros carry precision: keep "2.50"
    if float(x).is_integer() and abs(x) < 1e15:
        return int(x)
    return float(f"{x:.12g}")


def draft_record(d: Draft, prefix: str) -> dict:
    rec: dict = {"id": f"{prefix}-at{d.span_start}", "entity": d.entity, "property": d.property}
    if d.qualifier == "range":
        rec["low"] = _yaml_number(d.low, d.low_text)
        rec["high"] = _yaml_number(d.high, d.high_text)
    else:
        rec["value"] = _yaml_number(d.value, d.value_text)
    rec.update({"unit": d.unit, "qualifier": d.qualifier, "conditions": dict(d.conditions),
                "quote": d.quote, "start": d.start, "end": d.end, "raw": d.raw,
                "span_start": d.span_start, "span_end": d.span_end,
                "confidence": {"value": d.confidence, "entity": d.entity_confidence,
                               "property": d.property_confidence}})
    if d.numerator is not None:
        # (a difference takes its unit from its sides' property: the same thing's, at two dates or
        # in two conditions)
        rec["numerator"] = {"entity": d.entity, "property": d.numerator}
    how = {k: d.evidence[k] for k in ("value", "entity", "property") if d.evidence.get(k)}
    if how:  # how each guess was made: `kb promote` says it of an entity it holds back
        rec["evidence"] = how
    if d.entity is None and d.entity_new:
        rec["entity_new"] = d.entity_new
    if d.context:
        rec["context"] = dict(d.context)
    return rec


def drafts_document(source_id: str, drafts: list[Draft], text: str | None = None) -> dict:
    """``{source, drafts}``; with the ``text`` the drafts were read from, each draft that
    follows from two or three others (:mod:`kb.extract.arith`) carries the proposed
    relation (``derived:`` and a draft-only ``relation:`` note)."""
    prefix = draft_id_prefix(source_id)
    records = [draft_record(d, prefix) for d in drafts]
    if text is not None:
        from kb.extract.arith import attach, propose

        attach(records, propose(text, records))
    return {"source": source_id, "drafts": records}


def source_id_of(path: Path) -> str:
    """The source id a file's drafts are for: its name without a .txt/.md/.html suffix."""
    from kb.store.ingest import HTML_SUFFIXES, TEXT_SUFFIXES

    path = Path(path)
    return path.stem if path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES else path.name


def extract_file(path: Path, root: Path | None = None, registry: Registry | None = None) -> dict:
    """``{source, drafts}`` for the text of the file at ``path`` (read as ``kb add-source``
    stores it: HTML reduced to its main text, tables kept), linked against the registry of
    the knowledge base at ``root`` (or ``registry``; none: no linking). Raises
    :class:`~kb.errors.ExtractError` for a file that cannot be read."""
    from kb.store.ingest import read_source_text

    path = Path(path)
    try:
        text = read_source_text(path)
    except IngestError as exc:
        raise ExtractError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ExtractError(f"{path}: {exc.strerror or exc}") from None
    if registry is None:
        registry = load_registry(root) if root is not None else Registry()
    sid = source_id_of(path)
    published = published_of(root, sid) if root is not None else None
    return drafts_document(sid, extract_text(text, registry, published=published), text)
