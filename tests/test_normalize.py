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


# --- the fast way (NFC text is not decomposed) gives what the rule gives -------------------

_TONES = "\u0300\u0301\u0309\u0303\u0323"
_RULE = __import__("re").compile(
    rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?![\u0302\u0306\u031b])(?![^\W\d_])")


def _by_the_rule(text: str) -> str:
    """The tone-mark rule as first written: decompose everything, move, compose."""
    fixed = _RULE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", fixed)


_PIECES = (list("oOuUqQaAeEyYnh đĐ1_ ,.\n\t\u00a0\u2003\u200b\u3000²") + list("àáảãạèéẻẽẹỳýỷỹỵÀÁỲÝòóôơưăâầậặ")
           + list(_TONES) + ["\u0302", "\u0306", "\u031b", "\u0308", "\u05b0", "\u0f73", "\uac00", "\U0001f600"]
           + ["Hoà", "Thuỷ", "uỷ", "quý", "hoàn", "khoẻ", "oà²", "oà_", "oà1", "oàu ý", "oậ\u0323"])


@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_the_fast_way_moves_the_marks_the_rule_moves(pieces):
    text = "".join(pieces)
    for form in (text, unicodedata.normalize("NFC", text), unicodedata.normalize("NFD", text)):
        assert unify_tone_marks(form) == _by_the_rule(form)


@given(st.text(max_size=60))
def test_normalize_gives_what_it_gave(text):
    import re

    spaces = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
    before = _by_the_rule(text.replace("\r\n", "\n").replace("\r", "\n"))
    before = before.replace("\ufeff", "").replace("\u00ad", "").replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    assert normalize_text(text) == "\n".join(spaces.sub(" ", line).strip() for line in before.split("\n"))
