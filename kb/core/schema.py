"""The declared schema of every record kind: which fields a record may have, of what type,
which are required, and what each means.

The loader validates every record against this table (an unknown key is a ``schema``
finding with file and line, with the nearest known field suggested), and the field tables
of ``docs/data-format.md`` are generated from it (``docs/generated/schema.md``), so the
documentation cannot drift from what the loader accepts.

Field types:

``id``       an identifier: letters, digits, ``.``, ``_``, ``-`` (starting with a letter or digit)
``text``     a plain value written as text (numbers are read as their text)
``number``   a finite number: a YAML number or a decimal written as text (``"2.50"``,
             ``"1,000"`` with thousands separators grouped by three); never hexadecimal,
             octal, ``1_000``, NaN or infinity
``integer``  a whole number ≥ 0 (character offsets)
``date``     ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` (a real date)
``bool``     ``true`` or ``false``
``enum``     one of the listed values
``mapping``  a mapping of condition keys to plain values
``list``     a list of plain values
``record``   a nested record of the named kind
``records``  a list of nested records of the named kind
``words``    a list of words as articles write them (see :func:`words_pattern`)
``any``      anything (used for a categorical ``value``)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kb.core.findings import VERDICTS
from kb.core.intervals import QUALIFIERS

TRUST_TIERS = ("primary", "secondary", "web", "low")
CITATION_KINDS = ("primary", "primary-transcribed", "secondary")
UNRECORDED_REASONS = ("no-property", "no-entity", "vague", "ambiguous", "out-of-scope", "other")


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    doc: str
    required: bool = False
    values: tuple[str, ...] = ()  # enum values, or the nested record kind
    refers_to: str | None = None  # what the id names: entity, property, source, citation, claim


@dataclass(frozen=True, eq=False)
class RecordSchema:
    kind: str
    where: str
    doc: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        return self._by_name.get(name)

    @property
    def _by_name(self) -> dict[str, Field]:
        cache = _FIELD_INDEX.get(self.kind)
        if cache is None:
            cache = _FIELD_INDEX[self.kind] = {f.name: f for f in self.fields}
        return cache

    @property
    def names(self) -> tuple[str, ...]:
        """The field names, in order (one shared tuple per record kind)."""
        names = _NAMES.get(self.kind)
        if names is None:
            names = _NAMES[self.kind] = tuple(f.name for f in self.fields)
        return names


_FIELD_INDEX: dict[str, dict[str, Field]] = {}
_NAMES: dict[str, tuple[str, ...]] = {}

F = Field

_VALUE_FIELDS = (
    F("id", "id", "Unique id across the knowledge base.", required=True),
    F("entity", "id", "The entity the value is about (a registry id).", required=True, refers_to="entity"),
    F("property", "id", "What is measured (a vocabulary id).", required=True, refers_to="property"),
    F("value", "any", "The number as written (the scale word goes in the unit: `405` with "
      "`billion parameter`); for a categorical property, a category id. Not with `qualifier: range`."),
    F("low", "number", "Lower end of a range (`qualifier: range`)."),
    F("high", "number", "Upper end of a range (`qualifier: range`)."),
    F("unit", "text", "The unit as a unit text (`W`, `USD per 1M tokens`, `billion parameter`); "
      "none for a categorical property."),
    F("qualifier", "enum", "How the number is meant (default `exact`, or `range` when `low`/`high` are given).",
      values=QUALIFIERS),
    F("conditions", "mapping", "Condition keys the property takes, with their values "
      "(`{precision: fp16, sparsity: dense}`)."),
    F("note", "text", "Anything a reader needs to know about this record."),
)

CLAIM = RecordSchema("claim", "claims/<source-id>.yaml, under `claims:`",
                     "A number (or category) an article states, with its quote.", _VALUE_FIELDS + (
    F("quote", "text", "The shortest verbatim span of the source text that carries the number.", required=True),
    F("start", "integer", "Character offset of the quote in the source text.", required=True),
    F("end", "integer", "Character offset just after the quote.", required=True),
    F("as_of", "date", "The date the figure refers to, when the article gives it."),
    F("review", "record", "A curator's verdict on the claim.", values=("review",)),
    F("numerator", "record", "For a comparison (ratio, share, change, growth, difference): the side on top "
      "(for a difference, the side the other is subtracted from).", values=("term",)),
    F("denominator", "record", "For a comparison: the side below (for a difference, the side subtracted).",
      values=("term",)),
    F("derived", "record", "How the claim follows from other claims or references of the same source.",
      values=("relation",)),
))

REFERENCE = RecordSchema("reference", "datasets/references/*.yaml, under `references:`",
                         "A vetted value with its citation.", _VALUE_FIELDS + (
    F("citation", "id", "The citation it comes from.", required=True, refers_to="citation"),
    F("locator", "text", "Where in the cited document the value stands (table, row, page), as printed."),
    F("valid_from", "date", "When the value took effect (a price, a spec revision)."),
    F("valid_to", "date", "When it was superseded; empty while current."),
    F("estimate_by", "text", "Who estimated it, when it is a third party's estimate."),
    F("verified", "bool", "True when the value was read in the cited document."),
    F("numerator", "record", "For a published ratio or share: the side on top.", values=("term",)),
    F("denominator", "record", "For a published ratio or share: the side below.", values=("term",)),
))

CITATION = RecordSchema("citation", "datasets/references/*.yaml, under `citations:`",
                        "A document reference values come from.", (
    F("id", "id", "Unique id.", required=True),
    F("publisher", "text", "Publisher or author.", required=True),
    F("title", "text", "Title, and which table or section was read.", required=True),
    F("url", "text", "Address of the page read."),
    F("date", "text", "Publication or version date as the document gives it (free text: `2024-03`, "
      "`undated (read 2026-11-20)`)."),
    F("kind", "enum", "primary: the vendor's or author's own document; primary-transcribed: a faithful copy "
      "of one; secondary: a report attributing the figure.", values=CITATION_KINDS),
))

REVIEW = RecordSchema("review", "a claim's `review:`", "A curator's verdict on a claim.", (
    F("verdict", "enum", "correct: the article is right; wrong: it is not; dubious: probably wrong; "
      "unverifiable: nothing public to check it against.", required=True, values=VERDICTS),
    F("note", "text", "Why, with the source or the arithmetic checked against.", required=True),
    F("date", "date", "When the verdict was given.", required=True),
    F("reviewer", "text", "Who gave it."),
    F("fingerprint", "text", "What was reviewed (written by `kb review`): a changed claim makes the review stale."),
))

TERM = RecordSchema("term", "a comparison claim's `numerator:` / `denominator:`",
                    "One side of a ratio, share, change, growth or difference.", (
    F("entity", "id", "The entity.", required=True, refers_to="entity"),
    F("property", "id", "The property.", required=True, refers_to="property"),
    F("conditions", "mapping", "Its conditions."),
    F("as_of", "date", "For a change, growth or difference: the date or period of this side."),
))

RELATION = RecordSchema("relation", "a claim's `derived:`", "How a claim follows from others.", (
    F("formula", "text", "An expression over the names in `from` with + - * / ( ), plain numbers and unit-bearing "
      "constants in brackets (`[2 byte/parameter]`); see the checker documentation.", required=True),
    F("from", "mapping", "Each name of the formula bound to a claim id of the same source or a reference id.",
      required=True),
))

RATE = RecordSchema("rate", "datasets/references/*.yaml, under `rates:`",
                    "A yearly average exchange rate: how a price stated in another currency is compared in USD.", (
    F("currency", "id", "The currency's unit in the registry (`EUR`, `GBP`, `AUD`, `CAD`, `KRW`, `CNY`).", required=True),
    F("year", "integer", "The calendar year the rate is the average of.", required=True),
    F("per_usd", "number", "Units of the currency one US dollar bought on average that year, as the table "
      "prints it (divide an amount in the currency by it to get USD).", required=True),
    F("citation", "id", "The citation it comes from.", required=True, refers_to="citation"),
    F("locator", "text", "Where in the cited document the rate stands (table, row, column), as printed."),
    F("quote", "text", "The row of the cited table, verbatim."),
))

UNRECORDED = RecordSchema("unrecorded", "claims/<source-id>.yaml, under `unrecorded:`",
                          "A number of the source that could not be recorded faithfully, and why.", (
    F("quote", "text", "The number with its context, verbatim.", required=True),
    F("start", "integer", "Character offset of the quote."),
    F("end", "integer", "Character offset just after it."),
    F("reason", "enum", "Why it was not recorded.", required=True, values=UNRECORDED_REASONS),
    F("note", "text", "What would be needed to record it."),
))

ENTITY = RecordSchema("entity", "datasets/entities/*.yaml, under `entities:`",
                      "A thing claims are about: a GPU, a model, an organisation, a product...", (
    F("id", "id", "Unique id.", required=True),
    F("name", "text", "Name for people.", required=True),
    F("kind", "id", "gpu, model, organisation, architecture, product, system, cloud-instance, cluster, "
      "datacentre, region, activity, model-class, document, workload, gpu-class, cpu, cpu-class, "
      "energy-source, power-plant.", required=True),
    F("family", "id", "For a variant (a form factor, a size, a dated snapshot): its family.", refers_to="entity"),
    F("vendor", "id", "The organisation that makes or sells it.", refers_to="entity"),
    F("architecture", "id", "For a GPU: its architecture.", refers_to="entity"),
    F("class_of", "text", "For a class such as 'large language models': the kind of its members."),
    F("aliases", "list", "Strings that name exactly this entity in text."),
    F("word_aliases", "list", "Names that are also ordinary words ('Scale', 'Surge'): read as the entity only "
      "outside headings and lines written in title case."),
    F("ticker_aliases", "list", "Exchange tickers that are also words or abbreviations ('MU', 'SNOW', 'ARM'): read "
      "as the entity only written in capitals and in a ticker's place (a table cell of their own, in brackets, after "
      "'$' or an exchange's name, opening a list line before a colon, or beside another company's ticker)."),
    F("released", "date", "Release date (a model snapshot, a product). For a model with `line_aliases`: the "
      "day it became generally available (a preview does not count), from a cited page."),
    F("line_aliases", "list", "Names of the model's line without a version ('Gemini Flash', 'Mistral Medium'), "
      "which writers use for the version current when they write: in an article with a `published` date, "
      "such a name is the line's latest version `released` on or before it."),
    F("retired", "date", "Retirement or deprecation date."),
    F("note", "text", "Anything a reader needs to know."),
))

PLAUSIBLE = RecordSchema("plausible", "a property's `plausible:` entry (per entity kind)",
                         "A range outside which a value is flagged as implausible.", (
    F("low", "text", "Lower bound with its unit (`20 W`).", required=True),
    F("high", "text", "Upper bound with its unit (`2000 W`).", required=True),
    F("rationale", "text", "Why these bounds.", required=True),
    F("conditions", "mapping", "The conditions the range is for (a per-GPU range is not used for a per-node value)."),
))

PROPERTY = RecordSchema("property", "datasets/properties/*.yaml, under `properties:`",
                        "What is measured, in which canonical unit, under which conditions.", (
    F("id", "id", "Unique id.", required=True),
    F("name", "text", "Name for people.", required=True),
    F("description", "text", "What it means.", required=True),
    F("type", "enum", "quantity (default) or categorical.", values=("quantity", "categorical")),
    F("canonical_unit", "text", "The unit values are normalised to (a quantity needs one)."),
    F("states_maximum", "bool", "The property is a maximum (TDP, peak throughput): 'up to X' states X itself."),
    F("signed", "bool", "Values may be negative (a change)."),
    F("dated", "bool", "The value is a function of its date (the time since a release): claims are compared "
      "with each other only at the same date (their `as_of`, else their source's published date)."),
    F("comparison", "enum", "A claim of this property compares two terms (numerator, denominator); growth is "
      "the compound rate per year (or the doubling time) between the two terms' dates; difference is "
      "numerator − denominator in the sides' unit.",
      values=("ratio", "share", "change", "growth", "difference")),
    F("unit_from", "enum", "Instead of `canonical_unit`: a claim of this property is in the canonical unit of "
      "its numerator's property (a difference of two memory sizes is in GB), or in that unit per year (a "
      "yearly addition, between the two sides' dates).", values=("numerator",)),
    F("conditions", "list", "The condition keys the property takes."),
    F("plausible", "any", "Plausible ranges per entity kind (a range or a list of ranges each with "
      "its conditions)."),
    F("values_from", "id", "For a categorical property: the entity kind of its values."),
    F("registry_field", "id", "For a categorical property: the registry field it is checked against."),
    F("cues", "words", "Words that, near a number, favour this property over others of its unit "
      "(see 'How articles name a property')."),
    F("needs", "words", "Words one of which must be near a number for this property to be a candidate "
      "(unless it is the only one its unit allows)."),
))

CONDITION = RecordSchema("condition", "datasets/conditions.yaml, under `conditions:` (keyed by id)",
                         "A condition key: what it means and what it does to comparisons.", (
    F("description", "text", "What the key says.", required=True),
    F("values", "list", "The allowed values."),
    F("pattern", "text", "A regular expression the value must match (with `examples`)."),
    F("examples", "list", "Examples of values matching the pattern."),
    F("values_from", "id", "An entity kind whose ids are the values (`any`: any entity)."),
    F("mixup", "text", "How a likely cause names a mix-up of two values of this key."),
    F("display", "enum", "value: the value says what it is (fp16); key: show 'key value'.", values=("value", "key")),
    F("default", "text", "The value a record means when it leaves the key out."),
    F("ratio", "number", "The factor two values of this key make between otherwise equal figures (sparse = 2 x "
      "dense): a value off by it is named as this mix-up."),
))

SOURCE = RecordSchema("source", "datasets/sources/<id>.yaml (one mapping)",
                      "A registered article: metadata of a text that is never edited.", (
    F("id", "id", "Equals the file name; letters, digits, `_` and `-`.", required=True),
    F("title", "text", "The title as printed.", required=True),
    F("publisher", "text", "Publisher, outlet or blog."),
    F("author", "text", "Author."),
    F("published", "date", "Publication date, if printed."),
    F("url", "text", "Where it was read."),
    F("original_filename", "text", "The file it was registered from."),
    F("text", "text", "The text file beside it (default `<id>.txt`)."),
    F("sha256", "text", "SHA-256 of the text file, recorded when it was registered.", required=True),
    F("trust", "enum", "primary, secondary (reputable outlet), web, low (e.g. a headline that does not "
      "match the body).", required=True, values=TRUST_TIERS),
    F("note", "text", "Anything a reader needs to know."),
))

#: Top-level keys of each kind of file.
FILES = {
    "claims": RecordSchema("claims file", "claims/<source-id>.yaml", "The curated claims of one source.", (
        F("source", "id", "The source id (equals the file name).", required=True, refers_to="source"),
        F("claims", "records", "The claims.", required=True, values=("claim",)),
        F("unrecorded", "records", "Numbers of the source left out, with the reason.", values=("unrecorded",)),
    )),
    "references": RecordSchema("references file", "datasets/references/*.yaml", "Citations and reference values.", (
        F("citations", "records", "The documents cited.", values=("citation",)),
        F("references", "records", "The reference values.", values=("reference",)),
        F("rates", "records", "Yearly average exchange rates to USD.", values=("rate",)),
    )),
    "entities": RecordSchema("entities file", "datasets/entities/*.yaml", "Registry entries.", (
        F("entities", "records", "The entities.", required=True, values=("entity",)),
    )),
    "properties": RecordSchema("properties file", "datasets/properties/*.yaml", "Vocabulary entries.", (
        F("properties", "records", "The properties.", required=True, values=("property",)),
    )),
    "conditions": RecordSchema("conditions file", "datasets/conditions.yaml", "Condition keys.", (
        F("conditions", "any", "Condition keys by id (each a condition record).", required=True),
    )),
}

SCHEMAS: dict[str, RecordSchema] = {s.kind: s for s in (
    SOURCE, CLAIM, REFERENCE, CITATION, ENTITY, PROPERTY, PLAUSIBLE, CONDITION, REVIEW, TERM, RELATION, UNRECORDED,
    RATE,
)}


def markdown() -> str:
    """The field tables of every record kind, for docs/data-format.md."""
    out = []
    for s in (*FILES.values(), *SCHEMAS.values()):
        out.append(f"### {s.kind.capitalize()}\n\n{s.doc} Where: {s.where}.\n")
        out.append("| field | type | required | meaning |\n|---|---|---|---|")
        for f in s.fields:
            typ = f.type
            if f.type == "enum":
                typ = "one of " + ", ".join(f"`{v}`" for v in f.values)
            elif f.type in ("record", "records"):
                typ = f"{'list of ' if f.type == 'records' else ''}{f.values[0]} record{'s' if f.type == 'records' else ''}"
            elif f.refers_to:
                typ = f"{f.type} of {'an' if f.refers_to[0] in 'aeiou' else 'a'} {f.refers_to}"
            out.append(f"| `{f.name}` | {typ} | {'yes' if f.required else ''} | {f.doc.replace('|', '/')} |")
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- words

@functools.lru_cache(maxsize=4096)  # the linker checks every entry each time it keys its index
def word_pattern(entry: str) -> str:
    """The regular expression of one word entry (``cues:``, ``needs:``), written without
    regex knowledge: a word or phrase, matched case-insensitively where a word starts and
    up to where it ends; ``*`` at the end: any ending (``subscri*``); ``*`` at the start:
    anywhere, also inside a word; ``#``: a digit (``nvl#*``); ``(...)``: an optional part,
    ``(a|b)``: optionally one of several (``max(imum) power``, ``pay(s) (for )itself``);
    ``=`` first: the case as written (``=NI``). Any other character stands for itself.
    A word negated by "non-" ("non-paying") does not match. Raises ValueError saying what is wrong."""
    if not isinstance(entry, str) or not entry.strip():
        raise ValueError("an entry must be a non-empty word or phrase")
    s = entry.strip()
    exact = s.startswith("=")
    if exact:
        s = s[1:]
    anywhere, any_end = s.startswith("*"), s.endswith("*") and len(s) > 1
    s = s[1 if anywhere else 0:len(s) - 1 if any_end else len(s)]
    if not s.strip("()|* "):
        raise ValueError(f"{entry!r} has nothing to match")
    out, depth, last, deepest, required = [], 0, "", 0, False
    for ch in s:
        if ch == "*":
            raise ValueError(f"{entry!r}: '*' stands only at the start or the end")
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
            out.append("(?:")
        elif ch == ")":
            if depth == 0:
                raise ValueError(f"{entry!r}: ')' without its '('")
            if last in ("(", "|"):
                raise ValueError(f"{entry!r}: an empty part in '(...)'")
            depth -= 1
            out.append(")?")
        elif ch == "|":
            if depth == 0:
                raise ValueError(f"{entry!r}: '|' separates choices only inside '(...)'; write two entries instead")
            if last in ("(", "|"):
                raise ValueError(f"{entry!r}: an empty choice in '(...)'")
            out.append("|")
        elif ch == "#":
            out.append(r"\d")
            required = required or depth == 0
        else:
            out.append(re.escape(ch))
            required = required or depth == 0
        last = ch
    if depth:
        raise ValueError(f"{entry!r}: '(' without its ')'")
    # (a word negated by "non-" is not the word: "non-paying users" does not cue "paying")
    body = ("" if anywhere else r"(?<!\w)(?<![Nn]on-)") + "".join(out) + ("" if any_end else r"(?!\w)")
    if required and deepest <= 8:  # a character outside brackets: never empty; shallow: compiles
        return f"(?-i:{body})" if exact else body
    try:
        empty = re.match(body, "")
    except (re.error, RecursionError) as exc:  # brackets nested beyond what the engine takes
        raise ValueError(f"{entry[:40]!r}: cannot be read ({exc})") from None
    if empty:
        raise ValueError(f"{entry!r}: every part is optional, so it would match anything")
    return f"(?-i:{body})" if exact else body


@functools.lru_cache(maxsize=1024)
def words_pattern(entries: tuple) -> re.Pattern | None:
    """One compiled pattern (case-insensitive) for a property's word entries: any of them
    found in a text; None for no entries. Raises ValueError for a bad entry."""
    source = words_source(entries)
    return re.compile(source, re.I) if source is not None else None


def words_source(entries) -> str | None:
    """The text of :func:`words_pattern`'s pattern (compiled with ``re.I``), None for no
    entries: for a caller that compiles it only when it is first searched with. Raises
    ValueError for a bad entry."""
    parts = [word_pattern(e) for e in entries]
    return "|".join(f"(?:{p})" for p in parts) if parts else None
