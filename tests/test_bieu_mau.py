"""Định nghĩa biểu mẫu (TOML) và dựng văn bản từ biểu mẫu + dữ liệu."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafter.bieu_mau.dinh_nghia import LoiBieuMau, doc_bieu_mau, doc_bieu_mau_tu_tep
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, doc_bao_cao, ghi_bao_cao
from drafter.bieu_mau.dung_van_ban import dung
from drafter.danh_so import duyet
from drafter.ghi_docx import ghi_tep
from drafter.kiem_tra.doc_docx import TaiLieuDocx
from drafter.tai_nguyen import thu_muc
from drafter.tep_van_ban import LoiTepVanBan
from tests.bieu_mau_thu import bao_cao_thu, bieu_mau_thu

TOML_THEM_CHI_TIEU = '''
[[chi_tieu]]
ma = "lo_dot_rac_moi"
muc = "nong_thon_moi"
ten = "Số lò đốt rác xây mới"
cau = "Xây mới được"
don_vi = "lò đốt rác"
loai = "dem"
ky = "luy_ke"
so_sanh = ["ke_hoach"]
hai_chu_so = true
'''


def _chu(van_ban) -> list[str]:
    ra = []
    for m in duyet(van_ban.noi_dung, van_ban.danh_so):
        nd = m.de_muc.muc.tieu_de if m.de_muc else getattr(m.nut, "noi_dung", [])
        ra.append(((m.de_muc.nhan + " ") if m.de_muc else "") + "".join(
            x if isinstance(x, str) else getattr(x, "chu", "") for x in (nd or [])))
    return ra


def test_bieu_mau_that_nap_duoc_va_du_cac_linh_vuc():
    bm = doc_bieu_mau("kt-xh-quy-xa")
    ma_muc = {m.ma for m in bm.muc}
    for can in ("chi_dao", "trong_trot", "chan_nuoi", "lam_nghiep", "nong_thon_moi", "ngan_sach",
                "dau_tu_cong", "tai_nguyen", "giao_duc", "y_te", "chinh_sach", "van_hoa",
                "tiep_dan", "tu_phap", "cai_cach", "thi_dua", "quoc_phong", "an_ninh",
                "danh_gia", "nhiem_vu"):
        assert can in ma_muc
    assert len(bm.chi_tieu) >= 80
    loai = {c.loai for c in bm.chi_tieu}
    assert {"dem", "dien_tich", "khoi_luong", "chieu_dai", "tien", "phan_tram", "ti_so"} <= loai
    assert {c.ky for c in bm.chi_tieu} == {"luy_ke", "trong_ky", "thoi_diem"}


def test_them_chi_tieu_chi_bang_toml(tmp_path):
    """Thêm một chỉ tiêu: chỉ sửa tệp TOML, không sửa Python; câu văn tự có trong văn bản."""
    goc = (thu_muc("forms") / "kt-xh-quy-xa.toml").read_text(encoding="utf-8")
    tep = tmp_path / "kt-xh-quy-xa.toml"
    tep.write_text(goc + TOML_THEM_CHI_TIEU, encoding="utf-8")
    bm = doc_bieu_mau_tu_tep(tep)
    bc = BaoCaoDuLieu.model_validate({
        "bieu_mau": bm.ma, "ky": "2024-Q2", "xa": "Cai Kinh",
        "so_lieu": {"lo_dot_rac_moi": {"gia_tri": "7", "ke_hoach": "8"}}})
    chu = _chu(dung(bm, bc))
    assert "Xây mới được 07 lò đốt rác, đạt 87,5% KH." in chu
    assert "c) Chương trình xây dựng Nông thôn mới" in chu or \
        any(c.endswith("Chương trình xây dựng Nông thôn mới") for c in chu)


@pytest.mark.parametrize(("sua", "thong_bao"), [
    ('\n[[muc]]\nma = "chi_dao"\ntieu_de = "Trùng"\n', "mã mục bị trùng: chi_dao"),
    ('\n[[muc]]\nma = "moi"\ncha = "khong_co"\ntieu_de = "X"\n', "mục cha «khong_co»"),
    ('\n[[chi_tieu]]\nma = "x"\nmuc = "khong_co"\nten = "X"\n', "thuộc mục «khong_co»"),
    ('\n[[chi_tieu]]\nma = "x"\nmuc = "chi_dao"\nten = "X"\nloai = "tien_te"\n', "loại"),
    ("\n[[chi_tieu\n", "sai cú pháp TOML"),
])
def test_bieu_mau_sai_bao_loi_tieng_viet(tmp_path, sua, thong_bao):
    goc = (thu_muc("forms") / "kt-xh-quy-xa.toml").read_text(encoding="utf-8")
    tep = tmp_path / "bm.toml"
    tep.write_text(goc + sua, encoding="utf-8")
    with pytest.raises(LoiBieuMau) as loi:
        doc_bieu_mau_tu_tep(tep)
    assert thong_bao in (loi.value.tieu_de + " ".join(loi.value.cac_dong))


def test_khong_co_bieu_mau():
    with pytest.raises(LoiBieuMau, match="Các biểu mẫu có sẵn: ke-hoach-kt-xh-xa, "
                                         "kt-xh-6-thang-xa, kt-xh-quy-xa"):
        doc_bieu_mau("khong-co")


def test_dung_van_ban_tu_bieu_mau():
    vb = dung(bieu_mau_thu(), bao_cao_thu())
    chu = _chu(vb)
    assert vb.dau.trich_yeu == ("Tình hình kinh tế – xã hội quý I năm 2024 và nhiệm vụ "
                                "quý II năm 2024")
    assert vb.cau_ket == "Trên đây là báo cáo quý I năm 2024 của UBND xã Thử Nghiệm"
    assert chu[:3] == ["I. Lĩnh vực kinh tế", "1. Nông nghiệp",
                       "Xã đạt 06/19 tiêu chí, đạt 31,58%."]
    # Nhóm "Trồng trọt" không có đề mục: đoạn của nó nằm trong mục cha.
    assert "Trồng trọt: Tổng diện tích gieo trồng vụ xuân ước đạt 148 ha, đạt 96,1% KH, " \
           "bằng 110% so với cùng kỳ." in chu
    # Chỉ tiêu có số mà đoạn văn không nhắc tới được tự thêm thành gạch đầu dòng.
    assert "Thu ngân sách được 100.791.000 đồng, đạt 53,6% dự toán huyện giao, " \
           "đạt 48,7% dự toán xã giao." in chu
    assert "Tiếp 03 lượt, giảm 03 lượt so với cùng kỳ." in chu
    # Mục tùy chọn không có nội dung thì không có đề mục.
    assert not any("Ra quân" in c for c in chu)
    # Danh sách nhiệm vụ tự đánh số, đoạn không có "#." thuộc nhiệm vụ phía trên.
    i = chu.index("III. Nhiệm vụ quý II năm 2024")
    assert chu[i + 1:] == ["Tập trung các nhiệm vụ sau:", "1. ", "Chăm sóc lúa xuân.",
                           "Phòng chống rét cho đàn trâu.", "2. ", "Thu ngân sách."]


def test_chu_thich_tu_phan_con_trong_docx(tmp_path):
    tl = TaiLieuDocx(ghi_tep(dung(bieu_mau_thu(), bao_cao_thu()), tmp_path / "a.docx"))
    assert tl.chu_thich() == {"1": "Lúa 53 ha; Ngô 95 ha"}
    assert any(d.chu == "1. Chăm sóc lúa xuân." for d in tl.cac_doan())


def test_tep_du_lieu_vong_tron_va_phien_ban(tmp_path):
    bc = bao_cao_thu()
    tep = ghi_bao_cao(bc, tmp_path / "bc.json")
    assert doc_bao_cao(tep) == bc
    du_lieu = json.loads(tep.read_text(encoding="utf-8"))
    du_lieu["phien_ban"] = 7
    tep.write_text(json.dumps(du_lieu, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LoiTepVanBan) as loi:
        doc_bao_cao(tep)
    assert "phiên bản lược đồ 7" in loi.value.cac_dong[0]


def test_ban_nhap_do_dang_van_luu_nguyen(tmp_path):
    """Số gõ sai vẫn được lưu y như gõ: không mất chữ nào."""
    bc = bao_cao_thu(so_lieu={"gieo_trong": {"gia_tri": "1.5"}})
    tep = ghi_bao_cao(bc, tmp_path / "nhap.json")
    assert doc_bao_cao(tep).so_lieu["gieo_trong"].gia_tri == "1.5"
    assert '"gia_tri": "1.5"' in Path(tep).read_text(encoding="utf-8")
