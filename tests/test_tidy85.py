"""tidy85: one check where there were two, and discovery's lower case one character for one."""
from __future__ import annotations

from kb.extract.arith import _lowered, propose

from conftest import drafts_at, drafts_by_raw


def _at(text: str, raw: str) -> str:
    return f"t-at{text.index(raw)}"


def test_discovery_lower_case_keeps_every_offset():
    # "İ" is the one letter whose lower case is two characters ("i" and a combining dot)
    text = "İŞ BANKASI: İstanbul desk. Cash PLUS restricted cash"
    low = _lowered(text)
    assert len(low) == len(text)
    assert low.index(" plus ") == text.lower().replace("i\u0307", "İ").index(" plus ")
    assert low[low.index("plus"):] == text[text.index("PLUS"):].lower()
    assert _lowered("Cash PLUS restricted cash") == "cash plus restricted cash"


# a quarterly analysis (tests/test_disc70.py): "A plus B" states the sum of two rows of the table
# above it; a heading with "İ" before it shifted text.lower()'s offsets, and the sum was lost
CASH = ("| Metric | Value | Period |\n|---|---|---|\n"
        "| Cash & Cash Equivalents | $1,894.4M | 9/30/2025 |\n"
        "| Restricted Cash (current) | $596.8M | 9/30/2025 |\n"
        "| Total Debt | $14,034.9M | 9/30/2025 |\n\n"
        "- Cash plus restricted cash sits at $2.49B, bolstered by recent debt raises.\n")


def _sum_inputs(text: str) -> set:
    recs = drafts_at(text, ("$1,894.4M", 1894.4, "million USD"), ("$596.8M", 596.8, "million USD"),
                     ("$14,034.9M", 14034.9, "million USD"), ("$2.49B", 2.49, "billion USD"))
    got = [p for p in propose(text, recs) if p.target == _at(text, "$2.49B")]
    assert len(got) == 1 and got[0].formula == "a + b", got
    return set(got[0].inputs.values())


def test_a_plus_b_after_a_dotted_capital_i_keeps_its_parts():
    for text in (CASH, "## İŞ YATIRIM, İSTANBUL: İNDEX OF İTEMS\n\n" + CASH):
        assert _sum_inputs(text) == {_at(text, "$1,894.4M"), _at(text, "$596.8M")}


# the one check that a share below zero is a change, for prose and a company's tables alike
# (tests/test_neg84.py: a fresh write-up's list; tests/test_tab64.py: mofa-org/mofa-pptx's table)
BIG_TECH = ("## Investment Overview\n\n| Company | 2026 CAPEX | Stock Drop | Free Cash Flow |\n"
            "|---------|-----------|-----------|----------------|\n| Amazon | $200B | -10% | $11.2B |\n")


def test_one_check_makes_a_share_below_zero_a_change(project_registry):
    from types import SimpleNamespace

    from kb.extract.linking import _share_below_zero, index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    share = SimpleNamespace(property="share", unit="percent")
    assert _share_below_zero(share, (-11.0,), idx)
    assert _share_below_zero(share, (-5.0, 3.0), idx)   # a range whose low end is below zero
    assert not _share_below_zero(share, (4.4,), idx)
    assert not _share_below_zero(share, (None,), idx)
    assert not _share_below_zero(SimpleNamespace(property="change", unit="percent"), (-11.0,), idx)
    assert drafts_by_raw(BIG_TECH, project_registry)["-10%"].property == "change"
    text = "Nvidia stock plunged **-11%** while data centres used 4.4% of US electricity.\n"
    got = drafts_by_raw(text, project_registry)
    assert (got["-11%"].property, got["4.4%"].property) == ("change", "share")


def test_lower_case_family_names_in_grammar_are_registry_model_families():
    # grammar.py keeps the family names of its lower-case rule ("llama 4 models") in code: callers
    # that read numbers without a registry (arith, vet, quotenumbers) use it, and the registry's
    # first words of model names add everyday words ("opus", "haiku", "sonnet", "composer"); each
    # name kept there must still be the first word of a model the registry names
    import re
    from pathlib import Path

    import yaml

    from kb.core.grammar import _LOWER_FAMILY_BEFORE_RE

    firsts = set()
    for p in (Path(__file__).resolve().parents[1] / "datasets" / "entities").glob("*.yaml"):
        for e in (yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("entities") or []:
            if e.get("kind") == "model":
                for name in (e.get("id") or "", e.get("name") or "", *(e.get("aliases") or ())):
                    firsts.add(re.split(r"[ \-_.]", name.strip().lower())[0])
    names = re.findall(r"[a-z]+", _LOWER_FAMILY_BEFORE_RE.pattern.split("(?:", 1)[1].split(")", 1)[0])
    assert len(names) >= 10
    assert set(names) <= firsts, sorted(set(names) - firsts)
    assert _LOWER_FAMILY_BEFORE_RE.search("llama ") and not _LOWER_FAMILY_BEFORE_RE.search("opus ")


def test_both_writers_share_one_temporary_copy_and_leave_none_behind(tmp_path):
    import os

    import pytest

    from kb.errors import WriteError
    from kb.store.write import atomic_write_bytes, write_new

    p = tmp_path / "a.yaml"
    atomic_write_bytes(p, b"one\n")
    os.chmod(p, 0o600)
    atomic_write_bytes(p, b"two\n")
    assert p.read_bytes() == b"two\n" and p.stat().st_mode & 0o777 == 0o600   # its own mode kept
    q = tmp_path / "b.yaml"
    write_new(q, b"new\n")
    assert q.read_bytes() == b"new\n"
    with pytest.raises(WriteError, match="already exists"):
        write_new(q, b"again\n")
    assert q.read_bytes() == b"new\n"
    with pytest.raises(WriteError):
        atomic_write_bytes(tmp_path / "missing" / "c.yaml", b"x")
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.yaml", "b.yaml"]   # no ".a.yaml.*.tmp" left
