import unicodedata

from hypothesis import given, strategies as st

from cooperation_graph.normalize import fold, name_key, normalize_text, unify_tone_marks


def test_old_tone_placement_becomes_modern():
    assert unify_tone_marks("Hoà Bình, Khánh Hoà, Thuỷ, Uỷ viên, khoẻ") == \
        "Hòa Bình, Khánh Hòa, Thủy, Ủy viên, khỏe"


def test_marks_that_are_already_right_stay():
    for word in ("quý", "quỷ", "hoàn", "luận", "thuận", "khuyến", "quyết", "Thủy", "Huế", "toán"):
        assert unify_tone_marks(word) == word


def test_nfd_input_gives_nfc_output():
    nfd = unicodedata.normalize("NFD", "Cần Thơ")
    assert normalize_text(nfd) == "Cần Thơ"
    assert unicodedata.is_normalized("NFC", normalize_text(nfd))


def test_fold_and_name_key():
    assert fold("Đắk Lắk") == "dak lak"
    assert name_key("Hoàng  Trung Hải") == name_key("hoàng trung hải")
    assert name_key("Nguyễn Văn Hùng") != name_key("Nguyễn Văn Hưng")


vietnamese = st.text(alphabet=st.sampled_from(list("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐhnqgt \n.,")
                                              + ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]),
                     max_size=80)


@given(vietnamese)
def test_normalize_is_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(vietnamese)
def test_normalize_is_nfc_nfd_blind(text):
    assert normalize_text(unicodedata.normalize("NFD", text)) == \
        normalize_text(unicodedata.normalize("NFC", text))


def test_the_eth_of_old_encodings_is_the_vietnamese_d():
    assert normalize_text("tỉnh Lâm \u00d0ồng, \u00d0oàn ĐBQH, HÐND, \u00f0ồng chí") == "tỉnh Lâm Đồng, Đoàn ĐBQH, HĐND, đồng chí"
    assert fold("Lâm \u00d0ồng") == fold("Lâm Đồng") == "lam dong"
