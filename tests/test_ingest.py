import unicodedata
import json

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
