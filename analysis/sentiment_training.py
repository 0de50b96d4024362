"""Training and cross-validation of the classifiers that :mod:`analysis.sentiment` ships.

Used by ``scripts/train_models.py`` and ``scripts/evaluate_models.py`` only; it needs
scikit-learn and the labelled development data (``/work/shared/datasets``, see its README),
which prediction does not.

Method (Wang & Manning 2012, "Baselines and bigrams"): binary n-gram features (recipe in
:mod:`analysis.sentiment`), the vocabulary being the n-grams in at least ``min_df`` training texts,
sorted. ``"multinomial naive bayes"`` weights each n-gram by its smoothed log-count ratio
``r = log((p / |p|1) / (q / |q|1))`` with ``p = alpha + counts in positive texts``; the bias is
the log prior ratio. ``"nb-weighted logistic regression"`` scales the features by ``r`` and fits
an L2 logistic regression (liblinear, deterministic) on them plus the three VADER scores; the
shipped weight of an n-gram is ``r * w``. Cross-validation retrains this whole pipeline,
vocabulary included, inside every fold; out-of-fold scores also fit the calibration slope.
Weights are rounded to 6 significant digits and the JSON is written with sorted keys into a gzip
stream with no time stamp or file name, so rebuilding gives the same bytes.
"""

from __future__ import annotations

import gzip
import json
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
from scipy import sparse

from analysis.paths import PROJECT_ROOT
from analysis.sentiment import (
    MODEL_NAMES,
    VADER_FEATURES,
    marked_tokens,
    scores_from_features,
    text_features,
    vader_scores,
)

CV_FOLDS = 10
CV_SEED = 20131218  # Her's US release date; any fixed number would do.
# Each fold of a distilled model fine-tunes a transformer (about 8 minutes on two cores), so
# those models are cross-validated with 5 folds: 20 % held out, a slightly pessimistic estimate.
TEACHER_FOLDS = 5
TEACHER_LABELS = PROJECT_ROOT / "scripts" / "data" / "sentence-polarity-teacher.json.gz"
FORMAT_VERSION = 1
# Tokenized into each model file; a test re-tokenizes it, so a change to the tokenizer that
# would make shipped weights miss their features fails loudly until the models are rebuilt.
TOKENIZER_PROBE = (
    "Jonze's \"Her\": writer/director O'Donnell isn't slow -- it's 10,000 times well-made, 4.5/5 (no?)"
)


class Task(NamedTuple):
    """One labelled data set and the recipe of the model trained on it."""

    name: str
    description: str
    folder: str
    positive: str  # a file of one text per line, or a folder of one text per file
    negative: str
    positive_class: str
    negative_class: str
    citation: str
    recipe: dict[str, Any]


TASKS = {
    task.name: task
    for task in (
        Task(
            name="subjectivity",
            description="evaluative (subjective) sentence vs plot-summary (objective) sentence",
            folder="subjectivity-dev",
            positive="quote.tok.gt9.5000",
            negative="plot.tok.gt9.5000",
            positive_class="evaluative",
            negative_class="summary",
            citation="Subjectivity data set v1.0; Pang & Lee (2004), ACL",
            recipe={
                "classifier": "multinomial naive bayes",
                "ngram_max": 2,
                "negation": False,
                "min_df": 1,
                "alpha": 1.0,
                "vader": False,
            },
        ),
        Task(
            name="sentence-polarity",
            description="praise (positive) vs criticism (negative) sentence",
            folder="sentence-polarity-dev",
            positive="rt-polarity.pos",
            negative="rt-polarity.neg",
            positive_class="praise",
            negative_class="criticism",
            citation="Sentence polarity data set v1.0; Pang & Lee (2005), ACL",
            recipe={
                "classifier": "nb-weighted logistic regression",
                "ngram_max": 2,
                "negation": True,
                "min_df": 1,
                "alpha": 1.0,
                "C": 1.0,
                "vader": True,
                "lexicon": "review-sentences",
                "distillation": {"transfer_weight": 0.5},
            },
        ),
        Task(
            name="review-polarity",
            description="positive vs negative whole movie review",
            folder="movie-review-polarity-dev",
            positive="pos",
            negative="neg",
            positive_class="positive",
            negative_class="negative",
            citation="Polarity data set v2.0; Pang & Lee (2004), ACL",
            recipe={
                "classifier": "nb-weighted logistic regression",
                "ngram_max": 2,
                "negation": True,
                "min_df": 2,
                "alpha": 1.0,
                "C": 1.0,
                "vader": False,
            },
        ),
    )
}
assert tuple(TASKS) == MODEL_NAMES


def _read_texts(path: Path) -> list[str]:
    if path.is_dir():
        return [file.read_text(encoding="utf-8") for file in sorted(path.glob("*.txt"))]
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_task(name: str, datasets_dir: Path) -> tuple[list[str], np.ndarray]:
    """The texts of task `name` (positives first, files in name order) and 0/1 labels."""
    if name not in TASKS:
        raise ValueError(f"name must be one of {', '.join(TASKS)}; got {name!r}")
    task = TASKS[name]
    folder = Path(datasets_dir) / task.folder
    if not folder.is_dir():
        raise FileNotFoundError(
            f"datasets_dir {datasets_dir} has no folder {task.folder!r} (see its README.md)"
        )
    positive = _read_texts(folder / task.positive)
    negative = _read_texts(folder / task.negative)
    labels = np.array([1] * len(positive) + [0] * len(negative), dtype=int)
    return positive + negative, labels


def _vader_matrix(texts: Sequence[str]) -> np.ndarray:
    return vader_scores(texts)[list(VADER_FEATURES)].to_numpy()


def _round(value: float) -> float:
    return float(f"{value:.6g}")


def _design_matrix(feature_sets: Sequence[Sequence[str]], index: dict[str, int]):
    rows, columns = [], []
    for row, features in enumerate(feature_sets):
        for feature in features:
            column = index.get(feature)
            if column is not None:
                rows.append(row)
                columns.append(column)
    data = np.ones(len(rows))
    return sparse.csr_matrix((data, (rows, columns)), shape=(len(feature_sets), len(index)))


def review_sentence_lexicon(datasets_dir: Path, recipe: dict[str, Any]) -> dict[str, float]:
    """NB log-count ratios of n-grams in the sentences of positive vs negative reviews.

    Every line of a Polarity v2.0 review is taken as a sentence labelled with its review's
    label (a weak, noisy label: a positive review has negative sentences too). The ratios use
    n-grams in at least 2 sentences, add-one smoothing, and the sentence model's own recipe;
    they give the sentence model one more input, the sum of the ratios of a sentence's n-grams
    (transfer from 1,400 reviews; Pang & Lee's data sets share their source and era).
    """
    texts, labels = load_task("review-polarity", datasets_dir)
    positive: dict[str, int] = {}
    negative: dict[str, int] = {}
    for text, label in zip(texts, labels, strict=True):
        counts = positive if label == 1 else negative
        for line in text.splitlines():
            for feature in text_features(line, recipe):
                counts[feature] = counts.get(feature, 0) + 1
    vocabulary = sorted(
        f for f in set(positive) | set(negative) if positive.get(f, 0) + negative.get(f, 0) >= 2
    )
    p = 1.0 + np.array([positive.get(f, 0) for f in vocabulary], dtype=float)
    q = 1.0 + np.array([negative.get(f, 0) for f in vocabulary], dtype=float)
    ratios = np.log(p / p.sum()) - np.log(q / q.sum())
    return dict(zip(vocabulary, ratios.tolist(), strict=True))


class Transfer(NamedTuple):
    """Unlabelled texts with a teacher's soft labels, learnt from beside the gold labels."""

    feature_sets: list[list[str]]
    vader: np.ndarray
    positive_probabilities: np.ndarray  # the teacher's probability of the positive class
    weight: float  # each text's weight; a gold text weighs 1


def teacher_probabilities(margins: Sequence[float]) -> np.ndarray:
    """A teacher's probability of the positive class from its margin (logit difference)."""
    return 1.0 / (1.0 + np.exp(-np.asarray(margins, dtype=float)))


def fit(
    feature_sets: Sequence[Sequence[str]],
    labels: np.ndarray,
    vader: np.ndarray | None,
    recipe: dict[str, Any],
    lexicon: dict[str, float] | None = None,
    transfer: Transfer | None = None,
) -> dict[str, Any]:
    """Fit one model on texts already turned into features; returns bias and weights.

    With a `lexicon` (n-gram -> score), the sum of a text's lexicon scores is one more input;
    its fitted coefficient ``lexicon_weight`` times each score is folded into the n-gram
    weights, so prediction stays one dictionary look-up per n-gram. With a `transfer` set, its
    texts join the n-gram vocabulary, and each counts in the log-count ratios and the regression
    twice: as positive with weight ``transfer.weight`` x the teacher's probability and as
    negative with ``transfer.weight`` x (1 - probability). That is training on the teacher's
    soft targets (Hinton, Vinyals & Dean 2015): the cross-entropy against the teacher's
    probability, so a line the teacher is unsure of pulls on no n-gram.

    Returns
    -------
    dict
        ``bias``, ``weights`` (n-gram -> weight, sorted, zero weights dropped),
        ``vader_weights`` (empty unless the recipe uses VADER), ``lexicon_weight`` (None
        without a lexicon).
    """
    labels = np.asarray(labels)
    sample_weights = np.ones(len(labels))
    document_frequency: dict[str, int] = {}
    for features in list(feature_sets) + ([] if transfer is None else transfer.feature_sets):
        for feature in features:
            document_frequency[feature] = document_frequency.get(feature, 0) + 1
    if transfer is not None:
        probabilities = np.asarray(transfer.positive_probabilities, dtype=float)
        feature_sets = list(feature_sets) + transfer.feature_sets * 2
        labels = np.concatenate(
            [labels, np.ones(len(probabilities), int), np.zeros(len(probabilities), int)]
        )
        sample_weights = np.concatenate(
            [sample_weights, transfer.weight * probabilities, transfer.weight * (1 - probabilities)]
        )
        if vader is not None:
            vader = np.vstack([vader, transfer.vader, transfer.vader])
    vocabulary = sorted(f for f, n in document_frequency.items() if n >= recipe["min_df"])
    index = {feature: i for i, feature in enumerate(vocabulary)}
    matrix = _design_matrix(feature_sets, index)
    alpha = recipe["alpha"]
    p = alpha + matrix.T @ (sample_weights * (labels == 1))
    q = alpha + matrix.T @ (sample_weights * (labels == 0))
    ratios = np.log(p / p.sum()) - np.log(q / q.sum())
    vader_weights: dict[str, float] = {}
    lexicon_weight = None
    if recipe["classifier"] == "multinomial naive bayes":
        weights = dict(zip(vocabulary, ratios, strict=True))
        bias = float(np.log(sample_weights[labels == 1].sum() / sample_weights[labels == 0].sum()))
    elif recipe["classifier"] == "nb-weighted logistic regression":
        from sklearn.linear_model import LogisticRegression

        blocks = [matrix @ sparse.diags(ratios)]
        if recipe["vader"]:
            blocks.append(sparse.csr_matrix(vader))
        if lexicon is not None:
            sums = [sum(lexicon.get(f, 0.0) for f in features) for features in feature_sets]
            blocks.append(sparse.csr_matrix(np.array(sums).reshape(-1, 1)))
        classifier = LogisticRegression(
            C=recipe["C"], solver="liblinear", max_iter=1000, random_state=CV_SEED
        )
        classifier.fit(
            sparse.hstack(blocks).tocsr(),
            labels,
            sample_weight=None if transfer is None else sample_weights,
        )
        coefficients = classifier.coef_.ravel()
        weights = dict(zip(vocabulary, ratios * coefficients[: len(vocabulary)], strict=True))
        bias = float(classifier.intercept_[0])
        if recipe["vader"]:
            dense = coefficients[len(vocabulary) : len(vocabulary) + len(VADER_FEATURES)]
            vader_weights = {
                name: _round(w) for name, w in zip(VADER_FEATURES, dense, strict=True)
            }
        if lexicon is not None:
            lexicon_weight = float(coefficients[-1])
            for feature, score in lexicon.items():
                weights[feature] = weights.get(feature, 0.0) + lexicon_weight * score
            lexicon_weight = _round(lexicon_weight)
    else:
        raise ValueError(f"unknown classifier in recipe: {recipe['classifier']!r}")
    rounded = {feature: _round(weights[feature]) for feature in sorted(weights)}
    return {
        "bias": _round(bias),
        "weights": {feature: w for feature, w in rounded.items() if w != 0.0},
        "vader_weights": vader_weights,
        "lexicon_weight": lexicon_weight,
    }


def sign_accuracy(scores: Sequence[float], labels: np.ndarray) -> float:
    """Share of texts whose score's sign (>= 0 -> positive class) matches its 0/1 label."""
    return float(((np.asarray(scores) >= 0).astype(int) == np.asarray(labels)).mean())


def _splits(labels: np.ndarray, folds: int, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    from sklearn.model_selection import StratifiedKFold

    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return list(splitter.split(np.zeros(len(labels)), labels))


def cross_validate(
    feature_sets: Sequence[Sequence[str]],
    labels: np.ndarray,
    vader: np.ndarray | None,
    recipe: dict[str, Any],
    lexicon: dict[str, float] | None = None,
    *,
    folds: int = CV_FOLDS,
    seed: int = CV_SEED,
    transfers: Sequence[Transfer] | None = None,
) -> tuple[list[float], np.ndarray]:
    """Stratified k-fold accuracies and out-of-fold decision scores, refitting per fold.

    `transfers`, one per fold, are transfer sets labelled by a teacher trained without that
    fold's test texts.
    """
    labels = np.asarray(labels)
    scores = np.zeros(len(labels))
    accuracies = []
    for k, (train, test) in enumerate(_splits(labels, folds, seed)):
        model = fit(
            [feature_sets[i] for i in train],
            labels[train],
            None if vader is None else vader[train],
            recipe,
            lexicon,
            None if transfers is None else transfers[k],
        )
        fold_scores = scores_from_features(
            model, [feature_sets[i] for i in test], None if vader is None else vader[test]
        )
        scores[test] = fold_scores
        accuracies.append(sign_accuracy(fold_scores, labels[test]))
    return accuracies, scores


def _pool_fingerprint(pool: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(pool).encode("utf-8")).hexdigest()


def teacher_labels(datasets_dir: Path, progress=print) -> dict[str, Any]:
    """Fine-tune the praise teacher in each cross-validation fold and on all data (slow).

    Returns the content of :data:`TEACHER_LABELS`: for each of the :data:`TEACHER_FOLDS` folds,
    the test indices, the teacher's margins on them (its own accuracy) and on the transfer
    pool; and the margins on the pool of a teacher trained on every labelled sentence.
    Needs the ``teacher`` extra (see :mod:`analysis.distillation`).
    """
    from analysis.distillation import TEACHER, teacher_margins, transfer_pool

    texts, labels = load_task("sentence-polarity", datasets_dir)
    pool = transfer_pool(datasets_dir)

    def rounded(margins: np.ndarray) -> list[float]:
        return [round(float(m), 4) for m in margins]

    folds = []
    for k, (train, test) in enumerate(_splits(labels, TEACHER_FOLDS, CV_SEED)):
        progress(f"fold {k + 1}/{TEACHER_FOLDS}: fine-tuning on {len(train)} sentences")
        test_margins, pool_margins = teacher_margins(
            texts, labels, train, [[texts[i] for i in test], pool], progress
        )
        accuracy = sign_accuracy(test_margins, labels[test])
        progress(f"fold {k + 1}/{TEACHER_FOLDS}: teacher accuracy {accuracy:.4f}")
        folds.append(
            {
                "test": test.tolist(),
                "test_margins": rounded(test_margins),
                "pool_margins": rounded(pool_margins),
            }
        )
    progress(f"all {len(labels)} sentences: fine-tuning")
    (pool_margins,) = teacher_margins(texts, labels, np.arange(len(labels)), [pool], progress)
    return {
        "format": FORMAT_VERSION,
        "teacher": TEACHER,
        "gold": {"folder": TASKS["sentence-polarity"].folder, "n_texts": len(labels)},
        "transfer_pool": {
            "definition": "every line of >= 4 words of movie-review-polarity-dev "
            "pos then neg, files in name order (analysis.distillation.transfer_pool)",
            "n_texts": len(pool),
            "sha256": _pool_fingerprint(pool),
        },
        "cross_validation": {"folds": TEACHER_FOLDS, "seed": CV_SEED},
        "folds": folds,
        "all": {"pool_margins": rounded(pool_margins)},
    }


def load_teacher_labels(
    datasets_dir: Path, labels: np.ndarray, path: Path = TEACHER_LABELS
) -> dict[str, Any]:
    """The stored teacher margins, checked against today's pool and folds (else ValueError)."""
    from analysis.distillation import transfer_pool

    content = json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))
    pool = transfer_pool(datasets_dir)
    if content["transfer_pool"]["sha256"] != _pool_fingerprint(pool):
        raise ValueError(f"{path}: the transfer pool has changed; rerun scripts/train_teachers.py")
    splits = _splits(labels, TEACHER_FOLDS, CV_SEED)
    if [fold["test"] for fold in content["folds"]] != [test.tolist() for _, test in splits]:
        raise ValueError(f"{path}: its folds differ from today's; rerun scripts/train_teachers.py")
    content["pool"] = pool
    return content


def calibration_slope(scores: np.ndarray, labels: np.ndarray) -> float:
    """Temperature of the decision scores: a logistic regression on them with no intercept."""
    from sklearn.linear_model import LogisticRegression

    regression = LogisticRegression(C=1e6, fit_intercept=False, solver="lbfgs", max_iter=1000)
    regression.fit(np.asarray(scores).reshape(-1, 1), labels)
    return _round(float(regression.coef_[0, 0]))


def vader_baseline(vader: np.ndarray, labels: np.ndarray) -> float:
    """Accuracy of the lexicon-only rule: VADER compound >= 0 -> positive class."""
    return sign_accuracy(vader[:, 0], labels)


def evaluate_task(name: str, datasets_dir: Path, *, teacher: bool = True) -> dict[str, Any]:
    """Cross-validate task `name`'s whole pipeline; returns the figures and the inputs to build.

    A task whose recipe has a ``distillation`` entry is cross-validated with the
    :data:`TEACHER_FOLDS` folds of its stored teacher labels; ``teacher=False`` leaves the
    transfer set out on the same folds, to measure what it adds.
    """
    task = TASKS[name]
    texts, labels = load_task(name, datasets_dir)
    feature_sets = [text_features(text, task.recipe) for text in texts]
    vader = _vader_matrix(texts)
    lexicon = (
        review_sentence_lexicon(datasets_dir, task.recipe) if task.recipe.get("lexicon") else None
    )
    distillation = task.recipe.get("distillation")
    folds = TEACHER_FOLDS if distillation else CV_FOLDS
    teacher_content, fold_transfers, transfer = None, None, None
    if distillation and teacher:
        teacher_content = load_teacher_labels(datasets_dir, labels)
        pool = teacher_content["pool"]
        pool_features = [text_features(text, task.recipe) for text in pool]
        pool_vader = _vader_matrix(pool)

        def labelled_pool(margins: list[float]) -> Transfer:
            return Transfer(
                pool_features,
                pool_vader,
                teacher_probabilities(margins),
                distillation["transfer_weight"],
            )

        fold_transfers = [labelled_pool(fold["pool_margins"]) for fold in teacher_content["folds"]]
        transfer = labelled_pool(teacher_content["all"]["pool_margins"])
    accuracies, scores = cross_validate(
        feature_sets,
        labels,
        vader if task.recipe["vader"] else None,
        task.recipe,
        lexicon,
        folds=folds,
        transfers=fold_transfers,
    )
    teacher_accuracies = None
    if teacher_content is not None:
        teacher_accuracies = [
            sign_accuracy(fold["test_margins"], labels[fold["test"]])
            for fold in teacher_content["folds"]
        ]
    return {
        "task": task,
        "texts": texts,
        "labels": labels,
        "feature_sets": feature_sets,
        "vader": vader,
        "lexicon": lexicon,
        "transfer": transfer,
        "fold_transfers": fold_transfers,
        "folds": folds,
        "fold_accuracies": accuracies,
        "teacher_fold_accuracies": teacher_accuracies,
        "out_of_fold_scores": scores,
        "vader_baseline_accuracy": vader_baseline(vader, labels),
    }


def nested_transfer_weight(
    evaluation: dict[str, Any], weights: Sequence[float], *, inner_folds: int = 4
) -> list[dict[str, Any]]:
    """Choose the transfer set's weight inside each outer fold, then score that fold (nested CV).

    For each outer fold of `evaluation` (:func:`evaluate_task` with a teacher), every weight is
    scored by an `inner_folds` cross-validation of the outer training part, the best (ties to
    the smaller weight) is refit on the whole training part and scored on the outer test part,
    which neither the teacher nor the choice has seen. The inner folds reuse the outer fold's
    teacher labels, so inside the choice the teacher has seen the inner test sentences.

    Returns
    -------
    list of dict
        One per outer fold: ``fold``, ``inner_accuracy`` (weight -> mean inner accuracy),
        ``chosen_weight``, ``outer_accuracy``.
    """
    if evaluation["fold_transfers"] is None:
        raise ValueError("nested_transfer_weight needs an evaluation with a teacher's labels")
    labels = evaluation["labels"]
    feature_sets = evaluation["feature_sets"]
    recipe = evaluation["task"].recipe
    vader = evaluation["vader"] if recipe["vader"] else None
    rows = []
    splits = _splits(labels, evaluation["folds"], CV_SEED)
    for k, ((train, test), transfer) in enumerate(zip(splits, evaluation["fold_transfers"])):
        train_features = [feature_sets[i] for i in train]
        train_vader = None if vader is None else vader[train]
        inner_accuracy = {}
        for weight in weights:
            weighted = transfer._replace(weight=weight)
            accuracies, _ = cross_validate(
                train_features, labels[train], train_vader, recipe, evaluation["lexicon"],
                folds=inner_folds, transfers=[weighted] * inner_folds,
            )
            inner_accuracy[weight] = float(np.mean(accuracies))
        chosen = max(weights, key=lambda weight: (inner_accuracy[weight], -weight))
        model = fit(
            train_features, labels[train], train_vader, recipe, evaluation["lexicon"],
            transfer._replace(weight=chosen),
        )
        scores = scores_from_features(
            model, [feature_sets[i] for i in test], None if vader is None else vader[test]
        )
        rows.append(
            {
                "fold": k + 1,
                "inner_accuracy": inner_accuracy,
                "chosen_weight": chosen,
                "outer_accuracy": sign_accuracy(scores, labels[test]),
            }
        )
    return rows


def build_model(name: str, datasets_dir: Path) -> dict[str, Any]:
    """Cross-validate, calibrate and fit the shipped model for task `name` on all its data."""
    evaluation = evaluate_task(name, datasets_dir)
    task: Task = evaluation["task"]
    labels = evaluation["labels"]
    use_vader = task.recipe["vader"]
    fitted = fit(
        evaluation["feature_sets"],
        labels,
        evaluation["vader"] if use_vader else None,
        task.recipe,
        evaluation["lexicon"],
        evaluation["transfer"],
    )
    accuracies = evaluation["fold_accuracies"]
    return {
        "format": FORMAT_VERSION,
        "name": name,
        "description": task.description,
        "classes": {"positive": task.positive_class, "negative": task.negative_class},
        "recipe": {
            **task.recipe,
            "tokens": "analysis.tokenization.word_tokens, lower-cased",
            "tokenizer_probe": {
                "text": TOKENIZER_PROBE,
                "tokens": marked_tokens(TOKENIZER_PROBE, negation=task.recipe["negation"]),
            },
            "features": "binary word n-grams 1..ngram_max"
            + (", negation scopes marked _NEG" if task.recipe["negation"] else "")
            + (", plus VADER compound, pos, neg" if use_vader else "")
            + (
                "; lexicon_weight x review-sentence NB log-count ratios folded into weights"
                if task.recipe.get("lexicon")
                else ""
            )
            + (
                "; trained also on a transfer set with the soft labels of a fine-tuned transformer teacher"
                if evaluation["transfer"] is not None
                else ""
            ),
        },
        "training_data": {
            "folder": task.folder,
            "positive": task.positive,
            "negative": task.negative,
            "n_texts": len(labels),
            "n_positive": int(labels.sum()),
            "n_negative": int((labels == 0).sum()),
            "citation": task.citation,
            "note": "development half only; the other half is held out for acceptance",
            **(
                {
                    "auxiliary_data": "lexicon from the lines of movie-review-polarity-dev "
                    "pos/neg (review label as each line's label); "
                    "Polarity data set v2.0, Pang & Lee (2004), ACL"
                }
                if task.recipe.get("lexicon")
                else {}
            ),
            **(
                {
                    "transfer_data": f"{len(evaluation['transfer'].feature_sets)} lines of "
                    "movie-review-polarity-dev with the soft labels of the teacher in "
                    "scripts/data/sentence-polarity-teacher.json.gz (analysis.distillation), "
                    f"each weighing {evaluation['transfer'].weight} of a gold sentence"
                }
                if evaluation["transfer"] is not None
                else {}
            ),
        },
        "cross_validation": {
            "folds": evaluation["folds"],
            "seed": CV_SEED,
            "scheme": "stratified k-fold, shuffled; vocabulary and weights refit in each fold"
            + ("; the teacher too" if evaluation["transfer"] is not None else ""),
            "fold_accuracies": [_round(a) for a in accuracies],
            "accuracy_mean": _round(float(np.mean(accuracies))),
            "accuracy_sd": _round(float(np.std(accuracies, ddof=1))),
            "vader_baseline_accuracy": _round(evaluation["vader_baseline_accuracy"]),
            **(
                {
                    "teacher_fold_accuracies": [
                        _round(a) for a in evaluation["teacher_fold_accuracies"]
                    ]
                }
                if evaluation["teacher_fold_accuracies"] is not None
                else {}
            ),
        },
        "calibration": {
            "slope": calibration_slope(evaluation["out_of_fold_scores"], labels),
            "method": "probability = sigmoid(slope * score); slope fitted on out-of-fold scores",
        },
        **fitted,
    }


def model_bytes(model: dict[str, Any]) -> bytes:
    """The model as gzipped JSON, identical bytes for identical models (no time stamp)."""
    text = json.dumps(model, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
