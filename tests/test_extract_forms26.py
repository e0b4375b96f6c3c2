"""Forms of issue 14's value+unit recall on real writing (gram26), each on a short text written
for the test, with the negatives that keep each form narrow."""
from __future__ import annotations

import pytest

from kb.core.grammar import header_unit
from kb.extract.drafts import extract_text


def _read(text):
    return [(d.raw, d.value, d.low, d.high, d.unit) for d in extract_text(text)]


# --- table headers: counts of cores, widths in bits, what a column ran on -----------------------

@pytest.mark.parametrize("header, atom", [
    ("CUDA Cores", "core"), ("Tensor Cores", "core"), ("Memory Bus Width (bit)", "bit"),
    ("Bus width (bits)", "bit"),
])
def test_a_header_of_cores_or_bits_names_the_unit(header, atom):
    q = header_unit(header)
    assert q is not None and q.atom == atom


@pytest.mark.parametrize("header", ["FP16 Tensor Core", "GGUF (using GPU)", "Runs on GPU", "Bitrate notes"])
def test_a_kind_of_core_or_what_a_column_ran_on_is_no_unit(header):
    assert header_unit(header) is None


def test_a_count_header_without_a_setting_word_still_counts():
    q = header_unit("GPUs")
    assert q is not None and q.atom == "GPU" and q.count


def test_table_of_cores_and_bus_widths():
    text = ("| GPU | CUDA Cores | Tensor Cores | Memory Bus Width (bit) |\n"
            "|---|---|---|---|\n"
            "| RTX 4090 | 16,384 | 512 | 384 |\n")
    got = {(v, u) for _, v, _, _, u in _read(text)}
    assert {(16384.0, "core"), (512.0, "core"), (384.0, "bit")} <= got, got


def test_a_row_label_unit_is_kept_under_a_column_that_ran_on_a_gpu():
    text = ("| Metrics | GGUF (using CPU) | GGUF (using GPU) |\n"
            "|---|---|---|\n"
            "| Throughput (token/s) | 14.0 | 99.69 |\n")
    got = [(v, u) for _, v, _, _, u in _read(text)]
    assert (99.69, "token/s") in got and not any(u == "GPU" for _, u in got), got
