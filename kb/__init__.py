"""kb: a knowledge base of numeric claims about AI economics, and their checker."""

import importlib

LAZY = {"api": "kb.analysis.api"}


def __getattr__(name):
    if name in LAZY:
        return importlib.import_module(LAZY[name])
    raise AttributeError(f"module 'kb' has no attribute {name!r}")
