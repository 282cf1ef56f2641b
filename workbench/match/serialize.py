"""Evidence to and from plain dicts, for the evidence cache and the review's
cited evidence. Unlike ``Evidence.to_dict`` (the public JSON) this keeps the
document id and the passage offsets, so a cached item is as good as a fresh one."""

from __future__ import annotations

from ..models import Document, Evidence, Relation


def evidence_to_dict(ev: Evidence) -> dict:
    d = ev.to_dict()
    d["document"]["id"] = ev.document.id
    d.update(score=ev.score, ratio=ev.ratio, passage_start=ev.passage_start, quote=ev.quote,
             passage_id=ev.passage_id)
    return d


def evidence_from_dict(d: dict) -> Evidence:
    doc = dict(d["document"])
    document = Document(title=doc.get("title") or "", text="", outlet=doc.get("outlet"),
                        url=doc.get("url"), published=doc.get("published"),
                        source_set=doc.get("source_set"), path=doc.get("path"),
                        record=doc.get("record"), id=doc.get("id"))
    return Evidence(
        document=document, passage=d["passage"], start=d["start"], end=d["end"],
        score=d["score"], relation=Relation(d["relation"]),
        passage_start=d.get("passage_start", 0), speaker=d.get("speaker"), quote=d.get("quote"),
        si_value=d.get("si_value"), si_value_max=d.get("si_value_max"), ratio=d.get("ratio"),
        passage_id=d.get("passage_id"), stale=d.get("stale", False),
        time_scope=d.get("time_scope"), why=d.get("why"),
    )
