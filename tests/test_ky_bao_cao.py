from __future__ import annotations

import pytest

from drafter.ky_bao_cao import Ky, LoiKy


@pytest.mark.parametrize(("chu", "ten", "ky_toi"), [
    ("2024-Q1", "quý I năm 2024", "quý II năm 2024"),
    ("2024-q4", "quý IV năm 2024", "quý I năm 2025"),
    ("2023-H1", "6 tháng đầu năm 2023", "6 tháng cuối năm 2023"),
    ("2024-9M", "9 tháng đầu năm 2024", "quý IV năm 2024"),
    ("2024", "năm 2024", "năm 2025"),
])
def test_ten_va_ky_toi(chu, ten, ky_toi):
    ky = Ky.doc(chu)
    assert ky.ten == ten and ky.ten_ky_toi() == ky_toi
    assert Ky.doc(ky.ma) == ky


def test_ky_sau_ky_truoc_cung_ky():
    assert Ky.doc("2024-Q4").ky_sau() == Ky.doc("2025-Q1")
    assert Ky.doc("2025-Q1").ky_truoc() == Ky.doc("2024-Q4")
    assert Ky.doc("2024-Q2").cung_ky_nam_truoc() == Ky.doc("2023-Q2")
    assert [k.ma for k in Ky.doc("2024-H1").cac_quy()] == ["2024-Q1", "2024-Q2"]
    assert len(Ky.doc("2024").cac_quy()) == 4
    assert Ky.doc("2024-Q1").ten_gon == "quý I/2024"


@pytest.mark.parametrize("sai", ["2024-Q5", "Q1-2024", "24-Q1", "2024-H2", ""])
def test_ky_sai(sai):
    with pytest.raises(LoiKy, match="không đúng dạng"):
        Ky.doc(sai)
