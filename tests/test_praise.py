import json

import pandas as pd
import pytest

from analysis.clauses import split_clauses
from analysis.film import film_from_manifest
from analysis.plots.praise import plot_dissent, plot_praise_heatmap
from analysis.praise import judge_mentions, mention_scopes
from analysis.mention_verdicts import reservation_cue
from analysis.reports.aspects import praise_report
from analysis.targets import find_mentions
from analysis.verdicts import consensus, most_mentioned, praise_table, verdict

FILM = film_from_manifest(
    {"film": {"title": "Her", "director": "Spike Jonze", "cast": [{"actor": "Joaquin Phoenix", "character": "Theodore Twombly"}]}}
)


def toy_labeller(texts):
    """Praise for 'great', criticism for 'dull', neutral otherwise: hand-checkable."""
    def label(text):
        return "praise" if "great" in text else "criticism" if "dull" in text else "neutral"

    labels = [label(t) for t in texts]
    return pd.DataFrame(
        {
            "text": list(texts),
            "evaluative_probability": [0.9 if lab != "neutral" else 0.1 for lab in labels],
            "kind": ["evaluative" if lab != "neutral" else "summary" for lab in labels],
            "praise_probability": [{"praise": 0.9, "criticism": 0.1}.get(lab, 0.5) for lab in labels],
            "vader_compound": 0.0,
            "polarity_score": 0.0,
            "label": labels,
        }
    )


def evidence_for(reviews: dict[str, list[str]]) -> pd.DataFrame:
    sentences = pd.DataFrame(
        [
            {"review_id": review_id, "sentence_index": i, "text": text}
            for review_id, texts in reviews.items()
            for i, text in enumerate(texts)
        ]
    )
    return judge_mentions(find_mentions(sentences, FILM), labeller=toy_labeller)


def test_split_clauses_at_contrast():
    assert [t for _, _, t in split_clauses("A great cast, but a dull script.")] == ["A great cast,", "but a dull script."]
    assert [t for _, _, t in split_clauses("Phoenix is great but the script is dull.")] == [
        "Phoenix is great", "but the script is dull."
    ]


def test_no_cut_at_an_opening_marker_or_a_correction():
    for sentence in (
        "However, Her is not without its challenges.",
        "Jonze's vision is not cold or dystopian but intimate.",
        "You can't help but feel for him.",
    ):
        assert [t for _, _, t in split_clauses(sentence)] == [sentence]
    # With a comma, the negated clause is contrasted, not corrected.
    assert len(split_clauses("Phoenix is not great, but the script is fine.")) == 2


def test_lower_cased_tokenized_clauses():
    assert [t for _, _, t in split_clauses("great cast , but a dull script .")] == ["great cast ,", "but a dull script ."]


def test_cast_praised_script_faulted_in_one_sentence():
    evidence = evidence_for({"r": ["The cast is great, but the script is dull."]})
    judged = dict(zip(evidence["target"], zip(evidence["scope"], evidence["label"])))
    assert judged["performances"] == ("The cast is great,", "praise")
    assert judged["script"] == ("but the script is dull.", "criticism")


def test_target_in_two_clauses_is_judged_on_the_sentence():
    scopes = mention_scopes(find_mentions(
        pd.DataFrame({"review_id": ["r"], "sentence_index": [0], "text": ["Phoenix is great, but Phoenix's accent is dull."]}),
        FILM,
    ))
    row = scopes[scopes["target"] == "Joaquin Phoenix"].iloc[0]
    assert (row["scope_kind"], row["matched_text"], row["rule"]) == ("sentence", "Phoenix; Phoenix's", "surname; possessive")


def test_verdict_thresholds():
    assert [verdict(3, 1), verdict(2, 1), verdict(1, 3), verdict(0, 0)] == ["praise", "mixed", "criticism", "neutral"]


def test_table_counts_sentences_and_verdicts():
    evidence = evidence_for({
        "a": ["Phoenix is great.", "Theodore buys a phone.", "Phoenix's role is plain.", "The script is dull."],
        "b": ["Phoenix is dull.", "The script is great."],
    })
    table = praise_table(evidence).set_index(["review_id", "target"])
    assert table.loc[("a", "Joaquin Phoenix"), ["mentions", "praise", "criticism", "neutral", "verdict"]].tolist() == [
        2, 1, 0, 1, "praise"
    ]
    assert table.loc[("a", "Joaquin Phoenix"), "net_judgement"] == 0.5
    assert table.loc[("b", "Joaquin Phoenix"), "verdict"] == "criticism"
    agreement = consensus(praise_table(evidence), ["a", "b", "c"]).set_index("target")
    assert agreement.loc["Joaquin Phoenix", "agreement"] == "split"
    assert agreement.loc["script", "agreement"] == "split"
    assert agreement.loc["Joaquin Phoenix", "reviews_silent"] == 1


def test_consensus_praise_and_one_review():
    evidence = evidence_for({"a": ["Phoenix is great.", "The script is great."], "b": ["Phoenix is great."]})
    agreement = consensus(praise_table(evidence), ["a", "b"]).set_index("target")["agreement"]
    assert agreement.to_dict() == {"Joaquin Phoenix": "consensus praise", "script": "one review"}


def test_empty_mentions():
    evidence = evidence_for({"a": ["Nothing to see."]})
    assert evidence.empty and praise_table(evidence).empty
    assert consensus(praise_table(evidence), ["a"]).empty


def test_heatmap_and_dissent_axes():
    evidence = evidence_for({"a": ["Phoenix is great.", "The script is dull."], "b": ["Phoenix is dull."]})
    table = praise_table(evidence)
    ax = plot_praise_heatmap(table, review_ids=["a", "b", "c"], cluster=False)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Joaquin Phoenix", "script"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]
    assert sorted(t.get_text() for t in ax.texts) == ["1", "1", "1"]
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    plot_dissent(table, review_ids=["a", "b", "c"], ax=ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Joaquin Phoenix", "script"]
    assert len(ax.patches) == 2 * 5  # one bar segment per target and verdict (incl. not mentioned)
    assert ax.get_xlabel() == "reviews"


def test_heatmap_bad_column():
    with pytest.raises(ValueError, match="annotate='stars' is not a column of the table"):
        plot_praise_heatmap(pd.DataFrame(columns=["review_id", "target", "target_kind", "mentions", "praise", "criticism"]),
                            annotate="stars")


def test_her_corpus_praise(her_corpus):
    report = praise_report(her_corpus)
    json.dumps(report.records)
    records = {(r["review_id"], r["target"]): r for r in report.records}
    phoenix = records[("002", "Joaquin Phoenix")]
    great = [e for e in phoenix["evidence"] if e["sentence_index"] == 7][0]
    assert great["scope"] == "Joaquin Phoenix is great"
    assert great["label"] == "praise"
    assert {"review_id", "target", "mentions", "verdict", "evidence"} <= set(phoenix)
    assert phoenix["mentions"] == len(phoenix["evidence"])
    # Review 001's hedged fault: the classifier reads criticism (p about 0.32; int8 may move the
    # last digits); the reservation cue makes it criticism whatever p is, and says so.
    pacing = records[("001", "pacing")]["evidence"]
    assert [(e["sentence_index"], e["label"], e["label_source"]) for e in pacing] == [
        (17, "criticism", "reservation cue: can feel slow at times")
    ]
    assert pacing[0]["praise_probability"] == pytest.approx(0.32, abs=0.03)
    # "great" is a judgement cue: it decides the label, and the evidence says so.
    assert great["label_source"] == "judgement cue: great"


def test_one_target_across_a_contrast_is_judged_on_the_whole_sentence():
    scopes = mention_scopes(find_mentions(
        pd.DataFrame({"review_id": ["r"], "sentence_index": [0], "text": ["Phoenix is great, but he overdoes it."]}),
        FILM,
    ))
    assert scopes[["target", "scope_kind", "scope"]].values.tolist() == [
        ["Joaquin Phoenix", "sentence", "Phoenix is great, but he overdoes it."]
    ]


def test_headings_are_neutral_mentions_not_judgements():
    evidence = evidence_for({"r": ["The Script", "The script is great."]})
    assert evidence[["sentence_index", "scope_kind", "kind", "label", "label_source"]].values.tolist() == [
        [0, "heading", "heading", "neutral", "heading"],
        [1, "sentence", "evaluative", "praise", "judgement cue: great"],
    ]


def test_lower_cased_pre_tokenized_corpus(tmp_path):
    from analysis.corpus import load_corpus

    (tmp_path / "manifest.yaml").write_text(
        "film:\n  title: Her\n  director: Spike Jonze\n  cast:\n    - actor: Joaquin Phoenix\n"
        "      character: Theodore Twombly\nreviews:\n  - file: a.txt\n    id: a\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text(
        "joaquin phoenix 's performance is stunning and heartfelt .\n"
        "theodore buys a new operating system .\n"
        "the script is dull and lifeless .\n",
        encoding="utf-8",
    )
    report = praise_report(load_corpus(tmp_path))
    found = {(r["target"], r["mentions"]): r["verdict"] for r in report.records}
    assert found == {("Joaquin Phoenix", 1): "praise", ("script", 1): "criticism"}


def test_strongest_evidence_keeps_the_surest_sentence_per_label():
    from analysis.praise import strongest_evidence

    evidence = pd.DataFrame({
        "target": ["x", "x", "x", "x"], "review_id": ["a"] * 4, "sentence_index": [0, 1, 2, 3],
        "label": ["praise", "praise", "criticism", "neutral"], "praise_probability": [0.7, 0.9, 0.2, 0.5],
    })
    best = strongest_evidence(evidence)
    assert best[["label", "sentence_index"]].values.tolist() == [["criticism", 2], ["praise", 1]]


def test_plots_of_no_mentions_say_so():
    import matplotlib.pyplot as plt

    table = praise_table(evidence_for({"a": ["Nothing to see."]}))
    for plot in (plot_praise_heatmap, plot_dissent):
        _, ax = plt.subplots()
        plot(table, review_ids=["a"], ax=ax)
        assert [t.get_text() for t in ax.texts] == ["no review mentions any target"]


def test_clause_scoping_with_the_shipped_classifier():
    """The whole sentence reads as criticism (p = 0.09); scoped, the cast is praised, the script faulted."""
    sentences = pd.DataFrame({"review_id": ["r"], "sentence_index": [0], "text": ["A great cast, but a dull script."]})
    evidence = judge_mentions(find_mentions(sentences, FILM))
    assert dict(zip(evidence["target"], evidence["label"])) == {"performances": "praise", "script": "criticism"}


def test_a_reservation_makes_a_hedged_fault_criticism():
    """The toy labeller calls both neutral; the cue decides the first, the second is untouched."""
    evidence = evidence_for({"r": ["The pacing can feel slow at times.", "Phoenix is great."]})
    judged = evidence.set_index("target")[["kind", "label", "label_source"]]
    assert judged.loc["pacing"].tolist() == ["evaluative", "criticism", "reservation cue: can feel slow at times"]
    assert judged.loc["Joaquin Phoenix"].tolist() == ["evaluative", "praise", "judgement cue: great"]


def test_a_stronger_praise_cue_or_a_negation_outweighs_a_reservation():
    assert reservation_cue("The script is a masterpiece, if not without its flaws.") is None
    assert reservation_cue("The script is never uneven.") is None  # a negated reservation
    assert reservation_cue("The script is uneven.") == "uneven"
    assert reservation_cue("The script is not without its flaws.") == "not without its flaws"
    assert reservation_cue("A great cast.") is None


def test_reservation_with_the_shipped_classifier():
    sentences = pd.DataFrame(
        {"review_id": ["r", "r"], "sentence_index": [0, 1], "text": ["The pacing can feel slow at times.", "A great cast."]}
    )
    evidence = judge_mentions(find_mentions(sentences, FILM)).set_index("target")
    assert evidence.loc["pacing", ["label", "label_source"]].tolist() == [
        "criticism", "reservation cue: can feel slow at times"
    ]
    assert evidence.loc["performances", ["label", "label_source"]].tolist() == ["praise", "judgement cue: great"]


def test_most_mentioned_orders_by_mentions_then_name():
    table = pd.DataFrame({
        "target": ["Amy Adams", "Joaquin Phoenix", "Joaquin Phoenix", "script", "Rooney Mara"],
        "target_kind": ["person", "person", "person", "aspect", "person"],
        "mentions": [2, 3, 1, 9, 2],
    })
    assert most_mentioned(table) == ["Joaquin Phoenix", "Amy Adams", "Rooney Mara"]
    assert most_mentioned(table[table["target_kind"] == "aspect"]) == []


def judged_with_the_shipped_models(film, *sentences):
    table = pd.DataFrame({"review_id": "r", "sentence_index": range(len(sentences)), "text": list(sentences)})
    evidence = judge_mentions(find_mentions(table, film))
    return [(row.sentence_index, row.target, row.kind, row.label) for row in evidence.itertuples()]


HER = film_from_manifest({"film": {
    "title": "Her", "director": "Spike Jonze", "writer": "Spike Jonze",
    "cast": [{"actor": "Joaquin Phoenix", "character": "Theodore Twombly"}],
}})
UP = film_from_manifest({"film": {"title": "Up", "cast": [{"actor": "Ed Asner", "character": "Carl Fredricksen"}]}})
TITANIC = film_from_manifest({"film": {"title": "Titanic", "director": "James Cameron"}})


def test_performance_judgements_that_name_a_person_are_praise_not_plot():
    """The issue's sentences the sentence model filed as plot summary because they name a person."""
    assert judged_with_the_shipped_models(
        HER,
        "Joaquin Phoenix gives one of the best performances of his career in 'Her.'",
        "Joaquin Phoenix's portrayal of Theodore Twombly in 'Her' is remarkable.",
        "Joaquin Phoenix is amazing in his return to 'normal acting'",
    ) == [(i, "Joaquin Phoenix", "evaluative", "praise") for i in range(3)]
    # With its full stop: five words without one would read as a section heading.
    assert judged_with_the_shipped_models(UP, "Ed Asner is perfect as Carl", "Asner gives Carl real weight.") == [
        (0, "Ed Asner", "evaluative", "praise"), (1, "Ed Asner", "evaluative", "praise"),
    ]


def test_praise_the_sentence_model_read_as_criticism():
    handling = (
        "While addressed romantic longing in cinema is nearly as old as time, Jonze's handling of this reality is "
        "wondrous as convention is sidestepped, the narrative's relationship-centric commentary and focus coming off "
        "as incisive as anything preceding it."
    )
    assert judged_with_the_shipped_models(HER, handling) == [
        (0, "Spike Jonze", "evaluative", "praise"), (0, "script", "evaluative", "praise"),
        (0, "themes", "evaluative", "praise"),
    ]
    assert judged_with_the_shipped_models(
        TITANIC, "but the scenes cameron directs especially well are the disaster scenes at the end ."
    ) == [(0, "James Cameron", "evaluative", "praise")]


def test_contrast_splits_the_judgements():
    assert judged_with_the_shipped_models(HER, "The visuals are stunning but the script is thin.") == [
        (0, "cinematography", "evaluative", "praise"), (0, "script", "evaluative", "criticism"),
    ]


def test_a_genre_word_is_not_a_judgement():
    assert [label for *_, label in judged_with_the_shipped_models(
        TITANIC, "titanic is a disaster movie directed by cameron ."
    )] == ["neutral", "neutral"]
    # "animated" in a genre phrase names no craft: no mention of the animation at all.
    assert judged_with_the_shipped_models(TITANIC, "Disney's latest animated feature opens today.") == []


def test_her_003_script_verdict_is_praise(her_corpus):
    """003's "Jonze's handling ... is wondrous" was read as criticism, which made its script verdict "mixed"."""
    records = {(r["review_id"], r["target"]): r for r in praise_report(her_corpus).records}
    assert records[("003", "script")]["verdict"] == "praise"
    assert records[("003", "Spike Jonze")]["verdict"] == "praise"


def test_the_verdict_matrix_leaves_a_review_without_targets_blank():
    from analysis.verdicts import verdict_matrix

    table = pd.DataFrame({"review_id": ["a", "a", "b"], "target": ["script", "music", "script"],
                          "verdict": ["praise", "mixed", "criticism"]})
    matrix = verdict_matrix(table, ["a", "b", "c"])
    assert matrix.index.tolist() == ["script", "music"]
    assert matrix.to_dict("list") == {"a": ["praise", "mixed"], "b": ["criticism", ""], "c": ["", ""]}


def test_the_verdict_matrix_of_hundreds_of_reviews_exports_without_a_warning(tmp_path, recwarn):
    from analysis.export import TableExporter
    from analysis.verdicts import verdict_matrix

    review_ids = [f"r{i:03d}" for i in range(300)]
    table = pd.DataFrame({"review_id": review_ids, "target": ["script", "music"] * 150, "verdict": "praise"})
    TableExporter("03", folder=tmp_path)(verdict_matrix(table, review_ids), "verdicts", caption="c")
    assert [str(warning.message) for warning in recwarn] == []


def test_a_name_credited_in_brackets_is_not_judged():
    film = film_from_manifest({"film": {"title": "Her", "director": "Spike Jonze", "cast": [
        {"actor": "Joaquin Phoenix", "character": "Theodore Twombly"},
        {"actor": "Rooney Mara", "character": "Catherine"},
    ]}})
    sentences = pd.DataFrame({"review_id": "r", "sentence_index": [0, 1], "text": [
        "Phoenix is great as a man whose wife (Rooney Mara) has left him.",
        "Phoenix is great and his wife (a great Rooney Mara) is too.",
    ]})
    evidence = judge_mentions(find_mentions(sentences, film), labeller=toy_labeller)
    assert evidence[["sentence_index", "target", "scope_kind", "scope", "label", "label_source"]].values.tolist() == [
        [0, "Joaquin Phoenix", "sentence", sentences["text"][0], "praise", "judgement cue: great"],
        [1, "Joaquin Phoenix", "sentence", sentences["text"][1], "praise", "judgement cue: great; great"],
        [0, "Rooney Mara", "credit", "Rooney Mara", "neutral", "credit"],
        # A bracket that judges is no credit.
        [1, "Rooney Mara", "sentence", sentences["text"][1], "praise", "judgement cue: great; great"],
    ]


def sure_labeller(texts):
    """Every text read as surely evaluative criticism: what a rule leaves to the model is criticism."""
    return pd.DataFrame({
        "text": list(texts), "evaluative_probability": 0.95, "kind": "evaluative", "praise_probability": 0.05,
        "vader_compound": 0.0, "polarity_score": 0.0, "label": "criticism",
    })


JONZE_FILM = film_from_manifest({"film": {"title": "Her", "director": "Spike Jonze", "cast": [
    {"actor": "Joaquin Phoenix", "character": "Theodore Twombly"},
    {"actor": "Samantha Morton", "character": "Samantha"},
]}})


def judged(film, *sentences, labeller=sure_labeller):
    table = pd.DataFrame({"review_id": "r", "sentence_index": range(len(sentences)), "text": list(sentences)})
    evidence = judge_mentions(find_mentions(table, film), labeller=labeller, title=film.title)
    return [(row.sentence_index, row.target, row.label, row.label_source) for row in evidence.itertuples()]


def test_a_production_fact_is_no_verdict_on_the_person():
    """An anecdote's tone is not a verdict; a judgement cue beside it still is."""
    assert judged(
        JONZE_FILM,
        "Morton was replaced by Phoenix at the last minute.",
        "Phoenix gave an interview and he is great.",
        "Phoenix stays at home at the last minute.",
    ) == [
        (0, "Joaquin Phoenix", "neutral", "production fact: replaced by"),
        (1, "Joaquin Phoenix", "praise", "judgement cue: great"),
        (2, "Joaquin Phoenix", "criticism", "classifier"),
        (0, "Samantha Morton", "neutral", "production fact: replaced by"),
    ]


def test_a_name_that_credits_the_film_is_not_judged_by_the_rest_of_the_sentence():
    """The guideline's rule 4: the possessive credits the film; a cue still judges the director."""
    assert judged(
        JONZE_FILM,
        "An emotional performance in Spike Jonze's 'Her'.",
        "Spike Jonze's 'Her' is a great film.",
        "Jonze's film opens on a close-up.",
        "Jonze's direction holds it together.",
    ) == [
        (0, "Spike Jonze", "neutral", "attribution"),
        (1, "Spike Jonze", "praise", "judgement cue: great"),
        (2, "Spike Jonze", "neutral", "attribution"),
        (3, "Spike Jonze", "criticism", "classifier"),
        (2, "cinematography", "criticism", "classifier"),
        (3, "direction", "criticism", "classifier"),
        (0, "performances", "criticism", "classifier"),
    ]


def test_a_craft_word_in_another_sense_names_no_craft():
    sentences = pd.DataFrame({"review_id": "r", "sentence_index": range(5), "text": [
        "The villain hatches a plot to erase the data.",
        "If I were to plot that graph, it would climb.",
        "From their animation studio in Orlando, Disney hopes for magic.",
        "The plot is thin and the animation is fine.",
        "A reel of snazzy fx shots.",
    ]})
    mentions = find_mentions(sentences, JONZE_FILM)
    assert mentions[["sentence_index", "target", "matched_text"]].values.tolist() == [
        [3, "script", "plot"], [3, "animation", "animation"], [4, "effects", "fx shots"],
    ]


def test_a_fault_of_the_writing_is_not_the_actors():
    """The guideline's rule 3: "underwritten" and "wasted" blame the script or the film, not the actor."""
    film = film_from_manifest({"film": {"title": "Up", "cast": [{"actor": "Ed Asner", "character": "Carl"}]}})
    assert judged(
        film,
        "Asner is wonderful, but his character is underwritten.",
        "A wonderful actor like Asner is wasted here.",
        "The script is underwritten and Asner is dull.",
    ) == [
        (0, "Ed Asner", "praise", "judgement cue: wonderful"),
        (1, "Ed Asner", "praise", "judgement cue: wonderful"),
        (2, "Ed Asner", "criticism", "judgement cue: dull"),
        (2, "script", "criticism", "judgement cue: underwritten; dull"),
    ]


def test_a_person_named_beside_another_persons_judgement_is_not_judged():
    """The guideline's rule 1: "Stuart does a phenomenal job ... narrating to a stunned Paxton"."""
    film = film_from_manifest({"film": {"title": "Titanic", "cast": [
        {"actor": "Gloria Stuart", "character": "Rose"}, {"actor": "Bill Paxton", "character": "Brock"},
    ]}})
    assert judged(
        film,
        "Stuart does a phenomenal job, narrating her story to a stunned Paxton.",
        "Stuart is great opposite a luminous Paxton.",
    ) == [
        (0, "Bill Paxton", "neutral", "another's judgement: phenomenal"),
        (1, "Bill Paxton", "praise", "judgement cue: great; luminous"),
        (0, "Gloria Stuart", "praise", "judgement cue: phenomenal"),
        (1, "Gloria Stuart", "praise", "judgement cue: great; luminous"),
    ]


def test_the_films_title_is_no_judgement_of_a_person_named_beside_it():
    """"Good" in "Good Will Hunting" is no judgement of Driver, so the judgement is Damon's alone."""
    film = film_from_manifest({"film": {"title": "Good Will Hunting", "cast": [
        {"actor": "Matt Damon", "character": "Will"}, {"actor": "Minnie Driver", "character": "Skylar"},
    ]}})
    assert judged(film, "Damon does a phenomenal job opposite Driver in Good Will Hunting.") == [
        (0, "Matt Damon", "praise", "judgement cue: phenomenal"),
        (0, "Minnie Driver", "neutral", "another's judgement: phenomenal"),
    ]


def test_across_a_contrast_the_clause_after_it_decides():
    """The guideline's rule 2: "his vision was a bit excessive, but at least he directed it well"."""
    assert judged(
        TITANIC,
        "His vision was excessive, but at least he directed it well.",
        "He directed it well, but his vision was excessive.",
        "His vision was excessive and clumsy, and the direction dull.",
    ) == [
        (0, "direction", "praise", "judgement cue: directed it well"),
        (1, "direction", "criticism", "judgement cue: excessive"),
        (2, "direction", "criticism", "judgement cue: excessive; clumsy; dull"),
    ]


def test_the_words_of_the_films_title_judge_nothing():
    """"Good Will Hunting" holds no "good": a rule left with no cue leaves it to the model."""
    film = film_from_manifest({"film": {"title": "Good Will Hunting", "director": "Gus Van Sant"}})
    assert judged(
        film,
        'Directed by Gus Van Sant, " good will hunting " overcomes the banalities of its story.',
        "Good Will Hunting is good, and Van Sant's direction is good too.",
    ) == [
        (0, "Gus Van Sant", "criticism", "classifier"),
        (1, "Gus Van Sant", "praise", "judgement cue: good; good"),
        (0, "direction", "criticism", "classifier"),
        (1, "direction", "praise", "judgement cue: good; good"),
    ]

