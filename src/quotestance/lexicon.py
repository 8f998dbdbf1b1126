"""The word lists of article mode, loaded once from the package's resource files."""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

import yaml


def _resource(name: str) -> str:
    return resources.files("quotestance.resources").joinpath(name).read_text("utf-8")


def reporting_verbs() -> dict:
    return resource_yaml("reporting_verbs.yaml")


@cache
def csv_rows(name: str) -> tuple[dict, ...]:
    return tuple(csv.DictReader(_resource(name).splitlines()))


def alternation(words) -> str:
    """A regex alternation of words, longest first, with spaces matching any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@cache
def resource_yaml(name: str):
    return yaml.safe_load(_resource(name))
