"""Tạo kỳ mới từ kỳ trước và gộp các quý thành báo cáo 6 tháng / năm."""

from __future__ import annotations

import pytest

from drafter.bieu_mau.du_lieu import SoLieuNhap
from drafter.chuyen_ky import (
    doi_chu_chi_ky,
    doi_chu_chi_ky_sang,
    goi_y_nhiem_vu,
    tao_bao_cao,
    tao_ky_moi,
    tong_hop,
)
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
def test_doi_chu_chi_ky(chu, cu, moi, mong_doi):
    assert doi_chu_chi_ky(chu, Q(cu), Q(moi)) == mong_doi


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
    # Số hiện có / lũy kế giữ làm số khởi đầu phải được xác nhận; số phát sinh thì không.
    assert {"dan_trau", "dien_tich_gieo_trong"} <= set(moi.so_lieu_chep)
    assert "luot_tiep_dan" not in moi.so_lieu_chep
    # Mẫu số phát sinh trong kỳ (tổng hồ sơ tiếp nhận) xóa như tử số; tổng hiện có (19) giữ.
    assert sl["ho_so_truc_tuyen"].mau_so is None and sl["ho_so_truc_tuyen"].gia_tri is None
    # Lời văn: chép, đổi chữ chỉ kỳ, từng đoạn chờ xem lại.
    assert moi.van_ban["chi_dao"][3].startswith("Trong Quý II năm 2024 UBND xã đã ban hành")
    assert moi.doan_chep["chi_dao"] == moi.van_ban["chi_dao"]
    assert moi.doan_chua_xem("chi_dao") == moi.van_ban["chi_dao"]
    # Nhiệm vụ quý II đề ra ở báo cáo quý I thành danh sách phải ghi kết quả (không câu dẫn, không
    # chữ hướng dẫn nào lọt vào văn bản); phần nhiệm vụ kỳ tới bắt đầu trống.
    assert len(moi.nhiem_vu_ky_truoc) == 13
    assert moi.nhiem_vu_ky_truoc[0].noi_dung[0].startswith("Tiếp tục tổ chức thực hiện")
    assert moi.nhiem_vu_ky_truoc[1].noi_dung[1].startswith("Tổ chức triển khai các nhiệm vụ")
    assert all(nv.trang_thai is None for nv in moi.nhiem_vu_ky_truoc)
    assert "nhiem_vu" not in moi.van_ban and "ket_qua_nhiem_vu" not in moi.van_ban
    assert not any("Kết quả thực hiện: …" in d for ds in moi.van_ban.values() for d in ds)
    assert "ra_quan" not in moi.van_ban  # lời văn riêng của quý I
    dong = [t.dong() for t in thay_doi]
    assert "Đã xóa: Thông tin văn bản — số văn bản và ngày ban hành" in dong
    assert any(d.startswith("Đã điền: Số liệu — số cùng kỳ quý II/2023 cho") for d in dong)
    assert any("13 nhiệm vụ trọng tâm báo cáo quý I/2024 đề ra" in d for d in dong)
    assert any(d.startswith("Đã xóa: ") and "không chép" in d for d in dong)
    # Gợi ý cho nhiệm vụ kỳ tới: nhiệm vụ quý này, chữ chỉ kỳ dời sang quý sau.
    goi_y = goi_y_nhiem_vu(moi)
    assert len(goi_y) == 13 and goi_y[0].startswith("#. Tiếp tục tổ chức thực hiện")
    # Báo cáo mới lưu được; số liệu tự nó không sai (chỉ còn thiếu và chờ xem lại).
    kho.luu(xa.id, moi)
    kq = tu_bao_cao(kho.doc(xa.id, "2024-Q2"), dung_van_ban=False)
    assert [t.dong() for t in kq.thong_bao if t.muc_do == "loi" and t.nhom == "so_lieu"] == []
    nhom = {t.nhom for t in kq.thong_bao if t.muc_do == "loi"}
    assert {"thieu_so", "so_chep", "doan_chep", "nhiem_vu"} <= nhom


def test_khong_tao_trung_va_thieu_ky_truoc(kho):
    xa = kho.xa_mac_dinh()
    with pytest.raises(LoiKho, match="Đã có báo cáo quý I/2024") as loi:
        tao_bao_cao(kho, xa.id, Q("2024-Q1"))
    assert "--thay-the" in loi.value.loi_thoat
    with pytest.raises(LoiKho, match="Chưa có báo cáo nào trước quý IV/2022"):
        tao_bao_cao(kho, xa.id, Q("2022-Q4"))
    # Tạo lại khi người dùng yêu cầu: bản cũ vẫn là một phiên bản.
    moi, _ = tao_bao_cao(kho, xa.id, Q("2024-Q2"))
    kho.luu(xa.id, moi)
    with pytest.raises(LoiKho, match="Đã có báo cáo quý II/2024"):
        tao_bao_cao(kho, xa.id, Q("2024-Q2"))
    lai, _ = tao_bao_cao(kho, xa.id, Q("2024-Q2"), thay_the=True)
    lai.so_lieu["luot_tiep_dan"].gia_tri = "7"
    kho.luu(xa.id, lai, "tạo lại")
    assert len(kho.cac_phien_ban(xa.id, "2024-Q2")) == 2


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
    assert [nv.noi_dung for nv in moi.nhiem_vu_ky_truoc] == [["Tổ chức Tết trồng cây."]]
    assert "nhiem_vu" not in moi.van_ban
    # Qua năm mới: số lũy kế bắt đầu lại, số hiện có vẫn giữ, kế hoạch/dự toán theo năm mới.
    assert moi.so_lieu["dien_tich_gieo_trong"].gia_tri is None
    assert moi.so_lieu["dien_tich_gieo_trong"].ky_truoc == "148"
    assert moi.so_lieu["dan_trau"].gia_tri == "318"
    assert moi.so_lieu["trong_rung"].ke_hoach == "60"
    assert moi.so_lieu.get("thu_ngan_sach", SoLieuNhap()).du_toan_huyen is None
    assert moi.so_lieu["dien_tich_gieo_trong"].cung_ky == "148"  # quý I/2024 là cùng kỳ
    assert any("số lũy kế bắt đầu lại" in t.mo_ta for t in thay_doi)


def _quy_ii(kho, xa, **so_lieu_them):
    q1 = kho.doc(xa.id, "2024-Q1")
    so_lieu = dict(q1.so_lieu)
    so_lieu.update(so_lieu_them)
    van_ban = dict(q1.van_ban)
    van_ban["chi_dao"] = ["Trong Quý II năm 2024 UBND xã đã ban hành [[quyet_dinh_ban_hanh]]; "
                          "quý I năm 2024 đã sơ kết."]
    van_ban["nhiem_vu"] = ["Nhiệm vụ trọng tâm trong quý III như sau:", "#. Làm tốt."]
    kho.luu(xa.id, q1.model_copy(update={"ky": "2024-Q2", "so_lieu": so_lieu,
                                         "van_ban": van_ban}))


def test_bao_cao_6_thang_bang_tong_hai_quy(kho):
    xa = kho.xa_mac_dinh()
    _quy_ii(kho, xa,
            luot_tiep_dan=SoLieuNhap(gia_tri="5"),
            ho_so_dat_dai=SoLieuNhap(gia_tri="10", phan_con=[
                {"ten": "Tách thửa", "gia_tri": "4"}, {"ten": "Gia hạn", "gia_tri": "6"}]),
            kiem_tra_attp_tap_hoa=SoLieuNhap(gia_tri="5", mau_so="6"),
            dan_trau=SoLieuNhap(gia_tri="325"),
            dien_tich_gieo_trong=SoLieuNhap(gia_tri="201,5", ke_hoach="154"),
            tieu_chi_ntm=SoLieuNhap(gia_tri="7", mau_so="19"),
            thon_ra_quan=SoLieuNhap(gia_tri="8", mau_so="8"),
            ho_so_truc_tuyen=SoLieuNhap(gia_tri="150", mau_so="180"))
    q1 = kho.doc(xa.id, "2024-Q1").so_lieu
    h1, thay_doi = tong_hop(kho, xa.id, Q("2024-H1"))
    sl = h1.so_lieu
    assert h1.ky == "2024-H1"
    assert sl["luot_tiep_dan"].gia_tri == "8"  # 3 + 5: phát sinh trong kỳ cộng lại
    assert sl["ho_so_dat_dai"].gia_tri == "43"  # 33 + 10
    tach_thua = next(p for p in sl["ho_so_dat_dai"].phan_con if p.ten == "Tách thửa")
    assert tach_thua.gia_tri == "6"  # 2 + 4
    assert (sl["kiem_tra_attp_tap_hoa"].gia_tri, sl["kiem_tra_attp_tap_hoa"].mau_so) == ("14", "17")
    assert sl["dan_trau"].gia_tri == "325"  # hiện có: số cuối kỳ
    assert sl["dien_tich_gieo_trong"].gia_tri == "201,5"  # lũy kế: số của quý cuối
    # Tỷ số: mẫu số là tổng hiện có thì không bao giờ cộng (19 tiêu chí, 8 thôn, không 38, 16).
    assert (sl["tieu_chi_ntm"].gia_tri, sl["tieu_chi_ntm"].mau_so) == ("7", "19")
    assert (sl["thon_ra_quan"].gia_tri, sl["thon_ra_quan"].mau_so) == ("8", "8")
    # Mẫu số phát sinh trong kỳ cộng như tử số; % tính lại từ tổng, không lấy trung bình.
    x1, y1 = q1["ho_so_truc_tuyen"].gia_tri, q1["ho_so_truc_tuyen"].mau_so
    assert sl["ho_so_truc_tuyen"].gia_tri == str(int(x1) + 150)
    assert sl["ho_so_truc_tuyen"].mau_so == str(int(y1) + 180)
    # Tỷ lệ % nhập tay: lấy số quý cuối, không cộng, không lấy trung bình.
    assert sl["ty_le_bhyt"].gia_tri == q1["ty_le_bhyt"].gia_tri
    # Cùng kỳ 6 tháng đầu năm 2023 = quý I/2023 + quý II/2023 trong kho (theo cùng quy tắc).
    ck_q1 = kho.doc(xa.id, "2023-Q1").so_lieu
    ck_q2 = kho.doc(xa.id, "2023-Q2").so_lieu
    assert sl["luot_tiep_dan"].cung_ky == str(int(ck_q1["luot_tiep_dan"].gia_tri)
                                             + int(ck_q2["luot_tiep_dan"].gia_tri))
    assert sl["dien_tich_gieo_trong"].cung_ky == ck_q2["dien_tich_gieo_trong"].gia_tri
    assert sl["trong_rung"].ke_hoach == "48"
    dong = [t.dong() for t in thay_doi]
    assert any("số cùng kỳ 6 tháng đầu năm 2023 gộp từ quý I/2023, quý II/2023" in d
               for d in dong)
    # Chữ chỉ kỳ viết hoa hay thường đều đổi; phần nhiệm vụ sang 6 tháng cuối năm.
    assert h1.van_ban["chi_dao"][0].startswith("Trong 6 tháng đầu năm 2024 UBND xã đã ban hành")
    assert "quý I năm 2024 đã sơ kết" in h1.van_ban["chi_dao"][0]
    assert h1.van_ban["nhiem_vu"][0] == "Nhiệm vụ trọng tâm trong 6 tháng cuối năm như sau:"
    assert h1.doan_chua_xem("chi_dao") == h1.van_ban["chi_dao"]
    # Báo cáo gộp kiểm tra được, không lỗi số liệu.
    kq = tu_bao_cao(h1, dung_van_ban=False)
    assert [t.dong() for t in kq.thong_bao if t.muc_do == "loi" and t.nhom == "so_lieu"] == []
    kho.luu(xa.id, h1)
    with pytest.raises(LoiKho, match="Đã có báo cáo 6 tháng đầu năm 2024"):
        tao_bao_cao(kho, xa.id, Q("2024-H1"))
    with pytest.raises(LoiKho, match="Thiếu báo cáo quý III/2024"):
        tong_hop(kho, xa.id, Q("2024-9M"))


def test_gop_thieu_quy_khong_doan(kho):
    """Số cùng kỳ thiếu một quý năm trước thì để trống và nói rõ; số phát sinh chỉ có ở một
    quý thì cộng phần có nhưng phải được xác nhận."""
    xa = kho.xa_mac_dinh()
    _quy_ii(kho, xa, luot_tiep_dan=SoLieuNhap(gia_tri=None))
    with kho._gd() as cn:  # bỏ quý II/2023 khỏi kho
        cn.execute("DELETE FROM bao_cao WHERE ky = '2023-Q2'")
    h1, thay_doi = tong_hop(kho, xa.id, Q("2024-H1"))
    assert h1.so_lieu["luot_tiep_dan"].gia_tri == "3"  # chỉ quý I có số
    assert "luot_tiep_dan" in h1.so_lieu_chep
    assert h1.so_lieu["dien_tich_gieo_trong"].cung_ky is None
    dong = " ".join(t.dong() for t in thay_doi)
    assert "thiếu báo cáo quý II/2023" in dong and "không tự đoán" in dong
    assert "Số lượt tiếp công dân (thiếu quý II/2024)" in dong


@pytest.mark.parametrize(("chu", "mong_doi"), [
    ("Trong Quý II năm 2024 UBND xã", "Trong 6 tháng đầu năm 2024 UBND xã"),
    ("trong quý II/2024; quý III năm 2024", "trong 6 tháng đầu năm 2024; 6 tháng cuối năm 2024"),
    ("Nhiệm vụ Quý III", "Nhiệm vụ 6 tháng cuối năm"),
    ("quý I năm 2024 giữ nguyên", "quý I năm 2024 giữ nguyên"),
])
def test_doi_chu_chi_ky_sang_bao_cao_gop(chu, mong_doi):
    assert doi_chu_chi_ky_sang(chu, Q("2024-Q2"), Q("2024-H1")) == mong_doi
