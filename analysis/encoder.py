"""The shipped sentence encoder: fine-tuned MiniLM as an int8 ONNX graph, run with onnxruntime.

One forward pass per sentence gives every sentence head its input: the polarity margin
(``logit(praise) - logit(criticism)`` of the fine-tuned polarity head) and the 384-d
mean-pooled sentence embedding. The graph (``data/models/sentence-encoder.onnx``) and its
word-piece tokenizer (``data/models/tokenizer.json``) ship as package data; nothing is
downloaded and neither PyTorch nor transformers is needed. ``scripts/train_encoder.py``
rebuilds both files (see ``training/encoder.py``).

Texts are cut at :data:`MAX_WORD_PIECES` word pieces, as in fine-tuning, and each text runs
through the graph alone. The graph is quantised *dynamically*: each int8 matrix product scales
its activations by the range of the whole input tensor, so in a batch a sentence's margin moved
with the other sentences beside it (by up to 0.9 in margin; 4 of the 184 *Her* body sentences
changed label when judged beside 600 other sentences). One text per run makes every judgement a
function of its own text only, whatever a command judged before or the disk cache holds, at
about half the throughput of batches of 64. Int8 arithmetic may still differ in the last digits
between CPUs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

MAX_WORD_PIECES = 64
EMBEDDING_SIZE = 384
THREADS = 2
MODEL_FILE = "models/sentence-encoder.onnx"
TOKENIZER_FILE = "models/tokenizer.json"


class Encoder:
    """An encoder graph and its tokenizer, loaded once.

    Parameters
    ----------
    model_path, tokenizer_path : path
        The ONNX graph (inputs ``input_ids``, ``attention_mask``, ``token_type_ids``; outputs
        ``margin`` and ``embedding``) and its ``tokenizers`` JSON file.
    """

    def __init__(self, model_path: Path, tokenizer_path: Path):
        import onnxruntime
        from tokenizers import Tokenizer

        for argument, path in (("model_path", model_path), ("tokenizer_path", tokenizer_path)):
            if not Path(path).is_file():
                raise FileNotFoundError(f"{argument}: no file at {path}")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = THREADS
        options.inter_op_num_threads = 1
        self._session = onnxruntime.InferenceSession(
            str(model_path), options, providers=["CPUExecutionProvider"]
        )
        self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self._tokenizer.enable_truncation(MAX_WORD_PIECES)
        self._tokenizer.no_padding()

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """The margin ``[n]`` and embedding ``[n, 384]`` of each text, in input order (float32)."""
        texts = list(texts)
        margins = np.zeros(len(texts), dtype=np.float32)
        embeddings = np.zeros((len(texts), EMBEDDING_SIZE), dtype=np.float32)
        for i, encoding in enumerate(self._tokenizer.encode_batch(texts)):
            margin, embedding = self._session.run(
                ["margin", "embedding"],
                {
                    "input_ids": np.array([encoding.ids], dtype=np.int64),
                    "attention_mask": np.ones((1, len(encoding.ids)), dtype=np.int64),
                    "token_type_ids": np.array([encoding.type_ids], dtype=np.int64),
                },
            )
            margins[i] = margin[0]
            embeddings[i] = embedding[0]
        return margins, embeddings


def _data_path(name: str) -> Path:
    return Path(str(resources.files("analysis.data").joinpath(name)))


@cache
def shipped_encoder() -> Encoder:
    """The package's encoder, loaded on first use (about 0.2 s) and kept for the process."""
    return Encoder(_data_path(MODEL_FILE), _data_path(TOKENIZER_FILE))


def encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Margins and embeddings of `texts` from the shipped encoder (see :class:`Encoder`)."""
    return shipped_encoder().encode(texts)


@cache
def encoder_fingerprint() -> str:
    """A short hash of the shipped graph and tokenizer: it changes whenever they are rebuilt."""
    digest = hashlib.sha256()
    for name in (MODEL_FILE, TOKENIZER_FILE):
        digest.update(_data_path(name).read_bytes())
    return digest.hexdigest()[:16]
