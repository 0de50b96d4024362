import pandas as pd
import pytest

from analysis import signals
from analysis.corpus import sentence_table
from analysis.tables import TableError
from analysis.signals import (
    SIGNAL_COLUMNS,
    SIGNAL_KINDS,
    find_signals,
    judgement_cues,
    sentence_signals,
    signal_summary,
    text_signals,
    verdict_cues,
)


def _signals(sentence):
    return [(s["kind"], s["span_text"], s["weight"], s["negated"]) for s in sentence_signals(sentence)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # The example phrases, one per kind.
        ("Her is the best film of the past year.", ("superlative", "the best film of the past year", 1.0)),
        (
            "It is one of the most memorable films of the 21st century.",
            ("superlative", "one of the most memorable films of the 21st century", 0.9),
        ),
        ("A masterpiece.", ("verdict_label", "A masterpiece", 1.0)),
        ("An absolute must-watch.", ("verdict_label", "must-watch", 1.0)),
        ("This one is a cracker.", ("verdict_label", "a cracker", 0.8)),
        ("I highly recommend it.", ("recommendation", "I highly recommend", 1.0)),
        ("It is essential viewing.", ("recommendation", "essential viewing", 1.0)),
        ("Skip it.", ("recommendation", "Skip it", -1.0)),
        ("Her is not without its challenges.", ("reservation", "not without its challenges", -0.4)),
        ("The pacing can feel slow at times.", ("reservation", "can feel slow at times", -0.4)),
        ("Some viewers may find it odd.", ("reservation", "Some viewers may find", -0.3)),
        ("I wasn\u2019t disappointed.", ("negated_negative", "wasn\u2019t disappointed", 0.6)),
        ("It never once hinders the story.", ("negated_negative", "never once hinders", 0.6)),
        ("Her is a worst-case scenario? No: a triumph.", ("verdict_label", "a triumph", 0.8)),
    ],
)
def test_example_phrases(sentence, expected):
    assert _signals(sentence) == [(*expected, False)]


def test_a_negator_reverses_and_halves_a_cue_of_another_kind():
    assert _signals("Not the best film ever, but check it out!") == [
        ("superlative", "the best film", -0.45, True),
        ("recommendation", "check it out", 0.6, False),
    ]
    # "not only" adds praise; a negator in an earlier clause does not reach the cue.
    assert _signals("It is not only a masterpiece.") == [("verdict_label", "a masterpiece", 1.0, False)]
    assert _signals("I did not expect it, but a masterpiece.") == [("verdict_label", "a masterpiece", 1.0, False)]
    # Degree litotes strengthen what follows rather than deny it.
    assert _signals("It is nothing less than a triumph.") == [("verdict_label", "a triumph", 0.8, False)]
    for sentence in ("It is nothing short of stunning visually.", "Her performance is no less than stunning."):
        assert [(c["span_text"], c["polarity"], c["negated"]) for c in judgement_cues(sentence)] == [("stunning", 1, False)]


def test_litotes_and_negative_superlatives():
    # A word ending in -est that is no superlative places nothing.
    assert _signals("So the rest of the time we watch Patrick.") == []
    assert _signals("It was not bad.") == [("negated_negative", "not bad", 0.2, False)]
    assert _signals("One of the most boring films.") == [("superlative", "One of the most boring", -0.7, False)]
    assert _signals("One of the most moving films.") == [("superlative", "One of the most moving", 0.5, False)]
    assert _signals("Not just boring but ugly.") == []


def test_cues_match_whole_words_only():
    assert _signals("The gemstone was uneventful and the dragster unflawed.") == []
    assert _signals("Great cast, but a dull script.") == []


def test_text_signals_spans_index_the_sentence():
    table = text_signals("A quiet film. I highly recommend it, though it can feel slow at times.", review_id="x")
    assert list(table.columns) == SIGNAL_COLUMNS
    assert table[["sentence_index", "kind", "span_text"]].values.tolist() == [
        [1, "recommendation", "I highly recommend"],
        [1, "reservation", "can feel slow at times"],
    ]
    assert all(row.sentence[row.start : row.end] == row.span_text for row in table.itertuples())


def test_empty_input_gives_empty_tables_with_columns():
    assert list(text_signals("").columns) == SIGNAL_COLUMNS
    summary = signal_summary(text_signals(""), review_ids=["a"])
    assert summary["kind"].tolist() == list(SIGNAL_KINDS)
    assert summary["signals"].tolist() == [0] * 5


def test_missing_columns_are_named():
    with pytest.raises(TableError) as error:
        find_signals(pd.DataFrame({"review_id": ["a"], "text": ["x"]}))
    assert str(error.value) == "find_signals: sentences lacks the column(s) sentence_index (it has review_id, text)"


def test_cue_list_is_package_data():
    cues = verdict_cues()
    assert set(cues["kind"]) == set(SIGNAL_KINDS)
    assert cues["weight"].between(-1, 1).all()


def test_her_corpus_signals(her_corpus):
    signals = find_signals(sentence_table(her_corpus))
    summary = signal_summary(signals, review_ids=[r.id for r in her_corpus.reviews])
    counts = summary.pivot(index="review_id", columns="kind", values="signals")
    assert counts.loc["001", "reservation"] == 4
    assert counts.loc["002"].sum() == 2
    assert counts.loc["004"].to_dict() == {
        "negated_negative": 1, "recommendation": 0, "reservation": 0, "superlative": 0, "verdict_label": 1,
    }
    spans = set(zip(signals["review_id"], signals["span_text"]))
    assert ("003", "the best film of the past year") in spans
    assert ("001", "one of the most memorable films of the 21st century") in spans
    assert ("004", "a cracker") in spans
    assert ("000", "I highly recommend") in spans


def test_a_superlatives_sign_comes_from_its_head():
    # The example: "one of the most idiotic ... of all time" is damning, not praise.
    assert _signals("It is one of the most idiotic movies of all time.") == [
        ("superlative", "one of the most idiotic movies of all time", -0.9, False)
    ]
    assert _signals("the dumbest film of the year .") == [("superlative", "the dumbest film of the year", -0.9, False)]
    assert _signals("One of the most memorable films of all time.") == [
        ("superlative", "One of the most memorable films of all time", 0.9, False)
    ]


def test_the_best_thing_seen_is_a_superlative_but_the_best_thing_about_it_is_not():
    assert _signals("Honestly it is the best thing I have seen this year.") == [
        ("superlative", "the best thing I have seen", 0.9, False)
    ]
    assert _signals("This is the worst thing I've seen all year.") == [
        ("superlative", "the worst thing I've seen", -1.0, False)
    ]
    # Singling out one part is often faint praise of the rest: no verdict on the film.
    assert _signals("The best thing about it is the score.") == []


def test_praise_for_another_film_at_this_ones_expense_is_negative():
    assert _signals("this makes id4 look like a masterpiece .") == [
        ("verdict_label", "makes id4 look like a masterpiece", -0.8, False)
    ]
    assert _signals("It makes the original look like junk by the end.")[0][2] == -0.8
    # A negative foil turns the comparison into praise of this film.
    assert _signals("It makes other thrillers look like idiotic junk.") == [
        ("verdict_label", "makes other thrillers look like idiotic", 0.8, False)
    ]
    assert _signals("go rent the original godzilla instead .") == [
        ("recommendation", "rent the original godzilla instead", -0.7, False)
    ]


def test_a_genre_word_is_no_verdict():
    assert _signals("Armageddon is a disaster movie.") == []
    assert _signals("the comet-disaster flick is a disaster alright .") == [
        ("verdict_label", "a disaster", -0.9, False)
    ]


def test_the_films_title_is_no_verdict():
    """A title names the film and judges nothing: "The Worst Person in the World" is no superlative."""
    title = "The Worst Person in the World"
    sentence = "The Worst Person in the World is a triumph."
    assert _signals(sentence)[0] == ("superlative", "The Worst Person in", -1.0, False)
    assert [(s["span_text"], s["start"], s["weight"]) for s in sentence_signals(sentence, title=title)] == [("a triumph", 33, 0.8)]
    table = find_signals(pd.DataFrame({"review_id": ["a"], "sentence_index": [0], "text": [sentence]}), title=title)
    assert table["span_text"].tolist() == ["a triumph"]
    assert text_signals(f"A quiet film. {sentence}", title=title)["span_text"].tolist() == ["a triumph"]
    # A one-word title is a common word that cue phrases need.
    assert sentence_signals("Her is at her best.", title="Her") == sentence_signals("Her is at her best.") != []


def test_judgement_cues_with_negation():

    found = [(c["span_text"], c["polarity"], c["negated"]) for c in judgement_cues(
        "The animation isn't as rich as it could be, but the score is not bad at all and the cast is superb."
    )]
    assert found == [("rich", -1, True), ("bad", 1, True), ("superb", 1, False)]
    # A cue inside a genre phrase is no judgement; whole words only.
    assert judgement_cues("a good-natured action comedy") == []


def test_mention_verdict_precedence():
    from analysis.mention_verdicts import mention_verdict

    # A reservation first; then cues, whatever the model said; the model alone only when sure.
    assert mention_verdict("The pacing can feel slow at times.", "evaluative", "praise", 0.9) == (
        "evaluative", "criticism", "reservation cue: can feel slow at times"
    )
    assert mention_verdict("Asner gives Carl real weight.", "summary", "neutral", 0.3) == (
        "evaluative", "praise", "judgement cue: real weight"
    )
    assert mention_verdict("Theo buys a phone.", "evaluative", "praise", 0.75) == ("evaluative", "neutral", "classifier")
    assert mention_verdict("Theo buys a phone.", "evaluative", "praise", 0.85) == ("evaluative", "praise", "classifier")
    assert mention_verdict("Theo buys a phone.", "summary", "neutral", 0.95) == ("summary", "neutral", "classifier")
    # Cues that cancel leave the model's label.
    assert mention_verdict("A great cast and a dull script.", "evaluative", "criticism", 0.3) == (
        "evaluative", "criticism", "classifier"
    )


def test_no_is_a_negator():

    # YAML reads a bare `no` as false; the negator list must still hold the word.
    [cue] = judgement_cues("No stupid sing-along songs.")
    assert (cue["span_text"], cue["polarity"], cue["negated"]) == ("stupid", 1, True)
    [cue] = judgement_cues("There are no great performances here.")
    assert (cue["span_text"], cue["polarity"], cue["negated"]) == ("great", -1, True)


def test_judgement_cues_include_superlatives_and_abstract_nouns():

    found = judgement_cues("Cameron's greatest gift is pacing worked to perfection; the stupidity of the script hurts.")
    assert [(c["span_text"], c["polarity"]) for c in found] == [("greatest", 1), ("perfection", 1), ("stupidity", -1)]


def test_the_fourth_round_of_judgement_cues():
    found = judgement_cues("An unforgettable score, engrossing throughout, wasted on this pointless, self-indulgent tripe.")
    assert [(c["span_text"], c["polarity"]) for c in found] == [
        ("unforgettable", 1), ("engrossing", 1), ("wasted", -1), ("pointless", -1), ("self-indulgent", -1), ("tripe", -1)
    ]
    from analysis.mention_verdicts import mention_verdict

    assert mention_verdict("Why is Medak directing this tripe?", "summary", "praise", 0.6) == (
        "evaluative", "criticism", "judgement cue: tripe"
    )


def test_the_sixth_round_of_judgement_cues_reads_idioms():
    from analysis.mention_verdicts import mention_verdict

    assert mention_verdict("Kevin Spacey has never been better.", "evaluative", "neutral", 0.6)[1:] == (
        "praise", "judgement cue: never been better"
    )
    assert mention_verdict("The special effects are a hit and miss situation.", "summary", "neutral", 0.5)[1:] == (
        "criticism", "judgement cue: hit and miss"
    )
    # Negated like any cue: names "not worth mentioning" are a fault, not praise.
    [cue] = judgement_cues("The actors' names are not worth mentioning.")
    assert (cue["span_text"], cue["polarity"], cue["negated"]) == ("worth mentioning", -1, True)
    # Whole words only: a "hoot" is no "a hoot" inside another word.
    assert judgement_cues("Plays the role like a hootenanny.") == []


def test_a_cue_in_the_foil_of_a_comparison_is_reversed():
    from analysis.mention_verdicts import mention_verdict

    # The praise is of the other film's villain, at this voice's expense.
    scope = "Blessed gives it game enthusiasm, but he is nothing compared to Woods' hilarious Hades."
    assert [(c["span_text"], c["polarity"]) for c in judgement_cues(scope)] == [("hilarious", -1)]
    assert mention_verdict(scope, "evaluative", "praise", 0.9)[1:] == ("criticism", "judgement cue: hilarious")
    # The foil ends at the punctuation: what follows judges this film.
    assert [(c["span_text"], c["polarity"]) for c in judgement_cues("Unlike the dull first film, it is great.")] == [
        ("dull", 1), ("great", 1)
    ]


def test_idioms_of_credit_and_faint_praise_judge():
    from analysis.mention_verdicts import mention_verdict

    assert mention_verdict("To his credit, Carrey doesn't try.", "summary", "neutral", 0.3)[1:] == (
        "praise", "judgement cue: To his credit"
    )
    assert mention_verdict("Azaria does what he can.", "evaluative", "praise", 0.6)[1:] == (
        "criticism", "judgement cue: does what he can"
    )
    # The idioms are negated like any cue: a film that never lived up to its hype is faulted.
    [cue] = judgement_cues("It never lived up to the hype.")
    assert (cue["span_text"], cue["polarity"], cue["negated"]) == ("lived up to", -1, True)
    # "live up to" is left out (it mostly follows "fails to", which no negator covers): the fault
    # is the failing.
    assert [(c["span_text"], c["polarity"]) for c in judgement_cues("It fails to live up to the hype.")] == [("fails", -1)]
    assert [(c["span_text"], c["polarity"]) for c in judgement_cues("Visually sumptuous, if a bit flimsy.")] == [
        ("sumptuous", 1), ("flimsy", -1)
    ]
    # Looks are not work: "an attractive young cast" judges no performance.
    assert judgement_cues("An attractive young cast and a handsome hero.") == []


def test_a_cue_word_in_another_sense_is_no_cue():

    # "The original" is the first version, not an original one; a best friend is a role.
    assert judgement_cues("They lost what was at the centre of the original Godzilla movies.") == []
    assert judgement_cues("Five of his original songs play as interludes.") == []
    assert judgement_cues("Linney plays his best friend.") == []
    assert [(c["span_text"], c["polarity"]) for c in judgement_cues("A truly original script, and his best work.")] == [
        ("original", 1), ("best", 1)
    ]


def test_screening_by_literal_text_finds_every_cue_a_search_of_all_finds(her_corpus, monkeypatch):
    # Each sentence is searched only for the cues whose literal text it holds; searching every
    # cue must find nothing more, in the Her bodies and in sentences made of the cues' own words.
    made = [
        "The best film of the year, and the most idiotic of all time.",
        "I wouldn't recommend it: a mixed bag, bored me stiff, but not bad at all.",
        "MUST-SEE!! Highly Recommended — could have been great; a chore.",
    ]
    sentences = sentence_table(her_corpus)["text"].tolist() + made
    screened = [sentence_signals(sentence) for sentence in sentences]
    monkeypatch.setattr(signals, "_cue_screen", lambda: (None, list(range(len(signals.verdict_cues())))))
    assert [sentence_signals(sentence) for sentence in sentences] == screened
    assert sum(map(len, screened)) > 20
