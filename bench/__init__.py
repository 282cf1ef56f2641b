"""Benchmarks of the workbench: a synthetic corpus, matching, ingest, app latency.

Run the scripts from the project root (``python bench/match.py --help``); their
figures go to the last line of stdout as JSON. Not imported by the workbench.
"""
