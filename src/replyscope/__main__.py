"""`python -m replyscope` runs the CLI (what the Makefile uses, so it runs the interpreter it set up),
and ends the process without tearing the interpreter down (cli.main)."""

from replyscope.cli import main

main()
