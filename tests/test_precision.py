"""Precision on real-news phrasing: a fact enters the graph only when the text states a relation
between two parties. Each text is written here (synthetic), after phrasing seen in real pages."""

from __future__ import annotations

from extract_helpers import extract_text, fundings, officials

from cooperation_graph.extract.text import names_foreign


def test_money_without_a_giving_and_a_receiving_province_is_no_funding():
    ex = extract_text(
        "Lai Châu: di dời khẩn cấp 5 hộ dân\n"
        "UBND thành phố Lai Châu đã hỗ trợ bước đầu cho mỗi hộ thuộc diện di chuyển 5 triệu đồng.\n"
        "Mức giá chuyển nhượng là hơn 20 tỷ đồng và sau đó UBND TP HCM phê duyệt giá 103 tỷ đồng.\n"
        "Sau khi lĩnh thưởng, khách hàng đến từ Hà Nội đã trích 100 triệu đồng ủng hộ Quỹ vì người nghèo.",
        "2017-06-20", "Lai Châu: di dời khẩn cấp 5 hộ dân")
    assert ex.fundings == () and ex.cooperation_pairs == ()


def test_a_province_inside_a_person_name_or_a_constituency_is_not_the_province():
    ex = extract_text(
        "Cử tri Lâm Đồng đánh giá cao Phó Thủ tướng Trương Hòa Bình\n"
        "Phó Thủ tướng Thường trực Trương Hòa Bình tiếp xúc cử tri tỉnh Lâm Đồng.\n"
        "Đại biểu Trần Văn Tuyến (Vĩnh Phúc) hỏi về kinh phí cho dự án sân bay Long Thành ở Đồng Nai.",
        "2017-06-01", "Cử tri Lâm Đồng đánh giá cao Phó Thủ tướng Trương Hòa Bình")
    names = {p.name for p in ex.provinces}
    assert "Hòa Bình" not in names and "Vĩnh Phúc" not in names
    assert ex.cooperation_pairs == ()


def test_a_title_naming_two_provinces_is_not_a_relation():
    ex = extract_text(
        "CĐV Hải Phòng vượt 2.000 km đến Cần Thơ\n"
        "Hàng trăm cổ động viên Hải Phòng đã có mặt tại sân Cần Thơ để cổ vũ đội nhà.",
        "2017-06-25", "CĐV Hải Phòng vượt 2.000 km đến Cần Thơ")
    assert ex.cooperation_pairs == () and ex.agreements == ()


def test_a_foreign_partner_keeps_vietnamese_cosigners_apart():
    ex = extract_text(
        "Bang Virginia ký thỏa thuận hợp tác với các địa phương Việt Nam\n"
        "Sau hội thảo, Lễ ký Thỏa thuận hợp tác giữa bang Virginia với các đối tác Việt Nam gồm Hà Nội, "
        "Bà Rịa - Vũng Tàu, Đồng Nai và Long An đã diễn ra.\n"
        "Tỉnh Fukuoka và thành phố Hải Phòng vừa ký kết Thỏa thuận hợp tác hữu nghị.",
        "2017-05-10", "Bang Virginia ký thỏa thuận hợp tác với các địa phương Việt Nam")
    assert ex.agreements == () and ex.cooperation_pairs == ()


def test_a_letter_to_many_provinces_is_not_an_agreement_among_them():
    ex = extract_text(
        "Long An đề nghị các tỉnh đón người dân về quê\n"
        "Ông Nguyễn Minh Lâm, Phó Chủ tịch UBND tỉnh Long An cho biết vừa ký công văn gửi UBND 5 tỉnh, "
        "thành gồm: Cần Thơ, An Giang, Đồng Tháp, Bạc Liêu, Hậu Giang để có kế hoạch phối hợp với "
        "UBND tỉnh Long An đưa người dân về quê.",
        "2021-09-30", "Long An đề nghị các tỉnh đón người dân về quê")
    assert ex.agreements == ()
    assert len(ex.cooperation_pairs) <= 5  # Long An with each addressee at most, never all 15


def test_working_with_and_a_delegation_visit_give_the_pair():
    ex = extract_text(
        "HĐND hai tỉnh trao đổi kinh nghiệm\n"
        "Ngày 16/5, Thường trực HĐND tỉnh An Giang có buổi làm việc với Thường trực HĐND tỉnh Kiên Giang.\n"
        "Chiều 17/5, đoàn công tác tỉnh Sóc Trăng đã đến thăm và làm việc tại tỉnh Bạc Liêu.",
        "2019-05-17", "HĐND hai tỉnh trao đổi kinh nghiệm")
    assert set(ex.cooperation_pairs) == {("An Giang", "Kiên Giang"), ("Bạc Liêu", "Sóc Trăng")}


def test_a_plain_work_place_is_no_pair():
    ex = extract_text(
        "Bộ trưởng làm việc tại Hà Nội\n"
        "Sáng 3/6, Bộ trưởng Bộ Công thương làm việc tại Hà Nội về thị trường hàng hóa, sau đó làm việc tại "
        "Bắc Ninh.",
        "2019-06-03", "Bộ trưởng làm việc tại Hà Nội")
    assert ex.cooperation_pairs == ()


def test_foreign_names():
    assert names_foreign("tỉnh Champasak (Lào)") and names_foreign("tỉnh Brest")
    assert names_foreign("bang Virginia") and names_foreign("Tỉnh Fukuoka")
    assert not names_foreign("tỉnh Lào Cai và thành phố Vinh, thành phố Pleiku, huyện Mai Châu")
    assert not names_foreign("bà Nguyễn Thị Nga, ông Lê Minh Đức")


def test_distinct_provinces_funding_still_found():
    ex = extract_text(
        "Hà Nội hỗ trợ ba tỉnh\n"
        "Thành phố Hà Nội trao hỗ trợ tỉnh Điện Biên 2 tỷ đồng, tỉnh Lai Châu 5 tỷ đồng.",
        "2012-08-23", "Hà Nội hỗ trợ ba tỉnh")
    assert fundings(ex) == [("Hà Nội", "Lai Châu", 5_000_000_000, "given"),
                            ("Hà Nội", "Điện Biên", 2_000_000_000, "given")]


def test_an_event_without_a_day_is_still_an_event_when_the_article_is_undated():
    ex = extract_text(
        "Đà Nẵng hỗ trợ Quảng Nam\n"
        "Đoàn công tác thành phố Đà Nẵng đã đến thăm và trao hỗ trợ tỉnh Quảng Nam 2 tỷ đồng.",
        "", "Đà Nẵng hỗ trợ Quảng Nam")
    assert [(e.date, e.place) for e in ex.events] == [(None, "Quảng Nam")]
    assert ex.cooperation_pairs == (("Quảng Nam", "Đà Nẵng"),)


def test_an_event_of_an_article_without_a_relation_is_left_out():
    ex = extract_text(
        "Khánh Hòa bế mạc Festival Biển\n"
        "Tối 20/6, UBND tỉnh Khánh Hòa tổ chức lễ bế mạc Festival Biển và trao tặng bằng khen cho 25 "
        "doanh nghiệp.",
        "2017-06-21", "Khánh Hòa bế mạc Festival Biển")
    assert ex.events == () and ex.fundings == ()


def test_officials_are_people_with_public_posts():
    ex = extract_text(
        "Phó Thủ tướng làm việc với doanh nghiệp\n"
        "Phó Thủ tướng Vũ Đức Đam Ông cho hay, trước 2013 thành phố đã phê duyệt chủ trương.\n"
        "Dự buổi làm việc có Giám đốc Điều hành Vietjet Lưu Đức Khánh, Chủ tịch HĐQT Công ty Hòa Phát Trần Đình Long.\n"
        "Ngoại trưởng Mỹ Rex Tillerson và Bộ trưởng Quốc phòng Jim Mattis cũng có mặt.",
        "2017-06-01", "Phó Thủ tướng làm việc với doanh nghiệp")
    assert {o.name for o in ex.officials} == {"Vũ Đức Đam"}


def test_shares_after_a_total_are_the_fundings():
    ex = extract_text(
        "Hà Nội hỗ trợ 5 tỉnh\n"
        "Thành ủy - HĐND - UBND - Ủy ban MTTQ Việt Nam TP Hà Nội quyết định hỗ trợ 55 tỉ đồng cho Quỹ Cứu trợ "
        "của 5 tỉnh. Trong đó, Nghệ An và Hà Tĩnh mỗi tỉnh được hỗ trợ 15 tỉ đồng; Quảng Trị và Ninh Bình mỗi "
        "tỉnh 10 tỉ đồng; Thanh Hóa 5 tỉ đồng.",
        "2024-10-01", "Hà Nội hỗ trợ 5 tỉnh")
    assert fundings(ex) == [("Hà Nội", name, amount, "given") for name, amount in (
        ("Hà Tĩnh", 15_000_000_000), ("Nghệ An", 15_000_000_000), ("Ninh Bình", 10_000_000_000),
        ("Quảng Trị", 10_000_000_000), ("Thanh Hóa", 5_000_000_000))]


def test_a_list_then_each_gets_the_same_amount():
    ex = extract_text(
        "Quảng Ninh hỗ trợ miền Trung\n"
        "Tỉnh Quảng Ninh hỗ trợ các tỉnh gồm: Quảng Bình, Quảng Trị và Quảng Nam. Mỗi tỉnh được hỗ trợ 2 tỷ đồng.",
        "2020-10-20", "Quảng Ninh hỗ trợ miền Trung")
    assert fundings(ex) == [("Quảng Ninh", n, 2_000_000_000, "given") for n in ("Quảng Bình", "Quảng Nam", "Quảng Trị")]


def test_amount_before_its_recipient_is_not_read_as_a_share_of_the_previous_one():
    ex = extract_text(
        "Đà Nẵng chung tay vì miền Trung\n"
        "Tối 15-10, Ủy ban MTTQ Việt Nam TP Đà Nẵng trao gần 2 tỉ đồng hỗ trợ tỉnh Quảng Trị và 1,5 tỉ đồng "
        "hỗ trợ tỉnh Thừa Thiên Huế khắc phục hậu quả mưa lũ.",
        "2020-10-16", "Đà Nẵng chung tay vì miền Trung")
    assert fundings(ex) == [("Đà Nẵng", "Huế", 1_500_000_000, "given"), ("Đà Nẵng", "Quảng Trị", 2_000_000_000, "given")]


def test_a_month_only_page_date_gives_days_their_year_and_era():
    ex = extract_text(
        "Đà Nẵng hỗ trợ Nghệ An khắc phục hậu quả bão số 3\n"
        "Ngày 1/8, đoàn công tác TP.Đà Nẵng đã trao hỗ trợ 1 tỷ đồng cho người dân tỉnh Nghệ An "
        "khắc phục hậu quả mưa bão.",
        "2025-08", "Đà Nẵng hỗ trợ Nghệ An khắc phục hậu quả bão số 3")
    assert [e.date.isoformat() for e in ex.events] == ["2025-08-01"]
    assert fundings(ex) == [("Đà Nẵng", "Nghệ An", 1_000_000_000, "given")]
    assert {p.era for p in ex.provinces} == {"current"}
    assert [f.year for f in ex.fundings] == [2025]


def test_a_local_or_bare_post_without_its_province_is_no_official():
    ex = extract_text(
        "Người dân phản đối dự án bãi rác\n"
        "Ông Trần Quốc Thắng, Phó Chủ tịch UBND xã Tiên Phong cho biết đã báo cáo lên cấp trên.\n"
        "Ông Dương Công Minh, Chủ tịch, nói ngân hàng sẽ xem xét.\n"
        "Ông Lê Quang Hùng, Giám đốc Sở Y tế, đề nghị người dân bình tĩnh.\n"
        "Ông Nguyễn Văn Sơn, Phó Chủ tịch UBND tỉnh Quảng Nam, đã chỉ đạo kiểm tra.",
        "2017-05-02", "Người dân phản đối dự án bãi rác")
    assert officials(ex) == {"Nguyễn Văn Sơn": (("Phó Chủ tịch Ủy ban nhân dân",), "Quảng Nam")}


def test_foreign_persons_associations_and_central_posts():
    ex = extract_text(
        "Hội nghị G20 khai mạc\n"
        "Thủ tướng CHLB Đức Angela Merkel chủ trì hội nghị; Ủy viên Quốc vụ Trung Quốc Dương Khiết Trì có mặt.\n"
        "Ông Vũ Vinh Phú, Chủ tịch Hội siêu thị Hà Nội, và ông Nguyễn Anh Trí, Viện trưởng Viện huyết học "
        "truyền máu Trung ương, cũng phát biểu.\n"
        "Chiều cùng ngày, Phó Thủ tướng Vũ Đức Đam thăm và làm việc tại TP Đà Nẵng.",
        "2017-07-08", "Hội nghị G20 khai mạc")
    assert officials(ex) == {"Vũ Đức Đam": (("Phó Thủ tướng",), None)}


def test_an_undated_article_is_read_on_the_old_map_unless_it_speaks_of_the_merger():
    body = ("Bình Dương: xử phạt cơ sở xả thải\n"
            "Ông Phạm Văn Bảy, Phó Chủ tịch UBND thị xã Dĩ An, tỉnh Bình Dương cho biết sẽ xử lý nghiêm.")
    ex = extract_text(body, "", "Bình Dương: xử phạt cơ sở xả thải")
    assert [(p.name, p.era) for p in ex.provinces] == [("Bình Dương", "legacy")]
    assert officials(ex)["Phạm Văn Bảy"][1] == "Bình Dương"
    undated = extract_text("Hà Nội: hội nghị\nUBND TP Hà Nội tổ chức hội nghị.", "", "Hà Nội: hội nghị")
    assert [(p.name, p.era) for p in undated.provinces] == [("Hà Nội", "legacy")]
    undated_new = extract_text("Gia Lai: hội nghị\nUBND tỉnh Gia Lai (sau sáp nhập với Bình Định) tổ chức hội nghị.",
                               "", "Gia Lai: hội nghị")
    assert ("Gia Lai", "current") in [(p.name, p.era) for p in undated_new.provinces]


def test_venues_origins_and_police_case_work_give_no_pair():
    ex = extract_text(
        "Bắt nghi phạm lừa đảo\n"
        "Công an TP HCM vừa phối hợp với Công an quận Gò Vấp di lý nghi phạm Trần Văn Định (SN 1993, "
        "quê Phú Yên) về TP HCM để điều tra.\n"
        "Sau đó, Công an TP Cần Thơ đã phối hợp với Công an tỉnh Khánh Hòa bắt giữ Trường khi đang lẩn trốn.\n"
        "Ngày 6/2, tại Hà Nội, Ban chỉ đạo Tây Nguyên đã phối hợp với UBND tỉnh Đắk Lắk tổ chức họp báo.",
        "2017-02-07", "Bắt nghi phạm lừa đảo")
    assert ex.cooperation_pairs == ()


def test_money_with_neither_end_named_in_its_sentence_is_no_funding():
    ex = extract_text(
        "Đoàn người có công Quận 3 thăm Hà Nội\n"
        "Đoàn đại biểu người có công Quận 3, Thành phố Hồ Chí Minh đến thăm Thủ đô Hà Nội.\n"
        "5 năm qua, Quỹ đền ơn đáp nghĩa của Quận đã chi hỗ trợ 127 trường hợp với số tiền 674,5 triệu đồng.\n"
        "Nhiều nạn nhân chất độc da cam cần được giúp đỡ với hơn 394,6 tỷ đồng tặng quà dịp 27/7.",
        "2017-06-24", "Đoàn người có công Quận 3 thăm Hà Nội")
    assert ex.fundings == ()


def test_one_amount_for_a_list_of_provinces_is_no_ones_funding_but_each_is_a_partner():
    ex = extract_text(
        "TPHCM hỗ trợ đồng bào phía Bắc\n"
        "Trước đó, TPHCM cũng đã chuyển 1 tỷ đồng đến nhân dân các tỉnh Lào Cai, Yên Bái, Phú Thọ và "
        "600 triệu đồng đến nhân dân các tỉnh Hà Giang, Tuyên Quang, Bắc Kạn.\n"
        "Hà Nội trao hỗ trợ tỉnh Điện Biên 2 tỷ đồng, tỉnh Lai Châu 1 tỷ đồng.",
        "2016-08-14", "TPHCM hỗ trợ đồng bào phía Bắc")
    assert fundings(ex) == [("Hà Nội", "Lai Châu", 1_000_000_000, "given"),
                            ("Hà Nội", "Điện Biên", 2_000_000_000, "given")]
    assert {p for p in ex.cooperation_pairs if "Hồ Chí Minh" in p} == {
        tuple(sorted(("Hồ Chí Minh", n))) for n in
        ("Lào Cai", "Yên Bái", "Phú Thọ", "Hà Giang", "Tuyên Quang", "Bắc Kạn")}


def test_two_provinces_named_together_are_no_one_s_partners_for_money_and_documents():
    ex = extract_text(
        "Cấp phép đầu tư hai dự án\n"
        "Công ty Pomina được cấp phép dự án tại Bà Rịa - Vũng Tàu với vốn 868 tỷ đồng, còn một công ty khác "
        "đầu tư tại Quảng Ngãi.\n"
        "Đắk Lắk tổ chức họp báo tại Hà Nội giới thiệu 10 chương trình hợp tác của lễ hội.",
        "2017-03-01", "Cấp phép đầu tư hai dự án")
    assert ex.cooperation_pairs == () and ex.fundings == () and ex.agreements == ()
    titled = extract_text(
        "Bình Dương tiếp tục hỗ trợ Bình Phước phát triển vùng biên giới\n"
        "Tỉnh đã trao 30 tỷ đồng cho các huyện biên giới.",
        "2015-06-18", "Bình Dương tiếp tục hỗ trợ Bình Phước phát triển vùng biên giới")
    assert titled.cooperation_pairs == (("Bình Dương", "Bình Phước"),)


def test_a_border_a_criminal_case_and_a_central_inspection_are_no_relation():
    ex = extract_text(
        "Đề nghị dừng đổ thải tại vùng biển giáp ranh\n"
        "Liên quan đến việc tàu xả bùn thải trên vùng biển giáp ranh giữa hai tỉnh Nghệ An và Thanh Hóa, cần phối "
        "hợp để giải quyết.\n"
        "Bài toán điều tra còn phụ thuộc vào sự phối hợp giữa hai tỉnh Gia Lai và Kon Tum.\n"
        "Ngày 8/7, Đoàn kiểm tra của Bộ Chính trị do đồng chí Nguyễn Thiện Nhân - Ủy viên Bộ Chính trị, Bí thư "
        "Thành ủy Thành phố Hồ Chí Minh làm Trưởng đoàn đã làm việc với Ban Thường vụ Tỉnh ủy Cà Mau.",
        "2017-07-09", "Đề nghị dừng đổ thải tại vùng biển giáp ranh")
    assert ex.cooperation_pairs == () and ex.events == () and ex.agreements == ()
    visit = extract_text(
        "Bí thư Thăng thăm nhà ở xã hội\n"
        "Sáng 5-2, Bí thư Thành ủy TP HCM Đinh La Thăng cùng đoàn công tác đã đến thăm hỏi một số gia đình công "
        "nhân ở khu nhà ở xã hội tại tỉnh Bình Dương.",
        "2017-02-06", "Bí thư Thăng thăm nhà ở xã hội")
    assert visit.cooperation_pairs == (("Bình Dương", "Hồ Chí Minh"),)


def test_clubs_companies_routes_audiences_and_criminal_money_are_no_relation():
    ex = extract_text(
        "Ngoại binh nhập tịch giúp SHB Đà Nẵng đại thắng Than Quảng Ninh\n"
        "Công ty Quốc Cường Gia Lai ký biên bản ghi nhớ với Sunny Island về khu đất ở TP HCM.\n"
        "Ngày 4/8, Sơn Tùng biểu diễn tại Cung thể thao Tiên Sơn (Đà Nẵng) và gặp gỡ với khán giả Hà Nội ngày 11/8.\n"
        "Bị cáo nhận 50 triệu đồng tiền công để vận chuyển ma túy từ Hà Nội vào TP HCM.\n"
        "Hiện Bình Dương có 85 dự án nhà ở xã hội, TP HCM sẽ học tập mô hình này.\n"
        "Chính phủ giao chính quyền 3 tỉnh xây dựng đặc khu Vân Đồn (Quảng Ninh), Bắc Vân Phong (Khánh Hòa) "
        "và Phú Quốc (Kiên Giang).",
        "2017-06-02", "Ngoại binh nhập tịch giúp SHB Đà Nẵng đại thắng Than Quảng Ninh")
    assert ex.cooperation_pairs == () and ex.fundings == () and ex.investments == () and ex.agreements == ()
    route = extract_text("Đi bộ từ Yên Bái về Hà Nội, phụ hồ được CSGT giúp đỡ\nAnh đi bộ suốt ba ngày.",
                         "2017-01-02", "Đi bộ từ Yên Bái về Hà Nội, phụ hồ được CSGT giúp đỡ")
    assert route.cooperation_pairs == ()


def test_fragments_places_religious_company_and_association_posts_are_no_officials():
    ex = extract_text(
        "Tin tổng hợp\n"
        "Bộ trưởng Giao thông lo quá tải ở Tân Sơn Nhất, Bộ trưởng Trương Quang Nghĩa cho biết.\n"
        "Ông Thích Thanh Quyết, Phó Chủ tịch Hội đồng trị sự Giáo hội Phật giáo Việt Nam, phát biểu.\n"
        "Ông Trần Khánh Chương, Chủ tịch Hội Mỹ thuật Việt Nam, nhận định bức tranh có sự sao chép.\n"
        "Ông Trịnh Sướng, Chủ tịch HĐTV công ty, bị bắt.\n"
        "Ông Lò Văn Huynh, Trưởng phòng khảo thí, cho biết kỳ thi diễn ra an toàn.\n"
        "Ông Cù Ngọc Nam, Phó Giám đốc Sở Y tế tỉnh Hà Tĩnh, cho biết.",
        "2018-07-01", "Tin tổng hợp")
    assert set(officials(ex)) == {"Trương Quang Nghĩa", "Cù Ngọc Nam"}


def test_universities_clubs_police_and_a_setting_are_no_relation():
    ex = extract_text(
        "Tin tổng hợp\n"
        "Trường ĐH Công nghiệp thực phẩm TP. HCM năm nay phối hợp với Sở GD-ĐT tỉnh Tây Ninh tổ chức coi thi.\n"
        "Ngày 20-11, Tỉnh đoàn Tiền Giang phối hợp với Câu lạc bộ Tiếp sức đến trường Tiền Giang - Bến Tre tại "
        "TP. HCM trao học bổng.\n"
        "Sáng 22/8, Bộ Tài nguyên và Môi trường phối hợp với Đại học quốc gia Hà Nội và UBND tỉnh Quảng Trị tổ "
        "chức hội nghị.\n"
        "Ngày 28-12, Công an huyện Cai Lậy (Tiền Giang) đã đến trụ sở Công an phường Đông Hòa, Bình Dương để làm "
        "việc với tài xế.",
        "2018-12-29", "Tin tổng hợp")
    assert ex.cooperation_pairs == () and ex.events == ()
    gift = extract_text(
        "TPHCM tặng Điện Biên 10 tỷ đồng\n"
        "Tại buổi làm việc với lãnh đạo tỉnh Điện Biên, Bí thư Thành ủy TPHCM Nguyễn Văn Nên trao tặng tỉnh Điện "
        "Biên 10 tỷ đồng xây dựng nhà đại đoàn kết.",
        "2024-05-06", "TPHCM tặng Điện Biên 10 tỷ đồng")
    assert fundings(gift) == [("Hồ Chí Minh", "Điện Biên", 10_000_000_000, "given")]


def test_a_bank_s_list_receipts_a_residence_and_former_holders():
    ex = extract_text(
        "BIDV hỗ trợ 4 tỉnh miền Trung\n"
        "Đồng thời, để giúp đỡ 4 tỉnh khắc phục thiệt hại sau lũ, BIDV đã hỗ trợ tỉnh Quảng Bình: 600 triệu đồng, "
        "tỉnh Quảng Trị: 500 triệu đồng, Nghệ An, Hà Tĩnh mỗi tỉnh: 300 triệu đồng.\n"
        "Một số địa phương đã tiếp nhận đăng ký ủng hộ người nghèo là: tỉnh Quảng Bình: 21 tỷ, tỉnh Thái Nguyên "
        "6,8 tỷ đồng.\n"
        "UBND tỉnh Đồng Nai tặng bằng khen cho chị Thạch Thị Tha (quê Trà Vinh, tạm trú TP Biên Hòa) kèm số tiền "
        "thưởng gần 7 triệu đồng.\n"
        "Nguyên Chủ tịch nước, Đại tướng Lê Đức Anh từ trần.",
        "2016-10-20", "BIDV hỗ trợ 4 tỉnh miền Trung")
    assert ex.fundings == () and ex.cooperation_pairs == () and ex.officials == ()


def test_a_foreign_partner_is_a_typed_node_of_its_own():
    from cooperation_graph.mapping import extraction_to_quads, quads_to_rdflib_graph
    from cooperation_graph.validate import validate_graph

    ex = extract_text(
        "Bang Virginia ký thỏa thuận hợp tác với các địa phương Việt Nam\n"
        "Lễ ký Thỏa thuận hợp tác giữa bang Virginia với các đối tác Việt Nam gồm Hà Nội, Bà Rịa - Vũng Tàu và "
        "Long An đã diễn ra.\n"
        "Tỉnh Lào Cai và tỉnh Vân Nam (Trung Quốc) hội đàm về hợp tác biên giới.",
        "2017-05-10", "Bang Virginia ký thỏa thuận hợp tác với các địa phương Việt Nam")
    assert ex.cooperation_pairs == ()
    assert [(f.name, f.country, f.partners) for f in ex.foreign_partners] == [
        ("bang Virginia", None, ("Hà Nội", "Bà Rịa - Vũng Tàu", "Long An")),
        ("Vân Nam", "Trung Quốc", ("Lào Cai",))]
    g = quads_to_rdflib_graph(extraction_to_quads(ex))
    rows = g.query("""PREFIX cg: <https://w3id.org/coopgraph/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label ?country (COUNT(?p) AS ?n) WHERE {
          ?f a cg:ForeignPartnership ; cg:foreignParty ?party ; cg:vietnamesePartner ?p .
          ?party a cg:ForeignParty ; rdfs:label ?label . OPTIONAL { ?party cg:country ?country } }
        GROUP BY ?label ?country ORDER BY ?label""")
    assert [(str(r[0]), r[1] and str(r[1]), int(r[2])) for r in rows] == [
        ("Vân Nam", "Trung Quốc", 1), ("bang Virginia", None, 3)]
    from cooperation_graph.mapping import gazetteer_quads, quads_to_rdflib

    report = validate_graph(quads_to_rdflib(extraction_to_quads(ex) + gazetteer_quads()))
    assert report.conforms, report.text()


def test_provinces_asked_to_coordinate_are_not_partners_yet():
    ex = extract_text(
        "Tây Ninh đưa người dân về quê\n"
        "Phó Chủ tịch UBND tỉnh Tây Ninh cho biết vừa gửi công văn tới UBND các tỉnh gồm: Cần Thơ, An Giang, "
        "Đồng Tháp, Gia Lai để có kế hoạch phối hợp với UBND tỉnh Tây Ninh đưa người dân về quê.",
        "2021-09-30", "Tây Ninh đưa người dân về quê")
    assert ex.cooperation_pairs == ()


def test_a_post_ends_where_a_lowercase_aside_begins_but_a_ministry_s_name_keeps_its_commas():
    ex = extract_text(
        "Yên Bái làm việc với Bộ Văn hóa\n"
        "Ngày 4/5, ông Phạm Văn Quý, Giám đốc Sở Tài nguyên và Môi trường tỉnh Yên Bái, em trai ông Phạm Văn "
        "Cường, cùng ông Nguyễn Văn An, Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch, dự buổi làm việc.",
        "2017-05-05", "Yên Bái làm việc với Bộ Văn hóa")
    got = officials(ex)
    assert got["Phạm Văn Quý"] == (("Giám đốc Sở Tài nguyên và Môi trường",), "Yên Bái")
    assert got["Nguyễn Văn An"] == (("Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch",), None)


def test_a_total_followed_by_its_shares_in_the_same_sentence_is_not_one_more_gift():
    ex = extract_text(
        "Cần Thơ ủng hộ miền Bắc\n"
        "Ngay trong ngày 6-10, TP Cần Thơ đã trao 1,5 tỷ đồng (trích từ nguồn quỹ cứu trợ) để ủng hộ đồng bào "
        "các tỉnh: Thanh Hóa, Hà Tĩnh và Nghệ An (mỗi địa phương 500 triệu đồng).",
        "2025-10-07", "Cần Thơ ủng hộ miền Bắc")
    assert fundings(ex) == [("Cần Thơ", r, 500_000_000, "given") for r in ("Hà Tĩnh", "Nghệ An", "Thanh Hóa")]


def test_a_per_head_amount_is_not_a_province_gift():
    ex = extract_text(
        "News\nA delegation of Ho Chi Minh City visited Quang Ngai and presented VND2 billion to the "
        "province. The delegation also presented gifts to 98 disadvantaged households in the province "
        "with VND2 million per household.", "2024-01-30", "News")
    assert fundings(ex) == [("Hồ Chí Minh", "Quảng Ngãi", 2_000_000_000, "given")]
    ex = extract_text("News\nHau Giang province presented 1,000 Tet gifts to poor families in Dong Nai "
                      "province, of 600,000 VND each.", "2024-01-30", "News")
    assert fundings(ex) == []


def test_a_name_cut_off_where_the_page_ends_is_the_full_name_already_read():
    ex = extract_text(
        "Hội đồng điều phối vùng họp\n"
        "Phó Thủ tướng Lê Minh Khái chủ trì hội nghị Hội đồng điều phối vùng.\n"
        "Tại hội nghị, Phó Thủ tướng Lê Minh Kh",
        "2023-09-28", "Hội đồng điều phối vùng họp")
    assert list(officials(ex)) == ["Lê Minh Khái"]


def test_abbreviated_director_posts_are_read_as_directors():
    ex = extract_text(
        "Hội nghị liên kết du lịch Hà Tĩnh – Bình Định\n"
        "Các đồng chí: Bùi Văn A, GĐ Sở VH, TT & DL Hà Tĩnh và Nguyễn Văn B, PGĐ Sở VH, TT & DL Bình Định "
        "chủ trì hội nghị.", "2015-06-10", "Hội nghị liên kết du lịch Hà Tĩnh – Bình Định")
    assert officials(ex) == {"Bùi Văn A": (("Giám đốc Sở VH, TT & DL",), "Hà Tĩnh"),
                             "Nguyễn Văn B": (("Phó Giám đốc Sở VH, TT & DL",), "Bình Định")}


def test_a_province_inside_a_university_name_written_in_lower_case():
    ex = extract_text(
        "Kỳ thi đánh giá năng lực\n"
        "Kỳ thi có 448 phòng thi do Sở Giáo dục tỉnh Quảng Bình chủ trì phối hợp với trường đại học Khoa học "
        "Huế và đại học Sư phạm Hà Nội tổ chức.", "2017-06-20", "Kỳ thi đánh giá năng lực")
    assert ex.cooperation_pairs == ()


def test_a_province_asked_to_work_with_another_has_not_done_so():
    ex = extract_text(
        "Dự án lò đốt rác gây bức xúc\n"
        "Công ty cấp nước đề nghị HĐND và UBND TP. Đà Nẵng quan tâm đến dự án này và làm việc với lãnh đạo "
        "UBND tỉnh Quảng Nam để có hướng xử lý.", "2018-05-10", "Dự án lò đốt rác gây bức xúc")
    assert ex.cooperation_pairs == ()


def test_a_ward_named_like_a_province_and_placed_in_another_is_not_that_province():
    ex = extract_text(
        "Ra quân vệ sinh môi trường\n"
        "UBND phường Thái Bình (thành phố Hòa Bình) đã phối hợp với UBND tỉnh Hòa Bình tổ chức ra quân.\n"
        "Đảng ủy phường Hoàn Kiếm (Hà Nội) và Đảng ủy phường Sài Gòn (TP.HCM) ký kết chương trình phối hợp.",
        "2018-05-10", "Ra quân vệ sinh môi trường")
    assert "Thái Bình" not in {p.name for p in ex.provinces}
    assert ex.cooperation_pairs == (("Hà Nội", "Hồ Chí Minh"),)  # a ward in the province it is named like


def test_a_province_named_where_something_is_or_comes_from_organises_no_event():
    ex = extract_text(
        "Phóng viên quốc tế được ưu đãi\n"
        "Sáng 20-2, ngoài ưu đãi đi xe buýt, du lịch Hà Nội, Hạ Long, Ninh Bình miễn phí, phóng viên còn được "
        "dự hội nghị báo chí.\n"
        "Chiều 14-4, một nhóm bạn trẻ đến từ TP. HCM cùng sinh viên Trường Cao đẳng Cần Thơ đã dọn rác tại lễ hội "
        "đang diễn ra ở Cần Thơ.\n"
        "Sáng 20-4, tại hội nghị tổng kết, Thứ trưởng cho rằng các lễ hội chọi trâu ở Vĩnh Phúc, Phú Thọ, "
        "Hải Phòng cần đổi mới cách thức tổ chức.",
        "2018-04-21", "Phóng viên quốc tế được ưu đãi")
    assert ex.cooperation_pairs == ()
    assert all(len(e.organisers) < 2 for e in ex.events)


def test_provinces_organising_together_keep_their_event():
    ex = extract_text(
        "Hội nghị xúc tiến đầu tư\n"
        "Ngày 3/1 tại Đà Lạt, UBND TP.HCM phối hợp cùng lãnh đạo các tỉnh Tây Nguyên gồm Đắk Lắk, Gia Lai "
        "tổ chức hội nghị xúc tiến đầu tư.\n"
        "Sáng 21-10, Thành ủy Đà Nẵng và Tỉnh ủy Quảng Nam tổ chức lễ kỷ niệm chung.",
        "2024-01-04", "Hội nghị xúc tiến đầu tư")
    assert ("Gia Lai", "Hồ Chí Minh") in ex.cooperation_pairs and ("Hồ Chí Minh", "Đắk Lắk") in ex.cooperation_pairs
    assert ("Quảng Nam", "Đà Nẵng") in ex.cooperation_pairs


def test_a_bank_branch_named_after_a_province_is_not_the_province():
    ex = extract_text(
        "Ngân hàng hỗ trợ nạn nhân lũ quét\n"
        "Chiều 27-6, Chi nhánh BIDV Lai Châu đã trao cho Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu "
        "số tiền 250 triệu đồng.\n"
        "Ngày 28-6, đại diện BIDV Chi nhánh Hà Giang cũng đã đến thăm hỏi và trao 20 triệu đồng hỗ trợ cho "
        "các gia đình tại tỉnh Hà Giang.\n"
        "Ông Phan Văn Hưng, Phó Giám đốc Agribank Hà Giang trao 10 triệu đồng cho gia đình ở Lai Châu.",
        "2018-06-29", "Ngân hàng hỗ trợ nạn nhân lũ quét")
    assert ex.fundings == () and ex.cooperation_pairs == ()
    assert all(len({e.place, *e.organisers} - {None}) < 2 for e in ex.events)


def test_police_directing_traffic_together_and_a_school_delegation_are_no_pair():
    ex = extract_text(
        "Ùn ứ trên cầu Rạch Miễu\n"
        "Đến gần 12h, cảnh sát giao thông tỉnh Tiền Giang đã phối hợp với phía Bến Tre tạm ngưng lưu thông.\n"
        "Ngày 24/9, biên phòng Hải Phòng phối hợp với tàu cá tiếp tục tìm kiếm ngư dân Thanh Hóa mất tích.\n"
        "Tối 8/1, đoàn cán bộ nhà trường từ tỉnh Kiên Giang đã khẩn trương đến TP. Đà Nẵng để hỗ trợ các em.\n"
        "Chiều 12/4, theo lời khai của giám đốc công ty, Sở Y tế Hải Phòng phối hợp với nhà chức trách tỉnh "
        "Hưng Yên kiểm tra cơ sở.",
        "2018-04-13", "Ùn ứ trên cầu Rạch Miễu")
    assert ex.cooperation_pairs == ()


def test_cooperation_wanted_or_said_to_be_missing_is_no_pair():
    ex = extract_text(
        "Du lịch hai địa phương ngăn sông cấm chợ\n"
        "Lãnh đạo Hải Phòng muốn làm việc với tỉnh Quảng Ninh nhằm tháo gỡ những bất cập.\n"
        "Câu chuyện giữa hai địa phương của Quảng Ninh và Hải Phòng cho thấy các tỉnh đã không có sự hợp tác.",
        "2018-05-30", "Du lịch hai địa phương ngăn sông cấm chợ")
    assert ex.cooperation_pairs == ()


def test_a_hand_over_still_to_come_is_no_event():
    ex = extract_text(
        "Đoàn cứu trợ lên đường\n"
        "Tỉnh Bình Dương đã hỗ trợ tỉnh Quảng Bình 5 tỷ đồng khắc phục hậu quả lũ lụt.\n"
        "Đoàn công tác tỉnh Bình Dương cũng sẽ trao 900 suất quà cho các hộ bị thiệt hại tại tỉnh Quảng Bình.",
        "2016-10-20", "Đoàn cứu trợ lên đường")
    assert [e.place for e in ex.events if e.kind == "lễ trao tặng"] == []


def test_two_provinces_meeting_a_company_are_its_guests_not_partners():
    ex = extract_text(
        "Làm việc với Tập đoàn Dầu khí\n"
        "Ngày 24/10, các đoàn Đại biểu Quốc hội thành phố Cần Thơ và tỉnh Cà Mau đã có buổi làm việc tại trụ sở Tập đoàn.\n"
        "Về phía Tập đoàn Dầu khí Việt Nam có ông Trần Văn Thanh, Chủ tịch HĐTV.\n"
        "Về phía thành phố Cần Thơ có ông Trần Quốc Trung, Bí thư Thành ủy.\n"
        "Về phía tỉnh Cà Mau có ông Dương Thanh Bình, Bí thư Tỉnh ủy.",
        "2018-10-25", "Làm việc với Tập đoàn Dầu khí")
    assert ex.cooperation_pairs == ()


def test_provinces_signing_with_an_international_lender_are_its_partners_not_each_others():
    ex = extract_text(
        "Ký hiệp định dự án du lịch\n"
        "Ngày 15-8, Ngân hàng Phát triển châu Á (ADB) và UBND các tỉnh Quảng Bình, Quảng Trị và Thừa Thiên Huế "
        "đã ký kết hiệp định dự án phát triển hạ tầng du lịch.\n"
        "Sau hai năm thực hiện chương trình hợp tác giữa TP Hải Phòng và tỉnh Quảng Ninh, hai địa phương đã "
        "hoàn thiện hồ sơ trình UNESCO.",
        "2017-08-16", "Ký hiệp định dự án du lịch")
    assert ex.cooperation_pairs == (("Hải Phòng", "Quảng Ninh"),)  # a dossier sent to UNESCO: no party


def test_a_company_relieving_two_provinces_is_no_funding_between_them():
    ex = extract_text(
        "Doanh nghiệp cứu trợ miền Trung\n"
        "Công ty sữa sẽ trực tiếp đi cứu trợ người dân vùng lũ Hà Tĩnh, Quảng Bình và ủng hộ 2 tỷ đồng tiền mặt.",
        "2016-10-20", "Doanh nghiệp cứu trợ miền Trung")
    assert ex.fundings == () and ex.cooperation_pairs == ()


def test_clubs_named_after_provinces_in_a_football_story_are_no_provinces_acting():
    ex = extract_text(
        "Tiền đạo chuyển sang khoác áo FLC Thanh Hóa\n"
        "Tiền đạo Văn Thắng là cầu thủ ghi bàn chủ lực của Hải Phòng ở V.League.\n"
        "FLC Thanh Hóa đã tiến hành làm việc với Hải Phòng theo phương án trao đổi cầu thủ.",
        "2017-06-20", "Tiền đạo chuyển sang khoác áo FLC Thanh Hóa")
    assert ex.cooperation_pairs == () and ex.events == ()


def test_sites_listed_after_an_ellipsis_and_a_national_conference_on_two_cities_are_no_pairs():
    ex = extract_text(
        "Xây dựng thiết chế công đoàn\n"
        "Từ nay tới 2018 sẽ xây dựng 10 thiết chế đầu tiên tại Hà Nam, Quảng Nam và Tiền Giang....Liên đoàn đã "
        "làm việc với UBND tỉnh Hà Nam để thống nhất cơ chế.\n"
        "Tại hội nghị tổng kết Nghị quyết về khắc phục ùn tắc giao thông trên địa bàn Hà Nội và TP Hồ Chí Minh, "
        "lãnh đạo TP Hà Nội đã gặp gỡ báo chí.",
        "2017-06-20", "Xây dựng thiết chế công đoàn")
    assert ex.cooperation_pairs == ()


def test_cooperation_proposed_police_rerouting_and_an_address_are_no_pairs():
    ex = extract_text(
        "Quốc lộ ùn tắc vì tai nạn\n"
        "Lực lượng cảnh sát giao thông tỉnh Bắc Ninh và Hải Dương đã phải phối hợp phân luồng.\n"
        "Ông Lê Văn Nam, Phó Chủ tịch UBND TP Hải Phòng, cho biết đã gửi văn bản sang Quảng Ninh đề xuất buổi "
        "làm việc tuần tới để cùng phối hợp, thúc đẩy du lịch của hai địa phương.\n"
        "Ngày 15-5, Bí thư Thành đoàn TP. HCM đã đến căn nhà của gia đình anh Nam tại Trảng Bom, Đồng Nai "
        "phúng viếng và trao số tiền bạn đọc ủng hộ.",
        "2018-05-16", "Quốc lộ ùn tắc vì tai nạn")
    assert ex.cooperation_pairs == ()
    assert all(len(e.organisers) < 2 for e in ex.events)


def test_branches_in_two_provinces_working_with_their_own_departments_are_no_pair():
    ex = extract_text(
        "Ngân hàng hỗ trợ nạn nhân lũ quét\n"
        "Ngân hàng đã giao các chi nhánh trên địa bàn 2 tỉnh Lai Châu và Hà Giang phối hợp với Sở Lao động - "
        "Thương binh và Xã hội của tỉnh để chuyển tiền hỗ trợ tới gia đình các nạn nhân.",
        "2018-06-29", "Ngân hàng hỗ trợ nạn nhân lũ quét")
    assert ex.cooperation_pairs == ()


def test_a_school_named_after_a_city_is_not_the_city():
    ex = extract_text(
        "Trao đổi học sinh với Ulyanovsk\n"
        "Nhân dịp này, lãnh đạo Trường Phổ thông trung học Hồ Chí Minh và Trường chuyên Phan Bội Châu của "
        "tỉnh Nghệ An đã ký thỏa thuận hợp tác.",
        "2017-06-20", "Trao đổi học sinh với Ulyanovsk")
    assert ex.cooperation_pairs == () and ex.agreements == ()


def test_a_province_attracting_projects_and_a_road_s_investment_capital_name_no_investor():
    ex = extract_text(
        "Nhà ở cho công nhân\n"
        "Bí thư Thành ủy TP HCM thăm nhà ở của công nhân tại Bình Dương. Theo lãnh đạo tỉnh Bình Dương, địa "
        "phương này đã thu hút 85 dự án nhà ở xã hội.\n"
        "Tuyến đường dài 14 km trên địa bàn TP Hải Phòng và 9 km trên địa bàn tỉnh Thái Bình có tổng vốn đầu "
        "tư là 3.460 tỷ đồng.",
        "2017-06-20", "Nhà ở cho công nhân")
    assert ex.investments == ()


def test_a_plan_with_a_body_that_is_not_a_province_is_no_agreement_between_provinces():
    ex = extract_text(
        "Hội Luật gia tư vấn pháp luật\n"
        "Hội Luật gia tỉnh Bình Phước triển khai kế hoạch hỗ trợ pháp lý, Hội Luật gia tỉnh Lai Châu thực hiện "
        "Kế hoạch phối hợp với Công an tỉnh về tuyên truyền pháp luật.",
        "2017-06-20", "Hội Luật gia tư vấn pháp luật")
    assert ex.agreements == () and ex.cooperation_pairs == ()


def test_provinces_a_ministry_asks_to_work_together_have_not_done_so():
    ex = extract_text(
        "Khảo sát luồng tàu biển\n"
        "Bộ GTVT cũng đề nghị các tỉnh Trà Vinh, Sóc Trăng, Bạc Liêu và Cà Mau phối hợp thực hiện việc khảo sát.",
        "2017-06-20", "Khảo sát luồng tàu biển")
    assert ex.cooperation_pairs == ()


def test_shops_in_two_cities_and_an_airline_route_are_no_pair():
    ex = extract_text(
        "Chợ hoa trong siêu thị\n"
        "Nhằm hỗ trợ người trồng hoa có chỗ bán ổn định, Công ty Vincommerce mở điểm bán hoa tại các siêu thị "
        "khu vực Hà Nội và TP. HCM.\n"
        "Trong thời gian sửa sân bay, các chuyến bay do hai hãng hợp tác liên danh trên đường bay giữa TP HCM - "
        "Cà Mau sẽ tạm dừng.",
        "2018-02-01", "Chợ hoa trong siêu thị")
    assert ex.cooperation_pairs == ()


def test_support_named_before_its_giver_still_gives_the_pair():
    ex = extract_text(
        "Hỗ trợ Khánh Hòa\n"
        "Thực hiện hỗ trợ tỉnh Khánh Hòa đợt này, Thành phố Hồ Chí Minh đã chuyển 20 tỷ đồng.",
        "2017-11-20", "Hỗ trợ Khánh Hòa")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Khánh Hòa"),)


def test_a_project_developer_is_no_province_investing():
    ex = extract_text(
        "Người mua đất đòi sổ đỏ\n"
        "Gần 1.000 người mua đất tại 3 dự án ở thị xã Điện Bàn, tỉnh Quảng Nam do Công ty CP Bách Đạt An làm "
        "chủ đầu tư đã có mặt tại Đà Nẵng để làm việc với đơn vị phân phối.",
        "2018-03-30", "Người mua đất đòi sổ đỏ")
    assert ex.investments == () and ex.cooperation_pairs == ()


def test_associations_factories_bars_and_brands_hold_no_public_post():
    ex = extract_text(
        "Ý kiến chuyên gia\n"
        "Bà Bùi Thị An - Chủ tịch hội Hoá học TP. Hà Nội, nguyên ĐBQH khoá XIII cho biết như vậy.\n"
        "Giáo sư Phạm Ngọc Đăng, Phó Chủ tịch Hội Bảo vệ thiên nhiên và môi trường Việt Nam cảnh báo về bụi mịn.\n"
        "Ông Tạ Hữu Hùng, Phó giám đốc phụ trách nhà máy cho biết mực nước đã lên.\n"
        "Ông Nguyễn Văn Chiến - chủ nhiệm Đoàn luật sư TP Hà Nội - ký quyết định kỷ luật.\n"
        "Việt Nam có thêm hai tỷ phú là Chủ tịch Thaco - Trần Bá Dương và ông Lê Văn Tám.\n"
        "Chủ tịch Hội Nông dân tỉnh Nghệ An Nguyễn Văn Đệ và Phó Chủ nhiệm Văn phòng Quốc hội Nguyễn Mạnh Hùng "
        "cùng dự.",
        "2018-03-30", "Ý kiến chuyên gia")
    assert officials(ex) == {
        "Nguyễn Văn Đệ": (("Chủ tịch Hội Nông dân",), "Nghệ An"),
        "Nguyễn Mạnh Hùng": (("Phó Chủ nhiệm Văn phòng Quốc hội",), None)}


def test_an_outlet_a_foreign_minister_and_a_trailing_verb_are_no_officials():
    ex = extract_text(
        "Tin giao thông\n"
        "Trao đổi với Tuổi Trẻ Online, Thứ trưởng Bộ Giao thông vận tải Nguyễn Ngọc Đông cho biết có sự nhầm lẫn.\n"
        "Bộ trưởng Giao thông Mỹ Elaine Chao khẳng định sẽ hành động ngay.\n"
        "\"Tỉnh không đồng ý với phương án này\", ông Nguyễn Văn Phương, Phó chủ tịch nói.\n"
        "Đó là khẳng định của thiếu tướng Đoàn Việt Mạnh - cục trưởng Cục Cảnh sát PCCC, Bộ Công an - sau khi "
        "kiểm tra các chung cư ở Hà Nội.\n"
        "Bà Phan Thị Thủy đề nghị hủy các nghị quyết của ban chủ nhiệm do ông Lê Văn Chiến ký.",
        "2018-03-30", "Tin giao thông")
    assert officials(ex) == {
        "Nguyễn Ngọc Đông": (("Thứ trưởng Bộ Giao thông vận tải",), None),
        "Đoàn Việt Mạnh": (("Cục trưởng Cục Cảnh sát PCCC, Bộ Công an",), None)}


def test_provinces_that_asked_before_a_central_body_gives_are_no_givers():
    ex = extract_text(
        "Phân bổ 20 tỷ đồng hỗ trợ đồng bào miền Trung\n"
        "Theo đề nghị của Ban Thường trực Ủy ban MTTQ Việt Nam các tỉnh Thừa Thiên Huế, Quảng Trị, Quảng Bình, "
        "Hà Tĩnh, ngày 19-10, Ban Cứu trợ Trung ương quyết định phân bổ số tiền 20 tỷ đồng để hỗ trợ cho các "
        "gia đình bị thiệt hại.\n"
        "Cụ thể, hỗ trợ tỉnh Thừa Thiên Huế, Quảng Trị, Quảng Bình mỗi tỉnh 5 tỷ đồng; tỉnh Hà Tĩnh 5 tỷ đồng.",
        "2020-10-20", "Phân bổ 20 tỷ đồng hỗ trợ đồng bào miền Trung")
    assert ex.fundings == () and ex.cooperation_pairs == ()


def test_provinces_told_to_coordinate_or_met_as_a_list_are_not_each_others_partners():
    ex = extract_text(
        "Cá chết hàng loạt\n"
        "Bộ cũng chỉ đạo các Sở Khoa học và Công nghệ Hà Tĩnh, Quảng Bình, Quảng Trị, Thừa Thiên Huế phối hợp "
        "chặt chẽ với các Sở Nông nghiệp theo dõi diễn biến.",
        "2016-05-04", "Cá chết hàng loạt")
    assert ex.cooperation_pairs == ()
    met = extract_text(
        "Đề án tiểu vùng\n"
        "Ngày 21/10, lãnh đạo TP HCM làm việc với đại diện các tỉnh Đồng Tháp, Long An và Tiền Giang về Đề án "
        "liên kết phát triển kinh tế - xã hội.",
        "2017-10-22", "Đề án tiểu vùng")
    assert {("Hồ Chí Minh", "Đồng Tháp"), ("Hồ Chí Minh", "Long An"), ("Hồ Chí Minh", "Tiền Giang")} <= set(
        met.cooperation_pairs)
    assert not {("Long An", "Đồng Tháp"), ("Tiền Giang", "Đồng Tháp")} & set(met.cooperation_pairs)  # met, as a list


def test_an_address_a_distance_and_a_power_line_name_no_party():
    home = extract_text(
        "Rửa tiền\n"
        "Theo cáo trạng của VKSND tỉnh Phú Thọ, Nam đã nhiều lần chỉ đạo nhân viên chuyển vào tài khoản của bà "
        "Phan Thu Hương (SN 1961, trú tại KĐT Nam Thăng Long, Xuân La, Tây Hồ, Hà Nội) tổng số tiền hơn 236 tỷ đồng.",
        "2018-11-14", "Rửa tiền")
    assert home.fundings == () and home.cooperation_pairs == ()
    assert [p.name for p in home.provinces] == ["Phú Thọ"]
    far = extract_text(
        "Metro số 1\n"
        "Cách Hà Nội hơn 1.700 km, tuyến metro số 1 ở TP HCM được phê duyệt đầu tư cách đây cả thập kỷ, "
        "đội vốn hơn 30.000 tỷ đồng.",
        "2017-11-20", "Metro số 1")
    assert far.investments == () and far.cooperation_pairs == ()
    line = extract_text(
        "Sự cố lưới điện\n"
        "Gần 20h ngày 30/5, sét đã làm bật 2 đường dây 500kV Hà Tĩnh – Đà Nẵng và Vũng Áng – Đà Nẵng khiến mất "
        "liên kết hệ thống điện.",
        "2017-05-31", "Sự cố lưới điện")
    assert line.cooperation_pairs == ()


def test_a_leaders_stops_and_an_officials_former_post_are_no_pairs():
    stops = extract_text(
        "Chuyến thăm của Tổng thống\n"
        "Thông điệp chính trong chuyến thăm của Tổng thống tới Đà Nẵng và Hà Nội lần này là thúc đẩy quan hệ "
        "hợp tác với Việt Nam trên các lĩnh vực kinh tế.",
        "2017-11-11", "Chuyến thăm của Tổng thống")
    assert stops.cooperation_pairs == ()
    career = extract_text(
        "Chuyện doanh nghiệp\n"
        "Bí thư Thành ủy Đà Nẵng Trương Quang Nghĩa kể lại câu chuyện ông từng nghe khi còn công tác ở Sơn La.",
        "2017-12-20", "Chuyện doanh nghiệp")
    assert career.cooperation_pairs == ()
    visit = extract_text(  # a delegation's visit is still one
        "Thăm và làm việc\n"
        "Đoàn công tác tỉnh Sơn La do Bí thư Tỉnh ủy dẫn đầu đã đến thăm và làm việc tại TP Đà Nẵng.",
        "2017-12-20", "Thăm và làm việc")
    assert visit.cooperation_pairs == (("Sơn La", "Đà Nẵng"),)


def test_agencies_checking_a_case_or_asked_to_coordinate_are_no_pair():
    for body in (
            "Sở GTVT tỉnh Hải Dương đã phối hợp với sở GTVT TP. Hà Nội xác minh chủ phương tiện.",
            "Khoảng 4h30 sáng 23/3, tại Km63 quốc lộ 9, đoạn qua xã Tân Hợp (Hướng Hoá, Quảng Trị), hải quan khu "
            "thương mại Lao Bảo (Quảng Trị) phối hợp với một số lực lượng khác bắt quả tang ôtô 16 chỗ biển "
            "Thừa Thiên - Huế chở nhiều hàng lậu.",
            "Ông Chiến cũng đề nghị Trung tâm Kiểm dịch Y tế quốc tế thành phố Đà Nẵng phối hợp với Trung tâm "
            "Kiểm dịch Y tế quốc tế TP HCM xác định các hành khách ngồi gần bệnh nhân."):
        ex = extract_text("Tin trong ngày\n" + body, "2018-01-22", "Tin trong ngày")
        assert ex.cooperation_pairs == (), body


def test_a_company_a_broadcaster_or_a_business_association_acting_is_no_province():
    plan = extract_text(
        "Cân xe quá tải\n"
        "Ngày 19/6, Công ty cổ phần dịch vụ kỹ thuật đường cao tốc Việt Nam cho biết đang làm việc với Cục "
        "Cảnh sát giao thông, Sở Giao thông Vận tải TP HCM và Đồng Nai về kế hoạch phối hợp xử lý xe quá tải.",
        "2018-06-19", "Cân xe quá tải")
    assert plan.cooperation_pairs == () and plan.agreements == ()
    gift = extract_text(
        "Cứu trợ Bình Định\n"
        "Sáng 23/12, tại UBND tỉnh Bình Định, công ty cổ phần thực phẩm NutiFood phối hợp cùng đài truyền hình "
        "Việt Nam khu vực thành phố Hồ Chí Minh đã trao tặng cho tỉnh Bình Định số tiền cứu trợ 23 tỷ đồng.",
        "2017-12-23", "Cứu trợ Bình Định")
    assert gift.fundings == () and gift.cooperation_pairs == ()
    fair = extract_text(
        "Khởi nghiệp cà phê\n"
        "Xuất hiện tại hội nghị xúc tiến đầu tư thương mại giữa Hội Doanh nhân trẻ tỉnh Gia Lai và các doanh "
        "nhân Nhật Bản, Malaysia và TP. HCM được Hội Doanh nhân trẻ Gia Lai vừa tổ chức, cà phê của chị được chú ý.",
        "2018-03-01", "Khởi nghiệp cà phê")
    assert fair.cooperation_pairs == () and fair.events == ()


def test_a_loan_is_no_gift():
    ex = extract_text(
        "Cầu đường sắt Bình Lợi\n"
        "Dự án có tổng vốn 1.000 tỷ đồng. Trong đó, vốn của nhà đầu tư là 172 tỷ đồng, TP HCM hỗ trợ giải phóng "
        "mặt bằng hơn 156 tỷ đồng, tỉnh Bình Dương cho vay không tính lãi 300 tỷ đồng, phần còn lại là vốn vay.",
        "2017-03-24", "Cầu đường sắt Bình Lợi")
    assert ex.fundings == ()


def test_a_central_office_working_with_two_provinces_named_as_venues():
    ex = extract_text(
        "Đà Nẵng, Quảng Nam đồng loạt diễn tập cảnh báo sóng thần\n"
        "Ngày 26/12, tại TP. Đà Nẵng và tỉnh Quảng Nam, văn phòng Thường trực ban Chỉ đạo Trung ương về Phòng chống "
        "thiên tai phối hợp với 2 địa phương tổ chức diễn tập vận hành hệ thống trực canh cảnh báo thiên tai.",
        "2018-12-27", "Đà Nẵng, Quảng Nam đồng loạt diễn tập cảnh báo sóng thần")
    assert ex.cooperation_pairs == ()
    both = extract_text(  # the two provinces themselves, as subjects: a pair
        "Hợp tác phòng chống thiên tai\n"
        "Ngày 26/12, TP. Đà Nẵng và tỉnh Quảng Nam đã ký kết quy chế phối hợp giữa hai địa phương trong phòng chống "
        "thiên tai.",
        "2018-12-27", "Hợp tác phòng chống thiên tai")
    assert both.cooperation_pairs == (("Quảng Nam", "Đà Nẵng"),)


def test_money_sent_to_the_central_front_is_no_gift_to_a_province():
    ex = extract_text(
        "Hà Nội trao hỗ trợ khẩn cấp cho tỉnh Gia Lai 50 tỉ đồng\n"
        "Chiều 22.11, TP Hà Nội đã trao hỗ trợ tỉnh Gia Lai 50 tỉ đồng nhằm góp phần khắc phục hậu quả do mưa lũ.\n"
        "Ngoài khoản hỗ trợ nêu trên, TP Hà Nội cũng đã trích 10 tỉ đồng từ Quỹ Cứu trợ của thành phố gửi về Ủy ban "
        "Trung ương MTTQ Việt Nam nhằm kịp thời hỗ trợ đồng bào bị thiệt hại do mưa lũ.",
        "2025-11-23", "Hà Nội trao hỗ trợ khẩn cấp cho tỉnh Gia Lai 50 tỉ đồng")
    assert fundings(ex) == [("Hà Nội", "Gia Lai", 50_000_000_000, "given")]


def test_a_running_total_and_a_fund_board_named_for_receiving():
    so_far = extract_text(
        "Hải Phòng hỗ trợ Đắk Lắk\n"
        "Trưa 23/11, ông Nguyễn Minh Hùng, Phó Chủ tịch UBND thành phố Hải Phòng đã trao 40 tỷ đồng tiền mặt cho tỉnh "
        "Đắk Lắk giúp địa phương cứu trợ khẩn cấp người dân.\n"
        "Được biết đến thời điểm này, Hải Phòng đã hỗ trợ tỉnh Đắk Lắk 50 tỷ đồng tiền mặt.",
        "2025-11-24", "Hải Phòng hỗ trợ Đắk Lắk")
    assert fundings(so_far) == [("Hải Phòng", "Đắk Lắk", 40_000_000_000, "given")]
    board = extract_text(
        "Chung tay chống dịch\n"
        "Theo đó, Ban Vận động, tiếp nhận và phân phối Quỹ phòng, chống dịch Covid-19 TP HCM hỗ trợ tỉnh Hải Dương "
        "số tiền 2 tỷ đồng nhằm chung tay cùng địa phương này thực hiện tốt công tác phòng, chống dịch.",
        "2021-02-20", "Chung tay chống dịch")
    assert fundings(board) == [("Hồ Chí Minh", "Hải Dương", 2_000_000_000, "given")]
    assert board.events == ()  # money sent, no hand-over told


def test_money_for_border_guards_at_posts_in_provinces_is_no_gift_to_them():
    ex = extract_text(
        "Chung tay chống dịch\n"
        "Ngoài ra, Ban Vận động Quỹ Phòng, chống dịch Covid-19 TP HCM còn hỗ trợ 1 tỷ đồng tặng quà cho Bộ Chỉ huy Bộ "
        "đội Biên phòng và lực lượng tuần tra tại các chốt biên phòng ở khu vực biên giới của các tỉnh Kiên Giang, "
        "An Giang, Đồng Tháp.",
        "2021-02-20", "Chung tay chống dịch")
    assert ex.fundings == () and ex.cooperation_pairs == ()


def test_a_square_a_merged_provinces_old_name_and_a_press_conference_venue():
    square = extract_text(
        "Cổ vũ đội tuyển\n"
        "Tại quảng trường Hồ Chí Minh, TP Vinh, tỉnh Nghệ An lắp màn hình lớn để người dân xem trận đấu.",
        "2018-08-27", "Cổ vũ đội tuyển")
    assert "Hồ Chí Minh" not in {p.name for p in square.provinces}
    artists = extract_text(
        "Mừng Đà Nẵng 20 tuổi\n"
        "Với chương trình ý nghĩa như vậy, và với tình cảm quá lớn của người Quảng Nam – Đà Nẵng dành cho mình, "
        "tôi không thể từ chối.",
        "2016-12-30", "Mừng Đà Nẵng 20 tuổi")
    assert artists.cooperation_pairs == ()
    theatre = extract_text(
        "Nhà hát Vĩnh Phúc\n"
        "Sáng 26/10, bên lề cuộc họp báo tại Hà Nội, lãnh đạo Sở Văn hoá Thể thao và Du lịch Vĩnh Phúc đã trả lời báo "
        "chí về nhà hát 1.000 chỗ, đầu tư gần 800 tỷ đồng thường xuyên đóng cửa.",
        "2017-10-26", "Nhà hát Vĩnh Phúc")
    assert theatre.investments == () and theatre.cooperation_pairs == ()


def test_provinces_listed_as_guests_of_a_festival_are_no_partners():
    ex = extract_text(
        "Phú Thọ họp báo về Lễ hội đền Hùng\n"
        "Sáng 10/3, UBND tỉnh Phú Thọ họp báo công bố chương trình lễ hội.\n"
        "Lễ giỗ tổ do UBND tỉnh Phú Thọ chủ trì với sự tham gia của 4 tỉnh: Hà Giang, Cà Mau, Kon Tum và Trà Vinh.",
        "2023-03-12", "Phú Thọ họp báo về Lễ hội đền Hùng")
    assert ex.cooperation_pairs == () and ex.events == ()


def test_provinces_listed_among_ministries_that_organised_a_summit_hold_no_joint_event():
    ex = extract_text(
        "Thủ tướng: Chớp thời cơ\n"
        "Chiều nay (13/3), tại trụ sở Chính phủ, dự Hội nghị tổng kết công tác phục vụ Hội nghị Thượng đỉnh, "
        "Thủ tướng cho rằng thành công lần này nâng tầm đất nước.\n"
        "Lãnh đạo Văn phòng Chính phủ, Bộ Ngoại giao, Bộ Công an, TP. Hà Nội, Hải Phòng, tỉnh Quảng Ninh cho biết, "
        "đã tổ chức Hội nghị với sự tận tâm, nỗ lực cao nhất khi thời gian chuẩn bị rất ngắn.",
        None, "Thủ tướng: Chớp thời cơ")
    assert ex.cooperation_pairs == () and ex.events == ()


def test_an_address_in_brackets_a_hospital_and_a_bar_association_are_not_the_province():
    ex = extract_text(
        "Dâng hương tưởng niệm liệt sĩ thanh niên xung phong\n"
        "Sáng 22-3, tại khu tưởng niệm liệt sĩ thanh niên xung phong (huyện Bến Cầu, tỉnh Tây Ninh), Ban Chỉ huy "
        "Lực lượng Thanh niên xung phong (TNXP) TP. HCM đã dâng hương tưởng niệm liệt sĩ anh dũng hi sinh.\n"
        "Sáng 24/8, Bệnh viện Đa khoa Đà Nẵng đã trao lại số tiền 2,5 tỷ đồng do các nhà hảo tâm giúp đỡ cho "
        "các nạn nhân vụ tai nạn ở Quảng Nam.\n"
        "Trong năm 2018, Đoàn Luật sư TP. HCM đã tặng quà và tiền mặt 150 triệu đồng cho bà con nghèo tại tỉnh "
        "Bà Rịa - Vũng Tàu.",
        "2019-08-25", "Dâng hương tưởng niệm liệt sĩ thanh niên xung phong")
    assert ex.cooperation_pairs == () and ex.fundings == () and ex.events == ()


def test_speaking_at_a_national_bodys_meeting_is_no_event_of_the_province():
    ex = extract_text(
        "Chống dịch tả heo châu Phi\n"
        "Phó Thủ tướng đã chỉ đạo tại hội nghị trực tuyến do Ban chỉ đạo quốc gia phòng chống dịch tổ chức ngày 13-5.\n"
        "Phát biểu tại hội nghị, ông Nguyễn Văn An - phó chủ tịch UBND TP. HCM - cho biết kể từ khi dịch xuất hiện "
        "tại các tỉnh phía Bắc, địa phương đã xây dựng các phương án phòng chống dịch.\n"
        "Sở NN&PTNT TP. HCM đã làm việc với Long An để thống nhất chỉ nhập heo vùng không có dịch.",
        None, "Chống dịch tả heo châu Phi")
    assert ex.cooperation_pairs == (("Hồ Chí Minh", "Long An"),)
    assert ex.events == ()


def test_provinces_a_province_signed_with_are_its_partners_not_each_others():
    ex = extract_text(
        "Hà Nội giữ vai trò đầu tàu của vùng\n"
        "Về hợp tác văn hóa xã hội, Hà Nội đã cùng các tỉnh: Bắc Ninh, Ninh Bình, Nam Định và TP Hải Phòng ký kết "
        "hợp tác, tổ chức tour du lịch tâm linh.",
        "2013-05-30", "Hà Nội giữ vai trò đầu tàu của vùng")
    assert ex.cooperation_pairs == (("Bắc Ninh", "Hà Nội"), ("Hà Nội", "Hải Phòng"), ("Hà Nội", "Nam Định"),
                                    ("Hà Nội", "Ninh Bình"))


def test_a_company_partner_a_compared_city_backers_and_a_bracketed_list_are_no_parties():
    ex = extract_text(
        "Chia cổ vật trục vớt cho Quảng Nam\n"
        "Hôm nay (29/5), Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Nam phối hợp với Công ty TNHH trục vớt, cứu hộ "
        "và kinh doanh Ánh Dương, TP Hồ Chí Minh phân chia cổ vật trục vớt.\n"
        "Hơn 1000 năm tuổi, Yaroslavl có tuổi đời đúng bằng thủ đô Hà Nội, khi là thành phố kết nghĩa với Đà Nẵng.\n"
        "Với sự hỗ trợ của Ban Quản lý đường sắt đô thị TPHCM và Ban Quản lý đường sắt đô thị Hà Nội, ngày 28-05-2013, "
        "tại TPHCM, Cơ quan thương mại UBIFRANCE tại Việt Nam đã tổ chức hội thảo chuyên đề về đường sắt đô thị.\n"
        "Từ 30-5 đến 2-6 tại 30 nhà sách Fahasa trên toàn quốc (TPHCM, Hà Nội, Cần Thơ, Cà Mau…) lần lượt tổ chức "
        "khai mạc hè 2013 chào mừng Ngày Quốc tế thiếu nhi 1-6.Với tổng số lượng quà tặng mà Fahasa dự tính trao "
        "trong dịp khai mạc là 4.000 phần quà cho các em học sinh (trong đó có 200 phần quà đặc biệt, mỗi phần quà "
        "trị giá 300.000 đồng/phần), tổng trị giá quà tặng trong mùa hè năm 2013 là 500 triệu đồng.",
        "2013-05-29", "Chia cổ vật trục vớt cho Quảng Nam")
    assert ex.cooperation_pairs == () and ex.events == () and ex.fundings == ()


def test_a_foreign_leader_in_vietnamese_spelling_an_ocean_and_shop_or_ngo_staff_are_no_officials():
    ex = extract_text(
        "Đối thoại Shangri-La\n"
        "Thủ tướng Xin-ga-po Lý Hiển Long đánh giá cao bài phát biểu tại Hà Nội.\n"
        "Các hãng tin đã truyền đi thông điệp của Thủ tướng về xây dựng lòng tin chiến lược vì hòa bình, hợp tác "
        "khu vực châu Á - Thái Bình Dương.\n"
        "Bà Nguyễn Thanh Huyền, Trưởng phòng Truyền thông BigC, cho biết siêu thị đã thu hồi hàng.\n"
        "Bà Hoàng Phương Thảo, Giám đốc Tổ chức Action Aid Việt Nam, nói tại hội thảo ở Hà Nội.\n"
        "Phó Thủ tướng Nguyễn Xuân Phúc - Chủ tịch UBATGT Quốc gia chỉ đạo Sở GTVT Hà Nội chấn chỉnh bến xe.",
        "2013-06-01", "Đối thoại Shangri-La")
    assert officials(ex) == {"Nguyễn Xuân Phúc": (officials(ex)["Nguyễn Xuân Phúc"][0], None)}


def test_a_state_companys_brand_named_after_its_province_is_not_the_province():
    ex = extract_text(
        "Phân bón Cà Mau tài trợ 5 tỷ đồng xây dựng trường học tại Thái Bình\n"
        "Sáng 4/9, Công ty cổ phần Phân bón dầu khí Cà Mau đã tổ chức Lễ khánh thành, bàn giao Trường Tiểu học "
        "xã Bắc Sơn, huyện Hưng Hà, tỉnh Thái Bình.\n"
        "Phân bón Cà Mau tài trợ 5 tỷ đồng xây dựng trường học tại Thái Bình - Ảnh 1.",
        "2024-09-06", "Phân bón Cà Mau tài trợ 5 tỷ đồng xây dựng trường học tại Thái Bình")
    assert ex.cooperation_pairs == () and ex.fundings == ()


def test_a_union_an_association_or_a_ministry_signing_with_provinces_and_a_province_in_need_give_no_fact():
    union = extract_text(
        "Công đoàn Vietsovpetro nhiều hoạt động ý nghĩa\n"
        "Công đoàn đã phối hợp cùng với Đoàn Thanh niên Cộng sản Hồ Chí Minh vận động xây 4 nhà tình nghĩa tại tỉnh "
        "Bà Rịa – Vũng Tàu, hỗ trợ Quỹ người nghèo của Liên đoàn Lao động tỉnh Bà Rịa- Vũng Tàu lên tới 150 triệu đồng.",
        "2013-05-28", "Công đoàn Vietsovpetro nhiều hoạt động ý nghĩa")
    assert union.cooperation_pairs == () and union.fundings == ()
    signers = extract_text(
        "Phát triển nhà ở xã hội\n"
        "Bộ Xây dựng đã ban hành Chiến lược phát triển nhà ở. Đồng thời ký kết với Thành phố Hà Nội, Thành phố Hồ Chí "
        "Minh và Tổng liên đoàn lao động Việt Nam chương trình phối hợp hành động triển khai Chiến lược.\n"
        "Liên hiệp các hội Văn học nghệ thuật TPHCM cũng ký kết chương trình phối hợp hoạt động văn học nghệ thuật với "
        "4 tỉnh thành bạn, gồm: TP Đà Nẵng, Lâm Đồng, Bình Thuận và Cà Mau.",
        "2013-05-29", "Phát triển nhà ở xã hội")
    assert signers.cooperation_pairs == () and signers.agreements == ()
    needs = extract_text(
        "Đề nghị hỗ trợ 7 tỉnh gặp thiên tai\n"
        "Bộ trưởng đề nghị, tỉnh Lâm Đồng nên chủ động làm việc với các tỉnh Đà Nẵng, Huế để liên kết du lịch.\n"
        "Cụ thể, Lào Cai cần hỗ trợ 30 tỷ đồng và 300 tấn gạo; Hà Giang 10 tỷ đồng; Lai Châu, Phú Thọ, mỗi tỉnh "
        "5 tỷ đồng.",
        "2013-06-01", "Đề nghị hỗ trợ 7 tỉnh gặp thiên tai")
    assert needs.cooperation_pairs == () and needs.fundings == ()
    people = extract_text(
        "Hợp tác quốc phòng\n"
        "Ông Uông Dương, Phó Thủ tướng nước này, đã tiếp đoàn tại Bắc Kinh.\n"
        "Ông Lê Hồng Việt, Giám đốc FPT Software, cho biết công ty mở chi nhánh ở Đà Nẵng.\n"
        "Ông Lê Quốc Ân, Chủ tịch Liên đoàn Vovinam Việt Nam, dự giải đấu tại Hà Nội.",
        "2013-05-30", "Hợp tác quốc phòng")
    assert officials(people) == {}
