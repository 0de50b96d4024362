"""Float arithmetic that gives the same bits on every CPU, so a study's tables rerun byte for byte
on any machine.

Three common routes give results that depend on the processor a study runs on, in the last bit:

* numpy's ``exp`` and ``log`` of float64 run numpy's own AVX-512 code where the CPU has AVX-512
  and other code elsewhere (4.6 % of ``exp`` results and 0.1 % of ``log`` results differ);
* the C library's ``exp`` and ``log`` (``math.exp``, ``scipy.special.expit``) have variants for
  CPUs with and without fused multiply-add (0.03 % and 0.005 % differ), and its ``erfc`` calls
  its ``exp``;
* a matrix-vector product (``@``) runs the BLAS kernel written for the CPU, and kernels add the
  products in different orders.

So a probability could print as 0.00036397229342000760 on one machine and ...797 on another.
Here every result is built from additions, multiplications, divisions, ``rint`` and ``ldexp``
alone, which IEEE 754 defines to the bit, and sums are numpy's pairwise sums, whose order is fixed
by the array's length. Against the C library, :func:`exp` is within 1 unit in the last place,
:func:`log` within 3 and :func:`erfc` (Cephes' approximations) within 10.
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
# exp(r) on |r| <= ln 2 / 2: Taylor's coefficients to r**14 leave an error below 1e-18.
_EXP_COEFFICIENTS = tuple(1.0 / math.factorial(n) for n in range(14, -1, -1))
# log(m) = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172 for m in [sqrt(1/2), sqrt(2)): odd
# powers to s**21 leave a relative error below 3e-17.
_ATANH_COEFFICIENTS = tuple(1.0 / (2 * n + 1) for n in range(10, -1, -1))
_SQRT_HALF = math.sqrt(0.5)


def _polynomial(coefficients: tuple[float, ...], x: np.ndarray) -> np.ndarray:
    """Horner's rule, the highest power first."""
    result = np.full_like(x, coefficients[0])
    for coefficient in coefficients[1:]:
        result = result * x + coefficient
    return result


def exp(values) -> np.ndarray:
    """``e ** values`` elementwise (float64): 0 far below zero, inf far above, nan for nan.

    >>> float(exp(0.0)), abs(float(exp(1.0)) - math.e) < 1e-15
    (1.0, True)
    """
    x = np.asarray(values, dtype=float)
    clipped = np.clip(np.where(np.isnan(x), 0.0, x), _EXP_MIN, _EXP_MAX)
    k = np.rint(clipped * _INVERSE_LN2)
    r = (clipped - k * _LN2_HIGH) - k * _LN2_LOW
    polynomial = _polynomial(_EXP_COEFFICIENTS, r)
    # Two steps of 2**k, so that 2**1024 (exp near its maximum) never stands alone.
    half = (k // 2).astype(np.int64)
    result = np.ldexp(np.ldexp(polynomial, half), k.astype(np.int64) - half)
    return np.where(x > _EXP_MAX, np.inf, np.where(x < _EXP_MIN, 0.0, np.where(np.isnan(x), np.nan, result)))


def log(values) -> np.ndarray:
    """The natural logarithm elementwise (float64): -inf at 0, nan below it, inf at inf.

    >>> float(log(1.0)), abs(float(log(math.e)) - 1.0) < 1e-15
    (0.0, True)
    """
    exponent, log_mantissa, y, every_finite_positive = _log_parts(values)
    result = exponent * _LN2_HIGH + (exponent * _LN2_LOW + log_mantissa)
    return result if every_finite_positive else _log_edges(result, y)


def log2(values) -> np.ndarray:
    """The base-2 logarithm elementwise, exact at powers of two; edges as :func:`log`'s.

    >>> log2([8.0, 0.5]).tolist(), abs(float(log2(6.0)) - math.log2(6.0)) < 1e-15
    ([3.0, -1.0], True)
    """
    exponent, log_mantissa, y, every_finite_positive = _log_parts(values)
    result = exponent + log_mantissa * _INVERSE_LN2
    return result if every_finite_positive else _log_edges(result, y)


def _log_parts(values) -> tuple[np.ndarray, np.ndarray, np.ndarray, bool]:
    """``y = m * 2**e`` with m in [sqrt(1/2), sqrt(2)): e, ln m, y as an array, and whether every y
    is finite and positive (where one is not, e and ln m are those of 1)."""
    y = np.asarray(values, dtype=float)
    every_finite_positive = bool((np.isfinite(y) & (y > 0)).all())
    mantissa, exponent = np.frexp(y if every_finite_positive else np.where(np.isfinite(y) & (y > 0), y, 1.0))
    low = mantissa < _SQRT_HALF
    mantissa = np.where(low, mantissa * 2.0, mantissa)
    s = (mantissa - 1.0) / (mantissa + 1.0)
    return (exponent - low).astype(float), 2.0 * s * _polynomial(_ATANH_COEFFICIENTS, s * s), y, every_finite_positive


def _log_edges(result: np.ndarray, y: np.ndarray) -> np.ndarray:
    """`result` where `y` is finite and positive; -inf at 0, inf at inf, nan elsewhere."""
    finite_positive = np.isfinite(y) & (y > 0)
    return np.where(finite_positive, result, np.where(y == 0, -np.inf, np.where(y == np.inf, np.inf, np.nan)))


# Cephes' erfc (ndtr.c, S. L. Moshier): rational approximations of erfc * exp(x**2) on [1, 8)
# and [8, inf), and of erf on [0, 1); the C library's erfc differs from this by about an ulp.
_ERFC_P = (2.46196981473530512524e-10, 5.64189564831068821977e-1, 7.46321056442269912687e0, 4.86371970985681366614e1,
           1.96520832956077098242e2, 5.26445194995477358631e2, 9.34528527171957607540e2, 1.02755188689515710272e3,
           5.57535335369399327526e2)
_ERFC_Q = (1.0, 1.32281951154744992508e1, 8.67072140885989742329e1, 3.54937778887819891062e2, 9.75708501743205489753e2,
           1.82390916687909736289e3, 2.24633760818710981792e3, 1.65666309194161350182e3, 5.57535340817727675546e2)
_ERFC_R = (5.64189583547755073984e-1, 1.27536670759978104416e0, 5.01905042251180477414e0, 6.16021097993053585195e0,
           7.40974269950448939160e0, 2.97886665372100240670e0)
_ERFC_S = (1.0, 2.26052863220117276590e0, 9.39603524938001434673e0, 1.20489539808096656605e1, 1.70814450747565897222e1,
           9.60896809063285878198e0, 3.36907645100081516050e0)
_ERF_T = (9.60497373987051638749e0, 9.00260197203842689217e1, 2.23200534594684319226e3, 7.00332514112805075473e3,
          5.55923013010394962768e4)
_ERF_U = (1.0, 3.35617141647503099647e1, 5.21357949780152679795e2, 4.59432382970980127987e3, 2.26290000613890934246e4,
          4.92673942608635921086e4)


# erfc is below the smallest double from here on.
_ERFC_ZERO_FROM = 28.0


def _exp_minus_square(a: np.ndarray) -> np.ndarray:
    """``exp(-a * a)`` without the rounding of ``a * a``: `a` split into a multiple of 1/128 and the
    rest, whose square and cross term are small (Cephes' expx2)."""
    whole = np.floor(128.0 * a + 0.5) / 128.0
    rest = a - whole
    return exp(-whole * whole) * exp(-(2.0 * whole * rest + rest * rest))


def erfc(values) -> np.ndarray:
    """The complementary error function elementwise, ``1 - erf(values)`` without its cancellation.

    >>> float(erfc(0.0)), abs(float(erfc(1.0)) - math.erfc(1.0)) < 1e-16
    (1.0, True)
    """
    x = np.asarray(values, dtype=float)
    a = np.minimum(np.abs(np.where(np.isnan(x), 0.0, x)), _ERFC_ZERO_FROM)
    squared = a * a
    small = a * _polynomial(_ERF_T, squared) / _polynomial(_ERF_U, squared)  # erf of |x| < 1
    middle, large = a < 8.0, np.where(a < 1.0, 1.0, a)
    ratio = np.where(
        middle, _polynomial(_ERFC_P, large) / _polynomial(_ERFC_Q, large), _polynomial(_ERFC_R, large) / _polynomial(_ERFC_S, large)
    )
    tail = _exp_minus_square(large) * ratio  # erfc of |x| >= 1
    positive = np.where(a < 1.0, 1.0 - small, tail)
    result = np.where(x < 0, 2.0 - positive, positive)
    return np.where(np.isnan(x), np.nan, result)


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
