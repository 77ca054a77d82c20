"""HTML shared by the province and official pages: links, tables, bars, the fact lists both
kinds show (agreements, events, articles), the two indexes, and the article pages' list of the
provinces and officials they name.

Pages are plain HTML with one small inline stylesheet (``static/entity_pages.css``) in the
``static/entity_page.html`` frame and inline SVG bars: no script, nothing loaded, so they work
from ``file://`` and under the server's Content-Security-Policy. Every page lies one folder
below the output folder, so links go up with ``../``. Long lists keep their newest
:data:`MAX_ROWS` rows and say how many there are. Text from articles is escaped with
``html.escape``; only ``http(s)`` URLs become links.
"""

from __future__ import annotations

import functools
import html
import re
import urllib.parse
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from . import view_assets as assets
from .entity_data import ERAS, Fact, Site, entity_href
from .views import ERA_LABELS, _safe_url, _vi_date, _vi_number, article_filename, page_nav

#: Rows kept per list on a page (the newest); the page says how many there are in all.
MAX_ROWS = 300
ERA_TAGS = {"legacy": "trước 1/7/2025", "current": "từ 1/7/2025"}
STATUS = {"signed": "đã ký", "planned": "dự kiến", "given": "đã trao"}
ROLE_VI = {"chair": "chủ trì", "attendee": "tham dự"}


def esc(value: Any) -> str:
    """Text as HTML (None as nothing)."""
    return html.escape(str(value if value is not None else ""))


def link_to(href: str, text: str) -> str:
    """``<a href>`` with both escaped."""
    return f'<a href="{html.escape(href, quote=True)}">{esc(text)}</a>'


def vi_num(value: float) -> str:
    """``1234.5`` -> ``1.234,5``."""
    return _vi_number(Decimal(str(value)))


class Links:
    """Links from one page (one folder below the output folder) to the others.

    The HTML of each link is made once per site and reused by every page (a large store's
    pages hold hundreds of thousands of links to the same few hundred pages)."""

    def __init__(self, site: Site, era: str | None = None) -> None:
        self.site = site
        self.era = era  # a unit of the page's own era needs no (cũ) / (mới)
        self.made = site.links

    def province(self, iri: str) -> str:
        """A province's name linked to its page."""
        attrs = self.site.provinces.get(iri) or {}
        plain = bool(self.era) and attrs.get("era") == self.era
        key = ("p", iri, plain)
        if key not in self.made:
            text = (attrs.get("label") if plain else self.site.labels.get(iri)) or iri
            href = entity_href(attrs) if attrs else None
            self.made[key] = link_to("../" + href, str(text)) if href else esc(text)
        return self.made[key]

    def official(self, iri: str) -> str:
        """An official's name linked to their page."""
        key = ("o", iri, False)
        if key not in self.made:
            attrs = self.site.officials.get(iri)
            self.made[key] = (esc(iri.rsplit("/", 1)[-1]) if attrs is None else link_to(
                "../" + str(entity_href(attrs)), str(attrs.get("label") or iri)))
        return self.made[key]

    def article(self, article_id: str) -> str:
        """An article's title linked to its page (or, without article pages, its URL)."""
        key = ("a", article_id, False)
        if key not in self.made:
            record = self.site.articles.get(article_id, {})
            title = str(record.get("title") or article_id)
            url = _safe_url(record.get("url"))
            if self.site.article_pages and record:
                made = link_to("../articles/" + article_filename(article_id), title)
            else:
                made = link_to(url, title) if url else esc(title)
            self.made[key] = made
        return self.made[key]

    def sources(self, fact: Fact) -> str:
        """The articles stating a fact (the first three, and how many more)."""
        return "; ".join(self.article(a) for a in fact.articles[:3]) + (
            f" (+{len(fact.articles) - 3})" if len(fact.articles) > 3 else "")


def table(headers: list[str], rows: list[list[str]], numeric: Iterable[int] = (),
          dates: Iterable[int] = (), total: list[str] | None = None) -> str:
    """A table of cells already HTML; ``numeric`` columns right-aligned, ``dates`` unbroken,
    ``total`` a last row in bold."""
    numeric, dates = set(numeric), set(dates)

    def cls(i: int) -> str:
        return ' class="cg-num"' if i in numeric else (' class="cg-date"' if i in dates else "")

    head = "".join(f"<th{cls(i)}>{h}</th>" for i, h in enumerate(headers))
    body = "\n".join("<tr>" + "".join(f"<td{cls(i)}>{c}</td>" for i, c in enumerate(r)) + "</tr>"
                     for r in rows)
    foot = ("\n<tr class=\"cg-total\">" + "".join(f"<td{cls(i)}>{c}</td>"
                                                   for i, c in enumerate(total)) + "</tr>"
            if total else "")
    return f'<table class="cg-table"><tr>{head}</tr>\n{body}{foot}</table>'


def bar(value: float, top: float, css: str, width: int = 110) -> str:
    """A horizontal SVG bar, ``value`` of ``top`` long (at least a pixel when not 0)."""
    w = 0 if not top else max(1, round(width * value / top)) if value else 0
    return (f'<svg class="cg-bar" width="{width}" height="10" aria-hidden="true">'
            f'<rect width="{w}" height="10" class="{css}"/></svg>')


def heading(vi: str, en: str, anchor: str) -> str:
    """A section heading in Vietnamese, its English in grey; ``anchor`` is its id."""
    return f'<h2 id="{anchor}">{esc(vi)} <span class="cg-en">· {esc(en)}</span></h2>'


def capped(rows: list[Any], what: str, query: str | None = None) -> tuple[list[Any], str]:
    """The first :data:`MAX_ROWS` rows, and a notice saying how many were left out."""
    if len(rows) <= MAX_ROWS:
        return rows, ""
    hint = f" Toàn bộ: <code>coopgraph query {query}</code>." if query else ""
    return rows[:MAX_ROWS], (f'<p class="cg-notice">Hiện {vi_num(MAX_ROWS)} {what} mới nhất trong '
                             f"{vi_num(len(rows))}.{hint} Showing the newest {MAX_ROWS} of "
                             f"{len(rows)}.</p>")


def empty_note(text: str) -> str:
    """What a section says when it has nothing."""
    return f'<p class="cg-muted">{esc(text)}</p>'


def era_tag(era: str) -> str:
    """The era of a unit as a small coloured tag."""
    return (f'<span class="cg-tag cg-tag-{esc(era)}" title="{esc(ERA_LABELS.get(era, era))}">'
            f"{esc(ERA_TAGS.get(era, era))}</span>")


def vi_day(value: Any) -> str:
    """An ISO date as ``23/08/2019`` (``–`` when there is none)."""
    return esc(_vi_date(value) or "–")


def nav_html(site: Site) -> str:
    """The links of :func:`views.page_nav` and to the two indexes."""
    extra = (' · <a href="../provinces/index.html">Tỉnh, thành</a>'
             ' · <a href="../officials/index.html">Cán bộ</a>')
    return page_nav("../", articles=site.article_pages, money=True).replace(
        "</nav>", extra + "</nav>", 1)


@functools.lru_cache(maxsize=1)
def _frame() -> tuple[str, str]:
    return assets.static_text("entity_page.html"), assets.static_text("entity_pages.css")


def page_html(title: str, body: str, nav: str) -> str:
    """A whole page: ``static/entity_page.html`` with its stylesheet, ``nav`` and ``body``."""
    frame, css = _frame()
    parts = {"TITLE": esc(title), "CSS": css, "NAV": nav, "BODY": body}
    # one pass, so nothing inserted (names from articles) is itself searched for placeholders
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: parts[m[1]], frame)


def view_link(page: str, iri: str, era: str | None = None) -> str:
    """A deep link into ``graph.html`` or ``provinces.html`` that opens a node's panel."""
    frag = (f"era={era}&" if era else "") + "node=" + urllib.parse.quote(iri, safe=":/")
    return f"../{page}#{frag}"


# --------------------------------------------------------------------------------------------
# Lists both page kinds show


def agreements_html(facts: list[Fact], link: Links) -> str:
    """The agreements among ``facts``, newest first: parties, contents, status, period."""
    rows = sorted((f for f in facts if f.kind == "agreement"),
                  key=lambda f: (f.date or "", f.iri), reverse=True)
    if not rows:
        return empty_note("Chưa có thỏa thuận nào trong dữ liệu. No agreements.")
    shown, notice = capped(rows, "thỏa thuận", "agreements")
    out = []
    for f in shown:
        a = f.attrs
        what = esc(str(a.get("kind") or "thỏa thuận hợp tác"))
        if a.get("n_contents"):
            what += f" · {esc(a['n_contents'])} nội dung"
        if a.get("fields"):
            what += f'<div class="cg-muted">{esc("; ".join(map(str, a["fields"])))}</div>'
        if f.sentence:
            what += f'<div class="cg-quote">“{esc(f.sentence)}”</div>'
        people = f.roles.get("signatory", [])
        named = {str(link.site.officials.get(o, {}).get("label")) for o in people}
        signers = [link.official(o) for o in people] + [  # and posts signing without a name
            esc(s) for s in a.get("signatories") or () if s not in named]
        out.append([vi_day(f.date), ", ".join(link.province(p) for p in f.roles.get("party", [])),
                    what, esc(STATUS.get(str(a.get("status")), a.get("status") or "–")),
                    esc(a.get("period") or "–"), ", ".join(signers) or "–", link.sources(f)])
    return notice + table(["Ngày bài", "Các bên", "Nội dung", "Trạng thái", "Giai đoạn",
                            "Người ký", "Bài báo"], out, dates=[0])


def events_html(facts: list[Fact], link: Links, official: str | None = None) -> str:
    """The events among ``facts``, newest first; on ``official``'s page, with their role."""
    rows = sorted((f for f in facts if f.kind == "event"),
                  key=lambda f: (f.date or "", f.iri), reverse=True)
    if not rows:
        return empty_note("Chưa có sự kiện nào trong dữ liệu. No events.")
    shown, notice = capped(rows, "sự kiện", "events_in_range")
    out = []
    for f in shown:
        a = f.attrs
        what = esc(str(a.get("kind") or "sự kiện"))
        if f.sentence:
            what += f'<div class="cg-quote">“{esc(f.sentence)}”</div>'
        people = [f"{link.official(o)} ({ROLE_VI[r]})" for r in ("chair", "attendee")
                  for o in f.roles.get(r, []) if o != official]
        row = [vi_day(f.date), what,
               ", ".join(link.province(p) for p in f.roles.get("location", [])) or esc(
                   a.get("place") or "–"),
               ", ".join(link.province(p) for p in f.roles.get("organizer", [])) or "–"]
        if official is not None:
            row.append(esc(", ".join(ROLE_VI[r] for r in ("chair", "attendee")
                                    if official in f.roles.get(r, []))))
        row += [", ".join(people) or "–", link.sources(f)]
        out.append(row)
    headers = ["Ngày", "Sự kiện", "Địa điểm", "Tổ chức"]
    if official is not None:
        headers.append("Vai trò")
    return notice + table(headers + ["Cán bộ", "Bài báo"], out, dates=[0])


def articles_html(site: Site, ids: list[str], link: Links,
                  counts: Mapping[str, int] | None = None) -> str:
    """Articles (already newest first) with date and source; ``counts``: mentions in each."""
    if not ids:
        return empty_note("Chưa có bài báo nào. No articles.")
    shown, notice = capped(ids, "bài", "articles_mentioning")
    rows = []
    for a in shown:
        record = site.articles.get(a, {})
        row = [vi_day(record.get("date")), link.article(a), esc(record.get("source") or "–")]
        if counts is not None:
            row.append(esc(counts.get(a, "–")))
        rows.append(row)
    headers = ["Ngày", "Bài báo", "Nguồn"] + (["Số lần nhắc"] if counts is not None else [])
    return notice + table(headers, rows, numeric=[3], dates=[0])


def summary_html(items: list[tuple[str, str]]) -> str:
    """The boxes at the top of a page: (what, value as HTML)."""
    return '<div class="cg-summary" id="cg-summary">' + "".join(
        f"<div><b>{v}</b>{esc(k)}</div>" for k, v in items) + "</div>"


# --------------------------------------------------------------------------------------------
# Indexes and the article pages' links


def render_province_index(site: Site) -> str:
    """``provinces/index.html``: every unit of both eras with its partners and scores."""
    parts = ["<h1>Tỉnh, thành · Provinces</h1>",
             '<p class="cg-muted">Mỗi đơn vị một trang: đối tác, tiền cho và nhận theo năm, '
             "thỏa thuận, sự kiện, cán bộ, bài báo và chỉ số mạng lưới. One page per unit; "
             "strongest in the network first.</p>"]
    for era in ERAS:
        units = [i for i, a in site.provinces.items() if a.get("era") == era]
        if not units:
            continue
        link = Links(site, era)
        units.sort(key=lambda i: (-(site.scores[i].weighted_degree if i in site.scores else 0),
                                  site.key(i)))
        rows = []
        for i in units:
            s = site.scores.get(i)
            rows.append([link.province(i), esc(site.provinces[i].get("code") or "–"),
                         esc(s.degree if s else 0), esc(vi_num(s.weighted_degree) if s else 0),
                         esc(vi_num(round(s.betweenness, 4)) if s else 0),
                         esc(s.community if s and s.community is not None else "–"),
                         esc(vi_num(len(site.province_articles(i))))])
        parts.append(heading(ERA_LABELS.get(era, era), f"{len(units)} units", era))
        parts.append(table(["Tỉnh, thành", "Mã", "Đối tác", "Độ mạnh", "Độ trung gian",
                             "Cộng đồng", "Bài báo"], rows, numeric=[2, 3, 4, 5, 6]))
    return page_html("Tỉnh, thành — hợp tác giữa các địa phương", "\n".join(parts),
                     nav_html(site))


def render_official_index(site: Site) -> str:
    """``officials/index.html``: every official, by name, with province and last post."""
    link = Links(site)
    order = sorted(site.officials, key=lambda o: (site.key(o), o))
    rows = []
    for o in order:
        posts = site.posts.get(o, [])
        latest = max(posts, key=lambda p: (p.last or "", p.label)) if posts else None
        rows.append([link.official(o),
                     ", ".join(link.province(p) for p in site.served_by(o)) or esc("trung ương"),
                     esc(latest.label if latest else "–"),
                     vi_day(latest.last if latest else None),
                     esc(vi_num(len(site.official_articles_set(o))))])
    body = "\n".join([
        f"<h1>Cán bộ · Officials ({vi_num(len(rows))})</h1>",
        '<p class="cg-muted">Mỗi cán bộ một trang: chức vụ theo thời gian, sự kiện, tỉnh, thành '
        "và bài báo. One page per official.</p>",
        table(["Cán bộ", "Công tác tại", "Chức vụ gần nhất", "Thấy lần cuối", "Bài báo"], rows,
              numeric=[4], dates=[3])
        if rows else empty_note("Chưa có cán bộ nào. No officials."),
    ])
    return page_html("Cán bộ — hợp tác giữa các địa phương", body, nav_html(site))


def named_html(site: Site, article_id: str, home: str = "../") -> str:
    """The provinces and officials an article names, linked to their pages (for its page)."""
    provinces, officials = site.named_in(article_id)
    if not provinces and not officials:
        return ""
    items = [link_to(home + href, site.labels.get(p, p)) for p in provinces
             if (href := entity_href(site.provinces.get(p, {})))]
    people = [link_to(home + str(entity_href(site.officials[o])),
                      str(site.officials[o].get("label"))) for o in officials]
    out = '<div class="cg-muted" id="cg-named">'
    if items:
        out += "Tỉnh, thành: " + ", ".join(items)
    if people:
        out += ("<br>" if items else "") + "Cán bộ: " + ", ".join(people)
    return out + "</div>"
