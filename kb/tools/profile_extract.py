"""Where the extractor's CPU time goes, end to end, on the bench's text
(``python -m kb.tools.profile_extract [--rounds N] [--regex]``; run with ``KB_PURE=1`` for the
Python source, as the line numbers are of the ``.py``).

A statistical profiler on the process's CPU clock (``ITIMER_PROF``, one sample a millisecond):
each sample counts the function it lands in (self, a C call counted to the line that made it)
and every function on the stack (cumulative), and the lines of :func:`kb.extract.linking._link_one`
on the stack (its branches, cumulative). No tracing hook runs between samples, so the shares are
those of an unprofiled run (cProfile's per-call overhead inflates small functions several times).
``--regex`` then counts the regular-expression calls of one more run by the line that made them
(a tracing hook: slow, counts only). Also prints how many numbers a sentence and a table row
hold on average: what sharing per-sentence facts between numbers could save at most.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import signal
import sys
import time
from pathlib import Path


def _sample(run, interval: float = 0.001) -> tuple[int, collections.Counter, collections.Counter, collections.Counter]:
    cum, own, lines = collections.Counter(), collections.Counter(), collections.Counter()
    n = [0]

    def on_sample(_sig, frame):
        n[0] += 1
        own[(frame.f_code.co_filename.rsplit("/", 1)[-1], frame.f_code.co_name, frame.f_lineno)] += 1
        seen = set()
        while frame is not None:
            key = (frame.f_code.co_filename.rsplit("/", 1)[-1], frame.f_code.co_name)
            if key not in seen:
                seen.add(key)
                cum[key] += 1
            if frame.f_code.co_name == "_link_one":
                lines[frame.f_lineno] += 1
            frame = frame.f_back

    old = signal.signal(signal.SIGPROF, on_sample)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    try:
        run()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, old)
    return n[0], cum, own, lines


def numbers_per_place(text: str, reg) -> dict:
    """Prose numbers per sentence and table numbers per row, as :func:`_link_one` meets them."""
    import kb.extract.linking as linking
    from kb.extract.drafts import extract_text

    sents, rows = collections.Counter(), collections.Counter()
    orig = linking._link_one

    def counting(idx, view, starts, paras, headings, found, i, *args, **kw):
        f = found[i]
        if f.table is None:
            sents[bisect.bisect_right(starts, f.draft.span_start) - 1] += 1
        else:
            rows[(id(f.table), f.row)] += 1
        return orig(idx, view, starts, paras, headings, found, i, *args, **kw)

    linking._link_one = counting
    try:
        extract_text(text, reg)
    finally:
        linking._link_one = orig
    return {"prose": sum(sents.values()), "sentences": len(sents), "table": sum(rows.values()), "rows": len(rows)}


def regex_calls(text: str, reg) -> collections.Counter:
    """The regular-expression calls of one extraction of ``text``, by (file, function, line, method).
    Only the Python source's calls can be seen: in a process running the compiled build (``make
    accel``) the hook sees none of the compiled modules' calls, so this refuses to count there
    (run with ``KB_PURE=1``)."""
    import kb.accel
    from kb.extract.drafts import extract_text

    compiled = [n for n in kb.accel.MODULES if n in sys.modules and kb.accel.is_compiled(sys.modules[n])]
    if compiled:
        raise RuntimeError(f"regular-expression calls cannot be seen in compiled modules ({', '.join(compiled)}): "
                           "run with KB_PURE=1")

    calls = collections.Counter()
    methods = {"search", "match", "fullmatch", "sub", "subn", "finditer", "findall", "split"}

    def hook(frame, event, arg):
        if event == "c_call" and getattr(arg, "__name__", "") in methods \
                and type(getattr(arg, "__self__", None)).__name__ == "Pattern":
            calls[(frame.f_code.co_filename.rsplit("/", 1)[-1], frame.f_code.co_name, frame.f_lineno, arg.__name__)] += 1

    sys.setprofile(hook)
    try:
        extract_text(text, reg)
    finally:
        sys.setprofile(None)
    return calls


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=2, help="extractions sampled (after one untimed)")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--regex", action="store_true", help="count the regular-expression calls too")
    args = ap.parse_args(argv)

    from kb.extract.drafts import extract_text
    from kb.extract.linking import load_registry
    from kb.tools.bench import vet_article_text

    root = Path.cwd()
    reg = load_registry(root)
    text = vet_article_text(root, chars=10**9)
    drafts = len(extract_text(text, reg))  # warm (the registry's index, memos across texts)
    t0 = time.process_time()
    n, cum, own, lines = _sample(lambda: [extract_text(text, reg) for _ in range(args.rounds)])
    cpu = (time.process_time() - t0) / max(args.rounds, 1)
    mb = len(text.encode("utf-8")) / 1e6
    print(f"{mb:.2f} MB, {drafts:,} drafts: {cpu:.2f} s CPU an extraction ({mb / cpu:.2f} MB/s, sampled), {n:,} samples")
    print("functions, cumulative %:")
    for (f, fn), v in cum.most_common(args.top):
        print(f"  {100 * v / n:5.1f}  {f}:{fn}")
    selfs = collections.Counter()
    for (f, fn, _), v in own.items():
        selfs[(f, fn)] += v
    print("functions, self % (C calls counted to their caller):")
    for (f, fn), v in selfs.most_common(args.top):
        print(f"  {100 * v / n:5.1f}  {f}:{fn}")
    print("_link_one's lines on the stack, cumulative %:")
    for ln, v in lines.most_common(args.top):
        print(f"  {100 * v / n:5.1f}  linking.py:{ln}")
    per = numbers_per_place(text, reg)
    print(f"numbers linked: {per['prose']:,} in prose, {per['prose'] / max(per['sentences'], 1):.2f} a sentence; "
          f"{per['table']:,} in tables, {per['table'] / max(per['rows'], 1):.2f} a row")
    if args.regex:
        try:
            calls = regex_calls(text, reg)
        except RuntimeError as e:
            print(f"regular-expression calls not counted: {e}")
            return 1
        total = sum(calls.values())
        print(f"regular-expression calls: {total:,} ({total / max(drafts, 1):.0f} a draft)")
        for (f, fn, ln, meth), v in calls.most_common(args.top):
            print(f"  {v:8,}  {f}:{fn}:{ln} {meth}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
