"""HTML tables written in a Markdown text (blog engines keep them so): each cell with its row's
label and its column's header, as a pipe table's (issue 14, item 1). Texts written for these
tests."""
from __future__ import annotations

from kb.extract.drafts import extract_text
from kb.extract.tables import find_html_tables, find_tables

ONE_TAG_A_LINE = """Throughput of our runs:

<table class="table table-bordered">
  <tr>
   <td><strong>Model size</strong>
   </td>
   <td><strong>Throughput tokens/sec/GPU</strong>
   </td>
   <td><strong>Price ($/hr)</strong>
   </td>
  </tr>
  <tr>
   <td>7B
   </td>
   <td>3,700
   </td>
   <td>$2.49
   </td>
  </tr>
</table>
"""


def test_an_html_table_has_a_header_rows_and_exact_cell_offsets():
    (t,) = find_html_tables(ONE_TAG_A_LINE)
    assert t.html and [c.text for c in t.header] == ["<strong>Model size</strong>", "<strong>Throughput tokens/sec/GPU</strong>",
                                                     "<strong>Price ($/hr)</strong>"]
    (row,) = t.rows
    assert [ONE_TAG_A_LINE[c.start:c.end] for c in row] == ["7B", "3,700", "$2.49"]
    assert t.quote_span(0, 1) == (row[1].start, row[1].end)  # the cell, not a row running through tags


def test_cells_of_an_html_table_are_read_under_their_headers():
    got = {d.raw: d for d in extract_text(ONE_TAG_A_LINE)}
    assert set(got) == {"7B", "3,700", "$2.49"}
    assert got["3,700"].unit == "token/s" and got["3,700"].context == {"row": "7B", "column": "Throughput tokens/sec/GPU"}
    assert got["$2.49"].unit == "USD/hour" and got["$2.49"].quote == "$2.49"
    assert got["7B"].qualifier == "exact"  # the tag's ">" before a cell is no "more than"


def test_a_one_line_html_table_and_a_pipe_table_side_by_side():
    text = ("<table><tr><th>GPU</th><th>TDP (W)</th></tr><tr><td>Chip A</td><td>700</td></tr></table>\n\n"
            "| GPU | TDP (W) |\n|---|---|\n| Chip B | 400 |\n")
    tables = find_tables(text)
    assert [t.html for t in tables] == [True, False]
    got = [(d.raw, d.value, d.unit) for d in extract_text(text)]
    assert ("700", 700, "W") in got and ("400", 400, "W") in got


def test_a_table_without_a_data_row_or_unclosed_tags_is_no_table_and_no_error():
    assert find_html_tables("<table><tr><td>Only a header</td></tr></table>") == []
    assert find_html_tables("<table><tr><td>A<td>1\n") == []  # never closed
    (t,) = find_html_tables("<table><tr><td>GPU<td>Watts<tr><td>Chip<td>350</table>")  # cells closed by the next
    assert [c.text for c in t.rows[0]] == ["Chip", "350"]
