"""scripts/audit.py's verdict on Lighthouse's reports (the audit itself runs by hand)."""

from __future__ import annotations

from scripts.audit import MARGIN, Audit, passing_scores, under_the_bar


def run(performance: int, accessibility: int = 100) -> dict:
    """The parts of a Lighthouse report that the verdict reads (scores are 0 to 1)."""
    scores = {"performance": performance, "accessibility": accessibility}
    scores |= {"best-practices": 100, "seo": 100}
    return {"categories": {name: {"score": score / 100} for name, score in scores.items()}}


def test_a_page_passes_up_to_the_margin_under_the_anchors_median_run() -> None:
    anchor = Audit("anchor", [run(80), run(95), run(99)])
    lowest = passing_scores(anchor)
    assert lowest["performance"] == 95 - MARGIN
    assert under_the_bar(Audit("page", [run(95 - MARGIN)] * 3), lowest) == []
    assert under_the_bar(Audit("page", [run(94 - MARGIN)] * 3), lowest) == ["performance"]


def test_a_page_needs_full_marks_in_the_other_categories() -> None:
    lowest = passing_scores(Audit("anchor", [run(90)]))
    assert under_the_bar(Audit("page", [run(100, accessibility=99)]), lowest) == ["accessibility"]


def test_a_pages_median_run_counts_not_its_best_or_worst() -> None:
    lowest = passing_scores(Audit("anchor", [run(90)]))
    page = Audit("page", [run(100, accessibility=90), run(40), run(88)])
    assert page.score("performance") == 88
    assert under_the_bar(page, lowest) == []
