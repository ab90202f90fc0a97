"""Danh mục quy tắc NĐ 30 (drafter/nd30.py): nhất quán, bộ ghi dùng đúng giá trị của nó, bộ
kiểm tra ra đúng các quy tắc của nó, trang docs/quy-tac-nd30.md sinh từ nó còn mới."""

from __future__ import annotations

import pytest

from drafter import nd30
from drafter.danh_muc_nd30 import TRANG, thanh_markdown
from drafter.kiem_tra import kiem_tra
from drafter.kiem_tra.doc_docx import TaiLieuDocx, do, w
from drafter.loai_van_ban import CAC_LOAI


def test_ma_va_so_khong_trung():
    ma = [qt.ma for qt in nd30.CAC_QUY_TAC]
    assert len(ma) == len(set(ma))
    so = [qt.so for qt in nd30.CAC_QUY_TAC if qt.so]
    assert so == sorted(set(so)), "số quy tắc tăng dần, mỗi số một quy tắc"
    assert all(qt.so == 0 for qt in nd30.CAC_QUY_TAC[len(so):]), "quy tắc số 0 đứng cuối"
    for qt in nd30.CAC_QUY_TAC:
        assert qt.ten and qt.yeu_cau and qt.nguon, qt.ma
        assert qt.muc_do == nd30.MucDoBatBuoc.NGOAI_ND30 or qt.so, qt.ma


def _cac_gia_tri() -> list[nd30.GiaTri]:
    return list({id(g): g for qt in nd30.CAC_QUY_TAC for g in qt.gia_tri}.values())


@pytest.mark.parametrize("gia_tri", _cac_gia_tri(), ids=lambda g: g.ten)
def test_gia_tri_bo_ghi_nam_trong_khoang_bo_kiem_tra_chap_nhan(gia_tri):
    if isinstance(gia_tri.ghi, str) or gia_tri.dieu_kien:
        return
    assert gia_tri.chua(gia_tri.ghi), gia_tri


def test_khoang():
    k = nd30.Khoang(13, 14, "pt")
    assert (k.chua(13), k.chua(14), k.chua(12.5), k.chua(None)) == (True, True, False, False)
    assert str(k) == "13–14 pt" and k.so() == "13–14"
    assert nd30.THUT_DAU_DONG.chua(1.02) and not nd30.THUT_DAU_DONG.chua(1.13)
    assert str(nd30.CACH_DOAN.khoang) == "≥ 6 pt (±0,01 pt)"
    assert nd30.DAI_KE_NGAN.khoang.chua(0.3) and not nd30.DAI_KE_NGAN.khoang.chua(0.6)


def test_ten_loai_va_ma():
    assert nd30.ten_loai_cua("BÁO CÁO") == "BÁO CÁO"
    assert nd30.ten_loai_cua("Báo cáo tình hình 6 tháng") == "BÁO CÁO"
    assert nd30.ten_loai_cua("BẢN GHI NHỚ HỢP TÁC") == "BẢN GHI NHỚ"
    assert nd30.ten_loai_cua("BÁO CÁOX") is None
    for loai in CAC_LOAI:
        assert nd30.MA_TEN_LOAI[loai.ten] == loai.ma


def test_moi_quy_tac_duoc_kiem_deu_co_ket_qua(docx_mau):
    """drafter check ra đúng một kết quả cho mỗi quy tắc có `kiem` của danh mục, số và tên
    theo danh mục; không ra quy tắc nào ngoài danh mục."""
    ket_qua = kiem_tra(docx_mau).ket_qua
    ma = [k.ma for k in ket_qua]
    assert sorted(ma) == sorted(qt.ma for qt in nd30.CAC_QUY_TAC if qt.kiem)
    for k in ket_qua:
        qt = nd30.QUY_TAC[k.ma]
        assert (k.so, k.ten) == (qt.so, qt.ten)


def test_bo_ghi_dung_gia_tri_cua_danh_muc(docx_mau):
    """Tệp ghi ra mang đúng giá trị `ghi` của danh mục (không chỉ nằm trong khoảng)."""
    tl = TaiLieuDocx(docx_mau)
    sect = tl.sect_pr()
    pg, le = sect.find(w("pgSz")), sect.find(w("pgMar"))
    mm = nd30.TWIP_MOI_MM
    assert (do(pg, "w") / mm, do(pg, "h") / mm) == pytest.approx(
        (nd30.RONG_GIAY.ghi, nd30.CAO_GIAY.ghi), abs=0.05)
    for canh, gia_tri in (("top", nd30.LE_TREN), ("bottom", nd30.LE_DUOI),
                          ("left", nd30.LE_TRAI), ("right", nd30.LE_PHAI)):
        assert do(le, canh) / mm == pytest.approx(gia_tri.ghi, abs=0.05), canh
    assert do(le, "header") / mm == pytest.approx(nd30.CACH_PHAN_DAU_TRANG.ghi, abs=0.05)

    def co(bat_dau: str) -> set[float | None]:
        d = next(d for d in tl.cac_doan() if d.chu.startswith(bat_dau))
        return {t.co_pt for t in d.run_co_chu()}

    for bat_dau, gia_tri in (
            (nd30.CHU_QUOC_HIEU, nd30.CO_QUOC_HIEU), (nd30.CHU_TIEU_NGU, nd30.CO_TIEU_NGU),
            ("XÃ CAI KINH", nd30.CO_CO_QUAN), ("Số:", nd30.CO_SO_KY_HIEU),
            ("Cai Kinh, ngày", nd30.CO_NGAY), ("BÁO CÁO", nd30.CO_TEN_LOAI),
            ("Tình hình thực hiện phát triển", nd30.CO_TRICH_YEU),
            ("Năm 2024 là năm", nd30.CO_CHU_THAN), ("TM. ỦY BAN", nd30.CO_CHU_KY),
            ("Nguyễn Văn A", nd30.CO_CHU_KY), ("Nơi nhận:", nd30.CO_NHAN_NOI_NHAN),
            ("- Lưu:", nd30.CO_MUC_NOI_NHAN)):
        assert co(bat_dau) == {gia_tri.ghi}, bat_dau
    than = next(d for d in tl.cac_doan() if d.chu.startswith("Năm 2024 là năm"))
    dd = than.dinh_dang
    assert dd.thut_dong_dau_cm == pytest.approx(nd30.THUT_DAU_DONG.ghi, abs=0.01)
    assert dd.truoc_pt + dd.sau_pt == nd30.CACH_DOAN.ghi
    assert dd.gian_dong == pytest.approx(nd30.GIAN_DONG.ghi)
    trang = tl.doan(next(tl.phan_dau_trang("default").iter(w("p"))))
    assert {t.co_pt for _, t in trang.cac_run} == {nd30.CO_SO_TRANG.ghi}


def test_trang_danh_muc_con_moi():
    assert TRANG.read_text(encoding="utf-8") == thanh_markdown(), (
        "docs/quy-tac-nd30.md cũ hơn drafter/nd30.py: chạy `make quy-tac` rồi commit trang mới")
