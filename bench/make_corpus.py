"""Write a deterministic corpus of synthetic Vietnamese cooperation articles for benchmarking.

Usage::

    python bench/make_corpus.py 10000 output/bench/corpus [--seed 0] [--big]

Articles go into ``.jsonl`` shards (one article a line: id, url, title, date, text, source,
synthetic) of up to 500 articles each, plus ``manifest.json``. ``--big`` also writes
``big/big-1mb.jsonl`` and ``big/big-2mb.jsonl``: one long article each, the 2 MB one being the
1 MB one continued with more of the same material, so their extraction times can be compared
for linearity.

The text follows the phrasing of ``shared/PATTERNS.md`` over the real gazetteer (the 63 former
provinces for dates before 2025-07-01, the 34 merged ones after, read from the sqlite database
shipped in ``vietnamadminunits``): chained titles, name-first officials, province blocks, posts
without names, back-references, old-style tone marks, fundings with one verb and many
recipients, ``mỗi tỉnh`` amounts, totals with their parts, planned money, investments, agreements
with counts and lists, day/month dates, photo captions repeating a sentence, bylines, and
``Bài liên quan`` / ``Đọc thêm`` blocks carrying other articles' headlines. A fixed pool of
fictional officials is reused across articles, and their titles change over the years. Nothing
here is real reporting; every article says ``synthetic: true``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import sqlite3
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator

GENERATOR_VERSION = 1
MERGER_DATE = date(2025, 7, 1)
FIRST_DAY = date(2013, 1, 1)
LAST_DAY = date(2026, 10, 31)
SHARD_SIZE = 500  # ~2.5 MB a shard, under the ingest limit for one file
BIG_SIZES = {"big-1mb": 1_000_000, "big-2mb": 2_000_000}

# --- vocabulary (data, not code) -------------------------------------------------------------

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
          "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lưu", "Trịnh", "Mai"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quốc", "Thanh", "Hữu", "Công", "Xuân", "Hồng", "Ngọc",
          "Thế", "Trọng", "Đình", "Anh", "Tiến", "Việt", "Quang"]
GIVEN = ["Hải", "Trung", "Hùng", "Dũng", "Tuấn", "Thành", "Bình", "Lâm", "Long", "Nam", "Phong",
         "Quang", "Sơn", "Thắng", "Vinh", "Hà", "Lan", "Hương", "Mai", "Thảo", "Hiếu", "Khánh",
         "Tâm", "Toàn", "Chiến", "Cường", "Định", "Phúc", "Lợi", "Nghĩa", "Hòa", "Tùng"]
SOURCES = [("TTTĐ", "Tuổi trẻ Thủ đô"), ("HNM", "Hà Nội Mới"), ("SGGP", "Sài Gòn Giải Phóng"),
           ("VOV", "VOV"), ("CT", "Báo Cần Thơ"), ("BĐT", "Báo Đấu thầu"), ("QĐND", "Quân đội nhân dân")]
SECTIONS = ["Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Địa phương"]
FIELDS = ["kinh tế", "du lịch", "thương mại", "nông nghiệp và phát triển nông thôn", "y tế",
          "giáo dục - đào tạo", "khoa học - công nghệ", "văn hóa, thể thao", "xây dựng Đảng",
          "quốc phòng - an ninh", "chuyển đổi số", "logistics", "công nghiệp", "tài nguyên và môi trường",
          "lao động, việc làm", "xúc tiến đầu tư", "giao thông vận tải", "cải cách hành chính"]
PURPOSES = ["xây dựng nhà tình nghĩa", "Quỹ An sinh xã hội", "Quỹ Vì người nghèo",
            "xây dựng trường học", "khắc phục hậu quả thiên tai", "xây dựng nhà đại đoàn kết",
            "xóa nhà tạm, nhà dột nát", "xây dựng trạm y tế", "hỗ trợ đồng bào bị ảnh hưởng bởi bão lũ",
            "xây dựng nông thôn mới"]
AGREEMENT_KINDS = ["biên bản ghi nhớ", "biên bản hợp tác", "chương trình hợp tác",
                   "thỏa thuận hợp tác", "kế hoạch hợp tác"]
EVENT_KINDS = ["Hội nghị hợp tác, phát triển", "Lễ ký kết chương trình hợp tác",
               "Hội nghị sơ kết chương trình hợp tác", "buổi làm việc", "Hội thảo xúc tiến đầu tư"]
PARTS_OF_DAY = ["Sáng", "Chiều", "Tối", "Sáng nay", "Chiều nay"]
REGIONS = ["Đồng Tháp Mười", "Tây Nam Bộ", "các tỉnh miền Trung", "vùng Đồng bằng sông Cửu Long",
           "Tây Nguyên", "các tỉnh Tây Bắc"]
FILLER = [
    "Các đại biểu đều thống nhất nhận định, tiềm năng hợp tác giữa {A} và {B} rất lớn; có thể được cụ thể hóa thành các nội dung hợp tác trên mọi lĩnh vực.",
    "Mặc dù vậy, hợp tác giữa hai địa phương chưa tương xứng với tiềm năng và chưa khai thác tốt thế mạnh của mỗi bên.",
    "Các ban Đảng, Mặt trận Tổ quốc, các đoàn thể chính trị - xã hội và các sở, ngành, quận, huyện hai bên cũng đã có các hoạt động giao lưu, học tập lẫn nhau.",
    "Năm qua, doanh thu du lịch của {B} đạt hơn {n}.{m:03d} tỷ đồng, đón {k} triệu lượt khách, trong đó nhiều đoàn khách đến từ {A}.",
    "Mọi thông tin chi tiết xin liên hệ đường dây nóng 024.355.{p:02d}.0{q:02d} hoặc Văn phòng UBND {B_ref}.",
    "Hai bên cần xác định trọng tâm hợp tác là nhằm cải thiện chất lượng hàng hóa, nâng cao sức cạnh tranh của nền kinh tế, vươn ra thị trường thế giới.",
    "Dịp này, đoàn công tác đã dâng hương tưởng niệm các anh hùng liệt sĩ nhân kỷ niệm {y} năm Chiến thắng Điện Biên Phủ (7/5/1954 - 7/5/{ay}).",
    "Tuyến cao tốc Hà Nội - Lào Cai và các tuyến giao thông kết nối vùng được kỳ vọng mở ra không gian phát triển mới cho {region}.",
    "Theo báo cáo, các doanh nghiệp trong vùng {region} đã tạo ra hàng nghìn tỷ đồng giá trị sản xuất mỗi năm.",
    "Nhiệm kỳ 2020-2025, Đảng bộ {A_ref} đã lãnh đạo hoàn thành nhiều chỉ tiêu quan trọng về phát triển kinh tế - xã hội.",
    "Với tinh thần đoàn kết, đổi mới, sáng tạo, nỗ lực vượt qua khó khăn, thử thách, Đảng bộ, chính quyền và nhân dân {B_ref} đã đạt được nhiều thành tích đáng ghi nhận.",
    "Các đại biểu đề xuất tăng cường kết nối cung cầu, đưa sản phẩm OCOP của {B} vào hệ thống siêu thị, chợ đầu mối của {A}.",
    "Hai bên thống nhất giao các sở, ngành chuyên môn xây dựng kế hoạch cụ thể, định kỳ đánh giá và báo cáo kết quả thực hiện.",
    "Công ty Cổ phần Xuất nhập khẩu {B} cho biết sản lượng xuất khẩu tăng khoảng {k}% so với cùng kỳ.",
    "{B} hiện có trên {k} triệu dân, tốc độ tăng trưởng kinh tế bình quân đạt khoảng {g},{h}%/năm.",
    "Đoàn cũng đã đi thăm một số mô hình sản xuất nông nghiệp ứng dụng công nghệ cao tại {B}.",
]


@dataclass(frozen=True)
class Unit:
    """A province-level unit as printed in articles."""

    name: str  # short: "Hà Nội"
    full: str  # "Thành phố Hà Nội"
    code: str
    key: str
    city: bool
    successor: str | None = None  # legacy only: short name of the 2025 unit

    @property
    def committee(self) -> str:
        return "Thành ủy" if self.city else "Tỉnh ủy"

    @property
    def admin(self) -> str:
        return f"thành phố {self.name}" if self.city else f"tỉnh {self.name}"


@dataclass(frozen=True)
class Official:
    """A fictional official: home unit (legacy), and titles by the year they started."""

    name: str
    home: str  # legacy short name
    career: tuple[tuple[int, tuple[str, ...]], ...]

    def titles(self, year: int) -> tuple[str, ...]:
        current = self.career[0][1]
        for start, titles in self.career:
            if start <= year:
                current = titles
        return current


# --- gazetteer ------------------------------------------------------------------------------


def dataset_path() -> Path:
    """The sqlite file shipped inside vietnamadminunits (found without importing the package)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("vietnamadminunits is not installed: pip install vietnamadminunits")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "dataset.db"


def load_units() -> tuple[list[Unit], list[Unit]]:
    """(legacy 63 units, current 34 units), each legacy unit linked to its 2025 successor."""
    converter = dataset_path().parent / "converter_2025.json"
    merged = json.loads(converter.read_text(encoding="utf-8"))["DICT_PROVINCE"]
    with sqlite3.connect(f"file:{dataset_path()}?mode=ro", uri=True) as db:
        def rows(table: str) -> list[tuple[str, str, str, str]]:
            return db.execute(
                f"SELECT DISTINCT province, provinceShort, provinceCode, provinceKey FROM {table}"
                " ORDER BY provinceCode, province"
            ).fetchall()

        current_rows = rows("admin_units")
        legacy_rows = rows("admin_units_legacy")
    current = [Unit(s, f, c, k, f.startswith("Thành phố")) for f, s, c, k in current_rows]
    by_key = {u.key: u for u in current}
    successor = {old: by_key[new].name for new, olds in merged.items() for old in olds}
    legacy = [Unit(s, f, c, k, f.startswith("Thành phố"), successor.get(k)) for f, s, c, k in legacy_rows]
    return legacy, current


# --- the world: officials reused across articles --------------------------------------------


class World:
    """Provinces of both eras and a fixed pool of fictional officials, built from one seed."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"world-{seed}")
        self.legacy, self.current = load_units()
        self.legacy_by_name = {u.name: u for u in self.legacy}
        self.officials: dict[str, list[Official]] = {}
        used: set[str] = set()
        for unit in self.legacy:
            people = []
            shared_given = rng.choice(GIVEN)  # near-homonyms: same given name, other family name
            for role in range(6):
                given = shared_given if role in (0, 4) else rng.choice(GIVEN)
                while True:
                    name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {given}"
                    if name not in used or rng.random() < 0.05:  # a few same-name people elsewhere
                        break
                used.add(name)
                people.append(Official(name, unit.name, _career(rng, role, unit)))
            self.officials[unit.name] = people
        self.central = [
            Official(f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}", "", career)
            for career in (
                ((2013, ("Ủy viên Bộ Chính trị", "Phó Thủ tướng Chính phủ")),),
                ((2013, ("Ủy viên Trung ương Đảng", "Thứ trưởng Bộ Kế hoạch và Đầu tư")),
                 (2019, ("Ủy viên Trung ương Đảng", "Bộ trưởng Bộ Kế hoạch và Đầu tư"))),
                ((2013, ("Phó Chủ tịch Quốc hội",)),),
            )
        ]
        self.reporters = [f"{rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(40)]

    def units(self, day: date) -> list[Unit]:
        return self.legacy if day < MERGER_DATE else self.current

    def people(self, unit: Unit) -> list[Official]:
        """Officials serving a unit: for a merged unit, those of the former unit of its name."""
        if unit in self.legacy_by_name.values():
            return self.officials[unit.name]
        anchor = self.legacy_by_name.get(unit.name)
        if anchor is None:
            anchor = next(u for u in self.legacy if u.successor == unit.name)
        return self.officials[anchor.name]


def _career(rng: random.Random, role: int, unit: Unit) -> tuple[tuple[int, tuple[str, ...]], ...]:
    c = unit.committee
    promoted = rng.randint(2015, 2024)
    careers = {
        0: ((2013, (f"Phó Bí thư {c}",)), (promoted, ("Ủy viên Trung ương Đảng", f"Bí thư {c}"))),
        1: ((2013, ("Phó Chủ tịch UBND",)), (promoted, (f"Phó Bí thư {c}", "Chủ tịch UBND"))),
        2: ((2013, (f"Ủy viên Ban Thường vụ {c}", "Chủ tịch HĐND")),),
        3: ((2013, (f"Phó Bí thư Thường trực {c}",)),),
        4: ((2013, (f"Ủy viên Ban Thường vụ {c}", "Phó Chủ tịch UBND")),
            (promoted, (f"Ủy viên Ban Thường vụ {c}", "Phó Chủ tịch Thường trực UBND"))),
        5: ((2013, ("Phó Trưởng đoàn đại biểu Quốc hội",)),),
    }
    if role == 0 and rng.random() < 0.4:  # the secretary often also heads the NA delegation
        careers[0] = (careers[0][0], (promoted, careers[0][1][1] + ("Trưởng đoàn đại biểu Quốc hội",)))
    return careers[role]


# --- rendering helpers -----------------------------------------------------------------------


def money(rng: random.Random, billions: float) -> str:
    """An amount the Vietnamese way: ``1.000 tỷ``, ``2,5 tỉ đồng``, ``3.900 triệu``."""
    unit = "tỷ" if rng.random() < 0.8 else "tỉ"
    dong = " đồng" if rng.random() < 0.85 else ""
    if billions < 10 and rng.random() < 0.2:
        return f"{_thousands(int(billions * 1000))} triệu{dong}"
    if billions == int(billions):
        return f"{_thousands(int(billions))} {unit}{dong}"
    whole, frac = f"{billions:.1f}".split(".")
    return f"{_thousands(int(whole))},{frac} {unit}{dong}"


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def amount(rng: random.Random) -> float:
    return rng.choice([0.5, 1, 1.5, 2, 2.5, 3, 5, 5, 10, 15, 20, 30, 50, 100])


def qualifier(rng: random.Random) -> str:
    return rng.choice(["", "", "", "trên ", "hơn ", "gần ", "khoảng "])


def ref(rng: random.Random, unit: Unit) -> str:
    """One of the many ways a unit is named."""
    if unit.name == "Hồ Chí Minh":
        return rng.choice(["TP.HCM", "TPHCM", "TP Hồ Chí Minh", "Thành phố Hồ Chí Minh"])
    if unit.name == "Hà Nội" and rng.random() < 0.2:
        return "Thủ đô Hà Nội"
    if unit.city:
        return rng.choice([f"thành phố {unit.name}", f"TP {unit.name}", unit.name])
    return rng.choice([f"tỉnh {unit.name}", unit.name, f"tỉnh {unit.name}"])


def cap(text: str) -> str:
    """Upper-case the first letter only (str.capitalize would lower the rest: "Cần thơ")."""
    return text[:1].upper() + text[1:]


def day_month(rng: random.Random, day: date) -> str:
    return rng.choice([f"{day.day}/{day.month}", f"{day.day}-{day.month}", f"{day.day}.{day.month}"])


def old_style(rng: random.Random, text: str) -> str:
    """Old-style tone placement now and then (``Uỷ``, ``Hoà``)."""
    if rng.random() < 0.15:
        return text.replace("Ủy", "Uỷ").replace("ủy", "uỷ").replace("Hòa", "Hoà")
    return text


def title_chain(official: Official, unit: Unit, year: int) -> str:
    """``Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh X``: province glued at the end."""
    titles = list(official.titles(year))
    last = titles[-1]
    if last.endswith("ủy"):
        titles[-1] = f"{last} {unit.name}"
    elif "Quốc hội" in last or "UBND" in last or "HĐND" in last:
        titles[-1] = f"{last} {unit.admin}"
    return ", ".join(titles)


def person(rng: random.Random, official: Official, unit: Unit, year: int) -> str:
    """An official mentioned in one of the observed styles."""
    chain = title_chain(official, unit, year)
    style = rng.random()
    if style < 0.5:
        return f"{chain} {official.name}"
    if style < 0.8:
        return f"{official.name}, {chain}"
    return f"{official.name} - {chain}"


# --- article sections --------------------------------------------------------------------------


class Writer:
    """Builds one article's paragraphs from a seeded random generator."""

    def __init__(self, world: World, rng: random.Random, day: datetime, source: str) -> None:
        self.world, self.rng, self.day, self.source = world, rng, day, source
        self.units = world.units(day.date())

    def pick(self, k: int, exclude: tuple[Unit, ...] = ()) -> list[Unit]:
        pool = [u for u in self.units if u not in exclude]
        return self.rng.sample(pool, k)

    def headline(self, a: Unit, b: Unit) -> str:
        r = self.rng
        return r.choice([
            f"{a.name} - {b.name}: Đẩy mạnh hợp tác, phát triển toàn diện trong giai đoạn mới",
            f"{cap(ref(r, a))} và {ref(r, b)} tăng cường hợp tác, phát triển",
            f"{a.name} – {b.name}: Tăng cường hợp tác trên {r.randint(5, 15)} nội dung",
            f"{a.name} - {b.name}: Hợp tác chặt chẽ trên nhiều lĩnh vực",
            f"{a.name} hỗ trợ {b.name} {money(r, amount(r))}",
            f"{a.name} và {b.name} ký kết chương trình hợp tác giai đoạn {self.day.year}-{self.day.year + 5}",
        ])

    def lead(self, a: Unit, b: Unit, event_day: date, kind: str) -> str:
        r = self.rng
        when = f"{self.source} - {r.choice(PARTS_OF_DAY)} {day_month(r, event_day)}"
        if r.random() < 0.3:  # "làm trưởng đoàn" is an ad-hoc role, not a post
            head = self.world.people(a)[r.randrange(1, 4)]
            return (f"{when}, Đoàn công tác {ref(r, a)} do đồng chí {head.name} làm trưởng đoàn đã đến thăm "
                    f"và làm việc tại {ref(r, b)}. Hai bên tổ chức {kind} tại {ref(r, b)}.")
        return (f"{when}, tại {ref(r, b)}, Ban Thường vụ {a.committee} {a.name} và Ban Thường vụ "
                f"{b.committee} {b.name} tổ chức {kind} nhằm đánh giá kết quả hợp tác thời gian qua, "
                f"xác định phương hướng thời gian tới.")

    def related(self, exclude: tuple[Unit, ...]) -> list[str]:
        heads = []
        for _ in range(self.rng.randint(2, 4)):
            x, y = self.pick(2, exclude)
            heads.append(self.headline(x, y))
        return [self.rng.choice(["Bài liên quan", "Xem thêm"]), *heads]

    def chairs(self, a: Unit, b: Unit) -> str:
        r, y = self.rng, self.day.year
        pa, pb = self.world.people(a)[0], self.world.people(b)[0]
        if r.random() < 0.3:
            return (f"Tham dự có các đồng chí Ủy viên Trung ương Đảng: {pa.name}, Bí thư {a.committee} {a.name}; "
                    f"{pb.name}, Bí thư {b.committee} {b.name}.")
        return f"{person(r, pa, a, y)} và {person(r, pb, b, y)} chủ trì hội nghị."

    def block(self, unit: Unit) -> str:
        """``Về phía tỉnh X có đồng chí ...``: the province said once for the block."""
        r, y = self.rng, self.day.year
        people = r.sample(self.world.people(unit)[1:], 2)
        parts = [f"đồng chí {p.name}, {', '.join(p.titles(y))}" for p in people]
        return f"Về phía {ref(r, unit)} có {'; '.join(parts)}."

    def investment(self, a: Unit, b: Unit) -> str:
        r = self.rng
        projects, capital = r.randint(2, 60), r.choice([120, 850, 1200, 4500, 12000, 33600])
        if r.random() < 0.5:
            return (f"Đáng chú ý, đến nay, các doanh nghiệp từ {ref(r, a)} đã đầu tư {projects} dự án tại "
                    f"{ref(r, b)} với tổng số vốn đăng ký {qualifier(r)}{money(r, capital)}, chiếm gần "
                    f"{r.randint(10, 70)}% các dự án ngoài ngân sách nhà nước.")
        return (f"Hiện {ref(r, a)} có {projects} dự án đầu tư vào {ref(r, b)}, tổng vốn "
                f"{qualifier(r)}{money(r, capital)}.")

    def fundings(self, a: Unit, b: Unit) -> list[str]:
        r, y = self.rng, self.day.year
        out = []
        for _ in range(r.randint(1, 3)):
            kind = r.random()
            purpose = r.choice(PURPOSES)
            if kind < 0.3:
                year = r.randint(max(2008, y - 8), y)
                out.append(f"Năm {year}, {ref(r, a)} đã hỗ trợ kinh phí {purpose} của {ref(r, b)} "
                           f"{qualifier(r)}{money(r, amount(r))}.")
            elif kind < 0.45:
                others = self.pick(r.randint(2, 4), (a,))
                parts = ", ".join(f"{ref(r, u)} {money(r, amount(r))}" for u in others)
                out.append(f"Dịp này, {ref(r, a)} hỗ trợ {parts} để {purpose.lower()}.")
            elif kind < 0.6:
                others = self.pick(r.randint(2, 4), (a,))
                names = ", ".join(u.name for u in others[:-1]) + f" và {others[-1].name}"
                group, each = ("các địa phương", "mỗi địa phương") if any(u.city for u in others) else ("các tỉnh", "mỗi tỉnh")
                out.append(f"{cap(ref(r, a))} trao tặng {group} {names} {each} "
                           f"{money(r, amount(r))} {purpose.lower()}.")
            elif kind < 0.75:
                p1, p2 = r.choice([(3, 2), (6, 4), (10, 5), (1, 1)])
                out.append(f"Tổng cộng, {ref(r, a)} đã hỗ trợ {ref(r, b)} {money(r, p1 + p2)}. Trong đó, "
                           f"{money(r, p1)} {purpose.lower()} và {money(r, p2)} {r.choice(PURPOSES).lower()}.")
            elif kind < 0.88:
                verb = r.choice(["dự kiến hỗ trợ", "sẽ hỗ trợ", "đề xuất hỗ trợ"])
                out.append(f"Năm {y + 1}, {ref(r, a)} {verb} {ref(r, b)} {money(r, amount(r))} {purpose.lower()}.")
            else:
                out.append(f"Thay mặt Đảng bộ, chính quyền và nhân dân {ref(r, a)}, Đoàn công tác trao tặng "
                           f"{purpose} của {ref(r, b)} {money(r, amount(r))}")
        return out

    def agreement(self, a: Unit, b: Unit) -> str:
        r, y = self.rng, self.day.year
        kind = r.choice(AGREEMENT_KINDS)
        period = r.choice([f"giai đoạn {y} – {y + 2} và những năm tiếp theo", f"giai đoạn {y}-{y + 5}",
                           f"{y - 1} - {y + 4}"])
        n = r.randint(3, 12)
        fields = r.sample(FIELDS, n)
        style = r.random()
        if style < 0.35:
            return (f"Tại hội nghị, {ref(r, a)} và {ref(r, b)} đã ký kết {kind} {period} trên {n} lĩnh vực: "
                    f"{', '.join(fields)}.")
        if style < 0.55:
            return (f"Theo {kind}, hai bên thống nhất hợp tác {n} nội dung chính, gồm: "
                    f"{'; '.join(fields)}.")
        if style < 0.7:
            k = r.randint(2, 5)
            return (f"Hội nghị thống nhất tập trung vào {k} nội dung công tác xây dựng Đảng, hệ thống chính trị "
                    f"và {n} nội dung về kinh tế - xã hội, an ninh - quốc phòng.")
        if style < 0.85:
            signer = r.choice(["hai Phó Bí thư Thường trực", "Chủ tịch UBND hai tỉnh", "hai Chủ tịch UBND"])
            return (f"Hai bên thống nhất giao cho {signer} ký {kind} làm căn cứ để các cơ quan, đơn vị "
                    f"tổ chức thực hiện, với các lĩnh vực {', '.join(fields[:4])}.")
        return (f"Hai bên đã thảo luận dự thảo {kind} {period}, dự kiến ký kết trong quý "
                f"{r.randint(1, 4)}, tập trung vào {', '.join(fields[:3])}.")

    def filler(self, a: Unit, b: Unit) -> str:
        r = self.rng
        return r.choice(FILLER).format(
            A=a.name, B=b.name, A_ref=ref(r, a), B_ref=ref(r, b), n=r.randint(1, 30), m=r.randint(0, 999),
            k=r.randint(1, 9), p=r.randint(10, 99), q=r.randint(10, 99), y=70, ay=2024,
            region=r.choice(REGIONS), g=r.randint(5, 9), h=r.randint(0, 9))

    def untitled_post(self, a: Unit) -> str:
        return (f"Bí thư {a.committee} {a.name} đề nghị hai bên cần đẩy mạnh hợp tác ngay sau hội nghị này, "
                f"nắm bắt tâm tư, nguyện vọng, tạo đồng thuận trong nhân dân.")

    def back_reference(self, b: Unit) -> str:
        given = self.world.people(b)[0].name.rsplit(" ", 1)[1]
        return (f"Trân trọng cảm ơn tình cảm của Đảng bộ, chính quyền và nhân dân bạn, ông {given} khẳng định "
                f"hợp tác giữa hai địa phương sẽ ngày càng đi vào chiều sâu, thiết thực và hiệu quả.")

    def central(self) -> str:
        r = self.rng
        official = r.choice(self.world.central)
        return f"Dự hội nghị có {', '.join(official.titles(self.day.year))} {official.name}."

    def read_more(self, exclude: tuple[Unit, ...]) -> list[str]:
        r = self.rng
        lines = ["Đọc thêm"]
        for _ in range(r.randint(2, 4)):
            x, y = self.pick(2, exclude)
            px = self.world.people(x)[0]
            lines.append(self.headline(x, y))
            lines.append(f"{self.source} - {r.choice(PARTS_OF_DAY)} {day_month(r, self.day.date())}, "
                         f"{person(r, px, x, self.day.year)} đã tiếp đoàn công tác {ref(r, y)}, "
                         f"trao tặng {money(r, amount(r))} cho {r.choice(PURPOSES).lower()}.")
        return lines

    def body(self, a: Unit, b: Unit, target_bytes: int) -> list[str]:
        """The paragraphs of one article about a and b, padded with filler to about target_bytes."""
        r = self.rng
        event_day = self.day.date() - timedelta(days=r.choice([0, 0, 0, 1, 2]))
        kind = r.choice(EVENT_KINDS)
        paras: list[str] = []
        if r.random() < 0.3:
            paras.append(f"{r.choice(SECTIONS)} {self.day:%d/%m/%Y %H:%M}")
        paras.append(self.lead(a, b, event_day, kind))
        if r.random() < 0.5:
            paras += self.related((a, b))
        paras.append(old_style(r, self.chairs(a, b)))
        floor = len(paras)  # captions and filler go below the lead, the chairs and any headline block
        middle: list[str] = []
        if r.random() < 0.4:
            middle.append(self.block(a))
        if r.random() < 0.2:
            middle.append(self.central())
        if r.random() < 0.45:
            middle.append(self.investment(a, b))
        captions = []
        if r.random() < 0.75:
            money_lines = self.fundings(a, b)
            middle += money_lines
            captions.append(money_lines[-1])
        if r.random() < 0.6:
            middle.append(self.agreement(a, b))
        if r.random() < 0.4:
            middle.append(old_style(r, self.untitled_post(a)))
        if r.random() < 0.3:
            middle.append(self.back_reference(b))
        r.shuffle(middle)
        paras += middle
        for caption in captions + [r.choice(["Các đại biểu chụp ảnh lưu niệm", f"Toàn cảnh {kind.lower()}"])]:
            paras.insert(r.randint(floor, len(paras)), f"{caption}\n{caption}")
        tail = [f"{r.choice(self.world.reporters)}, Ảnh {r.choice(self.world.reporters)}"]
        if r.random() < 0.5:
            tail += self.read_more((a, b))
        size = sum(len(p.encode()) + 2 for p in paras + tail)
        while size < target_bytes:
            para = " ".join(self.filler(a, b) for _ in range(r.randint(2, 4)))
            paras.insert(r.randint(floor, len(paras)), para)
            size += len(para.encode()) + 2
        return paras + tail


# --- corpus -----------------------------------------------------------------------------------


def article_date(rng: random.Random) -> datetime:
    span = (LAST_DAY - FIRST_DAY).days
    day = FIRST_DAY + timedelta(days=rng.randrange(span + 1))
    return datetime(day.year, day.month, day.day, rng.randint(6, 21), rng.randrange(60))


def target_size(rng: random.Random) -> int:
    """2–10 KB of UTF-8, most articles in the 3–6 KB range."""
    return int(min(10_000, max(2_000, rng.lognormvariate(8.3, 0.35))))


def make_article(world: World, seed: int, index: int) -> dict[str, object]:
    """Article number ``index`` of the corpus for ``seed``: the same inputs give the same bytes."""
    rng = random.Random(f"article-{seed}-{index}")
    day = article_date(rng)
    abbrev, outlet = rng.choice(SOURCES)
    writer = Writer(world, rng, day, abbrev)
    a, b = writer.pick(2)
    if rng.random() < 0.3:  # the big cities show up more often, as in the news
        big = [u for u in writer.units if u.name in ("Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Cần Thơ")]
        a = rng.choice(big)
        if b == a:
            b = writer.pick(1, (a,))[0]
    title = writer.headline(a, b)
    text = "\n\n".join(writer.body(a, b, target_size(rng) - len(title.encode())))
    ident = f"bench-{seed}-{index:07d}"
    return {
        "id": ident,
        "url": f"https://bench.invalid/{abbrev.lower()}/{day:%Y/%m}/{ident}.html",
        "title": title,
        "date": day.isoformat(),
        "text": text,
        "source": outlet,
        "synthetic": True,
    }


def iter_articles(n: int, seed: int = 0) -> Iterator[dict[str, object]]:
    world = World(seed)
    for i in range(n):
        yield make_article(world, seed, i)


def write_corpus(n: int, out_dir: Path, seed: int = 0) -> list[Path]:
    """Write n articles as shards into out_dir (plus manifest.json); returns the shard paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("articles-*.jsonl"):
        old.unlink()
    world = World(seed)
    shards: list[Path] = []
    total = 0
    for start in range(0, n, SHARD_SIZE):
        path = out_dir / f"articles-{start // SHARD_SIZE:05d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(start, min(n, start + SHARD_SIZE)):
                line = json.dumps(make_article(world, seed, i), ensure_ascii=False)
                fh.write(line + "\n")
                total += len(line.encode()) + 1
        shards.append(path)
    manifest = {"articles": n, "seed": seed, "generator_version": GENERATOR_VERSION,
                "shards": [p.name for p in shards], "bytes": total}
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return shards


def read_manifest(out_dir: Path) -> dict[str, object] | None:
    try:
        return json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def big_paragraphs(world: World, seed: int) -> Iterator[str]:
    """An endless stream of paragraphs of a long review article (the same stream for every size)."""
    rng = random.Random(f"big-{seed}")
    day = datetime(2024, 12, 28, 9, 0)
    writer = Writer(world, rng, day, "TTTĐ")
    while True:
        a, b = writer.pick(2)
        yield from writer.body(a, b, 0)[1:-1]


def write_big(out_dir: Path, seed: int = 0) -> dict[str, Path]:
    """One ~1 MB and one ~2 MB article (the second continues the first) as one-line .jsonl files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    world = World(seed)
    paths = {}
    for name, size in BIG_SIZES.items():
        paras, total = [], 0
        for para in big_paragraphs(world, seed):
            if total >= size:
                break
            paras.append(para)
            total += len(para.encode()) + 2
        record = {
            "id": f"bench-{seed}-{name}",
            "url": f"https://bench.invalid/tttd/2024/12/bench-{seed}-{name}.html",
            "title": "Tổng kết hợp tác giữa các địa phương năm 2024",
            "date": "2024-12-28T09:00:00",
            "text": "\n\n".join(paras),
            "source": "Tuổi trẻ Thủ đô",
            "synthetic": True,
        }
        path = out_dir / f"{name}.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        paths[name] = path
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="folder for the .jsonl shards")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--big", action="store_true", help="also write big/big-1mb.jsonl and big/big-2mb.jsonl")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("n must be >= 0")
    shards = write_corpus(args.n, args.out_dir, args.seed)
    print(f"wrote {args.n} articles in {len(shards)} shard(s) to {args.out_dir}")
    if args.big:
        for path in write_big(args.out_dir / "big", args.seed).values():
            print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
