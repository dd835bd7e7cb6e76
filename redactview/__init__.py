"""Browse, count, compare and export the redactions in disclosed documents."""

__version__ = "0.1.0"
