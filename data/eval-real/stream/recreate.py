#!/usr/bin/env python3
"""Re-create the texts of the random news-stream sample listed in sample.jsonl.

What this is
------------
sample.jsonl (next to this script) lists 420 articles drawn at random from an
ordinary, unfiltered Vietnamese news stream: the baomoi.com crawl kept in the
public GitHub repository magizbox/scraper (folder vn_news/data/, one article
per file, named <baomoi article id>.txt; 35,440 files at the commit pinned in
sample.jsonl).  The crawler read baomoi.com's RSS feeds of all twelve sections
(xã hội, thế giới, văn hóa, kinh tế, giáo dục, thể thao, giải trí, pháp luật,
khoa học - công nghệ, đời sống, xe cộ, nhà đất) between January and July 2017.
The sample is for measuring the precision of an extraction tool on a stream
that is mostly NOT about cooperation between provinces.

No article text is committed.  sample.jsonl only holds, per article, the
repository, the commit, the file path, a SHA-256 of the text, the title and a
URL.  This script rebuilds the texts from a local copy of the repository.

Getting the mirror
------------------
Any clone of https://github.com/magizbox/scraper that contains the commit
named in sample.jsonl will do (``git clone --bare`` works; only the git
directory is read).  In a project session, the ``fetch`` tool with source
``github:magizbox/scraper`` brings a bare git directory under /work/.mirror/
(at the time of writing: /work/.mirror/magizbox+scraper/repo/.git).  Then:

    python3 data/eval-real/stream/recreate.py --mirror /work/.mirror/magizbox+scraper/repo/.git

Nothing from the repository is built or run; its data files are only read
with ``git --git-dir GIT_DIR show COMMIT:PATH``.

How an article is read from its file
------------------------------------
Each file vn_news/data/<id>.txt holds one article ("index" is therefore null
in sample.jsonl): first line = headline, second line = sapo (lead), the
remaining line(s) = body text.  The file is decoded as UTF-8; the title is the
first line stripped of surrounding whitespace; the body is every following
line with trailing whitespace removed and leading/trailing empty lines
dropped.  The article text is

    <title>\\n<body>\\n

and sample.jsonl's "sha256" is the SHA-256 of that string in UTF-8.

Output: texts/s-NNN.txt (folder is git-ignored), exactly:

    ---
    id: s-NNN
    title: <title>
    url: <url>
    source: magizbox/scraper
    synthetic: false
    ---
    <title>
    <body>

(there is no "date:" line: the crawl stores no publication dates).  The part
after the closing "---\\n" line is the hashed article text.  "url" is
http://www.baomoi.com/a/c/<id>.epi, the form the crawl itself uses for an
article id (vn_news/pipelines/crawled_urls.txt); it is derived from the file
name, not stored in the file.

How the sample was drawn
------------------------
Population: every blob under vn_news/data/ at the pinned commit (listed by
``git ls-tree -r COMMIT vn_news/data/``, in that order) whose title and body
are both non-empty after the reading above (35,439 of 35,440 files; one file
has a headline only).  One file = one article, so a uniform draw over files
is a uniform draw over articles.  Then

    random.Random(20261203).sample(population_paths, 420)

and the drawn paths get ids s-001 ... s-420 in draw order.  ``--check-draw``
repeats this draw from the mirror and confirms it gives sample.jsonl's paths.

Exit status is 0 only if every text was re-created with a matching hash.
"""
import argparse
import hashlib
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA_DIR = "vn_news/data/"
SEED = 20261203
SAMPLE_SIZE = 420
SOURCE = "magizbox/scraper"


def git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args],
                          capture_output=True, check=True).stdout


def split_article(raw):
    """Return (title, body) of one vn_news/data file (bytes)."""
    lines = raw.decode("utf-8").split("\n")
    title = lines[0].strip()
    body_lines = [l.rstrip() for l in lines[1:]]
    while body_lines and not body_lines[0]:
        body_lines.pop(0)
    while body_lines and not body_lines[-1]:
        body_lines.pop()
    return title, "\n".join(body_lines)


def article_text(title, body):
    return title + "\n" + body + "\n"


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def url_for(path):
    art_id = os.path.basename(path)[:-len(".txt")]
    return "http://www.baomoi.com/a/c/%s.epi" % art_id


def render(rec, text):
    head = ["---", "id: %s" % rec["id"], "title: %s" % rec["title"]]
    if rec.get("date"):
        head.append("date: %s" % rec["date"])
    if rec.get("url"):
        head.append("url: %s" % rec["url"])
    head += ["source: %s" % SOURCE, "synthetic: false", "---"]
    return "\n".join(head) + "\n" + text


def population(git_dir, commit):
    """Paths of all usable articles, in ls-tree order, with their blobs read."""
    listing = git(git_dir, "ls-tree", "-r", commit, DATA_DIR).decode("utf-8")
    entries = []
    for line in listing.splitlines():
        meta, path = line.split("\t", 1)
        entries.append((path, meta.split()[2]))
    proc = subprocess.Popen(["git", "--git-dir", git_dir, "cat-file", "--batch"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    paths = []
    for path, blob in entries:
        proc.stdin.write((blob + "\n").encode())
        proc.stdin.flush()
        size = int(proc.stdout.readline().split()[2])
        raw = proc.stdout.read(size)
        proc.stdout.read(1)
        title, body = split_article(raw)
        if title and body:
            paths.append(path)
    proc.stdin.close()
    proc.wait()
    return paths, len(entries)


def draw(git_dir, commit):
    paths, _ = population(git_dir, commit)
    return random.Random(SEED).sample(paths, SAMPLE_SIZE)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mirror", required=True, help="git dir of magizbox/scraper")
    ap.add_argument("--sample", default=os.path.join(HERE, "sample.jsonl"))
    ap.add_argument("--out", default=os.path.join(HERE, "texts"))
    ap.add_argument("--check-draw", action="store_true",
                    help="also redo the seeded draw and compare with sample.jsonl")
    args = ap.parse_args()

    with open(args.sample, encoding="utf-8") as f:
        recs = [json.loads(l) for l in f if l.strip()]
    os.makedirs(args.out, exist_ok=True)
    ok = bad = 0
    for rec in recs:
        if rec.get("index") is not None:
            raise SystemExit("%s: index %r, but files hold one article each"
                             % (rec["id"], rec["index"]))
        raw = git(args.mirror, "show", "%s:%s" % (rec["commit"], rec["path"]))
        title, body = split_article(raw)
        text = article_text(title, body)
        if sha256(text) != rec["sha256"] or title != rec["title"]:
            bad += 1
            print("MISMATCH %s %s" % (rec["id"], rec["path"]), file=sys.stderr)
            continue
        with open(os.path.join(args.out, rec["id"] + ".txt"), "w",
                  encoding="utf-8", newline="\n") as f:
            f.write(render(rec, text))
        ok += 1
    print("%d of %d texts re-created, hashes match; %d mismatches" % (ok, len(recs), bad))

    if args.check_draw:
        commits = {r["commit"] for r in recs}
        if len(commits) != 1:
            raise SystemExit("sample spans several commits")
        drawn = draw(args.mirror, commits.pop())
        same = drawn == [r["path"] for r in recs]
        print("seeded draw reproduces sample.jsonl: %s" % same)
        if not same:
            bad += 1
    sys.exit(0 if bad == 0 and ok == len(recs) else 1)


if __name__ == "__main__":
    main()
