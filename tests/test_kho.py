"""Kho SQLite: lược đồ, xã mẫu, phiên bản, khôi phục, nhật ký xuất, sao lưu, tệp hỏng."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import zlib
from datetime import date, datetime, timedelta

import pytest

from drafter.kho import Kho, LoiKho, csdl, sao_luu
from drafter.kho import kho as kho_mod
from drafter.kho.kho import GOP_TU_LUU_PHUT, Xa
from drafter.kho.thu_muc import TEN_TEP_CSDL, thu_muc_du_lieu
from drafter.kho.xa_mau import GHI_CHU_MINH_HOA
from tests.kho_thu import kho_luoc_do


@pytest.fixture
def kho(tmp_path):
    with Kho.mo(tmp_path / "du-lieu") as k:
        yield k


def test_tao_luoc_do_tu_kho_trong(tmp_path):
    with Kho.mo(tmp_path, nap_mau=False) as k:
        assert csdl.phien_ban_luoc_do(k.cn) == csdl.PHIEN_BAN_LUOC_DO == 6
        bang = {r[0] for r in k.cn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"xa", "muc_tieu_nam", "bao_cao", "phien_ban", "nhat_ky_xuat", "luoc_do",
                "xa_tien_than"} <= bang
        assert k.cn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert k.cac_xa() == []
    # Mở lại: không chạy lại bước di chuyển nào.
    with Kho.mo(tmp_path, nap_mau=False) as k:
        assert k.cn.execute("SELECT COUNT(*) FROM luoc_do").fetchone()[0] == 6


def test_kho_cua_ban_moi_hon_bi_tu_choi(tmp_path):
    with Kho.mo(tmp_path, nap_mau=False) as k:
        k.cn.execute("INSERT INTO luoc_do VALUES (99, 'x')")
    with pytest.raises(LoiKho, match="bản drafter mới hơn"):
        Kho.mo(tmp_path)


# Kho mẫu: quý I, II/2025 của Cai Kinh trước khi hợp vào xã Hợp Mẫu (minh họa, kho/xa_mau.py).
CAI_KINH_MAU = ["2025-Q2", "2025-Q1", "2024-Q1", "2023-Q2", "2023-Q1"]


def test_kho_trong_nap_xa_mau(kho):
    xa = kho.xa_mac_dinh()
    assert (xa.ten, xa.mac_dinh, xa.co_quan_ban_hanh) == ("Cai Kinh", True,
                                                         ["ỦY BAN NHÂN DÂN", "XÃ CAI KINH"])
    assert [b.ky for b in kho.cac_bao_cao(xa.id)] == CAI_KINH_MAU
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
    assert [x.ten for x in kho.cac_xa()] == ["Cai Kinh", "Hợp Mẫu", "Khe Thử", "Minh Sơn"]
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
        assert sao_luu.sao_luu_hang_ngay(k.cn, k.tep) is None  # hôm nay đã sao lưu khi mở
        for i in range(9):
            sao_luu.sao_luu_hang_ngay(k.cn, k.tep, date(2026, 1, i + 1))
    cac_ban = sorted((tmp_path / "sao_luu").glob("*.sqlite3"))
    assert len(cac_ban) == sao_luu.SO_BAN_SAO_LUU_GIU
    # Làm hỏng tệp: mở ra báo lỗi tiếng Việt chỉ lối thoát, không traceback.
    tep = tmp_path / TEN_TEP_CSDL
    (tmp_path / (TEN_TEP_CSDL + "-wal")).unlink(missing_ok=True)
    tep.write_bytes(b"day khong phai sqlite" * 100)
    with pytest.raises(LoiKho) as loi:
        Kho.mo(tmp_path)
    assert "bị hỏng" in loi.value.thong_diep and "drafter khoi-phuc" in loi.value.loi_thoat
    # Khôi phục: bản sao lưu mới nhất (ngày gần nhất) thay tệp hỏng, tệp hỏng được giữ lại.
    sao_luu.khoi_phuc_kho(tep)
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


# ------------------------------------------------------------ lược đồ 1 → 2

def _kho_luoc_do_1(thu_muc, cac_ban: list[str]) -> None:
    """Một kho đúng như bản drafter lược đồ 1 để lại: JSON đầy đủ cho mỗi phiên bản."""
    thu_muc.mkdir(parents=True, exist_ok=True)
    cn = sqlite3.connect(thu_muc / TEN_TEP_CSDL, isolation_level=None)
    cn.execute("PRAGMA journal_mode = WAL")
    for cau_lenh in csdl.DI_CHUYEN[0]:
        cn.execute(cau_lenh)
    cn.execute("CREATE TABLE luoc_do (phien_ban INTEGER NOT NULL, luc TEXT NOT NULL)")
    cn.execute("INSERT INTO luoc_do VALUES (1, '2024-01-01T00:00:00')")
    cn.execute("INSERT INTO xa (id, ten, ho_so, mac_dinh, tao_luc) VALUES "
               "(1, 'Cai Kinh', '{}', 1, '2024-01-01T00:00:00')")
    cn.execute("INSERT INTO bao_cao VALUES (1, 1, '2024-Q1', 'bao_cao_ktxh_xa', 'nhap', "
               "'2024-01-01T00:00:00', '2024-01-01T00:00:00')")
    for so, chu in enumerate(cac_ban, 1):
        cn.execute("INSERT INTO phien_ban VALUES (1, ?, ?, ?, '')",
                   (so, chu, f"2024-01-01T00:00:{so:02d}"))
    cn.close()


def _cac_ban_mau(n: int) -> list[str]:
    from drafter.bieu_mau.du_lieu import doc_bao_cao
    from drafter.tai_nguyen import tep_mau

    mau = doc_bao_cao(tep_mau("bao-cao-cai-kinh-quy-I-2024.json"))
    return [mau.model_copy(update={"cau_ket": f"Câu kết lần sửa {i}"}).model_dump_json()
            for i in range(n)]


def test_kho_luoc_do_1_mo_duoc_va_duoc_nen_lai(tmp_path):
    cac_ban = _cac_ban_mau(30)
    _kho_luoc_do_1(tmp_path, cac_ban)
    truoc = (tmp_path / TEN_TEP_CSDL).stat().st_size
    with Kho.mo(tmp_path) as k:
        assert csdl.phien_ban_luoc_do(k.cn) == csdl.PHIEN_BAN_LUOC_DO
        for so, chu in enumerate(cac_ban, 1):
            assert k.doc(1, "2024-Q1", so=so).model_dump_json() == chu
        cach_luu = dict(k.cn.execute("SELECT cach_luu, COUNT(*) FROM phien_ban GROUP BY 1"))
        assert cach_luu == {"zlib": 1, "delta": 29}
        assert [p.so for p in k.cac_phien_ban(1, "2024-Q1")] == list(range(1, 31))
        # Chỉ mục riêng làm câu hỏi «còn gì để nén» tức thì khi mở kho.
        ke_hoach = " ".join(str(d) for d in k.cn.execute(
            "EXPLAIN QUERY PLAN SELECT DISTINCT bao_cao_id FROM phien_ban "
            "WHERE cach_luu = 'json'"))
        assert "phien_ban_chua_nen" in ke_hoach
    sau = (tmp_path / TEN_TEP_CSDL).stat().st_size
    assert sau < truoc / 10, (truoc, sau)
    # Bản sao lưu hôm nay được chép trước khi di chuyển: còn lược đồ 1, khôi phục được.
    (ban,) = (tmp_path / "sao_luu").glob("drafter-*.sqlite3")
    with sqlite3.connect(ban) as cn:
        assert csdl.phien_ban_luoc_do(cn) == 1


# ------------------------------------------------------------ lược đồ 5 → 6

def _kho_luoc_do_5(thu_muc, chu: str) -> None:
    """Một kho đúng như bản drafter lược đồ 5 để lại: trạng thái «đã ký» lưu là 'da_ky'."""
    cn = kho_luoc_do(thu_muc, 5)
    cn.execute("PRAGMA foreign_keys = ON")
    cn.execute("INSERT INTO xa (id, ten, ho_so, mac_dinh, tao_luc) VALUES "
               "(1, 'Cai Kinh', '{}', 1, '2024-01-01T00:00:00')")
    for id_, ky, trang_thai in ((1, "2023-Q1", "da_ky"), (2, "2023-Q2", "da_xuat"),
                                (3, "2024-Q1", "nhap")):
        cn.execute("INSERT INTO bao_cao (id, xa_id, ky, bieu_mau, trang_thai, tao_luc, sua_luc) "
                   "VALUES (?, 1, ?, 'kt-xh-quy-xa', ?, '2024-01-01T00:00:00', "
                   "'2024-01-02T00:00:00')", (id_, ky, trang_thai))
        cn.execute("INSERT INTO phien_ban (bao_cao_id, so, cach_luu, du_lieu, luc) "
                   "VALUES (?, 1, 'json', ?, '2024-01-01T00:00:00')",
                   (id_, chu.replace('"2024-Q1"', f'"{ky}"')))
    cn.execute("INSERT INTO nhat_ky_xuat (bao_cao_id, phien_ban, duong_dan, luc, sha256) "
               "VALUES (1, 1, 'BC.docx', '2024-01-03T00:00:00', 'abc')")
    with pytest.raises(sqlite3.IntegrityError):  # lược đồ 5 chưa nhận giá trị mới
        cn.execute("UPDATE bao_cao SET trang_thai = 'da_ky_ban_hanh' WHERE id = 1")
    cn.close()


def test_kho_luoc_do_5_trang_thai_da_ky_thanh_da_ky_ban_hanh(tmp_path):
    (chu,) = _cac_ban_mau(1)
    _kho_luoc_do_5(tmp_path, chu)
    with Kho.mo(tmp_path, nap_mau=False) as k:
        assert csdl.phien_ban_luoc_do(k.cn) == csdl.PHIEN_BAN_LUOC_DO == 6
        assert {b.ky: b.trang_thai for b in k.cac_bao_cao(1)} == {
            "2023-Q1": "da_ky_ban_hanh", "2023-Q2": "da_xuat", "2024-Q1": "nhap"}
        assert kho_mod.TEN_TRANG_THAI[k.tim_bao_cao(1, "2023-Q1").trang_thai] == "đã ký"
        # Dựng lại bảng bao_cao giữ id, ngày, loại: phiên bản và nhật ký xuất còn nguyên.
        b = k.tim_bao_cao(1, "2023-Q1")
        assert (b.id, b.loai, b.sua_luc) == (1, "bieu_mau", "2024-01-02T00:00:00")
        assert k.doc(1, "2023-Q1").ky == "2023-Q1"
        assert [p.so for p in k.cac_phien_ban(1, "2024-Q1")] == [1]
        assert k.nhat_ky_xuat(1, "2023-Q1")[0][1] == "BC.docx"
        assert k.cn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert "bao_cao_theo_xa" in {r[0] for r in k.cn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        with pytest.raises(sqlite3.IntegrityError):  # giá trị cũ không còn ghi vào được
            k.cn.execute("UPDATE bao_cao SET trang_thai = 'da_ky' WHERE id = 1")
        k.dat_trang_thai(1, "2024-Q1", "da_ky_ban_hanh")
        assert k.tim_bao_cao(1, "2024-Q1").trang_thai == "da_ky_ban_hanh"
        # Khóa ngoại vẫn trỏ đúng bảng mới: xóa báo cáo xóa dây chuyền phiên bản của nó.
        k.cn.execute("DELETE FROM bao_cao WHERE id = 2")
        assert k.cn.execute("SELECT COUNT(*) FROM phien_ban WHERE bao_cao_id = 2"
                            ).fetchone()[0] == 0
    (ban,) = (tmp_path / "sao_luu").glob("drafter-*.sqlite3")  # sao lưu trước khi di chuyển
    with sqlite3.connect(ban) as cn:
        assert csdl.phien_ban_luoc_do(cn) == 5
        assert cn.execute("SELECT trang_thai FROM bao_cao WHERE id = 1").fetchone() == ("da_ky",)


def test_kho_luoc_do_5_co_san_dong_mo_coi_van_nang_cap_duoc(tmp_path):
    """Kho có sẵn một dòng nhật ký xuất trỏ tới báo cáo không còn (kho sửa tay): bước 5 → 6
    vẫn chạy, dòng đó giữ nguyên; chỉ chỗ lệch do chính việc di chuyển gây ra mới bị từ chối."""
    (chu,) = _cac_ban_mau(1)
    _kho_luoc_do_5(tmp_path, chu)
    with sqlite3.connect(tmp_path / TEN_TEP_CSDL, isolation_level=None) as cn:
        cn.execute("INSERT INTO nhat_ky_xuat (bao_cao_id, phien_ban, duong_dan, luc, sha256) "
                   "VALUES (99, 1, 'mo-coi.docx', '2024-01-03T00:00:00', 'def')")
    with Kho.mo(tmp_path, nap_mau=False) as k:
        assert csdl.phien_ban_luoc_do(k.cn) == csdl.PHIEN_BAN_LUOC_DO
        assert k.tim_bao_cao(1, "2023-Q1").trang_thai == "da_ky_ban_hanh"
        assert k.cn.execute("SELECT COUNT(*) FROM nhat_ky_xuat WHERE bao_cao_id = 99"
                            ).fetchone()[0] == 1


def test_di_chuyen_la_danh_sach_cau_lenh():
    assert all(isinstance(buoc, list) and all(isinstance(c, str) for c in buoc)
               for buoc in csdl.DI_CHUYEN)
    assert csdl.PHIEN_BAN_LUOC_DO == len(csdl.DI_CHUYEN)


@pytest.mark.parametrize("phien_ban", range(1, csdl.PHIEN_BAN_LUOC_DO))
def test_kho_moi_luoc_do_cu_mo_duoc_va_doc_dung_ho_so_xa(tmp_path, phien_ban):
    """Kho do mỗi bản drafter trước để lại (lược đồ 1 … mới nhất − 1) mở được: các bước di
    chuyển chạy lần lượt, hồ sơ xã đọc theo tên cột vẫn đúng từng trường."""
    thu_muc = tmp_path / "du-lieu"
    cn = kho_luoc_do(thu_muc, phien_ban)
    ho_so = {"co_quan_chu_quan": ["UBND HUYỆN HỮU LŨNG"], "ky_hieu": "BC-X",
             "dia_danh": "Cai Kinh", "noi_nhan": ["UBND huyện"], "luu": "VT, VP"}
    cn.execute("INSERT INTO xa (id, ten, huyen, tinh, ho_so, mac_dinh, tao_luc) VALUES "
               "(7, 'Cai Kinh', 'Hữu Lũng', 'Lạng Sơn', ?, 1, 'x')",
               (json.dumps(ho_so, ensure_ascii=False),))
    cn.close()
    with Kho.mo(thu_muc, nap_mau=False, sao_luu=False) as k:
        assert csdl.phien_ban_luoc_do(k.cn) == csdl.PHIEN_BAN_LUOC_DO
        xa = k.xa_mac_dinh()
        assert (xa.id, xa.ten, xa.huyen, xa.tinh, xa.mac_dinh) == (
            7, "Cai Kinh", "Hữu Lũng", "Lạng Sơn", True)
        assert xa.ho_so() == Xa(id=0, ten="", **ho_so).ho_so()
        assert (xa.ngay_sap_nhap, xa.nghi_quyet, xa.tien_than_id) == (None, "", [])
        assert k.canh_bao == []


def test_xa_luu_roi_doc_lai_giu_moi_truong(kho):
    """Mọi trường của Xa (cột riêng, hồ sơ JSON, xã cũ) đi qua kho và trở về nguyên vẹn."""
    from drafter.kho.kho import TRUONG_HO_SO

    assert set(TRUONG_HO_SO) == {"co_quan_chu_quan", "co_quan_ban_hanh", "ky_hieu", "dia_danh",
                                 "noi_nhan", "luu", "chu_ky"}
    cu = kho.luu_xa(Xa(id=0, ten="Xã Cũ"))
    xa = Xa(id=0, ten="Khe Mới", huyen="Hữu Lũng", tinh="Lạng Sơn", mac_dinh=False,
            co_quan_chu_quan=["UBND TỈNH LẠNG SƠN"], co_quan_ban_hanh=["ỦY BAN NHÂN DÂN", "XÃ KHE"],
            ky_hieu="BC-UBND-X", dia_danh="Khe Mới", noi_nhan=["UBND tỉnh", "Đảng ủy xã"],
            luu="VT, VP", chu_ky={"quyen_han": "KT.", "ho_ten": "Nguyễn Văn A"})
    xa = kho.luu_xa(xa)
    kho.dat_sap_nhap(xa.id, [cu.id], date(2025, 7, 1), "NQ 1/2025")
    doc = kho.xa_theo_id(xa.id)
    assert doc == Xa(**{**xa.__dict__, "ngay_sap_nhap": date(2025, 7, 1),
                        "nghi_quyet": "NQ 1/2025", "xa_tien_than": ["Xã Cũ"],
                        "tien_than_id": [cu.id]})
    assert kho.tim_xa("KHE MỚI") == doc
    assert json.loads(kho.cn.execute("SELECT ho_so FROM xa WHERE id = ?",
                                     (xa.id,)).fetchone()[0]) == xa.ho_so()


# ------------------------------------------------------------ tự lưu gộp, lưu gọn

class DongHo:
    """Giờ giả cho kho: mỗi lần hỏi tiến thêm `buoc` giây."""

    def __init__(self, buoc: float = 1) -> None:
        self.luc = datetime(2025, 3, 3, 8, 0, 0)
        self.buoc = timedelta(seconds=buoc)

    def __call__(self) -> datetime:
        self.luc += self.buoc
        return self.luc


def test_tu_luu_gop_mot_dot_sua_thanh_mot_phien_ban(kho):
    xa = kho.xa_mac_dinh()
    kho.bay_gio = DongHo(buoc=2)
    bc = kho.doc(xa.id, "2024-Q1")
    for i in range(74):  # 74 lần ngừng gõ 0,6 s trong một buổi sửa ngắn
        bc.cau_ket = f"Câu kết gõ dần {'x' * i}"
        assert kho.luu(xa.id, bc, gop=True) == 2
    assert kho.doc(xa.id, "2024-Q1").cau_ket == bc.cau_ket  # giữ đúng trạng thái cuối
    assert [p.ghi_chu for p in kho.cac_phien_ban(xa.id, "2024-Q1")] == [
        "báo cáo mẫu xã Cai Kinh quý I/2024", "tự lưu"]
    # F2 (lưu chủ động) đúng nội dung đó: không thêm bản, nhưng bản đó không gộp tiếp nữa.
    assert kho.luu(xa.id, bc) == 2
    bc.cau_ket = "Sau F2"
    assert kho.luu(xa.id, bc, gop=True) == 3
    assert kho.doc(xa.id, "2024-Q1", so=2).cau_ket == f"Câu kết gõ dần {'x' * 73}"
    # Lưu chủ động luôn là phiên bản riêng, kể cả ngay sau một lần tự lưu.
    bc.cau_ket = "Trước khi xuất"
    assert kho.luu(xa.id, bc, "trước khi xuất") == 4
    bc.cau_ket = "Sửa tiếp"
    assert kho.luu(xa.id, bc, gop=True) == 5
    # Đợt sửa dài hơn GOP_TU_LUU_PHUT phút: sang phiên bản mới.
    kho.bay_gio.luc += timedelta(minutes=GOP_TU_LUU_PHUT)
    bc.cau_ket = "Sửa tiếp sau 10 phút"
    assert kho.luu(xa.id, bc, gop=True) == 6
    assert [kho.doc(xa.id, "2024-Q1", so=s).cau_ket for s in (3, 4, 5, 6)] == [
        "Sau F2", "Trước khi xuất", "Sửa tiếp", "Sửa tiếp sau 10 phút"]


def test_moi_phien_ban_dung_tung_chu_sau_chuoi_luu_ngau_nhien(kho, monkeypatch):
    """Chuỗi lưu ngẫu nhiên (tự lưu, lưu chủ động, cách nhau ngắn, dài): mọi phiên bản dựng lại
    đúng từng chữ trạng thái đã lưu vào nó lần cuối; phần lớn lưu dạng khác biệt, cứ `moc`
    phiên bản một bản đầy đủ (mốc nhỏ để chuỗi đi qua nhiều mốc)."""
    moc = 7
    monkeypatch.setattr(kho_mod, "MOC_DAY_DU", moc)
    ngau_nhien = random.Random(2025)
    xa = kho.xa_mac_dinh()
    dong_ho = kho.bay_gio = DongHo(buoc=0)
    bc = kho.doc(xa.id, "2024-Q1")
    mong_doi = {1: bc.model_dump_json()}
    cac_muc = list(bc.van_ban)
    for lan in range(120):
        muc = ngau_nhien.choice(cac_muc)
        doan = list(bc.van_ban[muc]) or [""]
        j = ngau_nhien.randrange(len(doan))
        doan[j] = doan[j] + f" thêm {lan}" if ngau_nhien.random() < 0.8 else f"Viết lại {lan}."
        bc.van_ban[muc] = doan
        if ngau_nhien.random() < 0.2:
            bc.so_lieu[ngau_nhien.choice(list(bc.so_lieu))].gia_tri = str(lan)
        dong_ho.luc += timedelta(seconds=ngau_nhien.choice([1, 5, 30, 400, 3600]))
        so = kho.luu(xa.id, bc, gop=ngau_nhien.random() < 0.85)
        mong_doi[so] = bc.model_dump_json()
    assert len(mong_doi) > 20
    for so, chu in mong_doi.items():
        assert kho.doc(xa.id, "2024-Q1", so=so).model_dump_json() == chu, so
    cach_luu = dict(kho.cn.execute(
        "SELECT cach_luu, COUNT(*) FROM phien_ban p JOIN bao_cao b ON b.id = p.bao_cao_id "
        "WHERE b.ky = '2024-Q1' GROUP BY 1"))
    assert cach_luu["zlib"] == 1 + (len(mong_doi) - 1) // moc
    assert cach_luu["delta"] == len(mong_doi) - cach_luu["zlib"]


def test_ban_khac_biet_hong_bi_bao_khong_tra_sai_noi_dung(kho):
    xa = kho.xa_mac_dinh()
    bc = kho.doc(xa.id, "2024-Q1")
    bc.cau_ket = "Bản 2"
    kho.luu(xa.id, bc)
    # Làm hỏng bản khác biệt của phiên bản 1 (đổi số mảnh được chép).
    du_lieu = kho.cn.execute("SELECT du_lieu FROM phien_ban p JOIN bao_cao b ON b.id = "
                             "p.bao_cao_id WHERE b.ky = '2024-Q1' AND so = 1").fetchone()[0]
    thuc_hien = json.loads(zlib.decompress(du_lieu))
    thuc_hien["ops"][0][1] -= 1
    kho.cn.execute("UPDATE phien_ban SET du_lieu = ? WHERE so = 1 AND bao_cao_id = (SELECT id "
                   "FROM bao_cao WHERE ky = '2024-Q1')",
                   (zlib.compress(json.dumps(thuc_hien).encode()),))
    with pytest.raises(LoiKho, match=r"Phiên bản 1 của báo cáo quý I/2024 .* không đọc được"):
        kho.doc(xa.id, "2024-Q1", so=1)
    assert kho.doc(xa.id, "2024-Q1").cau_ket == "Bản 2"


# ------------------------------------------------------------ lỗi SQLite thành lời tiếng Việt

@pytest.mark.parametrize(("ma", "trong_thong_diep"), [
    (csdl.SQLITE_FULL, "đã đầy"),
    (csdl.SQLITE_READONLY, "chỉ đọc"),
    (csdl.SQLITE_BUSY, "đang bị một chương trình khác giữ"),
    (csdl.SQLITE_CORRUPT, "bị hỏng"),
    (csdl.SQLITE_NOTADB, "bị hỏng"),
    (csdl.SQLITE_IOERR | (7 << 8), "Lỗi đọc/ghi ổ đĩa"),  # mã mở rộng SQLITE_IOERR_FSYNC
    (None, "ProgrammingError"),
])
def test_loi_sqlite_phan_loai_theo_ma_khong_theo_chu(tmp_path, ma, trong_thong_diep):
    # Câu chữ cố tình đánh lừa: chỉ mã lỗi quyết định.
    loi = (sqlite3.OperationalError if ma else sqlite3.ProgrammingError)("database is locked")
    loi.sqlite_errorcode = ma
    loi.sqlite_errorname = "X" if ma else None
    assert trong_thong_diep in csdl.dich_loi(loi, tmp_path / "k.sqlite3").thong_diep


def test_o_day_bao_loi_that_va_kho_van_nguyen(kho):
    xa = kho.xa_mac_dinh()
    bc = kho.doc(xa.id, "2024-Q1").model_copy(update={"ky": "2024-Q2"})
    so_trang = kho.cn.execute("PRAGMA page_count").fetchone()[0]
    kho.cn.execute(f"PRAGMA max_page_count = {so_trang}")  # giả ổ đầy: không thêm trang nào
    bc.van_ban = {m: [d * 40 for d in ds] for m, ds in bc.van_ban.items()}  # không nén gọn được
    with pytest.raises(LoiKho) as loi:
        kho.luu(xa.id, bc)
    assert "đã đầy" in loi.value.thong_diep and "Giải phóng chỗ trống" in loi.value.loi_thoat
    assert "rollback" not in str(loi.value).lower()
    assert not kho.cn.in_transaction
    assert kho.tim_bao_cao(xa.id, "2024-Q2") is None  # không để lại nửa chừng
    kho.cn.execute("PRAGMA max_page_count = 1073741823")
    assert kho.luu(xa.id, bc) == 1


def test_kho_chi_doc_van_doc_duoc_ghi_thi_bao_loi(kho):
    """Không phụ thuộc uid (root bỏ qua quyền tệp): PRAGMA query_only cho đúng lỗi SQLite
    SQLITE_READONLY như tệp chỉ đọc."""
    xa = kho.xa_mac_dinh()
    kho.cn.execute("PRAGMA query_only = 1")
    assert [b.ky for b in kho.cac_bao_cao(xa.id)] == CAI_KINH_MAU
    bc = kho.doc(xa.id, "2024-Q1")
    bc.cau_ket = "sửa"
    with pytest.raises(LoiKho, match="chỉ đọc") as loi:
        kho.luu(xa.id, bc, gop=True)
    assert "Read-only" in loi.value.loi_thoat


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root bỏ qua quyền tệp; test_kho_chi_doc_… kiểm tra cùng lỗi SQLite")
def test_tep_kho_chmod_chi_doc(tmp_path):
    with Kho.mo(tmp_path):
        pass
    tep = tmp_path / TEN_TEP_CSDL
    tep.chmod(0o444)
    try:
        with Kho.mo(tmp_path, sao_luu=False) as k:  # mở để xem vẫn được
            xa = k.xa_mac_dinh()
            bc = k.doc(xa.id, "2024-Q1")
            bc.cau_ket = "sửa"
            with pytest.raises(LoiKho, match="chỉ đọc"):
                k.luu(xa.id, bc)
    finally:
        tep.chmod(0o644)


# ------------------------------------------------------------ dòng dữ liệu không đọc được

def test_ho_so_xa_hong_khong_lam_hong_lenh(kho):
    kho.cn.execute("UPDATE xa SET ho_so = '{\"co_quan_chu_quan\": 5, \"ky_hieu\": \"BC-X\"'")
    xa = kho.xa_mac_dinh()
    assert (xa.ten, xa.ky_hieu, xa.co_quan_chu_quan) == ("Cai Kinh", "BC-UBND", [])
    assert "Hồ sơ xã «Cai Kinh» trong kho không đọc được" in kho.canh_bao[0]
    kho.canh_bao.clear()
    kho.cn.execute("UPDATE xa SET ho_so = '{\"co_quan_chu_quan\": 5, \"ky_hieu\": \"BC-X\"}'")
    xa = kho.xa_mac_dinh()
    assert (xa.ky_hieu, xa.co_quan_chu_quan) == ("BC-X", [])
    assert "trường sai kiểu (co_quan_chu_quan)" in kho.canh_bao[0]


def test_phien_ban_cua_ban_moi_hon_bao_loi_tieng_viet(kho):
    xa = kho.xa_mac_dinh()
    chu = kho.doc(xa.id, "2024-Q1").model_dump_json()
    moi_hon = json.dumps({**json.loads(chu), "phien_ban": 99, "truong_moi": 1})
    kho.cn.execute("UPDATE phien_ban SET du_lieu = ? WHERE bao_cao_id = (SELECT id FROM "
                   "bao_cao WHERE ky = '2024-Q1')", (zlib.compress(moi_hon.encode()),))
    with pytest.raises(LoiKho) as loi:
        kho.doc(xa.id, "2024-Q1")
    assert "Phiên bản 1 của báo cáo quý I/2024 trong kho không đọc được" in loi.value.thong_diep
    assert "phiên bản lược đồ 99" in loi.value.thong_diep
    assert "cập nhật drafter" in loi.value.loi_thoat
    # Mã kỳ lạ (bản mới hơn có loại kỳ mới): danh sách vẫn có, dòng lạ được báo.
    kho.cn.execute("UPDATE bao_cao SET ky = '2024-M03' WHERE ky = '2023-Q2'")
    assert [b.ky for b in kho.cac_bao_cao(xa.id)] == ["2025-Q2", "2025-Q1", "2024-Q1",
                                                       "2023-Q1"]
    assert "«2024-M03»" in kho.canh_bao[0]
    # Lưu tiếp vẫn được: bản hỏng giữ nguyên, bản mới thêm sau nó.
    bc = kho.doc(xa.id, "2023-Q1")
    assert kho.luu(xa.id, bc.model_copy(update={"ky": "2024-Q1"})) == 2
    assert kho.doc(xa.id, "2024-Q1").ky == "2024-Q1"


def test_hai_cua_so_cung_sua_khong_gop_vao_ban_cua_nhau(tmp_path):
    """Hai cửa sổ (hai kết nối) cùng tự lưu một báo cáo: mỗi bản lưu là ảnh toàn bộ báo cáo của
    cửa sổ đó, nên gộp vào bản của cửa sổ kia sẽ làm mất hẳn chữ của nó. Không gộp."""
    with Kho.mo(tmp_path) as k1, Kho.mo(tmp_path) as k2:
        xa = k1.xa_mac_dinh()
        a = k1.doc(xa.id, "2024-Q1").model_copy(update={"cau_ket": "cửa sổ A"})
        b = k2.doc(xa.id, "2024-Q1").model_copy(update={"cau_ket": "cửa sổ B"})
        assert k1.luu(xa.id, a, gop=True) == 2
        assert k2.luu(xa.id, b, gop=True) == 3
        a.cau_ket = "cửa sổ A sửa tiếp"
        assert k1.luu(xa.id, a, gop=True) == 4
        a.cau_ket = "cửa sổ A sửa tiếp nữa"
        assert k1.luu(xa.id, a, gop=True) == 4  # bản của chính mình thì gộp
        assert [k1.doc(xa.id, "2024-Q1", so=s).cau_ket for s in (2, 3, 4)] == [
            "cửa sổ A", "cửa sổ B", "cửa sổ A sửa tiếp nữa"]
