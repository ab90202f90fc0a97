"""Xã hình thành sau sắp xếp đơn vị hành chính (01/7/2025): số cùng kỳ, kỳ trước, báo cáo năm
từ báo cáo của các xã cũ; mặc định sau khi bỏ cấp huyện; dòng lệnh; kho cũ di chuyển được."""

from __future__ import annotations

from datetime import date

import pytest

from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, SoLieuNhap
from drafter.bieu_mau.dung_van_ban import dung
from drafter.chuyen_ky import tao_bao_cao
from drafter.cli import main
from drafter.kho import Kho, LoiKho, csdl
from drafter.kho.kho import Xa
from drafter.ky_bao_cao import Ky
from drafter.nap_bao_cao import tu_bao_cao
from drafter.phien_soan import PhienSoan
from drafter.sap_nhap import bo_cap_huyen, cong_ke_hoach_xa_cu, goi_y_noi_nhan
from drafter.so_lieu_ky import cong_xa_cu, so_lieu_ky
from drafter.van_ban import ChuThich, DoanVan, Muc
from tests.kho_thu import kho_luoc_do

Q = Ky.doc
BM = "kt-xh-quy-xa"


@pytest.fixture
def kho(tmp_path):
    """Hai xã cũ A (Đồi Thử) và B (Lũng Thử) hợp thành xã Mẫu Hợp từ 01/7/2025 (tên bịa)."""
    with Kho.mo(tmp_path, nap_mau=False) as k:
        a = k.luu_xa(Xa(id=0, ten="Đồi Thử", mac_dinh=True))
        b = k.luu_xa(Xa(id=0, ten="Lũng Thử"))
        m = k.luu_xa(Xa(id=0, ten="Mẫu Hợp", co_quan_ban_hanh=["ỦY BAN NHÂN DÂN", "XÃ MẪU HỢP"],
                        noi_nhan=["UBND tỉnh (b/c)"]))
        k.dat_sap_nhap(m.id, [a.id, b.id], date(2025, 7, 1), "9999/NQ-THU")
        yield k


def _bc(xa: str, ky: str, **so: SoLieuNhap | str) -> BaoCaoDuLieu:
    return BaoCaoDuLieu(bieu_mau=BM, ky=ky, xa=xa, noi_nhan=["UBND huyện (b/c)"],
                        so_lieu={m: v if isinstance(v, SoLieuNhap) else SoLieuNhap(gia_tri=v)
                                 for m, v in so.items()})


def _id(kho: Kho, ten: str) -> int:
    return kho.tim_xa(ten).id


def _quy_i_2025(kho: Kho) -> None:
    kho.luu(_id(kho, "Đồi Thử"), _bc(
        "Đồi Thử", "2025-Q1", dien_tich_gieo_trong="150", luot_tiep_dan="4", trong_rung="30",
        ho_so_truc_tuyen=SoLieuNhap(gia_tri="160", mau_so="168"), ty_le_bhyt="93,5",
        tieu_chi_ntm=SoLieuNhap(gia_tri="7", mau_so="19"), thu_ngan_sach="105.000.000"))
    kho.luu(_id(kho, "Lũng Thử"), _bc(
        "Lũng Thử", "2025-Q1", dien_tich_gieo_trong="102,5", luot_tiep_dan="2",
        ho_so_truc_tuyen=SoLieuNhap(gia_tri="96", mau_so="104"), ty_le_bhyt="91",
        tieu_chi_ntm=SoLieuNhap(gia_tri="9", mau_so="19"), thu_ngan_sach="64.000.000"))


def _quy_cua_xa_moi(kho: Kho) -> None:
    """Quý III (báo cáo đầu tiên, từ hồ sơ xã) và quý IV/2025 của xã mới, tạo như người dùng."""
    m = _id(kho, "Mẫu Hợp")
    for ky, dt, tiep_dan in (("2025-Q3", "390", "6"), ("2025-Q4", "455", "5")):
        bc, _ = tao_bao_cao(kho, m, Q(ky))
        for ma, v in (("dien_tich_gieo_trong", dt), ("luot_tiep_dan", tiep_dan),
                      ("dan_trau", "520")):
            bc.so_lieu.setdefault(ma, SoLieuNhap()).gia_tri = v
        kho.luu(m, bc.model_copy(update={"van_ban": {}, "doan_chep": {}}))


# ------------------------------------------------------------ số cùng kỳ từ hai xã cũ

def test_quy_i_2026_cung_ky_la_tong_hai_xa_cu(kho):
    _quy_i_2025(kho)
    _quy_cua_xa_moi(kho)
    bc, thay_doi = tao_bao_cao(kho, _id(kho, "Mẫu Hợp"), Q("2026-Q1"))
    sl = bc.so_lieu
    # Số đếm, diện tích, tiền: cộng.
    assert sl["dien_tich_gieo_trong"].cung_ky == "252,5"
    assert sl["luot_tiep_dan"].cung_ky == "6"
    assert sl["thu_ngan_sach"].cung_ky == "169.000.000"
    # Tỷ số: tử số và mẫu số cộng riêng, % tính lại (256/272 = 94,1%, không phải trung bình
    # của 95,2% và 92,3%).
    assert (sl["ho_so_truc_tuyen"].cung_ky, sl["ho_so_truc_tuyen"].cung_ky_mau_so) == ("256",
                                                                                        "272")
    ck = so_lieu_ky(kho, _id(kho, "Mẫu Hợp"), Q("2025-Q1"), doc_bieu_mau(BM))
    assert ck.xa_cu == ["Đồi Thử", "Lũng Thử"]
    assert ck.chi_tiet["ho_so_truc_tuyen"] == [("Đồi Thử", "160", "168"), ("Lũng Thử", "96", "104")]
    # Tỷ lệ % không cộng, không lấy trung bình; số tiêu chí không cộng giữa các xã.
    assert "ty_le_bhyt" not in ck.so_lieu and "trung bình" in ck.thieu["ty_le_bhyt"]
    assert "tieu_chi_ntm" not in ck.so_lieu and "tieu_chi_ntm" in ck.thieu
    # Một xã cũ thiếu số: thiếu cả tổng, nói rõ vì sao; hiện trong danh sách thay đổi.
    assert sl.get("trong_rung") is None or sl["trong_rung"].cung_ky is None
    ly_do = "báo cáo quý I/2025 của xã Lũng Thử không có số này"
    assert bc.cung_ky_xa_cu.thieu == {"trong_rung": ly_do}
    dong = [t.dong() for t in thay_doi]
    assert any(d.startswith("Cần xem lại: Số liệu — chưa có số cùng kỳ của 1 chỉ tiêu (Diện "
                            "tích trồng rừng mới): " + ly_do) for d in dong), dong
    assert any("số cùng kỳ quý I/2025 cho" in d and "tổng số liệu quý I/2025 của các xã Đồi "
               "Thử và Lũng Thử (trước sắp xếp)" in d for d in dong), dong
    # Có số kỳ này thì cảnh báo (không chặn) nói lý do số cùng kỳ thiếu.
    bc.so_lieu["trong_rung"] = SoLieuNhap(gia_tri="12")
    kq = tu_bao_cao(bc, dung_van_ban=False)
    canh_bao = [t for t in kq.thong_bao if t.nhom == "cung_ky"]
    assert [t.ma_chi_tieu for t in canh_bao] == ["trong_rung"] and ly_do in canh_bao[0].thong_diep
    assert all(t.muc_do == "canh_bao" for t in canh_bao)


def test_mot_xa_cu_chua_co_bao_cao(kho):
    kho.luu(_id(kho, "Đồi Thử"), _bc("Đồi Thử", "2025-Q1", dien_tich_gieo_trong="150"))
    _quy_cua_xa_moi(kho)
    bc, _ = tao_bao_cao(kho, _id(kho, "Mẫu Hợp"), Q("2026-Q1"))
    assert bc.so_lieu["dien_tich_gieo_trong"].cung_ky is None  # không đoán bằng một nửa
    assert bc.cung_ky_xa_cu.thieu["dien_tich_gieo_trong"] == (
        "kho chưa có báo cáo quý I/2025 của xã Lũng Thử")
    # Nhập báo cáo còn thiếu rồi mở lại: số cùng kỳ điền vào, lý do cũ không còn.
    kho.luu(_id(kho, "Mẫu Hợp"), bc)
    kho.luu(_id(kho, "Lũng Thử"), _bc("Lũng Thử", "2025-Q1", dien_tich_gieo_trong="100"))
    phien = PhienSoan.mo(kho, _id(kho, "Mẫu Hợp"), Q("2026-Q1"))
    assert phien.bao_cao.so_lieu["dien_tich_gieo_trong"].cung_ky == "250"
    assert "dien_tich_gieo_trong" not in phien.bao_cao.cung_ky_xa_cu.thieu
    ct = phien.bieu_mau.chi_tieu_theo_ma()["dien_tich_gieo_trong"]
    assert phien.nguon_cung_ky(ct) == ("Cùng kỳ quý I/2025 = tổng của các xã Đồi Thử và Lũng "
                                       "Thử trước sắp xếp: 250 ha (Đồi Thử 150 ha; Lũng Thử "
                                       "100 ha).")
    phien.dat_so("dien_tich_gieo_trong", "cung_ky", "240")
    assert phien.nguon_cung_ky(ct).startswith("Cùng kỳ: số bạn nhập; tổng quý I/2025")


def test_cong_xa_cu_theo_tinh_chat():
    bm = doc_bieu_mau(BM)
    ct = bm.chi_tieu_theo_ma()
    a, b = SoLieuNhap(gia_tri="8", mau_so="8"), SoLieuNhap(gia_tri="5", mau_so="6")
    assert cong_xa_cu(ct["thon_ra_quan"], [("A", a, None), ("B", b, None)])[0].mau_so == "14"
    assert cong_xa_cu(ct["nang_suat_lua"], [("A", SoLieuNhap(gia_tri="50"), None),
                                            ("B", SoLieuNhap(gia_tri="48"), None)])[0] is None
    assert cong_xa_cu(ct["chay_rung"], [("A", None, None), ("B", None, None)]) == (None, None)
    # Số gõ sai ở một xã: nói xã nào, không tính bừa.
    s, ly_do = cong_xa_cu(ct["luot_kham"], [("A", SoLieuNhap(gia_tri="12a"), None),
                                            ("B", SoLieuNhap(gia_tri="3"), None)])
    assert s is None and "xã A" in ly_do


# ------------------------------------------------------------ báo cáo năm 2025

def test_bao_cao_nam_2025_gop_6_thang_cac_xa_cu_voi_quy_iii_iv(kho):
    _quy_i_2025(kho)
    a, b, m = (_id(kho, t) for t in ("Đồi Thử", "Lũng Thử", "Mẫu Hợp"))
    # Đồi Thử có báo cáo 6 tháng; Lũng Thử chỉ có quý II (6 tháng = quý I + quý II của nó).
    kho.luu(a, _bc("Đồi Thử", "2025-H1", dien_tich_gieo_trong="212", luot_tiep_dan="9"))
    kho.luu(b, _bc("Lũng Thử", "2025-Q2", dien_tich_gieo_trong="140", luot_tiep_dan="1"))
    _quy_cua_xa_moi(kho)
    nam, thay_doi = tao_bao_cao(kho, m, Q("2025"))
    sl = nam.so_lieu
    # Phát sinh trong kỳ: 6 tháng của hai xã cũ (9 + 2 + 1) cộng quý III, IV của xã (6 + 5).
    assert sl["luot_tiep_dan"].gia_tri == "23"
    # Lũy kế, hiện có: số của quý IV (xã tính lũy kế từ đầu năm, gồm 6 tháng của các xã cũ).
    assert sl["dien_tich_gieo_trong"].gia_tri == "455" and sl["dan_trau"].gia_tri == "520"
    dong = [t.dong() for t in thay_doi]
    assert any("gộp tổng số liệu 6 tháng đầu năm 2025 của các xã Đồi Thử và Lũng Thử (trước "
               "sắp xếp) với quý III/2025, quý IV/2025 của xã Mẫu Hợp" in d for d in dong), dong
    # Xã mới không có báo cáo của kỳ trước ngày hình thành.
    with pytest.raises(LoiKho, match="hình thành từ ngày 01/07/2025"):
        tao_bao_cao(kho, m, Q("2025-H1"))
    # Xã cũ không còn báo cáo sau ngày sắp xếp: chỉ sang xã mới.
    with pytest.raises(LoiKho, match="đã hợp vào xã Mẫu Hợp") as loi:
        tao_bao_cao(kho, a, Q("2025-Q3"))
    assert '--xa "Mẫu Hợp" new --ky 2025-Q3' in loi.value.loi_thoat


def test_bao_cao_dau_tien_cua_xa_moi(kho):
    a, b, m = (_id(kho, t) for t in ("Đồi Thử", "Lũng Thử", "Mẫu Hợp"))
    kho.luu(a, _bc("Đồi Thử", "2025-Q2", dan_trau="300", luot_tiep_dan="2"))
    kho.luu(b, _bc("Lũng Thử", "2025-Q2", dan_trau="200", luot_tiep_dan="3"))
    bc, thay_doi = tao_bao_cao(kho, m, Q("2025-Q3"))
    assert bc.dau.co_quan_ban_hanh == ["ỦY BAN NHÂN DÂN", "XÃ MẪU HỢP"]
    assert bc.noi_nhan == ["UBND tỉnh (b/c)"]
    # Hiện có: tổng của hai xã cũ làm số khởi đầu, chờ xác nhận; phát sinh: chỉ ở «kỳ trước».
    assert bc.so_lieu["dan_trau"].gia_tri == "500" and "dan_trau" in bc.so_lieu_chep
    assert bc.so_lieu["luot_tiep_dan"].gia_tri is None
    assert bc.so_lieu["luot_tiep_dan"].ky_truoc == "5"
    assert bc.van_ban["chi_dao"][0].startswith("Trong quý III năm 2025 UBND xã đã ban hành")
    assert any("số kỳ trước (quý II/2025) là tổng số liệu" in t.dong() for t in thay_doi)


# ------------------------------------------------------------ văn bản: chú thích, cấp huyện

def _van_ban_quy_i_2026(kho: Kho, **thay: object) -> tuple[BaoCaoDuLieu, object]:
    _quy_i_2025(kho)
    _quy_cua_xa_moi(kho)
    bc, _ = tao_bao_cao(kho, _id(kho, "Mẫu Hợp"), Q("2026-Q1"))
    bc.so_lieu["dien_tich_gieo_trong"].gia_tri = "260"
    bc = bc.model_copy(update=thay)
    return bc, dung(doc_bieu_mau(BM), bc)


def _cac_doan(nut):
    """Mọi đoạn văn (DoanVan) trong cây văn bản."""
    for n in getattr(nut, "noi_dung", None) or []:
        if isinstance(n, DoanVan):
            yield n
        elif isinstance(n, Muc):
            yield from _cac_doan(n)


def _chu(noi_dung) -> str:
    return "".join(x if isinstance(x, str) else f"[{x.chu_thich[0]}]" if isinstance(x, ChuThich)
                   else x.chu for x in noi_dung)


def test_cau_cung_ky_va_chu_thich(kho):
    _, vb = _van_ban_quy_i_2026(kho)
    cau = [_chu(d.noi_dung) for d in _cac_doan(vb)
           if isinstance(getattr(d, "noi_dung", None), list) and "cùng kỳ" in _chu(d.noi_dung)]
    assert cau[0] == ("Tổng diện tích gieo trồng vụ xuân ước đạt 260 ha, bằng 103% so với cùng "
                      "kỳ[Số liệu cùng kỳ là tổng số liệu của các xã Đồi Thử và Lũng Thử trước "
                      "khi sắp xếp theo Nghị quyết số 9999/NQ-THU.].")
    # Chú thích chỉ một lần, ở chỗ so sánh đầu tiên.
    assert sum(c.count("[Số liệu cùng kỳ") for c in cau) == 1


def test_tat_chu_thich(kho):
    bc, _ = _van_ban_quy_i_2026(kho)
    tat = bc.model_copy(update={"cung_ky_xa_cu": bc.cung_ky_xa_cu.model_copy(
        update={"chu_thich": False})})
    vb = dung(doc_bieu_mau(BM), tat)
    assert not any("[Số liệu cùng kỳ" in _chu(d.noi_dung) for d in _cac_doan(vb)
                   if isinstance(getattr(d, "noi_dung", None), list))


def test_sau_sap_xep_khong_con_cap_huyen(kho):
    cu = _bc("Đồi Thử", "2025-Q2", thu_ngan_sach=SoLieuNhap(
        gia_tri="190.000.000", du_toan_huyen="400.000.000"))
    cu.dau.co_quan_chu_quan = ["UBND HUYỆN THỬ"]
    cu.dau.co_quan_ban_hanh = ["ỦY BAN NHÂN DÂN", "XÃ ĐỒI THỬ"]
    # Báo cáo trước sắp xếp giữ cách viết của thời ấy.
    vb_cu = dung(doc_bieu_mau(BM), cu)
    assert vb_cu.dau.co_quan_chu_quan == ["UBND HUYỆN THỬ"]
    assert vb_cu.noi_nhan == ["UBND huyện (b/c)"]
    # Chép sang kỳ sau 01/7/2025 (xã không qua sáp nhập vẫn mất cấp huyện): không dòng cấp
    # huyện, Nơi nhận cấp tỉnh, dự toán tỉnh giao; danh sách thay đổi nói rõ.
    moi, ghi = bo_cap_huyen(cu.model_copy(update={"ky": "2025-Q3"}))
    assert moi.dau.co_quan_chu_quan == [] and "UBND huyện (b/c)" not in moi.noi_nhan
    assert moi.noi_nhan[0] == "UBND tỉnh (b/c)" and len(ghi) == 2
    vb = dung(doc_bieu_mau(BM), moi)
    chu = " ".join(_chu(d.noi_dung) for d in _cac_doan(vb)
                   if isinstance(getattr(d, "noi_dung", None), list))
    assert "dự toán tỉnh giao" in chu and "huyện" not in chu.lower()
    assert "huyện" not in " ".join(vb.noi_nhan + vb.dau.co_quan_chu_quan).lower()
    # Người làm báo cáo tự gõ thì giữ.
    moi.noi_nhan.append("Phòng Kinh tế huyện cũ (để biết)")
    assert dung(doc_bieu_mau(BM), moi).noi_nhan[-1] == "Phòng Kinh tế huyện cũ (để biết)"
    # Gợi ý Nơi nhận theo thời điểm.
    assert goi_y_noi_nhan(["UBND huyện (b/c)", "CT, PCT UBND xã"], Q("2025-Q3")) == [
        "UBND tỉnh (b/c)", "Sở Tài chính (b/c)", "CT, PCT UBND xã"]
    assert goi_y_noi_nhan(["UBND huyện (b/c)"], Q("2025-Q2")) == ["UBND huyện (b/c)"]


def test_bao_cao_xa_moi_khong_co_cap_huyen(kho):
    _, vb = _van_ban_quy_i_2026(kho)
    assert vb.dau.co_quan_chu_quan == []
    assert vb.dau.co_quan_ban_hanh == ["ỦY BAN NHÂN DÂN", "XÃ MẪU HỢP"]
    tat_ca = " ".join([*vb.noi_nhan, vb.cau_ket or "", vb.dau.trich_yeu or ""] + [
        _chu(d.noi_dung) for d in _cac_doan(vb) if isinstance(getattr(d, "noi_dung", None),
                                                               list)])
    assert "huyện" not in tat_ca.lower()


# ------------------------------------------------------------ kế hoạch năm

def test_ke_hoach_khoi_dau_bang_tong_cac_xa_cu(kho):
    a, b, m = (_id(kho, t) for t in ("Đồi Thử", "Lũng Thử", "Mẫu Hợp"))
    kho.dat_ke_hoach(a, 2025, {"trong_rung": "48", "ty_le_bhyt": "95",
                               "thu_ngan_sach.du_toan_huyen": "188.000.000"})
    # Lũng Thử không có bảng kế hoạch: lấy kế hoạch ghi trong báo cáo năm 2025 của nó.
    kho.luu(b, _bc("Lũng Thử", "2025-Q2", trong_rung=SoLieuNhap(gia_tri="3", ke_hoach="20"),
                   ty_le_bhyt=SoLieuNhap(gia_tri="90", ke_hoach="94"),
                   thu_ngan_sach=SoLieuNhap(gia_tri="1", du_toan_huyen="112.000.000")))
    kho.dat_ke_hoach(m, 2025, {"lua_xuan": "90"})
    kq = cong_ke_hoach_xa_cu(kho, kho.xa_theo_id(m), 2025, doc_bieu_mau(BM))
    assert kq.da_dat == {"trong_rung": "68", "thu_ngan_sach.du_toan_huyen": "300.000.000"}
    assert "ty_le_bhyt" in kq.thieu
    assert kho.ke_hoach(m, 2025) == {"lua_xuan": "90", "trong_rung": "68",
                                     "thu_ngan_sach.du_toan_huyen": "300.000.000"}
    assert kho.ke_hoach_xem_lai(m, 2025) == {"trong_rung", "thu_ngan_sach.du_toan_huyen"}
    # Người dùng lưu ở Thiết lập: đã xem.
    kho.dat_ke_hoach(m, 2025, {"trong_rung": "68"})
    assert kho.ke_hoach_xem_lai(m, 2025) == {"thu_ngan_sach.du_toan_huyen"}


# ------------------------------------------------------------ kho cũ, dòng lệnh

def test_kho_luoc_do_2_di_chuyen_len_moi_nhat(tmp_path):
    cn = kho_luoc_do(tmp_path, 2)
    cn.execute("INSERT INTO xa (id, ten, ho_so, mac_dinh, tao_luc) VALUES "
               "(1, 'Cai Kinh', '{}', 1, '2024-01-01T00:00:00')")
    cn.execute("INSERT INTO ke_hoach_nam VALUES (1, 2024, 'trong_rung', '48')")
    cn.close()
    with Kho.mo(tmp_path) as k:
        assert csdl.phien_ban_luoc_do(k.cn) == csdl.PHIEN_BAN_LUOC_DO  # rồi 3 → 4 → 5
        xa = k.xa_mac_dinh()
        assert (xa.ten, xa.co_tien_than, xa.xa_tien_than) == ("Cai Kinh", False, [])
        assert k.ke_hoach(1, 2024) == {"trong_rung": "48"} and not k.ke_hoach_xem_lai(1, 2024)
        moi = k.luu_xa(Xa(id=0, ten="Mẫu Hợp"))
        k.dat_sap_nhap(moi.id, [xa.id], date(2025, 7, 1))
        assert k.tim_xa("xã mẫu hợp").xa_tien_than == ["Cai Kinh"]
        assert k.xa_sau_sap_nhap(xa.id).ten == "Mẫu Hợp"


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    ma = main(list(args))
    ra = capsys.readouterr()
    assert "Traceback" not in ra.err
    return ma, ra.out, ra.err


def test_dong_lenh_xa_them_import_new(tmp_path, capsys):
    d = ["--data-dir", str(tmp_path / "kho")]
    ma, out, err = _cli(capsys, *d, "xa", "them", "Mẫu Hợp", "--sap-nhap-tu", "Đồi Thử",
                        "Lũng Thử", "--tu-ngay", "01/07/2025", "--nghi-quyet", "9999/NQ-THU")
    assert ma == 0, err
    assert "Đã thêm xã Mẫu Hợp (hình thành ngày 01/07/2025 từ các xã Đồi Thử và Lũng Thử, " \
           "Nghị quyết số 9999/NQ-THU)." in out
    # Báo cáo của xã cũ: --xa nhập vào đúng xã cũ (xã chưa có thì thêm), không ghi đè.
    for ten, so in (("Đồi Thử", "150"), ("Lũng Thử", "102")):
        tep = tmp_path / f"{ten}.json"
        tep.write_text(_bc(ten, "2025-Q1", dien_tich_gieo_trong=so).thanh_json(),
                       encoding="utf-8")
        ma, out, err = _cli(capsys, *d, "--xa", ten, "import", str(tep))
        assert ma == 0, err
        assert f"Đã nhập báo cáo quý I/2025 của xã {ten}" in out and "xã cũ của xã Mẫu Hợp" in out
    ma, _, err = _cli(capsys, *d, "--xa", "Bản Khác", "import", str(tmp_path / "Đồi Thử.json"))
    assert ma == 1 and "là báo cáo của xã «Đồi Thử», không phải xã «Bản Khác»" in err
    ma, out, _ = _cli(capsys, *d, "xa", "list")
    assert "Mẫu Hợp: 0 báo cáo (hình thành ngày 01/07/2025 từ các xã Đồi Thử và Lũng Thử" in out
    assert "Đồi Thử: 1 báo cáo (đã hợp vào xã Mẫu Hợp từ 01/07/2025)" in out
    # Báo cáo đầu tiên của xã mới: số cùng kỳ từ hai xã cũ khi tạo quý I/2026 (qua quý III).
    ma, out, err = _cli(capsys, *d, "--xa", "Mẫu Hợp", "new", "--ky", "2025-Q3")
    assert ma == 0, err
    ma, out, err = _cli(capsys, *d, "--xa", "Mẫu Hợp", "new", "--ky", "2025-Q4")
    ma, out, err = _cli(capsys, *d, "--xa", "Mẫu Hợp", "new", "--ky", "2026-Q1")
    assert ma == 0, err
    assert "tổng số liệu quý I/2025 của các xã Đồi Thử và Lũng Thử (trước sắp xếp)" in out
    ma, out, _ = _cli(capsys, *d, "--xa", "Mẫu Hợp", "show", "2026-Q1")
    assert "chú thích trong văn bản: có (đổi: «drafter chu-thich-xa-cu 2026-Q1 tat»)" in out
    ma, out, _ = _cli(capsys, *d, "--xa", "Mẫu Hợp", "chu-thich-xa-cu", "2026-Q1", "tat")
    assert ma == 0 and "không in" in out
    with Kho.mo(tmp_path / "kho") as k:
        bc = k.doc(k.tim_xa("Mẫu Hợp").id, "2026-Q1")
        assert bc.cung_ky_xa_cu.chu_thich is False
        assert bc.so_lieu["dien_tich_gieo_trong"].cung_ky == "252"
    ma, _, err = _cli(capsys, *d, "--xa", "Mẫu Hợp", "chu-thich-xa-cu", "2025-Q3", "bat")
    assert ma == 1 and "không có số cùng kỳ nào là tổng số liệu các xã cũ" in err
    # Sai: xã cũ trùng tên xã mới, ngày sai — lời tiếng Việt, mã 1, không traceback.
    ma, _, err = _cli(capsys, *d, "xa", "them", "X", "--sap-nhap-tu", "X")
    assert ma == 1 and "không thể là xã cũ của chính nó" in err
    ma, _, err = _cli(capsys, *d, "xa", "them", "Y", "--sap-nhap-tu", "Z", "--tu-ngay", "31/2")
    assert ma == 1 and "Viết 2025-07-01 hoặc 01/07/2025" in err


def test_kho_mau_co_xa_sap_xep_minh_hoa(tmp_path, capsys):
    d = ["--data-dir", str(tmp_path / "kho")]
    ma, out, err = _cli(capsys, *d, "--xa", "Hợp Mẫu", "new", "--ky", "2026-Q1")
    assert ma == 0, err
    assert "số cùng kỳ quý I/2025 cho 17 chỉ tiêu là tổng số liệu quý I/2025 của các xã Cai " \
           "Kinh và Khe Thử (trước sắp xếp)" in out
    assert "Diện tích trồng rừng mới): báo cáo quý I/2025 của xã Khe Thử không có số này" in out
    ma, out, err = _cli(capsys, *d, "--xa", "Hợp Mẫu", "new", "--ky", "2025")
    assert ma == 0, err
    with Kho.mo(tmp_path / "kho") as k:
        hm = k.tim_xa("Hợp Mẫu")
        assert k.cac_phien_ban(hm.id, "2025-Q3")[0].ghi_chu.startswith("Số liệu minh họa")
        nam = k.doc(hm.id, "2025")
        # luot_kham: 6 tháng của hai xã cũ (940 + 880 + 610 + 590) + quý III, IV của Hợp Mẫu.
        assert nam.so_lieu["luot_kham"].gia_tri == "6.010"
