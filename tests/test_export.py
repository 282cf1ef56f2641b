"""Export: a golden CSV, spreadsheet-safe cells, verdicts that outlive their claim."""

import csv
import io
import json

import pandas as pd
import pytest
from helpers import number, quote, store_doc
from hypothesis import given
from hypothesis import strategies as st

from workbench.export import COLUMNS, FORMULA_STARTS, export_rows, neutralise, to_csv, to_json
from workbench.models import Document
from workbench.store import Store
from workbench.store import documents as rows
from workbench.verdicts import save_review

TEXT = '"=HYPERLINK(1)," Ilya Sorn said. It flew at more than 3,200 km/h.'


@pytest.fixture
def reviewed(db_target):
    store = Store(db_target)
    claims = [quote(TEXT, "=HYPERLINK(1),", "Ilya Sorn"),
              number(TEXT, "more than 3,200 km/h", 3200, "km/h", 888.889, "speed", "more than",
                     "missile")]
    doc_id = store_doc(store, "articles", Document("Art", TEXT, url="https://a.example/1",
                                                   path="a.txt"), claims)
    q, n = rows.claims_of(store, doc_id)
    save_review(store, n, status="misleading", note="-5 is not the point", reviewer="ana",
                cited=[{"title": "Wire", "outlet": "Northwire", "url": "https://n.example",
                        "published": "2026-03-14", "passage": "It flew at Mach 10."}],
                expected_version=0)
    return store, q, n


GOLDEN = (
    ",".join(COLUMNS) + "\r\n"
    "Art,https://a.example/1,articles,numeric,more than 3,200 km/h,,,3200.0,,km/h,more than,"
    "888.889,,m/s,speed,missile,misleading,'-5 is not the point,ana,{at},Wire,Northwire,"
    "https://n.example,2026-03-14,It flew at Mach 10.,\r\n"
)


def test_golden_csv(reviewed):
    store, _, _ = reviewed
    rows_ = export_rows(store)
    text = to_csv(rows_)
    assert text == GOLDEN.format(at=rows_[0]["reviewed_at"]).replace(
        "more than 3,200 km/h", '"more than 3,200 km/h"')


def test_all_switch_includes_unreviewed_and_pandas_reads_it(reviewed):
    store, _, _ = reviewed
    frame = pd.read_csv(io.StringIO(to_csv(export_rows(store, include_all=True))))
    assert list(frame.columns) == list(COLUMNS)
    assert sorted(frame["status"]) == ["misleading", "unreviewed"]
    assert frame.loc[frame["kind"] == "quote", "claim"].item() == "'=HYPERLINK(1),"
    assert frame["value"].dropna().item() == 3200.0  # numbers stay numbers


def test_status_and_set_filters(reviewed):
    store, _, _ = reviewed
    assert export_rows(store, status=["supported"]) == []
    assert len(export_rows(store, status=["misleading"], source_set="articles")) == 1
    assert export_rows(store, source_set="other") == []


def test_review_outlives_its_deleted_set(reviewed):
    store, _, _ = reviewed
    rows.delete_set(store, "articles")
    [row] = export_rows(store)
    assert (row["claim"], row["status"], row["article_title"]) == (
        "more than 3,200 km/h", "misleading", "Art")


def test_json_keeps_raw_values(reviewed):
    store, _, _ = reviewed
    data = json.loads(to_json(export_rows(store, include_all=True)))
    assert {r["claim"] for r in data["claims"]} == {"=HYPERLINK(1),", "more than 3,200 km/h"}


@given(st.lists(st.text(max_size=30), min_size=1, max_size=5),
       st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False)))
def test_no_cell_can_run_as_a_formula(texts, value):
    row = {c: None for c in COLUMNS}
    for column, text in zip(("claim", "note", "speaker", "evidence_passages", "reviewer"), texts,
                            strict=False):
        row[column] = text
    row["value"] = value
    parsed = next(csv.DictReader(io.StringIO(to_csv([row]))))
    for column in COLUMNS:
        cell = parsed[column]
        if column == "value" and value is not None:
            assert float(cell) == value
        else:
            assert not cell.startswith(FORMULA_STARTS)


@pytest.mark.parametrize("cell, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM", "'@SUM"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("\nx", "'\nx"), ("\0x", "'\0x"), ("plain", "plain"), (3.5, 3.5), (None, None),
])
def test_neutralise(cell, expected):
    assert neutralise(cell) == expected
