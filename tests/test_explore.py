"""The explorer's widgets, driven as a user would: set a widget's value, read the views."""

import pytest

from analysis.explore import Explorer


@pytest.fixture(scope="module")
def explorer(her_corpus):
    return Explorer(her_corpus, word="love")


def test_words_tab_answers_where_each_critic_uses_love(explorer):
    assert explorer.word.value == "love"
    assert "<b>love</b>: 27 hits" in explorer.counts.value
    assert "thomasjford" in explorer.counts.value
    assert "<td style='text-align:center'><b>love</b></td>" in explorer.concordance.value
    assert len(explorer.lines.options) == 27 and explorer.lines.value == 0
    assert "<mark>love</mark>" in explorer.paragraph.value


def test_selecting_a_line_shows_its_paragraph(explorer):
    explorer.lines.value = 3
    chosen = explorer._lines.iloc[3]
    assert explorer.paragraph.value.startswith(f"<p><b>{chosen['critic']}</b></p>")
    assert explorer.paragraph.value.count("<mark>") == 1


def test_sorting_and_a_new_word_update_every_view(explorer):
    explorer.sort.value = "right"
    rights = [row.right for row in explorer._lines.itertuples()]
    assert explorer.lines.options[0][0].startswith("1. ") and len(rights) == 27
    explorer.word.value = "script"
    assert "<b>script</b>:" in explorer.counts.value
    assert all("[script]" in label.lower() for label, _ in explorer.lines.options)
    explorer.word.value = "zzzz"
    assert explorer.lines.options == () and "No occurrence." in explorer.concordance.value
    assert "Select a line" in explorer.paragraph.value


def test_targets_tab_answers_who_faults_the_pacing(explorer):
    # 001's "The pacing can feel slow at times" is criticism by a reservation cue, whatever the model says.
    explorer.target.value = "pacing"
    explorer.label.value = "criticism"
    view = explorer.verdicts.value
    assert "<h4>" in view and "decided by" in view and "praise_probability" in view
    assert ">praise<" not in view.replace("<th", "")  # only criticism rows are listed
    explorer.label.value = "all"
    assert view.count("<h4>") <= explorer.verdicts.value.count("<h4>")


def test_reader_tab_shows_a_review_with_its_comments_apart(explorer):
    explorer.review.value = "004"
    page = explorer.reading.value
    assert page.startswith("<h3>thomasjford")
    assert "“4.5 clappers" in page
    assert "Reader comments" in page and "I Love Spike Jonze" in page
    assert "<u title='Spike Jonze'>Spike Jonze</u>" in page


def test_the_explorer_displays_as_its_tab_widget(explorer):
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert [explorer.widget.get_title(i) for i in range(3)] == ["Words", "Targets", "Reader"]
