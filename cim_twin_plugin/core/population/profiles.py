"""Age, age groups and the life-cycle stages of the 1+9 profile (issue 14), as of a reference date.

Pure Python. Age is the number of completed years on the reference date (a person born on
29 February turns a year older on 1 March in common years).
"""
from __future__ import annotations

from datetime import date

__all__ = ["AGE_GROUPS", "EDUCATION_STAGES", "age_on", "age_group", "education_stage", "elderly_flags",
           "EMPLOYMENT"]

#: (label, lowest age, highest age or None): the planners' groups (托育, 学前, 小学, 初中, 高中, 劳动年龄, 老年)
AGE_GROUPS = (
    ("0-2", 0, 2), ("3-5", 3, 5), ("6-11", 6, 11), ("12-14", 12, 14), ("15-17", 15, 17),
    ("18-59", 18, 59), ("60-64", 60, 64), ("65-79", 65, 79), ("80+", 80, None),
)
#: education stage by age [from, to): 0-3 托育 nursery, 3-6 学前 pre-school, 6-12 小学 primary,
#: 12-15 初中 junior secondary, 15-18 高中 senior secondary
EDUCATION_STAGES = (("nursery", 0, 3), ("preschool", 3, 6), ("primary", 6, 12), ("junior_secondary", 12, 15),
                    ("senior_secondary", 15, 18))
#: 社保 参保状态 (or an already normalised value) -> employment
EMPLOYMENT = {"正常缴费": "employed", "在职": "employed", "参保缴费": "employed", "employed": "employed",
              "退休": "retired", "离退休": "retired", "retired": "retired",
              "暂停缴费": "none", "中断": "none", "停保": "none", "终止": "none", "none": "none"}


def age_on(birth: date | None, reference: date) -> int | None:
    """Completed years from *birth* to *reference* (None when the birth date is unknown or later)."""
    if birth is None:
        return None
    years = reference.year - birth.year - ((reference.month, reference.day) < (birth.month, birth.day))
    return years if years >= 0 else None


def age_group(age: int | None) -> str | None:
    """The label of :data:`AGE_GROUPS` that holds *age*."""
    if age is None:
        return None
    for label, low, high in AGE_GROUPS:
        if age >= low and (high is None or age <= high):
            return label
    return None


def education_stage(age: int | None) -> str | None:
    """The stage of :data:`EDUCATION_STAGES` for *age* (None from 18 on)."""
    if age is None:
        return None
    for label, low, high in EDUCATION_STAGES:
        if low <= age < high:
            return label
    return None


def elderly_flags(age: int | None) -> dict[str, bool | None]:
    """age_60_plus, age_65_plus, age_80_plus (None when the age is unknown)."""
    return {f"age_{n}_plus": (None if age is None else age >= n) for n in (60, 65, 80)}
