"""Markdown pipe tables in a source text: rows, cells and the headers each cell sits under.

HTML sources are stored with their tables as pipe tables (:mod:`kb.store.ingest`), so one
reader serves both. A table is a block of at least two consecutive lines that start and
end with ``|``; the first line is the header (a ``|---|`` separator line after it is
optional). Rows may drop their outer pipes, as GitHub allows (``A100 | 80GB | $1.99/hr``
under ``GPU | VRAM | RunPod`` and ``----|----|----``), and three lines or more of as many
pipe-separated cells with no rule line are a table too (:func:`find_bare_tables`). Every cell keeps its character offsets in the text, so a number found in a
cell has exact offsets too; its context is the row (the quote curated claims use for a
table cell), the row's label (first cell) and the column's header, and the nearest
Markdown heading above the table.

A text bar chart (``Model A   ████████ 128K``: a label, a bar of block characters and a
number on each line) is read as a two-column table too: the label is the row's first cell,
the number its second, and the chart's title (the line above it, ``Context length
(tokens)``) the second column's header, which names the unit.

A table pasted into a fenced block (``` or ~~~) is read as a table too: rows drawn with
box characters or bars between ``+---+`` borders, pipes between the cells only (a command's
output), or columns laid out with blanks under a header line of words
(:func:`find_fenced_tables`); other fenced text (code, shell output, notes) is no table.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

__all__ = ["Cell", "Table", "find_tables", "find_pipe_tables", "find_html_tables", "find_tab_tables", "find_bar_charts",
           "find_fenced_tables", "find_bare_tables", "line_matches", "MD_HEADING_RE"]

_ROW_RE = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)
# (a rule cell is two dashes or more, or one beside a colon: "| :--- | --: | -: |"; a lone "-" is an empty cell)
_SEP_RE = re.compile(r"^[ \t]*\|?(?:[ \t]*(?::?-{2,}:?|:-:?|-:)[ \t]*\|)+(?:[ \t]*(?::?-{2,}:?|:-:?|-:)[ \t]*)?\|?[ \t]*$",
                     re.MULTILINE)
#: a rule line whose cells are single dashes ("| - | -: |"), taken as one only right under a header
_SHORT_SEP_RE = re.compile(r"[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$")
#: A Markdown heading line ("## Fine-tuning Models"), the whole line; group 1 its title without
#: the blanks and closing hashes after it.
MD_HEADING_RE = re.compile(r"^[ \t]*#{1,6}[ \t]+([^\n]+?)[ \t#]*$", re.MULTILINE)
# a heading line as a table's caption reads it: a Markdown heading, its title "h" with any closing
# hashes (not MD_HEADING_RE's title), or a bold line "b" ("**Table 2: Prices**")
_HEADING_RE = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+(?P<h>[^\n]+)|\*\*(?P<b>[^*\n]{3,120})\*\*:?[ \t]*)$",
                         re.MULTILINE)


@dataclass(slots=True)
class Cell:
    start: int  # offsets of the cell's text (stripped of blanks) in the source text
    end: int
    text: str


@dataclass
class Table:
    start: int
    end: int
    header: list[Cell]
    rows: list[list[Cell]] = field(default_factory=list)
    row_spans: list[tuple[int, int]] = field(default_factory=list)  # each data row's line, stripped
    caption: str = ""                                                # nearest heading above the table
    caption_span: tuple[int, int] | None = None
    html: bool = False                                               # an HTML <table> in the text

    def column_header(self, col: int) -> Cell | None:
        return self.header[col] if 0 <= col < len(self.header) and self.header[col].text else None

    def group_label(self, row: int) -> Cell | None:
        """The label of the group row ``row`` sits under: the nearest row above it with one filled
        cell, its first (``| **Speedup** |`` over the rows of ratios), in a table of several
        columns; None if none."""
        groups = getattr(self, "_groups", None)
        if groups is None:
            groups, current = [], None
            wide = len(self.header) > 1
            for r in self.rows:
                if wide and r and r[0].text and all(not c.text for c in r[1:]) and len(r) < len(self.header):
                    current = r[0]
                    groups.append(None)
                else:
                    groups.append(current)
            self._groups = groups
        return groups[row] if 0 <= row < len(groups) else None

    def quote_span(self, row: int, col: int) -> tuple[int, int]:
        """What a number of the cell quotes: its row's line, or in an HTML table the cell alone
        (the row's text runs through tags, often over several lines)."""
        if self.html:
            cell = self.rows[row][col]
            return cell.start, cell.end
        return self.row_spans[row]


def _cells(text: str, lo: int, hi: int, open_end: bool = False) -> list[Cell]:
    """The cells of the row line text[lo:hi] (escaped pipes ``\\|`` stay inside a cell). With
    ``open_end``, a row with no closing pipe (``| **H100**``, a group row inside a table): its
    line's end closes its last cell."""
    first = text.index("|", lo, hi)
    last = text.rindex("|", lo, hi)
    end = len(text[lo:hi].rstrip()) + lo
    if open_end and last < end - 1 and text.find("\\|", first, end) < 0:
        last = end
    elif first == last:
        return []
    if text.find("\\|", first, last + 1) < 0:
        # no escaped pipe (nearly every row): the cells are the pieces between the pipes,
        # each stripped by str.strip (the blanks str.isspace calls blank), read at C speed
        out = []
        s = first + 1
        for piece in text[s:last].split("|"):
            a = s + len(piece) - len(piece.lstrip())
            body = piece.strip()
            out.append(Cell(a, a + len(body), body))
            s += len(piece) + 1
        return out
    return _cells_escaped(text, first, last)


def _stripped_cell(text: str, a: int, b: int) -> Cell:
    """The cell of text[a:b] with its blanks (str.isspace) at either end left out."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Cell(a, b, text[a:b])


def _cells_escaped(text: str, first: int, last: int) -> list[Cell]:
    """:func:`_cells` of a row with an escaped pipe: pipe by pipe."""
    out = []
    s = first + 1
    i = text.find("|", s, last + 1)  # (pipe by pipe, not character by character)
    while i >= 0:
        if text[i - 1] != "\\":
            out.append(_stripped_cell(text, s, i))
            s = i + 1
        i = text.find("|", i + 1, last + 1)
    return out


def line_matches(rx: re.Pattern, text: str, chars):
    """``rx.finditer(text)`` for a pattern that matches a whole line (``^...$``, multiline)
    only where the line has one of ``chars`` (characters, or strings such as a fence's
    "```"): the pattern is tried only at the start of the lines that have one, not at every
    position of the text."""
    at = set()
    for ch in chars:
        i = text.find(ch)
        while i >= 0:
            lo = text.rfind("\n", 0, i) + 1
            at.add(lo)
            hi = text.find("\n", i)
            if hi < 0:
                break
            i = text.find(ch, hi)
    for lo in sorted(at):
        m = rx.match(text, lo)
        if m is not None:
            yield m


def find_tables(text: str, source: str | None = None) -> list[Table]:
    """Every pipe table and HTML table of ``text``, in order. With ``source`` (the text before
    its markup was blanked, of the same length), HTML tables are found by their tags there
    and their cells read in ``text``."""
    src = text if source is None else source
    html = find_html_tables(src, text) if "<t" in src or "<T" in src else []
    pipes = find_pipe_tables(text)
    if "```" in text or "~~~" in text:
        fenced = find_fenced_tables(text)
        if fenced:
            pipes = sorted([p for p in pipes if not any(f.start <= p.end and p.start <= f.end for f in fenced)] + fenced,
                           key=lambda t: t.start)
    if "+-" in text or "+=" in text:
        grids = [g for g in find_grid_tables(text) if not any(p.start <= g.end and g.start <= p.end for p in pipes)]
        if grids:
            pipes = sorted(pipes + grids, key=lambda t: t.start)
    if "|" in text:
        bare = find_bare_tables(text, pipes)
        if bare:
            pipes = sorted(pipes + bare, key=lambda t: t.start)
    if "\t" in text:
        tabs = [t for t in find_tab_tables(text) if not any(p.start <= t.end and t.start <= p.end for p in pipes)]
        if tabs:
            pipes = sorted(pipes + tabs, key=lambda t: t.start)
    if not html:
        return pipes
    return sorted(html + [p for p in pipes if not any(h.start <= p.end and p.start <= h.end for h in html)],
                  key=lambda t: t.start)


# an HTML table written in a Markdown text (Jekyll and Hugo posts keep tables so): its rows and
# cells, by their tags; a cell ends at its closing tag or where the next cell or row begins
_HTML_TABLE_RE = re.compile(r"<table\b[^<>]{0,400}>(?P<body>.*?)</table\s*>", re.IGNORECASE | re.DOTALL)
_HTML_ROW_RE = re.compile(r"<tr\b[^<>]{0,400}>(?P<body>.*?)(?=</tr\s*>|<tr\b|\Z)", re.IGNORECASE | re.DOTALL)
_HTML_CELL_RE = re.compile(r"<(?P<tag>t[dh])\b[^<>]{0,400}>(?P<body>.*?)(?=</t[dh]\s*>|<t[dh]\b|\Z)",
                           re.IGNORECASE | re.DOTALL)
_HTML_TABLE_MAX = 200_000  # (characters: a table longer than this is no table a reader reads as one)


def find_html_tables(text: str, view: str | None = None) -> list[Table]:
    """Every HTML ``<table>`` of ``text`` with at least a header row and a data row, in order:
    the first row is the header; each cell keeps the offsets of its content (stripped of
    blanks) in ``text``. With ``view`` (``text`` with markup blanked, of the same length) the
    cells' text is read there ("<strong>Model</strong>" is "Model")."""
    view = text if view is None else view
    headings, heading_starts = _headings(view)
    out = []
    for tm in _HTML_TABLE_RE.finditer(text):
        if tm.end() - tm.start() > _HTML_TABLE_MAX:
            continue
        rows = []
        for rm in _HTML_ROW_RE.finditer(text, tm.start("body"), tm.end("body")):
            cells = []
            for cm in _HTML_CELL_RE.finditer(text, rm.start("body"), rm.end("body")):
                a, b = cm.start("body"), cm.end("body")
                while a < b and view[a].isspace():
                    a += 1
                while b > a and view[b - 1].isspace():
                    b -= 1
                cells.append(Cell(a, b, " ".join(view[a:b].split())))
            if cells:
                rows.append(cells)
        if len(rows) < 2:
            continue
        t = Table(tm.start(), tm.end(), rows[0], html=True)
        for cells in rows[1:]:
            t.rows.append(cells)
            t.row_spans.append((cells[0].start, cells[-1].end))
        _set_caption(t, headings, heading_starts)
        out.append(t)
    return out


def find_pipe_tables(text: str) -> list[Table]:
    """Every pipe table of ``text``, in order."""
    if "|" not in text:
        return []
    lines = [(m.start(), m.end()) for m in line_matches(_ROW_RE, text, "|") if text.count("|", m.start(), m.end()) >= 2]
    lines = _with_open_rows(text, lines)
    headings, heading_starts = _headings(text)
    tables = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and _next_line(text, lines[j][1]) == lines[j + 1][0]:
            j += 1
        if j > i:
            block = lines[i:j + 1]
            # a rule line under a later row starts a new table (two tables with no blank line between)
            cuts = [0] + [k - 1 for k in range(2, len(block)) if _SEP_RE.match(text, *block[k])] + [len(block)]
            for a, b in zip(cuts, cuts[1:]):
                t = _table(text, block[a:b], headings, heading_starts)
                if t is not None:
                    tables.append(t)
        i = j + 1
    return tables


_TAB_SPLIT_RE = re.compile(r"[ \t]*\t[ \t]*")


def _tab_cells(text: str, lo: int, hi: int) -> list[Cell]:
    """The cells of a line of tab-separated values text[lo:hi] (blanks around each tab dropped)."""
    out, a = [], lo
    while a < hi and text[a] in " \t":
        a += 1
    for m in _TAB_SPLIT_RE.finditer(text, a, hi):
        out.append(Cell(a, m.start(), text[a:m.start()]))
        a = m.end()
    b = hi
    while b > a and text[b - 1] in " \t\r":
        b -= 1
    if b > a:
        out.append(Cell(a, b, text[a:b]))
    return out


def find_tab_tables(text: str) -> list[Table]:
    """Every table of tab-separated values of ``text`` (a table copied from a web page as text:
    "Year\tOOMs\tCost" over "2022\t~GPT-4 cluster\t~$500M"), in order: a header line and two
    rows or more, each of three cells or more, all of the header's number of cells, its lines
    next to each other or one blank line apart; a header whose cells are mostly numbers is
    none (a column of figures), nor is a line that opens with a blank (an indented line of code)."""
    lines = []
    i = text.find("\t")
    while i >= 0:
        lo = text.rfind("\n", 0, i) + 1
        hi = _line_end(text, lo)
        if text[lo:lo + 1] not in (" ", "\t"):
            cells = _tab_cells(text, lo, hi)
            if len(cells) >= 3 and all(c.text for c in cells):
                lines.append((lo, hi, cells))
        nxt = text.find("\n", hi)
        if nxt < 0:
            break
        i = text.find("\t", nxt)
    captions = _Captions(text)
    tables, k = [], 0
    while k < len(lines):
        j = k
        while j + 1 < len(lines) and len(lines[j + 1][2]) == len(lines[k][2]) and _near_line(text, lines[j][1], lines[j + 1][0]):
            j += 1
        head = lines[k][2]
        if j - k >= 2 and sum(any(ch.isdigit() for ch in c.text) for c in head) * 2 < len(head):
            t = Table(lines[k][0], lines[j][1], head)
            for lo, hi, cells in lines[k + 1:j + 1]:
                t.rows.append(cells)
                t.row_spans.append((cells[0].start, cells[-1].end))
            captions.set(t)
            tables.append(t)
        k = j + 1
    return tables


def _near_line(text: str, end: int, start: int) -> bool:
    """Whether the line starting at ``start`` follows the line ending at ``end`` right after it or
    one blank line below."""
    a = _next_line(text, end)
    if a == start:
        return True
    if a < 0 or text[a:start].strip():
        return False
    return _next_line(text, _line_end(text, a)) == start


#: a row with an opening pipe and no closing one (``| **H100**``): GitHub's tables allow it
_OPEN_ROW_RE = re.compile(r"[ \t]*\|[^\n]*[^\s|][ \t]*")


def _with_open_rows(text: str, lines: list) -> list:
    """``lines`` (row lines, in order) with each line that opens with a pipe but does not close
    with one and sits between two row lines: a group row (``| **H100**`` over the rows of that
    GPU) or a row missing its last pipe, which would otherwise cut the table in two."""
    extra = []
    for (_, hi), (lo, _) in zip(lines, lines[1:]):
        a = _next_line(text, hi)
        if a < 0 or a >= lo:
            continue
        b = _line_end(text, a)
        if _next_line(text, b) == lo and _OPEN_ROW_RE.fullmatch(text, a, b):
            extra.append((a, b))
            continue
        # a run of rows each missing its last pipe between two rows ("| e5-base-v2 | 768 | 50.77
        # |100%" twice over): each of two cells or more, the run reaching the next row line
        run = []
        while 0 <= a < lo and _OPEN_ROW_RE.fullmatch(text, a, b) and text.count("|", a, b) >= 2:
            run.append((a, b))
            a = _next_line(text, b)
            b = _line_end(text, a) if a >= 0 else a
        if run and a == lo:
            extra.extend(run)
    # every data row missing its last pipe ("| 2028| 8.44B| 2.15B |\t25.5%" under "| --| -- |"): a run
    # of such rows, each of two cells or more, right after a table's rule line or a row of it
    starts = {a for a, _ in lines}
    for a0, hi in lines:
        if not _SEP_RE.match(text, a0, hi):
            continue
        a = _next_line(text, hi)
        while 0 <= a < len(text) and a not in starts:
            b = _line_end(text, a)
            if not _OPEN_ROW_RE.fullmatch(text, a, b) or text.count("|", a, b) < 2 or (a, b) in extra:
                break
            extra.append((a, b))
            a = _next_line(text, b)
    return sorted(set(lines + extra)) if extra else lines


def _table(text: str, block: list, headings: list, heading_starts: list) -> Table | None:
    if len(block) < 2:
        return None
    header_line, body = block[0], block[1:]
    body = [ln for ln in body if not _SEP_RE.match(text, ln[0], ln[1])]
    if body and body[0] == block[1] and _SHORT_SEP_RE.match(text, *body[0]):
        body = body[1:]  # "| - | -: | -: |" right under the header: a rule of single dashes
    t = Table(block[0][0], block[-1][1], [_unmarked(c) for c in _cells(text, *header_line)])
    for lo, hi in body:
        t.rows.append(_cells(text, lo, hi, open_end=True))
        line = text[lo:hi]
        a = lo + len(line) - len(line.lstrip())
        t.row_spans.append((a, a + len(line.strip())))
    _set_caption(t, headings, heading_starts)
    return t if t.rows else None


# a footnote's mark closing a header cell ("| Batch Size<sup>(1)</sup> |", "| TP<sup>2</sup> |"): the
# mark points to a note under the table, it is no part of what the column holds
_HEADER_MARK_RE = re.compile(r"(?:<sup>[^<>|]{1,12}</sup>\s*)+$", re.IGNORECASE)


def _unmarked(c: Cell) -> Cell:
    """The header cell ``c`` without the footnote marks that close it (its end moved before them)."""
    if "</" not in c.text:
        return c
    m = _HEADER_MARK_RE.search(c.text)
    if m is None or m.start() == 0:
        return c
    body = c.text[:m.start()].rstrip()
    return Cell(c.start, c.start + len(body), body)


def _headings(text: str) -> tuple[list, list]:
    """The Markdown headings (and bold lines) of ``text``: (start, text, where the text starts)
    each, and their starts."""
    headings = [(m.start(), m.group("h") or m.group("b"), m.start("h") if m.group("h") else m.start("b"))
                for m in line_matches(_HEADING_RE, text, "#*")]
    return headings, [h[0] for h in headings]


def _set_caption(t: Table, headings: list, heading_starts: list) -> None:
    """The nearest heading above the table is its caption."""
    k = bisect.bisect_right(heading_starts, t.start) - 1
    if k >= 0:
        h = headings[k]
        cap = h[1].strip()
        t.caption, t.caption_span = cap, (h[2], h[2] + len(cap))


class _Captions:
    """The captions of one text's tables: its headings are read once, when a table first needs
    them (most texts have no table of a given kind)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.headings: list | None = None
        self.starts: list = []

    def set(self, t: Table) -> None:
        if self.headings is None:
            self.headings, self.starts = _headings(self.text)
        _set_caption(t, self.headings, self.starts)


_BAR_CHARS = "█▇▆▅▄▃▂▁▉▊▋▌▍▎▏■▓▒░"
_BAR_RE = re.compile(r"^[ \t]*(?P<label>[^\n" + _BAR_CHARS + r"]*?[^\s" + _BAR_CHARS + r"])[ \t]*[" + _BAR_CHARS
                     + r"]{2,}[ \t]*(?P<value>[^\s" + _BAR_CHARS + r"][^\n" + _BAR_CHARS + r"]*?)[ \t]*$", re.MULTILINE)
_BAR_RUN_RE = re.compile(r"[" + _BAR_CHARS + r"]{2,}")
_TITLE_SKIP_RE = re.compile(r"[ \t]*(?:```|~~~)?[ \t]*$")


def _bar_runs(text: str) -> list[tuple[int, int]]:
    """The spans of ``_BAR_RUN_RE.finditer(text)`` (the runs of two bar characters or more):
    each bar character's places found with str.find, which skips the text faster than the
    pattern's character set can be tried at each position."""
    at = []
    for ch in _BAR_CHARS:
        i = text.find(ch)
        while i >= 0:
            at.append(i)
            i = text.find(ch, i + 1)
    at.sort()
    runs, k = [], 0
    while k < len(at):
        j = k
        while j + 1 < len(at) and at[j + 1] == at[j] + 1:
            j += 1
        if j > k:
            runs.append((at[k], at[j] + 1))
        k = j + 1
    return runs


def find_bar_charts(text: str) -> list[Table]:
    """Every text bar chart of ``text`` (at least two consecutive bar lines), as tables."""
    if not any(c in text for c in _BAR_CHARS[:8]):
        return []
    # a bar line has two bar characters in a row: only the lines with such a run are read
    # (the line pattern tried at every line start was most of the time spent here)
    bars, line_hi = [], -1
    for r_start, r_end in _bar_runs(text):
        if r_start < line_hi:
            continue  # (a second run on a line already read)
        lo = text.rfind("\n", 0, r_start) + 1
        line_hi = text.find("\n", r_end)
        line_hi = len(text) if line_hi < 0 else line_hi
        m = _BAR_RE.match(text, lo)
        if m and any(ch.isdigit() for ch in m.group("value")):
            bars.append(m)
    charts, i = [], 0
    while i < len(bars):
        j = i
        while j + 1 < len(bars) and _next_line(text, bars[j].end()) == bars[j + 1].start():
            j += 1
        if j > i:
            charts.append(_bar_chart(text, bars[i:j + 1]))
        i = j + 1
    return charts


def _bar_chart(text: str, bars: list) -> Table:
    title = Cell(bars[0].start(), bars[0].start(), "")
    pos = bars[0].start()
    for _ in range(4):  # the title: the nearest line above that is not blank or a code fence
        if pos <= 0:
            break
        lo = text.rfind("\n", 0, pos - 1) + 1
        line = text[lo:pos - 1]
        if not _TITLE_SKIP_RE.fullmatch(line):
            a = lo + len(line) - len(line.lstrip())
            if len(line.strip()) <= 80:
                title = Cell(a, a + len(line.strip()), line.strip())
            break
        pos = lo
    t = Table(bars[0].start(), bars[-1].end(), [Cell(title.start, title.start, ""), title])
    for m in bars:
        t.rows.append([Cell(m.start("label"), m.end("label"), m.group("label")),
                       Cell(m.start("value"), m.end("value"), m.group("value"))])
        t.row_spans.append((m.start("label"), m.end("value")))
    if title.text:
        t.caption, t.caption_span = title.text, (title.start, title.end)
    return t


def _line_end(text: str, start: int) -> int:
    """End of the line starting at ``start`` (before its "\\n" or "\\r\\n"; the text's end for the last)."""
    b = text.find("\n", start)
    return len(text) if b < 0 else b - (text[b - 1] == "\r")


def _next_line(text: str, end: int) -> int:
    """Start of the line after the one ending at ``end`` (-1 at the end of the text)."""
    if end >= len(text):
        return -1
    return end + 1 if text[end] == "\n" else (end + 2 if text[end:end + 2] == "\r\n" else -1)


# --------------------------------------------------------------------------------------
# Tables inside fenced blocks (``` or ~~~): a table drawn with box characters or "+---+"
# borders, or one laid out in columns of spaces, as writers paste a spreadsheet or a
# terminal's table into a Markdown post. Fenced code (a language named after the fence, or
# lines that are no table) stays unread as a table.
# --------------------------------------------------------------------------------------

_FENCE_LINE_RE = re.compile(r"^[ \t]*(?P<f>```|~~~)(?P<info>[^\n`]*)$", re.MULTILINE)
#: what may follow the fence of a block that holds a table (nothing, or a word for plain text)
_TEXT_INFO = frozenset(("", "text", "txt", "plain", "plaintext", "markdown", "md", "table"))
_BOX_BARS = "│┃║"
#: a rule line: only border characters, a run of three dashes among them ("+-----+-----+",
#: "├──┼──┤", "-----  -----", "|===|===|")
_RULE_CHARS = "-=+|:─━═┼┬┴├┤┌┐└┘╋┳┻┣┫┏┓┗┛╪╞╡╤╧╔╗╚╝╠╣╦╩╬│┃║ \t\r"
_RULE_RUNS = ("---", "===", "───", "━━━", "═══")
#: a cell of a table laid out in spaces: words one blank apart (two blanks or a tab part two cells)
_ALIGNED_CELL_RE = re.compile(r"[^ \t\r]+(?: [^ \t\r]+)*")
#: a cell that states a number ("$2.50", "~40%", "1,200"); a year alone ("2024", "2025E") is a header's
_NUMBER_CELL_RE = re.compile(r"[-+−~≈<>≤≥$€£]{0,2}[ ]?[0-9]")
_YEAR_CELL_RE = re.compile(r"(?:19|20)[0-9]{2}[A-Za-z]?")
_FENCE_MAX_LINES = 400  # (a longer block is a log or a listing, not a table pasted in a post)


def find_fenced_tables(text: str) -> list[Table]:
    """Every table inside a fenced block of ``text``, in order: a block whose lines are all rows
    of bars (box-drawing ``│ GPU │ $/hour │``, pipes between ``+----+`` borders, or pipes between
    the cells only, ``GPU | $/hour | Share``, as a command's output prints them), each row of the
    header's number of cells, whatever language the fence names; or, in a block that names no
    language (or a plain-text one), a table laid out in columns (cells two blanks or more apart):
    a header line of words (years allowed) over two rows or more that state numbers, each cell
    under the header cell it lines up with (a row's label left of the first header cell when the
    header leaves the corner blank). Rule lines (``-----``, ``+===+``) are skipped. Code, shell
    output and notes in a fence are no table."""
    if "```" not in text and "~~~" not in text:
        return []
    blocks, opened = [], None
    for m in _fence_lines(text):
        if opened is None:
            opened = m
        elif m.group("f") == opened.group("f") and not m.group("info").strip():
            blocks.append((opened, m))
            opened = None
    captions = _Captions(text)
    out = []
    for a, b in blocks:
        lo = _next_line(text, a.end())
        if lo < 0 or lo >= b.start():
            continue
        lines = []
        while 0 <= lo < b.start():
            hi = _line_end(text, lo)
            lines.append((lo, hi))
            if len(lines) > _FENCE_MAX_LINES:
                break
            lo = _next_line(text, hi)
        if len(lines) > _FENCE_MAX_LINES:
            continue
        if any(ch in text[lines[0][0]:lines[-1][1]] for ch in _BOX_BARS + "|"):
            tables = _barred_tables(text, lines)   # (whatever the fence names: a tool's output drawn so)
        elif a.group("info").strip().lower() in _TEXT_INFO:
            tables = _aligned_tables(text, lines)
        else:
            continue
        for t in tables:
            captions.set(t)
        out += tables
    return out


#: a grid table's border line: "+" between runs of dashes or equals signs, two columns or more
_GRID_BORDER_RE = re.compile(r"[ \t]*\+(?:[-=:]{2,}\+){2,}[ \t\r]*")


def find_grid_tables(text: str) -> list[Table]:
    """Every grid table of ``text`` drawn outside a fence (reStructuredText's and Pandoc's, a
    terminal's table pasted into a post): a "+-----+------+" border line, then rows of pipes and
    border lines, each row one line (a cell written over several lines is no row here), read as
    :func:`find_fenced_tables` reads one in a fence (its header the first row)."""
    out = []
    captions = _Captions(text)
    i = text.find("+-")
    j = text.find("+=")
    i = j if i < 0 or 0 <= j < i else i
    while i >= 0:
        lo = text.rfind("\n", 0, i) + 1
        hi = _line_end(text, lo)
        nxt = hi
        if _GRID_BORDER_RE.fullmatch(text, lo, hi):
            lines, a, last_rule = [(lo, hi)], _next_line(text, hi), True
            while a >= 0:
                b = _line_end(text, a)
                if _GRID_BORDER_RE.fullmatch(text, a, b):
                    last_rule = True
                elif last_rule and text.count("|", a, b) >= 2 and text[a:b].strip()[:1] == "|":
                    last_rule = False  # (a row between two borders: a cell over two lines is none)
                else:
                    break
                lines.append((a, b))
                nxt = b
                a = _next_line(text, b)
            while lines and not _GRID_BORDER_RE.fullmatch(text, *lines[-1]):
                lines.pop()
            if len(lines) >= 5:   # (border, header, border, row, border at the least)
                tables = _barred_tables(text, lines)
                for t in tables:
                    captions.set(t)
                out += tables
        i = text.find("+-", nxt)
        j = text.find("+=", nxt)
        i = j if i < 0 or 0 <= j < i else i
    return out


def _fence_lines(text: str):
    """The fence lines of ``text`` (``_FENCE_LINE_RE``'s matches), in order: tried only at the start
    of the lines that hold a run of three backticks or tildes (a "~" alone, "~$100", is common)."""
    return line_matches(_FENCE_LINE_RE, text, ("```", "~~~"))


def _is_rule(text: str, lo: int, hi: int) -> bool:
    line = text[lo:hi]
    return not line.strip(_RULE_CHARS) and any(run in line for run in _RULE_RUNS)


def _bar_cells(text: str, lo: int, hi: int) -> list[Cell]:
    """The cells of a row drawn with bars (``│ a │ b │`` or ``| a | b |``; outer bars optional)."""
    cuts = [i for i in range(lo, hi) if text[i] in "|│┃║"]
    a0 = lo
    while a0 < hi and text[a0] in " \t":
        a0 += 1
    b0 = hi
    while b0 > a0 and text[b0 - 1] in " \t\r":
        b0 -= 1
    bounds = [a0 - 1] + [i for i in cuts if a0 <= i < b0] + [b0]
    if cuts and cuts[0] == a0:
        bounds = bounds[1:]
    if cuts and cuts[-1] == b0 - 1:
        bounds = bounds[:-1]
    out = []
    for s, e in zip(bounds, bounds[1:]):
        s += 1
        while s < e and text[s] in " \t":
            s += 1
        while e > s and text[e - 1] in " \t\r":
            e -= 1
        out.append(Cell(s, e, text[s:e]))
    return out


def _barred_tables(text: str, lines: list) -> list[Table]:
    """The table of a fenced block whose lines are all rows drawn with bars or rule lines (one
    title line above them allowed): only one that box characters or "+---+" borders draw (a block
    of plain pipe rows is read by :func:`find_pipe_tables`); none when a row's cells are not the
    header's number."""
    rows, boxed = [], False
    for lo, hi in lines:
        line = text[lo:hi]
        if not line.strip():
            continue
        if _is_rule(text, lo, hi):
            boxed = boxed or "+" in line or any(ch in line for ch in "─━═┼├┤┌└")
            continue
        if not any(ch in line for ch in "|│┃║"):
            if rows:
                return []   # (a line of another kind between the rows: no table)
            continue        # (a title above the rows)
        # (rows of plain pipes, each opened and closed by one, are find_pipe_tables's)
        stripped = line.strip()
        boxed = boxed or any(ch in line for ch in _BOX_BARS) or stripped[0] != "|" or stripped[-1] != "|"
        rows.append(_bar_cells(text, lo, hi))
    if not boxed or len(rows) < 2 or len(rows[0]) < 2 or any(len(r) != len(rows[0]) for r in rows[1:]):
        return []
    t = Table(rows[0][0].start, rows[-1][-1].end, rows[0])
    for r in rows[1:]:
        t.rows.append(r)
        t.row_spans.append(_row_span(text, r))
    return [t]


def _row_span(text: str, cells: list) -> tuple[int, int]:
    """The row's line, stripped of blanks (as a pipe table's row)."""
    lo = text.rfind("\n", 0, cells[0].start) + 1
    hi = _line_end(text, cells[-1].end)
    while lo < hi and text[lo] in " \t":
        lo += 1
    while hi > lo and text[hi - 1] in " \t\r":
        hi -= 1
    return lo, hi


def _numeric(cell: str) -> bool:
    return _NUMBER_CELL_RE.match(cell) is not None and _YEAR_CELL_RE.fullmatch(cell) is None


def _aligned_tables(text: str, lines: list) -> list[Table]:
    """The tables laid out in columns of blanks in a fenced block (no tab in their lines)."""
    parsed = []  # per line: None (blank), "rule", or its cells as (column, end column, Cell)
    for lo, hi in lines:
        if lo == hi or not text[lo:hi].strip():
            parsed.append(None)
        elif "\t" in text[lo:hi]:
            parsed.append("other")
        elif _is_rule(text, lo, hi):
            parsed.append("rule")
        else:
            parsed.append([(m.start() - lo, m.end() - lo, Cell(m.start(), m.end(), m.group()))
                           for m in _ALIGNED_CELL_RE.finditer(text, lo, hi)])
    out, i = [], 0
    while i < len(parsed):
        head = parsed[i]
        if not isinstance(head, list) or len(head) < 2 or any(_numeric(c.text) for _, _, c in head) \
                or not any(ch.isalpha() for _, _, c in head for ch in c.text):
            i += 1
            continue
        rows, j, blank = [], i + 1, 0
        corner = None
        while j < len(parsed):
            p = parsed[j]
            if p is None:
                blank += 1
                if blank > 1:
                    break
                j += 1
                continue
            if p == "rule":
                if rows:
                    break  # (a rule under the rows closes the table: a total's line may follow, read alone)
                j += 1
                continue
            if p == "other":
                break
            if corner is None:
                corner = p[0][1] <= head[0][0]   # the first row's label ends left of the header: a blank corner
            cells = _aligned_row(head, p, corner)
            if cells is None:
                break
            rows.append((j, cells))
            blank = 0
            j += 1
        numeric = sum(any(_numeric(c.text) for c in cells[1:]) for _, cells in rows)
        if numeric >= 2:
            header = [c for _, _, c in head]
            if corner:
                header = [Cell(head[0][2].start, head[0][2].start, "")] + header
            t = Table(header[0].start if not corner else lines[i][0], lines[rows[-1][0]][1], header)
            for _, cells in rows:
                t.rows.append(cells)
                t.row_spans.append(_row_span(text, [c for c in cells if c.text] or cells))
            out.append(t)
            i = rows[-1][0] + 1
        else:
            i += 1
    return out


def _aligned_row(head: list, row: list, corner: bool) -> list[Cell] | None:
    """The cells of a row laid out in columns under the header cells ``head`` (each as (column,
    end column, cell)): each row cell in the column whose header it overlaps (or ends or starts
    within two characters of), a column it leaves empty an empty cell; None if a cell lines up
    with no column or two, or two cells with one column. With ``corner``, the row's first cell is
    its label, left of the header."""
    cols = ([(0, head[0][0])] if corner else []) + [(a, b) for a, b, _ in head]
    out: list = [None] * len(cols)
    for k, (a, b, cell) in enumerate(row):
        if corner and k == 0:
            if b > head[0][0]:
                return None
            out[0] = cell
            continue
        hit = [n for n, (ha, hb) in enumerate(cols) if (not corner or n > 0) and max(a, ha) < min(b, hb)]
        if not hit:
            hit = [n for n, (ha, hb) in enumerate(cols) if (not corner or n > 0)
                   and (abs(a - ha) <= 2 or abs(b - hb) <= 2 or 0 <= ha - b <= 2 or 0 <= a - hb <= 2)]
        if len(hit) != 1 or out[hit[0]] is not None:
            return None
        out[hit[0]] = cell
    if out[0] is None:
        return None  # (a row with no label)
    filled = [c for c in out if c is not None]
    if len(filled) < 2:
        return None
    last = out[0]
    for n, c in enumerate(out):
        if c is None:
            out[n] = Cell(last.end, last.end, "")
        else:
            last = c
    return out


# --------------------------------------------------------------------------------------
# Pipe tables with no outer pipes: GitHub's tables let a row drop its leading and trailing
# pipes ("A100 | 80GB | $1.99/hr 8max | $6.50/hr 4max |" under "GPU | VRAM | RunPod | ..."
# and "----|----|----"), which the reader above (rows that open and close with a pipe) misses.
# --------------------------------------------------------------------------------------

#: a line of pipe-separated cells at most three blanks in (four or more: indented code)
_BARE_ROW_RE = re.compile(r"^ {0,3}[^ \t\n][^\n]*\|[^\n]*$", re.MULTILINE)
#: a list item or a quote line: its pipes are prose, not a row ("- Home | Blog | About")
_BARE_SKIP_RE = re.compile(r"[ ]{0,3}(?:[-*+>][ \t]|[0-9]{1,3}[.)][ \t]|#)")
#: a rule line of single dashes ("- | - | -", "-|-|-|"), which GitHub takes as well as "---"
_BARE_SHORT_SEP_RE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_BARE_MAX_LINE = 400  # (characters: a longer line is a paragraph with a pipe in it)


def _bare_cells(text: str, lo: int, hi: int) -> list[Cell]:
    """The cells of the row line text[lo:hi] read as GitHub reads one: a leading and a trailing
    pipe, where there, are dropped; the cells are the pieces between the other (unescaped) pipes."""
    a, b = lo, hi
    while a < b and text[a] in " \t":
        a += 1
    while b > a and text[b - 1] in " \t\r":
        b -= 1
    if a < b and text[a] == "|":
        a += 1
    if b > a and text[b - 1] == "|" and text[b - 2:b] != "\\|":
        b -= 1
    out, s = [], a
    i = text.find("|", s, b)
    while True:
        if i >= 0 and text[i - 1] == "\\":
            i = text.find("|", i + 1, b)
            continue
        out.append(_stripped_cell(text, s, b if i < 0 else i))
        if i < 0:
            return out
        s = i + 1
        i = text.find("|", s, b)


def _fenced_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the fenced blocks of ``text`` (an unclosed fence runs to the text's end)."""
    spans, opened = [], None
    for m in _fence_lines(text):
        if opened is None:
            opened = m
        elif m.group("f") == opened.group("f") and not m.group("info").strip():
            spans.append((opened.start(), m.end()))
            opened = None
    if opened is not None:
        spans.append((opened.start(), len(text)))
    return spans


def find_bare_tables(text: str, known: list | None = None) -> list[Table]:
    """The pipe tables of ``text`` whose rows lack their outer pipes (GitHub's rule: a header line
    over a rule line of as many cells, ``GPU | VRAM | RunPod`` over ``----|----|----``, then the
    rows up to a blank line or a line with no pipe), in order; and a run of three lines or more
    of pipes with no rule line, each of the same number of cells (three or more), whose header
    (the first line) names its columns in words and whose rows state numbers. Fenced blocks,
    indented code, list items, quotes, headings and the tables of ``known`` (found already) are
    none; nor is a line of prose with a pipe in it (each line at most a few hundred characters,
    each cell filled in the header)."""
    if "|" not in text:
        return []
    fences = _fenced_spans(text) if ("```" in text or "~~~" in text) else []
    known = known or []
    # (spans in order: a line is inside one if it starts before the end of the last span opened
    # before it; found by bisection, not by a walk over every table)
    spans = sorted([(t.start, t.end) for t in known] + fences)
    span_starts = [a for a, _ in spans]
    reach, far = [], -1  # (the farthest end so far: a fenced table lies inside its fence)
    for _, b in spans:
        far = max(far, b)
        reach.append(far)
    lines = []
    i = text.find("|")
    while i >= 0:
        k = bisect.bisect_right(span_starts, i) - 1
        if k >= 0 and i < reach[k]:  # (a table's rows or a fence's lines: skipped whole)
            i = text.find("|", reach[k])
            continue
        lo = text.rfind("\n", 0, i) + 1
        m = _BARE_ROW_RE.match(text, lo)
        if m is not None and m.end() - lo <= _BARE_MAX_LINE and (not _BARE_SKIP_RE.match(text, lo)
                                                                or _BARE_SHORT_SEP_RE.match(text, lo, m.end())):
            lines.append((lo, m.end()))
        nxt = text.find("\n", i)
        if nxt < 0:
            break
        i = text.find("|", nxt)
    captions = _Captions(text)
    out, k = [], 0
    while k < len(lines):
        j = k
        while j + 1 < len(lines) and _next_line(text, lines[j][1]) == lines[j + 1][0]:
            j += 1
        run, k = lines[k:j + 1], j + 1
        if len(run) < 2:
            continue
        # a rule line right under the first line: a GitHub table (the header's cell count the rule's)
        head = _bare_cells(text, *run[0])
        if _SEP_RE.match(text, *run[1]) or _BARE_SHORT_SEP_RE.match(text, *run[1]):
            if len(_bare_cells(text, *run[1])) != len(head) or len(head) < 2 or len(run) < 3:
                continue
            body = [ln for ln in run[2:]]
        else:
            if len(run) < 3 or len(head) < 3 or not all(c.text for c in head):
                continue
            if any(len(_bare_cells(text, *ln)) != len(head) for ln in run[1:]):
                continue
            if sum(bool(_NUMBER_CELL_RE.match(c.text)) for c in head) * 2 >= len(head):
                continue  # a header of numbers: no header
            if not any(_NUMBER_CELL_RE.match(c.text) for ln in run[1:] for c in _bare_cells(text, *ln)[1:]):
                continue
            body = run[1:]
        t = Table(run[0][0], run[-1][1], head)
        for lo, hi in body:
            t.rows.append(_bare_cells(text, lo, hi))
            line = text[lo:hi]
            a = lo + len(line) - len(line.lstrip())
            t.row_spans.append((a, a + len(line.strip())))
        captions.set(t)
        out.append(t)
    return out
