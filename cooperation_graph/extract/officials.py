"""Officials: a person's name with the titles written before or after it.

Forms handled (see PATTERNS.md): a comma-chained title list before the name with the province
glued on; the name first and titles after a comma or hyphen; one title shared by a list
(``các đồng chí Ủy viên Bộ Chính trị: A, ...; B, ...``); a province stated once for a block
(``Về phía tỉnh X có đồng chí ...``). A title with no name is a post, not a person, and names
with no title (``ông Hùng``, a byline, a historical figure) are not officials.
"""

from __future__ import annotations

import re
from itertools import takewhile

from ..model import Official
from ..normalize import name_key
from .text import BARE_POST, CAP_WORD, LOWER, UPPER, Doc, Mention

SURNAMES = frozenset("""
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh
Trương Lâm Mai Lương Hà Tô Tạ Đinh Cao Chu Châu Thái Lưu Kiều Quách Triệu Nghiêm Hứa Giang La
Khúc Từ Mạc Lại Nông Lò Lục Thân Quan Tăng Tống Văn Vi Viên Yên Âu Bạch Bế Cầm Chế Diệp
Đàm Đồng Hàn Hầu Khổng Kim Lã Lạc Lầu Mã Nghê Ninh Phùng Phí Quản Sầm Sơn Thạch Thiều Tiêu
Trình Trà Từ Ứng Vòng Y H Điểu Danh Thào Giàng Sùng Mùa Hờ Hoa Uông Ông Khuất
""".split())
# Historical figures are commemorated, not reported as acting officials.
HISTORICAL = frozenset({
    "hồ chí minh", "võ nguyên giáp", "tôn đức thắng", "lê duẩn", "trường chinh", "phạm văn đồng",
    "nguyễn ái quốc", "trần phú", "lê hồng phong", "nguyễn văn cừ", "hà huy tập",
    "nguyễn thị minh khai", "võ văn kiệt", "lê đức thọ", "nguyễn văn linh", "đỗ mười",
    "lê khả phiêu", "phan văn khải", "nguyễn lương bằng", "hoàng văn thụ", "lê văn lương",
    "nguyễn chí thanh", "phạm hùng", "huỳnh tấn phát", "nguyễn hữu thọ", "võ chí công",
    "phan châu trinh", "phan bội châu", "huỳnh thúc kháng", "trần hưng đạo", "lý thường kiệt",
})
_HEADS = (
    r"(?:Phó\s+)?(?:[Tt]rưởng [Đđ]oàn (?=(?:chuyên trách )?(?:[Đđ]oàn )?(?:đại biểu|ĐBQH|Đại biểu))|Tổng Bí thư|Thường trực Ban Bí thư|Bí thư|Chủ tịch|Ủy viên|Trưởng [Bb]an|"
    r"Chủ nhiệm|Tổng Giám đốc|Giám đốc|PGĐ|GĐ|Thủ tướng|UVT\.?Ư|UVTW|UVBCT|UVBTV|(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy viên|"
    r"Bộ trưởng|Thứ trưởng|Chánh [Vv]ăn phòng|Chánh án|Viện trưởng|Tư lệnh|Tổng Thư ký|"
    r"Đại biểu Quốc hội|Trưởng [Pp]hòng|Chủ tịch nước|Tổng cục trưởng|Cục trưởng)"
)
# Some outlets write titles in lower case ("phó chủ tịch UBND tỉnh"): heads match either way.
HEAD = re.compile(_HEADS, re.IGNORECASE)
_HEAD_AT_START = re.compile(rf"^(?:(?:các\s+)?(?:đồng chí|Đồng chí|ông|bà|Ông|Bà|đ/c)\s+)?{_HEADS}",
                            re.IGNORECASE)
# How the heads are spelt when a text writes them in lower case.
_HEAD_CASE = {h.lower(): h for h in (
    "Phó Chủ tịch", "Chủ tịch", "Phó Bí thư", "Bí thư", "Tổng Bí thư", "Ủy viên", "Phó Giám đốc",
    "Giám đốc", "Tổng Giám đốc", "Phó Trưởng ban", "Trưởng ban", "Phó Trưởng đoàn", "Trưởng đoàn",
    "Chủ nhiệm", "Phó Chủ nhiệm", "Thủ tướng", "Phó Thủ tướng", "Bộ trưởng", "Thứ trưởng",
    "Chánh Văn phòng", "Phó Chánh Văn phòng", "Chánh án", "Viện trưởng", "Tư lệnh", "Cục trưởng",
    "Phó Cục trưởng", "Trưởng phòng", "Phó Trưởng phòng", "Tổng cục trưởng")}
# Posts in companies and cooperatives are not public offices.
_COMPANY = re.compile(r"\b(?:[Cc]ông ty|[Tt]ập đoàn|[Nn]gân hàng|[Dd]oanh nghiệp|HTX|[Hh]ợp tác xã|"
                      r"[Tt]ổng công ty|CTCP|JSC)\b")
# Words that make a post local (it then needs a province); the rest are central posts.
_LOCAL = re.compile(r"Thành ủy|Tỉnh ủy|UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân|MTTQ|"
                    r"Mặt trận|Sở |[Tt]ỉnh|[Tt]hành phố|ĐBQH|[Đđ]oàn đại biểu Quốc hội|Công an")
_WORD = rf"[{UPPER}][{LOWER}]*(?:['’][{UPPER}][{LOWER}]*)?"
_NAME = re.compile(rf"(?<![\w'’])(?P<name>{_WORD}(?:\s+{_WORD}){{1,5}})(?![\w])")
_NOT_NAME_WORDS = frozenset("""Ông Bà Anh Chị Đồng Thành Tỉnh Bộ Chính Trị Trung Ương Đảng Quốc
Hội Ban Thường Vụ Trực Ủy Uỷ Sở Nhân Dân Mặt Trận Tổ Đại Biểu Phó Chủ Tịch Bí Thư Giám Đốc
Theo Tại Trong Sau Với Đồng Thay Mặt Dự Tham Về Phía Cùng Ngày Sáng Chiều Tối Năm Tháng Hai Các
Những Đây Đó Khi Nhân Dịp Phát Biểu Kết Luận Huyện Xã Phường Quận Thị Ư TƯ TW""".split()) - {"Đồng"}
_PLACE_BEFORE = re.compile(r"(?:huyện|xã|phường|quận|thị xã|thị trấn|tỉnh|thành phố|sông|núi|"
                           r"bản|làng|khu|vùng|đường|phố|cầu|chợ|Huyện ủy|Quận ủy|Thị ủy)\s+$")
_OUTLET_BEFORE = re.compile(r"(?:[Tt]rao đổi|[Cc]hia sẻ|[Tt]rả lời|[Nn]ói|[Pp]hỏng vấn) với (?:báo\s+)?$")
_HONORIFIC = re.compile(r"(?:(?:các\s+)?(?:đồng chí|Đồng chí|ông|Ông|bà|Bà|đ/c|Đ/c)\s*:?\s*)$")
_BLOCK = re.compile(r"(?:Về phía|về phía|Phía|[Đđ]oàn công tác(?: của)?|[Đđ]oàn đại biểu(?: của)?|Đại diện|"
                    r"đại diện|Thay mặt|thay mặt)\s+"
                    r"(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)?\s*")
_EXPAND = [
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"), (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"), (re.compile(r"\bĐBQH\b"), "đại biểu Quốc hội"),
    (re.compile(r"\bBCH\b"), "Ban Chấp hành"), (re.compile(r"\bT\.Ư\b|\bTƯ\b|\bTW\b"), "Trung ương"),
    (re.compile(r"Đại biểu Quốc hội"), "đại biểu Quốc hội"),
    (re.compile(r"^(Trưởng|Phó Trưởng) [Đđ]oàn"), r"\1 đoàn"),
    (re.compile(r"^(Trưởng|Phó Trưởng) Ban"), r"\1 ban"),
    (re.compile(r"\bKH&ĐT\b"), "Kế hoạch và Đầu tư"),
    (re.compile(r"^UVT\.?Ư(?: Đảng)?|^UVTW(?: Đảng)?"), "Ủy viên Trung ương Đảng"),
    (re.compile(r"^UVBCT\b"), "Ủy viên Bộ Chính trị"), (re.compile(r"^UVBTV\b"), "Ủy viên Ban Thường vụ"),
    (re.compile(r"^PGĐ\b"), "Phó Giám đốc"), (re.compile(r"^GĐ\b"), "Giám đốc"),
]
_VERB_IN_CHAIN = re.compile(
    r"\s(?:trao|cho|tặng|hỗ trợ|phát biểu|cho biết|đề nghị|nhấn mạnh|khẳng định|chủ trì|dự|tham dự|"
    r"tiếp|gặp|thăm|làm việc|ký|đón|nhận|tiếp nhận|báo cáo|trình bày|gửi|chúc mừng|cảm ơn|đánh giá|"
    r"yêu cầu|chỉ đạo|dẫn đầu|là|được|giới thiệu|bàn giao|mời|tặng quà)\s")
# Titles in a chain are separated by a comma before the next title ("Bí thư Thành ủy, Trưởng
# đoàn ..."); other commas and "và" belong to names of bodies ("Bộ Văn hóa, Thể thao và Du lịch").
_SEGMENT_SPLIT = re.compile(rf"\s*,\s*(?=(?:đồng chí\s+|ông\s+|bà\s+)?{_HEADS})|\s+kiêm\s+", re.IGNORECASE)
_CLAUSE_STOP = re.compile(r"[;:.!?()“”\"]|\s[-–]\s|\s(?:và|cùng|với|cùng với|đã|sẽ|đến|tới|tại|do)\s")
_AND_IN_NAME = re.compile(rf"\s(?:và|&)\s(?=[{UPPER}])(?!{_HEADS})")


def _mask_and(text: str) -> str:
    """Hide the "và" inside a body's name (``Bộ Kế hoạch và Đầu tư``) from clause boundaries."""
    return _AND_IN_NAME.sub(lambda m: " " + "x" * (len(m.group()) - 2) + " ", text)


def extract_officials(doc: Doc) -> list[Official]:
    """Every named official in the article, one per person, titles merged."""
    found: dict[str, Official] = {}
    order: list[str] = []
    block_province: str | None = None
    block_para = -1
    para_start: dict[int, int] = {}
    for sent in doc.sentences:
        para_start.setdefault(sent.para, sent.start)
        if sent.para != block_para:
            block_province = None
        block = _block_province(doc, sent) or (_visited_before(doc, sent.start) if _HOSTS.match(sent.text) else None)
        if block:
            block_province, block_para = block, sent.para
        if not HEAD.search(sent.text):
            continue  # no title, no official
        before = doc.mentions_in(para_start.get(sent.para, sent.start), sent.start)
        for official in _officials_in(doc, sent, block_province, bool(block), before):
            key = name_key(official.name)
            if key in found:
                old = found[key]
                titles = old.titles + tuple(t for t in official.titles if t not in old.titles)
                found[key] = Official(old.name, titles, old.province or official.province,
                                      old.evidence if len(old.titles) >= len(official.titles)
                                      else official.evidence)
            else:
                found[key] = official
                order.append(key)
    # "Phó Thủ tướng Lê Minh Kh" where the page is cut: a name that another one continues is that one
    cut = {k for k in order if any(o != k and o.startswith(k) and o[len(k)] != " " for o in order)}
    return [found[k] for k in order if k not in cut and (found[k].province or not _needs_province(found[k].titles))]


# Bodies of the state and the Party above the provinces: their posts need no province.
_CENTRAL = re.compile(r"Trung ương|Quốc hội|\bQH\b|Chính phủ|\bBộ\b|Tổng cục|\bCục\b|Thủ tướng|Chủ tịch nước|"
                      r"Nhà nước|Tổng Bí thư|(?<!Tổ quốc )(?<!MTTQ )Việt Nam(?!\s+(?:tỉnh|thành phố|TP|huyện|quận))|\bVN\b")
# ("Ủy ban MTTQ Việt Nam tỉnh": a province's Front; the central one is "Ủy ban Trung ương MTTQ Việt Nam")
# Local bodies: a province, or a district, commune or hamlet inside one.
_LOCAL_BODY = re.compile(r"Thành ủy|Tỉnh ủy|Ủy ban [Nn]hân dân|Hội đồng nhân dân|Mặt trận|\b[Ss]ở\b|[Tt]ỉnh\b|"
                         r"Thành [Đđ]oàn|Tỉnh [Đđ]oàn|[Bb]an [Qq]uản lý|^(?:Phó )?Trưởng phòng\b|"
                         r"[Tt]hành phố|Công an|\b(?:xã|phường|[Qq]uận|[Hh]uyện|thị xã|thị trấn|thôn|xóm|ấp|bản|"
                         r"[Cc]hi bộ|Đảng ủy)\b(?! hội)|\bP$")


def _needs_province(titles: tuple[str, ...]) -> bool:
    """A post of a local body (``Phó Chủ tịch Ủy ban nhân dân xã Tiên Phong``, ``Giám đốc Sở Y
    tế``) or a bare post (``Phó Chủ tịch``, ``Giám đốc``) says whose official the person is only
    with its province: without one the person cannot be placed, and is left out (on the news
    stream such entries were a commune's, a company's or a foreign body's nine times in ten)."""
    return all(BARE_POST.match(t) or (_LOCAL_BODY.search(t) and not _CENTRAL.search(t)) for t in titles)


# "Tiếp và làm việc với đoàn có các đồng chí: A, Bí thư Tỉnh ủy; B, ...": the hosts, officials of the
# province the delegation went to (named before: "Đoàn công tác tỉnh Trà Vinh thăm và làm việc tại tỉnh Thái Bình")
_HOSTS = re.compile(r"\s*(?:Tiếp|Đón tiếp|Tiếp đón)(?: và làm việc với)? (?:đoàn|Đoàn)\b(?![^:;]{0,60}\b(?:tỉnh|thành phố|TP)\b)")
_WENT_TO = re.compile(r"\b(?:(?:thăm(?:,? và làm việc| và chúc Tết)?|làm việc|công tác)\s+(?:tại\s+)?|"
                      r"làm việc với\s+(?:(?:Ban Thường vụ|Thường trực|lãnh đạo|UBND|Tỉnh ủy|Thành ủy)\s+)*)"
                      r"(?:tỉnh|thành phố|TP\.?)?\s*$")


def _visited_before(doc: Doc, start: int) -> str | None:
    """The last province a delegation went to before ``start`` (``... thăm và làm việc tại tỉnh Thái Bình``)."""
    return next((m.name for m in reversed(doc.mentions_in(0, start))
                 if _WENT_TO.search(doc.text, max(0, m.start - 40), m.start)), None)


def _block_province(doc: Doc, sent) -> str | None:
    """The province a block of names serves: the last block opener of the sentence that names one
    (``Tiếp đón Đoàn công tác ... của tỉnh A, về phía tỉnh B có các đồng chí: ...`` serve B)."""
    for m in reversed(list(_BLOCK.finditer(sent.text))):
        for mention in doc.mentions_in(sent.start + m.end() - 12, sent.start + m.end() + 40):
            if mention.start >= sent.start + m.start():
                return mention.name
    return None


def _officials_in(doc: Doc, sent, block_province: str | None, block_here: bool,
                  before: list[Mention] = ()) -> list[Official]:
    """The officials of one sentence; ``before``: the provinces named earlier in its paragraph
    (``UBND tỉnh Quảng Ninh tổ chức Hội nghị ... Ông A, Bí thư Tỉnh ủy, ...``)."""
    text = sent.text
    mentions = [Mention(m.name, m.start - sent.start, m.end - sent.start)
                for m in doc.mentions_in(sent.start, sent.end)]
    names = _names(text, mentions)
    shared = _shared_titles(text, mentions)
    out: list[Official] = []
    titled_first = False  # "Bí thư Tỉnh ủy A, Chủ tịch UBND tỉnh B": each title before its name
    for i, (start, end, name) in enumerate(names):
        if name_key(name) in HISTORICAL or _commemorated(text):
            continue
        prev_end = names[i - 1][1] if i else 0
        next_start = names[i + 1][0] if i + 1 < len(names) else len(text)
        if re.search(rf"\b(?:[Nn]guyên|[Cc]ựu|[Cc]ố)\s+(?i:{_HEADS})", text[prev_end:start]) and not re.search(
                rf"\b(?:[Nn]guyên|[Cc]ựu|[Cc]ố)\s+(?i:{_HEADS})[^,;]*,\s*(?:{_HEADS})", text[prev_end:start]):
            continue  # a former office holder ("nguyên Chủ tịch nước Lê Đức Anh")
        if i and not titled_first and re.match(r"^\s*(?:,|-|–|\()", text[prev_end:start]):
            # "A - Phó Chủ tịch UBND tỉnh X, ông B ...": what follows A is A's, not B's
            titles, province, confidence = [], None, 0.0
        else:
            titles, province, confidence = _left_titles(text[prev_end:start], mentions, prev_end)
        if i == 0:
            titled_first = bool(titles)
        right_titles, right_province = _right_titles(text, end, next_start, mentions)
        if titled_first and titles and right_titles and next_start < len(text) and \
                re.fullmatch(r"\s*,[^;:]*", text[end:next_start]):
            right_titles, right_province = [], None  # ", Chủ tịch UBND tỉnh B": the next name's
        if right_titles and not titles:
            confidence = 0.85
        titles += [t for t in right_titles if t not in titles]
        province = province or right_province
        if shared and start > shared[0]:
            titles = [t for t in shared[1] if t not in titles] + titles
            confidence = max(confidence, 0.8)
        if not titles:
            continue
        if province is None:
            province = _province_of_local_unit(titles, doc.era)
        if province is None and any(_LOCAL.search(t) for t in titles):
            # "...; tỉnh Nghệ An có Bí thư Tỉnh ủy A, ...; tỉnh Hà Tĩnh có ...": the side's own clause first
            clause = text.rfind(";", 0, start) + 1
            province = (_nearest_of_kind(doc, [m for m in mentions if m.start >= clause], start, titles)
                        if clause else None) \
                or (block_province if block_here else None) \
                or _nearest_of_kind(doc, mentions, start, titles) or block_province
            if province is None and before:
                province = _nearest_of_kind(doc, [Mention(m.name, 0, 0) for m in before], 0, titles)
            confidence = min(confidence, 0.75)
        clean = [_canonical_title(t) for t in titles]
        clean = [t for t in dict.fromkeys(clean) if t]
        if not clean:
            continue
        out.append(Official(name, tuple(clean), province, doc.evidence(sent, confidence)))
    return out


_LOCAL_UNIT = re.compile(rf"(?P<level>huyện|quận|thị xã|phường|xã|Huyện ủy|Quận ủy|Thị ủy|Đảng ủy phường|"
                         rf"Đảng ủy xã)\s+(?P<n>{CAP_WORD}(?:\s+{CAP_WORD}){{0,3}})")


def _province_of_local_unit(titles: list[str], era: str) -> str | None:
    """``Chủ tịch UBND huyện Mai Châu`` serves Hòa Bình: districts and wards name their province."""
    from ..gazetteer import province_of_local_unit

    for title in titles:
        for m in _LOCAL_UNIT.finditer(title):
            found = province_of_local_unit(m["level"], m["n"], era)
            if found:
                return found
    return None


def _nearest_of_kind(doc: Doc, mentions: list[Mention], start: int, titles: list[str]) -> str | None:
    """``..., Bí thư Thành ủy Hà Nội và ông B, Phó Chủ tịch UBND thành phố``: a bare ``thành phố``
    (``tỉnh``) is the nearest centrally-run city (province) named before, in the same sentence."""
    last = titles[-1].lower()
    kind = "thành phố" if re.search(r"thành ủy|thành phố|tp\b", last) else \
        "tỉnh" if re.search(r"tỉnh ủy|tỉnh", last) else None
    if kind is None:
        return None
    for x in reversed([m for m in mentions if m.end <= start]):
        unit = doc.gazetteer.get(x.name, doc.era)
        if unit is not None and (unit.kind == kind or unit.name == "Huế"):  # Huế: a province until 2025
            return x.name
    return None


def _names(text: str, mentions: list[Mention]) -> list[tuple[int, int, str]]:
    """Candidate personal names: 2-4 capitalised syllables, starting with a family name or
    standing where a name must stand (after a title chain's province, ``đồng chí``/``ông``/``bà``,
    or before ``, <title>``)."""
    masked = list(text)
    for m in mentions:
        masked[m.start:m.end] = "#" * (m.end - m.start)
    masked_text = "".join(masked)
    out = []
    for m in _NAME.finditer(masked_text):
        words = m.group("name").split()
        start = m.start()
        # Drop capitalised title/organisation words and honorifics in front of the name.
        titled = bool(HEAD.match(text[m.end():].lstrip(" ,-–(")))
        cut_unknown = False  # a capitalised word that is no title word was cut off the front
        while words and (words[0] in _NOT_NAME_WORDS or words[0] not in SURNAMES and len(words) > 2
                         and not titled and not _name_slot(masked_text, start)):
            cut_unknown = cut_unknown or words[0] not in _NOT_NAME_WORDS
            start += len(words[0]) + 1
            words = words[1:]
        if cut_unknown and len(words) == 2:
            continue  # the tail of a longer name: "Tân Sơn Nhất" has no person "Sơn Nhất"
        if len(words) == 4 and words[0] == "Đoàn" and words[1] in SURNAMES and text[:start].endswith("Trung ương "):
            start, words = start + 5, words[1:]  # "Bí thư Trung ương Đoàn Nguyễn Mạnh Dũng"
        if not 2 <= len(words) <= (5 if words[0] in ("Y", "H") else 4):  # Ê Đê: Y Thanh Hà Niê Kđăm
            continue
        if words[0] not in SURNAMES and not _name_slot(masked_text, start) \
                and not HEAD.match(text[start + len(" ".join(words)):].lstrip(" ,-–(")):
            continue
        if words[0] not in SURNAMES and _OUTLET_BEFORE.search(text[max(0, start - 30):start]):
            continue  # "Trao đổi với Tuổi Trẻ Online, Thứ trưởng ...": a newspaper
        if _PLACE_BEFORE.search(text[max(0, start - 12):start]) and not (
                words[0] in SURNAMES and len(words) >= 3 and HEAD.search(text[max(0, start - 60):start])):
            continue  # "huyện Mai Châu" is a place; "Chủ tịch UBND tỉnh Nguyễn Đức Trung" a person
        name = " ".join(words)
        out.append((start, start + len(name), name))
    return out


def _name_slot(masked_text: str, start: int) -> bool:
    """Is ``start`` where a title chain or an honorific leaves a name to follow?"""
    before = masked_text[max(0, start - 30):start]
    return bool(re.search(r"(?:#|đồng chí|Đồng chí|ông|Ông|bà|Bà|đ/c|Thành ủy|Tỉnh ủy|Quốc hội|"
                          r"Bộ Chính trị|Trung ương Đảng|Chủ tịch|Bí thư|Giám đốc)\s*:?\s*$", before))


def _left_titles(left: str, mentions: list[Mention], offset: int) -> tuple[list[str], str | None, float]:
    """Titles written before a name: ``Ủy viên Bộ Chính trị, Bí thư Thành ủy Hà Nội <Name>``."""
    left = _HONORIFIC.sub("", left.rstrip()).rstrip(" ,")
    if not left or re.search(r"(?:\bvà|\bcùng|\bvới|\bcó|\bgồm|\bdo|\bbởi|\bcủa|:|;)$", left):
        return [], None, 0.0  # "..., Chủ tịch UBND tỉnh X và ông <Name>": those titles are X's;
        # "nghị quyết của ban chủ nhiệm do ông <Name> ký": the body's, not the person's
    # Cut at the last clause boundary that a title chain cannot contain ("TP.HCM" is no boundary).
    masked = list(left)
    for x in mentions:
        a, b = max(x.start - offset, 0), min(x.end - offset, len(left))
        if a < b:
            masked[a:b] = "#" * (b - a)
    cut = 0
    for m in _CLAUSE_STOP.finditer(_mask_and("".join(masked))):
        cut = m.end()
    chain = left[cut:]
    verb = None
    for verb in _VERB_IN_CHAIN.finditer(chain):
        pass
    if verb is not None:
        chain = chain[verb.end():]  # "... tỉnh X trao số tiền cho bà <Name>": X's titles stop at the verb
    segments = _SEGMENT_SPLIT.split(chain)
    kept: list[str] = []
    for seg in reversed(segments):
        seg = seg.strip()
        head = HEAD.search(seg)
        if head and _HEAD_AT_START.match(seg):
            kept.insert(0, seg)
            continue
        if head and not kept or head and len(kept) and seg[:head.start()].strip():
            kept.insert(0, seg[head.start():])
        break
    if not kept:
        return [], None, 0.0
    chain_start = offset + cut + chain.find(kept[0])
    chain_end = offset + len(left)
    provinces = [m.name for m in mentions if chain_start <= m.start and m.end <= chain_end + 1]
    province = provinces[-1] if provinces else None
    return kept, province, 0.9


def _right_titles(text: str, end: int, limit: int, mentions: list[Mention]) -> tuple[list[str], str | None]:
    """Titles after a name: ``<Name>, Bí thư Tỉnh ủy X`` or ``<Name> - Chủ tịch UBND tỉnh X``."""
    rest = text[end:limit]
    m = re.match(r"^\s*(?:,|-|–|\()\s*", rest)
    if not m:
        return [], None
    body = rest[m.end():]
    start = end + m.end()
    masked = list(body)
    for x in mentions:  # "TP.HCM" does not end the chain
        a, b = max(x.start - start, 0), min(x.end - start, len(body))
        if a < b:
            masked[a:b] = "#" * (b - a)
    masked = list(re.sub(r"(?<=T)\.(?=Ư)", "x", "".join(masked)))  # "UVT.Ư" is no full stop
    stop = re.search(r"[;.)(:!?]|\s[-–]\s|\s(?:và|cùng|đã|sẽ|cho biết|cho hay|nói|nhấn mạnh|khẳng định|phát biểu|"
                     r"chủ trì|dự|tham dự|cùng dự|đề nghị|chia sẻ|trao|tặng|cảm ơn|báo cáo|trình bày|"
                     r"thông tin|kiến nghị|mong muốn|đánh giá|yêu cầu|chúc mừng|tiếp nhận|dẫn đầu|làm trưởng đoàn|"
                     r"đến|tới|về|thăm|làm việc)(?![\w])",
                     _mask_and("".join(masked)))
    body = body[:stop.start()] if stop else body
    # The chain ends with the province it is glued to ("... Chủ tịch UBND tỉnh X cho biết").
    in_body = [x for x in mentions if start <= x.start and x.end <= start + len(body)]
    if in_body:
        body = body[:in_body[-1].end - start]
    titles: list[str] = []
    for seg in _SEGMENT_SPLIT.split(body):
        seg = seg.strip()
        if not _HEAD_AT_START.match(seg):
            break
        titles.append(seg)
    if not titles:
        return [], None
    stop_at = start + sum(len(t) for t in titles) + 4 * len(titles) + 8
    provinces = [x.name for x in mentions if start <= x.start < stop_at]
    return titles, (provinces[0] if provinces else None)


def _shared_titles(text: str, mentions: list[Mention]) -> tuple[int, list[str]] | None:
    """``các đồng chí Ủy viên Bộ Chính trị: A, ...; B, ...``: titles before the colon, shared."""
    m = re.search(rf"(?:các\s+)?(?:đồng chí|Đồng chí|vị)\s+(?P<t>{_HEADS}[^:;.]*?):", text)
    if not m:
        return None
    return m.end(), [s.strip() for s in _SEGMENT_SPLIT.split(m.group("t")) if s.strip()]


def _commemorated(text: str) -> bool:
    return bool(re.search(r"kỷ niệm .{0,40}(?:ngày sinh|năm sinh|ngày mất)|\bcố (?:Tổng Bí thư|Chủ tịch|"
                          r"Thủ tướng|Bí thư)|\b(?:Xứ ủy|Liên khu ủy)\b", text))  # bodies gone since 1954-75


def _canonical_title(title: str) -> str:
    """``Trưởng đoàn ĐBQH thành phố Hà Nội`` -> ``Trưởng đoàn đại biểu Quốc hội``."""
    from ..gazetteer import load_gazetteer

    title = re.sub(r"^(?:(?:các\s+)?(?:đồng chí|Đồng chí|ông|bà|Ông|Bà|đ/c)\s+)", "", title.strip())
    title = re.sub(r"[,;]?\s*(?:và\s+)?(?:các\s+)?(?:đồng chí|ông|bà|đ/c)$", "", title)  # the next name's address
    parts = title.split(", ")  # "Giám đốc Sở Tài nguyên và Môi trường tỉnh, em trai của ...": the post only
    title = ", ".join(parts[:1] + list(takewhile(lambda p: HEAD.match(p) is not None or p[:1].isupper(),
                                                 parts[1:])))  # ("Bộ Văn hóa, Thể thao và Du lịch" stays)
    title = load_gazetteer().names_pattern().sub("", title).strip().rstrip(" ,;:-–")
    for pattern, repl in _EXPAND:
        title = pattern.sub(repl, title)
    title = re.sub(r"\s*\b(?:thành phố|Thành phố|TP\.?|tỉnh|Tỉnh|Thủ đô)\s*$", "", title.strip())
    title = re.sub(r"\s+", " ", title).strip(" ,-–")
    if not HEAD.match(title) or _COMPANY.search(title):
        return ""
    head = HEAD.match(title)
    canonical = _HEAD_CASE.get(head.group().lower())
    return (canonical + title[head.end():]) if canonical else title[0].upper() + title[1:]
