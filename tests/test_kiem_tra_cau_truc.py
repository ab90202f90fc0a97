"""`drafter check` trên các cấu trúc hợp lệ mà bộ ghi nay làm được (issue 15): mỗi cấu trúc một
văn bản nhỏ, ghi ra .docx, kiểm tra tệp đó — không quy tắc nào Không đạt vì cấu trúc hợp lệ,
và quy tắc của cấu trúc đó báo đúng mức."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.ghi_docx import ghi_tep
from drafter.kiem_tra import KetQua, MucDoDat, kiem_tra
from drafter.kiem_tra.doc_docx import TaiLieuDocx
from drafter.van_ban import VanBan
from tests.van_ban_thu import van_ban_nho

M = MucDoDat


def _kiem(tmp_path: Path, du_lieu: dict, chinh_thuc: bool = False,
          ten: str = "vb.docx") -> tuple[dict[str, KetQua], TaiLieuDocx]:
    tep = ghi_tep(VanBan.model_validate(du_lieu), tmp_path / ten)
    return {k.ma: k for k in kiem_tra(tep, chinh_thuc).ket_qua}, TaiLieuDocx(tep)


def _khong_dat(kq: dict[str, KetQua]) -> list[str]:
    return [k.dong() for k in kq.values() if k.muc_do == M.KHONG_DAT]


def _dau(**thay: object) -> dict:
    return {**van_ban_nho()["dau"], **thay}


def _chu(tl: TaiLieuDocx) -> list[str]:
    return [d.chu for d in tl.cac_doan() if d.chu.strip()]


# ---------------------------------------------------------------- loại, tên loại, dòng kỳ

@pytest.mark.parametrize(("ten_loai", "ma", "kinh_gui"), [
    ("BÁO CÁO", "BC", []), ("KẾ HOẠCH", "KH", []),
    ("TỜ TRÌNH", "TTr", ["Hội đồng nhân dân xã Thử Nghiệm"]), ("THÔNG BÁO", "TB", [])])
def test_moi_loai_van_ban_dat(tmp_path, ten_loai, ma, kinh_gui):
    dau = _dau(ten_loai=ten_loai, kinh_gui=kinh_gui)
    del dau["ky_hieu"]
    kq, tl = _kiem(tmp_path, van_ban_nho(dau=dau, noi_nhan=["Như trên"] if kinh_gui else
                                         ["UBND huyện (b/c)"]))
    assert f"Số: 05/{ma}-UBND" in _chu(tl) and ten_loai in _chu(tl)
    assert _khong_dat(kq) == []
    assert kq["ma_loai"].muc_do == M.DAT and kq["ma_loai"].chi_tiet == ma
    assert kq["ten_loai"].muc_do == M.DAT


TEN_LOAI_DAI = "Báo cáo tình hình thực hiện nhiệm vụ 6 tháng"
DONG_KY = "(Từ ngày 15/12/2023 đến ngày 14/6/2024)"


@pytest.mark.parametrize(("ten", "thay"), [
    ("ten_loai_dai", {"ten_loai": TEN_LOAI_DAI, "trich_yeu": None}),
    ("ten_loai_dai_dong_ky", {"ten_loai": TEN_LOAI_DAI, "trich_yeu": None,
                              "dong_duoi_trich_yeu": DONG_KY}),
    ("ten_loai_dai_co_trich_yeu", {"ten_loai": TEN_LOAI_DAI, "dong_duoi_trich_yeu": DONG_KY}),
    ("trich_yeu_dong_ky", {"dong_duoi_trich_yeu": DONG_KY}),
])
def test_ten_loai_dai_va_dong_ky(tmp_path, ten, thay):
    """Tên loại dài trên một dòng thay trích yếu; dòng kỳ trong ngoặc dưới tên loại hoặc trích
    yếu không phải trích yếu, cũng không lọt vào thân văn bản."""
    kq, tl = _kiem(tmp_path, van_ban_nho(dau=_dau(**thay)), ten=f"{ten}.docx")
    chu = _chu(tl)
    assert _khong_dat(kq) == []
    assert kq["ten_loai"].muc_do == M.DAT and kq["ma_loai"].muc_do == M.DAT
    if thay["ten_loai"] if "ten_loai" in thay else False:
        assert "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ 6 THÁNG" in chu
        assert kq["ten_loai"].chi_tiet == "BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ 6 THÁNG"
    if thay.get("trich_yeu", "") is None:
        assert kq["trich_yeu"].muc_do == M.KHONG_AP_DUNG
        assert "tên loại dài" in kq["trich_yeu"].chi_tiet
    else:
        assert kq["trich_yeu"].muc_do == M.DAT
    if "dong_duoi_trich_yeu" in thay:
        assert DONG_KY in chu
        assert DONG_KY not in kq["trich_yeu"].chi_tiet
    assert kq["ke_trich_yeu"].muc_do == M.DAT
    # Thân văn bản vẫn chỉ có "Nội dung." và câu kết: căn đều, thụt dòng, cách đoạn đúng.
    for ma in ("can_deu", "thut_dau_dong", "cach_doan", "co_chu_than"):
        assert kq[ma].muc_do == M.DAT, kq[ma].dong()
    assert kq["can_deu"].chi_tiet == "2 đoạn căn đều"  # "Nội dung." và câu kết


def test_ten_loai_ngan_thieu_trich_yeu_van_khong_dat(tmp_path):
    """Chỉ tên loại dài mới thay được trích yếu: «BÁO CÁO» trơ trọi vẫn thiếu trích yếu."""
    from tests.test_kiem_tra import _doan
    from tests.van_ban_thu import sua_docx as _sua_docx

    tep = ghi_tep(VanBan.model_validate(van_ban_nho()), tmp_path / "a.docx")

    def bo_trich_yeu(x: dict) -> None:
        p = _doan(x["word/document.xml"], "Tình hình kinh tế - xã hội")
        p.getparent().remove(p)

    kq = {k.ma: k for k in kiem_tra(_sua_docx(tep, tmp_path / "b.docx", bo_trich_yeu)).ket_qua}
    assert kq["trich_yeu"].muc_do == M.KHONG_DAT


# ---------------------------------------------------------------- ngày trong bản nháp

@pytest.mark.parametrize(("thay", "dong", "so_0"), [
    ({"ngay": None, "nam": 2024}, "Thử Nghiệm, ngày     tháng     năm 2024", M.KHONG_AP_DUNG),
    ({"ngay": None, "nam": 2024, "thang": 7}, "Thử Nghiệm, ngày      tháng 7 năm 2024", M.DAT),
    ({"ngay": None, "nam": 2024, "thang": 2}, "Thử Nghiệm, ngày      tháng 02 năm 2024",
     M.DAT),
])
def test_ngay_trong_hoac_biet_thang_la_ban_nhap(tmp_path, thay, dong, so_0):
    kq, tl = _kiem(tmp_path, van_ban_nho(dau=_dau(**thay)))
    assert dong in [d.chu for d in tl.cac_doan()]
    assert _khong_dat(kq) == []
    assert kq["ngay_thang"].muc_do == M.CANH_BAO and "bản nháp" in kq["ngay_thang"].chi_tiet
    assert kq["ngay_so_0"].muc_do == so_0
    chinh_thuc, _ = _kiem(tmp_path, van_ban_nho(dau=_dau(**thay)), chinh_thuc=True, ten="c.docx")
    assert chinh_thuc["ngay_thang"].muc_do == M.KHONG_DAT


def test_thang_biet_truoc_van_theo_quy_tac_so_0(tmp_path):
    from tests.test_kiem_tra import _doan, _doi_chu
    from tests.van_ban_thu import sua_docx as _sua_docx

    tep = ghi_tep(VanBan.model_validate(van_ban_nho(dau=_dau(ngay=None, nam=2024, thang=7))),
                  tmp_path / "a.docx")
    hong = _sua_docx(tep, tmp_path / "b.docx", lambda x: _doi_chu(
        _doan(x["word/document.xml"], "Thử Nghiệm, ngày"), "tháng 7", "tháng 07"))
    kq = {k.ma: k for k in kiem_tra(hong).ket_qua}
    assert kq["ngay_so_0"].muc_do == M.KHONG_DAT and "tháng «07»" in kq["ngay_so_0"].chi_tiet


# ---------------------------------------------------------------- căn cứ như gõ

CAN_CU = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"
THUC_HIEN = ("Thực hiện Công văn số 18/UBND ngày 15/01/2024 của UBND huyện, UBND xã báo cáo "
             "như sau:")


@pytest.mark.parametrize(("can_cu", "muc_do", "so"), [
    ([CAN_CU, THUC_HIEN], M.DAT, 2),
    ([THUC_HIEN], M.DAT, 1),
    (["Căn cứ Luật A;", "Căn cứ Luật B."], M.DAT, 2),
    (["Căn cứ Luật A", "Căn cứ Luật B"], M.CANH_BAO, 2),  # bản 2 in đúng như gõ
    ([CAN_CU], M.CANH_BAO, 1),  # căn cứ cuối kết thúc «;»
])
def test_can_cu_va_thuc_hien_nhu_go(tmp_path, can_cu, muc_do, so):
    kq, tl = _kiem(tmp_path, van_ban_nho(phien_ban=2, dau=_dau(can_cu=can_cu)))
    chu = _chu(tl)
    assert all(d in chu for d in can_cu)
    assert _khong_dat(kq) == []
    assert kq["can_cu"].muc_do == muc_do, kq["can_cu"].dong()
    if muc_do == M.DAT:
        assert kq["can_cu"].chi_tiet == f"{so} căn cứ, in nghiêng"
    # Dòng căn cứ không lọt vào thân.
    assert kq["can_deu"].chi_tiet == "2 đoạn căn đều"  # "Nội dung." và câu kết


def test_thuc_hien_dung_lam_doan_van_khong_phai_can_cu(tmp_path):
    """Đoạn văn đứng (không nghiêng) mở đầu bằng «Thực hiện …» là thân văn bản như trước."""
    kq, _ = _kiem(tmp_path, van_ban_nho(noi_dung=[
        {"loai": "doan", "noi_dung": "Thực hiện Kế hoạch số 04/KH-UBND, UBND xã báo cáo:"},
        {"loai": "doan", "noi_dung": "Nội dung."}]))
    assert kq["can_cu"].muc_do == M.KHONG_AP_DUNG
    assert kq["can_deu"].chi_tiet == "3 đoạn căn đều"


# ---------------------------------------------------------------- đề mục, kết thúc

def test_tieu_de_muc_la_ma_chu_thuong_chi_canh_bao(tmp_path):
    kq, tl = _kiem(tmp_path, van_ban_nho(noi_dung=[{"loai": "muc", "tieu_de": "Đánh giá chung",
                                                    "in_hoa": False, "noi_dung": [
        {"loai": "doan", "noi_dung": "Nội dung."}]}]))
    assert "I. Đánh giá chung" in _chu(tl)
    assert _khong_dat(kq) == []
    assert kq["dinh_dang_de_muc"].muc_do == M.CANH_BAO
    assert "in hoa" in kq["dinh_dang_de_muc"].chi_tiet


def test_ket_thuc_khong_dau_het_chi_canh_bao(tmp_path):
    cau = "Kính trình Hội đồng nhân dân xã xem xét, quyết định."
    kq, tl = _kiem(tmp_path, van_ban_nho(cau_ket=cau, dau_het=False))
    assert cau in _chu(tl)
    assert _khong_dat(kq) == []
    assert kq["dau_het"].muc_do == M.CANH_BAO


def test_doan_chi_co_x_cham_khong_phai_diem(tmp_path):
    kq, tl = _kiem(tmp_path, van_ban_nho(noi_dung=[
        {"loai": "doan", "noi_dung": "Nội dung."}, {"loai": "doan", "noi_dung": "x."}]))
    assert "x." in _chu(tl)
    assert kq["thu_tu_de_muc"].muc_do == M.KHONG_AP_DUNG, kq["thu_tu_de_muc"].dong()


# ---------------------------------------------------------------- số liệu của hai mẫu mới

# Mỗi cảnh báo số liệu của hai mẫu là một lỗi thật của bản gốc (seeds-catalog §5, mục ghi
# bên cạnh); không cảnh báo nào khác.
CANH_BAO_MAU = {
    "van-ban-binh-trung-6-thang-2023.json": ([], []),
    "van-ban-huu-kien-ke-hoach-2025.json": ([
        "«26/35 = 74,2%»: 26/35 = 74,3%",  # mục 42
        "«306/495 = 63%»: 306/495 = 61,8%",  # mục 42
    ], [
        "tổng 4478 văn bản nhưng các phần «139 báo cáo, 81 quyết định, 24 tờ trình, 74 kế…» "
        "cộng lại 478",  # mục 34
        "tổng 2.478 con nhưng các phần «Đàn Ngựa thường 936 con; Đàn Ngựa bạch 1.482 con…» "
        "cộng lại 2.418",  # mục 35
        "tổng 335 con nhưng các phần «ngựa 103 con, bò 11 con, lợn 170 con, dê 50 con…» cộng "
        "lại 334",  # mục 37 (ngựa 103 phải là 104)
        "ngựa 103 con nhưng các phần «ngựa bạch: 80 con, ngựa thường: 24 con…» cộng lại 104",
    ]),
}


@pytest.mark.parametrize("ten", sorted(CANH_BAO_MAU))
def test_canh_bao_so_lieu_cua_hai_mau_la_loi_that(tmp_path, ten):
    from drafter.kiem_tra.so_lieu import kiem_tong, kiem_ty_le
    from drafter.tai_nguyen import tep_mau
    from drafter.tep_van_ban import doc_van_ban

    tep = ghi_tep(doc_van_ban(tep_mau(ten)), tmp_path / "mau.docx")
    kq = {k.ma: k for k in kiem_tra(tep).ket_qua}
    assert _khong_dat(kq) == []
    tl = TaiLieuDocx(tep)
    nguon = [d.chu for d in tl.cac_doan() if d.chu.strip()] + list(tl.chu_thich().values())
    ty_le, tong = CANH_BAO_MAU[ten]
    assert [s for chu in nguon for s in kiem_ty_le(chu)] == ty_le
    assert [s for chu in nguon for s in kiem_tong(chu)] == tong
    assert kq["so_lieu_ty_le"].muc_do == (M.CANH_BAO if ty_le else M.DAT)
    assert kq["so_lieu_tong"].muc_do == (M.CANH_BAO if tong else M.DAT)
