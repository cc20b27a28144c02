"""MkDocs adapter: the raw copy of a text, written when MkDocs copies static files.

The bytes come from :func:`wenji.rawtext.published_bytes` (UTF-8 with a byte-order mark, so
browsers never show mojibake whatever charset the server sends). They are read from the
source, as the corpus reads it (a regular file inside the corpus folder only), when the file
is copied, one file at a time, so a large corpus is never held in memory.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from wenji.corpus import CorpusFile
from wenji.rawtext import published_bytes

log = logging.getLogger("mkdocs.plugins.wenji")


class RawTextFile(File):
    """A generated ``.txt`` whose published bytes are made from its source when copied."""

    source: CorpusFile
    source_encoding: str = "utf-8"

    @classmethod
    def of(cls, config: MkDocsConfig, uri: str, source: CorpusFile, encoding: str) -> RawTextFile:
        file = cls.generated(config, uri, abs_src_path=str(source.path))
        assert isinstance(file, RawTextFile)
        file.source = source
        file.source_encoding = encoding
        return file

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        try:
            data = published_bytes(self.source.read_bytes(), self.source_encoding)
        except (OSError, ValueError) as error:  # changed since the scan (a link, binary …)
            reason = error.strerror or str(error)
            log.warning("wenji: %s: raw copy not published (%s)", self.source.source, reason)
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        Path(self.abs_dest_path).write_bytes(data)
