"""``python -m wenji``: the command line (see :mod:`wenji.cli`)."""

from .cli import main

raise SystemExit(main())
