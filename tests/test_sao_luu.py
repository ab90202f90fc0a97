"""Sao lưu hằng ngày khi nhiều tiến trình cùng mở kho; «drafter khoi-phuc» không làm mất gì.

Mọi tình huống xấu được tạo ngay trong kiểm thử: tiến trình khác giữ kho (subprocess), tệp hỏng
(ghi đè đầu tệp hay giữa tệp), -wal mồ côi, lỗi Windows «tệp đang mở» (WinError 32).
"""

from __future__ import annotations

import multiprocessing
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from drafter import cli
from drafter.kho import Kho, LoiKho, sao_luu
from drafter.kho.thu_muc import TEN_TEP_CSDL


def _tep(thu_muc: Path) -> Path:
    return thu_muc / TEN_TEP_CSDL


def _so_phien_ban(thu_muc: Path) -> int:
    with Kho.mo(thu_muc, sao_luu=False) as k:
        return k.cn.execute("SELECT COUNT(*) FROM phien_ban").fetchone()[0]


def _them_quy_ii(thu_muc: Path, so_lan: int = 1) -> None:
    """Việc làm sau lúc sao lưu: báo cáo quý II/2024 với `so_lan` phiên bản."""
    with Kho.mo(thu_muc, sao_luu=False) as k:
        xa = k.xa_mac_dinh()
        bc = k.doc(xa.id, "2024-Q1").model_copy(update={"ky": "2024-Q2"})
        for i in range(so_lan):
            k.luu(xa.id, bc.model_copy(update={"cau_ket": f"Quý II lần {i}"}))


@pytest.fixture
def kho_co_sao_luu(tmp_path: Path) -> Path:
    """Kho mẫu đã có bản sao lưu hôm nay, rồi thêm quý II/2024 (3 phiên bản) sau lúc sao lưu."""
    with Kho.mo(tmp_path):
        pass
    assert sao_luu.ban_sao_luu_moi_nhat(_tep(tmp_path)) is not None
    _them_quy_ii(tmp_path, 3)
    return tmp_path


def _chay(capsys, *args: str) -> tuple[int, str, str]:
    ma = cli.main(list(args))
    ra = capsys.readouterr()
    return ma, ra.out, ra.err


# ---------------------------------------------------------------- sao lưu đầu ngày

def _mo_kho_cung_luc(thu_muc: str, rao: multiprocessing.synchronize.Barrier,
                     ket_qua: multiprocessing.Queue) -> None:
    try:
        rao.wait()
        with Kho.mo(thu_muc) as k:
            ket_qua.put(("ok", list(k.canh_bao)))
    except BaseException as loi:  # mọi lỗi của tiến trình con phải về tiến trình cha
        ket_qua.put(("loi", repr(loi)))


def test_bon_tien_trinh_mo_kho_dau_ngay_chi_mot_ban_sao_luu(tmp_path):
    with Kho.mo(tmp_path, sao_luu=False):
        pass  # kho có sẵn, hôm nay chưa sao lưu
    ctx = multiprocessing.get_context("spawn")
    for _ in range(3):
        for ban in (tmp_path / "sao_luu").glob("drafter-*"):
            ban.unlink()
        rao, ket_qua = ctx.Barrier(4), ctx.Queue()
        tien_trinh = [ctx.Process(target=_mo_kho_cung_luc, args=(str(tmp_path), rao, ket_qua))
                      for _ in range(4)]
        for p in tien_trinh:
            p.start()
        cac_ket_qua = [ket_qua.get(timeout=60) for _ in tien_trinh]
        for p in tien_trinh:
            p.join(timeout=60)
        assert cac_ket_qua == [("ok", [])] * 4
        hom_nay = f"drafter-{date.today().isoformat()}.sqlite3"
        assert sorted(p.name for p in (tmp_path / "sao_luu").iterdir()) == [".khoa", hom_nay]
        with sqlite3.connect(tmp_path / "sao_luu" / hom_nay) as cn:
            assert cn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_tien_trinh_khac_dang_sao_luu_thi_di_tiep(tmp_path):
    with Kho.mo(tmp_path, sao_luu=False) as k:
        with sao_luu.khoa_thu_muc(tmp_path / "sao_luu") as giu:
            assert giu
            assert sao_luu.sao_luu_hang_ngay(k.cn, k.tep) is None  # không chờ, không lỗi
        assert sao_luu.sao_luu_hang_ngay(k.cn, k.tep) is not None


def test_sao_luu_khong_duoc_la_canh_bao_khong_chan_viec(tmp_path):
    (tmp_path / "sao_luu").write_text("một tệp chiếm tên thư mục sao lưu", encoding="utf-8")
    with Kho.mo(tmp_path) as k:
        assert k.xa_mac_dinh().ten == "Cai Kinh"
        assert len(k.canh_bao) == 1 and "Chưa sao lưu được kho hôm nay" in k.canh_bao[0]


# ---------------------------------------------------------------- khôi phục kho lành

def test_khoi_phuc_kho_lanh_bi_tu_choi(kho_co_sao_luu, capsys):
    truoc = _so_phien_ban(kho_co_sao_luu)
    ma, _, err = _chay(capsys, "--data-dir", str(kho_co_sao_luu), "khoi-phuc")
    assert ma == 1 and "không hỏng" in err and "--xem" in err and "--ep" in err
    assert "Traceback" not in err
    assert _so_phien_ban(kho_co_sao_luu) == truoc
    assert not list(kho_co_sao_luu.glob(TEN_TEP_CSDL + ".*"))


def test_khoi_phuc_xem_noi_ro_se_mat_gi_va_khong_doi_gi(kho_co_sao_luu, capsys):
    truoc = _tep(kho_co_sao_luu).read_bytes()
    ma, out, _ = _chay(capsys, "--data-dir", str(kho_co_sao_luu), "khoi-phuc", "--xem")
    assert ma == 0
    assert "không hỏng" in out
    assert "Báo cáo quý II/2024 của xã Cai Kinh: cả báo cáo, 3 phiên bản" in out
    assert "Chỉ xem, chưa đổi gì" in out
    assert _tep(kho_co_sao_luu).read_bytes() == truoc
    assert not list(kho_co_sao_luu.glob(TEN_TEP_CSDL + ".*"))


def test_khoi_phuc_ep_giu_lai_kho_cu(kho_co_sao_luu, capsys):
    with Kho.mo(kho_co_sao_luu, sao_luu=False) as k:  # thêm một phiên bản cho quý I sau sao lưu
        xa = k.xa_mac_dinh()
        k.luu(xa.id, k.doc(xa.id, "2024-Q1").model_copy(update={"cau_ket": "mới"}))
    ma, out, err = _chay(capsys, "--data-dir", str(kho_co_sao_luu), "khoi-phuc", "--ep")
    assert ma == 0, err
    assert "Báo cáo quý I/2024 của xã Cai Kinh: phiên bản 2" in out
    assert "Báo cáo quý II/2024 của xã Cai Kinh: cả báo cáo, 3 phiên bản" in out
    (giu,) = kho_co_sao_luu.glob(TEN_TEP_CSDL + ".truoc-khoi-phuc-*")
    assert str(giu) in out
    with Kho.mo(kho_co_sao_luu, sao_luu=False) as k:
        assert k.tim_bao_cao(k.xa_mac_dinh().id, "2024-Q2") is None
    # Kho cũ giữ lại đủ những gì đã báo là «sẽ mất».
    with sqlite3.connect(giu) as cn:
        assert cn.execute("SELECT COUNT(*) FROM bao_cao WHERE ky = '2024-Q2'").fetchone()[0] == 1
        # Mẫu: 3 báo cáo Cai Kinh + 6 quý 2025 của xã sắp xếp minh họa; quý II/2024: 3 bản;
        # quý I/2024 thêm 1 bản sau sao lưu.
        assert cn.execute("SELECT COUNT(*) FROM phien_ban").fetchone()[0] == 3 + 6 + 3 + 1


# ---------------------------------------------------------------- cửa sổ drafter khác đang mở

_GIU_KHO = textwrap.dedent("""
    import sys
    from drafter.kho import Kho
    with Kho.mo(sys.argv[1], sao_luu=False) as k:
        xa = k.xa_mac_dinh()
        bc = k.doc(xa.id, "2024-Q1")
        k.cn.execute("PRAGMA wal_autocheckpoint = 0")  # các lần lưu nằm lại trong -wal
        for i in range(5):
            k.luu(xa.id, bc.model_copy(update={"cau_ket": f"lưu {i}"}))
        print("dang-giu", flush=True)
        sys.stdin.readline()
        for i in range(5, 10):
            k.luu(xa.id, bc.model_copy(update={"cau_ket": f"lưu {i}"}))
    print("xong", flush=True)
""")


@pytest.mark.parametrize("ep", [False, True])
def test_khoi_phuc_khi_cua_so_khac_dang_mo_kho(kho_co_sao_luu, capsys, ep):
    giu = subprocess.Popen([sys.executable, "-c", _GIU_KHO, str(kho_co_sao_luu)],
                           stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert giu.stdout.readline().strip() == "dang-giu"
        wal = Path(f"{_tep(kho_co_sao_luu)}-wal")
        wal_truoc = wal.read_bytes()
        assert wal_truoc
        ma, _, err = _chay(capsys, "--data-dir", str(kho_co_sao_luu), "khoi-phuc",
                           *(["--ep"] if ep else []))
        assert ma == 1
        assert "đang được một cửa sổ drafter khác mở" in err and "Đóng mọi cửa sổ" in err
        assert wal.read_bytes() == wal_truoc  # -wal đang dùng: không xóa, không dời, không đổi
        assert not list(kho_co_sao_luu.glob(TEN_TEP_CSDL + ".*-*"))
        giu.stdin.write("\n")
        giu.stdin.flush()
        assert giu.stdout.readline().strip() == "xong"
    finally:
        giu.stdin.close()
        giu.wait(timeout=30)
    # Không lần lưu nào của cửa sổ kia bị mất: 1 + 10 phiên bản quý I.
    with Kho.mo(kho_co_sao_luu, sao_luu=False) as k:
        assert len(k.cac_phien_ban(k.xa_mac_dinh().id, "2024-Q1")) == 11


# ---------------------------------------------------------------- kho hỏng

def _hong_dau_tep(thu_muc: Path) -> bytes:
    tep = _tep(thu_muc)
    hong = b"day khong phai sqlite" * 100 + tep.read_bytes()[2100:]
    tep.write_bytes(hong)
    return hong


def test_kho_hong_khoi_phuc_hai_lan_trong_mot_giay_khong_de_ban_giu(kho_co_sao_luu, capsys):
    hong_1 = _hong_dau_tep(kho_co_sao_luu)
    ma, out, err = _chay(capsys, "--data-dir", str(kho_co_sao_luu), "khoi-phuc")
    assert ma == 0, err
    assert "hỏng: đầu tệp không phải cơ sở dữ liệu SQLite" in out
    assert "Không đọc được kho hiện tại để so sánh" in out
    hong_2 = _hong_dau_tep(kho_co_sao_luu) + b"lan 2"
    _tep(kho_co_sao_luu).write_bytes(hong_2)
    assert _chay(capsys, "--data-dir", str(kho_co_sao_luu), "khoi-phuc")[0] == 0
    giu = sorted(kho_co_sao_luu.glob(TEN_TEP_CSDL + ".hong-*"))
    assert len(giu) == 2  # tên riêng cho mỗi lần, không lần nào đè lần trước
    assert {p.read_bytes() for p in giu} == {hong_1, hong_2}
    with Kho.mo(kho_co_sao_luu, sao_luu=False) as k:
        assert k.doc(k.xa_mac_dinh().id, "2024-Q1").xa == "Cai Kinh"


def test_kho_hong_giua_tep_khoi_phuc_bang_api_backup(kho_co_sao_luu, capsys):
    tep = _tep(kho_co_sao_luu)
    du_lieu = bytearray(tep.read_bytes())
    trang = 4096
    for i in range(2 * trang, len(du_lieu) - trang, 5 * trang):  # giữ trang 1 (đầu tệp)
        du_lieu[i + 8:i + 400] = b"\xff" * 392
    tep.write_bytes(bytes(du_lieu))
    ma, out, err = _chay(capsys, "--data-dir", str(kho_co_sao_luu), "khoi-phuc", "--xem")
    assert ma == 0 and "hỏng" in out and "không hỏng" not in out
    assert tep.read_bytes() == bytes(du_lieu)
    ma, out, err = _chay(capsys, "--data-dir", str(kho_co_sao_luu), "khoi-phuc")
    assert ma == 0, err
    (giu,) = kho_co_sao_luu.glob(TEN_TEP_CSDL + ".hong-*")
    assert giu.read_bytes() == bytes(du_lieu)
    with Kho.mo(kho_co_sao_luu, sao_luu=False) as k:
        assert k.cn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert k.tim_bao_cao(k.xa_mac_dinh().id, "2024-Q2") is None


def test_wal_cua_kho_hong_duoc_giu_cung_ban_hong(kho_co_sao_luu):
    tep = _tep(kho_co_sao_luu)
    wal = Path(f"{tep}-wal")
    wal.write_bytes(b"noi dung -wal con lai sau khi may tat ngang")
    _hong_dau_tep(kho_co_sao_luu)
    kq = sao_luu.khoi_phuc_kho(tep)
    assert kq.giu_lai is not None
    assert Path(f"{kq.giu_lai}-wal").read_bytes() == b"noi dung -wal con lai sau khi may tat ngang"
    assert not wal.exists() or wal.read_bytes() != b"noi dung -wal con lai sau khi may tat ngang"
    with Kho.mo(kho_co_sao_luu, sao_luu=False) as k:
        assert k.cn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_windows_tep_dang_mo_bao_tieng_viet(kho_co_sao_luu, monkeypatch):
    _hong_dau_tep(kho_co_sao_luu)

    def dang_mo(nguon: Path, dich: Path) -> None:
        loi = PermissionError(13, "The process cannot access the file because it is being "
                                  "used by another process")
        loi.winerror = 32
        raise loi

    monkeypatch.setattr(sao_luu, "_doi_ten_khong_de", dang_mo)
    with pytest.raises(LoiKho) as loi:
        sao_luu.khoi_phuc_kho(_tep(kho_co_sao_luu))
    assert "đang được chương trình khác mở" in loi.value.thong_diep
    assert "chưa khôi phục gì" in loi.value.thong_diep
    assert "being used" not in str(loi.value)
    assert _tep(kho_co_sao_luu).exists()
    assert not [p for p in kho_co_sao_luu.iterdir() if p.suffix == ".tam"]


def test_khong_co_ban_sao_luu(tmp_path, capsys):
    with Kho.mo(tmp_path, sao_luu=False):
        pass
    _hong_dau_tep(tmp_path)
    ma, _, err = _chay(capsys, "--data-dir", str(tmp_path), "khoi-phuc")
    assert ma == 1 and "Chưa có bản sao lưu nào" in err and "chưa bị đổi" in err


def test_ban_sao_luu_hong_bi_bo_qua(kho_co_sao_luu):
    tep = _tep(kho_co_sao_luu)
    with Kho.mo(kho_co_sao_luu, sao_luu=False) as k:
        cu = sao_luu.sao_luu_hang_ngay(k.cn, k.tep, date(2000, 1, 1))
    moi = sao_luu.ban_sao_luu_moi_nhat(tep)
    moi.write_bytes(b"hong" * 1000)  # bản mới nhất hỏng: dùng bản trước đó
    _hong_dau_tep(kho_co_sao_luu)
    assert sao_luu.khoi_phuc_kho(tep).ban_sao_luu == cu


def test_chua_co_tep_kho_nhung_co_wal_mo_coi(kho_co_sao_luu):
    tep = _tep(kho_co_sao_luu)
    tep.unlink()
    Path(f"{tep}-wal").write_bytes(b"wal mo coi")
    kq = sao_luu.khoi_phuc_kho(tep)
    assert Path(f"{kq.giu_lai}-wal").read_bytes() == b"wal mo coi"
    with Kho.mo(kho_co_sao_luu, sao_luu=False) as k:
        assert k.xa_mac_dinh().ten == "Cai Kinh"


def test_khoa_thu_muc_loai_tru(tmp_path):
    with sao_luu.khoa_thu_muc(tmp_path) as a, sao_luu.khoa_thu_muc(tmp_path) as b:
        assert a and not b
    with sao_luu.khoa_thu_muc(tmp_path) as c:
        assert c  # nhả khi ra khỏi khối
