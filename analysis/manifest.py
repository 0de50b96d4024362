"""The manifest's declared schema: every field typed, every error named by its key path.

The schema is package data (``data/manifest-schema.yaml``, a JSON Schema, draft 2020-12) checked
with the `jsonschema` package. A manifest that breaks it gets one message naming the first
offending key path (in document order), the bad value and what was expected::

    reviews[2].date: '2014-13-45' is not a date (YYYY-MM-DD, YYYY-MM or YYYY), or null

The same descriptions render the field reference in ``corpus/README.md``
(:func:`manifest_reference`; a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from analysis.resources import read_yaml

SCHEMA_FILE = "manifest-schema.yaml"
# A value is shown in a message up to this many characters, so a huge one cannot flood the line.
SHOWN_VALUE_CHARS = 80


# A manifest line per review is about 150 bytes, so 32 MB is some 200,000 reviews: a larger file
# is refused before it costs memory or time.
MAX_MANIFEST_BYTES = 32 * 2**20


class ManifestError(ValueError):
    """A manifest that breaks the schema; the message names the key path and the bad value."""


@cache
def _validator():
    from jsonschema import Draft202012Validator

    schema = read_yaml(SCHEMA_FILE)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_manifest(manifest: Any) -> None:
    """Check a parsed manifest against the schema.

    Raises
    ------
    ManifestError
        The first offending field in document order: ``key.path[index]: value is not <what>``.

    >>> check_manifest({"reviews": [{"file": "a.txt", "date": "2014-13-45"}]})
    Traceback (most recent call last):
    ...
    analysis.manifest.ManifestError: reviews[0].date: '2014-13-45' is not a date (YYYY-MM-DD, YYYY-MM or YYYY), or null
    """
    errors = list(_validator().iter_errors(manifest))
    if not errors:
        return
    # Errors of a nested field come out under its parent's anyOf or type; the deepest path is the
    # most specific, and document order (then the path itself) makes the choice deterministic.
    first = min(errors, key=lambda error: (_document_order(manifest, error.absolute_path), -len(error.absolute_path)))
    raise ManifestError(_message(first))


def _document_order(manifest: Any, path) -> tuple[int, ...]:
    """The position of `path` in the document: list indices, and key positions in mappings."""
    order = []
    node = manifest
    for key in path:
        if isinstance(node, dict) and key in node:
            order.append(list(node).index(key))
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            order.append(key)
        else:
            break
        node = node[key]
    return tuple(order)


def _message(error) -> str:
    path = _key_path(error.absolute_path) or "the manifest"
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"{path}: needs a '{missing}' ({error.schema.get('description', 'see corpus/README.md')})"
    if error.validator == "additionalProperties" and error.validator_value is False:
        return f"{path}: {error.message}"
    description = error.schema.get("description") or _parent_description(error) or "valid here"
    what = "the key " if "propertyNames" in error.absolute_schema_path else ""
    return f"{path}: {what}{_shown(error.instance)} is not {description}"


def _parent_description(error) -> str | None:
    # A branch of an anyOf has no description of its own; its parent field's says what is wanted.
    parent = error.parent
    while parent is not None:
        if parent.schema.get("description"):
            return parent.schema["description"]
        parent = parent.parent
    return None


def _key_path(path) -> str:
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= SHOWN_VALUE_CHARS else shown[: SHOWN_VALUE_CHARS - 3] + "..."


class _ManifestLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases, and with dates left as the text they are written as.

    A manifest never needs aliases, and an alias bomb ("billion laughs") would expand without
    limit; dates stay text so that the schema checks them (``2014-13-45`` is no date) and a
    review's date is shown exactly as written.
    """

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"aliases (*{event.anchor}) are not allowed in a manifest, at line {event.start_mark.line + 1}")
        return super().compose_node(parent, index)


def read_manifest(path: Path) -> dict:
    """The manifest at `path`, parsed and checked against the schema.

    Raises
    ------
    ManifestError
        The file is too large, unreadable, not UTF-8, malformed YAML or against the schema; the
        message starts with the path.
    """
    try:
        size = path.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise ManifestError(f"{path}: {megabytes(size)} is too large for a manifest (limit {megabytes(MAX_MANIFEST_BYTES)})")
        manifest = yaml.load(path.read_text(encoding="utf-8"), Loader=_ManifestLoader)
    except IsADirectoryError:
        raise ManifestError(f"{path}: a folder, not a manifest file") from None
    except OSError as problem:
        raise ManifestError(f"{path}: cannot be read ({problem.strerror})") from None
    except UnicodeDecodeError as problem:
        raise ManifestError(f"{path}: not valid UTF-8 ({problem.reason} at byte {problem.start})") from None
    except RecursionError:
        raise ManifestError(f"{path}: nested too deeply to be a manifest") from None
    except yaml.YAMLError as problem:
        where = getattr(problem, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else ""
        raise ManifestError(f"{path}: malformed YAML{line}: {getattr(problem, 'problem', problem)}") from None
    try:
        check_manifest(manifest)
    except ManifestError as problem:
        raise ManifestError(f"{path}: {problem}") from None
    return manifest


def review_entries(manifest: dict, path: Path) -> list[dict]:
    """The review entries of the manifest read from `path`, each with its id (given, else the
    file's stem); the schema has checked their types.

    Raises
    ------
    ManifestError
        An id or a file is given twice.
    """
    seen_ids = set()
    seen_files = set()
    result = []
    for position, entry in enumerate(manifest["reviews"], start=1):
        review_id = str(entry.get("id") or Path(entry["file"]).stem)
        if review_id in seen_ids:
            raise ManifestError(f"{path}: review id {review_id!r} is used twice")
        if entry["file"] in seen_files:
            raise ManifestError(f"{path}: file {entry['file']!r} is listed twice (review entry {position})")
        seen_ids.add(review_id)
        seen_files.add(entry["file"])
        result.append({**entry, "id": review_id})
    return result


def megabytes(size: int) -> str:
    """A size in bytes as megabytes for a message: ``"32.0 MB"``."""
    return f"{size / 2**20:.1f} MB"


def manifest_reference() -> str:
    """The manifest's fields as a Markdown table, from the schema's descriptions."""
    lines = ["| field | what it holds |", "| --- | --- |"]
    lines += [f"| `{path}` | {description} |" for path, description in _fields(read_yaml(SCHEMA_FILE), "")]
    return "\n".join(lines) + "\n"


def _fields(schema: dict, path: str) -> Iterator[tuple[str, str]]:
    for name, field in (schema.get("properties") or {}).items():
        field_path = f"{path}.{name}" if path else name
        required = name in (schema.get("required") or [])
        yield field_path, field.get("description", "") + (" (required)" if required else "")
        yield from _fields(field, field_path)
        items = field.get("items")
        if isinstance(items, dict) and items.get("properties"):
            yield from _fields(items, f"{field_path}[]")
        values = field.get("additionalProperties")
        if isinstance(values, dict) and values.get("properties"):
            yield from _fields(values, f"{field_path}.<name>")
