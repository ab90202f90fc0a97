"""Kế hoạch năm → chỉ tiêu của năm trong kho → % kế hoạch của báo cáo quý I, đánh giá từng chỉ
tiêu và câu đếm của báo cáo 6 tháng; nhiệm vụ giao → đánh giá nhiệm vụ; kế hoạch năm sau tạo từ
kế hoạch năm trước với chỉ tiêu «cần xem lại»; kỳ 2025-KH; mục tiêu theo kiểu."""

from __future__ import annotations

from decimal import Decimal

import pytest

from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
from drafter.bieu_mau.du_lieu import (
    BaoCaoDuLieu,
    DauBaoCao,
    NhiemVuKeHoach,
    SoLieuNhap,
    doc_bao_cao,
)
from drafter.bieu_mau.kiem_tra_so_lieu import kiem_tra as kiem_tra_so_lieu
from drafter.chuyen_ky import tao_bao_cao
from drafter.kho.kho import Kho, Xa
from drafter.ky_bao_cao import Ky
from drafter.muc_tieu import MucTieu, MucTieuDaTinh
from drafter.nap_bao_cao import tu_bao_cao
from drafter.tai_nguyen import tep_mau
from tests.test_mau_ca_nam import cac_doan


def _chu(bc: BaoCaoDuLieu) -> str:
    return "\n".join(cac_doan(tu_bao_cao(bc).van_ban))


@pytest.fixture
def kho(tmp_path):
    with Kho.mo(tmp_path, nap_mau=False) as k:
        xa = k.luu_xa(Xa(id=0, ten="Hữu Kiên", mac_dinh=True))
        xa.ho_so()  # hồ sơ mặc định
        q4 = BaoCaoDuLieu(bieu_mau="kt-xh-quy-xa", ky="2024-Q4", xa="Hữu Kiên",
                          dau=DauBaoCao(co_quan_ban_hanh=["ỦY BAN NHÂN DÂN", "XÃ HỮU KIÊN"],
                                        dia_danh="Hữu Kiên"),
                          so_lieu={"dan_gia_cam": SoLieuNhap(gia_tri="15.300")},
                          noi_nhan=["UBND huyện"])
        k.luu(xa.id, q4)
        # Kế hoạch năm 2025 (mẫu Hữu Kiên) thêm hai nhiệm vụ giao.
        kh = doc_bao_cao(tep_mau("ke-hoach-huu-kien-2025.json"))
        kh.nhiem_vu_ke_hoach = [
            NhiemVuKeHoach(ten="Nhiệm vụ thứ nhất:", noi_dung=["Thu ngân sách đạt 26 triệu đồng."],
                           don_vi="Công chức Tài chính - Kế toán", thoi_han="31/12/2025"),
            NhiemVuKeHoach(ten="Nhiệm vụ thứ hai:", noi_dung=["Xây mới 30 lò đốt rác."],
                           don_vi="Thôn Mè Thành", thoi_han="Quý III/2025")]
        k.luu(xa.id, kh)
        yield k, xa


def test_luu_ke_hoach_dat_chi_tieu_nam_trong_kho(kho):
    k, xa = kho
    cac = {(d.ma, d.muc_tieu.co_so): d for d in k.muc_tieu_nam(xa.id, 2025)}
    assert len(cac) == 14 and all(d.nguon == "ke_hoach" for d in cac.values())
    assert cac[("thu_ngan_sach", "ke_hoach")].muc_tieu.kieu == "toi_thieu"
    ngheo = cac[("ty_le_ho_ngheo", "ke_hoach")].muc_tieu
    assert (ngheo.kieu, ngheo.gia_tri, ngheo.gia_tri_den) == ("giam", "5", "6")
    # Khóa cũ (màn hình Thiết lập): mức và tối thiểu của kế hoạch năm.
    assert k.ke_hoach(xa.id, 2025)["dien_tich_gieo_trong"] == "368"
    # Gõ ở Thiết lập số khác: nguồn thành «gõ tay»; giữ nguyên số: vẫn là «từ kế hoạch năm».
    k.dat_ke_hoach(xa.id, 2025, {"dien_tich_gieo_trong": "370", "dan_gia_cam": "17.000"})
    cac = {(d.ma, d.muc_tieu.co_so): d for d in k.muc_tieu_nam(xa.id, 2025)}
    assert cac[("dien_tich_gieo_trong", "ke_hoach")].nguon == "go_tay"
    assert cac[("dan_gia_cam", "ke_hoach")].nguon == "ke_hoach"


def test_chi_tieu_ke_hoach_vao_bao_cao_quy_I_va_6_thang(kho):
    k, xa = kho
    q1, _ = tao_bao_cao(k, xa.id, Ky.doc("2025-Q1"))
    assert q1.so_lieu["dien_tich_gieo_trong"].ke_hoach == "368"
    assert [m.kieu for m in q1.so_lieu["trong_rung"].muc_tieu] == ["toi_thieu"]
    q1.so_lieu["dien_tich_gieo_trong"].gia_tri = "148"
    q1.so_lieu["dan_gia_cam"].gia_tri = "16.000"
    k.luu(xa.id, q1)
    chu = _chu(q1)
    assert "Tổng diện tích gieo trồng vụ xuân ước đạt 148 ha, đạt 40,2% KH" in chu  # 148/368

    q2, _ = tao_bao_cao(k, xa.id, Ky.doc("2025-Q2"))
    for ma, v in {"dien_tich_gieo_trong": "226", "dan_gia_cam": "17.500", "trong_rung": "120",
                  "thu_ngan_sach": "13.000.000", "lo_dot_rac": "12"}.items():
        q2.so_lieu[ma] = (q2.so_lieu.get(ma) or SoLieuNhap()).model_copy(update={"gia_tri": v})
    k.luu(xa.id, q2)

    h1, thay_doi = tao_bao_cao(k, xa.id, Ky.doc("2025-H1"), ma_bieu_mau="kt-xh-6-thang-xa")
    assert h1.bieu_mau == "kt-xh-6-thang-xa"
    assert any("từ kế hoạch năm 2025 đã lưu" in t.dong() for t in thay_doi)
    # Nhiệm vụ của kế hoạch năm để đánh giá, kèm đơn vị chủ trì và thời hạn.
    assert [nv.don_vi for nv in h1.nhiem_vu_ky_truoc] == ["Công chức Tài chính - Kế toán",
                                                         "Thôn Mè Thành"]
    h1.nhiem_vu_ky_truoc[0].danh_gia = "dang_dung_tien_do"
    h1.nhiem_vu_ky_truoc[1].danh_gia = "vuot"
    chu = _chu(h1)
    # Mỗi chỉ tiêu một đánh giá; 6 tháng: tới mục tiêu là đạt/vượt, chưa tới là chưa đến kỳ.
    assert "Tổng đàn gia cầm: 17.500 con, chỉ tiêu 17.000 con (kế hoạch), đạt 103% — Vượt." \
        in chu
    assert ("Diện tích trồng rừng mới: 120 ha, chỉ tiêu 100 ha trở lên (kế hoạch), đạt 120% "
            "— Vượt.") in chu
    assert ("Thu ngân sách trên địa bàn: 13.000.000 đồng, chỉ tiêu 26 triệu đồng trở "
            "lên (kế hoạch), đạt 50% — Chưa đến kỳ đánh giá.") in chu
    assert "Tổng diện tích gieo trồng: 226 ha, chỉ tiêu 368 ha (kế hoạch), đạt 61,4% — Chưa đến " \
        "kỳ đánh giá." in chu
    assert "Trong 6 tháng đầu năm 2025, 11 chỉ tiêu kế hoạch được đánh giá: đạt và vượt 02/11 " \
        "chỉ tiêu (vượt 02 chỉ tiêu); 03 chỉ tiêu chưa đến kỳ đánh giá; 06 chỉ tiêu chưa có " \
        "số liệu." in chu
    assert "Thu ngân sách được là 13.000.000 đồng, đạt 50% kế hoạch" in chu  # cơ sở có là so
    assert "Tỷ lệ che phủ rừng: chỉ tiêu 49% (kế hoạch) — chưa có số liệu để đánh giá." in chu
    assert "Kết quả: đạt 01/02 nhiệm vụ; 01 nhiệm vụ đang hoàn thành theo tiến độ." in chu
    assert "Đơn vị chủ trì: Thôn Mè Thành; thời hạn: Quý III/2025." in chu


def test_ke_hoach_nam_sau_tu_ke_hoach_nam_truoc(kho):
    k, xa = kho
    kh, thay_doi = tao_bao_cao(k, xa.id, Ky.doc("2026-KH"))
    assert kh.ky == "2026-KH" and kh.bieu_mau == "ke-hoach-kt-xh-xa"
    assert kh.dau.so is None and kh.dau.ngay is None
    assert all(mt.xem_lai for cac in kh.chi_tieu_ke_hoach.values() for mt in cac)
    assert kh.nhiem_vu_ke_hoach[1].thoi_han == "Quý III/2026"  # năm dời theo kế hoạch
    assert any(t.noi == "Chỉ tiêu kế hoạch" and "cần xem lại" in t.mo_ta for t in thay_doi)
    tb = kiem_tra_so_lieu(doc_bieu_mau(kh.bieu_mau), kh)
    assert sum(t.nhom == "muc_tieu" and t.muc_do == "loi" for t in tb) == 14
    # Sửa một chỉ tiêu (bỏ dấu) là đã xem; lưu thì chỉ tiêu năm 2026 có, vẫn mang dấu chờ xem.
    kh.chi_tieu_ke_hoach["dan_gia_cam"] = [MucTieu(gia_tri="18.000")]
    k.luu(xa.id, kh)
    cac = {d.ma: d for d in k.muc_tieu_nam(xa.id, 2026)}
    gia_cam = cac["dan_gia_cam"].muc_tieu
    assert gia_cam.gia_tri == "18.000" and not gia_cam.xem_lai
    assert cac["lo_dot_rac"].muc_tieu.xem_lai
    assert k.ke_hoach_xem_lai(xa.id, 2026)  # Thiết lập nhắc xem lại


def test_ky_ke_hoach():
    ky = Ky.doc("2025-kh")
    assert (ky.ma, ky.ten_gon, ky.la_ke_hoach, ky.cac_quy()) == ("2025-KH", "kế hoạch năm 2025",
                                                                  True, [])
    assert ky < Ky.doc("2025-Q1") and ky > Ky.doc("2024")
    assert ky.ky_truoc().ma == "2024-KH" and ky.ky_sau().ma == "2026-KH"


@pytest.mark.parametrize(("kieu", "muc", "den", "x", "cuoi_nam", "ket_qua"), [
    ("muc", "100", None, "100", True, "dat"),
    ("muc", "100", None, "101", True, "vuot"),
    ("muc", "100", None, "90", True, "khong_dat"),
    ("muc", "100", None, "90", False, "chua_den_ky"),
    ("toi_da", "3", None, "3,5", False, "khong_dat"),
    ("toi_da", "3", None, "2", False, "chua_den_ky"),
    ("toi_da", "3", None, "2", True, "dat"),
    ("khoang", "5", "6", "5,5", True, "dat"),
    ("khoang", "5", "6", "7", True, "vuot"),
    ("khoang", "5", "6", "4", True, "khong_dat"),
    ("giam", "1,5", None, "1,6", True, "vuot"),
    ("giam", "1,5", None, "1", False, "chua_den_ky"),
])
def test_danh_gia_theo_kieu(kieu, muc, den, x, cuoi_nam, ket_qua):
    def d(s: str | None) -> Decimal | None:
        return None if s is None else Decimal(s.replace(",", "."))

    m = MucTieuDaTinh("ke_hoach", kieu, d(muc), d(den), thuc_hien=d(x))
    assert m.danh_gia(cuoi_nam) == ket_qua


def test_moc_co_khong():
    m = MucTieuDaTinh("ke_hoach", "moc", True, thuc_hien=None)
    assert m.danh_gia(False) == "chua_den_ky" and m.danh_gia(True) is None
    m.thuc_hien = True
    assert m.danh_gia(False) == "dat"
    m.thuc_hien = False
    assert m.danh_gia(True) == "khong_dat"


def test_giam_ty_le_ho_ngheo_tinh_so_voi_cuoi_nam_truoc():
    from drafter.bieu_mau.tinh_toan import tinh_so_lieu

    ct = doc_bieu_mau("kt-xh-6-thang-xa").chi_tieu_theo_ma()["ty_le_ho_ngheo"]
    s = tinh_so_lieu(ct, SoLieuNhap(gia_tri="12,3", cuoi_nam_truoc="13,9",
                                    muc_tieu=[MucTieu(kieu="giam", gia_tri="1,5", don_vi="%")]))
    m = s.cac_muc_tieu[0]
    assert m.thuc_hien == Decimal("1.6") and m.danh_gia(True) == "vuot"
    assert round(m.ty_le, 1) == Decimal("106.7")
