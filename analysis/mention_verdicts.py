"""The verdict on one mention: praise, criticism or neutral, and what decided it.

A critic's verdict on a target comes from the text that names it (the scope of
:func:`analysis.praise.mention_scopes`: its clause, its credit or its sentence), read by the
sentence model and by the cues of :mod:`analysis.signals`. The sentence model reads the scope
with its genre words left out ("a disaster movie" is a kind of film, :mod:`analysis.genres`);
then, in this order:

* a person *named beside another's judgement* ("Stuart does a phenomenal job ..., narrating to a
  stunned Paxton"; :func:`analysis.credits.named_beside`) is ``neutral``: the judgement is the
  other person's (the guideline's rule 1);
* a *reservation* ("not without its challenges", "can feel slow at times", "rather mournful")
  makes the mention ``criticism`` (and ``evaluative``), unless the scope also holds a stronger
  praise signal ("a masterpiece, if not without its flaws": 1.0 against 0.4); a hedged fault is
  what the n-gram classifier misreads ("The pacing can feel slow at times" scores p = 0.60);
* *judgement cues* — words that judge a performance or craft (``data/judgement-cues.yaml``:
  "remarkable", "wondrous", "wooden", "thin"; a negator before one reverses it) — and verdict
  signals, both read with the film's title blanked (:func:`analysis.film.without_title`),
  decide the sign by their net count, and any cue makes the mention ``evaluative``: a model
  trained on plot synopses full of names reads "Joaquin Phoenix's portrayal of Theodore
  Twombly is remarkable" as plot summary (p praise 0.95, neutral), and "Jonze's handling of
  this reality is wondrous" as criticism (0.23). A fault of the writing or of the film
  ("underwritten", "wasted": ``writing_faults``) is no cue against a person: "she plays the role
  well, but her character is sadly underwritten" does not fault the actress (the guideline's
  rule 3). When cues of both signs stand in different clauses of a contrast, the last clause
  that holds any decides ("his vision was a bit excessive, but at least he directed it well":
  praise, the guideline's rule 2);
* without a cue, a scope that reports a production fact or anecdote (who was hired, replaced
  or interviewed, who helmed the film: ``production_facts`` in ``data/judgement-cues.yaml``) is
  ``neutral``, and so is a person named only as the possessor the film is credited to ("an
  emotional performance in Spike Jonze's 'Her'", ``attribution``): the model reads the tone of
  the anecdote ("Morton's voice work was replaced by Johansson because Morton's work wasn't what
  Jonze had intended" scores p = 0.07) or of what else the sentence praises, not a verdict on the
  person. A cue still judges ("Spike Jonze's 'Her' is a masterpiece" praises Jonze, the
  guideline's rule 4);
* otherwise, without a cue, the model's praise or criticism stands only when it is sure (praise
  probability at least 0.3 from 0.5, :data:`UNCUED_MARGIN`, chosen by cross-validation on the
  labelled mention judgements); else the mention is ``neutral``.
"""

from __future__ import annotations

import re
from functools import cache

from analysis.clauses import split_clauses
from analysis.film import without_title
from analysis.resources import read_yaml
from analysis.signals import judgement_cues, sentence_signals
from analysis.tables import checks

# How sure the sentence model must be for a mention without any judgement cue to count as praise
# or criticism: chosen among 0.1-0.5 by 5-fold cross-validation over the reviews of the labelled
# mention judgements (tests/data/mention-judgements; all five folds chose 0.3 after the third
# round of mention rules).
UNCUED_MARGIN = 0.3


@checks(scope=str)
def reservation_cue(scope: str) -> str | None:
    """The reservation signal(s) that make `scope` a criticism, or None.

    None when `scope` holds no reservation, or a praise signal stronger than its strongest one.

    >>> reservation_cue("The pacing can feel slow at times.")
    'can feel slow at times'
    >>> reservation_cue("A masterpiece, if not without its flaws.") is None
    True
    """
    return _reservation(sentence_signals(scope))


def _reservation(signals: list[dict]) -> str | None:
    """:func:`reservation_cue` of a scope whose :func:`analysis.signals.sentence_signals` are `signals`."""
    reservations = [s for s in signals if s["kind"] == "reservation" and s["weight"] < 0]
    if not reservations:
        return None
    strongest_reservation = max(-s["weight"] for s in reservations)
    if any(s["weight"] > strongest_reservation for s in signals):
        return None
    return "; ".join(s["span_text"] for s in reservations)


@cache
def _production_fact_regex() -> re.Pattern:
    # Matched as whole words (a multi-word fact across any spaces), ignoring case.
    words = sorted(map(str, read_yaml("judgement-cues.yaml")["production_facts"]), key=lambda w: (-len(w), w))
    return re.compile(r"(?<![\w-])(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")(?![\w-])",
                      re.IGNORECASE)


@cache
def _writing_faults() -> frozenset[str]:
    return frozenset(map(str, read_yaml("judgement-cues.yaml")["writing_faults"]))


@checks(scope=str)
def production_fact(scope: str) -> str | None:
    """The first production fact or anecdote `scope` reports ("replaced by", "interview"), or None.

    >>> production_fact("Morton's voice work was replaced by Johansson.")
    'replaced by'
    >>> production_fact("Johansson's voice work is superb.") is None
    True
    """
    match = _production_fact_regex().search(scope)
    return match.group(0) if match else None


def _after_the_turn(scope: str, cues: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The cues that decide: when cues of both signs stand in different clauses of a contrast
    (:func:`analysis.clauses.split_clauses`), those of the last clause that holds any ("his vision
    was a bit excessive, but at least he directed it well" praises the direction: the guideline's
    rule 2, the classifier's own "but" rule); else all of them."""
    if len({polarity for _, polarity, _ in cues}) < 2:
        return cues
    ends = [end for _, end, _ in split_clauses(scope)]
    clause_of = [next((i for i, end in enumerate(ends) if start < end), len(ends) - 1) for *_, start in cues]
    last = max(clause_of)
    return [cue for cue, clause in zip(cues, clause_of) if clause == last]


@checks(scope=str)
def mention_verdict(
    scope: str, kind: str, label: str, praise_probability: float, *, uncued_margin: float = UNCUED_MARGIN,
    named_as: str | None = None, person: bool = False, title: str | None = None,
) -> tuple[str, str, str]:
    """The judgement of a target named in `scope`, from the sentence model's reading and the cues.

    Parameters
    ----------
    scope : str
        The clause or sentence the target is judged on.
    kind, label, praise_probability
        The sentence model's reading of `scope` (evaluative or summary; praise, criticism or
        neutral; the probability of praise).
    uncued_margin : float
        How far from 0.5 `praise_probability` must lie for a scope without cues to be judged.
    named_as : {None, "attribution", "beside"}
        How the target is named in `scope` (:mod:`analysis.credits`, which
        :func:`analysis.praise.judge_mentions` consults): only as the possessor the film is
        credited to ("Spike Jonze's 'Her'", "Jonze's film"), or beside another person's judgement.
    person : bool
        The target is a person: ``writing_faults`` are no cues against it.
    title : str, optional
        The film's title: its words are no cues (:func:`analysis.film.without_title`).

    Returns
    -------
    (kind, label, label_source)
        In this order of precedence: a target named beside another's judgement is neutral
        (``another's judgement: <spans>``); a reservation makes it criticism (``reservation cue:
        <spans>``); judgement cues and verdict signals whose signs do not cancel decide it, and
        any judgement cue makes it evaluative (``judgement cue: <spans>``); without a cue, a
        production fact (``production fact: <span>``) or an attribution (``attribution``) makes
        it neutral; else the model's praise or criticism stands only when it is sure
        (`praise_probability` at least `uncued_margin` from 0.5), else the mention is neutral
        (``classifier``).

    >>> mention_verdict("Jonze's handling of this reality is wondrous.", "evaluative", "criticism", 0.2)
    ('evaluative', 'praise', 'judgement cue: wondrous')
    >>> mention_verdict("Ed Asner plays Carl.", "evaluative", "praise", 0.7)
    ('evaluative', 'neutral', 'classifier')
    >>> mention_verdict("Morton was replaced by Johansson.", "evaluative", "criticism", 0.05)
    ('evaluative', 'neutral', 'production fact: replaced by')
    """
    judged_text = without_title(scope, title)
    if named_as == "beside":
        spans = "; ".join(c["span_text"] for c in judgement_cues(judged_text))
        return "evaluative", "neutral", f"another's judgement: {spans}"
    signals = sentence_signals(judged_text)
    reservation = _reservation(signals)
    if reservation:
        return "evaluative", "criticism", f"reservation cue: {reservation}"
    faults = _writing_faults() if person else frozenset()
    cues = [(c["span_text"], c["polarity"], c["start"]) for c in judgement_cues(judged_text) if c["span_text"].lower() not in faults]
    cues += [(s["span_text"], 1 if s["weight"] > 0 else -1, s["start"]) for s in signals if s["weight"] != 0]
    cues = [(span, polarity) for span, polarity, _ in _after_the_turn(judged_text, cues)]
    net = sum(polarity for _, polarity in cues)
    if net:
        spans = "; ".join(span for span, polarity in cues if polarity * net > 0)
        return "evaluative", "praise" if net > 0 else "criticism", f"judgement cue: {spans}"
    if cues:
        return "evaluative", label, "classifier"
    fact = production_fact(scope)
    if fact:
        return kind, "neutral", f"production fact: {fact}"
    if named_as == "attribution":
        return kind, "neutral", "attribution"
    if kind != "evaluative" or abs(praise_probability - 0.5) < uncued_margin:
        return kind, "neutral", "classifier"
    return kind, label, "classifier"
