"""kb: a knowledge base of numeric claims about AI economics, and their checker.

The public API, importable from here (loaded on first use, so ``import kb`` stays fast)::

    import kb
    report = kb.check()                 # load the knowledge base found from the cwd, run every rule
    report.findings[0].comparisons      # what a finding was decided on
    kbase = kb.open_kb()                # the same, as pandas tables for notebooks
    kb.parse_unit("USD per 1M tokens")  # the one unit registry

Layers (see docs/architecture.md): ``kb.core`` (records, units, intervals, schema, rule
catalogue, findings) ← ``kb.store`` (loading, writing) ← ``kb.rules`` (integrity, comparison,
causes, content rules, the check) ← ``kb.analysis`` (notebook API, derived values, export),
``kb.extract`` (drafts from text), ``kb.site`` (the published site) ← ``kb.cli``.
"""

from __future__ import annotations

import importlib

from kb import accel as _accel_guard

_accel_guard.install()  # the compiled extraction modules, only where built from the current source

#: name -> "module:attribute" (or "module" for a module)
LAZY = {
    "api": "kb.analysis.api",
    "open_kb": "kb.analysis.api:open_kb",
    "KB": "kb.analysis.api:KB",
    "load": "kb.store.load:load",
    "find_root": "kb.store.load:find_root",
    "check": "kb.rules.check:check",
    "Report": "kb.rules.check:Report",
    "Comparer": "kb.rules.compare:Comparer",
    "KnowledgeBase": "kb.core.records:KnowledgeBase",
    "Claim": "kb.core.records:Claim",
    "Reference": "kb.core.records:Reference",
    "Entity": "kb.core.records:Entity",
    "Property": "kb.core.records:Property",
    "Source": "kb.core.records:Source",
    "Finding": "kb.core.findings:Finding",
    "Comparison": "kb.core.findings:Comparison",
    "Cause": "kb.core.findings:Cause",
    "Review": "kb.core.findings:Review",
    "Interval": "kb.core.intervals:Interval",
    "RULES": "kb.core.catalogue:RULES",
    "parse_unit": "kb.core.units:parse_unit",
    "ureg": "kb.core.units:ureg",
    "Derived": "kb.analysis.derive:Derived",
    "KBError": "kb.errors:KBError",
    "IntegrityError": "kb.errors:IntegrityError",
    "UnitError": "kb.errors:UnitError",
}

__all__ = sorted(LAZY)


def __getattr__(name: str):
    target = LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'kb' has no attribute {name!r}")
    module, _, attr = target.partition(":")
    value = importlib.import_module(module)
    if attr:
        value = getattr(value, attr)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(LAZY))
