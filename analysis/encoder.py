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
changed label when judged beside 600 other sentences). Batches of texts of one token length,
which need no padding, move them too: every one of 1,980 *Her* and sentence-polarity sentences
run in such batches of up to 16 got other float32 outputs than alone. One text per run makes
every judgement a function of its own text only, whatever a command judged before or the disk
cache holds. Its price: a run costs about 1.5 ms of CPU for 3 word pieces, 4.4 ms for 32 and
8.7 ms for 64 on one thread (the machine of the README's Measured table); no session option
tried lowered it (a fixed batch dimension, the memory arena or pattern off, no prepacking: as
fast or slower; lower graph optimisation levels: slower, and other outputs). Int8 arithmetic
may still differ in the last digits between CPUs.

Many texts are shared out over worker processes, each with its own session on one thread:
:func:`encode` hands out single texts (:func:`analysis.parallel.ordered_map`), and
:mod:`analysis.judgements` hands out batches, a worker running every model on its batch
(:func:`analysis.parallel.map_batches`). A worker loads the session once per map, or once per
command in ``sentences`` (:func:`analysis.parallel.kept_workers`). A sentence is too small a
graph run for two threads to share well, so two single-threaded processes judge more sentences
a second than one process with two threads (the README's Measured table). A text's result does
not depend on which process ran it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np

from analysis.parallel import in_worker, ordered_map

MAX_WORD_PIECES = 64
# Names how texts go through the graph; change it whenever that changes what a text's outputs are
# (anything that keeps encoder outputs, such as the training scripts' files, keys on it).
ENCODING_MODE = "one-text-per-run"
EMBEDDING_SIZE = 384
# Threads for one process's session; a worker process, one of several sharing the cores, uses one.
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

    def __init__(self, model_path: Path, tokenizer_path: Path, *, threads: int = THREADS):
        import onnxruntime
        from tokenizers import Tokenizer

        for argument, path in (("model_path", model_path), ("tokenizer_path", tokenizer_path)):
            if not Path(path).is_file():
                raise FileNotFoundError(f"{argument}: no file at {path}")
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
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


_encoders: dict[int, Encoder] = {}


def shipped_encoder() -> Encoder:
    """The package's encoder, loaded on first use in each process (about 0.2 s) and kept.

    A forked worker loads its own: a session's thread pool does not survive the fork."""
    process = os.getpid()
    if process not in _encoders:
        threads = 1 if in_worker() else THREADS
        _encoders[process] = Encoder(_data_path(MODEL_FILE), _data_path(TOKENIZER_FILE), threads=threads)
    return _encoders[process]


def encode(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Margins and embeddings of `texts` from the shipped encoder (see :class:`Encoder`), over
    worker processes when there are enough texts to share."""
    texts = list(texts)
    if not texts:
        return np.zeros(0, dtype=np.float32), np.zeros((0, EMBEDDING_SIZE), dtype=np.float32)
    results = ordered_map(_encode_one, texts, description="encoding sentences", unit="sentence")
    return np.array([margin for margin, _ in results], dtype=np.float32), np.stack([embedding for _, embedding in results])


def _encode_one(text: str) -> tuple[float, np.ndarray]:
    margins, embeddings = shipped_encoder().encode([text])
    return margins[0], embeddings[0]


@cache
def encoder_fingerprint() -> str:
    """A short hash of the shipped graph and tokenizer: it changes whenever they are rebuilt."""
    digest = hashlib.sha256()
    for name in (MODEL_FILE, TOKENIZER_FILE):
        digest.update(_data_path(name).read_bytes())
    return digest.hexdigest()[:16]
