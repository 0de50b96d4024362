"""Run one analysis command in this process and print the process's peak memory and times.

With ``--dask local`` the command's process is the Dask client, with the local scheduler in it;
the workers are processes of their own, so their memory is not in this figure. That is the
client memory of the README's Dask section::

    .venv/bin/python scripts/client_memory.py vocab reviews.parquet --json --dask local > /dev/null

prints, on standard error, the peak resident set size of this process (``ru_maxrss``) and that
of its largest child that ended (a forked worker of one machine, or a local cluster's worker),
the wall time, this process's CPU time and that of its children, and the load average at the
end. The arguments are those of
``python -m analysis``; its output goes to standard output as usual.
"""

from __future__ import annotations

import os
import resource
import sys
import time

# ru_maxrss is in kibibytes on Linux and in bytes on macOS.
RSS_BYTES = 1 if sys.platform == "darwin" else 1024


def main(argv: list[str]) -> int:
    from analysis.cli import main as analysis_main

    started = time.perf_counter()
    status = analysis_main(argv)
    wall = time.perf_counter() - started
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"peak memory {own.ru_maxrss * RSS_BYTES / 2**20:.0f} MB, "
        f"largest child's {children.ru_maxrss * RSS_BYTES / 2**20:.0f} MB, wall {wall:.1f} s, "
        f"CPU {own.ru_utime + own.ru_stime:.1f} s here and {children.ru_utime + children.ru_stime:.1f} s in children, "
        f"load average {os.getloadavg()[0]:.2f}",
        file=sys.stderr,
    )
    return status


if __name__ == "__main__":  # Dask's local workers are spawned and import this file again
    sys.exit(main(sys.argv[1:]))
