"""Số suy ra (tinh_toan) và câu văn từ mẫu (cau_van): mọi "đạt X% KH" do chương trình tính."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from drafter import vn
from drafter.bieu_mau.cau_van import CauVan
from drafter.bieu_mau.dinh_nghia import CachViet, ChiTieu
from drafter.bieu_mau.du_lieu import SoLieuNhap
from drafter.bieu_mau.tinh_toan import tinh_so_lieu
from drafter.van_ban import ChuThich, DoanChu
from tests.bieu_mau_thu import bieu_mau_thu

VIET = CachViet(ke_hoach="KH", cung_ky="so với cùng kỳ")


def _ct(ma: str) -> ChiTieu:
    return bieu_mau_thu().chi_tieu_theo_ma()[ma]


def _cau(ma: str, **so: object) -> str:
    s = tinh_so_lieu(_ct(ma), SoLieuNhap.model_validate(so))
    return "".join(x if isinstance(x, str) else x.chu for x in
                   CauVan(s, VIET).theo_truong("cau") if not isinstance(x, ChuThich))


def test_ke_hoach_va_cung_ky():
    assert _cau("gieo_trong", gia_tri="148", ke_hoach="154", cung_ky="134,5") == \
        "Tổng diện tích gieo trồng vụ xuân ước đạt 148 ha, đạt 96,1% KH, bằng 110% so với cùng kỳ"


def test_thieu_co_so_thi_bo_phep_so_sanh_khong_de_chu_thua():
    assert _cau("gieo_trong", gia_tri="148") == "Tổng diện tích gieo trồng vụ xuân ước đạt 148 ha"
    assert _cau("gieo_trong", gia_tri="148", cung_ky="134,5") == \
        "Tổng diện tích gieo trồng vụ xuân ước đạt 148 ha, bằng 110% so với cùng kỳ"
    assert _cau("gieo_trong", gia_tri="148", ke_hoach="0") == \
        "Tổng diện tích gieo trồng vụ xuân ước đạt 148 ha"
    assert _cau("gieo_trong") == ""  # chưa có số: không có câu nào


def test_ti_so_va_lam_tron_nua_len():
    assert _cau("tieu_chi", gia_tri="6", mau_so="19") == "đã đạt được 06/19 tiêu chí, đạt 31,58%"
    s = tinh_so_lieu(_ct("tieu_chi"), SoLieuNhap(gia_tri="6", mau_so="19"))
    cv = CauVan(s, VIET)
    assert cv.theo_truong("con_lai") == ["13"]
    assert cv.theo_truong("ty_le_con_lai") == ["68,42%"]
    assert cv.theo_truong("x_y") == ["06/19"]


def test_du_toan_huyen_va_xa():
    assert _cau("thu_ns", gia_tri="100.791.000", du_toan_huyen="188.000.000",
                du_toan_xa="207.000.000") == (
        "Thu ngân sách được 100.791.000 đồng, đạt 53,6% dự toán huyện giao, "
        "đạt 48,7% dự toán xã giao")


@pytest.mark.parametrize(("gia_tri", "cung_ky", "mong_doi"), [
    ("3", "6", "Tiếp 03 lượt, giảm 03 lượt so với cùng kỳ"),
    ("7", "5", "Tiếp 07 lượt, tăng 02 lượt so với cùng kỳ"),
    ("4", "4", "Tiếp 04 lượt, bằng cùng kỳ"),
    ("12", None, "Tiếp 12 lượt"),
])
def test_tang_giam_so_voi_cung_ky(gia_tri, cung_ky, mong_doi):
    assert _cau("tiep_dan", gia_tri=gia_tri, cung_ky=cung_ky) == mong_doi


@pytest.mark.parametrize(("gia_tri", "cung_ky", "cuoi_nam"), [
    ("3", "6", "5"), ("7", "5", "7"), ("4", "4", "2"), ("4", "4", "4")])
def test_tang_giam_mot_cho_cho_cau_va_cho_giu(gia_tri, cung_ky, cuoi_nam):
    """Cụm tăng/giảm trong câu (mẫu so_sanh.j2) và ở chỗ giữ [[ma.chenh_lech]],
    [[ma.chenh_lech_cuoi_nam]] là cùng một chữ (bộ lọc tang_giam); hai cụm cùng có thì cách
    nhau dấu phẩy."""
    ct = _ct("tiep_dan").model_copy(update={"so_sanh": ["cung_ky_tang_giam", "cuoi_nam_truoc"]})
    s = tinh_so_lieu(ct, SoLieuNhap(gia_tri=gia_tri, cung_ky=cung_ky, cuoi_nam_truoc=cuoi_nam))
    cv = CauVan(s, VIET.model_copy(update={"cuoi_nam_truoc": "so với năm 2023"}))
    (cung_ky_chu,) = cv.theo_truong("chenh_lech")
    (cuoi_nam_chu,) = cv.theo_truong("chenh_lech_cuoi_nam")
    if not cung_ky_chu.startswith("bằng"):
        cung_ky_chu += " so với cùng kỳ"
    assert cv.so_sanh() == f"{cung_ky_chu}, {cuoi_nam_chu}"
    assert cuoi_nam_chu in ("giảm 02 lượt so với năm 2023", "bằng năm 2023",
                            "tăng 02 lượt so với năm 2023")


def test_phan_con_trong_do_va_chu_thich():
    assert _cau("trong_rung", gia_tri="5", ke_hoach="10",
                phan_con=[{"ten": "Ba Nàng", "gia_tri": "2"},
                          {"ten": "Đá Đỏ", "gia_tri": "3"}]) == \
        "ước trồng rừng được 5 ha, đạt 50% KH (trong đó: Ba Nàng 2 ha; Đá Đỏ 3 ha)"
    s = tinh_so_lieu(_ct("gieo_trong"), SoLieuNhap.model_validate(
        {"gia_tri": "148", "phan_con": [{"ten": "Lúa", "gia_tri": "53"},
                                        {"ten": "Ngô", "gia_tri": "95"}]}))
    assert CauVan(s, VIET).theo_truong("chu_thich") == [
        ChuThich(chu_thich=["Lúa 53 ha; Ngô 95 ha"])]
    assert CauVan(s, VIET).theo_truong("phan_2") == ["95 ha"]
    assert CauVan(s, VIET).theo_truong("dong_1") == ["Lúa 53 ha"]


def test_co_khong_va_phan_tram():
    assert _cau("dang_ky", gia_tri="có") == "Đã có quy chế: có"
    assert _cau("dang_ky", gia_tri=False) == "Đã có quy chế: không"
    assert _cau("bhyt", gia_tri="93") == "Tỷ lệ tham gia BHYT đạt 93%"
    assert _cau("bhyt", gia_tri="96,25%") == "Tỷ lệ tham gia BHYT đạt 96,25%"


def test_chu_nguoi_dung_trong_cau_la_du_lieu():
    """Tên thôn có ** hay [[…]] hay {{ }} vẫn in đúng như gõ, không thành đậm hay số liệu."""
    s = tinh_so_lieu(_ct("trong_rung"), SoLieuNhap.model_validate(
        {"gia_tri": "3", "phan_con": [{"ten": "**Ba** [[x]] {{ 7*7 }}", "gia_tri": "3"}]}))
    ra = CauVan(s, VIET).theo_truong("cau")
    assert ra == ["ước trồng rừng được 3 ha (trong đó: **Ba** [[x]] {{ 7*7 }} 3 ha)"]
    assert not any(isinstance(x, DoanChu) for x in ra)
    # Biến của cách viết mỗi phần ({ten} {gia_tri}) thay một lượt: tên thôn có chữ «{gia_tri}»
    # vẫn in đúng như gõ.
    s = tinh_so_lieu(_ct("trong_rung"), SoLieuNhap.model_validate(
        {"gia_tri": "3", "phan_con": [{"ten": "Thôn {gia_tri} {so}", "gia_tri": "3"}]}))
    assert CauVan(s, VIET).cac_phan() == ["Thôn {gia_tri} {so} 3 ha"]


def test_duong_dan_muc_dung_ten_chung_cua_bien_ky():
    from drafter.bieu_mau.dinh_nghia import BieuMau, dien_bien

    bm = BieuMau.model_validate({
        "ma": "thu", "ten": "Thử", "trich_yeu": "x", "cau_ket": "y",
        "muc": [{"ma": "a", "tieu_de": "Nhiệm vụ {ky_toi} năm {nam}"},
                {"ma": "b", "cha": "a", "tieu_de": "Kết quả {KY} so với {nam_truoc}, {xa}"}]})
    assert bm.duong_dan("b") == ("Nhiệm vụ kỳ tới năm (năm kế hoạch) › "
                                 "Kết quả KỲ NÀY so với (năm trước), {xa}")
    assert dien_bien("{ky}{ky} {la}", {"ky": "{ky}"}) == "{ky}{ky} {la}"


def test_so_go_kieu_viet_va_so_json():
    s = tinh_so_lieu(_ct("thu_ns"), SoLieuNhap(gia_tri=100791000, du_toan_huyen="188.000.000"))
    assert s.gia_tri == Decimal("100791000") and s.ty_le_du_toan_huyen is not None
    s = tinh_so_lieu(_ct("gieo_trong"), SoLieuNhap(gia_tri="1.5"))
    assert s.gia_tri is None and "không rõ" in s.loi[0].thong_diep
    s = tinh_so_lieu(_ct("tiep_dan"), SoLieuNhap(gia_tri="2,5"))
    assert "phải là số nguyên" in s.loi[0].thong_diep


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**9))
def test_ty_le_ke_hoach_tinh_dung_va_lam_tron_nua_len(x, kh):
    ct = _ct("gieo_trong")
    s = tinh_so_lieu(ct, SoLieuNhap(gia_tri=vn.so(x, 0), ke_hoach=vn.so(kh, 0)))
    dung = Decimal(x) * 100 / Decimal(kh)
    assert s.ty_le_ke_hoach == dung
    in_ra = vn.doc_so(vn.phan_tram(s.ty_le_ke_hoach, 1), cho_phep_phan_tram=True)
    assert abs(in_ra - dung) <= Decimal("0.05")
    assert in_ra == dung.quantize(Decimal("0.1"), rounding="ROUND_HALF_UP")
