"""Real law texts for the law archive stand-in (``bench/law_archive.py``): read from git
mirrors of two public repositories, each title once, filed by kind.

See ``law_archive.py`` for the sources and what is left out (every file in LawRefBook/Laws'
format: that project's texts must not be used here).
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

MIRRORS = Path("/work/.mirror")
NPC = "DiamonWoo/Laosheng.top"
WW = "waystowork/waystowork.github.io"
DEFAULT_SOURCES = {
    NPC: f"{MIRRORS}/DiamonWoo+Laosheng.top/repo@960d764c2764edb3314e225cd500a5144b8d56c4",
    WW: f"{MIRRORS}/waystowork+waystowork.github.io/repo@e1c3f865f2624cd100fbdab40873bc29717b29c9",
}
NPC_DIR = "falv/flk.npc"
WW_DIRS = ("src/laws", "src/sfjs", "src/xzzfhg")

FOLDERS = {  # kind -> folder in the corpus
    "rule": "规章",
    "law": "法律",
    "regulation": "行政法规",
    "interpretation": "司法解释",
    "document": "规范性文件",
}
MIN_HAN = 100  # fewer Han characters: an empty placeholder, not a text
NAME_CHARS = 80  # file names of at most 240 bytes in UTF-8

LAWREFBOOK = re.compile(rb"<!-- INFO END -->")
LAWREFBOOK_NAME = re.compile(r"\(\d{4}-\d\d-\d\d\)\.md$")
HEADING_MARK = re.compile(r"^#{1,6}[ \t]+", re.M)
HAN = re.compile(r"[\u4e00-\u9fff]")
VERSION_NOTE = re.compile(r"[（(][^（()）]*(?:\d|修正|修订|修改)[^（()）]*[）)]$")
INTERPRETATION = re.compile(r"最高人民(?:法院|检察院)|法释〔")
KINDS = (
    ("law", re.compile(r"(?<!办)法(?:典)?$|宪法|法修正案|人民代表大会(?:常务委员会)?关于")),
    ("regulation", re.compile(r"条例(?:（[^）]*）)?$")),
    ("rule", re.compile(r"(?:规定|办法|细则|规则|规范|标准)(?:（[^）]*）)?$")),
)


@dataclass(frozen=True)
class Source:
    repo: str
    git_dir: Path
    commit: str

    @classmethod
    def parse(cls, repo: str, spec: str) -> Source:
        path, _, commit = spec.rpartition("@")
        if not path:
            raise SystemExit(f"{repo}: give GITDIR@COMMIT, not {spec!r}")
        return cls(repo, Path(path), commit)

    def files(self, *folders: str) -> list[tuple[str, bytes]]:
        """(path, bytes) of every blob under ``folders`` at the commit, in path order."""
        listing = self._git("ls-tree", "-r", "-z", self.commit, "--", *folders)
        entries = []
        for record in listing.split(b"\0"):
            if not record:
                continue
            meta, path = record.split(b"\t", 1)
            if meta.split()[1] == b"blob":
                entries.append((path.decode("utf-8"), meta.split()[2].decode()))
        entries.sort()
        batch = self._git("cat-file", "--batch", stdin="".join(f"{sha}\n" for _, sha in entries))
        out, at = [], 0
        for path, _ in entries:
            header_end = batch.index(b"\n", at)
            size = int(batch[at:header_end].split()[2])
            out.append((path, batch[header_end + 1 : header_end + 1 + size]))
            at = header_end + 1 + size + 1
        return out

    def _git(self, *args: str, stdin: str | None = None) -> bytes:
        command = ["git", "--git-dir", str(self.git_dir), *args]
        data = stdin.encode() if stdin is not None else None
        return subprocess.run(command, input=data, capture_output=True, check=True).stdout


@dataclass
class Text:
    title: str
    kind: str
    data: bytes
    origin: str  # repository:path


@dataclass
class Collected:
    texts: list[Text] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)


def bare_title(title: str) -> str:
    """The title without a trailing version note (（2018年修正文本）) and spaces."""
    return VERSION_NOTE.sub("", title).replace(" ", "").replace("　", "")


def kind_of(title: str, path: str) -> str:
    """The folder's kind of a text, from its title (and, in waystowork, its folder)."""
    bare = bare_title(title)
    if path.startswith("src/sfjs/") or INTERPRETATION.search(bare):
        return "interpretation"
    for kind, pattern in KINDS:
        if pattern.search(bare):
            return kind
    return "document"


def collect(npc: Source, ww: Source, duplicates: bool = False) -> Collected:
    """The texts of both sources, LawRefBook's copies left out, each title once.

    With ``duplicates``, a title already taken is taken again (waystowork files one law
    in several of its folders, often in another copy than the NPC database's).
    """
    found = Collected()
    seen: set[str] = set()

    def add(title: str, data: bytes, path: str, repo: str) -> None:
        key = bare_title(title)
        if key in seen and not duplicates:
            found.skipped["same title as a text already taken"] += 1
            return
        if len(HAN.findall(data.decode("utf-8", "replace"))) < MIN_HAN:
            found.skipped[f"fewer than {MIN_HAN} Han characters"] += 1
            return
        seen.add(key)
        found.texts.append(Text(title, kind_of(title, path), data, f"{repo}:{path}"))

    for path, data in npc.files(NPC_DIR):
        if path.endswith(".txt"):
            name = path.rsplit("/", 1)[1].removesuffix(".txt").lstrip("-")
            add(re.sub(r"_\d{8}$", "", name), data, path, npc.repo)
    for path, data in ww.files(*WW_DIRS):
        if not path.endswith(".md") or path.endswith("README.md"):
            continue
        if LAWREFBOOK.search(data) or LAWREFBOOK_NAME.search(path):
            found.skipped["LawRefBook/Laws format (not used)"] += 1
            continue
        text = HEADING_MARK.sub("", data.decode("utf-8"))
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        title = first or path.rsplit("/", 1)[1].removesuffix(".md")
        add(title, text.encode("utf-8"), path, ww.repo)
    return found


def file_name(title: str, taken: set[str]) -> str:
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", title)[:NAME_CHARS]
    name, n = f"{stem}.txt", 1
    while name in taken:
        n += 1
        name = f"{stem}_{n}.txt"
    taken.add(name)
    return name


def write_corpus(texts: list[Text], corpus: Path) -> int:
    """The texts as ``corpus/FOLDER/TITLE.txt``; returns their bytes."""
    taken: dict[str, set[str]] = {}
    total = 0
    for text in texts:
        folder = FOLDERS[text.kind]
        target = corpus / folder / file_name(text.title, taken.setdefault(folder, set()))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.data)
        total += len(text.data)
    return total
