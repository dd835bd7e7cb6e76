"""PyMuPDF, configured once: MuPDF's own messages never reach stdout or stderr.

MuPDF prints errors about damaged content straight to stdout, which would corrupt a JSON
inventory piped to another program. They are collected instead, and the loaders turn what they
mean into warnings on the document (`pymupdf.TOOLS.mupdf_warnings()`).
"""

import pymupdf

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

__all__ = ["pymupdf"]
