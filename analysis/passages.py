"""What the explorer shows, as tables and HTML: words in context, verdicts with evidence, a review.

These functions hold the explorer's logic (:mod:`analysis.explore` only wires them to widgets),
so they are tested as plain functions.

* :func:`raw_concordance` finds a word or phrase in the reviews' **raw** body text — as written,
  curly apostrophes and all, never rebuilt from tokens — and returns keyword-centred lines that
  :func:`sort_concordance` orders by the words to the left or right of the hit (as AntConc
  does), with the paragraph each hit sits in (:func:`paragraph_html` marks the hit in it).
* :func:`target_verdicts` lists each critic's verdict on one target with every evidence sentence.
* :func:`reader_html` shows one review's body with each sentence shaded by its judgement and
  the target mentions underlined, its rating lines, and its reader comments apart.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from typing import Literal

import pandas as pd

from analysis.body_tables import body_sizes
from analysis.corpus import CORPUS, Corpus
from analysis.judgements import judge_sentences
from analysis.tables import Expected, checks
from analysis.text import normalise

CONCORDANCE_COLUMNS = [
    "review_id", "critic", "left", "keyword", "right", "start", "end", "paragraph_start", "paragraph_end",
]
SORTS = ("text", "left", "right")
# The evidence columns target_verdicts reads (analysis.praise.judge_mentions gives them all).
TARGET_EVIDENCE_COLUMNS = [
    "review_id", "target", "sentence_index", "sentence", "scope", "matched_text", "label", "label_source", "rule",
    "praise_probability",
]
CONTEXT_CHARACTERS = 60
# Shading of a sentence by judgement (evaluative probability x polarity score, -1..1).
_PRAISE_RGB = "33, 102, 172"
_CRITICISM_RGB = "178, 24, 43"
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


def _pattern(word: str, match_case: bool) -> re.Pattern:
    if not word.strip():
        raise ValueError(f"raw_concordance: word must be a non-empty string, got {word!r}")
    phrase = r"\s+".join(re.escape(part) for part in normalise(word).split())
    return re.compile(rf"(?<![\w'-]){phrase}(?![\w-])", 0 if match_case else re.IGNORECASE)


def _one_line(text: str) -> str:
    return " ".join(text.split())


@checks(corpus=CORPUS, word=str)
def raw_concordance(
    corpus: Corpus,
    word: str,
    *,
    width: int = CONTEXT_CHARACTERS,
    match_case: bool = False,
    labels: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Keyword-in-context lines for `word` (a word or a phrase) in every review body.

    Matching is on whole words of the normalised text (``Jonze’s`` matches ``Jonze's``), case
    blind unless `match_case`; the context is the raw text, cut at the hit's paragraph (a line
    of the body) and at `width` characters, line breaks shown as spaces.

    Returns
    -------
    pandas.DataFrame
        One row per hit in corpus and text order: ``review_id``, ``critic`` (from `labels`, else
        the id), ``left``, ``keyword`` (as written), ``right``, ``start`` and ``end`` (offsets of
        the hit in the raw file), ``paragraph_start``, ``paragraph_end``.
    """
    pattern = _pattern(word, match_case)
    labels = labels or {}
    rows = []
    for review in corpus.reviews:
        for segment in review.segments_labelled("body"):
            searched = normalise(segment.text)
            for hit in pattern.finditer(searched):
                first = segment.text.rfind("\n", 0, hit.start()) + 1
                last = segment.text.find("\n", hit.end())
                last = len(segment.text) if last == -1 else last
                left = segment.text[max(first, hit.start() - width): hit.start()]
                right = segment.text[hit.end(): min(last, hit.end() + width)]
                rows.append({
                    "review_id": review.id,
                    "critic": labels.get(review.id, review.id),
                    "left": ("…" if hit.start() - width > first else "") + _one_line(left) + (" " if left[-1:].isspace() else ""),
                    "keyword": segment.text[hit.start(): hit.end()],
                    "right": (" " if right[:1].isspace() else "") + _one_line(right) + ("…" if hit.end() + width < last else ""),
                    "start": segment.start + hit.start(),
                    "end": segment.start + hit.end(),
                    "paragraph_start": segment.start + first,
                    "paragraph_end": segment.start + last,
                })
    return pd.DataFrame(rows, columns=CONCORDANCE_COLUMNS)


def _context_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(normalise(text))]


@checks(lines=["left", "right"])
def sort_concordance(lines: pd.DataFrame, *, by: Literal["text", "left", "right"] = "text") -> pd.DataFrame:
    """`lines` in text order, or sorted by the words nearest the keyword on the left (the first
    word to the left, then the second ...) or on the right; ties keep text order.

    >>> lines = pd.DataFrame({"review_id": ["a", "a", "b"], "left": ["the big ", "a ", "one small "],
    ...                       "right": [" ends", " begins", " ends."], "start": [0, 9, 0]})
    >>> sort_concordance(lines, by="left")["left"].tolist()
    ['a ', 'the big ', 'one small ']
    >>> sort_concordance(lines, by="right")["right"].tolist()
    [' begins', ' ends', ' ends.']
    """
    if by not in SORTS:
        raise ValueError(f"by must be one of {', '.join(map(repr, SORTS))}; got {by!r}")
    if by == "text" or lines.empty:
        return lines.reset_index(drop=True)
    keys = lines["left"].map(lambda text: _context_words(text)[::-1]) if by == "left" else lines["right"].map(_context_words)
    order = sorted(range(len(lines)), key=lambda i: (keys.iloc[i], i))
    return lines.iloc[order].reset_index(drop=True)


@checks(lines=["review_id"], corpus=CORPUS)
def hit_counts(lines: pd.DataFrame, corpus: Corpus, *, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Hits per critic, absolute and per 1,000 body words, every review listed (0 where none).

    Returns
    -------
    pandas.DataFrame
        ``review_id``, ``critic``, ``hits``, ``body_words``, ``per_1000_words``.
    """
    labels = labels or {}
    words = pd.Series([body_sizes(review.body_split)[1] for review in corpus.reviews], index=corpus.review_ids)
    hits = lines.groupby("review_id").size().reindex(corpus.review_ids, fill_value=0)
    table = pd.DataFrame({
        "review_id": corpus.review_ids,
        "critic": [labels.get(review_id, review_id) for review_id in corpus.review_ids],
        "hits": hits.to_numpy(),
        "body_words": words.to_numpy().astype(int),
    })
    table["per_1000_words"] = (1000 * table["hits"] / table["body_words"].where(table["body_words"] > 0)).round(2)
    return table


@checks(corpus=CORPUS, line=Expected(pd.Series, "a row of raw_concordance (pandas Series)"))
def paragraph_html(corpus: Corpus, line: pd.Series) -> str:
    """The paragraph of one concordance line (a row of :func:`raw_concordance`), hit marked."""
    raw = {review.id: review.raw for review in corpus.reviews}[line["review_id"]]
    before = raw[line["paragraph_start"]: line["start"]]
    after = raw[line["end"]: line["paragraph_end"]]
    return (f"<p><b>{html.escape(line['critic'])}</b></p><p>{html.escape(before)}"
            f"<mark>{html.escape(raw[line['start']: line['end']])}</mark>{html.escape(after)}</p>")


@checks(lines=["critic", "left", "keyword", "right"])
def kwic_html(lines: pd.DataFrame) -> str:
    """The concordance as an HTML table: left context right-aligned, keyword centred and bold."""
    if lines.empty:
        return "<p><i>No occurrence.</i></p>"
    rows = "".join(
        f"<tr><td style='text-align:left;white-space:nowrap'>{html.escape(row.critic)}</td>"
        f"<td style='text-align:right;white-space:nowrap'>{html.escape(row.left)}</td>"
        f"<td style='text-align:center'><b>{html.escape(row.keyword)}</b></td>"
        f"<td style='text-align:left;white-space:nowrap'>{html.escape(row.right)}</td></tr>"
        for row in lines.itertuples()
    )
    return f"<table class='kwic'><tr><th>critic</th><th>left</th><th>keyword</th><th>right</th></tr>{rows}</table>"


@checks(table=["review_id", "target", "verdict", "mentions"], evidence=TARGET_EVIDENCE_COLUMNS, target=str)
def target_verdicts(
    table: pd.DataFrame,
    evidence: pd.DataFrame,
    target: str,
    *,
    review_ids: list[str],
    label: str | None = None,
) -> pd.DataFrame:
    """Each review's verdict on `target` and its evidence sentences, optionally of one `label`.

    Parameters
    ----------
    table, evidence : DataFrame
        ``table`` and ``evidence`` of :func:`analysis.praise.praise_analysis`.
    target : str
    review_ids : list of str
        The corpus's reviews, in order (reviews silent on the target are left out).
    label : {"praise", "criticism", "neutral"}, optional

    Returns
    -------
    pandas.DataFrame
        One row per evidence sentence, reviews in corpus order: ``review_id``, ``verdict``,
        ``mentions``, ``sentence_index``, ``sentence``, ``scope``, ``matched_text``, ``label``,
        ``label_source``, ``rule``, ``praise_probability``.
    """
    known = sorted(set(table["target"]))
    if target not in known:
        raise ValueError(f"target {target!r} is not mentioned in any review; mentioned: {known}")
    rows = evidence[evidence["target"] == target]
    if label is not None:
        rows = rows[rows["label"] == label]
    verdicts = table[table["target"] == target].set_index("review_id")
    rows = rows.assign(
        verdict=rows["review_id"].map(verdicts["verdict"]),
        mentions=rows["review_id"].map(verdicts["mentions"]),
        order=rows["review_id"].map({review_id: i for i, review_id in enumerate(review_ids)}),
    ).sort_values(["order", "sentence_index"], kind="mergesort")
    columns = ["review_id", "verdict", "mentions", "sentence_index", "sentence", "scope", "matched_text", "label",
               "label_source", "rule", "praise_probability"]
    return rows[columns].reset_index(drop=True)


def _shade(judgement: float) -> str:
    rgb = _PRAISE_RGB if judgement >= 0 else _CRITICISM_RGB
    return f"background: rgba({rgb}, {min(abs(judgement), 1.0) * 0.55:.2f})"


def _marked(sentence: str, spans: list[tuple[int, int, str]]) -> str:
    """`sentence` escaped, each (start, end, target) span underlined; overlaps keep the first."""
    parts, position = [], 0
    for start, end, target in sorted(spans):
        if start < position:
            continue
        parts.append(html.escape(sentence[position:start]))
        parts.append(f"<u title='{html.escape(target)}'>{html.escape(sentence[start:end])}</u>")
        position = end
    parts.append(html.escape(sentence[position:]))
    return "".join(parts)


@checks(corpus=CORPUS, review_id=str, mentions=["review_id", "sentence_index", "target", "start", "end"], explicit=["review_id", "text", "segment", "normalised"])
def reader_html(
    corpus: Corpus,
    review_id: str,
    *,
    mentions: pd.DataFrame,
    explicit: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
) -> str:
    """One review to read: body sentences shaded by judgement, mentions underlined, ratings,
    and the reader comments in a box of their own.

    Parameters
    ----------
    corpus : Corpus
    review_id : str
    mentions : DataFrame
        :func:`analysis.targets.find_mentions` output (``start``/``end`` within the sentence).
    explicit : DataFrame
        :func:`analysis.ratings.explicit_rating_table` output.
    labels : mapping of str to str, optional
    """
    reviews = {review.id: review for review in corpus.reviews}
    if review_id not in reviews:
        raise ValueError(f"review_id {review_id!r} is not in the corpus; valid: {list(reviews)}")
    review = reviews[review_id]
    sentences = corpus.sentences[corpus.sentences["review_id"] == review_id]
    judged = judge_sentences(sentences["text"].tolist()) if len(sentences) else pd.DataFrame(
        columns=["evaluative_probability", "polarity_score", "label"])
    own_mentions = mentions[mentions["review_id"] == review_id]
    spans = {index: list(zip(group["start"], group["end"], group["target"]))
             for index, group in own_mentions.groupby("sentence_index")}
    body, position = [], None
    for (_, sentence), (_, judgement) in zip(sentences.iterrows(), judged.iterrows()):
        if position is not None:
            body.append(html.escape(review.raw[position: sentence["start"]]))
        score = judgement["evaluative_probability"] * judgement["polarity_score"]
        body.append(
            f"<span style='{_shade(score)}' title='sentence {sentence['sentence_index']}: {judgement['label']}, "
            f"judgement {score:+.2f}'>{_marked(review.raw[sentence['start']: sentence['end']], spans.get(sentence['sentence_index'], []))}</span>"
        )
        position = sentence["end"]
    ratings = explicit[explicit["review_id"] == review_id]
    rating_items = "".join(
        f"<li>“{html.escape(row.text)}” ({row.segment}; {row.normalised:.2f} of the scale)</li>" for row in ratings.itertuples()
    ) or "<li>no explicit rating</li>"
    comments = "".join(
        f"<li><b>{html.escape(comment.author or 'anonymous')}</b>"
        f"{' (reply to ' + html.escape(comment.reply_to) + ')' if comment.reply_to else ''}: {html.escape(comment.text)}</li>"
        for comment in review.comments
    ) or "<li>none</li>"
    name = (labels or {}).get(review_id, review_id)
    return (
        f"<h3>{html.escape(name)} <small>({html.escape(review.file)})</small></h3>"
        "<p><small>Shading: <span style='" + _shade(0.8) + "'>praise</span> · "
        "<span style='" + _shade(-0.8) + "'>criticism</span> · unshaded: summary or neutral; "
        "<u>underlined</u>: a target mention (hover for the target).</small></p>"
        f"<div style='white-space: pre-wrap; line-height: 1.6'>{''.join(body)}</div>"
        f"<h4>Rating lines</h4><ul>{rating_items}</ul>"
        f"<div style='border: 1px solid #ccc; padding: 0.5em; background: #fafafa'>"
        f"<h4>Reader comments (a second voice, never part of the review)</h4><ul>{comments}</ul></div>"
    )
