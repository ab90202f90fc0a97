"""Ghi tệp của người dùng: không ghi lên tệp đầu vào, không ghi đè khi chưa được phép, quyền tệp
theo umask, tên tệp từ dữ liệu không thoát ra ngoài thư mục, lỗi hệ điều hành bằng tiếng Việt,
Ctrl+C và ống dẫn bị đóng thoát êm."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from drafter import cli
from drafter.ghi_tep import (
    DUONG_DAN_TOI_DA,
    LoiGhiTep,
    ghi_nguyen_tu,
    kiem_tra_dich,
    ten_tep_an_toan,
)
from drafter.ky_bao_cao import Ky, ten_tep_bao_cao
from drafter.loi_tieng_viet import cau_loi_os, ly_do_loi_os
from drafter.tai_nguyen import tep_mau
from tests.van_ban_thu import van_ban_nho

LA_POSIX = os.name == "posix"


def _chay(capsys, *args: str) -> tuple[int, str, str]:
    ma = cli.main(list(args))
    ra = capsys.readouterr()
    return ma, ra.out, ra.err


def _tep_json(thu_muc: Path, ten: str = "bc.json") -> Path:
    p = thu_muc / ten
    p.write_text(json.dumps(van_ban_nho(), ensure_ascii=False), encoding="utf-8")
    return p


def _quyen(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


# ---------------------------------------------------------------- không ghi lên tệp đầu vào

def test_render_ra_trung_tep_vao_bi_tu_choi(tmp_path, capsys):
    tep = _tep_json(tmp_path)
    truoc = tep.read_bytes()
    for them in ([], ["--ghi-de"]):
        ma, _, err = _chay(capsys, "render", str(tep), "-o", str(tep), *them)
        assert ma == 1 and "chính là tệp đầu vào" in err and "Traceback" not in err
        assert tep.read_bytes() == truoc
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bc.json"]  # không để lại tệp tạm


def test_tep_vao_mang_duoi_docx_khong_bi_de_boi_chinh_no(tmp_path, capsys):
    tep = _tep_json(tmp_path, "bc.docx")
    truoc = tep.read_bytes()
    ma, _, err = _chay(capsys, "render", str(tep), "--ghi-de")
    assert ma == 1 and "chính là tệp đầu vào" in err
    assert tep.read_bytes() == truoc


@pytest.mark.skipif(not LA_POSIX, reason="liên kết tượng trưng cần quyền riêng trên Windows")
def test_tep_ra_la_lien_ket_toi_tep_vao(tmp_path, capsys):
    tep = _tep_json(tmp_path)
    lien_ket = tmp_path / "ra.docx"
    lien_ket.symlink_to(tep)
    ma, _, err = _chay(capsys, "render", str(tep), "-o", str(lien_ket), "--ghi-de")
    assert ma == 1 and "chính là tệp đầu vào" in err
    assert json.loads(tep.read_text(encoding="utf-8")) == van_ban_nho()


def test_tep_ra_la_thu_muc(tmp_path, capsys):
    tep = _tep_json(tmp_path)
    ma, _, err = _chay(capsys, "render", str(tep), "-o", str(tmp_path), "--ghi-de")
    assert ma == 1 and "là một thư mục" in err


# ---------------------------------------------------------------- tệp đã có: ghi đè khi cho phép

def test_tep_ra_da_co_can_ghi_de_va_giu_quyen(tmp_path, capsys):
    tep = _tep_json(tmp_path)
    ra = tmp_path / "ra.docx"
    ra.write_bytes(b"ban cu")
    ra.chmod(0o640)
    ma, _, err = _chay(capsys, "render", str(tep), "-o", str(ra))
    assert ma == 1 and "đã có" in err and "--ghi-de" in err
    assert ra.read_bytes() == b"ban cu"
    ma, out, _ = _chay(capsys, "render", str(tep), "-o", str(ra), "--ghi-de")
    assert ma == 0 and "Đã ghi" in out
    assert ra.read_bytes()[:2] == b"PK"
    if LA_POSIX:
        assert _quyen(ra) == 0o640


def test_tep_chi_doc_khong_bao_gio_bi_ghi_de(tmp_path, capsys):
    tep = _tep_json(tmp_path)
    ra = tmp_path / "ra.docx"
    ra.write_bytes(b"ban da ky")
    ra.chmod(0o444)
    try:
        ma, _, err = _chay(capsys, "render", str(tep), "-o", str(ra), "--ghi-de")
        assert ma == 1 and "chỉ đọc" in err
        assert ra.read_bytes() == b"ban da ky"
    finally:
        ra.chmod(0o644)


def test_demo_va_pdf_canh_ben_deu_theo_chinh_sach(tmp_path, capsys):
    ra = tmp_path / "mau.docx"
    assert _chay(capsys, "demo", "-o", str(ra))[0] == 0
    ma, _, err = _chay(capsys, "demo", "-o", str(ra))
    assert ma == 1 and "đã có" in err
    # PDF cạnh bên đã có: từ chối trước khi ghi bất cứ gì (không để lại .docx mới).
    ra2 = tmp_path / "mau2.docx"
    (tmp_path / "mau2.pdf").write_bytes(b"%PDF cu")
    ma, _, err = _chay(capsys, "demo", "-o", str(ra2), "--pdf")
    assert ma == 1 and "mau2.pdf đã có" in err and not ra2.exists()
    # -o trỏ vào chính tệp dữ liệu mẫu cài kèm chương trình.
    mau = tep_mau(cli.TEP_BAO_CAO_MAU)
    truoc = mau.read_bytes()
    ma, _, err = _chay(capsys, "demo", "-o", str(mau), "--ghi-de")
    assert ma == 1 and "chính là tệp đầu vào" in err and mau.read_bytes() == truoc


def test_export_va_render_tu_kho(tmp_path, capsys, monkeypatch):
    kho = tmp_path / "kho"
    ra = tmp_path / "q1.json"
    assert _chay(capsys, "--data-dir", str(kho), "export", "2024-Q1", "-o", str(ra))[0] == 0
    ma, _, err = _chay(capsys, "--data-dir", str(kho), "export", "2024-Q1", "-o", str(ra))
    assert ma == 1 and "đã có" in err and "--ghi-de" in err
    assert _chay(capsys, "--data-dir", str(kho), "export", "2024-Q1", "-o", str(ra),
                 "--ghi-de")[0] == 0
    # -o trỏ nhầm vào tệp của kho: không bao giờ ghi, kể cả với --ghi-de.
    csdl = next(kho.glob("*.sqlite3"))
    truoc = csdl.stat().st_size
    for lenh in (["export", "2024-Q1"], ["render", "2024-Q1"]):
        ma, _, err = _chay(capsys, "--data-dir", str(kho), *lenh, "-o", str(csdl), "--ghi-de")
        assert ma == 1 and "chính là tệp đầu vào" in err
    assert csdl.stat().st_size == truoc
    with csdl.open("rb") as f:
        assert f.read(16) == b"SQLite format 3\x00"


# ---------------------------------------------------------------- quyền tệp

@pytest.mark.skipif(not LA_POSIX, reason="umask chỉ có trên POSIX")
@pytest.mark.parametrize(("umask", "quyen"), [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_tep_moi_theo_umask(tmp_path, umask, quyen):
    cu = os.umask(umask)
    try:
        p = ghi_nguyen_tu(tmp_path / "a.docx", b"x")
    finally:
        os.umask(cu)
    assert _quyen(p) == quyen


@pytest.mark.skipif(not LA_POSIX, reason="umask chỉ có trên POSIX")
def test_render_tao_tep_doc_duoc_cho_dong_nghiep(tmp_path, capsys):
    cu = os.umask(0o022)
    try:
        tep = _tep_json(tmp_path)
        assert _chay(capsys, "render", str(tep), "-o", str(tmp_path / "ra.docx"))[0] == 0
    finally:
        os.umask(cu)
    assert _quyen(tmp_path / "ra.docx") == 0o644


def test_kiem_tra_dich_truc_tiep(tmp_path):
    p = tmp_path / "a.docx"
    kiem_tra_dich(p)  # chưa có: được ghi
    p.write_bytes(b"x")
    with pytest.raises(LoiGhiTep, match="đã có"):
        kiem_tra_dich(p)
    kiem_tra_dich(p, ghi_de=True)
    with pytest.raises(LoiGhiTep, match="tệp đầu vào"):
        kiem_tra_dich(p, [tmp_path / "." / "a.docx"], ghi_de=True)


# ---------------------------------------------------------------- khóa tạm của antivirus, Word

def test_doi_ten_thu_lai_khi_tep_bi_khoa_tam(tmp_path, monkeypatch):
    that = os.replace
    lan: list[int] = []

    def bi_khoa(a, b):
        lan.append(1)
        if len(lan) < 3:
            raise PermissionError(errno.EACCES, "Permission denied")
        that(a, b)

    monkeypatch.setattr("drafter.ghi_tep.os.replace", bi_khoa)
    monkeypatch.setattr("drafter.ghi_tep.time.sleep", lambda _: None)
    ghi_nguyen_tu(tmp_path / "a.docx", b"moi")
    assert (tmp_path / "a.docx").read_bytes() == b"moi" and len(lan) == 3


class _LoiWindows(PermissionError):
    winerror = 32  # ERROR_SHARING_VIOLATION: Word đang mở tệp


def test_tep_dang_mo_trong_word(tmp_path, capsys, monkeypatch):
    def luon_khoa(a, b):
        raise _LoiWindows(errno.EACCES, "The process cannot access the file", str(b))

    monkeypatch.setattr("drafter.ghi_tep.os.replace", luon_khoa)
    monkeypatch.setattr("drafter.ghi_tep.time.sleep", lambda _: None)
    tep = _tep_json(tmp_path)
    ma, _, err = _chay(capsys, "render", str(tep), "-o", str(tmp_path / "ra.docx"))
    assert ma == 1
    assert "đang mở trong Word hoặc chương trình khác: hãy đóng rồi xuất lại" in err
    assert "process" not in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bc.json"]  # tệp tạm đã dọn


# ---------------------------------------------------------------- lỗi hệ điều hành bằng tiếng Việt

_TIENG_ANH = ("denied", "exists", "space", "read-only", "too long", "No such", "not permitted",
              "Invalid", "busy", "error", "Errno")


@pytest.mark.parametrize("ma", [errno.EACCES, errno.EPERM, errno.EEXIST, errno.ENOSPC,
                                errno.EROFS, errno.ENAMETOOLONG, errno.ENOENT, errno.ENOTDIR,
                                errno.EISDIR, errno.EIO, errno.EINVAL, errno.EBUSY, 9999])
def test_loi_os_thanh_cau_tieng_viet(ma):
    loi = OSError(ma, os.strerror(ma) if ma != 9999 else "Unknown error", "BC.docx")
    cau = cau_loi_os(loi, "Không ghi được")
    assert cau.startswith("Không ghi được BC.docx: ")
    assert not any(t.lower() in cau.lower() for t in _TIENG_ANH), cau


def test_o_dia_day_khi_render(tmp_path, capsys, monkeypatch):
    def day(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("drafter.ghi_tep.os.fsync", day)
    tep = _tep_json(tmp_path)
    ma, _, err = _chay(capsys, "render", str(tep), "-o", str(tmp_path / "ra.docx"))
    assert ma == 1 and "ổ đĩa đã đầy" in err and "No space" not in err
    assert ly_do_loi_os(OSError(errno.EROFS, "Read-only file system")).startswith("ổ đĩa chỉ")


def test_doc_tep_khong_co_quyen(tmp_path, capsys, monkeypatch):
    def cam(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied", "bc.json")

    monkeypatch.setattr(Path, "read_text", cam)
    ma, _, err = _chay(capsys, "validate", str(tmp_path / "bc.json"))
    assert ma == 1 and "Không đọc được tệp" in err and "không có quyền" in err
    assert "Permission" not in err


# ---------------------------------------------------------------- tên tệp từ dữ liệu

@pytest.mark.parametrize("ten_xa", [
    "Tân Lập/../../ra-ngoai: thử", "..\\..\\Windows\\System32", "a*b?c\"d<e>f|g", "CON", "nul",
    "COM1", "LPT9", "xã. ", "   ", "🎉", "/", "..", "Đồng Ngầu" * 50,
])
def test_ten_tep_mac_dinh_an_toan(ten_xa):
    ten = ten_tep_bao_cao(Ky.doc("2024-Q2"), ten_xa)
    assert ten.startswith("BC-quy-II-2024") and ten.endswith(".docx")
    goc = ten.removesuffix(".docx")
    assert all(c.isascii() and (c.isalnum() or c in "-_") for c in goc), ten
    assert ".." not in ten and len(ten) <= 120


def test_ten_tep_giu_nhu_cu_voi_ten_binh_thuong():
    assert ten_tep_bao_cao(Ky.doc("2024-Q2"), "Cai Kinh") == "BC-quy-II-2024-xa-Cai-Kinh.docx"
    assert ten_tep_bao_cao(Ky.doc("2024"), "") == "BC-nam-2024.docx"


@pytest.mark.parametrize("ten", ["CON", "con", "PRN", "AUX", "NUL", "COM1", "com9", "LPT1", "",
                                 "...", "a/b", "x:y", "tên. "])
def test_ten_tep_an_toan_ten_thiet_bi_windows(ten):
    ra = ten_tep_an_toan(ten, ".json")
    goc = ra.removesuffix(".json")
    assert goc.upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "COM9", "LPT1", ""}
    assert not set(goc) & set('/\\:*?"<>|. ')


def test_ten_tep_an_toan_ca_duong_dan_duoi_260(tmp_path):
    thu_muc = tmp_path / ("t" * 150)
    ten = ten_tep_an_toan("x" * 500, ".docx", thu_muc)
    assert len(str((thu_muc / ten).absolute())) <= DUONG_DAN_TOI_DA


def test_render_tu_kho_ten_xa_doc_hai_ghi_trong_thu_muc_hien_tai(tmp_path, capsys, monkeypatch):
    kho = tmp_path / "kho"
    lam_viec = tmp_path / "a" / "b"
    lam_viec.mkdir(parents=True)
    du_lieu = json.loads(tep_mau(cli.TEP_BAO_CAO_MAU).read_text(encoding="utf-8"))
    du_lieu["xa"] = "Tân Lập/../../ra-ngoai: thử"
    tep = tmp_path / "nhap.json"
    tep.write_text(json.dumps(du_lieu, ensure_ascii=False), encoding="utf-8")
    assert _chay(capsys, "--data-dir", str(kho), "import", str(tep))[0] == 0
    monkeypatch.chdir(lam_viec)
    ma, _, err = _chay(capsys, "--data-dir", str(kho), "--xa", du_lieu["xa"], "render",
                       "2024-Q1")
    assert ma == 0, err
    ra = list(lam_viec.iterdir())
    assert [p.name for p in ra] == ["BC-quy-I-2024-xa-Tan-Lap-ra-ngoai-thu.docx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "kho", "nhap.json"]


# ---------------------------------------------------------------- Ctrl+C, ống dẫn bị đóng

def test_ctrl_c_thoat_130_khong_traceback(tmp_path, capsys, monkeypatch):
    def ngat(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr("drafter.nap_bao_cao.nap", ngat)
    ma, out, err = _chay(capsys, "render", str(_tep_json(tmp_path)))
    assert ma == 130 and err.strip() == "Đã dừng (Ctrl+C)." and out == ""


@pytest.mark.parametrize("lenh", [["--help"], ["list"], ["show", "2024-Q1"]])
def test_ong_dan_bi_dong_thoat_em(tmp_path, lenh):
    kho = tmp_path / "kho"
    if lenh != ["--help"]:
        subprocess.run([sys.executable, "-m", "drafter", "--data-dir", str(kho), "list"],
                       capture_output=True, check=True)
    p = subprocess.Popen([sys.executable, "-m", "drafter", "--data-dir", str(kho), *lenh],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # như `| head` đã thoát trước khi drafter in
    err = p.stderr.read().decode("utf-8", "replace")
    p.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err and "Exception" not in err, err
