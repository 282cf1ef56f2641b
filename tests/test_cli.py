"""The command line: exit codes, JSON field names, one-command checks."""

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

from workbench.cli import main
from workbench.settings import PROJECT_ROOT

pytestmark = pytest.mark.model
DEMO = PROJECT_ROOT / "data" / "demo"
DOC_FIELDS = {"title", "outlet", "url", "published", "source_set", "path", "record",
              "group", "origin"}
CLAIM_FIELDS = {"id", "kind", "text", "start", "end", "speaker", "cue", "value", "value_max",
                "unit", "qualifier", "si_value", "si_value_max", "si_unit", "dimension", "about",
                "direction", "evidence", "confirmations", "first_seen", "time_scope", "checkworthy"}
EVIDENCE_FIELDS = {"document", "passage", "start", "end", "score", "relation", "speaker",
                   "si_value", "si_value_max", "ratio", "group", "self_conflict",
                   "self_conflicts", "stale", "time_scope", "why"}


@pytest.fixture
def db(db_target, monkeypatch, nlp_trained):
    monkeypatch.delenv("WORKBENCH_DB", raising=False)
    return db_target


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_exit_codes(capsys, db, tmp_path):
    code, out, _ = run(capsys, "--db", db, "ingest", str(DEMO / "sources"), "--set", "demo")
    assert code == 0 and "14 added" in out
    (tmp_path / "bad.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("Title: Good\n\nThe dam holds 3 million litres.\n")
    code, out, err = run(capsys, "--db", db, "ingest", str(tmp_path / "bad.txt"),
                         str(tmp_path / "good.txt"), "--set", "mixed")
    assert code == 1 and "1 added" in out
    assert "bad.txt" in err and "empty" in err


def test_ingest_with_two_processes_loads_the_same_set(capsys, db, new_db):
    code, out, _ = run(capsys, "--db", db, "ingest", str(DEMO / "sources"), "--set", "demo",
                       "--processes", "2")
    assert code == 0 and "14 added" in out
    other = new_db("one")
    run(capsys, "--db", other, "ingest", str(DEMO / "sources"), "--set", "demo")
    from workbench.store import Store
    from workbench.store import documents as rows
    claims = [sorted((c.kind, c.text, c.speaker) for d in rows.list_documents(Store(path), "demo")
                     for c in rows.claims_of(Store(path), d.id)) for path in (db, other)]
    assert claims[0] == claims[1] and len(claims[0]) > 20


def test_misuse_exits_2():
    result = subprocess.run([sys.executable, "-m", "workbench", "ingest", "x"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert result.returncode == 2 and "--set" in result.stderr


def test_extract_json_one_entry_per_record(capsys, db):
    code, out, _ = run(capsys, "extract", str(DEMO / "sources" / "agencies.csv"), "--json")
    assert code == 0
    docs = json.loads(out)["documents"]
    assert [d["document"]["record"] for d in docs] == [1, 2]
    assert set(docs[0]["document"]) == DOC_FIELDS
    assert all(set(c) == CLAIM_FIELDS for d in docs for c in d["claims"])


def test_check_does_the_whole_job_in_one_command(capsys, db):
    article = str(DEMO / "article" / "article_under_review.txt")
    code, out, _ = run(capsys, "--db", db, "check", article, "--sources", str(DEMO / "sources"),
                       "--json")
    assert code == 0
    data = json.loads(out)
    assert data["article"]["title"].startswith("Varosia test-fires Korval")
    speed = next(c for c in data["claims"] if "3,200" in c["text"])
    assert speed["si_unit"] == "m/s" and abs(speed["si_value"] - 888.89) < 0.5
    assert {e["relation"] for e in speed["evidence"]} >= {"bound_only", "conflicts"}
    assert all(set(e) == EVIDENCE_FIELDS for c in data["claims"] for e in c["evidence"])
    assert all(set(e["document"]) == DOC_FIELDS for c in data["claims"] for e in c["evidence"])
    assert all(set(c) == CLAIM_FIELDS for c in data["claims"])
    assert data["statements"] and {s["kind"] for s in data["statements"]} == {"statement"}
    assert all(set(s) == CLAIM_FIELDS and s["checkworthy"]["score"] > 0
               for s in data["statements"])
    warheads = next(c for c in data["claims"] if "six warheads" in c["text"])
    assert warheads["confirmations"] == {"independent": 2, "copies": 2}
    assert warheads["first_seen"]["published"] == "2026-03-14"
    copies = [e for e in warheads["evidence"] if e["document"]["origin"] is False]
    assert {e["document"]["outlet"] for e in copies} == {"The Harbour Courier", "Lakeside Gazette"}
    assert len({e["group"] for e in copies}) == 1


def test_export_writes_csv(capsys, db, tmp_path):
    run(capsys, "--db", db, "check", str(DEMO / "article" / "article_under_review.txt"),
        "--sources", str(DEMO / "sources"), "--json")
    out_file = tmp_path / "out.csv"
    code, _, _ = run(capsys, "--db", db, "export", "--out", str(out_file), "--all")
    assert code == 0
    frame = pd.read_csv(out_file)
    assert (frame["status"] == "unreviewed").all() and len(frame) >= 7
    code, _, _ = run(capsys, "--db", db, "export", "--out", str(out_file))
    assert code == 0 and len(pd.read_csv(out_file)) == 0


def test_without_a_trained_pipeline_the_cli_says_so_and_still_works(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('Title: A\n\n"We will rebuild the bridge," Ana Lee said. '
                       "It is 400 m long.\n")
    env = {**os.environ, "WORKBENCH_MODEL": "no_such_model"}
    result = subprocess.run([sys.executable, "-m", "workbench", "extract", str(article), "--json"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT, env=env)
    assert result.returncode == 0
    assert "rule-based" in result.stderr
    claims = json.loads(result.stdout)["documents"][0]["claims"]
    assert {c["kind"] for c in claims} == {"quote", "numeric"}


@pytest.mark.parametrize("where", [
    ["--db", "{a}", "sets"],          # before the subcommand
    ["sets", "--db", "{a}"],          # after it, as users type it
    ["--db", "{b}", "sets", "--db", "{a}"],  # both: the later one wins
])
def test_db_before_or_after_the_subcommand(capsys, tmp_path, monkeypatch, where):
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "env.db"))
    paths = {"a": tmp_path / "a.db", "b": tmp_path / "b.db"}
    argv = [arg.format(**{k: str(v) for k, v in paths.items()}) for arg in where]
    assert run(capsys, *argv)[0] == 0
    assert paths["a"].exists()
    assert not paths["b"].exists() and not (tmp_path / "env.db").exists()


def test_db_after_a_subcommand_with_arguments(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("WORKBENCH_DB", str(tmp_path / "env.db"))
    out = tmp_path / "v.csv"
    code, printed, _ = run(capsys, "export", "--out", str(out), "--db", str(tmp_path / "x.db"))
    assert code == 0 and "0 claims" in printed
    assert (tmp_path / "x.db").exists() and not (tmp_path / "env.db").exists()
