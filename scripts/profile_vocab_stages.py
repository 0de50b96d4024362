"""Where the ``vocab`` command's time goes: each stage of its per-review work, timed in turn.

Usage: ``CRITICISM_WORKERS=1 python scripts/profile_vocab_stages.py FOLDER``

In one process (set ``CRITICISM_WORKERS=1``, so no stage forks workers), on the ``.txt`` files of
FOLDER, each stage once, in the order the command runs them, every per-word cache cold at its
first use as in a fresh worker:

1. ``segment`` of every raw file (:mod:`analysis.segmentation`);
2. ``split_body``: the body's sentences, tokens and word counts (:mod:`analysis.body_tables`);
3. ``review_words``: each review's rows of the token table, as arrays (:mod:`analysis.body_tables`);
4. ``vocabulary of the run``: all of a run's work in ``vocab``'s workers, stage 3 again, then each
   review's measures (sizes, TTR, MATTR, MTLD, syllables and Flesch) and word counts, and their
   keyness reduction (:mod:`analysis.vocabulary`, :mod:`analysis.keyness_counts`); apart, the part
   of it that counts syllables with cold caches (the shipped lexicon loaded, rarer words
   hyphenated).

Stage 4 runs in ``vocab``'s worker processes, 1 and 2 in ``load_corpus``'s; the command adds
importing, the keyness scoring and printing. Seconds are wall time of this process alone; the
machine's load moves them, so compare stages within one run.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from analysis.body_tables import review_words, split_body
from analysis.readability import _hyphenator, _syllable_lexicon, _syllables_of_word, total_syllables
from analysis.segmentation import segment
from analysis.vocabulary import _vocabulary_of_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    texts = {path.stem: path.read_text(encoding="utf-8") for path in sorted(args.folder.glob("*.txt"))}
    timings = []

    def timed(stage, work):
        start = time.perf_counter()
        result = work()
        timings.append((stage, time.perf_counter() - start))
        return result

    segments = timed("segment", lambda: {name: tuple(segment(text)) for name, text in texts.items()})
    splits = timed("split_body", lambda: [(name, split_body(found, title=None)) for name, found in segments.items()])
    reviews = timed("review_words", lambda: review_words(splits, title=None))
    timed("vocabulary of the run", lambda: _vocabulary_of_run(splits, title=None))
    written = [token for review in reviews for token in review.tokens[review.is_word].tolist()]
    for cached in (_syllable_lexicon, _hyphenator):
        cached.cache_clear()  # as cold as the measures found them
    _syllables_of_word.clear()
    timed("  of which syllables (cold)", lambda: total_syllables(written))
    print(f"{len(texts)} reviews in {args.folder}, {len(written):,} word tokens")
    for stage, seconds in timings:
        print(f"{stage:<28} {seconds:7.2f} s")


if __name__ == "__main__":
    main()
