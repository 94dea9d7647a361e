"""Frozen entry point of ``liasse-sandbox`` (same as the ``liasse-sandbox`` script of pyproject.toml)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # see entry_liasse.py
    from app.sae.sandbox.__main__ import main

    sys.exit(main())
