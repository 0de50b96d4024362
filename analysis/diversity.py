"""Lexical diversity: type-token ratio and two length-robust measures, MATTR and MTLD.

The **type-token ratio** (TTR, types / tokens) falls as a text grows, because every new token has
a smaller chance of being a new type (Heaps' law). A 600-word review and a 2,000-word review
therefore differ in TTR even when written with the same variety of words, so raw TTR cannot be
compared across reviews of different length. Two standard measures remove most of that
dependence:

* **MATTR**, the moving-average type-token ratio (Covington & McFall 2010, *Journal of
  Quantitative Linguistics* 17(2)): the mean TTR of every window of ``window`` consecutive tokens
  (default 50, the window used in their paper and by most later studies). Texts shorter than one
  window get their plain TTR.
* **MTLD**, the measure of textual lexical diversity (McCarthy & Jarvis 2010, *Behavior Research
  Methods* 42(2)): reading the text in order, a *factor* is completed each time the running TTR
  of the current stretch falls to ``threshold`` (default 0.72, their value); the leftover stretch
  counts as the fraction ``(1 - TTR) / (1 - threshold)`` of a factor. MTLD is tokens / factors,
  averaged over a forward and a backward pass: the mean length of a stretch of text that keeps
  its TTR above the threshold. A text that never repeats a word has no factor; its MTLD is NaN.

All three take a sequence of terms (lower-cased word tokens, see
:mod:`analysis.tokenization`) so the caller decides what counts as a token.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

MATTR_WINDOW = 50
MTLD_THRESHOLD = 0.72


def type_token_ratio(tokens: Sequence[str]) -> float:
    """Types / tokens; NaN for no tokens. Depends on length: see the module docstring.

    >>> type_token_ratio(["a", "b", "a", "c"])
    0.75
    """
    return len(set(tokens)) / len(tokens) if tokens else float("nan")


def mattr(tokens: Sequence[str], *, window: int = MATTR_WINDOW) -> float:
    """Moving-average type-token ratio (Covington & McFall 2010) over windows of `window` tokens.

    The window slides one token at a time; a text shorter than the window gets its plain TTR.
    Rather than sliding a counter, the sum of every window's types is counted per token: a
    token is a new type in each window that holds it but not its previous occurrence, i.e. in
    windows starting after that occurrence and no later than the token itself. The sum is an
    exact integer, so the result equals the sliding computation's.

    >>> round(mattr(["a", "b", "a", "b"], window=3), 4)
    0.6667
    """
    if window < 1:
        raise ValueError(f"window must be a positive number of tokens, got {window!r}")
    if len(tokens) <= window:
        return type_token_ratio(tokens)
    last_seen: dict[str, int] = {}
    previous = []
    for position, token in enumerate(tokens):
        previous.append(last_seen.get(token, -1))
        last_seen[token] = position
    positions = np.arange(len(tokens))
    windows = len(tokens) - window + 1
    first_window = np.maximum(positions - window + 1, np.array(previous) + 1)
    last_window = np.minimum(positions, windows - 1)
    types_total = int(np.maximum(last_window - first_window + 1, 0).sum())
    return types_total / (windows * window)


def _mtld_pass(tokens: Sequence[str], threshold: float) -> float:
    factors = 0.0
    seen: set[str] = set()
    length = 0
    for token in tokens:
        seen.add(token)
        length += 1
        if len(seen) / length <= threshold:
            factors += 1
            seen.clear()
            length = 0
    if length:
        factors += (1 - len(seen) / length) / (1 - threshold)
    return len(tokens) / factors if factors else float("nan")


def mtld(tokens: Sequence[str], *, threshold: float = MTLD_THRESHOLD) -> float:
    """Measure of textual lexical diversity (McCarthy & Jarvis 2010): mean of both directions.

    >>> mtld(["a", "a", "b", "b"])
    2.0
    """
    if not 0 < threshold < 1:
        raise ValueError(f"threshold must lie strictly between 0 and 1, got {threshold!r}")
    forward = _mtld_pass(tokens, threshold)
    backward = _mtld_pass(tokens[::-1], threshold)
    return (forward + backward) / 2
