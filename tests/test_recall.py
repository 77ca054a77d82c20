"""Recall on how real reporting states things: each text is written here (synthetic), after
phrasing seen in real pages (dates in the forms pages print them, organisers named after
``do``, ranges of days, ceremonies of other kinds)."""

from __future__ import annotations

from extract_helpers import extract_text, fundings, officials


def events(ex):
    return sorted(((e.date.isoformat() if e.date else "", e.kind, e.place, e.organisers) for e in ex.events))


def test_organisers_named_after_do_and_a_date_after_a_comma():
    ex = extract_text(
        "Tổng kết 5 năm hợp tác giữa Quảng Nam và Đà Nẵng\n"
        "Hôm nay, 25/4, tại huyện Duy Xuyên đã diễn ra hội nghị tổng kết 5 năm thực hiện Kết luận số 26 "
        "do Ban Thường vụ Tỉnh ủy Quảng Nam và Ban Thường vụ Thành ủy Đà Nẵng phối hợp tổ chức.",
        "2022-04-25", "Tổng kết 5 năm hợp tác giữa Quảng Nam và Đà Nẵng")
    assert events(ex) == [("2022-04-25", "hội nghị", None, ("Quảng Nam", "Đà Nẵng"))]
    assert ("Quảng Nam", "Đà Nẵng") in ex.cooperation_pairs


def test_a_range_of_days_dates_the_event_by_its_first_day():
    ex = extract_text(
        "Ba tỉnh sơ kết hợp tác du lịch\n"
        "Hội nghị sơ kết hợp tác phát triển du lịch giữa tỉnh Khánh Hòa và các tỉnh Phú Yên và Ninh Thuận "
        "năm 2024 diễn ra từ ngày 21 -22/11/2024 tại thành phố Nha Trang, tỉnh Khánh Hòa.\n"
        "Trong 3 ngày 19 - 21/10, đoàn công tác tỉnh Vĩnh Long đã đến thăm và trao quà hỗ trợ đồng bào "
        "tỉnh Thái Nguyên.",
        "2024-11-25", "Ba tỉnh sơ kết hợp tác du lịch")
    assert [d for d, *_ in events(ex)] == ["2024-10-19", "2024-11-21"]


def test_signing_a_capitalised_document_and_ceremonies_of_other_kinds():
    ex = extract_text(
        "Hải Dương và Phú Yên ký kết ghi nhớ hợp tác\n"
        "Chiều ngày 03/01/2020, Ban Thường vụ Tỉnh ủy Hải Dương và Ban Thường vụ Tỉnh ủy Phú Yên ký kết "
        "Biên bản ghi nhớ hợp tác và phát triển giai đoạn 2020-2025.",
        "2020-01-04", "Hải Dương và Phú Yên ký kết ghi nhớ hợp tác")
    assert events(ex) == [("2020-01-03", "lễ ký kết", None, ("Hải Dương", "Phú Yên"))]
    ex = extract_text(
        "Hợp long cầu nối Nghệ An và Hà Tĩnh\n"
        "Sáng 13/10, Bộ Giao thông vận tải phối hợp với 2 tỉnh Nghệ An – Hà Tĩnh tổ chức lễ hợp long "
        "công trình cầu Cửa Hội bắc qua sông Lam, nối hai tỉnh.",
        "2020-10-14", "Hợp long cầu nối Nghệ An và Hà Tĩnh")
    assert events(ex) == [("2020-10-13", "lễ", None, ("Nghệ An", "Hà Tĩnh"))]


def test_a_ceremony_with_a_foreign_city_is_not_an_event_between_provinces():
    ex = extract_text(
        "Nghệ An và Hà Tĩnh hợp tác phát triển\n"
        "Nghệ An và Hà Tĩnh ký kết chương trình hợp tác giai đoạn 2017-2020.\n"
        "Chiều 10/7, lãnh đạo tỉnh Nghệ An và thành phố Ulyanovsk (Liên bang Nga) đã tổ chức lễ đổi tên "
        "một trường phổ thông.",
        "2017-07-11", "Nghệ An và Hà Tĩnh hợp tác phát triển")
    assert "2017-07-10" not in [d for d, *_ in events(ex)]


def test_a_signing_among_a_city_and_a_bracketed_list_then_its_count():
    ex = extract_text(
        "TP.Hồ Chí Minh và các tỉnh miền Trung hợp tác phát triển du lịch\n"
        "Chiều 27.2, tại Quảng Ngãi, diễn ra hội nghị ký kết hợp tác phát triển du lịch giai đoạn 2013 - 2017 "
        "giữa TP.Hồ Chí Minh và các tỉnh miền Trung (gồm Quảng Ngãi, Quảng Nam, Đà Nẵng và Thừa Thiên Huế).\n"
        "Trong đó, tập trung vào 4 lĩnh vực chính, gồm: trao đổi thông tin; xúc tiến, quảng bá du lịch; "
        "sản phẩm du lịch liên vùng; quy hoạch kêu gọi đầu tư.",
        "2013-02-28", "TP.Hồ Chí Minh và các tỉnh miền Trung hợp tác phát triển du lịch")
    (agr,) = ex.agreements
    assert agr.parties == ("Huế", "Hồ Chí Minh", "Quảng Nam", "Quảng Ngãi", "Đà Nẵng")
    assert (agr.n_contents, agr.period, agr.status) == (4, "2013-2017", "signed")
    assert len(ex.cooperation_pairs) == 10
    lone = extract_text("Hà Nội: doanh nghiệp ký kết hợp tác\nHai doanh nghiệp ở Hà Nội và Đà Nẵng đã ký kết hợp tác.",
                        "2020-01-02", "Hà Nội: doanh nghiệp ký kết hợp tác")
    assert lone.agreements == ()


def test_a_day_without_a_year_in_an_undated_article_is_an_event_of_unknown_date():
    ex = extract_text(
        "Hưng Yên và Nghệ An ký kết chương trình hợp tác\n"
        "Chiều 27.2, tại Hưng Yên, diễn ra hội nghị ký kết chương trình hợp tác giữa tỉnh Hưng Yên và tỉnh Nghệ An.",
        "", "Hưng Yên và Nghệ An ký kết chương trình hợp tác")
    assert [(e.kind, e.date, e.place) for e in ex.events] == [("lễ ký kết", None, "Hưng Yên")]


def test_a_list_of_titles_each_before_its_name():
    ex = extract_text(
        "Khánh thành cầu nối Nghệ An và Hà Tĩnh\n"
        "Tham dự buổi lễ, tỉnh Nghệ An có Bí thư Tỉnh ủy Thái Thanh Quý, Phó Bí thư Thường trực Tỉnh ủy "
        "Nguyễn Xuân Sơn, Chủ tịch UBND tỉnh Nguyễn Đức Trung.",
        "2022-04-30", "Khánh thành cầu nối Nghệ An và Hà Tĩnh")
    assert officials(ex) == {
        "Thái Thanh Quý": (("Bí thư Tỉnh ủy",), "Nghệ An"),
        "Nguyễn Xuân Sơn": (("Phó Bí thư Thường trực Tỉnh ủy",), "Nghệ An"),
        "Nguyễn Đức Trung": (("Chủ tịch Ủy ban nhân dân",), "Nghệ An")}


def test_a_document_naming_its_provinces_and_a_numbered_conclusion():
    ex = extract_text(
        "Ba tỉnh đánh giá hợp tác\n"
        "Sáng 9/12, hội nghị đánh giá 1 năm thực hiện Biên bản ghi nhớ hợp tác phát triển 3 tỉnh Thanh Hóa - "
        "Nghệ An - Hà Tĩnh diễn ra tại Hà Tĩnh.\n"
        "Chiều nay tại huyện Duy Xuyên đã diễn ra hội nghị tổng kết 5 năm thực hiện Kết luận số 26-KL/TUQN-TUĐN "
        "do Ban Thường vụ Tỉnh ủy Quảng Nam và Ban Thường vụ Thành ủy Đà Nẵng phối hợp tổ chức.",
        "2024-12-09", "Ba tỉnh đánh giá hợp tác")
    assert sorted(a.parties for a in ex.agreements) == [("Hà Tĩnh", "Nghệ An", "Thanh Hóa"), ("Quảng Nam", "Đà Nẵng")]


def test_pairs_of_listed_partners_sides_of_a_meeting_and_three_provinces_among_themselves():
    ex = extract_text(
        "Hậu Giang liên kết với các tỉnh lân cận\n"
        "Lãnh đạo tỉnh Hậu Giang đã đến làm việc với các tỉnh Sóc Trăng, Kiên Giang và Bạc Liêu.\n"
        "Đoàn công tác tỉnh Vĩnh Long đã đến thăm, động viên đồng bào tỉnh Thái Nguyên và Bắc Ninh.\n"
        "Các nội dung hợp tác giữa 3 tỉnh Thanh Hóa - Nghệ An - Hà Tĩnh đã đạt kết quả bước đầu.",
        "2019-05-02", "Hậu Giang liên kết với các tỉnh lân cận")
    assert set(ex.cooperation_pairs) == {
        ("Hậu Giang", "Sóc Trăng"), ("Hậu Giang", "Kiên Giang"), ("Bạc Liêu", "Hậu Giang"),
        ("Thái Nguyên", "Vĩnh Long"), ("Bắc Ninh", "Vĩnh Long"),
        ("Nghệ An", "Thanh Hóa"), ("Hà Tĩnh", "Nghệ An"), ("Hà Tĩnh", "Thanh Hóa")}
    sides = extract_text(
        "Nghệ An và Quảng Ngãi làm việc\n"
        "Hai đồng chí đồng chủ trì cuộc làm việc. Về phía tỉnh Nghệ An có các đồng chí: Nguyễn Văn Thông. "
        "Về phía tỉnh Quảng Ngãi có các đồng chí: Đặng Văn Minh.",
        "2023-03-02", "Nghệ An và Quảng Ngãi làm việc")
    assert ("Nghệ An", "Quảng Ngãi") in sides.cooperation_pairs


def test_a_budget_split_per_province_and_a_list_as_one_total():
    ex = extract_text(
        "An Giang hỗ trợ khẩn cấp miền Trung\n"
        "Trước mắt, UBND tỉnh An Giang xuất ngân sách 600 triệu đồng để chia sẻ. Theo đó, hỗ trợ cho 2 tỉnh bị "
        "thiệt hại nặng nề là Quảng Bình và Hà Tĩnh với định mức 200 triệu đồng/tỉnh. Riêng Quảng Trị và Nghệ An, "
        "mỗi tỉnh là 100 triệu đồng.\n"
        "Bí thư Thành ủy Hà Nội gửi thư hỏi thăm, đồng thời hỗ trợ Hà Giang, Sơn La, Điện Biên 10 tỷ đồng.",
        "2016-10-20", "An Giang hỗ trợ khẩn cấp miền Trung")
    assert fundings(ex) == [("An Giang", "Hà Tĩnh", 200_000_000, "given"), ("An Giang", "Nghệ An", 100_000_000, "given"),
                            ("An Giang", "Quảng Bình", 200_000_000, "given"), ("An Giang", "Quảng Trị", 100_000_000, "given")]
    assert {("Hà Giang", "Hà Nội"), ("Hà Nội", "Sơn La"), ("Hà Nội", "Điện Biên")} <= set(ex.cooperation_pairs)


def test_a_delegation_going_to_two_provinces_then_to_each():
    ex = extract_text(
        "Vĩnh Long hỗ trợ Lào Cai, Yên Bái\n"
        "Chủ tịch UBND tỉnh Vĩnh Long dẫn đoàn công tác ra Lào Cai, Yên Bái, trao 3,5 tỷ đồng hỗ trợ cho người dân.\n"
        "Một ngày trước, ngày 6/11, đoàn công tác do ông Ngời dẫn đã tới tỉnh Lào Cai, trao số tiền 2 tỷ đồng "
        "cho đại diện tỉnh.",
        "2024-11-10", "Vĩnh Long hỗ trợ Lào Cai, Yên Bái")
    assert fundings(ex) == [("Vĩnh Long", "Lào Cai", 2_000_000_000, "given")]
    assert set(ex.cooperation_pairs) == {("Lào Cai", "Vĩnh Long"), ("Vĩnh Long", "Yên Bái")}


def test_goods_sent_to_a_city_an_abbreviated_title_and_a_dashed_pair_after_a_signing():
    ex = extract_text(
        "Bắc Kạn hỗ trợ TP Hồ Chí Minh hơn 350 tấn hàng hóa thiết yếu\n"
        "Chiều 28/8, tỉnh Bắc Kạn tổ chức lễ xuất hành đưa hơn 350 tấn hàng hóa thiết yếu gửi tới hỗ trợ "
        "TP Hồ Chí Minh phòng, chống dịch Covid-19.",
        "2021-08-28", "Bắc Kạn hỗ trợ TP Hồ Chí Minh hơn 350 tấn hàng hóa thiết yếu")
    assert ex.cooperation_pairs == (("Bắc Kạn", "Hồ Chí Minh"),) and ex.fundings == ()
    speech = extract_text(
        "Phát biểu tại lễ kỷ niệm\n"
        "(Phát biểu của đồng chí Bùi Văn Nam, UVT.Ư Đảng, Bí thư Tỉnh ủy Ninh Bình tại lễ kỷ niệm 53 năm kết "
        "nghĩa và ký kết hợp tác, phát triển Ninh Bình - Bạc Liêu).",
        "", "Phát biểu tại lễ kỷ niệm")
    assert speech.cooperation_pairs == (("Bạc Liêu", "Ninh Bình"),)
    assert [a.parties for a in speech.agreements] == [("Bạc Liêu", "Ninh Bình")]
    assert officials(speech) == {"Bùi Văn Nam": (("Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"), "Ninh Bình")}


def test_a_relief_delegation_at_several_places_is_one_undated_event_at_each():
    ex = extract_text(
        "Thành phố Cần Thơ hỗ trợ các tỉnh miền Trung\n"
        "Ngày 12-10, đoàn công tác của Thành ủy Cần Thơ đã đến thăm hỏi người dân vùng lũ Quảng Ngãi.\n"
        "Tại tỉnh Thừa Thiên - Huế, ông Trần Văn Khải, Phó Chủ tịch HĐND TP Cần Thơ, dẫn đầu đoàn công tác "
        "đã trao 80 suất quà cho các hộ dân ở xã Phong Hiền.\n"
        "Đoàn công tác của TP Cần Thơ đã thăm hỏi và trao quà cho người dân vùng lũ huyện Đại Lộc, "
        "đồng thời trao 500 triệu đồng cho lãnh đạo tỉnh Quảng Nam.",
        "2020-10-13", "Thành phố Cần Thơ hỗ trợ các tỉnh miền Trung")
    assert events(ex) == [
        ("", "lễ trao tặng", "Huế", ("Cần Thơ",)),
        ("", "lễ trao tặng", "Quảng Nam", ("Cần Thơ",)),
        ("2020-10-12", "chuyến thăm", "Quảng Ngãi", ("Cần Thơ",)),
    ]


def test_undated_hand_overs_at_named_places_leave_out_their_summary():
    ex = extract_text(
        "Hưng Yên hỗ trợ 3 tỉnh bị bão\n"
        "Tỉnh Hưng Yên thành lập 3 đoàn công tác đi trao tiền hỗ trợ 3 tỉnh này.\n"
        "Tại tỉnh Hà Tĩnh, đoàn công tác tỉnh Hưng Yên đã đến thăm, động viên và trao 2 tỷ đồng hỗ trợ "
        "người dân.",
        None, "Hưng Yên hỗ trợ 3 tỉnh bị bão")
    assert [(d, place) for d, _, place, _ in events(ex)] == [("", "Hà Tĩnh")]


def test_an_amount_for_each_before_the_list_it_goes_to():
    ex = extract_text(
        "Đồng Nai hỗ trợ các tỉnh phía Bắc\n"
        "Ủy ban MTTQ Việt Nam tỉnh Đồng Nai quyết định trích 4 tỷ đồng từ Quỹ cứu trợ. Cụ thể, Đồng Nai "
        "ủng hộ trực tiếp mỗi địa phương 1 tỷ đồng, gồm: Lào Cai, Yên Bái, Cao Bằng và thành phố Hải Phòng.",
        "2024-09-12", "Đồng Nai hỗ trợ các tỉnh phía Bắc")
    assert fundings(ex) == [("Đồng Nai", r, 1_000_000_000, "given")
                            for r in ("Cao Bằng", "Hải Phòng", "Lào Cai", "Yên Bái")]
    assert {f.purpose for f in ex.fundings} == {None}


def test_a_total_then_its_list_and_the_share_of_each_keeps_a_clean_purpose():
    ex = extract_text(
        "Hà Nội ủng hộ miền Trung\n"
        "Sáng 5/10, Thành ủy Hà Nội đã gửi điện thăm hỏi và ủng hộ 3 tỷ đồng, giúp đỡ các tỉnh Nghệ An, "
        "Hà Tĩnh, Quảng Bình (mỗi tỉnh 1 tỷ đồng).",
        "2010-10-06", "Hà Nội ủng hộ miền Trung")
    assert fundings(ex) == [("Hà Nội", r, 1_000_000_000, "given") for r in ("Hà Tĩnh", "Nghệ An", "Quảng Bình")]
    assert {f.purpose for f in ex.fundings} == {"giúp đỡ"}


def test_a_listed_side_signing_with_one_province_pairs_each_with_it_not_with_each_other():
    ex = extract_text(
        "Bình Định ký kết hợp tác du lịch với 3 tỉnh miền Tây\n"
        "Sáng nay (13/9), các tỉnh vùng Đồng bằng sông Cửu Long gồm Trà Vinh, Bến Tre và Vĩnh Long đã ký kết "
        "hợp tác phát triển du lịch với Bình Định.",
        "2018-09-13", "Bình Định ký kết hợp tác du lịch với 3 tỉnh miền Tây")
    assert ex.cooperation_pairs == (("Bình Định", "Bến Tre"), ("Bình Định", "Trà Vinh"), ("Bình Định", "Vĩnh Long"))


def test_the_leaders_of_two_provinces_signing_together_make_a_pair():
    ex = extract_text(
        "Hai tỉnh ký kết hợp tác phát triển\n"
        "Tại buổi lễ, đồng chí Trần Văn Nam, Chủ tịch Ủy ban nhân dân tỉnh Long An và đồng chí Lê Văn Bình, "
        "Chủ tịch Ủy ban nhân dân tỉnh Tiền Giang đã ký kết một số nội dung trọng tâm.",
        "2023-06-02", "Hai tỉnh ký kết hợp tác phát triển")
    assert ex.cooperation_pairs == (("Long An", "Tiền Giang"),)


def test_an_event_held_with_listed_provinces_pairs_each_with_each_and_the_old_spelling_counts():
    ex = extract_text(
        "Khai mạc Tuần văn hóa vùng Việt Bắc\n"
        "Lễ khai mạc diễn ra tối 9/10 tại thành phố Lạng Sơn, với sự tham gia của 3 tỉnh vùng Việt Bắc "
        "gồm Lạng Sơn, Bắc Cạn và Cao Bằng.",
        "2019-10-10", "Khai mạc Tuần văn hóa vùng Việt Bắc")
    assert ex.cooperation_pairs == (("Bắc Kạn", "Cao Bằng"), ("Bắc Kạn", "Lạng Sơn"), ("Cao Bằng", "Lạng Sơn"))


def test_the_remaining_provinces_of_a_listed_total_each_get_their_share():
    ex = extract_text(
        "Quảng Ngãi hỗ trợ 2,5 tỷ đồng cho các tỉnh miền Trung\n"
        "UBND tỉnh vừa có quyết định hỗ trợ 3 tỉnh Quảng Bình, Thừa Thiên – Huế, Quảng Trị và TP Đà Nẵng 2,5 tỷ "
        "đồng để khắc phục hậu quả bão số 5.\n"
        "Cụ thể, thành phố Đà Nẵng được hỗ trợ 1 tỷ đồng, 3 tỉnh còn lại, mỗi tỉnh 500 triệu đồng.",
        "2022-10-20", "Quảng Ngãi hỗ trợ 2,5 tỷ đồng cho các tỉnh miền Trung")
    assert fundings(ex) == [("Quảng Ngãi", "Huế", 500_000_000, "given"),
                            ("Quảng Ngãi", "Quảng Bình", 500_000_000, "given"),
                            ("Quảng Ngãi", "Quảng Trị", 500_000_000, "given"),
                            ("Quảng Ngãi", "Đà Nẵng", 1_000_000_000, "given")]


def test_today_in_the_paragraph_dates_a_delegation_visit_and_a_listed_side_hosts_nothing_together():
    ex = extract_text(
        "Các địa phương hỗ trợ miền Trung\n"
        "Hôm nay, các tỉnh thành đã triển khai chủ trương của Bộ Chính trị. Bí thư Thành ủy Hải Phòng "
        "dẫn đầu đoàn công tác thăm Phú Yên, trao hỗ trợ 20 tỷ đồng.\n"
        "Sáng 13/9, các tỉnh Trà Vinh, Bến Tre và Vĩnh Long đã ký kết hợp tác phát triển du lịch với Bình Định.",
        "2025-11-22", "Các địa phương hỗ trợ miền Trung")
    assert events(ex) == [("2025-09-13", "lễ ký kết", None, ()),
                          ("2025-11-22", "lễ trao tặng", "Phú Yên", ("Hải Phòng",))]
    assert ("Bến Tre", "Trà Vinh") not in ex.cooperation_pairs


def test_bare_titles_take_the_province_of_their_side_clause_or_of_the_paragraph():
    ex = extract_text(
        "Hai tỉnh dự lễ hợp long cầu\n"
        "Sáng 13/10, Bộ Giao thông vận tải phối hợp với hai tỉnh tổ chức lễ hợp long cầu. Tham dự buổi lễ, tỉnh "
        "Thái Bình có Bí thư Tỉnh ủy Lê Văn Hải, Chủ tịch UBND tỉnh Trần Minh Tâm; tỉnh Nam Định có Bí thư "
        "Tỉnh ủy Phạm Quốc Toản.\n"
        "Sáng 22-4, UBND tỉnh Quảng Ninh tổ chức Hội nghị tuyên dương. Ông Nguyễn Văn Đức, Bí thư Tỉnh ủy, "
        "ông Đặng Văn Hậu, Phó Chủ tịch UBND tỉnh, dự hội nghị.",
        "2020-10-13", "Hai tỉnh dự lễ hợp long cầu")
    assert officials(ex) == {
        "Lê Văn Hải": (("Bí thư Tỉnh ủy",), "Thái Bình"),
        "Trần Minh Tâm": (("Chủ tịch Ủy ban nhân dân",), "Thái Bình"),
        "Phạm Quốc Toản": (("Bí thư Tỉnh ủy",), "Nam Định"),
        "Nguyễn Văn Đức": (("Bí thư Tỉnh ủy",), "Quảng Ninh"),
        "Đặng Văn Hậu": (("Phó Chủ tịch Ủy ban nhân dân",), "Quảng Ninh"),
    }


def test_money_handed_to_a_province_s_leaders_is_the_province_s():
    ex = extract_text(
        "TP.HCM cứu trợ miền Trung\n"
        "Chiều 8-11, đoàn công tác của TP.HCM đã trao 1 tỉ đồng cho lãnh đạo TP Đà Nẵng.",
        "2017-11-09", "TP.HCM cứu trợ miền Trung")
    assert fundings(ex) == [("Hồ Chí Minh", "Đà Nẵng", 1_000_000_000, "given")]
    assert [(d, place) for d, _, place, _ in events(ex)] == [("2017-11-08", "Đà Nẵng")]


def test_money_handed_over_with_goods_goes_to_the_province_named_after_the_goods():
    ex = extract_text(
        "Hải Phòng chi viện Đắk Lắk\n"
        "Trước đó, ngày 23-11, TP Hải Phòng đã trao đợt 2 với số tiền 40 tỷ đồng cùng nhiều loại thuốc men, vật tư "
        "y tế trị giá 2 tỷ đồng cho tỉnh Đắk Lắk.",
        "2025-12-02", "Hải Phòng chi viện Đắk Lắk")
    assert fundings(ex) == [("Hải Phòng", "Đắk Lắk", 40_000_000_000, "given")]


def test_a_post_ends_before_dan_dau_so_the_delegation_s_leader_keeps_his_province():
    ex = extract_text(
        "Đồng Nai hỗ trợ Lào Cai\n"
        "Sáng ngày 3/11, Đoàn công tác tỉnh Đồng Nai do ông Vũ Văn Hồng – Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy "
        "dẫn đầu đã đến tỉnh Lào Cai trao tặng số tiền 7 tỷ đồng.",
        "2024-11-04", "Đồng Nai hỗ trợ Lào Cai")
    assert officials(ex) == {"Vũ Văn Hồng": (("Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy"), "Đồng Nai")}
    assert fundings(ex) == [("Đồng Nai", "Lào Cai", 7_000_000_000, "given")]


def test_a_province_in_brackets_after_a_district_is_where_not_who_gives():
    ex = extract_text(
        "Quảng Ninh chia sẻ với vùng lũ\n"
        "Chiều 12-10, đoàn công tác tỉnh Quảng Ninh thăm hỏi người dân xã Kỳ Sơn, huyện Tân Kỳ (tỉnh Nghệ An), "
        "đồng thời trao 2 tỉ đồng cho lãnh đạo tỉnh Nghệ An.",
        "2019-10-13", "Quảng Ninh chia sẻ với vùng lũ")
    assert fundings(ex) == [("Quảng Ninh", "Nghệ An", 2_000_000_000, "given")]


def test_shares_after_trong_do_are_the_fundings_and_the_total_is_not():
    ex = extract_text(
        "Quảng Ninh hỗ trợ 4 tỉnh khắc phục bão\n"
        "Ngày 12/9, tỉnh Quảng Ninh hỗ trợ 4 tỉnh với tổng số 26 tỷ đồng, trong đó hỗ trợ hai tỉnh Thái Bình, "
        "Nam Định mỗi tỉnh 8 tỷ đồng; hai tỉnh Hà Nam, Ninh Bình mỗi tỉnh 5 tỷ đồng.",
        "2024-09-13", "Quảng Ninh hỗ trợ 4 tỉnh khắc phục bão")
    assert sorted(fundings(ex)) == [("Quảng Ninh", "Hà Nam", 5_000_000_000, "given"),
                                    ("Quảng Ninh", "Nam Định", 8_000_000_000, "given"),
                                    ("Quảng Ninh", "Ninh Bình", 5_000_000_000, "given"),
                                    ("Quảng Ninh", "Thái Bình", 8_000_000_000, "given")]


def test_a_distributed_total_with_no_giver_named_is_the_headline_giver_s():
    ex = extract_text(
        "TP Đà Nẵng: hỗ trợ đồng bào miền Trung\n"
        "Tổng số tiền đã phân phối hỗ trợ các tỉnh là 4 tỷ đồng (trích từ Quỹ cứu trợ thành phố). Cụ thể: các "
        "tỉnh Quảng Ngãi, Bình Định mỗi tỉnh được nhận 1,5 tỷ đồng; hai tỉnh Phú Yên, Khánh Hòa mỗi tỉnh 500 triệu đồng.",
        "2017-11-20", "TP Đà Nẵng: hỗ trợ đồng bào miền Trung")
    assert sorted(fundings(ex)) == [("Đà Nẵng", "Bình Định", 1_500_000_000, "given"),
                                    ("Đà Nẵng", "Khánh Hòa", 500_000_000, "given"),
                                    ("Đà Nẵng", "Phú Yên", 500_000_000, "given"),
                                    ("Đà Nẵng", "Quảng Ngãi", 1_500_000_000, "given")]


def test_an_amount_for_each_before_a_list_introduced_by_gom_co():
    ex = extract_text(
        "Hải Phòng hỗ trợ các tỉnh bị lũ\n"
        "Theo đó, thành phố Hải Phòng sẽ hỗ trợ 4 tỉnh bị thiệt hại nặng với mức 2 tỷ đồng mỗi địa phương gồm có "
        "thành phố Hà Nội và các tỉnh: Thái Nguyên, Bắc Kạn, Cao Bằng.",
        "2024-09-15", "Hải Phòng hỗ trợ các tỉnh bị lũ")
    assert sorted(fundings(ex)) == [("Hải Phòng", n, 2_000_000_000, "planned")
                                    for n in ("Bắc Kạn", "Cao Bằng", "Hà Nội", "Thái Nguyên")]


def test_one_province_signing_with_a_list_after_a_colon_pairs_it_with_each():
    ex = extract_text(
        "Liên kết phát triển du lịch\n"
        "Giai đoạn 2019-2024, Sở Du lịch Lâm Đồng đã ký kết biên bản liên kết, hợp tác phát triển du lịch với "
        "các tỉnh, thành phố: Quảng Ninh, Hải Phòng, Đà Nẵng.",
        "2024-10-30", "Liên kết phát triển du lịch")
    assert sorted(ex.cooperation_pairs) == [("Hải Phòng", "Lâm Đồng"), ("Lâm Đồng", "Quảng Ninh"),
                                            ("Lâm Đồng", "Đà Nẵng")]


def test_a_receiver_s_list_of_the_provinces_that_gave_each_amount():
    ex = extract_text(
        "Đà Nẵng tiếp nhận hơn 40 tỷ đồng ủng hộ phòng, chống dịch\n"
        "Số tiền mặt trên đã bao gồm sự chia sẻ, ủng hộ của các tỉnh, thành phố với số tiền 4,5 tỷ đồng, cụ thể: "
        "tỉnh Quảng Nam (1 tỷ đồng), thành phố Cần Thơ (500 triệu đồng), tỉnh Bình Định (2 tỷ đồng), "
        "tỉnh Quảng Nam (1 tỷ đồng).",
        "2021-08-02", "Đà Nẵng tiếp nhận hơn 40 tỷ đồng ủng hộ phòng, chống dịch")
    by_list = sorted(fundings(ex))
    ex = extract_text(
        "Đà Nẵng tiếp nhận hơn 40 tỷ đồng ủng hộ phòng, chống dịch\n"
        "Chiều 2/8, Ủy ban MTTQ Việt Nam TP Đà Nẵng cho biết đã nhận được sự chia sẻ, ủng hộ của các tỉnh, "
        "thành phố với số tiền 4,5 tỷ đồng, cụ thể: tỉnh Quảng Nam (1 tỷ đồng), thành phố Cần Thơ (500 triệu "
        "đồng), tỉnh Bình Định (2 tỷ đồng), tỉnh Quảng Nam (1 tỷ đồng).",
        "2021-08-02", "Đà Nẵng tiếp nhận hơn 40 tỷ đồng ủng hộ phòng, chống dịch")
    assert sorted(fundings(ex)) == [("Bình Định", "Đà Nẵng", 2_000_000_000, "given"),
                                    ("Cần Thơ", "Đà Nẵng", 500_000_000, "given"),
                                    ("Quảng Nam", "Đà Nẵng", 1_000_000_000, "given")] == by_list


def test_money_received_of_a_province_named_after_the_amount():
    ex = extract_text(
        "TP Hồ Chí Minh đón nhận ủng hộ của Quảng Nam\n"
        "Sáng 12/8, Ủy ban MTTQ Việt Nam TP Hồ Chí Minh đã đón nhận tiền ủng hộ 1 tỷ đồng của tỉnh Quảng Nam.",
        "2021-08-12", "TP Hồ Chí Minh đón nhận ủng hộ của Quảng Nam")
    assert fundings(ex) == [("Quảng Nam", "Hồ Chí Minh", 1_000_000_000, "given")]


def test_money_that_builds_houses_for_a_province_s_poor_goes_to_the_province():
    ex = extract_text(
        "Hà Nội và Lai Châu nghĩa tình\n"
        "Riêng năm 2024, Hà Nội đã hỗ trợ 12 tỷ đồng xây dựng 240 căn nhà đại đoàn kết cho hộ nghèo Lai Châu.",
        "2024-12-20", "Hà Nội và Lai Châu nghĩa tình")
    assert fundings(ex) == [("Hà Nội", "Lai Châu", 12_000_000_000, "given")]


def test_a_total_for_a_list_then_with_each_province_s_share():
    ex = extract_text(
        "Hải Phòng hỗ trợ các tỉnh miền Trung\n"
        "Ngày 24/11, Phó Chủ tịch UBND TP Hải Phòng Lê Anh Quân trao 20 tỷ đồng hỗ trợ cho các tỉnh Phú Yên, "
        "Khánh Hòa với mỗi tỉnh 10 tỷ đồng.",
        "2025-11-25", "Hải Phòng hỗ trợ các tỉnh miền Trung")
    assert sorted(fundings(ex)) == [("Hải Phòng", "Khánh Hòa", 10_000_000_000, "given"),
                                    ("Hải Phòng", "Phú Yên", 10_000_000_000, "given")]


def test_an_excerpt_opening_on_a_long_sentence_has_no_headline_to_drop():
    body = ("Thực hiện nhiệm vụ được giao, trên cơ sở thống nhất giữa hai địa phương, Thành ủy - HĐND - UBND - "
            "Ủy ban MTTQ Việt Nam TP Đà Nẵng quyết định hỗ trợ tỉnh Quảng Ngãi 100 tỷ đồng để xây dựng khu tái "
            "định cư cho người dân bị thiệt hại do bão lũ.\n"
            "Trước đó, Thường trực Thành ủy Đà Nẵng đã chỉ đạo chi viện khẩn cấp cho tỉnh Quảng Ngãi 20 tỷ đồng.")
    ex = extract_text(body, "2025-11-25", body.split("\n", 1)[0])
    assert sorted(f[2] for f in fundings(ex)) == [20_000_000_000, 100_000_000_000]
    assert {(d, r) for d, r, *_ in fundings(ex)} == {("Đà Nẵng", "Quảng Ngãi")}


def test_a_coordination_regulation_is_a_document_beside_the_programme():
    ex = extract_text(
        "Hải Phòng và Quảng Ninh sơ kết hợp tác\n"
        "Hai địa phương đã ký kết chương trình hợp tác giai đoạn 2021-2025 giữa TP Hải Phòng và tỉnh Quảng Ninh.\n"
        "Tại hội nghị, TP Hải Phòng và tỉnh Quảng Ninh thống nhất sớm ban hành Quy chế phối hợp quản lý hoạt động "
        "vận chuyển khách du lịch trên vịnh Lan Hạ và vịnh Hạ Long.",
        "2023-08-15", "Hải Phòng và Quảng Ninh sơ kết hợp tác")
    assert sorted((a.kind, a.status) for a in ex.agreements) == [("chương trình hợp tác", "signed"),
                                                                 ("quy chế phối hợp", "planned")]


def test_one_province_signing_one_document_with_each_of_a_listed_few():
    ex = extract_text(
        "Liên kết phát triển du lịch\n"
        "Giai đoạn 2019-2024, Sở Du lịch Lâm Đồng đã ký kết biên bản liên kết, hợp tác phát triển du lịch với "
        "các tỉnh, thành phố: Quảng Ninh, Hải Phòng, Đà Nẵng.\n"
        "Hợp tác giữa các địa phương tập trung trên 3 lĩnh vực: xúc tiến, quảng bá du lịch; phát triển sản phẩm; "
        "đào tạo nguồn nhân lực.",
        "2024-10-30", "Liên kết phát triển du lịch")
    assert sorted((a.parties, a.n_contents, a.status) for a in ex.agreements) == [
        (("Hải Phòng", "Lâm Đồng"), 3, "signed"), (("Lâm Đồng", "Quảng Ninh"), 3, "signed"),
        (("Lâm Đồng", "Đà Nẵng"), 3, "signed")]


def test_a_hand_over_of_money_is_an_event_even_when_no_event_word_says_so():
    ex = extract_text(
        "TP Hồ Chí Minh đón nhận ủng hộ của Hà Tĩnh\n"
        "Sáng 9/7, Ủy ban MTTQ Việt Nam TP Hồ Chí Minh đã đón nhận tiền ủng hộ 2 tỷ đồng của tỉnh Hà Tĩnh.",
        "2021-07-10", "TP Hồ Chí Minh đón nhận ủng hộ của Hà Tĩnh")
    assert fundings(ex) == [("Hà Tĩnh", "Hồ Chí Minh", 2_000_000_000, "given")]
    assert [(d, organisers) for d, _, _, organisers in events(ex)] == [("2021-07-09", ("Hà Tĩnh",))]


def test_signing_a_memorandum_dated_in_full_is_an_event_on_that_day():
    ex = extract_text(
        "Ba tỉnh sơ kết hợp tác du lịch\n"
        "Trước đó, ngày 16/9/2022, Ban Thường vụ Tỉnh ủy các tỉnh Quảng Bình - Quảng Trị - Thừa Thiên Huế ký bản "
        "ghi nhớ hợp tác phát triển du lịch giai đoạn 2022 - 2025.",
        "2023-03-02", "Ba tỉnh sơ kết hợp tác du lịch")
    assert [(d, kind) for d, kind, _, _ in events(ex)] == [("2022-09-16", "lễ ký kết")]


def test_shares_after_muc_ho_tro_cho_tinh_x_la():
    ex = extract_text(
        "Long An hỗ trợ miền Trung\n"
        "Ủy ban MTTQ Việt Nam tỉnh Long An vừa quyết định xuất chi 1,3 tỷ đồng hỗ trợ đồng bào 3 tỉnh bị lũ lụt. "
        "Cụ thể, mức hỗ trợ cho tỉnh Quảng Trị là 500 triệu đồng, Quảng Bình 400 triệu đồng, Hà Tĩnh 400 triệu đồng.",
        "2020-10-20", "Long An hỗ trợ miền Trung")
    assert sorted((r, a) for _, r, a, _ in fundings(ex)) == [("Hà Tĩnh", 400_000_000), ("Quảng Bình", 400_000_000),
                                                            ("Quảng Trị", 500_000_000)]


def test_a_city_and_a_region_named_by_its_members_pairs_the_city_with_each():
    ex = extract_text(
        "TP Hồ Chí Minh và Tây Nguyên\n"
        "Hội nghị nhằm trao đổi, thống nhất giữa UBND TP Hồ Chí Minh và 3 tỉnh Tây Nguyên (Gia Lai, Kon Tum, "
        "Lâm Đồng) về các nội dung hợp tác phát triển kinh tế - xã hội năm 2023.",
        "2023-08-20", "TP Hồ Chí Minh và Tây Nguyên")
    assert sorted(ex.cooperation_pairs) == [("Gia Lai", "Hồ Chí Minh"), ("Hồ Chí Minh", "Kon Tum"),
                                            ("Hồ Chí Minh", "Lâm Đồng")]


def test_a_count_of_provinces_acting_together_refers_back_to_the_list_before_it():
    ex = extract_text(
        "Ba địa phương thống nhất phối hợp làm đường\n"
        "Tuyến đường có ý nghĩa quan trọng về kinh tế đối với Bình Phước, Đồng Nai và Bình Dương. Do đó, cả 3 "
        "địa phương đã thống nhất ký quy chế phối hợp thực hiện dự án.",
        "2023-06-02", "Ba địa phương thống nhất phối hợp làm đường")
    assert sorted(ex.cooperation_pairs) == [("Bình Dương", "Bình Phước"), ("Bình Dương", "Đồng Nai"),
                                            ("Bình Phước", "Đồng Nai")]
    ex = extract_text(
        "Hai địa phương\n"
        "Tuyến đường đi qua Bình Phước, Đồng Nai và Bình Dương. Cả 2 địa phương đã thống nhất làm đường.",
        "2023-06-02", "Hai địa phương")
    assert ex.cooperation_pairs == ()  # the count does not match the list: no one can tell which two


def test_one_province_giving_to_the_next_in_a_list_of_givers_and_receivers():
    ex = extract_text(
        "Bốn địa phương được phân công hỗ trợ vùng lũ\n"
        "Theo phân công, Hà Nội hỗ trợ Gia Lai, TP HCM hỗ trợ Khánh Hòa, Hải Phòng hỗ trợ Đắk Lắk, "
        "Quảng Ninh hỗ trợ Lâm Đồng.\n"
        "Trước đó, Khánh Hòa, Lào Cai đã trao hỗ trợ giúp Thái Nguyên khắc phục hậu quả mưa bão.",
        "2025-11-25", "Bốn địa phương được phân công hỗ trợ vùng lũ")
    assert {("Gia Lai", "Hà Nội"), ("Hồ Chí Minh", "Khánh Hòa"), ("Hải Phòng", "Đắk Lắk"),
            ("Lâm Đồng", "Quảng Ninh"), ("Khánh Hòa", "Thái Nguyên"), ("Lào Cai", "Thái Nguyên")} <= set(ex.cooperation_pairs)
    # a receiver is not the giver of the next clause ("... hỗ trợ Gia Lai, TP HCM hỗ trợ ...")
    assert not {("Gia Lai", "Khánh Hòa"), ("Khánh Hòa", "Đắk Lắk"), ("Lâm Đồng", "Đắk Lắk")} & set(ex.cooperation_pairs)


def test_giving_to_the_next_province_is_not_a_request_a_venue_or_a_receipt():
    ex = extract_text(
        "Các tỉnh đề nghị hỗ trợ khắc phục bão\n"
        "Tỉnh Quảng Trị đề nghị Trung ương hỗ trợ 200 tỷ đồng.\n"
        "Doanh nghiệp tại Bình Dương hỗ trợ Bình Phước xây nhà.\n"
        "Tỉnh Quảng Bình được hỗ trợ Nghệ An 10 tấn gạo theo đề nghị.",
        "2025-11-25", "Các tỉnh đề nghị hỗ trợ khắc phục bão")
    assert ex.cooperation_pairs == ()


def test_a_delegation_arriving_to_help_and_a_department_visiting_another_province():
    ex = extract_text(
        "Đoàn công tác đến vùng lũ\n"
        "Tối 25-11, Đoàn công tác của Thành ủy TPHCM do Phó Bí thư Thành ủy Nguyễn Văn A dẫn đầu đã cấp tốc "
        "đến Đắk Lắk để hỗ trợ bà con vùng lũ.\n"
        "Mới đây, Đoàn đại biểu TP Cần Thơ đã có chuyến thăm, hỗ trợ tỉnh Quảng Trị khắc phục thiệt hại.\n"
        "Ngày 1/3, Sở Ngoại vụ tỉnh Nghệ An thăm và làm việc tại Thanh Hóa.",
        "2025-11-26", "Đoàn công tác đến vùng lũ")
    assert set(ex.cooperation_pairs) == {("Hồ Chí Minh", "Đắk Lắk"), ("Cần Thơ", "Quảng Trị"),
                                         ("Nghệ An", "Thanh Hóa")}


def test_a_person_giving_is_not_the_province_they_live_in():
    ex = extract_text(
        "Hải Phòng hỗ trợ Đắk Lắk\n"
        "TP Hải Phòng đã hỗ trợ tỉnh Đắk Lắk 40 tỷ đồng.\n"
        "Ông Phạm Văn B (một cựu chiến binh trên địa bàn Hải Phòng) trao tặng 100 triệu đồng sẻ chia với "
        "đồng bào vùng lũ.\n"
        "Ông Lê Văn C, Chủ tịch UBND TP Hải Phòng trao tặng 5 tỷ đồng cho tỉnh Đắk Lắk.",
        "2025-12-01", "Hải Phòng hỗ trợ Đắk Lắk")
    assert fundings(ex) == [("Hải Phòng", "Đắk Lắk", 5_000_000_000, "given"),
                            ("Hải Phòng", "Đắk Lắk", 40_000_000_000, "given")]


def test_amounts_given_respectively_and_money_set_aside_to_support_a_province():
    ex = extract_text(
        "Các địa phương chung tay với TP.HCM\n"
        "Thành phố Đà Nẵng trích 10 tỷ đồng để ủng hộ bà con thành phố Hồ Chí Minh.\n"
        "Tỉnh Quảng Nam và tỉnh Quảng Trị ủng hộ thành phố Hồ Chí Minh lần lượt với số tiền 2 tỷ đồng và "
        "500 triệu đồng.\n"
        "Trước đó, Hà Nội đã hỗ trợ Hà Giang, Lai Châu lần lượt 50 triệu đồng và 195 triệu đồng.",
        "2021-07-20", "Các địa phương chung tay với TP.HCM")
    assert fundings(ex) == [("Hà Nội", "Hà Giang", 50_000_000, "given"),
                            ("Hà Nội", "Lai Châu", 195_000_000, "given"),
                            ("Quảng Nam", "Hồ Chí Minh", 2_000_000_000, "given"),
                            ("Quảng Trị", "Hồ Chí Minh", 500_000_000, "given"),
                            ("Đà Nẵng", "Hồ Chí Minh", 10_000_000_000, "given")]


def test_respectively_needs_as_many_amounts_as_parties():
    ex = extract_text(
        "Hỗ trợ vùng lũ\n"
        "Tỉnh Quảng Nam và tỉnh Quảng Trị ủng hộ thành phố Hồ Chí Minh lần lượt 2 tỷ đồng.",
        "2021-07-20", "Hỗ trợ vùng lũ")
    assert ("Quảng Nam", "Hồ Chí Minh", 2_000_000_000, "given") not in fundings(ex)


def test_an_agreement_between_a_city_and_a_region_whose_members_the_article_lists():
    ex = extract_text(
        "Hội nghị bàn tròn TP Hồ Chí Minh - Tây Nguyên\n"
        "UBND tỉnh Đắk Nông cho biết, tại TP Gia Nghĩa sẽ diễn ra hội nghị triển khai bản thỏa thuận hợp "
        "tác phát triển kinh tế - xã hội giữa TP Hồ Chí Minh với các tỉnh vùng Tây Nguyên năm 2023.\n"
        "Hội nghị nhằm trao đổi giữa UBND TP Hồ Chí Minh và 5 tỉnh Tây Nguyên (Đắk Lắk, Đắk Nông, Gia Lai, "
        "Kon Tum, Lâm Đồng) về các nội dung hợp tác.",
        "2023-08-20", "Hội nghị bàn tròn TP Hồ Chí Minh - Tây Nguyên")
    members = ("Gia Lai", "Kon Tum", "Lâm Đồng", "Đắk Lắk", "Đắk Nông")
    assert [a.parties for a in ex.agreements] == [tuple(sorted(("Hồ Chí Minh", *members)))]
    # the city with each member, not the members with each other
    assert set(ex.cooperation_pairs) == {tuple(sorted(("Hồ Chí Minh", m))) for m in members}


def test_a_delegation_handing_over_in_two_provinces_is_two_events():
    ex = extract_text(
        "TP.HCM hỗ trợ các tỉnh miền Trung\n"
        "Đoàn công tác TP.HCM đã trao 1 tỷ đồng hỗ trợ tỉnh Quảng Trị khắc phục hậu quả bão.\n"
        "Sau đó, đoàn công tác TP.HCM tiếp tục trao 2 tỷ đồng hỗ trợ tỉnh Bình Định.",
        "2017-11-12", "TP.HCM hỗ trợ các tỉnh miền Trung")
    assert sorted((e.date, e.kind, e.organisers, e.evidence.sentence[:20]) for e in ex.events) == [
        (None, "lễ trao tặng", ("Hồ Chí Minh",), "Sau đó, đoàn công tá"),
        (None, "lễ trao tặng", ("Hồ Chí Minh",), "Đoàn công tác TP.HCM")]


def test_an_amount_for_each_of_the_provinces_listed_after_it():
    ex = extract_text(
        "Quảng Ninh hỗ trợ các tỉnh miền Trung\n"
        "Theo quyết định, tỉnh Quảng Ninh dành 8 tỉ đồng hỗ trợ Thừa Thiên Huế và 5 tỉ đồng cho mỗi địa "
        "phương Đà Nẵng, Quảng Ngãi, Quảng Trị.",
        "2025-10-30", "Quảng Ninh hỗ trợ các tỉnh miền Trung")
    assert fundings(ex) == [("Quảng Ninh", "Huế", 8_000_000_000, "given"),
                            ("Quảng Ninh", "Quảng Ngãi", 5_000_000_000, "given"),
                            ("Quảng Ninh", "Quảng Trị", 5_000_000_000, "given"),
                            ("Quảng Ninh", "Đà Nẵng", 5_000_000_000, "given")]


def test_the_host_that_receives_a_delegation_of_another_province():
    ex = extract_text(
        "TPHCM thăm, chúc Tết tại Cà Mau\n"
        "Sáng 11-2, Phó Bí thư Thành ủy TPHCM Đặng Văn A dẫn đầu đoàn công tác TPHCM đến thăm, tặng quà tết "
        "cho gia đình chính sách.\n"
        "Về phía tỉnh Cà Mau, tiếp đoàn có đồng chí Nguyễn Văn B, Bí thư Tỉnh ủy Cà Mau.",
        "2026-02-11", "TPHCM thăm, chúc Tết tại Cà Mau")
    assert ex.cooperation_pairs == (("Cà Mau", "Hồ Chí Minh"),)


def test_a_regulation_named_after_a_programme_s_contents_is_a_second_document():
    ex = extract_text(
        "Đồng Tháp và An Giang ký kết hợp tác\n"
        "Sáng 10/3, UBND tỉnh Đồng Tháp và UBND tỉnh An Giang ký kết hợp tác giai đoạn mới.\n"
        "Theo đó, có 4 lĩnh vực hợp tác gồm: quy hoạch; du lịch; giao thông vận tải; tài nguyên và môi trường.\n"
        "Lĩnh vực tài nguyên và môi trường, hai tỉnh thực hiện hiệu quả Quy chế phối hợp trong quản lý khoáng sản.",
        "2023-03-10", "Đồng Tháp và An Giang ký kết hợp tác")
    assert sorted((a.parties, a.n_contents or 0) for a in ex.agreements) == [
        (("An Giang", "Đồng Tháp"), 0), (("An Giang", "Đồng Tháp"), 4)]


def test_provinces_listed_as_the_subject_of_cooperation_are_each_others_partners():
    ex = extract_text(
        "Ba địa phương cùng phát triển\n"
        "Những năm qua, Hải Dương, Hải Phòng, Quảng Ninh đã triển khai nhiều nội dung hợp tác và phát triển.\n"
        "Ba địa phương đã liên kết phát triển du lịch giữa Hải Phòng, Hải Dương, Quảng Ninh với các tỉnh "
        "Thái Nguyên, Bắc Giang và Thành phố Hồ Chí Minh.",
        "2021-06-20", "Ba địa phương cùng phát triển")
    inner = {("Hải Dương", "Hải Phòng"), ("Hải Dương", "Quảng Ninh"), ("Hải Phòng", "Quảng Ninh")}
    outer = {tuple(sorted((a, b))) for a in ("Hải Dương", "Hải Phòng", "Quảng Ninh")
             for b in ("Thái Nguyên", "Bắc Giang", "Hồ Chí Minh")}
    assert set(ex.cooperation_pairs) == inner | outer


def test_a_list_of_addressees_asked_to_cooperate_is_no_pair():
    ex = extract_text(
        "Đưa người dân về quê\n"
        "Phó Chủ tịch UBND tỉnh Long An cho biết đã gửi công văn tới UBND 4 tỉnh gồm: Cần Thơ, An Giang, "
        "Đồng Tháp, Bạc Liêu để có kế hoạch phối hợp đưa người dân về quê.",
        "2021-09-30", "Đưa người dân về quê")
    assert ex.cooperation_pairs == ()


def test_the_block_opener_nearest_the_names_gives_their_province():
    ex = extract_text(
        "Hưng Yên hỗ trợ Bắc Kạn\n"
        "Tiếp đón Đoàn công tác và tiếp nhận hỗ trợ của tỉnh Hưng Yên, về phía tỉnh Bắc Kạn có các đồng chí: "
        "Phương Thị Thanh, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh; Nguyễn Đăng Bình, Phó Bí thư "
        "Tỉnh ủy, Chủ tịch UBND tỉnh.",
        "2023-08-10", "Hưng Yên hỗ trợ Bắc Kạn")
    assert {n: p for n, (_, p) in officials(ex).items()} == {
        "Phương Thị Thanh": "Bắc Kạn", "Nguyễn Đăng Bình": "Bắc Kạn"}


def test_money_given_through_the_receiver_s_front_is_the_giver_s():
    ex = extract_text(
        "TP. Hồ Chí Minh hỗ trợ Nghệ An\n"
        "Dịp này, Đoàn cán bộ lãnh đạo TP. Hồ Chí Minh thông qua Ủy ban MTTQ Việt Nam tỉnh Nghệ An đã trao "
        "hỗ trợ số tiền 2,2 tỷ đồng để giúp đỡ đồng bào tỉnh Nghệ An khắc phục thiệt hại do bão số 9.",
        "2017-10-20", "TP. Hồ Chí Minh hỗ trợ Nghệ An")
    assert fundings(ex) == [("Hồ Chí Minh", "Nghệ An", 2_200_000_000, "given")]


def test_a_back_link_before_the_headline_does_not_hide_the_headline_s_giver():
    ex = extract_text(
        "Trở lại chủ đề\n\n"
        "TP.HCM hỗ trợ 1,3 tỉ đồng cho 3 tỉnh miền Trung\n\n"
        "Thường trực Thành ủy chấp thuận hỗ trợ các tỉnh miền Trung bị thiệt hại do bão số 6, số tiền là 1,3 tỉ đồng.\n\n"
        "Trong đó hỗ trợ tỉnh Quảng Bình 500 triệu đồng, hỗ trợ tỉnh Quảng Nam 500 triệu đồng và hỗ trợ tỉnh "
        "Quảng Ngãi 300 triệu đồng.",
        "2020-10-15", "")
    assert [(d, r, a) for d, r, a, _ in fundings(ex)] == [
        ("Hồ Chí Minh", "Quảng Bình", 500_000_000), ("Hồ Chí Minh", "Quảng Nam", 500_000_000),
        ("Hồ Chí Minh", "Quảng Ngãi", 300_000_000)]


def test_a_meeting_known_only_from_who_spoke_at_it_is_an_undated_event():
    ex = extract_text(
        "Hậu Giang và Bến Tre hợp tác\n"
        "Phát biểu tại hội nghị, đồng chí Lê Văn Ba, Bí thư Tỉnh ủy Hậu Giang cho rằng hợp tác giữa Hậu Giang "
        "và Bến Tre cần đi vào chiều sâu.",
        "", "Hậu Giang và Bến Tre hợp tác")
    assert events(ex) == [("", "hội nghị", None, ())]


def test_speaking_at_a_meeting_already_reported_adds_no_event():
    ex = extract_text(
        "Đà Nẵng và Hà Nội hợp tác\n"
        "Sáng 20/7, Ban Thường vụ Thành ủy Đà Nẵng và Ban Thường vụ Thành ủy Hà Nội tổ chức hội nghị hợp tác "
        "phát triển.\n"
        "Tại hội nghị, ông Nguyễn Văn Hùng, Phó Chủ tịch UBND TP Hà Nội báo cáo kết quả hợp tác giữa Hà Nội và "
        "Đà Nẵng.",
        "2019-07-20", "Đà Nẵng và Hà Nội hợp tác")
    assert [(d, k) for d, k, _, _ in events(ex)] == [("2019-07-20", "hội nghị")]


def test_two_provinces_petitioning_the_government_together_are_partners():
    ex = extract_text(
        "Cao tốc ven biển\n"
        "Cuối năm 2016, hai tỉnh Nam Định và Ninh Bình đã có Tờ trình gửi Thủ tướng Chính phủ chấp thuận chủ "
        "trương đầu tư tuyến cao tốc đoạn qua tỉnh Ninh Bình và tỉnh Nam Định theo hình thức hợp tác công tư.",
        "2017-06-20", "Cao tốc ven biển")
    assert ex.cooperation_pairs == (("Nam Định", "Ninh Bình"),)
    road = extract_text(
        "Cao tốc ven biển\n"
        "Thủ tướng đồng ý đầu tư tuyến cao tốc đoạn qua tỉnh Ninh Bình và tỉnh Nam Định theo hình thức hợp tác "
        "công tư.",
        "2017-06-20", "Cao tốc ven biển")
    assert road.cooperation_pairs == ()


def test_money_spent_for_several_provinces_pairs_the_giver_with_each():
    ex = extract_text(
        "Hotline: 0865015015 Tiền Phong Tòa soạn Quảng cáo\n\n"
        "Quảng Ninh hỗ trợ 23 tỷ đồng cho các tỉnh miền Trung\n\n"
        "Ủy ban MTTQ tỉnh Quảng Ninh quyết định chi 23 tỷ đồng hỗ trợ khẩn cấp cho TP Huế, TP Đà Nẵng, "
        "Quảng Trị, Quảng Ngãi.",
        "2025-10-31", "")
    assert set(ex.cooperation_pairs) == {("Huế", "Quảng Ninh"), ("Quảng Ninh", "Đà Nẵng"),
                                         ("Quảng Ninh", "Quảng Trị"), ("Quảng Ngãi", "Quảng Ninh")}
    assert ex.fundings == ()  # one total for four: no one's gift


def test_a_placeless_caption_of_an_undated_hand_over_is_not_a_second_event():
    ex = extract_text(
        "TP. Hồ Chí Minh hỗ trợ Nghệ An\n"
        "Đoàn công tác trao tiền ủng hộ Nghệ An khắc phục hậu quả do mưa lũ gây ra. Ảnh: Thu Hương\n"
        "Dịp này, Đoàn cán bộ lãnh đạo TP. Hồ Chí Minh thông qua Ủy ban MTTQ Việt Nam tỉnh Nghệ An đã trao hỗ trợ "
        "số tiền 2,2 tỷ đồng để giúp đỡ đồng bào tỉnh Nghệ An khắc phục thiệt hại.",
        "", "TP. Hồ Chí Minh hỗ trợ Nghệ An")
    assert [(d, p) for d, _, p, _ in events(ex)] == [("", "Nghệ An")]


def test_a_count_of_fields_written_in_words_is_the_agreement_s_count():
    ex = extract_text(
        "Tây Ninh và Bình Phước ký kết hợp tác\n"
        "Sáng 12/3, UBND tỉnh Tây Ninh và UBND tỉnh Bình Phước ký kết Chương trình hợp tác toàn diện về phát "
        "triển kinh tế – xã hội giai đoạn 2021-2025. Theo đó, hai tỉnh sẽ tập trung hợp tác ở năm lĩnh vực chính "
        "là nông nghiệp; công nghiệp – thương mại; văn hóa, thể thao, du lịch; giao thông – vận tải; đào tạo.",
        "2021-03-12", "Tây Ninh và Bình Phước ký kết hợp tác")
    assert [(a.parties, a.n_contents) for a in ex.agreements] == [(("Bình Phước", "Tây Ninh"), 5)]


def test_two_cities_and_a_region_whose_members_are_listed_pair_each_city_with_each_member():
    ex = extract_text(
        "Du lịch liên kết\n"
        "Trong khuôn khổ Diễn đàn liên kết phát triển du lịch giữa thành phố Hà Nội, thành phố Hồ Chí Minh và "
        "vùng Bắc Trung Bộ mở rộng tại Nghệ An, đoàn Sở Du lịch thành phố Hồ Chí Minh đã khảo sát sản phẩm du lịch "
        "của 3 tỉnh Bắc Trung Bộ mở rộng (Quảng Trị-Quảng Bình-Hà Tĩnh).",
        "2023-05-10", "Du lịch liên kết")
    members = ("Quảng Trị", "Quảng Bình", "Hà Tĩnh")
    assert set(ex.cooperation_pairs) == {("Hà Nội", "Hồ Chí Minh")} | {
        tuple(sorted((h, m))) for h in ("Hà Nội", "Hồ Chí Minh") for m in members}


def test_a_provincial_committee_member_s_title_chain_and_a_province_s_front_are_local_posts():
    ex = extract_text(
        "Long An hỗ trợ Thừa Thiên Huế\n"
        "Chiều ngày 13/11/2020, Đoàn lãnh đạo tỉnh Long An do ông Phạm Tấn Hòa, Tỉnh ủy viên, Phó Chủ tịch UBND "
        "tỉnh Long An làm trưởng đoàn đã có chuyến thăm và hỗ trợ nhân dân bị thiệt hại do bão lũ tại tỉnh "
        "Thừa Thiên Huế. Tiếp đoàn, có ông Nguyễn Nam Tiến, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh.",
        "2020-11-13", "Long An hỗ trợ Thừa Thiên Huế")
    assert officials(ex) == {
        "Phạm Tấn Hòa": (("Tỉnh ủy viên", "Phó Chủ tịch Ủy ban nhân dân"), "Long An"),
        "Nguyễn Nam Tiến": (("Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam",), "Huế")}


def test_a_province_s_front_chair_is_never_a_central_official():
    ex = extract_text(
        "Long An hỗ trợ Thừa Thiên Huế\n"
        "Đoàn lãnh đạo tỉnh Long An đã trao hỗ trợ 1 tỷ đồng cho tỉnh Thừa Thiên Huế.\n\n"
        "Tiếp đoàn, có ông Nguyễn Nam Tiến, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh; đại diện lãnh đạo các sở.\n\n"
        "Dự lễ có ông Đỗ Văn Chiến, Chủ tịch Ủy ban Trung ương MTTQ Việt Nam.",
        "2020-11-13", "Long An hỗ trợ Thừa Thiên Huế")
    assert ("Nguyễn Nam Tiến", None) not in {(n, p) for n, (_, p) in officials(ex).items()}
    assert officials(ex)["Đỗ Văn Chiến"][1] is None


def test_each_hand_over_of_a_trip_is_an_event_at_its_receiver():
    ex = extract_text(
        "TP.HCM hỗ trợ miền Trung\n"
        "Tại tỉnh Khánh Hòa, TP.HCM hỗ trợ khẩn cấp các bếp ăn cho người dân.\n"
        "Đặc biệt, TP.HCM đã trao 50 tỉ đồng cho tỉnh Khánh Hòa để khắc phục hậu quả thiên tai; sửa chữa 23 "
        "trường học bị hư hại.\n"
        "Còn tại Đắk Lắk, TP.HCM đã điều động 16 xe xúc lật. Đồng thời hỗ trợ bếp ăn cho người dân; trao 10 tỉ "
        "tiền mặt cho tỉnh Đắk Lắk khắc phục hậu quả thiên tai.",
        "", "TP.HCM hỗ trợ miền Trung")
    assert fundings(ex) == [("Hồ Chí Minh", "Khánh Hòa", 50_000_000_000, "given"),
                            ("Hồ Chí Minh", "Đắk Lắk", 10_000_000_000, "given")]
    assert [(e.date, e.place) for e in ex.events] == [(None, "Khánh Hòa"), (None, "Đắk Lắk")]


def test_undated_meetings_and_signings_told_in_passing():
    chaired = extract_text(
        "Nghệ An - Quảng Ngãi: những ân tình lịch sử\n"
        "Các đồng chí: Thái Thanh Quý, Bí thư Tỉnh ủy Nghệ An; Bùi Thị Quỳnh Vân, Bí thư Tỉnh ủy Quảng Ngãi đồng "
        "chủ trì cuộc làm việc. Dự cuộc làm việc về phía tỉnh Nghệ An có đồng chí Nguyễn Văn Thông, Phó Bí thư "
        "Thường trực Tỉnh ủy. Về phía tỉnh Quảng Ngãi có đồng chí Đặng Văn Minh, Chủ tịch UBND tỉnh.",
        "", "Nghệ An - Quảng Ngãi: những ân tình lịch sử")
    assert ex_dates(chaired) == [None]
    ceremony = extract_text(
        "Tây Ninh và Bình Dương hợp tác\n"
        "Lãnh đạo hai địa phương khẳng định Tây Ninh và Bình Dương còn nhiều dư địa để phát triển.\n"
        "Tại buổi lễ, đồng chí Nguyễn Thanh Ngọc, Chủ tịch UBND tỉnh Tây Ninh và đồng chí Võ Văn Minh, Chủ tịch "
        "UBND tỉnh Bình Dương đã ký kết một số nội dung trọng tâm.",
        "", "Tây Ninh và Bình Dương hợp tác")
    assert ex_dates(ceremony) == [None]
    passive = extract_text(
        "Kết nối vùng\n"
        "Đó là nội dung quan trọng trong chương trình hợp tác phát triển kinh tế - xã hội giai đoạn 2023-2025 "
        "giữa hai tỉnh Tây Ninh và Bình Dương vừa được lãnh đạo 2 địa phương ký kết.",
        "", "Kết nối vùng")
    assert ex_dates(passive) == [None]


def ex_dates(ex):
    return [e.date for e in ex.events]


def test_money_drawn_from_a_fund_to_help_poor_households_and_a_list_sharing_each_amount():
    fund = extract_text(
        "Nghĩa tình với Điện Biên\n"
        "Trong dịp này, tỉnh Nghệ An trích 1 tỷ đồng từ Quỹ “Vì người nghèo” tỉnh để giúp các hộ nghèo tỉnh Điện "
        "Biên thực hiện các mô hình sinh kế.",
        "2024-04-20", "Nghĩa tình với Điện Biên")
    assert fundings(fund) == [("Nghệ An", "Điện Biên", 1_000_000_000, "given")]
    shared = extract_text(
        "Chung tay khắc phục mưa lũ\n"
        "Chiều 13/12, Ủy ban MTTQ thành phố Hà Nội đã trích 2 tỷ đồng từ Quỹ Cứu trợ thành phố để hỗ trợ 2 tỉnh "
        "Bình Định và Phú Yên mỗi tỉnh 1 tỷ đồng để khắc phục hậu quả mưa lũ.",
        "2024-12-14", "Chung tay khắc phục mưa lũ")
    assert fundings(shared) == [("Hà Nội", "Bình Định", 1_000_000_000, "given"),
                                ("Hà Nội", "Phú Yên", 1_000_000_000, "given")]


def test_a_giver_to_as_many_provinces_as_were_just_listed():
    ex = extract_text(
        "Cà Mau hướng về miền Bắc\n"
        "Tiếp theo, bão số 11 cũng gây thiệt hại nặng nề cho các tỉnh Thái Nguyên, Lạng Sơn, Cao Bằng và Bắc Ninh; "
        "tỉnh Cà Mau cũng hỗ trợ cho 4 tỉnh với số tiền 1,4 tỷ đồng.",
        "2025-10-16", "Cà Mau hướng về miền Bắc")
    assert set(ex.cooperation_pairs) == {("Bắc Ninh", "Cà Mau"), ("Cao Bằng", "Cà Mau"), ("Cà Mau", "Lạng Sơn"),
                                         ("Cà Mau", "Thái Nguyên")}
    other = extract_text(  # three provinces listed, five helped: not those three
        "Cà Mau hướng về miền Bắc\n"
        "Bão số 11 gây thiệt hại cho các tỉnh Thái Nguyên, Lạng Sơn và Cao Bằng; tỉnh Cà Mau hỗ trợ cho 5 tỉnh "
        "với số tiền 1,4 tỷ đồng.",
        "2025-10-16", "Cà Mau hướng về miền Bắc")
    assert other.cooperation_pairs == ()


def test_two_documents_of_the_same_parties_in_one_sentence():
    periods = extract_text(
        "Kiên Giang - Hậu Giang\n"
        "Giữa tháng 9 vừa qua, UBND tỉnh Kiên Giang và Hậu Giang đã phối hợp tổ chức hội nghị sơ kết Chương trình "
        "hợp tác phát triển kinh tế - xã hội giai đoạn 2006 - 2010 và ký kết Chương trình hợp tác giai đoạn "
        "2021 - 2025.",
        "2021-10-01", "Kiên Giang - Hậu Giang")
    assert sorted((a.parties, a.period) for a in periods.agreements) == [
        (("Hậu Giang", "Kiên Giang"), "2006-2010"), (("Hậu Giang", "Kiên Giang"), "2021-2025")]
    numbered = extract_text(
        "Đà Nẵng - Quảng Nam\n"
        "Quan hệ hợp tác được minh chứng qua chương trình hợp tác giữa hai địa phương theo Kết luận số "
        "08-KL/TUĐN-TUQN, ngày 1-11-2007 của Thành ủy Đà Nẵng và Tỉnh ủy Quảng Nam, hay Thông báo kết luận số "
        "385-TB/TU ngày 30-5-2018 của Ban Thường vụ Thành ủy Đà Nẵng và Ban Thường vụ Tỉnh ủy Quảng Nam.",
        "2019-01-01", "Đà Nẵng - Quảng Nam")
    assert [a.parties for a in numbered.agreements] == [("Quảng Nam", "Đà Nẵng")] * 2


def test_a_ceremony_held_jointly_and_a_visit_known_from_who_took_part():
    joint = extract_text(
        "Liên kết du lịch\n"
        "Vừa qua, tại TP. Đà Nẵng, Sở Văn hóa, Thể thao và Du lịch Hà Nội, Đà Nẵng, Quảng Nam và Thừa Thiên-Huế đã "
        "phối hợp tổ chức lễ ký kết biên bản hợp tác phát triển du lịch giữa 4 địa phương.",
        "", "Liên kết du lịch")
    assert [(e.date, e.place) for e in joint.events] == [(None, "Đà Nẵng")]
    visit = extract_text(
        "Thái Nguyên chia sẻ với Bắc Kạn\n"
        "Tham gia buổi thăm hỏi và trao quà có các đồng chí: Đỗ Thị Minh Hoa, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Bắc "
        "Kạn; Dương Văn Tiến, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Thái Nguyên, Trưởng đoàn công tác tỉnh Thái Nguyên. "
        "Thái Nguyên hỗ trợ Bắc Kạn khắc phục hậu quả lũ quét.",
        "", "Thái Nguyên chia sẻ với Bắc Kạn")
    assert [e.date for e in visit.events] == [None]


def test_the_parts_of_a_total_told_as_how_it_was_shared_out():
    ex = extract_text(
        "Quảng Ninh hỗ trợ 23 tỷ đồng cho các tỉnh miền Trung bị bão lũ\n"
        "Ủy ban MTTQ tỉnh Quảng Ninh quyết định chi 23 tỷ đồng hỗ trợ khẩn cấp cho TP Huế, TP Đà Nẵng, Quảng Trị, "
        "Quảng Ngãi nhằm chia sẻ thiệt hại do mưa lớn, bão lũ.\n"
        "Với tinh thần tương thân, tương ái, số tiền được phân bổ gồm 8 tỷ đồng cho TP Huế và mỗi địa phương Đà "
        "Nẵng, Quảng Trị, Quảng Ngãi nhận 5 tỷ đồng để kịp thời khắc phục hậu quả.",
        "2025-10-30", "Quảng Ninh hỗ trợ 23 tỷ đồng cho các tỉnh miền Trung bị bão lũ")
    assert sorted((f.donor, f.recipient, f.amount_vnd) for f in ex.fundings) == sorted([
        ("Quảng Ninh", "Huế", 8_000_000_000), ("Quảng Ninh", "Đà Nẵng", 5_000_000_000),
        ("Quảng Ninh", "Quảng Trị", 5_000_000_000), ("Quảng Ninh", "Quảng Ngãi", 5_000_000_000)])


def test_capital_right_after_the_verb_of_investing():
    ex = extract_text(
        "Doanh nghiệp TP.HCM đầu tư hơn 26.000 tỷ đồng vào Long An\n"
        "Theo UBND tỉnh Long An, các doanh nghiệp đến từ nhiều địa phương đang hoạt động trên địa bàn tỉnh.",
        "2019-05-10", "Doanh nghiệp TP.HCM đầu tư hơn 26.000 tỷ đồng vào Long An")
    assert [(i.investor_province, i.host_province, i.capital_vnd, i.qualifier) for i in ex.investments] == [
        ("Hồ Chí Minh", "Long An", 26_000_000_000_000, "hơn")]


def test_a_sentence_opening_with_the_host_province():
    ex = extract_text(
        "Hà Nội - Hà Tĩnh hợp tác\n"
        "Tại tỉnh Hà Tĩnh hiện có 21 dự án của các nhà đầu tư Hà Nội với tổng vốn đăng ký gần 38 ngàn tỷ đồng.",
        "2019-03-20", "Hà Nội - Hà Tĩnh hợp tác")
    assert [(i.investor_province, i.host_province, i.projects, i.capital_vnd) for i in ex.investments] == [
        ("Hà Nội", "Hà Tĩnh", 21, 38_000_000_000_000)]


def test_a_count_told_before_the_documents_parties():
    ex = extract_text(
        "Hội nghị liên kết phát triển du lịch\n"
        "Sau khi nghe báo cáo tổng quan về du lịch Hà Tĩnh, các đại biểu đã thảo luận thống nhất ký kết hợp tác trên "
        "4 lĩnh vực: trao đổi thông tin; xúc tiến, quảng bá du lịch; phát triển sản phẩm du lịch; kêu gọi đầu tư. "
        "Việc ký kết bản ghi nhớ hợp tác du lịch giữa 2 tỉnh Bình Định – Hà Tĩnh góp phần thắt chặt quan hệ.",
        "2015-08-14", "Hội nghị liên kết phát triển du lịch")
    assert [(a.parties, a.n_contents) for a in ex.agreements] == [(("Bình Định", "Hà Tĩnh"), 4)]


def test_a_total_for_a_counted_list_named_after_gom():
    ex = extract_text(
        "Đà Nẵng chia sẻ với miền Trung\n"
        "TP Đà Nẵng quyết định trích số tiền 6 tỷ đồng hỗ trợ 4 tỉnh chịu ảnh hưởng nặng nhất, gồm Thanh Hóa, Nghệ "
        "An, Hà Tĩnh và Quảng Trị.",
        "2025-10-01", "Đà Nẵng chia sẻ với miền Trung")
    assert set(ex.cooperation_pairs) == {("Hà Tĩnh", "Đà Nẵng"), ("Nghệ An", "Đà Nẵng"), ("Quảng Trị", "Đà Nẵng"),
                                         ("Thanh Hóa", "Đà Nẵng")}
    assert ex.fundings == ()  # one total for the four: no one's share is told


def test_support_of_one_province_for_another_told_as_a_noun():
    ex = extract_text(
        "Tri ân\n"
        "Đồng chí bày tỏ lòng tri ân sâu sắc trước sự hỗ trợ nghĩa tình, bền bỉ của Đảng bộ, chính quyền và nhân dân "
        "TPHCM dành cho Đồng Tháp trong thời gian qua.",
        "2026-02-10", "Tri ân")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Đồng Tháp"),)
    apart = extract_text(  # a province's own support for its people, beside another's name
        "Tri ân\n"
        "Nhờ sự hỗ trợ của tỉnh, nông dân Đồng Tháp đã bán lúa cho các doanh nghiệp TPHCM.",
        "2026-02-10", "Tri ân")
    assert apart.cooperation_pairs == ()


def test_a_person_speaking_for_a_province_gives_for_it():
    ex = extract_text(
        "Chúc Tết\n"
        "Thay mặt lãnh đạo TPHCM, đồng chí Võ Văn Minh chúc các đồng chí lãnh đạo tỉnh An Giang sức khỏe, hạnh phúc.\n"
        "Dịp này, đồng chí Võ Văn Minh đã trao bảng tượng trưng kinh phí hỗ trợ 500 triệu đồng đến tỉnh An Giang.",
        "2024-02-01", "Chúc Tết")
    assert fundings(ex) == [("Hồ Chí Minh", "An Giang", 500_000_000, "given")]


def test_two_provinces_joined_by_a_dash_in_the_name_of_their_event():
    ex = extract_text(
        "Xúc tiến thương mại\n"
        "Hội nghị xúc tiến thương mại, đầu tư và du lịch TP.HCM - Vĩnh Long năm 2022 diễn ra sáng nay.",
        "2022-06-20", "Xúc tiến thương mại")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Vĩnh Long"),)
    road = extract_text(
        "Giao thông\n"
        "Chương trình khảo sát tuyến đường sắt TP.HCM - Cần Thơ bắt đầu từ tuần sau.",
        "2022-06-20", "Giao thông")
    assert road.cooperation_pairs == ()


def test_a_member_of_a_citys_partner_region_introduced_as_a_side():
    ex = extract_text(
        "Cùng hợp tác - Cùng phát triển\n"
        "Hôm nay, 11/3, tại tỉnh Bến Tre đã diễn ra hội nghị tổng kết Chương trình hợp tác, phát triển KT-XH giữa "
        "Thành phố Hồ Chí Minh với các tỉnh, thành Đồng bằng sông Cửu Long. Về phía lãnh đạo tỉnh Long An có Phó Bí "
        "thư Tỉnh ủy, Chủ tịch UBND tỉnh Nguyễn Văn Út.",
        "2023-03-11", "Cùng hợp tác - Cùng phát triển")
    assert ("Hồ Chí Minh", "Long An") in ex.cooperation_pairs
    assert [e.date.isoformat() for e in ex.events] == ["2023-03-11"]


def test_a_programme_signed_with_the_bodies_of_listed_provinces_pairs_each_with_the_signer():
    ex = extract_text(
        "Đưa nông sản phía Bắc về Thủ đô\n"
        "Từ năm 2016 đến nay, Liên minh HTX TP Hà Nội đã ký kết thực hiện Chương trình liên kết hợp tác số 68/CTPH "
        "với Liên minh HTX 3 tỉnh gồm: Lào Cai, Cao Bằng và Bắc Kạn.",
        None, "Đưa nông sản phía Bắc về Thủ đô")
    assert ex.cooperation_pairs == (("Bắc Kạn", "Hà Nội"), ("Cao Bằng", "Hà Nội"), ("Hà Nội", "Lào Cai"))


def test_a_province_receiving_a_sum_with_goods_of_another_names_the_giver_after_them():
    ex = extract_text(
        "Khánh Hòa cảm ơn TP HCM\n"
        "Ngày 22-11, Tỉnh uỷ, UBND tỉnh Khánh Hòa trân trọng đón nhận khoản hỗ trợ 50 tỉ đồng cùng nhiều trang "
        "thiết bị, phương tiện, nhân lực y tế của TP HCM dành cho công tác khắc phục hậu quả lũ lụt.",
        "2025-11-22", "Khánh Hòa cảm ơn TP HCM")
    assert fundings(ex) == [("Hồ Chí Minh", "Khánh Hòa", 50_000_000_000, "given")]


def test_a_hand_over_told_undated_in_the_lead_takes_the_day_the_body_gives_it():
    ex = extract_text(
        "Hà Nội trao hỗ trợ khẩn cấp cho tỉnh Gia Lai 50 tỉ đồng\n"
        "TP Hà Nội trao hỗ trợ khẩn cấp tỉnh Gia Lai 50 tỉ đồng để khắc phục hậu quả mưa lũ, khôi phục sản xuất.\n"
        "Chiều 22.11, Thành ủy – HĐND – UBND – Ủy ban MTTQ Việt Nam TP Hà Nội đã quyết định hỗ trợ bước đầu tỉnh "
        "Gia Lai 50 tỉ đồng nhằm góp phần khắc phục hậu quả do mưa lũ gây ra.",
        "2025-11-23", "Hà Nội trao hỗ trợ khẩn cấp cho tỉnh Gia Lai 50 tỉ đồng")
    assert [(str(e.date), e.kind, e.place, e.organisers) for e in ex.events] == [
        ("2025-11-22", "lễ trao tặng", "Gia Lai", ("Hà Nội",))]


def test_the_hosts_listed_after_receiving_a_delegation_are_officials_of_the_province_it_visited():
    ex = extract_text(
        "Đoàn Trà Vinh làm việc tại Thái Bình\n"
        "Chiều 22/6, đoàn công tác tỉnh Trà Vinh làm việc với Ban Thường vụ Tỉnh ủy Thái Bình.\n"
        "Tiếp và làm việc với đoàn có các đồng chí: Ngô Đông Hải, Bí thư Tỉnh ủy; Nguyễn Tiến Thành, Phó Bí thư "
        "Tỉnh ủy, Chủ tịch HĐND tỉnh; Nguyễn Khắc Thận, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh.",
        "2018-06-23", "Đoàn Trà Vinh làm việc tại Thái Bình")
    assert {name: province for name, (_, province) in officials(ex).items()} == {
        "Ngô Đông Hải": "Thái Bình", "Nguyễn Tiến Thành": "Thái Bình", "Nguyễn Khắc Thận": "Thái Bình"}


def test_the_two_sides_at_an_opening_and_a_body_taken_as_partner_without_voi():
    sides = extract_text(
        "Khai mạc Tuần Văn hóa – du lịch Sơn La tại Hà Nội\n"
        "Tới dự lễ khai mạc, về phía trung ương có đồng chí Tòng Thị Phóng, Phó Chủ tịch Thường trực Quốc hội.\n"
        "Về phía thành phố Hà Nội có đồng chí Nguyễn Đức Chung, Chủ tịch UBND thành phố.\n"
        "Về phía tỉnh Sơn La có đồng chí Cầm Ngọc Minh, Chủ tịch UBND tỉnh.",
        None, "Khai mạc Tuần Văn hóa – du lịch Sơn La tại Hà Nội")
    assert sides.cooperation_pairs == (("Hà Nội", "Sơn La"),)
    body = extract_text(
        "Bà Rịa-Vũng Tàu giới thiệu sản phẩm OCOP\n"
        "Ngày 25/10, Trung tâm Xúc tiến Thương mại và Đầu tư Thành phố Hồ Chí Minh phối hợp Trung tâm Xúc tiến "
        "Đầu tư, Thương mại, Du lịch tỉnh Bà Rịa-Vũng Tàu tổ chức Tuần lễ triển lãm sản phẩm OCOP.",
        "2023-10-26", "Bà Rịa-Vũng Tàu giới thiệu sản phẩm OCOP")
    assert body.cooperation_pairs == (("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),)


def test_hosts_who_receive_a_named_delegation_after_it_arrived_are_its_partner():
    ex = extract_text(
        "Vĩnh Phúc dâng hương tại Hà Tĩnh\n"
        "Ngày 8/7, Đoàn công tác tỉnh Vĩnh Phúc do Bí thư Tỉnh ủy Hoàng Thị Thúy Lan dẫn đầu đã đến dâng hương tại "
        "các địa chỉ đỏ trên địa bàn Hà Tĩnh. Đón tiếp và cùng đi với đoàn về phía tỉnh Hà Tĩnh có Bí thư Tỉnh ủy "
        "Hoàng Trung Dũng.",
        "2023-07-09", "Vĩnh Phúc dâng hương tại Hà Tĩnh")
    assert ex.cooperation_pairs == (("Hà Tĩnh", "Vĩnh Phúc"),)


def test_a_joint_delegation_of_counted_provinces_pairs_each_with_each():
    ex = extract_text(
        "Ba tỉnh dâng hương tại Kim Liên\n"
        "Sáng 9/12, đoàn đại biểu 3 tỉnh Thanh Hóa, Nghệ An, Hà Tĩnh đã dâng hoa, dâng hương tại Khu di tích Kim Liên.",
        "2023-12-09", "Ba tỉnh dâng hương tại Kim Liên")
    assert ex.cooperation_pairs == (("Hà Tĩnh", "Nghệ An"), ("Hà Tĩnh", "Thanh Hóa"), ("Nghệ An", "Thanh Hóa"))
