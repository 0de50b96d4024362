"""The features every shipped classifier reads: word n-grams after negation marking.

Tokens are :func:`analysis.tokenization.word_tokens`, lower-cased (the training data are
lower-case, our reviews are not). Negation marking (Das & Chen 2001; Pang, Lee & Vaithyanathan
2002): tokens after a cue in ``data/negation-cues.txt`` up to the next ``. , : ; ! ?`` get the
suffix ``_NEG``. A text's features are the *set* of its word n-grams up to the recipe's
``ngram_max`` (presence, not counts), spelled as space-joined tokens.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from analysis.resources import word_list
from analysis.tokenization import word_tokens

NEGATION_SUFFIX = "_NEG"
_SCOPE_ENDS = frozenset(". , : ; ! ?".split())


def negation_cues() -> frozenset[str]:
    """The negation cues that open a ``_NEG`` scope, from ``data/negation-cues.txt``."""
    return word_list("negation-cues.txt")


def contrast_cues() -> frozenset[str]:
    """The contrastive conjunctions of the "but" rule, from ``data/contrast-cues.txt``."""
    return word_list("contrast-cues.txt")


def marked_tokens(text: str, *, negation: bool = True) -> list[str]:
    """Lower-cased word tokens of `text`, with ``_NEG`` on tokens inside a negation scope.

    >>> marked_tokens("Not a good film, but fine.")
    ['not', 'a_NEG', 'good_NEG', 'film_NEG', ',', 'but', 'fine', '.']
    """
    tokens = [token.lower() for token in word_tokens(text)]
    if not negation:
        return tokens
    cues = negation_cues()
    if cues.isdisjoint(tokens):
        return tokens
    marked = []
    in_scope = False
    for token in tokens:
        if token in _SCOPE_ENDS:
            in_scope = False
            marked.append(token)
            continue
        marked.append(token + NEGATION_SUFFIX if in_scope else token)
        if token in cues:
            in_scope = True
    return marked


def ngram_counts(text: str, recipe: Mapping[str, Any]) -> Counter[str]:
    """How often each word n-gram of `text` occurs, n-grams spelled as space-joined tokens.

    `recipe` is a model's feature recipe: ``ngram_max`` (longest n-gram) and ``negation``
    (whether to mark negation scopes).
    """
    tokens = marked_tokens(text, negation=bool(recipe["negation"]))
    counts: Counter[str] = Counter(tokens)
    for n in range(2, int(recipe["ngram_max"]) + 1):
        counts.update(map(" ".join, zip(*(tokens[i:] for i in range(n)))))
    return counts


def text_features(text: str, recipe: Mapping[str, Any]) -> list[str]:
    """The sorted set of n-gram features of `text` under a model's `recipe` (see module doc)."""
    return sorted(ngram_counts(text, recipe))
