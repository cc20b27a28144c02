"""How well the Traditional editions convert, measured on real text (``make convert-eval``).

Round trip: real Taiwan and Hong Kong text (``bench/convert/``, listed with repository,
path and commit in ``manifest.tsv``) is turned into Simplified with OpenCC ``t2s`` and
back with each converter; every character that differs from the original is counted and
classed:

* ``variant``: the same character in another glyph standard (裏/裡, 着/著, 台/臺, 羣/群);
* ``style``: both spellings are standard and the writer chose the other one (發布/發佈,
  計畫/計劃, 分/份, 才/纔, 了/瞭, 周/週);
* ``wrong``: a different character (乾/幹, 髮/發, 制/製, 準/准, 隻/只, 曆/歷 …).

Figures are per 10,000 Han characters of the original, for the part the word lists were
tuned on (``tune``) and the part nobody looked at (``heldout``). ``--examples N`` prints
the N most frequent wrong words of wenji on the tune part (never the held-out part, unless
``--heldout-examples``). ``--speed`` times conversion of the mainland texts in ``corpus/``
and ``bench/fidelity/texts/`` (OpenCC alone, jieba + OpenCC, wenji with rjieba).
"""

from __future__ import annotations

import argparse
import collections
import difflib
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from wenji.script import Converter, segment, simplified_only_chars  # noqa: E402

DATA = ROOT / "bench" / "convert"
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

# Glyph variants OpenCC's variant tables do not pair (the rest: tw2t/hk2t agree), and
# pairs the MOE dictionary lists as one character's variants (鑒/鑑, 泛濫/氾濫, 鉅額/巨額,
# 卹/恤, 荐/薦, 樑/梁, 提昇 "同「提升」", 內 with the mainland form 内 in a few sources).
VARIANT_PAIRS = {
    frozenset(pair)
    for pair in [
        "着著",
        "台臺",
        "群羣",
        "峰峯",
        "衛衞",
        "線綫",
        "鑒鑑",
        "泛氾",
        "巨鉅",
        "卹恤",
        "荐薦",
        "梁樑",
        "昇升",
        "内內",
    ]
}
# Alternative standard spellings of the same word in Taiwan or Hong Kong.
STYLE_PAIRS = {
    frozenset(pair)
    for pair in (
        "布佈",
        "畫劃",
        "周週",
        "分份",
        "煙菸",
        "了瞭",
        "才纔",
        "雇僱",
        "托託",
        "盡儘",
        "并並",
        "併並",
        "秘祕",
        "沈沉",
        "嘆歎",
        "占佔",
        "采採",
        "游遊",
        "帳賬",
        "回迴",
        "鈎鉤",
        "痴癡",
        "污汙",
        "麼么",
        "于於",
    )
}
CLASSES = ("variant", "style", "wrong")


def _opencc(config: str) -> Callable[[str], str]:
    return opencc.OpenCC(config).convert


_TW2T, _HK2T = _opencc("tw2t"), _opencc("hk2t")


def classify(original: str, converted: str) -> str:
    """``variant``, ``style`` or ``wrong`` for one differing character pair."""
    pair = frozenset((original, converted))
    if pair in VARIANT_PAIRS or _TW2T(original) == _TW2T(converted):
        return "variant"
    if _HK2T(original) == _HK2T(converted):
        return "variant"
    return "style" if pair in STYLE_PAIRS else "wrong"


def differences(original: str, converted: str) -> Iterable[tuple[int, str, str]]:
    """(position in original, original char, converted char) for each differing char."""
    if len(original) == len(converted):
        for index, (a, b) in enumerate(zip(original, converted, strict=True)):
            if a != b:
                yield index, a, b
        return
    matcher = difflib.SequenceMatcher(None, original, converted, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for offset in range(max(i2 - i1, j2 - j1)):
            a = original[i1 + offset] if i1 + offset < i2 else ""
            b = converted[j1 + offset] if j1 + offset < j2 else ""
            yield i1 + offset, a, b


def manifest() -> list[tuple[str, str]]:
    """(file, part) of every collected text."""
    rows = []
    for line in (DATA / "manifest.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            fields = line.split("\t")
            rows.append((fields[0], fields[1]))
    return rows


def systems(region: str) -> dict[str, Callable[[str], str]]:
    """The converters compared for ``region`` ("tw" or "hk")."""
    if region == "tw":
        return {
            "OpenCC s2tw": _opencc("s2tw"),
            "OpenCC s2twp": _opencc("s2twp"),
            "wenji s2tw": Converter("s2tw").convert,
        }
    return {"OpenCC s2hk": _opencc("s2hk"), "wenji s2hk": Converter("s2hk").convert}


def round_trip(args: argparse.Namespace) -> None:
    to_simplified = _opencc("t2s")
    rows = manifest()
    examples: collections.Counter[tuple[str, str]] = collections.Counter()
    print("| text | part | Han chars | converter | variant | style | wrong | all |")
    print("|---|---|---:|---|---:|---:|---:|---:|")
    for region in ("tw", "hk"):
        converters = systems(region)
        for part in ("tune", "heldout"):
            files = [name for name, p in rows if p == part and name.startswith(region + "/")]
            texts = [(DATA / name).read_text(encoding="utf-8") for name in files]
            han = sum(len(HAN.findall(text)) for text in texts)
            for label, convert in converters.items():
                counts = collections.Counter()
                for text in texts:
                    for line in text.splitlines():
                        back = convert(to_simplified(line))
                        for index, a, b in differences(line, back):
                            kind = classify(a, b) if a and b else "wrong"
                            counts[kind] += 1
                            show = part == "tune" or args.heldout_examples
                            if kind == "wrong" and label.startswith("wenji") and show:
                                context = line[max(0, index - 2) : index + 3]
                                examples[(context, back[max(0, index - 2) : index + 3])] += 1
                per = {kind: 10_000 * counts[kind] / han for kind in CLASSES}
                total = sum(per.values())
                cells = " | ".join(f"{per[kind]:.2f}" for kind in CLASSES)
                print(f"| {region} | {part} | {han:,} | {label} | {cells} | {total:.2f} |")
    if args.examples:
        print("\nMost frequent wrong characters of wenji (original → wenji):")
        for (original, converted), count in examples.most_common(args.examples):
            print(f"{count:4d}  {original} → {converted}")


def _mainland_text() -> str:
    paths = sorted((ROOT / "corpus").rglob("*.txt"))
    paths += sorted((ROOT / "bench" / "fidelity" / "texts").rglob("*.txt"))
    texts = []
    for path in paths:
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                texts.append(raw.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
    return "\n".join(texts)


def _seconds(convert: Callable[[str], str], lines: list[str], repeat: int) -> float:
    for line in lines:  # warm-up: dictionaries loaded, word cache filled
        convert(line)
    timings = []
    for _ in range(repeat):
        started = time.process_time()
        for line in lines:
            convert(line)
        timings.append(time.process_time() - started)
    return statistics.median(timings)


def speed(args: argparse.Namespace) -> None:
    import jieba
    import rjieba

    jieba.setLogLevel(60)
    text = _mainland_text()
    lines = [line for line in text.splitlines() if line.strip()]
    han = len(HAN.findall(text))
    plain = _opencc("s2tw")
    wenji = Converter("s2tw")
    cut = segment.cut

    def with_jieba(line: str) -> str:
        segment.cut = lambda t: jieba.lcut(t, HMM=False)
        try:
            return wenji.convert(line)
        finally:
            segment.cut = cut

    def with_leftover_check(line: str) -> set[str]:
        return simplified_only_chars(wenji.convert(line))

    def rjieba_only(line: str) -> list[str]:
        return cut(line)

    def jieba_only(line: str) -> list[str]:
        return jieba.lcut(line, HMM=False)

    print(f"mainland text: {han:,} Han characters, {len(lines):,} lines; CPU seconds per 1M")
    for label, convert in (
        ("OpenCC s2tw alone", plain),
        ("rjieba segmentation alone", rjieba_only),
        ("jieba segmentation alone (HMM off)", jieba_only),
        ("wenji s2tw with jieba", with_jieba),
        ("wenji s2tw (rjieba)", wenji.convert),
        ("wenji s2tw + leftover check", with_leftover_check),
    ):
        seconds = _seconds(convert, lines, args.repeat)
        print(f"  {label:38s} {seconds * 1_000_000 / han:6.2f} s")
    started = time.perf_counter()
    rjieba.Jieba()
    print(f"  rjieba dictionary load (once per process): {time.perf_counter() - started:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=0, metavar="N")
    parser.add_argument("--heldout-examples", action="store_true")
    parser.add_argument("--speed", action="store_true", help="time conversion instead")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    speed(args) if args.speed else round_trip(args)


if __name__ == "__main__":
    main()
