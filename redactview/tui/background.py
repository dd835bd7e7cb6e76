"""Imported first by the fork server: it and every child it forks run at a lower priority.

Loading and scanning should never take the CPU from the screen: on a busy machine the UI
keeps answering keys while documents load behind it. Importing this module has that effect
on purpose, so only the fork server imports it (see `jobs.PRELOAD`).
"""

from __future__ import annotations

import contextlib
import os

NICENESS = 5

if hasattr(os, "nice"):
    with contextlib.suppress(OSError):  # not permitted here: stay at the normal priority
        os.nice(NICENESS)
