"""The confidences' shift to unseen writing: fitted on each development article's guesses
from before anyone tuned the extractor on it (kb.tools.before_tuning), applied by
kb.extract.linking.calibrated."""

from __future__ import annotations

import io
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kb.extract import evaluate as E
from kb.extract import linking

ROOT = Path(__file__).resolve().parents[1]


def _sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def test_platt_fit_recovers_the_map_that_made_the_outcomes():
    points = []
    for i in range(-10, 11):
        x = i / 4
        right = round(200 * _sigmoid(0.6 * x - 0.8))
        points += [(x, True)] * right + [(x, False)] * (200 - right)
    a, b = E._platt(points)
    assert abs(a - 0.6) < 0.02 and abs(b + 0.8) < 0.02


def _root_with(tmp_path, guesses):
    (tmp_path / "tests" / "extract_corpus").mkdir(parents=True)
    if guesses is not None:
        (tmp_path / E.BEFORE_TUNING).write_text(json.dumps(guesses), encoding="utf-8")
    return tmp_path


def test_shift_takes_overconfident_development_rates_down_to_the_unseen_ones(tmp_path):
    # On the development texts the way "t" was right 95 times in 100; on three articles before
    # tuning it was right 6 times in 10.
    table = {"settings": {f: {"smoothing": 1.0} for f in E.FIELDS}, **{f: {"t": [95.0, 100.0]} for f in E.FIELDS}}
    row = {f: [["t", True]] * 6 + [["t", False]] * 4 for f in E.FIELDS}
    root = _root_with(tmp_path, {f"a{i}": {"commit": "x", **row} for i in range(3)})
    shift, cv = E.fit_unseen_shift(root, table)
    for f in E.FIELDS:
        assert shift[f]["articles"] == 3 and shift[f]["n"] == 30
        # with one way of guessing only the offset is identified: the shifted confidence is 0.6
        p = linking.shrunk_rate(table[f], "t", 1.0, linking.PRIORS[f])
        q = _sigmoid(shift[f]["a"] * math.log(p / (1 - p)) + shift[f]["b"])
        assert abs(q - 0.6) < 0.01
        assert cv[f]["shifted"]["ece"] < cv[f]["unshifted"]["ece"]


def test_a_way_much_worse_on_unseen_writing_than_the_map_says_moves_towards_its_own_share(tmp_path):
    # Two ways, both right 90 times in 100 on the development texts; before tuning, on each of
    # six articles, "good" was right 9 times in 10 and "bad" 3 times in 10: one map per field
    # cannot tell them apart, their own shares can.
    table = {"settings": {f: {"smoothing": 1.0} for f in E.FIELDS},
             **{f: {"good": [90.0, 100.0], "bad": [90.0, 100.0]} for f in E.FIELDS}}
    row = {f: [["good", True]] * 9 + [["good", False]] + [["bad", True]] * 3 + [["bad", False]] * 7
           for f in E.FIELDS}
    shift, cv = E.fit_unseen_shift(_root_with(tmp_path, {f"a{i}": {"commit": "x", **row} for i in range(6)}), table)
    for f in E.FIELDS:
        assert shift[f]["k"] in E.UNSEEN_K_GRID and shift[f]["k"] and shift[f]["cap"] in E.UNSEEN_CAP_GRID
        assert shift[f"ways-{f}"] == {"bad": [18, 60], "good": [54, 60]}
        assert cv[f]["shifted"]["log_loss"] < cv[f]["map"]["log_loss"] < cv[f]["unshifted"]["log_loss"]
        assert cv[f]["shifted"]["brier"] < cv[f]["map"]["brier"] < cv[f]["unshifted"]["brier"]
    k = shift["entity"]["k"]
    p = round(_sigmoid(shift["entity"]["a"] * math.log(0.9 / 0.1) + shift["entity"]["b"]), 2)
    assert linking.toward_unseen(p, 18, 60, k) < 0.5 < linking.toward_unseen(p, 54, 60, k)
    assert linking.toward_unseen(p, 0, 0, k) == p and linking.toward_unseen(p, 18, 60, None) == p


def test_a_way_seen_in_one_article_shrinks_towards_the_map_more_than_one_seen_in_many():
    # "thin": 30 guesses before tuning, all in one article (one table read wrong throughout);
    # "broad": 30 guesses too, 5 in each of six articles. Uncapped they weigh the same; with a
    # cap of 5 guesses per article and way, "thin" is one article's worth and stays near the map.
    per = [("a0", [(0.8, False)] * 30)] + [(f"a{i}", [(0.8, False)] * 5) for i in range(1, 7)]
    tags = [["thin"] * 30] + [["broad"] * 5 for _ in range(6)]
    assert E._way_shares(per, tags) == {"thin": [0.0, 30.0], "broad": [0.0, 30.0]}
    capped = E._way_shares(per, tags, cap=5)
    assert capped == {"thin": [0.0, 5.0], "broad": [0.0, 30.0]}
    assert E._way_shares(per, tags, cap=5, skip=0) == {"broad": [0.0, 30.0]}
    p, k = 0.6, 20.0
    thin, broad = (linking.toward_unseen(p, *capped[t], k) for t in ("thin", "broad"))
    assert broad < thin < p and p - thin < (p - broad) / 2


def _pairs(*groups):
    """(confidence, right) pairs: ``(n, confidence, right)`` per group."""
    return [pair for n, c, r in groups for pair in [(c, True)] * r + [(c, False)] * (n - r)]


def test_the_chooser_prefers_the_calibrated_model_to_a_sharper_miscalibrated_one():
    # The map alone: 1,000 guesses at 0.7, 700 right (log loss 0.611, ECE 0). The ways: the same
    # guesses split 0.95 (right 0.9) and 0.35 (right 0.5): log loss 0.543 but ECE 0.10.
    calibrated = _pairs((1000, 0.7, 700))
    sharp = _pairs((500, 0.95, 450), (500, 0.35, 250))
    assert E._loss(sharp) < E._loss(calibrated)
    assert E.calibration(sharp)["ece"] > E.calibration(calibrated)["ece"]
    rest = {w: _pairs((1000, 0.5, 700)) for w in E.UNSEEN_WAYS if w not in ((None, None), (20.0, None))}
    assert E.choose_unseen({(None, None): calibrated, (20.0, None): sharp, **rest}) == (None, None)
    # ways both sharper and calibrated (0.9 right 0.9, 0.5 right 0.5) are taken
    both = _pairs((500, 0.9, 450), (500, 0.5, 250))
    assert E.choose_unseen({(None, None): calibrated, (20.0, None): both, **rest}) == (20.0, None)
    # ties go to the model nearer the map: the map alone, then the larger pseudo-count, smaller cap
    same = {w: calibrated for w in E.UNSEEN_WAYS}
    assert E.choose_unseen(same) == (None, None)
    del same[(None, None)]
    assert E.choose_unseen(same) == (max(k for k, _ in same), min(c for _, c in same if c))
    assert E.choose_unseen({}) == (None, None)


def test_no_guesses_before_tuning_no_shift(tmp_path):
    table = {"settings": {f: {"smoothing": 1.0} for f in E.FIELDS}, **{f: {"t": [9.0, 10.0]} for f in E.FIELDS}}
    assert E.fit_unseen_shift(_root_with(tmp_path, None), table) is None
    assert E.fit_unseen_shift(_root_with(tmp_path / "one", {"a": {"commit": "x", "value": [["t", True]],
                                                                  "entity": [], "property": []}}), table) is None


def test_calibrated_applies_the_shift(tmp_path, monkeypatch):
    cal = {"settings": {"entity": {"smoothing": 1.0}}, "entity": {"t": [90.0, 100.0]}}
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps(cal), encoding="utf-8")
    monkeypatch.setattr(linking, "CALIBRATION_PATH", path)
    linking.reload_calibration()
    try:
        plain = linking.calibrated("entity", "t")
        cal["shift"] = {"entity": {"a": 1.0, "b": -1.0}}
        path.write_text(json.dumps(cal), encoding="utf-8")
        linking.reload_calibration()
        shifted = linking.calibrated("entity", "t")
        cal["shift"]["entity"]["k"] = 10.0
        cal["unseen-entity"] = {"t": [3, 30]}
        path.write_text(json.dumps(cal), encoding="utf-8")
        linking.reload_calibration()
        moved = linking.calibrated("entity", "t")
    finally:
        monkeypatch.undo()
        linking.reload_calibration()
    assert abs(plain - 0.9) < 0.01
    assert shifted == round(_sigmoid(math.log(plain / (1 - plain)) - 1.0), 2) < plain
    assert moved == round((3 + 10 * shifted) / 40, 2) < shifted


def test_committed_guesses_cover_the_listed_development_articles_only():
    real = yaml.safe_load((ROOT / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8"))
    listed = real["before_tuning"]
    guesses = E.load_before_tuning(ROOT)
    assert len(listed) >= 10 and set(guesses) == set(listed)
    # never a held-out article: its guesses would carry what it says into the calibration
    assert set(listed) <= set(real["dev"]) and not set(listed) & set(real["holdout"])
    for sid, row in guesses.items():
        assert row["commit"] == listed[sid]
        assert isinstance(row["value"], list) and all(isinstance(ok, bool) for _, ok in row["value"])
        # an article whose numbers the extractor read none of (r93: bare table cells) has an
        # empty row: it was measured unseen all the same, and adds no guess to the fit
        assert row["value"] or not (row.get("entity") or row.get("property"))
    assert sum(bool(row["value"]) for row in guesses.values()) >= 10


def test_committed_calibration_carries_the_shift_it_was_fitted_with():
    cal = json.loads(linking.CALIBRATION_PATH.read_text(encoding="utf-8"))
    for f in E.FIELDS:
        assert cal["shift"][f]["n"] > 100 and cal["shift"][f]["articles"] >= 10
        assert cal["cv_unseen"][f]["shifted"]["log_loss"] < cal["cv_unseen"][f]["unshifted"]["log_loss"]


def _has_commit(commit: str) -> bool:
    return subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"],
                          capture_output=True).returncode == 0


def test_the_tool_reproduces_a_committed_row(tmp_path):
    """Running an article's old extractor again gives the guesses that were committed."""
    from kb.tools import before_tuning

    guesses = E.load_before_tuning(ROOT)
    sid = min(guesses, key=lambda s: len(guesses[s]["value"]))  # the quickest one
    commit = guesses[sid]["commit"]
    if not _has_commit(commit):
        pytest.skip(f"the clone has no history down to {commit}")
    real = yaml.safe_load((ROOT / "tests" / "extract_corpus" / "real.yaml").read_text(encoding="utf-8"))
    assert real["before_tuning"][sid] == commit
    got = before_tuning.collect(ROOT, python=sys.executable, only=[sid], out=io.StringIO())
    assert got == {sid: guesses[sid]}


def test_a_commit_the_clone_cannot_check_out_is_reported_and_skipped(tmp_path):
    from kb.tools import before_tuning

    (tmp_path / "tests" / "extract_corpus").mkdir(parents=True)
    (tmp_path / "tests" / "extract_corpus" / "real.yaml").write_text(
        "dev: [r01-x]\nbefore_tuning:\n  r01-x: 0123456789abcdef0123456789abcdef01234567\n", encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "r01-x.yaml").write_text("claims: []\n", encoding="utf-8")
    (tmp_path / "datasets" / "sources").mkdir(parents=True)
    (tmp_path / "datasets" / "sources" / "r01-x.txt").write_text("It costs $2 an hour.\n", encoding="utf-8")
    out = io.StringIO()
    assert before_tuning.collect(tmp_path, out=out) == {}
    assert "r01-x: commit 0123456789abcdef0123456789abcdef01234567 cannot be checked out here" in out.getvalue()
