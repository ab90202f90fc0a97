"""Định dạng và đọc số, ngày, số La Mã, chữ cái tiếng Việt."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter import vn


@pytest.mark.parametrize(("gia_tri", "so_le", "mong_doi"), [
    (1312259000, 0, "1.312.259.000"),
    (Decimal("96.1"), 1, "96,1"),
    (Decimal("1147.7"), 1, "1.147,7"),
    (Decimal("110.0"), 1, "110"),
    (Decimal("0.5"), 1, "0,5"),
    (Decimal("-0.04"), 1, "0"),
    (Decimal("-2.5"), 1, "-2,5"),
    (Decimal("29.2"), 3, "29,2"),
    (148, 3, "148"),
])
def test_so(gia_tri, so_le, mong_doi):
    assert vn.so(gia_tri, so_le) == mong_doi


@pytest.mark.parametrize(("gia_tri", "so_le", "mong_doi"), [
    ("96.25", 1, "96,3%"),  # nửa lên, không phải làm tròn kiểu ngân hàng (96,2)
    ("96.35", 1, "96,4%"),
    ("0.125", 2, "0,13%"),
    ("31.578947", 2, "31,58%"),
    ("100", 1, "100%"),
    ("84.0333", 3, "84,033%"),
])
def test_phan_tram_lam_tron_nua_len(gia_tri, so_le, mong_doi):
    assert vn.phan_tram(gia_tri, so_le) == mong_doi


def test_ty_le():
    assert vn.phan_tram(vn.ty_le(6, 19), 2) == "31,58%"
    assert vn.phan_tram(vn.ty_le(148, 154), 1) == "96,1%"
    assert vn.ty_le(5, 0) is None


def test_tien():
    assert vn.tien(1312259000) == "1.312.259.000 đồng"
    assert vn.tien(36_000_000, "triệu đồng") == "36 triệu đồng"
    assert vn.tien(7_400_000_000, "tỷ đồng") == "7,4 tỷ đồng"
    assert vn.tien(Decimal("4650000000"), "tỷ đồng", 2) == "4,65 tỷ đồng"
    with pytest.raises(ValueError):
        vn.tien(1, "đô la")


def test_dem_co_so_0():
    assert vn.dem(6) == "06"
    assert vn.dem(0) == "00"
    assert vn.dem(12) == "12"
    assert vn.dem(1234) == "1.234"
    assert f"{vn.dem(6)}/{vn.dem(6)} thanh niên" == "06/06 thanh niên"


@pytest.mark.parametrize(("ngay", "mong_doi"), [
    (date(2024, 2, 5), "ngày 05 tháng 02 năm 2024"),
    (date(2024, 4, 15), "ngày 15 tháng 4 năm 2024"),
    (date(2024, 1, 1), "ngày 01 tháng 01 năm 2024"),
    (date(2023, 12, 31), "ngày 31 tháng 12 năm 2023"),
    (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
])
def test_ngay_nd30(ngay, mong_doi):
    assert vn.ngay_thang_nam(ngay) == mong_doi


def test_ngay_trong_cho_ban_nhap():
    assert vn.ngay_thang_nam(None, 2024) == "ngày     tháng     năm 2024"
    assert vn.dia_danh_ngay("Cai Kinh", None, 2024) == "Cai Kinh, ngày     tháng     năm 2024"


def test_so_ky_hieu():
    assert vn.so_ky_hieu("5", "BC-UBND") == "Số: 05/BC-UBND"
    assert vn.so_ky_hieu(33, "BC-UBND") == "Số: 33/BC-UBND"
    assert vn.so_ky_hieu("", "BC-UBND") == "Số:      /BC-UBND"
    assert vn.so_ky_hieu(None, "KH-UBND") == "Số:      /KH-UBND"
    # Năm và số văn bản là mã, không phải số lượng.
    assert vn.so_van_ban(2024) == "2024"


def test_la_ma_va_chu_cai():
    assert [vn.la_ma(i) for i in (1, 4, 9, 14, 40, 1999)] == ["I", "IV", "IX", "XIV", "XL",
                                                               "MCMXCIX"]
    assert "".join(vn.chu_cai(i) for i in range(1, 24)) == "abcdđeghiklmnopqrstuvxy"
    assert vn.chu_cai(24) == "aa"
    assert vn.thu_tu_chu(1) == "THỨ NHẤT"
    assert vn.thu_tu_chu(4) == "THỨ TƯ"


@pytest.mark.parametrize(("chu", "mong_doi"), [
    ("1.312.259.000", Decimal("1312259000")),
    ("96,1", Decimal("96.1")),
    ("148", Decimal("148")),
    ("1.234.567,5", Decimal("1234567.5")),
    ("1.500", Decimal("1500")),
    ("0,5", Decimal("0.5")),
    ("-3", Decimal("-3")),
    (" 9 000 000 ", Decimal("9000000")),
    ("96,1%", None),
])
def test_doc_so(chu, mong_doi):
    if mong_doi is None:
        with pytest.raises(vn.LoiNhapSo):
            vn.doc_so(chu)
        assert vn.doc_so(chu, cho_phep_phan_tram=True) == Decimal("96.1")
    else:
        assert vn.doc_so(chu) == mong_doi


@pytest.mark.parametrize(("chu", "trong_thong_bao"), [
    ("1.5", "không rõ"),
    ("12.34", "không rõ"),
    ("1,234.5", "kiểu nước ngoài"),
    ("12.34.567", "3 chữ số"),
    ("1,2,3", "nhiều dấu phẩy"),
    ("abc", "không phải là số"),
    ("", "Chưa nhập"),
])
def test_doc_so_tu_choi(chu, trong_thong_bao):
    with pytest.raises(vn.LoiNhapSo) as loi:
        vn.doc_so(chu)
    assert trong_thong_bao in str(loi.value)


def test_bo_dau():
    assert vn.bo_dau("Xuất báo cáo") == "xuat bao cao"
    assert vn.bo_dau("Hòa Đồng") == "hoa dong"


# ---------------------------------------------------------------- thuộc tính (hypothesis)

so_thap_phan = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3,
                           allow_nan=False, allow_infinity=False)


@given(so_thap_phan)
def test_dinh_dang_roi_doc_lai_ra_dung_so(x):
    assert vn.doc_so(vn.so(x, 3)) == x


@given(st.integers(min_value=0, max_value=10**15))
def test_so_nguyen_dung_nhom_ba(n):
    chu = vn.so(n, 0)
    nhom = chu.split(".")
    assert all(len(g) == 3 for g in nhom[1:]) and 1 <= len(nhom[0]) <= 3
    assert int(chu.replace(".", "")) == n


@given(so_thap_phan, st.integers(min_value=0, max_value=3))
def test_lam_tron_nua_len_dung_chuan(x, so_le):
    ra = vn.lam_tron(x, so_le)
    buoc = Decimal(1).scaleb(-so_le)
    assert abs(ra - x) <= buoc / 2
    if abs(ra - x) == buoc / 2:  # đúng giữa: làm tròn ra xa số 0
        assert abs(ra) > abs(x)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6))
def test_phan_tram_doc_lai_duoc(tu, mau):
    p = vn.phan_tram(vn.ty_le(tu, mau), 1)
    gia_tri = vn.doc_so(p, cho_phep_phan_tram=True)
    assert abs(gia_tri - Decimal(tu) * 100 / Decimal(mau)) <= Decimal("0.05")


@given(st.text(alphabet="0123456789.,", min_size=1, max_size=12))
def test_doc_so_khong_bao_gio_doan_mo(chu):
    """Hoặc đọc ra đúng một số mà định dạng lại cho cùng chuỗi, hoặc báo lỗi rõ ràng."""
    try:
        x = vn.doc_so(chu)
    except vn.LoiNhapSo as loi:
        assert str(loi)
        return
    # Chuỗi hợp lệ: bỏ số 0 thừa ở đầu / cuối thì định dạng lại phải khớp.
    assert vn.doc_so(vn.so(x, 12)) == x


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_ngay_theo_quy_tac_so_0(d):
    chu = vn.ngay_thang_nam(d)
    _, ngay, _, thang, _, nam = chu.split()
    assert len(ngay) == 2 and int(ngay) == d.day
    assert int(thang) == d.month and (len(thang) == 2) == (d.month <= 2 or d.month >= 10)
    assert nam == str(d.year)


def test_viet_lai_so_nhu_se_in() -> None:
    """Ô số giao diện: rời ô thì số viết lại như sẽ in, phần thập phân giữ như đã gõ."""
    assert vn.viet_lai_so("182450000") == "182.450.000"
    assert vn.viet_lai_so("1234,50") == "1.234,50"
    assert vn.viet_lai_so("−1.234") == "-1.234"
    assert vn.viet_lai_so("96,1 %", cho_phep_phan_tram=True) == "96,1%"
    assert vn.viet_lai_so("1.O45") is None and vn.viet_lai_so("1.5") is None


@pytest.mark.parametrize(("chu", "trong_thong_bao"), [
    ("1.O45", "có chữ «O» (số 0?)"),
    ("1l", "có chữ «l» (số 1?)"),
    ("12a", "có chữ «a»;"),
])
def test_doc_so_chi_ra_chu_cai_go_nham(chu: str, trong_thong_bao: str) -> None:
    with pytest.raises(vn.LoiNhapSo) as loi:
        vn.doc_so(chu)
    assert f"«{chu}» không phải là số: {trong_thong_bao}" in str(loi.value)
