"""Files -> Articles: decode, read metadata, normalize, and cut the page's boilerplate.

Supported inputs: ``.txt`` (page text, optionally opened by a ``---`` front-matter block of
``key: value`` lines), ``.html``/``.htm`` (main text and metadata via trafilatura) and ``.jsonl``
(one article a line: id, url, title, date, text, and optionally source, authors, section,
synthetic). Directories are read recursively.

A ``date`` may be ISO 8601, ``dd/mm/yyyy hh:mm``, or a month only (``2025-08``: the page's day is
unknown, and dates without a year in the text are read in that month). Without one, the page's
own stamp lines date it (``Thứ Sáu 03/01/2020 17:34``, ``Cập nhật, 13:55, Thứ Năm, 12/08/2021
(GMT+7)``, ``Published: December 27, 2016``, a stamp ending the headline); when the first lines
hold several, the earliest is the article's (a site prints the crawl day above it).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Article
from .normalize import normalize_text

SUPPORTED = (".txt", ".html", ".htm", ".jsonl")
FETCH_SIDECAR = ".fetch.json"  # beside a page saved by `coopgraph fetch`: where it came from
MAX_BYTES = 5_000_000  # a news article is 2-50 KB; 5 MB is a page dump, not an article
VN_TZ = timezone(timedelta(hours=7))

# Markers of blocks that belong to the page, not the article (compared case-insensitively).
RELATED_MARKERS = ("bài liên quan", "tin liên quan", "tin cùng chuyên mục", "tin khác",
                   "tin mới", "tin mới nhất", "có thể bạn quan tâm", "đọc nhiều", "bài viết liên quan")
TAIL_MARKERS = ("đọc thêm", "xem thêm", "xem tiếp", "tin cùng chuyên mục", "tin khác",
                "có thể bạn quan tâm", "đọc nhiều")
TAG_MARKERS = ("tag", "tags", "từ khóa", "chủ đề")
# Outlets that open the lead with their abbreviation ("TTTĐ - Sáng 23/8, ...").
SOURCES = {
    "TTTĐ": "Tuổi trẻ Thủ đô", "TTXVN": "Thông tấn xã Việt Nam", "VOV": "VOV",
    "VTV": "VTV", "SGGP": "Sài Gòn Giải Phóng", "HNM": "Hànộimới", "NDO": "Nhân Dân",
    "PLO": "Pháp Luật TP.HCM", "CAND": "Công an nhân dân", "QĐND": "Quân đội nhân dân",
    "VOH": "VOH", "ĐCSVN": "Báo điện tử Đảng Cộng sản Việt Nam", "KTĐT": "Kinh tế & Đô thị",
    "VnExpress": "VnExpress", "Dân trí": "Dân trí", "Tuổi Trẻ": "Tuổi Trẻ",
    "Thanh Niên": "Thanh Niên",
}

# A page's date stamp as real pages print it: "Thứ Sáu 03/01/2020 17:34", "Chủ Nhật, 11/02/2018 |
# 16:51", "Cập nhật, 13:55, Thứ Năm, 12/08/2021 (GMT+7)", "Thứ 7, 11/03/2023 | 15:59:36 [GMT +7]".
_WEEKDAY_VI = r"(?i:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật|cn)"
_DMY = r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
# a stamp line may write its date with dashes too ("Update: 23-11-2016 | 13:18:59"), one separator throughout
_DMY_STAMP = r"(?P<d>\d{1,2})(?P<ds>[/-])(?P<m>\d{1,2})(?P=ds)(?P<y>\d{4})"
_HM = r"(?P<H>\d{1,2})[:h](?P<M>\d{2})(?::\d{2})?(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?"
_GMT = r"(?:\s*[(\[]?\s*(?:GMT|UTC)\s*\+\s*0?7(?::00)?\s*[)\]]?)?"
# what a stamp line may carry after the date: "Lượt xem: 4429 In bài viết", "| :240" (a view count)
_STAMP_TAIL = r"(?:\s*[|,-]?\s*(?i:lượt xem|lượt đọc)\s*:?\s*[\d.,]+)?(?:\s*(?i:in bài viết))?(?:\s*\|\s*:?\s*\d+)?"
_DATE_LINE = re.compile(
    r"^(?P<section>[^\d|]{0,40}?)[\s|,•-]*"
    r"(?:(?i:cập nhật|đăng|ngày đăng|xuất bản)(?:\s+lúc)?\s*:?\s*[,-]?\s*)?"
    r"(?:(?P<H0>\d{1,2})[:h](?P<M0>\d{2})\s*[,|-]?\s*)?"
    rf"(?:{_WEEKDAY_VI}\s*[,|-]?\s*)?(?:(?P<H1>\d{{1,2}})[:h](?P<M1>\d{{2}})\s+)?(?:ngày\s+)?{_DMY_STAMP}"
    rf"(?:\s*[,|-]*\s*(?:lúc\s*)?{_HM})?{_GMT}(?:\s+A\s+A)?{_STAMP_TAIL}"
    r"(?:\s*\|\s*[^\d|]{2,30})?\s*$"  # ("Thứ năm, 10:28 14/11/2013 | Xã hội": the section after it)
)
# A headline that ends in its stamp ("... khắc phục bão số 10 01/10/2025 11:13"), a stamp glued to
# the lead ("20/6/2024Chiều nay (20.6), ..."), an English stamp ("Published: December 27, 2016").
_TRAILING_STAMP = re.compile(rf"\s+{_DMY}\s*[,|-]?\s*{_HM}{_GMT}\s*$")
_GLUED_STAMP = re.compile(rf"^{_DMY}(?=[A-ZĐÀ-Ỹ])")
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december")
_EN_NUMERIC_STAMP = re.compile(r"^(?:Published|Posted|Updated|Last updated)\s*(?:on|:)?\s*(?P<d>\d{1,2})\s*[-/.]\s*"
                               r"(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})\s*$")
_EN_STAMP = re.compile(
    r"^(?:(?:Published|Posted|Updated|Last updated)\s*(?:on|:)?\s*)?"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s*)?"
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})(?:\s*[-|,]?\s*(?:(?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2})?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?))?(?:\s*\(?(?:GMT|UTC|ICT)\s*\+?\s*0?7?\)?)?\s*$")
# What every stamp line holds (_DMY_STAMP): a line without it is not tried against _DATE_LINE.
_HAS_DMY = re.compile(r"\d[/-]\d{1,2}[/-]\d{4}")
STAMP_LINES = 12  # a page's own date stamp sits in its first lines; the site's "today" may too
_MONTH_ONLY = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
_LEAD_SOURCE = re.compile(r"^\(?(?P<src>[A-ZĐ][\wĐđ&. ]{1,20}?)\)?\s+[-–—]\s+\S")
_NAME = r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?: [A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,3}"
_BYLINE = re.compile(
    rf"^(?:(?:Bài|Tin|Bài và ảnh|Tin, ảnh|Bài, ảnh|Nhóm PV)\s*:?\s*)?(?P<a>{_NAME}(?:\s*(?:-|–|,)\s*(?!Ảnh|ảnh|Video|Clip){_NAME}){{0,2}})"
    rf"(?:\s*(?:,|-|–)\s*(?:Ảnh|ảnh|Video|Clip)\s*:?\s*(?P<p>{_NAME}))?"
    rf"(?:\s*\((?:TTXVN|[A-ZĐ]+)\))?$"
)
_THEO = re.compile(r"^Theo\s+(?P<src>[^.]{2,60})$")
_META_TIME = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|pubdate)[\"'][^>]*"
    r"content=[\"'](\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)[\"']", re.IGNORECASE)
_CAPTION = re.compile(r"^\(?(?:Ảnh|Nguồn|Video)\s*:.{0,80}\)?$")
# Page widgets printed as text: font size and contrast buttons ("A- A A+ | Tăng tương phản"), links
# back, share and comment buttons ("Trở lại chủ đề", "Chia sẻ"), a hotline heading the site's menu.
_WIDGET = re.compile(r"(?i)^(?:trở lại chủ đề|quay lại|trở về|chia sẻ|bình luận|lưu bài viết|nghe bài viết|nghe đọc bài\s*)$|"
                     r"^hotline\s*:?\s*[\d.\s]{8,}.*$|"
                     r"^(?:(?:A\s*[-+]?\s*){2,}|[|\s]*(?:tăng|giảm) tương phản|[|\s]*cỡ chữ|[|\s]*in bài viết)"
                     r"(?:[|\s]*(?:tăng|giảm) tương phản|[|\s]*cỡ chữ\b.*|[|\s]*in bài viết|[|\s]*A\s*[-+]?)*\s*$")
_SENTENCE_END = re.compile(r"[.!?…:;\"”)»]$")


def iter_paths(paths: list[Path], on_error: Callable[[InputError], None] | None = None) -> Iterator[Path]:
    """Files to read: explicit files as given, directories recursively (supported types only).

    Symlinked directories are followed, each real directory once. A directory that cannot be
    listed, a symlink loop and a broken link go to ``on_error`` (never skipped unsaid).
    """
    report = on_error or (lambda err: None)
    for path in paths:
        if path.is_dir():
            found: list[Path] = []
            _walk(path, found, report, ())
            yield from sorted(found)
        else:
            yield path


def _walk(folder: Path, found: list[Path], report: Callable[[InputError], None],
          ancestors: tuple[tuple[int, int], ...], seen: set[tuple[int, int]] | None = None) -> None:
    seen = set() if seen is None else seen
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            report(InputError(folder, "symlink loop (points back to a folder above it), not followed"))
            return
        if key in seen:
            return  # reached again through another link: its files are listed once
        seen.add(key)
        with os.scandir(folder) as entries:
            # real folders before links to them, so that a file is listed by its own path
            children = sorted(entries, key=lambda e: (e.is_symlink(), e.name))
    except OSError as exc:
        report(InputError(folder, f"cannot read folder ({exc.strerror or exc})"))
        return
    for entry in children:
        child = Path(entry.path)
        try:
            if entry.is_dir():  # follows links
                _walk(child, found, report, ancestors + (key,), seen)
            elif entry.is_file():
                if child.suffix.lower() in SUPPORTED and not entry.name.startswith("."):
                    found.append(child)
            elif entry.is_symlink():
                os.stat(child)  # raises: a loop or a missing target
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                report(InputError(child, "symlink loop, not followed"))
            elif exc.errno == errno.ENOENT and not entry.name.startswith("."):
                report(InputError(child, "broken symlink (its target does not exist)"))
            else:
                report(InputError(child, f"cannot read ({exc.strerror or exc})"))


def read_articles(path: Path, *, max_bytes: int = MAX_BYTES,
                  on_error: Callable[[InputError], None] | None = None,
                  span: tuple[int, int, int] | None = None) -> Iterator[Article]:
    """The articles in one file; raises InputError naming the file and the problem.

    A bad line of a .jsonl file goes to ``on_error`` (named ``FILE:LINE``) and reading goes on;
    without ``on_error`` the bad lines are raised together after the good ones are yielded.
    ``max_bytes`` bounds one article: a whole .txt/.html file, one line of a .jsonl file.
    ``span`` = (start, end, first line number) reads only those bytes of a .jsonl file (see
    :func:`jsonl_spans`).
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(path, f"unsupported file type {suffix or '(none)'!r} "
                               f"(expected one of {', '.join(SUPPORTED)})")
    if suffix == ".jsonl":
        raw = _read_bytes(path, None, span[:2] if span else None)
        yield from _read_jsonl(decode(raw, path), path, on_error, first_line=span[2] if span else 1,
                               max_bytes=max_bytes)
        return
    raw = _read_bytes(path, max_bytes)
    text = decode(raw, path)
    if suffix in (".html", ".htm"):
        yield _read_html(text, path)
    else:
        yield _read_txt(text, path)


def jsonl_spans(path: Path, chunk_bytes: int = 1_000_000) -> list[tuple[int, int, int]]:
    """A .jsonl file cut at line ends into pieces of about ``chunk_bytes``: (start, end, number
    of the first line), so that pieces of one big file are read in parallel."""
    try:
        data = path.read_bytes()
    except OSError:
        return [(0, -1, 1)]  # read_articles reports the problem
    spans: list[tuple[int, int, int]] = []
    start, line = 0, 1
    while start < len(data):
        end = data.find(b"\n", min(start + chunk_bytes, len(data)) - 1)
        end = len(data) if end < 0 else end + 1
        spans.append((start, end, line))
        line += data.count(b"\n", start, end)
        start = end
    return spans or [(0, -1, 1)]


def _read_bytes(path: Path, max_bytes: int | None, span: tuple[int, int] | None = None) -> bytes:
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(path, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB "
                                   "limit for one article (raise it with --max-size)")
        if span and span[1] >= 0:
            with path.open("rb") as f:
                f.seek(span[0])
                raw = f.read(span[1] - span[0])
            return raw
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        problem = "symlink loop" if exc.errno == errno.ELOOP else f"cannot read ({exc.strerror or exc})"
        raise InputError(path, problem) from None
    if not raw.strip():
        raise InputError(path, "empty file")
    return raw


def decode(raw: bytes, path: Path | str = "<bytes>") -> str:
    """UTF-8 (with or without BOM); anything else is reported, not guessed."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "text is UTF-16; convert it to UTF-8")
    if b"\x00" in raw[:4096]:
        order = _utf16_order(raw[:4096])
        if order:
            raise InputError(path, f"text is UTF-16 ({order}, without a byte-order mark), not UTF-8; "
                                   "convert it to UTF-8")
        raise InputError(path, "binary file, not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        hint = ""
        try:
            raw.decode("cp1258")
            hint = " (looks like a legacy 8-bit encoding such as Windows-1258; convert it to UTF-8)"
        except UnicodeDecodeError:
            pass
        raise InputError(path, f"not valid UTF-8 at byte {exc.start}{hint}") from None


def _utf16_order(head: bytes) -> str | None:
    """"little-endian" or "big-endian" when ``head`` reads as UTF-16 text: its NUL bytes all on
    one side of the code units (the high byte of ASCII and Latin letters), and it decodes to
    printable text."""
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    units = len(head) // 2
    if not units or min(even, odd) > units // 50 or max(even, odd) < units // 5:
        return None
    codec, order = ("utf-16-le", "little-endian") if odd > even else ("utf-16-be", "big-endian")
    try:
        text = head.decode(codec)
    except UnicodeDecodeError:
        text = head[:-2].decode(codec, "ignore")  # a surrogate pair cut at the end
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    return order if printable >= 0.95 * len(text) else None


# --- the three formats ---------------------------------------------------------------------

def _read_txt(text: str, path: Path) -> Article:
    meta, body = _front_matter(text, path)
    return make_article(body, meta, path=path)


def _read_html(html: str, path: Path) -> Article:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_recall=True)
    if doc is None:
        raise InputError(path, "no main text found in the HTML page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = data.get("text") or ""
    if not body.strip():
        raise InputError(path, "no main text found in the HTML page")
    meta = {k: data.get(k) for k in ("title", "date", "url") if data.get(k)}
    fetched = fetched_url(path)
    if fetched:  # the address it was downloaded from wins over its canonical link or og:url
        meta["url"] = fetched
    if re.search(r"<meta[^>]+name=[\"']synthetic[\"'][^>]+content=[\"']true", html, re.IGNORECASE):
        meta["synthetic"] = "true"  # test pages written by the team say so
    published = _META_TIME.search(html)  # trafilatura keeps the day only; the page has the time
    if published:
        meta["date"] = published.group(1)
    if data.get("author"):
        meta["authors"] = [a.strip() for a in re.split(r"[;,]", data["author"]) if a.strip()]
    if data.get("sitename"):
        meta["source"] = data["sitename"]
    if data.get("categories"):
        meta["section"] = data["categories"][0] if isinstance(data["categories"], list) \
            else str(data["categories"]).split(",")[0]
    if meta.get("title"):
        body = f"{meta['title']}\n{body}"
    return make_article(body, meta, path=path)


def fetch_sidecar(page: Path) -> Path:
    """Where `coopgraph fetch` notes what it knows of a page it saved (NAME.fetch.json)."""
    return page.with_suffix(FETCH_SIDECAR)


def fetched_url(page: Path) -> str | None:
    """The http(s) URL a page was fetched from, when its sidecar says; else None."""
    try:
        data = json.loads(fetch_sidecar(page).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # no sidecar (an ordinary page), or a broken one
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.startswith(("http://", "https://")) else None


def _read_jsonl(text: str, path: Path, on_error: Callable[[InputError], None] | None = None, *,
                first_line: int = 1, max_bytes: int | None = None) -> Iterator[Article]:
    """Good lines are yielded; each bad line goes to ``on_error``, or all are raised at the end."""
    bad: list[InputError] = []
    report = on_error or bad.append
    # Lines end at "\n" only: U+2028, U+2029 and U+0085 are legal inside a JSON string
    # (json.dumps(ensure_ascii=False) writes them raw), and str.splitlines() would cut there.
    for lineno, line in enumerate(text.split("\n"), first_line):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        if max_bytes is not None and len(line) > max_bytes:  # characters: a cheap bound on bytes
            report(InputError(where, f"line is {len(line.encode()) / 1e6:.1f} MB, over the "
                                     f"{max_bytes / 1e6:.0f} MB limit for one article (raise it with --max-size)"))
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            report(InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})"))
            continue
        try:
            check_record(record, where)
            body = record["text"]
            if record.get("title") and not body.lstrip().startswith(record["title"].strip()):
                body = f"{record['title']}\n{body}"
            article = make_article(body, record, path=path, where=where)
        except InputError as exc:
            report(exc)
            continue
        except (TypeError, ValueError, AttributeError) as exc:  # a value of a kind not foreseen
            report(InputError(where, f"cannot read this line ({type(exc).__name__}: {exc})"))
            continue
        yield article
    if bad:
        more = f" (and {len(bad) - 1} more bad line(s))" if len(bad) > 1 else ""
        first = bad[0]
        raise InputError(path, f"line {str(first.path).rsplit(':', 1)[-1]}: {first.problem}{more}")


#: The fields of a JSONL article and the JSON types each may have (null is always allowed).
JSONL_FIELDS: dict[str, tuple[type, ...]] = {
    "text": (str,), "title": (str,), "id": (str, int), "url": (str,), "date": (str,),
    "source": (str,), "section": (str,), "authors": (str, list), "synthetic": (bool, str),
}
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "true/false",
               int: "a number", float: "a number", type(None): "null"}


def check_record(record: Any, where: str) -> None:
    """Raise InputError when a JSONL record is not an object with a string 'text' and fields of
    the expected types (see :data:`JSONL_FIELDS`); unknown fields are left alone."""
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(where, "each line must be an object with a string 'text'")
    for key, types in JSONL_FIELDS.items():
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            wanted = " or ".join(dict.fromkeys(_JSON_TYPES[t] for t in types))
            raise InputError(where, f"'{key}' must be {wanted}, not {_JSON_TYPES.get(type(value), 'a value')}"
                                    f" ({_clip(value)})")
        values = value if isinstance(value, list) else [value]
        for item in values:
            if key == "authors" and not isinstance(item, str):
                raise InputError(where, f"'authors' must hold strings only, not "
                                        f"{_JSON_TYPES.get(type(item), 'a value')} ({_clip(item)})")
            if isinstance(item, str):
                _check_unicode(item, key, where)


def _check_unicode(value: str, key: str, where: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(where, f"'{key}' holds a lone surrogate (\\u{ord(value[exc.start]):04x} at "
                                f"character {exc.start}), which is not a character") from None


def _clip(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:37] + "..."


def _front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    lines = text.lstrip("\ufeff").split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise InputError(path, "front matter opened with '---' is never closed") from None
    meta: dict[str, Any] = {}
    for line in lines[1:end]:
        if ":" in line:
            key, value = line.split(":", 1)
            meta[key.strip().lower()] = value.strip()
    return meta, "\n".join(lines[end + 1:])


# --- page text -> article --------------------------------------------------------------------

def make_article(body: str, meta: dict[str, Any], *, path: Path | None = None,
                 where: str | None = None) -> Article:
    """Build an Article from page text and whatever metadata came with it."""
    where = where or str(path)
    lines = [line for line in normalize_text(body).split("\n")]
    lines, removed, authors = strip_boilerplate(lines)
    title = normalize_text(str(meta.get("title") or "")).strip()
    month = _MONTH_ONLY.match(str(meta.get("date") or ""))
    published = None if month else _parse_date(meta.get("date"), where)
    section = meta.get("section")
    # Page text carries its title and stamp lines ("<section> dd/mm/yyyy hh:mm"); a page may
    # also print the site's "today" above the article's own stamp: the earliest stamp is the
    # article's (the crawl day is never before it).
    kept: list[str] = []
    stamps: list[datetime] = []
    for number, line in enumerate(lines):
        head = number < STAMP_LINES
        m = _DATE_LINE.match(line) if _HAS_DMY.search(line) else None
        if m and (head or (published is None and not stamps) or len(kept) <= 3):
            when = _page_date(m)
            if when:
                stamps.append(when)
            section = section or (m.group("section").strip(" |-,") or None)
            continue
        en = _EN_STAMP.match(line) if head else None
        if en:
            when = _english_date(en)
            if when:
                stamps.append(when)
                continue
        en = _EN_NUMERIC_STAMP.match(line) if head else None
        if en:  # "Published on 22 - 03 - 2019"
            try:
                stamps.append(datetime(int(en["y"]), int(en["m"]), int(en["d"]), tzinfo=VN_TZ))
                continue
            except ValueError:
                pass
        if head and len(kept) <= 3:
            m = _TRAILING_STAMP.search(line) or _GLUED_STAMP.match(line)
            when = _page_date(m) if m else None
            if when:
                stamps.append(when)
                line = (line[:m.start()] + line[m.end():]).strip()
        kept.append(line)
    if published is None and stamps:
        published = min(stamps)
    month_text = f"{month[1]}-{month[2]}" if month and published is None else None
    if not title:
        title = next((ln for ln in kept if len(ln.split()) >= 3), "")
    if title and (not kept or kept[0] != title):
        kept.insert(0, title)
    kept = _drop_repeats(kept)
    text = "\n".join(kept)
    if not text.strip():
        raise InputError(where, "no article text left after removing page boilerplate")
    source = meta.get("source") or _lead_source(kept)
    meta_authors = meta.get("authors")
    if isinstance(meta_authors, str):
        meta_authors = [a.strip() for a in meta_authors.split(",") if a.strip()]
    content_hash = hashlib.sha256(
        f"{title}\n{published.isoformat() if published else ''}\n{text}".encode()).hexdigest()
    art_id = str(meta.get("id") or "").strip() or (path.stem if path and path.suffix != ".jsonl"
                                                    else content_hash[:16])
    synthetic = str(meta.get("synthetic", "")).strip().lower() in ("true", "yes", "1")
    return Article(
        id=art_id, title=title, text=text, date=published,
        source=normalize_text(str(source)) if source else None,
        authors=tuple(meta_authors or authors), url=meta.get("url") or None,
        section=section, path=str(path) if path else None, synthetic=synthetic,
        content_hash=content_hash, removed=tuple(removed), month=month_text)


def strip_boilerplate(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Remove tag lists, related-article blocks, captions-only lines and the byline.

    Returns (kept lines, removed lines, byline names).
    """
    kept: list[str] = []
    removed: list[str] = []
    authors: list[str] = []
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        low = line.lower().rstrip(" :")
        if not line or len(line) <= 3 and not line[:1].isdigit():
            i += 1  # empty lines and widget debris such as "aa"
            continue
        if low in TAIL_MARKERS and i >= n * 0.4:
            removed.extend(lines[i:])
            break
        if low in RELATED_MARKERS or low in TAIL_MARKERS:
            removed.append(line)
            i += 1
            while i < n and (not lines[i] or _is_headline(lines[i])):
                removed.append(lines[i])
                i += 1
            continue
        if low in TAG_MARKERS or re.match(r"^(tags?|từ khóa)\s*:", low):
            removed.append(line)
            i += 1
            while i < n and lines[i] and len(lines[i]) <= 40 and not _SENTENCE_END.search(lines[i]):
                removed.append(lines[i])
                i += 1
            continue
        if _CAPTION.match(line) or _WIDGET.match(line):
            removed.append(line)
            i += 1
            continue
        kept.append(line)
        i += 1
    # The byline: a short name line near the end, after the last paragraph.
    for j in range(len(kept) - 1, max(len(kept) - 3, 0) - 1, -1):
        m = _BYLINE.match(kept[j])
        theo = _THEO.match(kept[j])
        if m and j > 0 and len(kept[j]) <= 60:
            names = re.split(r"\s*(?:-|–|,)\s*", m.group("a")) + ([m.group("p")] if m.group("p") else [])
            authors = [a.title() if a.isupper() else a for a in names if a]
            removed.append(kept.pop(j))
            break
        if theo and j > 0:
            removed.append(kept.pop(j))
            break
    return kept, removed, authors


def _is_headline(line: str) -> bool:
    return len(line) <= 250 and not _SENTENCE_END.search(line)


def _drop_repeats(lines: list[str]) -> list[str]:
    """A photo caption printed twice in a row is one line."""
    out: list[str] = []
    for line in lines:
        if not out or out[-1] != line:
            out.append(line)
    return out


def _lead_source(lines: list[str]) -> str | None:
    for line in lines[1:4]:
        m = _LEAD_SOURCE.match(line)
        if m:
            abbr = m.group("src").strip()
            return SOURCES.get(abbr, abbr)
    return None


def _page_date(m: re.Match[str]) -> datetime | None:
    groups = m.groupdict()
    hour = _hour24(int(groups.get("H") or groups.get("H0") or groups.get("H1") or 0), groups.get("ampm"))
    minute = int(groups.get("M") or groups.get("M0") or groups.get("M1") or 0)
    try:
        return datetime(int(m["y"]), int(m["m"]), int(m["d"]), hour, minute, tzinfo=VN_TZ)
    except ValueError:
        return None


def _hour24(hour: int, ampm: str | None) -> int:
    """``4`` with ``PM`` is 16."""
    return hour + 12 if ampm and ampm[0] in "Pp" and hour < 12 else hour


def _english_date(m: re.Match[str]) -> datetime | None:
    hour = _hour24(int(m["H"] or 0), m["ampm"])
    try:
        return datetime(int(m["y"]), _MONTHS_EN.index(m["mon"].lower()) + 1, int(m["d"]), hour,
                        int(m["M"] or 0), tzinfo=VN_TZ)
    except ValueError:
        return None


def _parse_date(value: Any, where: str) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=VN_TZ)
    text = str(value).strip()
    m = _DATE_LINE.match(text)
    if m:
        return _page_date(m)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(where, f"unreadable date {text!r} (expected ISO 8601 or dd/mm/yyyy hh:mm)") \
            from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=VN_TZ)
