"""Frozen entry point of the ``liasse`` GUI (same as the ``liasse`` gui-script of pyproject.toml)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # A frozen program is its own interpreter: a spawned worker re-runs this executable and must be
    # diverted to multiprocessing here, before anything else happens.
    multiprocessing.freeze_support()
    from app.__main__ import main

    sys.exit(main())
