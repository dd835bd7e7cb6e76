"""Widgets: the pieces screens are built from."""
