"""Errors that carry a message for the user rather than a traceback.

The CLI turns a `UsageError` into one line on stderr and exit code 2 (see cli.py): a wrong
column name, an empty input, an unknown representation or reader, a path that does not exist.
Raise it with a message that says what exists, e.g. the columns the file has.
"""

from __future__ import annotations


class UsageError(ValueError):
    """What the user asked for cannot be done as asked; the message says why and what exists."""
