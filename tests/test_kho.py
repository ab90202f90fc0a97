"""Kho SQLite: lược đồ, xã mẫu, phiên bản, khôi phục, nhật ký xuất, sao lưu, tệp hỏng."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date

import pytest

from drafter.kho import Kho, LoiKho, csdl
from drafter.kho.kho import Xa
from drafter.kho.mau import GHI_CHU_MINH_HOA
from drafter.kho.thu_muc import TEN_TEP_CSDL, thu_muc_du_lieu


@pytest.fixture
def kho(tmp_path):
    with Kho.mo(tmp_path / "du-lieu") as k:
        yield k


def test_tao_luoc_do_tu_kho_trong(tmp_path):
    with Kho.mo(tmp_path, nap_mau=False) as k:
        assert csdl.phien_ban_luoc_do(k.cn) == csdl.PHIEN_BAN_LUOC_DO == 1
        bang = {r[0] for r in k.cn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"xa", "ke_hoach_nam", "bao_cao", "phien_ban", "nhat_ky_xuat", "luoc_do"} <= bang
        assert k.cn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert k.cac_xa() == []
    # Mở lại: không chạy lại bước di chuyển nào.
    with Kho.mo(tmp_path, nap_mau=False) as k:
        assert k.cn.execute("SELECT COUNT(*) FROM luoc_do").fetchone()[0] == 1


def test_kho_cua_ban_moi_hon_bi_tu_choi(tmp_path):
    with Kho.mo(tmp_path, nap_mau=False) as k:
        k.cn.execute("INSERT INTO luoc_do VALUES (99, 'x')")
    with pytest.raises(LoiKho, match="bản drafter mới hơn"):
        Kho.mo(tmp_path)


def test_kho_trong_nap_xa_mau(kho):
    xa = kho.xa_mac_dinh()
    assert (xa.ten, xa.mac_dinh, xa.co_quan_ban_hanh) == ("Cai Kinh", True,
                                                         ["ỦY BAN NHÂN DÂN", "XÃ CAI KINH"])
    assert [b.ky for b in kho.cac_bao_cao(xa.id)] == ["2024-Q1", "2023-Q2", "2023-Q1"]
    assert kho.doc(xa.id, "2023-Q1").so_lieu["dien_tich_gieo_trong"].gia_tri == "134,5"
    assert kho.cac_phien_ban(xa.id, "2023-Q2")[0].ghi_chu == GHI_CHU_MINH_HOA
    assert kho.ke_hoach(xa.id, 2024)["dien_tich_gieo_trong"] == "154"
    assert kho.ke_hoach(xa.id, 2024)["thu_ngan_sach.du_toan_huyen"] == "188.000.000"


def test_moi_lan_luu_la_mot_phien_ban_khoi_phuc_duoc(kho):
    xa = kho.xa_mac_dinh()
    goc = kho.doc(xa.id, "2024-Q1")
    sua = goc.model_copy(update={"xa": "Cai Kinh", "cau_ket": "Câu kết mới"})
    assert kho.luu(xa.id, sua, "sửa câu kết") == 2
    assert kho.luu(xa.id, sua) == 2  # giống hệt bản mới nhất: không thêm phiên bản
    assert kho.doc(xa.id, "2024-Q1").cau_ket == "Câu kết mới"
    assert kho.doc(xa.id, "2024-Q1", so=1).cau_ket == goc.cau_ket
    assert kho.khoi_phuc(xa.id, "2024-Q1", 1) == 3
    assert kho.doc(xa.id, "2024-Q1").cau_ket == goc.cau_ket
    assert [p.ghi_chu for p in kho.cac_phien_ban(xa.id, "2024-Q1")][1:] == [
        "sửa câu kết", "khôi phục phiên bản 1"]


def test_trang_thai_va_nhat_ky_xuat(kho, tmp_path):
    xa = kho.xa_mac_dinh()
    tep = tmp_path / "bc.docx"
    tep.write_bytes(b"noi dung")
    bam = kho.ghi_xuat(xa.id, "2024-Q1", tep)
    assert bam == hashlib.sha256(b"noi dung").hexdigest()
    assert kho.tim_bao_cao(xa.id, "2024-Q1").trang_thai == "da_xuat"
    assert kho.nhat_ky_xuat(xa.id, "2024-Q1")[0][1] == str(tep.resolve())
    # Sửa sau khi xuất: lại là bản nháp.
    bc = kho.doc(xa.id, "2024-Q1").model_copy(update={"cau_ket": "khác"})
    kho.luu(xa.id, bc)
    assert kho.tim_bao_cao(xa.id, "2024-Q1").trang_thai == "nhap"


def test_nhieu_xa_va_xa_cua_minh(kho):
    moi = kho.luu_xa(Xa(id=0, ten="Minh Sơn", huyen="Hữu Lũng"))
    assert [x.ten for x in kho.cac_xa()] == ["Cai Kinh", "Minh Sơn"]
    assert kho.xa_mac_dinh().ten == "Cai Kinh"
    moi.mac_dinh = True
    kho.luu_xa(moi)
    assert kho.xa_mac_dinh().ten == "Minh Sơn"


def test_ke_hoach_nam(kho):
    xa = kho.xa_mac_dinh()
    kho.dat_ke_hoach(xa.id, 2025, {"trong_rung": "50", "lua_xuan": "55"})
    kho.dat_ke_hoach(xa.id, 2025, {"trong_rung": "52", "lua_xuan": ""})
    assert kho.ke_hoach(xa.id, 2025) == {"trong_rung": "52"}


def test_thu_muc_du_lieu(monkeypatch, tmp_path):
    monkeypatch.setenv("DRAFTER_HOME", str(tmp_path / "nha"))
    assert thu_muc_du_lieu() == tmp_path / "nha"
    assert thu_muc_du_lieu(tmp_path / "khac") == tmp_path / "khac"
    monkeypatch.delenv("DRAFTER_HOME")
    assert thu_muc_du_lieu().name == "drafter"


def test_sao_luu_hang_ngay_va_khoi_phuc_tep_hong(tmp_path):
    with Kho.mo(tmp_path) as k:
        xa = k.xa_mac_dinh()
        assert csdl.sao_luu_hang_ngay(k.cn, k.tep) is None  # hôm nay đã sao lưu khi mở
        for i in range(9):
            csdl.sao_luu_hang_ngay(k.cn, k.tep, date(2026, 1, i + 1))
    sao_luu = sorted((tmp_path / "sao_luu").glob("*.sqlite3"))
    assert len(sao_luu) == csdl.SO_BAN_SAO_LUU_GIU
    # Làm hỏng tệp: mở ra báo lỗi tiếng Việt chỉ lối thoát, không traceback.
    tep = tmp_path / TEN_TEP_CSDL
    (tmp_path / (TEN_TEP_CSDL + "-wal")).unlink(missing_ok=True)
    tep.write_bytes(b"day khong phai sqlite" * 100)
    with pytest.raises(LoiKho) as loi:
        Kho.mo(tmp_path)
    assert "bị hỏng" in loi.value.thong_diep and "drafter khoi-phuc" in loi.value.loi_thoat
    # Khôi phục: bản sao lưu mới nhất (ngày gần nhất) thay tệp hỏng, tệp hỏng được giữ lại.
    csdl.khoi_phuc_tu_sao_luu(tep)
    assert list(tmp_path.glob(TEN_TEP_CSDL + ".hong-*"))
    with Kho.mo(tmp_path) as k:
        assert k.doc(xa.id, "2024-Q1").xa == "Cai Kinh"


def test_kho_bi_khoa_bao_loi_tieng_viet(tmp_path, monkeypatch):
    with Kho.mo(tmp_path) as k:
        giu = sqlite3.connect(k.tep, timeout=0)
        giu.execute("BEGIN EXCLUSIVE")
        monkeypatch.setattr(csdl, "CHO_KHOA_MS", 50)
        k.cn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(LoiKho, match="đang bị một chương trình khác giữ"):
            k.luu(k.xa_mac_dinh().id, k.doc(k.xa_mac_dinh().id, "2024-Q1").model_copy(
                update={"cau_ket": "x"}))
        giu.rollback()
        giu.close()
