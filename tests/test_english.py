"""English-language reporting (VnExpress International, VietnamPlus, Vietnam News, Hanoi Times,
SGGP English): language detection and the same facts as the Vietnamese extractors, provinces in
their Vietnamese short form. The articles here are synthetic (written by the team)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cooperation_graph.extract import extract
from cooperation_graph.extract.english import (
    extract_english,
    find_date_en,
    find_money_en,
    is_english,
)
from cooperation_graph.gazetteer import load_gazetteer
from cooperation_graph.ingest import make_article, read_articles
from extract_helpers import extract_text, fundings, officials

ROOT = Path(__file__).resolve().parent.parent


def run(body: str, when: str, title: str | None = None):
    return extract_text(body, when, title or body.split("\n", 1)[0])


def check_evidence(ex):
    facts = [*ex.officials, *ex.agreements, *ex.fundings, *ex.investments, *ex.events]
    assert facts
    for fact in facts:
        ev = fact.evidence
        assert ex.article.text[ev.start:ev.end] == ev.sentence
        assert 0.0 <= ev.confidence <= 1.0


# --- language detection -----------------------------------------------------------------------

def _vietnamese_articles():
    paths = sorted((ROOT / "data" / "eval").glob("*.txt")) + sorted((ROOT / "data" / "samples").glob("*.txt"))
    return [a for p in paths for a in read_articles(p) if "english" not in p.name]


def test_no_vietnamese_article_title_or_line_is_detected_as_english():
    articles = _vietnamese_articles()
    assert len(articles) >= 48
    for a in articles:
        assert not is_english(a.text), a.id
        assert not is_english(a.title), a.title
        for line in a.text.split("\n"):
            assert not is_english(line), (a.id, line)


@pytest.mark.parametrize("text", [
    "Hà Nội hỗ trợ Sơn La 10 tỷ đồng",
    "TP.HCM và Long An ký kết chương trình hợp tác",
    "Da Nang ho tro Quang Nam 20 ty dong xay truong hoc",  # Vietnamese without diacritics
    "Thanh pho Ho Chi Minh va tinh Ben Tre ky ket hop tac giai doan 2020 - 2025",
    "UBND tinh Nghe An trao 5 ty dong cho Quang Binh",
    "Đà Nẵng - Quảng Nam: Festival Expo Smart City 2024",
    "",
    "2019",
])
def test_vietnamese_and_empty_text_is_not_english(text):
    assert not is_english(text)


@pytest.mark.parametrize("text", [
    "Da Nang, Quang Nam sign cooperation agreement on tourism and infrastructure",
    "HCM City gives Ben Tre VND5 billion for drought relief",
    ("HÀ NỘI — Deputy Prime Minister Trịnh Đình Dũng attended a signing ceremony between "
     "Hà Nội and Hòa Bình on Saturday."),
])
def test_english_text_is_english(text):
    assert is_english(text)


def test_english_article_goes_through_the_main_extract():
    path = ROOT / "data" / "eval" / "045-da-nang-quang-nam-english.txt"
    article = next(read_articles(path))
    assert is_english(article.text)
    assert extract(article, load_gazetteer()) == extract_english(article, load_gazetteer())


# --- eval-045 ---------------------------------------------------------------------------------

def test_eval_045_gives_exactly_the_gold_facts():
    path = ROOT / "data" / "eval" / "045-da-nang-quang-nam-english.txt"
    ex = extract(next(read_articles(path)), load_gazetteer())
    assert [(p.name, p.code, p.era) for p in ex.provinces] == [
        ("Quảng Nam", "49", "legacy"), ("Đà Nẵng", "48", "legacy")]
    assert ex.cooperation_pairs == (("Quảng Nam", "Đà Nẵng"),)
    assert officials(ex) == {
        "Nguyen Thanh Quang": (("vice chairman of the People's Committee",), "Đà Nẵng"),
        "Le Van Tuan": (("vice chairman of the People's Committee",), "Quảng Nam"),
    }
    (agr,) = ex.agreements
    assert (agr.parties, agr.kind, agr.n_contents, agr.period, agr.status) == (
        ("Quảng Nam", "Đà Nẵng"), "cooperation agreement", 5, "2019-2023", "signed")
    assert agr.fields == ("transport infrastructure", "tourism", "water resources",
                          "environmental protection", "healthcare")
    assert agr.signatories == ("Nguyen Thanh Quang", "Le Van Tuan")
    assert fundings(ex) == [("Đà Nẵng", "Quảng Nam", 20_000_000_000, "given"),
                            ("Đà Nẵng", "Quảng Nam", 30_000_000_000, "planned")]
    assert sorted(f.year for f in ex.fundings) == [2019, 2020]
    assert ex.investments == ()  # tourism revenue is not money given
    (event,) = ex.events
    assert (event.kind, event.date, event.place) == ("signing ceremony", date(2019, 4, 18), "Quảng Nam")
    assert set(event.organisers) == {"Đà Nẵng", "Quảng Nam"}
    check_evidence(ex)


# --- other outlets' styles --------------------------------------------------------------------

VIETNAMPLUS = """Hanoi, Son La boost cooperation
Hanoi (VNA) – Secretary of the Hanoi Party Committee Vuong Dinh Hue and Secretary of the Son La Provincial Party Committee Hoang Van Chat co-chaired a conference in Son La on July 12 to review cooperation between the two localities.
On the occasion, Hanoi presented 10 billion VND to Son La for building schools for ethnic minority students.
The two sides also signed a memorandum of understanding on cooperation for 2020-2025, focusing on seven key areas, including agriculture, tourism, trade, education, health care, culture and investment.
Politburo member and Deputy Prime Minister Truong Hoa Binh attended the event.
Related news
HCM City gives Ben Tre VND5 billion"""


def test_vietnamplus_style_conference_mou_and_gift():
    ex = run(VIETNAMPLUS, "2020-07-13T10:00:00+07:00")
    assert {p.name: p.mentions for p in ex.provinces} == {"Hà Nội": 3, "Sơn La": 4}  # not the dateline
    assert ex.cooperation_pairs == (("Hà Nội", "Sơn La"),)
    assert officials(ex) == {
        "Vuong Dinh Hue": (("Secretary of the Party Committee",), "Hà Nội"),
        "Hoang Van Chat": (("Secretary of the Provincial Party Committee",), "Sơn La"),
        "Truong Hoa Binh": (("Politburo member", "Deputy Prime Minister"), None),
    }
    (agr,) = ex.agreements
    assert (agr.parties, agr.kind, agr.n_contents, agr.period) == (
        ("Hà Nội", "Sơn La"), "memorandum of understanding", 7, "2020-2025")
    assert agr.fields[:2] == ("agriculture", "tourism") and len(agr.fields) == 7
    assert fundings(ex) == [("Hà Nội", "Sơn La", 10_000_000_000, "given")]
    assert ex.fundings[0].purpose == "building schools for ethnic minority students"
    (event,) = ex.events
    assert (event.kind, event.date, event.place) == ("conference", date(2020, 7, 12), "Sơn La")
    roles = {p.name: p.role for p in event.participants}
    assert roles == {"Vuong Dinh Hue": "chair", "Hoang Van Chat": "chair", "Truong Hoa Binh": "attendee"}
    check_evidence(ex)


VIETNAM_NEWS = """Hà Nội and Hòa Bình sign comprehensive cooperation deal
HÀ NỘI — Deputy Prime Minister Trịnh Đình Dũng attended a signing ceremony on Saturday between Hà Nội and Hòa Bình on comprehensive cooperation for the 2020-2025 period.
Under the agreement, the two localities will cooperate in 11 fields, such as agriculture, tourism and transport.
Chairman of the Hà Nội People's Committee Nguyễn Đức Chung said the city would provide Hòa Bình with VNĐ50 billion next year to build rural roads.
Bùi Văn Tỉnh, Secretary of the Hòa Bình Provincial Party Committee, thanked the capital city for its support. — VNS"""


def test_vietnam_news_style_with_diacritics_and_weekday_date():
    ex = run(VIETNAM_NEWS, "2020-10-11T08:00:00+07:00")  # a Sunday
    assert is_english(ex.article.text)
    assert {p.name for p in ex.provinces} == {"Hà Nội", "Hòa Bình"}
    assert officials(ex) == {
        "Trịnh Đình Dũng": (("Deputy Prime Minister",), None),
        "Nguyễn Đức Chung": (("Chairman of the People's Committee",), "Hà Nội"),
        "Bùi Văn Tỉnh": (("Secretary of the Provincial Party Committee",), "Hòa Bình"),
    }
    (agr,) = ex.agreements
    assert (agr.parties, agr.kind, agr.n_contents, agr.period, agr.status) == (
        ("Hà Nội", "Hòa Bình"), "comprehensive cooperation agreement", 11, "2020-2025", "signed")
    assert fundings(ex) == [("Hà Nội", "Hòa Bình", 50_000_000_000, "planned")]
    assert ex.fundings[0].year == 2021  # "next year"
    (event,) = ex.events
    assert (event.kind, event.date) == ("signing ceremony", date(2020, 10, 10))
    assert event.organisers == ("Hà Nội", "Hòa Bình")
    check_evidence(ex)


VNEXPRESS = """HCM City investors pour money into Long An
HCM City businesses have invested in 120 projects in Long An with total registered capital of over VND33.6 trillion, according to the Long An Department of Planning and Investment.
HCM City and Long An on March 4 signed a cooperation programme for 2019-2020 covering nine areas.
Nguyen Thien Nhan, Politburo member and Secretary of the HCM City Party Committee, and Long An Party chief Pham Van Ranh witnessed the signing.
HCM City also handed over VND1.2 trillion to Long An, Tien Giang and Ben Tre for building the new ring road, VND400 billion each."""


def test_vnexpress_style_investment_programme_and_amount_each():
    ex = run(VNEXPRESS, "2019-03-05T08:00:00+07:00")
    assert officials(ex) == {
        "Nguyen Thien Nhan": (("Politburo member", "Secretary of the Party Committee"), "Hồ Chí Minh"),
        "Pham Van Ranh": (("Party chief",), "Long An"),
    }
    (inv,) = ex.investments
    assert (inv.investor_province, inv.host_province, inv.projects, inv.capital_vnd, inv.qualifier) == (
        "Hồ Chí Minh", "Long An", 120, 33_600_000_000_000, "trên")
    (agr,) = ex.agreements
    assert (agr.parties, agr.kind, agr.n_contents, agr.period) == (
        ("Hồ Chí Minh", "Long An"), "cooperation programme", 9, "2019-2020")
    # the total is not extra money; "handed over" is not the qualifier "over"
    assert fundings(ex) == [("Hồ Chí Minh", "Bến Tre", 400_000_000_000, "given"),
                            ("Hồ Chí Minh", "Long An", 400_000_000_000, "given"),
                            ("Hồ Chí Minh", "Tiền Giang", 400_000_000_000, "given")]
    assert all(f.qualifier is None for f in ex.fundings)
    assert ex.cooperation_pairs == (("Bến Tre", "Hồ Chí Minh"), ("Hồ Chí Minh", "Long An"),
                                    ("Hồ Chí Minh", "Tiền Giang"))
    (event,) = ex.events
    assert (event.kind, event.date) == ("signing ceremony", date(2019, 3, 4))
    check_evidence(ex)


SGGP = """Thua Thien-Hue receives support from Da Nang after floods
Thua Thien-Hue Province received VND5 billion from Da Nang on Saturday (October 24) to help flood victims.
The money was handed over by Da Nang Party chief Nguyen Van Quang at a ceremony in Hue City.
Phan Ngoc Tho, chairman of the provincial People's Committee, thanked Da Nang.
Can Tho City also plans to give Hue VND2 billion."""


def test_sggp_style_received_from_and_planned_gift():
    ex = run(SGGP, "2020-10-25T08:00:00+07:00")
    assert fundings(ex) == [("Cần Thơ", "Huế", 2_000_000_000, "planned"),
                            ("Đà Nẵng", "Huế", 5_000_000_000, "given")]
    assert officials(ex) == {
        "Nguyen Van Quang": (("Party chief",), "Đà Nẵng"),
        "Phan Ngoc Tho": (("chairman of the provincial People's Committee",), "Huế"),
    }
    assert ("Huế", "Đà Nẵng") in ex.cooperation_pairs


HANOI_TIMES = """Quang Ninh, Hai Phong to sign tourism MoU
Quang Ninh Province and Hai Phong City plan to sign a memorandum of understanding on tourism development in the 2024-2030 period, Ho Chi Minh City's Party Secretary Nguyen Van Nen said at a meeting in Ha Long on May 18.
Under the MoU, the two localities will work together in six areas: promotion, transport, human resources, products, digital transformation and investment.
Mr. Cao Tuong Huy, chairman of the Quang Ninh provincial People's Committee, said Quang Ninh would allocate about VND 15 billion to joint promotion campaigns with Hai Phong in 2025."""


def test_planned_mou_keeps_an_official_out_of_its_parties():
    ex = run(HANOI_TIMES, "2024-05-20T08:00:00+07:00")
    (agr,) = ex.agreements
    assert (agr.parties, agr.status, agr.n_contents, agr.period) == (
        ("Hải Phòng", "Quảng Ninh"), "planned", 6, "2024-2030")
    assert agr.fields == ("promotion", "transport", "human resources", "products",
                          "digital transformation", "investment")
    assert officials(ex)["Nguyen Van Nen"] == (("Party Secretary",), "Hồ Chí Minh")
    assert officials(ex)["Cao Tuong Huy"][1] == "Quảng Ninh"
    (f,) = ex.fundings
    assert (f.donor, f.recipient, f.amount_vnd, f.qualifier, f.status, f.year) == (
        "Quảng Ninh", "Hải Phòng", 15_000_000_000, "khoảng", "planned", 2025)
    (event,) = ex.events
    assert (event.date, event.place) == (date(2024, 5, 18), "Quảng Ninh")  # Ha Long
    assert ex.cooperation_pairs == (("Hải Phòng", "Quảng Ninh"),)


NOT_COOPERATION = """Hanoi, HCM City see record tourist arrivals
Hanoi welcomed 18.7 million visitors last year, earning revenue of VND60 trillion, while HCM City received 22 million visitors, the General Statistics Office said.
Tourists visited the Ho Chi Minh Mausoleum and travelled on the Hanoi-Lao Cai expressway, according to Saigon Giai Phong newspaper.
Former deputy prime minister Nguyen Hoa Binh and Can Tho University lecturers joined the tour.
By Le Hue"""


def test_names_inside_other_names_and_no_cooperation():
    ex = run(NOT_COOPERATION, "2023-01-03T08:00:00+07:00")
    assert {p.name: p.mentions for p in ex.provinces} == {"Hà Nội": 2, "Hồ Chí Minh": 2}
    assert ex.cooperation_pairs == ()
    assert ex.officials == () and ex.fundings == () and ex.agreements == ()


# --- pieces -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, amount, qualifier", [
    ("VND20 billion", 20_000_000_000, None),
    ("VND 20 billion (US$860,000)", 20_000_000_000, None),
    ("20 billion VND", 20_000_000_000, None),
    ("VND1.2 trillion", 1_200_000_000_000, None),
    ("over VND33.6 trillion", 33_600_000_000_000, "trên"),
    ("nearly VND 40 trillion", 40_000_000_000_000, "gần"),
    ("VND500 million", 500_000_000, None),
    ("VND 2,500,000,000", 2_500_000_000, None),
    ("15 billion dong", 15_000_000_000, None),
    ("VND10bn", 10_000_000_000, None),
])
def test_money_in_english(text, amount, qualifier):
    (m,) = find_money_en(text)
    assert (m.amount_vnd, m.qualifier) == (amount, qualifier)


def test_dollars_alone_are_not_vnd():
    assert find_money_en("US$860,000 and $1.2 million") == []


@pytest.mark.parametrize("text, expected", [
    ("signed on Thursday (April 18) in Hoi An", date(2019, 4, 18)),
    ("on April 18", date(2019, 4, 18)),
    ("held on 18 April 2018", date(2018, 4, 18)),
    ("April 19, 2019", date(2019, 4, 19)),
    ("met on Thursday", date(2019, 4, 18)),
    ("on December 28", date(2018, 12, 28)),  # later than the article: the year before
])
def test_dates_resolved_against_the_article_date(text, expected):
    assert find_date_en(text, date(2019, 4, 19))[0] == expected


@pytest.mark.parametrize("phrase, name", [
    ("Hanoi", "Hà Nội"), ("HCM City", "Hồ Chí Minh"), ("Ho Chi Minh City", "Hồ Chí Minh"),
    ("HCMC", "Hồ Chí Minh"), ("Saigon", "Hồ Chí Minh"), ("Thua Thien-Hue", "Huế"),
    ("Hue", "Huế"), ("Ba Ria-Vung Tau", "Bà Rịa - Vũng Tàu"), ("Can Tho", "Cần Thơ"),
    ("Dak Lak", "Đắk Lắk"), ("Da Nang City", "Đà Nẵng"), ("Quang Nam Province", "Quảng Nam"),
])
def test_english_province_names(phrase, name):
    ex = run(f"{phrase} and Hai Phong sign cooperation agreement\n"
             f"{phrase} and Hai Phong signed a cooperation agreement on May 5.",
             "2019-05-06T08:00:00+07:00")
    assert {p.name for p in ex.provinces} == {name, "Hải Phòng"}
    assert ex.agreements[0].parties == tuple(sorted((name, "Hải Phòng")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="abcdefghij ,.()-–:VND0123456789 billion to for gave signed Da Nang Hanoi "
                        "Quang Nam People's Committee Secretary Nguyen Van April 18 ÀĐ\n'",
               max_size=400))
def test_english_extraction_never_raises(body):
    article = make_article("Title of a story\n" + body, {"title": "Title of a story",
                                                         "date": "2020-01-01"})
    ex = extract_english(article, load_gazetteer())
    for f in ex.fundings:
        assert f.amount_vnd > 0


VIETNAMPLUS_COVID = """Bac Ninh helps Bac Giang fight Covid-19
The northern province of Bac Ninh gave VND20 billion to neighbouring Bac Giang last Friday to fight Covid-19.
Politburo member, Secretary of the Bac Ninh Party Committee Nguyen Nhan Chien said the two provinces would continue to share medical supplies.
Phan Van Mai, Politburo member, Secretary of the HCM City Party Committee, and Hanoi chairman Chu Ngoc Anh also attended the handover ceremony.
The Hanoi People's Committee has decided to provide VND 30 billion to the three provinces of Lai Chau, Dien Bien and Ha Giang.
Deputy Secretary of the Da Nang Party Committee and Chairman of the municipal People's Committee Huynh Duc Tho was absent."""


def test_chained_titles_and_a_total_shared_by_three_recipients():
    ex = run(VIETNAMPLUS_COVID, "2021-05-24T08:00:00+07:00")
    assert officials(ex) == {
        "Nguyen Nhan Chien": (("Politburo member", "Secretary of the Party Committee"), "Bắc Ninh"),
        "Phan Van Mai": (("Politburo member", "Secretary of the Party Committee"), "Hồ Chí Minh"),
        "Chu Ngoc Anh": (("chairman",), "Hà Nội"),
        "Huynh Duc Tho": (("Deputy Secretary of the Party Committee",
                           "Chairman of the municipal People's Committee"), "Đà Nẵng"),
    }
    # "has decided to" is not planned; "Committee" is not "commit"
    # 30 billion to three provinces without the share of each: a relation, no funding of one to another
    assert fundings(ex) == [("Bắc Ninh", "Bắc Giang", 20_000_000_000, "given")]
    assert ex.fundings[0].purpose == "fight Covid-19"
    assert set(ex.cooperation_pairs) == {("Bắc Giang", "Bắc Ninh"), ("Hà Giang", "Hà Nội"),
                                         ("Hà Nội", "Lai Châu"), ("Hà Nội", "Điện Biên")}


HANOI_TIMES_REVIEW = """Quang Nam, Da Nang review cooperation
The two localities held a conference on Friday (November 9) to review their cooperation over the past five years.
A total of VND50 billion was allocated to Quang Nam by Da Nang to build water plants in Dien Ban Town.
Chairman of the Quang Nam People's Committee Dinh Van Thu and his Da Nang counterpart Huynh Duc Tho co-chaired the conference.
Party Secretary of Da Nang Truong Quang Nghia also attended."""


def test_passive_gift_counterpart_and_the_two_localities():
    ex = run(HANOI_TIMES_REVIEW, "2018-11-10T08:00:00+07:00")
    assert fundings(ex) == [("Đà Nẵng", "Quảng Nam", 50_000_000_000, "given")]
    assert officials(ex) == {
        "Dinh Van Thu": (("Chairman of the People's Committee",), "Quảng Nam"),
        "Huynh Duc Tho": (("Chairman of the People's Committee",), "Đà Nẵng"),
        "Truong Quang Nghia": (("Party Secretary",), "Đà Nẵng"),
    }
    (event,) = ex.events
    assert (event.kind, event.date, event.organisers) == (
        "conference", date(2018, 11, 9), ("Quảng Nam", "Đà Nẵng"))
    roles = {p.name: p.role for p in event.participants}
    assert roles == {"Dinh Van Thu": "chair", "Huynh Duc Tho": "chair", "Truong Quang Nghia": "attendee"}


HANOI_CAN_THO = """Hanoi, Can Tho to boost cooperation
Politics August 23, 2019 | 12:44 pm GMT+7
A delegation from Hanoi led by Politburo member, Secretary of the Hanoi Party Committee Hoang Trung Hai had a working session with leaders of the Mekong Delta city of Can Tho on August 23.
Speaking at the event, Secretary of the Can Tho Party Committee Tran Quoc Trung said the two cities signed a cooperation programme in 2016, which has brought positive results.
Hanoi donated VND 1 billion to the city's Fund for the Poor and VND 500 million for building houses for poor households.
The two sides agreed to sign a new cooperation programme for 2019-2025 focusing on 9 fields including trade, investment, tourism, agriculture, education and training, health, culture, science and technology, and transport.
Tags: Hanoi Can Tho cooperation"""


def test_one_agreement_per_pair_and_oxford_comma_fields():
    ex = run(HANOI_CAN_THO, "2019-08-23T12:44:00+07:00")
    assert {p.name: p.mentions for p in ex.provinces} == {"Hà Nội": 4, "Cần Thơ": 3}  # not the tags
    (agr,) = ex.agreements  # the programme of 2016 and the new one: one per pair, the detailed one
    assert (agr.parties, agr.kind, agr.n_contents, agr.period, agr.status) == (
        ("Cần Thơ", "Hà Nội"), "cooperation programme", 9, "2019-2025", "planned")
    assert agr.fields == ("trade", "investment", "tourism", "agriculture", "education and training",
                          "health", "culture", "science and technology", "transport")
    assert fundings(ex) == [("Hà Nội", "Cần Thơ", 500_000_000, "given"),
                            ("Hà Nội", "Cần Thơ", 1_000_000_000, "given")]
    assert [f.purpose for f in ex.fundings] == ["the city's Fund for the Poor",
                                                "building houses for poor households"]
    (event,) = ex.events
    assert (event.kind, event.date, event.organisers) == (
        "working session", date(2019, 8, 23), ("Hà Nội", "Cần Thơ"))


def test_weekday_of_a_planned_event_is_the_coming_one():
    published = date(2019, 4, 19)  # a Friday
    assert find_date_en("The two provinces will sign the deal on Monday", published)[0] == date(2019, 4, 22)
    assert find_date_en("They signed the deal last Friday", published)[0] == date(2019, 4, 12)


VNEXPRESS_FLOODS = """Hanoi gives central provinces VND15 billion for flood relief
Hanoi will give VND15 billion ($646,000) to four central provinces hit by floods.
Quang Tri, Quang Binh and Thua Thien-Hue will each receive VND4 billion, while Ha Tinh will get VND3 billion, Hanoi People's Committee chairman Chu Ngoc Anh said Tuesday."""


def test_headline_donor_each_before_the_amount_and_a_total_with_its_parts():
    ex = run(VNEXPRESS_FLOODS, "2020-10-20T08:00:00+07:00")
    # the headline and the lead state the total; the parts are the fundings
    assert fundings(ex) == [("Hà Nội", "Huế", 4_000_000_000, "planned"),
                            ("Hà Nội", "Hà Tĩnh", 3_000_000_000, "planned"),
                            ("Hà Nội", "Quảng Bình", 4_000_000_000, "planned"),
                            ("Hà Nội", "Quảng Trị", 4_000_000_000, "planned")]
    assert officials(ex) == {"Chu Ngoc Anh": (("People's Committee chairman",), "Hà Nội")}
    assert ("Hà Nội", "Hà Tĩnh") in ex.cooperation_pairs


def test_a_delegation_gives_where_it_is_and_amounts_name_their_own_recipients():
    ex = run(
        "HCMC supports Hue and Da Nang after the storm\n"
        "A delegation from Ho Chi Minh City yesterday arrived in Hue and Da Nang cities to offer support.\n"
        "In Hue City, the delegation provided VND20 billion in assistance, including VND300 million to repair "
        "a kindergarten.\n"
        "On the same afternoon, the delegation visited Da Nang City. Here, the delegation provided VND15 billion.\n"
        "It also gave VND3 billion for Quang Tri, VND1.5 billion for Quang Nam and VND2 billion for Quang Binh.",
        "2025-11-12")
    assert fundings(ex) == [("Hồ Chí Minh", "Huế", 20_000_000_000, "given"),
                            ("Hồ Chí Minh", "Quảng Bình", 2_000_000_000, "given"),
                            ("Hồ Chí Minh", "Quảng Nam", 1_500_000_000, "given"),
                            ("Hồ Chí Minh", "Quảng Trị", 3_000_000_000, "given"),
                            ("Hồ Chí Minh", "Đà Nẵng", 15_000_000_000, "given")]


def test_provinces_granted_each_and_the_thanked_giver():
    ex = run(
        "Central provinces get flood aid\n"
        "Specifically, Quang Ngai and Quang Nam were granted with 10 billion VND each, Kon Tum and Quang Binh "
        "received 7 billion VND each, and Gia Lai one billion VND.\n"
        "Secretary of Dak Lak's Party Committee Bui Van Cuong thanked Hanoi authorities and people for their "
        "support.\n"
        "The Hai Phong chapter received VND18 billion from collectives and individuals.",
        "2020-12-20")
    assert fundings(ex) == [("Hà Nội", "Gia Lai", 1_000_000_000, "given"),
                            ("Hà Nội", "Kon Tum", 7_000_000_000, "given"),
                            ("Hà Nội", "Quảng Bình", 7_000_000_000, "given"),
                            ("Hà Nội", "Quảng Nam", 10_000_000_000, "given"),
                            ("Hà Nội", "Quảng Ngãi", 10_000_000_000, "given")]


def test_events_by_last_weekday_the_same_day_undated_and_with_a_foreign_partner():
    ex = run(
        "Da Nang helps flood-hit neighbours\n"
        "Published: December 27, 2016\n"
        "Last Saturday, a group of Da Nang's leaders visited and donated Thua Thien Hue Province one billion VND.\n"
        "Also on the same day, Da Nang PC Vice Chairman Ho Ky Minh paid visits to Binh Dinh province and gave "
        "2 billion VND to Binh Dinh.",
        "")
    assert [(e.date, e.place) for e in ex.events] == [(date(2016, 12, 24), "Huế"), (date(2016, 12, 24), "Bình Định")]
    undated = run("HCMC and Ben Tre review cooperation\nLeaders of Ho Chi Minh City and Ben Tre held a conference "
                  "to review the cooperation agreement between the two localities.", "")
    assert [e.date for e in undated.events] == [None]
    foreign = run("Border provinces meet Guangxi\nOn March 3, 2019, Quang Ninh, Lang Son, Cao Bang and Ha Giang "
                  "held a conference with Guangxi in Nanning.", "2019-03-04")
    assert foreign.events == () and foreign.cooperation_pairs == ()


def test_officials_with_a_one_letter_middle_name_and_an_and_inside_a_department():
    ex = run(
        "Dien Bien and Ho Chi Minh City review cooperation\n"
        "Mr. Mùa A Vảng, Chairman of the Vietnam Fatherland Front Committee of Điện Biên Province, addressed the "
        "conference.\n"
        "At the conference, Quách Ngọc Tuân, Deputy Director of the Department of Planning and Investment of HCM "
        "City, said the two localities had signed a cooperation agreement.",
        "2023-06-01")
    assert officials(ex) == {
        "Mùa A Vảng": (("Chairman of the Vietnam Fatherland Front Committee",), "Điện Biên"),
        "Quách Ngọc Tuân": (("Deputy Director of the Department of Planning and Investment",), "Hồ Chí Minh")}


def test_a_charity_or_company_giving_is_no_province_funding():
    ex = run(
        "Red Cross helps flood-hit Nghe An and Ha Tinh\n"
        "The VRSC Central Committee on October 1 announced that Nghe An will receive 100 million VND while Ha Tinh "
        "will get 50 million VND.\n"
        "The Investment and Trade Consultancy Co Ltd has sent some 1,000 water filters worth 1.1 billion VND to "
        "flood-hit families in Nghe An.",
        "2022-10-02")
    assert ex.fundings == ()


def test_a_central_committee_member_who_is_a_provincial_secretary_is_the_province_s_official():
    ex = extract_text(
        "Nghe An and Hung Yen sign cooperation memorandum\n"
        "The conference was attended by the Nghe An's delegation including: Mr. Thai Van Long - Member of "
        "the Party Central Committee, Secretary of the Provincial Party Committee; Mr. Le Van Tam - Permanent "
        "Deputy Secretary of the Provincial Party Committee.",
        "2021-03-22", "Nghe An and Hung Yen sign cooperation memorandum")
    assert {o.name: o.province for o in ex.officials} == {"Thai Van Long": "Nghệ An", "Le Van Tam": "Nghệ An"}


def test_provinces_that_will_receive_aid_host_no_event_and_are_not_partners():
    ex = extract_text(
        "More aid for storm victims in central region\n"
        "Officials of the banking sector have raised VND6 billion for the central provinces. Specifically, "
        "Ha Tinh province and Quang Binh province will receive VND2 billion each, whilst Nghe An and Quang Tri "
        "provinces will be presented with VND1 billion each.",
        "2017-09-21", "More aid for storm victims in central region")
    assert ex.events == () and ex.cooperation_pairs == ()


def test_a_delegation_visiting_two_provinces_and_presenting_each_with_an_amount():
    ex = extract_text(
        "Quang Ninh helps the Central Highlands\n"
        "On November 14, a delegation led by Secretary of the Quang Ninh Provincial Party Committee Vu Van Dai "
        "visited Kon Tum and Gia Lai, presenting each province with 5 billion VND for recovery efforts.",
        "2025-11-15", "Quang Ninh helps the Central Highlands")
    assert fundings(ex) == [("Quảng Ninh", "Gia Lai", 5_000_000_000, "given"),
                            ("Quảng Ninh", "Kon Tum", 5_000_000_000, "given")]


def test_a_city_s_allocation_then_assistance_given_to_each_listed_province():
    ex = extract_text(
        "More aid for storm victims\n"
        "On September 20, Ho Chi Minh City authorities decided to allocate VND4.5 billion from the local fund "
        "for emergency aid for people in the central region.\n"
        "Financial assistance will be given to Ha Tinh, Nghe An and Quang Binh, with each province receiving "
        "VND1.5 billion (US$66,000).",
        "2017-09-21", "More aid for storm victims")
    assert fundings(ex) == [("Hồ Chí Minh", r, 1_500_000_000, "planned") for r in ("Hà Tĩnh", "Nghệ An", "Quảng Bình")]


def test_a_delegation_of_one_province_paying_a_visit_to_another_makes_a_pair():
    ex = extract_text(
        "City leaders pay pre-Tet visit to Quang Ngai\n"
        "On Wednesday morning, a group of Da Nang's leaders, led by municipal Party Committee Secretary Mr "
        "Tran Van An, paid a pre-Tet visit to Quang Ngai Province's authorities.",
        "2015-02-12", "City leaders pay pre-Tet visit to Quang Ngai")
    assert ex.cooperation_pairs == (("Quảng Ngãi", "Đà Nẵng"),)


def test_a_visit_abroad_is_no_pair():
    ex = extract_text(
        "Leaders visit Laos\n"
        "A delegation of Quang Tri's leaders visited Savannakhet province of Laos and Hue city guests.",
        "2015-02-12", "Leaders visit Laos")
    assert ex.cooperation_pairs == ()


def test_a_provincial_post_before_2025_can_be_hue_s():
    ex = extract_text(
        "Hue and Hanoi sign cooperation minutes\n"
        "Attending the meeting between the Standing Committee of Thua Thien Hue Provincial Party Committee and "
        "Hanoi City Party Committee on the afternoon of June 14 were Party Central Committee member, Provincial "
        "Party Secretary Le Van Luu, and Chairman of the provincial People's Committee Phan Van Tho.",
        "2019-06-15", "Hue and Hanoi sign cooperation minutes")
    assert {o.name: o.province for o in ex.officials} == {"Le Van Luu": "Huế", "Phan Van Tho": "Huế"}


def test_a_city_and_a_counted_group_of_provinces_sign_as_two_sides():
    ex = run("Hanoi links tourism with the Northeast\n"
             "On July 3, leaders of Hanoi and 4 provinces, including Cao Bang, Bac Kan, Lang Son and Ha Giang, "
             "signed an agreement on tourism development cooperation in the 2023-2025 period.", "2023-07-04")
    assert sorted(ex.cooperation_pairs) == [("Bắc Kạn", "Hà Nội"), ("Cao Bằng", "Hà Nội"), ("Hà Giang", "Hà Nội"),
                                            ("Hà Nội", "Lạng Sơn")]
    (agreement,) = ex.agreements
    assert sorted(agreement.parties) == ["Bắc Kạn", "Cao Bằng", "Hà Giang", "Hà Nội", "Lạng Sơn"]
    assert agreement.period == "2023-2025"


def test_a_total_allocated_to_a_group_then_its_named_members_pairs_the_giver_with_each():
    ex = run("Hanoi supports flood-hit provinces\n"
             "On October 20, Hanoi's Party chief ordered the allocation of VND6 billion from Hanoi's relief fund to "
             "the four hardest hit localities which are Quang Binh, Quang Tri, Ha Tinh and Nghe An provinces.",
             "2020-10-21")
    assert sorted(ex.cooperation_pairs) == [("Hà Nội", "Hà Tĩnh"), ("Hà Nội", "Nghệ An"), ("Hà Nội", "Quảng Bình"),
                                            ("Hà Nội", "Quảng Trị")]
    assert ex.fundings == ()  # one total for four, no share of each


def test_a_meeting_whose_sentence_names_a_party_only_in_a_title_is_kept():
    ex = run("HCM City and Binh Thuan boost cooperation\n"
             "HCM City and Binh Thuan Province signed a co-operation programme for 2023-2025.\n"
             "A visiting city delegation led by Nguyen Van A, chairman of the HCM City People's Committee, had a "
             "meeting with provincial leaders on April 14 to discuss socio-economic co-operation.", "2023-04-16")
    assert "2023-04-14" in [e.date.isoformat() for e in ex.events if e.date]


def test_receiving_a_delegation_on_a_day_is_an_event():
    ex = run("HCM City welcomes Long An delegation\n"
             "Secretary of the Ho Chi Minh City Party Committee, Nguyen Van B, received a delegation from the "
             "Standing Committee of the Long An Provincial Party Committee on February 5. Ho Chi Minh City and "
             "Long An signed a cooperation agreement in 2021.", "2024-02-06")
    assert [e.date.isoformat() for e in ex.events if e.date] == ["2024-02-05"]


def test_a_tie_up_between_a_city_and_the_provinces_of_a_list_pairs_the_city_with_each():
    ex = run("HCM City, Mekong provinces boost tourism\n"
             "The tourism tie-up during the 2024-2026 period aims at developing more offerings between HCM City "
             "and the three provinces of Ben Tre, Tra Vinh and Vinh Long.", "2024-05-02")
    assert sorted(ex.cooperation_pairs) == [("Bến Tre", "Hồ Chí Minh"), ("Hồ Chí Minh", "Trà Vinh"),
                                            ("Hồ Chí Minh", "Vĩnh Long")]


def test_one_city_tasked_to_aid_another_is_a_pair():
    ex = run("Cities assigned to help flood-hit provinces\n"
             "Specifically, Hanoi will aid Quang Ngai; Ho Chi Minh City will assist Phu Yen; and Hai Phong will back "
             "Binh Dinh.", "2025-11-22")
    assert sorted(ex.cooperation_pairs) == [("Bình Định", "Hải Phòng"), ("Hà Nội", "Quảng Ngãi"),
                                            ("Hồ Chí Minh", "Phú Yên")]


def test_an_amount_including_a_part_for_the_same_province_is_one_gift():
    ex = run("Dong Nai supports Cao Bang\n"
             "On this occasion, Nguyen Van C, Vice Chairman of the Dong Nai Provincial People's Committee, handed "
             "over 4 billion VND to support Cao Bang's disaster recovery efforts, including 1 billion VND earmarked "
             "for officers of the Cao Bang Provincial Police affected by the floods.", "2025-10-20")
    assert [(f.donor, f.recipient, f.amount_vnd) for f in ex.fundings] == [("Đồng Nai", "Cao Bằng", 4_000_000_000)]


def test_a_province_s_red_cross_giving_is_a_charity_not_the_province():
    ex = run("Red Cross supports flood victims\n"
             "On August 13, the Red Cross Society of Thai Nguyen province donated 60 million VND to share "
             "difficulties with the victims of floods in Bac Kan province.", "2024-08-14")
    assert ex.fundings == () and ex.cooperation_pairs == ()


def test_a_partner_named_through_the_province_of():
    ex = run("Tourism news\n"
             "HCM City and the south-central province of Ninh Thuan have agreed to step up co-operation "
             "in tourism and trade promotion.", "2023-04-15T08:00:00+07:00")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Ninh Thuận"),)
    ex = run("Tourism in Ninh Thuan\nVisitors from HCM City and the central city of Da Nang flocked to "
             "Ninh Thuan beaches.", "2023-04-15T08:00:00+07:00")
    assert ex.cooperation_pairs == ()


def test_provinces_signing_with_a_foreign_region_are_not_each_others_parties():
    ex = run("Northern provinces strengthen ties\nRepresentatives from northern border provinces of Cao Bang, "
             "Lang Son, Quang Ninh and Ha Giang and China's Guangxi Zhuang Autonomous Region on February 25 "
             "signed a memorandum of understanding on their friendship cooperation for 2022-2026.",
             "2022-02-26T08:00:00+07:00")
    assert ex.agreements == () and ex.cooperation_pairs == ()


def test_a_department_of_the_hub_signing_with_the_departments_of_other_provinces():
    ex = run("Tourism news\nAt a signing ceremony on September 24 in Buon Ma Thuot, Dak Lak Province, the Hanoi "
             "Department of Tourism formalized a cooperation pact with the departments of Culture, Sports, and "
             "Tourism from Dak Lak, Gia Lai, Khanh Hoa, Lam Dong, and Quang Ngai.", "2025-09-25T08:00:00+07:00")
    members = ("Gia Lai", "Khánh Hòa", "Lâm Đồng", "Quảng Ngãi", "Đắk Lắk")
    assert [a.parties for a in ex.agreements] == [tuple(sorted(("Hà Nội", *members)))]
    # a document of named parties (not a region as one side): every pair of them (docs/annotation.md)
    assert len(ex.cooperation_pairs) == 15


def test_a_working_session_with_a_delegation_and_two_departments_organising_together():
    ex = run("News\nBinh Duong province's Party Committee Permanent Vice-Secretary Vu Minh Sang, on April 21, had a "
             "working session with a delegation of leaders from central Binh Dinh province.",
             "2023-04-22T08:00:00+07:00")
    assert ex.cooperation_pairs == (("Bình Dương", "Bình Định"),)
    ex = run("News\nContinuing regional linkage, from November 11 to 14, the Hanoi Department of Tourism and the Lai Chau Department of "
             "Culture, Sports and Tourism organized a survey team for new tours.", "2025-11-20T08:00:00+07:00")
    assert ex.cooperation_pairs == (("Hà Nội", "Lai Châu"),)
    ex = run("News\nThe Hanoi Department of Health had a working session with the Ministry of Health on "
             "vaccines for Lai Chau.", "2025-11-20T08:00:00+07:00")
    assert ex.cooperation_pairs == ()


def test_a_cooperation_programme_in_force_is_an_agreement():
    ex = run("News\nHo Chi Minh City businesses have invested in 44 projects in Tien Giang, as part of the "
             "10-year-old cooperation programme between the two localities.", "2019-05-06T08:00:00+07:00",
             "Ho Chi Minh City and Tien Giang")
    assert [(a.parties, a.status) for a in ex.agreements] == [(("Hồ Chí Minh", "Tiền Giang"), "signed")]
    ex = run("News\nHanoi's trade agreements helped exports to Da Nang and Hai Phong last year.",
             "2019-05-06T08:00:00+07:00")
    assert ex.agreements == ()


def test_a_title_before_the_comma_that_precedes_the_name():
    ex = run("News\nDeputy Chairman of the People's Committee of HCMC, Le Hoa Binh gives a donation to "
             "Dong Thap.\nIn Dong Thap, Nguyen Van Bay said the money was welcome.", "2020-01-20T08:00:00+07:00")
    assert officials(ex) == {"Le Hoa Binh": (("Deputy Chairman of the People's Committee",), "Hồ Chí Minh")}


def test_an_officer_of_the_national_assembly_is_central():
    ex = run("News\nStanding Vice Chairman of the National Assembly Tran Thanh Man and a working delegation "
             "from Hai Phong visited Hau Giang.", "2024-01-02T08:00:00+07:00")
    assert officials(ex) == {"Tran Thanh Man": (("Standing Vice Chairman of the National Assembly",), None)}


def test_an_abbreviation_in_brackets_inside_a_title():
    ex = run("News\nLast Saturday, a group of Da Nang's leaders, led by municipal People's Committee (PC) Vice "
             "Chairman Dang Viet Dung, visited and donated Thua Thien Hue Province one billion VND.",
             "2016-12-27T08:00:00+07:00")
    assert officials(ex) == {"Dang Viet Dung": (("municipal People's Committee (PC) Vice Chairman",), "Đà Nẵng")}


def test_money_handed_over_in_a_story_with_no_event_of_its_own_is_one_undated_handover():
    ex = run("News\nOn this occasion, on behalf of Dong Nai Province, its Party Secretary handed over 6 billion "
             "VND to support Lang Son's disaster recovery efforts.", "2025-11-05T08:00:00+07:00")
    assert [(e.kind, e.date, e.place, e.organisers) for e in ex.events] == [
        ("handover ceremony", None, "Lạng Sơn", ("Đồng Nai",))]
    ex = run("News\nThe Dong Nai delegation visited Lang Son on November 4 and handed over 6 billion VND to "
             "support Lang Son.", "2025-11-05T08:00:00+07:00")
    assert [e.date.isoformat() for e in ex.events] == ["2025-11-04"]  # its own, dated event only


def test_three_provinces_listed_and_acting_together_are_each_others_partners():
    ex = run("News\nThe three localities of Nghe An, Thanh Hoa, and Ninh Binh collaborated to organise a "
             "tourism promotion conference on Thursday.", "2025-04-11T08:00:00+07:00")
    assert set(ex.cooperation_pairs) == {("Nghệ An", "Ninh Bình"), ("Nghệ An", "Thanh Hóa"),
                                         ("Ninh Bình", "Thanh Hóa")}
    ex = run("News\nLeaders of HCM City and eight provinces, including Phu Tho, Dien Bien and Ha Giang signed a "
             "tourism cooperation agreement.", "2025-04-11T08:00:00+07:00")
    assert ("Phú Thọ", "Điện Biên") not in ex.cooperation_pairs  # a hub's members, not each other


def test_a_plural_post_before_a_list_of_names_gives_each_name_its_post():
    ex = run(
        "Leaders raise funds for storm-hit provinces\n"
        "Prime Minister Nguyen Van An, Deputy PMs Tran Van Binh, Le Thi Cuc and Pham Van Dung attended the launch.\n"
        "Deputy Directors of the Departments of Culture and Tourism of Ben Tre and Tra Vinh provinces Nguyen Thi "
        "Hoa and Lam Van Phuc noted that the two localities had signed a tourism agreement.\n"
        "The meeting saw HCMC's leaders including Chairman and Vice Chairman of the municipal People's Committee "
        "Phan Van Mai and Vo Van Hoan.\n"
        "Deputy Prime Minister and Minister of Finance Ho Van Phuoc has signed a decision on the aid.",
        "2023-09-21")
    got = officials(ex)
    deputy_pm = (("Deputy Prime Minister",), None)
    assert (got["Tran Van Binh"], got["Le Thi Cuc"], got["Pham Van Dung"]) == (deputy_pm, deputy_pm, deputy_pm)
    culture = ("Deputy Director of the Department of Culture and Tourism",)
    assert (got["Nguyen Thi Hoa"], got["Lam Van Phuc"]) == ((culture, "Bến Tre"), (culture, "Trà Vinh"))
    assert (got["Phan Van Mai"], got["Vo Van Hoan"]) == (
        (("Chairman of the municipal People's Committee",), "Hồ Chí Minh"),
        (("Vice Chairman of the municipal People's Committee",), "Hồ Chí Minh"))
    assert got["Ho Van Phuoc"][1] is None


def test_relief_delivered_on_a_day_is_an_event():
    ex = run(
        "Dong Nai provides 6 billion VND to support Lang Son\n"
        "On the morning of November 4, Vu Hong Van, Secretary of the Dong Nai Provincial Party Committee, "
        "delivered financial aid of 6 billion VND to Lang Son province to support recovery efforts.",
        "2025-11-05T21:08:00+07:00")
    assert [(str(e.date), e.place) for e in ex.events] == [("2025-11-04", "Lạng Sơn")]


def test_relief_handed_over_and_experience_exchanged_are_events():
    ex = run(
        "Hanoi and Hoa Binh share experience\n"
        "Leaders from Hanoi and the northern province of Hoa Binh on April 18 exchanged state management "
        "experience in agriculture and tourism.",
        "2024-04-19T08:00:00+07:00")
    assert [(str(e.date), e.kind) for e in ex.events] == [("2024-04-18", "working session")]
    ex = run(
        "Da Nang supports Gia Lai with relief goods\n"
        "This morning (November 26), Da Nang city continued to hand over 50 tons of relief goods to Gia Lai "
        "province.",
        "2025-11-26T10:00:00+07:00")
    assert [(str(e.date), e.kind, e.place) for e in ex.events] == [("2025-11-26", "handover ceremony", "Gia Lai")]


def test_an_undated_page_takes_the_year_of_a_full_date_it_gives():
    ex = run(
        "Da Nang supports Gia Lai with relief goods\n"
        "As of November 25, 2025, floods had left more than 100 people dead in the region.\n"
        "On November 26, Da Nang city continued to hand over 50 tons of relief goods to Gia Lai province.",
        "")
    assert [(str(e.date), e.place) for e in ex.events] == [("2025-11-26", "Gia Lai")]


def test_an_undated_page_takes_a_may_date_with_its_year_or_the_year_its_sentence_names():
    deadline = run(
        "Quang Binh and Quang Tri prepare their merger\n"
        "On the afternoon of April 17, the Standing Committees of Quang Binh and Quang Tri Provincial Party "
        "Committees held a conference in Dong Hoi City.\n"
        "Quang Binh will submit the merger project to the Government before May 1, 2025.",
        "")
    assert [str(e.date) for e in deadline.events] == ["2025-04-17"]
    named = run(
        "Conference promotes inter-regional tourism\n"
        "A conference of Ninh Binh, Thanh Hoa, Nghe An and Ha Tinh provinces took place on April 13, within "
        "the framework of the Vietnam International Tourism Mart - Hanoi 2023.",
        "")
    assert [str(e.date) for e in named.events] == ["2023-04-13"]
    span = run(
        "Conference promotes inter-regional tourism\n"
        "A conference of Ninh Binh and Thanh Hoa provinces took place on April 13 to review their 2021-2025 plan.",
        "")
    assert [e.date for e in span.events] == [None]


def test_a_memorandum_of_cooperation_is_an_agreement():
    ex = run(
        "Nghe An and Hung Yen sign memorandum\n"
        "On March 30, the Standing Committees of Nghe An Provincial Party Committee and Hung Yen Provincial "
        "Party Committee held a conference to sign a memorandum of cooperation between the two provinces.",
        "2024-03-31T08:00:00+07:00")
    assert [(a.parties, a.kind) for a in ex.agreements] == [(("Hưng Yên", "Nghệ An"), "memorandum of cooperation")]
    assert ex.cooperation_pairs == (("Hưng Yên", "Nghệ An"),)


def test_a_city_and_a_region_s_listed_localities_pair_the_city_with_each():
    pairs = set(run(
        "Hanoi promotes links with the delta\n"
        "The exhibition is part of activities to promote cooperation between Hanoi and Red River Delta "
        "localities, including Quang Ninh, Ha Nam and Thai Binh.\n"
        "The agreement was inked by the central coastal provinces of Phu Yen, Khanh Hoa and Binh Thuan and "
        "the Central Highlands provinces of Lam Dong and Dak Lak.",
        "2023-08-26").cooperation_pairs)
    assert {p for p in pairs if "Hà Nội" in p} == {("Hà Nam", "Hà Nội"), ("Hà Nội", "Quảng Ninh"),
                                                 ("Hà Nội", "Thái Bình")}
    assert ("Bình Thuận", "Lâm Đồng") in pairs and ("Khánh Hòa", "Lâm Đồng") in pairs  # not a hub: a list's tail


def test_two_provinces_party_committees_holding_a_conference_are_partners():
    ex = run(
        "Two provinces prepare to merge\n"
        "On the afternoon of April 17, in Dong Hoi City, the Standing Committee of Quang Binh Provincial Party "
        "Committee and the Standing Committee of Quang Tri Provincial Party Committee held a Conference to "
        "implement the next steps of the roadmap.\n"
        "Hanoi and Ho Chi Minh City held fireworks displays at many places.",
        "2025-04-18")
    assert ex.cooperation_pairs == (("Quảng Bình", "Quảng Trị"),)


def test_cities_joined_by_dashes_in_a_twinning_are_each_others_partners():
    ex = run(
        "Hanoi - Hue - Saigon: a lasting friendship\n"
        "On October 8, 1960, there took place a twinned friendship ceremony of three cities: Hanoi - Hue - "
        "Saigon.\n"
        "Tourists travel Hanoi - Hue - Da Nang by train every summer.",
        "2020-09-23")
    assert set(ex.cooperation_pairs) == {("Huế", "Hà Nội"), ("Huế", "Hồ Chí Minh"), ("Hà Nội", "Hồ Chí Minh")}


def test_donations_received_from_many_and_a_total_for_many_provinces_are_no_one_s_gift():
    ex = run(
        "Hanoi supports Gia Lai\n"
        "As of November 24, 2025, Hanoi city has supported 22 provinces and cities with a total amount of 188 "
        "billion VND.\n"
        "Hanoi gave 50 billion VND to Gia Lai province to overcome the consequences of floods.\n"
        "According to reports at the conference, Gia Lai received 63.5 billion VND in donations to the housing "
        "programme.",
        "2025-11-26")
    assert fundings(ex) == [("Hà Nội", "Gia Lai", 50_000_000_000, "given")]


def test_a_meeting_of_a_dated_article_known_only_from_its_speakers_is_an_undated_event():
    ex = run(
        "HCMC and Vinh Long promote trade\n"
        "Vice Chairwoman of the HCMC People's Committee Phan Thi Thang speaks at the conference.\n"
        "The cooperation between Ho Chi Minh City and Vinh Long province has brought results in trade and tourism.",
        "2022-11-16")
    assert [(e.date, e.kind) for e in ex.events] == [(None, "conference")]
    dated = run(
        "HCMC and Vinh Long promote trade\n"
        "On November 15, HCMC and Vinh Long signed a cooperation agreement at a conference in Vinh Long.\n"
        "Speaking at the conference, Vice Chairwoman Phan Thi Thang praised the cooperation.",
        "2022-11-16")
    assert [(e.date, e.kind) for e in dated.events] == [(date(2022, 11, 15), "signing ceremony")]


def test_heads_of_national_administrations_are_central_officials():
    ex = run(
        "Three provinces link tourism\n"
        "Speaking at the conference, Nguyen Trung Khanh, Chairman of the Vietnam National Administration of "
        "Tourism, suggested that Ninh Binh, Thanh Hoa and Nghe An cooperate on tours.",
        "2023-04-14")
    assert officials(ex)["Nguyen Trung Khanh"][1] is None


def test_a_programme_whose_results_are_reported_is_in_force():
    ex = run(
        "Hanoi and Hoa Binh cooperate on farm produce\n"
        "At the meeting, Secretary of the Hoa Binh Party Committee Nguyen Phi Long presented the results of the "
        "agricultural cooperation program between Hanoi and Hoa Binh over the past period.",
        "2022-06-10")
    assert [(a.parties, a.status) for a in ex.agreements] == [(("Hà Nội", "Hòa Bình"), "signed")]


def test_an_amount_per_house_is_no_gift_and_a_fund_from_a_province_is_that_province_s():
    ex = run(
        "HCMC supports Quang Ngai\n"
        "Specifically, the HCMC delegation provided VND10 billion in support to Quang Ngai Province, including "
        "funding to build houses for residents with VND60 million per house.\n"
        "The delegation also funded two houses with VND100 million each in Quang Ngai.\n"
        "The People's Committee of Ca Mau province held a groundbreaking ceremony to build a school with a "
        "support fund of 20 billion VND from Ninh Binh province.",
        "2025-11-20")
    assert fundings(ex) == [("Hồ Chí Minh", "Quảng Ngãi", 10_000_000_000, "given"),
                            ("Ninh Bình", "Cà Mau", 20_000_000_000, "given")]


def test_a_disbursed_total_then_the_amounts_allotted_to_each_province():
    ex = extract_text(
        "Fatherland Front calls for help for storm victims\n"
        "The Hanoi Fatherland Front announced today that it would disburse VND7 billion from its Rescue Fund to "
        "help people in six central provinces. Quang Binh, the hardest-hit province, has been allotted VND2 "
        "billion, while Nghe An, Ha Tinh, Quang Tri, Thanh Hoa and Thua Thien-Hue provinces are to receive VND1 "
        "billion each.",
        "2013-10-04", "Fatherland Front calls for help for storm victims")
    assert sorted((f.donor, f.recipient, f.amount_vnd) for f in ex.fundings) == sorted([
        ("Hà Nội", "Hà Tĩnh", 1_000_000_000), ("Hà Nội", "Huế", 1_000_000_000),
        ("Hà Nội", "Nghệ An", 1_000_000_000), ("Hà Nội", "Quảng Bình", 2_000_000_000),
        ("Hà Nội", "Quảng Trị", 1_000_000_000), ("Hà Nội", "Thanh Hóa", 1_000_000_000)])


def test_a_possessive_ends_a_name_and_the_national_front_is_central():
    ex = extract_text(
        "Storm relief\n"
        "The team located sites linked to President Hồ Chí Minh’s first visit to the Soviet Union.\n"
        "Secretary of the Nghe An Provincial Party Committee Thai Thanh Quy's speech was welcomed.\n"
        "Chairman of the Vietnam Fatherland Front Nguyen Thien Nhan has urged people to help the victims.",
        "2013-10-04", "Storm relief")
    assert officials(ex) == {
        "Thai Thanh Quy": (("Secretary of the Provincial Party Committee",), "Nghệ An"),
        "Nguyen Thien Nhan": (("Chairman of the Vietnam Fatherland Front",), None)}


def test_one_provinces_leader_meeting_another_provinces_organ():
    ex = extract_text(
        "Flood recovery\n"
        "On November 22, Vice Secretary of the HCMC Party Committee Nguyen Phuoc Loc met with the Khanh Hoa "
        "Provincial Fatherland Front Committee and relevant departments involved in addressing the damage caused by "
        "the recent floods in the province.",
        "2025-11-23", "Flood recovery")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Khánh Hòa"),)
    assert [e.date for e in ex.events] == [date(2025, 11, 22)]
    alone = extract_text(  # a province's leader meeting his own province's Front: no pair
        "Flood recovery\n"
        "On November 22, Secretary of the Khanh Hoa Provincial Party Committee Nghiem Xuan Thanh met with the "
        "Khanh Hoa Provincial Fatherland Front Committee.",
        "2025-11-23", "Flood recovery")
    assert alone.cooperation_pairs == ()


def test_a_union_delegation_giving_is_not_the_headline_province():
    ex = extract_text(
        "HCMC donates over VND5.7 bln in financial aid to flood-hit people\n"
        "A delegation of Ho Chi Minh City led by Deputy Chairwoman of the Municipal People’s Council Phan Thi Thang "
        "yesterday visited and handed over more than VND5.7 billion to people affected by recent floods in Thua "
        "Thien- Hue Province.\n"
        "On the same day, a delegation of Vietnam General Confederation of Labor gave VND6.3 billion to support "
        "flood-hit people in the Central provinces of Quang Ngai, Quang Nam, Thua Thien-Hue, Quang Tri, Quang Binh "
        "and Ha Tinh.",
        "2017-11-20", "HCMC donates over VND5.7 bln in financial aid to flood-hit people")
    assert ex.cooperation_pairs == (("Huế", "Hồ Chí Minh"),)
    assert [(f.donor, f.recipient, f.amount_vnd) for f in ex.fundings] == [("Hồ Chí Minh", "Huế", 5_700_000_000)]


def test_a_department_of_planning_and_investment_is_no_investing():
    ex = extract_text(
        "Tien Giang draws city investors\n"
        "Statistics from the Tien Giang Province Department of Planning and Investment indicated that Ho Chi Minh "
        "City businesses have invested in 44 projects worth 12 trillion VND (564 million USD) in Tien Giang.",
        "2016-01-01", "Tien Giang draws city investors")
    assert [(i.investor_province, i.host_province, i.projects, i.capital_vnd) for i in ex.investments] == [
        ("Hồ Chí Minh", "Tiền Giang", 44, 12_000_000_000_000)]


def test_a_delegation_received_and_two_provinces_leaders_attending():
    received = extract_text(
        "Hai Phong delegation visits HCMC\n"
        "On November 10, Vice Chairman of the Ho Chi Minh City People’s Council Tran Van Tuan received a working "
        "delegation led by Vice Secretary of the Party Committee and Chairman of the People’s Council of Hai Phong "
        "City, Le Van Hieu.",
        "2025-11-11", "Hai Phong delegation visits HCMC")
    assert received.cooperation_pairs == (("Hải Phòng", "Hồ Chí Minh"),)
    assert [e.date for e in received.events] == [date(2025, 11, 10)]
    attending = extract_text(
        "New tour launched\n"
        "Attending in the event were Deputy Chairwoman of the HCMC People’s Committee Phan Thi Thang, Deputy "
        "Chairman of the People’s Committee of Tay Ninh Province Vo Duc Trong and representatives of enterprises.",
        "2021-10-13", "New tour launched")
    assert attending.cooperation_pairs == (("Hồ Chí Minh", "Tây Ninh"),)


def test_the_capital_city_in_a_hanoi_story_and_a_programme_coordinating_two_localities():
    ex = extract_text(
        "Hoa Binh products in Hanoi supermarkets\n"
        "HÀ NỘI — Many key products of Hòa Bình have entered supermarkets in Hà Nội.\n"
        "The conference highlighted the results of the programme which coordinates trade between the capital city "
        "and Hòa Bình Province in the 2016-20 period.",
        "2022-08-19", "Hoa Binh products in Hanoi supermarkets")
    assert ex.cooperation_pairs == (("Hà Nội", "Hòa Bình"),)
    provincial = extract_text(  # a provincial capital is no Hanoi
        "Nghe An news\n"
        "Hà Nội donated books to Vinh, the capital of Nghe An, and the capital city of Ha Tinh received none.",
        "2022-08-19", "Nghe An news")
    assert all("Hà Nội" not in p or "Hà Tĩnh" not in p for p in provincial.cooperation_pairs)


def test_two_localities_joined_by_a_dash_in_the_name_of_their_conference():
    ex = extract_text(
        "Trade promotion\n"
        "Deputy Secretary of the municipal Party Committee Nguyen Van Hieu attends the Ho Chi Minh City- Vinh Long "
        "Province trade, investment and tourism promotion conference 2022.",
        "2022-06-20", "Trade promotion")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Vĩnh Long"),)
    road = extract_text(
        "Traffic\n"
        "The Ho Chi Minh City - Vinh Long Province expressway section will open to traffic in a week.",
        "2022-06-20", "Traffic")
    assert road.cooperation_pairs == ()


def test_a_member_named_as_a_side_of_a_citys_agreement_with_a_region():
    ex = extract_text(
        "HCMC cooperates with northern provinces\n"
        "A conference was held to review the Cooperation Agreement between Ho Chi Minh City and 9 Northern and North "
        "Central provinces for the period 2023-2024. On the side of Nghe An province, there was comrade Bui Thanh An, "
        "Vice Chairman of the Provincial People's Committee.",
        "2024-10-03", "HCMC cooperates with northern provinces")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Nghệ An"),)


def test_a_memorandum_presented_and_minutes_of_agreement_signed():
    mou = extract_text(
        "Tourism links\n"
        "Khanh Hoa Department of Tourism and Dak Lak Department of Culture, Sports and Tourism presented a Memorandum "
        "of Understanding on cooperation and association in tourism development for the 2023-2025 period.",
        "2023-05-10", "Tourism links")
    assert [a.parties for a in mou.agreements] == [("Khánh Hòa", "Đắk Lắk")]
    minutes = extract_text(
        "Hai Van Gate\n"
        "The leaders of the People's Committees of Da Nang and Thua Thien-Hue signed the minutes of agreement on the "
        "Hai Van Gate project.",
        "2019-05-10", "Hai Van Gate")
    assert [a.parties for a in minutes.agreements] == [("Huế", "Đà Nẵng")]


def test_the_last_giving_verb_governs_an_amount_and_each_before_the_share_splits_a_total():
    ex = run(
        "Hanoi donates rice to HCM City\n"
        "Earlier, Hanoi presented a PCR testing system to HCM City, and donated 12 billion VND (0.5 million USD) "
        "to four southern cities and provinces, including Tien Giang, Can Tho, Ca Mau and Long An, with each "
        "3 billion VND.",
        "2021-08-19T08:00:00+07:00")
    assert sorted((f.donor, f.recipient, f.amount_vnd) for f in ex.fundings) == [
        ("Hà Nội", r, 3_000_000_000) for r in ("Cà Mau", "Cần Thơ", "Long An", "Tiền Giang")]


def test_a_conference_between_a_city_and_the_peoples_committees_of_listed_provinces_or_held_in_a_member():
    listed = run(
        "HCMC promotes cooperation with Southeastern provinces\n"
        "The conference on coordination between the HCMC People's Committee and the People's Committees of "
        "Binh Duong, Dong Nai, Ba Ria - Vung Tau provinces took place in March.",
        "2023-07-07T08:00:00+07:00")
    assert listed.cooperation_pairs == (("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), ("Bình Dương", "Hồ Chí Minh"),
                                        ("Hồ Chí Minh", "Đồng Nai"))
    hosted = run(
        "Cooperation conference held\n"
        "A conference discussing the cooperation program between Ho Chi Minh City and the Southeast provinces "
        "was held on the morning of March 18 in Binh Phuoc Province.",
        "2023-03-18T08:00:00+07:00")
    assert hosted.cooperation_pairs == (("Bình Phước", "Hồ Chí Minh"),)


def test_co_organisers_and_the_provinces_they_coordinate_with_are_each_others_partners():
    ex = run(
        "Promoting tourism cooperation between HCMC and Northwest provinces\n"
        "The event was co-organized by Ho Chi Minh City and Phu Tho province, in coordination with the People's "
        "Committees of Dien Bien and Lai Chau provinces.",
        "2024-11-16T08:00:00+07:00")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Lai Châu"), ("Hồ Chí Minh", "Phú Thọ"), ("Hồ Chí Minh", "Điện Biên"),
                                    ("Lai Châu", "Phú Thọ"), ("Lai Châu", "Điện Biên"), ("Phú Thọ", "Điện Biên"))


def test_money_received_then_allocated_to_listed_provinces_pairs_the_allocator_with_each():
    ex = run(
        "HCM City supports storm-hit provinces\n"
        "By October 4, the HCM City Fatherland Front Committee had received more than VNĐ42.4 billion from over "
        "1,500 donors and allocated VNĐ47 billion to support severely affected provinces, including Nghệ An, "
        "Hà Tĩnh and Quảng Trị.",
        "2025-10-07T08:00:00+07:00")
    assert ex.cooperation_pairs == (("Hà Tĩnh", "Hồ Chí Minh"), ("Hồ Chí Minh", "Nghệ An"), ("Hồ Chí Minh", "Quảng Trị"))
    assert ex.fundings == ()


def test_a_long_named_conference_an_official_attends_is_its_pages_undated_event():
    ex = run(
        "HCMC and Vinh Long promote trade\n"
        "Deputy Secretary of the municipal Party Committee Nguyen Van Hieu attends the Ho Chi Minh City - Vinh Long "
        "Province trade, investment and tourism promotion conference 2022.",
        "2022-11-16T08:00:00+07:00")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Vĩnh Long"),)
    assert [(e.date, e.kind) for e in ex.events] == [(None, "conference")]


def test_a_visit_to_a_citys_organs_and_a_joint_delegation_of_listed_provinces():
    visit = run(
        "HCMC delegation visits Can Tho\n"
        "A delegation from Ho Chi Minh City this morning paid a pre-Tet visit to the Party Committee, People’s "
        "Council, People’s Committee and the Vietnam Fatherland Front Committee of Can Tho City.",
        "2026-02-12T08:00:00+07:00")
    assert visit.cooperation_pairs == (("Cần Thơ", "Hồ Chí Minh"),)
    joint = run(
        "Three provinces pay tribute\n"
        "The delegation from three provinces - Thanh Hoa, Nghe An and Ha Tinh - visited the Kim Lien relic site, "
        "offering flowers and incense.",
        "2023-12-09T08:00:00+07:00")
    assert joint.cooperation_pairs == (("Hà Tĩnh", "Nghệ An"), ("Hà Tĩnh", "Thanh Hóa"), ("Nghệ An", "Thanh Hóa"))


def test_an_attendance_list_that_goes_on_with_on_the_side_of_pairs_the_two_provinces():
    ex = run(
        "Northwest Culture Week opens in HCMC\n"
        "Attending the opening ceremony were comrade Tran Quoc Cuong, Secretary of the Dien Bien Provincial Party "
        "Committee. On the side of Ho Chi Minh City, there was comrade Phan Van Mai, Chairman of the city "
        "People's Committee.",
        "2023-12-05T08:00:00+07:00")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Điện Biên"),)
