from pathlib import Path

import pytest

from vanphong.core import vntext

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize(
    ("new_style", "old_style"),
    [
        ("Đảng uỷ", "Đảng ủy"),
        ("hoà bình", "hòa bình"),
        ("Văn hoá - Xã hội", "Văn hóa - Xã hội"),
        ("khoẻ mạnh", "khỏe mạnh"),
        ("HOÀ", "HÒA"),
        ("thuỷ lợi", "thủy lợi"),
    ],
)
def test_new_tone_placement_is_stored_in_the_old_style(new_style, old_style):
    """Text typed "hoà, thuỷ" (kiểu mới) is stored "hòa, thủy" (kiểu cũ): decision 0003."""
    assert vntext.canonical(new_style) == old_style
    assert vntext.canonical(old_style) == old_style


@pytest.mark.parametrize(
    "word", ["quý", "quà", "hoàn thành", "thuyền", "khoa học", "Quỳnh", "uyên"]
)
def test_words_outside_the_rule_are_unchanged(word):
    assert vntext.canonical(word) == word


def test_canonical_is_nfc_and_collapses_spaces():
    decomposed = "Đa\u0309ng  u\u0309y\n"  # "Đảng ủy" typed with combining marks
    assert vntext.canonical(decomposed) == "Đảng ủy"


def test_fold_removes_marks_and_d_stroke():
    assert vntext.fold("Đảng ủy Khối") == "dang uy khoi"
    assert vntext.fold("Đảng uỷ") == vntext.fold("Đảng ủy")


def test_a_report_writes_both_placements_and_they_canonicalize_alike():
    text = (SAMPLES / "van-phong-cap-uy-2017.txt").read_text(encoding="utf-8")
    assert "cấp ủy" in text and "cấp uỷ" in text
    assert "cấp uỷ" not in vntext.canonical(text)
    assert vntext.canonical("cấp uỷ") == "cấp ủy"


def test_sort_key_follows_the_vietnamese_alphabet():
    words = ["đông", "an", "ăn", "ân", "bình", "dung", "ê", "e", "ơn", "ôn", "on", "ư", "u", "y"]
    ordered = sorted(words, key=vntext.sort_key)
    assert ordered == [
        "an",
        "ăn",
        "ân",
        "bình",
        "dung",
        "đông",
        "e",
        "ê",
        "on",
        "ôn",
        "ơn",
        "u",
        "ư",
        "y",
    ]


def test_sort_key_orders_tones_after_letters():
    words = ["bạc", "bà", "ba", "bác", "bả", "bàn"]
    assert sorted(words, key=vntext.sort_key) == ["ba", "bà", "bả", "bác", "bạc", "bàn"]


def test_a_prefix_sorts_before_longer_words():
    assert vntext.sort_key("An") < vntext.sort_key("An Bình") < vntext.sort_key("Anh")


def test_people_sort_by_given_name_then_full_name():
    names = ["Trần Văn Đức", "Nguyễn Thị An", "Lê Văn An", "Phạm Bình"]
    ordered = sorted(names, key=vntext.person_sort_key)
    assert ordered == ["Lê Văn An", "Nguyễn Thị An", "Phạm Bình", "Trần Văn Đức"]


def test_sort_key_is_digits_only_so_any_collation_agrees():
    assert vntext.sort_key("Đảng ủy Khối 12").isdigit()
