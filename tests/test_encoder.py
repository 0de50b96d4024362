"""The shipped sentence encoder and its heads: shapes, order, truncation, fingerprints, statistics.

Int8 arithmetic may differ in the last digits between CPUs, so values are compared with
tolerances; on one machine a text's outputs are exactly the same whatever it is judged beside.
"""

import gzip
import json
from importlib import resources

import numpy as np
import pytest

from analysis import encoder_heads
from analysis.encoder import EMBEDDING_SIZE, MAX_WORD_PIECES, Encoder, encode, encoder_fingerprint
from analysis.encoder_heads import margin_statistics


def test_one_pass_gives_a_margin_and_an_embedding_per_text():
    margins, embeddings = encode(["a stunning, brilliant performance", "a dull, lifeless script", ""])
    assert margins.shape == (3,) and embeddings.shape == (3, EMBEDDING_SIZE)
    assert margins.dtype == np.float32 and np.isfinite(embeddings).all()
    assert margins[0] > 2 > -2 > margins[1]


def test_no_texts_give_empty_arrays():
    margins, embeddings = encode([])
    assert margins.shape == (0,) and embeddings.shape == (0, EMBEDDING_SIZE)


def test_outputs_come_back_in_input_order():
    texts = ["a dull script", "Phoenix is wonderful as a lonely writer in a near future Los Angeles", "fine"]
    margins, embeddings = encode(texts)
    reversed_margins, reversed_embeddings = encode(texts[::-1])
    assert reversed_margins[::-1] == pytest.approx(margins, abs=0.05)
    assert np.allclose(reversed_embeddings[::-1], embeddings, atol=0.02)


def test_a_text_is_judged_the_same_whatever_it_is_judged_beside():
    # Dynamic int8 scales a batch by its whole range: each text runs alone, so company is no factor.
    text = "Joaquin Phoenix's portrayal of Theodore Twombly in 'Her' is remarkable."
    alone_margin, alone_embedding = encode([text])
    crowd = ["a dull, lifeless, dreadful script!!!", "ok", "the best film of the decade " * 5]
    margins, embeddings = encode([*crowd, text])
    assert margins[-1] == alone_margin[0] and np.array_equal(embeddings[-1], alone_embedding[0])


def test_texts_are_cut_at_64_word_pieces():
    long = "the film is a quiet and tender study of love " * 12  # about 120 word pieces
    margins, embeddings = encode([long, long + "but the ending is a dreadful, insulting mess"])
    assert margins[0] == pytest.approx(margins[1], abs=1e-4)
    assert MAX_WORD_PIECES == 64


def test_a_missing_model_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="model_path: no file at .*nothing.onnx"):
        Encoder(tmp_path / "nothing.onnx", tmp_path / "tokenizer.json")


def test_the_heads_were_fitted_on_the_shipped_encoder():
    # A rebuilt encoder without rebuilt heads would feed the heads numbers they never saw.
    data = resources.files("analysis.data").joinpath("models/encoder-heads.json.gz").read_bytes()
    heads = json.loads(gzip.decompress(data))
    assert heads["encoder"]["sha256"] == encoder_fingerprint()
    assert len(heads["subjectivity"]["embedding"]["weights"]) == EMBEDDING_SIZE
    assert heads["review_statistics"] == list(encoder_heads.STATISTICS)


def test_margin_statistics_by_hand():
    values = [3.0, -1.0, 2.0, 0.0, -2.0]
    stats = dict(zip(encoder_heads.STATISTICS, margin_statistics(values)))
    assert stats == pytest.approx({
        "mean": 0.4, "mean of first 3": 4 / 3, "mean of last 3": 0.0, "share above 0": 0.4,
        "sd": float(np.std(values)), "max": 3.0, "min": -2.0,
    })
    assert margin_statistics([]).tolist() == [0.0] * 7


def test_the_shipped_stacks_weigh_both_models_positively():
    for task in ("subjectivity", "sentence-polarity", "review-polarity"):
        weights = encoder_heads.heads()[task]["stack"]["weights"]
        assert len(weights) == 2 and min(weights) > 0, task


def test_worker_processes_give_exactly_the_serial_outputs(monkeypatch):
    # Enough texts to be shared out over two single-threaded workers (see analysis.parallel).
    from analysis.paths import WORKERS_ENV_VAR
    from analysis.parallel import MIN_ITEMS_PER_WORKER

    texts = [f"a {adjective} film, number {i}" for i, adjective in enumerate(["dull", "moving", "tender", "lazy"] * MIN_ITEMS_PER_WORKER)]
    monkeypatch.setenv(WORKERS_ENV_VAR, "1")
    serial_margins, serial_embeddings = encode(texts)
    monkeypatch.setenv(WORKERS_ENV_VAR, "2")
    shared_margins, shared_embeddings = encode(texts)
    assert np.array_equal(shared_margins, serial_margins)
    assert np.array_equal(shared_embeddings, serial_embeddings)
