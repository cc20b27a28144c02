"""The judged list: mainland sentences with their Taiwan and Hong Kong forms.

``tests/data/convert_judged.tsv`` holds one sentence a line: the Simplified source, the
Taiwan form, the Hong Kong form and why (the dictionary entry that decides the ambiguous
word; MOE = 教育部《重編國語辭典修訂本》). Every sentence must convert exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wenji.script import get_converter

JUDGED = Path(__file__).parent / "data" / "convert_judged.tsv"


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in JUDGED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            source, taiwan, hong_kong, _why = line.split("\t")
            rows.append((source, taiwan, hong_kong))
    return rows


ROWS = _rows()


def test_the_list_is_large_and_has_no_duplicates():
    assert len({source for source, _, _ in ROWS}) == len(ROWS)


@pytest.mark.parametrize(("source", "taiwan", "hong_kong"), ROWS, ids=[r[0] for r in ROWS])
def test_judged_sentence(source, taiwan, hong_kong):
    assert get_converter("s2tw").convert(source) == taiwan
    assert get_converter("s2hk").convert(source) == hong_kong
