"""Run redactview as `python -m redactview`."""

import sys

from redactview.cli import main

sys.exit(main())
