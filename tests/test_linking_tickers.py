"""Companies named by their exchange tickers and legal names, and tickers that are also words.

A ticker that is also a name ("IREN"; Iren is an Italian utility) is a word alias written in
capitals: read only as written, in a line not written all in capitals and not joined by a hyphen
to another word; the name's other writings ("Iren") are not it. A ticker that is also a word or
an abbreviation ("MU", "SNOW", "ARM", "HUT", "LITE") is a ticker alias: read only written so and
where a ticker stands (a table cell of its own, in brackets, after "$" or an exchange's name,
opening a list line before a colon, beside another company's ticker).
"""

from __future__ import annotations

import pytest

from kb.extract.drafts import extract_text
from kb.extract.linking import Index


def _hits(idx, text):
    return [(text[s:e], eid) for s, e, eid in idx.aliases_in(text) if eid]


@pytest.fixture(scope="module")
def ticker_index():
    return Index([
        {"id": "snowflake", "kind": "organisation", "aliases": ["Snowflake"], "word_aliases": ["SNOW"]},
        {"id": "micron", "kind": "organisation", "aliases": ["Micron"], "word_aliases": ["MU"]},
        {"id": "arm-holdings", "kind": "organisation", "aliases": ["Arm Holdings"], "word_aliases": ["Arm", "ARM"]},
        {"id": "scale-ai", "kind": "organisation", "aliases": ["Scale AI"], "word_aliases": ["Scale"]},
    ], [])


@pytest.mark.parametrize("text, hits", [
    # the ticker, written as one
    ("SNOW fell 4% after the results.", [("SNOW", "snowflake")]),
    ("Micron (MU) guided revenue to $12.5 billion.", [("Micron", "micron"), ("MU", "micron")]),
    ("| MU | Micron | 45% |", [("MU", "micron"), ("Micron", "micron")]),
    # the word, capitalised at a sentence's start or as a name
    ("Snow fell overnight in Boise.", []),
    ("Mu is the Greek letter the paper uses for the mean.", []),
    # a line written all in capitals, a hyphenated compound
    ("## SNOW DAYS AHEAD FOR TRADERS", []),
    ("MU-MIMO lets one access point serve several phones.", []),
])
def test_a_ticker_that_is_a_word_is_read_only_in_capitals(ticker_index, text, hits):
    assert _hits(ticker_index, text) == hits


@pytest.fixture(scope="module")
def ticker_alias_index():
    return Index([
        {"id": "snowflake", "kind": "organisation", "aliases": ["Snowflake"], "ticker_aliases": ["SNOW"]},
        {"id": "micron", "kind": "organisation", "aliases": ["Micron"], "ticker_aliases": ["MU"]},
        {"id": "arista", "kind": "organisation", "aliases": ["Arista", "ANET"]},
        {"id": "arm-holdings", "kind": "organisation", "aliases": ["Arm Holdings"], "word_aliases": ["Arm"],
         "ticker_aliases": ["ARM"]},
    ], [])


@pytest.mark.parametrize("text, hits", [
    # where a ticker stands
    ("Snowflake (SNOW) fell 4%.", [("Snowflake", "snowflake"), ("SNOW", "snowflake")]),
    ("| MU | 45% |", [("MU", "micron")]),
    ("- MU: HBM sold out through 2026.", [("MU", "micron")]),
    ("$MU rose; (NASDAQ: SNOW) fell.", [("MU", "micron"), ("SNOW", "snowflake")]),
    ("ANET, MU and SNOW rose.", [("ANET", "arista"), ("MU", "micron"), ("SNOW", "snowflake")]),
    ("Arm Holdings (ARM) rose; Arm licenses designs.", [("Arm Holdings", "arm-holdings"), ("ARM", "arm-holdings"),
                                                        ("Arm", "arm-holdings")]),
    # the word or the abbreviation
    ("SNOW fell overnight in Boise.", []),
    ("ARM processors dominate phones.", []),
    ("Snow fell overnight in Boise.", []),
    ("MU-MIMO lets one access point serve several phones.", []),
])
def test_a_ticker_alias_is_read_only_where_a_ticker_stands(ticker_alias_index, text, hits):
    assert _hits(ticker_alias_index, text) == hits


def test_a_name_with_a_capitalised_and_a_capital_word_form_reads_both(ticker_index):
    # "Arm" keeps the capitalised word alias's reading (not in a heading); "ARM" the ticker's
    assert _hits(ticker_index, "Arm licensed its designs. ARM rose 3%.") == [("Arm", "arm-holdings"), ("ARM", "arm-holdings")]
    assert _hits(ticker_index, "## Arm Wrestling Championship Results") == []
    # the name with an "s" is another word; with "'s" it is the name's
    assert _hits(ticker_index, "<title>AI Capex Arms Race 2026</title>") == []
    assert _hits(ticker_index, "Arm's royalties rose.") == [("Arm's", "arm-holdings")]
    # a word alias without a form in capitals reads as before
    assert _hits(ticker_index, "Scale reported $870 million in revenue.") == [("Scale", "scale-ai")]


@pytest.mark.parametrize("text, ids", [
    ("### 3. Nebius (NBIS)", ["nebius", "nebius"]),
    ("Equinix (EQIX) and Digital Realty (DLR) lease AI halls.", ["equinix", "equinix", "digital-realty", "digital-realty"]),
    ("Iris Energy, now IREN, and Core Scientific (CORZ) host GPUs.", ["iren", "iren", "core-scientific", "core-scientific"]),
    ("Applied Digital (APLD) signed CoreWeave.", ["applied-digital", "applied-digital", "coreweave"]),
    ("Astera Labs (ALAB), Credo (CRDO) and Celestica ship AI networking.", ["astera-labs", "astera-labs", "credo", "credo", "celestica"]),
    ("Vistra and GE Vernova sell power to data centres.", ["vistra", "ge-vernova"]),
    ("Advanced Micro Devices, Cisco and Hewlett Packard Enterprise (HPE) rose; IBM fell.",
     ["amd", "cisco", "hpe", "hpe", "ibm"]),
    ("BABA, Tencent and Huawei rose.", ["alibaba", "tencent", "huawei"]),
    ("ANET, PLTR, VRT and SNOW rose.", ["arista-networks", "palantir", "vertiv", "snowflake"]),
    ("| LITE | EML lasers (50-60% share) | $481M LQ |", ["lumentum"]),
    ("Cipher Mining (CIFR), TeraWulf (WULF), Hut 8 and Bitdeer lease to Fluidstack and Core42.",
     ["cipher-mining", "cipher-mining", "terawulf", "terawulf", "hut-8", "bitdeer", "fluidstack", "core42"]),
    ("MiniMax trains on chips from SMIC and Cambricon; Foxconn (Hon Hai) builds the racks.",
     ["minimax", "smic", "cambricon", "foxconn", "foxconn"]),
    ("Oklo (OKLO), Talen Energy and Bloom Energy court Nscale and G42.",
     ["oklo", "oklo", "talen-energy", "bloom-energy", "nscale", "g42"]),
    # the GPU cloud by its short name, beside AWS's serverless service
    ("Lambda raised money; AWS Lambda bills per request.", ["lambda-labs", "aws-lambda"]),
])
def test_the_companies_ai_infrastructure_writing_names_are_in_the_registry(project_registry, text, ids):
    from kb.extract.linking import index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    assert [eid for _, eid in _hits(idx, text)] == ids


@pytest.mark.parametrize("text", [
    "Snow fell on the data centre in Boise.",
    "She broke her arm at the launch.",
    "The firm lacks a coherent strategy.",
    "His credo is to ship early.",
    "Iren supplies gas to Turin.",
    "We slept in a hut.",
    "A LITE version of the model ships today.",
    "ARM processors dominate phones.",
])
def test_ordinary_words_are_no_company(project_registry, text):
    from kb.extract.linking import index_for

    idx = index_for(project_registry.entities, project_registry.properties)
    assert _hits(idx, text) == []


def test_a_table_row_naming_a_company_and_its_ticker_is_that_companys():
    # a company table's row names the company and its ticker (a fresh neocloud review's form):
    # its cells are the company's, no new thing of the article's
    from kb.extract.linking import load_registry
    from tests.conftest import ROOT

    reg = load_registry(ROOT)
    text = ("## Master diligence table\n\n"
            "| Company | Ticker | Announced MW | Total debt |\n|---|---|---:|---:|\n"
            "| IREN | IREN | ~2.9 GW grid-secured | <$300M |\n"
            "| Core Scientific | CORZ | ~1.3 GW gross | ~$700-900M |\n")
    assert [(d.raw, d.entity) for d in extract_text(text, reg)] == [
        ("~2.9 GW", "iren"), ("<$300M", "iren"), ("~1.3 GW", "core-scientific"), ("$700-900M", "core-scientific")]
