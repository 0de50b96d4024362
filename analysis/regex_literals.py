"""The literal texts that every match of a regular expression contains: a screen for cue lists.

Cue lists are searched line by line, and most lines hold no cue. Python's ``re`` tries a
case-insensitive pattern at every position of a line (a literal prefix speeds up only
case-sensitive ones), so a family of twenty cues costs some 40 microseconds a line. Yet nearly
every cue contains literal text: ``affiliate links?`` cannot match a line without "affiliate
link", nor ``^(sign up|subscribe)`` one without "sign up" or "subscribe". :func:`required_literals`
reads those texts from the parsed pattern, and :func:`fold` folds a line as ``re.IGNORECASE``
folds characters, so that one Aho–Corasick pass over the folded line (pyahocorasick, built by
:func:`literal_screen`) tells which cues may match; only those are searched, and the first that
matches is the one a search of every cue in order would have found.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from re import _constants as sre_constants
from re import _parser as sre_parser
from re._casefix import _EXTRA_CASES

import ahocorasick

# Characters that re.IGNORECASE treats as one beyond their lower case ("ı" and "i", "ſ" and
# "s"), each mapped to the smallest of its class.
_SAME_UNDER_IGNORECASE = {
    code: min(key, *others) for key, others in _EXTRA_CASES.items() for code in (key, *others)
}
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT)


def fold(text: str) -> str | None:
    """`text` with its characters folded as ``re.IGNORECASE`` compares them; None where lower
    case would change its length ("İ"), so that offsets and containment would no longer agree.

    >>> fold("Sign UP"), fold("İstanbul")
    ('sign up', None)
    """
    lowered = text.lower()
    if lowered.isascii():
        return lowered  # every ASCII character is its own fold: translating would copy the line
    return lowered.translate(_SAME_UNDER_IGNORECASE) if len(lowered) == len(text) else None


def required_literals(pattern: str) -> frozenset[str] | None:
    """Folded texts one of which every match of `pattern` (searched with ``re.IGNORECASE``)
    contains, or None where no such text can be read from it.

    Of the literal runs and alternations that every match must pass through, the one whose
    shortest text is longest is chosen: the most selective. Lookarounds, optional parts and
    character classes add nothing, which keeps the answer a necessary condition.

    >>> sorted(required_literals(r"^(sent|given) (me )?a (screener|press pass)\\b"))
    ['press pass', 'screener']
    >>> required_literals(r"^[\\d.,]+[km]?$") is None
    True
    """
    found = _sequence_literals(sre_parser.parse(pattern))
    folded = None if found is None else frozenset(map(fold, found))
    return None if folded is None or None in folded else folded


def literal_screen(
    keyed_patterns: Iterable[tuple[Hashable, str]], *, min_chars: int = 1
) -> tuple[ahocorasick.Automaton | None, list[Hashable]]:
    """One Aho–Corasick automaton over the :func:`required_literals` of patterns given with
    their keys, each literal naming the keys of the patterns that need it (a frozenset); and,
    in the order given, the keys of the patterns with no required literal of `min_chars` or more,
    which every text is searched for. The automaton is None when no pattern has such a literal.

    >>> automaton, unscreened = literal_screen([("a", "affiliate links?"), ("b", r"\\d+")])
    >>> [sorted(keys) for _, keys in automaton.iter("our affiliate link")], unscreened
    ([['a']], ['b'])
    """
    needing: dict[str, set[Hashable]] = {}
    unscreened: list[Hashable] = []
    for key, pattern in keyed_patterns:
        literals = required_literals(pattern)
        if literals is None or min(map(len, literals)) < min_chars:
            unscreened.append(key)
            continue
        for literal in literals:
            needing.setdefault(literal, set()).add(key)
    if not needing:
        return None, unscreened
    automaton = ahocorasick.Automaton()
    for literal, keys in needing.items():
        automaton.add_word(literal, frozenset(keys))
    automaton.make_automaton()
    return automaton, unscreened


def _sequence_literals(items) -> frozenset[str] | None:
    """The most selective required texts of a parsed sequence (see :func:`required_literals`)."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, argument in items:
        if op is sre_constants.LITERAL:
            run.append(chr(argument))
            continue
        if run:
            candidates.append(frozenset({"".join(run)}))
            run = []
        if op is sre_constants.SUBPATTERN:
            inner = _sequence_literals(argument[-1])
        elif op is sre_constants.ATOMIC_GROUP:
            inner = _sequence_literals(argument)
        elif op is sre_constants.BRANCH:
            branches = [_sequence_literals(branch) for branch in argument[1]]
            inner = frozenset().union(*branches) if all(branches) else None
        elif op in _REPEATS and argument[0] >= 1:
            inner = _sequence_literals(argument[2])
        else:
            inner = None
        if inner:
            candidates.append(inner)
    if run:
        candidates.append(frozenset({"".join(run)}))
    return max(candidates, key=lambda texts: min(map(len, texts)), default=None)
