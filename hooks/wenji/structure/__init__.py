"""Structure: which lines are headings, at which level, and which are body paragraphs.

Like Python-Markdown's block processors, small recognisers share one view of the text's
lines (:mod:`.view`) and each decides one thing:

Line recognisers, tried in order on every line; the first that claims a line decides it:

1. :class:`.overrides.CuratorOverrides`: front matter ``structure.headings`` /
   ``not_headings``;
2. :class:`.overrides.SpeechFrame`: salutations (同志们：) and closings (发言完毕…) are
   never headings;
3. :class:`.markers.MarkerHeadings`: a line opening with a numbering marker (一、 （一） 1.
   （1） 第一， 第一章 …) and a short first sentence is a heading (split off the paragraph
   when the line goes on);
4. anything else is a paragraph.

Then recognisers over the whole sequence of blocks:

- :func:`.fragments.keep_fragments`: pieces of a line broken around a quotation are
  paragraphs;
- :func:`.continuations.keep_continuations`: the rest of a paragraph broken off
  mid-sentence (题。…, 2 / 预期增长…) is a paragraph, and no run of leads stops at it;
- :func:`.laws.mark_table_of_contents`: a law's 目录 block is not a second outline;
- :func:`.laws.keep_items_in_articles`: the 款/项 of a 第X条 article stay inside it;
- :func:`.laws.mark_annexes`: 序言, 附则, 附件 lines are top-level headings;
- :func:`.linklists.demote_link_lists`: a web page's lists of links (01 …, 79 跟贴79) and
  counters are paragraphs, never headings;
- :func:`.lists.demote_lists`: numbered items that enumerate are paragraphs, not headings;
- :func:`.issued.mark_issued_title`: the title of the document a notice issues (named in
  《》 in the notice) heads that document;
- :func:`.tagged.mark_tagged_items`: a digest's 【source】headline lines over their paragraphs;
- :func:`.sections.mark_numbered_sections`: parts numbered by a lone 1, 2, 3 … line;
- :func:`.runs.complete_runs`: a numbered run that mostly heads sections heads them all,
  its items with a longer first sentence too;
- :func:`.runs.mark_sequence_words`: 首先/其次/再次/最后 paragraphs that count a series;
- :func:`.titles.mark_standalone_titles`: short unmarked title lines between paragraphs;
- :func:`.bare_markers.mark_bare_markers`: a 第一， alone on its line heads its paragraph
  when its run's paragraphs go on past their first sentence;
- :func:`.own_lines.mark_own_line_leads`: leads on a line of their own over their body,
  and standalone statements (五年来，…) that head the paragraphs after them;
- :func:`.subheads.mark_subheadings`: an article's headline-like subheadings (two or more);
- :func:`.levels.assign_levels`: levels by how the marker families nest;
- :func:`.leads.mark_echo_leads`: runs of paragraphs in a section that open with the same
  words (加强社会建设，是… / 加强社会建设，必须…) are leads one level below it;
- :func:`.patterned.mark_patterned_leads`: runs of paragraphs whose short opening sentences
  are cast in one mould (就业是民生之本。 收入是民生之源。) are leads one level below it;
- :func:`.long_leads.mark_long_leads`: runs of three or more longer lead sentences that
  open with the same words (针对…，…。);
- :func:`.leads.mark_parallel_leads`: runs of parallel lead sentences (要坚持…。 着力在…。)
  become headings one level below their section;
- :func:`.articles.mark_articles`: paragraphs opening with 第X条 in increasing order open
  a law's articles (the paragraphs after one, up to the next article or heading, are its
  款 and 项);
- :func:`.numbering.numbering_anomalies`: numbering slips are reported, kept as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from ..frontmatter import StructureOverrides
from ..model import Block, Diagnostic, SourceLine
from .articles import mark_articles
from .bare_markers import mark_bare_markers
from .continuations import keep_continuations
from .draft import Draft, to_blocks
from .fragments import keep_fragments
from .issued import mark_issued_title
from .laws import keep_items_in_articles, mark_annexes, mark_table_of_contents
from .leads import mark_echo_leads, mark_parallel_leads
from .levels import assign_levels
from .linklists import demote_link_lists
from .lists import demote_lists
from .long_leads import mark_long_leads
from .markers import MarkerHeadings
from .numbering import numbering_anomalies
from .overrides import CuratorOverrides, SpeechFrame
from .own_lines import mark_own_line_leads
from .patterned import mark_patterned_leads
from .rules import StructureRules
from .runs import complete_runs, mark_sequence_words
from .sections import mark_numbered_sections
from .subheads import mark_subheadings
from .tagged import mark_tagged_items
from .titles import mark_standalone_titles
from .view import LineView, view_lines

__all__ = ["StructureRules", "detect_structure"]


class LineRecogniser(Protocol):
    def run(self, view: LineView) -> list[Draft] | None:
        """The drafts this line becomes, or ``None`` to leave it to the next recogniser."""


def detect_structure(
    lines: Sequence[SourceLine],
    source: str,
    overrides: StructureOverrides = StructureOverrides(),
    rules: StructureRules = StructureRules(),
) -> tuple[list[Block], list[Diagnostic]]:
    """Turn body lines into headings, articles and paragraphs (ids still empty)."""
    curator = CuratorOverrides(overrides, rules, source)
    markers = MarkerHeadings(rules, source)
    recognisers: tuple[LineRecogniser, ...] = (curator, SpeechFrame(), markers)

    drafts: list[Draft] = []
    for view in view_lines(lines):
        for recogniser in recognisers:
            found = recogniser.run(view)
            if found is not None:
                drafts.extend(found)
                break
        else:
            drafts.append(Draft(view.number, view.text))

    diagnostics: list[Diagnostic] = [*markers.diagnostics, *curator.unmatched()]
    keep_fragments(drafts)
    keep_continuations(drafts)
    mark_table_of_contents(drafts)
    keep_items_in_articles(drafts)
    mark_annexes(drafts)
    demote_link_lists(drafts)
    demote_lists(drafts)
    complete_runs(drafts)
    mark_sequence_words(drafts)
    mark_issued_title(drafts)
    mark_tagged_items(drafts)
    mark_numbered_sections(drafts)
    mark_standalone_titles(drafts)
    mark_bare_markers(drafts)
    if overrides.lead_sentences:
        mark_own_line_leads(drafts)
    mark_subheadings(drafts)
    assign_levels(drafts)
    if overrides.lead_sentences:
        mark_echo_leads(drafts)
        mark_patterned_leads(drafts)
        mark_long_leads(drafts)
        mark_parallel_leads(drafts, rules)
    mark_articles(drafts)
    diagnostics.extend(numbering_anomalies(drafts, source))
    return to_blocks(drafts), diagnostics
