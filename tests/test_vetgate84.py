"""kb.rules.causes.scale_causes on a negative range: the scale slip's window is widened outwards
on both sides (session 43, vetgate84: with kb vet's value and property gate lowered for a
measurement, a negative range of r73 that missed a reference made `kb check` stop with "not an
interval": low / slack passed high)."""

from __future__ import annotations

from types import SimpleNamespace

import kb.rules.causes as causes
from kb.core.intervals import Interval


def test_a_negative_range_gets_no_invalid_window():
    # (before: ValueError "not an interval" from the widened window)
    assert causes.scale_causes(None, None, Interval(-0.05, -0.04, "W"), []) == []


def test_a_negative_range_a_thousand_times_off_names_the_slip(monkeypatch):
    monkeypatch.setattr(causes, "_join", lambda kb, hits, near, limit=3: "the reference")
    monkeypatch.setattr(causes, "_ordered", lambda hits, near: tuple(r.id for r in hits))
    ref = SimpleNamespace(id="r1", interval=Interval(-60.0, -50.0, "W"))
    iv = Interval(-0.06, -0.05, "W")
    out = causes.scale_causes(None, SimpleNamespace(unit="W", interval=iv), iv, [ref])
    assert [c.kind for c in out] == ["scale-slip"]
    assert "times too small" in out[0].text and "the reference" in out[0].text


def test_a_positive_range_keeps_its_window(monkeypatch):
    # a positive range 1,000 times too small with a reference 2x past the shifted value still
    # meets it (the window is low / slack .. high * slack, as before), 2.1x does not
    monkeypatch.setattr(causes, "_join", lambda kb, hits, near, limit=3: "the reference")
    monkeypatch.setattr(causes, "_ordered", lambda hits, near: tuple(r.id for r in hits))
    iv = Interval(0.05, 0.06, "W")
    v = SimpleNamespace(unit="W", interval=iv)
    near = SimpleNamespace(id="r1", interval=Interval(119.0, 120.0, "W"))
    far = SimpleNamespace(id="r2", interval=Interval(126.0, 127.0, "W"))
    assert len(causes.scale_causes(None, v, iv, [near])) == 1
    assert causes.scale_causes(None, v, iv, [far]) == []
