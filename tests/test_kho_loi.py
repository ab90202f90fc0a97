"""Dòng lệnh trên kho gặp chuyện: dòng dữ liệu không đọc được, ổ đầy, kho chỉ đọc — luôn là câu
tiếng Việt kèm lối thoát, không bao giờ traceback; `list` luôn chạy."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from drafter import cli
from drafter.kho import Kho, csdl, delta
from drafter.kho.thu_muc import TEN_TEP_CSDL


def _chay(capsys, thu_muc: Path, *args: str) -> tuple[int, str, str]:
    ma = cli.main(["--data-dir", str(thu_muc), *args])
    ra = capsys.readouterr()
    assert "Traceback" not in ra.err + ra.out
    return ma, ra.out, ra.err


@pytest.fixture
def thu_muc(tmp_path: Path) -> Path:
    with Kho.mo(tmp_path):
        pass
    return tmp_path


def test_ho_so_xa_hong_list_show_van_chay(thu_muc, capsys):
    with sqlite3.connect(thu_muc / TEN_TEP_CSDL) as cn:
        cn.execute("UPDATE xa SET ho_so = '{khong phai json'")
    ma, out, err = _chay(capsys, thu_muc, "list")
    assert ma == 0 and "Xã Cai Kinh (đã hợp vào xã Hợp Mẫu từ 01/07/2025): 5 báo cáo" in out
    assert "Cảnh báo: Hồ sơ xã «Cai Kinh» trong kho không đọc được" in err
    assert "Vào Thiết lập" in err
    assert _chay(capsys, thu_muc, "show", "2024-Q1")[0] == 0


@pytest.fixture
def phien_ban_moi_hon(thu_muc: Path) -> Path:
    """Phiên bản 2 của quý I/2024 do một bản drafter mới hơn ghi (lược đồ dữ liệu 2, trường
    mới), đúng như nó ghi: bản 2 đầy đủ, bản 1 thành khác biệt so với bản 2."""
    with sqlite3.connect(thu_muc / TEN_TEP_CSDL) as cn:
        bc_id, du_lieu = cn.execute("SELECT bao_cao_id, du_lieu FROM phien_ban p JOIN bao_cao b "
                                    "ON b.id = p.bao_cao_id WHERE b.ky = '2024-Q1'").fetchone()
        ban_1 = zlib.decompress(du_lieu).decode()
        moi = json.dumps({**json.loads(ban_1), "phien_ban": 99, "truong_moi": [1]})
        cn.execute("UPDATE phien_ban SET cach_luu = 'delta', du_lieu = ? WHERE bao_cao_id = ?",
                   (delta.make_delta(moi, ban_1), bc_id))
        cn.execute("INSERT INTO phien_ban (bao_cao_id, so, cach_luu, du_lieu, luc) "
                   "VALUES (?, 2, 'zlib', ?, '2030-01-01T00:00:00')", (bc_id, delta.compress(moi)))
    return thu_muc


@pytest.mark.parametrize("lenh", [
    ["export", "2024-Q1", "-o", "{tmp}/q1.json"],
    ["render", "2024-Q1", "-o", "{tmp}/q1.docx"],
    ["new", "--ky", "2024-Q2"],
])
def test_phien_ban_khong_doc_duoc_bao_loi_chi_loi_thoat(phien_ban_moi_hon, capsys, lenh):
    ma, _, err = _chay(capsys, phien_ban_moi_hon,
                       *[a.format(tmp=phien_ban_moi_hon) for a in lenh])
    assert ma == 1
    assert "Phiên bản 2 của báo cáo quý I/2024 trong kho không đọc được" in err
    assert "phiên bản lược đồ 99" in err
    assert "cập nhật drafter" in err and "--phien-ban 1" in err
    assert not list(phien_ban_moi_hon.glob("q1.*"))


def test_show_va_list_van_chay_khi_phien_ban_khong_doc_duoc(phien_ban_moi_hon, capsys):
    ma, out, _ = _chay(capsys, phien_ban_moi_hon, "list")
    assert ma == 0 and "2024-Q1" in out
    ma, out, err = _chay(capsys, phien_ban_moi_hon, "show", "2024-Q1")
    assert ma == 1
    assert "Phiên bản 2 của báo cáo quý I/2024 trong kho không đọc được" in err
    assert "Phiên bản:" in out and "  1  " in out and "  2  " in out  # để chọn bản khôi phục
    # Lối thoát được chỉ ra dùng được: đưa về phiên bản 1.
    ma, out, _ = _chay(capsys, phien_ban_moi_hon, "khoi-phuc", "--ky", "2024-Q1",
                       "--phien-ban", "1")
    assert ma == 0 and "lưu thành phiên bản 3" in out
    assert _chay(capsys, phien_ban_moi_hon, "show", "2024-Q1")[0] == 0


def _ket_noi_voi(monkeypatch, *pragma: str) -> None:
    """Mọi kết nối kho của lệnh chạy thêm các PRAGMA này (giả ổ đầy, tệp chỉ đọc)."""
    goc = csdl.ket_noi

    def ket_noi(tep: Path) -> sqlite3.Connection:
        cn = goc(tep)
        for p in pragma:
            cn.execute(p.format(so_trang=cn.execute("PRAGMA page_count").fetchone()[0]))
        return cn

    monkeypatch.setattr(csdl, "ket_noi", ket_noi)


def test_o_day_dong_lenh(thu_muc, capsys, monkeypatch):
    _ket_noi_voi(monkeypatch, "PRAGMA max_page_count = {so_trang}")
    ma, _, err = _chay(capsys, thu_muc, "new", "--ky", "2024-Q2")
    assert ma == 1 and "đã đầy" in err and "Giải phóng chỗ trống" in err
    assert "rollback" not in err.lower()
    monkeypatch.undo()
    assert "2024-Q2" not in _chay(capsys, thu_muc, "list")[1]
    assert _chay(capsys, thu_muc, "new", "--ky", "2024-Q2")[0] == 0


def test_kho_chi_doc_dong_lenh(thu_muc, capsys, monkeypatch):
    """Tương đương tệp kho chỉ đọc (chmod 444) mà không phụ thuộc uid: SQLite trả cùng lỗi
    SQLITE_READONLY."""
    _ket_noi_voi(monkeypatch, "PRAGMA query_only = 1")
    assert _chay(capsys, thu_muc, "list")[0] == 0
    assert _chay(capsys, thu_muc, "show", "2024-Q1")[0] == 0
    ma, _, err = _chay(capsys, thu_muc, "new", "--ky", "2024-Q2")
    assert ma == 1 and "chỉ đọc" in err and "--data-dir" in err


def test_phien_ban_nen_luu_thanh_chu_bao_loi_chi_loi_thoat(thu_muc, capsys):
    """Bản 'zlib' mà cột du_lieu là chữ (kho sửa tay, công cụ khác ghi): báo không đọc được như
    mọi bản hỏng, không phải lỗi chưa lường trước (mypy tìm ra: zlib cần byte)."""
    with sqlite3.connect(thu_muc / TEN_TEP_CSDL) as cn:
        bc_id, du_lieu = cn.execute("SELECT bao_cao_id, du_lieu FROM phien_ban p JOIN bao_cao b "
                                    "ON b.id = p.bao_cao_id WHERE b.ky = '2024-Q1'").fetchone()
        cn.execute("INSERT INTO phien_ban (bao_cao_id, so, cach_luu, du_lieu, luc) "
                   "VALUES (?, 2, 'zlib', ?, '2030-01-01T00:00:00')",
                   (bc_id, zlib.decompress(du_lieu).decode()))
    ma, _, err = _chay(capsys, thu_muc, "export", "2024-Q1", "-o", str(thu_muc / "q1.json"))
    assert ma == 1
    assert "Phiên bản 2 của báo cáo quý I/2024 trong kho không đọc được" in err
    assert "--phien-ban 1" in err
    ma, out, _ = _chay(capsys, thu_muc, "list")
    assert ma == 0 and "2024-Q1" in out
