"""Scopes that do not match in an article's own arithmetic.

A worked cost that multiplies a number of GPUs by the hourly price of a whole cloud instance
("256 GPUs x 102 hours x $98.32 an hour", where $98.32 rents an eight-GPU instance) counts
every GPU of the instance once per GPU: the arithmetic holds, and the result is as many
times too high as the instance has GPUs. The same goes for any figure of a whole instance,
node, rack or cluster (its power, its price) multiplied by a count of GPUs.

The rule reads the ``derived:`` formulas only: a formula that is a plain product (names,
numbers and bracketed constants joined by ``*``; any division or sum could be the writer's
own "per GPU" step, so it is left alone) of a count of GPUs and a value whose ``scope``
condition is a group of GPUs. A count of GPUs is an input of the ``gpu-count`` property, or
one whose unit counts GPUs, that is not itself the count of a group (a record with a group
scope). Nothing here names an article, an entity or a value.
"""

from __future__ import annotations

import ast
import math
from typing import Iterator

from kb.core import catalogue as cat
from kb.core.findings import Cause, Finding
from kb.core.formula import FormulaError, parse
from kb.core.records import Claim, KnowledgeBase, Reference
from kb.rules.causes import property_name
from kb.rules.compare import Comparer

#: Scopes that cover more than one GPU (datasets/conditions.yaml, ``scope``): a figure of one
#: of them is not a figure per GPU.
GROUP_SCOPES = frozenset({"per-board-pair", "per-superchip", "per-node", "per-rack", "per-pod", "per-cluster",
                          "per-instance"})

_GPU_WORDS = frozenset({"gpu", "gpus"})


def scope_mismatch(cmp: Comparer) -> Iterator[Finding]:
    """``scope-mismatch``: a ``derived:`` product of a count of GPUs and a figure of a whole
    instance, node or other group of GPUs."""
    kb = cmp.kb
    gpus_of = group_sizes(kb)
    for c in kb.claims:
        rel = c.derived
        if rel is None or not c.ok:
            continue
        try:
            formula = parse(rel.formula)
        except (FormulaError, TypeError, ValueError):
            continue
        if not _plain_product(formula.tree.body):
            continue
        records = {name: _record(kb, rel.inputs.get(name)) for name in formula.names}
        counts = [(n, r) for n, r in records.items() if r is not None and _gpu_count(r)]
        groups = [(n, r) for n, r in records.items()
                  if r is not None and _scope(r) in GROUP_SCOPES and not _gpu_count(r)]
        if not counts or not groups:
            continue
        (cn, count), (gn, group) = counts[0], groups[0]
        ent = kb.entities.get(group.entity or "")
        size = gpus_of.get(group.entity or "") if ent is not None and ent.kind != "gpu" else None
        factor = float(size) if size and size > 1 else None
        if size == 1:
            continue  # a group of one GPU (a single-GPU instance): its figure is one GPU's
        scope = _scope(group).replace("per-", "")
        too = f"{factor:g} times too high (the {scope} holds {factor:g} GPUs)" if factor else \
            f"as many times too high as the {scope} has GPUs"
        msg = (f"{_name(kb, c)}: its formula {rel.formula} multiplies a number of GPUs ({cn} = {_shown(count)}) "
               f"by a figure of a whole {scope} ({gn} = {_shown(group)}, per {scope}): each GPU is charged the "
               f"{scope}'s figure, so the result is {too}")
        cause = Cause("scope", f"a per-{scope} figure counted once per GPU: {too}", (group.id,), factor)
        yield cat.SCOPE_MISMATCH.finding(msg, c.path, rel.line or c.line, (c.id,), causes=(cause,))


def _plain_product(node: ast.AST) -> bool:
    """Is the expression names, numbers and constants joined by ``*`` only?"""
    if isinstance(node, ast.BinOp):
        return isinstance(node.op, ast.Mult) and _plain_product(node.left) and _plain_product(node.right)
    return isinstance(node, (ast.Name, ast.Constant))


def _record(kb: KnowledgeBase, rid: str | None) -> Claim | Reference | None:
    if not rid:
        return None
    return kb.claims_by_id.get(rid) or kb.references_by_id.get(rid)


def _scope(r: Claim | Reference) -> str:
    s = (r.conditions or {}).get("scope")
    return s if isinstance(s, str) else ""


def _gpu_count(r: Claim | Reference) -> bool:
    """A count of GPUs that is not the count of one group (a node's eight GPUs)."""
    if _scope(r) in GROUP_SCOPES:
        return False
    if r.property == "gpu-count":
        return True
    words = str(r.unit or "").replace("_", " ").replace("/", " ").lower().split()
    return bool(words) and words[-1] in _GPU_WORDS and "/" not in str(r.unit)


def group_sizes(kb: KnowledgeBase) -> dict[str, float]:
    """The number of GPUs of each entity with one exact reference value for it."""
    seen: dict[str, set] = {}
    for r in kb.references:
        iv = r.interval
        if r.property == "gpu-count" and r.ok and r.qualifier == "exact" and iv is not None and r.entity \
                and math.isfinite(iv.low) and math.isfinite(iv.high):
            seen.setdefault(r.entity, set()).add(round((iv.low + iv.high) / 2))
    return {e: float(next(iter(v))) for e, v in seen.items() if len(v) == 1}


def _shown(r: Claim | Reference) -> str:
    try:
        return r.display()
    except Exception:  # a record without a usable value is shown by its id only
        return r.id


def _name(kb: KnowledgeBase, c: Claim) -> str:
    ent = kb.entities.get(c.entity or "")
    return f"{ent.name if ent else c.entity} {property_name(kb, c.property)}"
