"""The labelled mention judgements (tests/data/mention-judgements) and scripts/evaluate_mentions.py.

Only the Her part is read here (corpus/ ships with the repository); the polarity part needs the
data set and is scored by the script.
"""

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from analysis.targets import find_mentions

SCRIPT = Path(__file__).parent.parent / "scripts" / "evaluate_mentions.py"


@pytest.fixture(scope="module")
def evaluate():
    spec = importlib.util.spec_from_file_location("evaluate_mentions", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_set_is_as_large_and_varied_as_required(evaluate):
    every_batch, reviews = evaluate.read_set()
    labels = every_batch[every_batch["batch"] == "development"]
    films = dict(zip(reviews["review"], reviews["film"]))
    assert len(labels) == 441
    assert labels["review"].nunique() == 42
    assert len({films[review] for review in labels["review"]}) == 7
    assert labels["label"].value_counts().to_dict() == {"praise": 197, "neutral": 185, "criticism": 59}
    # Polarity reviews only from the development half, cv000-cv699 (cv700-cv999 are held out).
    numbers = labels.loc[labels["review"].str.startswith("polarity/"), "review"].str.extract(r"/cv(\d{3})_")[0]
    assert numbers.astype(int).max() < 700
    assert (evaluate.SET_FOLDER / "GUIDELINE.md").exists()


# Each check batch: its reviews, films and labels; batches come in the order they were drawn.
CHECK_BATCHES = {
    "check-1": (9, {"matrix", "men-in-black", "starship-troopers"}, {"neutral": 42, "criticism": 25, "praise": 17}),
    "check-2": (11, {"phantom-menace", "lost-in-space", "wedding-singer"}, {"neutral": 44, "criticism": 33, "praise": 29}),
    "check-3": (
        9, {"good-will-hunting", "species-ii", "wild-wild-west", "x-files"}, {"neutral": 39, "criticism": 29, "praise": 22}
    ),
    "check-4": (
        38,
        {
            "american-beauty", "american-pie", "antz", "big-lebowski", "boogie-nights", "deep-impact", "elizabeth",
            "fight-club", "jackie-brown", "out-of-sight", "patch-adams", "rush-hour", "saving-private-ryan",
            "sixth-sense", "star-trek-insurrection", "wag-the-dog",
        },
        {"neutral": 433, "praise": 373, "criticism": 98},
    ),
    "check-5": (
        17, {"gattaca", "dark-city", "wild-things", "sphere", "scream-2", "bulworth"},
        {"neutral": 266, "praise": 149, "criticism": 63},
    ),
}


def test_the_set_holds_the_development_batch_and_the_check_batches(evaluate):
    every_batch, _ = evaluate.read_set()
    assert every_batch["batch"].value_counts().to_dict() == {
        "check-4": 904, "check-5": 478, "development": 441, "check-2": 106, "check-3": 90, "check-1": 84
    }


@pytest.mark.parametrize("batch", list(CHECK_BATCHES))
def test_a_check_batch_is_apart_from_the_batches_before_it(evaluate, batch):
    every_batch, reviews = evaluate.read_set()
    films = dict(zip(reviews["review"], reviews["film"]))
    review_count, check_films, labels = CHECK_BATCHES[batch]
    check = every_batch[every_batch["batch"] == batch]
    drawn = ["development", *CHECK_BATCHES]
    earlier = every_batch[every_batch["batch"].isin(drawn[: drawn.index(batch)])]
    assert check["review"].nunique() == review_count
    assert {films[review] for review in check["review"]} == check_films
    assert not check_films & {films[review] for review in earlier["review"]}
    assert check["label"].value_counts().to_dict() == labels
    # Development half only, and not the first 100 files of a label (cv000-cv099, read elsewhere).
    numbers = check["review"].str.extract(r"/cv(\d{3})_")[0].astype(int)
    assert numbers.between(100, 699).all()
    for film in check_films:
        assert (evaluate.SET_FOLDER / "films" / f"{film}.yaml").exists()


def test_a_set_without_batches_is_all_development(evaluate, tmp_path):
    (tmp_path / "labels.csv").write_text("review,start,end,target,label\nher/000,0,10,script,praise\n", encoding="utf-8")
    (tmp_path / "reviews.csv").write_text("review,film\nher/000,her\n", encoding="utf-8")
    labels, _ = evaluate.read_set(tmp_path)
    assert labels["batch"].tolist() == ["development"]


def test_every_her_pair_points_at_a_body_sentence_that_mentions_its_target(evaluate, her_corpus):
    labels, _ = evaluate.read_set()
    her = labels[labels["review"].str.startswith("her/")]
    sentences = her_corpus.sentences
    offsets = sentences[["review_id", "sentence_index", "start", "end"]].rename(
        columns={"start": "sentence_start", "end": "sentence_end"}
    )
    mentions = find_mentions(sentences, her_corpus.film).merge(offsets, on=["review_id", "sentence_index"])
    found = set(zip("her/" + mentions["review_id"], mentions["sentence_start"], mentions["sentence_end"], mentions["target"]))
    assert len(her) == 151
    assert set(zip(her["review"], her["start"], her["end"], her["target"])) <= found


def test_scores_count_an_unfound_pair_as_neutral(evaluate):
    table = pd.DataFrame({"label": ["praise", "criticism", "neutral", "praise"], "predicted": ["praise", "neutral", None, None]})
    assert evaluate.scores(table) == {"pairs": 4, "not_found": 2, "accuracy": 0.5, "macro_f1": 0.388889}


def test_a_bad_label_is_named(evaluate, tmp_path):
    (tmp_path / "labels.csv").write_text("review,start,end,target,label\nher/000,0,10,script,great\n", encoding="utf-8")
    (tmp_path / "reviews.csv").write_text("review,film\nher/000,her\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels must be \('praise', 'criticism', 'neutral'\), got \['great'\]"):
        evaluate.read_set(tmp_path)


def test_the_second_labels_cover_the_first_check_batches_and_samples_of_the_rest(evaluate):
    every_batch, _ = evaluate.read_set()
    both = evaluate.read_second_labels(every_batch)
    assert len(both) == 550
    assert both["batch"].value_counts().to_dict() == {
        "check-4": 150, "development": 120, "check-2": 106, "check-3": 90, "check-1": 84
    }
    assert evaluate.agreement(both["label"], both["second_label"]) == {"pairs": 550, "agreement": 0.961818, "kappa": 0.939644}


def test_a_second_label_of_a_pair_not_in_the_set_is_named(evaluate, tmp_path):
    (tmp_path / "second-labels.csv").write_text("review,start,end,target,label\nher/000,0,10,music,praise\n", encoding="utf-8")
    labels = pd.DataFrame({"review": ["her/000"], "start": [0], "end": [10], "target": ["script"], "label": ["praise"]})
    with pytest.raises(ValueError, match=r"pairs not in labels.csv: \[\['her/000', 0, 10, 'music'\]\]"):
        evaluate.read_second_labels(labels, tmp_path)


def test_the_her_part_runs_end_to_end(evaluate):
    labels, reviews = evaluate.read_set()
    her = labels[labels["review"].str.startswith("her/")]
    table = evaluate.predictions(her, reviews, None)
    assert table["predicted"].notna().all()
    assert set(table["predicted"]) <= {"praise", "criticism", "neutral"}


def test_the_her_part_agrees_with_the_labels_as_measured(evaluate):
    # The README's figure for the Her part at the shipped margin: 141 of the 151 pairs.
    labels, reviews = evaluate.read_set()
    table = evaluate.predictions(labels[labels["review"].str.startswith("her/")], reviews, None)
    assert evaluate.scores(table) == {"pairs": 151, "not_found": 0, "accuracy": 0.933775, "macro_f1": 0.875899}
