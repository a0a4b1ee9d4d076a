"""The patterns of the moments of the urge: by hour, by weekday, by trigger, how often the wave
passed, and what was done when it did. Worked out once here; the progress page draws and words
them.

Shown only from PATTERN_MIN_MOMENTS moments on. With fewer, one or two evenings would make a
"peak" hour or a "worst" weekday out of chance (24 hours and 7 weekdays share a handful of
moments), and a share of waves that passed would swing by a third with each new moment. Ten is
about one moment every three days over the month: few enough that a person who uses the page
sees their patterns in the programme's second half, many enough that the busiest hour holds more
than a single evening when there is a pattern at all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.urge import OUTCOMES, UrgeMoment

PATTERN_MIN_MOMENTS = 10


@dataclass(frozen=True)
class UrgePatterns:
    total: int
    by_hour: tuple[int, ...] = (0,) * 24  # moments per hour of the day, 0–23, local time
    by_weekday: tuple[int, ...] = (0,) * 7  # Monday first
    by_trigger: tuple[tuple[str, int], ...] = ()  # most frequent first; "" = not said
    rated: int = 0  # moments with the urge rated again afterwards
    passed: int = 0  # of those, the urge afterwards lower than before
    done_when_passed: tuple[tuple[str, int], ...] = ()  # outcome codes, most frequent first

    @property
    def enough(self) -> bool:
        return self.total >= PATTERN_MIN_MOMENTS

    @property
    def peak_hours(self) -> list[int]:
        most = max(self.by_hour)
        return [h for h, n in enumerate(self.by_hour) if n == most and most]

    @property
    def peak_weekdays(self) -> list[int]:
        most = max(self.by_weekday)
        return [d for d, n in enumerate(self.by_weekday) if n == most and most]

    @property
    def top_triggers(self) -> list[str]:
        said = [(t, n) for t, n in self.by_trigger if t]
        if not said:
            return []
        most = said[0][1]
        return [t for t, n in said if n == most]


def urge_patterns(moments: Sequence[UrgeMoment]) -> UrgePatterns:
    """The patterns of these moments (each at its local time)."""
    hours, weekdays = [0] * 24, [0] * 7
    triggers: Counter[str] = Counter()
    spelled: dict[str, str] = {}  # a trigger as first written, counted whatever its case
    for m in moments:
        hours[m.at.hour] += 1
        weekdays[m.at.weekday()] += 1
        key = m.trigger.strip().casefold()
        spelled.setdefault(key, m.trigger.strip())
        triggers[key] += 1
    rated = [m for m in moments if m.after is not None]
    passed = [m for m in rated if m.passed]
    done = Counter(m.outcome for m in passed)
    return UrgePatterns(
        total=len(moments),
        by_hour=tuple(hours),
        by_weekday=tuple(weekdays),
        by_trigger=tuple(
            (spelled[key], n) for key, n in sorted(triggers.items(), key=lambda kv: -kv[1])
        ),
        rated=len(rated),
        passed=len(passed),
        done_when_passed=tuple(
            (code, done[code]) for code in sorted(OUTCOMES, key=lambda c: -done[c]) if done[code]
        ),
    )
