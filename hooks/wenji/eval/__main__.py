"""``python -m wenji.eval``: the fidelity scorer (see :mod:`wenji.eval.cli`)."""

from .cli import main

raise SystemExit(main())
