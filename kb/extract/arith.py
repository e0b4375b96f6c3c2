"""Relations proposed from an article's own numbers: the arithmetic ``kb extract`` finds.

Given the numbers read from a text (drafts, or curated claims) with their places, units and
intervals, :func:`discover` proposes how one of them follows from two or three others:

* **implied**: within one paragraph (or one table row), the product or quotient of two
  stated quantities whose dimension is the dimension of a third (``8 GPU × 700 W`` and
  ``5.6 kW``; ``$3 per hour`` / ``2 GPU`` and ``$1.50 per GPU-hour``);
* **written out**: the same, and products of three quantities, where the text between them
  writes the arithmetic (``×``, ``*``, ``=``, ``→``, ``⇒``, "that's", "comes to", ...); compact
  arithmetic ("~$20/mo × 50M subs ≈ $12B ARR", "1,350 × $2.50/1M = $0.003375") holds too where
  its units leave one count per request or user unsaid ("800 x 50,000 = 40M tokens": tokens a
  request times requests a month), as stated only, never a slip;
* **in a table**: a cell's inputs are also the other cells of its row, the cells of its
  column in the rows next to it (where they measure something else), the numbers of the
  headers (and the amount a header assumes in parentheses, "| Monthly Cost (3B tokens) |":
  3B tokens a month, :func:`read_header_amounts`), of the table's total row, of the text just
  before the table (its assumptions: a
  price, a PUE; an earlier table's right before it, where none is restated) and of a note
  right under it ("~250 words per page"). Three inputs are tried along a row too
  (``GPUs × hours × $/GPU-hour``). Rows that share a formula decide
  (:func:`_by_table`): one holding on most rows is strong evidence, and a telltale miss on one
  of them is a slip; one holding on no row, on a lone row among three or more, or mixing a
  row with a column, is a coincidence and is dropped; a ratio column whose baseline row
  states "1.0x" (or "100%", "baseline") is each row's number over the baseline row's in one
  column, or the other way up (a speed-up of times), where one column makes it
  (:func:`_baseline_sides`; a column of multiples, "~48x cheaper" too, with its one blank row
  as the baseline), and a ratio row whose baseline column states "x1.0" is each
  column's number over the baseline column's in one row (:func:`_baseline_column_sides`); a
  signed percentage under a header that names a change without a way ("| YoY Change | +51% |")
  is a relative difference of its row's two amounts, the sign saying which way
  (:func:`_difference_cue`);
* **per request**: a number per request (a cost or an energy per run, call, query) is also a
  plain token count times a rate per token of its sentence (or of its table row), the count taken
  as what one request sends ("sends 4,000 tokens at $0.02 per 1K tokens, which comes to $0.08 per
  run": ``a * b / [1 request]``, :data:`PER_REQUEST`; the curators write the same ``/ [1
  request]``); in a table row, it is also the row's duration or token count (what one request
  takes) times a rate of the thing the row's label names stated before the table, in an earlier
  table or in prose ("| RTX 3090 (32B) | ~8 min | ~$0.008 |" with the RTX 3090's "$0.058/hr"
  further up), the rates looked up by name (so is any other cell of a row: another cell of it
  times or over such a rate, "| Rented RTX 3090 | $0.33 | 1.7 hours |" with the card's "$0.20/hr"
  above, "| RTX 3090 | $0.20/hr | $0.64 per 1M tokens |" with its "315,000 tokens an hour"); the
  rows decide as for any table formula, but a lone
  row that agrees is no relation (:func:`_row_named_rate`); and a plain amount in prose is a count
  of requests stated before it times what each one takes, where "each" or "every" says so
  ("Say you run 1,000 requests. Each one sends 1,500 tokens ... That's 1.5 million tokens"),
  nearly exactly and one pair only, never a slip (:func:`_requests_times_each`); a table cell
  that nothing else makes is the product or quotient of two rates stated in prose before the
  table, one pair of values only, kept where every amount of its row is made so with one rate in
  common ("| Water | 0.0054 mL | 0.00018 mL |" with each model's "0.018 Wh/token" and "0.0006
  Wh/token" and the site's "0.30 mL/Wh" sections up: :func:`_cell_of_two_rates`), where nothing
  else holds for it, never a slip; a table cell that is another amount of its row times (or
  over) one rate stated in prose anywhere before the table ("| e5-base-v2: int8 | 178.81GB<br>$679
  / mo |" with "Costs are computed at an estimated $3.8 per GB/mo" sections up), kept where one
  rate and one column of inputs make three rows at least and every row stating both amounts
  (:func:`_columns_at_rate`), where nothing else holds for it, never a slip; a ratio column whose
  rows come in groups each led by its own baseline row ("100%" on each model's float32 row) is
  each row's number over the nearest baseline row's above it (percentages of one property, a
  benchmark's scores, too: :meth:`_Layout.group_baseline_row`; of a run of baseline rows the
  first leads, the next ones keep all of it: "| 55.0 | 100% |" twice is 55.0 over 55.0);
* **in a list**: an item's inputs are also the numbers of the list's intro line (an earlier
  item's indented continuation lines are no intro line);
* **totals**: a table's total row ("Total", "Subtotal", "5-year TCO"; of shares in percent too,
  a fund's weights) is tried as the sum of its column above it (below it, where
  it is stated first), a total column's cell as the sum of its row's cells to its left, a list's
  "Total" item as the sum of the items above it (:meth:`_Layout.sums`), a total a list's intro
  line states as the sum of its items' amounts (:meth:`_Layout.intro_totals`), a total the words
  at it state in prose ("a total of", "combined", "together", "in all", "cumulative", "adds up
  to", "comes to", "an all-in", "Total:", "$X between them", "$X, with $a on A ...", "$X, of which", "$X (A $a, B $b)", "$a + $b = $X", "overall", "between the
  three", "jointly", "brings ... to", "500k A100s and H100s" before their parts) as the sum of the nearest run
  of amounts of its kind before or after it, or of a column of the table next to it
  (:func:`_prose_totals`); a parts list written one part to a line, each line led by an
  amount, is summed whole into the amount of its unit stated right after it ("Price : 560€", or
  a line-leading amount under a heading of its own: :func:`_paragraph_parts`); a labelled line
  right after a list ("**International AI exposure: ~$1,900**" under "- TSMC: $36,000 × 3.18% =
  ~$1,145" and its siblings) is the sum of each item's last amount of its kind, every item having
  one (:func:`_list_totals`); a breakdown that
  says it is one ("16 of those data centers are in Virginia, 2 in ...") into the nearest number
  of its unit before it (:func:`_of_those_parts`); an amount "A plus B" states ("Cash plus
  restricted cash sits at $2.49B") as the sum of the two amounts before it whose labels, a table
  row's or a line's, name A and B (:func:`_plus_named_parts`); an amount and "an additional" one
  after it, the next amount of their kind that words state as their sum ("So, 300 tokens for the
  input": :func:`_additional_totals`); a sum is proposed only where it holds to 2%,
  never as a slip; a projection table's column that scales with the amounts labelling its rows
  on every row (three at least: "| 5,000 | ... | $1.05 |", "| 50,000 | ... | $10.50 |") is each
  later row's cell as the first row's scaled by the labels (:func:`_proportional_columns`), after
  any other relation of the cell, never a slip;
* **from afar**: a ratio or share claim may take its two sides (one property) from its
  paragraph or the one before (:func:`_ratio_sides`); a quantity may use the last numbers of the
  paragraph just before and the rates the text stated earlier (:meth:`_Layout.afar`), where a
  number at hand makes it with them; a ratio stated as one value may be the quotient of the
  last two amounts of one kind stated before it in prose, whatever each measures
  (:func:`_last_two`); a quantity outside tables that nothing else makes may take a rate of the
  thing its sentence or its list's intro line names, stated anywhere before it ("**Energy for
  1M X100 GPU-hours:** ~700 MWh", the X100's 700 W in a table above), one pair of values or
  nothing (:func:`_named_rate`), else a number of its sentence and one of the latest rates of
  the dimension it takes stated in the paragraphs before ("costing me roughly $0.37" for "3.12
  kWh" with "$0.12/kWh" near the top: :func:`_rate_of_dimension`); a ratio stated as one value
  ("30x", not a share nor a change in percent) that nothing at hand makes may take two numbers
  of one property from up to :data:`RATIO_FAR_PARAS` paragraphs further back, one pair (or one
  per property, the nearest winning) or nothing (:func:`_ratio_far`); a ratio restated elsewhere ("833x" in the title) is
  the quotient a relation found for its other statement links, and so is a share stated to
  three digits at least ("pushes the performance to 96.45%" under a table's "96.45%" of two
  scores: :func:`_restated_ratios`), and so is a one-digit ratio of the same things with the same
  comparative ("4x cheaper" in a summary, "X is 4x cheaper than Y" sections up:
  :func:`_same_comparison`); a cell
  of a row whose label names a quotient ("| **PUE** |", "| TFLOPS/Watt |", "| ... Margin |") is
  the quotient of two cells of its column up to :data:`QUOTIENT_ROWS` rows away, one pair or
  nothing (:func:`_column_quotient`; for a margin row it comes before a difference); a share
  or ratio stated as a lower bound ("more than 91%") is a result read up to the next step of its
  last digit, where that is near, and takes its sides as a point ratio does, never an input
  (:data:`BOUND_REACH`); a ratio stated as a range ("7-10x faster") is the quotient of two
  ranges of one property before it whose middles' quotient lies within it, one pair only
  (:func:`_range_ratio`; the range as stated, not as its rounding widens it); a ratio stated as a
  range that nothing at hand makes ("| $110-115/MWh PPAs | 83-92% premium pricing |", read as
  1.83-1.92x) is the range amount right before it over one value of its dimension stated anywhere
  before ("$0.06/kWh"), where each end agrees nearly exactly, one pair only, and a restatement of
  the range takes the same pair (:func:`_range_ends`); a share written as an amount's equivalent ("$9,240/month = 37%") is
  that amount over the nearest whole of its kind before it (:func:`_share_of_before`); an
  amount in prose is a count of its sentence times one thing's amount stated before it ("3
  gpus, 120gb" under "A100 has 40gb": :func:`_count_times_one`) or an amount of its sentence
  times a share of a share stated before it ("10% ... and 10% of those": :func:`_share_chain`), or
  an amount stated as a total ("four RTX Pro 6000 GPUs for a total of 384 GB") a count of its
  sentence times the one amount of its thing and property stated anywhere, a table further down
  too (:func:`_count_total_of_one`);
  a quantity restated elsewhere takes its other statement's relation, solved for it
  (:func:`_restated_results`). None of these is ever a slip;
* **a bracket of two sides**: a ratio whose sentence goes on to a bracket comparing two numbers of
  one kind ("2x+ efficiency gains (91.7 vs 41.6 tokens/Wh)") is their quotient as the writer
  rounds it, an open "2x+" or a one-digit "5x" too (:func:`_vs_bracket`); never a slip;
* **an open ratio**: a lower bound with no upper end ("more than 100 times" that of "3.8%" after
  "400% annual growth") that nothing else makes is the one quotient of two numbers of one property
  in its paragraph or the one before it, no heading between, from the bound up to
  :data:`OPEN_BOUND_REACH` times it (:func:`_open_bound_sides`); never a slip;
* **a change against its baseline**: a percentage with a comparison word right after it and its
  baseline next ("$200B ... about 52% vs 2025 capex ($131.8B)", "+77% y/y vs. $12.8 billion"), or
  a signed one right after two amounts compared ("$35.1B (vs. $30.0B last quarter, +17%)"), is
  the change of the amount before from the baseline, ranges too, each end as the writer rounds it
  (:func:`_vs_baseline`, :func:`_vs_pair_change`); such a percentage is then no share of another
  amount; a change stated as a range ("$60-65 billion ... versus $39.2 billion, a 53% to 66%
  jump") is a range against one value (:func:`_range_difference`); never a slip;
* **rates in a row's label or a column's header**: a row labelled with its prices ("| GPU cost
  (@$37.5K SXM, @$32K PCIe) |") makes each cell of a count stated before the table times its
  column's price (:func:`_label_rates`); a header's price ("| Cost (@ $150/hr) |") is read as a
  number (:func:`read_header_amounts`), each row's cost its hours at it;
* **sibling items and bracketed formulas**: a list item's relation with one input stated before
  the list carries to the sibling items led by another label that the input's sentence names
  ("- CPU: ... 43 seconds, 1.13Wh" and "- GPU: ... 5.3 seconds, 4.59Wh" under "95W ... versus
  312W for GPU inference"), and a formula written with brackets and unit conversions ("$2.00 /
  (120,000 × 3600 / 1e9) ≈ $0.046") is the quotient or product of the quantities its numbers
  restate; either is proposed where it agrees nearly exactly or as a slip where it misses by a
  power of ten (:func:`_sibling_items`, :func:`_bracketed_formulas`);
* **named sides**: a ratio claim whose sentence compares two things it names ("X is 2x faster
  than Y", "3x the Y", "the X's 60% greater bandwidth") takes its two sides anywhere in the
  text, numbers of one property of the things so named (entity, condition values), nearest
  first, one pair or nothing (:func:`_named_sides`); its subject is read in its own clause (a
  dash or a semicolon ends the one before), the pairs of the property its clause names win,
  and with one side named only they count; where the two named sides miss it by a
  power of ten and the sentence says what it compares, that is a slip; a percentage change
  ("up 40%") takes two dated numbers of its subject the same way (:func:`_change_sides`); a
  ratio whose clause names what it compares whole but none of the things ("the memory
  bandwidth is higher by 2x", "The throughput is x1.16 higher": its subject, no number before it
  in its clause) takes the one pair of values of that property anywhere in the
  text that makes it as stated, or nothing (:func:`_property_sides`); a ratio whose sentence
  names one row of a table and the column it reads ("for serving Orca-13B, `1xHawk` delivers
  2.5x higher throughput" under a table of rows "1xKite-40GB", "1xHawk-40GB" and a column
  "Orca-13B") takes that cell and the one in the same place of a parallel row (its label
  differs in one word), one pair or nothing (:func:`_parallel_sides`); a multiplier that restates,
  sections away, the quotient of two amounts one sentence compares ("96GB of memory each (versus
  32GB on first generation Gaudi", then "roughly 3 times more memory per device compared to
  first-gen Gaudi") takes that pair, where exactly one makes it within 3% and the two sentences
  share a word (:func:`_vs_pair_far`); a percentage whose line's label states it a share of a
  total ("Power as % of total cost: 3-4%") is the one labelled line above over the line whose
  label names the total (:func:`_share_of_labelled_total`);
* **differences**: a percentage the words at it (or its table column's header) state as the
  relative difference of two amounts ("a saving of 80%", "an 85% reduction", "40% cheaper",
  "a 25% margin", "the remaining 97.5%"; "a 30% premium", "up 25%") is 1 − smaller ÷ larger
  (larger ÷ smaller − 1) of two numbers of one kind at hand (else with the last two numbers of
  the paragraph before: "... from $9,000 to $6,300." then "That is a 30% reduction"; in a
  table whose column states its baseline row, "| Self-Hosted | $0.05 | Baseline |", the row's
  number against the baseline row's in one column: :func:`_baseline_difference`), the nearest
  pair that agrees nearly exactly (:func:`_difference`), else the two things its sentence names,
  their numbers anywhere, as :func:`_named_sides` finds a ratio's ("67% greater memory bandwidth"
  of the SXM variant: :func:`_named_difference`; of two named things' points and ranges, the one
  pair of points), else, for a percentage in brackets right after an amount ("$240/month (20%
  savings)"), that amount against the one number of its kind and property before it that makes
  it (:func:`_owner_difference`); a reduction the drafter read as a negative change is
  taken up at its magnitude (:func:`_negative_differences`); an amount the words at it (or its
  column's header) state as a difference ("saves $800", "a gap of $12", "300 W more than", "up
  $1.5 billion", "the other 780 million", "you've lost $800 million", a "Savings" column) is the
  larger less the smaller of two numbers of its kind at hand (its paragraph and the two before,
  its table row), ``a - b``, one pair only (:func:`_abs_difference`); a percentage restated in
  prose with words of a difference of the same sense ("53% more FP8 TFLOPS per watt" under a
  table, "53% better TFLOPS-per-watt" sections below) takes the relation of its other statement
  (:func:`_restated_differences`). Never a slip.

The result may stand before its inputs ("$2.50 for 12 pages at $0.03 per 1K tokens"); each
relation is proposed once (``a = b × c`` and ``b = a ÷ c`` are one relation,
:func:`_one_orientation`): its target is the number the text marks as a result ("= 102
hours"), else the product's, else the later number. Arithmetic written out right at a number
("224 kW (64 × 350 W)") is that number's relation before any other. A table row may be
computed from the row above it by a factor its own row states ("Total power with PUE 1.25"),
kept where it agrees to the digit.

The numbers of compact arithmetic written out that no draft read ("6 × 4 = 24": the drafter
leaves bare digits as constants of the working) are read with the grammar
(:func:`read_written`) for that expression's own relation only; :func:`attach` adds them to
the drafts.

A proposal is made only when the stated value agrees with the computed one nearly exactly
(``consistent``) or misses it by one of the telltale factors of a slip (``misses``), the
inputs taken at face value as the checker takes them ("2x" is 2, not 1.5-2.5: a rounded
input does not make a coincidence agree), the stated value read with its precision: a power
of ten, per day vs per month or year (30, 365), per hour vs per month (730), per hour vs per
day (24), GB vs GiB, bits vs bytes (8), or twice/half. A coincidental match of dimensions
that is neither is never proposed, so false alarms stay rare; a miss by a factor of two, the
commonest coincidence, is proposed only where the arithmetic is written out. Outside tables
an implied slip still needs its inputs before the result, in one sentence. Compact arithmetic
written out ("64 × 350 W = 25 kW") is the one exception: its result may miss by any factor
beyond rounding where the digits as written miss by it too (:func:`_digits_miss`,
:func:`_written_tolerance`), for no reading of the units can explain that. Counts carry no
dimension, so two readings are ruled out by words: a range led by "Hours", "Day", ... ("| Hours
1-1.5 |") is a span of the clock, no duration (:data:`_CLOCK_SPAN_RE`); and a count of things
times a money amount (or an amount over a count) is a money amount only where the text says the
amount is each thing's, and two amounts' quotient is never a count of things, unless the operation
is written between them (:func:`_count_times_amount`); a percentage that names its whole ("29%
of 10 hours") is a share of that whole only (:func:`_share_of_another`).

Each :class:`Proposal` carries its evidence (the formula with the numbers, the computed
interval, the factor) and a confidence (:data:`CONFIDENCE`; :data:`CONFIDENCE_TABLE` for a
formula the rows of a table share). Proposals stay drafts: ``kb extract --write`` writes each
as the target draft's ``derived:`` block with a ``relation:`` note, and ``kb promote``
carries the block into the curated claim when its inputs are curated too.
``python -m kb.tools.arithmetic`` measures discovery on the curated claims and as ``kb
extract`` runs it (on the drafts of each text).

Discovery looks only at a bounded neighbourhood of each number (:data:`NEIGHBOURS` numbers
before it and :data:`NEIGHBOURS_AFTER` after, within :data:`SPAN` characters, plus at most
:data:`ROW_CELLS`, :data:`COLUMN_ROWS`, :data:`HEADER_CELLS` and :data:`BEFORE` numbers of
its table or list), and looks its inputs up by dimension, so its cost grows linearly with the
text. Units are compared through :class:`kb.core.units.UnitSize` (base factor and dimension),
with no pint in the loop.
"""
from __future__ import annotations

import bisect
import contextlib
import functools
import gc
from bisect import bisect_right
import math
import re
from collections import defaultdict
from decimal import Decimal
from dataclasses import dataclass, field, replace as _replace
from typing import Iterable

from kb.core.formula import FormulaError, parse as parse_formula
from kb.core.intervals import QUALIFIERS, interval, stated_precision
from kb.core.units import SCALE_WORDS, UnitSize
from kb.errors import UnitError

__all__ = ["Item", "Proposal", "discover", "writes_out", "TELLTALES", "CONFIDENCE", "NEIGHBOURS", "SPAN"]

#: Numbers considered on each side of a target (in text order, same paragraph or row).
NEIGHBOURS = 6
#: Numbers considered after a target: a result written before its inputs ("$2.50 for 12 pages
#: at $0.03 per 1K tokens") has them close behind.
NEIGHBOURS_AFTER = 3
#: The widest stretch of text (characters) one relation may span.
SPAN = 400
#: "Nearly exactly": the computed value within this relative distance of the stated interval.
NEAR = 0.02
#: A telltale factor matches when stated × factor is within this relative distance of the
#: computed value.
FACTOR_TOLERANCE = 0.03

#: A slip is claimed only between numbers stated to within this relative half-width.
VAGUE = 0.2

#: Telltale factors of a slip: (factor, cause kind, words). The inverse of each is tried too.
TELLTALES: tuple[tuple[float, str, str], ...] = (
    *((10.0 ** k, "scale", f"a factor 10^{k} (a scale slip{', per 1K vs per 1M' if k == 3 else ''})")
      for k in range(1, 7)),
    (30.0, "time-unit", "per day vs per month (30)"),
    (30.44, "time-unit", "per day vs per month (30.44)"),
    (365.0, "time-unit", "per day vs per year (365)"),
    (730.0, "time-unit", "per hour vs per month (730)"),
    (24.0, "time-unit", "per hour vs per day (24)"),
    (8760.0, "time-unit", "per hour vs per year (8,760)"),
    (12.0, "time-unit", "per month vs per year (12)"),
    (2 ** 30 / 1e9, "binary-prefix", "GB vs GiB"),
    (8.0, "bits-bytes", "bits vs bytes (8)"),
    (2.0, "factor-two", "twice or half (counted twice, sparse vs dense)"),
)

#: The telltale factors as sorted |log|, for a quick first test.
_TELLTALE_LOGS = sorted(abs(math.log(f)) for f, _, _ in TELLTALES)


def _bands() -> tuple[list[float], list[float]]:
    """Where (computed ÷ stated)² may fall for a proposal: near 1, or near a telltale factor
    (merged, sorted bands), so most combinations are dismissed with one bisection."""
    spans = [(1 / (1 + NEAR) ** 2, (1 + NEAR) ** 2)]
    for f, _, _ in TELLTALES:
        for g in (f, 1 / f):
            spans.append((1 / (g * (1 + FACTOR_TOLERANCE)) ** 2, ((1 + FACTOR_TOLERANCE) / g) ** 2))
    spans.sort()
    lows, highs = [], []
    for a, b in spans:
        if highs and a <= highs[-1]:
            highs[-1] = max(highs[-1], b)
        else:
            lows.append(a)
            highs.append(b)
    return lows, highs


_BAND_LO, _BAND_HI = _bands()


#: Confidence of a proposal by (how it was found, verdict), set by hand; they also order the
#: proposals of one target (written before implied). Re-measured on 2026-12-01 on hand-labelled
#: samples of the development articles' proposals: written consistent ~0.7 right (13 of 19),
#: implied consistent ~0.75 (15 of 20), table-shared ~0.9; misses have too few labels (one) to
#: measure. ``python -m kb.tools.arithmetic`` reports the agreement with curated relations,
#: a lower bound (curators record few relations).
CONFIDENCE = {
    ("written", "consistent"): 0.8,
    ("implied", "consistent"): 0.5,
    ("written", "misses"): 0.6,
    ("implied", "misses"): 0.4,
}

#: (``*`` only as an operator between numbers: markdown's ``**bold**`` writes no arithmetic.)
_WRITTEN_RE = re.compile(r"[×=→⇒]|(?<=[\d\s)])(?<!\*)\*(?!\*)(?=[\s\d($])|->|\s[xX]\s|\b(?:that(?:'|’)?s|that is|which is|comes? to|works? out|"
                         r"total(?:s|ling|ing)?|in total|multipl\w*|divided|times)\b")
#: :data:`_WRITTEN_RE` in three parts that each start with a plain character (which the regex
#: engine scans for quickly): the operators; " x " from its "x"; the words, whose leading word
#: boundary :func:`_written_cues` checks. Their first characters differ, so at any place at most
#: one of them matches, and :func:`_written_cues` merges them into the matches of the whole.
_WRITTEN_PARTS = (re.compile(r"[×=→⇒]|->|\*(?<=[\d\s)]\*)(?=[\s\d($])"),
                  re.compile(r"[xX](?<=\s[xX])\s"),
                  re.compile(r"(?:that(?:'|’)?s|that is|which is|comes? to|works? out|total(?:s|ling|ing)?|in total|"
                             r"multipl\w*|divided|times)\b"))
#: Where each of :data:`_WRITTEN_PARTS` may match: every match starts with one of these (the
#: words' first words, an operator), so a part is tried only where str.find (faster on a long
#: text than a pattern's character set tried at each position) finds one. A frequent first
#: character that rarely starts a match (markdown's "**", the "x" of words) is given as a
#: pattern that starts with it and matches exactly where the part matches there: the regex
#: engine finds its few places by that character, and the part is not tried at the others.
_WRITTEN_STARTS = (("×", "=", "→", "⇒", "->", re.compile(r"\*(?<=[\d\s)]\*)(?=[\s\d($])")),
                   (re.compile(r"x(?<=\sx)\s"), re.compile(r"X(?<=\sX)\s")),
                   ("that", "which", "come", "work", "total", "in total", "multipl", "divided", "times"))
_WORD_CHAR_RE = re.compile(r"\w")
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
_RATIO_NAMES = {"percent", "x"}
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’)\]*]*\s+(?=[A-Z\"“(])|\n")
#: :data:`_SENTENCE_END_RE`'s first alternative alone (it starts with a plain character, which
#: the regex engine scans for quickly); :func:`_sentence_ends` adds the line ends.
_SENTENCE_STOP_RE = re.compile(r"[.!?][\"”’)\]*]*\s+(?=[A-Z\"“(])")
_NAME_RE = re.compile(r"\b[a-z]\b")
#: The dimension a telltale's slip is about: a time-unit slip needs time in the relation, a
#: GiB or bits slip information.
_TELLTALE_DIMENSION = {"time-unit": "[time]", "binary-prefix": "[information]", "bits-bytes": "[information]"}
_TIME_WORDS = ("second", "minute", "hour", "day", "week", "month", "year")


def _kinds_of_names(names) -> set[str]:
    """What unit words the numbers use, for the slips only a conversion between them makes:
    two different time units (per hour and per month), bits beside bytes."""
    out = set()
    for n in names:
        low = n.lower()
        for w in _TIME_WORDS:
            if low.endswith(w) or low == w:
                out.add("time:" + w)
        if low.endswith("bit"):
            out.add("bits")
        if low.endswith("byte"):
            out.add("bytes")
    return out


@functools.lru_cache(maxsize=1024)
def _kinds_of_unit(names: frozenset) -> frozenset:
    """:func:`_kinds_of_names` of one unit's names, found once per unit (those of several
    numbers are the union of theirs)."""
    return frozenset(_kinds_of_names(names))


@dataclass(frozen=True)
class Item:
    """A number of the text: its id, where it stands, and its interval in ``unit``."""

    id: str
    start: int
    end: int
    low: float
    high: float
    unit: str
    shown: str = ""     # the number as stated, for the evidence (default: the interval)
    #: The number as the arithmetic computes with it (the checker's reading of an input: "8" is
    #: 8, not 7.5-8.5; a range stays a range); default: the interval.
    face_low: float | None = None
    face_high: float | None = None
    #: Where the arithmetic written out that the number is an operand of stands ("start:end"),
    #: where only that expression says what it is (a bare "64" of "448 kW (64 × 700 W)"): it is
    #: never a result, and an input only with the expression's other such operands and numbers
    #: of the expression alone.
    expression: str | None = None
    #: What the number measures (a property id), where known: the two sides of a ratio claim
    #: stated away from it measure one thing (:func:`_ratio_sides`).
    prop: str | None = None
    #: What the number is of, as names (its entity and its condition values, lower case, letters
    #: and digits only): a ratio claim that names its two sides finds them by these anywhere in
    #: the text (:func:`_named_sides`).
    names: frozenset = frozenset()


@dataclass(frozen=True)
class Proposal:
    """How the ``target`` number follows from ``inputs`` (formula names ``a``, ``b``, ``c``)."""

    target: str
    formula: str                        # "a * b", "a / b", "a * b * c", "a * b / c"
    inputs: dict[str, str]              # name -> item id
    with_numbers: str                   # the formula with the numbers as stated
    computed: tuple[float, float]       # in the target's unit
    unit: str
    verdict: str                        # consistent | misses
    factor: float                       # stated / computed (1.0 when consistent)
    cause: str | None                   # the telltale slip of a miss, in words
    how: str                            # written | implied
    confidence: float = field(default=0.0)
    #: The records of the numbers discovery read itself (:func:`read_written`), that the
    #: proposal names and the drafts lack: :func:`attach` adds them.
    read: tuple = field(default=(), compare=False, hash=False)


@dataclass(slots=True)
class _Q:
    item: Item
    lo: float           # in base units
    hi: float
    dims: tuple
    para: object
    ratio: bool         # a percent or an "x": a share or a ratio of two other numbers
    names: frozenset    # the unit's names (for the slips a conversion between them can make)
    place: tuple | None = None  # (table, row, column) for a number in a table; row -1: the header
    dk: int = 0                 # the dimension as a small number (:func:`_dim_id`)
    flo: float = 0.0            # the face value (:attr:`Item.face_low`), in base units
    fhi: float = 0.0
    group: int = 0              # how many such operands its expression has (:attr:`Item.expression`)
    espan: tuple = ()           # where the expression stands
    key: tuple = ()             # (low, high, unit) as stated: the same number again (:meth:`same_number`)
    s: int = 0                  # the item's start and end, read once
    e: int = 0

    def same_number(self, other: "_Q") -> bool:
        return self.key == other.key


def _prepare(items: Iterable[Item], text: str) -> list[_Q]:
    paras = _paragraph_starts(text)
    out = []
    items = list(items)
    sizes: dict[str, int] = defaultdict(int)
    for it in items:
        if it.expression is not None:
            sizes[it.expression] += 1
    units: dict[str, tuple | None] = {}   # a unit as written -> (factor, dims, ratio, names, dim id), parsed once
    line_start, line_end, lead = -1, -1, -1   # the current line: its start, its end, its first non-blank
    for it in sorted(items, key=lambda i: (i.start, i.id)):
        if not (math.isfinite(it.low) and math.isfinite(it.high)) or it.low <= 0 or it.high < it.low:
            continue  # open ends, zero and negative values: no product to speak of
        u = it.unit or ""
        if u not in units:
            try:
                size = UnitSize.of(u)
                f, dims = size.base()
                d = tuple(sorted(dims.items()))
                names = {n for n, _ in size.names}
                units[u] = (f, d, bool(names & _RATIO_NAMES), frozenset(names), _dim_id(d))
            except (UnitError, ValueError, KeyError):
                units[u] = None
        parsed = units[u]
        if parsed is None:
            continue
        f, d, ratio, names, dk = parsed
        # a table row is its own paragraph: its line (the line looked up once per line: the
        # numbers come in text order)
        para = bisect_right(paras, it.start)
        if not line_start <= it.start <= line_end:
            line_start = text.rfind("\n", 0, it.start) + 1
            line_end = text.find("\n", line_start)
            if line_end < 0:
                line_end = len(text)
            m = _NON_BLANK_RE.search(text, line_start, line_end)
            lead = m.start() if m else line_end
        if text.startswith("|", line_start) or (lead < it.start and text[lead] == "|"):
            para = ("row", line_start)
        if it.low < it.high and d == _TIME_DIMS and _CLOCK_SPAN_RE.search(text, max(0, it.start - 12), it.start):
            continue  # "| Hours 1-1.5 |", "Hour 2-6:": from hour 1 to hour 1.5, a span of the clock, no duration
        flo = it.low if it.face_low is None else it.face_low
        fhi = it.high if it.face_high is None else it.face_high
        if not (flo > 0 and math.isfinite(fhi) and flo <= fhi):
            flo, fhi = it.low, it.high
        out.append(_Q(it, it.low * f, it.high * f, d, para, ratio, names, None,   # (the fields in order)
                      dk, flo * f, fhi * f, sizes.get(it.expression or "", 0),
                      _espan(it.expression), (it.low, it.high, it.unit), it.start, it.end))
    return out


#: An approximate factor ("~6x", "~3x increase", "nearly quadruple") is held to its last
#: digit's rounding, at least this relative half-width either side of its face value, where
#: :func:`_approx_factor_sides` takes its two sides from its own sentence or list.
APPROX_FACTOR = 0.1
_APPROX_DIGITS_RE = re.compile(r"~[ \t]*(\d+)(?:\.(\d+))?[ \t]*\Z")


def _approx_factor(shown: str, face: float) -> tuple[float, float] | None:
    """The interval an approximate factor ("~6", as :func:`_record_item` shows it) is read
    with as a quotient of two amounts at hand: its last digit's rounding (5.5-6.5), at least
    :data:`APPROX_FACTOR` either side (6 ÷ 1.1 to 6 × 1.1). None for any other form."""
    m = _APPROX_DIGITS_RE.match(shown)
    if m is None or not face > 0:
        return None
    w = max(0.5 * 10.0 ** -len(m.group(2) or "") / face, APPROX_FACTOR)
    return face / (1 + w), face * (1 + w)


#: What follows an approximate factor that compares two amounts: "~6x faster than", "~3x
#: increase", "nearly double the previous year's", "nearly quadruple from".
_APPROX_CUE_RE = re.compile(r"[*_)]*[ \t]*(?:(?:times|fold)[ \t]+)?(?:more|less|fewer|higher|lower|greater|better|worse|"
                            r"faster|slower|cheaper|pricier|larger|smaller|bigger|increase|growth|jump|rise|gain|"
                            r"decrease|drop|decline|reduction|than|the|that|from|over)\b", re.IGNORECASE)


#: Two amounts after the factor are its sides only where their words compare them ("from ~$100B
#: → ~$360B", "912 vs 312"), not "912 and 312".
_APPROX_BETWEEN_RE = re.compile(r"(?i)→|->|\bto\b|\bvs\b|\bversus\b|\bcompared\b|\bagainst\b")
_NEARLY_RE = re.compile(r"(?i)\b(?:nearly|almost|close\s+to|just\s+(?:under|shy\s+of))\b")


def _approx_factor_sides(marks: "_Marks", t: "_Q", near: list, found: list) -> None:
    """An approximate factor stated as one value ("A100 = 2 min (~6x faster than T4)" under
    "T4 = 12 min"; "2025: 1.9 GW (~3x increase)" under "2024: 0.6 GW"; "Earnings nearly
    quadruple from ~$100B → ~$360B") whose drafted interval is too vague for any quotient
    (4.9-7.1 for "~6x": :func:`_judge` holds no ratio to it): the quotient of two amounts of
    one dimension of its own paragraph within :data:`SPAN` (``near``), each stated as one value
    in prose, that falls within the factor's last digit's rounding (:func:`_approx_factor`).
    Exactly one pair of values: two are a coincidence, nothing. Never a slip."""
    it = t.item
    if "x" not in t.names or t.flo != t.fhi or t.group or t.place is not None \
            or not t.hi > t.lo * (1 + 2 * VAGUE):
        return   # a share, a range, a bound, a table's cell, or a factor precise enough for _judge
    band = _approx_factor(it.shown, it.face_low if it.face_low is not None else it.low)
    if band is None:
        return
    f_base = t.lo / (it.low or 1.0)
    lo_t, hi_t = band[0] * f_base / (1 + NEAR), band[1] * f_base * (1 + NEAR)
    text = marks.text
    if not _APPROX_CUE_RE.match(text, t.e):
        return   # "about five times Ebitda", "nearly 2x (approximately $1,000)": no comparison of two amounts
    sides = [q for q in near if not q.ratio and q.dims and not q.group and q.place is None
             and q.flo == q.fhi and q.flo > 0]
    # the amount right before it on its line or in its sentence is one side ("1.9 GW (~3x
    # increase)"); with none, both stand after it in its sentence, compared ("nearly quadruple
    # from ~$100B → ~$360B")
    before = max((q for q in sides if q.e <= t.s and not marks.sentence_ends(q.e, t.s)), key=lambda q: q.s, default=None)
    if before is None:
        sides = [q for q in sides if q.s >= t.e and not marks.sentence_ends(t.e, q.s)]
    if _NEARLY_RE.search(text, t.s, t.e):
        hi_t = min(hi_t, t.fhi * (1 + NEAR))   # "nearly double" is at most twice
    chosen: dict[tuple, tuple] = {}
    for x in sides:
        for y in sides:
            if x is not y and x.dk == y.dk and x.key != y.key and lo_t <= x.flo / y.flo <= hi_t \
                    and (before is x or before is y or (before is None and _APPROX_BETWEEN_RE.search(
                        text, min(x.e, y.e), max(x.s, y.s)))):
                chosen.setdefault((x.key, y.key), (x, y))
    if len(chosen) != 1:
        return
    x, y = next(iter(chosen.values()))
    lo, hi = x.flo / y.flo, x.flo / y.flo
    s, e = min(x.s, y.s, t.s), max(x.e, y.e, t.e)
    how = "written" if marks.written(s, e) else "implied"
    found.append((_proposal(t, "a / b", (x, y), lo, hi, "consistent", 1.0, None, how), None))


#: The dimension of a duration (hours, days, ...).
_TIME_DIMS = (("[time]", 1.0),)
#: A range of clock positions, not a duration: a line or cell led by "Hour(s)", "Day(s)", "Week(s)",
#: "Month(s)", "Year(s)" and the range ("| Hours 1-1.5 | 8×H100 | SFT training | $16 |",
#: "Hour 2-6:   Extensions").
_CLOCK_SPAN_RE = re.compile(r"(?:^|\n|\|)[ \t*]*(?:Hours?|Days?|Weeks?|Months?|Years?)[ \t]+\Z")


#: The first character of a line that str.lstrip keeps.
_NON_BLANK_RE = re.compile(r"\S")


def _espan(expression: str | None) -> tuple:
    if not expression:
        return ()
    try:
        a, b = (int(x) for x in (expression or "").split(":"))
    except ValueError:
        return ()
    return (a, b)


@functools.lru_cache(maxsize=4096)
def _combine(dims_a: tuple, dims_b: tuple, sign: int) -> tuple:
    d = dict(dims_a)
    for k, e in dims_b:
        v = d.get(k, 0.0) + sign * e
        if abs(v) > 1e-9:
            d[k] = v
        else:
            d.pop(k, None)
    return tuple(sorted(d.items()))


_DIM_IDS: dict[tuple, int] = {}
_DIM_LIST: list[tuple] = []
_COMB: dict[int, int] = {}
_THIRD: dict[int, tuple[int, int]] = {}   # (target, first, second) -> the third's dimension (× and ÷)
#: (target, a number from afar) -> the dimensions of target ÷ it, target × it and it ÷ target
#: (:func:`_comb`'s, read with one look-up per number from afar)
_AFAR: dict[int, tuple[int, int, int]] = {}


def _dim_id(dims: tuple) -> int:
    """A dimension as a small number, so the inner loops compare and combine integers."""
    k = _DIM_IDS.get(dims)
    if k is None:
        k = _DIM_IDS[dims] = len(_DIM_LIST)
        _DIM_LIST.append(dims)
    return k


def _comb(i: int, j: int, sign: int) -> int:
    """The dimension of ``i × j`` (sign 1) or ``i ÷ j`` (sign -1), cached."""
    key = (i << 21) | (j << 1) | (sign > 0)
    r = _COMB.get(key)
    if r is None:
        r = _COMB[key] = _dim_id(_combine(_DIM_LIST[i], _DIM_LIST[j], sign))
    return r


def _num(x: float) -> str:
    return f"{x:.4g}"


class _Starts:
    """``pattern.search(text, at)`` for a pattern whose every match starts with one of
    ``starts``: the places of those found once with str.find (of a pattern among them, where
    it matches), the pattern matched only there (for growing ``at``)."""

    def __init__(self, pattern: re.Pattern, text: str, starts: tuple):
        at: set[int] = set()
        for w in starts:
            if not isinstance(w, str):   # a pattern whose matches start where the part matches
                at.update(m.start() for m in w.finditer(text))
                continue
            i = text.find(w)
            while i >= 0:
                at.add(i)
                i = text.find(w, i + 1)
        self.pattern, self.text, self.at, self.k = pattern, text, sorted(at), 0

    def search(self, pos: int):
        at, k, match, text = self.at, self.k, self.pattern.match, self.text
        if k and at[k - 1] >= pos:
            k = bisect.bisect_left(at, pos)   # (asked again further back)
        while k < len(at) and at[k] < pos:
            k += 1
        while k < len(at):
            m = match(text, at[k])
            if m is not None:
                self.k = k
                return m
            k += 1
        self.k = k
        return None


def writes_out(text: str) -> bool:
    """Do the words of ``text`` write arithmetic out ("=", "×", "->", "that's", "which comes to")?"""
    return _WRITTEN_RE.search(text) is not None


def _written_cues(text: str) -> list[tuple[int, int]]:
    """The spans of ``_WRITTEN_RE.finditer(text)``, found with :data:`_WRITTEN_PARTS` (about
    twice as fast on long texts), each tried only where it may start (:class:`_Starts`): each
    part's next match at or after the current position, the first of them taken, the position
    moved to its end."""
    out: list[tuple[int, int]] = []
    nxt: list = [None, None, None]   # each part's next match (start, end); False: none left
    finders = [_Starts(p, text, w) for p, w in zip(_WRITTEN_PARTS, _WRITTEN_STARTS)]
    pos = 0
    while True:
        best = None
        for k, pattern in enumerate(finders):
            m = nxt[k]
            if m is False:
                continue
            if m is None or m[0] < pos:
                at = pos + 1 if k == 1 else pos   # " x " is found by its "x", one character in
                while True:
                    found = pattern.search(at)
                    if found is None:
                        m = False
                        break
                    a, b = found.span()
                    if k == 1:
                        a -= 1
                    if k == 2 and a > 0 and _WORD_CHAR_RE.match(text, a - 1):
                        at = a + 1   # within a word: no word boundary before it
                        continue
                    m = (a, b)
                    break
                nxt[k] = m
                if m is False:
                    continue
            if best is None or m[0] < best[0]:
                best = m
        if best is None:
            return out
        out.append(best)
        pos = best[1]


def _sentence_ends(text: str) -> list[int]:
    """The starts of ``_SENTENCE_END_RE.finditer(text)``: the stops of :data:`_SENTENCE_STOP_RE`
    and the line ends between them (a line end within a stop's spaces is part of that stop)."""
    out: list[int] = []
    nl = text.find("\n")
    for m in _SENTENCE_STOP_RE.finditer(text):
        a, b = m.span()
        while nl != -1 and nl < a:
            out.append(nl)
            nl = text.find("\n", nl + 1)
        out.append(a)
        if nl != -1 and nl < b:
            nl = text.find("\n", b)
    while nl != -1:
        out.append(nl)
        nl = text.find("\n", nl + 1)
    return out


class _Marks:
    """Where the text writes arithmetic out and where its sentences end, found once."""

    def __init__(self, text: str):
        self.text = text
        self.cues = _written_cues(text)
        self.cue_starts = [a for a, _ in self.cues]
        self.ends = _sentence_ends(text)
        self.changes: dict[int, bool] = {}   # a percentage's start -> is it a stated change (:meth:`stated_change`)

    def written(self, a: int, b: int) -> bool:
        """Is arithmetic written out within text[a:b]?"""
        i = bisect.bisect_left(self.cue_starts, a)
        while i < len(self.cues) and self.cues[i][0] < b:
            if self.cues[i][1] <= b:
                return True
            i += 1
        return False

    def sentence_ends(self, a: int, b: int) -> bool:
        """Does a sentence (or a line) end within text[a:b]?"""
        i = bisect.bisect_left(self.ends, a)
        return i < len(self.ends) and self.ends[i] < b

    def stated_change(self, q: "_Q") -> bool:
        """Is ``q`` a percentage the words at it state as a change over time ("up 31% from a year
        ago", "down 38%", "a 74% jump")? Such a percentage is no share: it scales no amount into
        another by itself (the change's own relation is :func:`_change_sides`'s)."""
        if "percent" not in q.names:
            return False
        got = self.changes.get(q.s)
        if got is None:
            text = self.text
            got = self.changes[q.s] = bool(_CHANGE_BEFORE_RE.search(text, max(0, q.s - CHANGE_LOOKBACK), q.s)
                                           or _CHANGE_AFTER_RE.match(text, q.e))
        return got


def discover(text: str, items: Iterable[Item], written: Iterable[Item] = (), opens: Iterable[Item] = ()) -> list[Proposal]:
    """The relations among ``items`` (numbers of ``text``) that agree nearly exactly or miss
    by a telltale factor: at most one proposal per target and one orientation per relation
    (``a = b × c`` and ``b = a ÷ c`` are one relation). ``written``: numbers of compact
    arithmetic written out that only their expression's relation may name (its operands, its
    result: :func:`read_written`). ``opens``: shares stated as a round lower bound, only ever a
    restatement of another (:func:`_open_shares`)."""
    # discovery makes many small objects that stay alive until it returns (the numbers, their
    # candidates, the proposals weighed) and no cycles: the cyclic garbage collector would walk
    # them again and again as they grow (as in kb.store.load), so it is paused meanwhile
    with _gc_paused():
        return _discover(text, items, written, opens)


@contextlib.contextmanager
def _gc_paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _discover(text: str, items: Iterable[Item], written: Iterable[Item] = (), opens: Iterable[Item] = ()) -> list[Proposal]:
    items = list(items)
    written = list(written)
    opens = list(opens)
    qs = _prepare(items, text)
    marks = _Marks(text)
    layout = _Layout(text, qs)
    paras = _paragraph_starts(text) if qs else []
    starts = layout.starts
    found_by: dict[int, list] = {}
    named: _Named | None = None   # built at the first ratio claim that needs it
    parallel: _Parallel | None = None   # the tables' rows by name (:class:`_Parallel`), likewise
    rates_by_dk: dict | None = None   # dimension -> its rates in prose (:func:`_rates_by_dimension`), likewise
    qs_by_dk: dict | None = None   # dimension -> all its numbers (:func:`_by_dimension`), likewise
    table_rates: dict = {}   # table -> the rates stated before it by dimension (:func:`_table_rates`)
    two_rates: dict = {}     # cell -> its product of two rates stated before its table (:func:`_rows_of_two_rates`)
    at_rate: dict = {}       # cell -> another cell of its row at a rate stated before its table (:func:`_columns_at_rate`)
    points_by_dk: dict | None = None   # dimension -> its amounts stated as one value (:func:`_points_by_dimension`), likewise
    splits: list | None = None   # the wholes and their parts ("800 million, of which 20 million"), likewise
    stats: dict[tuple, dict] = defaultdict(dict)   # table signature -> {row or column: best grade}
    vs_changes: set = set()   # the percentages a comparison states as a change (:func:`_vs_baseline`)
    vs_pairs: list | None = None   # the amounts a sentence compares (:func:`_vs_pairs`), likewise
    for i, t in enumerate(qs):
        if t.place is not None and (t.place[1] < 0 or t.place[2] == 0):
            continue  # a header's number or a row's label (a model's size) is no result
        t_para, t_s = t.para, t.s
        near = [q for q in qs[max(0, i - NEIGHBOURS): i + NEIGHBOURS_AFTER + 1]
                if q is not t and q.para == t_para and abs(q.s - t_s) <= SPAN]
        extra = layout.candidates(i)
        seen = {id(q) for q in near}
        cands = near + [q for q in extra if q is not t and id(q) not in seen]
        afar = layout.afar(i)
        if afar:
            # a number from afar only where a number at hand makes the target with it (t = r × b,
            # t = a ÷ r, t = r ÷ b): most targets have none, and skip it cheaply
            have = {q.dk for q in cands}
            ids = {id(q) for q in cands}
            td = t.dk
            get = _AFAR.get
            for r in afar:
                if id(r) in ids:
                    continue
                if r.ratio and not (_point(t) and any(q.dk == td and _point(q) for q in cands)):
                    continue  # a share in force scales a number stated as such into another ("at least $Y")
                rd = r.dk
                combs = get((td << 21) | rd)
                if combs is None:
                    combs = _AFAR[(td << 21) | rd] = (_comb(td, rd, -1), _comb(td, rd, 1), _comb(rd, td, -1))
                over, times, under = combs
                if over in have or times in have or under in have:
                    cands.append(r)
        if t.ratio and t.place is None and text.find("agnitude", t_s, t.e) >= 0:
            # "30-40 per cent per year, an order of magnitude faster than the 6 per cent": the
            # two amounts of one kind its sentence compares (:func:`_magnitude_sides`)
            c = _magnitude_sides(marks, t, qs, starts)
            if c is not None:
                found_by[i] = [(c, None)]
                continue
        if t.ratio and "percent" in t.names:
            # a percentage said against a baseline in a bracket ("$200B ... about 52% vs 2025
            # capex ($131.8B)"): the change of the amount right before it from that baseline
            c = _vs_baseline(text, marks, t, i, qs) or _vs_pair_change(text, marks, t, i, qs)
            if c is not None:
                found_by[i] = [(c, None)]
                vs_changes.add(t.item.id)
                continue
            # a percentage stated as a difference ("saves 40%", "a 30% premium") is one of two amounts
            cue = _difference_cue(text, layout, t, t.place)
            if cue is not None and t.place is not None:
                # a metrics table's "| Adjusted EBITDA Margin | 61% |" under "| Revenue | $1,364.7M |"
                # and "| Adjusted EBITDA | $838.1M |": the quotient of two cells of its column, where
                # one pair makes it, outranks a difference of numbers from anywhere
                quotient: list = []
                _column_quotient(layout, t, qs, quotient)
                if quotient:
                    found_by[i] = quotient
                    continue
            if cue is not None:
                if t.place is None and _label_before(text, t, _DIFF_LABEL_RE) is not None:
                    # "Savings: 95% ($42.90/month)": a line's label states it of the lines above
                    cands = [q for q in cands if q.e <= t.s]
                c = _difference(t, cands, cue)
                if c is None and t.place is None:
                    c = _difference(t, cands + _prev_tail(qs, i, t), cue)
                if c is None and t.place is not None:
                    c = _baseline_difference(layout, t, t.place, qs, cue)
                if c is None and t.place is None and layout.tables:
                    c = _table_row_difference(layout, t, qs, cue)
                if c is None and t.place is None and "(" in text[max(0, t.s - 8):t.s]:
                    c = _owner_difference(text, t, qs, i, cue)
                if c is None and t.place is None:
                    # "The 70B model only consumed 11% more power than the 8B model": the two things
                    # its sentence names, their numbers anywhere (:func:`_named_difference`)
                    if named is None:
                        named = _Named(qs, text)
                    c = _named_difference(marks, named, text, t, qs, paras, cue)
                if c is not None:
                    found_by[i] = [(c, None)]
                    continue
        if not t.ratio and (t.dims or t.names) and t.flo == t.fhi and not t.group:
            # an amount stated as a difference ("saves $800", "a gap of $12", "$300 more than"), or
            # written out as one ("$5,000 − $1,200 = $3,800")
            c = _written_difference(text, qs, i, t) if t.place is None else None
            if c is None and _abs_difference_cue(text, layout, t, t.place):
                c = _abs_difference(t, _abs_sides(qs, i, t, layout))
                if c is None and t.place is None:
                    if splits is None:
                        splits = _splits(text, qs, marks)
                    if splits:
                        c = _remainder(t, splits)
            if c is not None:
                found_by[i] = [(c, None)]
                continue
        if len(cands) < 2:
            if t.ratio:
                found = []
                if t.place is None:
                    _ratio_sides(marks, t, i, qs, starts, paras, found)
                    if not found:
                        _colon_pair(text, t, i, qs, found)
                else:
                    _baseline_sides(layout, t, qs, found)
                    if not found:
                        _baseline_column_sides(layout, t, qs, found)
                    if not found:
                        _group_sides(layout, t, qs, found)
                if not found:
                    if named is None:
                        named = _Named(qs, text)
                    _named_sides(marks, named, text, t, qs, paras, found)
                    if not found:
                        _change_sides(named, text, t, qs, paras, found)
                    if not found:
                        _property_sides(marks, named, text, t, qs, found)
                    if not found:
                        _converted_to_sides(marks, named, text, t, qs, found)
                    if not found and layout.tables:
                        if parallel is None:
                            parallel = _Parallel(layout)
                        _parallel_sides(marks, layout, parallel, text, t, qs, found)
                    if not found and t.place is not None:
                        _header_sides(named, layout, text, t, qs, paras, found)
                    if not found and t.place is None:
                        _ratio_far(marks, t, i, qs, starts, paras, found)
                    if not found and t.place is None:
                        if vs_pairs is None:
                            vs_pairs = _vs_pairs(text, marks, qs)
                        _vs_pair_far(text, marks, vs_pairs, t, found)
                    if not found and t.flo != t.fhi:
                        if points_by_dk is None:
                            points_by_dk = _points_by_dimension(qs)
                        _range_ends(t, i, qs, points_by_dk, found)
                if not found:
                    _share_of_before(marks, t, i, qs, found)
                if not found:
                    _share_of_labelled_total(marks, t, i, qs, found)
                if found and t.place is None and _loose_only(t, found):
                    c = _ratio_to_the_digit(marks, t, qs, starts)   # (as below)
                    if c is not None:
                        found[:] = [(c, None)]
                if found:
                    found_by[i] = found
            elif t.place is not None and t.dims and t.place[1] >= 0:
                # a row's cost per request (or any amount) and its one other number: a rate from
                # before the table
                found = []
                if t.place[2] is not None:
                    _weighted_blend(marks, layout, stats, t, qs, found)
                if named is None:
                    named = _Named(qs, text)
                _row_named_rate(marks, named, layout, text, t, qs, stats, found)
                # (the row decides whether it holds, after the loop: :func:`_rows_of_two_rates`)
                if rates_by_dk is None:
                    rates_by_dk = _rates_by_dimension(qs)
                _cell_of_two_rates(t, _table_rates(layout, rates_by_dk, t.place[0], table_rates), qs, two_rates, i)
                _cell_at_rate(layout, t, _table_rates(layout, rates_by_dk, t.place[0], table_rates), qs, at_rate, i)
                if found:
                    found_by[i] = found
            elif t.place is None and t.flo == t.fhi and not t.group:
                # a share of a share of an amount of its sentence, the shares stated before it
                found = []
                _share_chain(marks, t, i, qs, found)
                if not found and t.dims:
                    _count_total_of_one(marks, t, i, qs, found)
                if found:
                    found_by[i] = found
            continue  # no two numbers to make it from
        in_table = t.place is not None
        found: list = []
        # inputs are looked up by dimension: the pairs and triples tried are only those whose
        # dimensions make the target's (so the work stays near-linear in the text)
        by_dims: dict[int, list] = {}
        for k, q in enumerate(cands):
            by_dims.setdefault(q.dk, []).append((k, q))
        td = t.dk
        dks = list(by_dims)
        # the intervals meet (within NEAR), or (computed ÷ stated)² in a band
        t_lo, t_hi, t2 = t.lo / (1 + NEAR), t.hi / (1 - NEAR), t.lo * t.hi
        for da in dks:
            group = by_dims[da]
            # _comb(td, da, -1) and _comb(da, td, -1), their cached values read in place
            over = _COMB.get((td << 21) | (da << 1))
            if over is None:
                over = _comb(td, da, -1)
            under = _COMB.get((da << 21) | (td << 1))
            if under is None:
                under = _comb(da, td, -1)
            for kb, b in by_dims.get(over, ()):
                for ka, a in group:
                    if kb > ka:
                        lo, hi = a.flo * b.flo, a.fhi * b.fhi
                        if not (lo <= t_hi and t_lo <= hi):
                            x = lo * hi / t2
                            k = bisect_right(_BAND_LO, x) - 1
                            if k < 0 or x > _BAND_HI[k]:
                                continue
                        _pair(marks, layout, stats, t, "a * b", lo, hi, (a, b), in_table, seen, found)
            for kb, b in by_dims.get(under, ()):
                for ka, a in group:
                    if kb != ka:
                        lo, hi = a.flo / b.fhi, a.fhi / b.flo
                        if not (lo <= t_hi and t_lo <= hi):
                            x = lo * hi / t2
                            k = bisect_right(_BAND_LO, x) - 1
                            if k < 0 or x > _BAND_HI[k]:
                                continue
                        _pair(marks, layout, stats, t, "a / b", lo, hi, (a, b), in_table, seen, found)
        if _TOKEN_DK in by_dims and not t.ratio and _PER_QUERY in t.dims:
            _per_request(marks, layout, stats, t, by_dims, in_table, seen, found)
            if not in_table:
                if qs_by_dk is None:
                    qs_by_dk = _by_dimension(qs)
                _per_request_at_direction_rate(marks, text, t, by_dims, qs, qs_by_dk, found)
        if _QUERY_DK in by_dims and not in_table and not t.ratio and t.dims and _PER_QUERY not in t.dims \
                and t.dk in by_dims and not any(p.verdict == "consistent" for p, _ in found):
            _requests_times_each(marks, text, t, by_dims, found)
        if in_table and not t.ratio and t.dims and t.place[1] >= 0 \
                and not any(p.verdict == "consistent" for p, _ in found):
            if named is None:
                named = _Named(qs, text)
            _row_named_rate(marks, named, layout, text, t, qs, stats, found)
        if in_table and t.place[1] >= 0 and t.place[2] is not None and t.dims:
            _weighted_blend(marks, layout, stats, t, qs, found)
        if in_table and t.place[2] is not None:
            # the row above scaled by a factor its own row states, to the digit
            u = layout.above(i)
            if u is not None:
                for q in cands:
                    if not q.dims and layout.same_row(t, q):
                        lo, hi = u.flo * q.flo, u.fhi * q.fhi
                        if lo <= t.hi * (1 + TIGHT) and t.lo * (1 - TIGHT) <= hi:
                            _pair(marks, layout, stats, t, "a * b", lo, hi, (q, u), in_table, seen, found)
        # three inputs where the text writes the arithmetic out, or along a table's rows (one
        # of them a cell of the row)
        sentence_only = False
        if in_table:
            t_row = t.place[:2]   # layout.same_row(t, q), read in place
            first_set = {k for k, q in enumerate(cands) if q.place is not None and q.place[:2] == t_row}
        elif len(cands) >= 3:
            s0 = min(t.s, min(q.s for q in cands))
            e0 = max(t.e, max(q.e for q in cands))
            first_set = set(range(len(cands))) if marks.written(s0, e0) else set()
            if not first_set:
                # no arithmetic written out: three inputs, two at least from the target's own
                # sentence ("8 GPUs for 24 hours at $2.50/hour cost $480"), the third a rate
                # stated before it ("at $2.50 per GPU-hour:" leading a list, a price stated
                # earlier and still in force)
                first_set = {k for k, q in enumerate(cands) if q.place is None and abs(q.s - t_s) <= SPAN
                             and not marks.sentence_ends(min(q.e, t.e), max(q.s, t.s))}
                if len(first_set) < 2:
                    first_set = set()
                else:
                    sentence_only = True
        else:
            first_set = set()
        if first_set:
            tri = by_dims
            if sentence_only:
                tri = {}
                for k, q in enumerate(cands):
                    if k in first_set or (q.place is None and q.s < t_s and _is_rate(q)):
                        tri.setdefault(q.dk, []).append((k, q))
                dks = list(tri)
            t_key, third, dims_of = td << 42, _THIRD.get, tri.get
            # in a table, the first two inputs hold a cell of the row: only dimensions of such cells lead
            first_dims = {cands[k].dk for k in first_set} if in_table else None
            for ia, da in enumerate(dks):
                a_key = t_key | (da << 21)
                a_first = first_dims is None or da in first_dims
                for db in dks[ia:]:
                    if not a_first and db not in first_dims:
                        continue   # no pair of these two dimensions holds a cell of the row
                    key = a_key | db
                    need = third(key)
                    if need is None:
                        ab = _comb(da, db, 1)
                        need = _THIRD[key] = (_comb(td, ab, -1), _comb(ab, td, -1))
                    mul = dims_of(need[0], ())
                    # (every divisor is of dimension need[1]: one of the first two's own divides
                    # nothing out, a × b ÷ a, so none is tried; and none is then a or b itself)
                    div = dims_of(need[1], ()) if need[1] != da and need[1] != db else ()
                    if not mul and not div:
                        continue
                    for ka, a in tri[da]:
                        for kb, b in tri[db]:
                            if da == db and kb <= ka:
                                continue
                            firsts = ka in first_set or kb in first_set
                            if in_table and not firsts:
                                continue  # a row's formula: its first inputs are cells of the row
                            top = ka if ka > kb else kb
                            ab_lo, ab_hi = a.flo * b.flo, a.fhi * b.fhi
                            for kc, c in mul:  # each product once: c its last member
                                if kc > top and (firsts or kc in first_set) and (not sentence_only or (
                                        (ka in first_set) + (kb in first_set) + (kc in first_set) >= 2)):
                                    lo, hi = ab_lo * c.flo, ab_hi * c.fhi
                                    if not (lo <= t_hi and t_lo <= hi):
                                        x = lo * hi / t2
                                        k = bisect_right(_BAND_LO, x) - 1
                                        if k < 0 or x > _BAND_HI[k]:
                                            continue
                                    _triple(marks, layout, stats, t, "a * b * c", a, b, c, in_table, found, sentence_only)
                            for kc, c in div:
                                if (firsts or kc in first_set) \
                                        and (not sentence_only or (ka in first_set) + (kb in first_set) + (kc in first_set) >= 2):
                                    lo, hi = ab_lo / c.fhi, ab_hi / c.flo
                                    if not (lo <= t_hi and t_lo <= hi):
                                        x = lo * hi / t2
                                        k = bisect_right(_BAND_LO, x) - 1
                                        if k < 0 or x > _BAND_HI[k]:
                                            continue
                                    _triple(marks, layout, stats, t, "a * b / c", a, b, c, in_table, found, sentence_only)
        if t.ratio:
            n_found = len(found)
            if t.place is None:
                _ratio_sides(marks, t, i, qs, starts, paras, found)
                if len(found) == n_found:
                    _colon_pair(text, t, i, qs, found)
            if len(found) == n_found:
                if named is None:
                    named = _Named(qs, text)
                _named_sides(marks, named, text, t, qs, paras, found)
                if len(found) == n_found:
                    _change_sides(named, text, t, qs, paras, found)
                if len(found) == n_found:
                    _property_sides(marks, named, text, t, qs, found)
                if len(found) == n_found:
                    _converted_to_sides(marks, named, text, t, qs, found)
                if len(found) == n_found and layout.tables:
                    if parallel is None:
                        parallel = _Parallel(layout)
                    _parallel_sides(marks, layout, parallel, text, t, qs, found)
            if len(found) == n_found and in_table:
                _baseline_sides(layout, t, qs, found)
            if len(found) == n_found and in_table:
                _baseline_column_sides(layout, t, qs, found)
            if len(found) == n_found and in_table:
                _group_sides(layout, t, qs, found)
            if len(found) == n_found and in_table:
                if named is None:
                    named = _Named(qs, text)
                _header_sides(named, layout, text, t, qs, paras, found)
            if len(found) == n_found and not in_table:
                _ratio_far(marks, t, i, qs, starts, paras, found)
            if len(found) == n_found and not in_table:
                if vs_pairs is None:
                    vs_pairs = _vs_pairs(text, marks, qs)
                _vs_pair_far(text, marks, vs_pairs, t, found)
            if len(found) == n_found and t.flo != t.fhi:
                if points_by_dk is None:
                    points_by_dk = _points_by_dimension(qs)
                _range_ends(t, i, qs, points_by_dk, found)
            if len(found) == n_found and not in_table:
                _share_of_before(marks, t, i, qs, found)
            if len(found) == n_found and not in_table:
                _share_of_labelled_total(marks, t, i, qs, found)
            if len(found) == n_found and not in_table and t.item.shown[:1] == "~":
                _approx_factor_sides(marks, t, near, found)
            if found and not in_table and _loose_only(t, found):
                # "x3.04 speedup" where only 533 / 175 minutes (3.046) is at hand: a pair of one
                # property further off that makes it to the stated digit (:func:`_ratio_to_the_digit`)
                c = _ratio_to_the_digit(marks, t, qs, starts)
                if c is not None:
                    found[:] = [(c, None)]
        elif not found and t.place is None and t.flo == t.fhi and not t.group:
            if named is None:
                named = _Named(qs, text)
            _named_rate(marks, named, layout, text, t, i, cands, qs, found)
            if not found:
                if rates_by_dk is None:
                    rates_by_dk = _rates_by_dimension(qs)
                _rate_of_dimension(marks, rates_by_dk, t, i, cands, qs, found)
            if not found and t.dims:
                _count_times_one(marks, t, i, qs, found)
            if not found:
                _share_chain(marks, t, i, qs, found)
            if not found and t.dims:
                _count_total_of_one(marks, t, i, qs, found)
        if in_table and not any(p.verdict == "consistent" for p, _ in found):
            _column_quotient(layout, t, qs, found)
        if in_table and t.place[1] >= 0 and not t.ratio:
            if rates_by_dk is None:
                rates_by_dk = _rates_by_dimension(qs)
            _cell_of_two_rates(t, _table_rates(layout, rates_by_dk, t.place[0], table_rates), qs, two_rates, i)
            _cell_at_rate(layout, t, _table_rates(layout, rates_by_dk, t.place[0], table_rates), qs, at_rate, i)
        if found:
            found_by[i] = found
    fallback: dict[int, _Cand] = {}   # a cell's relation where nothing else holds (:func:`_rows_of_two_rates`)
    if two_rates:
        for i, c in _rows_of_two_rates(layout, qs, two_rates):
            fallback[i] = c
            found_by.setdefault(i, [])
    if at_rate:
        for i, c in _columns_at_rate(layout, qs, at_rate):
            if i not in fallback:
                fallback[i] = c
                found_by.setdefault(i, [])
    alone: list[_Cand] = []   # the relations of results only discovery read
    qs_w: list = []
    written_qs: list = []   # the numbers discovery read itself, prepared (once: the filter at the end reads them too)
    if written:
        # the arithmetic written out, with the numbers no draft read (the read ones merged into
        # the numbers in text order): a relation that names one is its expression's own, and
        # the result's (written relations outrank any other); the others are found as without
        read = frozenset(it.id for it in written)
        qs_w = list(qs)
        at_w = []   # where the read ones stand in qs_w (ascending)
        written_qs = _prepare(written, text)
        for q in written_qs:   # (few: each put in place)
            k = bisect_right(starts, q.s) + len(at_w)
            qs_w.insert(k, q)
            at_w.append(k)
        paras_w = paras or _paragraph_starts(text)
        exprs = {}
        held = set()
        for iw, c in _written_relations(reading_view(text), qs_w, paras_w, read).items():
            if c.verdict == "consistent":
                held.update(c.inputs.values())
            if c.target in read:
                alone.append(c)
            else:
                exprs[iw - bisect_right(at_w, iw)] = c
    else:
        exprs = _written_relations(reading_view(text), qs, paras) if qs else {}
        held = {x for c in exprs.values() if c.verdict == "consistent" for x in c.inputs.values()}
    # an operand of arithmetic written out that holds ("20 × 500W = 10 kW") is the writer's own,
    # checked by it: no other relation calls it a slip (:func:`_written_relations`)
    for i, c in exprs.items():
        found_by.setdefault(i, []).append((c, None))
    alone += _negative_differences(text, layout, qs, items)
    for j, parts in layout.sums(text):
        # a total and the numbers above it: their sum, where it agrees nearly exactly
        t, ins = qs[j], [qs[x] for x in parts]
        lo, hi = sum(q.flo for q in ins), sum(q.fhi for q in ins)
        if t.lo <= hi * (1 + NEAR) and lo * (1 - NEAR) <= t.hi and not t.group:
            names = _SUM_NAMES[:len(ins)]
            f_base = t.lo / (t.item.low or 1.0)
            found_by.setdefault(j, []).append((_Cand(
                t.item.id, " + ".join(names), dict(zip(names, (q.item.id for q in ins))), (lo / f_base, hi / f_base),
                t.item.unit, "consistent", 1.0, None, "implied", CONFIDENCE_SUM), None))
    for j, parts in layout.intro_totals(text):
        # a total its list's intro line states and the items' amounts: their sum, as stated
        # (to 2%: a "~" total holds many a sum)
        t, ins = qs[j], [qs[x] for x in parts]
        lo, hi = sum(q.flo for q in ins), sum(q.fhi for q in ins)
        if not t.group and t.flo == t.fhi and lo == hi and abs(lo - t.flo) <= NEAR * t.flo:
            names = _SUM_NAMES[:len(ins)]
            f_base = t.lo / (t.item.low or 1.0)
            found_by.setdefault(j, []).append((_Cand(
                t.item.id, " + ".join(names), dict(zip(names, (q.item.id for q in ins))), (lo / f_base, hi / f_base),
                t.item.unit, "consistent", 1.0, None, "implied", CONFIDENCE_SUM), None))
    for j, parts, period in _prose_totals(text, qs, marks, layout):
        # a total in prose ("a total of $X", "$X combined") and the run of numbers of its kind
        # right before or after it that makes it nearly exactly (parts per period: over the period)
        t, ins = qs[j], [qs[x] for x in parts]
        total, top = sum(q.flo for q in ins) * period, sum(q.fhi for q in ins) * period
        names = _SUM_NAMES[:len(ins)]
        f_base = t.lo / (t.item.low or 1.0)
        found_by.setdefault(j, []).append((_Cand(
            t.item.id, " + ".join(names), dict(zip(names, (q.item.id for q in ins))), (total / f_base, top / f_base),
            t.item.unit, "consistent", 1.0, None, "implied", CONFIDENCE_PROSE_SUM), None))
    line_totals: dict[int, _Cand] = {}
    for j, parts, lo, hi in _total_line_parts(text, qs, starts):
        # a "Total ...:" line under a block of lines of its kind: their sum (ranges summed end by
        # end), nearly exactly; the line's label says what it is, so it outranks any relation
        # but arithmetic written right at the number
        t, ins = qs[j], [qs[x] for x in parts]
        names = _SUM_NAMES[:len(ins)]
        f_base = t.lo / (t.item.low or 1.0)
        c = line_totals[j] = _Cand(
            t.item.id, " + ".join(names), dict(zip(names, (q.item.id for q in ins))), (lo / f_base, hi / f_base),
            t.item.unit, "consistent", 1.0, None, "implied", CONFIDENCE_PROSE_SUM)
        found_by.setdefault(j, []).append((c, None))
    line_labels = _line_labels(text, qs)
    for j, parts in (*_paragraph_parts(text, qs), *_of_those_parts(text, qs, marks), *_labelled_totals(text, qs, line_labels),
                     *_prose_label_totals(text, qs, marks, starts, line_labels),
                     *(_plus_named_parts(text, qs, marks, layout) if " plus " in text else ()),
                     *(_additional_totals(text, qs, marks) if "dditional" in text or "extra " in text else ()),
                     *_dash_parts(text, qs), *(_list_totals(text, qs, starts) if "\n- " in text or "\n* " in text
                                               else ())):
        # a total after a parts list written one part to a line ("40€ motherboard", "9€ power
        # supply", "96€ K80 GPU", then "**145€** for our budget setup"): their sum, nearly exactly
        t, ins = qs[j], [qs[x] for x in parts]
        total = sum(q.flo for q in ins)
        names = _SUM_NAMES[:len(ins)]
        f_base = t.lo / (t.item.low or 1.0)
        found_by.setdefault(j, []).append((_Cand(
            t.item.id, " + ".join(names), dict(zip(names, (q.item.id for q in ins))), (total / f_base, total / f_base),
            t.item.unit, "consistent", 1.0, None, "implied", CONFIDENCE_PROSE_SUM), None))
    if layout.tables:
        for j, c in _proportional_columns(layout, qs, found_by):
            found_by.setdefault(j, []).append((c, None))
    if qs and "/" in text:
        for k, c in _split_shares(text, qs, found_by):
            found_by.setdefault(k, []).append((c, None))
    by_id = {q.item.id: q for q in (qs_w or qs)}
    best: dict[str, _Cand] = {}
    rest: dict[str, list] = {}   # target -> its other proposals, best first
    tallies: dict[tuple, tuple[int, int]] = {}   # signature -> (rows with its numbers, rows where it holds)
    # a share or ratio stated as a lower bound is a result only (:func:`_bound_inputs`): a relation
    # that computes with one gives way to the target's next
    loose = {q.item.id for q in qs if q.ratio and q.item.shown[:1] == "≥"}
    for i, found in found_by.items():
        t = qs[i]
        kept = []
        for p, sig in found:
            if loose and any(x in loose for x in p.inputs.values()):
                continue
            if vs_changes and p.how == "implied" and p.formula in ("a * b", "a / b") \
                    and any(x in vs_changes for x in p.inputs.values()):
                continue   # a change stated against its baseline ("52% vs 2025 ($131.8B)") is no share of another amount
            if sig is not None:
                base = sig[:-1]
                tally = tallies.get(base)
                if tally is None:  # once per signature: a long table stays linear
                    rows = stats.get(base, {})
                    tally = tallies[base] = (max(layout.n_eval(base), len(rows)),
                                             sum(1 for g in rows.values() if g == 2))
                p = _by_table(p, tally[0], tally[1], sig[1], tight=_miss(t, p) <= math.log1p(TIGHT))
                if p is None:
                    continue
            kept.append(p)
        if held and t.item.id in held:
            kept = [p for p in kept if p.verdict != "misses"]
        if not kept and i in fallback:
            kept = [fallback[i]]   # a cell its row makes of rates stated before the table
        if not kept:
            continue
        # arithmetic written out right at the number ("224 kW (64 × 350 W)") is the article's
        # own relation for it and outranks any other; then agreement outranks a slip; written
        # outranks implied; a table's shared formula next; fewer inputs, then nearer
        own = exprs.get(i) or line_totals.get(i)
        if len(kept) > 1:
            kept.sort(key=lambda p: (p is not own, not _explicit(text, t, p, by_id), p.verdict != "consistent", p.how != "written",
                                     -p.confidence,
                                     round(_miss(t, p) / math.log(1 + 2 * NEAR)), len(p.inputs),
                                     abs(math.log(p.factor)), _reach(t, p, by_id), p.formula,
                                     tuple(sorted(p.inputs.values()))))
        top = kept[0]
        if top.verdict == "misses" and any(p.verdict == "misses" and p.factor != top.factor for p in kept[1:2]):
            continue  # two different slips explain it equally: a coincidence, not a finding
        best[t.item.id] = top
        rest[t.item.id] = kept[1:]
    out = _one_orientation(text, qs, best, rest, tuple(written))
    if out:
        alone += _restated_ratios(text, qs, out, by_id, {c.target for c in alone})
        alone += _restated_differences(text, layout, qs, out, by_id, {c.target for c in alone})
        alone += _restated_results(qs, out, by_id, {c.target for c in alone})
        if opens:
            alone += _restated_bounds(text, opens, out, by_id, {c.target for c in alone})
        alone += _sibling_items(text, qs, starts, out, by_id, {c.target for c in alone})
    if "(" in text and ("≈" in text or "=" in text):
        have = {p.target for p in out} | {c.target for c in alone}
        alone += [c for c in _bracketed_formulas(text, qs, starts) if c.target not in have]
    if layout.tables:
        have = {p.target for p in out} | {c.target for c in alone}
        alone += [c for c in _case_differences(layout, items) if c.target not in have]
    if layout.tables and ("@" in text or " at " in text):
        have = {p.target for p in out} | {c.target for c in alone}
        alone += [c for c in _label_rates(layout, text, qs) if c.target not in have]
    if qs and "(" in text:
        alone += _vs_bracket(text, items, qs, marks, {p.target for p in out} | {c.target for c in alone},
                             {frozenset((p.target, *p.inputs.values())) for p in (*out, *alone)})
    if qs and any(it.unit == "x" and not math.isfinite(it.high) for it in items):
        alone += _open_bound_sides(items, qs, marks, {p.target for p in out} | {c.target for c in alone},
                                   {frozenset((p.target, *p.inputs.values())) for p in (*out, *alone)})
    if alone:
        items_by_id = {it.id: it for it in (*items, *written, *opens)}
        place = {it.id: it.start for it in items_by_id.values()}
        out = sorted(out + [_with_numbers(c, items_by_id) for c in alone], key=lambda p: (place[p.target], p.target))
    if out:
        q_of = {q.item.id: q for q in qs}
        q_of.update((q.item.id, q) for q in written_qs if q.item.id not in q_of)
        out = [p for p in out if not _count_times_amount(p, q_of, text) and not _share_of_another(p, q_of, text)]
    return _bound_inputs(out, qs)


def _two_operands(p: Proposal, q_of: dict) -> tuple | None:
    """The numbers (target, a, b) of a product or quotient of two numbers ("a * b", "a / b"), by
    their ids in ``q_of``; None for another formula or where one of them is not there."""
    if p.formula not in ("a * b", "a / b") or len(p.inputs) != 2:
        return None
    t = q_of.get(p.target)
    a, b = (q_of.get(p.inputs.get(k)) for k in ("a", "b"))
    if t is None or a is None or b is None:
        return None
    return t, a, b


#: A percentage that names its whole right after it: "(29% of 10 hours)".
_SHARE_OF_NUMBER_RE = re.compile(r"[ \t*_]*of[ \t]+(?:the[ \t]+|a[ \t]+)?[~≈$€£]?[ \t]*\d")


def _share_of_another(p: Proposal, q_of: dict, text: str) -> bool:
    """A percentage that names its whole ("~2.5 hours (29% of 10 hours)") is a share of that
    whole: a product with it, or a quotient giving it, of another number ("12 GPU-hours × 29%"
    for "4 GPU-hours" sections below, "2.5 hours ÷ 8.5 hours") is a coincidence, and dropped."""
    nums = _two_operands(p, q_of)
    if nums is None:
        return False
    t, a, b = nums
    if p.formula == "a / b":
        share, whole = (t, b) if "percent" in t.names else (None, None)
    else:
        share, whole = (a, b) if "percent" in a.names else (b, a) if "percent" in b.names else (None, None)
    if share is None:
        return False
    m = _SHARE_OF_NUMBER_RE.match(text, share.item.end)
    return bool(m) and not (whole.item.start <= m.end() - 1 < whole.item.end)


_MONEY_DIMS = (("[currency]", 1.0),)
#: What says an amount is one counted thing's ("$30,000 each", "$2 per GPU", "$4/GPU", "apiece").
_EACH_ONES_RE = re.compile(r"[ \t]*(?:each|apiece|a piece|per\b|/|an? [A-Za-z]+\b(?! (?:total|month|year|day|hour)))",
                           re.IGNORECASE)
#: ... or in the number's span ("approximately **$7,800 per GPU"), or right before it on its line
#: ("each word costs $0.0003", "| **Per-GPU CapEx** | **$60,938**", "(@$37.5K SXM").
_EACH_IN_RE = re.compile(r"(?i)\bper\b|/|\beach\b")
_EACH_BEFORE_RE = re.compile(r"(?i)\beach\b|\bper[- ]|@|\bapiece\b")


#: The text between two operands that writes their operation ("$100,000 / $600", "$0.0003 * 5000").
_OPERATOR_BETWEEN_RE = re.compile(r"[ \t]*[×x*/÷][ \t]*")
_NEXT_WORD_RE = re.compile(r"[ \t]+([A-Za-z][A-Za-z0-9]*)")


def _each_ones(text: str, q, counted=None) -> bool:
    """Whether the text says the amount ``q`` is each counted thing's (:data:`_EACH_ONES_RE`), or
    names the thing ``counted`` counts right after it ("2.25M $1000 GPUs")."""
    s, e = q.item.start, q.item.end
    if _EACH_IN_RE.search(text, s, e) or _EACH_ONES_RE.match(text, e):
        return True
    if counted is not None:
        m = _NEXT_WORD_RE.match(text, e)
        words = {w.lower() for w in _WORD_RE.findall(text, s, e)} | ({m.group(1).lower()} if m else set())
        if any(n.lower() in words or n.lower() + "s" in words for n in counted.names):
            return True
    return bool(_EACH_BEFORE_RE.search(text, max(text.rfind("\n", 0, s) + 1, s - 120), s))


def _count_times_amount(p: Proposal, q_of: dict, text: str) -> bool:
    """A product of a count of things and a money amount, or a quotient of one by the other, read
    as a money amount is only one where the amount is each thing's ("2 GPU × $32" for the "$64"
    of "Hour 8-10: Documentation (0 GPUs) = $64", "$160-200 × 2 GPU" for "$320"), and a quotient
    of two money amounts is a pure number, never a count of things ("$128 ÷ $64" for "2 GPUs"):
    such a proposal is dropped unless the text right after the amount says it is each thing's
    ("$30,000 each", "$2 per GPU")."""
    nums = _two_operands(p, q_of)
    if nums is None:
        return False
    t, a, b = nums
    first, second = (a, b) if a.item.start <= b.item.start else (b, a)
    if _OPERATOR_BETWEEN_RE.fullmatch(text, first.item.end, second.item.start):
        return False   # the operation written between them: "$100,000 / $600 == 166 users"

    def counted(q) -> bool:   # a count of named things (no ratio, no dimension, not a bare number)
        return not q.dims and not q.ratio and bool(q.names) and not (q.names <= {"item"})

    def money(q) -> bool:     # a plain amount of money (no rate)
        return q.dims == _MONEY_DIMS and len(q.names) == 1

    if p.formula == "a / b" and money(a) and money(b) and counted(t):
        return not _each_ones(text, b)   # "$100,000 / $600 == 166 users" with "$600 per month per user"
    if not money(t):
        return False
    if p.formula == "a / b":
        return money(a) and counted(b) and not _each_ones(text, t)   # "| **Per-GPU CapEx** | **$60,938** |"
    for m, c in ((a, b), (b, a)):
        if money(m) and counted(c):
            return not _each_ones(text, m, c)
    return False


def _bound_inputs(out: list, qs: list) -> list:
    """The proposals less those that compute with a share or ratio stated as a lower bound
    ("more than 91%": read as up to a quarter above it, :data:`BOUND_REACH`, a result only)."""
    loose = {q.item.id for q in qs if q.ratio and q.item.shown[:1] == "≥"}
    if not loose:
        return out
    return [p for p in out if not any(x in loose for x in p.inputs.values())]


#: A rate in a row's label, "@" or "at" right before it ("GPU cost (@$37.5K SXM, @$32K PCIe)").
_AT_RATE_RE = re.compile(r"(?:@|\bat)[ \t]*[~≈]?$")
#: How far before its table a count the row's rate multiplies may stand (characters).
LABEL_RATE_COUNT_SPAN = 1500


def _label_rates(layout: "_Layout", text: str, qs: list) -> list["_Cand"]:
    """A table row whose label states the price of one thing for its cells ("| GPU cost (@$37.5K
    SXM, @$32K PCIe) | $2,400,000 | $2,048,000 |", "| Storage (at $0.02) | $200 |"): each cell the
    label's one rate, or its rates in column order, times a count stated before the table ("64
    H100 GPUs"; of the dimension the cell's over the rate's: "720 hours" at a price per hour), where
    the cell over the rate is that count to 0.5% and no other count before the table makes it. Every number of the label a rate "@" or "at" names; never a slip (a count
    meets a quotient by chance only this nearly where the article multiplied)."""
    out = []
    for (k, row), idx in layout.rows.items():
        if row < 0:
            continue
        label = [j for j in idx if qs[j].place[2] == 0]
        cells = [j for j in idx if qs[j].place[2]]
        if not label or not cells or not all(_AT_RATE_RE.search(text, max(0, qs[j].s - 4), qs[j].s) for j in label):
            continue
        if len(label) == 1:
            pairs = [(c, label[0]) for c in cells]
        elif len(label) == len(cells):
            pairs = list(zip(cells, label))
        else:
            continue
        start = layout.tables[k].start
        lo = bisect.bisect_left(layout.starts, start - LABEL_RATE_COUNT_SPAN)
        counts = [j for j in range(lo, bisect.bisect_left(layout.starts, start)) if qs[j].place is None
                  and not qs[j].ratio and qs[j].flo == qs[j].fhi and qs[j].flo >= 2]
        for c, r in pairs:
            t, rate = qs[c], qs[r]
            if t.dk != rate.dk or t.flo != t.fhi or rate.flo != rate.fhi or not rate.flo > 0 or t.group:
                continue
            n = t.flo / rate.flo
            per = _combine(t.dims, rate.dims, -1)   # what the count is of: none, or hours at a price per hour
            match = [j for j in counts if qs[j].dk != t.dk and qs[j].dims == per and abs(qs[j].flo - n) <= 0.005 * n]
            if not match or len({qs[j].key for j in match}) != 1:
                continue
            a = qs[match[-1]]
            f_base = t.lo / (t.item.low or 1.0)
            v = a.flo * rate.flo / f_base
            out.append(_Cand(t.item.id, "a * b", {"a": a.item.id, "b": rate.item.id}, (v, v), t.item.unit,
                             "consistent", 1.0, None, "implied", CONFIDENCE[("implied", "consistent")]))
    return out


#: A row of a table of cases is the sum or difference of at most this many rows above it.
CASE_ROWS = 6
#: ... shared by at least this many columns (every column that has the three numbers).
CASE_COLUMNS = 2


def _case_differences(layout: "_Layout", items: list) -> list["_Cand"]:
    """A row of a table whose columns are cases and rows metrics (:meth:`_Layout._metric_columns`)
    that is the sum or the difference of two rows above it in every column that has the three
    numbers, nearly exactly, in at least :data:`CASE_COLUMNS` columns ("| Adj. EBITDA | $7.8B |
    $6.0B |", "| Capex | $24.0B | $24.0B |", "| Free Cash Flow | ($16.2B) | ($18.0B) |"): a
    loss or a gap is a negative number, so the numbers are read from the items (negative ones
    too), one number of one unit per cell. A row that restates a row above in every column (the
    same numbers) is no result. Rows are looked at within :data:`CASE_ROWS` of each other: linear."""
    cells: dict[int, dict[int, dict[int, Item]]] = {}   # table -> row -> column -> its one number
    crowded: set = set()   # (table, row, column) of the cells of two numbers
    value: dict[str, float] = {}   # each number as stated ("$7.8B": 7.8, not 7.75-7.85)
    # the numbers of such tables: the positive ones placed already (layout.qs), the negative
    # ones (kept out of it) placed here
    placed = [(q.item, q.place) for q in layout.qs if q.place is not None and layout._metric_columns(q.place[0])]
    if not placed:
        return []
    placed += [(it, layout.place_at(it.start)) for it in items if it.high < 0]
    for it, place in placed:
        if place is None or place[1] < 0 or place[2] is None or not layout._metric_columns(place[0]):
            continue
        v = it.face_low if it.face_low is not None and it.face_low == it.face_high else \
            it.low if it.low == it.high else None
        if v is None or not math.isfinite(v) or v == 0 or it.expression is not None:
            continue
        value[it.id] = v
        k, row, col = place
        got = cells.setdefault(k, {}).setdefault(row, {})
        if col in got:
            crowded.add((k, row, col))
        got[col] = it
    for k, row, col in crowded:
        cells[k][row].pop(col, None)
    out = []
    for k, by_row in cells.items():
        rows = sorted(by_row)
        for n, r in enumerate(rows):
            above = rows[max(0, n - CASE_ROWS): n]
            target = by_row[r]
            if len(target) < CASE_COLUMNS or any(by_row[a] and all(
                    c in by_row[a] and value[by_row[a][c].id] == value[it.id] for c, it in target.items()) for a in above):
                continue   # a row that restates one above it
            fits = []
            for ia, ra in enumerate(above):
                for rb in above[ia + 1:]:
                    for sign in (1, -1):
                        for first, second in ((ra, rb), (rb, ra)) if sign < 0 else ((ra, rb),):
                            cols = [c for c, it in target.items() if c in by_row[first] and c in by_row[second]
                                    and it.unit == by_row[first][c].unit == by_row[second][c].unit]
                            if len(cols) < CASE_COLUMNS or len(cols) < len(target):
                                continue
                            if all(abs(value[by_row[first][c].id] + sign * value[by_row[second][c].id]
                                       - value[target[c].id]) <= NEAR * abs(value[target[c].id]) for c in cols):
                                fits.append((first, second, sign))
            if len(fits) != 1:
                continue   # none, or two pairs of rows that make it: a coincidence
            first, second, sign = fits[0]
            formula = "a + b" if sign > 0 else "a - b"
            for c, it in target.items():
                a, b = by_row[first][c], by_row[second][c]
                v = value[a.id] + sign * value[b.id]
                out.append(_Cand(it.id, formula, {"a": a.id, "b": b.id}, (v, v), it.unit, "consistent", 1.0, None,
                                 "implied", CONFIDENCE_TABLE["consistent"]))
    return out


#: A heading line (markdown): a split's whole stands in the split's own section.
#: (searched for between two numbers: any line that opens with a hash, a cheaper and looser test
#: than tables' MD_HEADING_RE, which reads a whole heading line)
_HEADING_RE = re.compile(r"\n[ \t]*#")
#: What may stand before a number that leads its line (a part of a parts list written one to a
#: line): blanks and emphasis, no bullet (a list's items are :class:`_Layout`'s).
_LEAD_CHARS = " \t*_"
#: A parts list written one part to a line spans at most this many characters, its total included.
PARTS_REACH = 4 * SPAN


#: The fewest rows a column must scale with its table's row labels on (:func:`_proportional_columns`).
PROPORTIONAL_ROWS = 3
#: A cell scaled from the first row's by its label: the table's shape says so, no formula of the
#: row; any other relation found for the cell ranks before it.
CONFIDENCE_PROPORTIONAL = 0.3


def _proportional_columns(layout: "_Layout", qs: list, found_by: dict) -> list:
    """A projection table ("| Batch Size | Time | Self-Hosted Cost | API Cost |", rows of 10,
    5,000, 50,000 requests) whose column scales with the amounts that label its rows: every cell
    of the column over its row's label is one value (each row within :data:`NEAR` of the first
    row's cell times the label's ratio), on :data:`PROPORTIONAL_ROWS` rows or more and on every
    row that has both. Each later row's cell is then the first row's cell times its label over
    the first row's label (``a * b / c``), ranked after any other relation found for it (a row's
    own formula, "GPUs × $/GPU-year × share", says how); never a slip (a column that misses on
    any row is no such column)."""
    out = []
    by_table: dict[int, list] = {}   # table -> its columns, in the layout's order (one pass, not one per table)
    for (kk, col), idx in layout.cols.items():
        by_table.setdefault(kk, []).append((col, idx))
    for k in range(len(layout.tables)):
        labels: dict[int, int] = {}
        cells: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for col, idx in by_table.get(k, ()):
            for j in idx:
                row = qs[j].place[1]
                if row >= 0:
                    cells[col][row].append(j)
        if 0 not in cells:
            continue
        for row, idx in cells[0].items():
            if len(idx) == 1 and not qs[idx[0]].ratio and qs[idx[0]].flo == qs[idx[0]].fhi and qs[idx[0]].flo > 0:
                labels[row] = idx[0]
        if len(labels) < PROPORTIONAL_ROWS or len({qs[j].flo for j in labels.values()}) < len(labels):
            continue
        for col, by_row in cells.items():
            if col == 0:
                continue
            rows = sorted(r for r in by_row if r in labels)
            if len(rows) < PROPORTIONAL_ROWS or any(len(by_row[r]) != 1 for r in rows):
                continue
            ys = [qs[by_row[r][0]] for r in rows]
            if any(y.ratio or y.flo != y.fhi or not y.flo > 0 or y.dk == qs[labels[r]].dk for y, r in zip(ys, rows)):
                continue
            y0, x0 = ys[0], qs[labels[rows[0]]]
            per = y0.flo / x0.flo
            if not all(abs(per * qs[labels[r]].flo - y.flo) <= NEAR * y.flo for y, r in zip(ys[1:], rows[1:])):
                continue
            for y, r in zip(ys[1:], rows[1:]):
                j = by_row[r][0]
                x = qs[labels[r]]
                v = per * x.flo
                c = _proposal(y, "a * b / c", (y0, x, x0), v, v, "consistent", 1.0, None, "implied")
                c.confidence = CONFIDENCE_PROPORTIONAL   # (any other relation of the cell outranks it)
                out.append((j, c))
    return out


def _paragraph_parts(text: str, qs: list) -> list[tuple[int, list[int]]]:
    """(total, its parts): a parts list written one part to a line, each line led by an amount of
    one unit ("40€ motherboard + CPU + RAM combo", "9€ power supply", "96€ K80 GPU", each in its
    own paragraph between pictures), and the amount of that unit stated right after the list that
    their sum makes nearly exactly (:func:`_sum_tolerance`): "Price : 560€" after its section's
    parts, or "**145€** for our budget setup" under a heading of its own (an amount that leads its
    line with no heading between is the list's next part, never its total). The run is every
    line-leading amount of the unit before the total, back to a heading or to any other number
    (the numbers after a part on its line are the part's: "410€ : 3 x P40 GPU"), two parts at
    least, all of them: the list is summed whole, no run of it picked to fit. Within
    :data:`PARTS_REACH`; each total walks back over its own run only: linear."""
    out: list[tuple[int, list[int]]] = []
    if len(qs) < 3:
        return out
    lead: list[int] = []   # the start of each number's line where the number leads it, else -1
    for q in qs:
        ls = text.rfind("\n", 0, q.s) + 1
        lead.append(ls if q.place is None and not text[ls:q.s].strip(_LEAD_CHARS) else -1)
    if sum(1 for x in lead if x >= 0) < 3:
        return out
    for j, t in enumerate(qs):
        if t.place is not None or t.ratio or t.group or t.flo != t.fhi or not t.flo > 0 or j < 2:
            continue
        run: list[int] = []
        line = -1   # the line of the last part taken: its other numbers are the part's
        k = j - 1
        while k >= 0:
            q = qs[k]
            if t.s - q.s > PARTS_REACH:
                break
            qline = text.rfind("\n", 0, q.s) + 1
            if qline == line or (lead[k] < 0 and _led_by(qs, lead, k, qline, t.item.unit)):
                # a number after a part on its line is the part's ("410€ : 3 x P40 GPU", "46€
                # 1300w power supply"), met before its part as the walk goes back
                k -= 1
                continue
            if lead[k] < 0 or q.item.unit != t.item.unit or q.ratio or q.flo != q.fhi or q.same_number(t) \
                    or q.flo >= t.flo:
                break
            # a heading between two parts (or before the first) ends the list; between the list and
            # its total it is the total's own heading, where the total leads its line
            if _HEADING_RE.search(text, q.e, (qs[run[-1]].s if run else t.s)):
                if run or lead[j] < 0:
                    break
            elif not run and lead[j] >= 0:
                break   # a line-leading amount right after the list: its next part
            run.append(k)
            line = qline
            k -= 1
        if len(run) < 2:
            continue
        total = sum(qs[x].flo for x in run)
        if abs(total - t.flo) <= _sum_tolerance(t) * t.flo:
            out.append((j, sorted(run)))
    return out


def _led_by(qs: list, lead: list[int], k: int, line: int, unit) -> bool:
    """Is the line that starts at ``line`` led by an amount of ``unit`` stated before number
    ``k`` on it (so that ``k`` is that part's own figure)? Looks back over ``k``'s line only."""
    m = k - 1
    while m >= 0 and qs[m].s >= line:
        if lead[m] == line:
            return qs[m].item.unit == unit
        m -= 1
    return False


#: "of those", "of these", "of them" right after a number ("16 of those data centers are in
#: Virginia"), or "Of those," right before it: a breakdown of a number stated before.
#: A total and its parts after a dash or a colon in one sentence: "shipped 2.5 million TPUs in
#: 2025 — 1.9 million v5 and 600 thousand v6": the words after the total (no number, no stop) ...
_DASH_GAP_RE = re.compile(r"[^.;!?\n—–:]{0,40}?[ \t]*(?:—|–|--|:)[ \t]*$")
#: ... and between two parts: a comma or "and", with at most three words of the part's own.
_DASH_JOIN_RE = re.compile(r"(?i)^[ \t]*[\w-]*(?:[ \t]+[\w-]+){0,2}?[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$")
DASH_PARTS = 4
#: Where the list of parts ends: a stop, a semicolon, a bracket, a line's end.
_CLAUSE_END_RE = re.compile(r"[.;)\n]")


def _dash_parts(text: str, qs: list) -> list[tuple[int, list[int]]]:
    """(total, its parts): an amount and, after a dash or a colon in its sentence, two to
    :data:`DASH_PARTS` amounts of its kind (one dimension, one unit's names) joined by commas or "and" ("2.5 million TPUs in 2025 —
    1.9 million v5 and 600 thousand v6"), the last of them ending the sentence or clause, whose
    sum makes it nearly exactly (:func:`_sum_tolerance`). All the parts the words join, none
    picked to fit. Outside tables; each amount looks ahead over a few numbers: linear."""
    out: list[tuple[int, list[int]]] = []
    n = len(qs)
    for j, t in enumerate(qs):
        if j + 2 >= n or t.place is not None or t.ratio or t.group or t.flo != t.fhi or not t.flo > 0:
            continue
        first = qs[j + 1]
        if first.s - t.e > 48 or _DASH_GAP_RE.match(text, t.e, first.s) is None:
            continue
        run = []
        k = j + 1
        while k < n and len(run) <= DASH_PARTS:
            q = qs[k]
            if q.place is not None or q.dk != t.dk or q.names != t.names or q.ratio or q.flo != q.fhi \
                    or q.same_number(t):
                break
            if run and _DASH_JOIN_RE.match(text[qs[run[-1]].e:q.s]) is None:
                break
            run.append(k)
            k += 1
        if not 2 <= len(run) <= DASH_PARTS:
            continue
        # the last part ends its clause: no further number of the list left out
        m = _CLAUSE_END_RE.search(text, qs[run[-1]].e, qs[run[-1]].e + 80)
        if m is None or (k < n and qs[k].s < m.start()):
            continue
        total = sum(qs[x].flo for x in run)
        if abs(total - t.flo) <= _sum_tolerance(t) * t.flo:
            out.append((j, run))
    return out


#: A line's label right before its number: "- Inference: $546.8 million", "- Implied OpenAI
#: revenue: at least $386.5 million", "**Total inference spend for CY2024:** $3.767 billion".
_LINE_LABEL_RE = re.compile(r"[ \t]*(?:[#>*_+-]+[ \t]*)*(?P<label>[A-Za-z][^:\n]{0,60}?)"
                            r"[ \t*_]*:[ \t*_]*(?:(?:at[ \t]+(?:least|most)|about|around|roughly|approximately|over|"
                            r"under|nearly|almost)[ \t]+)?[~≈]?[ \t]*$")
#: A label that names a total (or one period's whole: "H1 CY2025 Inference", "Full-year revenue").
_LABEL_TOTAL_RE = re.compile(r"(?i)\b(?:totals?|combined|overall|cumulative|sum|h[12]|fy|cy|full[- ]year|"
                             r"year[- ]to[- ]date|ytd|annual)\b|\b(?:cy|fy)?(?:19|20)\d\d\b")
_LABEL_WORDS_RE = re.compile(r"[a-z]{3,}")
_LABEL_TOTAL_STOP = frozenset(("total", "totals", "combined", "overall", "cumulative", "sum", "for", "the", "and",
                               "full", "year", "annual", "ytd"))
#: How far before a labelled total its parts' lines may stand, and how many of them it may sum.
LABEL_TOTAL_REACH = 8 * SPAN
LABEL_TOTAL_PARTS = 8


def _line_label(text: str, q: "_Q") -> str | None:
    """The label of ``q``'s line, lower case ("inference", "total inference spend for cy2024"), or
    None where the line has none right before it (a colon, at most a hedge between)."""
    ls = text.rfind("\n", max(0, q.s - 100), q.s) + 1
    if ls == 0 and q.s > 100:
        return None
    if ":" not in text[ls:q.s]:
        return None
    m = _LINE_LABEL_RE.fullmatch(text, ls, q.s)
    return None if m is None else " ".join(m.group("label").lower().replace("*", " ").replace("_", " ").split())


#: The two things "A plus B" names before the amount it states ("Cash plus restricted cash sits
#: at $2.49B"): each at most four words, letters only, then the verb that states the amount.
_PLUS_NAMES_BEFORE_RE = re.compile(r"(?i)(?:^|[^\w'’&-])(?P<a>[a-z][a-z'’&-]*(?:[ \t]+[a-z][a-z'’&-]*){0,3})[ \t]*$")
_PLUS_NAMES_AFTER_RE = re.compile(
    r"(?i)[ \t]*(?P<b>[a-z][a-z'’&-]*(?:[ \t]+[a-z][a-z'’&-]*){0,3}?)[ \t]+(?:(?:combined|together)[ \t]+)?"
    r"(?:sits?|sat|stands?|stood|totall?(?:s|ed)|is|are|was|were|comes?[ \t]+to|came[ \t]+to|amount(?:s|ed)?[ \t]+to|"
    r"reach(?:es|ed)?|adds?[ \t]+up[ \t]+to|added[ \t]+up[ \t]+to)\b(?:[ \t]+(?:at|to))?[ \t]*"
    r"(?:(?:about|around|roughly|approximately|nearly|just[ \t]+(?:over|under))[ \t]+)?[~≈]?[ \t]*$")
_PLUS_STOP = frozenset(("the", "and", "our", "its", "their", "his", "her", "total", "current", "with"))
#: The farthest (characters) a part named by "A plus B" stands before the amount.
PLUS_NAMED_REACH = 2 * SPAN


def _name_words(s: str) -> frozenset:
    return frozenset(w for w in re.findall(r"[a-z]{3,}", s.lower()) if w not in _PLUS_STOP)


def _plus_named_parts(text: str, qs: list, marks: "_Marks", layout: "_Layout") -> list[tuple[int, list[int]]]:
    """An amount that "A plus B" states ("Cash plus restricted cash sits at $2.49B", under a table
    of rows "| Cash & Cash Equivalents | $1,894.4M |" and "| Restricted Cash (current) | $596.8M |")
    is the sum of the two amounts of its kind stated before it whose labels (a table row's first
    cell, a line's "Label:") hold the words of each name, the nearest of each (the longer name
    chooses first), within :data:`PLUS_NAMED_REACH`; where the two sum to it nearly exactly
    (:func:`_sum_tolerance`). Each " plus " is read once: linear."""
    starts = [q.s for q in qs]
    tables = layout.tables
    out = []
    low = _lowered(text)
    pos = low.find(" plus ")
    while pos >= 0:
        at = pos
        pos = low.find(" plus ", pos + 1)
        j = bisect.bisect_left(starts, at + 6)
        if j >= len(qs) or j == 0:
            continue
        t = qs[j]
        ma = _PLUS_NAMES_BEFORE_RE.search(text, max(0, at - 60), at)
        mb = _PLUS_NAMES_AFTER_RE.fullmatch(text, at + 6, t.s)
        if ma is None or mb is None or t.place is not None or t.ratio or t.group or t.flo != t.fhi \
                or not t.dims or marks.sentence_ends(at, t.s):
            continue
        names = sorted((_name_words(ma.group("a")), _name_words(mb.group("b"))), key=len, reverse=True)
        if not names[1]:
            continue
        chosen: list[int] = []
        for words in names:
            pick = None
            for k in range(j - 1, -1, -1):
                q = qs[k]
                if t.s - q.s > PLUS_NAMED_REACH:
                    break
                if k in chosen or q.dk != t.dk or q.ratio or q.group or q.flo != q.fhi:
                    continue
                if q.place is not None:
                    if q.place[1] < 0 or q.place[2] is None:
                        continue
                    row = tables[q.place[0]].rows[q.place[1]]
                    label = row[0].text if row else ""
                else:
                    label = _line_label(text, q) or ""
                if words <= _name_words(label):
                    pick = k
                    break
            if pick is None:
                break
            chosen.append(pick)
        if len(chosen) == 2:
            total = qs[chosen[0]].flo + qs[chosen[1]].flo
            if abs(total - t.flo) <= _sum_tolerance(t) * t.flo:
                out.append((j, sorted(chosen)))
    return out


#: "an additional 100 tokens", "an extra $20": a second part, added to the amount before it.
_ADDITIONAL_RE = re.compile(r"(?i)\b(?:an?|and)?[ \t]*(?:additional|extra)[ \t]+(?:of[ \t]+)?[~$€£]?$")
#: The words between the second part and the sum that say it is their sum ("So, 300 tokens for
#: the input", "That's 300 tokens", "for a total of 300", "giving 300", "= 300").
_ADDED_RESULT_RE = re.compile(r"(?i)(?:^|[.;:,][ \t]*|[ \t])(?:so|thus|that(?:'|’)?s|that\s+(?:is|makes|gives)|"
                              r"(?:for|with)\s+a\s+total\s+of|in\s+total|giving(?:\s+us)?|making|=|which\s+(?:is|makes))"
                              r"[ \t,]*(?:about|around|roughly|approximately|~|≈)?[ \t]*[$€£]?$")
#: The most characters from the second part to its sum.
ADDITIONAL_REACH = 160


def _additional_totals(text: str, qs: list, marks: "_Marks") -> list[tuple[int, list[int]]]:
    """A sum of an amount and "an additional" (or "extra") amount of its kind right after it in
    its sentence ("200 tokens and an additional 100 tokens are used for prompting"), stated next
    by words that say it is the sum ("So, 300 tokens for the input", "for a total of 300 tokens",
    "That's 300 tokens"): where the two make it nearly exactly. Each number is looked at once."""
    out = []
    for j, b in enumerate(qs):
        if j == 0 or b.place is not None or b.ratio or b.group or b.flo != b.fhi or not b.dims:
            continue
        if _ADDITIONAL_RE.search(text, max(0, b.s - 24), b.s) is None:
            continue
        a = next((qs[k] for k in range(j - 1, max(-1, j - 4), -1) if qs[k].dk == b.dk), None)
        if a is None or a.place is not None or a.ratio or a.group or a.flo != a.fhi \
                or marks.sentence_ends(a.e, b.s) or b.s - a.e > SPAN:
            continue
        for k in range(j + 1, min(j + 4, len(qs))):
            t = qs[k]
            if t.s - b.e > ADDITIONAL_REACH:
                break
            if t.dk != b.dk or t.place is not None or t.group or t.flo != t.fhi:
                continue
            if _ADDED_RESULT_RE.search(text, max(b.e, t.s - 40), t.s) is not None \
                    and abs(a.flo + b.flo - t.flo) <= NEAR * t.flo:
                out.append((k, [qs.index(a, max(0, j - 4), j), j]))
            break   # the next amount of its kind only
    return out


def _line_labels(text: str, qs: list) -> dict[int, str]:
    """The numbers outside tables that a line's label leads (:func:`_line_label`), one amount
    each (no ratio, no range, no operand of an expression), by index: read once for
    :func:`_labelled_totals` and :func:`_prose_label_totals`."""
    labels: dict[int, str] = {}
    if ":" not in text:
        return labels
    for i, q in enumerate(qs):
        if q.place is not None or q.ratio or q.group or q.flo != q.fhi or not q.flo > 0:
            continue
        lab = _line_label(text, q)
        if lab:
            labels[i] = lab
    return labels


def _labelled_totals(text: str, qs: list, labels: dict[int, str]) -> list[tuple[int, list[int]]]:
    """A total a line's label names ("- Total inference spend for CY2024: $3.767 billion", "- H1
    CY2025 Inference: $5.022 billion") and the run of lines just before it under one repeated label
    that shares a word with it ("- Inference: $546.8 million" in each quarter's section): the last
    two or more of them (at most :data:`LABEL_TOTAL_PARTS`, within :data:`LABEL_TOTAL_REACH`),
    where exactly one such run sums to the total nearly exactly (to 2%). Outside tables; the parts
    of one kind with the total. Bounded: each number's line is read once, each total looks back
    over one label's run. ``labels``: :func:`_line_labels`."""
    if not labels:
        return []
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, lab in labels.items():
        by_label[lab].append(i)
    out = []
    for j, lab in labels.items():
        if _LABEL_TOTAL_RE.search(lab) is None:
            continue
        t = qs[j]
        words = set(_LABEL_WORDS_RE.findall(lab)) - _LABEL_TOTAL_STOP
        if not words:
            continue
        v_lo, v_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
        got = []
        for other, idx in by_label.items():
            if other == lab or len(idx) < 2 or not (set(_LABEL_WORDS_RE.findall(other)) & words):
                continue
            k = bisect.bisect_left(idx, j)
            run = [x for x in idx[max(0, k - LABEL_TOTAL_PARTS):k] if t.s - qs[x].s <= LABEL_TOTAL_REACH]
            run = [x for x in run if qs[x].dk == t.dk and not qs[x].same_number(t)]
            total = 0.0
            for n, x in enumerate(reversed(run), 1):
                total += qs[x].flo
                if n >= 2 and v_lo <= total <= v_hi:
                    got.append(run[len(run) - n:])
        if len(got) == 1:
            out.append((j, got[0]))
    return out


#: A sentence that states a total over a span of time ("In the first half of CY2024, ... inference
#: costs were $1.295 billion"): the span its parts' sections split.
_PERIOD_SPAN_RE = re.compile(r"(?i)\b(?:first|second)[ \t]+half\b|\bh[12][ \t]+(?:cy|fy)?[ \t]*(?:19|20)\d\d\b"
                             r"|\b(?:first|last)[ \t]+(?:two|three|four|six|nine)[ \t]+(?:months|quarters)\b"
                             r"|\b(?:year|quarters?)[ \t-]+to[ \t-]+date\b|\bytd\b")


#: Words one of which a sentence :data:`_PERIOD_SPAN_RE` matches holds, as commonly written (the
#: pattern is read only in the sentences that hold one).
_PERIOD_SPAN_WORDS = ("half", "Half", "H1 ", "H2 ", "months", "Months", "quarters", "to date", "to-date", "YTD")


def _find_all(text: str, w: str) -> list[int]:
    out = []
    i = text.find(w)
    while i >= 0:
        out.append(i)
        i = text.find(w, i + 1)
    return out


def _stem(w: str) -> str:
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _prose_label_totals(text: str, qs: list, marks: "_Marks", starts: list,
                        labels: dict[int, str]) -> list[tuple[int, list[int]]]:
    """A total in prose over a span of time (:data:`_PERIOD_SPAN_RE`: "In the first half of
    CY2024, ... OpenAI's inference costs were $1.295 billion, and its revenues at least $934
    million") and a run of lines before it under one repeated label whose last word its own
    clause names ("- Inference: $546.8 million", "- Inference: $748.3 million", one in each
    quarter's section; "revenues" names "- Implied OpenAI Revenue: ..."): two or more
    consecutive lines of that label (at most :data:`LABEL_TOTAL_PARTS`), where exactly one such
    run sums to the total to :data:`TIGHT`. Outside tables; the parts of one kind with the
    total; never a slip. Bounded: the totals are the numbers of the sentences that name a span
    (each read once), the labels are those :func:`_labelled_totals` reads, and each total tries the runs
    of the labels its clause names. ``starts``: the numbers' starts (:attr:`_Layout.starts`);
    ``labels``: :func:`_line_labels`."""
    if not labels:
        return []
    # the totals: the numbers of the sentences that name a span of time (few), outside tables and
    # lines of their own label
    ends = marks.ends
    totals: list[int] = []
    last = -1
    # (the sentences found by the words the pattern needs, found as plain text: a scan of the
    # pattern over a long text costs more than the rest of the search)
    at = sorted({i for w in _PERIOD_SPAN_WORDS for i in _find_all(text, w)})
    done_a = -1
    for p in at:
        k = bisect.bisect_left(ends, p)
        a = ends[k - 1] + 1 if k else 0
        if a == done_a:
            continue
        done_a = a
        b = ends[k] if k < len(ends) else len(text)
        if _PERIOD_SPAN_RE.search(text, a, b) is None:
            continue
        for j in range(max(bisect.bisect_left(starts, a), last + 1), bisect.bisect_left(starts, b)):
            t = qs[j]
            if t.place is None and not t.ratio and not t.group and t.flo == t.fhi and t.flo > 0 \
                    and j not in labels:
                totals.append(j)
            last = j
    if not totals:
        return []
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, lab in labels.items():
        head = _LABEL_WORDS_RE.findall(lab)
        if head:
            by_label[_stem(head[-1])].append(i)
    runs = {w: idx for w, idx in by_label.items() if len(idx) >= 2}
    if not runs:
        return []
    out = []
    for j in totals:
        t = qs[j]
        k = bisect.bisect_left(ends, t.s)
        a = ends[k - 1] + 1 if k else 0
        c0 = max([a] + [q.e for q in qs[max(0, j - 4):j] if a <= q.e <= t.s])
        words = {_stem(w) for w in _LABEL_WORDS_RE.findall(text[c0:t.s].lower())}
        got = []
        for w in words & runs.keys():
            idx = [x for x in runs[w] if x < j and qs[x].dk == t.dk and not qs[x].same_number(t)]
            for n0 in range(len(idx) - 1):
                total = 0.0
                for n in range(n0, min(len(idx), n0 + LABEL_TOTAL_PARTS)):
                    total += qs[idx[n]].flo
                    if n > n0 and abs(total - t.flo) <= TIGHT * t.flo:
                        got.append(idx[n0:n + 1])
        if len(got) == 1:
            out.append((j, got[0]))
    return out


#: A total after a list sums at least this many items where they are shares ("- NVIDIA: 7.17%" ...
#: then "Conservative AI exposure: ~27.9%"): two percentages meet a third by chance too often.
LIST_TOTAL_SHARES = 3


def _list_totals(text: str, qs: list, starts: list) -> list[tuple[int, list[int]]]:
    """A labelled line right after a list ("- TSMC: $36,000 × 3.18% = ~$1,145", "- ASML: ... =
    ~$430", "- Samsung: ... = ~$330", then "**International AI exposure: ~$1,900**"; at most one
    blank line between) whose amount is the sum of the items' amounts: each item's last number of
    its kind, every item of the list having one, two to :data:`SUM_PARTS` items (percentages:
    :data:`LIST_TOTAL_SHARES` at least, all percentages), where the sum agrees to 2%. Outside
    tables; never a slip. Each number's line is read once, each list once: linear."""
    out = []
    done: set = set()
    for j, t in enumerate(qs):
        if t.place is not None or t.group or t.flo != t.fhi or not t.flo > 0:
            continue
        ls = text.rfind("\n", 0, t.s) + 1
        if ls < 2 or ls in done:
            continue
        done.add(ls)
        if _BULLET_RE.match(text, ls) is not None:
            continue   # an item itself
        pe = ls - 1   # the line before: the list's last item (or one blank line, then it)
        ps = text.rfind("\n", 0, pe) + 1
        if not text[ps:pe].strip():
            if ps < 2:
                continue
            pe = ps - 1
            ps = text.rfind("\n", 0, pe) + 1
        if _BULLET_RE.match(text, ps) is None or _line_label(text, t) is None:
            continue
        parts: list[int] = []
        while True:
            m = _BULLET_RE.match(text, ps)
            if m is None:
                break
            lo, hi = bisect.bisect_left(starts, ps), bisect.bisect_left(starts, pe)
            mine = [x for x in range(lo, hi) if qs[x].place is None and qs[x].dk == t.dk]
            if not mine:
                parts = []
                break
            parts.append(mine[-1])
            if len(parts) > SUM_PARTS or ps < 2:
                break
            pe = ps - 1
            ps = text.rfind("\n", 0, pe) + 1
            if _BULLET_RE.match(text, ps) is None:
                break
        if not 2 <= len(parts) <= SUM_PARTS:
            continue
        ins = [qs[x] for x in parts]
        if any(q.ratio != t.ratio or q.flo != q.fhi or q.group or q.same_number(t) for q in ins):
            continue
        if t.ratio and (len(ins) < LIST_TOTAL_SHARES or any(q.names != t.names for q in ins)):
            continue
        total = sum(q.flo for q in ins)
        if t.flo / (1 + NEAR) <= total <= t.fhi * (1 + NEAR):
            out.append((j, sorted(parts)))
    return out


#: A line led by a label that names a total ("Total training budget:", "- **Total**:", "Total if
#: you keep node up:", "Combined:"), up to its colon.
_TOTAL_LINE_RE = re.compile(r"[ \t]*(?:[-*+>]+[ \t]+)?[*_]*(?:grand[ \t]+)?(?:total|combined|overall)\b[^:\n=|]{0,60}?"
                            r"[*_]*:", re.IGNORECASE)
#: What may stand between a line's colon or "=" and the amount it states: markup, a sign, a hedge.
_STATED_GAP = " \t*_~≈+"
#: At most this many lines make one block of parts for :func:`_total_line_parts`.
TOTAL_LINE_PARTS = 8
#: The words a total line's label leads with (:data:`_TOTAL_LINE_RE`), in lower case: a line is
#: tried where one of them stands in the text lowered.
_TOTAL_LINE_WORDS = ("total", "combined", "overall")


def _stated_at(text: str, ls: int, q: "_Q") -> bool:
    """Does ``q`` follow a colon or an "=" on its line, markup or a hedge at most between
    ("Electricity cost: $3.1-3.7M", "Hour 1-2: SFT training (8 GPUs) = $32", "- **Total**: $3,100")?"""
    before = text[max(ls, q.s - 12):q.s].rstrip(_STATED_GAP)
    return before.endswith((":", "="))


def _total_line_parts(text: str, qs: list, starts: list) -> list[tuple[int, list[int], float, float]]:
    """A line led by a label that names a total ("Total training budget: ~$100M", "- **Total**:
    $3,100-9,200", "Total if you keep node up: $320") right below a block of lines each stating an
    amount of its kind after a colon or an "=" ("Electricity cost: $3.1-3.7M", "Hour 1-2: SFT
    training (8 GPUs) = $32"; one blank line at most between the block and its total): every line
    of the block, up to a blank line, a code fence, a heading, a table, another total line or a
    line with no such amount (two to :data:`TOTAL_LINE_PARTS` lines, all of
    them: none picked to fit), where the sum makes the total (:func:`_sum_tolerance`). The parts
    may be ranges ("$600-2,400"): their lows and highs are summed, and a range total meets both
    ends; a single total, the summed span. Outside tables; never a slip. Each total line walks up
    over its own block only: linear. Returns (total, parts, low sum, high sum)."""
    out: list[tuple[int, list[int], float, float]] = []
    heads: set[int] = set()
    low = _lowered(text)
    for w in _TOTAL_LINE_WORDS:   # (any case: "Total", "GRAND TOTAL", "COMBINED:")
        for i in _find_all(low, w):
            heads.add(text.rfind("\n", 0, i) + 1)
    for ls in sorted(heads):
        m = _TOTAL_LINE_RE.match(text, ls)
        if m is None:
            continue
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        seen_dk: set = set()
        for j in range(bisect.bisect_left(starts, m.end()), bisect.bisect_left(starts, le)):
            t = qs[j]
            if t.dk in seen_dk:
                continue
            seen_dk.add(t.dk)
            if t.place is not None or t.ratio or t.group or not t.flo > 0 or not _stated_at(text, ls, t):
                continue
            parts: list[int] = []
            pe = ls - 1
            while pe > 0 and len(parts) <= TOTAL_LINE_PARTS:
                ps = text.rfind("\n", 0, pe) + 1
                line = text[ps:pe].lstrip()
                if not line and not parts and pe == ls - 1 and ps > 0:
                    pe = ps - 1   # one blank line between the block and its total
                    continue
                if not line or line.startswith(("```", "~~~", "#", "|")) or _TOTAL_LINE_RE.match(text, ps):
                    break
                part = None
                for k in range(bisect.bisect_left(starts, ps), bisect.bisect_left(starts, pe)):
                    q = qs[k]
                    if q.dk == t.dk and q.names == t.names and _stated_at(text, ps, q):
                        part = k
                        break
                if part is None:
                    break
                q = qs[part]
                if q.place is not None or q.ratio or q.group or q.same_number(t):
                    parts = []
                    break
                parts.append(part)
                pe = ps - 1
            if not 2 <= len(parts) <= TOTAL_LINE_PARTS:
                continue
            lo = sum(qs[x].flo for x in parts)
            hi = sum(qs[x].fhi for x in parts)
            tol = _sum_tolerance(t)
            if t.flo != t.fhi:
                ok = abs(lo - t.flo) <= tol * t.flo and abs(hi - t.fhi) <= tol * t.fhi
            else:
                ok = lo / (1 + tol) <= t.flo <= hi * (1 + tol)
            if ok:
                out.append((j, sorted(parts), lo, hi))
    return out


_OF_THOSE_AFTER_RE = re.compile(r"(?i)[ \t]+(?:[a-z]+[ \t]+)?of[ \t]+th(?:ose|ese|em)\b")
_OF_THOSE_BEFORE_RE = re.compile(r"(?i)\b(?:of|among)[ \t]+th(?:ose|ese|em)[ \t]*,?[ \t]*$")


def _of_those_parts(text: str, qs: list, marks: "_Marks") -> list[tuple[int, list[int]]]:
    """(total, its parts): a breakdown that says it is one ("16 of those data centers are in
    Virginia, 2 in California and 2 in Singapore" after "20 of their global data centers use
    recycled water"; "Of these, 12 ..."): the numbers of its sentence of the first part's kind
    (the same unit as written), two at least, summed whole, and the nearest number of that unit
    stated before the sentence (its paragraph or the :data:`PROSE_TOTAL_PARAS` before, within
    :data:`PROSE_TOTAL_SPAN`), where the sum makes it nearly exactly (:func:`_sum_tolerance`).
    Looked at only where the text says "of th..." (str.find), each cue once: linear."""
    out: list[tuple[int, list[int]]] = []
    low = _lowered(text)
    if " of th" not in low or len(qs) < 3:
        return out
    starts = [q.s for q in qs]
    seen: set[int] = set()
    for word in (" of those", " of these", " of them"):
        pos = low.find(word)
        while pos >= 0:
            at = pos
            pos = low.find(word, pos + 1)
            # the number the cue is of: the last one starting before it (the cue after it, within
            # its words), or the first after it ("Of those, 16 ...")
            j = bisect.bisect_right(starts, at) - 1
            if j >= 0 and _OF_THOSE_AFTER_RE.match(text, _digits_end(text, qs[j].s), at + len(word) + 1) is None:
                j = -1
            if j < 0:
                j = bisect.bisect_left(starts, at)
                if j >= len(qs) or not _OF_THOSE_BEFORE_RE.search(text, max(0, qs[j].s - 30), qs[j].s):
                    continue
            if j in seen:
                continue
            seen.add(j)
            q = qs[j]
            if q.place is not None or q.ratio or q.flo != q.fhi or not isinstance(q.para, int):
                continue
            run = [j]
            for k in range(j + 1, min(len(qs), j + SUM_PARTS)):
                r = qs[k]
                if marks.sentence_ends(q.e, r.s):
                    break
                if r.place is None and not r.ratio and r.flo == r.fhi and r.item.unit == q.item.unit:
                    run.append(k)
            if len(run) < 2:
                continue
            a = bisect.bisect_left(marks.ends, q.s)
            sentence = marks.ends[a - 1] if a else 0
            total = sum(qs[x].flo for x in run)
            for i in range(j - 1, -1, -1):
                t = qs[i]
                if q.s - t.s > PROSE_TOTAL_SPAN or not isinstance(t.para, int) or q.para - t.para > PROSE_TOTAL_PARAS:
                    break
                if t.s >= sentence or t.item.unit != q.item.unit or t.place is not None or t.ratio or t.group:
                    continue
                if t.flo == t.fhi and abs(total - t.flo) <= _sum_tolerance(t) * t.flo:
                    out.append((i, run))
                break   # the nearest such number only
    return out


def _digits_end(text: str, s: int) -> int:
    """Where the digits of a number that starts at ``s`` end ("16 of those": after "16")."""
    e = s
    while e < len(text) and (text[e].isdigit() or text[e] in ",."):
        e += 1
    return e


#: At most this many characters from a split's total to the split (the sentence that sums up a
#: breakdown whose items each run a paragraph: "... the split is nearly 50/50").
SPLIT_REACH = 4 * SPAN


def _split_shares(text: str, qs: list, found_by: dict) -> list:
    """The two shares of a split written "A/B" ("the split is nearly 50/50 between compute
    hardware and everything else": two percentages, one right after the other with "/" between,
    that make 100) as the two parts of the nearest total before it that discovery found as the
    sum of two parts (:func:`_prose_totals` and the layout's totals: "$59 million in total" of
    "~$30 million" and "~$29 million"), in its section (no heading between) and within
    :data:`SPLIT_REACH`: the first share the first part's share of the total, the second the
    second's, where both agree nearly exactly (within 2% of the share as stated). Shares already
    proposed otherwise are left as they are. Never a slip. Linear: one pass over the numbers,
    then a look back over the totals found."""
    totals = None
    out = []
    for k in range(len(qs) - 1):
        a, b = qs[k], qs[k + 1]
        if b.s - a.e != 1 or text[a.e] != "/" or not (a.ratio and b.ratio) or "percent" not in a.names \
                or "percent" not in b.names or a.place is not None or b.place is not None \
                or abs(a.flo + b.flo - 1.0) > 0.01 or k in found_by or k + 1 in found_by:
            continue
        if totals is None:
            by_id = {q.item.id: j for j, q in enumerate(qs)}
            totals = sorted((j, [by_id[x] for x in c.inputs.values()]) for j, got in found_by.items()
                            for c, _ in got if " + " in c.formula and len(c.inputs) == 2 and c.verdict == "consistent"
                            and all(x in by_id for x in c.inputs.values()))
        before = [(j, parts) for j, parts in totals if max(j, *parts) < k and a.s - qs[j].s <= SPLIT_REACH]
        if not before:
            continue
        j, parts = before[-1]
        w = qs[j]
        if _HEADING_RE.search(text, w.e, a.s) is not None or not w.flo > 0:
            continue
        first, second = sorted(parts, key=lambda x: qs[x].s)
        got = []
        for t, x in ((a, qs[first]), (b, qs[second])):
            lo, hi = x.flo / w.fhi, x.fhi / w.flo
            if not (lo <= t.hi * (1 + NEAR) and t.lo / (1 + NEAR) <= hi and abs(x.flo / w.flo - t.flo) <= NEAR * t.flo):
                break
            got.append((t, x, lo, hi))
        if len(got) == 2:
            out += [(k + n, _proposal(t, "a / b", (x, w), lo, hi, "consistent", 1.0, None, "implied"))
                    for n, (t, x, lo, hi) in enumerate(got)]
    return out


#: At most this many characters hold a number and the arithmetic written out right at it.
EXPLICIT_SPAN = 48


def _reach(t: "_Q", p: "_Cand", by_id: dict) -> int:
    """How far a relation's inputs stand from its target, in characters (their sum): of two
    relations alike in every other way, the one whose numbers stand nearer ("... 328.5 TWh —
    1.1x more than the UK's (305.0 TWh)", not the pair of the paragraph before)."""
    return sum(abs(q.s - t.s) for q in (by_id.get(x) for x in p.inputs.values()) if q is not None)


def _explicit(text: str, t: "_Q", p: "_Cand", by_id: dict) -> bool:
    """Is the relation written out right at its target, on its line ("224 kW (64 × 350 W)",
    "8 × 700 W = 5.6 kW")?"""
    if p.how != "written":
        return False
    qs = [t, *(by_id[i] for i in p.inputs.values())]
    s = min(q.item.start for q in qs)
    e = max(q.item.end for q in qs)
    return e - s <= EXPLICIT_SPAN and "\n" not in text[s:e]


def _miss(t: "_Q", p: "_Cand") -> float:
    """How far the middle of the computed interval is from the stated value's (log), after
    the slip's factor: the closer of two explanations wins."""
    f_base = t.lo / (t.item.low or 1.0)
    c_mid = math.sqrt(p.computed[0] * p.computed[1]) * f_base * p.factor
    return abs(math.log(math.sqrt(t.lo * t.hi) / c_mid))


def _pair(marks, layout, stats, t, formula, lo, hi, ins, in_table, seen, found) -> None:
    """A pair that came near the target (the caller checked, at the inputs' face values: the
    intervals meet, or the ratio is near a telltale factor); ``lo``, ``hi``: what the formula
    gives with its inputs at face value (:func:`_face`), as the caller computed it."""
    a, b = ins   # (two: the tests written out, not any() over generators: once per pair tried)
    if t.ratio or a.ratio or b.ratio:
        for q in (t, a, b):
            if q.flo == q.fhi == 1.0 and not q.dims and not q.ratio:
                return  # a ratio times (or over) a count of one is that ratio restated ("on 1 GPU: 2x faster, 2.02x cheaper")
    if in_table:
        if (a.place is None or a.place[1] < 0) and (b.place is None or b.place[1] < 0):
            return  # a cell from the headers and the text before the table alone: no row of it
        for q in (t, a, b):   # (a loop, not any() over a generator: once per pair tried)
            if q.place is not None and q.place[1] >= 0 and "percent" in q.names and _signed_change(marks.text, layout, q):
                return  # a signed cell of a "YoY Change" column is a change, no share of another cell
        sig = layout.signature(t, formula, ins)
        if sig is None:
            return
        _grade(stats, sig, t, lo, hi)
    else:
        sig = None
    p = _judge(marks, t, formula, ins, lo, hi, context=in_table or id(ins[0]) not in seen or id(ins[1]) not in seen)
    if p is not None:
        found.append((p, sig))


#: A quantity per request (a cost, an energy) made of a token count and a rate per token: the
#: count is the request's own ("sends 4,000 tokens at $0.02 per 1K tokens: $0.08 per run").
PER_REQUEST = "a * b / [1 request]"
_PER_QUERY = ("[query]", -1.0)
_QUERY_DK = _dim_id((("[query]", 1.0),))
_TOKEN_DK = _dim_id((("[token]", 1.0),))


def _per_request(marks, layout, stats, t, by_dims, in_table, seen, found) -> None:
    """A number per request (``t``: its unit divides by requests, queries, runs, calls) as a
    plain token count times a rate per token of the same sentence (or of the count's table row,
    the rate anywhere the row's inputs may be): :data:`PER_REQUEST`, the count taken as what one
    request sends. (A token count stated per request makes the target with the rate as any pair
    does.)"""
    rate = _comb(_comb(t.dk, _QUERY_DK, 1), _TOKEN_DK, -1)
    rates = by_dims.get(rate)
    if not rates:
        return
    for _, a in by_dims[_TOKEN_DK]:
        if in_table:
            if a.place is None or a.place[:2] != t.place[:2]:
                continue  # the count of the target's own row
        elif marks.sentence_ends(min(a.s, t.s), max(a.e, t.e)):
            continue  # ... or of its sentence
        for _, b in rates:
            if not in_table and marks.sentence_ends(min(b.s, t.s), max(b.e, t.e)):
                continue
            lo, hi = a.flo * b.flo, a.fhi * b.fhi
            if _near_or_banded(lo, hi, t):
                _pair(marks, layout, stats, t, PER_REQUEST, lo, hi, (a, b), in_table, seen, found)


#: The direction a token count or a token price is of: "500 output tokens", `"output": 10.00`.
_DIRECTION_AFTER_RE = re.compile(r"(?i)[ \t]*(input|output)[ \t]+tokens?\b")
_DIRECTION_BEFORE_RE = re.compile(r"(?i)\b(input|output)\b[\"'*_]*[ \t]*(?:price|cost|rate)?[ \t]*[:=][ \t]*[$]?$")


def _per_request_at_direction_rate(marks, text, t, by_dims, qs, by_dk, found) -> None:
    """A number per request in prose (``t``) as a token count of its sentence that names its
    direction ("avg 500 output tokens = $0.005 per request") times a price per token of that
    direction stated before it, beyond the sentence (a price list's `"output": 10.00`; the
    sentence states no rate): :data:`PER_REQUEST`. Only where the product agrees at face value
    (within :data:`TIGHT`) and one price value makes it; never a slip. ``by_dk``: the numbers
    by dimension (:func:`_by_dimension`), the prices looked up there (not the text scanned)."""
    if any(p.verdict == "consistent" and p.formula == PER_REQUEST for p, _ in found):
        return
    rate = _comb(_comb(t.dk, _QUERY_DK, 1), _TOKEN_DK, -1)
    counts = []
    for _, a in by_dims.get(_TOKEN_DK, ()):
        if a.place is not None or a.flo != a.fhi or a.group or marks.sentence_ends(min(a.s, t.s), max(a.e, t.e)):
            continue
        m = _DIRECTION_AFTER_RE.match(text, a.s + len(a.item.shown)) or _DIRECTION_AFTER_RE.match(text, a.e)
        if m is None:
            continue
        counts.append((a, m.group(1).lower()))
    if len(counts) != 1:
        return
    a, way = counts[0]
    t_lo, t_hi = t.flo / (1 + TIGHT), t.fhi * (1 + TIGHT)
    fits: dict[tuple, "_Q"] = {}
    for j in by_dk.get(rate, ()):
        b = qs[j]
        if b.s >= t.s:
            break
        if b.flo != b.fhi or b.group or not marks.sentence_ends(min(b.s, t.s), max(b.e, t.e)):
            continue
        m = _DIRECTION_BEFORE_RE.search(text, max(0, b.s - 24), b.s)
        if m is None or m.group(1).lower() != way or not t_lo <= a.flo * b.flo <= t_hi:
            continue
        fits[(b.key,)] = b   # (the nearest statement of a value: the latest before the target)
    if len(fits) != 1:
        return   # none, or two prices that make it: a coincidence as likely as the relation
    (b,) = fits.values()
    v = a.flo * b.flo
    found.append((_proposal(t, PER_REQUEST, (a, b), v, v, "consistent", 1.0, None, "implied"), None))


#: What each request takes, said before the amount in its sentence ("Each one sends 1,500 tokens").
_EACH_RE = re.compile(r"(?i)\b(?:each|every)\b")


def _requests_times_each(marks, text, t, by_dims, found) -> None:
    """A plain amount in prose (``t``: tokens, dollars, hours) as a count of requests stated
    before it times an amount each request takes, stated between them in a sentence that says
    "each" or "every" before it ("Say you run 1,000 requests. Each one sends 1,500 tokens ...
    That's 1.5 million input tokens"): :data:`PER_REQUEST` with the count as ``a``. Only where
    the product agrees nearly exactly (at face value) and one pair of values makes it; never a
    slip."""
    ns = [q for _, q in by_dims[_QUERY_DK] if q.s < t.s and q.flo == q.fhi and not q.group]
    if not ns:
        return
    ends = marks.ends
    t_lo, t_hi = t.lo / (1 + NEAR), t.hi * (1 + NEAR)
    fits: dict[tuple, tuple] = {}
    for _, a in by_dims[t.dk]:
        if a is t or a.s > t.s or a.flo != a.fhi or a.group or a.ratio or a.key == t.key:
            continue
        k = bisect.bisect_left(ends, a.s)
        if not _EACH_RE.search(text, max(ends[k - 1] + 1 if k else 0, a.s - SPAN), a.s):
            continue   # nothing says the amount is each request's
        for n in ns:
            if n.s < a.s and t_lo <= n.flo * a.flo <= t_hi:
                fits[(n.key, a.key)] = (n, a)
    if len(fits) != 1:
        return   # none, or two pairs of values: a coincidence as likely as the relation
    (n, a), = fits.values()
    v = n.flo * a.flo
    found.append((_proposal(t, PER_REQUEST, (n, a), v, v, "consistent", 1.0, None, "implied"), None))


#: An amount stated as one thing's ("It costs $20,000 for a 3nm wafer", "A100 has 40gb VRAM",
#: "$400 each"): the words right after it, or right before it.
_ONE_AFTER_RE = re.compile(r"(?i)[ \t]*(?:[\w-]+[ \t]+){0,2}?(?:(?:for|per|of)[ \t]+(?:a|an|one|each)|each|apiece)\b")
_ONE_BEFORE_RE = re.compile(r"(?i)\b(?:has|have|each|per|one\s+costs?)[ \t]+(?:(?:~|about|around|roughly)[ \t]*)?\W{0,2}$")
#: How far before its total (characters, the paragraph before at most) one thing's amount may stand.
ONE_BEFORE_SPAN = 600
#: ... and how many numbers back it is looked for, so a long text stays linear.
ONE_BEFORE_NUMBERS = 16


def _count_times_one(marks: "_Marks", t: "_Q", i: int, qs: list, found: list) -> None:
    """An amount in prose (``t``: "120gb of vram", "$69M for my computer") as a count stated in
    its sentence ("3 gpus", "buying 3450 wafers") times one thing's amount of its kind stated
    before it, in its paragraph or the one before, with words that say it is one thing's ("A100
    has 40gb VRAM", "$20,000 for a 3nm wafer"): ``a * b``, the count as ``a``. Only where the
    product agrees nearly exactly (at face value) and one pair of values makes it; never a slip."""
    text = marks.text
    para = t.para
    if not isinstance(para, int):
        return
    counts = []
    for q in qs[max(0, i - NEIGHBOURS): i + NEIGHBOURS_AFTER + 1]:
        if q is t or q.para != para or q.dims or q.ratio or q.group or q.flo != q.fhi or q.flo < 2 \
                or q.flo != int(q.flo) or abs(q.s - t.s) > SPAN \
                or marks.sentence_ends(min(q.e, t.e), max(q.s, t.s)):
            continue
        counts.append(q)
    if not counts:
        return
    t_lo, t_hi = t.lo / (1 + NEAR), t.hi * (1 + NEAR)
    fits: dict[tuple, tuple] = {}
    for j in range(i - 1, max(-1, i - 1 - ONE_BEFORE_NUMBERS), -1):
        a = qs[j]
        if t.s - a.s > ONE_BEFORE_SPAN or not isinstance(a.para, int) or a.para < para - 1:
            break
        if a.dk != t.dk or a.flo != a.fhi or a.group or a.ratio or a.key == t.key:
            continue
        ns = [n for n in counts if t_lo <= n.flo * a.flo <= t_hi]
        if ns and (_ONE_AFTER_RE.match(text, a.e, a.e + 40) or _ONE_BEFORE_RE.search(text, max(0, a.s - 24), a.s)):
            for n in ns:   # (the words say the amount is one thing's)
                fits[(n.key, a.key)] = (n, a)
    if len(fits) != 1:
        return   # none, or two pairs of values: a coincidence as likely as the relation
    (n, a), = fits.values()
    v = n.flo * a.flo
    p = _proposal(t, "a * b", (n, a), v, v, "consistent", 1.0, None, "implied")
    found.append((p, None))


#: Words right before an amount that say it is a total ("for a total of 384 GB", "384 GB combined"
#: is read by :data:`_PROSE_TOTAL_BEFORE_RE` and the text up to the number): how far back they may stand.
TOTAL_OF_ONE_REACH = 24


def _count_total_of_one(marks: "_Marks", t: "_Q", i: int, qs: list, found: list) -> None:
    """An amount in prose stated as a total ("renting four RTX Pro 6000 GPUs for a total of 384 GB
    of VRAM") as a count of its sentence times the one amount of the same thing and property
    (its entity and conditions, :attr:`Item.names`, and property) stated anywhere in the text,
    before or after ("| RTX Pro 6000 (Blackwell) | $1.01 | 96 GB GDDR7 |" in a table further down):
    ``a * b``, the count as ``a``. Only where the words right before it say it is a total, the
    product agrees nearly exactly, and one pair of values makes it; never a slip."""
    text = marks.text
    if not t.item.names or t.item.prop is None or not isinstance(t.para, int):
        return
    m = _PROSE_TOTAL_BEFORE_RE.search(text, max(0, t.s - TOTAL_OF_ONE_REACH), t.s)
    if m is None or not re.fullmatch(r"[\s*_]*(?:of|at|is|was|:)?[\s*_~$€£]*", text[m.end():t.s]):
        return
    counts = [q for q in qs[max(0, i - NEIGHBOURS): i + NEIGHBOURS_AFTER + 1]
              if q is not t and q.para == t.para and not q.dims and not q.ratio and not q.group
              and q.flo == q.fhi and q.flo >= 2 and q.flo == int(q.flo) and abs(q.s - t.s) <= SPAN
              and not marks.sentence_ends(min(q.e, t.e), max(q.s, t.s))]
    if not counts:
        return
    t_lo, t_hi = t.lo / (1 + NEAR), t.hi * (1 + NEAR)
    fits: dict[tuple, tuple] = {}
    for a in qs:
        if a is t or a.dk != t.dk or a.flo != a.fhi or a.group or a.ratio or a.key == t.key \
                or a.item.prop != t.item.prop or a.item.names != t.item.names:
            continue
        for n in counts:
            if t_lo <= n.flo * a.flo <= t_hi:
                fits[(n.key, a.key)] = (n, a)
    if len(fits) != 1:
        return   # none, or two pairs of values: a coincidence as likely as the relation
    (n, a), = fits.values()
    v = n.flo * a.flo
    found.append((_proposal(t, "a * b", (n, a), v, v, "consistent", 1.0, None, "implied"), None))


#: A line's label that states its percentage a share of a total ("Power as % of total cost:", "Share
#: of total spend:", "Percent of overall budget:"), and one that names a total ("Total training budget:").
_SHARE_OF_TOTAL_LABEL_RE = re.compile(r"(?:%|\bpercent(?:age)?|\bshare)[ \t]+of[ \t]+(?:the[ \t]+)?(?:total|overall)\b")
_TOTAL_LABEL_RE = re.compile(r"\b(?:totals?|overall)\b")
#: How far before such a share its lines may stand (characters), and how many numbers back.
SHARE_OF_TOTAL_SPAN = 600
SHARE_OF_TOTAL_NUMBERS = 12


def _share_of_labelled_total(marks: "_Marks", t: "_Q", i: int, qs: list, found: list) -> None:
    """A percentage whose line's label states it a share of a total ("Power as % of total cost:
    3-4%") under labelled lines of amounts ("Electricity cost: $3.1-3.7M", "GPU rental cost:
    ~$90-100M", "Total training budget: ~$100M"): the nearest line above whose label names a total
    is the whole, and the one other labelled line of its kind whose share of it agrees with the
    percentage as stated (each end, :func:`_ends_agree`) the part; nothing where two lines agree.
    The lines at most :data:`SHARE_OF_TOTAL_SPAN` characters above, no heading between. Never a
    slip."""
    if t.place is not None or "percent" not in t.names or t.group or i == 0:
        return
    text = marks.text
    label = _line_label(text, t)
    if label is None or _SHARE_OF_TOTAL_LABEL_RE.search(label) is None:
        return
    above = []
    for j in range(i - 1, max(-1, i - 1 - SHARE_OF_TOTAL_NUMBERS), -1):
        q = qs[j]
        if t.s - q.s > SHARE_OF_TOTAL_SPAN or _HEADING_RE.search(text, q.e, t.s) is not None:
            break
        if q.place is None and not q.ratio and q.dims and not q.group and q.flo > 0:
            ql = _line_label(text, q)
            if ql is not None:
                above.append((q, ql))
    whole = next((q for q, ql in above if _TOTAL_LABEL_RE.search(ql)), None)
    if whole is None or whole.flo != whole.fhi:
        return
    fits = []
    for q, ql in above:
        if q is whole or q.dk != whole.dk or q.key == whole.key or not q.fhi < whole.flo \
                or _TOTAL_LABEL_RE.search(ql) or (q.flo == q.fhi) != (t.flo == t.fhi):
            continue   # (a range of shares is a range's: "$3.1-3.7M" of "3-4%")
        if _ends_agree(t, q.flo / whole.flo, q.fhi / whole.flo):
            fits.append(q)
    if len(fits) != 1:
        return   # none, or two parts that make it: which one, the lines do not say
    q = fits[0]
    found.append((_proposal(t, "a / b", (q, whole), q.flo / whole.fhi, q.fhi / whole.flo, "consistent", 1.0, None,
                            "implied"), None))


#: A share written as an amount's equivalent: "$9,240/month = 37%", "$9,240 (37%)".
_SHARE_OF_RE = re.compile(r"[ \t*_]*(?:=|\()[ \t*_~]*$")
#: How far before the amount the whole it is a share of may stand (characters), and how many
#: numbers back it is looked for.
SHARE_OF_SPAN = 800
SHARE_OF_NUMBERS = 12


def _share_of_before(marks: "_Marks", t: "_Q", i: int, qs: list, found: list) -> None:
    """A share written right after an amount as its equivalent ("Savings: $9,240/month = 37%")
    whose whole nothing at hand states: that amount over the nearest amount of its kind stated
    before it (":data:`SHARE_OF_SPAN` characters back at most: "GPT-4o: ~$25,000/month" two
    blocks up), where the quotient agrees nearly exactly; never a slip."""
    if i == 0 or t.place is not None or t.flo != t.fhi or "percent" not in t.names or t.group:
        return
    a = qs[i - 1]
    text = marks.text
    if a.place is not None or not a.dims or a.ratio or a.flo != a.fhi or t.s - a.e > 6 \
            or not _SHARE_OF_RE.match(text[a.e:t.s]):
        return
    t_lo, t_hi = t.lo / (1 + NEAR), t.hi * (1 + NEAR)
    for j in range(i - 2, max(-1, i - 2 - SHARE_OF_NUMBERS), -1):
        b = qs[j]
        if a.s - b.s > SHARE_OF_SPAN:
            return
        if b.dk != a.dk or b.ratio or b.group or b.key == a.key or b.fhi <= a.flo:
            continue
        lo, hi = a.flo / b.fhi, a.fhi / b.flo
        if lo <= t_hi and t_lo <= hi:
            p = _judge(marks, t, "a / b", (a, b), lo, hi, context=True)
            if p is not None and p.verdict == "consistent":
                found.append((p, None))
            return


#: A share of a share: "10% of your user base will be logged in and 10% of those users will be
#: active": the words right after the second.
_OF_THOSE_RE = re.compile(r"(?i)[ \t]+of[ \t]+(?:those|them|these)\b")
#: How far before its result the chain of two shares may stand (characters).
SHARE_CHAIN_SPAN = 400


def _share_chain(marks: "_Marks", t: "_Q", i: int, qs: list, found: list) -> None:
    """An amount in prose (``t``: "you can expect 10 users in the queue") as an amount of its
    kind in its sentence ("for every 1000 users") times two shares stated before it, in its
    paragraph or the one before, the second a share of the first ("10% of your user base will be
    logged in and 10% of those users will be active"): ``a * b * c``, where the product agrees
    nearly exactly (at face value); never a slip."""
    text = marks.text
    if not isinstance(t.para, int) or "of th" not in text[max(0, t.s - SHARE_CHAIN_SPAN):t.s]:
        return
    ns = [q for q in qs[max(0, i - NEIGHBOURS): i + NEIGHBOURS_AFTER + 1]
          if q is not t and q.dk == t.dk and q.para == t.para and not q.ratio and not q.group and q.flo == q.fhi
          and q.flo > t.fhi and not marks.sentence_ends(min(q.e, t.e), max(q.s, t.s))]
    if not ns:
        return
    for j in range(i - 1, max(-1, i - 1 - NEIGHBOURS), -1):
        s2 = qs[j]
        if t.s - s2.s > SHARE_CHAIN_SPAN or not isinstance(s2.para, int) or s2.para < t.para - 1:
            return
        if not (s2.ratio and "percent" in s2.names and s2.flo == s2.fhi and _OF_THOSE_RE.match(text, s2.e, s2.e + 12)):
            continue
        s1 = qs[j - 1] if j else None
        if s1 is None or not (s1.ratio and "percent" in s1.names and s1.flo == s1.fhi) \
                or not isinstance(s1.para, int) or s1.para < t.para - 1:
            return
        fits = [n for n in ns if abs(n.flo * s1.flo * s2.flo / t.flo - 1) <= NEAR]
        if len(fits) == 1:
            v = fits[0].flo * s1.flo * s2.flo
            found.append((_proposal(t, "a * b * c", (fits[0], s1, s2), v, v, "consistent", 1.0, None, "implied"), None))
        return


_TIME_DK = _dim_id((("[time]", 1.0),))
#: What one request takes that a rate stated elsewhere prices: its duration, its tokens (plain,
#: or stated per request).
_PER_REQUEST_INPUTS = frozenset((_TIME_DK, _TOKEN_DK, _comb(_TIME_DK, _QUERY_DK, -1), _comb(_TOKEN_DK, _QUERY_DK, -1)))


def _row_named_rate(marks, named, layout, text, t, qs, stats, found) -> None:
    """A number per request in a table row (a cost or an energy per run) as a duration or a token
    count of the same row (what one request takes) times a rate of the thing the row's label
    names, stated before the table (in an earlier table or in prose): "| RTX 3090 (32B) | ~8 min
    | ~$0.008 |" with "| RTX 3090 workstation | 350W | $0.058/hr |" further up
    (:data:`PER_REQUEST`; ``a * b`` where the row states its count per request). Any other
    number of a row is so too: another cell of the row times or over a rate of the thing the
    label names ("| Rented RTX 3090 | $0.33 | 1.7 hours |": 1.7 hours × the card's $0.20/hr of
    an earlier table; "| RTX 3090 | $0.20/hr | $0.64 |" per million tokens: $0.20/hr ÷ the card's
    315,000 tokens an hour; ``a * b``, ``a / b``). The rates are
    looked up by name (:meth:`_Named.rates`; a rate of a thing of the article's own named after
    the machine, "| RTX 3090 workstation |", by its row label's words with a digit:
    :func:`_label_names`), at most :data:`NAMED_LOOKUP` of each name, so a
    long text stays linear. The rows decide (:func:`_by_table`, mode ``named``): proposed only
    where the formula holds on two rows or more and on most rows of the table, and a telltale
    miss is a slip only where it holds on more than half of them; a lone row that happens to
    agree is a coincidence."""
    k, row, _ = t.place
    tab = layout.tables[k]
    if row >= len(tab.rows) or not tab.rows[row]:
        return
    label = tab.rows[row][0]
    names = named.label_names(text, label.start, label.end)
    if not names:
        return
    ins = []
    per_query = _PER_QUERY in t.dims
    for j in layout.rows.get((k, row), ()):
        d = qs[j]
        if d is t or d.ratio or d.group or d.place[2] in (None, 0) or d.flo != d.fhi:
            continue
        if per_query and d.dk in _PER_REQUEST_INPUTS:
            if _PER_QUERY in d.dims:
                ins.append((d, "a * b", _comb(t.dk, d.dk, -1)))
            else:
                ins.append((d, PER_REQUEST, _comb(_comb(t.dk, _QUERY_DK, 1), d.dk, -1)))
        elif d.dims and d.dk != t.dk:
            # any other cell of the row times or over the named thing's rate: a job's hours times
            # the card's hourly price, an hourly price over the card's tokens an hour
            ins.append((d, "a * b", _comb(t.dk, d.dk, -1)))
            ins.append((d, "a / b", _comb(d.dk, t.dk, -1)))
    if not ins:
        return
    rates = named.label_rates(text, label.start, label.end, tab.start)
    if not rates:
        return
    col = _col_key(t)
    for d, formula, need in ins:
        for r in rates:
            if r.dk != need or r.key == d.key:
                continue
            if formula == "a / b":
                lo, hi = d.flo / r.fhi, d.fhi / r.flo
            else:
                lo, hi = d.flo * r.flo, d.fhi * r.fhi
            src = ("n", (r.place[0], _col_key(r)) if r.place is not None else (r.item.prop, r.dk))
            sig = (k, "named", col, formula, (("r", _col_key(d)), src), row)
            _grade(stats, sig, t, lo, hi)
            if _near_or_banded(lo, hi, t):
                p = _judge(marks, t, formula, (d, r), lo, hi, context=True)
                if p is not None:
                    found.append((p, sig))


#: A column of blended prices with the weights of its blend ("Blended $/1M (3:1)": three input
#: tokens to one output token), and the columns of the prices it blends.
_BLEND_HEAD_RE = re.compile(r"(?i)\bblend(?:ed)?\b[^|]*?\(\s*([0-9]+)\s*:\s*([0-9]+)\s*\)")
_INPUT_HEAD_RE = re.compile(r"(?i)\b(?:input|prompt)\b")
_OUTPUT_HEAD_RE = re.compile(r"(?i)\b(?:output|completion)\b")


def _weighted_blend(marks, layout, stats, t, qs, found) -> None:
    """A table cell under a blended price's header that states the blend's weights
    ("Blended $/1M (3:1)") as the weighted mean of its row's input and output prices (the
    columns whose headers say input and output): ``0.75 * a + 0.25 * b`` for 3:1. The rows
    decide as for any formula of a row's cells (:func:`_by_table`)."""
    k, row, col = t.place
    tab = layout.tables[k]
    head = tab.column_header(col)
    m = _BLEND_HEAD_RE.search(head.text) if head is not None else None
    if m is None:
        return
    wi, wo = int(m.group(1)), int(m.group(2))
    if wi <= 0 or wo <= 0:
        return
    a = b = None
    for j in layout.rows.get((k, row), ()):
        d = qs[j]
        if d is t or d.dk != t.dk or d.place[2] in (None, col) or d.ratio or d.group:
            continue
        h = tab.column_header(d.place[2])
        ht = h.text if h is not None else ""
        if _BLEND_HEAD_RE.search(ht):
            continue
        is_in, is_out = bool(_INPUT_HEAD_RE.search(ht)), bool(_OUTPUT_HEAD_RE.search(ht))
        if is_in and not is_out and a is None:
            a = d  # (the first price of the cell: "$0.28 (miss) / $0.028 (hit)")
        elif is_out and not is_in and b is None:
            b = d
    if a is None or b is None:
        return
    fi, fo = wi / (wi + wo), wo / (wi + wo)
    formula = f"{_num(fi)} * a + {_num(fo)} * b"
    lo, hi = fi * a.flo + fo * b.flo, fi * a.fhi + fo * b.fhi
    sig = layout.signature(t, formula, (a, b))
    if sig is None:
        return
    _grade(stats, sig, t, lo, hi)
    p = _judge(marks, t, formula, (a, b), lo, hi, context=True)
    if p is not None:
        found.append((p, sig))


def _near_or_banded(lo: float, hi: float, t) -> bool:
    """Whether an interval computed for target ``t`` meets it (within NEAR), or (computed ÷
    stated)² falls in a band of a telltale factor. The pair loops of :func:`_discover`, the hot
    ones, write this test out in place with the target's bounds computed once."""
    if lo <= t.hi / (1 - NEAR) and t.lo / (1 + NEAR) <= hi:
        return True
    x = lo * hi / (t.lo * t.hi)
    k = bisect_right(_BAND_LO, x) - 1
    return k >= 0 and x <= _BAND_HI[k]


def _face(formula: str, ins: tuple) -> tuple[float, float]:
    """What the formula gives with its inputs at face value, as the checker computes a relation
    (:func:`kb.rules.relations._input_value`): "2x" is 2, not 1.5-2.5, so a relation is
    proposed as consistent only where the checker will find it consistent too."""
    a, b = ins[0], ins[1]
    if formula == "a * b":
        return a.flo * b.flo, a.fhi * b.fhi
    if formula == "a / b":
        return a.flo / b.fhi, a.fhi / b.flo
    c = ins[2]
    if formula == "a * b * c":
        return a.flo * b.flo * c.flo, a.fhi * b.fhi * c.fhi
    return a.flo * b.flo / c.fhi, a.fhi * b.fhi / c.flo


def _scale_power(ratio: float, most: int = 6) -> int | None:
    """The power of ten, 1 to ``most``, that ``ratio`` is (either way) within a slip's tolerance,
    else None: a scale slip ("4.59 Wh" where the arithmetic gives 0.459)."""
    return next((n for n in range(1, most + 1) for f in (10.0 ** n, 10.0 ** -n)
                 if abs(math.log(ratio / f)) <= _LOG_TOLERANCE), None)


def _triple(marks, layout, stats, t, formula, a, b, c, in_table, found, sentence: bool = False) -> None:
    """``sentence``: two of the inputs and the target stand in one sentence that writes no
    arithmetic out, the third there too or a rate stated before ("8 GPUs for 24 hours at
    $2.50/hour cost $480"; the caller picked them): proposed only where they agree nearly
    exactly, never as a slip (three numbers meet a telltale factor by chance)."""
    ins = (a, b, c)
    lo, hi = _face(formula, ins)
    if in_table:
        sig = layout.signature(t, formula, ins)
        if sig is None:
            return
        _grade(stats, sig, t, lo, hi)
    elif sentence:
        if not (t.lo <= hi * (1 + NEAR) and lo * (1 - NEAR) <= t.hi):
            return  # nearly exactly
        sig = None
    else:
        s = min(a.s, b.s, c.s, t.s)
        e = max(a.e, b.e, c.e, t.e)
        if e - s > SPAN or not marks.written(s, e):
            return  # three inputs only where the arithmetic is written out
        sig = None
    p = _judge(marks, t, formula, ins, lo, hi, triple=True, context=in_table or sentence)
    if p is not None and (not sentence or p.verdict == "consistent"):
        found.append((p, sig))


#: Per target, at most this many numbers from its table row, column, headers and the text
#: before the table (or a list's intro line): the bound that keeps discovery linear.
ROW_CELLS = 6
#: (a column's cells on each side that measure something else: three, for a spec table whose
#: per-watt row is computed from rows further up, a row of another metric between)
COLUMN_ROWS = 3
#: ... and at most this many cells above it of its own dimension, in a table whose columns are cases
#: (:meth:`_Layout._metric_columns`).
COLUMN_SAME = 2
HEADER_CELLS = 2
BEFORE = 3
#: A bare amount with a scale letter opening a column header ("128K Input Cost").
_HEADER_AMOUNT_RE = re.compile(r"^\W*(\d+(?:\.\d+)?)([KMBkmb])\b(?![ -]?(?:[A-Za-z]+/|per\b))")
#: ... and the English word of its letter's scale, in capitals: a unit writes one or the other ("K
#: tokens", "thousand tokens"). (Not the grammar's scale table, which names the letter K's scale
#: "K"; nor read from it: see _X_SCALE.)
_SCALE_WORDS = {"K": "THOUSAND", "M": "MILLION", "B": "BILLION"}

#: A row labelled per something ("| Per-GPU CapEx |") divides by the count of that thing the
#: text stated last before it, looked for this many numbers back.
PER_LOOKBACK = 200
PER_COUNTS = 3
_PER_LABEL_RE = re.compile(r"(?i)\bper[- ]([a-z][a-z0-9]*?)s?\b")

#: A total (a table's total row, a list's "Total" item) is tried as the sum of at most this many
#: numbers above it; :data:`CONFIDENCE_SUM` is the confidence of one that agrees.
SUM_PARTS = 16
CONFIDENCE_SUM = 0.9
_SUM_NAMES = tuple("abcdefghijklmnop")
#: Per target outside tables and lists, at most this many numbers from the end of the paragraph
#: before its own (within :data:`SPAN`): a blank line often splits a computation written out.
PREV_TAIL = 2
#: ... and, where its paragraph states a factor, at most this many amounts of its own kind in
#: the paragraph before, within :data:`BEFORE_SPAN` (:meth:`_Layout.afar`).
SCALED_BEFORE = 3
#: Per target outside tables, at most this many rates stated earlier in the text (the last of
#: each dimension: a price, a conversion such as words per token), wherever they stand.
RATES_IN_FORCE = 3
#: ... and the last share stated outside tables ("Microsoft receives 20% of the revenue", then
#: "payments of $X imply revenue of $Y" further down): 1 to use it, 0 not to.
SHARES_IN_FORCE = 1
#: How far before a table (or a list) its assumptions may stand, in characters.
BEFORE_SPAN = 800
#: How far after a table its note may stand ("~250 words per page"), in characters.
AFTER_SPAN = 300
#: Confidence of a relation that holds on at least two rows (or columns) of one table, and of a
#: slip by a telltale factor on a row of such a table.
CONFIDENCE_TABLE = {"consistent": 0.8, "misses": 0.8}

#: The first cell of a table's total row ("Total", "**Total cost**", "**5-year TCO**": a total cost
#: of ownership named after its period).
_TOTAL_RE = re.compile(r"^\W*(?:(?:grand\s+|sub-?)?totals?|combined|all\s+combined|overall|sum|all(?![-\w])|tco|"
                       r"(?:[a-z0-9][\w-]*[ \t]+){1,2}?(?:totals?|tco)(?![ \t]*(?:of|per)\b))\b", re.IGNORECASE)
#: A line that states a total (of the list it introduces).
_TOTAL_WORD_RE = re.compile(r"(?i)\b(?:in\s+total|totals?|in\s+all|altogether|combined|overall|cumulative)\b")
#: A total in prose: words right before it ("a total of $X", "together they spend $X", "the
#: cumulative use is X", "adds up to X", "summing to X", "overall, X", "an all-in cost of X", "the
#: bill comes to X", "Of the $X, ..." opening a sentence, "Total: X") ...
_PROSE_TOTAL_BEFORE_RE = re.compile(
    r"(?i)\b(?:(?:grand\s+)?totals?|total(?:l?ing|l?ed)|in\s+total|combined|together|altogether|in\s+all|all\s+told|"
    r"cumulative(?:ly)?|aggregate|overall|all[- ]in|sum(?:s|med|ming)?(?:\s+(?:of|to))?|add(?:s|ed|ing)?\s+(?:up\s+)?to|"
    r"(?:comes?|coming|came)\s+to|(?-i:Of) (?:the|this|that|these|those|its|their)|jointly|collectively|"
    r"(?:brings?|bringing|brought)(?:\s+[\w'’]+){0,4}?\s+to|(?-i:Of)(?=\s+(?:about\s+|some\s+)?[$€£~]?\d)|"
    r"amount(?:s|ed|ing)?\s+to)\b(?!\s+with\b)")
#: ... or right after it ("$2,000 a month in total", "$90 billion combined", "X all told", "X, of
#: which ...", "X split between ...", "X between them", "the X bill breaks down into ...", "X, with
#: $a on A and $b on B"), or its breakdown in brackets or after a colon right after
#: it ("$90 billion ($50 billion for A, $40 billion for B)", "$1.36 billion of revenue: $1.2
#: billion from A and $160 million from B").
_PROSE_TOTAL_AFTER_RE = re.compile(
    r"(?i)\b(?:in\s+total|in\s+all|in\s+aggregate|altogether|combined|all\s+told|together|total|of\s+(?:which|whom)|"
    r"overall|jointly|collectively|includ(?:es|ing|e)|splits?\s+(?:as|between|into|across|among)|"
    r"(?:between|across|among)\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|both|all)\b|"
    r"for\s+(?:the\s+|all\s+|th(?:ose|ese)\s+)?(?:two|three|four|five|six|seven|eight|nine|ten)\b|"
    r"between\s+them|split\s+(?:between|into|across|among)|(?:broken|breaks?|breaking)\s+down|made\s+up\s+of|"
    r"consisting\s+of|comprising|divided\s+(?:between|into|among))\b(?!\s+with\b)|\((?=[^)\n]{0,40}\d)"
    r"|:(?=[ \t*_]*(?:[A-Za-z][\w-]*[ \t]+){0,3}[$€£~≈]?\d)|, (?:with|including)\b(?=[^.;\n]{0,40}\d)")
#: ... or a result word right before it after a "plus" in its sentence ("$a plus $b gives $X").
_PLUS_RESULT_RE = re.compile(r"(?i)(?:\b(?:equals?|gives?|makes?|is|are|comes?\s+to|that(?:'|’)?s|for)|,[ \t]*or)[ \t]*"
                             r"(?:about|around|roughly|approximately|~|≈)?[ \t]*$")
#: Where each of :data:`_PROSE_TOTAL_BEFORE_RE` and :data:`_PROSE_TOTAL_AFTER_RE` may match: every
#: match starts with one of these (in lower case), so the patterns are tried only where str.find
#: (much faster on a long text than a pattern tried at each place) finds one.
_PROSE_BEFORE_STARTS = ("total", "grand", "in", "combined", "together", "altogether", "all", "cumulative",
                        "aggregate", "overall", "sum", "add", "come", "coming", "came", "of the", "of this",
                        "of that", "of these", "of those", "of its", "of their", "jointly", "collectively", "bring",
                        "brought", "amount", "of $", "of €", "of £", "of ~", "of about", "of some",
                        *(f"of {d}" for d in "0123456789"))
_PROSE_AFTER_STARTS = ("in", "altogether", "combined", "all", "together", "total", "of", "between", "split", "broken",
                       "overall", "jointly", "collectively", "includ", "splits", "across", "among", "for the",
                       "for all", "for two", "for three", "for four", "for five", "for six", "for seven", "for eight",
                       "for nine", "for ten", "for those", "for these",
                       "break", "made", "consisting", "comprising", "divided", "(", ":", ", with", ", including")


#: What every match of :data:`_PROSE_TOTAL_BEFORE_RE` at a head holds (:func:`_cue_matches`):
#: "in" only as "in total" and "in all", a blank after it; "Of" opening a sentence, capital.
_PROSE_BEFORE_GATES = {"in": re.compile(r"(?i:in)\s"), "of ": re.compile("Of")}
#: ... and of :data:`_PROSE_TOTAL_AFTER_RE`: "in total", "in all", "in aggregate" ("includes"
#: is a head of its own), "of which", "of whom".
_PROSE_AFTER_GATES = {"in": re.compile(r"(?i:in)\s"), "of": re.compile(r"(?i:of)\s")}


def _cue_matches(text: str, low: str, pattern: re.Pattern, heads: tuple, gates: dict | None = None) -> list:
    """``pattern.finditer(text)``'s matches, the pattern tried only where one of ``heads`` (its
    matches' first words) stands in ``low`` (the text in lower case, of the same length) at a
    word's start; in text order. Heads of one first word ("of the", "of this", "of $") are
    looked for as that word, once (a scan of the text per head is most of the cost), the heads
    then matched at once. ``gates``: for a head (or such a first word), a pattern that every
    match of ``pattern`` there matches in ``text`` too (the blank after "in" of "in total"):
    the costlier pattern is tried only where it does (the word "in" is everywhere)."""
    out = {}
    match = pattern.match
    for anchor, group in _cue_anchors(heads):
        gate = gates.get(anchor) if gates else None
        gate = gate.match if gate is not None else None
        if len(anchor) <= CUE_SHORT:
            # a short anchor stands within many words ("in" of "training"): one scan finds only
            # the places it stands at a word's start (and begins one of its group)
            for f in _cue_finder(anchor, group).finditer(low):
                pos = f.start()
                if pos not in out and (gate is None or gate(text, pos)):
                    m = match(text, pos)
                    if m is not None:
                        out[pos] = m
            continue
        # a longer one is rare: str.find finds it faster than a pattern would
        word = anchor[0].isalpha()
        group = _cue_group_re(group).match if group is not None else None
        pos = low.find(anchor)
        while pos >= 0:
            if not (word and pos and low[pos - 1].isalnum()) and pos not in out \
                    and (group is None or group(low, pos)) and (gate is None or gate(text, pos)):
                m = match(text, pos)
                if m is not None:
                    out[pos] = m
            pos = low.find(anchor, pos + 1)
    return [out[k] for k in sorted(out)]


#: The anchors of :func:`_cue_matches` this long or shorter are looked for with a pattern
#: (:func:`_cue_finder`), the longer ones with str.find.
CUE_SHORT = 4


@functools.lru_cache(maxsize=256)
def _cue_finder(anchor: str, group: tuple | None) -> re.Pattern:
    """Where :func:`_cue_matches` tries its pattern for one anchor, found by one scan of the
    text in lower case: the anchor, at a word's start where it begins with a letter (no letter
    or digit before it: ``low[pos - 1].isalnum()``, which ``[^\\W_]`` is), one of ``group``
    there where it stands for a group of heads. The anchor is matched first (its literal makes
    the scan fast) and the rest looked at around it; an anchor that may overlap itself ("aa")
    is only looked ahead at, so that each place is tried."""
    lit = re.escape(anchor)
    rest = ""
    if anchor[0].isalpha():
        rest += f"(?<![^\\W_]{lit})"
    if group is not None:
        rest += "(?=" + "|".join(re.escape(h[len(anchor):]) for h in group) + ")"
    if any(anchor[k:] == anchor[:len(anchor) - k] for k in range(1, len(anchor))):
        return re.compile(f"(?=(?:{lit}{rest}))")
    return re.compile(lit + rest)


@functools.lru_cache(maxsize=64)
def _cue_group_re(group: tuple) -> re.Pattern:
    """A pattern that matches where one of ``group`` (heads of one first word) starts, as
    ``any(low.startswith(h, pos) for h in group)`` tells, in one call."""
    return re.compile("|".join(re.escape(h) for h in group))


_CUE_ANCHORS: dict[tuple, list] = {}


def _cue_anchors(heads: tuple) -> list[tuple[str, tuple | None]]:
    """(what to look for, the heads it stands for or None for itself) of :func:`_cue_matches`:
    the heads of two words or more that share their first word with another such head, that
    word and a blank; every other head, itself. Found once per tuple of heads."""
    got = _CUE_ANCHORS.get(heads)
    if got is None:
        firsts: dict[str, list] = {}
        for h in heads:
            if " " in h:
                firsts.setdefault(h[:h.index(" ") + 1], []).append(h)
        got, done = [], set()
        for h in heads:
            lead = next((a for a, hs in firsts.items() if h in hs and len(hs) > 1), None)
            if lead is None:
                got.append((h, None))
            elif lead not in done:
                done.add(lead)
                got.append((lead, tuple(firsts[lead])))
        _CUE_ANCHORS[heads] = got
    return got


#: What may stand between a number and the words after it that make it a total (no other
#: number, no sentence's end), at most :data:`PROSE_TOTAL_GAP` characters.
_PROSE_TOTAL_GAP_RE = re.compile(r"(?:[^.;:!?\d\n(]|(?<=[A-Za-z])\d+)*")
PROSE_TOTAL_GAP = 25
#: A number's noun and another joined by "and" right after it ("500k A100s and H100s", "$5 million
#: in salaries and benefits"; the first noun may be within the number's words): the number of both,
#: whose parts may follow it.
_BOTH_NAMED_RE = re.compile(r"((?:[ \t]+(?:in|of|on|for))?[ \t]+[A-Za-z][\w.-]*)?[ \t]+and[ \t]+(?:the[ \t]+)?"
                            r"[A-Za-z][\w.-]*\b(?![ \t]+(?:[$€£~≈]|\d))")
#: The words right before a number that make it the baseline another is compared with ("up from
#: $55 billion", "vs $40", "compared with $3 million last year"): no part of a total it stands among.
_BASELINE_RE = re.compile(r"(?i)\b(?:from|vs\.?|versus|than|compared\s+(?:with|to)|against)[ \t]*"
                          r"(?:about|around|roughly|approximately|nearly|~|≈)?[ \t]*[*_]*$")
BASELINE_LOOKBACK = 32
#: ... or right after it, a price of each of several ("at $2,500 each", "$40 apiece").
_EACH_AFTER_RE = re.compile(r"(?i)[*_]*[ \t]*(?:each|apiece|a[ \t]+piece)\b")
#: How far (characters) the words before a prose total may stand from it, and a sum written out
#: ("$a + $b = $X").
PROSE_TOTAL_REACH = 60
#: How far (characters) a prose total's parts may stand from it (a list of amounts, then
#: "Together, that is $X" under it), within two paragraphs.
PROSE_TOTAL_SPAN = 2 * SPAN
#: How many paragraphs before or after its own a prose total's parts may stand ("**GPUs**: $X" one
#: paragraph each, then "**Total**: $Y"), within :data:`PROSE_TOTAL_SPAN`.
PROSE_TOTAL_PARAS = 4
#: Confidence of a prose total that its parts make nearly exactly.
CONFIDENCE_PROSE_SUM = 0.7
#: A table column of totals ("| Input | Output | Total |", "Combined").
_TOTAL_COLUMN_RE = re.compile(r"(?i)\b(?:totals?|combined|sum|all-in|overall|cumulative|lifetime|"
                              r"\d+-(?:year|yr|month|mo)(?![- ]?(?:old|avg|average|mean)))\b")
#: A first cell that is no row label: empty, a rank or a "#".
_RANK_CELL_RE = re.compile(r"[\s*#.]*\d{0,3}[\s*#.)]*")
#: ... or introduces a breakdown of it: the line ends with a colon ("The $220 billion breaks down
#: as follows:", "Where the $59 million goes:"), each item then states one of its parts.
_BREAKDOWN_INTRO_RE = re.compile(r":[ \t*_]*$")
_BULLET_RE = re.compile(r"[ \t]*(?:[-*+•]|\d{1,2}[.)]|[│ ]*[├└╰][─━]*)[ \t]+")
_RESULT_CUE_RE = re.compile(r"(?:[=→⇒:]|->|\bthat(?:'|’)?s|\bcomes? to|\bworks? out to|\btotal(?:s|ling|ing)?|"
                            r"\bgives?|\bcosts?)\s*(?:about|around|roughly|approximately|~|≈)?\s*\**\s*$")


def _grade(stats: dict, sig: tuple, t: "_Q", lo: float, hi: float) -> None:
    """Record how the signature's formula fares on the target's row (or column): 2 nearly
    exactly, 1 a telltale factor (a power of ten), 0 neither."""
    if not (lo > 0 and math.isfinite(hi)):
        return
    key = sig[-1]
    # (a ratio stated roughly, "~60%" more, holds a row's formula at its face value: its
    # rounding interval meets many a coincidence, "2.0–2.5× ÷ 1.5" among them)
    t_lo, t_hi = (t.flo, t.fhi) if t.ratio and t.item.shown.startswith("~") else (t.lo, t.hi)
    if t_lo <= hi * (1 + NEAR) and lo * (1 - NEAR) <= t_hi:
        g = 2
    else:
        r = abs(math.log10(math.sqrt(t.lo * t.hi) / math.sqrt(lo * hi)))
        g = 1 if abs(r - round(r)) <= math.log10(1 + FACTOR_TOLERANCE) else 0
    row = stats[sig[:-1]]
    row[key] = max(row.get(key, 0), g)


#: A pair that mixes a cell of the row with one of the column (a row computed from the row
#: above: "Total power = IT load × PUE") is kept where it agrees this closely at face value.
TIGHT = 0.005


def _by_table(p: "_Cand", n_eval: int, n_cons: int, mode: str, tight: bool = False) -> "_Cand | None":
    """A table's rows (or columns) that share a formula decide: one that holds on most of them
    is strong evidence (and a telltale miss on one row a slip); one that holds on no row, or on
    a lone row among many, is a coincidence. ``n_eval``: the rows that have the numbers the
    formula needs; ``n_cons``: those where it holds nearly exactly."""
    shared = n_cons >= 2 and 2 * n_cons >= n_eval
    if p.verdict == "consistent":
        if shared:
            p.confidence = max(p.confidence, CONFIDENCE_TABLE["consistent"])
            return p
        if mode == "label":
            return p   # a row's label states the count its column's per-unit cells are for
        if mode in ("named", "cases"):
            # a rate from before the table that meets a lone row, or rows of one case (a column)
            # that meet where the other cases' do not: a coincidence
            return None
        if p.how == "written":
            return p
        if mode == "one" and len(p.inputs) == 2 and tight:
            return p  # a row computed from the row above it, to the digit (and checked on the row's own line)
        if len(p.inputs) == 3 or (n_eval >= 3 and 2 * n_cons < n_eval) or mode == "one":
            return None  # a lone row (or a row mixed with a column) meets by chance
        return p
    if shared and 2 * n_cons > n_eval:
        # a slip needs the formula to hold on most rows, more than half: one holding on half of
        # them (2 of 4) is as likely a coincidence that a neighbouring row misses by a telltale
        # factor (a context length "÷ 8 GPUs" of the "8x" in a row's label)
        p.confidence = CONFIDENCE_TABLE["misses"]
        return p
    if mode == "label" and p.verdict == "misses":
        # the label's count times the column's per-unit cells, missed by a telltale factor
        p.confidence = CONFIDENCE_TABLE["misses"]
        return p
    return p if p.how == "written" else None


def _one_orientation(text: str, qs: list, best: dict[str, "_Cand"], rest: dict | None = None,
                     written: tuple = ()) -> list[Proposal]:
    """One proposal per relation: among the orientations found, the one whose target the
    text marks as a result ("= 102 hours", "that's $2.50"), else the product's (``a = b × c``,
    not ``b = a ÷ c``), else the later number. A target whose best relation went to another
    number of it falls back on its next one (``rest``) of another relation: "448 kW (64 ×
    700 W)" is still checked when 448 kW is also the other column's 224 kW ÷ 0.5."""
    pos = {q.item.id: q.item.start for q in qs}

    cue_at: dict[int, bool] = {}   # a target's place -> is a result cue right before it (looked once)

    def rank(p: _Cand):
        s = pos[p.target]
        cue = cue_at.get(s)
        if cue is None:
            cue = cue_at[s] = bool(_RESULT_CUE_RE.search(text, max(0, s - 24), s))
        return (not cue, "/" in p.formula, -s, p.target)

    groups: dict[frozenset, list[_Cand]] = defaultdict(list)
    for p in best.values():
        groups[frozenset((p.target, *p.inputs.values()))].append(p)
    keep = {(ps[0] if len(ps) == 1 else min(ps, key=rank)).target for ps in groups.values()}
    for tid in sorted(best, key=lambda k: pos[k]):
        if tid in keep or not rest:
            continue
        others = rest.get(tid, [])
        for n, p in enumerate(others):
            g = frozenset((p.target, *p.inputs.values()))
            if g in groups:
                holder = min(groups[g], key=rank)
                if holder.target in keep and rank(holder) <= rank(p):
                    continue  # a relation already given to one of its numbers, better marked
                if holder.target in keep and best.get(holder.target) is holder:
                    keep.discard(holder.target)  # this orientation of the relation is the better
            if p.verdict == "misses" and any(o.verdict == "misses" and o.factor != p.factor for o in others[n + 1:n + 2]):
                break  # two different slips explain it equally: a coincidence
            best[tid] = p
            groups[g].append(p)
            keep.add(tid)
            break
    items = {q.item.id: q.item for q in qs}
    items.update((it.id, it) for it in written)   # (the numbers only written arithmetic names)
    return [_with_numbers(best[q.item.id], items) for q in qs if q.item.id in best and q.item.id in keep]


class _Layout:
    """Where each number stands beyond its sentence: its table, row and column (and the
    table's headers and the numbers just before it), or its list and the list's intro line.
    Each number gets at most a fixed number of such candidates (see :data:`ROW_CELLS`)."""

    def __init__(self, text: str, qs: list):
        from kb.extract.tables import find_tables

        self.qs = qs
        self.text = text
        self._per_cache: dict[int, str] = {}
        self._baseline: dict[tuple, int | None] = {}
        self._groups: dict[int, dict[int, tuple[int, int]]] = {}
        self._header_text: dict[tuple, str] = {}
        self.starts = [q.item.start for q in qs]
        tables = find_tables(text) if "|" in text or "<t" in text or "<T" in text else []
        self.tables = tables
        t_starts = [t.start for t in tables]
        self._t_starts = t_starts
        self.rows: dict[tuple, list[int]] = defaultdict(list)     # (table, row) -> indices; row -1: header
        self.cols: dict[tuple, list[int]] = defaultdict(list)     # (table, column) -> indices
        self.before: dict[int, list[int]] = {}                    # table -> indices just before it
        self.intro: dict[int, list[int]] = {}                     # list-item line start -> intro indices
        self.lead: dict[int, list[int]] = {}                      # intro line of no numbers -> its lead line's
        self.list_of: dict[int, int] = {}                         # index -> its list's intro line start
        self._row_keys: dict[tuple, frozenset] = {}
        self._row_cols: dict[tuple, list] = {}                    # (table, row) -> [(index, column)]
        self.col_rows: dict[tuple, list[int]] = {}
        self._col_kinds: dict[tuple, frozenset] = {}             # (table, column) -> :meth:`_column`'s dimensions
        self._n_eval: dict[tuple, int] = {}
        self._metric_cols: set | None = None                     # the tables of :meth:`_metric_columns`
        self.table_rows: dict[int, list[int]] = {}                # table -> its rows with numbers
        row_starts = [[a for a, _ in t.row_spans] for t in tables]
        self._row_starts = row_starts
        for i, q in enumerate(qs):
            s = q.item.start
            k = bisect.bisect_right(t_starts, s) - 1
            if k < 0 or s >= tables[k].end:
                continue
            t = tables[k]
            if t.row_spans and s < t.row_spans[0][0]:
                row, cells = -1, t.header
            else:
                row = bisect.bisect_right(row_starts[k], s) - 1
                if row < 0:
                    continue
                cells = t.rows[row]
            col = None   # the cell it stands in (a loop, not a generator: once per number of a table)
            for c, cell in enumerate(cells):
                if cell.start <= s < max(cell.end, cell.start + 1):
                    col = c
                    break
            q.place = (k, row, col)
            if (k, row) not in self.rows:
                self.table_rows.setdefault(k, []).append(row)
            self.rows[(k, row)].append(i)
            if col is not None:
                self.cols[(k, col)].append(i)
        # a bare amount in a column's header ("| 128K Input Cost |") restates an amount stated
        # above the table ("### 128K Tokens"): the column's values are for that amount
        self.header_amount: dict[tuple, int] = {}                 # (table, column) -> its index
        by_value: dict[float, list[int]] | None = None
        for k, t in enumerate(tables):
            for c, cell in enumerate(t.header[1:], 1):
                m = _HEADER_AMOUNT_RE.search(cell.text)
                if m is None or (k, c) in self.cols and any(qs[j].place[1] < 0 for j in self.cols[(k, c)]):
                    continue
                if by_value is None:
                    by_value = defaultdict(list)
                    for j, q in enumerate(qs):
                        if q.place is None and q.item.face_low == q.item.face_high:
                            by_value[q.item.face_low].append(j)
                scale = m.group(2).upper()
                for j in reversed(by_value.get(float(m.group(1)), ())):
                    u = qs[j].item.unit
                    if qs[j].s < t.start and u.split(" ")[0].upper() in (scale, _SCALE_WORDS.get(scale)):
                        self.header_amount[(k, c)] = j
                        break
        prev_end = 0
        self._header_cache: dict[tuple, list[int]] = {}           # (table, column) -> :meth:`_header_near`
        self.totals: dict[int, list[int]] = {}                    # table -> the cells of its total row
        self.total_rows: dict[int, list[int]] = {}                # table -> its total rows
        for k, t in enumerate(tables):
            lo = bisect.bisect_left(self.starts, max(prev_end, t.start - BEFORE_SPAN))
            hi = bisect.bisect_left(self.starts, t.start)
            self.before[k] = _distinct(qs, [j for j in range(lo, hi) if qs[j].place is None])
            if k and t.start - prev_end <= BEFORE_SPAN and not any(_is_rate(qs[j]) for j in self.before[k]):
                # a table right after another, with no rate of its own stated: the earlier's hold
                inherited = [j for j in self.before[k - 1] if _is_rate(qs[j])][:BEFORE]
                own = self.before[k][max(0, len(self.before[k]) - (BEFORE - len(inherited))):] if len(inherited) < BEFORE else []
                self.before[k] = sorted(set(own) | set(inherited))
            prev_end = t.end
            # a note right under the table ("~250 words per page") states its assumptions too
            nxt = tables[k + 1].start if k + 1 < len(tables) else len(text)
            lo = bisect.bisect_left(self.starts, t.end)
            hi = bisect.bisect_left(self.starts, min(nxt, t.end + AFTER_SPAN))
            after = _distinct(qs, list(range(lo, hi))[:2 * BEFORE], first=True)
            self.before[k] = sorted(set(self.before[k]) | set(after))
            for row, cells in enumerate(t.rows):
                # (the label in the second cell where the first is empty or a rank: "|  | **Total** |")
                if cells and (_TOTAL_RE.search(cells[0].text) or len(cells) > 1
                              and _RANK_CELL_RE.fullmatch(cells[0].text) and _TOTAL_RE.search(cells[1].text)):
                    self.total_rows.setdefault(k, []).append(row)
                    total = self.totals.setdefault(k, [])
                    total.extend(self.rows.get((k, row), [])[:ROW_CELLS - len(total)])
        self._lists(text)
        self._list_lines: dict[int, dict[int, list[int]]] = {}   # intro -> item line -> indices (by sums)
        # the rates in force before each number (its text's last stated conversions and prices)
        self.rates_before: list[tuple] = []
        last: dict[int, int] = {}   # dimension -> its last rate; the RATES_IN_FORCE latest
        held: tuple = ()
        share: tuple = ()   # the last share stated outside tables ("receives 20% of the revenue")
        for i, q in enumerate(qs):
            self.rates_before.append(held + share)
            if RATES_IN_FORCE and q.place is None and not q.group and _is_rate(q) \
                    and q.fhi <= q.flo * (1 + 2 * VAGUE):
                last.pop(q.dk, None)
                last[q.dk] = i
                if len(last) > RATES_IN_FORCE:
                    del last[next(iter(last))]
                held = tuple(last.values())
            elif SHARES_IN_FORCE and q.place is None and not q.group and "percent" in q.names and not q.dims \
                    and q.flo == q.fhi and 0 < q.flo < 1:
                share = (i,)
        # each paragraph's first number, for the tail of the paragraph before a number's
        self.para_first: dict[int, int] = {}
        self.para_keys: dict[int, set] = defaultdict(set)   # the numbers each paragraph states
        # ... and how many of its numbers are in each unit as written
        self.para_units: dict[int, dict[str, int]] = defaultdict(dict)
        self.para_scaled: set = set()   # the paragraphs that state a factor ("by 10x per generation")
        for i, q in enumerate(qs):
            if isinstance(q.para, int):
                self.para_first.setdefault(q.para, i)
                self.para_keys[q.para].add(q.key)
                units = self.para_units[q.para]
                units[q.item.unit] = units.get(q.item.unit, 0) + 1
                if q.ratio and not q.dims and "x" in q.names and q.flo == q.fhi and q.flo > 1:
                    self.para_scaled.add(q.para)

    def _lists(self, text: str) -> None:
        """A list item's intro line: the last line before the list that is not an item."""
        qs = self.qs
        intro_of_line: dict[int, int | None] = {}
        for i, q in enumerate(qs):
            if q.place is not None:
                continue
            ls = text.rfind("\n", 0, q.item.start) + 1
            if ls not in intro_of_line:
                intro_of_line[ls] = self._intro_line(text, ls)
            il = intro_of_line[ls]
            if il is None:
                continue
            self.list_of[i] = il
            if il not in self.intro:
                le = text.find("\n", il)
                le = len(text) if le < 0 else le
                lo, hi = bisect.bisect_left(self.starts, il), bisect.bisect_left(self.starts, le)
                self.intro[il] = _distinct(qs, [j for j in range(lo, hi) if qs[j].place is None])
                if not self.intro[il] and text[il:le].rstrip(" \t*_").endswith(":"):
                    lead = self._lead_line(text, il)
                    if lead is not None:
                        le = text.find("\n", lead)
                        lo, hi = bisect.bisect_left(self.starts, lead), bisect.bisect_left(self.starts, le)
                        self.lead[il] = _distinct(qs, [j for j in range(lo, hi) if qs[j].place is None])[:BEFORE]

    @staticmethod
    def _lead_line(text: str, il: int) -> int | None:
        """The lead line above a list's intro line of no numbers ("Batch mode:", the lists of
        its siblings above it, then "**Results over 1-hour test periods:**"): the nearest line
        above that ends with a colon and is no item, past the items and intro lines between;
        None at a heading or a line of prose first (within :data:`BEFORE_SPAN` characters)."""
        pos, budget = il, BEFORE_SPAN
        while pos > 0 and budget > 0:
            prev = text.rfind("\n", 0, pos - 1) + 1
            line = text[prev:pos - 1]
            budget -= pos - prev
            pos = prev
            body = line.strip()
            if not body or _BULLET_RE.match(line):
                continue
            if body.startswith("#") or not body.rstrip("*_ ").endswith(":"):
                return None
            if any(ch.isdigit() for ch in body):
                return prev
        return None

    @staticmethod
    def _intro_line(text: str, ls: int) -> int | None:
        if not _BULLET_RE.match(text, ls):
            return None
        pos, budget = ls, BEFORE_SPAN
        indented = None   # the nearest indented line: an earlier item's continuation, if an item is above it
        while pos > 0 and budget > 0:
            prev = text.rfind("\n", 0, pos - 1) + 1
            line = text[prev:pos - 1]
            budget -= pos - prev
            pos = prev
            if not line.strip():
                continue
            if _BULLET_RE.match(line):
                indented = None   # the indented lines were that item's own
                continue
            if line[0] in " \t":
                indented = prev if indented is None else indented
                continue
            return prev if indented is None else indented
        return indented

    def same_row(self, t: "_Q", q: "_Q") -> bool:
        return q.place is not None and t.place is not None and q.place[:2] == t.place[:2]

    def _column(self, i: int, k: int, row: int, col: int) -> list[int]:
        """Up to :data:`COLUMN_ROWS` cells of the column on each side of row ``row`` that
        measure something else than cell ``i`` (looked up, not scanned: a long table stays
        linear)."""
        cells = self.cols[(k, col)]
        rows = self.col_rows.get((k, col))
        if rows is None:
            rows = self.col_rows[(k, col)] = [self.qs[j].place[1] for j in cells]
        dk = self.qs[i].dk
        kinds = self._col_kinds.get((k, col))
        if kinds is None:   # the dimensions of the column's cells under its header, found once per column
            kinds = self._col_kinds[(k, col)] = frozenset(self.qs[j].dk for j in cells if self.qs[j].place[1] >= 0)
        if not kinds or len(kinds) == 1 and dk in kinds:
            return []   # (a column of one quantity, most: no cell of it measures something else)
        out = []
        same = []   # the cells above of its own dimension (a column of metrics: "FY26 Revenue" above "Adj. EBITDA")
        for step, start in ((-1, bisect.bisect_left(rows, row) - 1), (1, bisect.bisect_right(rows, row))):
            got, pos = 0, start
            while 0 <= pos < len(cells) and got < COLUMN_ROWS and abs(pos - start) <= 4 * COLUMN_ROWS:
                j = cells[pos]
                if rows[pos] >= 0 and self.qs[j].dk != dk:
                    out.append(j)
                    got += 1
                elif step < 0 and rows[pos] >= 0 and rows[pos] != row and len(same) < COLUMN_SAME:
                    same.append(j)
                pos += step
        if out and same and self._metric_columns(k):
            # a table whose columns are cases and whose rows are metrics ("| Metric | Bull | Base |
            # Bear |"): a row may be a product of rows above, one of them of its own dimension
            # ("Adj. EBITDA" = "FY26 Revenue" × "Adj. EBITDA Margin"); only a formula shared by the
            # columns is kept (:func:`_by_table`, the signature's "cases" mode)
            out += same
        return out

    def _metric_columns(self, k: int) -> bool:
        """Whether table ``k`` has at least two columns of numbers each holding numbers of at least
        two dimensions (its rows are metrics, its columns cases), found once per table."""
        got = self._metric_cols
        if got is None:   # every table's at once: one pass over the columns
            n: dict[int, int] = {}
            for (k2, _), cells in self.cols.items():
                if len({self.qs[j].dk for j in cells if self.qs[j].place[1] >= 0}) >= 2:
                    n[k2] = n.get(k2, 0) + 1
            got = self._metric_cols = {k2 for k2, c in n.items() if c >= 2}
        return k in got

    def place_at(self, s: int) -> tuple | None:
        """(table, row, column) of a place in the text, as :meth:`__init__` places a number
        there (None outside tables): for a number kept out of ``qs`` (a negative change)."""
        k = bisect.bisect_right(self._t_starts, s) - 1
        if k < 0 or s >= self.tables[k].end:
            return None
        t = self.tables[k]
        if t.row_spans and s < t.row_spans[0][0]:
            row, cells = -1, t.header
        else:
            row = bisect.bisect_right(self._row_starts[k], s) - 1
            if row < 0:
                return None
            cells = t.rows[row]
        col = next((c for c, cell in enumerate(cells) if cell.start <= s < max(cell.end, cell.start + 1)), None)
        return k, row, col

    def groups(self, k: int) -> dict[int, tuple[int, int]]:
        """Table ``k``'s rows that sit in a group (under a row of one filled cell, ``| **H100**
        |``): row -> (the group's row, its place in the group). Read once per table."""
        out = self._groups.get(k)
        if out is None:
            out = {}
            t = self.tables[k]
            n: dict[int, int] = defaultdict(int)
            for r in range(len(t.rows)):
                lab = t.group_label(r)
                if lab is not None:
                    out[r] = (lab.start, n[lab.start])
                    n[lab.start] += 1
            self._groups[k] = out
        return out

    def baseline_row(self, k: int, col: int) -> int | None:
        """The row of table ``k`` whose cell in column ``col`` states the column's baseline ("1.0x",
        "100%", "baseline"), where exactly one does (found once per column; None otherwise)."""
        key = (k, col)
        if key not in self._baseline:
            rows = [r for r, cells in enumerate(self.tables[k].rows)
                    if col < len(cells) and _BASELINE_CELL_RE.match(cells[col].text)]
            if not rows:
                # a column of multiples with one row left blank ("| T4 | 65 | - |" over "| L4 | 121 |
                # 1.9x |"): the blank row is what the others are multiples of, where every other
                # row of the column states a multiple and there are two at least
                cells = [(r, c[col].text if col < len(c) else "") for r, c in enumerate(self.tables[k].rows)]
                rows = [r for r, x in cells if _DASH_CELL_RE.fullmatch(x)]
                if len(rows) != 1 or len(cells) < 3 \
                        or not all(_TIMES_CELL_RE.fullmatch(x) for r, x in cells if r != rows[0]):
                    rows = []
            self._baseline[key] = rows[0] if len(rows) == 1 else None
        return self._baseline[key]

    def group_baseline_row(self, k: int, col: int, row: int) -> int | None:
        """Where two rows or more of column ``col`` of table ``k`` state a baseline ("100%" on each
        model's float32 row, its int8 and binary rows under it), the nearest of them above ``row``:
        a table of groups, each led by its own baseline (found once per column; None where fewer
        than two rows state one, or none stands above ``row``)."""
        key = (k, col, "groups")
        rows = self._baseline.get(key)
        if rows is None:
            rows = self._baseline[key] = [r for r, cells in enumerate(self.tables[k].rows)
                                          if col < len(cells) and _BASELINE_CELL_RE.match(cells[col].text)]
        if len(rows) < 2:
            return None
        leads = self._baseline.get((k, col, "leads"))
        if leads is None:
            # a run of rows stating it leads its group from its first row: the next ones are
            # rows of the group that keep all of it ("| float32 | 55.0 | 100% |", then "| int8 |
            # 55.0 | 100% |" and "| binary | 52.3 | 94.6% |" of the same model)
            leads = self._baseline[(k, col, "leads")] = [r for n, r in enumerate(rows) if not n or rows[n - 1] != r - 1]
        at = bisect.bisect_left(leads, row)
        return leads[at - 1] if at else None

    def kept_whole(self, k: int, col: int, row: int) -> bool:
        """Whether ``row`` states its group's baseline ("100%") without leading the group: a row
        of a run of such rows after its first (:meth:`group_baseline_row`)."""
        lead = self.group_baseline_row(k, col, row)
        return lead is not None and lead != row and row in self._baseline.get((k, col, "groups"), ())

    def header_text(self, place: tuple | None) -> str:
        """The header of the column a table cell stands in and its row's label (its first cell,
        where the cell is not that one): "" where there is none."""
        if place is None or place[2] is None or place[1] < 0:
            return ""
        got = self._header_text.get(place)
        if got is None:
            got = self._header_text[place] = self._header_text_uncached(place)
        return got

    def _header_text_uncached(self, place: tuple) -> str:
        table = self.tables[place[0]]
        cell = table.column_header(place[2])
        head = cell.text if cell is not None else ""
        row = table.rows[place[1]] if place[1] < len(table.rows) else []
        return f"{head} | {row[0].text}" if place[2] > 0 and row else head

    def above(self, i: int) -> "_Q | None":
        """The cell right above cell ``i`` that measures what it does (the lead number of that
        cell: "448 kW (64 × 700 W)": 448 kW): a row may be computed from the row above it
        ("Total power" = "IT load" × the PUE its own row states)."""
        q = self.qs[i]
        k, row, col = q.place
        if col is None or row < 0:
            return None
        cells = self.cols[(k, col)]
        rows = self.col_rows.get((k, col))
        if rows is None:
            rows = self.col_rows[(k, col)] = [self.qs[j].place[1] for j in cells]
        above = bisect.bisect_left(rows, row) - 1
        if above < 0 or rows[above] < 0:
            return None
        first = above
        while first > 0 and rows[first - 1] == rows[above] and first > above - 4:
            first -= 1
        return next((self.qs[cells[p]] for p in range(first, above + 1) if self.qs[cells[p]].dk == q.dk), None)

    def candidates(self, i: int) -> list:
        """The numbers beyond the sentence window that number ``i`` may follow from."""
        q = self.qs[i]
        out: list[int] = []
        if q.place is not None:
            k, row, col = q.place
            cells = self._row_cols.get((k, row))
            if cells is None:   # the row's cells and their columns, read once per row
                cells = self._row_cols[(k, row)] = [(j, self.qs[j].place[2]) for j in self.rows[(k, row)]]
            if col is not None:   # nearest column first
                same = [j for _, j in sorted([(abs((c if c is not None else col) - col), j) for j, c in cells if j != i])]
            else:
                same = [j for j, _ in cells if j != i]
            out += same[:ROW_CELLS]
            if col is not None:
                # the same quantity of other rows is no input (a column of metrics may be)
                out += self._column(i, k, row, col)
            if row != -1:
                if col is not None:
                    out += self._header_near(k, col)
                else:
                    out += self.rows.get((k, -1), [])[:HEADER_CELLS]
            if row >= 0:
                out += [j for j in self.totals.get(k, []) if self.qs[j].place[1] != row][:ROW_CELLS]
            out += self.before.get(k, [])
            if row >= 0:
                per = self.per_count(i)
                if per:   # ... and the row right above it in its column: what it is per GPU of
                    out += per + [j for j in self.cols.get((k, col), ()) if self.qs[j].place[1] == row - 1]
                if col is not None and (k, col) in self.header_amount:
                    out.append(self.header_amount[(k, col)])
        elif i in self.list_of:
            il = self.list_of[i]
            out += [j for j in self.intro.get(il, []) if j != i]
            if il in self.lead:   # ("Results over 1-hour test periods:" over "Interactive mode:" and its list)
                out += self.lead[il]
        return [self.qs[j] for j in dict.fromkeys(out)]

    def per_noun(self, i: int) -> str | None:
        """What a table row's label divides by ("| **Per-GPU CapEx** |": GPU), lower-cased."""
        q = self.qs[i]
        ls = self.text.rfind("\n", 0, q.s) + 1
        got = self._per_cache.get(ls)
        if got is None:
            bar = self.text.find("|", ls + 1, q.s)
            m = _PER_LABEL_RE.search(self.text, ls, bar if bar > 0 else q.s)
            got = self._per_cache[ls] = m.group(1).lower() if m else ""
        return got or None

    def per_count(self, i: int) -> list[int]:
        """For a cell of a row labelled per something ("Per-GPU CapEx"), the last
        :data:`PER_COUNTS` different counts of that thing the text stated outside tables before
        it ("deploying 64 GPUs ... 8 servers with 8x ..."): what the row may divide by (at most
        :data:`PER_LOOKBACK` numbers back; only a division to the digit is kept, :func:`_by_table`)."""
        noun = self.per_noun(i)
        out: dict = {}
        if noun is None:
            return []
        for j in range(i - 1, max(-1, i - 1 - PER_LOOKBACK), -1):
            c = self.qs[j]
            if c.place is None and not c.dims and not c.ratio and c.flo == c.fhi \
                    and any(n.lower().rstrip("s") == noun for n in c.names):
                out.setdefault(c.key, j)
                if len(out) >= PER_COUNTS:
                    break
        return list(out.values())

    def sums(self, text: str) -> list[tuple[int, list[int]]]:
        """(total, its parts): each number of a table's total row ("| **Total** | $3.9M |") with
        the cells of its column above it (after any earlier total row), and the first number of
        a list item that starts "Total" with the last number of each item before it (after any
        earlier total) of its dimension; parts of the total's dimension, one per row or item, at least two and at
        most :data:`SUM_PARTS`. Each number is looked at once: linear."""
        qs, out = self.qs, []
        for k, rows in self.total_rows.items():
            prev = -1
            for n, row in enumerate(rows):
                nxt = rows[n + 1] if n + 1 < len(rows) else math.inf
                cols_done = set()
                for j in self.rows.get((k, row), []):
                    q = qs[j]
                    col = q.place[2]
                    if col is None or col in cols_done:
                        continue
                    cols_done.add(col)  # a cell's lead number is its total
                    if q.ratio and "percent" not in q.names:
                        continue   # (a "Subtotal" of portfolio weights sums its rows' shares; multipliers never)
                    parts, rows_done, below = [], set(), []
                    for c in self.cols[(k, col)]:
                        r = qs[c].place[1]
                        if r not in rows_done and qs[c].dk == q.dk and (prev < r < row or row < r < nxt):
                            (parts if r < row else below).append(c)
                            rows_done.add(r)
                    if len(parts) < 2 and prev < 0:
                        parts = below   # a total row stated first ("| Total | ... |" above its parts)
                    if 2 <= len(parts) <= SUM_PARTS:
                        out.append((j, parts))
                prev = row
        for k, table in enumerate(self.tables):
            # a total column ("| Input | Output | Total |"): each row's cell in it is the sum of
            # the nearest run of its row's cells of its kind to its left
            for c, cell in enumerate(table.header):
                if c == 0 or not _TOTAL_COLUMN_RE.search(cell.text):
                    continue
                for row in self.table_rows.get(k, ()):
                    if row < 0:
                        continue
                    lead: dict[int, int] = {}
                    for j in self.rows.get((k, row), []):
                        col = qs[j].place[2]
                        if col is not None and col not in lead:
                            lead[col] = j
                    j = lead.get(c)
                    if j is None or qs[j].ratio or qs[j].flo != qs[j].fhi:
                        continue
                    t, parts, total = qs[j], [], 0.0
                    for col in range(c - 1, 0, -1):
                        x = lead.get(col)
                        if x is None or qs[x].dk != t.dk or qs[x].ratio:
                            continue
                        parts.append(x)
                        total += qs[x].flo
                        if len(parts) >= 2 and abs(total - t.flo) <= NEAR * t.flo:
                            out.append((j, sorted(parts)))
                            break
                        if total > t.flo * (1 + NEAR) or len(parts) >= SUM_PARTS:
                            break
        lines: dict[int, dict[int, list[int]]] = defaultdict(dict)   # intro -> item line start -> indices
        for i in sorted(self.list_of):
            ls = text.rfind("\n", 0, qs[i].item.start) + 1
            lines[self.list_of[i]].setdefault(ls, []).append(i)
        self._list_lines = lines
        for items in lines.values():
            earlier: list[list[int]] = []
            for ls in sorted(items):
                first = items[ls][0]
                m = _BULLET_RE.match(text, ls)
                if m is not None and _TOTAL_RE.match(text[m.end():qs[first].item.start]):
                    t = qs[first]
                    # each item's part: its last number of the total's dimension ("4 GPUs at
                    # $12/hour × 730 = $8,760/month": the $8,760)
                    parts = [next(j for j in reversed(line) if qs[j].dk == t.dk) for line in earlier
                             if any(qs[j].dk == t.dk for j in line)]
                    if not t.ratio and 2 <= len(parts) <= SUM_PARTS:
                        out.append((first, parts))
                    earlier = []
                else:
                    earlier.append(items[ls])
        return out

    def intro_totals(self, text: str) -> list[tuple[int, list[int]]]:
        """(total, its parts) for a list whose intro line states a total ("costs about $59
        million in total:", or any amount on a line that ends with a colon: "The $220 billion
        breaks down as follows:") and whose items each state an amount of its dimension (their first:
        "- IT: ~$30 million", "- Building: ~$29 million"), at least two; none where an item
        states none (the list is not the total's parts). After :meth:`sums`."""
        out = []
        for il, items in self._list_lines.items():
            out += self._intro_total(text, il, items)
        return out

    def _intro_total(self, text: str, il: int, items: dict[int, list[int]]) -> list[tuple[int, list[int]]]:
        qs = self.qs
        intro = self.intro.get(il, [])
        le = text.find("\n", il)
        le = len(text) if le < 0 else le
        if not intro or len(items) < 2 or len(items) > SUM_PARTS:
            return []
        if not _TOTAL_WORD_RE.search(text, il, le) and not _BREAKDOWN_INTRO_RE.search(text, il, le):
            return []
        out = []
        for j in intro:
            t = qs[j]
            if t.ratio or not t.dims or t.group:
                continue
            parts, lasts = [], []
            for ls in sorted(items):
                first = next((k for k in items[ls] if qs[k].dk == t.dk), None)
                if first is None:
                    break
                parts.append(first)
                lasts.append(next(k for k in reversed(items[ls]) if qs[k].dk == t.dk))
            else:
                # each item's first amount, else its last where the items write their working out
                # ("- Compute: 4 nodes at $2,500 = $10,000")
                if lasts != parts and abs(sum(qs[k].flo for k in parts) - t.flo) > NEAR * t.flo:
                    parts = lasts
                out.append((j, parts))
        return out

    def afar(self, i: int) -> list:
        """For a quantity outside tables and lists, numbers beyond its paragraph that its own
        does not restate (its own is the one it computes with):

        * the end of the paragraph just before ("= 300 GPU-hours", then a blank line, then
          "With 8 GPUs: 300 / 8 = 37.5 hours"): its last :data:`PREV_TAIL` quantities within
          :data:`SPAN`, stated to within VAGUE (shares and ranges meet by chance), in a unit
          the paragraph has no other number in than the quantity itself (else it computes with
          its own: "sends 5,000 tokens" after a paragraph on 4,000 tokens);
        * where its paragraph states a factor ("by 10x per generation"), the amounts of its own
          kind anywhere in the paragraph before (:data:`SCALED_BEFORE`, within
          :data:`BEFORE_SPAN`): the amount the factor scales;
        * the rates the text stated earlier and still holds ("~750 words per 1,000 tokens" at
          the top, then "16K tokens (~12K words)" further down): the :data:`RATES_IN_FORCE`
          latest of different dimensions, from other paragraphs."""
        q = self.qs[i]
        if q.place is not None or not q.dims or not isinstance(q.para, int):
            return []
        keys, units = self.para_keys[q.para], self.para_units[q.para]
        out = []
        if i in self.list_of:   # a list item: the share in force alone (its intro line is at hand)
            j = self.rates_before[i][-1:]
            return [self.qs[j[0]]] if j and self.qs[j[0]].ratio and self.qs[j[0]].para != q.para \
                and self.qs[j[0]].key not in keys else []
        if q.para - 1 in self.para_first:
            j, n = self.para_first.get(q.para, i) - 1, 0
            while j >= 0 and n < PREV_TAIL and self.qs[j].para == q.para - 1:
                c = self.qs[j]
                # (the target's own number is none of its paragraph's to compute with: "They cost
                # about $10k each." then "Most are trained using 8 a100's. That's about $80k.")
                if c.place is None and q.s - c.s <= SPAN and not c.ratio and c.fhi <= c.flo * (1 + 2 * VAGUE) \
                        and units.get(c.item.unit, 0) <= (c.item.unit == q.item.unit):
                    out.append(c)
                    n += 1
                j -= 1
            if q.para in self.para_scaled:
                # a factor stated at hand scales an amount of the quantity's own kind stated in the
                # paragraph before ("$400m to train GPT-4", then "increasing scale by 10x per
                # generation ... would mean a $4bn expense on training"), wherever in it
                j, n = self.para_first.get(q.para, i) - 1, 0
                while j >= 0 and n < SCALED_BEFORE and self.qs[j].para == q.para - 1:
                    c = self.qs[j]
                    if c.dk == q.dk and c.place is None and q.s - c.s <= BEFORE_SPAN and not any(c is o for o in out) \
                            and c.flo == c.fhi and c.key != q.key:
                        out.append(c)
                        n += 1
                    j -= 1
        out += [self.qs[j] for j in self.rates_before[i] if self.qs[j].para != q.para and self.qs[j].key not in keys]
        return out

    def _header_near(self, k: int, col: int) -> list[int]:
        """The :data:`HEADER_CELLS` header numbers of table ``k`` nearest column ``col`` (found
        once per column)."""
        got = self._header_cache.get((k, col))
        if got is None:
            header = sorted(self.rows.get((k, -1), []),
                            key=lambda j: (abs((self.qs[j].place[2] if self.qs[j].place[2] is not None else col) - col), j))
            got = self._header_cache[(k, col)] = header[:HEADER_CELLS]
        return got

    def _keys(self, k: int, row: int) -> frozenset:
        got = self._row_keys.get((k, row))
        if got is None:
            got = self._row_keys[(k, row)] = frozenset(_col_key(self.qs[j]) for j in self.rows.get((k, row), ()))
        return got

    def n_eval(self, sig: tuple) -> int:
        """How many rows (or columns) of the table hold the numbers a signature's formula needs."""
        got = self._n_eval.get(sig)
        if got is None:
            got = self._n_eval[sig] = self._count(sig)
        return got

    def _count(self, sig: tuple) -> int:
        k, mode = sig[0], sig[1]
        if mode in ("rows", "named"):
            need = {sig[2]} | {key for kind, key in sig[4] if kind == "r"}
            return sum(1 for row in self.table_rows.get(k, ()) if row >= 0 and need <= self._keys(k, row))
        if mode in ("cols", "cases"):
            rows = {sig[2]} | {key for kind, key in sig[4] if kind == "c"}
            common = None
            for row in rows:
                common = self._keys(k, row) if common is None else common & self._keys(k, row)
            return len(common or ())
        return 1

    def _label_amount(self, t: "_Q", ins: tuple, keys: list) -> bool:
        """Whether a product's inputs are a count its row's label states ("| **Annual revenue (64
        GPUs)** |") and cells above the target in its column: each column's figure is the
        column's own cells times the label's amount (7,008 hours a GPU x $2.79 per GPU-hour x 64
        GPUs), the label's amount the one number the row adds."""
        if sum(1 for kind, _ in keys if kind == "r") != 1 or any(kind not in ("r", "c") for kind, _ in keys):
            return False
        (n,) = [q for (kind, _), q in zip(keys, ins) if kind == "r"]
        if n.place[2] != 0 or n.dims or n.flo != n.fhi or n.ratio:
            return False
        thing = n.item.unit.lower()
        # each other input a cell of a row labelled per that thing ("Annual hours per GPU",
        # "Revenue per GPU-hour"): the label's count is what turns them into the row's total
        return all(self.per_noun(bisect.bisect_left(self.starts, q.item.start)) == thing
                   for (kind, _), q in zip(keys, ins) if kind == "c")

    def signature(self, t: "_Q", formula: str, ins: tuple) -> tuple | None:
        """What a table's rows (or columns) share when they share a formula: the formula, the
        target's column and each input's column (or the same number: a header, an assumption);
        the last element is the row (or column) itself."""
        k, row, col = t.place
        keys, rows_mode, cols_mode, scaled = [], True, True, 0
        for q in ins:
            if q.place is not None and q.place[0] == k and q.place[1] == row:
                keys.append(("r", _col_key(q)))
                cols_mode = False
            elif q.place is not None and q.place[0] == k and q.place[1] >= 0 and col is not None \
                    and q.place[2] == col and row >= 0:
                if q.dims == t.dims:
                    if q.place[1] > row:
                        return None  # the same quantity of a later row: no input of this one
                    cols_mode = False  # the row above, scaled: a relation of this row alone
                    scaled += 1
                keys.append(("c", q.place[1]))
                rows_mode = False
            else:
                keys.append(("x", q.item.id))
        if scaled and all(kind == "c" for kind, _ in keys) and self._metric_columns(k):
            # rows of a table whose columns are cases: the formula is the columns' to share
            return (k, "cases", row, formula, tuple(keys), _col_key(t))
        if formula == "a * b * c" and scaled <= 1 and self._label_amount(t, ins, keys):
            return (k, "label", t.item.id, formula, tuple(keys), row)
        if scaled and (scaled > 1 or sum(1 for kind, _ in keys if kind == "r") != len(keys) - 1):
            per = self.per_noun(bisect.bisect_left(self.starts, t.item.start)) if len(ins) == 2 and formula == "a / b" else None
            if not (per and ins[1].place is None and not ins[1].dims
                    and any(n.lower().rstrip("s") == per for n in ins[1].names)):
                return None  # the row above is scaled only by what the target's own row states
            # ... or divided by the count its label names ("Per-GPU CapEx": the total ÷ 64 GPUs)
        if rows_mode:
            return (k, "rows", _col_key(t), formula, tuple(keys), row)
        if cols_mode:
            return (k, "cols", row, formula, tuple(keys), _col_key(t))
        return (k, "one", t.item.id, formula, tuple(keys), row)


def _prose_totals(text: str, qs: list, marks: "_Marks", layout: "_Layout") -> list[tuple[int, list[int]]]:
    """(total, its parts) in prose: a number the words at it state as a total (a total of,
    combined, together, in all, cumulative, overall, all-in, the sum of, summing to, adds up to,
    comes to, a sentence's opening "Of the"; "in total", "combined", "between them", "breaks down
    into" or ", with" right after it) or that ends a sum written out ("$a + $b = $X", "$a plus $b
    is $X"), and the run of two to :data:`SUM_PARTS` numbers of its kind nearest before it (its
    paragraph or the :data:`PROSE_TOTAL_PARAS` before) or after it (its paragraph or the ones
    after: a total stated before its parts, or a number of two things its words name, "500k
    A100s and H100s", whose parts follow), within :data:`PROSE_TOTAL_SPAN`, whose face values sum
    to its own to 2% (a total stated roughly: :func:`_sum_tolerance`), a number compared with
    ("up from $55 billion") or a price of each ("at $2,500 each") skipped. Its kind: the same
    unit as written, else the same dimension in a unit of as many parts (a run of amounts,
    skipping the rates and counts of the working between them: "400 W × 8,765 h/yr = 3,504 MWh/yr", the watts a power as the energies
    per year are, are no part of a total of energies per year).
    A total stated as a range ("$490B to $520B for those three") is made by parts, numbers or
    ranges, whose lows sum to its low and highs to its high.
    The nearest run that makes it, shortest first; none where none does (numbers of one unit that
    happen to sum are never a total without the words or the layout that say so); where none
    does, a column of the table next to it (:func:`_column_total`). Each cue is looked at once
    and each total tries a bounded run on each side: linear."""
    if not qs:
        return []
    starts = [q.s for q in qs]
    ends = [q.e for q in qs]
    totals: dict[int, None] = {}
    low = _lowered(text)
    before = _cue_matches(text, low, _PROSE_TOTAL_BEFORE_RE, _PROSE_BEFORE_STARTS, _PROSE_BEFORE_GATES)
    after = _cue_matches(text, low, _PROSE_TOTAL_AFTER_RE, _PROSE_AFTER_STARTS, _PROSE_AFTER_GATES)
    for m in before:
        j = bisect.bisect_left(starts, m.end())
        if j < len(qs) and qs[j].s - m.end() <= PROSE_TOTAL_REACH and not marks.sentence_ends(m.end(), qs[j].s):
            totals[j] = None
    for sign in ("=", "≈", "→", "⇒", "->"):
        # a sum written out: "$a + $b = $X" ("≈ $X", "→ $X")
        pos = text.find(sign)
        while pos >= 0:
            j = bisect.bisect_left(starts, pos)   # (a number read with its "≈")
            if j < len(qs) and qs[j].s - pos <= 7 and text.rfind("+", max(0, pos - SPAN), pos) >= 0:
                totals[j] = None
            pos = text.find(sign, pos + 1)
    # a sum in words: "A ($a) plus B ($b) gives $X", "$a plus $b is $X" (the number right after
    # a result word later in the sentence)
    pos = low.find(" plus ")
    while pos >= 0:
        j = bisect.bisect_left(starts, pos + 6)
        for k in range(j + 1, min(j + 4, len(qs))):
            q = qs[k]
            if marks.sentence_ends(pos, q.s):
                break
            if _PLUS_RESULT_RE.search(text, max(pos, q.s - 30), q.s):
                totals[k] = None
                break
        pos = low.find(" plus ", pos + 1)
    for m in after:
        # the words right after a number (before the next one), or its breakdown in brackets or
        # after a colon: two numbers follow before the bracket closes or the line ends
        a = m.start()
        j = bisect.bisect_right(ends, a) - 1
        if j < 0 or a - qs[j].e > PROSE_TOTAL_GAP or _PROSE_TOTAL_GAP_RE.fullmatch(text, qs[j].e, a) is None:
            continue
        if m.group() in ("(", ":"):
            if j + 2 >= len(qs) or m.group() == "(" and a - qs[j].e > 15:
                continue
            stop = text.find(")" if m.group() == "(" else "\n", a)
            if 0 <= stop < qs[j + 2].s:
                continue
        elif j + 1 < len(qs) and qs[j + 1].s < m.end():
            continue
        totals[j] = None
    # a number of two things its words name ("~500k A100s and H100s"), their parts stated after
    # it ("140k H100s and 360k A100s")
    for j, q in enumerate(qs):
        if j + 2 < len(qs) and j not in totals and q.place is None:
            m = _BOTH_NAMED_RE.match(text, q.e)
            if m is not None and (m.group(1) or text[q.e - 1:q.e].isalpha()):
                totals[j] = "after"
    out = []
    for j in sorted(totals):
        t = qs[j]
        if t.place is not None or t.ratio or t.group or not isinstance(t.para, int):
            continue
        # a total stated as a range ("$490B to $520B") sums its parts' lows and highs, each part
        # a number or a range ("Alphabet $175B to $185B, Meta $115B to $135B")
        spread = t.flo != t.fhi
        if spread and (totals[j] == "after" or not t.flo > 0):
            continue
        found = None
        tol = _sum_tolerance(t)
        # a bare amount ("a total of $2,500") may total parts stated per period ("$2,000/month
        # and $500/month"): per the period its words name ("an annual total"), else the parts' own
        per_dk = None if any(k == "[time]" for k, _ in t.dims) else _comb(t.dk, _TIME_DK, -1)
        period = 1.0
        # (lists: the compiled build (Cython) cannot type a choice between tuples of two lengths)
        for step in ([1] if totals[j] == "after" else [-1, 1]):
            for mode in ("unit", "dimension", "period"):
                if mode == "period" and per_dk is None:
                    break
                run, k, best, unit = [], j + step, None, None
                while 0 <= k < len(qs) and len(run) < SUM_PARTS:
                    q = qs[k]
                    if abs(q.s - t.s) > PROSE_TOTAL_SPAN or not isinstance(q.para, int) \
                            or abs(q.para - t.para) > PROSE_TOTAL_PARAS \
                            or (step < 0 and q.para > t.para) or (step > 0 and q.para < t.para):
                        break
                    k += step
                    if mode == "period":
                        if q.place is not None or q.ratio or q.dk != per_dk or (unit is not None and q.item.unit != unit):
                            continue   # parts per one period, in one unit
                    elif q.place is not None or q.ratio or q.dk != t.dk or (mode == "unit" and q.item.unit != t.item.unit) \
                            or len(q.names) != len(t.names):
                        continue   # (a unit of another form is the working's: "400 W" amid energies in "MWh/yr")
                    if _BASELINE_RE.search(text, max(0, q.s - BASELINE_LOOKBACK), q.s) \
                            or _EACH_AFTER_RE.match(text, q.e):
                        continue   # the number it is compared with ("$80 billion (up from $55 billion)"),
                        # or what each of several costs ("4 nodes at $2,500 each")
                    if q.item.shown[:1] in ("≥", "≤") and not _bound((t,)):
                        continue   # a bound ("well above the $30 billion estimate") is no part of a total stated as one value
                    if mode == "period" and unit is None:
                        period = _total_period(text, t, q.item.unit)
                        if period is None:
                            break
                        unit = q.item.unit
                    scale = period if mode == "period" else 1.0
                    if q.same_number(t) or q.flo != q.fhi and not spread or q.fhi * scale >= t.fhi:
                        break  # a restatement, a vague number or one as large: no part of this total
                    run.append(k - step)
                    total = sum(qs[x].flo for x in run) * scale
                    if total > t.flo * (1 + tol):
                        break
                    miss = abs(total - t.flo)
                    if spread:   # both ends make it
                        miss = max(miss, abs(sum(qs[x].fhi for x in run) * scale - t.fhi) * t.flo / t.fhi)
                    if len(run) >= 2 and miss <= tol * t.flo and (best is None or miss < best[0]):
                        best = (miss, sorted(run))   # the run that makes it best: "$5.328M, $0.238M and
                        # $0.01M" for $5.576M, not the first two (to 0.2%)
                if best is not None:
                    found = (best[1], scale)
                    break
            if found:
                break
        if not found and layout.tables:
            found = _column_total(layout, t)
            found = (found, 1.0) if found else None
        if found:
            out.append((j, *found))
    return out


#: A period named at a bare total ("an annual total of $30,000", "$30,000 a year in total"), in
#: its words right before it (an adjective: "per month" there is a part's unit) or right after it.
_PERIOD_BEFORE_RE = re.compile(r"(?i)\b(?:(?P<year>annual(?:ly|i[sz]ed)?|yearly)|(?P<month>monthly))\b[^.,;:!?\d\n]{0,30}$")
_PERIOD_AFTER_RE = re.compile(r"(?i)[^.;:!?\d\n]{0,12}?\b(?:(?P<year>annual(?:ly)?|yearly|per\s+year|a\s+year|each\s+year|"
                              r"every\s+year|over\s+(?:a|the|one)\s+year)|(?P<month>monthly|per\s+month|a\s+month|"
                              r"each\s+month|every\s+month))\b")
_PERIOD_SECONDS: dict[str, float | None] = {}


def _total_period(text: str, t: "_Q", part_unit: str) -> float | None:
    """The period, in seconds, that a bare total of amounts per period covers: the one its words
    name right at it (a year, a month), else the parts' own ("USD/month": a month); None where
    the parts' unit has no period of time."""
    m = _PERIOD_BEFORE_RE.search(text, max(0, t.s - 40), t.s) or _PERIOD_AFTER_RE.match(text, t.e)
    word = None if m is None else "year" if m.group("year") else "month"
    if word is None:
        word = part_unit.rsplit("/", 1)[-1].strip() if "/" in part_unit else \
            part_unit.rsplit(" per ", 1)[-1].strip() if " per " in part_unit else None
        if not word:
            return None
    sec = _PERIOD_SECONDS.get(word, -1.0)
    if sec == -1.0:
        try:
            f, dims = UnitSize.of(word).base()
            sec = float(f) if dict(dims) == {"[time]": 1.0} and f > 0 else None
        except (UnitError, ValueError, KeyError, TypeError):
            sec = None
        _PERIOD_SECONDS[word] = sec
    return sec


#: The most a total stated roughly ("about $20 million", "~$2 billion") may miss its parts' sum by.
APPROX_SUM = 0.05


def _sum_tolerance(t: "_Q") -> float:
    """How far (relative) a prose total may stand from its parts' sum: 2% (:data:`NEAR`); for a
    total stated roughly ("about", "~"), half a unit of its last significant digit where that is
    more ("~$59 million": 0.8%, so 2%; "about $20 million": 25%, so at most :data:`APPROX_SUM`)."""
    if not t.item.shown.startswith("~") or not t.flo > 0:
        return NEAR
    # half a unit of the last significant digit: "~20" (million) and "~20,000,000" alike 5 of 20
    v = t.item.face_low if t.item.face_low is not None else t.item.low   # as stated, in its unit
    if not (v > 0 and math.isfinite(v)):
        return NEAR
    exp = Decimal(format(v, ".6g")).normalize().as_tuple().exponent
    if not isinstance(exp, int):
        return NEAR
    return min(APPROX_SUM, max(NEAR, 0.5 * 10.0 ** exp / v))


def _column_total(layout: "_Layout", t: "_Q") -> list[int] | None:
    """A prose total's parts in a table next to it ("The four of them spend $220 billion" under a
    table of each one's spending): a column's cells of its kind, one per row (total rows left
    out), every one of them, that sum to it to 2%; the table right before it or right after it,
    within :data:`PROSE_TOTAL_SPAN`."""
    qs, tables = layout.qs, layout.tables
    k = bisect.bisect_right(layout._t_starts, t.s) - 1
    near = []
    if k >= 0 and 0 <= t.s - tables[k].end <= PROSE_TOTAL_SPAN:
        near.append(k)
    if k + 1 < len(tables) and 0 <= tables[k + 1].start - t.e <= PROSE_TOTAL_SPAN:
        near.append(k + 1)
    for k in near:
        skip = set(layout.total_rows.get(k, ()))
        by_col: dict[int, dict[int, int]] = defaultdict(dict)
        for row in layout.table_rows.get(k, ()):
            if row < 0 or row in skip:
                continue
            for j in layout.rows.get((k, row), []):
                col = qs[j].place[2]
                if col:
                    by_col[col].setdefault(row, j)
        for col, leads in by_col.items():
            parts = list(leads.values())
            if not 2 <= len(parts) <= SUM_PARTS or any(qs[x].dk != t.dk or qs[x].ratio or qs[x].flo != qs[x].fhi
                                                      for x in parts):
                continue
            if abs(sum(qs[x].flo for x in parts) - t.flo) <= NEAR * t.flo:
                return sorted(parts)
    return None


def _distinct(qs: list, idx: list[int], first: bool = False) -> list[int]:
    """At most :data:`BEFORE` of ``idx``, the last (or ``first``) distinct ones (a number
    restated counts once), rates first (a price, a power per GPU: what a table is computed
    from)."""
    rates: dict = {}
    others: dict = {}
    for j in (idx if first else reversed(idx)):
        q = qs[j]
        key = (q.item.low, q.item.high, q.item.unit)
        if _is_rate(q):
            rates.setdefault(key, j)
        else:
            others.setdefault(key, j)
        if len(rates) >= BEFORE:
            break
    picked = list(rates.values())[:BEFORE]
    picked += [j for k, j in others.items() if k not in rates][:BEFORE - len(picked)]
    return sorted(picked)


def _is_rate(q: "_Q") -> bool:
    """A quantity per something (a price per hour, a power per GPU): what tables are computed from."""
    if q.ratio:
        return False
    got = _RATE_DIMS.get(q.dims)
    if got is None:   # (found once per dimension)
        got = _RATE_DIMS[q.dims] = any(e < 0 for _, e in q.dims)
    return got


#: dimensions -> whether a quantity of them is per something (:func:`_is_rate`)
_RATE_DIMS: dict[tuple, bool] = {}


def _col_key(q: "_Q"):
    """A cell's column; where the place of a number is its row alone, its dimension."""
    return q.place[2] if q.place[2] is not None else q.dims


#: log(1 + NEAR) and log(1 + FACTOR_TOLERANCE), computed once.
_LOG_NEAR = math.log1p(NEAR)
_LOG_TOLERANCE = math.log1p(FACTOR_TOLERANCE)


#: A plain written number (digits, thousands separators, a decimal part), not a power of ten's
#: base or exponent ("10^{13}", "10**6"). (Its first digit comes first and what stands before
#: it is looked at behind that digit: the pattern is then tried only at digits.)
_PLAIN_NUMBER_RE = re.compile(r"\d(?<![\w.^*]\d)(?<!\^\{\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?)(?![\d^]|\*\*)")


def _factor_stated(text: str, s: int, e: int, qs: tuple, ratio: float) -> bool:
    """Does text[s:e], on the line of the target ``qs[0]``, state, outside the relation's own
    numbers ``qs``, a number equal to the factor by which the stated value misses (``ratio`` or
    its inverse)? Then the factor is an operand the relation left out ("4 × 10^13 TFLOP / (10000 × 312 TFLOPS) = 12.8 × 10^6 s",
    read as 4e25 FLOP / 312 TFLOPS, misses by 10^4: the 10000 GPUs), not a slip."""
    want = abs(math.log(ratio))
    if want <= _LOG_TOLERANCE:
        return False
    t = qs[0]
    nl = text.find("\n", t.item.end)
    s, e = max(s, text.rfind("\n", 0, t.item.start) + 1), min(e, len(text) if nl < 0 else nl)
    spans = sorted((q.item.start, q.item.end) for q in qs)
    for m in _PLAIN_NUMBER_RE.finditer(text, s, e):
        if any(a <= m.start() < b for a, b in spans):
            continue
        try:
            v = float(m.group(0).replace(",", ""))
        except ValueError:
            continue
        if v > 1 and abs(math.log(v) - want) <= _LOG_TOLERANCE:
            return True
    return False


def _judge(marks: _Marks, t: _Q, formula: str, ins: tuple, lo: float, hi: float, triple: bool = False,
           context: bool = False) -> "_Cand | None":
    """``context``: the inputs come from the target's table (row, column, headers, the text
    before it) or its list's intro line, beyond the sentence window: no span limit, and a slip
    is left to the table's other rows to confirm (:func:`_by_table`)."""
    if not (lo > 0 and math.isfinite(hi)):
        return None
    # nearly exactly: the intervals meet, or the middles are within NEAR
    consistent = t.lo <= hi * (1 + NEAR) and lo * (1 - NEAR) <= t.hi
    if not consistent:
        ratio = math.sqrt(t.lo * t.hi) / math.sqrt(lo * hi)   # the middles' (stated ÷ computed)
        off = abs(math.log(ratio))
        consistent = off <= _LOG_NEAR
        if not consistent:
            k = bisect.bisect_left(_TELLTALE_LOGS, off - _LOG_TOLERANCE)
            if k >= len(_TELLTALE_LOGS) or _TELLTALE_LOGS[k] > off + _LOG_TOLERANCE:
                return None  # neither nearly exact nor near any telltale factor: the common case, cheaply
            if t.ratio or any(q.ratio for q in ins):
                return None  # shares and ratios of nearby numbers meet telltale factors by chance
    if t.group:
        return None  # an operand only its expression explains is no result
    for q in (t, *ins):
        if q.flo == 1.0 and q.fhi == 1.0 and not q.dims and not q.ratio:
            return None  # a count of one ("a single TPU"): x × 1 is x again, x ÷ x is one, no arithmetic
    if _restated_over(formula, ins):
        return None  # one quantity over itself restated in another unit ("5,000W = 5 kW"): one, no arithmetic
    if len(ins) == 2:
        a, b = ins
        if t.key == a.key or t.key == b.key or a.key == b.key:
            return None  # the same number again: x × y ÷ x says nothing
        bare = [q for q in ins if q.group] if a.group or b.group else None
    else:
        keys = [q.key for q in ins]
        if t.key in keys or len(set(keys)) < len(keys):
            return None  # the same number again
        bare = [q for q in ins if q.group]
    if bare:
        spans = {q.espan for q in bare}
        if len(spans) != 1 or len(bare) != bare[0].group or not bare[0].espan:
            return None  # an operand only its expression explains: with the others of it, or not at all
        a, b = bare[0].espan
        if any(q.item.start < a or q.item.end > b for q in ins):
            return None  # ... and with no number from outside the expression ("11*12=132ms" is no 11 × 2 ms × 12)
    if len(ins) == 2:
        a, b = ins
        s, e = min(a.s, b.s, t.s), max(a.e, b.e, t.e)
    else:
        a, b, c = ins
        s, e = min(a.s, b.s, c.s, t.s), max(a.e, b.e, c.e, t.e)
    if e - s > SPAN and not context:
        return None
    how = "written" if e - s <= SPAN and marks.written(s, e) else "implied"
    if how == "written" and t.place is not None and any(q.place is None or q.place[:2] != t.place[:2] for q in ins):
        how = "implied"  # in a table, arithmetic is written out within the row
    if how == "implied" and len(ins) == 2 and formula in ("a * b", "a / b"):
        for q in (t, *ins):   # (loops, not any() over generators: once per relation weighed)
            if q.place is None and marks.stated_change(q):
                return None  # a change stated as such ("up 31% from", "a 74% jump") is no share of another amount
    if consistent:
        shares = t.ratio
        for q in ins:
            if q.ratio:
                shares = True
                break
        if shares and (t.hi > t.lo * (1 + 2 * VAGUE) or any(_vague(q) for q in ins)):
            return None  # shares and ratios with a wide range ("20-32%", "2x" as 1.5-2.5) meet many a number
        return _proposal(t, formula, ins, lo, hi, "consistent", 1.0, None, how)
    # (a miss of shares and ratios was dismissed above, before the costlier tests)
    if _bound((t, *ins)):
        return None  # "at least": no slip to speak of
    in_table = context and t.place is not None
    if marks.sentence_ends(s, e) and not in_table:
        return None  # a slip is claimed only within one sentence (or one table row)
    if t.hi > t.lo * (1 + 2 * VAGUE) or any(_vague(q) for q in ins):
        return None  # "~1 TB" is too vague to say which slip it is
    if how == "written" and not marks.written(min(q.item.start for q in ins), max(q.item.end for q in ins)):
        how = "implied"  # for a slip, the operator must stand among the inputs
    if how == "implied" and not in_table and any(q.item.start >= t.item.start for q in ins):
        return None  # an implied slip reads inputs first, then the result that misses them
    if how == "implied" and not in_table and any(not q.dims for q in (*ins, t)):
        return None  # a count times a nearby quantity meets a power of ten by chance
    if all(not q.dims for q in (*ins, t)):
        return None  # counts of different things (servers, GPUs each) meet a telltale factor by chance
    if _factor_stated(marks.text, s, e, (t, *ins), ratio):
        return None  # the factor stands among the numbers: an operand left out, no slip
    involved = {k for q in (*ins, t) for k, _ in q.dims}
    words_used = set().union(*(_kinds_of_unit(q.names) for q in (*ins, t)))
    for factor, kind, words in TELLTALES:
        if kind == "factor-two" and how != "written" and not in_table:
            continue  # twice or half by coincidence is too common (in a table, only a formula its rows share may miss by it: _by_table)
        if _TELLTALE_DIMENSION.get(kind, "") and _TELLTALE_DIMENSION[kind] not in involved:
            continue
        if kind == "time-unit" and sum(1 for w in words_used if w.startswith("time:")) < 2:
            continue  # no conversion between time units, so no per-day-vs-per-month slip
        if kind == "bits-bytes" and not {"bits", "bytes"} <= words_used:
            continue
        for f in (factor, 1 / factor):
            if abs(math.log(ratio / f)) <= _LOG_TOLERANCE:
                return _proposal(t, formula, ins, lo, hi, "misses", ratio,
                                 f"{words}: the stated value is {_num(ratio)} × what the arithmetic gives", how)
    return None


#: A quotient within this factor of the power of ten "an order of magnitude" names is loosely
#: that (12x: no slip, though no exact match either); one beyond it is the article's slip (r57's
#: 5-6.7x, r44's 19-44x, both labelled dubious).
MAGNITUDE_BAND = 1.4
#: "an order of magnitude", "two orders of magnitude" (drafted as 10x, 100x).
_MAGNITUDE_RE = re.compile(r"(?i)\borders?[- ]of[- ]magnitude\b")


def _magnitude_sides(marks: _Marks, t: "_Q", qs: list, starts: list) -> "_Cand | None":
    """A ratio stated as orders of magnitude ("30–40 per cent per year, an order of magnitude
    faster than the 6 per cent annual rate"; "an order-of-magnitude leap in rack power density
    (from 3-7kW to 132kW per rack)"): the larger over the smaller of the two amounts its own
    sentence states of one kind (one dimension, in prose, "per cent per year" too; none where it states more
    than two, or two of each of two kinds). The phrase names a power of ten, so a quotient far
    from it (beyond :data:`MAGNITUDE_BAND`) is the article's slip (a fivefold gap called "an order
    of magnitude"); one near it holds (within :data:`NEAR`, as any ratio); one between, nothing."""
    text = marks.text
    if not _MAGNITUDE_RE.search(text, t.s, t.e) or t.flo != t.fhi or not t.flo > 1:
        return None
    ends = marks.ends
    k = bisect.bisect_left(ends, t.s)
    s0 = ends[k - 1] if k else 0
    e0 = ends[k] if k < len(ends) else len(text)
    by_dk: dict[int, list] = {}
    for j in range(bisect.bisect_left(starts, s0), bisect.bisect_left(starts, e0)):
        q = qs[j]
        if q is t or not q.dims or q.group or q.place is not None or not q.flo > 0 or q.e > e0:
            continue
        group = by_dk.setdefault(q.dk, [])
        if not any(q.same_number(o) for o in group):
            group.append(q)
    pairs = [g for g in by_dk.values() if len(g) >= 2]
    if len(pairs) != 1 or len(pairs[0]) != 2:
        return None
    x, y = pairs[0]
    a, b = (x, y) if x.flo * x.fhi >= y.flo * y.fhi else (y, x)
    lo, hi = a.flo / b.fhi, a.fhi / b.flo
    if t.lo <= hi * (1 + NEAR) and lo * (1 - NEAR) <= t.hi:
        return _proposal(t, "a / b", (a, b), lo, hi, "consistent", 1.0, None, "implied")
    if _bound((t, a, b)):
        return None  # "more than an order of magnitude": no slip to speak of
    ratio = math.sqrt(t.lo * t.hi) / math.sqrt(lo * hi)
    if hi * MAGNITUDE_BAND >= t.flo and lo <= t.fhi * MAGNITUDE_BAND:
        return None  # "12 × 0.042 = 0.504 USD—an order of magnitude more": loosely so, no slip
    return _proposal(t, "a / b", (a, b), lo, hi, "misses", ratio,
                     f"orders of magnitude: the stated value is {_num(ratio)} × what the arithmetic gives", "implied")


def _restated_over(formula: str, ins: tuple) -> bool:
    """Does the formula divide a quantity by itself restated in another unit ("10 × 500W =
    5,000W = 5 kW": 5 kW ÷ 5,000 W is one, whatever count stands near)? The same dimension
    and the same value in base units, as :meth:`_Q.same_number` is for one unit."""
    if formula == "a / b":
        a, b = ins
        return a.dk == b.dk and a.flo == a.fhi and b.flo == b.fhi and math.isclose(a.flo, b.flo, rel_tol=1e-9)
    if formula == "a * b / c":
        c = ins[2]
        return c.flo == c.fhi and any(q.dk == c.dk and q.flo == q.fhi and math.isclose(q.flo, c.flo, rel_tol=1e-9)
                                      for q in ins[:2])
    return False


#: A ratio or share claim ("42% higher capital investment", "2.4x the bandwidth", "9% of the
#: hourly cost") may stand a paragraph
#: away from its two sides (the table or the paragraph before it): at most this many numbers of
#: its paragraph and the one before, nearest first, are tried as its sides.
RATIO_SIDES = 12
#: ... from its own paragraph and at most this many before it (two back meets by chance more
#: often than it finds the sides, on the development articles).
RATIO_PARAS = 1


def _sides_near(qs: list, i: int, a: int, b: int, most: int, far: "_Q | None" = None) -> dict[tuple, list]:
    """The numbers of ``qs[a:b]`` a ratio at ``i`` may be the quotient of, nearest first (the
    earlier of two as near), at most ``most`` of them, by (property, dimension): each a quantity
    of a property, no ratio, no group. With ``far`` (the ratio, for :func:`_ratio_far`), also
    a point, outside a table, of another key than the ratio's."""
    sides: dict[tuple, list] = {}
    n = 0
    for d in range(1, max(i - a, b - i) + 1):
        for j in (i - d, i + d):
            if not a <= j < b:
                continue
            q = qs[j]
            if q.item.prop is None or q.ratio or not q.dims or q.group:
                continue
            if far is not None and (q.place is not None or q.flo != q.fhi or q.key == far.key):
                continue
            n += 1
            if n > most:
                break
            sides.setdefault((q.item.prop, q.dk), []).append(q)
        if n > most:
            break
    return sides


def _ratio_sides(marks: _Marks, t: "_Q", i: int, qs: list, starts: list, paras: list, found: list) -> None:
    """A ratio (or share) claim from two numbers that measure one thing (the same property, a quantity
    with a unit) in its paragraph or the one before it: their quotient, where it agrees nearly
    exactly (a ratio is never called a slip: two numbers of one kind meet telltale factors by
    chance). Bounded by :data:`RATIO_SIDES`, so a long text stays linear."""
    k = bisect_right(paras, t.s)
    lo = paras[k - 1 - RATIO_PARAS] if k > RATIO_PARAS else 0
    hi = paras[k] if k < len(paras) else t.s + SPAN
    a, b = max(bisect.bisect_left(starts, lo), i - 4 * RATIO_SIDES), min(bisect.bisect_left(starts, hi), i + 4 * RATIO_SIDES)
    if t.hi > t.lo * (1 + 2 * VAGUE):
        _last_two(t, i, qs, a, found)   # "3-10x" holds many a quotient; "2x" is 2 for the last two
        if not found:
            _range_ratio(t, i, qs, a, found)
        return
    sides = _sides_near(qs, i, a, b, RATIO_SIDES)
    t_lo, t_hi = t.lo / (1 + NEAR), t.hi / (1 - NEAR)
    mine = []
    for group in sides.values():
        for x in group:
            for y in group:
                if x is y or x.same_number(y):
                    continue
                lo_, hi_ = x.flo / y.fhi, x.fhi / y.flo
                if lo_ <= t_hi and t_lo <= hi_:
                    p = _judge(marks, t, "a / b", (x, y), lo_, hi_, context=True)
                    if p is not None and p.verdict == "consistent":
                        mine.append((p, x.item.prop))
    if len({prop for _, prop in mine}) > 1:
        # pairs of two properties make it: the one the words right after the ratio name wins
        # ("5x more throughput" over two costs that also differ fivefold)
        said = _said_after(marks.text, t)
        if said:
            named = [m for m in mine if any(w in said for w in _prop_words(m[1]))]
            if named:
                mine = named
    found += [(p, None) for p, _ in mine]
    if not found:
        _last_two(t, i, qs, a, found)


#: A ratio claim ("833x") that nothing at hand makes may take its two sides from further back:
#: at most this many paragraphs before the one before it (a summary's "That's an 833x cost
#: difference" under "$8,333 per million tokens" and "$10 per million tokens" stated paragraphs
#: apart) ...
RATIO_FAR_PARAS = 4
#: ... and at most this many of their numbers (nearest first), so a long text stays linear.
RATIO_FAR_SIDES = 24


def _ratio_far(marks: _Marks, t: "_Q", i: int, qs: list, starts: list, paras: list, found: list) -> None:
    """A ratio stated as one value ("30x"), from two numbers of one property (the same
    property and dimension, each stated as one value, in prose) in its paragraph and the
    :data:`RATIO_FAR_PARAS` + :data:`RATIO_PARAS` before it, one of them at least beyond the
    reach of :func:`_ratio_sides`: their quotient, where exactly one pair of values agrees with
    the ratio nearly exactly ("0.018 Wh/token", a paragraph on "0.0006 Wh/token", then "30x
    more efficient"); or one such pair of each of two properties, the nearest winning ("18 Wh
    per query" and "0.60 Wh per query" above them). Two pairs of one property that agree are a
    coincidence: nothing. A ratio written in percent (a share, or a change read as the
    multiplier it makes: "70% higher") takes nothing from afar. Never a slip."""
    bound = t.item.shown[:1] == "≥"   # "more than 91%", "more than doubled": below the next step of its last digit
    if not (bound or "x" in t.names) or (t.flo != t.fhi and not bound) or not t.flo > 0 or t.group \
            or t.place is not None or t.item.shown.startswith("~") or ("%" in marks.text[t.s:t.e] and not bound):
        return   # a share ("20%") or a change ("70% higher", read as 1.7x) meets many a pair of amounts
                 # stated paragraphs apart
    k = bisect_right(paras, t.s)
    near = paras[k - 1 - RATIO_PARAS] if k > RATIO_PARAS else 0
    lo = paras[k - 1 - RATIO_PARAS - RATIO_FAR_PARAS] if k > RATIO_PARAS + RATIO_FAR_PARAS else 0
    if near <= lo:
        return   # no paragraph beyond the near ones
    hi = paras[k] if k < len(paras) else len(marks.text)
    a = max(bisect.bisect_left(starts, lo), i - 4 * RATIO_FAR_SIDES)
    b = min(bisect.bisect_left(starts, hi), i + RATIO_SIDES)
    sides = _sides_near(qs, i, a, b, RATIO_FAR_SIDES, t)
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    pairs: dict[tuple, tuple] = {}
    for group in sides.values():
        for x in group:
            for y in group:
                if x is y or x.key == y.key or (x.s >= near and y.s >= near):
                    continue
                v = x.flo / y.flo
                if t_lo <= v <= t_hi and not (bound and not t.flo <= v < t.fhi):
                    pairs.setdefault((x.key, y.key), (x, y))
    chosen = list(pairs.values())
    if len(chosen) > 1:
        # pairs of two properties make it: the one the words right after the ratio name wins
        # ("→ 5× more throughput = 5× cheaper per token": "$8.17" and "$1.63" per 1M tokens, not
        # "180K tok/hr" and "900K tok/hr"), as in _ratio_sides
        said = _said_after(marks.text, t)
        if said:
            named = [xy for xy in chosen if any(w in said for w in _prop_words(xy[0].item.prop))]
            if named and len({xy[0].item.prop for xy in named}) == 1:
                chosen = named
    if len(chosen) > 1:
        # one pair of each property at most ("18 Wh/query" and "0.6 Wh/query", "0.018 Wh/token"
        # and "0.0006 Wh/token": one comparison, stated per query and per token); the nearest wins
        props = [xy[0].item.prop for xy in chosen]
        if len(set(props)) != len(props):
            return
    for x, y in chosen:
        p = _judge(marks, t, "a / b", (x, y), x.flo / y.fhi, x.fhi / y.flo, context=True)
        if p is not None and p.verdict == "consistent":
            found.append((p, None))


#: A ratio stated finely (its stated interval at most this share of its value: "x3.04", not "x1.8")
#: is held to its stated digit (:func:`_loose_only`).
RATIO_DIGIT_FINE = 0.01
#: How far (characters either side) :func:`_ratio_to_the_digit` looks for the pair that makes a
#: finely stated ratio to the digit.
RATIO_DIGIT_REACH = 2000


def _loose_only(t: "_Q", found: list) -> bool:
    """Whether ``t`` is a ratio stated finely as one value ("x3.04") that each relation found
    meets only within the 2% of "nearly exactly", none to its stated digit (533 / 175 = 3.046,
    which rounds to 3.05)."""
    it = t.item
    if not ("x" in t.names and t.flo == t.fhi and t.flo > 0) or t.group or it.shown[:1] in ("~", "≥", "≤") \
            or not (0 < it.low < it.high) or it.high - it.low > RATIO_DIGIT_FINE * it.low:
        return False
    for c, _ in found:
        lo, hi = c.computed
        if c.verdict != "consistent" or (it.low <= lo and hi <= it.high):
            return False   # a slip is another matter; a relation to the digit stands
    return True


def _ratio_to_the_digit(marks: _Marks, t: "_Q", qs: list, starts: list) -> "_Cand | None":
    """A finely stated ratio that nothing at hand makes to its stated digit (:func:`_loose_only`):
    the quotient of two amounts of one property and dimension, each stated as one value (in
    prose or a table), within :data:`RATIO_DIGIT_REACH` of it, that falls within its stated
    interval (r157: "x3.04 speedup" from "1580.2 samples/s" in the next paragraph and the
    table's "520.2", 1,610 characters apart). One pair of values at most (each value at its
    statement nearest the ratio): two are a coincidence, nothing. The ratio is restated in a
    table, in the column of the pair's first amount (r157's table: "| Speedup | x1.0 | x3.04 |"
    under "| Throughput (samples/s) | 520.2 | 1580.2 |"): a ratio the table does not confirm
    so may be the article's own rounding or slip of the pair at hand (r72's "2.45x lower
    latency", 180.74 / 73.54 = 2.458, truncated). Never a slip."""
    # (the numbers within reach, by their starts: a long text's many ratios each read only these)
    qs = qs[bisect.bisect_left(starts, t.s - RATIO_DIGIT_REACH):bisect_right(starts, t.s + RATIO_DIGIT_REACH)]
    twins = {(q.place[0], q.place[2]) for q in qs if q.place is not None and q.key == t.key}
    if not twins:
        return None
    lo_t, hi_t = t.lo, t.hi
    sides: dict[tuple, dict] = {}
    for q in qs:
        if q.item.prop is None or q.ratio or not q.dims or q.group \
                or q.flo != q.fhi or not q.flo > 0 or q.key == t.key:
            continue
        group = sides.setdefault((q.item.prop, q.dk), {})
        kept = group.get(q.key)
        if kept is None or abs(q.s - t.s) < abs(kept.s - t.s):
            group[q.key] = q   # the statement nearest the ratio
    chosen = None
    for group in sides.values():
        for x in group.values():
            for y in group.values():
                if x is not y and lo_t <= x.flo / y.flo <= hi_t:
                    if chosen is not None:
                        return None   # two pairs make it: a coincidence
                    chosen = (x, y)
    if chosen is None:
        return None
    x, y = chosen
    cells = [(q.place[0], q.place[2]) for q in qs if q.place is not None and q.key == x.key]
    if not any(c in twins for c in cells) \
            or not any(q.place is not None and q.key == y.key and (q.place[0], q.place[2]) != c and c in twins
                       for q in qs for c in cells):
        return None   # the ratio's table holds no such pair, the ratio in its first amount's column
    p = _judge(marks, t, "a / b", (x, y), x.flo / y.fhi, x.fhi / y.flo, context=True)
    return p if p is not None and p.verdict == "consistent" else None


#: A ratio stated as a range takes its one side stated as one value from at most this many amounts
#: of that dimension before its other side (:func:`_range_ends`), nearest first.
RANGE_ENDS_LOOKUP = 32


def _points_by_dimension(qs: list) -> dict[int, list[int]]:
    """Dimension -> the places (indices) of the amounts stated as one value (not a share, not a
    ratio), in text order: the sides :func:`_range_ends` looks up."""
    out: dict[int, list[int]] = {}
    for j, q in enumerate(qs):
        if not q.ratio and q.dims and q.flo == q.fhi and q.flo > 0 and not q.group:
            out.setdefault(q.dk, []).append(j)
    return out


def _range_ends(t: "_Q", i: int, qs: list, by_dk: dict, found: list) -> None:
    """A ratio stated as a range ("83-92% premium", read as 1.83-1.92x) that nothing at hand
    makes, from an amount stated as a range in its sentence or table row right before it ("|
    $110-115/MWh PPAs | 83-92% premium pricing |") and one amount of that dimension stated as one
    value anywhere before that ("at $0.06/kWh industrial rate" sections up): each end of the
    range over the one value is the same end of the ratio nearly exactly (110 / 60 = 1.83 and
    115 / 60 = 1.92, each to 2%), or the one value over each end is; two ends agreeing at once
    is rare by chance, where one value meets many a ratio. The :data:`RANGE_ENDS_LOOKUP` latest
    amounts of the dimension are looked at; one pair of values or nothing. Never a slip."""
    if "x" not in t.names or t.group or not t.flo > 0 or t.fhi < t.flo * (1 + 2 * NEAR):
        return
    para = t.para
    pairs: dict[tuple, tuple] = {}
    for j in range(i - 1, max(-1, i - NEIGHBOURS - 1), -1):
        x = qs[j]
        if x.para != para or t.s - x.e > SPAN:
            break
        if x.ratio or not x.dims or x.group or x.flo == x.fhi or not x.flo > 0:
            continue
        at = by_dk.get(x.dk)
        if not at:
            continue
        k = bisect.bisect_left(at, j)
        for m in range(k - 1, max(-1, k - 1 - RANGE_ENDS_LOOKUP), -1):
            y = qs[at[m]]
            if y.para == para:
                continue
            for formula, lo, hi in (("a / b", x.flo / y.flo, x.fhi / y.flo), ("b / a", y.flo / x.fhi, y.flo / x.flo)):
                if abs(lo / t.flo - 1) <= NEAR and abs(hi / t.fhi - 1) <= NEAR:
                    pairs.setdefault((x.key, y.key), (formula, x, y, lo, hi))
    if len(pairs) != 1:
        return
    (formula, x, y, lo, hi), = pairs.values()
    ins = (x, y) if formula == "a / b" else (y, x)
    found.append((_proposal(t, "a / b", ins, lo, hi, "consistent", 1.0, None, "implied"), None))


#: A table row whose label names a quotient ("| TFLOPS/Watt |", "| **PUE** |", "| Adjusted EBITDA
#: Margin |", "| Cost per GPU |"): its cells may be quotients of two cells of their column ...
_QUOTIENT_LABEL_RE = re.compile(r"(?i)/|\b(?:margin|ratio|pue|per|share|efficiency|utili[sz]ation|yield)\b")
#: ... at most this many rows away (on each side).
QUOTIENT_ROWS = 12


def _column_quotient(layout: "_Layout", t: "_Q", qs: list, found: list) -> None:
    """A cell of a table whose rows are metrics, in a row whose label names a quotient, that
    nothing else makes: the quotient of two
    cells of its column within :data:`QUOTIENT_ROWS` rows ("| **PUE** | **1.27** |" under "| IT Load
    | 144 |" and "| **Total Facility Load** | **183** |" five rows apart), agreeing nearly exactly,
    one pair of values only; never a slip. Looked up in the column by dimension."""
    k, row, col = t.place
    if row < 0 or col is None or t.flo != t.fhi or t.group:
        return
    cells = layout.tables[k].rows[row]
    if not cells or not _QUOTIENT_LABEL_RE.search(cells[0].text):
        return
    td = t.dk
    by_dk: dict[int, list] = {}
    for j in layout.cols.get((k, col), ()):
        q = qs[j]
        if q is t or q.place[1] < 0 or abs(q.place[1] - row) > QUOTIENT_ROWS or q.ratio or not q.dims \
                or q.flo != q.fhi or q.group or q.key == t.key:
            continue
        by_dk.setdefault(q.dk, []).append(q)
    t_lo, t_hi = t.lo / (1 + NEAR), t.hi * (1 + NEAR)
    fits: dict[tuple, tuple] = {}
    for dx, xs in by_dk.items():
        need = _comb(dx, td, -1)   # the denominator's dimension: x ÷ y = t
        for y in by_dk.get(need, ()):
            for x in xs:
                if x is y or x.key == y.key:
                    continue
                lo, hi = x.flo / y.fhi, x.fhi / y.flo
                if lo <= t_hi and t_lo <= hi:
                    fits.setdefault((x.key, y.key), (x, y, lo, hi))
    if len(fits) != 1:
        return   # none, or two pairs of values: a coincidence as likely as the relation
    (x, y, lo, hi), = fits.values()
    found.append((_proposal(t, "a / b", (x, y), lo, hi, "consistent", 1.0, None, "implied"), None))


#: A ratio restated elsewhere in the text takes the sides of its first statement only where it is
#: stated to at least this many significant digits ("833x", "3.2×"; a "2x" or "10x" stated twice
#: is as often two comparisons).
RESTATED_DIGITS = 2
#: ... and a share restated ("pushes the performance to 96.45%" under a table's "96.45%"), to at
#: least this many: a "40%" stated twice is as often two shares.
PERCENT_RESTATED_DIGITS = 3


def _same_comparison(text: str, q: "_Q", r: "_Q") -> bool:
    """A ratio of one digit restated ("4x cheaper" in the summary, "Claude 3.5 Sonnet is 4x cheaper
    than OpenAI o1" sections up) is the same comparison where both statements measure one property
    of the same things (entity and conditions, :attr:`Item.names`) and the same comparative follows
    each ("cheaper", "faster"): a "2x" stated twice of other things, or of the same things in
    another sense, is as often two comparisons."""
    if q is r or not q.item.names or q.item.names != r.item.names or q.item.prop != r.item.prop \
            or "x" not in q.names:
        return False
    mq, mr = _COMPARATIVE_RE.match(text, q.e), _COMPARATIVE_RE.match(text, r.e)
    return mq is not None and mr is not None and mq.group().strip("*_ \t\n").lower() == \
        mr.group().strip("*_ \t\n").lower()


def _restated_ratios(text: str, qs: list, out: list, by_id: dict, taken: set) -> list:
    """A ratio stated again elsewhere (the title's "833x", the summary's "not the 3.2× you'd
    expect") that no relation makes: the quotient of the two amounts a relation found links to
    its other statement ("989 TFLOPS = 312 TFLOPS × 3.2×"; "833x = $8,333 ÷ $10"), where that
    quotient agrees with it nearly exactly. Only a ratio stated to :data:`RESTATED_DIGITS`
    significant digits at least, a share (a percentage of two amounts of one kind, "96.45%" of
    two scores) to :data:`PERCENT_RESTATED_DIGITS`; never a slip. One pass over the proposals and the numbers."""
    sides: dict[tuple, tuple] = {}   # a ratio's number as stated -> (numerator, denominator)
    firsts: dict[tuple, "_Q"] = {}   # ... -> the statement the relation was found for
    for p in out:
        if p.verdict != "consistent" or len(p.inputs) != 2 or p.formula not in ("a * b", "a / b"):
            continue
        t, a, b = by_id.get(p.target), by_id.get(p.inputs["a"]), by_id.get(p.inputs["b"])
        if t is None or a is None or b is None:
            continue
        if p.formula == "a / b" and t.ratio and not t.dims and a.dk == b.dk \
                and ("x" in t.names and a.dims or "percent" in t.names):
            r, xy = t, (a, b)                    # r = x / y (a share, too: "96.45%" of two scores)
        elif p.formula == "a * b" and t.dims and (a.ratio and not a.dims and b.dk == t.dk
                                                  or b.ratio and not b.dims and a.dk == t.dk):
            r, y = (a, b) if a.ratio and not a.dims else (b, a)
            r, xy = (r, (t, y)) if "x" in r.names else (None, None)   # x = y × r
        elif p.formula == "a / b" and b.ratio and not b.dims and "x" in b.names and a.dk == t.dk and t.dims:
            r, xy = b, (a, t)                    # y = x / r
        elif p.formula == "a * b" and not t.dims and t.item.prop and "percent" in a.names and "percent" in b.names \
                and "percent" in t.names and a.dk == b.dk == t.dk:
            # x = y × r of three percentages (a score as its share of another score: "52.46" =
            # "96.45%" × "54.39"): the share is the one of another property than the two scores
            r, y = (a, b) if b.item.prop == t.item.prop != a.item.prop else \
                (b, a) if a.item.prop == t.item.prop != b.item.prop else (None, None)
            r, xy = (r, (t, y)) if r is not None else (None, None)
        else:
            continue
        if r is not None and not r.group:
            sides.setdefault(r.key, xy)
            firsts.setdefault(r.key, r)
    if not sides:
        return []
    used = {x for p in out for x in (p.target, *p.inputs.values())} | taken
    found = []
    for q in qs:
        xy = sides.get(q.key)
        if xy is None or q.item.id in used or q.group or q.place is not None or _bound((q, *xy)):
            continue
        if len(Decimal(repr(q.item.low if q.item.face_low is None else q.item.face_low)).normalize()
               .as_tuple().digits) < (RESTATED_DIGITS if "x" in q.names else PERCENT_RESTATED_DIGITS) \
                and not _same_comparison(text, q, firsts[q.key]):
            continue
        x, y = xy
        if q.flo != q.fhi:
            # a range restated ("83-92% premiums" again): one of its sides a range, each end
            # agreeing nearly exactly (:func:`_range_ends`)
            if (x.flo == x.fhi) == (y.flo == y.fhi):
                continue
            lo, hi = (x.flo / y.flo, x.fhi / y.flo) if y.flo == y.fhi else (x.flo / y.fhi, x.flo / y.flo)
            if abs(lo / q.flo - 1) <= NEAR and abs(hi / q.fhi - 1) <= NEAR:
                found.append(_proposal(q, "a / b", (x, y), lo, hi, "consistent", 1.0, None, "implied"))
            continue
        v = x.flo / y.flo
        if abs(v / q.flo - 1) <= NEAR:
            found.append(_proposal(q, "a / b", (x, y), v, v, "consistent", 1.0, None, "implied"))
    return found


#: "53% better": a comparative a relative difference is restated with, beside the words of
#: :func:`_difference_cue` (of more: larger ÷ smaller − 1).
_BETTER_AFTER_RE = re.compile(r"(?i)[*_)]*[ \t]*better\b")


def _restated_differences(text: str, layout: "_Layout", qs: list, out: list, by_id: dict, taken: set) -> list:
    """A relative difference stated again elsewhere in prose ("the PCIe variant delivers 53% better
    performance-per-watt" in the summary, "PCIe delivers **53% more FP8 TFLOPS per watt**" under
    the table that states 5.65 and 8.65 TFLOPS/W) that no relation makes: the relation found for
    its other statement (``a / b - 1`` or ``1 - a / b``, the same two amounts), where the words at
    it state a difference of the same sense ("more", "greater", "better"; "less", "lower"). Only a
    percentage stated to :data:`RESTATED_DIGITS` significant digits at least, as one value; never
    a slip. One pass over the proposals and the numbers."""
    sides: dict[tuple, tuple] = {}   # a percentage as stated -> (formula, a, b)
    for p in out:
        if p.verdict != "consistent" or p.formula not in ("a / b - 1", "1 - a / b") or len(p.inputs) != 2:
            continue
        t, a, b = by_id.get(p.target), by_id.get(p.inputs["a"]), by_id.get(p.inputs["b"])
        if t is None or a is None or b is None or not t.ratio or "percent" not in t.names or t.flo != t.fhi:
            continue
        sides.setdefault(t.key, (p.formula, a, b))
    if not sides:
        return []
    used = {p.target for p in out} | taken   # (an input elsewhere may be a result too)
    found = []
    for q in qs:
        got = sides.get(q.key)
        if got is None or q.item.id in used or q.group or q.place is not None or q.flo != q.fhi \
                or not q.flo > 0 or q.item.shown[:1] in _BOUND_MARKS \
                or len(Decimal(repr(q.item.low if q.item.face_low is None else q.item.face_low)).normalize()
                       .as_tuple().digits) < RESTATED_DIGITS:
            continue
        formula, a, b = got
        cue = _difference_cue(text, layout, q, None)
        if cue is None and _BETTER_AFTER_RE.match(text, q.e) is not None:
            cue = "more"
        if cue != ("less" if formula == "1 - a / b" else "more"):
            continue
        v = 1 - a.flo / b.flo if formula == "1 - a / b" else a.flo / b.flo - 1
        if not abs(v / q.flo - 1) <= NEAR:
            continue
        f_base = abs(q.lo / (q.item.low or 1.0))
        found.append(_Cand(q.item.id, formula, {"a": a.item.id, "b": b.item.id}, (v / f_base, v / f_base),
                           q.item.unit, "consistent", 1.0, None, "implied", CONFIDENCE[("implied", "consistent")]))
    return found


#: A result restated elsewhere takes the relation of its other statement only where it is stated
#: to at least this many significant digits ("$8,333 per million tokens"; a "$10" stated twice is
#: as often two amounts).
RESTATED_RESULT_DIGITS = 3
#: ... and to this many where its other statement is an input, the relation solved for it ("312W"
#: quoted again is a measurement, not "3.6 Wh ÷ 0.7 min").
RESTATED_SOLVED_DIGITS = 4


def _restated_results(qs: list, out: list, by_id: dict, taken: set) -> list:
    """A quantity stated again elsewhere (a headline's "**$8,333 per million tokens**", worked
    out paragraphs below: "$400 per day ... Divide by those 48,000 tokens ... you land at $8,333
    per million tokens") that no relation names: the relation found for its other statement, with
    the same other numbers, solved for it ("$400 per day = $8,333 per 1M tokens × 48,000 tokens
    a day" gives "$8,333 per 1M tokens = $400 per day ÷ 48,000 tokens a day"). Only a quantity
    stated as one value, in prose, to :data:`RESTATED_RESULT_DIGITS` significant digits at least,
    of the same property where both are known, whose other statement is in one relation of two
    inputs that makes a quantity; never a slip. One pass over the proposals and the numbers."""
    made: dict[tuple, list] = {}   # a number as stated -> (its statement, the relation, its role)
    for p in out:
        t = by_id.get(p.target)
        if p.verdict != "consistent" or len(p.inputs) != 2 or p.formula not in ("a * b", "a / b") \
                or t is None or not t.dims or t.ratio:
            continue   # (a ratio's sides are restated alike: :func:`_restated_ratios`)
        for role, x in (("t", p.target), *p.inputs.items()):
            q = by_id.get(x)
            if q is not None and q.dims and not q.ratio and q.place is None:
                made.setdefault(q.key, []).append((q, p, role))
    if not made:
        return []
    used = {x for p in out for x in (p.target, *p.inputs.values())} | taken
    found = []
    for q in qs:
        got = made.get(q.key)
        if got is None or len(got) != 1 or q.item.id in used or q.group or q.place is not None or q.flo != q.fhi:
            continue
        digits = len(Decimal(repr(q.item.low if q.item.face_low is None else q.item.face_low)).normalize()
                     .as_tuple().digits)
        if digits < RESTATED_RESULT_DIGITS:
            continue
        (x, p, role), = got
        if q.item.prop is not None and x.item.prop is not None and q.item.prop != x.item.prop:
            continue
        t, a, b = by_id.get(p.target), by_id.get(p.inputs["a"]), by_id.get(p.inputs["b"])
        if t is None or a is None or b is None or q.key in (a.key, b.key) and role == "t":
            continue
        if role == "t":
            formula, ins = p.formula, (a, b)
        elif p.formula == "a * b":            # t = a × b: a = t ÷ b, b = t ÷ a
            formula, ins = "a / b", ((t, b) if role == "a" else (t, a))
        elif role == "a":                       # t = a ÷ b: a = t × b
            formula, ins = "a * b", (t, b)
        else:                                   # t = a ÷ b: b = a ÷ t
            formula, ins = "a / b", (a, t)
        if any(y.key == q.key or y.flo != y.fhi for y in ins) or role != "t" and digits < RESTATED_SOLVED_DIGITS:
            continue   # (a range meets many a number; a restated input is as often a measurement quoted again)
        lo, hi = _face(formula, ins)
        if not (lo <= q.hi * (1 + NEAR) and q.lo * (1 - NEAR) <= hi):
            continue
        found.append(_proposal(q, formula, ins, lo, hi, "consistent", 1.0, None, "implied"))
    return found


#: A share's bound restated rounded ("more than 91% of the company's total revenue", then "When
#: over 90% of your revenue"): the two bounds stand at most this many characters apart ...
RESTATED_BOUND_SPAN = 400
#: ... the restated bound a multiple of this many percent, the first one's rounded towards
#: looser (down for "more than", up for "less than").
RESTATED_BOUND_ROUND = (5, 10)


def _restated_bounds(text: str, opens: list, out: list, by_id: dict, taken: set) -> list:
    """A percentage stated as a lower bound that a relation found makes ("Representing more than
    91% of the company's total revenue" = $62.3 billion ÷ $68.13 billion), stated again just
    after as a round lower bound ("When over 90% of your revenue comes from a single segment",
    one of ``opens``: too loose for any other rule, :func:`_open_shares`): the same share, so
    the same quotient. Only where the second bound is the first rounded down to a multiple of
    five or ten, it stands after the first within :data:`RESTATED_BOUND_SPAN` characters and one
    paragraph break, measures the same property where both are known, and the quotient keeps
    above it; never a slip."""
    firsts = []
    for p in out:
        t = by_id.get(p.target)
        if p.verdict != "consistent" or p.formula != "a / b" or len(p.inputs) != 2 or t is None \
                or not t.ratio or t.item.unit != "percent" or t.item.shown[:1] != "≥" or not t.item.low:
            continue
        a, b = by_id.get(p.inputs["a"]), by_id.get(p.inputs["b"])
        if a is not None and b is not None and a.dk == b.dk and a.flo == a.fhi and b.flo == b.fhi and b.flo:
            firsts.append((t, a, b))
    if not firsts:
        return []
    used = {x for p in out for x in (p.target, *p.inputs.values())} | taken
    found = []
    for it in opens:
        if it.id in used:
            continue
        for t, a, b in firsts:
            if not 0 < it.start - t.e <= RESTATED_BOUND_SPAN or text.count("\n\n", t.e, it.start) > 1 \
                    or it.prop is not None and t.item.prop is not None and it.prop != t.item.prop:
                continue
            first = t.item.low
            if it.low == first or it.low not in {math.floor(first / r) * r for r in RESTATED_BOUND_ROUND}:
                continue
            v = a.flo / b.flo * (t.item.low / t.lo)   # (in percent)
            if v >= it.low:
                found.append(_Cand(it.id, "a / b", {"a": a.item.id, "b": b.item.id}, (v, v), "percent",
                                   "consistent", 1.0, None, "implied", CONFIDENCE[("implied", "consistent")]))
                break
    return found


def _open_shares(records: list) -> list[Item]:
    """The shares stated as a round lower bound ("over 90%") that :func:`_record_item` leaves out
    (open above, too loose to compute with): for :func:`_restated_bounds` alone."""
    out = []
    for rec in records:
        if not isinstance(rec, dict) or rec.get("qualifier") != "lower_bound" or rec.get("unit") != "percent" \
                or _record_item(rec) is not None:
            continue
        try:
            value = float(rec.get("value"))
            start = int(rec.get("span_start", rec.get("start")))
            end = int(rec.get("span_end", rec.get("end")))
        except (TypeError, ValueError):
            continue
        if math.isfinite(value) and 0 < value < 100:
            prop = rec.get("property")
            out.append(Item(str(rec.get("id")), start, end, value, math.inf, "percent", f"≥{value:.12g}",
                            value, math.inf, None, prop if isinstance(prop, str) and prop else None))
    return out


#: A list item led by a label and a colon ("- CPU: 100 tokens at 2.3 tok/s = 43 seconds,
#: 1.13Wh energy"): the label, for :func:`_sibling_items`.
_LABELLED_ITEM_RE = re.compile(r"[ \t]*(?:[-*+]|\d{1,2}[.)])[ \t]+\**([A-Za-z][^:\n]{0,30}?)\**:")
#: Sibling items are looked for this many lines on either side of an item.
SIBLING_LINES = 4
#: A sibling item's slip is a scale slip of at most this power of ten.
SIBLING_SCALE = 3


def _sibling_items(text: str, qs: list, starts: list, out: list, by_id: dict, taken: set) -> list:
    """Items of one list that state the same numbers of different things, each led by its label
    ("- CPU: 100 tokens at 2.3 tok/s = 43 seconds, 1.13Wh energy", "- GPU: 100 tokens at 18.7
    tok/s = 5.3 seconds, 4.59Wh energy"): a relation found for an item's number with one input
    stated before the list, in a sentence that names the item's label ("draws about 95W ...
    versus 312W for GPU inference"), carries to each sibling item whose numbers have the same
    units in the same order: the sibling's number in the same place, its inputs in the same
    places, and for the input from before the list the one other number of its unit in that
    sentence, where the sentence names the sibling's label too. It is proposed where it agrees
    nearly exactly, or as a slip where it misses by a power of ten (312 W × 5.3 s is 0.459 Wh,
    not 4.59 Wh: the relation holds on its sibling, so the miss is the article's). One pass
    over the proposals; each looks at a few lines about its item."""
    found = []
    have = {p.target for p in out} | taken
    for p in out:
        if p.verdict != "consistent" or p.formula not in ("a * b", "a / b") or len(p.inputs) != 2:
            continue
        t = by_id.get(p.target)
        ins = [by_id.get(p.inputs["a"]), by_id.get(p.inputs["b"])]
        if t is None or None in ins or t.place is not None or t.ratio:
            continue
        ls = text.rfind("\n", 0, t.s) + 1
        le = text.find("\n", t.e)
        le = len(text) if le < 0 else le
        if ":" not in text[ls:t.s]:
            continue
        m = _LABELLED_ITEM_RE.match(text, ls, le)
        if m is None:
            continue
        outside = [q for q in ins if not ls <= q.s < le]
        if len(outside) != 1 or outside[0].e > ls or outside[0].place is not None:
            continue   # one input stated before the list, in prose
        x = outside[0]
        xs = text.rfind("\n", 0, x.s) + 1
        xe = text.find("\n", x.e)
        xe = len(text) if xe < 0 else xe
        if ls - xe > SPAN:
            continue
        where = text[xs:xe].lower()
        label = m.group(1).strip().lower()
        if label not in where:
            continue
        others = [q for q in qs[bisect.bisect_left(starts, xs):bisect.bisect_left(starts, xe)]
                  if q.dk == x.dk and q is not x and q.key != x.key]
        row = qs[bisect.bisect_left(starts, ls):bisect.bisect_left(starts, le)]
        shape = [q.dk for q in row]
        at = [row.index(q) if q in row else -1 for q in ins]
        k = row.index(t)
        # the sibling lines: the list's items next to it, no blank line between
        sibs = []
        for step in (-1, 1):
            a, b = ls, le
            for _ in range(SIBLING_LINES):
                if step < 0:
                    if a == 0:
                        break
                    b = a - 1
                    a = text.rfind("\n", 0, b) + 1
                else:
                    if b >= len(text):
                        break
                    a = b + 1
                    b = text.find("\n", a)
                    b = len(text) if b < 0 else b
                m2 = _LABELLED_ITEM_RE.match(text, a, b)
                if m2 is None:
                    break
                sibs.append((a, b, m2.group(1).strip().lower()))
        for a, b, label2 in sibs:
            if label2 == label or label2 not in where:
                continue
            row2 = qs[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]
            if [q.dk for q in row2] != shape:
                continue
            x2 = [q for q in others if label2 in where[max(0, q.s - xs - 40):q.e - xs + 40]]
            if len(x2) != 1:
                continue
            t2 = row2[k]
            if t2.item.id in have or t2.group or t2.flo != t2.fhi:
                continue
            ins2 = tuple(x2[0] if j < 0 else row2[j] for j in at)
            lo, hi = _face(p.formula, ins2)
            if not lo > 0:
                continue
            if t2.lo <= hi * (1 + NEAR) and lo * (1 - NEAR) <= t2.hi:
                found.append(_proposal(t2, p.formula, ins2, lo, hi, "consistent", 1.0, None, "implied"))
                have.add(t2.item.id)
                continue
            if _bound((t2, *ins2)) or any(_vague(q) for q in ins2):
                continue
            ratio = math.sqrt(t2.lo * t2.hi) / math.sqrt(lo * hi)
            n = _scale_power(ratio, SIBLING_SCALE)
            if n is not None:
                c = _proposal(t2, p.formula, ins2, lo, hi, "misses", ratio,
                              f"a factor 10^{n} (a scale slip): the stated value is {_num(ratio)} × what "
                              f"the arithmetic gives, as on its sibling item it holds", "implied")
                # the items share the formula as a table's rows do: as sure as a table's slip
                c.confidence = CONFIDENCE_TABLE["misses"]
                found.append(c)
                have.add(t2.item.id)
    return found


#: A formula written out with brackets and its result ("$2.00 / (120,000 × 3600 / 1e9) ≈
#: **$0.046**"): numbers (a currency sign, thousands commas, "1e9"), ×, *, / and brackets, then
#: "≈" or "=" and the result. Matched backwards from the sign, on the text before it.
_BRACKET_OPERAND = r"\(*[$€£]?\d[\d,]*(?:\.\d+)?(?:e\d{1,2})?\)*"
_BRACKETED_RE = re.compile(rf"(?<![\w.,)])({_BRACKET_OPERAND}(?:[ \t]?[×*/][ \t]?{_BRACKET_OPERAND}){{1,4}})[ \t]?$")
_RESULT_SIGN_RE = re.compile(r"[≈=]")
_BRACKET_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?(?:e\d{1,2})?")
#: The constants a formula may write to convert units (seconds an hour, a billion), not
#: quantities of the article.
_CONVERSIONS = frozenset((60.0, 24.0, 3600.0, 365.0, 8760.0, 1e3, 1e6, 1e9, 1e12))
#: How far before a formula (characters) the quantities its numbers restate may stand.
BRACKETED_REACH = 1500


#: The two sides a ratio's bracket compares ("(91.7 vs 41.6 tokens/Wh in my testing)", "(218 s to
#: 3.7 s)", "(212ms → 0.55ms)"): the words between its two numbers.
_VS_BETWEEN_RE = re.compile(r"(?i)[^\d()\n]{0,16}?(?<![\w])(?:vs\.?|versus|compared\s+(?:to|with)|against|to)(?![\w])"
                            r"[^\d()\n]{0,6}|[^\d()\n]{0,16}?(?:→|->)[^\d()\n]{0,6}")
#: The most characters between a ratio and the bracket that states its two sides, in its sentence.
VS_BRACKET_REACH = 80


def _stated_ratio(it: Item, have: set) -> float | None:
    """A ratio's value as stated ("2" of "2x+" or of "more than doubled", whose intervals read
    from 1.5), positive and finite; None for a number that is no ratio ("x"), one an expression
    gives, one something else already makes (``have``) or one not written as a number."""
    if it.id in have or it.unit != "x" or it.expression is not None:
        return None
    try:
        value = float(it.shown.lstrip("~≥≤"))
    except ValueError:
        return None
    return value if value > 0 and math.isfinite(value) else None


def _vs_bracket(text: str, items: list, qs: list, marks: "_Marks", have: set, linked: set) -> list:
    """A ratio in prose ("2x+ efficiency gains are possible (91.7 vs 41.6 tokens/Wh in my
    testing)", "about 3x faster (312 vs 95 tokens/s)") whose sentence goes on to a bracket that
    holds two numbers of one kind compared ("vs", "versus", "compared to", "against", "to", "→") and no
    other: the larger over the smaller, where that agrees with the ratio as the writer rounds
    it (its value up to half a step of its last digit, at most a quarter of it; a lower bound,
    "2x+", "more than doubled", up to the next step, at most half of it). The bracket says what
    the ratio compares, so a ratio too loose for :func:`_judge` (a one-digit "2x", an open
    "2x+", left out of the numbers :func:`_prepare` keeps) is read; one pair, never a slip; only
    where nothing else makes the ratio (``have``) nor links its three numbers in another
    orientation (``linked``: "212 ms ÷ 385x" for "385x faster (212ms → 0.55ms)")."""
    starts = [q.s for q in qs]
    out = []
    for it in items:
        value = _stated_ratio(it, have)
        if value is None:
            continue
        m = text.find("(", it.end, it.end + VS_BRACKET_REACH)
        if m < 0 or any(ch.isdigit() for ch in text[it.end:m]) or marks.sentence_ends(it.end, m):
            continue
        close = text.find(")", m, m + 120)
        if close < 0:
            continue
        lo_i, hi_i = bisect.bisect_left(starts, m), bisect.bisect_left(starts, close)
        inside = [q for q in qs[lo_i:hi_i] if q.e <= close]
        if len(inside) != 2:
            continue
        x, y = inside
        if x.ratio or y.ratio or not x.dims or x.dk != y.dk or x.flo != x.fhi or y.flo != y.fhi \
                or any(ch.isdigit() for ch in text[m:x.s]) or _VS_BETWEEN_RE.fullmatch(text, x.e, y.s) is None:
            continue
        big, small = (x, y) if x.flo >= y.flo else (y, x)
        if frozenset((it.id, big.item.id, small.item.id)) in linked:
            continue   # the relation, found in another orientation
        v = big.flo / small.flo
        step = _last_digit(it.shown.lstrip("~≥≤"))
        if not math.isfinite(it.high):   # "2x+": from its value up to the next step of its last digit
            ok = value <= v <= value + min(step, 0.5 * value)
        else:
            ok = abs(v - value) <= max(min(0.5 * step, 0.25 * value), NEAR * value)
        if ok:
            out.append(_Cand(it.id, "a / b", {"a": big.item.id, "b": small.item.id}, (v, v), it.unit, "consistent",
                             1.0, None, "implied", CONFIDENCE[("implied", "consistent")]))
    return out


#: An open ratio ("more than doubled", "more than 100 times") is two numbers' quotient from its
#: value up to this factor above it: a writer says "more than 100 times" of 105x, not of 150x.
OPEN_BOUND_REACH = 1.15


def _open_bound_sides(items: list, qs: list, marks: "_Marks", have: set, linked: set) -> list:
    """An open ratio in prose, a lower bound with no upper end ("a growth rate more than 100 times"
    that of "3.8%" right after "400% annual growth"), that nothing else makes: the quotient of two
    numbers of one property (the same property and dimension, each one value, outside tables) from
    its paragraph and the :data:`RATIO_PARAS` before it (not beyond a heading; never from afar, so
    that lists of runs paragraphs up take no "more than doubled": tests/test_disc58.py), where
    exactly one pair's quotient lies from the bound up to
    :data:`OPEN_BOUND_REACH` times it. Such a ratio is too loose for :func:`_judge` (left out of
    the numbers :func:`_prepare` keeps); one pair, never a slip; not where another orientation
    links its three numbers (``linked``)."""
    text = marks.text
    paras = _paragraph_starts(text)
    starts = [q.s for q in qs]
    out = []
    for it in items:
        if math.isfinite(it.high):
            continue   # (a lower bound alone: "more than doubled", "2x+")
        value = _stated_ratio(it, have)
        if value is None or value <= 1:
            continue
        k = bisect_right(paras, it.start)
        lo = paras[k - 1 - RATIO_PARAS] if k > RATIO_PARAS else 0   # (near only: a loose bound takes nothing from afar)
        for m in _HEADING_RE.finditer(text, lo, it.start):
            lo = m.end()   # (a heading opens another section: its numbers before it are of another part)
        a = max(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, it.start) - RATIO_FAR_SIDES)
        b = bisect.bisect_left(starts, it.start)
        sides = _open_ratio_sides(qs[a:b])
        pairs = {}
        for group in sides.values():
            for x in group:
                for y in group:
                    if x.key != y.key and value <= x.flo / y.flo < value * OPEN_BOUND_REACH:
                        pairs.setdefault((x.key, y.key), (x, y))
        if not pairs:
            pairs = _labelled_sides(it, value, qs, starts, paras, k, marks)
        if len(pairs) != 1:
            continue
        ((x, y),) = pairs.values()
        if frozenset((it.id, x.item.id, y.item.id)) in linked:
            continue
        v = x.flo / y.flo
        out.append(_Cand(it.id, "a / b", {"a": x.item.id, "b": y.item.id}, (v, v), it.unit, "consistent",
                         1.0, None, "implied", CONFIDENCE[("implied", "consistent")]))
    return out


def _open_ratio_sides(qs: list) -> dict[tuple, list]:
    """The numbers an open ratio (:func:`_open_bound_sides`, :func:`_labelled_sides`) may take as
    its sides, by property and dimension: each a positive single value of a known property with a
    dimension (or a percentage), no group, no place in a table, no bound of its own."""
    sides: dict[tuple, list] = {}
    for q in qs:
        if q.item.prop is None or q.group or q.place is not None or q.flo != q.fhi or not q.flo > 0 \
                or not (q.dims or "percent" in q.names) or q.item.shown[:1] in "\u2265\u2264":
            continue
        sides.setdefault((q.item.prop, q.dk), []).append(q)
    return sides


#: How many labelled paragraphs ("Batch mode:" over its list) right before an open ratio's
#: paragraph :func:`_labelled_sides` reads.
LABELLED_PARAS = 5

#: A paragraph that opens with a label line: a few words and a colon, the line ending there.
_PARA_LABEL_RE = re.compile(r"[ \t]*\**([A-Z][A-Za-z0-9 ()/-]{0,40}?)\**:\**[ \t]*\n")


def _labelled_sides(it, value: float, qs: list, starts: list, paras: list, k: int, marks: "_Marks") -> dict:
    """The pair of an open ratio (:func:`_open_bound_sides`) whose numbers stand in the
    labelled paragraphs right before it ("Interactive mode:", "Batch mode:", each over its list),
    where the ratio's sentence names one label ("Batching queries more than doubled efficiency",
    91.7 tokens/Wh under "Batch mode:" over 41.6 under "Interactive mode:"): the numerator
    stands under that label, the denominator under another; the same property and dimension,
    each one value, its quotient from the bound up to :data:`OPEN_BOUND_REACH` times it. Only
    the run of labelled paragraphs right before the ratio's own (at most
    :data:`LABELLED_PARAS`, never beyond a heading)."""
    text = marks.text
    words = _sentence_words(marks, text, it.start, it.end)
    labels = []   # (start, end, names the sentence's word)
    j = k - 1
    while j >= 0 and len(labels) < LABELLED_PARAS:
        a = paras[j - 1] if j else 0
        if _HEADING_RE.search(text, max(a - 1, 0), it.start):
            break   # (a heading opens another section)
        m = _PARA_LABEL_RE.match(text, a)
        if m is None:
            break
        first = _VS_FAR_WORD_RE.findall(m.group(1).lower())
        labels.append((a, paras[j], bool(first) and first[0][:5] in words))
        j -= 1
    if len(labels) < 2 or sum(named for *_, named in labels) != 1:
        return {}
    def under(q):
        for a, b, named in labels:
            if a <= q.s < b:
                return named
        return None
    a_at = bisect.bisect_left(starts, labels[-1][0])
    b_at = bisect.bisect_left(starts, labels[0][1])
    sides = _open_ratio_sides(qs[a_at:b_at])
    pairs = {}
    for group in sides.values():
        for x in group:
            if under(x) is not True:
                continue
            for y in group:
                if under(y) is False and value <= x.flo / y.flo < value * OPEN_BOUND_REACH:
                    pairs.setdefault((x.key, y.key), (x, y))
    return pairs


def _bracketed_formulas(text: str, qs: list, starts: list) -> list:
    """A formula the text writes out with brackets and unit conversions, then its result
    ("Cost per billion tokens on A100: $2.00 / (120,000 × 3600 / 1e9) ≈ **$0.046**", under "At
    $2.00/hr (A100)" and "~120,000 tokens/sec"): its two numbers that are not conversions
    (:data:`_CONVERSIONS`) restate quantities stated before it (the same value, the nearest with
    a unit, :data:`BRACKETED_REACH`), and their product or quotient, whichever has the result's
    dimension, is the result. The formula as written must give what the units give (so the
    constants are the conversions they seem); the result is proposed where it agrees nearly
    exactly, or as a slip where it misses by a power of ten ($2.00 an hour over 120,000 tokens a
    second is $4.63 per billion tokens, and so is the formula as written: $0.046 is a hundredth
    of it). Only where the text writes a bracket before "≈" or "=": each sign is matched
    backwards on the few dozen characters before it."""
    found = []
    for sign in _RESULT_SIGN_RE.finditer(text):
        k = sign.start()
        if ")" not in text[max(0, k - 8):k]:
            continue   # (a bracket closes right before the sign)
        m = _BRACKETED_RE.search(text, max(0, k - 90), k)
        if m is None or "(" not in m.group(1):
            continue
        expr = m.group(1)
        lit = re.sub(r"[$€£,]", "", expr).replace("×", "*")
        if lit.count("(") != lit.count(")"):
            continue
        try:
            value = parse_formula(lit).evaluate({}).low   # the claims' formula grammar: numbers only here
        except (FormulaError, UnitError):
            continue
        if not value > 0:
            continue
        # the result: the number right after the sign
        j = bisect.bisect_left(starts, k)
        if j >= len(qs) or qs[j].s - k > 8 or text[k + 1:qs[j].s].strip(" \t*~$€£"):
            continue
        t = qs[j]
        if t.place is not None or t.ratio or not t.dims or t.flo != t.fhi:
            continue
        # the formula's numbers: conversions, or restatements of quantities stated before it
        ins = []
        for n in _BRACKET_NUMBER_RE.finditer(expr):
            v = float(n.group(0).replace(",", ""))
            if v in _CONVERSIONS:
                continue
            lo_at = bisect.bisect_left(starts, m.start(1) - BRACKETED_REACH)
            hi_at = bisect.bisect_left(starts, m.start(1))
            prior = [q for q in qs[lo_at:hi_at] if q.flo == q.fhi and q.item.face_low == v and q.dims]
            if not prior:
                ins = []
                break
            ins.append(prior[:-4:-1])   # the nearest few
        if len(ins) != 2:
            continue
        f_base = t.lo / (t.item.low or 1.0)
        # the nearest restatements whose product or quotient has the result's dimension
        pick = next(((formula, u, w, lo) for u in ins[0] for w in ins[1] if u.key != w.key
                     for formula, dk, lo in (("a * b", _comb(u.dk, w.dk, 1), u.flo * w.flo),
                                             ("a / b", _comb(u.dk, w.dk, -1), u.flo / w.flo))
                     if dk == t.dk and lo > 0), None)
        if pick is None:
            continue
        formula, u, w, lo = pick
        if abs(math.log(lo / f_base / value)) > _LOG_NEAR:
            continue   # the formula as written gives something else: its constants are no conversions
        ratio = t.flo / lo
        if abs(math.log(ratio)) <= _LOG_NEAR:
            found.append(_proposal(t, formula, (u, w), lo, lo, "consistent", 1.0, None, "written"))
            continue
        if _bound((t, u, w)) or any(_vague(q) for q in (t, u, w)):
            continue
        n = _scale_power(ratio)
        if n is not None:
            found.append(_proposal(t, formula, (u, w), lo, lo, "misses", ratio,
                                   f"a factor 10^{n} (a scale slip): the stated value is {_num(ratio)} × what "
                                   f"the formula written before it gives", "written"))
    return found


#: A ratio's sentence goes on with a colon and the two amounts it compares ("Net income nearly
#: doubled: $43 billion versus $22.1 billion"): the words to the colon, and between the amounts.
_COLON_AFTER_RE = re.compile(r"[^.;:!?\n\d]{0,40}?:[ \t*_]*")
_VERSUS_BETWEEN_RE = re.compile(r"(?i)[^\d.;:!?\n]{0,20}?\b(?:versus|vs\.?|against|compared\s+(?:with|to))"
                                r"(?![A-Za-z])[^\d.;:!?\n]{0,6}")
#: A ratio stated roughly ("nearly doubled", "~2x") holds its two amounts within this (relative).
COLON_ROUGH = 2.5 * NEAR


def _colon_pair(text: str, t: "_Q", i: int, qs: list, found: list) -> None:
    """A ratio whose sentence names the two amounts it compares right after a colon, joined by
    "versus" ("Net income nearly doubled: $43 billion versus $22.1 billion in the same period a
    year ago"): the first over the second, where it agrees with the ratio as stated (within 2%;
    stated roughly, "nearly doubled", within 5%). Never a slip. Only the two numbers right after
    the ratio: constant work."""
    if "x" not in t.names or t.flo != t.fhi or not t.flo > 1 or i + 2 >= len(qs) or ":" not in text[t.e:t.e + 48]:
        return
    m = _COLON_AFTER_RE.match(text, t.e)
    if m is None:
        return
    x, y = qs[i + 1], qs[i + 2]
    if not (m.end() <= x.s <= m.end() + 2) or x.ratio or y.ratio or not x.dims or x.dk != y.dk \
            or x.flo != x.fhi or y.flo != y.fhi or x.group or y.group or not y.flo > 0:
        return
    if _VERSUS_BETWEEN_RE.fullmatch(text, x.e, y.s) is None:
        return
    v = x.flo / y.flo
    tol = COLON_ROUGH if t.item.shown.startswith("~") else NEAR
    if abs(v / t.flo - 1) <= tol:
        found.append((_proposal(t, "a / b", (x, y), v, v, "consistent", 1.0, None, "implied"), None))


#: What ends the words a comparative after a ratio names ("5x more throughput = ..."): a stop,
#: an equals sign, a bracket, a line's end.
_SAID_END_RE = re.compile(r"[.,;:=()\n]")


def _said_after(text: str, t: "_Q") -> str:
    """The words a comparative right after the ratio names ("5x more throughput": "throughput"),
    lower-cased, at most :data:`CUE_GAP` characters; "" where no comparative follows it."""
    m = _COMPARATIVE_RE.match(text, t.e, min(len(text), t.e + CUE_GAP))
    if m is None:
        return ""
    words = text[m.end(): m.end() + CUE_GAP]
    stop = _SAID_END_RE.search(words)
    return (words[:stop.start()] if stop else words).lower()


def _range_ratio(t: "_Q", i: int, qs: list, a: int, found: list) -> None:
    """A ratio stated as a range ("growing 7-10x faster than overall grid capacity") from two
    rates or amounts stated as ranges (or one of them as one value) of one property before it, in its
    paragraph or the one before (from ``qs[a]``): "Total grid growth: 1.5-2.5% annually" and
    "Datacenter growth: 15-20% annually". The quotient of their middles lies within the ratio's
    range (to 2%), and only one pair of them makes it; never a slip."""
    if "x" not in t.names or t.flo == t.fhi or t.group or t.place is not None:
        return
    sides: dict[str, list] = {}
    for j in range(i - 1, a - 1, -1):
        q = qs[j]
        if q.item.prop is None or q.group or q.place is not None or q.ratio and "percent" not in q.names \
                or not q.dims and not q.ratio:
            continue
        sides.setdefault((q.item.prop, q.dk), []).append(q)
    # the range as stated ("3-4x" is 3 to 4, not the 2.5 to 4.5 its rounding allows): a range
    # read wider meets a second quotient by chance
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    fits = []
    for group in sides.values():
        for x in group:
            for y in group:
                if x is y or x.key == y.key or (x.flo == x.fhi and y.flo == y.fhi):
                    continue
                v = (x.flo + x.fhi) / (y.flo + y.fhi)
                if t_lo <= v <= t_hi:
                    fits.append((x, y))
    if len(fits) != 1:
        return   # none, or two pairs: a range meets many a quotient
    (x, y), = fits
    found.append((_proposal(t, "a / b", (x, y), x.flo / y.fhi, x.fhi / y.flo, "consistent", 1.0, None, "implied"), None))


def _last_two(t: "_Q", i: int, qs: list, a: int, found: list) -> None:
    """A ratio stated as one value from the last two amounts of one kind stated before it, in
    its paragraph or the one before (from ``qs[a]``), both in one paragraph of prose, whatever
    each measures ("costs $100 million ... makes $200 million ... a 2x return"): their quotient,
    either way round, agreeing with the ratio as stated ("2x" is 2) nearly exactly. Only that
    pair (an earlier one meets the ratio by chance), never a slip; not from a table (its cells
    measure what their columns say: two columns are two properties, :func:`_ratio_sides`)."""
    if t.flo != t.fhi or t.item.shown.startswith("~") or not t.flo > 0:
        return
    last = None
    for j in range(i - 1, a - 1, -1):
        q = qs[j]
        if q.ratio or not q.dims or q.group:
            continue
        if q.flo != q.fhi or q.place is not None:
            return   # a range or a bound: no amount as stated; a table's cells measure what their columns say
        if last is None:
            last = q
            continue
        if q.dk != last.dk:
            continue
        if q.same_number(last) or q.key == last.key or t.key in (q.key, last.key) or q.para != last.para:
            return
        t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
        for x, y in ((last, q), (q, last)):
            v = x.flo / y.flo
            if t_lo <= v <= t_hi:
                found.append((_proposal(t, "a / b", (x, y), v, v, "consistent", 1.0, None, "implied"), None))
                return
        return


#: A ratio claim's sentence compares two things it names: "than X", "vs X", "compared with X",
#: "relative to X", "3x the X", "N times a X".
_COMPARE_RE = re.compile(r"(?i)\b(?:than|vs\.?|versus|compared\s+(?:with|to)|relative\s+to)\b"
                         r"|\d\s*[x×][*_]*\s+(?:the|a|an)\b|\b(?:times|fold)\s+(?:the|a|an)\b")
#: :data:`_COMPARE_RE` on lower-cased text, in two parts that each start with a plain character
#: (which the regex engine scans for quickly, where a leading word boundary or a case-blind
#: pattern makes it try every place): the words, whose leading word boundary
#: :func:`_compare_cues` checks, and "3x the" found by its "x" (the digit and spaces before it
#: read back). No match of one part can overlap one of the other.
_COMPARE_WORDS_RE = re.compile(r"(?:than|vs\.?|versus|compared\s+(?:with|to)|relative\s+to|(?:times|fold)\s+(?:the|a|an))\b")
_COMPARE_X_RE = re.compile(r"[x×][*_]*\s+(?:the|a|an)\b")
#: Lower-case letters that a case-blind pattern also matches by another letter (dotless i, long s):
#: where a sentence holds one, :func:`_compare_cues` reads it with :data:`_COMPARE_RE` itself.
_CASE_FOLDS = ("ı", "ſ")
_SPACE_RE = re.compile(r"\s")
_DIGIT_RE = re.compile(r"\d")
#: ... or a comparative right after the ratio: "42% higher", "3x more", "10× faster".
_COMPARATIVE_RE = re.compile(r"[*_]*\s*(?:times\s+)?(?:more|less|fewer|higher|lower|greater|better|worse|faster|slower|"
                             r"cheaper|pricier|larger|smaller|bigger)\b", re.IGNORECASE)
#: Where a clause ends within a sentence: a dash (not one between digits: "20–30%") or a semicolon.
_CLAUSE_RE = re.compile(r"(?<!\d)[—–](?!\d)|;")
_DIGITS_RUN_RE = re.compile(r"\d+")
#: The ratio's own comparison word stands at most this many characters after it, no number between
#: ("2x faster than", "10x a").
CUE_GAP = 40
#: At most this many numbers named in a ratio's sentence, nearest first, are tried as a side.
NAMED_SIDES = 8
#: ... of each property; at most this many numbers of each named thing are looked at.
NAMED_LOOKUP = 16
#: A name is mentioned in at most this many words ("NVIDIA H100 SXM").
MENTION_WORDS = 3


def _compare_cues(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of ``_COMPARE_RE.finditer(text, a, b)``, found on text[a:b] lower-cased with
    :data:`_COMPARE_WORDS_RE` and :data:`_COMPARE_X_RE` (about three times as fast)."""
    lo = a - 1 if a > 0 else 0   # one character before: the word boundary at a
    low = text[lo:b].lower()
    if len(low) != b - lo or any(c in low for c in _CASE_FOLDS):
        return [m.span() for m in _COMPARE_RE.finditer(text, a, b)]   # lower case changed a length, or folds apart
    out = []
    pos, start = a - lo, a - lo
    while True:
        m = _COMPARE_WORDS_RE.search(low, pos)
        if m is None:
            break
        s_ = m.start()
        if s_ > 0 and _WORD_CHAR_RE.match(low, s_ - 1):
            pos = s_ + 1   # within a word: no word boundary before it
            continue
        out.append((s_ + lo, m.end() + lo))
        pos = m.end()
    xs = []
    for m in _COMPARE_X_RE.finditer(low, start):
        d = m.start() - 1   # the digit, then any spaces, right before the "x"
        while d >= start and _SPACE_RE.match(low, d):
            d -= 1
        if d >= start and _DIGIT_RE.match(low, d):
            xs.append((d + lo, m.end() + lo))
    if xs:
        out = sorted(out + xs)
    return out


class _Named:
    """The numbers that may be a side of a ratio claim (a quantity with a property), indexed once
    per text by the names they are of (:attr:`Item.names`) and by (property, dimension), the
    latter sorted by value; the sides too loose to be one far from the ratio (:func:`_loose`) are
    found once too (``loose``)."""

    def __init__(self, qs: list, text: str):
        names: dict[str, list[int]] = {}
        sides = []
        loose = set()
        for j, q in enumerate(qs):
            it = q.item
            if it.prop is None or q.ratio or not q.dims or q.group:
                continue
            sides.append(j)
            if _loose(q):
                loose.add(j)
            for n in it.names:
                if n in names:
                    names[n].append(j)
                else:
                    names[n] = [j]
        self.names = names
        self.loose = loose
        self._qs, self._sides = qs, sides
        self._co: dict[str, set] = {}
        self._at: dict[str, list] = {}
        self._groups: dict | None = None
        self._values: dict = {}
        self._heads: set | None = None
        self._rate_dks: set | None = None
        self._by_id: dict | None = None
        self._rates: dict[str, tuple] = {}
        self._labels: dict[tuple, set] = {}
        self._label_rates: dict[tuple, list] = {}

    def by_id(self) -> dict:
        """Each number by its item's id (the last of an id), built once: a side's number looked
        up without a walk over every number of the text."""
        got = self._by_id
        if got is None:
            got = self._by_id = {q.item.id: q for q in self._qs}
        return got

    def heads(self) -> set:
        """Every start of a name ("h", "h1", ..., "h100sxm"): a mention is read on only while its
        words run together are the start of a name (found once per text)."""
        h = self._heads
        if h is None:
            h = self._heads = {n[:k] for n in self.names for k in range(1, len(n) + 1)}
        return h

    def at(self, n: str) -> list:
        """Where the numbers of name ``n`` stand (in text order), found once per name."""
        a = self._at.get(n)
        if a is None:
            qs = self._qs
            a = self._at[n] = [qs[j].s for j in self.names[n]]
        return a

    def group(self, key: tuple) -> tuple[list, list]:
        """The numbers of one (property, dimension), sorted by value, and their values (built at
        the first call)."""
        qs = self._qs
        if self._groups is None:
            groups: dict[tuple, list[int]] = {}
            for j in self._sides:
                q = qs[j]
                groups.setdefault((q.item.prop, q.dk), []).append(j)
            for g in groups.values():
                g.sort(key=lambda j: (qs[j].flo, j))
            self._groups = groups
        g = self._groups.get(key, [])
        v = self._values.get(key)
        if v is None:
            v = self._values[key] = [qs[j].flo for j in g]
        return g, v

    def rate_dks(self) -> set:
        """The dimensions of the rates stated as such (one value) of named things (found once)."""
        r = self._rate_dks
        if r is None:
            qs = self._qs
            r = self._rate_dks = {qs[j].dk for j in self._sides if qs[j].item.names and qs[j].flo == qs[j].fhi
                                  and _is_rate(qs[j])}
        return r

    def rates(self, names: set, before: int) -> list:
        """The rates stated as one value (:func:`_is_rate`) of the things so named, stated before
        ``before``: at most :data:`NAMED_LOOKUP` of each name, the last ones (each name's rates
        indexed at its first call)."""
        out: dict[int, None] = {}
        qs = self._qs
        for n in names:
            got = self._rates.get(n)
            if got is None:
                js = [j for j in self.names[n] if j not in self.loose and qs[j].flo == qs[j].fhi and _is_rate(qs[j])]
                got = self._rates[n] = (js, [qs[j].s for j in js])
            js, at = got
            i = bisect.bisect_left(at, before)
            out.update(dict.fromkeys(js[max(0, i - NAMED_LOOKUP): i]))
        return [qs[j] for j in sorted(out)]

    def label_rates(self, text: str, a: int, b: int, before: int) -> list:
        """:meth:`rates` of the things a table row's label at text[a:b] names
        (:meth:`label_names`), stated before ``before``: found once per label (each cell of the
        row asks); read only."""
        got = self._label_rates.get((a, b, before))
        if got is None:
            names = self.label_names(text, a, b)
            got = self._label_rates[(a, b, before)] = self.rates(names, before) if names else []
        return got

    def label_names(self, text: str, a: int, b: int) -> set:
        """:func:`_mentioned` of a table row's label at text[a:b], found once per label (each
        cell of the row asks)."""
        got = self._labels.get((a, b))
        if got is None:
            got = self._labels[(a, b)] = _mentioned(self, text, a, b)
        return got

    def keys(self):
        """The (property, dimension) of every group (built at the first call, as :meth:`group`)."""
        if self._groups is None:
            self.group((None, -1))
        return self._groups.keys()

    def co(self, n: str) -> set:
        """The names the numbers of name ``n`` also carry ("x200" is of "x200pro" and of
        "x200lite" numbers), found once per name."""
        c = self._co.get(n)
        if c is None:
            c = self._co[n] = set()
            for j in self.names[n]:
                c.update(self._qs[j].item.names)
        return c


DEBUG_NAMED = False


def _named_sides(marks: _Marks, named: _Named, text: str, t: "_Q", qs: list, paras: list, found: list) -> None:
    """A ratio claim whose sentence compares two named things ("the X200 is 2x faster than the
    X100", "X's cost is 3x the Y's") from two numbers of one property anywhere in the text: the
    names before the ratio (back to the sentence's start or the comparison before it) are one
    side, those after its comparison word ("than", "vs", "the", up to the next comparison) the
    other; a side is a number of a thing so named (its entity or a condition value). Where the
    sentence names only one side, the other is any number of the property of other things. The
    pairs whose quotient is the ratio as stated (within 2%, either way round) are ranked by how
    far (in paragraphs) their farther side stands; the nearest is proposed where no other is as
    near (ambiguity: nothing). Never a slip. Linear: the sides are looked up by name and by value."""
    if not named.names or "x" not in t.names:
        return
    # a ratio stated roughly ("~6x faster than T4") is taken at its face value, and only where its
    # sentence names both sides: never a slip
    vague = _vague(t)
    ends = marks.ends
    k = bisect.bisect_left(ends, t.s)
    a = ends[k - 1] + 1 if k else 0
    b = ends[k] if k < len(ends) else len(text)
    cues = _compare_cues(text, a, b)
    if not cues and _COMPARATIVE_RE.match(text, t.e, b) is None:
        return
    # the stretch before the ratio and the one after its comparison word
    before = max([e for s_, e in cues if e <= t.s], default=a)
    # ... from the clause the ratio stands in: a dash or a semicolon ends the clause before it
    # ("~31% more TFLOPS for SXM—offset by the PCIe variant's 53% better ...": the PCIe's)
    for m in _CLAUSE_RE.finditer(text, before, t.s):
        before = m.end()
    after_cue = [(s_, e) for s_, e in cues if s_ >= t.s - 1 or e > t.e]
    if after_cue and (after_cue[0][0] - t.e > CUE_GAP or any(ch.isdigit() for ch in text[t.e:after_cue[0][0]])):
        after_cue = []   # that comparison is another number's ("two experts ... 4x the parameters")
    if after_cue:
        after = after_cue[0][1]
        stop = after_cue[1][0] if len(after_cue) > 1 else b
    else:
        # no "than": a comparative right after the ratio ("42% higher capex", "3x more energy")
        m = _COMPARATIVE_RE.match(text, t.e, b)
        if m is None:
            return
        after, stop = m.end(), b
    side_a, side_b = _mentioned(named, text, before, t.s), _mentioned(named, text, after, stop)
    if not side_a:
        side_a = {n for n in t.item.names if n in named.names}   # the ratio's own subject, as the linker read it ("SXM's 42% higher ...")
    side_b -= side_a
    if side_a and side_b:
        # a name that also names numbers of the other side tells them apart from nothing ("X200"
        # where the sentence compares the X200 Pro with the X200 Lite)
        side_a, side_b = ({n for n in side_a if not named.co(n) & side_b} or side_a,
                          {n for n in side_b if not named.co(n) & side_a} or side_b)
    if not side_a and not side_b or vague and not (side_a and side_b):
        return
    # the ratio as stated ("2x" is 2, not 1.5-2.5: far from the sides, only a near match is one)
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    here = bisect_right(paras, t.s)
    pairs: dict[tuple, tuple] = {}

    def ring(q):
        return abs(bisect_right(paras, q.s) - here)

    if side_a and side_b:
        # both sides named: the pairs are found by name, then judged by value
        xs = _nearest(named, side_a, side_b, qs, t)
        ys = _nearest(named, side_b, side_a, qs, t)
        keys = {(q.item.prop, q.dk) for q in xs} & {(q.item.prop, q.dk) for q in ys}
        xs = _per_key(xs, keys)
        ys = _per_key(ys, keys)
        r_of = {id(q): ring(q) for q in (*xs, *ys)}
        ys_of: dict[tuple, list] = {}
        for y in ys:
            ys_of.setdefault((y.item.prop, y.dk), []).append(y)
        for x in xs:
            for y in ys_of[(x.item.prop, x.dk)]:
                if x.same_number(y):
                    continue
                # "A is N× B" (A ÷ B) or "A is N× less than B" (B ÷ A): the way round that is N's side of 1
                num, den = (x, y) if (x.flo >= y.fhi) == (t.flo >= 1) else (y, x)
                q_lo, q_hi = num.flo / den.fhi, num.fhi / den.flo
                fits = q_lo <= t_hi and t_lo <= q_hi
                pairs.setdefault((num.key, den.key), (max(r_of[id(num)], r_of[id(den)]), not fits, num, den))
    elif not t.item.shown.startswith("~") and t.flo == t.fhi:
        # one side named: the other found by value, so only numbers stated as such ("about 10%",
        # "$1.9-2.5" and "20-30% lower" meet too many quotients)
        named_side = side_a or side_b
        hit = _near_named(named, named_side, t.s, NAMED_SIDES)
        loose = named.loose
        t_s = t.s
        for jx in sorted(hit, key=lambda j: (abs(qs[j].s - t_s), j))[:NAMED_SIDES]:
            x = qs[jx]
            if x.flo != x.fhi or jx in loose:
                continue
            key = (x.item.prop, x.dk)
            group, values = named.group(key)
            x_key = x.key
            # y = x ÷ t (x the numerator) or y = x × t (x the denominator), by value (both points)
            for lo, hi, x_first in ((x.flo / t_hi, x.fhi / t_lo, True), (x.flo * t_lo, x.fhi * t_hi, False)):
                for m in range(bisect.bisect_left(values, lo), bisect.bisect_right(values, hi)):
                    jy = group[m]
                    y = qs[jy]
                    # a pair of these two numbers as stated already found: the first stands (skipped early)
                    pair_key = (x_key, y.key) if x_first else (y.key, x_key)
                    if pair_key in pairs or y is x or y is t or y.flo != y.fhi or y.key == x_key or jy in loose \
                            or not y.item.names.isdisjoint(named_side):
                        continue   # the sentence names one thing; the other side is something else
                    num, den = (x, y) if x_first else (y, x)
                    q_lo, q_hi = num.flo / den.fhi, num.fhi / den.flo
                    if q_lo <= t_hi and t_lo <= q_hi:
                        pairs[pair_key] = (max(ring(num), ring(den)), False, num, den)
    if DEBUG_NAMED:
        print("NAMED", t.item.id, side_a, side_b, sorted((r, f, x.item.id, y.item.id) for r, f, x, y in pairs.values()))
    if not pairs:
        return
    ranked = sorted(pairs.values(), key=lambda p: p[0])
    # the ratio's clause says what it compares ("53% better power efficiency"): the pairs of that
    # property, where there are some (other quotients meet the ratio by chance); with one side
    # named, only they (the other side found by value meets many a ratio)
    cs = before
    for m in _DIGITS_RUN_RE.finditer(text, before, t.s):
        cs = m.end()   # (the words before another number are that number's: "3x more throughput than A100, 4.7x ...")
    clause = text[cs:stop].lower()
    said = [p for p in ranked if any(w in clause for w in _prop_words(p[2].item.prop))]
    if said and side_a and side_b and any(not p[1] and p[0] < said[0][0] for p in ranked):
        # both things named, and a pair of them that makes the ratio stands nearer than any pair
        # of a property the clause's words name ("~180x cheaper than Y at blended rates": a
        # price, not Y's request rate pages on): the clause's word is no side's
        said = []
    if said:
        ranked = said
    elif not (side_a and side_b):
        return
    nearest = [p for p in ranked if p[0] == ranked[0][0]]
    fit = [p for p in nearest if not p[1]]
    if len(fit) > 1:
        # a range of a thing and its point ("312W average (294W-328W range)"): a range's quotient
        # meets many a ratio, the one pair of points that fits is the pair meant
        points = [p for p in fit if p[2].flo == p[2].fhi and p[3].flo == p[3].fhi]
        if len(points) == 1:
            fit = points
    if len(fit) > 1 or (not fit and len(nearest) > 1):
        return   # two pairs as near: ambiguous
    _, misfit, num, den = (fit or nearest)[0]
    lo, hi = num.flo / den.fhi, num.fhi / den.flo
    if not misfit:
        # agreement was judged on the ratio as stated ("2x" is 2: not the 1.5-2.5 its digits allow)
        if t.key not in (num.key, den.key):
            found.append((_proposal(t, "a / b", (num, den), lo, hi, "consistent", 1.0, None, "implied"), None))
        return
    # the two things the sentence names, and only they, miss the ratio: a slip where it is a
    # power of ten (a unit misread: Wh for kWh), the ratio stated as such and its sides points
    if vague or not all(q.flo == q.fhi for q in (t, num, den)) or _bound((t, num, den)):
        return
    sentence = text[a:b].lower()
    if not any(w in sentence for w in _prop_words(num.item.prop)):
        return   # the sentence must say what it compares ("query", "bandwidth") for a slip
    factor = t.flo / math.sqrt(lo * hi)
    for f, kind, words in TELLTALES:
        if kind == "scale" and f <= 1000:
            for g in (f, 1 / f):
                if abs(math.log(factor / g)) <= _LOG_TOLERANCE:
                    c = _proposal(t, "a / b", (num, den), lo, hi, "misses", factor,
                                  f"{words}: the stated value is {_num(factor)} × what the arithmetic gives", "implied")
                    found.append((c, None))
                    return


def _named_difference(marks: _Marks, named: _Named, text: str, t: "_Q", qs: list, paras: list,
                      cue: str) -> "_Cand | None":
    """A percentage stated as a relative difference whose sentence compares two named things ("The
    70B model only consumed 11% more power than the 8B model" under "- Llama 3.1 8B: 312W average"
    and "- Llama 3.1 70B (Q4 quantized): 347W average"), where no two numbers at hand make it: the
    sides :func:`_named_sides` finds for the ratio it states (1 + p for "more", 1 − p for "less"),
    kept where the difference agrees with the percentage as :func:`_difference` reads it (to 2%,
    or within its last digit); never a slip."""
    if not named.names or t.flo != t.fhi or not t.flo > 0 or t.group:
        return None
    r = 1 + t.flo if cue == "more" else 1 - t.flo
    if not r > 0:
        return None
    got: list = []
    _named_sides(marks, named, text, _replace(t, flo=r, fhi=r, lo=r, hi=r, names=t.names | {"x"}), qs, paras, got)
    if len(got) != 1 or got[0][0].verdict != "consistent":
        return None
    a_id, b_id = got[0][0].inputs["a"], got[0][0].inputs["b"]
    by_id = named.by_id()
    num = by_id.get(a_id)
    den = by_id.get(b_id) if b_id != a_id else None
    if num is None or den is None or not den.flo > 0:
        return None
    v = num.flo / den.flo - 1 if cue == "more" else 1 - num.flo / den.flo
    v_lo, v_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    if not t.item.shown.startswith("~"):
        v_lo, v_hi = min(v_lo, t.lo), max(v_hi, t.hi)
    if not v_lo <= v <= v_hi:
        return None
    f_base = abs(t.lo / (t.item.low or 1.0))
    formula = "a / b - 1" if cue == "more" else "1 - a / b"
    return _Cand(t.item.id, formula, {"a": num.item.id, "b": den.item.id}, (v / f_base, v / f_base), t.item.unit,
                 "consistent", 1.0, None, "implied", CONFIDENCE[("implied", "consistent")])


#: A column header that compares ("H100 Speedup", "H100 Cost Premium") and the words of the
#: properties its ratios compare (a property's id names one of them: "inference-throughput").
_HEADER_COMPARE = ((re.compile(r"(?i)\b(?:speed-?ups?|faster|slower)\b"), ("throughput", "speed", "performance")),
                   (re.compile(r"(?i)\b(?:premium|cheaper|pricier|costlier|markup|mark-up)\b"), ("price", "cost")))


def _header_sides(named: _Named, layout: "_Layout", text: str, t: "_Q", qs: list, paras: list, found: list) -> None:
    """A ratio in a table column whose header compares ("| Workload | H100 Speedup | H100 Cost
    Premium |", its cells "1.8×" and "~60%", a premium read as 1.6x) from two numbers stated
    anywhere before the table: the numerator a number of the thing the cell is of (its names,
    as the linker read them from the header), of a property the header's word names (a speedup:
    a throughput; a premium: a price or cost), the denominator a number of the same property
    and unit of another thing, their quotient the ratio as stated (within 2%). The pair whose
    farther number is the nearest (in paragraphs) is proposed where no other pair is as near
    (ambiguity: nothing); never a slip. Bounded: :data:`NAMED_LOOKUP` numbers of each name, the
    denominators looked up by value."""
    if "x" not in t.names or t.flo != t.fhi or not t.flo > 1 or t.place[1] < 0 or t.place[2] is None:
        return
    table = layout.tables[t.place[0]]
    cell = table.column_header(t.place[2])
    if cell is None:
        return
    words = next((w for pattern, w in _HEADER_COMPARE if pattern.search(cell.text)), None)
    if words is None:
        return
    side = {n for n in t.item.names if n in named.names} | _mentioned(named, text, cell.start, cell.end)
    if not side:
        return
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    top = table.start
    here = bisect_right(paras, t.s)
    loose = named.loose
    xs: dict[int, None] = {}
    for n in side:
        js, at = named.names[n], named.at(n)
        k = bisect.bisect_left(at, top)
        xs.update(dict.fromkeys(js[max(0, k - NAMED_LOOKUP): k]))
    pairs: dict[tuple, tuple] = {}
    for jx in xs:
        x = qs[jx]
        if x.flo != x.fhi or jx in loose or not any(w in (x.item.prop or "") for w in words):
            continue
        group, values = named.group((x.item.prop, x.dk))
        for m in range(bisect.bisect_left(values, x.flo / t_hi), bisect.bisect_right(values, x.fhi / t_lo)):
            jy = group[m]
            y = qs[jy]
            if y.s >= top or y.flo != y.fhi or jy in loose or y.key == x.key or not y.item.names \
                    or not y.item.names.isdisjoint(side):
                continue   # the other side: a number of another thing named, stated before the table
            if (x.key, y.key) in pairs:
                continue
            ring = max(here - bisect_right(paras, x.s), here - bisect_right(paras, y.s))
            pairs[(x.key, y.key)] = (ring, x, y)
    near = _nearest_pair(pairs)
    if near is None:
        return
    x, y = near
    lo, hi = x.flo / y.fhi, x.fhi / y.flo
    if t.key not in (x.key, y.key):
        found.append((_proposal(t, "a / b", (x, y), lo, hi, "consistent", 1.0, None, "implied"), None))


def _nearest_pair(pairs: dict) -> tuple | None:
    """The one pair of ``pairs`` (values: (distance in paragraphs, x, y)) nearer than every other,
    or None where there is none or two are as near (ambiguous)."""
    if not pairs:
        return None
    ranked = sorted(pairs.values(), key=lambda p: p[0])
    if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
        return None
    return ranked[0][1], ranked[0][2]


#: A row label's name that names more rows of its table than this tells no row apart ("80GB" in
#: every row of "| 1xA100-80GB-SXM |", "| 1xH100-80GB-SXM |", ...).
PARALLEL_NAMED_ROWS = 2
#: At most this many rows parallel to a named one are read (the nearest in the table).
PARALLEL_ROWS = 8
#: A ratio claim reads the rows of at most this many tables, the nearest before it.
PARALLEL_TABLES = 2


class _Parallel:
    """The rows of the text's tables by the names their labels carry (:func:`_label_names`) and
    by their labels with one word left out ("1xA100-80GB-SXM" and "1xH100-80GB-SXM" are
    parallel: they differ in one word), built once per text: a ratio claim stated in prose that
    names one row finds the rows it compares that row with by a dictionary look-up."""

    def __init__(self, layout: "_Layout"):
        by_name: dict[str, list[tuple]] = {}
        shape: dict[tuple, list[tuple]] = {}
        words: dict[tuple, tuple] = {}
        for k, t in enumerate(layout.tables):
            for r in layout.table_rows.get(k, ()):
                if r < 0 or r >= len(t.rows) or not t.rows[r]:
                    continue
                label = t.rows[r][0].text
                ws = tuple(w.lower() for w in _WORD_RE.findall(label))
                if not ws or len(ws) > 8:
                    continue
                words[(k, r)] = ws
                for n in _label_names(label):
                    by_name.setdefault(n, []).append((k, r))
                for p in range(len(ws)):
                    shape.setdefault((k, p, ws[:p] + ("",) + ws[p + 1:]), []).append((k, r))
        # a name of many rows of one table tells none apart
        count: dict[tuple, int] = defaultdict(int)
        for n, rows in by_name.items():
            for k, _ in rows:
                count[(n, k)] += 1
        self.by_name = {}
        for n, rows in by_name.items():
            kept = sorted(x for x in rows if count[(n, x[0])] <= PARALLEL_NAMED_ROWS)
            if kept:
                self.by_name[n] = (kept, [k for k, _ in kept])
        self.shape, self.words = shape, words
        self.t_starts = [t.start for t in layout.tables]
        # every start of a row's name and of a column's ("h", "h1", ..., "1xh100"): a sentence's
        # words are run together only while they are the start of one (:meth:`mentioned`)
        cols = {_header_name(c.text) for t in layout.tables for c in t.header[1:]} - {"\0"}
        self.heads = {n[:k] for n in (*self.by_name, *cols) for k in range(1, len(n) + 1)}
        self._said: dict[tuple, set] = {}

    def mentioned(self, text: str, a: int, b: int) -> set:
        """The names text[a:b] may name a row or a column by (:func:`_sentence_names`), read once
        per sentence."""
        got = self._said.get((a, b))
        if got is None:
            got = self._said[(a, b)] = _sentence_names(text, a, b, self.heads)
        return got

    def named_rows(self, names: set, at: int) -> set:
        """The rows these names name in the :data:`PARALLEL_TABLES` tables nearest before ``at``
        (or the first after it, where none stands before): a long text's many tables stay
        unread."""
        k_at = bisect.bisect_right(self.t_starts, at) - 1
        ks = range(max(0, k_at - PARALLEL_TABLES + 1), k_at + 1) if k_at >= 0 else range(0, 1)
        out: set = set()
        for n in names:
            got = self.by_name.get(n)
            if got is None:
                continue
            rows, keys = got
            out.update(rows[bisect.bisect_left(keys, ks.start): bisect.bisect_left(keys, ks.stop)])
        return out

    def partners(self, k: int, r: int) -> list[int]:
        """The rows of table ``k`` whose labels differ from row ``r``'s in one word, nearest first."""
        ws = self.words.get((k, r))
        if ws is None:
            return []
        out: set = set()
        for p in range(len(ws)):
            for kk, rr in self.shape.get((k, p, ws[:p] + ("",) + ws[p + 1:]), ()):
                if rr != r:
                    out.add(rr)
        return sorted(out, key=lambda x: (abs(x - r), x))[:PARALLEL_ROWS]


def _sentence_names(text: str, a: int, b: int, heads: set) -> set:
    """The names text[a:b] may name a row or a column by: its words, lower case, letters and
    digits only, alone and two or three run together ("`1xH100`" is "1xh100"; "H100 SXM" is
    "h100sxm"; "Mistral-7B" is "mistral7b"), while they are the start of a name in ``heads``."""
    chunk = text[a:b]
    ws = _WORD_RE.findall(chunk.lower()) if chunk.isascii() else [w.lower() for w in _WORD_RE.findall(chunk)]
    out = set()
    n_ws = len(ws)
    for i, w in enumerate(ws):
        if w not in heads:
            continue
        out.add(w)
        n = w
        for k in range(i + 1, min(i + MENTION_WORDS, n_ws)):
            n += ws[k]
            if n not in heads:
                break
            out.add(n)
    return out


@functools.lru_cache(maxsize=1024)
def _header_name(header: str) -> str:
    """The name a sentence names a column by: its header's first words (up to
    :data:`MENTION_WORDS`) run together, lower case ("Mistral-7B-Instruct-v0.3": "mistral7binstruct";
    a header's digits alone name nothing)."""
    n = "".join(w.lower() for w in _WORD_RE.findall(header)[:MENTION_WORDS])
    return n if len(n) >= NAME_MIN and not n.isdigit() else "\0"


def _parallel_sides(marks: "_Marks", layout: "_Layout", parallel: "_Parallel", text: str, t: "_Q", qs: list,
                    found: list) -> None:
    """A ratio claim in prose whose sentence names one row of a table ("`1xH100` delivers 2.6x the
    throughput" of a table with rows "1xA100-80GB-SXM" and "1xH100-80GB-SXM") and the column it
    reads (its header named in the sentence, or the table's one column of numbers): the number of
    that row and column over (or under) the number in the same place of a parallel row (its label
    differs in one word), where the quotient agrees with the ratio as stated (within 2%, the way
    round that is the ratio's side of 1). Both numbers of one dimension; a pair whose property
    the sentence names for another of its numbers ("... and 2.1x lower latency") is that one's.
    A comparison right at the ratio ("higher", "faster than"), as for :func:`_named_sides`. One
    pair or nothing (two that agree: ambiguous); never a slip. Bounded: the rows are found by
    name and by label (:class:`_Parallel`), at most :data:`PARALLEL_ROWS` of each."""
    if not parallel.by_name or t.place is not None or "x" not in t.names or _vague(t) or t.flo <= 0:
        return
    ends = marks.ends
    i = bisect.bisect_left(ends, t.s)
    a = ends[i - 1] + 1 if i else 0
    b = ends[i] if i < len(ends) else len(text)
    # a comparison right at the ratio ("2.5x higher throughput", "2x faster than", "3x vs"): a
    # ratio with none ("ran 2x per card") compares nothing it says
    if _COMPARATIVE_RE.match(text, t.e, b) is None:
        cue = next((c for c in _compare_cues(text, t.e, b)), None)
        if cue is None or cue[0] - t.e > CUE_GAP or any(ch.isdigit() for ch in text[t.e:cue[0]]):
            return
    said = parallel.mentioned(text, a, b)
    rows = parallel.named_rows(said, t.s)
    if not rows or len(rows) > PARALLEL_TABLES * PARALLEL_NAMED_ROWS:
        return
    # the ratio's own clause: from the number before it to the number after it
    cs = a
    for m in _DIGITS_RUN_RE.finditer(text, a, t.s):
        cs = m.end()
    m = _DIGITS_RUN_RE.search(text, t.e, b)
    ce = m.start() if m else b
    clause, sentence = text[cs:ce].lower(), text[a:b].lower()
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    pairs: dict[tuple, tuple] = {}
    for k, r in sorted(rows):
        tab = layout.tables[k]
        named_cols = {c for c, cell in enumerate(tab.header) if c and _header_name(cell.text) in said}
        if not named_cols and len(tab.header) != 2:
            continue   # the column it reads unnamed
        cells: dict[tuple, "_Q"] = {}
        for r2 in (r, *parallel.partners(k, r)):
            n_in: dict = defaultdict(int)
            for j in layout.rows.get((k, r2), ()):
                q = qs[j]
                col = q.place[2]
                if col is None or col == 0 or (named_cols and col not in named_cols):
                    continue
                cells[(r2, col, n_in[col])] = q
                n_in[col] += 1
        for (r2, col, pos), x in cells.items():
            if r2 != r:
                continue
            for (r3, col3, pos3), y in cells.items():
                if r3 == r or col3 != col or pos3 != pos or y.dk != x.dk or x.same_number(y) \
                        or x.flo <= 0 or y.flo <= 0 or x is t or y is t:
                    continue
                num, den = (x, y) if (x.flo >= y.fhi) == (t.flo >= 1) else (y, x)
                q_lo, q_hi = num.flo / den.fhi, num.fhi / den.flo
                if q_lo <= t_hi and t_lo <= q_hi:
                    pairs.setdefault((num.key, den.key), (num, den))
    fits = []
    for num, den in pairs.values():
        words = _prop_words(num.item.prop) + _prop_words(den.item.prop)
        if any(w in sentence and w not in clause for w in words):
            continue   # the sentence names its property for another of its numbers
        fits.append((not any(w in clause for w in words), num, den))
    if not fits:
        return
    fits.sort(key=lambda f: f[0])
    best = [f for f in fits if f[0] == fits[0][0]]
    if len(best) != 1:
        return   # two pairs agree as well: ambiguous
    _, num, den = best[0]
    if t.key in (num.key, den.key):
        return
    lo, hi = num.flo / den.fhi, num.fhi / den.flo
    found.append((_proposal(t, "a / b", (num, den), lo, hi, "consistent", 1.0, None, "implied"), None))


#: A percentage change stated as such: "up 40%", "fell by 12%", "a 75% increase", "grew 3%".
_CHANGE_BEFORE_RE = re.compile(r"(?i)\b(?P<w>up|down|rose|fell|grew|increased|decreased|jumped|dropped|climbed|declined|"
                               r"gained|lost)(?:\s+(?:by|about|nearly|almost|roughly|some|over))*\s*[*_]*[+~]?$")
_CHANGE_AFTER_RE = re.compile(r"(?i)[*_]*\s*(?:(?:year[- ]over[- ]year|yoy|annual)\s+)?"
                              r"(?P<w>increase|decrease|growth|rise|drop|decline|jump|gain|fall)\b")
_DOWN_WORDS = {"down", "fell", "decreased", "dropped", "declined", "lost", "decrease", "drop", "decline", "fall"}
_DATE_NAME_RE = re.compile(r"(?:19|20)\d\d(?:q[1-4]|h[12])?|q[1-4](?:fy)?(?:19|20)?\d\d|fy(?:19|20)?\d\d(?:q[1-4])?")
#: The words before a change that may hold its cue.
CHANGE_LOOKBACK = 32


def _change_sides(named: _Named, text: str, t: "_Q", qs: list, paras: list, found: list) -> None:
    """A percentage change stated as such ("revenue was up 40%", "a 12% decline") from two dated
    numbers of the thing it is about (the ratio's own entity as linked) and one property anywhere
    in the text: later ÷ earlier − 1 (1 − later ÷ earlier for a fall), where it agrees nearly
    exactly with the change as stated; the pair whose farther side is nearest, and only where no
    other pair is as near. Dated: the two numbers differ by a year or quarter among their names
    ("2024", "q3fy2025"). Never a slip."""
    if "percent" not in t.names or t.flo != t.fhi or t.item.shown.startswith("~") or not t.item.names:
        return
    m = _CHANGE_BEFORE_RE.search(text, max(0, t.s - CHANGE_LOOKBACK), t.s) or _CHANGE_AFTER_RE.match(text, t.e)
    if m is None:
        return
    down = m.group("w").lower() in _DOWN_WORDS
    whole = max(t.item.names, key=lambda n: (len(n), n))   # the entity's whole name
    if whole not in named.names:
        return
    change = t.flo   # in base units: 40% is 0.4
    c_lo, c_hi = change / (1 + NEAR), change * (1 + NEAR)
    here = bisect_right(paras, t.s)
    by_key: dict[tuple, list] = {}
    loose = named.loose
    for j in _near_named(named, {whole}, t.s, NAMED_LOOKUP):
        q = qs[j]
        if q is not t and q.flo == q.fhi and j not in loose:
            dates = sorted(n for n in q.item.names if _DATE_NAME_RE.fullmatch(n))
            if len(dates) == 1:
                by_key.setdefault((q.item.prop, q.dk), []).append((dates[0], q))
    pairs: dict[tuple, tuple] = {}
    for group in by_key.values():
        for d1, x in group:
            for d2, y in group:
                if not d1 > d2 or x.same_number(y):
                    continue   # x the later, y the earlier
                r = x.flo / y.flo
                value = 1 - r if down else r - 1
                if c_lo <= value <= c_hi:
                    ring = max(abs(bisect_right(paras, x.s) - here), abs(bisect_right(paras, y.s) - here))
                    pairs.setdefault((x.key, y.key), (ring, x, y))
    near = _nearest_pair(pairs)
    if near is None:
        return
    x, y = near
    r = x.flo / y.flo
    value = 1 - r if down else r - 1
    f_base = t.lo / (t.item.low or 1.0)
    formula = "1 - a / b" if down else "a / b - 1"
    found.append((_Cand(t.item.id, formula, {"a": x.item.id, "b": y.item.id}, (value / f_base, value / f_base),
                        t.item.unit, "consistent", 1.0, None, "implied", CONFIDENCE[("implied", "consistent")]), None))


#: A table cell that states the baseline of a column of ratios: "1x", "1.0x", "1.00×", "100%",
#: "baseline" (with "**" or a note mark around it).
#: A blank cell of a table ("-", "—", or nothing; not "n/a", which says the row has no such
#: figure), and one stating a multiple ("1.9x", "**13×**").
_DASH_CELL_RE = re.compile(r"[*_`\s]*[-–—]?[*_`\s]*")
#: A cell stating a multiple ("1.9x", "~48x"), its comparative after it or not ("~3x cheaper", "2x
#: faster": a column "vs. GPT-4 Launch" of multiples of its one blank row).
_TIMES_CELL_RE = re.compile(r"[*_`\s~≈]*[0-9]+(?:\.[0-9]+)?[ \t]*[x×]"
                            r"(?:[ \t]+(?:cheaper|faster|slower|smaller|larger|bigger|higher|lower|more|less|fewer))?"
                            r"[*_`\s]*")
#: A cell that states its column's baseline: "1.0x", "x1", "100%", "Baseline", "1x (baseline)", or
#: 1x with a word or two in brackets that name the row's standing ("1x (cheapest)", "1x (reference)").
_BASELINE_CELL_RE = re.compile(r"(?i)^[\W_]*(?:1(?:\.0+)?[ \t]*[x×]|[x×][ \t]*1(?:\.0+)?|100(?:\.0+)?[ \t]*%|baseline)"
                                r"(?:[ \t]*\(?baseline\)?|[ \t]*\([ \t]*[A-Za-z][A-Za-z-]*(?:[ \t]+[A-Za-z-]+)?[ \t]*\))?[\W_]*$")


def _baseline_sides(layout: "_Layout", t: "_Q", qs: list, found: list) -> None:
    """A ratio cell of a table column whose baseline row states 1x (or 100%, or is the one blank
    cell of a column of multiples, :meth:`_Layout.baseline_row`): "| X200 | $2.99 | 1.40x |" under
    "| X100 | $2.14 | 1.0x |" is the row's number over the baseline row's in one column (or the
    baseline's over the row's: a speed-up of times), where exactly one column makes it as stated
    (to 2% or to its stated precision); never a slip. The baseline is found once per column
    (:meth:`_Layout.baseline_row`), so a long table stays linear."""
    k, row, col = t.place
    if row < 0 or col is None or t.flo != t.fhi or not t.flo > 0:
        return
    base_row = layout.baseline_row(k, col)
    grouped = base_row is None
    if abs(t.flo - 1) <= NEAR and not (grouped and layout.kept_whole(k, col, row)):
        return   # a baseline's own 1x (a row that keeps all of its group's, "100%" again, is a ratio)
    if grouped:
        # a table of groups, each led by its own baseline row: the nearest above (its sides may
        # be percentages, a benchmark's scores: "| 37.96 | 74.77% |" under "| 50.77 | 100% |")
        base_row = layout.group_baseline_row(k, col, row)
    if base_row is None or base_row == row:
        return
    base = {qs[j].place[2]: qs[j] for j in layout.rows.get((k, base_row), ()) if qs[j].place[2] is not None}
    # to 2%, or to the multiple's stated precision where that is fine ("1.9x" is 1.85-1.95: 121
    # over 65 makes it; "4x" is no 3.5-4.5, which a price ratio of 4.2 meets by chance)
    pairs = []
    whole = abs(t.flo - 1) <= NEAR   # a row that keeps all of its group's: its sides are in its unit
    for j in layout.rows.get((k, row), ()):
        x = qs[j]
        y = base.get(x.place[2])
        if x is not t and y is not None and (not whole or x.item.unit == y.item.unit == t.item.unit):
            pairs.append((x, y))
    _one_quotient(t, pairs, found, ratios=grouped)


def _one_quotient(t: "_Q", pairs: list, found: list, ratios: bool = False) -> None:
    """Of two amounts of one kind in each pair (a row's cell and its baseline's), the quotient
    either way up that meets the ratio ``t`` as stated (to 2%, or to its stated precision where
    that is fine): proposed where exactly one pair makes it, never a slip. With ``ratios``, two
    percentages of one kind are sides too (scores of one benchmark)."""
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    if _fine(t):
        t_lo, t_hi = min(t_lo, t.lo), max(t_hi, t.hi)
    fits = []
    for x, y in pairs:
        if ratios and x.ratio and y.ratio and x.dk == y.dk and x.item.prop is not None and x.item.prop == y.item.prop:
            pass   # two percentages of one property: a benchmark's scores
        elif x.ratio or y.ratio or not x.dims or x.dk != y.dk:
            continue
        if x.flo != x.fhi \
                or y.flo != y.fhi or not y.flo > 0 or not x.flo > 0:
            continue
        for num, den in ((x, y),) if x.flo == y.flo else ((x, y), (y, x)):   # (equal: one way only)
            v = num.flo / den.flo
            if t_lo <= v <= t_hi:
                fits.append((num, den, v))
    if len(fits) != 1:
        return
    num, den, v = fits[0]
    found.append((_proposal(t, "a / b", (num, den), v, v, "consistent", 1.0, None, "implied"), None))


def _baseline_column_sides(layout: "_Layout", t: "_Q", qs: list, found: list) -> None:
    """A ratio cell of a table row whose baseline column states 1x ("| Speedup | / | x2.44 | x1.0 |"
    under "| Throughput (samples/s) | N/A | 19.7 | 8.07 |"): :func:`_baseline_sides` turned on its
    side, the number of its column over the baseline column's in one row (or the other way up),
    the rows at most :data:`QUOTIENT_ROWS` away, where exactly one row makes it as stated; never a
    slip. The baseline column is found once per row."""
    k, row, col = t.place
    if row < 0 or col is None or t.flo != t.fhi or not t.flo > 0 or abs(t.flo - 1) <= NEAR:
        return
    key = (k, "row", row)
    if key not in layout._baseline:
        cells = layout.tables[k].rows[row] if row < len(layout.tables[k].rows) else ()
        cols = [c for c, cell in enumerate(cells) if c and _BASELINE_CELL_RE.match(cell.text)]
        layout._baseline[key] = cols[0] if len(cols) == 1 else None
    base_col = layout._baseline[key]
    if base_col is None or base_col == col:
        return
    pairs = []
    for r in layout.table_rows.get(k, ()):
        if r < 0 or r == row or abs(r - row) > QUOTIENT_ROWS:
            continue
        x = y = None
        for j in layout.rows.get((k, r), ()):
            c = qs[j].place[2]
            if c == col:
                x = qs[j]
            elif c == base_col:
                y = qs[j]
        if x is not None and y is not None:
            pairs.append((x, y))
    _one_quotient(t, pairs, found)


#: A ratio's stated precision is fine enough to meet its sides with where its interval is at most
#: this much wider than its low end ("1.9x": 1.85-1.95, 5%; "13x": 8%; not "4x": 3.5-4.5, 29%).
FINE_WIDTH = 6 * NEAR


def _fine(t: "_Q") -> bool:
    return t.lo > 0 and t.hi <= t.lo * (1 + FINE_WIDTH)


def _group_sides(layout: "_Layout", t: "_Q", qs: list, found: list) -> None:
    """A ratio cell of a table whose rows come in groups (``| **Speedup** |`` under ``| **H100**
    |`` and ``| **A100** |``, each over the same rows): the same cell of the matching row (the
    same place in its group, the same label) of one other group over another's, either way
    round (a speed-up of times), where exactly one pair makes it as stated (to 2%); never a
    slip. The groups are read once per table (:meth:`_Layout.groups`), so a long table stays
    linear."""
    k, row, col = t.place
    if row < 0 or col is None or t.flo != t.fhi or not t.flo > 0 or abs(t.flo - 1) <= NEAR:
        return
    groups = layout.groups(k)
    mine = groups.get(row)
    if mine is None:
        return
    g, at = mine
    tab = layout.tables[k]
    label = tab.rows[row][0].text if tab.rows[row] else None
    same: dict[int, "_Q"] = {}   # group -> the cell of its matching row in t's column
    for r, (g2, at2) in groups.items():
        if g2 == g or at2 != at or not tab.rows[r] or tab.rows[r][0].text != label:
            continue
        for j in layout.rows.get((k, r), ()):
            q = qs[j]
            if q.place[2] == col and not q.ratio and q.dims and q.flo == q.fhi and q.flo > 0:
                same[g2] = q
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    fits = [(x, y) for gx, x in same.items() for gy, y in same.items()
            if gx != gy and x.dk == y.dk and t_lo <= x.flo / y.flo <= t_hi]
    if not fits:
        # the three numbers read with their stated precision, as the checker reads them ("1.7x"
        # of 12.5 ms over 7.1 ms: 1.74-1.78 meets 1.65-1.75), still one pair only: the cells
        # stand in one place of two groups, which few coincidences do
        fits = [(x, y) for gx, x in same.items() for gy, y in same.items()
                if _fine(t) and gx != gy and x.dk == y.dk and y.lo > 0 and x.lo / y.hi <= t.hi and t.lo <= x.hi / y.lo]
    if len(fits) != 1:
        return
    x, y = fits[0]
    v = x.flo / y.flo
    found.append((_proposal(t, "a / b", (x, y), v, v, "consistent", 1.0, None, "implied"), None))


def _named_rate(marks: "_Marks", named: "_Named", layout: "_Layout", text: str, t: "_Q", i: int, cands: list,
                qs: list, found: list) -> None:
    """A quantity outside tables that no number at hand makes with another (found nothing else)
    from a number at hand and a rate of the thing its sentence (or its list's intro line) names,
    stated anywhere before it: "**Energy for 1M X100 GPU-hours:** ... ~700 MWh" with the X100's
    700 W in a table further up. The product (or quotient) must agree nearly exactly (at face
    value, 2%), and only one pair of values may make it; never a slip. The names are looked up
    (:func:`_near_named`), so a long text stays linear."""
    have = named.rate_dks()
    if not have:
        return
    td = t.dk
    ins = []
    for x in cands:
        if x.ratio or not x.dims or x.flo != x.fhi or x.group or x.place is not None:
            continue
        # _comb(td, x.dk, -1) and _comb(x.dk, td, -1), their cached values read in place
        by_mul, by_div = _COMB.get((td << 21) | (x.dk << 1)), _COMB.get((x.dk << 21) | (td << 1))
        if by_mul is None:
            by_mul = _comb(td, x.dk, -1)
        if by_div is None:
            by_div = _comb(x.dk, td, -1)
        if by_mul in have or by_div in have:
            ins.append((x, by_mul, by_div))
    if not ins:
        return   # no thing named anywhere has a rate of the dimension it would take (most targets: cheap)
    ends = marks.ends
    k = bisect.bisect_left(ends, t.s)
    a = max(ends[k - 1] + 1 if k else 0, t.s - SPAN)
    b = min(ends[k] if k < len(ends) else len(text), t.e + SPAN)
    names = _mentioned(named, text, a, b)
    il = layout.list_of.get(i)
    if il is not None:
        le = text.find("\n", il, il + SPAN)
        names |= _mentioned(named, text, il, le if le >= 0 else min(len(text), il + SPAN))
    if not names:
        return
    loose = named.loose
    rates = [q for q in (qs[j] for j in _near_named(named, names, t.s, NAMED_LOOKUP) if j not in loose)
             if q.s < t.s and q is not t and q.flo == q.fhi and not q.ratio and not q.group and _is_rate(q)]
    if not rates:
        return
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    fits: dict[tuple, tuple] = {}
    for x, by_mul, by_div in ins:   # the rate of t = x × r, of t = x ÷ r
        for r in rates:
            if r.key == x.key:
                continue
            if r.dk == by_mul:
                formula, v = "a * b", x.flo * r.flo
            elif r.dk == by_div:
                formula, v = "a / b", x.flo / r.flo
            else:
                continue
            if t_lo <= v <= t_hi:
                got = fits.get((x.key, r.key))
                if got is None or abs(r.s - t.s) < abs(got[1].s - t.s):
                    fits[(x.key, r.key)] = (x, r, formula, v)
    if len(fits) != 1:
        return   # none, or two pairs of values: a coincidence as likely as the relation
    (x, r, formula, v), = fits.values()
    found.append((_proposal(t, formula, (x, r), v, v, "consistent", 1.0, None, "implied"), None))


#: A quantity a number at hand makes with a rate of one dimension stated earlier takes at most
#: this many of that dimension's latest (different) values ...
RATES_OF_DIMENSION = 5
#: ... stated at most this many paragraphs before its own.
RATE_PARAS = 60


def _by_dimension(qs: list) -> dict[int, list[int]]:
    """Dimension -> the places (indices) of all the numbers of that dimension, in text order."""
    out: dict[int, list[int]] = {}
    for j, q in enumerate(qs):
        out.setdefault(q.dk, []).append(j)
    return out


def _rates_by_dimension(qs: list) -> dict[int, list[int]]:
    """Dimension -> the places (indices) of the rates stated in prose as one value (a price per
    kWh, a power), in text order: the rates :func:`_rate_of_dimension` looks up."""
    out: dict[int, list[int]] = {}
    for j, q in enumerate(qs):
        if q.place is None and not q.group and q.flo == q.fhi and _is_rate(q):
            out.setdefault(q.dk, []).append(j)
    return out


def _rate_of_dimension(marks: "_Marks", by_dk: dict, t: "_Q", i: int, cands: list, qs: list, found: list) -> None:
    """A quantity outside tables that nothing else makes (not even a rate of a thing its sentence
    names, :func:`_named_rate`), from a number of its own sentence and a rate stated before its
    paragraph, within :data:`RATE_PARAS` paragraphs: one of the :data:`RATES_OF_DIMENSION` latest
    values of the dimension it takes ("For 9 hours ... consuming 3.12 kWh and costing me roughly
    $0.37" with "$0.12/kWh" near the top; "completes the same task in 0.7 minutes using 3.6Wh" with
    the model's "312W average" paragraphs up), the product or quotient agreeing nearly exactly (at
    face value, 2%), one pair of values only; never a slip. Looked up by dimension: constant work
    per number at hand."""
    td, t_para = t.dk, t.para
    if not isinstance(t_para, int):
        return
    ins = []
    for x in cands:
        if x.ratio or not x.dims or x.flo != x.fhi or x.group or x.place is not None or x.para != t_para \
                or marks.sentence_ends(min(x.e, t.e), max(x.s, t.s)):
            continue
        for formula, need in (("a * b", _comb(td, x.dk, -1)), ("a / b", _comb(x.dk, td, -1))):
            at = by_dk.get(need)
            if at:
                ins.append((x, formula, at))
    if not ins:
        return
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    fits: dict[tuple, tuple] = {}
    for x, formula, at in ins:
        seen: list = []
        for n in range(bisect.bisect_left(at, i) - 1, -1, -1):   # (no copy of the places before it)
            r = qs[at[n]]
            rp = r.para
            if rp == t_para:
                continue
            if len(seen) >= RATES_OF_DIMENSION or isinstance(rp, int) and t_para - rp > RATE_PARAS:
                break   # (the paragraphs only go further back: nothing before it is taken either)
            if r.key in seen:
                continue
            if not isinstance(rp, int):
                break
            seen.append(r.key)
            if r.key == x.key or r.key == t.key:
                continue
            v = x.flo * r.flo if formula == "a * b" else x.flo / r.flo
            if t_lo <= v <= t_hi:
                fits.setdefault((x.key, r.key), (x, r, formula, v))
    if len(fits) != 1:
        return   # none, or two pairs of values: a coincidence as likely as the relation
    (x, r, formula, v), = fits.values()
    found.append((_proposal(t, formula, (x, r), v, v, "consistent", 1.0, None, "implied"), None))


def _table_rates(layout: "_Layout", by_dk: dict, k: int, cache: dict) -> dict[int, list[int]]:
    """Dimension -> the :data:`RATES_OF_DIMENSION` latest values of the rates stated in prose
    before table ``k`` (:func:`_rates_by_dimension`), latest first, one place per value in base
    units (the same rate stated in two units is one); found for every table at once, in one pass
    over each dimension's rates (a walk back from each table would read a long text's rates once
    per table)."""
    got = cache.get(k)
    if got is None:
        qs, starts = layout.qs, layout.starts
        befores = [bisect.bisect_left(starts, t.start) for t in layout.tables]   # (the rates before it)
        order = sorted(range(len(befores)), key=befores.__getitem__)
        per_table: list[dict] = [{} for _ in befores]
        for dk, at in by_dk.items():
            latest: dict[float, int] = {}   # value -> its latest place, the latest last
            n = 0
            for k2 in order:
                before = befores[k2]
                while n < len(at) and at[n] < before:
                    j = at[n]
                    v = round(math.log(qs[j].flo), 6)
                    latest.pop(v, None)
                    latest[v] = j
                    n += 1
                if latest:
                    picked = []
                    for v in reversed(latest):   # latest first, one place per value
                        picked.append(latest[v])
                        if len(picked) >= RATES_OF_DIMENSION:
                            break
                    per_table[k2][dk] = picked
        for k2, g in enumerate(per_table):
            cache.setdefault(k2, (g, {}))
        got = cache[k]
    return got


def _ways(rates: tuple, td: int) -> list:
    """The (formula, dimension, dimension) of two of a table's rates (:func:`_table_rates`)
    whose product or quotient is of dimension ``td``, found once per dimension."""
    got, makes = rates
    ways = makes.get(td)
    if ways is None:
        ways = makes[td] = []
        for da in got:
            db = _comb(td, da, -1)
            if db in got and da <= db:
                ways.append(("a * b", da, db))
            db = _comb(da, td, -1)
            if db in got and db != da:
                ways.append(("a / b", da, db))
    return ways


def _cell_of_two_rates(t: "_Q", rates: dict, qs: list, out: dict, i: int) -> None:
    """A table cell that nothing at hand makes ("| **💧 Water** | 0.0054 mL |" in a table of impacts
    per token) as the product or quotient of two rates stated in prose before the table (a model's
    "0.018 Wh/token" and a site's "0.30 mL/Wh", sections up): among the latest values of each
    dimension (:func:`_table_rates`), the one pair of values that makes it nearly exactly (at face
    value, 2%), or nothing (``out[i]``: the candidate and its two inputs); never a slip. Its row
    decides (:func:`_rows_of_two_rates`). Looked up by dimension: constant work per cell."""
    if t.ratio or not t.dims or t.flo != t.fhi or t.group or not t.flo > 0 or not rates[0]:
        return
    ways = _ways(rates, t.dk)
    if not ways:
        return
    rates = rates[0]
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    fits: dict[tuple, tuple] = {}
    for formula, da, db in ways:
        for ja in rates[da]:
            a = qs[ja]
            if a.item.shown[:1] in _BOUND_MARKS:
                continue   # ("≤100K requests/month": no amount to compute with)
            for jb in rates[db]:
                if jb == ja:
                    continue
                b = qs[jb]
                if b.item.shown[:1] in _BOUND_MARKS:
                    continue
                v = a.flo * b.flo if formula == "a * b" else a.flo / b.flo
                if t_lo <= v <= t_hi:
                    fits.setdefault((round(math.log(a.flo), 6), round(math.log(b.flo), 6), formula), (a, b, formula, v))
    if len(fits) != 1:
        return
    (a, b, formula, v), = fits.values()
    out[i] = (_proposal(t, formula, (a, b), v, v, "consistent", 1.0, None, "implied"), a, b)


_BOUND_MARKS = frozenset("≤≥<>")

#: A column computed at one rate stated before its table (:func:`_columns_at_rate`) is kept where
#: it holds on this many rows at least ...
RATE_COLUMN_ROWS = 3


def _cell_at_rate(layout: "_Layout", t: "_Q", rates: tuple, qs: list, out: dict, i: int) -> None:
    """A table cell as another amount of its row times (or over) a rate stated in prose before the
    table, however far ("| e5-base-v2: int8 | 768 | 178.81GB<br>$679 / mo |" with "Costs are
    computed at an estimated $3.8 per GB/mo" sections up): among the latest values of the
    dimension it takes (:func:`_table_rates`), the one (cell, rate) that makes it nearly exactly
    (at face value, 2%), or nothing (``out[i]``: the candidate and its column's signature). The
    column decides (:func:`_columns_at_rate`). Looked up by dimension: constant work per cell."""
    if t.ratio or not t.dims or t.flo != t.fhi or t.group or not t.flo > 0 or not rates[0]:
        return
    k, row, col = t.place
    got = rates[0]
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    fits = []
    for j in layout.rows.get((k, row), ()):
        d = qs[j]
        if d is t or d.ratio or d.group or not d.dims or d.place[2] in (None, 0) or d.flo != d.fhi \
                or not d.flo > 0 or d.dk == t.dk:
            continue
        for formula, need in (("a * b", _comb(t.dk, d.dk, -1)), ("a / b", _comb(d.dk, t.dk, -1))):
            for jr in got.get(need, ()):
                r = qs[jr]
                if r.item.shown[:1] in _BOUND_MARKS:
                    continue
                v = d.flo * r.flo if formula == "a * b" else d.flo / r.flo
                if t_lo <= v <= t_hi:
                    fits.append((d, r, formula, v))
    if len(fits) != 1:
        return
    d, r, formula, v = fits[0]
    sig = (k, col, t.dk, d.place[2], d.dk, formula, round(math.log(r.flo), 6))
    out[i] = (_proposal(t, formula, (d, r), v, v, "consistent", 1.0, None, "implied"), sig)


def _columns_at_rate(layout: "_Layout", qs: list, cells: dict) -> list:
    """The cells :func:`_cell_at_rate` makes, kept where their column decides: one rate, one
    formula and one column of inputs make :data:`RATE_COLUMN_ROWS` rows at least and every row of
    the table that states both amounts (a cost column computed at one price per GB-month from a
    memory column); a few rows so made are a coincidence as likely as a relation. Never a slip."""
    by_sig: dict[tuple, list[int]] = defaultdict(list)
    for i, (_, sig) in cells.items():
        by_sig[sig].append(i)
    out = []
    for sig, made in by_sig.items():
        if len(made) < RATE_COLUMN_ROWS:
            continue
        k, col, tdk, dcol, ddk, _, _ = sig
        both = 0
        for (k2, row), idx in layout.rows.items():
            if k2 != k or row < 0:
                continue
            has_t = has_d = False
            for j in idx:
                q = qs[j]
                if q.place[2] == col and q.dk == tdk and not q.ratio:
                    has_t = True
                if q.place[2] == dcol and q.dk == ddk and not q.ratio:
                    has_d = True
            both += has_t and has_d
        if len(made) >= both:
            out += [(j, cells[j][0]) for j in made]
    return out


def _rows_of_two_rates(layout: "_Layout", qs: list, cells: dict) -> list:
    """The cells :func:`_cell_of_two_rates` makes, kept where their row decides: every amount of
    the row (two at least, its label aside) is made so, all with one rate in common (the site's
    water per Wh for each model's energy per token); one cell so made is a coincidence as likely
    as a relation."""
    rows: dict[tuple, list[int]] = defaultdict(list)
    for i in cells:
        rows[qs[i].place[:2]].append(i)
    out = []
    for (k, row), made in rows.items():
        amounts = [j for j in layout.rows.get((k, row), ()) if qs[j].place[2] and not qs[j].ratio and qs[j].dims]
        if len(made) < 2 or set(amounts) != set(made):
            continue
        shared = None
        for j in made:
            _, a, b = cells[j]
            ids = {a.item.id, b.item.id}
            shared = ids if shared is None else shared & ids
        if shared:
            out += [(j, cells[j][0]) for j in made]
    return out


#: A comparative right before a ratio: "higher by 2x", "faster by a factor of 3", "more by ~40%".
_COMPARATIVE_BY_RE = re.compile(r"(?i)\b(?:more|less|fewer|higher|lower|greater|better|worse|faster|slower|cheaper|"
                                r"pricier|larger|smaller|bigger)\s+by(?:\s+(?:a\s+factor\s+of|about|roughly|nearly|"
                                r"almost|some|around))?\s*[~≈]?\s*[*_]*$")
#: The noun right after a ratio's comparative, at most one word between ("5x more throughput",
#: "2x higher memory bandwidth").
_HEAD_AFTER_RE = re.compile(r"[ \t]+([A-Za-z]+)\b(?:[ \t]+([A-Za-z]+)\b)?")
#: Where a clause ends for :func:`_property_sides`: a comma, a colon, a semicolon, a dash, a bracket.
_CLAUSE_STOP_RE = re.compile(r"[,;:()\[\]]|(?<!\d)[—–](?!\d)|\s-\s")
_LETTERS_RE = re.compile(r"[a-z]+")
#: At most this many numbers of one property are looked at for each side of a ratio whose sides
#: only the property names (:func:`_property_sides`).
PROPERTY_LOOKUP = 64


#: The paragraphs before a ratio whose numbers are at hand for it (:func:`_close_before`).
CLOSE_PARAGRAPHS = 3


def _close_before(text: str, q: "_Q", t: "_Q") -> bool:
    """Whether ``q`` stands before ``t`` in its paragraph or the :data:`CLOSE_PARAGRAPHS` before
    it, no heading between."""
    if q.s >= t.s or _HEADING_RE.search(text, q.e, t.s) is not None:
        return False
    n = 0
    for _ in _PARAGRAPH_RE.finditer(text, q.e, t.s):
        n += 1
        if n > CLOSE_PARAGRAPHS:
            return False
    return True


_OPERATOR_BEFORE_RE = re.compile(r"[÷×*/=][ \t]*$")
_OPERATOR_AFTER_RE = re.compile(r"[ \t]*\)?[ \t]*[÷×*/=]")


def _operand(text: str, q: "_Q") -> int:
    """1 where a number is an operand of arithmetic written out at it ("÷ 180K tok/hr) ×"), else 0."""
    return int(_OPERATOR_BEFORE_RE.search(text, max(0, q.s - 3), q.s) is not None
               or _OPERATOR_AFTER_RE.match(text, q.e) is not None)


def _value_key(q: "_Q") -> tuple:
    """A number's value whatever the unit it is stated in (base units, to 6 significant digits)."""
    return q.dk, float(f"{q.flo:.6g}"), float(f"{q.fhi:.6g}")


def _property_sides(marks: "_Marks", named: "_Named", text: str, t: "_Q", qs: list, found: list) -> None:
    """A ratio claim whose sentence names what it compares but none of the things compared ("the
    memory bandwidth is higher by 2x", "throughput is 3x higher"): a comparative right at the
    ratio, no name of :class:`_Named` in the sentence, and all the words of a property the text
    has numbers of in the ratio's clause (commas, colons, dashes and brackets end it): the quotient of two numbers of that property anywhere in the text that is the
    ratio as stated (within 2%, "2x" is 2), where exactly one pair of values makes it (two
    numbers of one value are one side, in one unit or two, "50 tok/s" and "180K tok/hr": the
    one that is no operand of arithmetic written out at it, then the nearer, is taken; of two
    pairs of values, the one whose sides both stand close before it, :func:`_close_before`, where
    one does). Never a slip."""
    if t.place is not None or "x" not in t.names or _vague(t) or t.flo != t.fhi or t.item.shown.startswith("~") \
            or not t.flo > 1:
        return   # (a table's cell is no clause)
    ends = marks.ends
    k = bisect.bisect_left(ends, t.s)
    # its sentence (at most SPAN characters each side: a list pasted without full stops is no one sentence)
    a = max(ends[k - 1] + 1 if k else 0, t.s - SPAN)
    b = min(ends[k] if k < len(ends) else len(text), t.e + SPAN)
    if _COMPARATIVE_RE.match(text, t.e, b) is None and _COMPARATIVE_BY_RE.search(text, max(a, t.s - 40), t.s) is None:
        return
    if _mentioned(named, text, a, b):
        return   # a thing named: its sides are found by name (:func:`_named_sides`)
    # what it compares is said in its own clause ("the memory bandwidth is higher by 2x, so ...")
    ca = max((m.end() for m in _CLAUSE_STOP_RE.finditer(text, a, t.s)), default=a)
    m = _CLAUSE_STOP_RE.search(text, t.e, b)
    clause = text[ca:m.start() if m else b].lower()
    said = [key for key in named.keys() if (ws := _prop_words(key[0])) and all(w in clause for w in ws)]
    if not said and (c := _COMPARATIVE_RE.match(text, t.e, b)) is not None:
        # ... else by its head word alone (the last of its id: "throughput" of
        # "inference-throughput") right after its comparative ("5x more throughput")
        after = _HEAD_AFTER_RE.match(text, c.end())
        heads = set() if after is None else {w.lower() for w in after.groups() if w}
        said = [key for key in named.keys() if (ws := _prop_words(key[0])) and ws[-1] in heads]
    if not said and _COMPARATIVE_RE.match(text, t.e, b) is not None:
        # ... else by its head word as the subject of its clause before it ("The throughput is
        # x1.16 higher": "sample-throughput"), no other number before it in its clause (whose words
        # are that number's: "5x more throughput = 5x cheaper")
        lead = clause[:max(0, t.s - ca)]
        before = () if _DIGIT_RE.search(lead) else set(_LETTERS_RE.findall(lead))
        said = [key for key in named.keys() if (ws := _prop_words(key[0])) and ws[-1] in before]
    if not said:
        return
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    pairs: dict[tuple, tuple] = {}
    loose = named.loose
    for key in said:
        group, values = named.group(key)
        if len(group) > PROPERTY_LOOKUP:
            continue   # a property stated too often: its pairs meet many a ratio
        for jx in group:
            x = qs[jx]
            if x is t or x.flo != x.fhi or jx in loose:
                continue
            for m in range(bisect.bisect_left(values, x.flo / t_hi), bisect.bisect_right(values, x.flo / t_lo)):
                jy = group[m]
                y = qs[jy]
                if y is t or y is x or y.flo != y.fhi or jy in loose or y.key == x.key:
                    continue
                # one value stated in two units is one side ("50 tok/s" and "180K tok/hr"): its plain
                # statement before an operand of written-out working ("($1.47/hr ÷ 180K tok/hr)"),
                # then the nearer
                near = (_operand(text, x) + _operand(text, y), abs(x.s - t.s) + abs(y.s - t.s))
                pk = (_value_key(x), _value_key(y))
                got = pairs.get(pk)
                if got is None or near < got[0]:
                    pairs[pk] = (near, x, y)
    if len(pairs) > 1:
        # two pairs of values: the one whose sides both stand in its section, in its paragraph or
        # the few before it (a worked example right above: "Light Load (10 users, 50 tok/s) ...
        # Heavy Load (50 users, 250 tok/s) ... 5x more throughput"), where one does
        pairs = {k: v for k, v in pairs.items() if all(_close_before(text, q, t) for q in v[1:])}
    if len(pairs) != 1:
        return   # none, or two pairs of values: which two things it compares, the text does not say
    (_, x, y), = pairs.values()
    lo, hi = x.flo / y.fhi, x.fhi / y.flo
    found.append((_proposal(t, "a / b", (x, y), lo, hi, "consistent", 1.0, None, "implied"), None))


#: A ratio stated as a shrinking right after it ("a 32x reduction in memory", "a 4x compression").
_SHRINK_AFTER_RE = re.compile(r"(?i)[*_]*[ \t]+(?:reduction|compression)\b")
#: What a number converted to stands after ("the conversion of the `float32` values ... to 1-bit values").
_TO_BEFORE_RE = re.compile(r"(?i)\bto[ \t]+$")


def _converted_to_sides(marks: "_Marks", named: "_Named", text: str, t: "_Q", qs: list, found: list) -> None:
    """A ratio stated as a shrinking ("resulting in a 32x reduction") in a sentence that converts
    something to a number ("the conversion of the `float32` values in an embedding to 1-bit
    values"): that number is the small side, the large one a number of its property (and
    dimension) anywhere in the text whose quotient by it is the ratio as stated (within 2%: "4
    bytes per dimension" said of float32 earlier), where exactly one value makes it. Never a slip."""
    if t.place is not None or "x" not in t.names or _vague(t) or t.flo != t.fhi or not t.flo > 1 \
            or _SHRINK_AFTER_RE.match(text, t.e) is None:
        return
    ends = marks.ends
    k = bisect.bisect_left(ends, t.s)
    a = max(ends[k - 1] + 1 if k else 0, t.s - SPAN)
    t_lo, t_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    pairs: dict = {}
    for y in qs:
        if not a <= y.s < t.s or y.item.prop is None or y.ratio or y.flo != y.fhi or not y.flo > 0 \
                or _TO_BEFORE_RE.search(text, max(0, y.s - 4), y.s) is None:
            continue   # (a small whole number, "1-bit", reads ±0.5 wide: loose far off, not in the sentence)
        group, values = named.group((y.item.prop, y.dk))
        if len(group) > PROPERTY_LOOKUP:
            continue
        for m in range(bisect.bisect_left(values, y.flo * t_lo), bisect.bisect_right(values, y.flo * t_hi)):
            x = qs[group[m]]
            if x is y or x is t or x.flo != x.fhi or group[m] in named.loose or x.key == y.key:
                continue
            pk = (_value_key(x), _value_key(y))
            if pk not in pairs or abs(x.s - t.s) < abs(pairs[pk][0].s - t.s):
                pairs[pk] = (x, y)
    if len(pairs) != 1:
        return   # none, or two values either side: which the text converts, it does not say
    (x, y), = pairs.values()
    found.append((_proposal(t, "a / b", (x, y), x.flo / y.fhi, x.fhi / y.flo, "consistent", 1.0, None, "implied"), None))


#: The words that make a percentage the relative difference of two amounts: one smaller than the
#: other ("saves 40%", "an 85% reduction", "40% cheaper", "20% less", "20% below"; a margin, what
#: remains of a whole: "a 25% margin", "the remaining 97.5%") or larger ("a 40% premium", "30%
#: more", "up 25%", "20% above", "surged 40%").
_LESS_WORDS = (r"sav(?:e|es|ed|ing|ings)|reduc(?:e|es|ed|ing|tion|tions)|cut(?:s|ting)?|cheaper|less|lower|fewer|"
               r"smaller|discount(?:s|ed)?|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|drop(?:s|ped)?|fell|falls?|down|"
               r"margins?|remaining|remainder|below|shr(?:ank|unk|inks?|inking)|slash(?:es|ed)?")
_MORE_WORDS = (r"premium|more|higher|greater|larger|bigger|pricier|costlier|increas(?:e|es|ed|ing)|mark-?up|up|"
               r"ris(?:e|es|ing)|rose|grew|growth|jump(?:s|ed)?|above|surg(?:e|es|ed)|climb(?:s|ed)?|soar(?:s|ed)?")
#: ... and, of a percentage only, a speed's ("57% faster", "10% slower": the speeds' relative
#: difference; "300 ms faster" is no difference of two times)
_PCT_LESS_WORDS = rf"{_LESS_WORDS}|slower"
_PCT_MORE_WORDS = rf"{_MORE_WORDS}|faster|advantages?"
#: Blanks within one line, or across one line break (wrapped prose), never a blank line.
_WS0 = r"[ \t]*(?:\n[ \t]*)?"
_WS1 = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"
#: ... right after the percentage, at most one word between, hyphened or not ("40% lower cost", "85%
#: cost reduction", "a 20% year-over-year decline");
_DIFF_AFTER_RE = re.compile(rf"(?i)[*_)]*{_WS0}(?:[a-z]+(?:-[a-z]+)*{_WS1})?(?:(?P<less>{_PCT_LESS_WORDS})|(?P<more>{_PCT_MORE_WORDS}))\b"
                            rf"(?!{_WS1}to\b)")
#: ... or right before it ("a saving of 80%", "cut our bill by 85%", "cheaper by 44%", "up 25%"; not
#: "up to 25%");
_DIFF_BEFORE_RE = re.compile(rf"(?i)\b(?:(?P<less>{_PCT_LESS_WORDS})|(?P<more>{_PCT_MORE_WORDS}))\b"
                             rf"(?:(?:{_WS1}[a-z]+){{0,2}}?{_WS1}by)?(?:{_WS1}(?:of|about|nearly|almost|roughly|some|"
                             rf"over|around|approximately|just|only))*{_WS0}[*_(~≈]*$")
#: What no cue before a percentage spans: a character other than a letter, a blank or a mark at it.
_NOT_CUE_RE = re.compile(r"[^A-Za-z \t\n*_(~≈]")
#: ... or in the header of its table column ("| Savings |", "| H100 premium |") or its row's label
#: ("| Gross margin | 60% |").
_DIFF_HEADER_RE = re.compile(rf"(?i)\b(?:(?P<less>{_PCT_LESS_WORDS})|(?P<more>{_PCT_MORE_WORDS}))\b")
#: ... or, of a cell signed "+" or "−" ("+51%", "-12%"), a header that names a change without
#: saying which way ("| YoY Change |", "| Δ vs 2024 |", "| Change (%) |"): the sign says it.
_CHANGE_HEADER_RE = re.compile(r"(?i)\b(?:changes?|chg|yoy|y/y|qoq|q/q|mom|m/m|year[- ]over[- ]year|"
                               r"quarter[- ]over[- ]quarter)\b|Δ")
#: The signs a cell's number may carry (a hyphen or an en dash as a minus too).
_SIGNS = "+-−–"


#: A percentage's comparison word right after it, its baseline next: "52% vs 2025 capex
#: ($131.8B)", "up 12% versus a year ago ($4.6B)", "18% compared with $2.1B".
_VS_BASE_RE = re.compile(r"(?i)[ \t*_]*(?:(?:y/y|q/q|yoy|qoq|year[- ]over[- ]year|year[- ]on[- ]year)[ \t,]*)?"
                         r"(?:vs\.?|versus|compared\s+(?:with|to))(?=[\s$€£(])")
#: ... then the baseline alone in a bracket after a few words on the line, or right after the word.
_VS_BASE_GAP_RE = re.compile(r"(?:[^\n()\[\].;!?|]|&[a-z]+;){0,50}\(\s*|\s*(?:the\s+)?")
#: The most characters from the amount compared to the percentage after it.
VS_BASE_BEFORE = 200
_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n")


#: The comparison word between two amounts compared ("$35.1B (vs. $30.0B", "1.2 million units vs 0.9 million").
_VS_WORD_RE = re.compile(r"(?i)\b(?:vs\.?|versus|compared\s+(?:with|to))(?![\w])")
#: The most characters between the two amounts compared, and from the second to the change after them.
VS_PAIR_GAP = 60
VS_PAIR_AFTER = 40
#: A digit that starts a number of its own (not a name's: "A100").
_BARE_DIGIT_RE = re.compile(r"(?<![A-Za-z\d-])\d")


def _vs_pair_change(text: str, marks: "_Marks", t: "_Q", i: int, qs: list) -> "_Cand | None":
    """A signed percentage right after two amounts compared ("Revenue: $35.1B (vs. $30.0B last
    quarter, +17%)", "1.2 million units vs 0.9 million units (+33%)"): the change of the first
    from the second, its sign the way (a / b − 1 for "+", 1 − a / b for "−"), where it agrees
    with the percentage as stated (:func:`_ends_agree`). The two the next numbers before it, of one
    kind, a comparison word between them, all in one sentence. Never a slip."""
    if i < 2:
        return None
    sign = _cell_sign(text, t.s)
    if sign is None:
        return None
    a, b = qs[i - 2], qs[i - 1]
    if a.ratio or b.ratio or a.dk != b.dk or a.group or b.group or b.flo != b.fhi or not b.flo > 0 \
            or not a.flo > 0 or a.same_number(b) or b.s - a.e > VS_PAIR_GAP or t.s - b.e > VS_PAIR_AFTER:
        return None
    if _VS_WORD_RE.search(text, a.e, b.s) is None or _BARE_DIGIT_RE.search(text, b.e, t.s) \
            or marks.sentence_ends(a.e, t.s):
        return None
    if sign == "+":
        formula, v1, v2 = "a / b - 1", a.flo / b.flo - 1, a.fhi / b.flo - 1
    else:
        formula, v1, v2 = "1 - a / b", 1 - a.fhi / b.flo, 1 - a.flo / b.flo
    if not (v1 > 0 and _ends_agree(t, v1, v2)):
        return None
    f_base = abs(t.lo / (t.item.low or 1.0))
    return _Cand(t.item.id, formula, {"a": a.item.id, "b": b.item.id}, (v1 / f_base, v2 / f_base), t.item.unit,
                 "consistent", 1.0, None, "implied", CONFIDENCE[("implied", "consistent")])


def _stop_between(marks: "_Marks", a: int, b: int) -> bool:
    """Does a sentence end within text[a:b] (its stop: a line's end alone is none, a card's
    lines, "$200B" over "2026 capex guidance", going on)?"""
    ends, text = marks.ends, marks.text
    k = bisect.bisect_left(ends, a)
    while k < len(ends) and ends[k] < b:
        if text[ends[k]] != "\n":
            return True
        k += 1
    return False


#: The words of a sentence a restated comparison and the two amounts it compares may share: four
#: letters or more, cut to their first five ("doubles" and "doubled" are one), not these.
_VS_FAR_STOP = frozenset(("about", "again", "against", "almost", "along", "also", "compa", "could", "each",
                          "from", "have", "into", "just", "less", "more", "much", "near", "nearl", "only", "over",
                          "rough", "same", "some", "than", "that", "their", "there", "these", "they", "this",
                          "those", "times", "under", "vers", "versu", "very", "what", "when", "where", "which",
                          "while", "will", "with", "would", "year", "years"))
_VS_FAR_WORD_RE = re.compile(r"[a-z]{4,}")


def _sentence_words(marks: "_Marks", text: str, s: int, e: int) -> frozenset:
    """The words of the sentence of text[s:e] (at most :data:`SPAN` characters each side), its own
    too ("nearly doubles"), as :data:`_VS_FAR_STOP` reads them."""
    ends = marks.ends
    k = bisect.bisect_left(ends, s)
    a = max(ends[k - 1] + 1 if k else 0, s - SPAN)
    b = min(ends[k] if k < len(ends) else len(text), e + SPAN)
    return frozenset(w[:5] for w in _VS_FAR_WORD_RE.findall(text[a:b].lower())) - _VS_FAR_STOP


#: how many numbers each side of a compared pair :func:`_vs_pairs` looks at for a multiplier of
#: the pair's own sentence
VS_PAIR_NEAR = 6


#: The bounds of a value within :data:`_LOG_TOLERANCE` of another, as factors.
_EXP_TOL = math.exp(_LOG_TOLERANCE)
_EXP_MINUS_TOL = math.exp(-_LOG_TOLERANCE)


class _VsPairs(list):
    """The compared pairs of :func:`_vs_pairs`, in text order, with their quotients (the larger
    over the smaller) sorted: :func:`_vs_pair_far` looks up the pairs near a multiplier's value
    instead of trying every pair (a long text's many multipliers and pairs stay linear)."""

    def __init__(self, pairs: list):
        super().__init__(pairs)
        by_v = sorted((max(a.flo, b.flo) / min(a.flo, b.flo), n) for n, (a, b, _) in enumerate(pairs))
        self.values = [v for v, _ in by_v]
        self.order = [n for _, n in by_v]

    def near(self, lo: float, hi: float) -> list[int]:
        """The places (text order) of the pairs whose quotient is in [lo, hi]."""
        return sorted(self.order[bisect.bisect_left(self.values, lo):bisect.bisect_right(self.values, hi)])


def _vs_pairs(text: str, marks: "_Marks", qs: list) -> _VsPairs:
    """The two amounts of one kind a sentence compares ("96GB of memory each (versus 32GB on first
    generation Gaudi", "$43 billion versus $22.1 billion"): each stated as one value, the
    comparison word between them (at most :data:`VS_PAIR_GAP` characters apart, no other number
    between), in prose; with the words of their sentence (:func:`_sentence_words`)."""
    out = []
    for j in range(len(qs) - 1):
        a, b = qs[j], qs[j + 1]
        if a.ratio or b.ratio or not a.dims or a.dk != b.dk or a.group or b.group or a.place is not None \
                or b.place is not None or a.flo != a.fhi or b.flo != b.fhi or not (a.flo > 0 and b.flo > 0) \
                or a.same_number(b) or b.s - a.e > VS_PAIR_GAP:
            continue
        if _VS_WORD_RE.search(text, a.e, b.s) is None or _BARE_DIGIT_RE.search(text, a.e, b.s) \
                or marks.sentence_ends(a.e, b.s):
            continue
        if any("x" in q.names and _DIGIT_RE.search(text, q.s, q.e)
               and not marks.sentence_ends(min(q.e, a.s), max(q.s, b.e))
               for q in qs[max(0, j - VS_PAIR_NEAR):j + 2 + VS_PAIR_NEAR] if q is not a and q is not b):
            # the sentence states a multiplier of its own in digits ("312 vs 624 TFLOPS ... a 2×
            # advantage", "3x cheaper (2 vs 9 seconds, $1 vs $3)"): a multiplier elsewhere restates
            # that one or none, which the rules of restated ratios decide (:func:`_ratio_far`: a
            # round one stated twice may be two comparisons), not this pair. One in words ("Net
            # income nearly doubled: $43 billion versus $22.1 billion") leaves the pair to a
            # multiplier that restates it in words ("profit nearly doubles")
            continue
        out.append((a, b, _sentence_words(marks, text, a.s, b.e)))
    return _VsPairs(out)


def _vs_pair_far(text: str, marks: "_Marks", pairs: _VsPairs, t: "_Q", found: list) -> None:
    """A multiplier stated as one value ("roughly 3 times more memory per device compared to
    first-gen Gaudi", "profit nearly doubles") that restates, sections away, the quotient of two
    amounts a sentence compares (:func:`_vs_pairs`: "96GB of memory each (versus 32GB on first
    generation Gaudi"): the larger over the smaller, within 3% of the multiplier and in its
    interval, where exactly one such pair in the text makes it and the two sentences share a word
    (:func:`_sentence_words`: "memory", "doubl"). Never a slip."""
    if not pairs or "x" not in t.names or t.place is not None or t.flo != t.fhi or not t.flo > 1 or t.group \
            or "%" in text[t.s:t.e]:
        return
    hits: dict[tuple, tuple] = {}
    words = None
    # only the pairs whose quotient may be it: in its interval and within 3% of its value (the
    # bounds widened by a hair so that rounding keeps every pair the exact tests below keep)
    near_lo = max(t.lo / (1 + NEAR), t.flo * _EXP_MINUS_TOL * (1 - 1e-9))
    near_hi = min(t.hi * (1 + NEAR), t.flo * _EXP_TOL * (1 + 1e-9))
    for n in pairs.near(near_lo, near_hi):
        a, b, pw = pairs[n]
        x, y = (a, b) if a.flo >= b.flo else (b, a)
        v = x.flo / y.flo
        if not (t.lo / (1 + NEAR) <= v <= t.hi * (1 + NEAR)) or abs(math.log(v / t.flo)) > _LOG_TOLERANCE:
            continue
        if not marks.sentence_ends(min(t.e, a.s), max(t.s, b.e)):
            continue   # a multiplier of the pair's own sentence is no restatement from afar
        if words is None:
            words = _sentence_words(marks, text, t.s, t.e)
        if words & pw:
            hits.setdefault((x.key, y.key), (x, y))
    if len(hits) != 1:
        return   # none, or two comparisons of that quotient: which one it restates, the text does not say
    (x, y), = hits.values()
    if t.key in (x.key, y.key) or any(marks.stated_change(q) for q in (t, x, y)):
        return
    # (a multiplier in words is an interval wide as its last digit, "roughly 3" or "nearly doubles":
    # the 3% above, not that interval, says it is this quotient)
    found.append((_proposal(t, "a / b", (x, y), x.flo / y.fhi, x.fhi / y.flo, "consistent", 1.0, None, "implied"),
                  None))


def _vs_baseline(text: str, marks: "_Marks", t: "_Q", i: int, qs: list) -> "_Cand | None":
    """A percentage (one value or a range) said against a baseline ("$200B ... ▲ about 52% vs
    2025 capex ($131.8B)", "$115B to $135B ... about 59% to 87% vs 2025 capex ($72.22B)"): the
    comparison word right after it, the next number its baseline (alone in a bracket after a few
    words of its line, or right after the word), and the amount of the baseline's kind right
    before the percentage (no other number between, its sentence or line block, a range too) the
    amount compared: a / b − 1 where it is the larger, 1 − a / b where the smaller, where that
    agrees with the percentage as stated (each end to half a step of its last digit, at most half
    a point, or 2%). Never a slip (two amounts meet a percentage by chance)."""
    m = _VS_BASE_RE.match(text, t.e)
    if m is None or i + 1 >= len(qs) or i == 0:
        return None
    b, a = qs[i + 1], qs[i - 1]
    g = _VS_BASE_GAP_RE.match(text, m.end(), b.s)
    if g is None or g.end() != b.s or b.ratio or b.flo != b.fhi or not b.flo > 0 or not b.dims:
        return None
    if "(" in g.group() and not re.match(r"\s*\)", text[b.e:b.e + 4]):
        return None   # the bracket holds more than the baseline
    if a.ratio or a.dk != b.dk or not a.flo > 0 or a.same_number(b) or t.s - a.e > VS_BASE_BEFORE \
            or _BLANK_LINE_RE.search(text, a.e, t.s) or _stop_between(marks, a.e, t.s):
        return None
    less = a.fhi < b.flo
    if not less and a.flo <= b.flo:
        return None   # a range that meets the baseline: no way to say
    if less:
        v1, v2 = 1 - a.fhi / b.flo, 1 - a.flo / b.flo
    else:
        v1, v2 = a.flo / b.flo - 1, a.fhi / b.flo - 1
    if not _ends_agree(t, v1, v2):
        return None
    f_base = abs(t.lo / (t.item.low or 1.0))
    formula = "1 - a / b" if less else "a / b - 1"
    return _Cand(t.item.id, formula, {"a": a.item.id, "b": b.item.id}, (v1 / f_base, v2 / f_base), t.item.unit,
                 "consistent", 1.0, None, "implied", CONFIDENCE[("implied", "consistent")])


def _cell_sign(text: str, s: int) -> str | None:
    """The sign written right before a number that starts at ``s`` ("+51%", "**-12%**", "−$3B", the
    number's own span starting at the sign or not), after a blank, a cell's edge or a mark: None
    where there is none."""
    j = s
    if j < len(text) and text[j] in _SIGNS:
        j += 1
    else:
        while j > 0 and s - j < 3 and text[j - 1] in "~≈$€£":
            j -= 1
        if not (j > 0 and text[j - 1] in _SIGNS):
            return None
    k = j - 1
    return text[k] if k == 0 or text[k - 1] in " \t|*_(" else None


#: The words before a percentage that may hold its difference cue.
DIFF_LOOKBACK = 40
#: ... or a line's label that names a difference, right before the number after a colon ("#
#: Savings: $900/month", "- Premium justified: $70,625 per cycle", "Savings: 54%"): a difference
#: word among the label's first words, from the line's start.
_LABEL_LESS = r"sav(?:e|es|ed|ing|ings)|reductions?|decreases?|loss(?:es)?|shortfalls?|deficits?"
_LABEL_MORE = r"premiums?|increases?|mark-?ups?|surplus(?:es)?"
_DIFF_LABEL_RE = re.compile(rf"(?im)^[ \t]*(?:[#>*_+-]+[ \t]*)*(?:[a-z][\w-]*[ \t]+){{0,2}}"
                            rf"(?:(?P<less>{_LABEL_LESS})|(?P<more>{_LABEL_MORE}))\b(?:[ \t]+[a-z][\w-]*){{0,2}}"
                            rf"[ \t*_]*:[ \t*_~≈]*$")
_ABS_LABEL_RE = re.compile(rf"(?im)^[ \t]*(?:[#>*_+-]+[ \t]*)*(?:[a-z][\w-]*[ \t]+){{0,2}}"
                           rf"(?:{_LABEL_LESS}|{_LABEL_MORE}|differences?|diff|gaps?|delta|profits?|remaining|remainder)\b"
                           rf"(?:[ \t]+[a-z][\w-]*){{0,2}}[ \t*_]*:[ \t*_~≈]*$")
#: The most characters from a line's start to a number a label may span.
LABEL_REACH = 48


def _label_before(text: str, t: "_Q", pattern: re.Pattern):
    """The match of ``pattern`` (a line's label ending in a colon) over the line before ``t``, or None."""
    ls = text.rfind("\n", max(0, t.s - LABEL_REACH), t.s) + 1
    if ls == 0 and t.s > LABEL_REACH:
        return None   # no line's start within reach
    return pattern.match(text, ls, t.s) if ":" in text[ls:t.s] else None


def _signed_change(text: str, layout: "_Layout", q: "_Q") -> bool:
    """Is the table cell ``q`` a signed percentage ("+60%") under a header that names a change
    ("YoY Change", "Δ")?"""
    return _cell_sign(text, q.s) is not None and _CHANGE_HEADER_RE.search(layout.header_text(q.place)) is not None


def _difference_cue(text: str, layout: "_Layout", t: "_Q", place: tuple | None) -> str | None:
    """"less" or "more" where a percentage is stated as a relative difference ("saves 40%",
    "an 85% reduction", "40% cheaper", "a 30% premium", a cell of a "Savings" column or row), else
    None. Not across another number or a sentence's end."""
    def read(m):
        return None if m is None else "less" if m.group("less") else "more"

    # (the patterns allow only letters and blanks between the word and the number: no other
    # number, no sentence's end, no cell's edge)
    lo = max(0, t.s - DIFF_LOOKBACK)
    m = _NOT_CUE_RE.search(text[lo:t.s][::-1])   # where the letters and blanks before it begin
    if m is not None:
        lo = t.s - m.start()
    got = read(_DIFF_BEFORE_RE.search(text, lo, t.s)) if t.s - lo > 1 else None
    if got is None:
        got = read(_DIFF_AFTER_RE.match(text, t.e, t.e + DIFF_LOOKBACK))
    if got is None and place is not None:
        head = layout.header_text(place)
        got = read(_DIFF_HEADER_RE.search(head))
        if got is None and _CHANGE_HEADER_RE.search(head):
            # a signed cell of a "YoY Change" column ("| $53B | ~$80B | +51% |"): its sign says which way
            sign = _cell_sign(text, t.s)
            if sign is not None:
                got = "more" if sign == "+" else "less"
    if got is None and place is None:
        got = read(_label_before(text, t, _DIFF_LABEL_RE))
    return got


#: An amount stated as the difference of two others (:func:`_abs_difference`): the words right
#: before it ("saves $800", "a gap of $12", "you've lost $800 million", "the remaining 780 million",
#: "up $1.5 billion", "cheaper by $5", "a profit of $2 million") ...
_ABS_WORDS = (rf"{_LESS_WORDS}|{_MORE_WORDS}|differences?|gaps?|delta|spread|los(?:e|es|ing|t|s|ses)|"
              r"profits?|other|rest|left|leav(?:e|es|ing)|net|extra|shortfalls?|deficits?|surplus(?:es)?|excess|"
              r"headroom|balance|non-[a-z]+|others|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|outstrip(?:s|ped)?|"
              r"short|burn(?:s|ed|ing|t)?|add(?:s|ed|ing)?")
_ABS_BEFORE_RE = re.compile(rf"(?i)\b(?:{_ABS_WORDS})\b"
                            rf"(?:(?:{_WS1}[a-z]+){{0,2}}?{_WS1}by)?(?:{_WS1}(?:of|about|nearly|almost|roughly|some|"
                            rf"over|around|approximately|just|only|another|an|a|the))*{_WS0}[*_(~≈]*$")
#: ... or right after it, at most one word between ("$300 more than", "300 W less", "$800 in
#: savings", "a $12 gap", "$5 million left"; not "$300 more to come": "up to", "more to").
_ABS_AFTER_RE = re.compile(rf"(?i)[*_)]*{_WS0}(?:[a-z]+(?:-[a-z]+)*{_WS1})?(?:{_ABS_WORDS})\b"
                           rf"(?!{_WS1}to\b)")


def _literal_alternation(words) -> str:
    """A pattern matching any of ``words`` (plain strings, none empty), written as a tree of
    their shared first characters ("d(?:elta|own|rop)"): the regex engine then tries one branch
    per character at each place instead of every word."""
    def tree(ws: list) -> str:
        rest = [w for w in ws if w]
        if len(rest) < len(ws):   # a word ends here: the longer ones are optional
            return f"(?:{tree(rest)})?" if rest else ""
        by_first: dict[str, list] = {}
        for w in ws:
            by_first.setdefault(w[0], []).append(w[1:])
        alts = [re.escape(c) + tree(tails) for c, tails in sorted(by_first.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return tree(sorted(set(words)))


def _abs_difference_cue(text: str, layout: "_Layout", t: "_Q", place: tuple | None) -> bool:
    """Do the words at an amount state it as the difference of two others ("saves $800", "a gap
    of $12", "$300 more than", "the remaining 780 million", a cell of a "Savings" or "Difference"
    column)? Not across another number or a sentence's end."""
    if place is not None:
        head = layout.header_text(place)
        got = _ABS_HEADER_SEEN.get(head)
        if got is None:
            got = _ABS_HEADER_SEEN[head] = _ABS_HEADER_RE.search(head) is not None
        return got   # (a cell's own words stop at its edges: its header says it)
    low = _lowered(text)   # (one character for one: its offsets hold)
    if _ABS_STEMS_RE.search(low, max(0, t.s - DIFF_LOOKBACK), t.e + DIFF_LOOKBACK) is None:
        return False   # (most numbers: no word of a difference near them, looked at cheaply)
    lo = max(0, t.s - DIFF_LOOKBACK)
    m = _NOT_CUE_RE.search(text[lo:t.s][::-1])
    if m is not None:
        lo = t.s - m.start()
    if t.s - lo > 1 and _ABS_BEFORE_RE.search(text, lo, t.s) is not None:
        return True
    if _ABS_AFTER_RE.match(text, t.e, t.e + DIFF_LOOKBACK) is not None:
        return True
    if _label_before(text, t, _ABS_LABEL_RE) is not None:
        return True
    d = _DIGITS_RUN_RE.search(text, t.s, t.e)   # the words within a number's own span ("780 million
    return d is not None and _ABS_AFTER_RE.match(text, d.end(), min(t.e, d.end() + DIFF_LOOKBACK)) is not None
    # (non-paying users")


#: A table column of differences ("| Savings |", "| Difference |", "| Gap |", "| Loss |").
_ABS_HEADER_RE = re.compile(r"(?i)(?:\b(?:sav(?:e|es|ed|ing|ings)|differences?|diff|gaps?|delta|loss(?:es)?|profits?|"
                            r"premium|mark-?up|increase|decrease|reduction|change|margin|net|surplus|shortfall|"
                            r"deficit|remaining|remainder|other)\b|Δ)")
#: Whether a header states differences, looked up once per header.
_ABS_HEADER_SEEN: dict[str, bool] = {}
#: What every word of :data:`_ABS_WORDS` contains (lower case): a number with none of them near
#: it has no difference cue, and the patterns are not tried.
_ABS_STEMS = ("sav", "reduc", "cut", "cheap", "less", "lower", "fewer", "small", "discount", "decreas", "declin",
              "drop", "fell", "fall", "down", "margin", "remain", "below", "shr", "slash", "premium", "more", "high",
              "great", "larg", "bigg", "pric", "costl", "increas", "mark", "up", "ris", "rose", "grew", "growth",
              "jump", "above", "surg", "climb", "soar", "differ", "gap", "delta", "spread", "los", "profit", "other",
              "rest", "left", "leav", "net", "extra", "short", "deficit", "surplus", "excess", "headroom", "balance",
              "non-", "exceed", "surpass", "outstrip", "burn", "add")
#: Any of :data:`_ABS_STEMS`, the alternatives sharing their first letters (the pattern tries
#: one branch per letter at each place: about three times as fast as a test per stem).
_ABS_STEMS_RE = re.compile(_literal_alternation(_ABS_STEMS))
#: How many paragraphs before its own a difference's two sides may stand in prose ("it costs $1
#: billion" two paragraphs after "it makes $200 million", then "you've lost $800 million").
ABS_PARAS_BEFORE = 2


def _abs_sides(qs: list, i: int, t: "_Q", layout: "_Layout") -> list:
    """The numbers a difference's two sides may be: those of its kind (one dimension) in its
    sentence's neighbourhood (its paragraph, :data:`NEIGHBOURS` before it and
    :data:`NEIGHBOURS_AFTER` after, within :data:`SPAN`) and, outside tables, the
    :data:`NEIGHBOURS` before it in the :data:`ABS_PARAS_BEFORE` paragraphs before; in a table,
    the cells of its row and the numbers just before the table."""
    out = []
    if t.place is not None:
        if t.place[1] < 0:
            return out
        idx = list(layout.rows.get(t.place[:2], ()))[:ROW_CELLS] + list(layout.before.get(t.place[0], ()))
        return [qs[x] for x in idx if qs[x] is not t and qs[x].dk == t.dk]
    j = i - 1
    while j >= 0 and len(out) < NEIGHBOURS:
        q = qs[j]
        j -= 1
        if t.s - q.s > SPAN or not isinstance(q.para, int) or t.para - q.para > ABS_PARAS_BEFORE:
            break
        if q.dk == t.dk and q.place is None:
            out.append(q)
    for q in qs[i + 1:i + 1 + NEIGHBOURS]:
        # (a difference stated before its sides: "you've lost $8 billion", then the year's
        # revenue and spending in the paragraphs after)
        if q.s - t.s > SPAN or not isinstance(q.para, int) or q.para - t.para > ABS_PARAS_AFTER:
            break
        if q.dk == t.dk and q.place is None:
            out.append(q)
    return out


#: How many paragraphs after its own a difference's sides may stand (within :data:`SPAN`).
ABS_PARAS_AFTER = 2
#: A difference written out: "$5,000 − $1,200 = $3,800", "$5,000 minus the $1,200 GPU bill is
#: $3,800": the sign or word between the two amounts ...
_MINUS_RE = re.compile(r"(?i)^[ \t*_]*(?:−|–(?=[ \t])|(?<=[ \t])-(?=[ \t])|minus|less)[ \t*_]+(?:the[ \t]+)?$")
#: ... and the result's word or sign right before the third (no sentence's end between).
_MINUS_RESULT_RE = re.compile(r"(?i)(?:=|≈|→|->|\b(?:is|are|leaves?|gives?|makes?|equals?|comes?[ \t]+to|"
                              r"that(?:'|’)?s))[ \t*_]*(?:about|around|roughly|~|≈)?[ \t*_]*$")
#: At most this many characters between the amounts of a difference written out.
MINUS_GAP = 40


def _written_difference(text: str, qs: list, i: int, t: "_Q") -> "_Cand | None":
    """``t`` as the difference written out right before it ("$5,000 − $1,200 = $3,800"): the
    two numbers just before it, of its kind, a minus sign (a spaced hyphen, "−", "minus",
    "less") between them and a result's sign or word before ``t``, the difference agreeing to 2%
    (or the last digit). Never a slip."""
    if i < 2:
        return None
    a, b = qs[i - 2], qs[i - 1]
    if a.dk != t.dk or b.dk != t.dk or a.ratio or b.ratio or a.flo != a.fhi or b.flo != b.fhi or not a.flo > b.flo:
        return None
    if not t.dims and not (a.names == b.names == t.names):
        return None
    if b.s - a.e > MINUS_GAP or t.s - b.e > MINUS_GAP or _MINUS_RE.match(text[a.e:b.s]) is None:
        return None
    between = text[b.e:t.s]
    if "\n" in between or _MINUS_RESULT_RE.search(between) is None or re.search(r"[.;!?]\s", between):
        return None
    v = a.flo - b.flo
    v_lo, v_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    if not t.item.shown.startswith("~"):
        v_lo, v_hi = min(v_lo, t.lo), max(v_hi, t.hi)
    if not v_lo <= v <= v_hi:
        return None
    f_base = t.lo / (t.item.low or 1.0)
    return _Cand(t.item.id, "a - b", {"a": a.item.id, "b": b.item.id}, (v / f_base, v / f_base), t.item.unit,
                 "consistent", 1.0, None, "written", CONFIDENCE[("written", "consistent")])


def _abs_difference(t: "_Q", cands: list) -> "_Cand | None":
    """An amount the words at it state as a difference (:func:`_abs_difference_cue`) as the
    larger less the smaller of two numbers of its kind at hand (:func:`_abs_sides`), where it
    agrees nearly exactly with the amount as stated (to 2%, or within the last digit of a number
    stated exactly): "$1,000 a month on the API against $200 locally saves $800 a month". The pair
    of its paragraph, else of the paragraphs before; two different pairs that make it in one of
    these: nothing (numbers in steps, "$300, $500, $700", make differences by chance). Neither side is a
    restatement of the amount, nor the same number as the other; a count (users, GPUs) takes
    counts of the same thing only. Never a slip (two amounts meet a
    third's difference by chance)."""
    if t.ratio or t.flo != t.fhi or not t.flo > 0 or t.group:
        return None
    v_lo, v_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    if not t.item.shown.startswith("~"):
        v_lo, v_hi = min(v_lo, t.lo), max(v_hi, t.hi)
    sides = [q for q in cands if q is not t and not q.ratio and q.dk == t.dk and q.flo == q.fhi and q.flo > 0
             and not q.group and not q.same_number(t) and (t.dims or q.names == t.names)]
    fits = []
    for ka, x in enumerate(sides):
        for y in sides[ka + 1:]:
            if x.same_number(y) or x.flo == y.flo or x.item.id == y.item.id:
                continue
            big, small = (x, y) if x.flo > y.flo else (y, x)
            v = big.flo - small.flo
            if v_lo <= v <= v_hi:
                far_para = (x.para != t.para) + (y.para != t.para)
                far = max(abs(x.s - t.s), abs(y.s - t.s))
                fits.append((far_para, far, big, small))
    if not fits:
        return None
    fits.sort(key=lambda f: (f[0], f[1]))
    first = fits[0]
    if len(fits) > 1 and fits[1][0] == first[0] and (fits[1][2].key, fits[1][3].key) != (first[2].key, first[3].key):
        return None   # two pairs that make it, one as much at hand as the other: a coincidence
    _, _, big, small = first
    f_base = t.lo / (t.item.low or 1.0)
    v = (big.flo - small.flo) / f_base
    return _Cand(t.item.id, "a - b", {"a": big.item.id, "b": small.item.id}, (v, v), t.item.unit, "consistent", 1.0,
                 None, "implied", CONFIDENCE[("implied", "consistent")])


#: A whole and one of its parts in one sentence: the whole, then "of which" (or "of whom") and
#: the part ("over 800 million weekly users, of which roughly 20 million are paid").
_SPLIT_WORDS = ("of which", "of whom")
#: At most this many characters between the whole and "of which", and between it and the part.
SPLIT_GAP = 40


def _splits(text: str, qs: list, marks: "_Marks") -> list:
    """The (whole, part) pairs the text states with "of which" or "of whom" between them in one
    sentence: the number right before the words (within :data:`SPLIT_GAP` characters, no other
    number between) and the first after them (likewise), of one kind (the same dimension and,
    for counts, the same names), both points, the part the smaller; outside tables. Found with
    a plain substring search, once per text."""
    low = None
    out = []
    starts = None
    for w in _SPLIT_WORDS:
        if w not in text and w.capitalize() not in text:
            continue
        if low is None:
            low = _lowered(text)
            starts = [q.s for q in qs]
        pos = low.find(w)
        while pos >= 0:
            j = bisect.bisect_left(starts, pos) - 1   # the last number before the words
            if 0 <= j and j + 1 < len(qs):
                whole, part = qs[j], qs[j + 1]
                if pos - whole.e <= SPLIT_GAP and 0 <= part.s - (pos + len(w)) <= SPLIT_GAP \
                        and whole.place is None and part.place is None and not whole.ratio and not part.ratio \
                        and whole.dk == part.dk and whole.names == part.names and not whole.group and not part.group \
                        and whole.flo == whole.fhi and part.flo == part.fhi and 0 < part.flo < whole.flo \
                        and not marks.sentence_ends(whole.e, part.s):
                    out.append((whole, part))
            pos = low.find(w, pos + 1)
    return out


def _remainder(t: "_Q", splits: list) -> "_Cand | None":
    """An amount the words at it state as a difference (:func:`_abs_difference_cue`: "780 million
    non-paying users", "the remaining $40 million") with no two sides at hand, as the rest of a
    whole and its part that the text states anywhere before it (:func:`_splits`: "over 800
    million weekly users, of which roughly 20 million are paid"), where the whole less the part
    agrees nearly exactly with the amount as stated (as :func:`_abs_difference`). Of one kind
    with the amount; two different splits that make it: nothing. Never a slip."""
    if t.ratio or t.flo != t.fhi or not t.flo > 0 or t.group:
        return None
    v_lo, v_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    if not t.item.shown.startswith("~"):
        v_lo, v_hi = min(v_lo, t.lo), max(v_hi, t.hi)
    fits = [(whole, part) for whole, part in splits
            if part.e <= t.s and whole.dk == t.dk and (t.dims or whole.names == t.names)
            and not whole.same_number(t) and not part.same_number(t) and v_lo <= whole.flo - part.flo <= v_hi]
    if not fits or len({(w.key, p.key) for w, p in fits}) > 1:
        return None
    whole, part = fits[-1]   # (the same split restated: the last before the amount)
    f_base = t.lo / (t.item.low or 1.0)
    v = (whole.flo - part.flo) / f_base
    return _Cand(t.item.id, "a - b", {"a": whole.item.id, "b": part.item.id}, (v, v), t.item.unit, "consistent", 1.0,
                 None, "implied", CONFIDENCE[("implied", "consistent")])


def _negative_differences(text: str, layout: "_Layout", qs: list, items: list) -> list:
    """The relations of the negative percentages that a reduction cue marks ("$4,200 → $630,
    an 85% reduction" read as a change of −85%): kept out of ``qs`` (no product of a negative
    number), each is taken up here at its magnitude, with the numbers of its sentence or its
    table row (and those just before its table) as sides (:func:`_difference`)."""
    negs = [_item(it.id, it.start, it.end, -it.high, -it.low, it.unit, it.shown,
                  None if it.face_high is None else -it.face_high, None if it.face_low is None else -it.face_low,
                  it.expression, it.prop, it.names)
            for it in items if it.unit == "percent" and it.high < 0 and math.isfinite(it.low)]
    if not negs:
        return []
    out = []
    starts = layout.starts
    for t in _prepare(negs, text):
        place = layout.place_at(t.s)
        if _difference_cue(text, layout, t, place) != "less":
            continue
        j = bisect.bisect_left(starts, t.s)
        cands = [q for q in qs[max(0, j - NEIGHBOURS): j + NEIGHBOURS_AFTER] if q.para == t.para and abs(q.s - t.s) <= SPAN]
        if place is not None and place[1] >= 0:
            have = {id(q) for q in cands}
            cands += [qs[x] for x in (*layout.rows.get(place[:2], ())[:ROW_CELLS], *layout.before.get(place[0], ()))
                      if id(qs[x]) not in have]
        c = _difference(t, cands, "less", negative=True)
        if c is None and place is None:
            c = _difference(t, cands + _prev_tail(qs, j, t), "less", negative=True)
        if c is None and place is not None:
            c = _baseline_difference(layout, t, place, qs, "less", negative=True)
        if c is None and place is None and layout.tables:
            c = _table_row_difference(layout, t, qs, "less", negative=True)
        if c is None and place is None and "(" in text[max(0, t.s - 8):t.s]:
            c = _owner_difference(text, t, qs, j, "less", negative=True)
        if c is not None:
            out.append(c)
    return out


#: "$240/month (20% savings)": the amount a bracketed percentage stands right after.
_OWNER_GAP_RE = re.compile(r"[ \t*_]*\([ \t*_~]*$")
#: At most this many numbers of the owner's kind before it are tried as its other side, within
#: :data:`OWNER_REACH` characters.
OWNER_LOOKBACK = 12
OWNER_REACH = 4 * SPAN


def _owner_difference(text: str, t: "_Q", qs: list, j: int, cue: str, negative: bool = False) -> "_Cand | None":
    """A percentage in brackets right after an amount, stated as a difference ("**Total Cost:**
    $240/month (20% savings)" under a list that starts "Cost: $300/month" of the single model it
    saves on): that amount against one number of its kind and property stated before it, up to
    :data:`OWNER_LOOKBACK` numbers and :data:`OWNER_REACH` characters back, where exactly one
    makes it nearly exactly (:func:`_difference` on the pair); never a slip."""
    if j < 1 or t.place is not None:
        return None
    owner = qs[j - 1]
    if owner.ratio or not owner.dims or owner.flo != owner.fhi or owner.e > t.s \
            or _OWNER_GAP_RE.search(text, max(0, t.s - 8), t.s) is None \
            or _OWNER_GAP_RE.search(text, owner.e, t.s) is None:
        return None
    got, n = None, 0
    for k in range(j - 2, -1, -1):
        y = qs[k]
        if owner.s - y.s > OWNER_REACH or n >= OWNER_LOOKBACK:
            break
        if y.dk != owner.dk:
            continue
        n += 1
        if y.item.prop != owner.item.prop or y.place is not None:
            continue
        c = _difference(t, [owner, y], cue, negative)
        if c is not None:
            if got is not None:
                return None   # two numbers make it: which one, the text does not say
            got = c
    return got


def _baseline_difference(layout: "_Layout", t: "_Q", place: tuple, qs: list, cue: str,
                         negative: bool = False) -> "_Cand | None":
    """A percentage cell stated as a relative difference ("| Parasail GPT-OSS 20B | $0.47 | 89%
    cheaper self-hosted |") in a column whose baseline row says so ("| Self-Hosted | $0.05 |
    Baseline |", :meth:`_Layout.baseline_row`): its row's number against the baseline row's in
    one column (:func:`_difference`, nearly exactly), where exactly one column makes it; never a
    slip. The baseline is found once per column, so a long table stays linear."""
    k, row, col = place
    if row < 0 or col is None:
        return None
    base_row = layout.baseline_row(k, col)
    if base_row is None or base_row == row:
        return None
    base = {qs[j].place[2]: qs[j] for j in layout.rows.get((k, base_row), ()) if qs[j].place[2] is not None}
    got = None
    for j in layout.rows.get((k, row), ())[:ROW_CELLS]:
        x = qs[j]
        y = base.get(x.place[2])
        if x is t or y is None or x.place[2] == col:
            continue
        c = _difference(t, [x, y], cue, negative)
        if c is not None:
            if got is not None:
                return None   # two columns make it: which one the cell compares, the table does not say
            got = c
    return got


#: How far after a table (characters) a percentage may compare two cells of one of its rows.
TABLE_DIFF_REACH = SPAN
#: The last rows of that table tried (a summary's total and per-unit rows close a table).
TABLE_DIFF_ROWS = 16


def _table_row_difference(layout: "_Layout", t: "_Q", qs: list, cue: str,
                          negative: bool = False) -> "_Cand | None":
    """A percentage in prose right after a table that compares the table's columns ("| **Total
    CapEx** | **$3,900,000** | **$2,738,000** |" then "The SXM configuration demands 42% higher
    capital investment"): the two cells of one of its last :data:`TABLE_DIFF_ROWS` rows
    (:func:`_difference`), where one
    row's pair makes it; where several do (a per-GPU row is the total row over the GPUs), the
    table's total row, else its one row set in bold; else nothing. Never a slip."""
    k = bisect.bisect_right(layout._t_starts, t.s) - 1
    if k < 0:
        return None
    tab = layout.tables[k]
    if tab.end > t.s or t.s - tab.end > TABLE_DIFF_REACH:
        return None
    fits = []
    for row in layout.table_rows.get(k, ())[-TABLE_DIFF_ROWS:]:
        if row < 0:
            continue
        c = _difference(t, [qs[j] for j in layout.rows[(k, row)][:ROW_CELLS]], cue, negative)
        if c is not None:
            fits.append((row, c))
    if len(fits) > 1:
        totals = layout.total_rows.get(k, ())
        fits = [f for f in fits if f[0] in totals] or \
               [f for f in fits if tab.rows[f[0]] and "**" in tab.rows[f[0]][0].text]
    return fits[0][1] if len(fits) == 1 else None


def _prev_tail(qs: list, i: int, t: "_Q") -> list:
    """The last :data:`PREV_TAIL` numbers of the paragraph just before ``t``'s, outside tables,
    within :data:`SPAN` of it (numbers before index ``i``): "$8,000 to $6,000." then, after a blank
    line, "That is a 25% reduction"."""
    if not isinstance(t.para, int):
        return []
    out = []
    j = i - 1
    while j >= 0 and len(out) < PREV_TAIL:
        q = qs[j]
        j -= 1
        if q.para == t.para:
            continue
        if q.para != t.para - 1 or t.s - q.s > SPAN:
            break
        if q.place is None:
            out.append(q)
    return out


#: The properties whose numbers compare two others (a ratio, a share, a change): never a side of
#: a relative difference, unlike a measure that is a plain number ("PUE 1.6 → 1.15").
_COMPARISON_PROPS = frozenset({"ratio", "share", "change", "growth-rate", "price-discount"})


def _measure_in_x(q: "_Q") -> bool:
    """Whether a number in "x" is a measure of its own (a PUE of 1.15: its property is no
    comparison of two others), which a relative difference may take as a side."""
    return "x" in q.names and q.item.prop is not None and q.item.prop not in _COMPARISON_PROPS


#: How wide (high ÷ low) a range may be and still be one side of a percentage difference in a table
#: row ("| $38B | $60-65B | +60% |"): narrow enough that the percentage says which way it goes.
RANGE_SIDE_WIDTH = 1.25


def _difference(t: "_Q", cands: list, cue: str, negative: bool = False) -> "_Cand | None":
    """A percentage stated as the relative difference of two amounts (:func:`_difference_cue`)
    from two numbers of one kind at hand (its sentence, its table row, the numbers a table's
    cells may use): 1 − smaller ÷ larger for "less" ("$4,200 → $630, an 85% reduction"; a
    negative change, "a / b − 1"), larger ÷ smaller − 1 for "more", where it agrees nearly
    exactly with the percentage as stated (to 2%, or within the last digit of a number stated
    exactly). The pair nearest the percentage; two different pairs as near: nothing. Never a
    slip (two amounts meet a percentage by chance)."""
    if t.flo != t.fhi and not negative and t.flo > 0:
        return _range_difference(t, cands, cue)
    if t.flo != t.fhi or not t.flo > 0 or (negative and cue != "less"):
        return None
    v_lo, v_hi = t.flo / (1 + NEAR), t.fhi * (1 + NEAR)
    if not t.item.shown.startswith("~"):
        v_lo, v_hi = min(v_lo, t.lo), max(v_hi, t.hi)
    # in a table row, one side may be a narrow range ("| $38B | $60-65B | +60% |": 58% to 71%)
    ranged = t.place is not None and not negative
    sides = [q for q in cands if q is not t and (not q.ratio or _measure_in_x(q)) and q.flo > 0 and not q.group
             and (q.flo == q.fhi or ranged and q.place is not None and q.fhi <= q.flo * RANGE_SIDE_WIDTH)]
    fits = []
    for ka, x in enumerate(sides):
        for y in sides[ka + 1:]:
            if x.dk != y.dk or x.same_number(y) or x.flo == y.flo or (x.ratio or y.ratio) and x.item.prop != y.item.prop:
                continue
            if x.flo != x.fhi or y.flo != y.fhi:
                if x.flo != x.fhi and y.flo != y.fhi or x.fhi >= y.flo and y.fhi >= x.flo:
                    continue   # two ranges, or a range that meets the other side: no way to say
                big, small = (x, y) if x.flo > y.flo else (y, x)
                if cue == "less":
                    v, v2 = 1 - small.fhi / big.flo, 1 - small.flo / big.fhi
                else:
                    v, v2 = big.flo / small.fhi - 1, big.fhi / small.flo - 1
                if v <= v_hi and v_lo <= v2:
                    same = x.para == t.para and y.para == t.para
                    far = max(abs(x.s - t.s), abs(y.s - t.s))
                    fits.append((not same, far, big, small, (v, v2)))
                continue
            big, small = (x, y) if x.flo > y.flo else (y, x)
            v = 1 - small.flo / big.flo if cue == "less" else big.flo / small.flo - 1
            if v_lo <= v <= v_hi:
                same = x.para == t.para and y.para == t.para
                far = max(abs(x.s - t.s), abs(y.s - t.s))
                fits.append((not same, far, big, small, v))
    if not fits:
        return None
    fits.sort(key=lambda f: (f[0], f[1]))
    first = fits[0]
    if len(fits) > 1 and fits[1][:2] == first[:2] and (fits[1][2].key, fits[1][3].key) != (first[2].key, first[3].key):
        return None   # two pairs as near: ambiguous
    _, _, big, small, v = first
    f_base = abs(t.lo / (t.item.low or 1.0))
    v1, v2 = v if isinstance(v, tuple) else (v, v)
    if negative:
        formula, ins, value = "a / b - 1", (small, big), (-v2, -v1)
    elif cue == "less":
        formula, ins, value = "1 - a / b", (small, big), (v1, v2)
    else:
        formula, ins, value = "a / b - 1", (big, small), (v1, v2)
    inputs = {"a": ins[0].item.id, "b": ins[1].item.id}
    return _Cand(t.item.id, formula, inputs, (value[0] / f_base, value[1] / f_base), t.item.unit, "consistent", 1.0,
                 None, "implied", CONFIDENCE[("implied", "consistent")])


def _ends_agree(t: "_Q", v1: float, v2: float) -> bool:
    """Do a range of changes (base units) agree with a percentage stated as a range ("53% to
    66%"), each end to half a step of its last digit (at most half a point) or 2%?"""
    f_base = abs(t.lo / (t.item.low or 1.0))
    ends = (t.item.low, t.item.high) if t.item.face_low is None else (t.item.face_low, t.item.face_high)
    for v, stated in ((v1, ends[0]), (v2, ends[1])):
        step = min(0.5 * _last_digit(stated), 0.5) * f_base
        if abs(v - stated * f_base) > max(step, NEAR * stated * f_base):
            return False
    return True


def _range_difference(t: "_Q", cands: list, cue: str) -> "_Cand | None":
    """A percentage stated as a range and a relative difference ("$60-65 billion for 2025, versus
    $39.2 billion in 2024: a 53% to 66% jump"): the range of an amount stated as a range against
    one stated as one value at hand, each end of the change agreeing with each end stated
    (:func:`_ends_agree`); the nearest such pair, none where two as near differ. Never a slip."""
    fits = []
    for x in cands:
        if x is t or x.ratio or x.group or not x.flo > 0 or x.flo == x.fhi:
            continue
        for y in cands:
            if y is t or y is x or y.ratio or y.group or y.dk != x.dk or y.flo != y.fhi or not y.flo > 0:
                continue
            if x.flo > y.flo and cue == "more":
                formula, v1, v2 = "a / b - 1", x.flo / y.flo - 1, x.fhi / y.flo - 1
            elif x.fhi < y.flo and cue == "less":
                formula, v1, v2 = "1 - a / b", 1 - x.fhi / y.flo, 1 - x.flo / y.flo
            else:
                continue
            if _ends_agree(t, v1, v2):
                far = max(abs(x.s - t.s), abs(y.s - t.s))
                fits.append((x.para != t.para or y.para != t.para, far, formula, x, y, v1, v2))
    if not fits:
        return None
    fits.sort(key=lambda f: (f[0], f[1]))
    first = fits[0]
    if len(fits) > 1 and fits[1][:2] == first[:2] and (fits[1][3].key, fits[1][4].key) != (first[3].key, first[4].key):
        return None
    _, _, formula, x, y, v1, v2 = first
    f_base = abs(t.lo / (t.item.low or 1.0))
    return _Cand(t.item.id, formula, {"a": x.item.id, "b": y.item.id}, (v1 / f_base, v2 / f_base), t.item.unit,
                 "consistent", 1.0, None, "implied", CONFIDENCE[("implied", "consistent")])


@functools.lru_cache(maxsize=1024)
def _prop_words(prop: str | None) -> tuple:
    """The words of a property's id a sentence may name it by ("compute-efficiency": "compute",
    "efficiency"), four letters or more."""
    return tuple(w for w in _NON_ALNUM_RE.split((prop or "").lower()) if len(w) >= 4)


def _loose(q: "_Q") -> bool:
    """Too loose to be a side of a ratio stated far from it: a range ("2.5-40 Wh") or a number
    read as more than a factor 2 wide."""
    return q.fhi > q.flo * (1 + 2 * VAGUE) or q.hi > 2 * q.lo


def _nearest(named: _Named, these: set, others: set, qs: list, t: "_Q") -> list:
    """The numbers of the things named ``these`` (and of none named ``others``), nearest ``t``
    first, at most :data:`NAMED_LOOKUP`."""
    loose = named.loose
    out = [q for q in (qs[j] for j in _near_named(named, these, t.s, NAMED_LOOKUP) if j not in loose)
           if q is not t and q.item.names.isdisjoint(others)]
    out.sort(key=lambda q: (abs(q.s - t.s), q.s))
    return out[:NAMED_LOOKUP]


def _near_named(named: _Named, names: set, at: int, k: int) -> set:
    """The indexes of at most ``k`` numbers each side of ``at`` of each of these names (a long
    text names a thing often: the lookup stays bounded)."""
    hit: set = set()
    for n in names:
        js = named.names[n]
        i = bisect.bisect_left(named.at(n), at)
        hit.update(js[max(0, i - k): i + k])
    return hit


def _per_key(qs: list, keys: set) -> list:
    """Of numbers nearest first, the first :data:`NAMED_SIDES` of each (property, dimension) in ``keys``."""
    n: dict[tuple, int] = {}
    out = []
    for q in qs:
        k = (q.item.prop, q.dk)
        if k in keys and n.get(k, 0) < NAMED_SIDES:
            n[k] = n.get(k, 0) + 1
            out.append(q)
    return out


def _mentioned(named: _Named, text: str, a: int, b: int) -> set:
    """The names of :class:`_Named` that text[a:b] mentions: one to three words run together,
    letters and digits only, lower case ("BF16", "H100 SXM" and "GPT-4o" are "bf16",
    "h100sxm", "gpt4o")."""
    chunk = text[a:b]
    # (plain ASCII lower-cased at once: the same words; elsewhere a letter's lower case may not be one)
    words = _WORD_RE.findall(chunk.lower()) if chunk.isascii() else [w.lower() for w in _WORD_RE.findall(chunk)]
    names, heads = named.names, named.heads()
    out = set()
    n_words = len(words)
    for i, w in enumerate(words):
        if w not in heads:
            continue   # no name starts so: nor with the words after it
        n = w
        if n in names:
            out.add(n)
        for k in range(i + 1, min(i + MENTION_WORDS, n_words)):
            n += words[k]
            if n not in heads:
                break
            if n in names:
                out.add(n)
    return _specific(out)


def _specific(names: set) -> set:
    """A name within a longer one of the same mention is that one ("X200 Pro" names no plain X200)."""
    return {n for n in names if not any(n != m and n in m for m in names)}


def _vague(q: "_Q") -> bool:
    """Is an input too vague to name a slip? An approximate one ("~1 TB") by its interval; any
    other by what the arithmetic computes with (a range: "$2-4"; not the last digit of "$0.02")."""
    if q.item.shown.startswith("~"):
        return q.hi > q.lo * (1 + 2 * VAGUE)
    return q.fhi > q.flo * (1 + 2 * VAGUE)


class _Cand:
    """A proposal being weighed (a :class:`Proposal` is made of the ones kept)."""

    __slots__ = ("target", "formula", "inputs", "computed", "unit", "verdict", "factor", "cause", "how",
                 "confidence")

    def __init__(self, target, formula, inputs, computed, unit, verdict, factor, cause, how, confidence):
        self.target, self.formula, self.inputs, self.computed = target, formula, inputs, computed
        self.unit, self.verdict, self.factor, self.cause = unit, verdict, factor, cause
        self.how, self.confidence = how, confidence


def _proposal(t: _Q, formula: str, ins: tuple, lo: float, hi: float, verdict: str, factor: float,
              cause: str | None, how: str) -> _Cand:
    f_base = t.lo / (t.item.low or 1.0)  # base units per target unit
    inputs = dict(zip(("a", "b", "c"), (q.item.id for q in ins)))
    return _Cand(t.item.id, formula, inputs, (lo / f_base, hi / f_base), t.item.unit, verdict, factor, cause, how,
                 CONFIDENCE[(how, verdict)])


_TEMPLATES: dict[str, str] = {}


def _with_numbers(p: _Cand, items: dict[str, Item]) -> Proposal:
    """The proposal, with the formula written with the numbers as stated: ``8 GPU × 700 W``."""
    shown = {}
    for n, ident in p.inputs.items():
        it = items[ident]
        stated = it.shown or (_num(it.low) if it.low == it.high else f"{_num(it.low)}–{_num(it.high)}")
        shown[n] = f"{stated} {it.unit}".strip()
    template = _TEMPLATES.get(p.formula)
    if template is None:   # the formula with × and ÷ and a field for each name, once per formula
        template = _TEMPLATES[p.formula] = _NAME_RE.sub(lambda m: "{" + m.group(0) + "}",
                                                        p.formula.replace("*", "×").replace("/", "÷"))
    numbers = template.format_map(shown)
    # ``Proposal(...)`` of all its fields, made as :func:`_item` makes an Item (without the frozen
    # dataclass's __init__, which sets each field through object.__setattr__: three times the
    # time, once per relation proposed); the same fields in the same order
    out = _new_object(Proposal)
    out.__dict__.update(target=p.target, formula=p.formula, inputs=p.inputs, with_numbers=numbers, computed=p.computed,
                        unit=p.unit, verdict=p.verdict, factor=p.factor, cause=p.cause, how=p.how,
                        confidence=p.confidence, read=())
    return out


_BOUND_SIGNS = {"lower_bound": "≥", "upper_bound": "≤"}
#: A share or ratio stated as a lower bound ("more than 91%") is read up to the next step of its
#: last digit, where that is at most this factor above its value: writers round such a figure
#: down; a wider one ("more than doubled", "over 60%", ">2x") meets many a pair by chance.
BOUND_REACH = 1.04


def _point(q: "_Q") -> bool:
    """A number stated as such: one value, not "~" nor a range, nor a share or ratio itself."""
    return q.flo == q.fhi and not q.ratio and not q.item.shown.startswith("~")


def _last_digit(value) -> float:
    """The step of a number's last significant digit as written: 91 → 1, 90 → 10, 2.5 → 0.1."""
    try:
        d = Decimal(str(value).replace(",", "")).normalize()
    except ArithmeticError:
        return 0.0
    return float(Decimal(1).scaleb(d.as_tuple().exponent)) if d.is_finite() else 0.0


def _bound(qs) -> bool:
    """Is any of these numbers a bound ("at least 16 GPUs")? A relation of one may agree, never miss."""
    return any(q.item.shown[:1] in ("≥", "≤") for q in qs if q.item.shown)


def _record_item(rec: dict) -> Item | None:
    """A draft (or curated) record as an :class:`Item`: its number's place, and its interval
    read as the checker reads a claim's (:func:`kb.core.intervals.interval`: "~$197K" is
    ±10 %, "8" is 7.5–8.5), in the unit as written."""
    get = rec.get
    qualifier = get("qualifier")
    if qualifier not in QUALIFIERS:
        qualifier = "exact"
    try:
        if qualifier == "range":
            low, high = get("low"), get("high")
            flow, fhigh = float(low), float(high)
            lo, hi = interval("range", None, flow, fhigh, (stated_precision(low), stated_precision(high)))
            shown = f"{flow:.12g}–{fhigh:.12g}"
            face = (flow, fhigh)
        else:
            value = get("value")
            p = stated_precision(value)
            fvalue = float(value)
            lo, hi = interval(qualifier, fvalue, None, None, (p, p))
            shown = ("~" if qualifier == "approx" else "") + f"{fvalue:.12g}"
            face = (fvalue, fvalue) if qualifier in ("exact", "approx") else (lo, hi)
            if qualifier in _BOUND_SIGNS and math.isfinite(fvalue) and fvalue > 0 \
                    and get("unit") not in ("percent", "x"):   # ("90%+", "over 2x": too loose to compute with)
                # "at least $386.5 million": the number the text computed, a bound of what it
                # claims; taken at its value, never a slip (:func:`_bound`)
                lo = hi = fvalue
                face = (fvalue, fvalue)
                shown = _BOUND_SIGNS[qualifier] + f"{fvalue:.12g}"
            elif qualifier == "lower_bound" and math.isfinite(fvalue) and fvalue > 0 \
                    and fvalue + _last_digit(value) <= fvalue * BOUND_REACH:
                # "more than 91% of revenue": a share or ratio the text rounded down, below
                # the next step of its last digit (92%), where that is near (:data:`BOUND_REACH`);
                # a result only, never an input nor a slip (:func:`_bound`, :func:`_bound_inputs`)
                lo, hi = fvalue, fvalue + _last_digit(value)
                face = (lo, hi)
                shown = _BOUND_SIGNS[qualifier] + f"{fvalue:.12g}"
        start = int(get("span_start", get("start")))
        end = int(get("span_end", get("end")))
    except (TypeError, ValueError):
        return None
    unit = rec.get("unit")
    if not isinstance(unit, str) or not unit:
        return None
    open_ratio = qualifier == "lower_bound" and unit == "x" and math.isfinite(lo) and lo > 0 and hi == math.inf
    if not (math.isfinite(lo) and (math.isfinite(hi) or open_ratio)):
        return None   # (an open ratio, "2x+", "more than doubled", is kept for the bracket that states
        # its sides, :func:`_vs_bracket`; :func:`_prepare` leaves it out of every other rule)
    expression = get("expression")
    prop = get("property")
    if not (isinstance(prop, str) and prop):
        # (a number of unknown kind is no side of a ratio nor a change: no names needed)
        prop, names = None, _NO_NAMES
    else:
        names = _names_of(get("entity"), get("conditions"))
        if not get("entity") and get("entity_new"):
            context = get("context")
            label = context.get("row") if isinstance(context, dict) else None
            if isinstance(label, str) and label:
                names = names | _label_names(label)
    return _item(str(get("id")), start, end, lo, hi, unit, shown, face[0], face[1],
                 expression if isinstance(expression, str) else None, prop, names)


_new_object = object.__new__


def _item(id_, start, end, low, high, unit, shown, face_low, face_high, expression, prop, names) -> Item:
    """``Item(...)`` of all its fields, made without the frozen dataclass's __init__ (which
    sets each field through object.__setattr__: twice the time, once per number of the text):
    the same fields in the same order, so equal, hashed and shown alike."""
    it = _new_object(Item)
    it.__dict__.update(id=id_, start=start, end=end, low=low, high=high, unit=unit, shown=shown,
                       face_low=face_low, face_high=face_high, expression=expression, prop=prop, names=names)
    return it


_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_WORD_RE = re.compile(r"[A-Za-z0-9]+")
#: A name shorter than this is matched nowhere ("a", "v1": they stand in too many words).
NAME_MIN = 3
#: ... but a registry entity named by one letter and one digit ("T4", "L4"), or a model by its
#: size of one digit ("llama-3.1-8b": "the 8B model"), is named so.
_SHORT_NAME_RE = re.compile(r"[a-z][0-9]|[0-9]b")


@functools.lru_cache(maxsize=4096)
def _entity_names(entity: str) -> tuple:
    parts = [x for x in _NON_ALNUM_RE.split(entity.lower()) if x]
    out = {"".join(parts[i:]) for i in range(len(parts))}
    out.update(x for x in parts if any(ch.isdigit() for ch in x) and not x.isdigit())
    return tuple(sorted(out))


_NO_NAMES: frozenset = frozenset()


def _names_of(entity, conditions) -> frozenset:
    if not entity and not conditions:
        return _NO_NAMES
    if isinstance(conditions, dict):
        for v in conditions.values():   # (a loop, not all() over a generator: once per number)
            if not isinstance(v, str):
                return _names_uncached(entity, conditions)
        return _names_cached(entity if isinstance(entity, str) else None, tuple(conditions.items()))
    return _names_uncached(entity, conditions)


@functools.lru_cache(maxsize=4096)
def _names_cached(entity, items: tuple) -> frozenset:
    return _names_uncached(entity, dict(items))


def _names_uncached(entity, conditions) -> frozenset:
    """The forms a sentence may name a number's entity and conditions by: an entity id whole
    ("gpt-4o" → "gpt4o") and without its first parts (a maker's prefix, then a variant:
    "acme-x200-pro" → "x200pro", "pro"), and its parts that hold a digit ("x200"); each
    condition value whole ("bf16"), and the hardware's id as an entity's."""
    ids = [entity] if isinstance(entity, str) and entity else []
    out = set(_entity_names(entity)) if ids else set()
    if isinstance(conditions, dict):
        for k, v in conditions.items():
            if isinstance(v, (str, int)) and not isinstance(v, bool):
                out.add(_NON_ALNUM_RE.sub("", str(v).lower()))
            if k == "hardware" and isinstance(v, str) and v:
                # the hardware a number was measured on is named as the thing itself ("A100 = 2
                # min" is the A100's time: "nvidia-a100" is the "A100")
                out.update(_entity_names(v))
                ids.append(v)
    # (a registry entity's last part of one letter and one digit is a name too: "nvidia-t4" is
    # the "T4", "nvidia-l4" the "L4"; and a model's size of one digit: "llama-3.1-8b" the "8B")
    return frozenset(x for x in out if len(x) >= NAME_MIN or (
        _SHORT_NAME_RE.fullmatch(x) and any(e.lower().endswith("-" + x) for e in ids)))


_BRACKET_RE = re.compile(r"[(\[]")
#: A row label that is a period and nothing else ("Q3 2025", "FY2024", "H1 '25"): no thing.
_PERIOD_LABEL_RE = re.compile(r"(?i)\W*(?:(?:q[1-4]|h[12]|fy)\W*)?'?(?:19|20)?\d{2}(?:\W*(?:q[1-4]|h[12]))?\W*")


@functools.lru_cache(maxsize=4096)
def _label_names(label: str) -> frozenset:
    """The forms a sentence may name a thing of the article's own by, from its table row's label
    (a draft's ``entity_new``, named after a registry thing: "RTX 3090 workstation", "H100
    cluster"): the label's words that hold a digit, each with the word before it ("rtx3090")
    and alone where it has a letter too ("h100"); the words before any bracket only ("RTX 3090
    (32B)" is the RTX 3090's row; the bracket says how it was run). A period ("Q3 2025") names
    no thing."""
    head = _BRACKET_RE.split(label, 1)[0]
    if _PERIOD_LABEL_RE.fullmatch(head):
        return frozenset()
    words = [w.lower() for w in _WORD_RE.findall(head)]
    out = set()
    for i, w in enumerate(words):
        if not any(ch.isdigit() for ch in w):
            continue
        if not w.isdigit():
            out.add(w)
        if i and not words[i - 1].isdigit():
            out.add(words[i - 1] + w)
    return frozenset(x for x in out if len(x) >= NAME_MIN)


def propose(text: str, records: list[dict]) -> list[Proposal]:
    """:func:`discover` over draft records (their ``span_start``/``span_end``, value or
    low/high, and unit as written), the amounts a table's column headers assume that no record
    reads (:func:`read_header_amounts`: "Monthly Cost (3B tokens)"), inputs like any header
    number, and the numbers of compact arithmetic written out that no record reads
    (:func:`read_written`), which only their expression's relation may name: a proposal that
    names one carries its record (:attr:`Proposal.read`)."""
    with _gc_paused():   # as in discover: the items stay alive until it returns
        items = [it for it in (_record_item(r) for r in records if isinstance(r, dict)) if it is not None]
        opens = _open_shares(records) if "%" in text else []
        heads = read_header_amounts(text, records, items) if records else {}
        if heads:
            items += [it for it in (_record_item(rec) for rec, _ in heads.values()) if it is not None]
        extra = read_written(text, records, items) if records else {}
        if heads:
            extra = {**heads, **extra}
        if not extra:
            return _operands_unexplained(text, items, discover(text, items, (), opens))
        written = []
        for rec, expression in extra.values():
            it = _record_item(rec)
            if it is not None:
                written.append(_with_expression(it, expression) if expression else it)
        out = []
        for p in discover(text, items, written, opens):
            new = tuple(extra[x][0] for x in (p.target, *p.inputs.values()) if x in extra)
            out.append(p if not new else Proposal(p.target, p.formula, p.inputs, p.with_numbers, p.computed, p.unit,
                                                  p.verdict, p.factor, p.cause, p.how, p.confidence, new))
        return _operands_unexplained(text, items + written, out)


def _operands_unexplained(text: str, items: list, proposals: list) -> list:
    """The proposals less those that make an operand of a product written out with its result
    ("On-demand: 8.5 hours × $32.77 = $278") the result of its own expression turned round (8.5
    hours as $278 ÷ $32.77) or of the numbers of another such expression (the next line's "Spot:
    8.5 hours × $12.00 = $102" as $278 ÷ $32.77): the line states how it uses the number, not
    where it comes from."""
    if not proposals or "=" not in text:
        return proposals
    ws = [w for w in written_arithmetic(text) if "/" not in w.ops]
    if not ws:
        return proposals
    at = {it.id: (it.start, it.end) for it in items}
    whose: dict = {}   # a span's start -> (its expression's index, an operand?)
    for k, w in enumerate(ws):
        for a, _ in w.operands:
            whose.setdefault(a, (k, True))
        whose.setdefault(w.result[0], (k, False))
    out = []
    for p in proposals:
        t = whose.get(at.get(p.target, (-1,))[0]) if p.formula in ("a * b", "a / b") else None
        if t is not None and t[1] and any(
                (o := whose.get(at.get(x, (-1,))[0])) is not None and (o[0] != t[0] or not o[1])
                for x in p.inputs.values()):
            continue
        out.append(p)
    return out


def _with_expression(it: Item, expression: str) -> Item:
    return Item(it.id, it.start, it.end, it.low, it.high, it.unit, it.shown, it.face_low, it.face_high, expression,
                it.prop, it.names)


_DRAFT_ID_RE = re.compile(r"^(.*)-at\d+(?:-\d+)?$")

# a table's header row (a line of cells with a rule line under it) whose cell names, in
# parentheses, the amount its column's figures are for: "Monthly Cost (3B tokens)", "Cost
# (10K requests)", "Energy (per 1M tokens)" is a rate's unit, not an amount (no "per")
_RULE_LINE_RE = re.compile(r"(?m)^[ \t]*\|?[ \t]*:?-{3,}")
_HEADER_ASSUMED_RE = re.compile(r"\((?:\s*for)?\s*(?=~?\d)([^()|\n]{1,24}?)\s*\)")
# the period a column's header says its figures are over ("Monthly Cost"): the amount it
# assumes is over the same period
_HEADER_PERIOD_RE = re.compile(r"(?i)\b(?:(?P<month>monthly|per\s+month|/\s*mo(?:nth)?\b)|(?P<year>annual|yearly|per\s+year)"
                               r"|(?P<day>daily|per\s+day)|(?P<week>weekly|per\s+week))")
#: A price per unit a column's header states its figures at: "(@ $150/hr)", "(at $0.16/kWh)".
_HEADER_RATE_RE = re.compile(r"\((?:\s*(?:@|at))\s*([$€£]\s?\d[^()|\n]{0,20}?)\s*\)")
_HEADER_ASSUMED_ATOMS = frozenset(("token", "query", "user", "GPU", "hour", "page", "word", "image"))
#: What a row label counts that lasts over its row's period rather than accruing in it (64 GPUs
#: all year): a row's period word ("Annual revenue (64 GPUs)") is not the amount's.
_STOCK_ATOMS = frozenset(("user", "GPU"))


def _draft_prefix(records: list) -> str | None:
    """The prefix of the drafts' ids (``<prefix>-at<place>``), read from the first few records
    (drafts are named alike), for the records discovery reads itself; None when they are not
    drafts."""
    for r in records[:3]:
        m = _DRAFT_ID_RE.match(str(r.get("id") or "")) if isinstance(r, dict) else None
        if m:
            return m.group(1)
    return None


def _items_of(records: list, items: list | None) -> list:
    """The records as :func:`_record_item` reads them: ``items`` where the caller has them."""
    if items is not None:
        return items
    return [it for it in (_record_item(r) for r in records if isinstance(r, dict)) if it is not None]


def read_header_amounts(text: str, records: list[dict], items: list | None = None) -> dict[str, tuple[dict, None]]:
    """The amounts a table's column headers assume, in parentheses ("| Monthly Cost (3B tokens)
    |", "| Cost (10K requests) |"), that no record reads: a count of a thing (tokens, requests,
    users, GPUs, hours, pages), over the period the header names ("Monthly": 3B tokens per
    month), as draft records by id (:func:`read_written`'s shape). The column's figures are each
    row's rate times that amount, which discovery's table formulas then find on every row. A body
    row's label may name such an amount too ("| **Annual revenue (64 GPUs)** |"): its figures
    are each column's cells per GPU times it (:meth:`_Layout._label_amount`); a count of
    GPUs or users there lasts the row's period rather than accruing in it (64 GPUs, not 64 a
    year)."""
    if "|" not in text or "(" not in text:
        return {}
    prefix = _draft_prefix(records)
    if prefix is None:
        return {}
    from kb.core.grammar import parse_at, unit_text
    from kb.extract.tables import line_matches

    view = None   # (the text as the drafts read its numbers: :func:`reading_view`, once a header needs it)

    items = _items_of(records, items)
    starts = sorted(it.start for it in items)
    out: dict[str, tuple[dict, None]] = {}

    def assumed(line: str, ls: int, cm: re.Match, row: bool) -> None:
        """Read the amount ``cm`` finds in ``line`` (at ``ls``): a header's, or a row label's."""
        nonlocal view
        s = ls + cm.start(1) + (1 if line[cm.start(1)] == "~" else 0)
        k = bisect.bisect_left(starts, s)
        if k < len(starts) and starts[k] < ls + cm.end(1):
            return   # a record reads it already
        view = view or reading_view(text)
        q = parse_at(view, s)
        if q is None or q.start != s or q.end > ls + cm.end(1) or not q.value > 0 or q.cur or q.den \
                or q.percent or q.ratio or q.compare or q.atom not in _HEADER_ASSUMED_ATOMS:
            return
        cell_s = line.rfind("|", 0, cm.start()) + 1
        cell_e = line.find("|", cm.end())
        cell = line[cell_s:cell_e if cell_e >= 0 else len(line)]
        pm = _HEADER_PERIOD_RE.search(cell)
        period = next((g for g, v in pm.groupdict().items() if v), None) if pm else None
        if row and q.atom in _STOCK_ATOMS:
            period = None   # "Annual revenue (64 GPUs)": 64 GPUs all year, not 64 a year
        unit = q.atom + (f"/{period}" if period else "")
        value = q.value * (SCALE_WORDS.get(q.scale.lower(), 1.0) if q.scale else 1.0)
        if not (math.isfinite(value) and value > 0):
            return
        cid = f"{prefix}-at{q.start}"
        value = int(value) if float(value).is_integer() and value < 1e15 else float(f"{value:.12g}")
        rec = {"id": cid, "entity": None, "property": None, "value": value, "unit": unit,
               "qualifier": "approx" if line[cm.start(1)] == "~" else "exact", "conditions": {},
               "quote": line.strip(), "start": ls + len(line) - len(line.lstrip()), "end": ls + len(line.rstrip()),
               "raw": text[q.start:q.end], "span_start": q.start, "span_end": q.end,
               "confidence": {"value": 0.5, "entity": 0.0, "property": 0.0}}
        out[cid] = (rec, None)

    # (the rule lines: the lines with "---" tried alone, not the pattern at each line's start)
    for rm in line_matches(_RULE_LINE_RE, text, ("---",)):
        # the body's rows whose label (the first cell) names the amount the row's figures are
        # for: "| **Annual revenue (64 GPUs)** | **$12,507,034** |" (each column's hours a GPU
        # times its price per GPU-hour, times 64)
        rs = text.find("\n", rm.end())
        while rs >= 0:
            re_ = text.find("\n", rs + 1)
            row = text[rs + 1:re_ if re_ >= 0 else len(text)]
            body = row.lstrip()
            if not body.startswith("|"):
                break
            first_e = body.find("|", 1)
            if first_e > 0 and "(" in body[:first_e] and any(ch.isdigit() for ch in body[first_e:]):
                ls_row = rs + 1 + len(row) - len(body)
                for cm in _HEADER_ASSUMED_RE.finditer(body, 0, first_e):
                    assumed(body, ls_row, cm, True)
            rs = re_
        le = rm.start() - 1   # the header row: the line right above the rule
        if le < 0 or text[le] != "\n":
            continue
        ls = text.rfind("\n", 0, le) + 1
        line = text[ls:le]
        if "(" not in line or "|" not in line.lstrip()[:1]:
            continue
        for cm in _HEADER_ASSUMED_RE.finditer(line):
            assumed(line, ls, cm, False)
        for cm in _HEADER_RATE_RE.finditer(line):
            # a price the column's figures are at ("| Cost (@ $150/hr) |", "(at $0.16/kWh)")
            s = ls + cm.start(1)
            k = bisect.bisect_left(starts, s)
            if k < len(starts) and starts[k] < ls + cm.end(1):
                continue   # a record reads it already
            view = view or reading_view(text)
            q = parse_at(view, s)
            if q is None or q.start != s or q.end > ls + cm.end(1) or not q.value > 0 or not q.cur or not q.den \
                    or q.percent or q.ratio or q.compare:
                continue
            value = q.value
            cid = f"{prefix}-at{q.start}"
            value = int(value) if float(value).is_integer() and value < 1e15 else float(f"{value:.12g}")
            rec = {"id": cid, "entity": None, "property": None, "value": value, "unit": unit_text(q),
                   "qualifier": "exact", "conditions": {},
                   "quote": line.strip(), "start": ls + len(line) - len(line.lstrip()), "end": ls + len(line.rstrip()),
                   "raw": text[q.start:q.end], "span_start": q.start, "span_end": q.end,
                   "confidence": {"value": 0.5, "entity": 0.0, "property": 0.0}}
            out[cid] = (rec, None)
    return out


def read_written(text: str, records: list[dict], items: list | None = None) -> dict[str, tuple[dict, str | None]]:
    """The numbers of compact arithmetic written out (:func:`written_arithmetic`: "3 × 8 = 24",
    "176/9=19.5") that no record reads, read with the project's grammar, by id: (a draft record,
    the expression it is an operand of, or None for the result). An operand that restates a
    number read earlier (the same value, in its paragraph or, beyond it, not a bare single
    digit) is left to that number (:func:`_written_relations`); a bare operand is a count
    (``item``), only an input with the expression's other such operands; a bare result is a
    count where every operand is one, a ratio of two operands of one unit ("176 ms / 9 ms"),
    else not read. Ids follow the records' (``<prefix>-at<place>``); none without a draft id to
    follow. Only the arithmetic written out may name them (:func:`propose`). ``items``: the
    records as :func:`_record_item` reads them, where the caller has them."""
    view = reading_view(text)   # ("12 × €1 500 = €18 000": 1 500 one number, as the drafts read it)
    ws = written_arithmetic(view)
    if not ws:
        return {}
    prefix = _draft_prefix(records)
    if prefix is None:
        return {}
    from kb.core.grammar import parse_at, unit_text

    items = _items_of(records, items)
    items = sorted(items, key=lambda it: (it.start, it.end))
    starts = [it.start for it in items]
    ids: set | None = None   # the records' ids, once a number is read
    by_value: dict[float, list[int]] | None = None

    def at(pos: int):
        k = bisect_right(starts, pos) - 1
        return items[k] if k >= 0 and items[k].start <= pos < items[k].end else None

    def restated(v: float, before: int, para: int, digits: str, scaled: bool = True) -> Item | None:
        """The number read earlier that an operand of value ``v`` restates: the nearest before
        it, in its paragraph or (not a bare single digit) beyond it."""
        nonlocal by_value
        if by_value is None:   # the numbers by value, once a text has an operand nothing read
            by_value = defaultdict(list)
            for k, it in enumerate(items):
                if it.face_low is not None and it.face_low == it.face_high:
                    by_value[it.face_low].append(k)
        ks = by_value.get(v, ())
        j = bisect.bisect_left(ks, k_before(before)) - 1   # (in text order: the items are sorted)
        if j >= 0 and (len(digits) >= 2 or items[ks[j]].start > para):
            return items[ks[j]]
        if _E_NOTATION_RE.search(digits):   # "16.5e12" restating "~16.5TB" (:func:`_written_relations`)
            k = k_before(before) - 1
            for it in reversed(items[max(0, k - RESTATE_BASE_REACH):k + 1]):
                f = base_factor(it.unit)
                if f and it.face_low is not None and it.face_low == it.face_high and it.face_low > 0 \
                        and _base_key(v) in (_base_key(it.face_low * f),
                                             _base_key(it.face_low * ((scaled and _prefix_scale(it.unit)) or 0))):
                    return it
        return None

    def base_factor(unit: str) -> float | None:
        try:
            return UnitSize.of(unit).base()[0]
        except (UnitError, ValueError, KeyError):
            return None

    def k_before(pos: int) -> int:
        return bisect.bisect_left(starts, pos)

    def dimensionless(unit: str) -> bool | None:
        try:
            return not UnitSize.of(unit).base()[1]
        except (UnitError, ValueError, KeyError):
            return None

    out: dict[str, tuple[dict, str | None]] = {}
    for w in ws:
        para = text.rfind("\n\n", 0, w.start)
        expression = f"{w.start}:{w.end}"
        units, new = [], []
        # an amount spelt out in e-notation restates one stated with a prefix ("16.5e12" bytes,
        # "~16.5TB") only where every such operand does: else each is the expression's own count
        scaled = True
        for s, e in w.operands:
            if at(s) is None:
                q = parse_at(view, s)
                d = q.num_text.strip("$€£") if q is not None and q.start == s and q.value > 0 else ""
                if _E_NOTATION_RE.search(d) and restated(float(q.value), w.start, para, d) is None:
                    scaled = False
                    break
        for s, e in w.operands:
            r = at(s)
            if r is not None:
                units.append(r.unit or "")
                continue
            q = parse_at(view, s)
            if q is None or q.start != s or not q.value > 0 or q.spelled or q.compare or q.ratio or q.percent \
                    or q.scale and not q.has_unit:
                break
            digits = q.num_text.strip("$€£")
            own = unit_text(q)
            again = restated(float(q.value), w.start, para, digits, scaled)
            if again is not None and own and again.unit == own:
                again = None   # restated whole ("700W" again): the arithmetic's own operand, read here
            if again is not None:
                units.append(again.unit or "")   # a restatement: the number it restates is the operand
                continue
            unit = own or "item"
            units.append(unit)
            new.append((q, unit, expression))
        else:
            rs = w.result[0]
            if at(rs) is None:
                q = parse_at(view, rs)
                if q is None or q.start != rs or not q.value > 0 or q.spelled or q.compare or q.percent \
                        or q.scale and not q.has_unit:
                    continue
                unit = unit_text(q)
                if not unit:
                    kinds = [dimensionless(u) for u in units]
                    if None in kinds:
                        continue
                    if "/" not in w.ops and all(kinds):
                        unit = "item"
                    elif w.ops == ("/",) and len(set(units)) == 1 and not kinds[0]:
                        unit = "x"
                    else:
                        continue
                new.append((q, unit, None))
            for q, unit, expr in new:
                cid = f"{prefix}-at{q.start}"
                if ids is None:
                    ids = {str(r.get("id")) for r in records if isinstance(r, dict)}
                if cid in ids or cid in out:
                    continue
                ls = text.rfind("\n", 0, q.start) + 1
                le = text.find("\n", q.start)
                le = len(text) if le < 0 else le
                line = text[ls:le]
                digits = q.num_text.strip("$€£").replace(",", "")
                value = digits if re.fullmatch(r"\d*\.\d*0", digits) else \
                    int(q.value) if float(q.value).is_integer() and q.value < 1e15 else float(f"{q.value:.12g}")
                rec = {"id": cid, "entity": None, "property": None, "value": value, "unit": unit,
                       "qualifier": "exact", "conditions": {}, "quote": line.strip(),
                       "start": ls + len(line) - len(line.lstrip()), "end": ls + len(line.rstrip()),
                       "raw": text[q.start:q.end], "span_start": q.start, "span_end": q.end,
                       "confidence": {"value": 0.5, "entity": 0.0, "property": 0.0}}
                out[cid] = (rec, expr)
    return out


def attach(records: list[dict], proposals: list[Proposal]) -> int:
    """Write each proposal into its target record: a ``derived:`` block (formula and inputs,
    the claim schema's own) and a draft-only ``relation:`` note with the evidence and the
    confidence. A number discovery read itself that the proposal names (:attr:`Proposal.read`)
    becomes a record of its own, in text order. Returns how many records got a ``derived:``."""
    by_id = {str(r.get("id")): r for r in records if isinstance(r, dict)}
    n = 0
    for p in proposals:
        rec = by_id.get(p.target) or next((r for r in p.read if r["id"] == p.target), None)
        if rec is None or "derived" in rec:
            continue
        for r in p.read:   # the numbers discovery read itself: drafts of their own
            if r["id"] not in by_id:
                by_id[r["id"]] = dict(r)
                k = next((k for k, x in enumerate(records) if isinstance(x, dict)
                          and isinstance(x.get("span_start"), int) and x["span_start"] > r["span_start"]), len(records))
                records.insert(k, by_id[r["id"]])   # in text order
        rec = by_id[p.target]
        rec["derived"] = {"formula": p.formula, "from": dict(p.inputs)}
        rec["relation"] = {
            "verdict": p.verdict, "how": p.how, "with_numbers": p.with_numbers,
            "computed": f"{_num(p.computed[0])}" + ("" if p.computed[0] == p.computed[1] else f"–{_num(p.computed[1])}")
                        + f" {p.unit}",
            "factor": float(f"{p.factor:.4g}"), "cause": p.cause, "confidence": p.confidence,
        }
        n += 1
    return n


# --------------------------------------------------------------------------------------
# Compact arithmetic written out: "16x80=1280", "8 x 80 GB = 640 GB", "176/9=19.5",
# "448 kW (64 × 700W)"
# --------------------------------------------------------------------------------------

_X_NUM = r"[$€£]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d{1,2}(?![\d.]))?"
#: the scale words an operand's count may carry ("50M subs", "2.5 million users", "3B tokens").
#: (Written here, not derived from kb.core.grammar's scale table: this module does not load the
#: grammar when imported, and `kb check` imports it; nor does it read the table's "mn", "mln",
#: "tn" or "quadrillion" in written arithmetic.)
_X_SCALE = r"(?:[kKMBT]|bn|million|billion|thousand|trillion)"
#: an operand's own unit: a word ("700W", "1,000 GPUs"), or a scale and the word it counts ("50M
#: subs", "2.5 million users", "3B tokens")
_X_UNIT_WORD = (r"(?:[ \t]?" + _X_SCALE + r"[ \t]+(?![xX](?:[ \t]|[$€£]?\d))"
                r"[A-Za-z][A-Za-z%-]*|[ \t]?(?![xX](?:[ \t]|[$€£]?\d))[A-Za-z%][A-Za-z%-]*)?")
#: an operand's rate, what its amount is per ("$0.16/kWh", "$2.49/hr", "$2.50/1M" tokens): a slash
#: and a word or a thousand or a million, no other number after it (that is a division: "176/9")
_X_PER = r"(?:/(?:[A-Za-z][A-Za-z-]*|1?[KMkm](?![\w.,])))?"
_X_UNIT = _X_UNIT_WORD + _X_PER
_X_OP = r"(?:[ \t]*[×*/][ \t]*|(?<=\d)[xX](?=[$€£]?\d)|[ \t]+[xX][ \t]+)"
#: a note in brackets after the operands, before "=", with no number in it ("324 kWh ×
#: $0.16/kWh (US average) = $51.84"): what an operand is, no part of the arithmetic
_X_NOTE = r"(?:[ \t]*\([^()\d\n=×*/]{1,40}\))?"
#: "a op b [op c] = r": two or three operands (× or ÷), then the result after "=" or "→", in
#: bold or not ("8 hours × $12 = **$96**": the result the line stresses is still its result).
_X_FORWARD_RE = re.compile(rf"(?<![\w.,$€£×*/+\-^=(])(?P<ops>{_X_NUM}{_X_UNIT}(?:{_X_OP}{_X_NUM}{_X_UNIT}){{1,2}})"
                           rf"{_X_NOTE}[ \t]*(?:=|→|≈)[ \t]*(?:\*\*|__)?~?(?P<r>{_X_NUM})")
#: "r (a op b [op c])": the result first, its arithmetic in parentheses right after it.
_X_BACKWARD_RE = re.compile(rf"(?<![\w.,$€£×*/+\-^=])(?P<r>{_X_NUM}){_X_UNIT}[ \t]*\((?P<ops>{_X_NUM}{_X_UNIT}"
                            rf"(?:{_X_OP}{_X_NUM}{_X_UNIT}){{1,2}})\)")
_X_SPLIT_RE = re.compile(rf"(?P<n>{_X_NUM}){_X_UNIT}(?P<op>{_X_OP})?")
#: two amounts of money with a bare slash between them ("$3/$15", "$0.10/$0.40"): the way prices
#: per input and per output token are written side by side, not one amount divided by the other
_PRICE_PAIR_RE = re.compile(r"[$€£]\d[\d,]*(?:\.\d+)?/[$€£]\d[\d,]*(?:\.\d+)?")
#: after the result, more arithmetic: the expression goes on ("1280-530x2", "= 42e21 / 1.6e18")
_X_GOES_ON_RE = re.compile(r"[\d.,]*(?:e\d+)?[ \t]*[×*/+\-^xX][ \t]*[$€£(]?\d")


#: before an expression, a number and an operator with spaces: it goes on to the left ("2 * 2 *
#: 64 * 8192 * 8192 = ..." read from "64" would be part of it)
_X_GOES_BEFORE_RE = re.compile(r"\d[ \t]*(?:[×*/+^÷−]|[xX](?=[ \t]))[ \t]+$")


#: An operator between two numbers: where compact arithmetic may stand.
_X_HINT_RE = re.compile(r"\d(?:[A-Za-z%]{0,5}|[eE][-+]?\d{1,2}|[ \t][A-Za-z%][A-Za-z%-]{0,11}|[A-Za-z%]{0,5}/[A-Za-z][A-Za-z-]{0,11}|"
                        r"[ \t]?" + _X_SCALE + r"[ \t]+[A-Za-z][A-Za-z%-]{0,11})"
                        r"(?:[ \t]*[×*/][ \t]*|[xX]|[ \t]+[xX][ \t]+)[$€£]?\d")


@dataclass(frozen=True)
class Written:
    """Arithmetic written out compactly: its operands' places (start, end of the number and its
    own unit, as far as the next operator), the operators between them (``*`` or ``/``), and
    the result's place (start, end of the text it may read its unit from)."""

    start: int
    end: int
    operands: tuple[tuple[int, int], ...]
    ops: tuple[str, ...]
    result: tuple[int, int]

    @property
    def formula(self) -> str:
        names = "abc"[:len(self.operands)]
        out = names[0]
        for op, n in zip(self.ops, names[1:]):
            out += f" {op} {n}"
        return out


#: A number of smaller units of time in a larger one, and the larger one ("24 hours" a day):
#: an operand so written beside an operand in the larger unit converts it ("22.75 MW × 24 hours
#: × 90 days": 90 days in hours), no quantity of its own.
_TIME_CONVERSION = (
    (re.compile(r"24[ \t]?(?:hours?|hrs?|h)\b"), re.compile(r"\d[ \t]?days?\b")),
    (re.compile(r"60[ \t]?(?:minutes?|mins?)\b"), re.compile(r"\d[ \t]?(?:hours?|hrs?|h)\b")),
    (re.compile(r"3,?600[ \t]?(?:seconds?|secs?|s)\b"), re.compile(r"\d[ \t]?(?:hours?|hrs?|h)\b")),
    # the hours of a month or a year, bare, beside a rate per hour ("$0.384/hr × 730 × 30 nodes
    # = $8,400" a month): the project converts the rate's period itself
    (re.compile(r"[ \t]*(?:720|730|744|8,?760|8,?766)[ \t]*"),
     re.compile(r"(?i)/(?:[a-z-]*-)?(?:hours?|hrs?|h)\b|\bper[ \t]+(?:[a-z-]*-)?(?:hour|hr)\b")),
)


def _without_time_conversion(text: str, operands: list) -> list:
    """The operands of a product of three less one that converts another's unit of time
    (:data:`_TIME_CONVERSION`): the product of the other two is the result in the units the
    project converts itself (MW × days is MWh)."""
    for conv, larger in _TIME_CONVERSION:
        k = next((k for k, (a, b) in enumerate(operands) if conv.fullmatch(text, a, b)), None)
        if k is not None and any(larger.search(text, a, b) for j, (a, b) in enumerate(operands) if j != k):
            return operands[:k] + operands[k + 1:]
    return operands


#: A rate per hour ("$12/hour", "$2.49/GPU-hr") and, bare beside it, the hours of a month or a
#: year ("× 730", "× 8,760"): compact arithmetic that only converts the rate's period.
_PER_HOUR_OPERAND_RE = re.compile(r"(?i)/(?:[a-z-]*-)?(?:hours?|hrs?|h)\b|\bper[ \t]+(?:[a-z-]*-)?(?:hour|hr)\b")
_HOURS_OF_A_PERIOD_RE = re.compile(r"[ \t]*(?:720|730|744|8,?760|8,?766)[ \t]*")


def _hours_of_a_period(text: str, operands: list) -> bool:
    """Whether a product of two is an hourly rate times the hours of a month or a year, the
    latter bare (:data:`_HOURS_OF_A_PERIOD_RE`)."""
    (a, b), (c, d) = operands
    return bool(_HOURS_OF_A_PERIOD_RE.fullmatch(text, c, d) and _PER_HOUR_OPERAND_RE.search(text, a, b)
                or _HOURS_OF_A_PERIOD_RE.fullmatch(text, a, b) and _PER_HOUR_OPERAND_RE.search(text, c, d))


@functools.lru_cache(maxsize=4)
@functools.lru_cache(maxsize=4)
def _paragraph_starts(text: str) -> list[int]:
    """Where each paragraph after the first starts (the ends of :data:`_PARAGRAPH_RE`'s
    matches), the last few texts' remembered: the numbers, the written ones and the negative
    percentages are each prepared with them, and several rules read them (shared: read only)."""
    return [m.end() for m in _PARAGRAPH_RE.finditer(text)]


@functools.lru_cache(maxsize=4)
def _lowered(text: str) -> str:
    """``text`` in lower case one character for one, so every offset found in it holds in
    ``text`` (the last few texts' remembered: several rules of discovery look for their words in
    the whole text in lower case, a pass over a long text each). "İ" (U+0130), the one letter
    whose lower case is longer ("i" and a combining dot), stays as it is."""
    if "\u0130" not in text:
        return text.lower()
    return "\u0130".join(piece.lower() for piece in text.split("\u0130"))


@functools.lru_cache(maxsize=4)
def reading_view(text: str) -> str:
    """``text`` as the drafts read its numbers, for the arithmetic written out and the numbers
    discovery reads itself: thousands grouped by spaces read as written with commas ("€1 500"
    is 1,500; :func:`kb.core.grammar.space_thousands`), one character for one, so every offset
    holds (the last few texts' remembered: :func:`propose` reads it twice, for
    :func:`read_written` and for the relations, a scan of the whole text each)."""
    from kb.core.grammar import space_thousands

    return space_thousands(text)


def written_arithmetic(text: str) -> list[Written]:
    """The compact arithmetic of ``text`` (:func:`_written_arithmetic`; the last few texts'
    remembered: discovery reads it for the numbers no draft read and for the relations)."""
    return list(_written_cached(text))


@functools.lru_cache(maxsize=4)
def _written_cached(text: str) -> tuple:
    return tuple(_written_arithmetic(text))


def _written_arithmetic(text: str) -> list[Written]:
    """The compact arithmetic of ``text``: a product or quotient of two or three numbers with
    its result written after "=" ("16x80=1280", "$2.49 x 24 x 30 = $1,793", "176/9=19.5") or
    before it with the arithmetic in parentheses ("448 kW (64 × 700W)"); an operand's unit may
    stand spaced from it ("25,000 GPUs × 700W = 17.5 MW") and its number in e-notation
    ("`16.5e12 / 96e9 = 171`"); "24 hours" beside days in a product of three converts them
    (:func:`_without_time_conversion`). Part of a longer expression ("1280-530x2=220GB", "(6 x
    7e9) / ...") is none."""
    out: list[Written] = []
    if not ("=" in text or "→" in text or "≈" in text or "(" in text):
        return out
    # the expressions are looked for only around an operator between two numbers (the regexes
    # would try every digit of the text)
    windows: list[tuple[int, int]] = []
    for h in _X_HINT_RE.finditer(text):
        a, b = max(0, h.start() - 60), min(len(text), h.end() + 80)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    seen: set = set()
    signs = {False: ("=", "→", "≈"), True: ("(",)}
    for rx, result_first in ((_X_FORWARD_RE, False), (_X_BACKWARD_RE, True)):
        wins = [(a, b) for a, b in windows if any(text.find(c, a, b) >= 0 for c in signs[result_first])]
        for m in (m for a, b in wins for m in rx.finditer(text, a, b)):
            if (m.start(), result_first) in seen:
                continue
            seen.add((m.start(), result_first))
            if not result_first:
                if _X_GOES_ON_RE.match(text, m.end("r")):
                    continue
                if text[m.start():m.start() + 1] == "(" or text[max(0, m.start() - 1):m.start()] == "(":
                    continue
                if _X_GOES_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                    continue   # "2 * 2 * 64 * 8192 * 8192 = ...": the operands before it are part of it
            operands, ops = [], []
            a = m.start("ops")
            for p in _X_SPLIT_RE.finditer(text, a, m.end("ops")):
                operands.append((p.start("n"), p.start("op") if p.group("op") else p.end()))
                if p.group("op"):
                    ops.append("/" if "/" in p.group("op") else "*")
            if not 2 <= len(operands) <= 3 or len(ops) != len(operands) - 1:
                continue
            if result_first and ops == ["/"] and _PRICE_PAIR_RE.fullmatch(text, m.start("ops"), m.end("ops")):
                continue  # "Gemini 2.0 Flash ($0.10/$0.40)": a model's input and output prices, no quotient
            if len(operands) == 2 and ops == ["*"] and _hours_of_a_period(text, operands):
                continue   # "$12/hour × 730 = $8,760/month": a unit conversion, no relation of two quantities
            if len(operands) == 3 and ops == ["*", "*"]:
                operands = _without_time_conversion(text, operands)
                ops = ops[:len(operands) - 1]
            if not result_first and "/" in ops and ops[0] != "/" and len(ops) == 2 and ops[1] == "*":
                pass  # a * b / c and a / b * c are both read left to right
            line_end = text.find("\n", m.end("r"))
            line_end = len(text) if line_end < 0 else line_end
            r = (m.start("r"), m.start("ops") - 1) if result_first else (m.start("r"), min(line_end, m.end("r") + 40))
            out.append(Written(m.start(), m.end(), tuple(operands), tuple(ops), r))
    out.sort(key=lambda w: w.start)
    return out


_X_VALUE_RE = re.compile(_X_NUM)
#: An operand written in e-notation ("96e9"): the writer's number in base units, which may
#: restate an amount stated with a scale or a prefix ("96GB")
_E_NOTATION_RE = re.compile(r"\d[eE][-+]?\d")


def _base_key(v: float) -> float:
    """A value in base units as a key: six significant digits (96 GB and 96e9 bytes meet)."""
    return float(f"{v:.6g}")
_SI_PREFIXES = (("kilo", 1e3), ("mega", 1e6), ("giga", 1e9), ("tera", 1e12), ("peta", 1e15), ("exa", 1e18))


@functools.lru_cache(maxsize=512)
def _prefix_scale(unit: str) -> float | None:
    """What the SI prefix of a unit scales its number by, as a writer spells the amount out in
    the unprefixed unit: "TB" 1e12 (16.5TB is "16.5e12" bytes, not the bits the base units
    count), "GW" 1e9; None for a unit without a prefix or not one unit."""
    try:
        names = UnitSize.of(unit).names
    except (UnitError, ValueError, KeyError):
        return None
    if len(names) != 1 or names[0][1] != 1.0:
        return None
    name = names[0][0].lower()
    for p, f in _SI_PREFIXES:
        if name.startswith(p) and len(name) > len(p):
            return f
    return None


#: The numbers a restated operand may be, nearest first, each operand.
RESTATED = 3
#: How many numbers back an operand in e-notation looks for the amount it restates in base
#: units (bounded: discovery stays linear).
RESTATE_BASE_REACH = 200


def _written_relations(text: str, qs: list, paras: list, read: frozenset = frozenset()) -> dict[int, "_Cand"]:
    """The relation each compact arithmetic written out (:func:`written_arithmetic`) states for
    its result, by index of the result in ``qs``: its operands in the written order, each the
    number at its place or, where none was read there, the number it restates (the nearest
    earlier of the same value: in its paragraph, or beyond it unless a bare single digit, as
    :func:`kb.extract.drafts._written_amounts` reads them), so "176/9=19.5" is 176 ms ÷ 9 ms
    stated above. Kept where the dimensions make the result's and the result agrees nearly
    exactly or misses by a telltale factor (twice or half included: the arithmetic is written
    out); it outranks any other relation of the result."""
    ws = written_arithmetic(text)   # (``text``: the reading view, :func:`reading_view`)
    if not ws:
        return {}
    q_starts = [q.s for q in qs]

    def at_place(pos: int) -> int | None:
        k = bisect_right(q_starts, pos) - 1   # (a "~" read with the number starts it)
        return k if k >= 0 and qs[k].s <= pos < qs[k].e else None

    by_value: dict[float, list[int]] = defaultdict(list)
    for k, q in enumerate(qs):   # (a number only its own expression names restates nothing: ``read``)
        if q.item.face_low is not None and q.item.face_low == q.item.face_high and q.item.id not in read:
            by_value[q.item.face_low].append(k)
    by_base: dict | None = None   # by value in base units, once an operand in e-notation restates nothing
    out: dict[int, _Cand] = {}
    for w in ws:
        formula = w.formula
        if formula not in ("a * b", "a / b", "a * b * c", "a * b / c"):
            continue
        i = at_place(w.result[0])
        if i is None:
            continue
        t = qs[i]
        para_lo = paras[bisect_right(paras, w.start) - 1] if paras and paras[0] <= w.start else 0
        options: list[list[int]] = []
        for s, e in w.operands:
            k = at_place(s)
            m = _X_VALUE_RE.match(text, s)
            digits = m.group(0).strip("$€£") if m else ""
            if k is not None and not (qs[k].item.unit == "item" and _E_NOTATION_RE.search(digits)):
                options.append([k])
                continue
            try:
                v = float(digits.replace(",", ""))
            except ValueError:
                break
            # the last RESTATED of that value before the expression (in its paragraph for a
            # single digit): looked for back from the expression's place only (the numbers are
            # in text order), not through every number of that value in the text
            same = by_value.get(v, ())
            cands = []
            j = bisect.bisect_left(same, w.start, key=lambda x: qs[x].s)
            while j > 0 and len(cands) < RESTATED:
                j -= 1
                if len(digits) < 2 and qs[same[j]].s < para_lo:
                    break
                cands.append(same[j])
            if k is not None:   # "15e12" read as a count: also the amount it restates ("15 trillion tokens")
                cands = [k]
            if len(cands) < 2 and _E_NOTATION_RE.search(digits):
                # "16.5e12" in base units restates "~16.5TB": the number of that base value
                if by_base is None:
                    by_base = defaultdict(list)
                    for k, q in enumerate(qs):
                        if q.item.face_low is not None and q.item.face_low == q.item.face_high \
                                and q.item.id not in read and q.flo > 0:
                            by_base[_base_key(q.flo)].append(k)
                            f = _prefix_scale(q.item.unit or "")   # "16.5TB" spelt out in bytes
                            if f:
                                by_base[_base_key(q.item.face_low * f)].append(k)
                cands += [k for k in reversed(by_base.get(_base_key(v), ())) if qs[k].s < w.start][:RESTATED]
            if not cands:
                break
            options.append(cands)
        else:
            best = None
            for combo in _combos(options):
                ins = tuple(qs[k] for k in combo)
                if len(set(combo)) < len(combo) or i in combo:
                    continue
                dims = ins[0].dims
                for op, q in zip(w.ops, ins[1:]):
                    dims = _combine(dims, q.dims, -1 if op == "/" else 1)
                per_count = False
                if dims != t.dims:
                    # "800 x 50,000 = 40M tokens" (tokens a request times requests a month): the
                    # writer's arithmetic holds where one count of a thing per another stands
                    # between its units; then only as stated, never a slip
                    per_count = _combine(dims, t.dims, -1) in _PER_COUNT_DIMS
                    if not per_count:
                        continue
                lo, hi = _face(formula, ins)
                c = _judge_written(t, formula, ins, lo, hi, text, w)
                if per_count and c is not None and c.verdict != "consistent":
                    c = None
                if c is not None and (best is None or best.verdict != "consistent" and c.verdict == "consistent"):
                    best = c
                    if c.verdict == "consistent":
                        break
            if best is not None:
                out[i] = best
    return out


#: What the units of compact arithmetic written out may differ by from its result's: one count of
#: requests (or users) each, which the writer's "tokens" or "$" per request leave unsaid.
_PER_COUNT_DIMS = frozenset(((("[query]", 1.0),), (("[query]", -1.0),), (("[user]", 1.0),), (("[user]", -1.0),)))


def _combos(options: list[list[int]]):
    if not options:
        yield ()
        return
    for k in options[0]:
        for rest in _combos(options[1:]):
            yield (k, *rest)


def _judge_written(t: "_Q", formula: str, ins: tuple, lo: float, hi: float, text: str = "",
                   w: "Written | None" = None) -> "_Cand | None":
    """:func:`_judge` for arithmetic the text writes out compactly: no window, and a slip may
    be any telltale factor whose units meet (twice or half included); no slip where ``text``
    states the factor among the numbers (:func:`_factor_stated`). Where the expression ``w``'s
    own digits do not give its result either, by the same factor (a power of ten aside: "MW"
    for millions of watts), the stated result is a slip whatever the factor
    (:func:`_digits_miss`): "64 × 350 W = 25 kW" (22.4 kW)."""
    if not (lo > 0 and math.isfinite(hi)) or t.group:
        return None
    ratio = math.sqrt(t.lo * t.hi) / math.sqrt(lo * hi)
    if t.lo <= hi * (1 + NEAR) and lo * (1 - NEAR) <= t.hi or abs(math.log(ratio)) <= _LOG_NEAR:
        return _proposal(t, formula, ins, lo, hi, "consistent", 1.0, None, "written")
    if t.ratio or t.hi > t.lo * (1 + 2 * VAGUE) or any(_vague(q) for q in ins) or _bound((t, *ins)):
        return None
    qs = (t, *ins)
    if text and _factor_stated(text, min(q.item.start for q in qs), max(q.item.end for q in qs), qs, ratio):
        return None
    involved = {k for q in (*ins, t) for k, _ in q.dims}
    words_used = set().union(*(_kinds_of_unit(q.names) for q in (*ins, t)))
    for factor, kind, words in TELLTALES:
        if _TELLTALE_DIMENSION.get(kind, "") and _TELLTALE_DIMENSION[kind] not in involved:
            continue
        if kind == "time-unit" and sum(1 for w in words_used if w.startswith("time:")) < 2:
            continue
        if kind == "bits-bytes" and not {"bits", "bytes"} <= words_used:
            continue
        for f in (factor, 1 / factor):
            if abs(math.log(ratio / f)) <= _LOG_TOLERANCE:
                return _proposal(t, formula, ins, lo, hi, "misses", ratio,
                                 f"{words}: the stated value is {_num(ratio)} × what the arithmetic gives", "written")
    if w is not None and abs(math.log(ratio)) > _written_tolerance(text, w) and _digits_miss(text, w, ratio):
        return _proposal(t, formula, ins, lo, hi, "misses", ratio,
                         f"the arithmetic written out does not give its result: the stated value is {_num(ratio)} × "
                         f"what its own numbers give", "written")
    return None


#: A result of arithmetic written out ("a × b = r") that misses what its numbers give by more
#: than this (relative), and by no telltale factor, is a slip only where the digits as written
#: miss too (:func:`_digits_miss`): less is rounding.
WRITTEN_MISS = 0.05
_X_ALL_RE = re.compile(rf"(?P<n>{_X_NUM})(?:{_X_UNIT}(?P<op>{_X_OP}))?")


#: ... and by more than this where the result is marked approximate ("≈ $44M", "= ~$108M").
WRITTEN_MISS_APPROX = 0.1
_APPROX_SIGN_RE = re.compile(r"[≈~]")


def _written_tolerance(text: str, w: "Written") -> float:
    """How far (log) the result of arithmetic written out may miss what its numbers give and
    still be rounding: :data:`WRITTEN_MISS` (:data:`WRITTEN_MISS_APPROX` after "≈" or "~"),
    or half a unit of its last significant digit where that is more ("≈ 400 kW" for 358 kW is
    400 to one figure: 350 to 450)."""
    rel = WRITTEN_MISS_APPROX if _APPROX_SIGN_RE.search(text, w.operands[-1][1], w.result[0] + 1) else WRITTEN_MISS
    m = _X_VALUE_RE.match(text, w.result[0])
    if m is not None:
        digits = m.group(0).strip("$€£").replace(",", "")
        if digits.isdigit() and digits.strip("0"):
            zeros = len(digits) - len(digits.rstrip("0"))
            rel = max(rel, 0.5 * 10 ** zeros / float(digits))
    return math.log1p(rel)


def _digits_miss(text: str, w: "Written", ratio: float) -> bool:
    """Do the digits of the expression ``w`` as written ("64 × 350 W = 25", every operand, a
    time conversion too) miss its result's digits by ``ratio`` (stated ÷ computed), or by it
    times a power of ten (a result in "MW" of watts, "$1.2M" of dollars)? Then the miss is the
    writer's arithmetic, not the units' reading (hours beside days, GiB beside GB: the digits
    agree and the units part them by no power of ten)."""
    value, op = None, "*"
    for m in _X_ALL_RE.finditer(text, w.start, w.result[0]):
        if m.start() < w.operands[0][0]:
            continue
        try:
            v = float(m.group("n").strip("$€£").replace(",", ""))
        except ValueError:
            return False
        if v <= 0:
            return False
        value = v if value is None else (value / v if op == "/" else value * v)
        if m.group("op") is None:
            break
        op = "/" if "/" in m.group("op") else "*"
    r = _X_VALUE_RE.match(text, w.result[0])
    if value is None or r is None:
        return False
    try:
        stated = float(r.group(0).strip("$€£").replace(",", ""))
    except ValueError:
        return False
    if not stated > 0:
        return False
    off = math.log10(stated / value / ratio)
    return abs(off - round(off)) <= math.log10(1 + NEAR)
