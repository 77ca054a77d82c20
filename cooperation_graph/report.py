"""Extractions as text for a person: amounts the Vietnamese way, one block per fact type."""

from __future__ import annotations

from .model import Extraction


def format_vnd(amount: int | None) -> str:
    """``3000000000`` -> ``3 tỷ đồng``, ``33600000000000`` -> ``33.600 tỷ đồng``."""
    if amount is None:
        return "—"
    for unit, name in ((10**9, "tỷ"), (10**6, "triệu"), (10**3, "nghìn")):
        if amount >= unit:
            value = amount / unit
            whole = int(value)
            text = f"{whole:,}".replace(",", ".")
            frac = round(value - whole, 3)
            if frac:
                text += "," + f"{frac:.3f}"[2:].rstrip("0")
            return f"{text} {name} đồng"
    return f"{amount} đồng"


def format_table(ex: Extraction) -> str:
    """A readable summary of one extraction."""
    a = ex.article
    lines = [f"# {a.title}", f"  id: {a.id}   date: {a.date.isoformat() if a.date else '—'}   "
             f"source: {a.source or '—'}   authors: {', '.join(a.authors) or '—'}"]

    def section(title: str, rows: list[str]) -> None:
        lines.append(f"\n{title} ({len(rows)})")
        lines.extend(f"  - {r}" for r in rows) if rows else lines.append("  (none)")

    section("Provinces", [f"{p.name} [{p.code}, {p.era}] ×{p.mentions}" for p in ex.provinces])
    section("Cooperation pairs", [" – ".join(p) for p in ex.cooperation_pairs])
    section("Officials", [f"{o.name} ({o.province or 'central'}): {'; '.join(o.titles)}"
                          for o in ex.officials])
    section("Agreements", [
        f"{' – '.join(g.parties)}: {g.kind}, {g.n_contents or '?'} nội dung, {g.status}"
        + (f", {g.period}" if g.period else "")
        + (f"; ký: {', '.join(g.signatories)}" if g.signatories else "")
        + (f"; lĩnh vực: {' | '.join(g.fields)}" if g.fields else "") for g in ex.agreements])
    section("Fundings", [
        f"{f.donor or '?'} → {f.recipient or '?'}: {(f.qualifier + ' ') if f.qualifier else ''}"
        f"{format_vnd(f.amount_vnd)} ({'/'.join(map(str, f.years)) or '?'}, {f.status})"
        + (f" — {f.purpose}" if f.purpose else "") for f in ex.fundings])
    section("Investments", [
        f"{i.investor_province or '?'} → {i.host_province or '?'}: {i.projects or '?'} dự án, "
        f"{(i.qualifier + ' ') if i.qualifier else ''}{format_vnd(i.capital_vnd)}" for i in ex.investments])
    section("Events", [
        f"{e.kind} {e.date.isoformat() if e.date else '?'} tại {e.place or '?'}; "
        f"tổ chức: {', '.join(e.organisers) or '?'}"
        + (f"; chủ trì: {', '.join(p.name for p in e.participants if p.role == 'chair')}"
           if any(p.role == 'chair' for p in e.participants) else "") for e in ex.events])
    return "\n".join(lines) + "\n"
