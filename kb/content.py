"""Content rules (conflict, contradicts-reference, implausible) — registered on import."""
