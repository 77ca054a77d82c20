"""``officials/<slug>.html``: one official.

The posts over time (a small SVG timeline and a table: each post with its unit and the first
and last day an article reported it), the events they chaired or attended, the agreements they
signed, the provinces they are linked to and why, and the articles, newest first.
"""

from __future__ import annotations

from collections import defaultdict

from .entity_data import Post, Site
from .entity_html import (
    Links,
    agreements_html,
    articles_html,
    empty_note,
    esc,
    events_html,
    heading,
    link_to,
    nav_html,
    page_html,
    summary_html,
    table,
    vi_day,
    vi_num,
    view_link,
)


_WHY = {"location": "sự kiện tại", "organizer": "sự kiện do tỉnh tổ chức", "party": "thỏa thuận"}


def _timeline_svg(posts: list[Post]) -> str:
    """Each post as a bar from the first to the last day it was reported, years on the axis;
    nothing when every post was reported on one day (the table says it all)."""
    dated = [p for p in posts if p.first]
    if len({d for p in dated for d in (p.first, p.last) if d}) < 2:
        return ""
    first = int(min(str(p.first) for p in dated)[:4])
    last = int(max(str(p.last or p.first) for p in dated)[:4]) + 1
    span = max(1, last - first)
    left, width, row = 230, 420, 16
    height = row * len(dated) + 22

    def x(day: str) -> float:
        y, m, d = (int(v) for v in day[:10].split("-"))
        return left + width * ((y - first) + (m - 1) / 12 + (d - 1) / 365) / span

    parts = []
    for i, p in enumerate(dated):
        y0 = 4 + i * row
        x0, x1 = x(str(p.first)), x(str(p.last or p.first))
        label = p.label if len(p.label) <= 34 else p.label[:33] + "…"
        parts.append(f'<text x="0" y="{y0 + 10}">{esc(label)}</text>'
                     f'<rect x="{x0:.1f}" y="{y0}" width="{max(3.0, x1 - x0):.1f}" height="11" '
                     f'class="cg-received"><title>{esc(p.label)}: {vi_day(p.first)} – '
                     f"{vi_day(p.last)}</title></rect>")
    step = max(1, span // 8)
    for year in range(first, last + 1, step):
        xx = left + width * (year - first) / span
        parts.append(f'<text x="{xx:.1f}" y="{height - 2}" text-anchor="middle">{year}</text>')
    return (f'<svg class="cg-timeline" width="{left + width + 20}" height="{height}" '
            f'viewBox="0 0 {left + width + 20} {height}" role="img" '
            f'aria-label="Chức vụ theo thời gian">{"".join(parts)}</svg>')


def _posts_html(posts: list[Post], link: Links) -> str:
    """The posts in the order first reported, each with its unit, first and last day."""
    if not posts:
        return empty_note("Chưa có chức vụ nào trong dữ liệu. No posts.")
    rows = [[esc(p.label), link.province(p.unit) if p.unit else esc("trung ương"),
             vi_day(p.first), vi_day(p.last), esc(len(p.articles))] for p in posts]
    return (_timeline_svg(posts)
            + table(["Chức vụ", "Đơn vị", "Thấy lần đầu", "Thấy lần cuối", "Số bài"], rows,
                    numeric=[4], dates=[2, 3])
            + '<p class="cg-muted">Ngày là ngày đăng các bài báo nêu chức vụ, không phải ngày '
            "nhậm chức. Dates are those of the articles reporting the post.</p>")


def _provinces_html(site: Site, iri: str, served: list[str], link: Links) -> tuple[str, int]:
    """The provinces the official is linked to and why (serves, posts, events, agreements),
    the most linked first; and how many."""
    why: dict[str, list[str]] = defaultdict(list)
    for p in served:
        why[p].append("công tác tại")
    for post in site.posts.get(iri, []):
        if post.unit:
            why[post.unit].append(f"chức vụ: {post.label}")
    for f in site.facts_of.get(iri, []):
        for role, what in _WHY.items():
            for p in f.roles.get(role, []):
                if p in site.provinces:
                    why[p].append(what)
    if not why:
        return empty_note("Không có tỉnh, thành nào. No provinces."), 0
    rows = [[link.province(p), esc("; ".join(
        w + (f" ({why[p].count(w)})" if why[p].count(w) > 1 else "")
        for w in dict.fromkeys(why[p])))]
        for p in sorted(why, key=lambda p: (-len(why[p]), site.key(p)))]
    return table(["Tỉnh, thành", "Liên quan"], rows), len(rows)


def render_official_page(site: Site, iri: str) -> str:
    """The page of one official (an IRI of ``site.officials``)."""
    link = Links(site)
    attrs = site.officials[iri]
    posts = site.posts.get(iri, [])
    facts = site.facts_of.get(iri, [])
    articles = site.official_articles(iri)
    served = site.served_by(iri)
    provinces, n_provinces = _provinces_html(site, iri, served, link)
    signed = [f for f in facts if f.kind == "agreement"]
    head = ("Cán bộ lãnh đạo · công tác tại "
            + (", ".join(link.province(p) for p in served) or "trung ương")
            + " · " + link_to(view_link("graph.html", iri), "trong đồ thị"))
    parts = [
        f"<h1>{esc(attrs.get('label'))}</h1>",
        f'<p class="cg-muted" id="cg-official">{head}</p>',
        summary_html([("chức vụ", esc(len(posts))),
                      ("sự kiện", esc(vi_num(sum(1 for f in facts if f.kind == "event")))),
                      ("thỏa thuận đã ký tên", esc(len(signed))),
                      ("tỉnh, thành", esc(n_provinces)),
                      ("bài báo", esc(vi_num(len(articles))))]),
        heading("Chức vụ theo thời gian", "posts over time", "posts"), _posts_html(posts, link),
        heading("Sự kiện", "events", "events"), events_html(facts, link, official=iri),
    ]
    if signed:
        parts += [heading("Thỏa thuận đã ký", "agreements signed", "agreements"),
                  agreements_html(facts, link)]
    parts += [heading("Tỉnh, thành", "provinces", "provinces"), provinces,
              heading("Bài báo, mới nhất trước", "articles, newest first", "articles"),
              articles_html(site, articles, link)]
    return page_html(f"{attrs.get('label')} — cán bộ", "\n".join(parts), nav_html(site))


__all__ = ["render_official_page"]
