"""A percentage written with its minus sign in prose or a list is a change, never a share.

A part of a whole is never below zero (the share property's plausible range is 0-100%), so a
signed percentage that linking would call a share is how much a quantity moved; the table rows
had this rule already (kb/extract/linking.py), prose and list items did not. The list below is
quoted from a fresh public write-up outside the corpus (xlei77/quant-wiki,
translated/ai/aiquant/deepseek.md).
"""
from __future__ import annotations

import pytest

from conftest import drafts_by_raw

LIST = """## As of press time: U.S. tech stocks plummet!

- The **"Magnificent Seven"** took a hit:

  - Nvidia stock plunged **-11%**
  - Alphabet (GOOG/GOOGL) -3%
  - Amazon (AMZN) -2.4%
  - Meta (META) -1.4%

- Chip stocks: ASML -6.2%, Broadcom (AVGO) -12%, Qualcomm (QCOM) -1.4%, AMD (AMD) -4.5%
"""


@pytest.mark.parametrize("raw", ["-11%", "-3%", "-2.4%", "-6.2%", "-12%", "-4.5%"])
def test_minus_signed_percentage_is_a_change(project_registry, raw):
    d = drafts_by_raw(LIST, project_registry)[raw]
    assert d.value < 0
    assert d.property == "change"


def test_unsigned_part_of_a_whole_stays_a_share(project_registry):
    # the same kind of list, no sign: a part of a whole as before
    text = "Data centres used 4.4% of US electricity in 2023.\n"
    d = drafts_by_raw(text, project_registry)["4.4%"]
    assert d.property == "share"
