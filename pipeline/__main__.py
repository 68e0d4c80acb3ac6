"""Entry point for ``python -m pipeline``."""

import logging
import os
import sys

from pipeline.cli import EXIT_INTERRUPTED, EXIT_TERMINATED, main

code = main()
if code in (EXIT_INTERRUPTED, EXIT_TERMINATED):
    # A stopped run has committed what it could and recorded itself; the interpreter's exit hooks would still
    # join the process pool's threads and children, whose workers were just stopped, and a stopped nightly job
    # was once seen alive a minute after its last line. End now, after flushing what was written.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
sys.exit(code)
