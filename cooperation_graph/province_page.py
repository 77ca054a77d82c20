"""``provinces/<slug>.html``: one province (a unit of one era).

The unit with its era as a tag and links between a former unit and the unit it became part of
on 2025-07-01; a summary; its place in its era's province network (degree, weighted degree,
betweenness, Louvain community: :mod:`cooperation_graph.analytics`); its partners ranked by
link weight; the money it gave and received by year (SVG bars) and each funding and
investment; its agreements (status, period); its events; the officials seen there with their
posts and when; the articles that name it, newest first.

A current unit's partners and scores are those of the current network, which counts what its
former units did (as the map does); its lists of facts are its own, and the page links the
former units' pages for the rest.
"""

from __future__ import annotations

from collections import defaultdict

from .entity_data import Fact, Post, Site
from .entity_html import (
    STATUS,
    Links,
    agreements_html,
    articles_html,
    bar,
    capped,
    empty_note,
    era_tag,
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
from .views import ERA_LABELS, format_vnd


def _province_head(site: Site, iri: str, link: Links) -> str:
    """Name, era tag, code, what 2025-07-01 did to the unit (the map panel's words, with the
    units linked) and deep links into the map and the graph."""
    attrs = site.provinces[iri]
    era, label = str(attrs.get("era")), str(attrs.get("label"))
    bits = [f"mã {esc(attrs['code'])}"] if attrs.get("code") else []

    def units(names: list[str], of_era: str) -> list[str]:
        found = [site.by_label.get((of_era, str(x))) for x in names]
        return [link.province(u) if u else esc(x) for u, x in zip(found, names)]

    if era == "legacy" and attrs.get("successor"):
        (successor,) = units([str(attrs["successor"])], "current")
        merged = units(list(attrs.get("merged_with") or []), "legacy")
        bits.append(f"từ 1/7/2025 hợp nhất với {', '.join(merged)} thành {successor}" if merged
                    else f"giữ nguyên sau 1/7/2025: {successor}")
    elif era == "current" and attrs.get("formed_from"):
        formed = list(attrs["formed_from"])
        bits.append(("từ 1/7/2025, hợp nhất " if formed != [label] else "trước 1/7/2025: ")
                    + ", ".join(units(formed, "legacy")))
    views = [link_to(view_link("provinces.html", iri, era), "trên bản đồ")]
    if iri in site.in_graph:
        views.append(link_to(view_link("graph.html", iri), "trong đồ thị"))
    bits.append(" · ".join(views))
    return (f"<h1>{esc(label)}{era_tag(era)}</h1>\n"
            f'<p class="cg-muted" id="cg-unit">Tỉnh, thành · {esc(ERA_LABELS.get(era, era))} · '
            + " · ".join(bits) + "</p>")


def _money_rows(site: Site, iri: str) -> list[tuple[Fact, str, str | None]]:
    """(fact, direction, partner) for the province's fundings and investments."""
    out = []
    for f in site.facts_of.get(iri, ()):
        if f.kind == "funding":
            give, take = f.roles.get("donor", []), f.roles.get("recipient", [])
        elif f.kind == "investment":
            give, take = f.roles.get("investor", []), f.roles.get("host", [])
        else:
            continue
        if iri in give:
            out.append((f, "out", take[0] if take else None))
        if iri in take:
            out.append((f, "in", give[0] if give else None))
    return out


def _money_html(site: Site, iri: str, link: Links) -> str:
    """Money given and received by year (a table with bars), then each funding and investment,
    the latest years first."""
    rows = _money_rows(site, iri)
    if not rows:
        return empty_note("Chưa có khoản hỗ trợ hay đầu tư nào trong dữ liệu. No money reported.")
    cols = [("funding", "out"), ("funding", "in"), ("investment", "out"), ("investment", "in")]
    css = {("funding", "out"): "cg-given", ("funding", "in"): "cg-received",
           ("investment", "out"): "cg-inv-out", ("investment", "in"): "cg-inv-in"}
    by_year: dict[int | None, dict[tuple[str, str], list[int]]] = defaultdict(
        lambda: {c: [0, 0] for c in cols})
    for f, direction, _ in rows:
        cell = by_year[f.year][(f.kind, direction)]
        cell[0] += 1
        cell[1] += int(f.attrs.get("amount_vnd") or 0)
    top = {kind: max((by_year[y][(kind, d)][1] for y in by_year for d in ("out", "in")),
                     default=0) for kind in ("funding", "investment")}
    totals = {c: [sum(by_year[y][c][0] for y in by_year), sum(by_year[y][c][1] for y in by_year)]
              for c in cols}

    def cell(c: tuple[str, str], n: int, amount: int, with_bar: bool = True) -> str:
        if not n:
            return "–"
        text = (format_vnd(amount) if amount else "không ghi số tiền") + f" ({n} khoản)"
        return (bar(amount, top[c[0]], css[c]) if with_bar else "") + esc(text)

    table_rows = [[esc(y if y is not None else "không rõ năm")]
                  + [cell(c, *by_year[y][c]) for c in cols]
                  for y in sorted(by_year, key=lambda y: (y is None, y or 0))]
    summary = table(["Năm", "Hỗ trợ cho đi", "Hỗ trợ nhận", "Đầu tư ra tỉnh khác",
                      "Đầu tư nhận"], table_rows,
                     total=["Tổng"] + [cell(c, *totals[c], with_bar=False) for c in cols])
    facts = sorted(rows, key=lambda r: (r[0].year or 0, int(r[0].attrs.get("amount_vnd") or 0),
                                        r[0].iri), reverse=True)
    shown, notice = capped(facts, "khoản", "received")
    out = []
    for f, direction, partner in shown:
        a = f.attrs
        arrow = ("cho → " if direction == "out" else "nhận từ ← ") + (
            link.province(partner) if partner else "–")
        kind = "hỗ trợ" if f.kind == "funding" else "đầu tư"
        what = esc(a.get("purpose") or (f"{a['projects']} dự án" if a.get("projects") else ""))
        if f.sentence:
            what += f'<div class="cg-quote">“{esc(f.sentence)}”</div>'
        years = ", ".join(str(y) for y in a.get("years") or ()) or (
            f"{f.year} (năm đăng bài)" if f.year else "–")
        out.append([esc(years), arrow, esc(kind),
                    esc(format_vnd(a.get("amount_vnd"), a.get("qualifier")) or "–"), what,
                    esc(STATUS.get(str(a.get("status")), a.get("status") or "–")),
                    link.sources(f)])
    return (summary + '<p class="cg-muted">Một khoản tính vào năm bài báo ghi cho nó (năm đầu '
            "tiên nếu ghi nhiều năm), không ghi năm thì vào năm đăng bài; số tiền “trên”, “gần”… "
            "cộng như số ghi. A fact counts in its own first year, else its article's.</p>"
            + notice + table(["Năm", "Chiều", "Loại", "Số tiền", "Mục đích · dự án",
                               "Trạng thái", "Bài báo"], out, numeric=[3]))


def _partners_html(site: Site, iri: str, link: Links) -> str:
    """The unit's links in its era's network, strongest first, with what each is made of."""
    era = str(site.provinces[iri].get("era"))
    P = site.networks.get(era)
    if P is None or iri not in P or not P.degree(iri):
        return empty_note("Chưa có đối tác nào trong mạng lưới. No partners yet.")
    partners = sorted(P.neighbors(iri), key=lambda o: (-float(P.edges[iri, o].get("weight", 1)),
                                                       site.key(str(o))))
    top = max(float(P.edges[iri, o].get("weight", 1)) for o in partners)
    rows = []
    for rank, other in enumerate(partners, start=1):
        e = P.edges[iri, other]
        weight = float(e.get("weight", 1))
        money = []
        if e.get("fundings"):
            money.append(f"{e['fundings']} hỗ trợ" + (
                f" ({format_vnd(e['funding_vnd'])})" if e.get("funding_vnd") else ""))
        if e.get("investments"):
            money.append(f"{e['investments']} đầu tư" + (
                f" ({format_vnd(e['investment_vnd'])})" if e.get("investment_vnd") else ""))
        rows.append([str(rank), link.province(str(other)),
                     bar(weight, top, "cg-weight") + esc(vi_num(weight)),
                     esc(e.get("articles", 0)), esc(e.get("agreements", 0)),
                     esc("; ".join(money) or "–")])
    note = ""
    if era == "current":
        note = ('<p class="cg-muted">Mạng lưới 34 đơn vị: hợp tác của các đơn vị cũ được tính '
                "vào đơn vị mới mà chúng hợp thành (như bản đồ). The current network rolls the "
                "former units up into their successors.</p>")
    return note + table(["#", "Đối tác", "Độ mạnh", "Bài báo", "Thỏa thuận",
                          "Hỗ trợ · đầu tư"], rows, numeric=[0, 3, 4])


def _analytics_html(site: Site, iri: str, link: Links) -> str:
    """Degree, weighted degree and betweenness with their ranks, and the unit's community."""
    score = site.scores.get(iri)
    era = str(site.provinces[iri].get("era"))
    if score is None:
        return empty_note("Không có trong mạng lưới. Not in the network.")
    weighted_rank, between_rank, n = site.ranks[iri]
    members = []
    if score.community is not None:
        members = sorted((s.iri for s in site.scores.values()
                          if s.community == score.community and s.iri != iri
                          and str(site.provinces.get(s.iri, {}).get("era")) == era),
                         key=site.key)
    community = (f"cộng đồng số {score.community}" + (
        ": cùng " + ", ".join(link.province(m) for m in members) if members else "")
        if score.community is not None else "không thuộc cộng đồng nào (chưa có liên kết)")
    rows = [
        ["Số đối tác (degree)", esc(score.degree)],
        ["Độ mạnh liên kết (weighted degree)",
         esc(f"{vi_num(score.weighted_degree)} · hạng {weighted_rank}/{n}")],
        ["Độ trung gian (betweenness)",
         esc(f"{vi_num(round(score.betweenness, 4))} · hạng {between_rank}/{n}")],
        ["Cộng đồng (Louvain)", community],
    ]
    return ('<table class="cg-table" id="cg-analytics">' + "".join(
        f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
        '<p class="cg-muted">Độ mạnh một liên kết = số bài báo đưa tin cặp tỉnh + số thỏa thuận, '
        "khoản hỗ trợ và đầu tư giữa hai bên; độ trung gian đo trên độ dài 1/độ mạnh; cộng đồng "
        "theo Louvain với hạt giống cố định (như <code>coopgraph analyze</code>). Link weight = "
        "articles + agreements + fundings + investments of the pair.</p>")


def _province_officials_html(site: Site, iri: str, link: Links) -> str:
    """Officials serving the unit or holding a post of it, last seen first, with their posts
    here and the first and last day an article reported each."""
    people: dict[str, list[Post]] = {o: [] for o in site.serving.get(iri, ())}
    for person, posts in site.posts.items():
        for post in posts:
            if post.unit == iri:
                people.setdefault(person, []).append(post)
    if not people:
        return empty_note("Chưa thấy cán bộ nào của tỉnh, thành này. No officials seen.")
    last = {o: max([p.last or "" for p in posts] or [""]) for o, posts in people.items()}
    order = sorted(people, key=lambda o: (last[o], site.key(o)), reverse=True)
    shown, notice = capped(order, "cán bộ")
    rows = []
    for person in shown:
        posts = "<br>".join(
            f"{esc(p.label)} <span class=\"cg-muted\">{vi_day(p.first)} – {vi_day(p.last)} · "
            f"{len(p.articles)} bài</span>" for p in people[person]) or esc("–")
        rows.append([link.official(person), posts, vi_day(last[person] or None)])
    return notice + table(["Cán bộ", "Chức vụ tại đây (thấy lần đầu – lần cuối)",
                            "Thấy lần cuối"], rows, dates=[2])


def render_province_page(site: Site, iri: str) -> str:
    """The page of one province (an IRI of ``site.provinces``)."""
    attrs = site.provinces[iri]
    link = Links(site, str(attrs.get("era")))
    facts = site.facts_of.get(iri, [])
    money = _money_rows(site, iri)
    articles = site.province_articles(iri)
    P = site.networks.get(str(attrs.get("era")))

    def money_total(kind: str, direction: str) -> str:
        sel = [f for f, d, _ in money if f.kind == kind and d == direction]
        amount = sum(int(f.attrs.get("amount_vnd") or 0) for f in sel)
        return esc(vi_num(len(sel)) + (f" · {format_vnd(amount)}" if amount else ""))

    agreements = [f for f in facts if f.kind == "agreement"]
    signed = sum(1 for f in agreements if f.attrs.get("status") == "signed")
    summary = summary_html([
        ("đối tác", esc(P.degree(iri) if P is not None and iri in P else 0)),
        ("bài báo", esc(vi_num(len(articles)))),
        ("thỏa thuận", esc(f"{vi_num(len(agreements))} ({vi_num(signed)} đã ký)")),
        ("khoản hỗ trợ cho đi", money_total("funding", "out")),
        ("khoản hỗ trợ nhận", money_total("funding", "in")),
        ("đầu tư ra tỉnh khác", money_total("investment", "out")),
        ("đầu tư nhận", money_total("investment", "in")),
        ("sự kiện", esc(vi_num(sum(1 for f in facts if f.kind == "event")))),
    ])
    own_note = ""
    if attrs.get("era") == "current" and attrs.get("formed_from"):
        former = [site.by_label.get(("legacy", str(x))) for x in attrs["formed_from"]]
        own_note = ('<p class="cg-muted">Các dữ kiện dưới đây là của đơn vị từ 1/7/2025; dữ kiện '
                    "trước đó ở trang các đơn vị cũ: " + ", ".join(
                        link.province(f) for f in former if f) + ".</p>")
    body = "\n".join([
        _province_head(site, iri, link), summary, own_note,
        heading("Chỉ số mạng lưới", "network analytics", "analytics"),
        _analytics_html(site, iri, link),
        heading("Đối tác", "partners, strongest first", "partners"),
        _partners_html(site, iri, link),
        heading("Tiền cho và nhận theo năm", "money in and out by year", "money"),
        _money_html(site, iri, link),
        heading("Thỏa thuận hợp tác", "agreements", "agreements"), agreements_html(facts, link),
        heading("Sự kiện", "events", "events"), events_html(facts, link),
        heading("Cán bộ và chức vụ theo thời gian", "officials and their posts", "officials"),
        _province_officials_html(site, iri, link),
        heading("Bài báo, mới nhất trước", "articles, newest first", "articles"),
        articles_html(site, articles, link, site.mentions.get(iri, {})),
    ])
    title = f"{site.labels.get(iri, attrs.get('label'))} — hợp tác giữa các địa phương"
    return page_html(title, body, nav_html(site))


__all__ = ["render_province_page"]
