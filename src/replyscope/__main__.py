"""`python -m replyscope` runs the CLI (what the Makefile uses, so it runs the interpreter it set up)."""

from replyscope.cli import main

main()
