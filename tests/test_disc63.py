"""disc63: discovery rules (kb.extract.arith), each built on a short quote of the development
article that showed the gap."""
from __future__ import annotations

from kb.extract.arith import propose
from test_disc58 import _records


def _links(text: str, records: list) -> dict:
    return {frozenset((p.target, *p.inputs.values())): p for p in propose(text, records)}


# r159 (embedding quantization): the table's binary row states 96.45% of the float32 score
# (52.46 / 54.39); the prose sections below restates it ("pushes the performance to 96.45%")
SCORES = ("| Model | Dimension | MTEB Retrieval (NDCG@10) | Percentage of default performance |\n"
          "| - | -: | -: | -: |\n"
          "| mxbai-embed-large-v1: float32 | 1024 | 54.39 | 100% |\n"
          "| mxbai-embed-large-v1: binary | 1024 | 52.46 | 96.45% |\n"
          "| e5-base-v2: float32 | 768 | 50.77 | 100% |\n"
          "| e5-base-v2: int8 | 768 | 47.54 | 93.64% |\n\n"
          "Several key trends and benefits can be identified from the results of our quantization "
          "experiments.\n\n"
          "Just doing the rescoring without retrieving more samples pushes the performance to 96.45%.\n")


def _scores(text: str, binary: str = "52.46", share: str = "96.45%"):
    return _records(text, ("s0", "54.39", 54.39, "percent", "exact", "benchmark-score"),
                    ("r0", "100%", 100, "percent", "exact", "ratio"),
                    ("s1", binary, float(binary), "percent", "exact", "benchmark-score"),
                    ("r1", share, float(share[:-1]), "percent", "exact", "ratio"),
                    ("s2", "50.77", 50.77, "percent", "exact", "benchmark-score"),
                    ("r2", "100%", 100, "percent", "exact", "ratio"),
                    ("s3", "47.54", 47.54, "percent", "exact", "benchmark-score"),
                    ("r3", "93.64%", 93.64, "percent", "exact", "ratio"),
                    ("again", share, float(share[:-1]), "percent", "exact", "ratio"))


def test_a_share_restated_in_prose_takes_its_table_cells_sides():
    links = _links(SCORES, _scores(SCORES))
    assert links[frozenset(("r1", "s1", "s0"))].verdict == "consistent"
    assert links[frozenset(("again", "s1", "s0"))].verdict == "consistent"


def test_a_share_of_two_digits_restated_is_no_relation():
    # "96%" stated twice is as often two shares: only three significant digits at least carry
    text = SCORES.replace("96.45%", "96%").replace("52.46", "52.21")
    links = _links(text, _scores(text, "52.21", "96%"))
    assert frozenset(("r1", "s1", "s0")) in links
    assert not [k for k in links if "again" in k]


# r159 (embedding quantization): Cohere's int8 row keeps all of its float32 score ("| 55.0 | 100% |"
# twice): the second "100%" is a ratio of the group the first leads (55.0 / 55.0), and its binary
# row is over the float32 row leading the group (52.3 / 55.0 = 94.6%)
COHERE = ("| Model | Embedding Dimension | MTEB Retrieval (NDCG@10) | Percentage of default performance |\n"
          "| - | -: | -: | -: |\n"
          "| e5-base-v2: float32 | 768 | 50.77 | 100% |\n"
          "| e5-base-v2: int8 | 768 | 47.54 | 93.64% |\n"
          "| Cohere-embed-english-v3.0: float32 | 1024 | 55.0 | 100% |\n"
          "| Cohere-embed-english-v3.0: int8 | 1024 | 55.0 | 100% |\n"
          "| Cohere-embed-english-v3.0: binary | 1024 | 52.3 | 94.6% |\n")


def _cohere(text: str):
    rows = []
    for n, (dim, score, share) in enumerate((("768", "50.77", "100%"), ("768", "47.54", "93.64%"),
                                             ("1024", "55.0", "100%"), ("1024", "55.0", "100%"),
                                             ("1024", "52.3", "94.6%"))):
        rows += [(f"d{n}", dim, float(dim), "", "exact", "embedding-dimension"),
                 (f"s{n}", score, float(score), "percent", "exact", "benchmark-score"),
                 (f"r{n}", share, float(share[:-1]), "percent", "exact", "ratio")]
    return _records(text, *rows)


def test_a_row_that_keeps_all_of_its_groups_baseline_is_a_ratio_of_it():
    links = _links(COHERE, _cohere(COHERE))
    assert links[frozenset(("r3", "s3", "s2"))].verdict == "consistent"
    assert links[frozenset(("r4", "s4", "s2"))].verdict == "consistent"
    assert links[frozenset(("r1", "s1", "s0"))].verdict == "consistent"
    assert not [k for k in links if "r2" in k or "r0" in k]   # the groups' own baselines
