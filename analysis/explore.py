"""Explore a corpus by clicking, in JupyterLab: words in context, verdicts per target, a review.

``Explorer(corpus)`` in a notebook cell shows three tabs, linked the way Voyant's panels and
AntConc's concordance are:

* **Words** — type or pick a word or phrase: its keyword-centred concordance across the
  critics from the raw text, sortable by the left or right context, hits per critic; select a
  line to read its whole paragraph with the hit highlighted.
* **Targets** — pick a person or craft: each critic's verdict with every evidence sentence, its
  label, what decided the label and the praise probability; filter by label.
* **Reader** — pick a review: its body with each sentence shaded by its judgement and target
  mentions underlined, its rating lines, and its reader comments apart.

The widgets are ipywidgets (shipped with JupyterLab's widget extension, nothing loaded from
the network); every view is an HTML widget whose value the logic of :mod:`analysis.passages`
computes, so tests set a widget's value and read the views. Nothing is random.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from analysis.corpus import CORPUS, Corpus
from analysis.passages import (
    CONCORDANCE_COLUMNS,
    hit_counts,
    kwic_html,
    paragraph_html,
    raw_concordance,
    reader_html,
    sort_concordance,
    target_verdicts,
)
from analysis.plots import critic_labels
from analysis.praise import praise_analysis
from analysis.ratings import explicit_rating_table
from analysis.tables import check_instance
from analysis.vocabulary import corpus_term_counts

# Words offered in the word box: the corpus's most frequent content words.
OFFERED_WORDS = 60
LABEL_FILTERS = ("all", "praise", "criticism", "neutral")
_SORT_OPTIONS = [("text order", "text"), ("left context", "left"), ("right context", "right")]


def _table_html(table: pd.DataFrame, uuid: str) -> str:
    """A small table as HTML, text left-aligned and wrapped (never cut); `uuid` keeps each
    table's style ids apart from the others' on the page."""
    styled = table.style.hide(axis="index").format(precision=2, escape="html").set_table_styles(
        [{"selector": "td, th", "props": "text-align: left; vertical-align: top; padding: 2px 8px;"}]
    )
    return styled.set_uuid(uuid).to_html()


class Explorer:
    """The three linked views of a corpus as ipywidgets (see the module docstring).

    Parameters
    ----------
    corpus : Corpus
    word : str, optional
        The word shown first (default: the most frequent content word).

    Attributes
    ----------
    widget : ipywidgets.Tab
        What the notebook displays (an ``Explorer`` displays as this).
    word, sort, match_case, lines, concordance, counts, paragraph
        The words tab: the word box, the sort choice, the case switch, the list of lines to
        select, the concordance table, the hits per critic and the selected line's paragraph.
    target, label, verdicts
        The targets tab: the target, the label filter and the verdicts with their evidence.
    review, reading
        The reader tab: the review and the page.
    """

    def __init__(self, corpus: Corpus, *, word: str | None = None) -> None:
        check_instance(corpus, CORPUS, function="Explorer", argument="corpus")
        self.corpus = corpus
        self.labels = critic_labels(corpus.reviews)
        tables = praise_analysis(corpus)
        self._mentions, self._evidence, self._table = tables["mentions"], tables["evidence"], tables["table"]
        self._explicit = explicit_rating_table(corpus)
        counts = corpus_term_counts(corpus).groupby("term")["count"].sum()
        offered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:OFFERED_WORDS]
        self._lines = pd.DataFrame(columns=CONCORDANCE_COLUMNS)

        self.word = widgets.Combobox(value=word or (offered[0][0] if offered else ""), options=[t for t, _ in offered],
                                     placeholder="a word or phrase", description="word", ensure_option=False,
                                     continuous_update=False)
        self.sort = widgets.ToggleButtons(options=_SORT_OPTIONS, value="text", description="sort by")
        self.match_case = widgets.Checkbox(value=False, description="match case", indent=False)
        self.lines = widgets.Select(options=[], rows=8, description="line", layout=widgets.Layout(width="100%"))
        self.concordance = widgets.HTML()
        self.counts = widgets.HTML()
        self.paragraph = widgets.HTML()
        for control in (self.word, self.sort, self.match_case):
            control.observe(self._update_words, names="value")
        self.lines.observe(self._show_paragraph, names="value")

        targets = list(dict.fromkeys(self._table["target"]))
        self.target = widgets.Dropdown(options=targets, value=targets[0] if targets else None, description="target")
        self.label = widgets.ToggleButtons(options=LABEL_FILTERS, value="all", description="label")
        self.verdicts = widgets.HTML()
        for control in (self.target, self.label):
            control.observe(self._update_targets, names="value")

        self.review = widgets.Dropdown(options=[(self.labels[r], r) for r in corpus.review_ids],
                                       value=corpus.review_ids[0], description="review")
        self.reading = widgets.HTML()
        self.review.observe(self._update_reader, names="value")

        self.widget = widgets.Tab(children=[
            widgets.VBox([widgets.HBox([self.word, self.match_case]), self.sort, self.counts, self.concordance,
                          self.lines, self.paragraph]),
            widgets.VBox([widgets.HBox([self.target, self.label]), self.verdicts]),
            widgets.VBox([self.review, self.reading]),
        ])
        for index, title in enumerate(("Words", "Targets", "Reader")):
            self.widget.set_title(index, title)
        self._update_words()
        self._update_targets()
        self._update_reader()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    def _update_words(self, change=None) -> None:
        word = (self.word.value or "").strip()
        if not word:
            lines = self._lines.iloc[0:0]
        else:
            lines = raw_concordance(self.corpus, word, match_case=self.match_case.value, labels=self.labels)
        self._lines = sort_concordance(lines, by=self.sort.value)
        self.counts.value = (f"<b>{html.escape(word)}</b>: {len(lines)} hits<br>"
                             + _table_html(hit_counts(lines, self.corpus, labels=self.labels).drop(columns="review_id"), "hits"))
        self.concordance.value = kwic_html(self._lines)
        self.lines.options = [
            (f"{i + 1}. {row.critic}: {row.left[-40:]}[{row.keyword}]{row.right[:40]}", i)
            for i, row in enumerate(self._lines.itertuples())
        ]
        self.lines.value = 0 if len(self._lines) else None
        self._show_paragraph()

    def _show_paragraph(self, change=None) -> None:
        chosen = self.lines.value
        self.paragraph.value = (paragraph_html(self.corpus, self._lines.iloc[chosen]) if chosen is not None
                                else "<p><i>Select a line to read its paragraph.</i></p>")

    def _update_targets(self, change=None) -> None:
        if self.target.value is None:
            self.verdicts.value = "<p><i>No review mentions any target.</i></p>"
            return
        label = None if self.label.value == "all" else self.label.value
        rows = target_verdicts(self._table, self._evidence, self.target.value, review_ids=self.corpus.review_ids,
                               label=label)
        parts = []
        for number, (review_id, group) in enumerate(rows.groupby("review_id", sort=False)):
            first = group.iloc[0]
            parts.append(f"<h4>{html.escape(self.labels[review_id])}: {first['verdict']} "
                         f"<small>({first['mentions']} mentioning sentences)</small></h4>")
            shown = group[["sentence_index", "sentence", "label", "label_source", "rule", "praise_probability"]]
            parts.append(_table_html(shown.rename(columns={"label_source": "decided by", "rule": "found by"}),
                                     f"verdict_{number}"))
        self.verdicts.value = "".join(parts) or f"<p><i>No {html.escape(label or '')} sentence on this target.</i></p>"

    def _update_reader(self, change=None) -> None:
        self.reading.value = reader_html(self.corpus, self.review.value, mentions=self._mentions,
                                         explicit=self._explicit, labels=self.labels)
