"""One coder process of the team load test: code as fast as the server acknowledges.

``python -m tests.team_load_worker URL CODER OWN_DOC SHARED_DOC SECONDS OUT.json``
Every coding carries a unique memo token, so the test can count each acknowledged coding
in the database exactly once; the worker records when each was acknowledged and how long
the round trip took.
"""

from __future__ import annotations

import json
import random
import sys
import time

from qualcode.core.project import open_project


def main() -> None:
    url, coder, own_doc, shared_doc, seconds, out = sys.argv[1:7]
    rng = random.Random(coder)
    acked: list[dict[str, object]] = []
    with open_project(url) as project:
        length = len(project.documents.text(own_doc))
        codes = [c.id for c in project.codebook.tree() if c.parent_id is not None]
        deadline = time.monotonic() + float(seconds)
        n = 0
        # A coding is stored once per coder, code and span: never ask for the same twice.
        used: set[tuple[str, int, int]] = set()
        while time.monotonic() < deadline:
            document = own_doc if n % 2 == 0 else shared_doc
            start, code = rng.randrange(0, length - 20), rng.choice(codes)
            if (document, code, start) in used:
                continue
            used.add((document, code, start))
            token = f"{coder}-{n}"
            began = time.perf_counter()
            record = project.codings.add(document, coder, code, start, start + 10, memo=token)
            latency = time.perf_counter() - began
            acked.append({"id": record.id, "token": token, "latency": latency, "at": time.time()})
            n += 1
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(acked, handle)


if __name__ == "__main__":
    main()
