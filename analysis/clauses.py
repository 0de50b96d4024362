"""Clauses for contrast: where a sentence turns ("great cast, but a dull script").

:func:`split_clauses` cuts a sentence before each contrast cue of the sentence classifier
("but", "however", "yet" ...; ``data/contrast-cues.txt``) that does not open it. A cue right
after a negation in its clause, with no punctuation between, corrects rather than contrasts and
cuts nothing ("not cold or dystopian but intimate", "can't help but feel"). The praise-target
analysis (:mod:`analysis.praise`) judges a target named in one clause on that clause alone.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.features import contrast_cues, negation_cues


def _cue_regex(cues) -> re.Pattern:
    words = sorted((c for c in cues if c != "n't"), key=lambda w: (-len(w), w))
    clitic = r"|n't(?![\w'-])" if "n't" in cues else ""
    return re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w'-])" + clitic, re.IGNORECASE)


@cache
def _contrast_regex() -> re.Pattern:
    return _cue_regex(contrast_cues())


@cache
def _negation_regex() -> re.Pattern:
    return _cue_regex(negation_cues())


def _is_correction(before: str) -> bool:
    """True when a marker after `before` (its clause so far) corrects a negation: "not X but Y"."""
    return not re.search(r"[,;:(\u2013\u2014]\s*$|\s-\s*$", before) and _negation_regex().search(before) is not None


def split_clauses(sentence: str) -> list[tuple[int, int, str]]:
    """Cut `sentence` before each contrast marker that does not open it.

    A marker right after a negation in its clause, with no punctuation between, corrects rather
    than contrasts and cuts nothing ("not cold but intimate", "can't help but feel").

    Returns
    -------
    list of (start, end, text)
        The clauses with their character spans in `sentence`; one clause when nothing is cut.

    >>> [text for _, _, text in split_clauses("A great cast, but a dull script.")]
    ['A great cast,', 'but a dull script.']
    >>> [text for _, _, text in split_clauses("However, it is not without its flaws.")]
    ['However, it is not without its flaws.']
    >>> [text for _, _, text in split_clauses("It is not cold but intimate.")]
    ['It is not cold but intimate.']
    """
    cuts: list[int] = []
    for marker in _contrast_regex().finditer(sentence):
        clause_so_far = sentence[(cuts[-1] if cuts else 0) : marker.start()]
        if clause_so_far.strip() and not _is_correction(clause_so_far):
            cuts.append(marker.start())
    bounds = [0, *cuts, len(sentence)]
    return [
        (start, end, sentence[start:end].strip())
        for start, end in zip(bounds, bounds[1:])
        if sentence[start:end].strip()
    ]
