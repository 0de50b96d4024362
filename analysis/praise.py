"""Who and what each critic praises or faults, with the sentences that show it.

Method. :mod:`analysis.targets` finds every sentence that mentions a person or craft aspect. Each
(review, target, sentence) is then judged once, by the sentence models behind
:func:`analysis.judgements.judge_sentences` (evaluative versus plot summary, praise versus
criticism, trained and cross-validated on labelled review sentences). What this module adds is **clause scoping for contrast**: a sentence is cut before
each contrast cue of the classifier ("but", "however", "yet" ...; ``data/contrast-cues.txt``),
and a target named in only one clause, while another clause names another target, is judged on
its own clause, so "great cast, but a dull script" praises the cast and faults the script.
Otherwise the whole sentence is judged, and the classifier's own contrast rule weighs its two
sides: "Phoenix is great, but he overdoes it" is about Phoenix throughout. A cue that opens the
sentence ("However, Her is not without its challenges.") cuts nothing: the contrast is with the
previous sentence; nor does a cue right after a negation with no punctuation between ("not cold
or dystopian but intimate", "can't help but feel"), which corrects rather than contrasts.

Judging a mention, not a sentence: :mod:`analysis.mention_verdicts` (reservations, judgement
cues and verdict signals, then the sentence model when it is sure).

``label_source`` records what decided: ``classifier``, ``reservation cue: <spans>``,
``judgement cue: <spans>``, ``production fact: <span>``, ``attribution``, ``another's judgement:
<spans>``, ``credit`` or ``heading``; the model's probabilities are kept either way, so a
reader sees what a rule overrode. Measured against 441 hand-labelled (target, sentence) pairs of
42 reviews of 7 films (``tests/data/mention-judgements``, ``scripts/evaluate_mentions.py``).

Credits. A name in brackets with nothing beside it but performance and credit words
("Theodore (Joaquin Phoenix)", "(voiced by Scarlett Johansson)"), or right after a credit phrase
("a law officer played by David Warner"; :func:`analysis.credits.credits`), is a cast list's
credit: its scope is the credit, and it is a neutral mention (``label_source`` ``credit``),
whatever the sentence around says of someone else ("Phoenix is stunning as a man whose wife
(Rooney Mara) has left him").

Attribution. A person named only in the possessive before the film's title or "film" / "movie"
("an emotional performance in Spike Jonze's 'Her'", "Jonze's latest film") is credited with the
film, not judged: without a judgement cue in the scope the mention is neutral (``attribution``,
:func:`analysis.mention_verdicts.mention_verdict`); with one it is judged as usual ("Spike Jonze's
'Her' is a masterpiece"). A person named after "to", "with" or "opposite", after the judgement of
another person named first ("Stuart does a phenomenal job ..., narrating to a stunned Paxton"), is
named beside that judgement, not judged (``another's judgement``). Both tests are
:mod:`analysis.credits`'.

Headings. A section heading ("The Script", "Joaquin Phoenix's Acting": at most five words and
no closing punctuation, :func:`analysis.tokenization.is_heading`) names a target but judges
nothing; it is counted as a neutral mention and not sent to the classifier.

The verdicts per review and target, and the consensus across reviews, that :func:`praise_analysis`
draws from the judged mentions are :mod:`analysis.verdicts`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import pandas as pd

from analysis.body_tables import BodySplit, body_sentence_table
from analysis.corpus import Corpus, once_per_corpus
from analysis.reviews import review_body_split
from analysis.film import Film, without_title
from analysis.clauses import split_clauses
from analysis.genres import without_genre_words
from analysis.judgements import judge_sentences
from analysis.parallel import joined_tables, ordered_map
from analysis.mention_verdicts import UNCUED_MARGIN, mention_verdict
from analysis.tables import checks
from analysis.credits import credits, is_attribution, named_beside
from analysis.targets import MENTION_COLUMNS, find_mentions
from analysis.verdicts import consensus, praise_table
from analysis.tokenization import is_heading

Labeller = Callable[[Sequence[str]], pd.DataFrame]

EVIDENCE_COLUMNS = [
    "review_id", "target", "target_kind", "sentence_index", "sentence", "scope", "scope_kind",
    "matched_text", "rule", "kind", "label", "label_source", "evaluative_probability", "praise_probability",
    "polarity_score", "vader_compound",
]
# The order of the scope and evidence tables.
SCOPE_ORDER = ["review_id", "target", "sentence_index"]


@checks(mentions=MENTION_COLUMNS[:8])
def mention_scopes(mentions: pd.DataFrame) -> pd.DataFrame:
    """One row per (review, target, sentence) with the text the target is judged on.

    Parameters
    ----------
    mentions : pandas.DataFrame
        The mention table of :func:`analysis.targets.find_mentions`.

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``target``, ``target_kind``, ``sentence_index``, ``sentence``, ``scope``
        (the clause, the credit, or the whole sentence), ``scope_kind`` (clause,
        credit, sentence, or heading),
        ``matched_text`` and ``rule`` (each match in the sentence, "; "-joined).
    """
    return _scopes(mentions).drop(columns="_named_as")


def _scopes(mentions: pd.DataFrame, title: str | None = None) -> pd.DataFrame:
    """:func:`mention_scopes` with ``_named_as``: ``attribution`` when every mention of the target in
    the scope credits the film to it, ``beside`` when it is named beside another's judgement
    (:mod:`analysis.credits`, which reads the scope without the film's `title`), else None."""
    by_sentence: dict[tuple, list] = {}
    for mention in mentions[["review_id", "sentence_index", "sentence", "target", "target_kind", "matched_text", "rule", "start"]].itertuples(index=False):
        by_sentence.setdefault((mention.review_id, int(mention.sentence_index)), []).append(mention)
    rows = []
    for (review_id, sentence_index), in_sentence in sorted(by_sentence.items(), key=lambda item: item[0]):
        sentence = in_sentence[0].sentence
        clauses = split_clauses(sentence)
        clause_of = [
            next(i for i, (_, c_end, _) in enumerate(clauses) if mention.start < c_end or i == len(clauses) - 1)
            for mention in in_sentence
        ]
        kind_of_sentence = "heading" if is_heading(sentence) else None
        credit_spans = credits(sentence, [(m.start, m.start + len(m.matched_text)) for m in in_sentence])
        for target, target_kind in sorted({(m.target, m.target_kind) for m in in_sentence}):
            group = [(m, c) for m, c in zip(in_sentence, clause_of) if (m.target, m.target_kind) == (target, target_kind)]
            holding = {clause for _, clause in group}
            others = {clause for m, clause in zip(in_sentence, clause_of) if m.target != target}
            # Scope to one clause only to keep another target's judgement out of this one's.
            one_clause = len(holding) == 1 and bool(others - holding)
            credit = next((b for b in credit_spans if all(b[0] <= m.start < b[1] for m, _ in group)), None)
            kind = kind_of_sentence or ("credit" if credit else "clause" if one_clause else "sentence")
            start = clauses[min(holding)][0] if kind == "clause" else 0
            start += len(sentence[start:]) - len(sentence[start:].lstrip())
            in_scope = [m for m, c in zip(in_sentence, clause_of) if kind != "clause" or c == min(holding)]
            named_as = (
                "attribution" if all(is_attribution(sentence, m.start, m.matched_text) for m, _ in group)
                else "beside" if target_kind == "person" and kind in ("sentence", "clause") and named_beside(
                    without_title(sentence[start:] if kind == "sentence" else clauses[min(holding)][2], title),
                    [m.start - start for m in in_scope if m.target == target],
                    [m.start - start for m in in_scope if m.target != target and m.target_kind == "person"],
                )
                else None
            )
            rows.append(
                {
                    "review_id": review_id,
                    "target": target,
                    "target_kind": target_kind,
                    "sentence_index": sentence_index,
                    "sentence": sentence,
                    "scope": (
                        clauses[min(holding)][2] if kind == "clause"
                        else sentence[credit[0] : credit[1]] if kind == "credit" else sentence
                    ),
                    "scope_kind": kind,
                    "matched_text": "; ".join(m.matched_text for m, _ in group),
                    "rule": "; ".join(dict.fromkeys(m.rule for m, _ in group)),
                    "_named_as": named_as,
                }
            )
    scopes = pd.DataFrame(rows, columns=[*EVIDENCE_COLUMNS[:9], "_named_as"])
    return scopes.sort_values(SCOPE_ORDER, kind="mergesort").reset_index(drop=True)


@checks(mentions=MENTION_COLUMNS[:8])
def judge_mentions(
    mentions: pd.DataFrame, *, labeller: Labeller | None = None, uncued_margin: float = UNCUED_MARGIN,
    title: str | None = None,
) -> pd.DataFrame:
    """Judge every (review, target, sentence): the evidence table.

    Parameters
    ----------
    mentions : pandas.DataFrame
        The mention table of :func:`analysis.targets.find_mentions`.
    labeller : callable, optional
        Texts -> DataFrame with ``kind``, ``label``, ``evaluative_probability``,
        ``praise_probability``, ``polarity_score``, ``vader_compound``, one row per text in order;
        default :func:`analysis.judgements.judge_sentences` (the shared, cached judgements).
    uncued_margin : float
        How sure the sentence model must be for a mention without cues to count
        (:func:`analysis.mention_verdicts.mention_verdict`; the evaluation script varies it).
    title : str, optional
        The film's title, whose words are no judgement cues
        (:func:`analysis.film.without_title`).

    Returns
    -------
    pandas.DataFrame
        :func:`mention_scopes` plus the labeller's ``kind`` (evaluative or summary), ``label``
        (praise, criticism, or neutral for plot summary and weak tone) and its probabilities and
        scores for the scope text, and ``label_source`` (``classifier``, ``reservation cue:
        <span>`` when a reservation signal overrides it, see the module docstring,
        ``heading``, or ``credit``). A heading is not sent to the labeller: its kind is
        ``heading``, its label ``neutral`` and its scores empty. A credit is
        ``summary`` and ``neutral`` whatever the labeller says of it.
    """
    return _judged_scopes(_scopes(mentions, title), labeller=labeller, uncued_margin=uncued_margin, title=title)


def _judged_scopes(
    scopes: pd.DataFrame, *, labeller: Labeller | None, uncued_margin: float, title: str | None
) -> pd.DataFrame:
    """:func:`judge_mentions` of the mentions whose scopes (:func:`_scopes`) are `scopes`."""
    texts = sorted(set(scopes.loc[scopes["scope_kind"] != "heading", "scope"]))
    # The sentence model reads a scope without its genre words: "a disaster movie" is no verdict.
    labels = (labeller or judge_sentences)([without_genre_words(text) for text in texts]) if texts else pd.DataFrame()
    judged_columns = [c for c in EVIDENCE_COLUMNS[9:] if c != "label_source"]
    if texts:
        labels = labels.reset_index(drop=True)[judged_columns].assign(scope=texts)
    else:
        labels = pd.DataFrame(columns=["scope", *judged_columns])
    evidence = scopes.merge(labels, on="scope", how="left", validate="many_to_one")
    judged = ~evidence["scope_kind"].isin(["heading", "credit"])
    jobs = [(*row, uncued_margin, title) for row in evidence.loc[
        judged, ["scope", "kind", "label", "praise_probability", "_named_as", "target_kind"]
    ].itertuples(index=False, name=None)]
    # Targets named in one scope the same way share its verdict: each distinct job is judged once.
    distinct = list(dict.fromkeys(jobs))
    verdict_of = dict(zip(distinct, ordered_map(_mention_verdict, distinct, description="judging mentions", unit="mention")))
    evidence["label_source"] = "heading"
    if jobs:
        evidence.loc[judged, ["kind", "label", "label_source"]] = [verdict_of[job] for job in jobs]
    headings = evidence["scope_kind"] == "heading"
    evidence.loc[headings, "kind"] = "heading"
    evidence.loc[headings, "label"] = "neutral"
    credited = evidence["scope_kind"] == "credit"
    evidence.loc[credited, ["kind", "label", "label_source"]] = ("summary", "neutral", "credit")
    return evidence[EVIDENCE_COLUMNS]


def _mention_verdict(job: tuple[str, str, str, float, str | None, str, float, str | None]) -> tuple[str, str, str]:
    """:func:`analysis.mention_verdicts.mention_verdict` of one mention (run in worker processes)."""
    scope, kind, label, probability, named_as, target_kind, uncued_margin, title = job
    return mention_verdict(scope, kind, label, probability, uncued_margin=uncued_margin, named_as=named_as,
                           person=target_kind == "person", title=title)


@checks(evidence=["review_id", "target", "sentence_index", "label", "praise_probability"])
def strongest_evidence(evidence: pd.DataFrame, *, targets: Sequence[str] | None = None) -> pd.DataFrame:
    """Per target, review and verdict label, the sentence the classifier is surest of.

    Parameters
    ----------
    evidence : pandas.DataFrame
        :func:`judge_mentions`.
    targets : sequence of str, optional
        Only these targets (default: all).

    Returns
    -------
    pandas.DataFrame
        The evidence rows labelled praise or criticism, at most one per (target, review_id,
        label): the highest praise probability for praise, the lowest for criticism; ties go
        to the earlier sentence. Sorted by target, review, label.
    """
    judged = evidence[evidence["label"].isin(["praise", "criticism"])]
    if targets is not None:
        judged = judged[judged["target"].isin(list(targets))]
    judged = judged.assign(confidence=(judged["praise_probability"] - 0.5).abs())
    judged = judged.sort_values(
        ["target", "review_id", "label", "confidence", "sentence_index"],
        ascending=[True, True, True, False, True], kind="mergesort",
    )
    return judged.drop_duplicates(["target", "review_id", "label"]).drop(columns="confidence").reset_index(drop=True)


def _mentions_of_run(splits: list[tuple[str, BodySplit]], film: Film) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The mentions of a run of reviews and their scopes (:func:`_scopes`), found where the run is
    processed; its sentences stay there."""
    mentions = find_mentions(body_sentence_table(splits), film)
    return mentions, _scopes(mentions, film.title)


@once_per_corpus
def praise_analysis(corpus: Corpus, *, labeller: Labeller | None = None) -> dict[str, pd.DataFrame]:
    """Every table of the praise-target analysis of `corpus`.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``mentions`` (:func:`analysis.targets.find_mentions` on the body sentences), ``evidence``
        (:func:`judge_mentions`), ``table`` (:func:`analysis.verdicts.praise_table`) and
        ``consensus`` (:func:`analysis.verdicts.consensus`).
    """
    runs = corpus.map_review_runs(partial(_mentions_of_run, film=corpus.film), review_body_split, description="finding mentions")
    mentions = joined_tables([mentions for mentions, _ in runs], sorted_by="review_id")
    # A review's scopes lie in its run, each run's sorted as _scopes sorts the whole table.
    scopes = joined_tables([scopes for _, scopes in runs], sorted_by=SCOPE_ORDER)
    evidence = _judged_scopes(scopes, labeller=labeller, uncued_margin=UNCUED_MARGIN, title=corpus.film.title)
    table = praise_table(evidence)
    return {
        "mentions": mentions,
        "evidence": evidence,
        "table": table,
        "consensus": consensus(table, corpus.review_ids),
    }
