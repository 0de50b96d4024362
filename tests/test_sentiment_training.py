import gzip
import json
import math

import numpy as np
import pytest

from analysis.sentiment import scores_from_features
from analysis.sentiment_training import cross_validate, fit, load_task, model_bytes

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
