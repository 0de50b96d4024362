"""Progress bars for long work, shown on a terminal only.

A bar is drawn with tqdm when standard error is a terminal and the work lasts more than a couple
of seconds; in tests, notebooks, pipes and logs nothing is printed, so outputs stay
deterministic (nbval compares stderr too).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

Item = TypeVar("Item")
# Short work stays silent: a bar appears only after this many seconds.
DELAY_SECONDS = 2.0


def progress(
    items: Iterable[Item], *, description: str, unit: str = "it", total: int | None = None
) -> Iterator[Item]:
    """Iterate over `items`, with a tqdm bar on an interactive terminal (nothing elsewhere)."""
    if not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=description, unit=unit, total=total, delay=DELAY_SECONDS, leave=False)
