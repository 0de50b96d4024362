"""Rebuild the shipped classifiers in analysis/data/models/ from the labelled development data.

Usage: python scripts/train_models.py [--datasets DIR] [--only NAME ...]

DIR defaults to ../shared/datasets relative to the project root (``datasets`` in
training/recipes.yaml, which holds every model's recipe; the code is in training/). Each model is
cross-validated (stratified, fixed seed; 10 folds, 5 for the praise model), calibrated on its
out-of-fold scores, refit on all its data and written as gzipped JSON with no time stamp, so two
runs give identical bytes (compare with ``sha256sum analysis/data/models/*.json.gz``). The praise
model also reads its teacher's stored labels, scripts/data/sentence-polarity-teacher.json.gz
(rebuilt by scripts/train_teachers.py, which alone needs PyTorch).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

# training/ is not installed with the package: import it (and analysis) from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.sentiment import MODEL_NAMES  # noqa: E402
from training.build import build_model, model_bytes  # noqa: E402
from training.data import DEFAULT_DATASETS, PROJECT_ROOT  # noqa: E402

MODELS_DIR = PROJECT_ROOT / "analysis" / "data" / "models"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    parser.add_argument("--only", nargs="+", choices=MODEL_NAMES, default=list(MODEL_NAMES))
    args = parser.parse_args(argv)
    MODELS_DIR.mkdir(parents=True, exist_ok=True)
    for name in args.only:
        model = build_model(name, args.datasets)
        data = model_bytes(model)
        path = MODELS_DIR / f"{name}.json.gz"
        path.write_bytes(data)
        cv = model["cross_validation"]
        print(
            f"{name}: {len(model['weights'])} n-grams, {len(data) / 1e6:.2f} MB, "
            f"CV accuracy {cv['accuracy_mean']:.4f} ± {cv['accuracy_sd']:.4f}, "
            f"sha256 {hashlib.sha256(data).hexdigest()[:16]}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
