"""The check at the public boundary of every function that takes a table, a text or a corpus.

A table of the wrong shape (None, a list, a frame without the columns the function reads) would
otherwise fail deep inside pandas with an error about something else. :func:`check_table` names
the function, the argument, and what is missing; :func:`checks` declares, once per function,
what each of its arguments must be, and checks it at every call:

- a list of column names: a DataFrame holding them (else :class:`TableError`, a ValueError);
- a type, or an :class:`Expected`: an instance of it (else TypeError naming what was expected).

A table with the right columns and no rows is accepted: every checked function returns an
empty result for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from inspect import Parameter, signature
from typing import Any, NamedTuple


class TableError(ValueError):
    """A table argument that is not a DataFrame or lacks a column the function reads."""


class Expected(NamedTuple):
    """An argument that must be an instance of `kind`, described to the caller as `description`."""

    kind: type | tuple[type, ...]
    description: str


def check_table(table: Any, columns: Iterable[str], *, function: str, argument: str) -> None:
    """Raise :class:`TableError` unless `table` is a DataFrame holding every one of `columns`.

    >>> check_table(None, ["term", "count"], function="term_counts", argument="tokens")
    Traceback (most recent call last):
    ...
    analysis.tables.TableError: term_counts: tokens must be a table (pandas DataFrame) with the columns term, count; got NoneType
    """
    import pandas as pd

    columns = list(columns)
    if not isinstance(table, pd.DataFrame):
        with_columns = f" with the columns {', '.join(columns)}" if columns else ""
        raise TableError(
            f"{function}: {argument} must be a table (pandas DataFrame){with_columns}; got {type(table).__name__}"
        )
    missing = [column for column in columns if column not in table.columns]
    if missing:
        present = ", ".join(map(str, table.columns)) or "none"
        raise TableError(f"{function}: {argument} lacks the column(s) {', '.join(missing)} (it has {present})")


def check_instance(value: Any, expected: Expected | type, *, function: str, argument: str) -> None:
    """Raise TypeError unless `value` is what `expected` describes.

    >>> check_instance(None, str, function="judgement_cues", argument="text")
    Traceback (most recent call last):
    ...
    TypeError: judgement_cues: text must be a str, got NoneType
    """
    expected = _expected(expected)
    if not isinstance(value, expected.kind):
        raise TypeError(f"{function}: {argument} must be {expected.description}, got {type(value).__name__}")


def _expected(contract: Expected | type) -> Expected:
    return Expected(contract, f"a {contract.__name__}") if isinstance(contract, type) else contract


def check_texts(texts: Any, *, function: str, argument: str = "texts") -> list[str]:
    """`texts` as a list, or TypeError unless it is a sequence (a list, tuple, Series ...) of str.

    >>> check_texts("one text", function="judge_sentences")
    Traceback (most recent call last):
    ...
    TypeError: judge_sentences: texts must be a sequence of str, not one str: 'one text'
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError(f"{function}: {argument} must be a sequence of str, not one {type(texts).__name__}: {texts[:40]!r}")
    try:
        texts = list(texts)
    except TypeError:
        raise TypeError(f"{function}: {argument} must be a sequence of str, got {type(texts).__name__}") from None
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"{function}: {argument}[{index}] must be a str; got {type(text).__name__}: {text!r}")
    return texts


def checks(**contracts: Iterable[str] | type | Expected) -> Callable[[Callable], Callable]:
    """Declare what each named argument of the decorated function must be; check it at each call.

    An argument left at its default (None, for an optional table) is not checked.
    """

    def decorate(function: Callable) -> Callable:
        parameters = signature(function).parameters
        places = []
        for argument, contract in contracts.items():
            parameter = parameters[argument]
            position = list(parameters).index(argument) if parameter.kind is Parameter.POSITIONAL_OR_KEYWORD else None
            if isinstance(contract, (type, Expected)):
                contract = _expected(contract)  # built once, not at every call
            places.append((argument, position, parameter.default, contract))

        @wraps(function)
        def checked(*args, **kwargs):
            for argument, position, default, contract in places:
                if argument in kwargs:
                    value = kwargs[argument]
                elif position is not None and position < len(args):
                    value = args[position]
                else:
                    continue
                if value is default and default is not Parameter.empty:
                    continue
                if isinstance(contract, Expected):
                    check_instance(value, contract, function=function.__name__, argument=argument)
                else:
                    check_table(value, contract, function=function.__name__, argument=argument)
            return function(*args, **kwargs)

        return checked

    return decorate
