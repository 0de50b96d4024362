import gzip
import json
import subprocess
import sys
from importlib import resources

import numpy as np
import pandas as pd
import pytest

from training.data import CV_FOLDS
from analysis.sentiment import (
    MODEL_NAMES,
    NEUTRAL_BAND,
    VADER_MAX_WORDS,
    label_sentences,
    load_model,
    model_summary,
    vader_scores,
)
from analysis.features import marked_tokens, text_features
from analysis.review_polarity import expected_stars, review_evidence, score_reviews

EXAMPLES = [
    "not without its flaws",
    "can feel slow at times",
    "great cast, but a dull script",
    "a stunning, brilliant performance",
    "Theodore buys a new operating system.",
    "Phoenix is stunning",
]


@pytest.fixture(scope="module")
def examples():
    return label_sentences(EXAMPLES).set_index("text")


def test_label_columns_and_order():
    table = label_sentences(["Phoenix is stunning", "a dull script"])
    assert list(table.columns) == [
        "text",
        "evaluative_probability",
        "kind",
        "praise_probability",
        "vader_compound",
        "polarity_score",
        "label",
    ]
    assert table["text"].tolist() == ["Phoenix is stunning", "a dull script"]
    assert np.allclose(table["polarity_score"], 2 * table["praise_probability"] - 1)


def test_praise(examples):
    row = examples.loc["a stunning, brilliant performance"]
    assert (row["kind"], row["label"]) == ("evaluative", "praise")
    assert row["praise_probability"] > 0.9


def test_short_evaluative_praise(examples):
    row = examples.loc["Phoenix is stunning"]
    assert (row["kind"], row["label"]) == ("evaluative", "praise")


def test_plot_summary(examples):
    row = examples.loc["Theodore buys a new operating system."]
    assert (row["kind"], row["label"]) == ("summary", "neutral")
    assert row["evaluative_probability"] < 0.5


def test_contrast_clause_after_but_dominates(examples):
    row = examples.loc["great cast, but a dull script"]
    assert row["label"] == "criticism"
    # The rule, not just the bag of words: swapping the clauses moves the verdict up.
    swapped = label_sentences(["a dull script, but a great cast"]).loc[0]
    assert swapped["praise_probability"] > row["praise_probability"] + 0.3


def test_hedged_criticism_is_not_praise(examples):
    row = examples.loc["can feel slow at times"]
    assert row["label"] == "criticism"


def test_litotes_is_not_strong_criticism(examples):
    # A concession: leaning to criticism, but mildly, nowhere near "a dull script".
    row = examples.loc["not without its flaws"]
    assert row["label"] != "praise"
    assert 0.3 < row["praise_probability"] < 0.5


# Sentences from real reviews that the n-gram models alone misread (filed as plot summary because
# they name a person, or read as praise though they criticise); each as a reader takes it.
READER_VERDICTS = {
    "Joaquin Phoenix gives one of the best performances of his career in “Her.”": "praise",
    "Joaquin Phoenix’s portrayal of Theodore Twombly in “Her” is remarkable.": "praise",
    "Ed Asner is perfect as Carl": "praise",
    "Joaquin Phoenix is amazing in his return to 'normal acting'": "praise",
    "daylight is a great disaster movie .": "praise",
    "everything in between those serpentine moments is filler -- a flash of a breast , a spatter "
    "of blood , and some of the most idiotic dialogue this side of a steven seagal movie .": "criticism",
}


def test_sentences_are_judged_as_a_reader_would():
    table = label_sentences(list(READER_VERDICTS)).set_index("text")
    assert (table["kind"] == "evaluative").all()
    assert table["label"].to_dict() == READER_VERDICTS


def test_neutral_band():
    table = label_sentences(EXAMPLES)
    evaluative = table[table["kind"] == "evaluative"]
    in_band = (evaluative["praise_probability"] - 0.5).abs() < NEUTRAL_BAND
    assert (evaluative.loc[in_band, "label"] == "neutral").all()
    assert (evaluative.loc[~in_band, "label"] != "neutral").all()


def test_wordless_texts_get_a_neutral_row():
    table = label_sentences(["", "  ", "..."])
    assert table["label"].tolist() == ["neutral"] * 3
    assert table["kind"].tolist() == ["summary"] * 3
    assert table["praise_probability"].isna().all()


def test_empty_input_gives_empty_tables():
    assert label_sentences([]).shape == (0, 7)
    assert score_reviews([]).shape == (0, 2)
    assert vader_scores([]).shape == (0, 5)


def test_single_string_is_rejected_with_a_message():
    with pytest.raises(TypeError) as one_string:
        label_sentences("Phoenix is stunning")
    assert str(one_string.value) == "label_sentences: texts must be a sequence of str, not one str: 'Phoenix is stunning'"
    with pytest.raises(TypeError) as not_a_string:
        score_reviews(["fine", 3])
    assert str(not_a_string.value) == "score_reviews: texts[1] must be a str; got int: 3"


def test_negation_marking():
    assert marked_tokens("Not a good film, but fine.") == [
        "not", "a_NEG", "good_NEG", "film_NEG", ",", "but", "fine", ".",
    ]
    assert marked_tokens("It isn't dull") == ["it", "is", "n't", "dull_NEG"]


def test_features_ignore_case():
    recipe = load_model("sentence-polarity")["recipe"]
    lower = text_features("phoenix is stunning", recipe)
    assert text_features("Phoenix IS Stunning", recipe) == lower


def test_vader_scores():
    table = vader_scores(["a stunning, brilliant performance", "a dull script"])
    assert list(table.columns) == ["text", "compound", "pos", "neu", "neg"]
    assert table.loc[0, "compound"] > 0.5
    assert table.loc[1, "compound"] < 0


def test_score_reviews():
    table = score_reviews(
        [
            "A masterpiece. Phoenix is stunning, the script is witty and moving, "
            "and it is the best film of the year.",
            "A dull, boring mess. The script is lazy and the acting is awful; a waste of time.",
        ]
    )
    assert list(table.columns) == ["positive_probability", "stars"]
    assert table.loc[0, "positive_probability"] > 0.5 > table.loc[1, "positive_probability"]
    # A sure verdict says which side of the training data's rating bands, not the scale's end.
    assert table.loc[0, "stars"] > 3.5 and table.loc[1, "stars"] < 2
    assert np.allclose(table["stars"], 1 + 3.25 * table["positive_probability"])


def test_expected_stars_keep_inside_the_bands_the_labels_stand_for():
    # Positive: 3.5 of 5 and up (middle 4.25); negative: 2 of 5 and below (middle 1).
    assert expected_stars([0.0, 0.008, 0.5, 1.0]).tolist() == pytest.approx([1.0, 1.026, 2.625, 4.25])
    assert float(expected_stars(0.3)) < float(expected_stars(0.31))


def test_review_evidence():
    text = "A dull, boring mess, though Phoenix is wonderful. Wonderful!"
    table = review_evidence(text, top=3)
    assert list(table.columns) == ["feature", "count", "weight", "contribution", "direction"]
    assert table.loc[table["direction"] == "down", "feature"].tolist() == ["boring", "mess", "dull"]
    assert table.loc[table["direction"] == "up", "feature"].tolist() == [
        "wonderful .", "wonderful", "!",
    ]
    # Presence, not count, enters the score: "wonderful" occurs twice, contributes its weight once.
    wonderful = table.set_index("feature").loc["wonderful"]
    assert wonderful["count"] == 2
    assert wonderful["contribution"] == wonderful["weight"]
    assert review_evidence("", top=3).empty


def test_review_evidence_rejects_bad_top():
    with pytest.raises(ValueError, match="top must be an int >= 0; got -1"):
        review_evidence("fine", top=-1)


def test_load_model_rejects_unknown_name():
    with pytest.raises(ValueError, match="name must be one of subjectivity, sentence-polarity"):
        load_model("polarity")


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_model_files_are_small_and_documented(name):
    resource = resources.files("analysis.data").joinpath(f"models/{name}.json.gz")
    data = resource.read_bytes()
    assert len(data) < 5_000_000  # package data: a few MB each
    model = json.loads(gzip.decompress(data))
    assert model["name"] == name
    assert model["cross_validation"]["folds"] == CV_FOLDS
    assert list(model["weights"]) == sorted(model["weights"])


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_models_match_the_current_tokenizer(name):
    # If this fails, analysis.tokenization changed: rebuild with scripts/train_models.py.
    recipe = load_model(name)["recipe"]
    probe = recipe["tokenizer_probe"]
    assert marked_tokens(probe["text"], negation=recipe["negation"]) == probe["tokens"]


def test_model_summary():
    table = model_summary()
    assert table["model"].tolist() == list(MODEL_NAMES)
    assert (table["cv_accuracy_mean"] > 0.75).all()


def test_predictions_are_deterministic():
    first = label_sentences(EXAMPLES)
    assert first.equals(label_sentences(EXAMPLES))
    # In another order the int8 arithmetic may move the last digits, not more.
    second = label_sentences(list(reversed(EXAMPLES))).iloc[::-1].reset_index(drop=True)
    pd.testing.assert_frame_equal(first, second, check_exact=False, atol=0.01)


def test_prediction_needs_no_datasets_network_or_sklearn():
    # A fresh interpreter with sockets disabled, the shared data hidden and scikit-learn made
    # unimportable (NLTK, which splits review sentences, tries sklearn and copes).
    code = (
        "import socket, ssl, sys, builtins\n"  # ssl first: NLTK's import subclasses socket through it
        "socket.socket = None\n"
        "sys.modules['sklearn'] = None\n"
        "real_open = builtins.open\n"
        "def guarded(file, *a, **k):\n"
        "    assert '/shared/' not in str(file), file\n"
        "    return real_open(file, *a, **k)\n"
        "builtins.open = guarded\n"
        "from analysis.review_polarity import score_reviews\nfrom analysis.sentiment import label_sentences\n"
        "print(label_sentences(['Phoenix is stunning']).loc[0, 'label'])\n"
        "print(score_reviews(['a wonderful film']).shape)\n"
        "print(sys.modules['sklearn'], 'torch' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split("\n")[:3] == ["praise", "(1, 2)", "None False"]


def test_her_corpus_sentences(her_corpus):
    from analysis.corpus import sentence_table

    sentences = sentence_table(her_corpus)
    table = label_sentences(sentences["text"].tolist())
    assert len(table) == len(sentences)
    assert table["label"].notna().all()

    def row(fragment):
        matches = table[table["text"].str.contains(fragment, regex=False)]
        assert len(matches) == 1, fragment
        return matches.iloc[0]

    verdict = row("is a masterpiece that beautifully captures")
    assert (verdict["kind"], verdict["label"]) == ("evaluative", "praise")
    plot = row("forms a deep emotional bond with Samantha")
    assert (plot["kind"], plot["label"]) == ("summary", "neutral")


def test_her_corpus_reviews_score_positive(her_corpus):
    table = score_reviews([review.body for review in her_corpus.reviews])
    assert len(table) == len(her_corpus.reviews)
    # The model reads all five as positive; 004's own rating line says 4.5 clappers.
    assert (table["positive_probability"] > 0.5).all()


def test_vader_reads_a_long_texts_first_words_only():
    first = " ".join(["a wonderful film"] * (VADER_MAX_WORDS // 3))
    longer = first + " " + " ".join(["an awful mess"] * 200)
    scores = vader_scores([first, longer])[["compound", "pos", "neu", "neg"]]
    assert scores.iloc[0].tolist() == scores.iloc[1].tolist()
    assert vader_scores(["awful " * (VADER_MAX_WORDS - 1)])["compound"].iloc[0] < 0
