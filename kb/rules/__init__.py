"""The rules: integrity checks over the loaded records, the comparison module, likely causes
and the content rules; :func:`kb.rules.check.check` runs them all.

The check-stage rules are listed here explicitly, each beside its catalogue entry
(:mod:`kb.core.catalogue`): what runs does not depend on what has been imported.
"""

from kb.core import catalogue as cat
from kb.rules import content, integrity, relations, reviews, scopes, weights

#: Integrity rules over the whole knowledge base: ``fn(kb) -> Iterator[Finding]``.
INTEGRITY_CHECKS = (
    (cat.UNKNOWN_ENTITY, integrity.unknown_entity),
    (cat.UNKNOWN_PROPERTY, integrity.unknown_property),
    (cat.UNKNOWN_CONDITION, integrity.unknown_condition),
    (cat.UNIT_DIMENSION, integrity.categorical_values),
    (cat.QUOTE_NOT_FOUND, integrity.quote_not_found),
    (cat.QUOTE_VALUE, integrity.quote_value),
    (cat.RELATION_INVALID, relations.relation_invalid),
)

#: Content rules: ``fn(comparer) -> Iterator[Finding]``.
CONTENT_CHECKS = (
    (cat.CONFLICT, content.conflict),
    (cat.CONTRADICTS_REFERENCE, content.contradicts_reference),
    (cat.IMPLAUSIBLE, content.implausible),
    (cat.ARITHMETIC, relations.arithmetic),
    (cat.COMPARISON_REFERENCES, relations.comparison_references),
    (cat.SCOPE_MISMATCH, scopes.scope_mismatch),
    (cat.WEIGHTS_SIZE, weights.weights_size),
    (cat.NOT_COMPARED, content.not_compared),
)

#: Rules about the reviews themselves: ``fn(kb) -> Iterator[Finding]``.
REVIEW_CHECKS = (
    (cat.REVIEW_STALE, reviews.review_stale),
)
