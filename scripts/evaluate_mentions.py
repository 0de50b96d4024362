"""How often is the verdict on a mention what a reader would say?

Usage: python scripts/evaluate_mentions.py [--datasets DIR] [--only-her] [--errors] [--batch NAME]

Reads the labelled mention judgements in ``tests/data/mention-judgements/`` (``labels.csv``: one
(review, sentence, target) pair a line, labelled praise, criticism or neutral by the guideline
``GUIDELINE.md`` beside it; ``reviews.csv``: the film of each review; ``films/``: each film's
credits). The sentences come from the *Her* corpus (``corpus/``) and from the development half
of the polarity data set v2.0 (``DIR/movie-review-polarity-dev``), split by the project's own
sentence splitter; a label names its sentence by character offsets into the raw file, so no
review text is copied into the set.

Each review's sentences go through :func:`analysis.targets.find_mentions` and
:func:`analysis.praise.judge_mentions`, exactly as in the ``aspects`` command; the label of each
labelled pair is compared with the set's. A labelled pair the mention rules no longer find counts
as neutral (no verdict) and is counted apart. Accuracy and macro-F1 over the three labels,
overall and per source, with a confusion table; ``--errors`` lists every disagreement.

The pairs come in batches (``labels.csv``'s ``batch`` column): ``development``, the pairs the
mention rules were written from, and later check batches labelled before a round of rules and
never read for one (``check-1``). Everything above is for one batch, ``--batch`` (development by
default); a last table gives each batch's figure at the shipped margin.

A second labeller labelled a sample of the pairs again from the guideline alone (``second-labels.csv``:
every pair of the first three check batches, 120 development pairs and 150 of ``check-4`` drawn
at random), without the first labels or any
output of the system; ``--agreement`` prints how often the two agree and Cohen's kappa, per part,
and the rules' accuracy against each labeller and on the pairs both labelled alike.

One number of the rules is fitted on this set: how sure the sentence model must be for a mention
without any judgement cue to count (``analysis.mention_verdicts.UNCUED_MARGIN``). ``--cross-validate``
re-chooses it among ``MARGINS`` inside each of 5 folds of reviews (seeded) and reports the
accuracy of the held-out folds, which is the figure to quote. ``--baseline`` scores the sentence
model's own label of each scope, without the mention rules.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from analysis.corpus import load_corpus
from analysis.film import Film, film_from_manifest
from analysis.paths import PROJECT_ROOT
from analysis.judgements import judge_sentences
from analysis.praise import judge_mentions
from analysis.mention_verdicts import UNCUED_MARGIN
from analysis.targets import find_mentions
from analysis.tokenization import split_sentences

SET_FOLDER = PROJECT_ROOT / "tests" / "data" / "mention-judgements"
DEFAULT_DATASETS = PROJECT_ROOT.parent / "shared" / "datasets"
LABELS = ("praise", "criticism", "neutral")
LABEL_COLUMNS = ["review", "start", "end", "target", "label"]
PAIR_KEY = LABEL_COLUMNS[:4]
SECOND_LABELS = "second-labels.csv"
DEVELOPMENT = "development"
MARGINS = (0.1, 0.2, 0.3, 0.4, 0.5)
FOLDS = 5
SEED = 20131218


def read_set(folder: Path = SET_FOLDER) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The labels and the review -> film table of the set in `folder`.

    Raises
    ------
    ValueError
        A label outside praise/criticism/neutral, a review without a film, or a pair given twice.
    """
    labels = pd.read_csv(folder / "labels.csv", comment="#", dtype={"review": str, "target": str, "label": str, "batch": str})
    reviews = pd.read_csv(folder / "reviews.csv", comment="#", dtype=str)
    if list(labels.columns[: len(LABEL_COLUMNS)]) != LABEL_COLUMNS:
        raise ValueError(f"{folder / 'labels.csv'}: columns must start with {LABEL_COLUMNS}, got {list(labels.columns)}")
    bad = sorted(set(labels["label"]) - set(LABELS))
    if bad:
        raise ValueError(f"{folder / 'labels.csv'}: labels must be {LABELS}, got {bad}")
    unknown = sorted(set(labels["review"]) - set(reviews["review"]))
    if unknown:
        raise ValueError(f"{folder / 'labels.csv'}: reviews without a film in reviews.csv: {unknown}")
    twice = labels[labels.duplicated(["review", "start", "target"])]
    if not twice.empty:
        raise ValueError(f"{folder / 'labels.csv'}: pairs labelled twice: {twice.values.tolist()}")
    if "batch" not in labels.columns:
        labels["batch"] = DEVELOPMENT
    return labels, reviews


def read_second_labels(labels: pd.DataFrame, folder: Path = SET_FOLDER) -> pd.DataFrame:
    """The second labeller's pairs: `labels` (of :func:`read_set`) of the pairs labelled twice, with
    ``second_label``.

    Raises
    ------
    ValueError
        A label outside praise/criticism/neutral, a pair not in `labels`, or a pair given twice.
    """
    path = folder / SECOND_LABELS
    second = pd.read_csv(path, comment="#", dtype={"review": str, "target": str, "label": str})
    bad = sorted(set(second["label"]) - set(LABELS))
    if bad:
        raise ValueError(f"{path}: labels must be {LABELS}, got {bad}")
    twice = second[second.duplicated(PAIR_KEY)]
    if not twice.empty:
        raise ValueError(f"{path}: pairs labelled twice: {twice.values.tolist()}")
    both = labels.merge(second.rename(columns={"label": "second_label"}), on=PAIR_KEY, how="right", indicator=True)
    unknown = both[both["_merge"] != "both"]
    if not unknown.empty:
        raise ValueError(f"{path}: pairs not in labels.csv: {unknown[PAIR_KEY].values.tolist()}")
    return both.drop(columns="_merge")


def agreement(first: pd.Series, second: pd.Series) -> dict[str, float]:
    """How often two labellers agree, and Cohen's kappa (agreement beyond what their label rates
    give by chance).

    >>> agreement(pd.Series(["praise", "neutral", "criticism", "neutral"]), pd.Series(["praise", "neutral", "neutral", "neutral"]))
    {'pairs': 4, 'agreement': 0.75, 'kappa': 0.555556}
    """
    from sklearn.metrics import cohen_kappa_score

    return {
        "pairs": len(first),
        "agreement": round(float((first.to_numpy() == second.to_numpy()).mean()), 6),
        "kappa": round(float(cohen_kappa_score(first, second, labels=list(LABELS))), 6),
    }


def film_of(name: str, folder: Path = SET_FOLDER) -> Film:
    """The film `name`: "her" is the Her corpus's own; any other reads ``films/<name>.yaml``."""
    if name == "her":
        return load_corpus(PROJECT_ROOT / "corpus").film
    import yaml

    return film_from_manifest(yaml.safe_load((folder / "films" / f"{name}.yaml").read_text(encoding="utf-8")))


def review_sentences(review: str, datasets: Path | None) -> pd.DataFrame:
    """The sentences of one review of the set: ``review_id``, ``sentence_index``, ``start``, ``end``, ``text``.

    A Her review gives its body sentences (offsets into the raw file); a polarity review every
    sentence of its file.
    """
    source, _, name = review.partition("/")
    if source == "her":
        sentences = load_corpus(PROJECT_ROOT / "corpus").sentences
        table = sentences[sentences["review_id"] == name]
        return table[["sentence_index", "start", "end", "text"]].assign(review_id=review).reset_index(drop=True)
    if source != "polarity" or datasets is None:
        raise ValueError(f"review {review!r}: needs the polarity data (--datasets)")
    raw = (datasets / "movie-review-polarity-dev" / name).read_text(encoding="utf-8")
    return pd.DataFrame(
        [(review, index, s.start, s.end, s.text) for index, s in enumerate(split_sentences(raw))],
        columns=["review_id", "sentence_index", "start", "end", "text"],
    )


def predictions(
    labels: pd.DataFrame, reviews: pd.DataFrame, datasets: Path | None, *, uncued_margin: float = UNCUED_MARGIN
) -> pd.DataFrame:
    """`labels` with the pipeline's ``predicted`` label (None where the pair is not found) and ``sentence``."""
    film_names = dict(zip(reviews["review"], reviews["film"]))
    films: dict[str, Film] = {}
    judged = []
    for review in sorted(set(labels["review"])):
        name = film_names[review]
        films.setdefault(name, film_of(name))
        sentences = review_sentences(review, datasets)
        evidence = judge_mentions(find_mentions(sentences, films[name]), uncued_margin=uncued_margin, title=films[name].title)
        offsets = sentences[["sentence_index", "start", "end"]]
        judged.append(evidence.merge(offsets, on="sentence_index")[["review_id", "start", "end", "target", "label", "scope", "sentence", "label_source", "kind", "praise_probability", "evaluative_probability"]])
    found = pd.concat(judged, ignore_index=True).rename(columns={"review_id": "review", "label": "predicted"})
    result = labels.merge(found, on=["review", "start", "end", "target"], how="left", validate="one_to_one")
    return result


def scores(table: pd.DataFrame) -> dict[str, float]:
    """Accuracy and macro-F1 (over praise, criticism, neutral) of ``predicted`` against ``label``.

    A pair the mention rules do not find (``predicted`` missing) gets no verdict, which is what
    neutral means: it counts as neutral, and ``not_found`` says how many there are. A label
    absent from both columns is left out of the macro average.

    >>> scores(pd.DataFrame({"label": ["praise", "criticism", "neutral", "praise"],
    ...                      "predicted": ["praise", "neutral", "neutral", None]}))
    {'pairs': 4, 'not_found': 1, 'accuracy': 0.5, 'macro_f1': 0.388889}
    """
    gold = table["label"].tolist()
    guessed = table["predicted"].fillna("neutral").tolist()
    f1s = []
    for label in LABELS:
        true_positive = sum(g == label and p == label for g, p in zip(gold, guessed))
        predicted = sum(p == label for p in guessed)
        actual = sum(g == label for g in gold)
        if predicted == 0 and actual == 0:
            continue
        f1s.append(2 * true_positive / (predicted + actual))
    accuracy = sum(g == p for g, p in zip(gold, guessed)) / len(gold) if gold else float("nan")
    return {"pairs": len(gold), "not_found": int(table["predicted"].isna().sum()), "accuracy": round(accuracy, 6), "macro_f1": round(sum(f1s) / len(f1s), 6) if f1s else float("nan")}


def cross_validated(
    table: pd.DataFrame, films: pd.DataFrame, datasets: Path | None
) -> tuple[pd.Series, list[dict]]:
    """Held-out labels of `table`'s pairs when the margin is chosen in each fold of reviews; one record per fold."""
    import numpy as np

    reviews = sorted(table["review"].unique())
    order = np.random.default_rng(SEED).permutation(len(reviews))
    fold_of = {reviews[i]: rank % FOLDS for rank, i in enumerate(order)}
    folds = table["review"].map(fold_of)
    by_margin = {
        margin: predictions(table[LABEL_COLUMNS], films, datasets, uncued_margin=margin)["predicted"].set_axis(table.index)
        for margin in MARGINS
    }
    held_out = pd.Series(index=table.index, dtype=object)
    records = []
    for fold in range(FOLDS):
        train, test = folds != fold, folds == fold
        # Highest training accuracy; a tie goes to the smaller margin.
        chosen = max(MARGINS, key=lambda m: (scores(table[train].assign(predicted=by_margin[m][train]))["accuracy"], -m))
        held_out[test] = by_margin[chosen][test]
        records.append({"fold": fold, "margin": chosen, **scores(table[test].assign(predicted=held_out[test]))})
    return held_out, records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--only-her", action="store_true", help="only the Her part (needs no data set)")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--baseline", action="store_true", help="also score the sentence model's own label of each scope")
    parser.add_argument("--cross-validate", action="store_true", help="choose the uncued margin inside 5 folds of reviews")
    parser.add_argument("--batch", default=DEVELOPMENT, help="the batch of pairs to score (default: %(default)s)")
    parser.add_argument("--agreement", action="store_true", help="instead, compare the two labellers and the rules on the pairs labelled twice")
    args = parser.parse_args(argv)
    every_batch, reviews = read_set()
    if args.batch not in set(every_batch["batch"]):
        parser.error(f"--batch: no batch {args.batch!r} in labels.csv; batches are {sorted(set(every_batch['batch']))}")
    labels = every_batch[every_batch["batch"] == args.batch]
    if args.only_her and not args.agreement:
        labels = labels[labels["review"].str.startswith("her/")]
    elif not (args.datasets / "movie-review-polarity-dev").is_dir():
        parser.error(f"--datasets: no folder {args.datasets / 'movie-review-polarity-dev'} (or use --only-her, except with --agreement)")
    if args.agreement:
        return _print_agreement(every_batch, reviews, args.datasets)
    table = predictions(labels, reviews, None if args.only_her else args.datasets)
    table["source"] = table["review"].str.partition("/")[0]
    films = dict(zip(reviews["review"], reviews["film"]))
    print(f"batch {args.batch}: {len(table)} labelled pairs, {table['review'].nunique()} reviews, {len({films[r] for r in table['review']})} films")
    print(table["label"].value_counts().reindex(list(LABELS), fill_value=0).to_string())
    rows = [{"part": "all", **scores(table)}]
    rows += [{"part": source, **scores(group)} for source, group in table.groupby("source", sort=True)]
    print(pd.DataFrame(rows).to_string(index=False))
    if args.baseline:
        readings = judge_sentences(table["scope"].fillna("").tolist())
        alone = pd.Series(readings["label"].to_numpy(), index=table.index).where(table["predicted"].notna())
        print(f"the sentence model alone on the same scopes: {scores(table.assign(predicted=alone))}")
    if args.cross_validate:
        held_out, records = cross_validated(table, reviews, None if args.only_her else args.datasets)
        folds = pd.DataFrame(records)
        print(folds.to_string(index=False))
        print(f"cross-validated (margin chosen in each fold): {scores(table.assign(predicted=held_out))}; "
              f"fold accuracy {folds['accuracy'].mean():.3f} +/- {folds['accuracy'].std(ddof=0):.3f}")
    print(pd.crosstab(table["label"], table["predicted"].fillna("not found"), margins=True).to_string())
    if args.errors:
        wrong = table[table["label"] != table["predicted"].fillna("neutral")]
        with pd.option_context("display.max_colwidth", 160, "display.width", 250):
            for row in wrong.itertuples():
                print(f"\n{row.review} [{row.start}:{row.end}] {row.target}: gold {row.label}, got {row.predicted} ({row.label_source})\n  scope: {row.scope}")
    if not args.only_her:
        batches = []
        for batch, pairs in every_batch.groupby("batch", sort=True):
            scored = table if batch == args.batch else predictions(pairs, reviews, args.datasets)
            batches.append({"batch": batch, "reviews": pairs["review"].nunique(),
                            "films": len({films[r] for r in pairs["review"]}), **scores(scored)})
        print(f"each batch at the shipped margin ({UNCUED_MARGIN}):")
        print(pd.DataFrame(batches).to_string(index=False))
    return 0


def _print_agreement(every_batch: pd.DataFrame, reviews: pd.DataFrame, datasets: Path) -> int:
    """The ``--agreement`` report: the labellers against each other, and the rules against each."""
    both = read_second_labels(every_batch)
    both["part"] = both["batch"].where(both["batch"] == DEVELOPMENT, "check batches")
    table = predictions(both[LABEL_COLUMNS], reviews, datasets).set_axis(both.index)
    both["predicted"] = table["predicted"]
    rows = []
    for part, group in [*both.groupby("part", sort=True), ("all", both)]:
        agreed = group[group["label"] == group["second_label"]]
        rows.append({
            "part": part,
            **agreement(group["label"], group["second_label"]),
            "rules_vs_first": scores(group)["accuracy"],
            "rules_vs_second": scores(group.assign(label=group["second_label"]))["accuracy"],
            "agreed_pairs": len(agreed),
            "rules_on_agreed": scores(agreed)["accuracy"],
        })
    print(f"{len(both)} pairs labelled twice ({SECOND_LABELS}); agreement and Cohen's kappa of the two labellers;")
    print("the rules' accuracy against each labeller and on the pairs both labelled alike:")
    print(pd.DataFrame(rows).to_string(index=False))
    print(pd.crosstab(both["label"].rename("first"), both["second_label"].rename("second"), margins=True).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
