"""Fetching from the web, against a server on loopback that serves synthetic pages, a feed, a
sitemap and robots.txt, and the ways a fetch goes wrong: slow, 404, 500, a redirect loop, a
huge page. No network other than 127.0.0.1."""

from __future__ import annotations

import gzip
import http.server
import json
import threading
import time
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from cooperation_graph import fetch as fx
from cooperation_graph.cli import main
from cooperation_graph.ingest import fetch_sidecar, read_articles


def page(title: str, *paragraphs: str, canonical: str | None = None) -> bytes:
    """A synthetic news page, marked as such in its metadata."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
            '<meta name="description" content="synthetic test page">'
            '<meta name="synthetic" content="true">'
            '<meta property="article:published_time" content="2023-05-12T09:30:00+07:00">'
            f'{link}</head><body><nav>Trang chủ | Thời sự</nav><article><h1>{title}</h1>{body}'
            '</article><footer>Trang thử nghiệm, không phải tin thật.</footer></body></html>'
            ).encode("utf-8")


DA_NANG = page(
    "Đà Nẵng và Quảng Nam ký kết hợp tác phát triển du lịch",
    "Sáng 12/5, tại thành phố Đà Nẵng, UBND thành phố Đà Nẵng và UBND tỉnh Quảng Nam đã ký kết "
    "chương trình hợp tác phát triển du lịch giai đoạn 2023 - 2025 gồm 8 nội dung.",
    "Theo chương trình, hai địa phương sẽ phối hợp quảng bá điểm đến, xây dựng sản phẩm du lịch "
    "liên kết và chia sẻ dữ liệu về khách du lịch.",
    canonical="https://example.invalid/canonical/da-nang-quang-nam")
HA_NOI = page(
    "Hà Nội hỗ trợ Cần Thơ 3 tỷ đồng",
    "Sáng 23/8, tại thành phố Cần Thơ, thành phố Hà Nội trao tặng Quỹ An sinh xã hội của thành "
    "phố Cần Thơ 3 tỷ đồng. Hai thành phố thống nhất đẩy mạnh hợp tác trong thời gian tới.",
    "Hội nghị đánh giá kết quả hợp tác giữa hai thành phố trong những năm qua và đề ra phương "
    "hướng hợp tác giai đoạn tới, tập trung vào kinh tế, du lịch, y tế và giáo dục.")
ETAG = '"v1"'
SLOW_SECONDS = 1.5


class Site:
    """A threaded HTTP server on 127.0.0.1 (port 0); ``log`` keeps (path, headers, time) of every
    request."""

    def __init__(self, robots_status: int = 200, robots: str | None = None) -> None:
        self.log: list[tuple[str, dict[str, str], float]] = []
        self.robots_status = robots_status
        self.robots = robots
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's API
                site.log.append((self.path, dict(self.headers), time.monotonic()))
                try:
                    site.answer(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout, too large): as meant

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def hits(self) -> Counter:
        return Counter(path for path, _, _ in self.log)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        return [headers for p, headers, _ in self.log if p == path]

    def answer(self, h: http.server.BaseHTTPRequestHandler) -> None:
        path = h.path
        if path == "/robots.txt":
            if self.robots_status != 200:
                return self.send(h, self.robots_status, b"", "text/plain")
            text = self.robots or f"User-agent: *\nDisallow: /private/\n\nSitemap: {self.url}/sitemap.xml\n"
            return self.send(h, 200, text.encode(), "text/plain")
        if path in ("/tin/da-nang-quang-nam.html", "/private/bi-mat.html"):
            if h.headers.get("If-None-Match") == ETAG:
                return self.send(h, 304, b"", None, {"ETag": ETAG})
            return self.send(h, 200, DA_NANG, "text/html; charset=utf-8",
                             {"ETag": ETAG, "Last-Modified": "Fri, 12 May 2023 02:30:00 GMT"})
        if path == "/tin/ha-noi-can-tho.html":
            return self.send(h, 200, HA_NOI, "text/html; charset=utf-8")
        if path == "/tin/gzip.html":
            return self.send(h, 200, gzip.compress(HA_NOI), "text/html", {"Content-Encoding": "gzip"})
        if path == "/feed.rss":
            items = "".join(f"<item><title>t</title><link>{self.url}{p}</link></item>"
                            for p in ("/tin/da-nang-quang-nam.html", "/tin/ha-noi-can-tho.html"))
            rss = (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin</title>'
                   f"<link>{self.url}/</link>{items}</channel></rss>")
            return self.send(h, 200, rss.encode(), "application/rss+xml")
        if path == "/sitemap.xml":
            index = ('<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/'
                     f'schemas/sitemap/0.9"><sitemap><loc>{self.url}/sitemap-news.xml</loc></sitemap>'
                     "</sitemapindex>")
            return self.send(h, 200, index.encode(), "application/xml")
        if path == "/sitemap-news.xml":
            locs = "".join(f"<url><loc>{self.url}{p}</loc></url>"
                           for p in ("/tin/ha-noi-can-tho.html", "/missing.html"))
            urlset = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/'
                      f'schemas/sitemap/0.9">{locs}</urlset>')
            return self.send(h, 200, urlset.encode(), "application/xml")
        if path == "/moved":
            return self.send(h, 301, b"", None, {"Location": "/tin/da-nang-quang-nam.html"})
        if path in ("/loop-a", "/loop-b"):
            return self.send(h, 302, b"", None, {"Location": "/loop-b" if path == "/loop-a" else "/loop-a"})
        if path == "/broken.html":
            return self.send(h, 500, b"oops", "text/plain")
        if path == "/slow.html":
            time.sleep(SLOW_SECONDS)
            return self.send(h, 200, HA_NOI, "text/html")
        if path == "/huge.html":  # announced by its length
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Content-Length", str(20_000_000))
            h.end_headers()
            h.wfile.write(b"<html>" + b" " * 100_000)
            return None
        if path == "/endless.html":  # no length: refused while it is read
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.end_headers()
            for _ in range(200):
                h.wfile.write(b"<p>" + b"x" * 65_536 + b"</p>")
            return None
        if path == "/image.png":
            return self.send(h, 200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        return self.send(h, 404, b"not found", "text/plain")

    @staticmethod
    def send(h, status: int, body: bytes, ctype: str | None, headers: dict[str, str] | None = None) -> None:
        h.send_response(status)
        if ctype:
            h.send_header("Content-Type", ctype)
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def options(tmp_path: Path, **kw) -> fx.FetchOptions:
    base = dict(cache=tmp_path / "cache", rate=0.0, retries=2, backoff=0.01, timeout=5.0,
                max_bytes=1_000_000)
    return fx.FetchOptions(**{**base, **kw})


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["fetch", *args], input=input, catch_exceptions=False)


def cli_args(tmp_path: Path) -> list[str]:
    return ["--cache", str(tmp_path / "cache"), "--store", str(tmp_path / "store"), "--rate", "0",
            "--backoff", "0.01", "--workers", "1", "--max-size", "1"]


def stored_urls(store_dir: Path) -> set[str]:
    from cooperation_graph.store import open_store

    with open_store(str(store_dir), read_only=True) as store:
        return {q.object.value for q in store.quads() if q.predicate.value == "https://schema.org/url"}


# --- pure functions ---------------------------------------------------------------------------

def test_cache_path_is_one_readable_file_per_url(tmp_path):
    a = fx.cache_path(tmp_path, "https://baotintuc.vn/thoi-su/ha-noi-can-tho-20190823.htm")
    assert a == fx.cache_path(tmp_path, "https://baotintuc.vn/thoi-su/ha-noi-can-tho-20190823.htm")
    assert a.parent == tmp_path / "baotintuc.vn" and a.name.startswith("ha-noi-can-tho-20190823-")
    assert a.suffix == ".html"
    assert a != fx.cache_path(tmp_path, "https://baotintuc.vn/thoi-su/ha-noi-can-tho-20190823.htm?p=2")
    assert fx.cache_path(tmp_path, "http://127.0.0.1:8080/").parent.name == "127.0.0.1_8080"


def test_url_lists_skip_comments_and_blanks_and_urls_are_kept_once():
    text = "# tin hợp tác\nhttps://a.vn/1.html\n\n  https://a.vn/2.html  \n# xong\n"
    assert fx.read_url_list(text) == ["https://a.vn/1.html", "https://a.vn/2.html"]
    assert fx.unique(["https://a.vn/1.html#top", "https://a.vn/1.html", " "]) == ["https://a.vn/1.html"]


def test_user_agent_names_the_project():
    assert fx.user_agent().startswith("cooperation_graph/")


@pytest.mark.parametrize("feed", [
    '<?xml version="1.0"?><rss version="2.0"><channel><link>https://a.vn/</link>'
    "<item><link>https://a.vn/tin/1.html</link></item><item><link>/tin/2.html</link></item>"
    "</channel></rss>",
    '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
    '<link href="https://a.vn/" rel="alternate"/><link href="https://a.vn/atom.xml" rel="self"/>'
    '<entry><link href="https://a.vn/tin/1.html"/></entry><entry><link href="/tin/2.html"/></entry></feed>',
    '{"version": "https://jsonfeed.org/version/1.1", "items": [{"url": "https://a.vn/tin/1.html"},'
    ' {"id": "https://a.vn/tin/2.html"}]}',
], ids=["rss", "atom", "json"])
def test_feed_links_are_its_pages_not_the_home_page(feed):
    assert fx.links_of_feed(feed, "https://a.vn/atom.xml") == ["https://a.vn/tin/1.html",
                                                                "https://a.vn/tin/2.html"]


def test_sitemap_links_separate_pages_from_nested_sitemaps():
    urlset = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
              "<url><loc>http://127.0.0.1:1/tin/1.html</loc></url>"
              "<url><loc>http://127.0.0.1:1/sitemap-2.xml</loc></url></urlset>")
    assert fx.links_of_sitemap(urlset, "http://127.0.0.1:1/sitemap.xml") == (
        ["http://127.0.0.1:1/tin/1.html"], ["http://127.0.0.1:1/sitemap-2.xml"])
    assert fx.links_of_sitemap("<html><body>no</body></html>", "http://127.0.0.1:1/sitemap.xml") == ([], [])


def test_page_html_converts_a_legacy_charset_and_refuses_what_is_not_html():
    html = "<html><body><p>Tỉnh Hòa Bình</p></body></html>"
    reply = fx.Reply("http://x.vn/a", 200, {"content-type": "text/html; charset=windows-1258"},
                     unicodedata.normalize("NFD", html).encode("cp1258"))
    body, charset = fx.page_html(reply)
    assert charset == "windows-1258" and "Tỉnh Hòa Bình" in unicodedata.normalize("NFC", body.decode())
    assert fx.page_html(fx.Reply("http://x.vn/a", 200, {}, html.encode()))[1] is None  # sniffed
    with pytest.raises(fx.FetchError, match=r"not HTML \(application/pdf\)"):
        fx.page_html(fx.Reply("http://x.vn/a", 200, {"content-type": "application/pdf"}, b"%PDF-1.4"))


# --- the fetcher against the loopback site ------------------------------------------------------

def test_a_page_is_downloaded_once_then_read_from_the_cache(tmp_path, site):
    fetcher = fx.Fetcher(options(tmp_path))
    first = fetcher.fetch_page(f"{site.url}/tin/da-nang-quang-nam.html")
    assert first.status == "downloaded" and first.path.read_bytes() == DA_NANG
    sidecar = json.loads(fetch_sidecar(first.path).read_text())
    assert sidecar["url"] == f"{site.url}/tin/da-nang-quang-nam.html" and sidecar["etag"] == ETAG
    (ua,) = {h["User-Agent"] for h in site.headers_of("/tin/da-nang-quang-nam.html")}
    assert ua.startswith("cooperation_graph/")
    before = len(site.log)
    again = fx.Fetcher(options(tmp_path)).fetch_page(f"{site.url}/tin/da-nang-quang-nam.html")
    assert again.status == "cached" and again.path == first.path
    assert len(site.log) == before  # not even robots.txt is asked again


def test_refresh_asks_conditionally_and_a_304_keeps_the_cached_page(tmp_path, site):
    url = f"{site.url}/tin/da-nang-quang-nam.html"
    first = fx.Fetcher(options(tmp_path)).fetch_page(url)
    again = fx.Fetcher(options(tmp_path, refresh=True)).fetch_page(url)
    assert again.status == "not-modified" and again.path == first.path
    last = site.headers_of("/tin/da-nang-quang-nam.html")[-1]
    assert last["If-None-Match"] == ETAG and last["If-Modified-Since"] == "Fri, 12 May 2023 02:30:00 GMT"
    assert first.path.read_bytes() == DA_NANG


def test_a_redirect_is_followed_and_the_served_url_is_kept(tmp_path, site):
    result = fx.Fetcher(options(tmp_path)).fetch_page(f"{site.url}/moved")
    assert result.status == "downloaded" and result.final_url == f"{site.url}/tin/da-nang-quang-nam.html"
    assert fx.cache_path(tmp_path / "cache", f"{site.url}/moved") == result.path  # keyed as asked
    (article,) = read_articles(result.path)
    assert article.url == f"{site.url}/tin/da-nang-quang-nam.html"  # not the canonical link


def test_a_gzipped_page_is_unpacked(tmp_path, site):
    result = fx.Fetcher(options(tmp_path)).fetch_page(f"{site.url}/tin/gzip.html")
    assert result.status == "downloaded" and result.path.read_bytes() == HA_NOI
    assert "gzip" in site.headers_of("/tin/gzip.html")[0]["Accept-Encoding"]


@pytest.mark.parametrize("path,problem", [
    ("/missing.html", "HTTP 404 (Not Found)"),
    ("/broken.html", "HTTP 500 (Internal Server Error) after 3 tries"),
    ("/loop-a", "redirect loop (/loop-a -> /loop-b -> /loop-a)"),
    ("/huge.html", "too large: 20 MB, over the 1 MB limit"),
    ("/endless.html", "too large: over the 1 MB limit"),
    ("/slow.html", "timed out (no answer within 0.3 s) after 2 tries"),
    ("/private/bi-mat.html", "disallowed by robots.txt"),
    ("/image.png", "not HTML (image/png)"),
])
def test_each_failure_says_why(tmp_path, site, path, problem):
    fetcher = fx.Fetcher(options(tmp_path, timeout=0.3, retries=1 if path == "/slow.html" else 2))
    result = fetcher.fetch_page(site.url + path)
    assert result.failed and result.path is None
    assert problem in result.problem, result.problem
    assert result.line().startswith(f"{site.url}{path}: ")
    hits = site.hits()
    if path == "/broken.html":
        assert hits[path] == 3  # retried, and no more than --retries
    elif path == "/missing.html":
        assert hits[path] == 1  # a 404 is not retried
    elif path == "/private/bi-mat.html":
        assert hits[path] == 0
    assert not list((tmp_path / "cache").rglob("*.html"))


def test_retries_back_off_exponentially(tmp_path, site):
    pauses: list[float] = []
    fetcher = fx.Fetcher(options(tmp_path, retries=3, backoff=0.5), sleep=pauses.append)
    assert fetcher.fetch_page(f"{site.url}/broken.html").failed
    assert pauses == [0.5, 1.0, 2.0]


def test_requests_to_one_host_are_spaced_by_the_rate(tmp_path, site):
    fetcher = fx.Fetcher(options(tmp_path, rate=0.2))
    for path in ("/tin/da-nang-quang-nam.html", "/tin/ha-noi-can-tho.html", "/missing.html"):
        fetcher.fetch_page(site.url + path)
    times = [t for _, _, t in site.log]
    assert len(times) == 4  # robots.txt and three pages
    assert all(b - a >= 0.19 for a, b in zip(times, times[1:])), times


def test_a_failed_refresh_keeps_the_cached_copy(tmp_path, site):
    url = f"{site.url}/tin/ha-noi-can-tho.html"
    first = fx.Fetcher(options(tmp_path)).fetch_page(url)
    site.close()  # the site is gone
    again = fx.Fetcher(options(tmp_path, refresh=True, retries=0)).fetch_page(url)
    assert again.failed and again.path == first.path
    assert "the cached copy is kept" in again.problem


def test_an_unreachable_robots_txt_leaves_the_site_alone(tmp_path):
    site = Site(robots_status=503)
    try:
        result = fx.Fetcher(options(tmp_path, retries=0)).fetch_page(f"{site.url}/tin/ha-noi-can-tho.html")
    finally:
        site.close()
    assert result.failed and "robots.txt could not be read (HTTP 503" in result.problem
    assert site.hits()["/tin/ha-noi-can-tho.html"] == 0


def test_robots_txt_rules_for_our_user_agent_and_its_crawl_delay_are_obeyed(tmp_path):
    site = Site(robots="User-agent: *\nDisallow: /private/\n\n"
                       "User-agent: cooperation_graph\nDisallow: /tin/ha-noi\nCrawl-delay: 7\n")
    pauses: list[float] = []
    try:
        fetcher = fx.Fetcher(options(tmp_path), sleep=pauses.append)
        refused = fetcher.fetch_page(f"{site.url}/tin/ha-noi-can-tho.html")
        allowed = fetcher.fetch_page(f"{site.url}/tin/da-nang-quang-nam.html")
    finally:
        site.close()
    assert refused.problem == "disallowed by robots.txt" and allowed.status == "downloaded"
    assert len(pauses) == 1 and 6.5 < pauses[0] <= 7  # waited the Crawl-delay after robots.txt


def test_feeds_and_sitemaps_give_their_pages(tmp_path, site):
    fetcher = fx.Fetcher(options(tmp_path))
    urls, problems = fx.collect_urls(fetcher, [f"{site.url}/tin/ha-noi-can-tho.html"],
                                     feeds=[f"{site.url}/feed.rss", f"{site.url}/nofeed.rss"],
                                     sitemaps=[site.url])  # a site: its robots.txt names the sitemap
    assert urls == [f"{site.url}/tin/ha-noi-can-tho.html", f"{site.url}/tin/da-nang-quang-nam.html",
                    f"{site.url}/missing.html"]
    assert problems == [f"{site.url}/nofeed.rss: HTTP 404 (Not Found)"]


# --- the command --------------------------------------------------------------------------------

def test_fetch_builds_the_pages_under_the_url_they_were_fetched_from(tmp_path, site):
    url = f"{site.url}/tin/da-nang-quang-nam.html"
    result = run(url, *cli_args(tmp_path))
    assert result.exit_code == 0, result.output
    assert "fetch: 1 downloaded" in result.output and "1 added" in result.output
    assert stored_urls(tmp_path / "store") == {url}  # not the page's canonical link
    before = len(site.log)
    again = run(url, *cli_args(tmp_path))
    assert again.exit_code == 0 and len(site.log) == before  # rerun: nothing downloaded
    assert "1 from the cache" in again.output and "1 unchanged" in again.output


def test_a_failed_url_is_one_line_and_the_run_goes_on(tmp_path, site):
    bad = [f"{site.url}/missing.html", f"{site.url}/loop-a", f"{site.url}/broken.html"]
    listed = "\n".join(["# một danh sách", f"{site.url}/tin/ha-noi-can-tho.html", *bad[1:]])
    result = run(bad[0], "--from-file", "-", "--retries", "1", *cli_args(tmp_path), input=listed)
    assert result.exit_code == 0, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3 and all(any(u in e for e in errors) for u in bad)
    assert "1 downloaded" in result.output and "3 failed" in result.output
    assert "1 added" in result.output


def test_nothing_fetched_exits_non_zero(tmp_path, site):
    result = run(f"{site.url}/missing.html", "ftp://example.invalid/x", *cli_args(tmp_path))
    assert result.exit_code != 0
    assert "nothing could be fetched" in result.output
    assert "ftp://example.invalid/x: not an http(s) URL" in result.output


def test_no_build_prints_the_cached_pages_of_a_feed_and_a_sitemap(tmp_path, site):
    result = run("--feed", f"{site.url}/feed.rss", "--sitemap", f"{site.url}/sitemap.xml",
                 "--no-build", *cli_args(tmp_path))
    assert result.exit_code == 0, result.output
    printed = [line for line in result.output.splitlines() if line.endswith(".html")]
    assert len(printed) == 2 and all(Path(p).is_file() for p in printed)
    assert "error: " + f"{site.url}/missing.html: HTTP 404" in result.output
    assert not (tmp_path / "store").exists()


def test_fetch_needs_something_to_fetch():
    result = CliRunner().invoke(main, ["fetch"])
    assert result.exit_code == 2 and "give URLs" in result.output
