"""The rule catalogue: every finding code the knowledge base can emit, in one explicit table.

Each :class:`Rule` has a stable kebab-case ``id`` (the finding's ``code``), a severity, a
kind (``integrity``: the data is malformed and nothing built on it can be trusted;
``content``: the data is well-formed and says something doubtful), a stage (``load``: found
while reading files; ``check``: found by a rule over the loaded knowledge base) and its
documentation. Findings are made through the rule objects (``SCHEMA.finding(...)``), so a
misspelled code is an ``AttributeError`` at import, never a finding silently dropped; and
:class:`~kb.core.findings.Finding` refuses a code that is not here.

The site renders this table (``docs/generated/rules.md``), and the tests require a failing
fixture for every rule. The implementations of check-stage rules are listed in
:data:`kb.rules.CHECKS`; the table does not depend on what has been imported.
"""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    kind: str
    stage: str
    title: str
    doc: str

    @property
    def summary(self) -> str:
        return self.title

    def finding(self, message: str, path: str, line: int | None, claims=(), **fields):
        """A finding of this rule (severity from the catalogue unless ``severity=`` is given)."""
        from kb.core.findings import Finding

        severity = fields.pop("severity", self.severity)
        return Finding(self.id, severity, message, path, line, tuple(claims), **fields)


def _rule(id: str, kind: str, stage: str, title: str, doc: str, severity: str | None = None) -> Rule:
    return Rule(id, severity or ("error" if kind == "integrity" else "warning"), kind, stage, title,
                " ".join(doc.split()))


YAML_SYNTAX = _rule("yaml-syntax", "integrity", "load", "A file cannot be read as YAML.", """
    Malformed YAML, a file that is not UTF-8, a file too large to be a knowledge-base file, a
    file that uses YAML anchors and aliases (which would let one line stand for millions of
    values), a symbolic link that points outside the project or nowhere. The file is skipped;
    every other file is still checked.""")
SCHEMA = _rule("schema", "integrity", "load", "A record does not have the shape the data format requires.", """
    A record that is not a mapping, a field the data format does not have (a misspelled
    key), a missing required field, text where a number belongs, NaN, infinity or a negative
    amount, an impossible date, an unknown qualifier, a range whose low is above its high, a
    review without a valid verdict, a key given twice, a claims file whose `source` does not
    match its name. The field tables of the data format are generated from the same schema.""")
DUPLICATE_ID = _rule("duplicate-id", "integrity", "load", "The same id is defined more than once.", """
    Ids of claims, references, entities, properties, sources and citations are unique across
    the knowledge base; an alias names one entity only.""")
UNKNOWN_ENTITY = _rule("unknown-entity", "integrity", "check",
                       "A record names an entity that is not in the registry (datasets/entities/).", """
    Claims, references and the registry's own links (a variant's `family`, a `vendor`, an
    `architecture`) must name registered entities, and so must the values of condition keys
    whose values are entities (datasets/conditions.yaml, `values_from`). A family chain that
    loops back on itself is reported here too.""")
UNKNOWN_PROPERTY = _rule("unknown-property", "integrity", "check",
                         "A record names a property that is not in the vocabulary (datasets/properties/).", """
    The message suggests the nearest property id.""")
UNKNOWN_SOURCE = _rule("unknown-source", "integrity", "load",
                       "A claims file names a source that is not registered in datasets/sources/.", """
    Every claims file quotes one registered source.""")
UNKNOWN_CONDITION = _rule("unknown-condition", "integrity", "check",
                          "A condition key the property does not take, or a value the key does not allow.", """
    Conditions change what a number means (FP16 or FP32, input or output tokens); only the
    keys listed by the property and the values listed in datasets/conditions.yaml are allowed.""")
UNIT_UNKNOWN = _rule("unit-unknown", "integrity", "load", "A unit text the registry cannot read completely.", """
    Nothing is guessed and nothing is dropped: an unknown word, a bare `$`, or a symbol pint
    would silently ignore is a finding.""")
UNIT_DIMENSION = _rule("unit-dimension", "integrity", "load",
                       "A unit of the wrong dimensionality for its property.", """
    Watts for a token price, USD/token for a TDP. Also a categorical value whose category is
    not an entity of the right kind, or a unit given to a categorical property.""")
QUOTE_NOT_FOUND = _rule("quote-not-found", "integrity", "check",
                        "A claim's quote is not a verbatim part of its source text at the recorded offsets.", """
    The message says where the quote does occur, if it occurs elsewhere, so the offsets can
    be corrected.""")
QUOTE_VALUE = _rule("quote-value", "integrity", "check",
                    "A claim's number is not what its quote says.", """
    The numbers of the quote are read with the extractor's grammar (digits, scale words and
    letters, multipliers and fractions in words) and the claim's value (or both ends of its
    range) must be one of them, as written or with its scale word, or the usual way a curator
    records it (a percentage as a ratio or a change, a ratio the other way round). A claim
    whose value was edited while its quote still says the old number is caught here: the
    message shows both.""")
SOURCE_HASH_MISMATCH = _rule("source-hash-mismatch", "integrity", "load",
                             "A source text no longer has the SHA-256 recorded when it was registered.", """
    Sources are never edited: a corrected article is registered as a new source.""")
SOURCE_PATH = _rule("source-path", "integrity", "load",
                    "A source's text file is missing, unreadable, not UTF-8, or points outside the project.", """
    The metadata file names its text file; it must be a readable UTF-8 file inside the project.""")
RELATION_INVALID = _rule("relation-invalid", "integrity", "check",
                         "A claim's `derived:` relation cannot be evaluated.", """
    The formula is outside the grammar (only names, numbers, + - * /, parentheses and
    unit-bearing constants such as `[2 byte/parameter]`), uses a name that `from` does not
    bind (or `from` binds a name the formula does not use), names an id that is neither a claim
    nor a reference, names a claim of another source or the claim itself, an input has no
    usable value, the arithmetic is refused (adding watts to dollars, dividing by an interval
    that holds zero), or the result has another dimension than the claim (a formula that gives
    USD for a price per query). The finding points at the `derived:` block.""")
ARITHMETIC = _rule("arithmetic", "content", "check",
                   "A stated value misses what the article's own arithmetic gives.", """
    A claim with a `derived:` formula is recomputed from its inputs with intervals and units,
    and a ratio, share or change claim is recomputed from the article's own claims about its
    two sides; the stated interval misses the computed one (after the slack for rounding and
    calendar months). The evidence is the formula with the article's numbers, each input with
    its quote, the computed interval and the factor; the likely cause names the telltale
    factor: a 10^k scale slip, per 1K vs per 1M, per day vs per month or year, per hour vs per
    month, GB vs GiB, 2 (sparse vs dense), 8 (bits vs bytes), an inverted ratio, figures from
    different periods, percent vs percentage points.""")
SCOPE_MISMATCH = _rule("scope-mismatch", "content", "check",
                       "The article's own arithmetic charges a whole instance's or node's figure per GPU.", """
    A claim with a `derived:` formula that is a plain product (no division, no sum) of a count
    of GPUs and a value whose `scope` is a group of GPUs (an instance, a node, a rack, a
    cluster, a board pair or superchip): the price of an eight-GPU cloud instance multiplied by
    a number of GPUs and hours, say. The arithmetic may hold, but each GPU is charged the
    whole group's figure, so the result is as many times too high as the group has GPUs (the
    factor is named where a reference gives the group's GPU count; a group of one GPU is left
    alone).""")
WEIGHTS_SIZE = _rule("weights-size", "content", "check",
                     "A model's stated weights size misses its parameter count times the bytes per parameter.", """
    A claim of the memory a model's weights take (`weights-memory`) at a `precision` of fixed
    width (FP32 4 bytes, FP16 and BF16 2, FP8 and INT8 1, FP6 0.75, FP4 and INT4 0.5) is set
    beside the model's parameter count times those bytes. The count is the model's own
    reference value (`parameters-total` of that very model, in force at the claim's date; a
    family's variants differ in size, so neither stands in for the other) or, without one,
    the article's own figure for it. A size more than 1.5 times below or above at a quantised
    precision (under two bytes), 1.2 times at 16 bits or more, is a miss (the
    slack leaves room for quantisation scales, layers kept at higher precision and GB read as
    GiB); the likely cause names the precision whose size it equals, or a factor of about
    two (a quarter byte per parameter for 4 bits). The memory to run a model
    (`serving-memory`) at such a precision holds at least those weights: a stated total more
    than 1.1 times below them (GB read as GiB) is a miss too; what a run adds on top has no
    bound.""")
COMPARISON_REFERENCES = _rule("comparison-contradicts-references", "content", "check",
                              "A ratio, share or change misses what the reference values of its two sides give.", """
    The comparison is computed from like-for-like reference values of its numerator and
    denominator (the same conditions apart from those the sides name; for a change, the same
    series at the two dates), or from the article's own figure for one side and the
    references of the other for the same period. A published value for the same two sides
    outranks the computed one, and a claim with a `derived:` formula is checked by its formula
    (its inputs are compared with the references one by one). The finding is `info`: which
    references stand for a side (providers, dates, benchmarks) is a choice, so it is a hint
    to look, with the computed interval, the pair of references nearest the stated value and
    the likely cause as evidence.""", severity="info")
CONFLICT = _rule("conflict", "content", "check",
                 "Claims from different sources about the same entity, property and conditions disagree.", """
    Claims are grouped by entity, property and conditions and sorted; a sweep finds the gaps
    between clusters of overlapping intervals, and each gap with claims from different
    sources on its two sides is one finding, naming the claims nearest the gap. For a family,
    the likely cause says which variant each side fits.""")
CONTRADICTS_REFERENCE = _rule("contradicts-reference", "content", "check",
                              "A claim misses every reference value that applies to it.", """
    The references that apply are those of the claim's entity, of its variants (for a family)
    or its family (for a variant), or of every member (for a class such as "large language
    models"), for the same property, with compatible conditions, in force at the claim's date
    (without a date: the current values). A family claim that fits one variant only is not a
    contradiction. Categorical claims (architecture, vendor) are compared with the registry.
    A ratio, share or change claim is compared with published values for the same two sides
    (the same comparison computed from the references of its two sides is the rule
    `comparison-contradicts-references`). Against third-party estimates only, the finding is
    `info`; so is a miss that is unsure (a class claim beside few members' references, a price
    that names no provider beside other providers' prices): see docs/checker.md.""")
IMPLAUSIBLE = _rule("implausible", "content", "check",
                    "A value lies wholly outside the property's plausible range for the entity's kind.", """
    The ranges and their rationale are in the property vocabulary (datasets/properties/); a
    range applies only to records whose conditions match its own (a per-node power is never
    judged against the per-GPU range). The likely cause names the scale slip that would bring
    the value into range.""")

REVIEW_STALE = _rule("review-stale", "content", "check",
                     "A claim's review no longer judges what the claim says.", """
    A review records a fingerprint of what it judged (entity, property, value, unit, qualifier,
    conditions, compared terms, quote; `kb review` writes it). When the claim changes, its
    review is stale: the findings about the claim count as unreviewed (so `kb check --strict`
    fails) until someone reviews it again (`kb review CLAIM --verdict ...`, or `--confirm` to
    keep the verdict for the claim as it is now). A review without a fingerprint is reported
    the same way: nothing says what it judged.""")

NOT_COMPARED = _rule("not-compared", "content", "check",
                     "A money claim in another currency that cannot be compared in USD.", """
    A price or amount stated in euros, pounds, Australian dollars or won keeps its stated value
    and unit and is compared in USD through the yearly average exchange rate of its date (its
    `as_of`, else its source's published date), a cited rate of datasets/references/ (`rates:`);
    the comparison's evidence names the rate. Where no rate is given for that currency and year
    (or the claim has no date), the claim is not compared with anything, and this notice says
    so at the claim's unit.""", severity="info")

#: Every rule, in the order reports list them.
RULES: dict[str, Rule] = {r.id: r for r in (
    YAML_SYNTAX, SCHEMA, DUPLICATE_ID, UNKNOWN_ENTITY, UNKNOWN_PROPERTY, UNKNOWN_SOURCE, UNKNOWN_CONDITION,
    UNIT_UNKNOWN, UNIT_DIMENSION, QUOTE_NOT_FOUND, QUOTE_VALUE, SOURCE_HASH_MISMATCH, SOURCE_PATH, RELATION_INVALID,
    CONFLICT, CONTRADICTS_REFERENCE, IMPLAUSIBLE, ARITHMETIC, COMPARISON_REFERENCES, SCOPE_MISMATCH, WEIGHTS_SIZE, REVIEW_STALE,
    NOT_COMPARED,
)}


def rule(code: str) -> Rule:
    """The rule of a finding code (``KeyError`` for a code that is not in the catalogue)."""
    return RULES[code]
