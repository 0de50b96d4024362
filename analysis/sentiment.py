"""Trained text classifiers: evaluative vs summary sentences, praise vs criticism, review polarity.

Each judgement stacks two models trained on the same labelled data: a small transformer and a
linear n-gram model. The transformer is all-MiniLM-L6-v2 fine-tuned on praise vs criticism,
shipped as an int8 ONNX graph and run with onnxruntime (:mod:`analysis.encoder`); one pass per
sentence gives its praise margin and its 384-d embedding, which small heads read
(:mod:`analysis.encoder_heads`). The three n-gram models ship as package data
(``analysis/data/models/<name>.json.gz``) and are applied with plain dictionaries and numpy.
Prediction needs neither PyTorch nor scikit-learn nor the training data, and downloads nothing.
``scripts/train_encoder.py`` rebuilds the encoder, ``scripts/train_models.py`` the n-gram models
(byte for byte) and the heads; ``scripts/evaluate_models.py`` measures all three judgements by
5-fold stratified cross-validation beside the n-gram models alone. The training code and
recipes live in ``training/`` (``recipes.yaml``), not installed with this package.

Models
------
``subjectivity``
    Evaluative (a critic's judgement) vs plot summary, trained on the Subjectivity data set v1.0
    (Pang & Lee 2004: Rotten Tomatoes snippets vs IMDb plot sentences). Stacked with a logistic
    regression on the standardised sentence embedding.
``sentence-polarity``
    Praise vs criticism of one sentence, trained on Sentence polarity v1.0 (Pang & Lee 2005).
    Stacked with the fine-tuned encoder's margin.
``review-polarity``
    Positive vs negative whole review, trained on Polarity data set v2.0 (Pang & Lee 2004).
    Stacked with statistics of the margins of the review's sentences
    (:mod:`analysis.review_polarity`).

Features
--------
Every n-gram model reads the same kind of features, built by
:func:`analysis.features.text_features` from :func:`analysis.tokenization.word_tokens`,
lower-cased (the training data are lower-case, our reviews are not): the *set* of word n-grams
(presence, not counts), after negation marking (Das & Chen 2001; Pang, Lee & Vaithyanathan 2002):
tokens after a cue in ``data/negation-cues.txt`` up to the next ``. , : ; ! ?`` get the suffix
``_NEG``. Some models add VADER's compound, positive and negative scores (Hutto & Gilbert 2014)
as three more inputs, from the lexicon that ships inside the ``vaderSentiment`` package. Each
model file records its recipe, so training and use cannot drift apart.

An n-gram model's decision score is ``bias + sum(weight[f] for f in features) + sum(vader
weights x VADER scores)``, the log-odds of the positive class; alone, a probability is
``sigmoid(slope * score)`` with the slope fitted on out-of-fold scores (temperature scaling,
Guo et al. 2017). The classifiers are multinomial Naive Bayes on binary features (Wang &
Manning 2012's MNB) or NB-weighted logistic regression (their NBSVM with the logistic loss);
the sentence-polarity model also reads a lexicon of n-gram log-count ratios learnt from the
sentences of the 1,400 labelled reviews, folded into its n-gram weights (see
``training/data.py``). In a judgement the stack, a logistic regression on the encoder head's
score and the n-gram score fitted on out-of-fold scores, gives the log-odds, and its sigmoid the
probability. Each model file says what it is.

Sentence labels
---------------
:func:`label_sentences` combines two models and one rule. A sentence is ``summary`` when its
evaluative probability is below 0.5. Contrast: when a sentence contains a cue from
``data/contrast-cues.txt`` ("but", "however", "yet", ...) with a word on both sides of the last
cue, the praise n-gram score is ``0.25 x before + 0.75 x after`` (each clause scored on its
own), following VADER's 0.5/1.5 weighting around "but", while the encoder reads the whole
sentence; so "great cast, but a dull script" is criticism. The label is ``neutral`` for summary sentences and for praise probabilities within
:data:`NEUTRAL_BAND` of 0.5.

Cautions: these models were trained on film-review snippets of 2002-2005; irony, long-range
context and unusual vocabulary can defeat them, and a probability is a model's confidence, not a
fact about the critic. Int8 arithmetic scales each batch's activations together, so a sentence's
probabilities can differ in the last digits with the sentences it is judged beside and between
CPUs; the judgement cache keeps the first. A negation scope runs to the next punctuation mark, so
in "this doesn't seem to have altered the fact that they have an outstanding connection" the
praise word is read as negated; a sentence-initial "However" (nothing before it) leaves the
contrast rule aside. Read the sentences behind any aggregate. Cross-validated accuracies are in
each model file and in ``analysis/data/SOURCES.md``.

References
----------
- Das, S. & Chen, M. (2001). Yahoo! for Amazon: extracting market sentiment from stock message
  boards. APFA.
- Guo, C., Pleiss, G., Sun, Y. & Weinberger, K. Q. (2017). On calibration of modern neural
  networks. ICML.
- Hutto, C. J. & Gilbert, E. (2014). VADER: a parsimonious rule-based model for sentiment
  analysis of social media text. ICWSM.
- Pang, B., Lee, L. & Vaithyanathan, S. (2002). Thumbs up? Sentiment classification using
  machine learning techniques. EMNLP.
- Pang, B. & Lee, L. (2004). A sentimental education. ACL.
- Pang, B. & Lee, L. (2005). Seeing stars. ACL.
- Platt, J. (1999). Probabilistic outputs for support vector machines.
- Wang, S. & Manning, C. D. (2012). Baselines and bigrams: simple, good sentiment and topic
  classification. ACL.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache
from itertools import repeat
from typing import Any

import numpy as np
import pandas as pd

from analysis.encoder import encode
from analysis.encoder_heads import evaluative_log_odds, praise_log_odds
from analysis.features import contrast_cues, ngram_counts
from analysis.portable_math import logistic, row_dot
from analysis.resources import read_model
from analysis.tables import check_texts, checks
from analysis.tokenization import is_word, word_tokens

MODEL_NAMES = ("subjectivity", "sentence-polarity", "review-polarity")
VADER_FEATURES = ("compound", "pos", "neg")
# Praise probabilities in [0.5 - band, 0.5 + band) count as neither praise nor criticism.
NEUTRAL_BAND = 0.1
# VADER weighs words before "but" by 0.5 and after it by 1.5: normalised, 0.25 and 0.75.
CONTRAST_AFTER_WEIGHT = 0.75
# VADER's time grows with the square of a text's length (each sentiment word lower-cases the whole
# text again): a page pasted as one line without a sentence end, thousands of words in one
# "sentence", took minutes. It reads a text's first this many words, as the encoder reads its
# first 64 word pieces; the longest sentence of the 1,400 polarity reviews has 151.
VADER_MAX_WORDS = 300
_FIRST_WORDS = re.compile(rf"\s*(?:\S+\s+){{{VADER_MAX_WORDS - 1}}}\S+")


@cache
def _vader_analyzer():
    # Imported here: vaderSentiment reads its lexicon file when the analyser is built.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_scores(texts: Sequence[str]) -> pd.DataFrame:
    """VADER's scores (Hutto & Gilbert 2014) from the lexicon shipped inside ``vaderSentiment``.

    Parameters
    ----------
    texts : sequence of str
        Any texts; VADER reads case, punctuation and emoticons, so pass them unaltered. Of a
        text longer than :data:`VADER_MAX_WORDS` words it reads only that many, the first.

    Returns
    -------
    pandas.DataFrame
        One row per text, in order: ``text``, ``compound`` (-1..1), ``pos``, ``neu``, ``neg``
        (proportions summing to about 1).
    """
    texts = check_texts(texts, function="vader_scores")
    analyzer = _vader_analyzer()
    rows = []
    for text in texts:
        first_words = _FIRST_WORDS.match(text)
        scores = analyzer.polarity_scores(text if first_words is None else first_words.group(0))
        rows.append(
            {
                "text": text,
                "compound": float(scores["compound"]),
                "pos": float(scores["pos"]),
                "neu": float(scores["neu"]),
                "neg": float(scores["neg"]),
            }
        )
    return pd.DataFrame(rows, columns=["text", "compound", "pos", "neu", "neg"])


def load_model(name: str) -> dict[str, Any]:
    """The parameters of the shipped model `name`, read once from package data.

    Parameters
    ----------
    name : {"subjectivity", "sentence-polarity", "review-polarity"}

    Returns
    -------
    dict
        The model file's content: ``recipe``, ``bias``, ``weights`` (n-gram -> weight),
        ``vader_weights``, ``calibration``, ``classes``, ``training_data``,
        ``cross_validation``.
    """
    if name not in MODEL_NAMES:
        raise ValueError(f"name must be one of {', '.join(MODEL_NAMES)}; got {name!r}")
    return read_model(name)


def decision_scores(
    model: Mapping[str, Any],
    texts: Sequence[str],
    vader: np.ndarray | None = None,
    *,
    ngrams: Sequence[Mapping[str, int]] | None = None,
) -> np.ndarray:
    """Uncalibrated log-odds of `model`'s positive class for each text.

    `vader` may pass precomputed VADER ``compound, pos, neg`` rows, one per text, and `ngrams`
    each text's :func:`ngram_counts` under the model's recipe; otherwise they are computed.
    """
    texts = check_texts(texts, function="decision_scores")
    if model["vader_weights"] and vader is None and texts:
        vader = vader_scores(texts)[list(VADER_FEATURES)].to_numpy()
    if ngrams is None:
        ngrams = [ngram_counts(text, model["recipe"]) for text in texts]
    return scores_from_features(model, [sorted(counts) for counts in ngrams], vader)


def scores_from_features(
    model: Mapping[str, Any], feature_sets: Sequence[Sequence[str]], vader: np.ndarray | None
) -> np.ndarray:
    """:func:`decision_scores` for texts already turned into features (training reuses them)."""
    weights = model["weights"]
    # The weights are looked up and added in C, in the features' order, as a loop would add them.
    scores = np.array(
        [model["bias"] + sum(map(weights.get, features, repeat(0.0))) for features in feature_sets], dtype=float
    )
    vader_weights = model["vader_weights"]
    if vader_weights and len(scores):
        scores += row_dot(vader, [vader_weights[name] for name in VADER_FEATURES])
    return scores


def _calibrated_log_odds(model: Mapping[str, Any], scores: np.ndarray) -> np.ndarray:
    return model["calibration"]["slope"] * scores


def positive_probabilities(
    model: Mapping[str, Any], texts: Sequence[str], *, ngrams: Sequence[Mapping[str, int]] | None = None
) -> np.ndarray:
    """Calibrated probability of `model`'s positive class for each text (`ngrams` as in :func:`decision_scores`)."""
    texts = check_texts(texts, function="positive_probabilities")
    return logistic(_calibrated_log_odds(model, decision_scores(model, texts, ngrams=ngrams)))


def _contrast_split(text: str) -> tuple[str, str] | None:
    """``(before, after)`` around the last contrast cue, if both sides contain a word."""
    tokens = word_tokens(text)
    cues = contrast_cues()
    positions = [i for i, token in enumerate(tokens) if token.lower() in cues]
    if not positions:
        return None
    last = positions[-1]
    before, after = tokens[:last], tokens[last + 1 :]
    if not any(is_word(t) for t in before) or not any(is_word(t) for t in after):
        return None
    return " ".join(before), " ".join(after)


def ngram_praise_scores(
    model: Mapping[str, Any], texts: Sequence[str], vader: np.ndarray | None = None
) -> np.ndarray:
    """The praise n-gram model's decision scores with the contrast rule (module docstring).

    A sentence with a contrast cue between two clauses scores ``0.25 x before + 0.75 x after``,
    each clause scored on its own; training scores its out-of-fold sentences the same way.
    """
    texts = check_texts(texts, function="ngram_praise_scores")
    scores = decision_scores(model, texts, vader)
    splits = [(i, _contrast_split(text)) for i, text in enumerate(texts)]
    splits = [(i, split) for i, split in splits if split is not None]
    if splits:
        clauses = [clause for _, split in splits for clause in split]
        clause_scores = decision_scores(model, clauses)
        for k, (i, _) in enumerate(splits):
            before, after = clause_scores[2 * k], clause_scores[2 * k + 1]
            scores[i] = (1 - CONTRAST_AFTER_WEIGHT) * before + CONTRAST_AFTER_WEIGHT * after
    return scores


def label_sentences(texts: Sequence[str]) -> pd.DataFrame:
    """Label each sentence as evaluative or summary, and as praise, criticism or neutral.

    Parameters
    ----------
    texts : sequence of str
        Sentences in any case, tokenized or not. A text without a word (empty, blank, only
        punctuation) still gets a row, with NaN probabilities, kind "summary" and label
        "neutral"; the command line skips blank lines before calling this.

    Returns
    -------
    pandas.DataFrame
        One row per text, in input order, with columns ``text``, ``evaluative_probability``
        (0-1, subjectivity model), ``kind`` ("evaluative" when that probability is >= 0.5,
        else "summary"), ``praise_probability`` (0-1, sentence-polarity model with the
        contrast rule of the module docstring), ``vader_compound`` (-1..1),
        ``polarity_score`` (``2 * praise_probability - 1``), and ``label``: "neutral" for
        summaries and for praise probabilities within :data:`NEUTRAL_BAND` of 0.5, otherwise
        "praise" or "criticism".

    Examples
    --------
    >>> label_sentences(["a stunning, brilliant performance"]).loc[0, "label"]
    'praise'
    """
    texts = check_texts(texts, function="label_sentences")
    return labels_from_probabilities(texts, sentence_probabilities(texts))


PROBABILITY_COLUMNS = ["evaluative_probability", "praise_probability", "vader_compound"]
LABEL_COLUMNS = [
    "text", "evaluative_probability", "kind", "praise_probability", "vader_compound", "polarity_score", "label",
]


def sentence_probabilities(texts: Sequence[str]) -> pd.DataFrame:
    """What the models say of each sentence, before any threshold: the costly half of labelling.

    Returns
    -------
    pandas.DataFrame
        One row per text, in order: ``evaluative_probability``, ``praise_probability`` (with
        the contrast rule) and ``vader_compound``; NaN probabilities for a text without a word.
    """
    texts = check_texts(texts, function="sentence_probabilities")
    return sentence_readings(texts)[0]


def sentence_readings(texts: Sequence[str]) -> tuple[pd.DataFrame, np.ndarray]:
    """:func:`sentence_probabilities` and the encoder's praise margin of each text (float32), from
    the same encoder run: review polarity reads the margins of the very sentences judged here."""
    texts = check_texts(texts, function="sentence_readings")
    if not texts:
        empty = pd.DataFrame({column: pd.Series(dtype=float) for column in PROBABILITY_COLUMNS})
        return empty, np.zeros(0, dtype=np.float32)
    vader = vader_scores(texts)
    margins, embeddings = encode(texts)
    evaluative = logistic(
        evaluative_log_odds(embeddings, decision_scores(load_model("subjectivity"), texts))
    )
    praise_ngrams = ngram_praise_scores(
        load_model("sentence-polarity"), texts, vader[list(VADER_FEATURES)].to_numpy()
    )
    praise = logistic(praise_log_odds(margins, praise_ngrams))
    # A text without a word gives a model nothing to read: no probabilities, no verdict.
    wordless = np.array([not any(is_word(token) for token in word_tokens(t)) for t in texts])
    evaluative[wordless] = np.nan
    praise[wordless] = np.nan
    probabilities = pd.DataFrame(
        {
            "evaluative_probability": evaluative,
            "praise_probability": praise,
            "vader_compound": vader["compound"].to_numpy(),
        },
        columns=PROBABILITY_COLUMNS,
    )
    return probabilities, margins


@checks(probabilities=["evaluative_probability", "praise_probability", "vader_compound"])
def labels_from_probabilities(texts: Sequence[str], probabilities: pd.DataFrame) -> pd.DataFrame:
    """:func:`label_sentences`'s table from :func:`sentence_probabilities` (kind, label, polarity)."""
    texts = check_texts(texts, function="labels_from_probabilities")
    if not len(texts):
        return pd.DataFrame({column: pd.Series(dtype=float) for column in LABEL_COLUMNS}).astype(
            {"text": object, "kind": object, "label": object}
        )
    evaluative = probabilities["evaluative_probability"].to_numpy(dtype=float)
    praise = probabilities["praise_probability"].to_numpy(dtype=float)
    kind = np.where(evaluative >= 0.5, "evaluative", "summary")
    label = np.where(
        kind == "summary",
        "neutral",
        np.where(
            praise >= 0.5 + NEUTRAL_BAND,
            "praise",
            np.where(praise < 0.5 - NEUTRAL_BAND, "criticism", "neutral"),
        ),
    )
    return pd.DataFrame(
        {
            "text": list(texts),
            "evaluative_probability": evaluative,
            "kind": kind.astype(object),
            "praise_probability": praise,
            "vader_compound": probabilities["vader_compound"].to_numpy(dtype=float),
            "polarity_score": 2 * praise - 1,
            "label": label.astype(object),
        },
        columns=LABEL_COLUMNS,
    )


def model_summary() -> pd.DataFrame:
    """One row per shipped model: what it predicts, its data and its cross-validated accuracy.

    Returns
    -------
    pandas.DataFrame
        Columns ``model``, ``positive_class``, ``negative_class``, ``classifier``,
        ``training_texts``, ``n_features``, ``cv_accuracy_mean``, ``cv_accuracy_sd``.
    """
    rows = []
    for name in MODEL_NAMES:
        model = load_model(name)
        rows.append(
            {
                "model": name,
                "positive_class": model["classes"]["positive"],
                "negative_class": model["classes"]["negative"],
                "classifier": model["recipe"]["classifier"],
                "training_texts": int(model["training_data"]["n_texts"]),
                "n_features": len(model["weights"]),
                "cv_accuracy_mean": float(model["cross_validation"]["accuracy_mean"]),
                "cv_accuracy_sd": float(model["cross_validation"]["accuracy_sd"]),
            }
        )
    return pd.DataFrame(rows)
