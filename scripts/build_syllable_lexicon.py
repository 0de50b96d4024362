"""Rebuild ``analysis/data/syllables-en.tsv.gz``: syllables of the commonest English words.

Usage: python scripts/build_syllable_lexicon.py

Readability counts syllables as Hunspell (en_US) hyphenation points plus one, with the `pyphen`
package (:func:`analysis.readability.syllable_count`). Hyphenating is slow in pure Python (about
0.05 ms a word), and a corpus of 1,400 reviews has some 38,000 distinct words, so the counts of
the English words of wordfreq's large list used at least once per 100 million words (Zipf >= 2,
about 90,000 words of lower-case letters) are computed here once and shipped, a line per count
(the count, a tab, the words with it); only rarer words are hyphenated at run time. The file is the same bytes on every rebuild (sorted, gzip without a
time stamp); tests check that its counts are pyphen's.
"""

from __future__ import annotations

import gzip
import math
import re

from wordfreq import get_frequency_dict

from analysis.paths import PROJECT_ROOT
from analysis.readability import SYLLABLE_LEXICON, hyphenation_syllables

MIN_ZIPF = 2.0
PLAIN_WORD = re.compile(r"[a-z]+")


def main() -> None:
    words = sorted(
        word for word, frequency in get_frequency_dict("en", "best").items()
        if PLAIN_WORD.fullmatch(word) and math.log10(frequency) + 9 >= MIN_ZIPF
    )
    by_count: dict[int, list[str]] = {}
    for word in words:
        by_count.setdefault(hyphenation_syllables(word), []).append(word)
    lines = "".join(f"{count}\t{' '.join(by_count[count])}\n" for count in sorted(by_count))
    target = PROJECT_ROOT / "analysis" / "data" / SYLLABLE_LEXICON
    target.write_bytes(gzip.compress(lines.encode("utf-8"), compresslevel=9, mtime=0))
    print(f"{target}: {len(words)} words")


if __name__ == "__main__":
    main()
