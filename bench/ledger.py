"""Lost updates counted independently of the version counter (issue 11 §4).

Every acknowledged save is written down by the reviewer that made it as
(claim key, version, status, note); afterwards each must be an event of the log,
and no two acknowledged saves may share a (claim, version) (two winners of one
version would mean one overwrote the other). Reading the final version counter
instead would make 0 true by construction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from workbench.store import Store
from workbench.store import reviews as review_rows

Ack = tuple[str, int, str, str]  # claim key, version, status, note


def lost_updates(store: Store, acknowledged: Iterable[Ack]) -> dict:
    acks = list(acknowledged)
    logged = {(e.claim_key, e.version, e.new_status, e.note)
              for e in review_rows.all_events(store)}
    missing = [a for a in acks if a not in logged]
    twice = sum(n - 1 for n in Counter((k, v) for k, v, _, _ in acks).values() if n > 1)
    return {"acknowledged_saves": len(acks), "events": len(logged),
            "acknowledged_missing_from_log": len(missing),
            "versions_acknowledged_twice": twice, "lost_updates": len(missing) + twice}
