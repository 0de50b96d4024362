"""Portable float arithmetic: accurate, and the same bits whatever code the CPU selects."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys

import numpy as np
import pytest

from analysis import portable_math
from analysis.encoder_heads import evaluative_log_odds, praise_log_odds

# The study's float paths on fixed inputs, printed as hex so that every bit is compared.
_PROBE = """
import json, sys
import numpy as np
from analysis import portable_math
from analysis.encoder_heads import evaluative_log_odds, praise_log_odds
rng = np.random.default_rng(7)
x = rng.normal(0, 6, 5000)
embeddings = rng.normal(0, 0.05, (300, 384)).astype(np.float32)
scores = rng.normal(0, 2, 300)
values = {
    "exp": portable_math.exp(x), "log": portable_math.log(np.abs(x) + 1e-3), "log2": portable_math.log2(np.abs(x) + 1e-3),
    "logistic": portable_math.logistic(x), "erfc": portable_math.erfc(x / 2),
    "evaluative": evaluative_log_odds(embeddings, scores), "praise": praise_log_odds(scores, -scores),
}
json.dump({name: [float(v).hex() for v in array] for name, array in values.items()}, sys.stdout)
"""


def _probe(environment: dict[str, str]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env={**os.environ, **environment}, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def _other_cpu_code() -> dict[str, str]:
    """Environment variables that make numpy, OpenBLAS and the C library pick the code they would
    pick on an older CPU (SSE4.2, no AVX2, FMA or AVX-512)."""
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__

    return {
        "NPY_DISABLE_CPU_FEATURES": " ".join(f for f in __cpu_dispatch__ if __cpu_features__.get(f)),
        "OPENBLAS_CORETYPE": "Nehalem",
        "GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2,-FMA,-AVX512F",
    }


@pytest.mark.skipif(not sys.platform.startswith("linux") or os.uname().machine != "x86_64", reason="x86-64 Linux switches")
def test_the_same_bits_with_the_code_of_another_cpu():
    assert _probe(_other_cpu_code()) == _probe({})


def test_exp_logs_and_erfc_are_within_a_few_units_in_the_last_place():
    rng = np.random.default_rng(0)
    x = np.concatenate([rng.normal(0, 8, 20_000), rng.uniform(-700, 700, 5_000)])
    y = np.concatenate([np.abs(rng.normal(0, 8, 20_000)) + 1e-300, 2.0 ** rng.uniform(-1000, 1000, 5_000)])
    z = np.concatenate([rng.uniform(-6, 6, 20_000), rng.uniform(0, 27, 5_000)])
    for ours, reference, inputs, most in (
        (portable_math.exp, math.exp, x, 1), (portable_math.log, math.log, y, 3), (portable_math.log2, math.log2, y, 3),
        (portable_math.erfc, math.erfc, z, 10),
    ):
        expected = np.array([reference(v) for v in inputs])
        exact = expected != 0
        units = np.abs(ours(inputs)[exact] - expected[exact]) / np.spacing(np.abs(expected[exact]))
        assert units.max() <= most


def test_edges():
    assert portable_math.exp([1000.0, -1000.0, 0.0]).tolist() == [math.inf, 0.0, 1.0]
    assert math.isnan(portable_math.exp([math.nan])[0])
    logs = portable_math.log([0.0, -1.0, math.inf, 1.0, 2.0**-1074])
    assert logs[0] == -math.inf and math.isnan(logs[1]) and logs[2] == math.inf and logs[3] == 0.0
    assert logs[4] == pytest.approx(-1074 * math.log(2), rel=1e-15)
    assert portable_math.log2([1024.0, 0.5]).tolist() == [10.0, -1.0]
    assert portable_math.logistic([-800.0, 0.0, 800.0]).tolist() == [0.0, 0.5, 1.0]
    assert portable_math.erfc([-math.inf, 0.0, 30.0, math.inf]).tolist() == [2.0, 1.0, 0.0, 0.0]
    assert math.isnan(portable_math.erfc([math.nan])[0])


def test_row_dot_adds_in_a_fixed_order_and_the_heads_use_it(monkeypatch):
    from analysis import encoder_heads

    matrix = np.array([[1e16, 1.0, -1e16, 1.0], [0.5, 0.25, 0.125, 0.0625]])
    # Where the order of the additions shows (1, not 0 or 2), the products add as numpy's sum adds.
    assert portable_math.row_dot(matrix, [1.0, 1.0, 1.0, 1.0]).tolist() == [np.sum(matrix[0]), 0.9375]
    embeddings = np.random.default_rng(1).normal(0, 0.05, (4, 384)).astype(np.float32)
    scores = np.array([-1.0, 0.0, 0.5, 2.0])
    expected = evaluative_log_odds(embeddings, scores), praise_log_odds(scores, -scores)
    products = []
    monkeypatch.setattr(encoder_heads, "row_dot", lambda *arguments: products.append(arguments) or portable_math.row_dot(*arguments))
    found = evaluative_log_odds(embeddings, scores), praise_log_odds(scores, -scores)
    # Every product goes through row_dot: the evaluative head and its stack, then the praise stack
    # (the encoder's margin is that stack's input).
    assert [inputs.shape for inputs, _ in products] == [(4, 384), (4, 2), (4, 2)]
    assert all(np.array_equal(a, b) for a, b in zip(found, expected))
