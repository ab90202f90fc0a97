"""Tạo kỳ mới từ kỳ trước và gộp các quý thành báo cáo 6 tháng / năm."""

from __future__ import annotations

import pytest

from drafter.bieu_mau.du_lieu import SoLieuNhap
from drafter.chuyen_ky import doi_chu_ky, tao_ky_moi, tong_hop
from drafter.kho import Kho, LoiKho
from drafter.ky_bao_cao import Ky
from drafter.nap_bao_cao import tu_bao_cao

Q = Ky.doc


@pytest.fixture
def kho(tmp_path):
    with Kho.mo(tmp_path) as k:
        yield k


@pytest.mark.parametrize(("chu", "cu", "moi", "mong_doi"), [
    ("Tình hình Quý I năm 2024 và nhiệm vụ trọng tâm quý II năm 2024", "2024-Q1", "2024-Q2",
     "Tình hình Quý II năm 2024 và nhiệm vụ trọng tâm quý III năm 2024"),
    ("trong quý II như sau", "2024-Q1", "2024-Q2", "trong quý III như sau"),
    ("quý IV năm 2024; quý I năm 2025; năm 2024; năm học 2024 - 2025", "2024-Q4", "2025-Q1",
     "quý I năm 2025; quý II năm 2025; năm 2025; năm học 2025 - 2026"),
    ("quý I/2024", "2024-Q1", "2024-Q3", "quý III/2024"),
    ("6 tháng đầu năm 2023 và 6 tháng cuối năm 2023", "2023-H1", "2024-H1",
     "6 tháng đầu năm 2024 và 6 tháng cuối năm 2024"),
    ("ngày 15/02/2024 không đổi; năm học 2023-2024 giữ", "2024-Q1", "2024-Q2",
     "ngày 15/02/2024 không đổi; năm học 2023-2024 giữ"),
])
def test_doi_chu_ky(chu, cu, moi, mong_doi):
    assert doi_chu_ky(chu, Q(cu), Q(moi)) == mong_doi


def test_quy_i_sang_quy_ii(kho):
    xa = kho.xa_mac_dinh()
    moi, thay_doi = tao_ky_moi(kho, xa.id, Q("2024-Q2"))
    cu = kho.doc(xa.id, "2024-Q1")
    assert moi.ky == "2024-Q2" and moi.dau.so is None and moi.dau.ngay is None
    assert moi.dau.co_quan_ban_hanh == cu.dau.co_quan_ban_hanh and moi.noi_nhan == cu.noi_nhan
    assert moi.chu_ky == cu.chu_ky
    assert moi.dau.trich_yeu.startswith("Tình hình thực hiện phát triển kinh tế xã quý II năm "
                                         "2024 và phương hướng, nhiệm vụ trọng tâm quý III")
    sl = moi.so_lieu
    # Hiện có: giữ làm số khởi đầu. Lũy kế cùng năm: giữ. Trong kỳ: xóa, số cũ vào "kỳ trước".
    assert (sl["dan_trau"].gia_tri, sl["dan_trau"].ky_truoc) == ("318", "318")
    assert sl["dien_tich_gieo_trong"].gia_tri == "148"
    assert sl["luot_tiep_dan"].gia_tri is None and sl["luot_tiep_dan"].ky_truoc == "3"
    assert [p.ten for p in sl["ho_so_dat_dai"].phan_con][:2] == ["Tách thửa", "Chuyển mục đích"]
    assert all(p.gia_tri is None for p in sl["ho_so_dat_dai"].phan_con)
    assert sl["tieu_chi_ntm"].mau_so == "19"
    # Cùng kỳ từ báo cáo quý II/2023 trong kho, kế hoạch từ bảng kế hoạch năm 2024.
    assert sl["dien_tich_gieo_trong"].cung_ky == "210" and sl["luot_tiep_dan"].cung_ky == "4"
    assert sl["trong_rung"].ke_hoach == "48"
    assert sl["thu_ngan_sach"].du_toan_huyen == "188.000.000"
    # Lời văn: chép, đổi chữ chỉ kỳ, đánh dấu cần xem lại; nhiệm vụ quý II thành việc phải báo.
    assert moi.van_ban["chi_dao"][3].startswith("Trong Quý II năm 2024 UBND xã đã ban hành")
    assert moi.van_ban["nhiem_vu"][0].endswith("trong quý III như sau:")
    # Nhiệm vụ quý II đề ra ở báo cáo quý I (không có câu dẫn) là việc báo cáo này phải trả lời.
    assert moi.van_ban["ket_qua_nhiem_vu"][1:] == cu.van_ban["nhiem_vu"][1:]
    assert moi.van_ban["ket_qua_nhiem_vu"][1].startswith("#. Tiếp tục tổ chức thực hiện")
    assert "ket_qua_nhiem_vu" in moi.can_xem_lai and "chi_dao" in moi.can_xem_lai
    assert "ra_quan" not in moi.van_ban  # lời văn riêng của quý I
    dong = [t.dong() for t in thay_doi]
    assert "Đã xóa: Thông tin văn bản — số văn bản và ngày ban hành" in dong
    assert any(d.startswith("Đã điền: Số liệu — số cùng kỳ quý II/2023 cho") for d in dong)
    assert any("13 nhiệm vụ trọng tâm đề ra ở báo cáo quý I/2024" in d for d in dong)
    assert any(d.startswith("Đã xóa: ") and "không chép sang" in d for d in dong)
    # Báo cáo mới là bản nháp lưu được và kiểm tra được (chưa có ngày: chỉ thiếu khi xuất).
    kho.luu(xa.id, moi)
    kq = tu_bao_cao(kho.doc(xa.id, "2024-Q2"), xuat=False, dung_van_ban=False)
    assert kq.loi == []


def test_khong_tao_trung_va_thieu_ky_truoc(kho):
    xa = kho.xa_mac_dinh()
    with pytest.raises(LoiKho, match="Đã có báo cáo quý I/2024"):
        tao_ky_moi(kho, xa.id, Q("2024-Q1"))
    with pytest.raises(LoiKho, match="Chưa có báo cáo nào trước quý IV/2022"):
        tao_ky_moi(kho, xa.id, Q("2022-Q4"))


def test_quy_iv_sang_quy_i_nam_sau(kho):
    xa = kho.xa_mac_dinh()
    q1 = kho.doc(xa.id, "2024-Q1")
    q4 = q1.model_copy(update={"ky": "2024-Q4", "van_ban": {
        "chi_dao": ["Trong quý IV năm 2024 và cả năm 2024 UBND xã đã ban hành"],
        "nhiem_vu": ["Nhiệm vụ trọng tâm quý I năm 2025:", "#. Tổ chức Tết trồng cây."]}})
    kho.luu(xa.id, q4)
    kho.dat_ke_hoach(xa.id, 2025, {"trong_rung": "60"})
    moi, thay_doi = tao_ky_moi(kho, xa.id, Q("2025-Q1"))
    assert moi.van_ban["chi_dao"] == ["Trong quý I năm 2025 và cả năm 2025 UBND xã đã ban hành"]
    assert moi.van_ban["nhiem_vu"][0] == "Nhiệm vụ trọng tâm quý II năm 2025:"
    # Qua năm mới: số lũy kế bắt đầu lại, số hiện có vẫn giữ, kế hoạch/dự toán theo năm mới.
    assert moi.so_lieu["dien_tich_gieo_trong"].gia_tri is None
    assert moi.so_lieu["dien_tich_gieo_trong"].ky_truoc == "148"
    assert moi.so_lieu["dan_trau"].gia_tri == "318"
    assert moi.so_lieu["trong_rung"].ke_hoach == "60"
    assert moi.so_lieu.get("thu_ngan_sach", SoLieuNhap()).du_toan_huyen is None
    assert moi.so_lieu["dien_tich_gieo_trong"].cung_ky == "148"  # quý I/2024 là cùng kỳ
    assert any("số lũy kế bắt đầu lại" in t.mo_ta for t in thay_doi)


def test_bao_cao_6_thang_bang_tong_hai_quy(kho):
    xa = kho.xa_mac_dinh()
    q1 = kho.doc(xa.id, "2024-Q1")
    so_lieu = dict(q1.so_lieu)
    so_lieu["luot_tiep_dan"] = SoLieuNhap(gia_tri="5")
    so_lieu["ho_so_dat_dai"] = SoLieuNhap(gia_tri="10", phan_con=[
        {"ten": "Tách thửa", "gia_tri": "4"}, {"ten": "Gia hạn", "gia_tri": "6"}])
    so_lieu["kiem_tra_attp_tap_hoa"] = SoLieuNhap(gia_tri="5", mau_so="6")
    so_lieu["dan_trau"] = SoLieuNhap(gia_tri="325")
    so_lieu["dien_tich_gieo_trong"] = SoLieuNhap(gia_tri="201,5", ke_hoach="154")
    kho.luu(xa.id, q1.model_copy(update={"ky": "2024-Q2", "so_lieu": so_lieu}))
    h1, _ = tong_hop(kho, xa.id, Q("2024-H1"))
    sl = h1.so_lieu
    assert h1.ky == "2024-H1"
    assert sl["luot_tiep_dan"].gia_tri == "8"  # 3 + 5: phát sinh trong kỳ cộng lại
    assert sl["ho_so_dat_dai"].gia_tri == "43"  # 33 + 10
    tach_thua = next(p for p in sl["ho_so_dat_dai"].phan_con if p.ten == "Tách thửa")
    assert tach_thua.gia_tri == "6"  # 2 + 4
    assert (sl["kiem_tra_attp_tap_hoa"].gia_tri, sl["kiem_tra_attp_tap_hoa"].mau_so) == ("14", "17")
    assert sl["dan_trau"].gia_tri == "325"  # hiện có: số cuối kỳ
    assert sl["dien_tich_gieo_trong"].gia_tri == "201,5"  # lũy kế: số của quý cuối
    # Báo cáo gộp kiểm tra được, không lỗi số liệu.
    assert tu_bao_cao(h1, xuat=False, dung_van_ban=False).loi == []
    with pytest.raises(LoiKho, match="Thiếu báo cáo quý III/2024"):
        tong_hop(kho, xa.id, Q("2024-9M"))
