"""Print each exported figure's printed width and the sizes of its text, read from the files.

The PDF's page gives the width in inches; the SVG (text kept as text, one SVG unit a point)
gives every text's font size. Run from the project folder:

    .venv/bin/python scripts/figure_text_sizes.py [FIGURES_FOLDER]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from pypdf import PdfReader

FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)px")


def main(folder: Path) -> int:
    print(f"{'figure':32} {'width in':>8} {'height in':>9} {'smallest pt':>11} {'largest pt':>10}")
    for pdf in sorted(folder.glob("*.pdf")):
        box = PdfReader(pdf).pages[0].mediabox
        sizes = [float(size) for size in FONT_SIZE.findall(pdf.with_suffix(".svg").read_text(encoding="utf-8"))]
        smallest, largest = (f"{min(sizes):.1f}", f"{max(sizes):.1f}") if sizes else ("-", "-")
        print(f"{pdf.stem:32} {float(box.width) / 72:8.2f} {float(box.height) / 72:9.2f} {smallest:>11} {largest:>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("figures")))
