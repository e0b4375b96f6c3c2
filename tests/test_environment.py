"""environment.yml and pyproject.toml declare the same dependencies."""

from __future__ import annotations

import re
import tomllib

import yaml

_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*?)\s*(;.*)?$")


def _normalise(name: str) -> str:
    """PEP 503 name normalisation: case-insensitive, runs of -, _ and . are equal."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _split(req: str) -> tuple[str, str]:
    m = _NAME.match(req)
    assert m, f"cannot read requirement {req!r}"
    return _normalise(m.group(1)), re.sub(r"\s+", "", m.group(3) or "")


def _pyproject(root) -> dict[str, str]:
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    project = data["project"]
    reqs = list(project["dependencies"]) + list(project.get("optional-dependencies", {}).get("test", []))
    return dict(_split(r) for r in reqs)


def _environment(root) -> tuple[dict, dict[str, str], list[str]]:
    env = yaml.safe_load((root / "environment.yml").read_text(encoding="utf-8"))
    conda, pip = [], []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip.extend(dep.get("pip", []))
        else:
            conda.append(str(dep))
    editable = [p for p in pip if p.startswith("-e")]
    reqs = dict(_split(p) for p in pip if not p.startswith("-"))
    return env, reqs, conda + editable


def test_same_dependency_names(root):
    _, env_reqs, _ = _environment(root)
    py = _pyproject(root)
    assert set(env_reqs) == set(py), {
        "only in pyproject.toml": sorted(set(py) - set(env_reqs)),
        "only in environment.yml": sorted(set(env_reqs) - set(py)),
    }


def test_same_version_bounds(root):
    _, env_reqs, _ = _environment(root)
    py = _pyproject(root)
    differ = {n: (py[n], env_reqs[n]) for n in py if n in env_reqs and py[n] != env_reqs[n]}
    assert not differ, f"version bounds differ (pyproject, environment.yml): {differ}"


def test_environment_basics(root):
    env, _, other = _environment(root)
    assert env["name"] == "kb"
    assert "python=3.11" in other and "pip" in other
    assert "-e ." in other


def test_pyproject_python_matches(root):
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert data["project"]["requires-python"].startswith(">=3.11")


def test_normalisation():
    assert _normalise("ruamel.yaml") == _normalise("Ruamel_YAML") == "ruamel-yaml"
    assert _split("great_expectations >= 1.3") == ("great-expectations", ">=1.3")
    assert _split("pint[numpy]>=0.24; python_version>'3'") == ("pint", ">=0.24")
