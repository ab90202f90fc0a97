"""Kiểm tra số liệu: mỗi kiểu lỗi của seeds-catalog §5 mà biểu mẫu bao quát bị bắt, bằng câu
tiếng Việt gọi đúng tên mục và chỉ tiêu."""

from __future__ import annotations

from datetime import date

from drafter.bieu_mau.du_lieu import SoLieuNhap
from drafter.bieu_mau.kiem_tra_so_lieu import co_loi, kiem_tra, mo_hinh_so_lieu
from tests.bieu_mau_thu import bao_cao_thu, bieu_mau_thu


def _tb(bao_cao, xuat=False):
    return kiem_tra(bieu_mau_thu(), bao_cao, chinh_thuc=xuat)


def _dong(thong_bao, muc="loi"):
    return [t.dong() for t in thong_bao if t.muc_do == muc]


def _voi_so_lieu(ma: str, **o: object):
    bc = bao_cao_thu()
    so_lieu = dict(bc.so_lieu)
    so_lieu[ma] = SoLieuNhap.model_validate(o)
    return bc.model_copy(update={"so_lieu": so_lieu})


def test_bao_cao_dung_khong_co_loi():
    tb = _tb(bao_cao_thu())
    assert not co_loi(tb), _dong(tb)
    # Bản chính thức: thêm số văn bản (văn thư cấp sau khi ký) là đủ.
    bc = bao_cao_thu()
    bc.dau.so = "15"
    tb = _tb(bc, xuat=True)
    assert not co_loi(tb), _dong(tb)


def test_cac_phan_khong_bang_tong():
    """Trồng rừng theo thôn cộng 31 ha mà tổng ghi 30 ha (seeds-catalog §5 mục 3)."""
    bc = _voi_so_lieu("trong_rung", gia_tri="30", phan_con=[
        {"ten": t, "gia_tri": g}
        for t, g in [("Ba Nàng", "2"), ("Đá Đỏ", "8"), ("Hồng Kết", "3"), ("Đồng Bến", "3"),
                     ("Đồng Ngàu", "2"), ("Vân Tảo", "7"), ("Làn Răn", "2"), ("Đồng Kết", "4")]])
    assert _dong(_tb(bc)) == [
        "Lỗi – Lĩnh vực kinh tế › Nông nghiệp › Trồng trọt › Trồng rừng mới (chi tiết): "
        "các phần theo thôn cộng lại 31 ha, khác tổng 30 ha"]
    t = next(t for t in _tb(bc) if t.muc_do == "loi")
    assert (t.ma_muc, t.ma_chi_tieu, t.truong) == ("trong_trot", "trong_rung", "phan_con")


def test_x_lon_hon_y():
    assert _dong(_tb(_voi_so_lieu("tieu_chi", gia_tri="20", mau_so="19"))) == [
        "Lỗi – Lĩnh vực kinh tế › Nông nghiệp › Tiêu chí nông thôn mới: x = 20 lớn hơn y = 19 "
        "(20/19); nếu thật sự vượt, biểu mẫu phải cho phép «vượt»"]
    assert any("cần cả mẫu số" in d for d in _dong(_tb(_voi_so_lieu("tieu_chi", gia_tri="6"))))


def test_so_go_sai_kieu_va_so_am_va_ty_le():
    loi = _dong(_tb(_voi_so_lieu("gieo_trong", gia_tri="1.5", ke_hoach="-3")))
    assert any("«1.5» không rõ" in d and "Tổng diện tích gieo trồng vụ xuân" in d for d in loi)
    assert any("(kế hoạch năm): kế hoạch năm không được âm" in d for d in loi)
    assert "tỷ lệ phải trong khoảng 0–100%" in _dong(_tb(_voi_so_lieu("bhyt", gia_tri="103,77")))[0]
    assert "phải là số nguyên" in _dong(_tb(_voi_so_lieu("tiep_dan", gia_tri="2,5")))[0]
    assert "«có» hoặc «không»" in _dong(_tb(_voi_so_lieu("dang_ky", gia_tri="rồi")))[0]


def test_tu_chi_ky_sai_trong_bao_cao_quy():
    bc = bao_cao_thu(van_ban={"nong_nghiep": [
        "Tổng số tiền chi trả 4 tháng là 99.836.000 đồng; trong năm đã cấp 20 thẻ.",
        "Ngày 06 tháng 02 năm 2024 (tức Mồng 06 tháng Giêng) ra quân."]})
    canh_bao = _dong(_tb(bc), "canh_bao")
    assert any("«4 tháng» — độ dài kỳ không khớp quý I/2024" in d for d in canh_bao)
    assert any("«trong năm» — báo cáo quý nói về một quý" in d for d in canh_bao)
    assert not any("06 tháng" in d for d in canh_bao)  # ngày tháng không phải độ dài kỳ
    bc6 = bao_cao_thu(ky="2024-H1", van_ban={"nong_nghiep": ["Trong quý đã tiếp 3 lượt."]})
    assert any("«Trong quý» — báo cáo này nói về nhiều quý" in d
               for d in _dong(_tb(bc6), "canh_bao"))


def test_cho_trong_chua_dien():
    bc = bao_cao_thu(van_ban={"nong_nghiep": ["Cấp bản sao từ sổ gốc ... trường hợp; khác."]})
    loi = _dong(_tb(bc))
    assert any("còn chỗ để trống «Cấp bản sao từ sổ gốc ... trường hợp" in d for d in loi)


def test_cho_giu_sai_ma():
    bc = bao_cao_thu(van_ban={"nong_nghiep": ["Đạt [[tieu_chii]] và [[tieu_chi.khong_co]]."]})
    loi = _dong(_tb(bc))
    assert any("[[tieu_chii]] không ứng với chỉ tiêu nào" in d for d in loi)
    assert any("[[tieu_chi.khong_co]] có phần «khong_co» không biết" in d for d in loi)


def test_canh_bao_hop_ly():
    bc = _voi_so_lieu("gieo_trong", gia_tri="148", ke_hoach="60", ky_truoc="160", cung_ky="80")
    canh_bao = _dong(_tb(bc), "canh_bao")
    assert any("trên 200%" in d for d in canh_bao)
    assert any("số lũy kế 148 nhỏ hơn kỳ trước (160)" in d for d in canh_bao)
    assert any("tăng 85% so với cùng kỳ năm trước (ngưỡng 30%)" in d for d in canh_bao)


def test_ban_nhap_trinh_ky_va_ban_chinh_thuc():
    """Bản nháp trình ký: để trống số, ngày là đúng (văn thư cấp sau khi ký, NĐ 30 Điều 15),
    nhưng phải có cơ quan, địa danh, nơi nhận, thẩm quyền ký. Bản chính thức: đủ cả."""
    bc = bao_cao_thu(dau={"dia_danh": ""}, noi_nhan=[], chu_ky={})
    nhap = _dong(_tb(bc, xuat=False))
    for can in ("chưa có tên cơ quan ban hành", "chưa có địa danh", "chưa có nơi nhận",
                "chưa có thẩm quyền ký"):
        assert any(can in d for d in nhap), can
    assert not any("số văn bản" in d or "ngày ban hành" in d or "họ tên" in d for d in nhap)
    assert any("họ tên người ký" in d for d in _dong(_tb(bc, xuat=False), "canh_bao"))
    loi = _dong(_tb(bc, xuat=True))
    for can in ("cần số văn bản", "cần ngày ban hành", "chưa có họ tên người ký"):
        assert any(can in d for d in loi), can


def test_ngay_ban_hanh_phai_sau_ky():
    bc = bao_cao_thu()  # quý I/2024
    bc.dau.ngay = date(2024, 3, 20)
    assert any("chưa qua hết quý I/2024" in d for d in _dong(_tb(bc)))
    bc.dau.ngay = date(2024, 5, 20)
    assert any("cách cuối quý I/2024 50 ngày" in d for d in _dong(_tb(bc), "canh_bao"))
    bc.dau.ngay = date(2024, 4, 5)
    assert not any(t.truong == "ngay" for t in _tb(bc))


def test_muc_bat_buoc_trong_thi_canh_bao():
    bc = bao_cao_thu(so_lieu={}, van_ban={})
    canh_bao = _dong(_tb(bc), "canh_bao")
    assert any("Lĩnh vực xã hội: mục chưa có nội dung" in d for d in canh_bao)
    assert not any("Ra quân đầu xuân" in d for d in canh_bao)  # mục tùy chọn


def test_chi_tieu_la_va_muc_la():
    bc = bao_cao_thu(so_lieu={"khong_co": {"gia_tri": "1"}}, van_ban={"muc_la": ["x"]})
    loi = _dong(_tb(bc))
    assert any("không có chỉ tiêu mã «khong_co»" in d for d in loi)
    assert any("không có mục mã «muc_la»" in d for d in loi)


def test_mo_hinh_pydantic_dung_tu_bieu_mau():
    mo_hinh = mo_hinh_so_lieu(bieu_mau_thu())
    assert set(mo_hinh.model_fields) == {c.ma for c in bieu_mau_thu().chi_tieu}
    bm = bieu_mau_thu()
    assert mo_hinh_so_lieu(bm) is mo_hinh_so_lieu(bm)
