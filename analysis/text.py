"""Typographic normalisation for analysis.

Web copies mix curly and straight apostrophes and quotes, bullets and non-breaking spaces, so
``Jonze’s`` and ``Jonze's`` would count as two words. :func:`normalise` maps each such character
to one plain ASCII character. It is deliberately length-preserving (one character in, one
character out), so a sentence's offsets in the normalised text are its offsets in the raw text:
evidence can always be located in the untouched file. The raw text itself is never changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

Value = TypeVar("Value")

# Distinct words remembered by per-word caches (terms, syllables): bounded, so that a corpus of any
# size fits in memory while the words that repeat are computed once.
WORD_CACHE_SIZE = 1 << 18
# Keys up to this long are remembered by :func:`remembered`.
REMEMBERED_KEY_CHARS = 64
# English clitics as the Treebank splits them off the word they are written in ("is" + "n't",
# "Jonze" + "'s"), after normalisation (one straight apostrophe).
CLITICS = ("n't", "'s", "'re", "'ve", "'ll", "'d", "'m")

_REPLACEMENTS = {
    "\u2018": "'",  # left single quotation mark
    "\u2019": "'",  # right single quotation mark, the usual curly apostrophe
    "\u201a": "'",  # single low-9 quotation mark
    "\u201b": "'",  # single high-reversed-9 quotation mark
    "\u02bc": "'",  # modifier letter apostrophe
    "\u2032": "'",  # prime, often typed for an apostrophe
    "\u0060": "'",  # grave accent used as an opening quote
    "\u00b4": "'",  # acute accent used as an apostrophe
    "\u201c": '"',  # left double quotation mark
    "\u201d": '"',  # right double quotation mark
    "\u201e": '"',  # double low-9 quotation mark
    "\u2033": '"',  # double prime
    "\u00ab": '"',  # left guillemet
    "\u00bb": '"',  # right guillemet
    "\u2022": "*",  # bullet
    "\u2023": "*",  # triangular bullet
    "\u25e6": "*",  # white bullet
    "\u2043": "*",  # hyphen bullet
    "\u25aa": "*",  # small black square used as a bullet
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\u200a": " ",  # hair space
    "\u2002": " ",  # en space
    "\u2003": " ",  # em space
    "\u200b": " ",  # zero-width space: a line of them is a blank line, not a sentence
    "\ufeff": " ",  # byte-order mark, at the start of a file or of a page pasted after another
    "\u00ad": "-",  # soft hyphen
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
}
_TABLE = str.maketrans(_REPLACEMENTS)


def remembered(compute: Callable[[str], Value], keys: Sequence[str], memo: dict[str, Value]) -> list[Value]:
    """``[compute(key) for key in keys]``, each key computed once while `memo` holds it.

    For per-word work on every token of a corpus: looking a whole sentence's keys up in one
    C-mapped pass is several times faster than a cached call per key. A key longer than
    :data:`REMEMBERED_KEY_CHARS` is computed each time (a URL or text without spaces seldom
    repeats), and the memo is emptied when it outgrows :data:`WORD_CACHE_SIZE`, so a corpus of
    any size fits in memory. `compute` never returns None.

    >>> remembered(len, ["Her", "is", "Her"], {})
    [3, 2, 3]
    """
    found = list(map(memo.get, keys))
    if None not in found:
        return found
    if len(memo) > WORD_CACHE_SIZE:
        memo.clear()
    for index, key in enumerate(keys):
        if found[index] is None:
            value = memo.get(key)
            if value is None:
                value = compute(key)
                if len(key) <= REMEMBERED_KEY_CHARS:
                    memo[key] = value
            found[index] = value
    return found


def normalise(text: str) -> str:
    """Return `text` with typographic variants mapped to plain characters, length unchanged.

    >>> normalise("Jonze\u2019s \u201cHer\u201d\u00a0\u2022 love")
    'Jonze\\'s "Her" * love'
    """
    if text.isascii() and "`" not in text:  # the grave accent is the one ASCII character mapped
        return text  # isascii is a flag lookup; translate reads every character through a dict
    return text.translate(_TABLE)
