"""The Streamlit pages through AppTest, each on its own temporary database.

The demo set is seeded once per session into a template database, which every test
copies, so each test starts from the state of a first start without re-running spaCy.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import dbs
import pytest
from streamlit.testing.v1 import AppTest

import workbench

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")
ARTICLE_TITLE = "Varosia test-fires Korval missile as neighbours cry foul"
MARSH = "The launch of the Korval is a reckless escalation"


@pytest.fixture(scope="session")
def seeded_db(new_db) -> str:
    target = new_db("seed")
    workbench.seed_demo(workbench.open_store(target))
    return target


@pytest.fixture
def db(tmp_path, monkeypatch, seeded_db) -> str:
    path = dbs.clone(seeded_db, tmp_path, "w")
    monkeypatch.setenv("WORKBENCH_DB", str(path))
    monkeypatch.setenv("WORKBENCH_ALLOWED_ROOTS", str(tmp_path / "allowed"))
    return path


def start(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def table(at: AppTest, column: str):
    """The first dataframe on the page that has ``column``."""
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with a {column!r} column")


def texts(at: AppTest) -> str:
    """Every message on the page, backslash escapes removed (AppTest gives Markdown source)."""
    found = "\n".join(e.value for kind in ("markdown", "caption", "success", "error", "warning",
                                           "info") for e in getattr(at, kind))
    return re.sub(r"\\(.)", r"\1", found)


def test_first_start_seeds_the_demo_set(new_db, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", new_db("fresh"))
    at = start()
    sets = table(at, "documents").set_index("name")
    assert sets.loc["demo", "documents"] == 14
    assert sets.loc["articles under review", "documents"] == 1
    assert "Database:" in texts(at) and "Pipeline:" in texts(at)


def test_sidebar_warns_when_no_trained_pipeline_is_installed(db, monkeypatch):
    monkeypatch.setenv("WORKBENCH_MODEL", "no_such_pipeline")
    at = start()
    assert at.sidebar.warning and "No trained spaCy pipeline" in at.sidebar.warning[0].value
    assert "rules" in texts(at)


def test_sources_page_loads_uploads_and_lists_rejections(db):
    at = start()
    sets = table(at, "documents").set_index("name")
    assert sets.loc["demo", "documents"] == 14

    at.text_input(key="set_name").input("My uploads")
    uploader = at.file_uploader[0]
    uploader.upload("note.txt", b"Title: Harbour strike\n\nDock workers in Drenna voted on "
                    b"Monday to extend their strike, the union said.\n", "text/plain")
    uploader.upload("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00",
                    "application/octet-stream")
    at.button(key="load").click().run()
    assert not at.exception, at.exception

    assert "My uploads: 1 added" in texts(at)
    rejected = table(at, "reason")
    assert rejected["name"].tolist() == ["tool.exe"]
    assert rejected["reason"].str.len().min() > 0
    sets = table(at, "documents").set_index("name")
    assert sets.loc["My uploads", "documents"] == 1


def test_sources_page_refuses_folders_outside_the_allowed_roots(db):
    at = start()
    at.text_input(key="set_name").input("Server")
    at.text_input(key="server_folder").input("/etc")
    at.button(key="load").click().run()
    assert at.error and "Cannot load that folder" in at.error[0].value
    assert "Server" not in table(at, "documents")["name"].tolist()


def test_sources_page_deletes_a_set_only_when_confirmed(db):
    at = start()
    at.selectbox(key="manage_set").select("demo").run()
    assert at.button(key="delete_set").disabled
    at.checkbox(key="confirm_delete_demo").check().run()
    at.button(key="delete_set").click().run()
    assert "Deleted the set" in texts(at)
    assert "demo" not in table(at, "documents")["name"].tolist()


def open_review(at: AppTest) -> tuple[int, list]:
    """The selected document id and its claims (from the library, for keys)."""
    store = workbench.open_store()
    doc_id = at.selectbox(key="doc").value
    _, claims = workbench.check_document(store, doc_id, sets=workbench.default_sets(store))
    return doc_id, claims


def test_review_page_saves_a_status_at_once(db):
    at = start("app_pages/review.py")
    assert ARTICLE_TITLE in at.selectbox(key="doc").format_func(at.selectbox(key="doc").value)
    assert at.multiselect(key="sets").value == ["demo"]
    claims_table = table(at, "speaker or value")
    assert len(claims_table) >= 5
    assert set(claims_table["kind"]) == {"quote", "numeric"}

    _, claims = open_review(at)
    marsh = next(c for c in claims if c.text.startswith(MARSH))
    at.selectbox(key="claim").select(marsh.key).run()
    assert not at.exception, at.exception
    assert any(MARSH in m.value for m in at.markdown)

    at.sidebar.text_input(key="reviewer").input("Ann")
    at.selectbox(key=f"status_{marsh.key}").select("contradicted").run()
    at.text_area(key=f"note_{marsh.key}").input("wire copy says otherwise").run()
    assert not at.exception, at.exception
    review = workbench.reviews_for(workbench.open_store(), [marsh.key])[marsh.key]
    assert (review.status, review.note, review.reviewer) == (
        "contradicted", "wire copy says otherwise", "Ann")
    assert review.claim["article"]["title"] == ARTICLE_TITLE
    row = table(at, "speaker or value").set_index("claim").loc[marsh.text]
    assert row["status"] == "contradicted"
    assert [e.new_status for e in workbench.history(workbench.open_store(), marsh.key)] == [
        "contradicted", "contradicted"]


def test_review_page_saves_cited_evidence_and_keeps_it_when_the_sets_change(db):
    at = start("app_pages/review.py")
    _, claims = open_review(at)
    claim = next(c for c in claims if c.evidence)
    at.selectbox(key="claim").select(claim.key).run()
    cited = at.multiselect(key=f"cited_{claim.key}")
    first = cited.options[0]
    cited.select(first).run()
    assert not at.exception, at.exception
    review = workbench.get_review(workbench.open_store(), claim.key)
    assert review.cited == [workbench.cite(claim.evidence[0])]

    at.multiselect(key="sets").unselect("demo").run()  # no evidence any more
    assert not at.exception, at.exception
    assert "Choose at least one set" in texts(at)
    kept = at.multiselect(key=f"cited_{claim.key}")
    assert kept.options == [kept.value[0]] and kept.value[0].startswith("saved 1.")
    assert workbench.get_review(workbench.open_store(), claim.key).version == 1


def test_review_page_never_overwrites_someone_elses_save(db):
    at = start("app_pages/review.py")
    _, claims = open_review(at)
    claim = claims[0]
    at.selectbox(key="claim").select(claim.key).run()
    store = workbench.open_store()
    workbench.save_review(store, claim, status="supported", note="theirs", reviewer="Bob",
                          expected_version=0)

    at.selectbox(key=f"status_{claim.key}").select("misleading").run()
    assert at.warning and "Your change was not saved" in at.warning[0].value
    assert "Bob" in at.warning[0].value
    assert workbench.get_review(store, claim.key).status == "supported"

    at.button(key=f"merge_{claim.key}").click().run()
    review = workbench.get_review(store, claim.key)
    assert (review.status, review.note, review.version) == ("misleading", "theirs", 2)
    assert not at.warning


def test_review_page_takes_the_other_review_when_asked(db):
    at = start("app_pages/review.py")
    _, claims = open_review(at)
    claim = claims[0]
    store = workbench.open_store()
    workbench.save_review(store, claim, status="supported", note="theirs", reviewer="Bob",
                          expected_version=0)
    at.text_area(key=f"note_{claim.key}").input("mine").run()
    at.button(key=f"theirs_{claim.key}").click().run()
    notes = [t for t in at.text_area if t.key.startswith(f"note_{claim.key}")]
    assert [n.value for n in notes] == ["theirs"]  # fresh keys: one note box, theirs
    assert workbench.get_review(store, claim.key).version == 1


def test_review_page_adds_a_pasted_article_and_escapes_it(db):
    at = start("app_pages/review.py")
    hostile = ('Mayor Jo Rell said on Friday: "The <script>alert(1)</script> budget :red[x] '
               'costs $5 and $6 [click](javascript:alert(1)) today," in a statement.')
    at.text_input(key="new_title").input("Budget row")
    at.text_area(key="new_text").input(hostile)
    at.button(key="add_article").click().run()
    assert not at.exception, at.exception
    label = at.selectbox(key="doc").format_func(at.selectbox(key="doc").value)
    assert label.startswith("Budget row")
    rendered = "\n".join(m.value for m in at.markdown)
    assert "<script>" not in rendered and "](javascript" not in rendered
    assert r"\:red\[x\]" in rendered and r"costs \$5 and \$6" in rendered


def test_export_page_previews_reviewed_claims(db):
    store = workbench.open_store()
    article = next(d for d in workbench.list_documents(store)
                   if d.source_set == "articles under review")
    _, claims = workbench.check_document(store, article.id, sets=["demo"])
    claim = claims[0]
    workbench.save_review(store, claim, status="contradicted", note="=HYPERLINK(1)",
                          reviewer="Ann", expected_version=0, article=article)

    at = start("app_pages/export.py")
    preview = table(at, "article_title")
    assert preview[["claim", "status"]].values.tolist() == [[claim.text, "contradicted"]]
    assert [b.label for b in at.get("download_button")][:2] == ["Download CSV", "Download JSON"]

    at.toggle(key="export_all").set_value(True).run()
    assert len(table(at, "article_title")) == len(claims)
    at.multiselect(key="export_status").select("supported").run()
    assert "Nothing to export yet" in texts(at)

    rows = list(csv.DictReader(io.StringIO(workbench.export_csv(store))))
    assert [(r["claim"], r["status"], r["note"]) for r in rows] == [
        (claim.text, "contradicted", "'=HYPERLINK(1)")]


def test_review_card_folds_wire_copies_and_counts_independent_confirmations(db):
    """Issue 13: the wire report and its two republications are one confirmation."""
    at = start("app_pages/review.py")
    _, claims = open_review(at)
    warheads = next(c for c in claims if "six warheads" in c.text)
    at.selectbox(key="claim").select(warheads.key).run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "**2 independent confirmations** (4 supporting documents, 2 of them copies)" in shown
    assert "First seen: **Northwire**, 2026-03-14" in shown
    assert "+2 copies: The Harbour Courier (2026-03-15), Lakeside Gazette (undated)" in shown
    headers = [m.value for m in at.markdown if "badge[supports]" in m.value]
    assert not any("Harbour Courier" in h or "Lakeside Gazette" in h for h in headers)
    assert "+1 undated source not on the timeline" in shown
    # the gazette is folded under Northwire, and its self-contradiction still shows
    assert "Lakeside Gazette contradicts itself: 5,500 km vs 2,400 miles (a wrong conversion)" \
        in shown
    [chart] = at.get("vega_lite_chart")
    assert chart.proto.spec and "temporal" in chart.proto.spec


def test_export_page_has_the_editor_report_and_claimreview(db):
    """Issue 13: findings of the article, its report as HTML/PDF, ClaimReview JSON-LD."""
    at = start("app_pages/export.py")
    findings = table(at, "finding")
    assert sorted(set(findings["finding"])) == ["conflict", "misattribution",
                                                 "no supporting evidence"]
    assert (findings["finding"] == "no supporting evidence").sum() == 3
    labels = [b.label for b in at.get("download_button")]
    assert labels[2:] == ["Download ClaimReview JSON-LD", "Editor report (HTML)",
                          "Editor report (PDF)"]
    assert "3 claims without supporting evidence · 2 with conflicts · 1 misattributed" in \
        texts(at)


def test_review_page_sets_one_status_on_the_selected_rows(db):
    at = start("app_pages/review.py")
    _, claims = open_review(at)
    keys = [claims[0].key, claims[2].key]
    at.session_state["selected_rows"] = keys  # what picking two rows of the table leaves
    at.run()
    assert not at.exception, at.exception
    assert "One status for the 2 selected claims" in texts(at)
    at.selectbox(key="bulk_status").select("supported")
    at.text_input(key="bulk_note").input("all supported by the ministry transcript")
    next(b for b in at.button if b.label.startswith("Set the status of 2")).click().run()
    assert not at.exception, at.exception
    assert "Set supported on 2 claims." in texts(at)
    store = workbench.open_store()
    reviews = workbench.reviews_for(store, [c.key for c in claims])
    assert {k for k, r in reviews.items() if r.status == "supported"} == set(keys)
    assert reviews[keys[1]].note == "all supported by the ministry transcript"
    statuses = table(at, "speaker or value").set_index("claim")["status"]
    assert statuses[claims[2].text] == "supported" and statuses[claims[1].text] == "unreviewed"
    assert "One status for" not in texts(at)  # the selection is back to one row


def test_review_page_search_comes_from_the_address(db):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["q"] = "Sorn"
    at.run()
    at.switch_page("app_pages/review.py").run()
    assert not at.exception, at.exception
    assert at.text_input(key="q").value == "Sorn"
    claims = table(at, "speaker or value")
    assert claims["speaker or value"].tolist() == ["Anton Drevic"]


def test_review_card_shows_time_scope_why_and_controls_rerank(db):
    """Issue 13 §4-5: the claim's time, stale evidence, why each item ranks, and the
    tolerance / quote threshold / date window controls that re-rank at once."""
    at = start("app_pages/review.py")
    _, claims = open_review(at)
    warheads = next(c for c in claims if "six warheads" in c.text)
    at.selectbox(key="claim").select(warheads.key).run()
    shown = texts(at)
    assert "**Time of the claim:** on Saturday (2026-03-14, from the article's lead)" in shown
    assert ("badge[stale] stale, about another period: in November 2025 "
            "(2025-11-01 – 2025-11-30); the claim: on Saturday (2026-03-14)") in shown
    assert "Why here: matched words: warheads, korval" in shown
    assert "score: 0.5 × wording" in shown
    speed = next(c for c in claims if "3,200" in c.text)
    at.selectbox(key="claim").select(speed.key).run()
    assert "conversion: 7,600 mph = 3,398 m/s" in texts(at)
    assert "badge[bound only]" in "\n".join(m.value for m in at.markdown)
    # the controls re-rank at once: the tolerance reaches the why line, and a lower quote
    # threshold turns passages that were only related to Vance's quote into "varies"
    at.slider(key="tolerance").set_value(50).run()
    assert not at.exception, at.exception
    assert "tolerance: 50%" in texts(at)
    vance = next(c for c in claims if c.text.startswith("The test met"))
    at.selectbox(key="claim").select(vance.key).run()
    before = texts(at).count("badge[varies]")
    at.slider(key="quote_min").set_value(50).run()
    assert not at.exception, at.exception
    assert texts(at).count("badge[varies]") > before
    at.number_input(key="window").set_value(1).run()  # only evidence from 13-15 March
    assert not at.exception, at.exception
    at.selectbox(key="claim").select(warheads.key).run()
    assert "Strategy Review" not in texts(at) and "Channel 7 News" in texts(at)


def test_review_page_lists_check_worthy_statements_and_promotes_one(db):
    """Issue 13 §7: a statement with its features, promoted to a claim under review."""
    at = start("app_pages/review.py")
    shown = texts(at)
    assert "Varosia on Saturday test-fired its new Korval" in shown
    assert "score 3.1: entities +1.6" in shown
    [button] = [b for b in at.button if b.key and b.key.startswith("promote_")][:1]
    key = button.key.removeprefix("promote_")
    button.click().run()
    assert not at.exception, at.exception
    claims_table = table(at, "speaker or value")
    assert "statement" in set(claims_table["kind"])
    assert at.selectbox(key="claim").value == key
    review = workbench.reviews_for(workbench.open_store(), [key])[key]
    assert str(review.status) == "needs follow-up" and review.version == 1
    at.selectbox(key=f"status_{key}").select("supported").run()
    assert not at.exception, at.exception
    assert workbench.get_review(workbench.open_store(), key).status == "supported"
