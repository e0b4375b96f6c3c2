"""A percent difference recorded as a change (docs/data-format.md) keeps kb check's likely
cause for a ratio: "42% lower" where the arithmetic gives -29.8% is "42% higher" measured from
the other side (3.9 / 2.738 = 1.42, so 2.738 / 3.9 - 1 = -29.8%)."""
from test_relations import claim, kinds, of, run


def _case(tmp_path, stated):
    return run(tmp_path, [
        claim("sxm", "gpu-a-sxm", "workload-cost", 3.9, "billion USD"),
        claim("pcie", "gpu-a-pcie", "workload-cost", "2.738", "billion USD"),
        claim("c", "gpu-a-pcie", "change", stated, "percent", derived=("a / b - 1", {"a": "pcie", "b": "sxm"}),
              numerator={"entity": "gpu-a-pcie", "property": "workload-cost"},
              denominator={"entity": "gpu-a-sxm", "property": "workload-cost"}),
    ])


def test_a_change_measured_from_the_other_side_is_named(tmp_path):
    (f,) = of(_case(tmp_path, -42), "arithmetic", "c")
    assert "inverted" in kinds(f) and "measured from the other side" in f.causes[kinds(f).index("inverted")].text


def test_a_change_that_misses_otherwise_is_not_called_inverted(tmp_path):
    (f,) = of(_case(tmp_path, -60), "arithmetic", "c")
    assert "inverted" not in kinds(f)
    assert not of(_case(tmp_path / "ok", -30), "arithmetic", "c")
