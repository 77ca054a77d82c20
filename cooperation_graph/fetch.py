"""Web pages -> cached HTML files, politely: what `coopgraph fetch` downloads before it builds.

Every request names the project in its User-Agent; robots.txt is read once per site and obeyed
(its Crawl-delay too); two requests to one host are at least ``rate`` seconds apart; what may
pass (429, 5xx, a timeout, a dropped connection) is retried with exponential backoff, a bounded
number of times; redirects are followed by hand, each hop checked against robots.txt, and a
loop is named; a page over ``max_bytes`` is refused without being read to its end.

Pages are kept under the cache folder, one file per URL (``CACHE/HOST/SLUG-HASH.html``, the
HTML as served, converted to UTF-8 when it was not) beside a sidecar (``.fetch.json``: the URL
the page came from after redirects, its ETag and Last-Modified). A cached URL is not requested
again, unless ``refresh`` is set: then the request is conditional (If-None-Match,
If-Modified-Since) and a 304 keeps the cached page. Ingest reads the sidecar, so the article's
URL is the address it was fetched from, not the page's canonical link.

Feeds (RSS, Atom, JSON Feed, or a web page that links one) and sitemaps (XML, text, nested
indexes, gzipped) are parsed by trafilatura (``feeds.find_links``, ``feeds.determine_feed``,
``sitemaps.SitemapObject``). Its fetching and its ``find_feed_urls``/``sitemap_search`` are not
used: they cannot send conditional requests, do not read robots.txt or space requests per host,
log a failure instead of returning its reason, and their URL filter (courlan) drops every
address that is an IP or ``localhost``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import socket
import ssl
import tempfile
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from http.client import HTTPException
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from trafilatura.feeds import FeedParameters, determine_feed, find_links, is_potential_feed
from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SitemapObject
from trafilatura.utils import decode_file

from . import __version__
from .errors import CooperationGraphError
from .ingest import MAX_BYTES, fetch_sidecar

DEFAULT_CACHE = Path("output/cache/html")
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})  # worth asking again after a pause
REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10
MAX_WAIT = 60.0  # longest pause taken for a Retry-After or a robots.txt Crawl-delay
ROBOTS_MAX_BYTES = 512_000  # RFC 9309: a crawler must read at least 500 KiB of it
MAX_SITEMAPS = 50  # sitemaps read for one --sitemap, nested ones included
MAX_LINKED_FEEDS = 3  # feeds read for a web page that links feeds
HTML_TYPES = ("text/html", "application/xhtml+xml")
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"


def user_agent() -> str:
    """``cooperation_graph/VERSION (+URL)``, the URL being the project's own when the package
    metadata names one; else a few words saying what the crawler is for."""
    home = None
    try:
        from importlib.metadata import PackageNotFoundError, metadata

        meta = metadata("cooperation-graph")
        urls = [u.split(",", 1)[-1].strip() for u in meta.get_all("Project-URL") or []]
        home = next((u for u in [*urls, meta.get("Home-page") or ""] if u.startswith("http")), None)
    except (ImportError, PackageNotFoundError):
        pass
    about = f"+{home}" if home else "cooperation-graph; news on cooperation between Vietnamese provinces"
    return f"cooperation_graph/{__version__} ({about})"


@dataclass(frozen=True)
class FetchOptions:
    """How politely and how far to fetch; one value travels through a whole run."""

    cache: Path = DEFAULT_CACHE
    rate: float = 1.0  # seconds between two requests to one host
    retries: int = 2  # further tries after a 429, a 5xx, a timeout or a dropped connection
    backoff: float = 1.0  # seconds before the first retry, doubled at each one
    timeout: float = 30.0  # seconds to wait for an answer or for more of it
    max_bytes: int = MAX_BYTES  # larger pages are refused
    refresh: bool = False  # ask again for cached URLs (conditionally)
    user_agent: str = field(default_factory=user_agent)


@dataclass(frozen=True)
class FetchResult:
    """What became of one URL: ``status`` is downloaded, cached, not-modified or failed; ``path``
    is the cached page (also after a failed refresh, which keeps it); ``url`` is the address
    as asked and ``final_url`` the one it was served from."""

    url: str
    status: str
    path: Path | None = None
    final_url: str | None = None
    problem: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"

    def line(self) -> str:
        """``URL: problem``, for one line on stderr."""
        return f"{self.url}: {self.problem}"


@dataclass
class FetchReport:
    """The results of a run, and the feeds or sitemaps that could not be read."""

    results: list[FetchResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def pages(self) -> list[Path]:
        """The cached pages to build, each once."""
        return list(dict.fromkeys(r.path for r in self.results if r.path is not None))

    @property
    def errors(self) -> list[str]:
        """One line per failure: ``URL: problem``."""
        return [*self.problems, *(r.line() for r in self.results if r.failed)]

    def summary(self) -> str:
        """One line for humans: how many downloaded, from the cache, not modified, failed."""
        counts = {s: sum(r.status == s for r in self.results)
                  for s in ("downloaded", "cached", "not-modified", "failed")}
        return (f"fetch: {counts['downloaded']} downloaded, {counts['cached']} from the cache, "
                f"{counts['not-modified']} not modified, {counts['failed']} failed "
                f"(of {len(self.results)} URLs)")


class FetchError(CooperationGraphError):
    """One request that came to nothing; ``problem`` says why in a few words."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class _Passing(FetchError):
    """A failure that may pass (timeout, dropped connection): worth a retry."""


# --- pure helpers ----------------------------------------------------------------------------

def is_web_url(url: str) -> bool:
    """An http(s) URL with a host: the only kind fetched."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def clean_url(url: str) -> str:
    """The URL without surrounding blanks and without its #fragment (the server never sees it)."""
    return urldefrag(url.strip()).url


def cache_path(cache: Path, url: str) -> Path:
    """Where the page of ``url`` is kept: ``CACHE/HOST[_PORT]/SLUG-HASH.html``, the slug from the
    URL's last path segment (readable ids), the hash of the whole URL (one file per URL)."""
    parts = urlsplit(url)
    host = (parts.hostname or "unknown").lower() + (f"_{parts.port}" if parts.port else "")
    last = next((seg for seg in reversed(parts.path.split("/")) if seg), "")
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"\.[a-z0-9]{1,5}$", "", last.lower())).strip("-")[:60]
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return cache / re.sub(r"[^a-z0-9._-]", "_", host) / (f"{slug}-{digest}.html" if slug else f"{digest}.html")


def read_url_list(text: str) -> list[str]:
    """The URLs of a list, one a line; blank lines and ``#`` comments are skipped."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def unique(urls: Iterable[str]) -> list[str]:
    """Cleaned URLs, each once, in their first order."""
    return list(dict.fromkeys(clean_url(u) for u in urls if u.strip()))


def links_of_feed(text: str, feed_url: str) -> list[str]:
    """The pages an RSS, Atom or JSON feed lists (trafilatura's parser), absolute, each once;
    the site's home page that a channel links is left out."""
    parts = urlsplit(feed_url)
    params = FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", feed_url)
    return _pages(find_links(text.strip(), params), feed_url)


def feeds_linked_from(html: str, page_url: str) -> list[str]:
    """The feeds a web page announces (``<link rel="alternate" type="application/rss+xml">``)."""
    parts = urlsplit(page_url)
    params = FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.hostname or "", page_url)
    return unique(determine_feed(html, params))


def links_of_sitemap(text: str, sitemap_url: str) -> tuple[list[str], list[str]]:
    """(pages, nested sitemaps) that a sitemap lists: XML (urlset or sitemapindex, read with
    entities off) or plain text, by trafilatura's parser; both empty when it is no sitemap."""
    sitemap = _Sitemap(sitemap_url, urlsplit(sitemap_url).hostname or "", [])
    sitemap.current_url = sitemap_url
    sitemap.content = text
    sitemap.process()
    return _pages(sitemap.urls, sitemap_url), unique(sitemap.sitemap_urls)


def _pages(links: Iterable[str], base: str) -> list[str]:
    out = []
    for link in links:
        url = clean_url(urljoin(base, link.strip()))
        if is_web_url(url) and url != base and urlsplit(url).path not in ("", "/"):
            out.append(url)
    return unique(out)


class _Sitemap(SitemapObject):
    """trafilatura's sitemap reader, with the links kept as they are: its own filter (courlan)
    drops hosts that are IP addresses or localhost, and links to other domains."""

    __slots__ = ()

    def handle_link(self, link: str) -> None:
        link = clean_url(urljoin(self.current_url, link))
        if link != self.current_url and is_web_url(link):
            (self.sitemap_urls if DETECT_SITEMAP_LINK.search(link) else self.urls).append(link)


def looks_like_sitemap(url: str) -> bool:
    """A sitemap's own URL (``.xml``, ``.xml.gz``, ``.txt``, ``sitemap`` in its name), not a site's."""
    path = urlsplit(url).path.lower()
    return path.endswith((".xml", ".xml.gz", ".txt", "sitemap")) or "sitemap" in path.rsplit("/", 1)[-1]


def conditional_headers(sidecar: Mapping[str, object]) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from the ETag / Last-Modified a cached page came with."""
    headers = {}
    if isinstance(sidecar.get("etag"), str):
        headers["If-None-Match"] = str(sidecar["etag"])
    if isinstance(sidecar.get("last_modified"), str):
        headers["If-Modified-Since"] = str(sidecar["last_modified"])
    return headers


def status_text(status: int) -> str:
    """``HTTP 404 (Not Found)``."""
    try:
        return f"HTTP {status} ({HTTPStatus(status).phrase})"
    except ValueError:
        return f"HTTP {status}"


def _mb(n: float) -> str:
    return f"{n / 1e6:.2f}".rstrip("0").rstrip(".") + " MB"


def too_large(size: int | None, limit: int) -> FetchError:
    """The refusal of a page over the limit (``size`` when the server announced it)."""
    what = f"{_mb(size)}, over" if size else "over"
    return FetchError(f"too large: {what} the {_mb(limit)} limit (raise it with --max-size)")


# --- HTTP ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Reply:
    """One HTTP answer: header names in lower case, the body read (and un-gzipped) within the
    size limit, only for a 200."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # noqa: ANN002, ANN003 - urllib's API
        return None  # redirects are followed by Fetcher.get, hop by hop


class Fetcher:
    """GET with robots.txt, a per-host rate limit, retries and a size limit. It keeps each
    site's robots.txt and each host's time of last request for the length of a run."""

    def __init__(self, options: FetchOptions | None = None, *,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.options = options or FetchOptions()
        self._sleep, self._clock = sleep, clock
        self._robots: dict[str, RobotFileParser | str] = {}  # site -> rules, or why it is left alone
        self._last: dict[str, float] = {}  # host -> when it was last asked
        self._delay: dict[str, float] = {}  # host -> robots.txt's Crawl-delay
        self._opener = urllib.request.build_opener(_NoRedirect)
        self.requests = 0

    # pages

    def fetch_page(self, url: str) -> FetchResult:
        """Download one page into the cache, or find it there; a failure is a result, not raised."""
        url = clean_url(url)
        if not is_web_url(url):
            return FetchResult(url, "failed", problem="not an http(s) URL")
        page = cache_path(self.options.cache, url)
        known = _read_sidecar(page)
        if known is not None and not self.options.refresh:
            return FetchResult(url, "cached", page, str(known.get("url") or url))
        try:
            reply = self.get(url, conditional_headers(known) if known else {})
            if reply.status == 304 and known is not None:
                _write_json(fetch_sidecar(page), {**known, "checked": _now()})
                return FetchResult(url, "not-modified", page, str(known.get("url") or url))
            if reply.status != 200:
                raise FetchError(status_text(reply.status))
            html, charset = page_html(reply)
        except FetchError as exc:
            if known is not None:
                return FetchResult(url, "failed", page, str(known.get("url") or url),
                                   f"{exc.problem}; the cached copy is kept")
            return FetchResult(url, "failed", problem=exc.problem)
        save_page(page, html, {
            "url": reply.url, "requested": url, "fetched": _now(),
            "etag": reply.headers.get("etag"), "last_modified": reply.headers.get("last-modified"),
            "content_type": reply.headers.get("content-type"), "charset": charset})
        return FetchResult(url, "downloaded", page, reply.url)

    # feeds and sitemaps

    def feed_urls(self, url: str) -> list[str]:
        """The pages a feed lists; for a web page, those of the feeds it links. Raises FetchError."""
        text = self.text(url)
        links = links_of_feed(text, url)
        if links:
            return links
        if is_potential_feed(text.strip()) or text.lstrip().startswith("{"):
            raise FetchError("the feed lists no pages")
        linked = feeds_linked_from(text, url)[:MAX_LINKED_FEEDS]
        if not linked:
            raise FetchError("not a feed (RSS, Atom or JSON Feed), and the page links none")
        for feed in linked:
            links += links_of_feed(self.text(feed), feed)
        if not links:
            raise FetchError(f"the feeds it links list no pages ({', '.join(linked)})")
        return unique(links)

    def sitemap_urls(self, url: str) -> tuple[list[str], list[str]]:
        """(pages, problems): the pages of a sitemap and of the sitemaps it nests (at most
        MAX_SITEMAPS read). A URL that is no sitemap's is a site: the sitemaps its robots.txt
        names are read, else its /sitemap.xml."""
        queue = [url]
        if not looks_like_sitemap(url):
            parts = urlsplit(url)
            rules = self._rules(f"{parts.scheme}://{parts.netloc}")
            named = rules.site_maps() if isinstance(rules, RobotFileParser) else None
            queue = unique(named or [f"{parts.scheme}://{parts.netloc}/sitemap.xml"])
        pages: list[str] = []
        problems: list[str] = []
        seen: set[str] = set()
        while queue and len(seen) < MAX_SITEMAPS:
            current = queue.pop(0)
            if current in seen:
                continue
            seen.add(current)
            try:
                found, nested = links_of_sitemap(self.text(current), current)
            except FetchError as exc:
                problems.append(f"{current}: {exc.problem}")
                continue
            if not (found or nested):
                problems.append(f"{current}: not a sitemap, or one that lists nothing")
            pages += found
            queue += [s for s in nested if s not in seen]
        if [q for q in queue if q not in seen]:
            problems.append(f"{url}: more than {MAX_SITEMAPS} sitemaps; the rest were not read")
        return unique(pages), problems

    def text(self, url: str) -> str:
        """The text at ``url`` (a feed, a sitemap), un-gzipped and decoded. Raises FetchError."""
        reply = self.get(url)
        if reply.status != 200:
            raise FetchError(status_text(reply.status))
        body = reply.body
        if body[:2] == b"\x1f\x8b":  # a .xml.gz file served as it is
            body = _gunzip([body], self.options.max_bytes)
        return _decode(body, reply.headers.get("content-type", ""))[0]

    # one GET

    def get(self, url: str, headers: Mapping[str, str] | None = None, *,
            obey_robots: bool = True, max_bytes: int | None = None) -> Reply:
        """GET ``url``, following redirects (each hop obeying robots.txt); raises FetchError.
        The reply's ``url`` is the last hop's."""
        seen = [url]
        while True:
            if obey_robots:
                self._check_robots(url)
            reply = self._exchange(url, headers or {}, max_bytes or self.options.max_bytes)
            if reply.status not in REDIRECT_STATUS:
                return reply
            location = reply.headers.get("location")
            if not location:
                raise FetchError(f"{status_text(reply.status)} without a Location to go to")
            target = clean_url(urljoin(url, location))
            if not is_web_url(target):
                raise FetchError(f"redirect to a non-web address ({target[:80]})")
            if target in seen:
                loop = seen[seen.index(target):] + [target]
                raise FetchError("redirect loop (" + " -> ".join(urlsplit(u).path or "/" for u in loop) + ")")
            if len(seen) > MAX_REDIRECTS:
                raise FetchError(f"more than {MAX_REDIRECTS} redirects")
            seen.append(target)
            url = target

    def _exchange(self, url: str, headers: Mapping[str, str], max_bytes: int) -> Reply:
        """One request, tried again after a pause while the failure may pass."""
        tries = self.options.retries + 1
        problem = ""
        for attempt in range(tries):
            self._wait_turn(url)
            wait = self.options.backoff * 2 ** attempt
            try:
                reply = self._request(url, headers, max_bytes)
            except _Passing as exc:
                problem = exc.problem
            else:
                if reply.status not in RETRY_STATUS:
                    return reply
                problem = status_text(reply.status)
                wait = _retry_after(reply.headers.get("retry-after"), wait)
            if attempt + 1 < tries:
                self._sleep(min(wait, MAX_WAIT))
        raise FetchError(f"{problem} after {tries} tries" if tries > 1 else problem)

    def _request(self, url: str, headers: Mapping[str, str], max_bytes: int) -> Reply:
        request = urllib.request.Request(url, headers={
            "User-Agent": self.options.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip",
            **headers})
        self.requests += 1
        try:
            response = self._opener.open(request, timeout=self.options.timeout)
        except urllib.error.HTTPError as exc:  # 3xx (ours to follow), 4xx, 5xx: an answer all the same
            response = exc
        except urllib.error.URLError as exc:
            raise _network_problem(exc.reason, self.options.timeout) from None
        except (OSError, HTTPException) as exc:
            raise _network_problem(exc, self.options.timeout) from None
        try:
            status = response.getcode() or 0
            found = {k.lower(): v for k, v in (response.headers or {}).items()}
            if status != 200:
                return Reply(url, status, found)
            size = found.get("content-length", "")
            if size.isdigit() and int(size) > max_bytes:
                raise too_large(int(size), max_bytes)
            chunks = iter(lambda: response.read(65_536), b"")
            encoding = found.get("content-encoding", "identity").strip().lower()
            if encoding in ("gzip", "x-gzip"):
                body = _gunzip(chunks, max_bytes)
            elif encoding in ("identity", ""):
                body = _capped(chunks, max_bytes)
            else:
                raise FetchError(f"unsupported content encoding {encoding!r}")
            return Reply(url, status, found, body)
        except (OSError, HTTPException) as exc:  # while reading the body
            raise _network_problem(exc, self.options.timeout) from None
        finally:
            response.close()

    def _wait_turn(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        if last is not None:
            pause = last + max(self.options.rate, self._delay.get(host, 0.0)) - self._clock()
            if pause > 0:
                self._sleep(pause)
        self._last[host] = self._clock()

    # robots.txt

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        rules = self._rules(f"{parts.scheme}://{parts.netloc}")
        if isinstance(rules, str):
            raise FetchError(rules)
        if not rules.can_fetch(self.options.user_agent, url):
            raise FetchError("disallowed by robots.txt")

    def _rules(self, site: str) -> RobotFileParser | str:
        """The site's robots.txt rules, read once; a string says why the site is left alone.

        As RFC 9309 has it: a robots.txt that does not exist (4xx) allows everything; one
        that cannot be reached (5xx, network) forbids everything."""
        if site not in self._robots:
            rules = RobotFileParser(f"{site}/robots.txt")
            try:
                reply = self.get(f"{site}/robots.txt", obey_robots=False, max_bytes=ROBOTS_MAX_BYTES)
            except FetchError as exc:
                self._robots[site] = f"robots.txt could not be read ({exc.problem}), so the site is left alone"
                return self._robots[site]
            if reply.status >= 500:
                self._robots[site] = (f"robots.txt could not be read ({status_text(reply.status)}), "
                                      "so the site is left alone")
                return self._robots[site]
            lines = _decode(reply.body, "")[0].splitlines() if reply.status == 200 else []
            rules.parse(lines)
            delay = rules.crawl_delay(self.options.user_agent)
            if delay:
                self._delay[urlsplit(site).hostname or ""] = min(float(delay), MAX_WAIT)
            self._robots[site] = rules
        return self._robots[site]


# --- the run ---------------------------------------------------------------------------------

def collect_urls(fetcher: Fetcher, urls: Iterable[str] = (), *, feeds: Iterable[str] = (),
                 sitemaps: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """(URLs to fetch, problems): the URLs given, then the pages each feed and sitemap lists,
    each once; a feed or sitemap that cannot be read is one problem line, and the rest go on."""
    found = list(urls)
    problems: list[str] = []
    for feed in unique(feeds):
        try:
            found += fetcher.feed_urls(feed)
        except FetchError as exc:
            problems.append(f"{feed}: {exc.problem}")
    for sitemap in unique(sitemaps):
        pages, sitemap_problems = fetcher.sitemap_urls(sitemap)
        found += pages
        problems += sitemap_problems
    return unique(found), problems


def fetch_pages(fetcher: Fetcher, urls: Iterable[str], *, problems: Iterable[str] = (),
                progress: Callable[[int], None] | None = None) -> FetchReport:
    """Fetch every URL into the cache, one after the other; a failed URL never stops the run."""
    report = FetchReport(problems=list(problems))
    for url in urls:
        report.results.append(fetcher.fetch_page(url))
        if progress:
            progress(1)
    return report


# --- bytes and files -------------------------------------------------------------------------

def page_html(reply: Reply) -> tuple[bytes, str | None]:
    """(the page as UTF-8 HTML, the charset it was converted from, if any); raises FetchError
    for what is not an HTML page."""
    ctype = reply.headers.get("content-type", "")
    mime = ctype.split(";", 1)[0].strip().lower()
    head = reply.body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if mime not in HTML_TYPES and not (mime in ("", "application/octet-stream")
                                      and head.startswith((b"<!doctype html", b"<html", b"<head", b"<body"))):
        raise FetchError(f"not HTML ({mime or 'no content type'})")
    if not reply.body.strip():
        raise FetchError("empty page")
    text, charset = _decode(reply.body, ctype)
    return (reply.body, None) if charset is None else (text.encode("utf-8"), charset)


def save_page(page: Path, html: bytes, sidecar: Mapping[str, object]) -> None:
    """Write the page, then its sidecar (each whole or not at all): a page without its sidecar
    is not taken for cached, so an interrupted run fetches it again."""
    page.parent.mkdir(parents=True, exist_ok=True)
    _write_atomic(page, html)
    _write_json(fetch_sidecar(page), {k: v for k, v in sidecar.items() if v is not None})


def _read_sidecar(page: Path) -> dict[str, object] | None:
    if not page.is_file():
        return None
    try:
        data = json.loads(fetch_sidecar(page).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _write_json(path: Path, data: Mapping[str, object]) -> None:
    _write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _decode(body: bytes, content_type: str) -> tuple[str, str | None]:
    """(text, None) for UTF-8; else (text, the charset it was read in): the one the server
    names, or trafilatura's guess."""
    try:
        return body.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    named = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    if named:
        try:
            return body.decode(named.group(1)), named.group(1).lower()
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_file(body), "guessed"


def _capped(chunks: Iterable[bytes], limit: int) -> bytes:
    out = bytearray()
    for chunk in chunks:
        out += chunk
        if len(out) > limit:
            raise too_large(None, limit)
    return bytes(out)


def _gunzip(chunks: Iterable[bytes], limit: int) -> bytes:
    """Gzip undone within ``limit`` bytes of output: a small bomb cannot fill the memory."""
    inflate = zlib.decompressobj(wbits=31)
    out = bytearray()
    try:
        for chunk in chunks:
            out += inflate.decompress(chunk, limit + 1 - len(out))
            if len(out) > limit:
                raise too_large(None, limit)
        out += inflate.flush()
    except zlib.error as exc:
        raise FetchError(f"broken gzip data ({exc})") from None
    if len(out) > limit:
        raise too_large(None, limit)
    return bytes(out)


def _network_problem(exc: object, timeout: float) -> FetchError:
    """A network failure in a few words; a timeout or a dropped connection may pass, the rest not."""
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return _Passing(f"timed out (no answer within {timeout:g} s)")
    if isinstance(exc, socket.gaierror):
        return FetchError("unknown host")
    if isinstance(exc, ConnectionRefusedError):
        return _Passing("connection refused")
    if isinstance(exc, ssl.SSLError):
        return FetchError(f"TLS error ({getattr(exc, 'reason', None) or exc})")
    if isinstance(exc, (ConnectionError, HTTPException)):
        return _Passing(f"connection dropped ({type(exc).__name__})")
    if isinstance(exc, OSError):
        return _Passing(f"network error ({exc.strerror or exc})")
    return FetchError(f"network error ({exc})")


def _retry_after(value: str | None, default: float) -> float:
    """Seconds a Retry-After asks for (a number or an HTTP date); ``default`` without one."""
    if not value:
        return default
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
