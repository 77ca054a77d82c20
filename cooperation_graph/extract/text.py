"""The shared reading of an article's text: sentences, province mentions, candidate names.

Every extractor works on a :class:`Doc`, built once per article by :func:`analyse`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from itertools import combinations
from dataclasses import dataclass, field, replace
from typing import Any

from ..gazetteer import Gazetteer, era_of_names
from ..model import Article, Era, Evidence

UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOWER = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
CAP_WORD = rf"[{UPPER}][{LOWER}]*"

# Abbreviations after which a period does not end a sentence.
_NO_BREAK = {"TP", "Tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "Q", "P", "TX", "TT", "St", "Mr",
             "Th.S", "PGS.TS", "GS.TS", "Ths", "CN", "NXB", "T", "Đ/c", "đ/c"}
_BREAK = re.compile(rf"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]*[{UPPER}0-9])"
                    # "... 30 billion VND.The money ...": pages that lost the space after a full stop
                    # (a word of three letters or more before it: not "TP.HCM", "Tp.Hồ Chí Minh")
                    rf"|(?<=[\w]{{3}}[.!?])(?=[{UPPER}][a-zà-ỹ])"
                    # "... Quảng Nam và Tiền Giang....Liên đoàn đã ...": an ellipsis glued to the next sentence
                    rf"|(?<=\w\.\.\.)\.*(?=[{UPPER}][a-zà-ỹ])|(?<=\w…)(?=[{UPPER}][a-zà-ỹ])"
                    # "... ngày 1-6.Với tổng số ...": a date or number before the glued full stop
                    rf"|(?<=\d[.!?])(?=[{UPPER}][a-zà-ỹ])")

# "Thủ đô" alone stands for Hà Nội unless another capital follows (Thủ đô Viêng Chăn).
_THU_DO = re.compile(rf"(?<![\w])(?<!vùng )[Tt]hủ đô(?!\s+[{UPPER}])")  # "vùng Thủ đô": the region
# Province names inside other names are not the province acting.
_NOT_PROVINCE_KEYWORD = re.compile(
    r"\b(?:ĐHQG|Đại học [Qq]uốc gia|sông|cao tốc|đường dây(?:\s+\d+\s*kV)?|quốc lộ|Quốc lộ|đường|Đường|tuyến|đoạn|cầu|Cầu|sân bay|Sân bay|cảng|Cảng|ga|Ga|"
    r"Đại học|đại học|Trường|(?<![Mm]ôi )(?<![Tt]hị )(?<![Hh]iện )(?<![Cc]hiến )(?<![Qq]uảng )(?<!lập )trường|Bệnh viện|"
    r"bệnh viện|Báo|báo|Đài|đài|nhà máy|Nhà máy|vịnh|Vịnh|KCN|Khu công nghiệp|khu công nghiệp|"
    r"Đoàn TNCS|TNCS|Cộng sản|Cộng Sản|Lăng|lăng|Bảo tàng|bảo tàng|tư tưởng|Tư tưởng|Bác|Chủ tịch|chủ tịch|Người|"
    r"CLB|Câu lạc bộ|FC|Công viên|công viên|Nhà hát|nhà hát|Học viện|học viện|Viện|Hãng|hãng|"
    r"Siêu thị|siêu thị|Khách sạn|khách sạn|vành đai|Vành đai|nhà thi đấu|Nhà thi đấu|sân vận động|"
    r"Sân vận động|SVĐ|trường đua|Trường đua|cung thể thao|Cung thể thao|chợ|Chợ|bến xe|Bến xe|[Qq]uảng trường|"
    # brands of state companies named after their province ("Phân bón Cà Mau tài trợ 5 tỷ đồng")
    r"Phân bón|Đạm|Xi măng|Bia|Gang thép|Thép|Nhiệt điện|Lọc dầu|Mía đường|Cao su|Xăng dầu|"
    r"ĐH)(?![\w])"
)
# Clubs, home-town associations and schools whose names run on in lower case before a province.
_INSTITUTION_BEFORE = re.compile(r"\b(?:Câu lạc bộ|CLB|[Hh]ội đồng hương|[Tt]rường ĐH|[Tt]rường [Đđ]ại học|[Tt]rường [Cc]ao đẳng|"
                                 r"[Tt]rường (?:[Pp]hổ thông|THPT|THCS|PTTH|[Tt]iểu học|[Tt]rung học|[Mm]ầm non|[Cc]huyên)|"
                                 r"ĐH|CĐ|[Hh]ọc viện|[Đđ]ại học)"
                                 r"(?:\s+[^\s,.;:()]+){0,8}(?:\s*[-–]\s*[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,2})?"
                                 r"(?:\s+tại)?\s+(?:TP\.?\s*|tỉnh\s+|thành phố\s+)?$")
# Hospitals whose names run on in lower case: "Bệnh viện Đa khoa Đà Nẵng", "Bệnh viện đa khoa tỉnh Quảng Nam".
_HOSPITAL_BEFORE = re.compile(r"\b[Bb]ệnh viện\s+(?:[Đđ]a khoa|[Nn]hi|[Pp]hụ sản|[Uu]ng bướu|[Mm]ắt|[Tt]âm thần|[Yy] học cổ truyền|"
                              r"[Pp]hục hồi chức năng|[Ll]ao và [Bb]ệnh phổi|[Rr]ăng [Hh]àm [Mm]ặt)"
                              r"(?:\s+(?:[Tt]rung ương|[Kk]hu vực|[Qq]uốc tế))?\s+(?:tỉnh\s+|thành phố\s+|TP\.?\s*)?$")
# A ward, commune or district before a province's name, and where the text places it.
_LOCAL_UNIT_BEFORE = re.compile(r"\b(?:[Pp]hường|[Xx]ã|[Tt]hị trấn|[Tt]hị xã|[Qq]uận|[Hh]uyện)\s+$")
_PLACED_IN = re.compile(r"\s*(?:\(|,|-|–)\s*(?:thuộc\s+)?(?:(?:tỉnh|thành phố|TP)\s+|TP\.\s*)?")
# A person's home or residence, or a deputy's delegation in brackets: "(quê Trà Vinh, ...)", "(đoàn Bình Dương)".
# An address may run over a few parts first: "(SN 1961, trú tại KĐT Nam Thăng Long, Xuân La, Tây Hồ, Hà Nội)".
_RESIDENCE_BEFORE = re.compile(r"(?:\b(?:quê(?!\s+(?:hương|nhà|mẹ|cha|ngoại|nội)\b)|quê quán|ngụ|trú|tạm trú|thường trú)\s+(?:ở\s+|tại\s+)?"
                               r"(?:[^,.;:()]{1,40},\s*){0,4}|\(\s*[Đđ]oàn\s+(?:ĐBQH\s+)?)"
                               r"(?:tỉnh\s+|thành phố\s+|TP\.?\s*)?$")
# A distance ("Cách Hà Nội hơn 1.700 km, tuyến Metro ..."): the province is a landmark, not a party.
_DISTANCE_BEFORE = re.compile(r"\b[Cc]ách\s+(?:trung tâm\s+)?(?:tỉnh\s+|thành phố\s+|TP\.?\s*|[Tt]hủ đô\s+)?$")
_DISTANCE_AFTER = re.compile(r"\s*(?:khoảng|hơn|gần|chừng|chỉ|trên|tới|chưa đầy)?\s*\d[\d.,]*\s*(?:km|cây số|ki-lô-mét)\b")
_CAP_RUN = re.compile(rf"(?:\s+(?:{CAP_WORD}|\d+)){{0,4}}\s*[-–]?\s*")
# Company names run on in lower case ("Công ty CP Xuất nhập khẩu Thủy sản Tiền Giang") until a
# word that starts a new phrase ("doanh nghiệp của tỉnh X" is the province's).
_COMPANY = re.compile(r"\b(?:[Tt]ổng công ty|[Cc]ông ty|[Tt]ập đoàn|[Nn]gân hàng|(?<!Liên minh )Hợp tác xã|(?<!Liên minh )HTX|[Cc]hi nhánh|BIDV|Agribank|"
                      r"Vietcombank|VietinBank|Vietinbank|Sacombank|Techcombank|VPBank|LienVietPostBank|SHB|MB|"
                      r"VNPT|MobiFone|Vinaphone|Petrolimex|EVN\w*|PC|Bảo Việt|Bưu điện|[Đđ]ài (?:[Tt]ruyền hình|[Pp]hát thanh)|"
                      r"Hiệp hội|Hội [Dd]oanh (?:nhân|nghiệp)|[Đđ]oàn [Ll]uật sư|Hội [Ll]uật gia|Liên hiệp các [Hh]ội)(?![\w])")
_COMPANY_RUN = re.compile(r"(?:\s+(?!(?:của|tại|ở|với|và|cho|thuộc|trên|trong|từ|đến|về|các|hai|tỉnh|"
                          r"thành phố)\b)[\w.&-]+){0,8}?\s*[-–]?\s*")
# A sentence whose subject is a company ("Ngày 19/6, Công ty cổ phần VEC E ... cho biết đang làm việc
# với ... Sở GTVT TP HCM và Đồng Nai về kế hoạch phối hợp"): the company acts, not the provinces.
_LEAD_ADVERBIAL = re.compile(r"\s*(?:(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm|Hôm|Tại|Trong|Vào|Theo đó|Được biết|Mới đây|"
                             r"Hiện nay|Cũng)\b[^,.;]{0,60},\s*)*")
_COMPANY_HEAD = re.compile(r"(?:[Tt]ổng [Cc]ông ty|[Cc]ông ty|[Tt]ập đoàn|[Nn]gân hàng|[Dd]oanh nghiệp|Hiệp hội|"
                           r"Hội [Dd]oanh (?:nhân|nghiệp))\b")


def company_subject(sentence: str) -> bool:
    """The sentence's subject, after its leading time and place phrases, is a company or a business association."""
    return _COMPANY_HEAD.match(sentence, _LEAD_ADVERBIAL.match(sentence).end()) is not None


_NOT_PROVINCE_NAMES = re.compile(
    r"(?<![\w])(?:Đồng Tháp Mười|Thái Bình Dương|Điện Biên Phủ|Quảng Nam\s*[-–]\s*Đà Nẵng|Hà Nam Ninh|Bình Trị Thiên|"
    r"Nghĩa Bình|Hà Sơn Bình|Nghệ Tĩnh|Hoàng Liên Sơn|Minh Hải|Hà Tuyên|Hà Bắc|Hải Hưng|Vĩnh Phú|"
    r"Cửu Long|Sông Bé|Thuận Hải|Phú Khánh|Gia Lai\s*[-–]\s*Kon Tum|Bắc Thái|Hà Nội mới|Hànộimới|"
    # clubs and companies named after a province
    r"Hoàng Anh Gia Lai|Quốc Cường Gia Lai|Sông Lam Nghệ An|Than Quảng Ninh|Becamex Bình Dương|SHB Đà Nẵng|"
    r"XSKT Cần Thơ|Sanna Khánh Hòa|Formosa Hà Tĩnh|Hà Nội FC|Hà Nội T&T|Viettel|Hải Phòng FC|Thanh Hóa FC|"
    r"Quảng Nam FC|Nam Định FC|Bình Định FC|Long An FC|Đồng Tháp FC)(?![\w])"
)
# A province name right after a family name (and up to two given names) is part of a person's
# name: "Phó Thủ tướng Trương Hòa Bình", "ông Phí Thái Bình", "Nguyễn Hòa Bình".
_SURNAMES = ("Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Trương|Phí|Đinh|"
             "Lâm|Mai|Trịnh|Đoàn|Lương|Tạ|Cao|Chu|Lưu|Tô|Thái|Vương|Kiều|La|Châu|Quách|Tăng|Lã|Từ|"
             "Nghiêm|Triệu|Phùng|Khổng|Đàm|Hà|Văn|Tống|Lò|Giàng|Thào|Sùng|Mạc|Ninh|Doãn|Hứa|Lại|Khúc")
_PERSON_BEFORE = re.compile(rf"(?<![\w])(?:{_SURNAMES})(?:\s+{CAP_WORD}){{0,2}}\s+$")
# "đại biểu Trần Văn Lâm (Bắc Giang)": a delegate's constituency, not the province acting.
_CONSTITUENCY_BEFORE = re.compile(rf"(?:[Đđ]ại biểu|ĐBQH|ĐB)\s+(?:Quốc hội\s+)?(?:{CAP_WORD}\s+){{1,4}}\(\s*$")
_PREFIX = re.compile(r"(?:(?:[Tt]hành phố|TP\.?|Tp\.?|[Tt]ỉnh|[Tt]hủ đô)\s*)$")
_ANNIVERSARY = re.compile(r"\(\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*[-–]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\s*\)")


# A foreign party: a country, or a state/province/prefecture whose name is not Vietnamese
# ("bang Virginia", "tỉnh Fukuoka", "tỉnh Champasak"). Where one is named, the Vietnamese
# provinces of the sentence are its partners, not each other's.
FOREIGN = re.compile(  # (every name starts in upper case: the lookahead halves the search)
    rf"(?<![\w])(?=[{UPPER}])" r"(?:Lào(?! Cai)|Campuchia|Trung Quốc|Nhật Bản|Hàn Quốc|Triều Tiên|Hoa Kỳ|Liên bang Nga|"
    r"nước Nga|nước Đức|CHLB Đức|Pháp|Italy|Italia|Tây Ban Nha|Hà Lan|Bỉ|Thụy Sĩ|Thụy Điển|Phần Lan|"
    r"Đan Mạch|Na Uy|Séc|Ba Lan|Hungary|Bulgaria|Romania|Ukraine|Belarus|Kazakhstan|Mông Cổ|Ấn Độ|"
    r"Thái Lan|Singapore|Malaysia|Indonesia|Philippines|Myanmar|Australia|Ôxtrâylia|New Zealand|"
    r"Canada|Cuba|Israel|Đài Loan|Quảng Tây|Vân Nam|Quảng Đông|Kyushu|Petersburg|Matxcơva|"
    r"Viêng Chăn|Vientiane|Phnom Penh|Seoul|Tokyo|Bắc Kinh|"
    # as official Vietnamese writing spells them
    r"Xin-ga-po|Ma-lai-xi-a|In-đô-nê-xi-a|Phi-líp-pin|Mi-an-ma|Bru-nây|Ô-xtrây-li-a|Niu Di-lân|Ca-na-đa|"
    r"Hung-ga-ri|Bun-ga-ri|Ru-ma-ni|U-crai-na|Bê-la-rút|Ca-dắc-xtan|Mô-dăm-bích|Ăng-gô-la|Vê-nê-xu-ê-la|"
    r"Bra-xin|Ác-hen-ti-na|Chi-lê|Mê-hi-cô|Pa-ki-xtan|Băng-la-đét|Xri Lan-ca|Nê-pan|I-ran|I-rắc|Ai Cập|"
    r"Thổ Nhĩ Kỳ|Ả-rập Xê-út|Cô-oét|Ca-ta|I-xra-en|Pa-le-xtin|Lít-va|Lát-vi-a|E-xtô-ni-a|Xlô-va-ki-a|"
    r"Xlô-ve-ni-a|Crô-a-ti-a|Xéc-bi-a|Bồ Đào Nha|Hy Lạp|"
    # in English texts
    r"China|Chinese|Laos|Lao (?:PDR|People)|Cambodia|Cambodian|Japan|Japanese|South Korea|Korea|Korean|Thailand|"
    r"Guangxi|Yunnan|Guangdong|Russia|Russian|Germany|German|France|French|United States|USA|Australia|"
    r"Singapore|Champasak|Savannakhet|Luang Prabang|Houaphanh|Xiengkhouang)(?![\w])"
)
# "bang Virginia", "tỉnh Fukuoka", "tỉnh Brest", "tỉnh Champasak": one unaccented word that is not
# a Vietnamese syllable (several vowel groups, f/j/w/z, or an initial cluster such as "Br").
_FOREIGN_UNIT = re.compile(r"(?<![\w])(?:[Bb]ang|[Tt]ỉnh|[Tt]hành phố|[Vv]ùng)\s+(?!Pleiku|Kontum)([A-Z][a-z]+)(?![\w])")
_NOT_SYLLABLE = re.compile(r"[fjwz]|^[BCDGKPST][lr]|[aeiouy]+[^aeiouy]+[aeiouy]", re.IGNORECASE)


# Foreign provinces, states and cities among FOREIGN (the rest are countries).
_FOREIGN_PLACE = re.compile(r"Quảng Tây|Vân Nam|Quảng Đông|Kyushu|Petersburg|Matxcơva|Viêng Chăn|Vientiane|Phnom Penh|"
                            r"Seoul|Tokyo|Bắc Kinh|Guangxi|Yunnan|Guangdong|Champasak|Savannakhet|Luang Prabang|"
                            r"Houaphanh|Xiengkhouang")
# A foreign party acting with Vietnamese provinces: a document, a visit or a meeting.
_FOREIGN_CUE = re.compile(r"hợp tác|ký kết|thỏa thuận|ghi nhớ|kết nghĩa|hội đàm|làm việc với|hội kiến|tiếp (?:đoàn|Đại sứ)|"
                          r"[Cc]ooperat|\bsign(?:ed|ing)?\b|memorandum|\bMoU\b|twin|partnership", re.IGNORECASE)


def foreign_partners(doc) -> list:
    """Foreign parties of the article's documents, visits and meetings, each once with the
    Vietnamese provinces named acting with it (``doc`` is the Vietnamese or English reading)."""
    from ..model import ForeignPartner

    found: dict[str, tuple[str | None, list[str], object]] = {}
    for sent in doc.sentences:
        if not names_foreign(sent.text) or not _FOREIGN_CUE.search(sent.text):
            continue
        provinces = [m.name for m in doc.mentions_in(sent.start, sent.end)
                     if not re.search(r"\b(?:tại|ở|in|at)\s+(?:TP\.?|thành phố|tỉnh|Thủ đô)?\s*$",
                                      doc.text[max(sent.start, m.start - 20):m.start])]
        if not provinces:
            continue
        named = [m.group() for m in FOREIGN.finditer(sent.text)]
        countries = [n for n in named if not _FOREIGN_PLACE.fullmatch(n)]
        units = [m.group()[0].lower() + m.group()[1:] for m in _FOREIGN_UNIT.finditer(sent.text)
                 if _NOT_SYLLABLE.search(m.group(1))] + [n for n in named if _FOREIGN_PLACE.fullmatch(n)]
        # a state or city of a named country is the party; the country only says where it is
        for name in dict.fromkeys(units or countries):
            country = name if name in countries else (countries[0] if countries else None)
            old = found.get(name)
            partners = list(dict.fromkeys((old[1] if old else []) + provinces))
            found[name] = (old[0] if old and old[0] else country, partners, old[2] if old else sent)
    return [ForeignPartner(name, country, tuple(partners), doc.evidence(sent, 0.8))
            for name, (country, partners, sent) in found.items()]


# International lenders and agencies: a party of their own ("ADB và UBND các tỉnh A, B, C đã ký kết
# hiệp định dự án": each province with the bank, not with each other).
# (named as a signer beside others; a loan or a dossier sent to one makes no party)
_INTERNATIONAL_BODY = (r"(?:ADB|Ngân hàng Phát triển châu Á|Ngân hàng Thế giới|World Bank|WB|JICA|KOICA|"
                       r"UNDP|UNICEF|USAID|UNESCO|FAO|IFAD|Liên minh châu Âu|Liên Hợp Quốc|Asian Development Bank)")
_INTERNATIONAL = re.compile(rf"(?<![\w]){_INTERNATIONAL_BODY}(?:\s*\([A-Z]+\))?\s+(?:và|cùng|với|and|with)\s|"
                            rf"\b(?:giữa|với|between|with)\s+(?:(?:the|các)\s+)?{_INTERNATIONAL_BODY}(?![\w])")


def names_foreign(text: str) -> bool:
    """True if the text names a foreign country or a foreign state/province (see FOREIGN)."""
    return FOREIGN.search(text) is not None or _INTERNATIONAL.search(text) is not None or any(
        _NOT_SYLLABLE.search(m.group(1)) for m in _FOREIGN_UNIT.finditer(text))


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    para: int


@dataclass(frozen=True)
class Mention:
    """A province named at text[start:end] (prefix such as ``thành phố`` included)."""

    name: str
    start: int
    end: int


@dataclass
class Doc:
    article: Article
    gazetteer: Gazetteer
    era: Era
    text: str
    sentences: list[Sentence]
    mentions: list[Mention]
    _starts: list[int] = field(default_factory=list)
    province_names: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.mentions]
        self.province_names = frozenset(m.name for m in self.mentions)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect_right(self._starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def evidence(self, sentence: Sentence, confidence: float) -> Evidence:
        return Evidence(sentence.text, sentence.start, sentence.end, round(confidence, 2))

    def sentence_at(self, offset: int) -> Sentence:
        starts = [s.start for s in self.sentences]
        return self.sentences[max(bisect_right(starts, offset) - 1, 0)]


def analyse(article: Article, gazetteer: Gazetteer) -> Doc:
    """Split the article into sentences and find the provinces it names."""
    text = article.text
    mentions = find_provinces(text, gazetteer)
    era = era_of_names(article.reference_day, (m.name for m in mentions), gazetteer, text)
    return Doc(article=article, gazetteer=gazetteer, era=era, text=text,
               sentences=split_sentences(text), mentions=mentions)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets; every line (paragraph) is split on its own."""
    out: list[Sentence] = []
    pos = 0
    for para, line in enumerate(text.split("\n")):
        cuts = [0]
        for m in _BREAK.finditer(line):
            before = line[:m.start()].rstrip(".!?…\"”’)")
            last = before.rsplit(None, 1)[-1] if before.split() else ""
            if last in _NO_BREAK or re.fullmatch(r"\d{1,2}", before[cuts[-1]:].strip()):
                continue  # an abbreviation, or a list number ("1. Kết nối giao thông")
            cuts.append(m.end())
        cuts.append(len(line))
        for a, b in zip(cuts, cuts[1:]):
            chunk = line[a:b]
            stripped = chunk.strip()
            if stripped:
                lead = a + (len(chunk) - len(chunk.lstrip()))
                out.append(Sentence(stripped, pos + lead, pos + lead + len(stripped), para))
        pos += len(line) + 1
    return out


def find_provinces(text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Province mentions, leaving out names inside roads, regions, companies and people."""
    blocked = [(m.start(), m.end()) for m in _NOT_PROVINCE_NAMES.finditer(text)]
    blocked += [(m.start(), m.end()) for m in _ANNIVERSARY.finditer(text)]
    blocked.sort()
    blocked_starts = [a for a, _ in blocked]
    # Where a word such as "cao tốc" or "Đại học" ends: a province right after it
    # (up to four capitalised words later) is part of another name.
    keyword_ends = [m.end() for m in _NOT_PROVINCE_KEYWORD.finditer(text)]
    company_ends = [m.end() for m in _COMPANY.finditer(text)]
    out: list[Mention] = []
    last_skipped_end = -10
    for m in gazetteer.names_pattern().finditer(text):
        start, end = m.start(), m.end()
        j = bisect_right(blocked_starts, start) - 1
        if j >= 0 and start < blocked[j][1]:
            continue
        before = text[max(0, start - 60):start]
        prefix = _PREFIX.search(before) if before[-1:] == " " or before[-1:] == "." else None
        head_end = start - (len(prefix.group()) if prefix else 0)
        chained = last_skipped_end > 0 and text[last_skipped_end:start].strip() in ("-", "–")
        i = bisect_right(keyword_ends, head_end) - 1
        inside = i >= 0 and head_end - keyword_ends[i] <= 45 and \
            _CAP_RUN.fullmatch(text[keyword_ends[i]:head_end]) is not None
        k = bisect_right(company_ends, head_end) - 1
        inside = inside or (k >= 0 and head_end - company_ends[k] <= 70
                            and _COMPANY_RUN.fullmatch(text[company_ends[k]:head_end]) is not None)
        if not prefix and (_PERSON_BEFORE.search(before) or _CONSTITUENCY_BEFORE.search(before)):
            inside = True
        if _DISTANCE_BEFORE.search(before) and _DISTANCE_AFTER.match(text, end):
            inside = True
        if _INSTITUTION_BEFORE.search(text[max(0, start - 70):start]) or _HOSPITAL_BEFORE.search(before) or _RESIDENCE_BEFORE.search(
                text[max(0, start - 120):start]):
            inside = True  # "Câu lạc bộ Tiếp sức đến trường Tiền Giang - Bến Tre tại TP. HCM", "Trường ĐH ... TP. HCM"
        if inside or chained:
            last_skipped_end = end
            continue
        name = gazetteer.aliases.get(_squash(m.group()))
        if name is None:
            continue
        if not prefix and _LOCAL_UNIT_BEFORE.search(before):
            # "phường Thái Bình (thành phố Hòa Bình)": a ward or district named like a province
            # that the text places in another one is not that province
            home = _PLACED_IN.match(text, end)
            where = home and gazetteer.names_pattern().match(text, home.end())
            if where and gazetteer.aliases.get(_squash(where.group())) not in (None, name):
                last_skipped_end = end
                continue
        out.append(Mention(name, head_end, end))
    covered = {i for x in out if text[x.start:x.end].lower().startswith("thủ đô")
               for i in range(x.start, x.end)}
    for m in _THU_DO.finditer(text):
        if m.start() not in covered:
            out.append(Mention("Hà Nội", m.start(), m.end()))
    out.sort(key=lambda x: x.start)
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def title_provinces(doc: Doc) -> list[str]:
    """Provinces named in the title line (the first line of the text), in order."""
    first = doc.text.split("\n", 1)[0]
    return list(dict.fromkeys(m.name for m in doc.mentions_in(0, len(first))))


def main_pair(doc, cooperation: re.Pattern[str]) -> tuple[str, str] | None:
    """The two provinces an article is about: the two its title names, else the pair most often
    named together (and alone) in sentences that match ``cooperation``. ``doc`` is any reading
    with ``text``, ``sentences`` and ``mentions_in`` (the Vietnamese or the English one)."""
    first_line = doc.text.split("\n", 1)[0]
    in_title = list(dict.fromkeys(m.name for m in doc.mentions_in(0, len(first_line))))
    if len(in_title) == 2:
        return tuple(sorted(in_title))  # type: ignore[return-value]
    together: Counter[tuple[str, str]] = Counter()
    for sent in doc.sentences:
        if not cooperation.search(sent.text):
            continue
        names = sorted({m.name for m in doc.mentions_in(sent.start, sent.end)})
        if len(names) == 2:  # with three or more, which two act together is not known
            together.update(combinations(names, 2))
    if together:
        (pair, n), = together.most_common(1)
        if n >= 2 or len(together) == 1:
            return pair
    return None


#: Less than this is what each household, child or gift gets ("600,000 VND each", "2 triệu
#: đồng/suất"), never what one province gives another (the smallest of 283 such gifts in the
#: real dev split is 10 million).
SMALLEST_GIFT_VND = 5_000_000


def between_two(fundings, investments) -> tuple[list, list]:
    """Only money and investment that go from one named province to another: a funding with no
    stated giver or receiver (a price, a budget, a province spending on its own people, a
    lottery winner's gift), one too small for a province to give (a per-head amount) or an
    investment without investor and host is no relation."""
    return ([f for f in fundings if f.donor and f.recipient and f.donor != f.recipient
             and f.amount_vnd >= SMALLEST_GIFT_VND],
            [i for i in investments if i.investor_province and i.host_province
             and i.investor_province != i.host_province])


# Provinces listed together: "A, B và C", "A - B - C" (LIST_GLUE); "A, B và C" only (AND_GLUE).
# Counts written as words ("năm lĩnh vực", "cả ba địa phương").
NUMERALS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}


def count_value(word: str) -> int:
    """A count written in digits or as a word (``"12"``, ``"năm"``)."""
    return int(word) if word.isdigit() else NUMERALS[word]


LIST_GLUE = re.compile(r"\s*(?:,|và|-|–)\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?")
AND_GLUE = re.compile(r"\s*(?:,|và)\s*(?:(?:tỉnh|thành phố|TP\.?)\s+)?")


def chain(text: str, mentions: list, first: Any, glue: re.Pattern[str]) -> list:
    """The list of mentions that starts at ``first``: each next one joined to the last by
    ``glue`` (``A, B và C``; ``Long An, Tien Giang and Ben Tre``)."""
    out = [first]
    for x in mentions:
        if x.start > out[-1].end and glue.fullmatch(text[out[-1].end:x.start]):
            out.append(x)
    return out


def listed_before(text: str, before: list, glue: re.Pattern[str] = LIST_GLUE) -> list:
    """The list that ends with the last of ``before``: ``A, B và C`` before a verb (last first)."""
    out = [before[-1]]
    for x in reversed(before[:-1]):
        if not glue.fullmatch(text[x.end:out[-1].start]):
            break
        out.append(x)
    return out


_NAME_TAIL = {"Ông", "Bà", "Ngày", "Tại", "Theo", "Trong", "Khi", "Vấn", "Về", "Cùng",
              "Với", "Hôm", "Sau", "Trước", "Cho", "Của", "Là", "Đã", "Sẽ", "Nhưng", "Tuy", "Nếu", "Vì", "Mr",
              "Mrs", "Ms", "The", "In", "On", "At"}
_SURNAME_WORDS = frozenset(_SURNAMES.split("|")) | {
    "Nông", "Bế", "Tẩn", "Hầu", "Vàng", "Lường", "Quàng", "Cầm", "Lục", "Y", "Ksor", "Rơ", "Điểu", "Danh",
    "Thạch", "Sơn", "Kim", "Bạch", "Âu", "Diệp", "Quan", "Tôn", "Trình", "Viên", "Ưng", "Đào", "Giáp", "Thân",
    "Lữ", "Mùa", "Sầm", "Tráng", "Vi", "Cà", "Chẩu", "Đầu", "Đồng", "Giang", "Kha", "Ông", "Phó", "Bàn", "Uông", "Khuất",
    "Cù", "Tất", "Khương", "Siu", "Rmah", "Nay", "Kpă", "H"}
# A "name" opening with one of these is an institution, a place or a foreign leader's title word.
_NOT_NAME_START = {"Cục", "Bộ", "Sở", "Phòng", "Ban", "Viện", "Điện", "Bắc", "Tổng", "Ủy", "Trung", "Quỹ", "Công",
                   "Tập", "Ngân", "Trường", "Bệnh", "Nhà", "Hội", "Liên", "Hiệp", "Thủ", "Đại", "Học"}
_NOT_NAMES = re.compile(r"^(?:Châu (?:Âu|Á|Phi|Mỹ|Đại Dương)|Đông Nam Á|Trung Đông|Liên Hợp Quốc|Văn Phòng|"
                        r"Thái Bình Dương|Đại Tây Dương|Ấn Độ Dương|Bắc Băng Dương)$"
                        r"|\bViệt Nam\b|^Lầu Năm Góc$|^Nhà Trắng$")
# Posts in companies, banks, hospitals, schools, clubs and trade or professional associations are
# not posts of a province or the state (in Vietnamese text VFF is the football federation; in
# English it is the Fatherland Front).
_NOT_PUBLIC = re.compile(r"HĐQT|[Hh]ội đồng quản trị|[Tt]ổng [Gg]iám đốc|CEO|[Cc]ông ty|[Tt]ập đoàn|[Nn]gân hàng|"
                         r"[Bb]ệnh viện|(?<![\w])[Tt]rường (?:[Đđ]ại học|THPT|THCS|[Tt]iểu học|[Cc]ao đẳng|[Pp]hổ thông|[Mm]ầm non)|CLB|[Cc]âu lạc bộ|VCCI|[Cc]huỗi|[Hh]ãng|[Dd]oanh nghiệp|"
                         r"[Tt]ổng công ty|[Gg]iám đốc [Đđ]iều hành|[Hh]iệp hội|"
                         r"(?<![\w])[Vv]iện (?!KSND|[Kk]iểm sát|trưởng)\w|[Đđ]ại học|\bĐH\b|[Hh]ọc viện|[Nn]hà hát|"
                         r"(?<![\w])(?:Đài|[Bb]áo|[Tt]ạp chí)(?![\w])|VOH|VTV|[Ll]iên đoàn [Bb]óng đá|"
                         r"[Hh]ội [Dd]oanh|[Tt]rung [Tt]âm|[Xx]í nghiệp|\bCty\b|\w[Bb]ank\b|[Tt]ổng hội|"
                         r"[Ll]iên đoàn (?![Ll]ao động|LĐ)\w|[Đđ]oàn [Ll]uật sư|LĐBĐ|[Nn]hà máy|\b(?:Software|Corporation|Corp|JSC)\b|"
                         # associations other than the mass organisations
                         r"(?<![\w])(?<![Qq]uốc )(?<![Đđ]ại )(?<![Ll]ễ )(?<![Tt]ỉnh )[Hh]ội (?!đồng|[Nn]ông dân|[Ll]iên hiệp [Pp]hụ nữ|LHPN|[Pp]hụ nữ|[Cc]ựu [Cc]hiến binh|CCB|"
                         r"[Cc]hữ thập đỏ|[Nn]gười cao tuổi|[Kk]huyến học|[Cc]ựu [Tt]hanh niên|[Ll]iên hiệp [Tt]hanh niên|LHTN)\w|[Cc]hợ\b|[Dd]i tích|"
                         r"[Gg]iáo hội|Phật giáo|Công giáo|"
                         r"HĐTV|[Hh]ội đồng thành viên|[Nn]hà xuất bản|\bEVN|Huawei|Samsung|"
                         r"Giám đốc (?:tài chính|điều hành|kinh doanh|[Tt]ruyền thông|phân tích|marketing|nhân sự|sản xuất|"
                         r"kỹ thuật|dự án)|Chủ nhiệm (?:đề án|đề tài|dự án)|[Cc]hi nhánh|[Tt]hủy điện|bộ phận|[Đđ]ường sắt|"
                         r"[Gg]iám khảo|Vinamilk|[Ss]iêu thị|(?<![Bb]an )Tổ chức [A-Z][a-z]|(?:Trưởng|Phó) phòng (?:[Tt]ruyền thông|[Mm]arketing|[Kk]inh doanh)|^(?:Phó )?(?:Chủ tịch|Giám đốc|Tổng Giám đốc) (?!UBND|HĐND|MTTQ|BHXH|KBNN|CSGT|VKSND|TAND|QH|UBTVQH|UBKT|TW|BCH|LĐLĐ|TLĐ|HLHPN|UBMTTQ)[A-Z]{2,}$"
                         r"|^(?:Phó )?Chủ tịch [A-Z][a-z]+$")  # a brand ("Chủ tịch Thaco")
# A Vietnamese syllable without its tone and vowel marks: onset, one to three vowels, coda.
_SYLLABLE = re.compile(r"^(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$")
# Central posts: they give their holder no province (``Phó Thủ tướng`` visiting Đà Nẵng).
_CENTRAL_POST = re.compile(r"^(?:Phó )?(?:Thủ tướng|Tổng Bí thư|Chủ tịch nước|Chủ tịch Quốc hội|Bộ trưởng|"
                           r"Thứ trưởng|Tổng cục trưởng)\b")
_VI_LETTER = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)
_NOT_VIETNAMESE_WORD = re.compile(r"[fjwzFJWZ]")  # letters Vietnamese spelling never uses


def real_officials(officials, vietnamese: bool = True, places=None) -> list:
    """People, not fragments, places or foreign leaders; officials, not company executives.

    A name loses a sentence word glued to its end (``Vũ Đức Đam Ông``) or a word before its
    family name (``Vietjet Lưu Đức Khánh``); in a Vietnamese text a name with no Vietnamese letter
    and no Vietnamese family name is a foreign person's."""
    out = []
    seen: set[str] = set()
    for o in officials:
        words = o.name.split()
        while len(words) > 2 and words[-1] in _NAME_TAIL:
            words.pop()
        if len(words) > 2 and words[0] not in _SURNAME_WORDS and words[1] in _SURNAME_WORDS:
            words.pop(0)
            if len(words) == 2 and vietnamese:
                continue  # "Tân Sơn Nhất" names a place, and "Sơn Nhất" no one
        name = " ".join(words)
        if len(words) < 2 or words[0] in _NOT_NAME_START or _NOT_NAMES.match(name) or FOREIGN.fullmatch(name):
            continue
        if vietnamese and ((words[0] not in _SURNAME_WORDS and not _VI_LETTER.search(" ".join(words[1:])))
                           or _NOT_VIETNAMESE_WORD.search(name) or FOREIGN.match(name)):
            continue  # a foreign person ("Hoa Kỳ Wilbur Ross", "Kim Jong")
        if places is not None and (places.get(name) or (words[0] not in _SURNAME_WORDS
                                                         and places.get(" ".join(words[1:])))):
            continue  # a province taken for a name ("Đà Nẵng", "Thái Bình Dương")
        if vietnamese and len(words) == 2 and words[0] not in _SURNAME_WORDS and "'" not in name \
                and _SYLLABLE.match(_plain(words[1])):
            continue  # no family name: a fragment or a place ("Sơn Nhất", "Lao Động", "Nhật Linh")
        if name in seen:
            continue  # one entry per person
        seen.add(name)
        if vietnamese and (_foreign_name(words) or any((FOREIGN.search(t) or re.search(r"\bnước (?:này|bạn)\b", t))
                                                       and not re.search(r"Việt|hữu nghị", t) for t in o.titles)
                           or _district_name(name)):
            continue  # "Angela Merkel", "Ủy viên Quốc vụ Trung Quốc ...", "Sơn Trà"
        named = [t for t in o.titles if not BARE_POST.match(t)]
        if named and all(_NOT_PUBLIC.search(t) or vietnamese and "VFF" in t for t in named):
            continue
        if o.province and any(_CENTRAL_POST.match(t) for t in o.titles):
            o = replace(o, province=None)  # a minister visiting a province is not its official
        out.append(replace(o, name=name) if name != o.name else o)
    return out


# A post with no body named ("Phó Chủ tịch", "Giám đốc"): whose it is, only its province can say.
BARE_POST = re.compile(r"^(?:Phó )?(?:Chủ tịch|Giám đốc|Bí thư|Trưởng ban|Chánh Văn phòng|Tư lệnh|Trưởng phòng|"
                        r"Chủ nhiệm|Ủy viên|Viện trưởng|Tổng Thư ký)(?: [Tt]hường trực)?$")


def _plain(word: str) -> str:
    """A word without its tone and vowel marks, lower case: ``Vảng`` -> ``vang``."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
                   if not unicodedata.combining(c))


def _foreign_name(words: list[str]) -> bool:
    """Two or more words no Vietnamese syllable could be (``Angela Merkel``, ``Veronika
    Nikishina``); one is allowed for the Central Highlands' names (``Y Thanh Hà Niê Kđăm``)."""
    plain = [unicodedata.normalize("NFD", w.lower().replace("đ", "d")) for w in words]
    plain = ["".join(c for c in w if not unicodedata.combining(c)) for w in plain]
    return sum(1 for w in plain if not _SYLLABLE.match(w)) >= 2


def _district_name(name: str) -> bool:
    """A district's name taken for a person's (``Sơn Trà``, ``Hóc Môn``)."""
    from ..gazetteer import local_units

    return len(name.split()) == 2 and name in local_units()["district"]


def related_events(events, pairs, doc=None) -> list:
    """Events of an article that states a relation between two provinces, and only those that
    involve one of its parties: a province's own ceremony in an article about something else, or
    its ceremony with a foreign city, is not a cooperation event between provinces. With ``doc``,
    the provinces its reading found in an event's sentence count too (``HCM City`` in English)."""
    parties = {n for p in pairs for n in p}
    out = []
    for e in events:
        named = {e.place, *e.organisers} | {m for m in parties if m in e.evidence.sentence}
        if doc is not None and e.evidence:
            named |= {m.name for m in doc.mentions_in(e.evidence.start, e.evidence.end)}
        if not parties & named:
            continue
        if len(named - {None}) < 2 and names_foreign(e.evidence.sentence):
            continue  # a province with a foreign city or country: not an event between provinces
        out.append(e)
    return out


def pairs_from_facts(agreements, fundings, investments, events) -> set[tuple[str, str]]:
    """Provinces acting together according to the facts: agreement parties, donor and recipient,
    investor and host, joint organisers (sorted pairs, no province paired with itself)."""
    pairs: set[tuple[str, str]] = set()
    for a in agreements:
        pairs.update(combinations(sorted(a.parties), 2))
    for f in fundings:
        if f.donor and f.recipient:
            pairs.add(tuple(sorted((f.donor, f.recipient))))  # type: ignore[arg-type]
    for i in investments:
        if i.investor_province and i.host_province:
            pairs.add(tuple(sorted((i.investor_province, i.host_province))))  # type: ignore[arg-type]
    for e in events:
        pairs.update(combinations(sorted(set(e.organisers)), 2))
    return {p for p in pairs if p[0] != p[1]}
