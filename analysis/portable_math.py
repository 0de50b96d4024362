"""Float arithmetic that gives the same bits on every CPU, so a study's tables rerun byte for byte
on any machine.

Three common routes give results that depend on the processor a study runs on, in the last bit:

* numpy's ``exp`` and ``log`` of float64 run numpy's own AVX-512 code where the CPU has AVX-512
  and other code elsewhere (4.6 % of ``exp`` results and 0.1 % of ``log`` results differ);
* the C library's ``exp`` and ``log`` (``math.exp``, ``scipy.special.expit``) have variants for
  CPUs with and without fused multiply-add (0.03 % and 0.005 % differ);
* a matrix-vector product (``@``) runs the BLAS kernel written for the CPU, and kernels add the
  products in different orders.

So a probability could print as 0.00036397229342000760 on one machine and ...797 on another.
Here every result is built from additions, multiplications, divisions, ``rint`` and ``ldexp``
alone, which IEEE 754 defines to the bit, and sums are numpy's pairwise sums, whose order is fixed
by the array's length. :func:`exp` and :func:`log` are accurate to about one unit in the last
place, as the C library's are.
"""

from __future__ import annotations

import math

import numpy as np

# ln 2 split so that k * LN2_HIGH is exact for the k of any finite double (Cody & Waite).
_LN2_HIGH = 6.93147180369123816490e-01
_LN2_LOW = 1.90821492927058770002e-10
_INVERSE_LN2 = 1.44269504088896338700e00
# exp overflows above this and is 0 below the other (the smallest subnormal's log, less a bit).
_EXP_MAX = 709.782712893384
_EXP_MIN = -745.2
# exp(r) on |r| <= ln 2 / 2: Taylor's coefficients to r**14 leave an error below 1e-20.
_EXP_COEFFICIENTS = tuple(1.0 / math.factorial(n) for n in range(14, -1, -1))
# log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172 for m in [sqrt(1/2), sqrt(2)): odd
# powers to s**21 leave a relative error below 3e-17.
_ATANH_COEFFICIENTS = tuple(1.0 / (2 * n + 1) for n in range(10, -1, -1))
_SQRT_HALF = math.sqrt(0.5)


def exp(values) -> np.ndarray:
    """``e ** values`` elementwise (float64): 0 far below zero, inf far above, nan for nan.

    >>> float(exp(1.0)) == math.e
    True
    """
    x = np.asarray(values, dtype=float)
    clipped = np.clip(np.where(np.isnan(x), 0.0, x), _EXP_MIN, _EXP_MAX)
    k = np.rint(clipped * _INVERSE_LN2)
    r = (clipped - k * _LN2_HIGH) - k * _LN2_LOW
    polynomial = np.zeros_like(r)
    for coefficient in _EXP_COEFFICIENTS:
        polynomial = polynomial * r + coefficient
    # Two steps of 2**k, so that 2**1024 (exp near its maximum) never stands alone.
    half = (k // 2).astype(np.int64)
    result = np.ldexp(np.ldexp(polynomial, half), k.astype(np.int64) - half)
    return np.where(x > _EXP_MAX, np.inf, np.where(x < _EXP_MIN, 0.0, np.where(np.isnan(x), np.nan, result)))


def log(values) -> np.ndarray:
    """The natural logarithm elementwise (float64): -inf at 0, nan below it, inf at inf.

    >>> float(log(math.e)), float(log(1.0))
    (1.0, 0.0)
    """
    y = np.asarray(values, dtype=float)
    finite_positive = np.isfinite(y) & (y > 0)
    every_finite_positive = bool(finite_positive.all())
    mantissa, exponent = np.frexp(y if every_finite_positive else np.where(finite_positive, y, 1.0))  # y = m * 2**e
    low = mantissa < _SQRT_HALF
    mantissa = np.where(low, mantissa * 2.0, mantissa)
    exponent = (exponent - low).astype(float)
    s = (mantissa - 1.0) / (mantissa + 1.0)
    squared = s * s
    series = np.zeros_like(s)
    for coefficient in _ATANH_COEFFICIENTS:
        series = series * squared + coefficient
    result = exponent * _LN2_HIGH + (exponent * _LN2_LOW + 2.0 * s * series)
    if every_finite_positive:
        return result
    return np.where(finite_positive, result, np.where(y == 0, -np.inf, np.where(y == np.inf, np.inf, np.nan)))


def log2(values) -> np.ndarray:
    """The base-2 logarithm elementwise, as :func:`log` reads it.

    >>> float(log2(8.0))
    3.0
    """
    return log(values) * _INVERSE_LN2


def logistic(values) -> np.ndarray:
    """``1 / (1 + e ** -values)`` elementwise: log-odds to probabilities.

    >>> logistic([0.0]).tolist()
    [0.5]
    """
    return 1.0 / (1.0 + exp(-np.asarray(values, dtype=float)))


def row_dot(matrix, vector) -> np.ndarray:
    """Each row of `matrix` dotted with `vector`, the products summed in numpy's pairwise order.

    >>> row_dot([[1.0, 2.0], [3.0, 4.0]], [10.0, 1.0]).tolist()
    [12.0, 34.0]
    """
    return (np.asarray(matrix, dtype=float) * np.asarray(vector, dtype=float)).sum(axis=-1)
