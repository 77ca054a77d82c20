#!/usr/bin/env python3
"""Turn the raw excerpts of the real evaluation set into article files `coopgraph eval` reads.

No third-party text is in the repository: `sources.jsonl` says where each excerpt comes from
(the stored-pages corpus of the `search` tool: the query sent and the rank of the result, the
page's URL) and the sha256 of the excerpt. To re-create the set:

1. For every line of `sources.jsonl`, send its `query` to `search` (corpus `pages`) and write
   the `excerpt` of the result at `rank` (same `url`), byte for byte, to `raw/<id>.txt`.
2. Run `python3 data/eval-real/make_texts.py`: it checks each raw file against its sha256 and
   writes `texts/<id>.txt`: a front-matter block (id, url, date from the excerpt's leading
   ` date YYYY-MM-DD` (or ` date YYYY-MM`) line, source host, `synthetic: false`) and the excerpt text.
3. `coopgraph eval data/eval-real --texts data/eval-real/texts --split dev` (or `test`).

`raw/` and `texts/` are git-ignored. A missing or changed raw file is reported and skipped;
with `--keep-changed` a changed one (the stored page moved by a few characters since the gold was
written) is reported and written all the same.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
_DATE = re.compile(r"\A\s*date (\d{4}-\d{2}(?:-\d{2})?)\s*")


def sources(folder: Path = HERE) -> list[dict]:
    """Every source record, in id order."""
    rows = [json.loads(line) for line in (folder / "sources.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return sorted(rows, key=lambda r: r["id"])


def article_text(record: dict, excerpt: str) -> str:
    """The article file for one excerpt: front matter, then the excerpt without its date line."""
    m = _DATE.match(excerpt)
    body = excerpt[m.end():] if m else excerpt
    meta = {"id": record["id"], "url": record["url"], "source": urlsplit(record["url"]).hostname or "",
            "synthetic": "false"}
    if m:  # a day, or only a month ("2025-08": dates without a year are read in that month)
        meta["date"] = m.group(1)
    head = "".join(f"{k}: {v}\n" for k, v in meta.items())
    return f"---\n{head}---\n{body.strip()}\n"


def main(folder: Path = HERE, keep_changed: bool = False) -> int:
    raw, out = folder / "raw", folder / "texts"
    out.mkdir(exist_ok=True)
    written = bad = 0
    for record in sources(folder):
        path = raw / f"{record['id']}.txt"
        if not path.is_file():
            print(f"{path}: missing (fetch it: see this script's docstring)", file=sys.stderr)
            bad += 1
            continue
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != record["sha256"]:
            print(f"{path}: sha256 differs from sources.jsonl (not the recorded excerpt: {len(data.decode('utf-8'))} "
                  f"characters, {record['chars']} recorded){'; kept' if keep_changed else ''}", file=sys.stderr)
            bad += 1
            if not keep_changed:
                continue
        (out / f"{record['id']}.txt").write_text(article_text(record, data.decode("utf-8")), encoding="utf-8")
        written += 1
    print(f"{written} text(s) written to {out}, {bad} missing or changed")
    return 0 if written and not bad else 1


if __name__ == "__main__":
    sys.exit(main(keep_changed="--keep-changed" in sys.argv[1:]))
