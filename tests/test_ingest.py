import unicodedata
import json
from pathlib import Path

import pytest

from cooperation_graph.errors import InputError
from cooperation_graph.ingest import iter_paths, make_article, read_articles

from conftest import SAMPLE


def read_one(path):
    (article,) = list(read_articles(path))
    return article


def test_sample_metadata_from_page_text():
    a = read_one(SAMPLE)
    assert a.title == "Hà Nội - Cần Thơ: Đẩy mạnh hợp tác, phát triển toàn diện trong giai đoạn mới"
    assert a.date.isoformat() == "2019-08-23T12:44:00+07:00"
    assert (a.section, a.source, a.authors) == ("Thời sự", "Tuổi trẻ Thủ đô", ("Tú Linh", "Viết Thành"))
    assert a.synthetic is False


def test_sample_boilerplate_is_cut():
    a = read_one(SAMPLE)
    for gone in ("Bài liên quan", "Bạc Liêu", "Nam Định", "Đọc thêm", "Tô Lâm", "Tú Linh", "Xem thêm"):
        assert gone not in a.text
    assert "\naa\n" not in a.text
    assert a.text.count("Bí thư Thành ủy Hà Nội Hoàng Trung Hải phát biểu tại Hội nghị") == 1
    assert a.text.endswith("Quỹ An sinh xã hội của thành phố Cần Thơ 3 tỷ đồng.")


def test_front_matter_bom_and_nfd(tmp_path):
    import unicodedata

    body = ("---\nid: syn-1\ntitle: Hoà Bình và Sơn La hợp tác\ndate: 2021-03-04T08:00:00+07:00\n"
            "source: (synthetic)\nsynthetic: true\n---\nHoà Bình và Sơn La hợp tác\nNội dung.\n")
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", body).encode())
    a = read_one(path)
    assert (a.id, a.title, a.synthetic) == ("syn-1", "Hòa Bình và Sơn La hợp tác", True)
    assert a.date.isoformat() == "2021-03-04T08:00:00+07:00"
    assert unicodedata.is_normalized("NFC", a.text)


def test_jsonl_one_article_a_line(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [{"id": "x1", "url": "https://example.invalid/1", "title": "Tỉnh A", "date": "2020-01-02",
             "text": "Nội dung một."},
            {"id": "x2", "title": "Tỉnh B", "date": "2020-01-03", "text": "Nội dung hai."}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    articles = list(read_articles(path))
    assert [a.id for a in articles] == ["x1", "x2"]
    assert articles[0].url == "https://example.invalid/1"
    assert articles[1].date.date().isoformat() == "2020-01-03"


def test_html_main_text_and_metadata(tmp_path):
    html = """<html><head><title>Hà Nội hỗ trợ Cần Thơ</title>
    <meta property="og:title" content="Hà Nội hỗ trợ Cần Thơ 3 tỷ đồng">
    <meta name="author" content="Minh Anh">
    <meta property="article:published_time" content="2019-08-23T12:44:00+07:00"></head>
    <body><nav>Trang chủ | Thời sự | Kinh tế</nav><article><h1>Hà Nội hỗ trợ Cần Thơ 3 tỷ đồng</h1>
    <p>Sáng 23/8, tại thành phố Cần Thơ, thành phố Hà Nội trao tặng Quỹ An sinh xã hội của thành phố
    Cần Thơ 3 tỷ đồng. Hai thành phố thống nhất đẩy mạnh hợp tác trong thời gian tới.</p>
    <p>Hội nghị đánh giá kết quả hợp tác giữa hai thành phố trong những năm qua và đề ra phương
    hướng hợp tác giai đoạn tới, tập trung vào kinh tế, du lịch, y tế và giáo dục.</p></article>
    <footer>Liên hệ quảng cáo</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    a = read_one(path)
    assert a.title == "Hà Nội hỗ trợ Cần Thơ 3 tỷ đồng"
    assert a.date.date().isoformat() == "2019-08-23"
    assert "Quỹ An sinh xã hội" in a.text
    assert "Liên hệ quảng cáo" not in a.text and "Trang chủ" not in a.text


def test_html_fetched_url_from_its_sidecar_wins_over_the_canonical_link(tmp_path):
    html = """<html><head><title>Hà Nội hỗ trợ Cần Thơ</title>
    <link rel="canonical" href="https://example.invalid/canonical"></head><body><article>
    <p>Sáng 23/8, thành phố Hà Nội trao tặng Quỹ An sinh xã hội của thành phố Cần Thơ 3 tỷ
    đồng. Hai thành phố thống nhất đẩy mạnh hợp tác trong thời gian tới.</p></article></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    assert read_one(path).url == "https://example.invalid/canonical"
    (tmp_path / "page.fetch.json").write_text('{"url": "https://example.invalid/fetched"}')
    assert read_one(path).url == "https://example.invalid/fetched"
    (tmp_path / "page.fetch.json").write_text('{"url": "file:///etc/passwd"}')  # not a web URL
    assert read_one(path).url == "https://example.invalid/canonical"
    assert [p.name for p in iter_paths([tmp_path])] == ["page.html"]  # the sidecar is no input


@pytest.mark.parametrize("name,content,problem", [
    ("empty.txt", b"   \n", "empty file"),
    ("bin.txt", b"\x00\x01\x02binary", "binary file"),
    ("cp.txt", unicodedata.normalize("NFD", "Hoà Bình").encode("cp1258"), "not valid UTF-8"),
    ("u16.txt", "Hà Nội".encode("utf-16"), "UTF-16"),
    ("doc.pdf", b"%PDF-1.4", "unsupported file type"),
    ("bad.jsonl", b'{"id": "1", "text": "Tinh A hop tac voi tinh B."}\n{oops\n', "line 2: invalid JSON"),
])
def test_bad_input_names_the_file_and_the_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        list(read_articles(path))
    assert str(path) in str(err.value) and problem in str(err.value)


def test_oversized_article_is_refused(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("Hà Nội hợp tác. " * 700_000, encoding="utf-8")  # ~11 MB
    with pytest.raises(InputError, match="MB, over the 5 MB limit"):
        list(read_articles(path))


def test_directories_are_read_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    for p in ("a/x.txt", "a/b/y.jsonl", "a/b/z.html", "a/skip.pdf", "a/.hidden.txt"):
        (tmp_path / p).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path])]
    assert found == ["a/b/y.jsonl", "a/b/z.html", "a/x.txt"]


def test_related_block_in_the_middle_keeps_the_article_going():
    body = ("Tiêu đề bài viết về hợp tác\nĐoạn mở đầu có nội dung.\nTin liên quan\n"
            "Tỉnh X và tỉnh Y ký kết hợp tác\nMột tin khác nữa\n"
            "Đoạn thân bài tiếp tục với nội dung dài hơn của bài viết.")
    a = make_article(body, {})
    assert "Tỉnh X và tỉnh Y" not in a.text
    assert "Đoạn thân bài tiếp tục" in a.text


def test_jsonl_strings_may_hold_line_and_paragraph_separators(tmp_path):
    import json as _json

    from cooperation_graph.ingest import read_articles

    path = tmp_path / "seps.jsonl"
    lines = [_json.dumps({"id": f"a{i}", "title": "Tin", "text": f"Dòng một{sep}dòng hai của bài {i}."},
                         ensure_ascii=False) for i, sep in enumerate(("\u2028", "\u2029", "\u0085"))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert [a.id for a in read_articles(path)] == ["a0", "a1", "a2"]


# --- the page's date stamp, in the forms real pages print it ---------------------------------

LEAD = "Chiều 3/1, Ban Thường vụ Tỉnh ủy Hải Dương và Ban Thường vụ Tỉnh ủy Phú Yên ký kết biên bản ghi nhớ."


@pytest.mark.parametrize("head, expected", [
    ("Thứ Sáu 03/01/2020 17:34", "2020-01-03T17:34:00+07:00"),
    ("Chủ Nhật, 11/02/2018 | 16:51", "2018-02-11T16:51:00+07:00"),
    ("Cập nhật, 13:55, Thứ Năm, 12/08/2021 (GMT+7)", "2021-08-12T13:55:00+07:00"),
    ("Thứ 7, 11/03/2023 | 15:59:36 [GMT +7] A  A", "2023-03-11T15:59:00+07:00"),
    ("Thứ bảy, ngày 23/11/2024", "2024-11-23T00:00:00+07:00"),
    ("21/10/2025, 23:50", "2025-10-21T23:50:00+07:00"),
    ("Published: December 27, 2016", "2016-12-27T00:00:00+07:00"),
    ("Updated: Monday, March 4, 2024 3:05 PM (GMT+7)", "2024-03-04T15:05:00+07:00"),
    ("Update: 23-11-2016 | 13:18:59", "2016-11-23T13:18:00+07:00"),
    ("18:18 - Thứ Tư, 24/04/2024 Lượt xem: 4429 In bài viết", "2024-04-24T18:18:00+07:00"),
    ("20:15 08-03-2024 | :240", "2024-03-08T20:15:00+07:00"),
    ("03/10/2019 - 01:50 PM", "2019-10-03T13:50:00+07:00"),
    ("  • Cập nhật: Thứ tư, 31/8/2016 | 4:03:24 PM", "2016-08-31T16:03:00+07:00"),
    ("Thứ năm, 10:28 14/11/2013 | Xã hội", "2013-11-14T10:28:00+07:00"),
])
def test_stamp_lines_date_the_page_and_leave_the_text(head, expected):
    a = make_article(f"Hải Dương và Phú Yên ký kết hợp tác\n{head}\n{LEAD}", {}, where="t.txt")
    assert a.date.isoformat() == expected
    assert head not in a.text and a.text.endswith(LEAD)


def test_site_today_above_the_article_stamp_is_not_its_date():
    # The crawl day printed by the site's header is never before the article's own stamp.
    a = make_article(f"Thứ bảy, ngày 23/11/2024\nHải Dương và Phú Yên ký kết hợp tác\n"
                     f"Thứ Sáu 03/01/2020 17:34\n{LEAD}", {}, where="t.txt")
    assert a.date.isoformat() == "2020-01-03T17:34:00+07:00"


def test_stamp_at_the_end_of_the_headline_or_glued_to_the_lead():
    a = make_article("Đà Nẵng hỗ trợ 6 tỉ đồng cho bà con miền Trung 01/10/2025 11:13\nNội dung.", {},
                     where="t.txt")
    assert a.date.isoformat() == "2025-10-01T11:13:00+07:00"
    assert a.title == "Đà Nẵng hỗ trợ 6 tỉ đồng cho bà con miền Trung"
    a = make_article("Gia Lai và ba tỉnh đánh giá liên kết\n20/6/2024Chiều nay (20.6), tại Pleiku, hội nghị "
                     "đã diễn ra.", {}, where="t.txt")
    assert a.date.date().isoformat() == "2024-06-20"
    assert "Chiều nay (20.6), tại Pleiku" in a.text and "20/6/2024" not in a.text


def test_a_date_inside_the_text_is_not_the_stamp():
    a = make_article("Hải Dương và Phú Yên ký kết hợp tác\n" + "\n".join(f"Đoạn {i}." for i in range(14))
                     + "\nHai tỉnh kết nghĩa từ 09/01/1960 đến nay 15:00 giờ.", {}, where="t.txt")
    assert a.date is None


def test_a_month_only_page_date_reads_days_in_that_month():
    a = make_article(f"Đà Nẵng hỗ trợ Nghệ An\nNgày 1/8, đoàn công tác TP.Đà Nẵng đã trao hỗ trợ.",
                     {"date": "2025-08"}, where="t.txt")
    assert a.date is None and a.month == "2025-08"
    assert a.reference_day.isoformat() == "2025-08-31" and a.to_dict()["month"] == "2025-08"
    december = make_article(f"Hải Dương và Phú Yên\n{LEAD}", {"date": "2024-12"}, where="t.txt")
    assert december.reference_day.isoformat() == "2024-12-31"


# --- bad JSONL lines: each its own error, with its line number; the others go in ------------

GOOD_TEXT = "Hà Nội và Cần Thơ ký kết thỏa thuận hợp tác phát triển kinh tế giai đoạn 2020-2025."
BAD_LINES = [
    ('"url": 123', "'url' must be a string, not a number"),
    ('"authors": [1, null]', "'authors' must hold strings only, not a number"),
    ('"title": {"x": 1}', "'title' must be a string, not an object"),
    ('"text": "Hà Nội \\ud800 Cần Thơ"', "'text' holds a lone surrogate (\\ud800"),
    ('"date": 20200101', "'date' must be a string, not a number"),
    ('"source": ["x"]', "'source' must be a string, not an array"),
    ('"id": ["a"]', "'id' must be a string or a number, not an array"),
    ('"synthetic": [1]', "'synthetic' must be true/false or a string, not an array"),
    ('"section": true', "'section' must be a string, not true/false"),
]


def _jsonl_with_bad_lines(tmp_path):
    lines = [json.dumps({"id": "first", "text": GOOD_TEXT}, ensure_ascii=False)]
    for n, (field, _) in enumerate(BAD_LINES):
        extra = "" if field.startswith('"text"') else f', "text": "{GOOD_TEXT}"'
        lines.append(f'{{"id": "bad{n}"{extra}, {field}}}' if not field.startswith('"id"')
                     else f'{{{field}{extra}}}')
    lines.append(json.dumps({"id": "last", "text": GOOD_TEXT, "authors": ["Minh Anh"], "id2": [1, None]},
                            ensure_ascii=False))
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_wrongly_typed_jsonl_line_is_its_own_error_and_the_rest_go_in(tmp_path):
    path = _jsonl_with_bad_lines(tmp_path)
    errors: list[InputError] = []
    ids = [a.id for a in read_articles(path, on_error=errors.append)]
    assert ids == ["first", "last"]
    assert [str(e.path) for e in errors] == [f"{path}:{n}" for n in range(2, 2 + len(BAD_LINES))]
    for err, (_, problem) in zip(errors, BAD_LINES):
        assert problem in err.problem, (err.problem, problem)
        assert "\n" not in str(err)


def test_without_a_handler_bad_lines_are_raised_after_the_good_ones(tmp_path):
    path = _jsonl_with_bad_lines(tmp_path)
    seen = []
    with pytest.raises(InputError, match=rf"line 2: 'url' must be a string.*\(and {len(BAD_LINES) - 1} more"):
        for article in read_articles(path):
            seen.append(article.id)
    assert seen == ["first", "last"]


def test_utf16_without_a_bom_is_named_utf16_not_binary(tmp_path):
    text = "Hà Nội và Cần Thơ ký kết thỏa thuận hợp tác.\n" * 3
    for codec, order in (("utf-16-le", "little-endian"), ("utf-16-be", "big-endian")):
        path = tmp_path / f"{codec}.txt"
        path.write_bytes(text.encode(codec))
        with pytest.raises(InputError, match=f"UTF-16 \\({order}, without a byte-order mark\\)"):
            list(read_articles(path))
    path = tmp_path / "real-binary.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary file"):
        list(read_articles(path))


def test_symlink_loops_and_broken_links_are_reported_not_skipped(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path / "a")  # back to a folder above
    (tmp_path / "a" / "self.txt").symlink_to(tmp_path / "a" / "self.txt")  # a link to itself
    (tmp_path / "a" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "a" / "again").symlink_to(tmp_path / "a" / "b")  # same folder twice: read once
    errors: list[InputError] = []
    found = [p.relative_to(tmp_path).as_posix() for p in iter_paths([tmp_path / "a"], on_error=errors.append)]
    assert found == ["a/b/x.txt"]
    problems = {Path(str(e.path)).relative_to(tmp_path).as_posix(): e.problem for e in errors}
    assert set(problems) == {"a/b/up", "a/self.txt", "a/gone.txt"}
    assert "symlink loop" in problems["a/b/up"] and "symlink loop" in problems["a/self.txt"]
    assert "broken symlink" in problems["a/gone.txt"]


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    import os

    (tmp_path / "a" / "locked").mkdir(parents=True)
    (tmp_path / "a" / "y.txt").write_text("y", encoding="utf-8")
    real = os.scandir

    def scandir(path):  # as a user without the right to list it (tests may run as root)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list[InputError] = []
    found = [p.name for p in iter_paths([tmp_path / "a"], on_error=errors.append)]
    assert found == ["y.txt"]
    assert [(Path(str(e.path)).name, e.problem) for e in errors] == [("locked", "cannot read folder (Permission denied)")]


# --- properties: any JSONL value and any Unicode is an article or one clear line, never a crash

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# Any text Python can hold, lone surrogates included (json.dumps escapes them as \udXXX).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(ANY_TEXT, inner, max_size=3),
    max_leaves=8)
FIELDS = st.sampled_from(["id", "url", "title", "date", "text", "source", "authors", "section",
                          "synthetic", "other"])
RECORDS = st.dictionaries(FIELDS, JSON_VALUES | ANY_TEXT, max_size=6) | JSON_VALUES


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(RECORDS, min_size=1, max_size=6))
def test_any_jsonl_line_is_an_article_or_its_own_error(tmp_path, records):
    path = tmp_path / "any.jsonl"
    lines = [json.dumps(r, ensure_ascii=True) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[InputError] = []
    articles = list(read_articles(path, on_error=errors.append))
    assert len(articles) + len(errors) == len(lines)  # each line is one or the other
    for err in errors:
        assert str(err.path).startswith(f"{path}:") and "\n" not in err.problem
    for article in articles:
        for value in (article.id, article.title, article.text, article.url or "", *article.authors):
            assert isinstance(value, str)
            value.encode("utf-8")  # no lone surrogate gets into an article


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=ANY_TEXT.filter(lambda t: t.strip()), ascii_only=st.booleans())
@example(text="Hà Nội \ud800", ascii_only=True)
@example(text="Cần Thơ\u2028\x85", ascii_only=False)
def test_any_unicode_text_field_reads_or_fails_clearly(tmp_path, text, ascii_only):
    path = tmp_path / "text.jsonl"
    path.write_text(json.dumps({"id": "x", "title": text, "text": text}, ensure_ascii=ascii_only)
                    + "\n", encoding="utf-8", errors="surrogatepass")
    try:
        articles = list(read_articles(path))
    except InputError as err:
        assert str(path) in str(err) and "\n" not in str(err)
    else:
        assert len(articles) == 1 and articles[0].id == "x"
        articles[0].text.encode("utf-8")


def test_a_big_jsonl_file_is_read_in_pieces_with_its_own_line_numbers(tmp_path):
    from cooperation_graph.ingest import jsonl_spans

    path = tmp_path / "big.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": f"Bài {i}: Hà Nội hợp tác với Cần Thơ. " + "x" * 300,
                         "synthetic": True}, ensure_ascii=False) for i in range(200)]
    lines[150] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    spans = jsonl_spans(path, chunk_bytes=5_000)
    assert len(spans) > 5 and spans[0][:1] == (0,) and spans[-1][1] == path.stat().st_size
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))  # no byte lost or read twice
    errors, ids = [], []
    for span in spans:
        ids += [a.id for a in read_articles(path, span=span, on_error=errors.append)]
    assert ids == [f"a{i}" for i in range(200) if i != 150]
    assert [str(e.path) for e in errors] == [f"{path}:151"]


def test_the_size_limit_of_a_jsonl_file_bounds_each_line_not_the_file(tmp_path):
    path = tmp_path / "lines.jsonl"
    small = json.dumps({"id": "ok", "text": "Hà Nội hợp tác với Cần Thơ."}, ensure_ascii=False)
    huge = json.dumps({"id": "huge", "text": "Hà Nội hợp tác. " * 5_000}, ensure_ascii=False)
    path.write_text("\n".join([small] * 20 + [huge]) + "\n", encoding="utf-8")
    errors = []
    got = list(read_articles(path, max_bytes=20_000, on_error=errors.append))
    assert len(got) == 20
    assert len(errors) == 1 and str(errors[0].path) == f"{path}:21" and "limit for one article" in errors[0].problem


def test_an_english_page_stamp_with_a_numeric_date_dates_the_article():
    article = make_article("Hung Yen, Hai Duong review cooperation\nPublished on 22 - 03 - 2019\n"
                           "On March 21, the two provinces held a conference.",
                           {"title": "Hung Yen, Hai Duong review cooperation", "synthetic": "true"})
    assert article.date is not None and article.date.date().isoformat() == "2019-03-22"
