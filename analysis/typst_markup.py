"""Typst markup from text and Markdown: literal text, string literals, and the notebooks' prose.

The PDF report (:mod:`analysis.report_typst`) sets the notebooks' Markdown as Typst markup; mistune
reads it exactly as it does for the HTML report.

>>> escape("5 * 2 = #10")
'5 \\* 2 \\= \\#10'
"""

from __future__ import annotations

# Characters that mean something in Typst markup; a backslash makes each literal.
_MARKUP = set("\\*_`#$@<>[]~/=-+.")


def escape(text: str) -> str:
    """`text` as Typst markup that shows it literally (line breaks become spaces)."""
    return "".join(f"\\{character}" if character in _MARKUP else character for character in " ".join(text.split("\n")))


def string_literal(text: str) -> str:
    """`text` as a Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _inline(tokens: list[dict]) -> str:
    parts = []
    for token in tokens:
        kind = token["type"]
        children = token.get("children")
        if kind == "text":
            parts.append(escape(token["raw"]))
        elif kind == "codespan":
            parts.append(f"#raw({string_literal(token['raw'])});")
        elif kind == "emphasis":
            parts.append(f"#emph[{_inline(children)}]")
        elif kind == "strong":
            parts.append(f"#strong[{_inline(children)}]")
        elif kind == "link":
            parts.append(f"#link({string_literal(token['attrs']['url'])})[{_inline(children)}]")
        elif kind == "linebreak":
            parts.append(" \\\n")
        elif kind == "softbreak":
            parts.append(" ")
        elif children is not None:
            parts.append(_inline(children))
        else:
            parts.append(escape(token.get("raw", "")))
    return "".join(parts)


def _markdown_blocks(tokens: list[dict], indent: str = "") -> list[str]:
    parts = []
    for token in tokens:
        kind = token["type"]
        if kind == "heading":
            parts.append("=" * token["attrs"]["level"] + " " + _inline(token["children"]))
        elif kind in ("paragraph", "block_text"):
            parts.append(indent + _inline(token["children"]))
        elif kind == "list":
            ordered, start = token["attrs"].get("ordered"), token["attrs"].get("start", 1)
            for number, item in enumerate(token["children"], start=start):
                body = _markdown_blocks(item["children"], indent + "  ")
                parts.append(indent + (f"{number}." if ordered else "-") + " " + "\n".join(body).lstrip())
        elif kind == "block_code":
            parts.append(f"#raw(block: true, {string_literal(token['raw'].rstrip())})")
        elif kind == "block_quote":
            parts.append("#quote(block: true)[" + "\n\n".join(_markdown_blocks(token["children"])) + "]")
        elif kind == "thematic_break":
            parts.append("#line(length: 100%, stroke: 0.4pt + luma(180))")
        elif kind != "blank_line" and token.get("children") is not None:
            parts.append(indent + _inline(token["children"]))
        elif kind != "blank_line":
            parts.append(indent + escape(token.get("raw", "")))
    return parts


def markdown_typst(text: str) -> str:
    """Markdown (as mistune reads it for the HTML report) as Typst markup."""
    import mistune

    tokens = mistune.create_markdown(renderer=None)(text)
    return "\n\n".join(_markdown_blocks(tokens))
