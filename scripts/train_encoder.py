"""Fine-tune the sentence encoder, export the shipped int8 graph, store its fold-wise margins.

Usage: python scripts/train_encoder.py [--datasets DIR] [--part {ship,folds} ...]

``ship`` fine-tunes all-MiniLM-L6-v2 on all 5,332 sentence-polarity development sentences and
writes analysis/data/models/sentence-encoder.onnx and tokenizer.json (about 10 minutes on two
idle cores). ``folds`` fine-tunes it anew in each of the 5 cross-validation folds without that
fold's sentences, exports each to int8 as shipped, and stores its margins of the held-out
sentences in scripts/data/sentence-polarity-encoder-folds.json.gz (five times as long); the
praise head's stack is fitted on those margins, and scripts/evaluate_models.py reads them.
Rebuild the heads afterwards with scripts/train_models.py. Needs the training extra,
``pip install -e '.[training]'`` (recipe and method: training/recipes.yaml, training/encoder.py).
Seeded, with a fixed thread count: a rerun on the same machine gives the same margins.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

# training/ is not installed with the package: import it (and analysis) from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from training.data import DEFAULT_DATASETS, ENCODER_FILES, load_task, model_bytes  # noqa: E402
from training.encoder import export, fine_tune, fold_margins  # noqa: E402


def _report(message: str) -> None:
    print(message, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--part", nargs="+", choices=("ship", "folds"), default=["ship", "folds"])
    args = parser.parse_args(argv)
    texts, labels = load_task("sentence-polarity", args.datasets)
    if "ship" in args.part:
        _report(f"fine-tuning on all {len(labels)} sentences")
        model, tokenizer = fine_tune(texts, labels, np.arange(len(labels)), _report)
        export(model, tokenizer, ENCODER_FILES["model"], ENCODER_FILES["tokenizer"])
        for path in (ENCODER_FILES["model"], ENCODER_FILES["tokenizer"]):
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
            _report(f"{path}: {path.stat().st_size / 1e6:.1f} MB, sha256 {digest}")
    if "folds" in args.part:
        data = model_bytes(fold_margins(texts, labels, _report))
        path = ENCODER_FILES["fold_margins"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        _report(f"{path}: sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
