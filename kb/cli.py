"""The ``kb`` command: a thin click group over the library.

Exit codes: 0 when all is well, 1 when the check found an error (or, with ``--strict``, an
unreviewed content finding), 2 for a usage or I/O problem. Library errors
(:class:`kb.errors.KBError`) are mapped to their exit code here, in one place, and printed
as ``kb: message`` (never a traceback).
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import click

from kb.errors import KBError, WriteError

ROOT_OPTION = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Project root (default: found upwards from the current directory).",
)


class _Group(click.Group):
    """Maps the library's errors to messages and exit codes."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KBError as exc:
            click.echo(f"kb: {exc}", err=True)
            ctx.exit(exc.exit_code)


def run() -> None:
    """``python -m kb`` and the ``kb`` script: :func:`main`, then the interpreter's exit without
    the garbage collector's last walk over what is still alive.

    At exit the interpreter's last collections take apart, one by one, what the collector still
    tracks (~100,000 objects after a ``kb check``: the modules imported, their classes,
    functions and caches): ~0.08 s of CPU, 7% of a check of the real knowledge base, for
    memory the operating system takes back anyway. :func:`gc.freeze` moves them out of the
    collector's reach first. Nothing else changes: the output is written and flushed as
    before, ``atexit`` handlers (the unit cache's save) run, and the exit code is main's.
    In-process callers (click's test runner) call :func:`main` and are not affected.
    """
    global _KEPT
    _KEPT = []
    _KEPT.append(_KEPT)  # (a list that holds itself: the interpreter's exit does not free it)
    try:
        main()
    finally:
        gc.freeze()


#: Under :func:`run` only: what a command leaves alive for the process's exit (see
#: :func:`_left_for_exit`); ``None`` for in-process callers.
_KEPT: list | None = None


def _left_for_exit(obj) -> None:
    """Under :func:`run`, keep ``obj`` (a checked knowledge base and its report: ~100,000
    records, findings and relations) alive until the process ends, frozen with the rest: freeing
    it object by object as the command returns costs ~0.025 s of CPU (2% of a ``kb check``) for
    memory the operating system takes back at once. The output is written and flushed before;
    in-process callers (click's test runner) keep nothing."""
    if _KEPT is not None:
        _KEPT.append(obj)


def _root(root: Path | None) -> Path:
    from kb.store.load import resolve_root

    return resolve_root(root)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
        return
    from kb.store.write import atomic_write_text

    atomic_write_text(out, text)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kb", prog_name="kb")
def main() -> None:
    """A knowledge base of numeric claims about AI economics, and their checker."""


@main.command()
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "github"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Also fail on content findings that have no review verdict.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first error instead of collecting every finding.")
@click.option("--gx", is_flag=True, help="Also run the great-expectations suite over the claims and references tables.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write the report to FILE instead of stdout.")
def check(root, fmt, strict, fail_fast, gx, out):
    """Check every claim: integrity, conflicts, references, plausibility.

    Prints one line per finding, `path:line: severity[code] message`.
    """
    from kb.rules.check import check as run_check

    report = run_check(_root(root), fail_fast=fail_fast, strict=strict, gx=gx)
    _write(report.render(fmt), out)
    _left_for_exit(report)
    sys.exit(report.exit_code)


@main.command()
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "parquet"]), required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Output file (default: stdout; required for parquet).")
def export(root, fmt, out):
    """Export the normalised claims table, one row per claim."""
    from kb.analysis.export import export_claims

    data = export_claims(_root(root), fmt)
    if isinstance(data, bytes):
        if out is None:
            raise WriteError("parquet is binary: give --out FILE")
        from kb.store.write import atomic_write_bytes

        atomic_write_bytes(out, data)
    else:
        _write(data, out)


@main.command("add-source")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", required=True, help="The title as printed.")
@click.option("--publisher", required=True, help="Publisher or outlet (or author).")
@click.option("--published", default=None, help="Publication date, YYYY-MM-DD.")
@click.option("--url", default=None)
@click.option("--author", default=None)
@click.option("--trust", type=click.Choice(["primary", "secondary", "web", "low"]), default="web", show_default=True)
@click.option("--id", "source_id", default=None, help="Source id (default: from the file name).")
@ROOT_OPTION
def add_source(file, title, publisher, published, url, author, trust, source_id, root):
    """Register a text or saved HTML page as a source (copied, hashed, never overwritten)."""
    from kb.store.sources import add_source as do_add

    meta = do_add(_root(root), file, title=title, publisher=publisher, published=published,
                  url=url, author=author, trust=trust, source_id=source_id)
    click.echo(f"registered source {meta['id']} (sha256 {meta['sha256'][:12]}…): datasets/sources/{meta['id']}.txt")


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("--write", is_flag=True, help="Write claims/<source>.draft.yaml beside the curated file instead of printing.")
@ROOT_OPTION
def extract(file, fmt, write, root):
    """Propose draft claims for a text: every number with unit, qualifier, and linked entity,
    property and conditions, each with a calibrated confidence."""
    import json

    import yaml

    from kb.extract.drafts import extract_file
    from kb.extract.linking import load_registry
    from kb.extract.promote import write_drafts

    kb_root = _root(root) if (write or root) else _maybe_root()
    registry = load_registry(kb_root) if kb_root is not None else None
    for problem in registry.problems if registry is not None else ():
        click.echo(f"kb: warning: {problem}", err=True)  # (the drafts still come, linked against the rest)
    doc = extract_file(file, kb_root, registry)
    if write:
        click.echo(write_drafts(kb_root, doc["source"], doc["drafts"]).summary())
        if not (kb_root / "datasets" / "sources" / f"{doc['source']}.txt").is_file():
            click.echo(f"note: no registered source {doc['source']!r} yet (kb add-source) to check quotes against")
    elif fmt == "json":
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False))
    else:
        click.echo(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=1000), nl=False)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Check the drafts whose value, entity and property confidences all reach this (default 0.4, on the scale calibrated to articles the extractor was not tuned on; a finding still needs a sure entity to flag).")
@click.option("--as-of", default=None, help="The article's date, YYYY-MM-DD: numbers are compared with the "
                                            "references in force then (default: today's references).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report to FILE instead of stdout.")
@ROOT_OPTION
def vet(file, fmt, min_confidence, as_of, out, root):
    """Fact-check one article (text, Markdown or saved HTML) against the knowledge base.

    In a scratch copy (the knowledge base is never touched) the file is registered, its
    numbers are extracted and linked, the confident ones become claims, and every rule
    runs. Prints each flagged number with its quote, the finding, the evidence and the
    likely cause; the numbers it could not check and why; a one-line summary. Exits 1
    when a number is flagged.
    """
    from kb.extract.vet import DEFAULT_MIN_CONFIDENCE, vet as do_vet

    threshold = DEFAULT_MIN_CONFIDENCE if min_confidence is None else min_confidence
    report = do_vet(file, _root(root), min_confidence=threshold, as_of=as_of)
    _write(report.render(fmt), out)
    sys.exit(report.exit_code)


@main.command()
@click.argument("source_id")
@click.argument("draft_ids", nargs=-1)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="One floor for all three confidences: promote drafts whose value, entity and "
                   "property confidences all reach this (default: each field's own floor, value 0.65, "
                   "entity 0.72, property 0.5; ignored when ids are given).")
@click.option("--min-value", type=click.FloatRange(0, 1), default=None,
              help="The value confidence's floor (over the default or --min-confidence).")
@click.option("--min-entity", type=click.FloatRange(0, 1), default=None,
              help="The entity confidence's floor (over the default or --min-confidence).")
@click.option("--min-property", type=click.FloatRange(0, 1), default=None,
              help="The property confidence's floor (over the default or --min-confidence).")
@click.option("--all", "promote_all", is_flag=True, help="Promote every complete draft, whatever its confidence.")
@ROOT_OPTION
def promote(source_id, draft_ids, min_confidence, min_value, min_entity, min_property, promote_all, root):
    """Move draft claims into the curated claims file: the ones named by id, or every complete
    draft whose confidences reach the gate's floors. The rest stay drafts, each with the reason."""
    from kb.extract.promote import promote as do_promote

    floors = {"value": min_value, "entity": min_entity, "property": min_property}
    result = do_promote(_root(root), source_id, list(draft_ids), min_confidence=min_confidence, floors=floors,
                        promote_all=promote_all)
    if result.promoted:
        click.echo(f"promoted {len(result.promoted)} claims into {result.curated_path}: {', '.join(result.promoted)}")
    if result.already:
        click.echo(f"already in {result.curated_path} (removed from drafts): {', '.join(result.already)}")
    if result.relations:
        click.echo(f"with their proposed relations (derived:, checked by kb check): {', '.join(result.relations)}")
    for claim_id, why in result.dropped:
        click.echo(f"{claim_id}: proposed relation not carried: {why}", err=True)
    if not result.promoted and not result.already:
        click.echo("nothing promoted", err=True)
    for draft_id, reasons in result.left:
        click.echo(f"left {draft_id}: {'; '.join(reasons)}", err=True)
    sys.exit(1 if result.left else 0)


@main.command()
@click.argument("claim_id", required=False)
@click.option("--verdict", type=click.Choice(["correct", "wrong", "dubious", "unverifiable"]), default=None,
              help="correct: the article is right; wrong: it is not; dubious: probably wrong; unverifiable: nothing to check against.")
@click.option("--note", default=None, help="Why, with the source or the arithmetic checked against.")
@click.option("--reviewer", default=None, help="Who reviews.")
@click.option("--confirm", is_flag=True, help="Keep the claim's verdict and bind it to the claim as it is now.")
@click.option("--pending", is_flag=True, help="List the content findings with no current review, and stale reviews.")
@ROOT_OPTION
def review(claim_id, verdict, note, reviewer, confirm, pending, root):
    """Record a verdict on a claim, bound to what the claim says now (its fingerprint).

    Writes the review into the claim's record, keeping the file's comments and order. A
    review goes stale when the claim changes; `--pending` lists what still needs a verdict.
    """
    from kb.errors import ReviewError

    root = _root(root)
    if pending:
        if claim_id or verdict or note or confirm:
            raise ReviewError("--pending takes no claim, verdict or note")
        from kb.rules.check import check as run_check
        from kb.rules.report import plain

        report = run_check(root)
        todo = report.unreviewed_content
        for f in todo:
            click.echo(f"{plain(f.where)}: {f.code}: {', '.join(f.claims)}: {plain(f.message)}")
        click.echo(f"{len(todo)} findings need a review")
        return
    if not claim_id:
        raise ReviewError("name the claim to review (or give --pending)")
    if not confirm and (verdict is None or note is None):
        raise ReviewError("give --verdict and --note (or --confirm to keep the current verdict)")
    from kb.store.reviews import write_review

    w = write_review(root, claim_id, verdict, note, reviewer, confirm=confirm)
    click.echo(f"{'replaced' if w.replaced else 'added'} the review of {w.claim} in {w.path}: {w.review.verdict} "
               f"({w.review.date}, fingerprint {w.review.fingerprint})")


@main.command()
@click.option("--claims", "n_claims", type=click.IntRange(1, 10_000_000), required=True, help="Number of claims.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), required=True, help="Folder to create.")
@click.option("--seed", type=int, default=0, show_default=True)
def synth(n_claims, out, seed):
    """Write a synthetic knowledge base of realistic shape (for benchmarks)."""
    from kb.tools.synth import synthesize

    try:
        stats = synthesize(out, n_claims, seed=seed)
    except (OSError, ValueError) as exc:
        raise WriteError(f"cannot write {out}: {exc}") from None
    click.echo(f"wrote {stats['claims']} claims from {stats['sources']} sources to {out}")


def _maybe_root() -> Path | None:
    from kb.store.load import find_root

    try:
        return find_root()
    except KBError:
        return None


if __name__ == "__main__":  # pragma: no cover
    main()
