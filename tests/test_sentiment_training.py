import gzip
import json
import math

import numpy as np
import pytest

from analysis.sentiment import MODEL_NAMES, load_model, scores_from_features
from training.build import model_bytes
from training.data import CV_SEED, TASKS, TEACHER_FOLDS, Task, load_task
from training.distillation import _pool_fingerprint, load_teacher_labels, transfer_pool
from training.evaluate import nested_transfer_weight
from training.fit import Transfer, _splits, cross_validate, fit, teacher_probabilities

NB = {"classifier": "multinomial naive bayes", "ngram_max": 1, "negation": False, "min_df": 1,
      "alpha": 1.0, "vader": False}


def test_naive_bayes_weights_by_hand():
    features = [["good"], ["good", "fun"], ["dull"], ["dull", "fun"]]
    model = fit(features, np.array([1, 1, 0, 0]), None, NB)
    # positive counts + 1: dull 1, fun 2, good 3 (sum 6); negative: dull 3, fun 2, good 1 (sum 6)
    assert model["weights"] == {
        "dull": pytest.approx(math.log(1 / 3), rel=1e-5),
        "good": pytest.approx(math.log(3), rel=1e-5),
    }  # "fun" weighs log(2/2) = 0 and is dropped; weights keep 6 significant digits
    assert model["bias"] == 0.0
    scores = scores_from_features(model, [["good"], ["dull", "fun"]], None)
    assert scores.tolist() == pytest.approx([math.log(3), math.log(1 / 3)], rel=1e-5)


def test_min_df_prunes_the_vocabulary():
    features = [["good", "rare"], ["good"], ["dull"], ["dull"]]
    model = fit(features, np.array([1, 1, 0, 0]), None, {**NB, "min_df": 2})
    assert sorted(model["weights"]) == ["dull", "good"]


def test_cross_validation_refits_in_each_fold():
    features = [["good"]] * 10 + [["dull"]] * 10
    labels = np.array([1] * 10 + [0] * 10)
    accuracies, scores = cross_validate(features, labels, None, NB, folds=5)
    assert accuracies == [1.0] * 5
    assert (scores[:10] > 0).all() and (scores[10:] < 0).all()


def test_model_bytes_are_reproducible():
    model = {"weights": {"b": 1.0, "a": -0.5}, "bias": 0.0}
    data = model_bytes(model)
    assert data == model_bytes(dict(reversed(list(model.items()))))
    assert data[4:8] == bytes(4)  # gzip header time stamp is zero
    assert json.loads(gzip.decompress(data)) == model


def test_load_task_names_the_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError, match="has no folder 'subjectivity-dev'"):
        load_task("subjectivity", tmp_path)
    with pytest.raises(ValueError, match="name must be one of subjectivity"):
        load_task("polarity", tmp_path)


NBLR = {"classifier": "nb-weighted logistic regression", "ngram_max": 1, "negation": False,
        "min_df": 1, "alpha": 1.0, "C": 1.0, "vader": False}


def _transfer(feature_sets, probabilities, weight):
    return Transfer(feature_sets, np.zeros((len(feature_sets), 3)), np.array(probabilities), weight)


def test_transfer_texts_count_with_their_weight_in_naive_bayes():
    gold = [["good"], ["dull"]]
    transfer = _transfer([["superb"], ["superb", "dull"]], [1, 0], 0.5)
    model = fit(gold, np.array([1, 0]), None, NB, transfer=transfer)
    # counts + 1, positive: good 2, superb 1.5, dull 1 (sum 4.5); negative: dull 2.5,
    # superb 1.5, good 1 (sum 5); the prior is 1.5 : 1.5
    assert model["weights"]["good"] == pytest.approx(math.log((2 / 4.5) / (1 / 5)), rel=1e-5)
    assert model["weights"]["superb"] == pytest.approx(math.log((1.5 / 4.5) / (1.5 / 5)), rel=1e-5)
    assert model["bias"] == 0.0


def test_a_transfer_text_counts_for_each_class_by_the_teachers_probability():
    gold = [["good"], ["dull"]]
    # superb: positive 1 + 0.75, negative 1 + 0.25; an even 0.5 shifts no n-gram
    model = fit(gold, np.array([1, 0]), None, NB, transfer=_transfer([["superb"]], [0.75], 1.0))
    assert model["weights"]["superb"] == pytest.approx(math.log((1.75 / 4.75) / (1.25 / 4.25)), rel=1e-5)
    even = fit(gold, np.array([1, 0]), None, NB, transfer=_transfer([["superb"]], [0.5], 1.0))
    assert "superb" not in even["weights"]
    assert even["weights"]["good"] == fit(gold, np.array([1, 0]), None, NB)["weights"]["good"]


def test_teacher_probabilities_are_the_logistic_of_the_margin():
    assert teacher_probabilities([0.0, math.log(3), -math.log(3)]).tolist() == pytest.approx(
        [0.5, 0.75, 0.25]
    )


def test_a_transfer_set_teaches_ngrams_the_gold_texts_lack():
    gold = [["good"], ["good", "film"], ["dull"], ["dull", "film"]]
    transfer = _transfer([["superb"]] * 3 + [["tedious"]] * 3, [1] * 3 + [0] * 3, 0.3)
    model = fit(gold, np.array([1, 1, 0, 0]), None, NBLR, transfer=transfer)
    assert model["weights"]["superb"] > 0 > model["weights"]["tedious"]
    assert "superb" not in fit(gold, np.array([1, 1, 0, 0]), None, NBLR)["weights"]


def test_each_fold_learns_from_its_own_transfer_set():
    features = [["good"]] * 10 + [["dull"]] * 10
    labels = np.array([1] * 10 + [0] * 10)
    # A heavy transfer set that calls "good" criticism overturns the gold labels.
    misleading = _transfer([["good"], ["dull"]] * 10, [0, 1] * 10, 10.0)
    honest = _transfer([["good"], ["dull"]] * 10, [1, 0] * 10, 10.0)
    accuracies, _ = cross_validate(features, labels, None, NBLR, folds=2,
                                   transfers=[misleading, honest])
    assert accuracies == [0.0, 1.0]


def _reviews(root, lines_by_file):
    for name, lines in lines_by_file.items():
        path = root / "movie-review-polarity-dev" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_transfer_pool_takes_every_long_line_pos_first_files_in_name_order(tmp_path):
    _reviews(tmp_path, {
        "neg/cv000.txt": ["a b c d neg", "too short"],
        "pos/cv001.txt": ["a b c d second", "x y z w third"],
        "pos/cv000.txt": ["a b c d first", "no"],
    })
    assert transfer_pool(tmp_path) == ["a b c d first", "a b c d second", "x y z w third", "a b c d neg"]
    with pytest.raises(FileNotFoundError, match="no folder 'movie-review-polarity-dev'"):
        transfer_pool(tmp_path / "elsewhere")


def test_stored_teacher_labels_must_match_the_pool_and_folds(tmp_path, monkeypatch):
    _reviews(tmp_path, {"pos/cv000.txt": ["one two three four", "five six seven eight"]})
    labels = np.array([1] * 5 + [0] * 5)
    tests = [test.tolist() for _, test in _splits(labels, TEACHER_FOLDS, CV_SEED)]
    pool = transfer_pool(tmp_path)
    content = {
        "transfer_pool": {"sha256": _pool_fingerprint(pool)},
        "folds": [{"test": test} for test in tests],
    }
    path = tmp_path / "teacher.json.gz"
    path.write_bytes(model_bytes(content))
    assert load_teacher_labels(tmp_path, labels, path)["pool"] == pool
    with pytest.raises(ValueError, match="its folds differ"):
        load_teacher_labels(tmp_path, np.array([1, 0] * 5), path)
    _reviews(tmp_path, {"pos/cv000.txt": ["a changed line of words"]})
    with pytest.raises(ValueError, match="the transfer pool has changed"):
        load_teacher_labels(tmp_path, labels, path)


def test_nested_choice_keeps_the_transfer_weight_that_inner_folds_prefer():
    features = [["good"]] * 20 + [["dull"]] * 20
    labels = np.array([1] * 20 + [0] * 20)
    misleading = _transfer([["good"], ["dull"]] * 10, [0, 1] * 10, 1.0)
    evaluation = {
        "task": Task("toy", "", "", "", "", "", "", "", NBLR),
        "labels": labels, "feature_sets": features, "vader": None, "lexicon": None,
        "folds": 2, "fold_transfers": [misleading, misleading],
    }
    rows = nested_transfer_weight(evaluation, [10.0, 0.01], inner_folds=2)
    assert [row["chosen_weight"] for row in rows] == [0.01, 0.01]
    assert [row["outer_accuracy"] for row in rows] == [1.0, 1.0]
    assert rows[0]["inner_accuracy"] == {10.0: 0.0, 0.01: 1.0}
    with pytest.raises(ValueError, match="needs an evaluation with a teacher"):
        nested_transfer_weight({**evaluation, "fold_transfers": None}, [1.0])


@pytest.mark.parametrize("name", MODEL_NAMES)
def test_recipes_file_matches_the_shipped_models(name):
    # training/recipes.yaml is what the shipped files were built from: same values, same types
    # (1.0 is not 1 in the model's JSON), same data set and classes.
    task = TASKS[name]
    model = load_model(name)
    recipe = {key: value for key, value in model["recipe"].items()
              if key not in ("tokens", "tokenizer_probe", "features")}
    assert json.dumps(task.recipe, sort_keys=True) == json.dumps(recipe, sort_keys=True)
    assert (task.description, task.positive_class, task.negative_class) == (
        model["description"], model["classes"]["positive"], model["classes"]["negative"]
    )
    data = model["training_data"]
    assert (task.folder, task.positive, task.negative, task.citation) == (
        data["folder"], data["positive"], data["negative"], data["citation"]
    )
    assert model["cross_validation"]["seed"] == CV_SEED


def test_analysis_does_not_import_the_training_code():
    import subprocess
    import sys

    probe = ("import sys, analysis.sentiment, analysis.cli; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'training'))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
