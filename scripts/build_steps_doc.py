"""(Re)write docs/steps.md from workbook/core/steps.toml: the thirty steps and the studies each
draws on. `.venv/bin/python scripts/build_steps_doc.py`; tests/test_steps_safety.py checks the
committed page names every step and study."""

from __future__ import annotations

from pathlib import Path

from workbook.core import steps

DOC = Path(__file__).resolve().parent.parent / "docs" / "steps.md"

INTRO = """# Today's step: the thirty steps and the studies they draw on

The daily page (`02_daily_checkin`) opens with one small action and one writing prompt for the
day. The steps are data, in `workbook/core/steps.toml`, read by `workbook/core/steps.py`; a plan
of another length spreads them over its own days (day 1 is always step 1, the last day always
step 30, the real think), and past the last day there is none. A step is marked done on the
daily page, and what is written for its prompt is kept in that day's journal (a stage record of
kind `step`, dated that day). Days missed can be done later by picking the day; nothing counts
them against anyone. The progress page and the report show how many steps are done.

## How the research shaped them

- **Losing one's sense of self predicts distress after a break-up** (Slotter, Gardner & Finkel
  2010), and **rediscovering and growing the self is what growth after one looks like**
  (Lewandowski & Bizzoco 2007): most steps are about the person's own interests, people, skills
  and tastes, not the relationship.
- **Short expressive writing helps** (Lepore & Greenberg 2002) **but can hurt people who keep
  searching for meaning** (Sbarra et al. 2013): every prompt is time-boxed to ten to fifteen
  minutes ("then stop, even mid-sentence") and has a lighter choice, which counts just as much.
- **Thinking of the ex's negative sides lowers love feelings but also mood; distraction lifts
  mood** (Langeslag & Sanchez 2018): the one step that asks for an honest look at what did not
  work (day 12) ends in something that lifts the mood and offers to skip the writing; several
  steps plan absorbing activities for the hardest hours.
- **Reflecting on the break-up again and again itself helps recovery, through a clearer sense
  of self** (Larson & Sbarra 2015): weekly look-backs on days 7, 14 and 21, and the run-up to
  the day-30 think.
- Nothing in a step suggests contacting the other person during the break (a test checks it).

## The steps

| day | stage | small action | writing prompt (lighter choice) | draws on |
|---|---|---|---|---|
"""


def main() -> None:
    studies = steps.studies()
    short = {k: v[: v.index(")") + 1] for k, v in studies.items()}  # "Authors (year)"
    rows = [
        f"| {s.number} | {s.stage} | {s.action} | {s.prompt} (lighter: {s.lighter}) | "
        + "; ".join(short[k] for k in s.studies)
        + " |"
        for s in steps.all_steps()
    ]
    refs = [f"- {reference}" for reference in studies.values()]
    DOC.write_text(INTRO + "\n".join(rows) + "\n\n## The studies\n\n" + "\n".join(refs) + "\n")


if __name__ == "__main__":
    main()
