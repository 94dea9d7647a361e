"""Frozen entry point of ``liasse-cli`` (same as the ``liasse-cli`` script of pyproject.toml)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # see entry_liasse.py
    from app.cli import main

    sys.exit(main())
