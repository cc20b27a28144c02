"""Front-matter YAML read as top-level entries, safely and within fixed bounds.

PyYAML is only asked to *compose* the block (parse it into a node graph); nothing is
constructed by PyYAML, so no tag can run code or raise while building an object
(``!!timestamp yesterday``, ``!!int abc``, ``2024-02-30``). :func:`plain` turns a node into
plain Python itself: scalars stay the text the curator wrote unless their tag says bool,
int, float or null and the text really is one. Aliases are followed, so a value is
bounded by the number of nodes visited (aliases expanded) and the nesting depth: an
"alias bomb" costs at most :data:`MAX_NODES` steps and is reported, never expanded.

When the whole block is not valid YAML, each top-level entry (a line starting in column
one, with its indented continuation lines) is read on its own, so one bad line costs only
that entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

#: Most nodes one front-matter value may have, aliases expanded.
MAX_NODES = 10_000
#: Deepest nesting of one value.
MAX_DEPTH = 20

_TAG = "tag:yaml.org,2002:"
_ENTRY_START = re.compile(r"^[^\s#]")


class ValueTooLarge(ValueError):
    """A value has more than :data:`MAX_NODES` nodes or is nested too deeply."""


@dataclass(frozen=True)
class Entry:
    """One top-level ``key: value`` of the front matter.

    ``line`` is the key's 1-based line in the file, ``last_line`` the value's last line.
    ``node`` is the composed value; read it with :func:`plain`.
    """

    key: str
    node: Node
    line: int
    last_line: int


@dataclass(frozen=True)
class Unreadable:
    """Lines of the block that are not valid YAML, with the parser's complaint."""

    line: int
    last_line: int
    problem: str


def read_entries(block: str, first_line: int) -> tuple[list[Entry], list[Unreadable]] | None:
    """The entries of ``block`` (the lines between the fences; its first line is file line
    ``first_line``), and the parts that could not be read.

    Returns ``None`` when the block is valid YAML but not a mapping (a plain paragraph, a
    list): then it is not front matter.
    """
    try:
        root = _compose(block)
    except _BadYaml:
        return _entries_one_by_one(block, first_line)
    if root is None:
        return [], []
    if not isinstance(root, MappingNode):
        return None
    return list(_entries(root, first_line)), []


def plain(node: Node, budget: list[int] | None = None, depth: int = 0) -> Any:
    """``node`` as str, int, float, bool, None, list or dict, within the size bounds.

    ``budget`` is a one-element list of nodes still allowed (shared by recursive calls).
    Raises :class:`ValueTooLarge` when a bound is exceeded.
    """
    budget = [MAX_NODES] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0 or depth > MAX_DEPTH:
        raise ValueTooLarge
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [plain(item, budget, depth + 1) for item in node.value]
    mapping: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = plain(key_node, budget, depth + 1)
        mapping[key if isinstance(key, str | int | float | bool) else str(key)] = plain(
            value_node, budget, depth + 1
        )
    return mapping


def text_of(node: Node) -> str | None:
    """The text of a scalar exactly as written (``no`` stays ``no``), else ``None``."""
    return node.value if isinstance(node, ScalarNode) else None


class _BadYaml(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line, self.problem = line, problem


def _compose(block: str) -> Node | None:
    try:
        return yaml.compose(block, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise _BadYaml(mark.line if mark else 0, error.problem or "invalid YAML") from None
    except yaml.YAMLError as error:
        raise _BadYaml(0, str(error) or "invalid YAML") from None
    except RecursionError:
        raise _BadYaml(0, "nested too deeply") from None


def _entries(root: MappingNode, first_line: int) -> Iterator[Entry]:
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, ScalarNode) else "?"
        line, end = key_node.start_mark.line, value_node.end_mark
        # An alias's node (and so its marks) is wherever the anchor was.
        last = max(line, end.line - 1 if end.column == 0 else end.line)
        yield Entry(str(key), value_node, first_line + line, first_line + last)


def _entries_one_by_one(block: str, first_line: int) -> tuple[list[Entry], list[Unreadable]] | None:
    lines = block.split("\n")
    starts = [i for i, line in enumerate(lines) if _ENTRY_START.match(line)]
    entries: list[Entry] = []
    unreadable: list[Unreadable] = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        while end - 1 > start and not lines[end - 1].strip():
            end -= 1
        try:
            root = _compose("\n".join(lines[start:end]))
        except _BadYaml as error:
            unreadable.append(Unreadable(first_line + start, first_line + end - 1, error.problem))
            continue
        if isinstance(root, MappingNode):
            entries.extend(_entries(root, first_line + start))
        else:
            problem = "not a 'key: value' line"
            unreadable.append(Unreadable(first_line + start, first_line + end - 1, problem))
    if not entries:
        return None if not unreadable else ([], unreadable)
    return entries, unreadable


def _scalar(node: ScalarNode) -> Any:
    """Bool, int, float and null as their type when the text really is one; else the text.

    An explicit tag whose text is not of its type (``!!int abc``) gives the text, so the
    key's own check reports it.
    """
    tag, text = node.tag, node.value
    if tag == _TAG + "null" and text in ("", "~", "null", "Null", "NULL"):
        return None
    if tag == _TAG + "bool":
        lowered = text.lower()
        if lowered in ("true", "yes", "on", "y"):
            return True
        if lowered in ("false", "no", "off", "n"):
            return False
    if tag == _TAG + "int":
        for base in (0, 10):
            try:
                return int(text.replace("_", ""), base)
            except ValueError:
                pass
    if tag == _TAG + "float":
        try:
            return float(text.replace("_", ""))
        except ValueError:
            pass
    return text
