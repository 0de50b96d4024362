import gzip
import json
import math

import numpy as np
import pytest

from analysis import encoder_heads
from analysis.sentiment import MODEL_NAMES, load_model, ngram_praise_scores, scores_from_features
from training.data import CV_SEED, ENCODER_FOLDS, HEADS, TASKS, load_task, model_bytes
from training.encoder import load_fold_margins
from training.fit import _splits, cross_validate, fit
from training.heads import fit_linear_head, fit_stack, stacked_cross_validation

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


def test_praise_cross_validation_scores_contrast_sentences_as_prediction_does():
    # The fold's model read through the contrast rule: 0.25 x "great cast" + 0.75 x "a dull script".
    features = [["great"], ["dull"]] * 5
    labels = np.array([1, 0] * 5)
    recipe = {**NB, "negation": False}
    seen = []

    def score(model, test):
        seen.append(test.tolist())
        return ngram_praise_scores({**model, "recipe": recipe}, ["great, but dull"] * len(test))

    accuracies, scores = cross_validate(features, labels, None, recipe, folds=5, score=score)
    assert sorted(i for fold in seen for i in fold) == list(range(10))
    assert (scores < 0).all()  # the clause after "but" decides
    assert accuracies == [0.5] * 5


def test_a_linear_head_is_applied_at_prediction_as_it_was_fitted():
    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(60, 4)) * [1.0, 10.0, 0.1, 0.0]
    labels = (inputs[:, 0] + inputs[:, 1] / 10 > 0).astype(int)
    head = fit_linear_head(inputs, labels, 1.0)
    assert head["scale"][3] == 1.0  # a constant input is left harmless, not divided by zero
    fitted = encoder_heads.linear_log_odds(head, inputs)
    assert (((fitted > 0).astype(int)) == labels).mean() > 0.9
    shipped = {"embedding": head, "stack": {"weights": [1.0, 0.0], "bias": 0.0}}
    assert encoder_heads.stacked_log_odds(shipped["stack"], fitted, np.zeros(60)) == pytest.approx(fitted)


def test_the_stack_is_cross_validated_on_out_of_fold_pairs():
    labels = np.array([1, 0] * 10)
    head = np.where(labels == 1, 1.0, -1.0)
    head[:4] = -head[:4]  # the head misreads four texts; the n-gram model reads all
    ngram = np.where(labels == 1, 0.5, -0.5)
    rows = stacked_cross_validation(head, ngram, labels, folds=5)
    assert np.mean(rows["encoder head"]) == pytest.approx(0.8)
    assert rows["n-gram"] == [1.0] * 5
    stack = fit_stack(head, ngram, labels)
    assert stack["weights"][1] > stack["weights"][0] > 0


def test_stored_fold_margins_must_match_todays_folds(tmp_path):
    labels = np.array([1] * 5 + [0] * 5)
    tests = [test.tolist() for _, test in _splits(labels, ENCODER_FOLDS, CV_SEED)]
    content = {"folds": [{"test": test, "margins": [float(i) for i in test]} for test in tests]}
    path = tmp_path / "folds.json.gz"
    path.write_bytes(model_bytes(content))
    assert load_fold_margins(labels, path).tolist() == list(map(float, range(10)))
    with pytest.raises(ValueError, match="its folds differ"):
        load_fold_margins(np.array([1, 0] * 5), path)


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


def test_recipes_name_the_review_statistics_the_package_computes():
    assert HEADS["review-polarity"]["statistics"] == list(encoder_heads.STATISTICS)
