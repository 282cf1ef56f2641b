"""Shared fixtures: the spaCy pipelines (loaded once), and tiny databases."""

from __future__ import annotations

import pytest

from workbench.nlp import load_pipeline, rule_based_pipeline


@pytest.fixture(scope="session")
def nlp_trained():
    """The trained English pipeline; `make test` installs it, so CI runs these."""
    pipeline = load_pipeline("en_core_web_sm")
    if not pipeline.trained:
        pytest.fail("the trained spaCy pipeline is not installed: run `make test`")
    return pipeline.nlp


@pytest.fixture(scope="session")
def nlp_blank():
    """The rule-based fallback used when no trained pipeline is installed."""
    return rule_based_pipeline()
