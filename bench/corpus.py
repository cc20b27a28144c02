"""Synthetic corpora for the benchmarks, recombined from the five real texts in ``corpus/``.

``generate(n, out_dir)`` writes ``n`` texts of about 8 KB each into ``out_dir``, grouped in
``year/category`` folders of 50–150 texts, and returns the ``folder_titles`` mapping for
``extra.wenji`` (also written to ``out_dir/folder_titles.yml``, which the build ignores).

Every text is made of whole pieces of the real texts, never of invented sentences: intro
paragraphs, ``一、`` section headings, ``（一）`` items, ``第一，`` items, runs of parallel
lead sentences (``要坚持…。`` ``着力在…。``), body paragraphs and closings, shuffled and
recombined under a new title, and renumbered so that the numbering stays consistent.
Around the body, the things real files have: date, speaker and subtitle lines under the
title, front matter, a scraped-site ad block, ``来源：`` lines, GB18030 and UTF-8-with-BOM
files, CRLF line ends, Chinese file names. The same ``n`` and ``seed`` give the same bytes.

Run ``python bench/corpus.py N DIR`` to write one corpus.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from wenji.patterns import int_to_cn

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "corpus"
SEED = 20230201
TARGET_BYTES = 8 * 1024
FIDELITY_DIR = ROOT / "bench" / "fidelity" / "texts"
REAL_SHARE = 20  # one text in 20 is a real one (up to all of bench/fidelity/texts)
BIG_FOLDER = 2000  # texts in the one big folder of shape "real"
LONG_TEXT_BYTES = 2 * 1024 * 1024  # the one very long text of shape "real"

_CN = "[一二三四五六七八九十]{1,3}"
_TOP = re.compile(rf"^{_CN}、(?![一二三四五六七八九十])")
_SUB = re.compile(rf"^（{_CN}）")
_ORDINAL = re.compile(rf"^第{_CN}[，、]")
_SALUTATION = re.compile(r"^(?:同志们|同事们|各位)[^。]{0,12}[：:]$")
_CLOSING = re.compile(r"^(?:同志们，|发言完毕|我就讲|谢谢|以上)|谢谢大家|批评指正")
_AD = re.compile(r"仅供学习|禁止外传|会员|QQ群|订阅|倒卖|酷乐文行|自建平台|不断迭代")
_FIRST_SENTENCE = re.compile(r"^[^。！？]{4,32}[。！？]")

CATEGORIES = (
    ("speeches", "领导讲话"),
    ("study", "学习研讨"),
    ("mobilisation", "动员部署"),
    ("statements", "交流发言"),
    ("reports", "工作报告"),
)
PLACES = ("全市", "全县", "全区", "全省", "市直机关", "全系统", "全镇", "开发区", "市委", "县委")
THEMES = (
    "推进“四敢”",
    "优化营商环境",
    "乡村振兴",
    "作风建设",
    "重点项目建设",
    "安全生产",
    "党风廉政建设",
    "高质量发展",
    "招商引资",
    "生态环境保护",
    "“以学促干”",
    "干部队伍建设",
    "基层党建",
    "城市更新",
    "民生实事",
    "防汛救灾",
)
MEETINGS = (
    "动员大会",
    "工作会议",
    "推进会",
    "专题研讨班",
    "务虚会",
    "座谈会",
    "理论学习中心组专题学习",
    "常委会扩大会议",
    "调度会",
    "誓师大会",
)
ENDINGS = ("上的讲话", "上的发言", "上的讲话提纲", "上的交流发言", "上的发言材料", "上的报告")
SLOGANS = (
    "以“干”字当头推动高质量发展",
    "坚持真抓实干 激发干事创业活力",
    "敢为敢闯敢干敢首创 奋力走在前列",
    "以学促干 学用相长",
    "聚焦中心 狠抓落实",
    "提振精气神 干出新气象",
    "在新征程上展现新作为",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志红"
ADS = (
    "仅供学习 禁止外传",
    "本资料来源于网络，仅供学习交流",
    "关注公众号获取更多资料",
    "会员专享 免费QQ群：",
    "现在订阅立享全年资料",
)


@dataclass
class Seeds:
    """The pieces of the real texts, by kind."""

    intros: list[str] = field(default_factory=list)
    top_headings: list[str] = field(default_factory=list)  # without the 一、 marker
    sub_items: list[str] = field(default_factory=list)  # without the （一） marker
    ordinal_items: list[str] = field(default_factory=list)  # without the 第一， marker
    lead_runs: list[list[str]] = field(default_factory=list)
    bodies: list[str] = field(default_factory=list)
    closings: list[str] = field(default_factory=list)


def read_seeds(seed_dir: Path = SEED_DIR) -> Seeds:
    """Split every real text into pieces; the ad block and the title line are dropped."""
    seeds = Seeds()
    for path in sorted(seed_dir.rglob("*.txt")):
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        if lines and lines[0] == "---":
            lines = lines[lines.index("---", 1) + 1 :]
        lines = [line.strip() for line in lines if line.strip() and not _AD.search(line)]
        if lines and len(lines[0]) <= 60 and "。" not in lines[0]:
            lines = lines[1:]
        if lines and _CLOSING.search(lines[-1]):
            seeds.closings.append(lines.pop())
        seen_marker = False
        run: list[str] = []
        for line in lines:
            lead = _FIRST_SENTENCE.match(line)
            if run and not lead:
                _flush_run(run, seeds)
                run = []
            if _SALUTATION.match(line) or line.startswith("下面，"):
                continue
            if run and (_TOP.match(line) or _SUB.match(line) or _ORDINAL.match(line)):
                _flush_run(run, seeds)
                run = []
            if match := _TOP.match(line):
                seeds.top_headings.append(line[match.end() :])
                seen_marker = True
            elif match := _SUB.match(line):
                seeds.sub_items.append(line[match.end() :])
            elif match := _ORDINAL.match(line):
                seeds.ordinal_items.append(line[match.end() :])
                seen_marker = True
            elif lead:
                run.append(line)
            elif seen_marker:
                seeds.bodies.append(line)
            else:
                seeds.intros.append(line)
        _flush_run(run, seeds)
    return seeds


def _flush_run(run: list[str], seeds: Seeds) -> None:
    """Three or more lead sentences in a row, parallel in length or opening: a run."""
    lengths = [len(_FIRST_SENTENCE.match(line).group()) for line in run]  # type: ignore[union-attr]
    same_start = len({line[:2] for line in run}) == 1
    if len(run) >= 3 and (same_start or max(lengths) - min(lengths) <= 3):
        seeds.lead_runs.append(list(run))
    else:
        seeds.bodies.extend(run)


def _size(lines: list[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def body_lines(rng: random.Random, seeds: Seeds, target: int) -> list[str]:
    """The body of one text in one of four shapes, grown to about ``target`` bytes."""
    shape = rng.choices(("sections", "lead", "ordinal", "mixed"), (4, 2, 2, 2))[0]
    lines = ["同志们："] if rng.random() < 0.7 else []
    lines += rng.sample(seeds.intros, rng.randint(1, 2))
    if shape == "ordinal":
        items = rng.sample(seeds.ordinal_items + seeds.sub_items, k=min(12, target // 700 + 2))
        for number, item in enumerate(items, 1):
            if _size(lines) >= target:
                break
            lines.append(f"第{int_to_cn(number)}，{item}")
            if rng.random() < 0.4:
                lines.append(rng.choice(seeds.bodies))
    else:
        if rng.random() < 0.6:
            lines.append(f"下面，我讲{int_to_cn(rng.randint(3, 5))}点意见。")
        headings = rng.sample(seeds.top_headings, len(seeds.top_headings))
        number = 0
        while _size(lines) < target and number < len(headings):
            heading = headings[number]
            number += 1
            lines.append(f"{int_to_cn(number)}、{heading}")
            if rng.random() < 0.7:
                lines.append(rng.choice(seeds.bodies))
            kind = {"sections": "sub", "lead": "lead"}.get(shape) or rng.choice(("sub", "lead"))
            if kind == "lead":  # a whole run, or at least three of it: still parallel
                run = rng.choice(seeds.lead_runs)
                for index, sentence in enumerate(rng.sample(run, k=len(run))):
                    if index >= 3 and _size(lines) >= target:
                        break
                    lines.append(sentence)
            else:
                items = rng.sample(seeds.sub_items, rng.randint(2, 5))
                for index, item in enumerate(items, 1):
                    if index > 2 and _size(lines) >= target:
                        break
                    lines.append(f"（{int_to_cn(index)}）{item}")
    lines.append(rng.choice(seeds.closings))
    return lines


def title_lines(rng: random.Random, category: str, date: tuple[int, int, int]) -> list[str]:
    """Title, then (sometimes) subtitle, date and speaker lines, as texts print them."""
    meeting = rng.choice(MEETINGS)
    occasion = f"在{rng.choice(PLACES)}{rng.choice(THEMES)}{meeting}"
    ending = rng.choice(ENDINGS)
    if category == "study":
        title = f"关于{rng.choice(THEMES)}的学习研讨发言"
    elif category == "reports":
        title = f"{rng.choice(PLACES)}{rng.choice(THEMES)}工作情况的报告"
    else:
        title = occasion + ending
    lines = [title]
    if rng.random() < 0.2:
        lines = [rng.choice(SLOGANS), f"——{occasion}{ending}"]
    if rng.random() < 0.6:
        year, month, day = date
        lines.append(f"（{year}年{month}月{day}日）")
    if rng.random() < 0.3:
        lines.append(rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.randint(1, 2))))
    return lines


def folder_plan(n: int, rng: random.Random) -> list[tuple[str, str, int]]:
    """``(path, category title, count)`` of each leaf folder; counts 50–150, sum ``n``."""
    leaves = max(1, round(n / 100))
    counts = [rng.randint(60, 140) for _ in range(leaves)]
    scale = n / sum(counts)
    counts = [max(1, round(c * scale)) for c in counts]
    counts[-1] += n - sum(counts)
    plan = []
    for index, count in enumerate(counts):
        name, title = CATEGORIES[index % len(CATEGORIES)]
        plan.append((f"{2015 + index // len(CATEGORIES)}/{name}", title, count))
    return plan


def text_file(
    rng: random.Random, seeds: Seeds, category: str, year: int, number: int
) -> tuple[str, bytes]:
    """One file: its name and its bytes."""
    date = (year, rng.randint(1, 12), rng.randint(1, 28))
    head = title_lines(rng, category, date)
    target = int(TARGET_BYTES * rng.uniform(0.6, 1.1))
    body = body_lines(rng, seeds, target - _size(head))
    lines = head + body
    roll = rng.random()
    if roll < 0.1:  # front matter states what the first line does not
        year, month, day = date
        front = ["---", f"title: {head[0]}", f"date: {year}-{month:02d}-{day:02d}", "---"]
        lines = front + head[1:] + body
    elif roll < 0.15:  # a scraped-site ad block above the title
        lines = [*rng.sample(ADS, 2), "", "", *lines]
    if rng.random() < 0.1:
        lines.append(f"来源：{rng.choice(PLACES)}融媒体中心")
    if rng.random() < 0.3:  # blank lines between paragraphs, as many sites print them
        lines = [part for line in lines for part in (line, "")]
    text = ("\r\n" if rng.random() < 0.15 else "\n").join(lines) + "\n"
    roll = rng.random()
    if roll < 0.05:
        data = text.encode("gb18030")
    elif roll < 0.1:
        data = b"\xef\xbb\xbf" + text.encode("utf-8")
    else:
        data = text.encode("utf-8")
    if rng.random() < 0.4:
        stem = re.sub(r"[^\w]+", "", head[0])[:24]
        name = f"{date[1]:02d}{date[2]:02d}-{stem}-{number}.txt"
    else:
        name = f"{year}{date[1]:02d}{date[2]:02d}-{number:04d}.txt"
    return name, data


def real_texts(fidelity_dir: Path = FIDELITY_DIR) -> list[Path]:
    """The labelled real texts (laws, documents: not recombined seeds), in a stable order."""
    return sorted(fidelity_dir.rglob("*.txt")) if fidelity_dir.is_dir() else []


def collection_text(target_bytes: int, texts: list[Path]) -> str:
    """One very long text of real laws one after the other (a 法规汇编), ``target_bytes`` of
    UTF-8 or a little more: 1,000+ headings, as a civil code or a yearly collection has."""
    from wenji.decode import decode

    parts, size, round_ = ["法规汇编", ""], 0, 0
    while size < target_bytes and texts:
        for path in texts:
            text = decode(path.read_bytes()).text
            parts.append(
                text if round_ == 0 else text.replace("中华人民共和国", f"第{round_ + 1}辑", 1)
            )
            size += len(text.encode("utf-8"))
            if size >= target_bytes:
                break
        round_ += 1
    return "\n".join(parts) + "\n"


def generate(n: int, out_dir: Path, seed: int = SEED, shape: str = "synthetic") -> dict[str, str]:
    """Write ``n`` texts into ``out_dir``; return the ``folder_titles`` mapping.

    One text in :data:`REAL_SHARE` is a real one from ``bench/fidelity/texts`` (laws,
    documents with lists, long annexes), under ``fidelity/``. ``shape="real"`` (``n`` ≥
    2,100) also puts :data:`BIG_FOLDER` texts into one folder and adds one text of
    :data:`LONG_TEXT_BYTES`, as real archives have (a law library's folder of 2,000
    regulations, a 汇编).
    """
    rng = random.Random(f"{seed}:{n}:{shape}" if shape != "synthetic" else f"{seed}:{n}")
    seeds = read_seeds()
    folder_titles: dict[str, str] = {}
    reals = real_texts()
    reals = reals[:: max(1, len(reals) // max(1, n // REAL_SHARE))][: n // REAL_SHARE]
    for path in reals:
        target = out_dir / "fidelity" / path.relative_to(FIDELITY_DIR)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    if reals:
        folder_titles["fidelity"] = "法规与公文"
    synthetic = n - len(reals)
    plan = folder_plan(synthetic, rng)
    if shape == "real":
        if synthetic < BIG_FOLDER + 100:
            raise ValueError(f"shape 'real' needs at least {BIG_FOLDER + 100 + len(reals)} texts")
        (out_dir / "collections").mkdir(parents=True, exist_ok=True)
        long_text = collection_text(LONG_TEXT_BYTES, real_texts())
        (out_dir / "collections" / "法规汇编.txt").write_text(long_text, encoding="utf-8")
        folder_titles["collections"] = "汇编"
        plan = [
            ("2020/documents", "文件", BIG_FOLDER),
            *folder_plan(synthetic - BIG_FOLDER - 1, rng),
        ]
    number = 0
    for path, title, count in plan:
        year = int(path.split("/")[0])
        folder_titles[str(year)] = f"{year}年"
        folder_titles[path] = title
        folder = out_dir / path
        folder.mkdir(parents=True, exist_ok=True)
        for _ in range(count):
            number += 1
            name, data = text_file(rng, seeds, path.split("/")[1], year, number)
            (folder / name).write_bytes(data)
    lines = [f'{key}: "{value}"' for key, value in folder_titles.items()]
    (out_dir / "folder_titles.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder_titles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many texts")
    parser.add_argument("dir", type=Path, help="where to write them (created)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--shape", choices=("synthetic", "real"), default="synthetic")
    args = parser.parse_args()
    titles = generate(args.n, args.dir, args.seed, args.shape)
    print(f"wrote {args.n} texts in {len(titles)} folders to {args.dir}")


if __name__ == "__main__":
    main()
