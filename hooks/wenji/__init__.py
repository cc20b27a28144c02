"""wenji: turn corpora of raw Chinese texts into structured, linkable pages.

The pipeline, one module a stage: ``decode`` → ``clean`` → ``frontmatter`` →
``boilerplate`` → ``metadata`` → ``structure`` (with ``ids``) → ``render``.
``pipeline.process`` runs them all; ``script`` converts a finished model into another
script. Nothing in this package imports MkDocs: ``hooks/wenji_hooks.py`` is the adapter.
"""

__version__ = "0.1.0"
