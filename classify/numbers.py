"""Indonesian number notation: "93,78" and "68.52" are decimals, "17.717" is seventeen thousand."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")


def parse_id_number(written: str) -> float | None:
    """The value of a number as Indonesian news writes it, or None if it is not one.

    The last separator is the decimal mark unless it is a lone "." or a repeated mark followed
    by exactly three digits, which Indonesian uses to group thousands.
    """
    s = written.strip()
    if not _NUMBER.match(s):
        return None
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        if s.count(decimal) > 1:
            return None
        return float(s.replace(thousands, "").replace(decimal, "."))
    mark = "." if dots else "," if commas else ""
    if not mark:
        return float(s)
    groups = s.split(mark)
    if len(groups) > 2 or (mark == "." and len(groups[1]) == 3):
        if any(len(g) != 3 for g in groups[1:]) or len(groups[0]) > 3:
            return None
        return float("".join(groups))
    return float(s.replace(",", "."))
