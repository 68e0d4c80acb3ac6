"""Offline training of the project's own models (run by `make models`, never at run time)."""
