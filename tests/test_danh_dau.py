"""Cú pháp đánh dấu của đoạn văn người dùng: đậm, nghiêng, chú thích, chỗ giữ số liệu."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafter.bieu_mau.danh_dau import GiuCho, cac_giu_cho, phan_tich, thay_so_lieu, thoat
from drafter.van_ban import ChuThich, DoanChu


def _thay(p):
    return thay_so_lieu(p, lambda g: [f"<{g.ma}|{g.truong}>"])


def test_dam_nghieng_chu_thich_giu_cho():
    ra = _thay(phan_tich("- *Trồng trọt*: [[dien_tich.cau]][^**Lúa**: [[lua]]]; xong"))
    assert ra == ["- ", DoanChu(chu="Trồng trọt", nghieng=True), ": <dien_tich|cau>",
                  ChuThich(chu_thich=[DoanChu(chu="Lúa", dam=True), ": <lua|>"]), "; xong"]
    assert phan_tich("***cả hai***") == (DoanChu(chu="cả hai", dam=True, nghieng=True),)


def test_so_lieu_trong_chu_nghieng():
    ra = _thay(phan_tich("(*[[tngt.chenh_lech]] so với cùng kỳ*)"))
    assert ra == ["(", DoanChu(chu="<tngt|chenh_lech> so với cùng kỳ", nghieng=True), ")"]


def test_dau_khong_dong_la_chu_thuong():
    assert phan_tich("3 * 4 = 12, giá *chưa đóng") == ("3 * 4 = 12, giá *chưa đóng",)
    assert phan_tich("[^chú thích không đóng") == ("[^chú thích không đóng",)
    assert phan_tich("[[Không Phải Mã]]") == ("[[Không Phải Mã]]",)


def test_cac_giu_cho():
    p = phan_tich("[[a]] và [[b.ty_le]][^gồm [[c.phan_1]]] *[[d]]*")
    assert cac_giu_cho(p) == [GiuCho("a"), GiuCho("b", "ty_le"), GiuCho("c", "phan_1"),
                              GiuCho("d")]


def test_mau_jinja_trong_chu_nguoi_dung_chi_la_chu():
    chu = "Thu {{ 7*7 }} đồng {% if x %} ${y}"
    assert _thay(phan_tich(chu)) == [chu]


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
def test_thoat_roi_phan_tich_ra_dung_chu(chu):
    """Chữ người dùng đã thoát luôn hiện đúng như gõ, dù chứa * [ ] \\."""
    ra = _thay(phan_tich(thoat(chu)))
    assert "".join(x for x in ra if isinstance(x, str)) == chu
    assert all(isinstance(x, str) for x in ra)
