import os
import sys

from analysis.cli import main

status = main()
if sys.getprofile() is not None or sys.gettrace() is not None:
    sys.exit(status)  # a profiler or coverage tool writes its results at a normal exit
# Everything is written and every worker, cluster and cache is closed by now. Freeing a large
# corpus's millions of objects one by one at interpreter exit takes longer than some commands'
# own work, so the process ends at once, once its output is flushed.
try:
    sys.stdout.flush()
except BrokenPipeError:
    pass  # the reader stopped early (`... | head`), as main() allows
sys.stderr.flush()
os._exit(status)
