"""Xuất, nhập báo cáo .json giữa các kho; dòng lệnh làm việc với kho."""

from __future__ import annotations

import json

import pytest

from drafter import cli
from drafter.kho import Kho
from drafter.kho.trao_doi import nhap_json, xuat_json
from drafter.tep_van_ban import LoiTepVanBan


def test_vong_tron_xuat_nhap_giua_hai_kho(tmp_path):
    with Kho.mo(tmp_path / "xa") as kho_xa:
        xa = kho_xa.xa_mac_dinh()
        tep = xuat_json(kho_xa, xa.id, "2024-Q1", tmp_path / "q1.json")
        goc = kho_xa.doc(xa.id, "2024-Q1")
    with Kho.mo(tmp_path / "huyen", nap_mau=False) as kho_huyen:
        kq = nhap_json(kho_huyen, tep)
        assert kq.thong_diep == ("Đã nhập báo cáo quý I/2024 của xã Cai Kinh "
                                 "(xã mới được thêm vào kho).")
        assert kho_huyen.doc(kq.xa.id, "2024-Q1") == goc
        assert kho_huyen.tim_xa("Cai Kinh").co_quan_ban_hanh == goc.dau.co_quan_ban_hanh
        assert nhap_json(kho_huyen, tep).thong_diep.endswith("đã giống hệt tệp này.")


def test_nhap_khong_ghi_de_am_tham(tmp_path):
    with Kho.mo(tmp_path) as kho:
        xa = kho.xa_mac_dinh()
        tep = xuat_json(kho, xa.id, "2024-Q1", tmp_path / "q1.json")
        du_lieu = json.loads(tep.read_text(encoding="utf-8"))
        du_lieu["cau_ket"] = "Bản sửa ở máy khác"
        tep.write_text(json.dumps(du_lieu, ensure_ascii=False), encoding="utf-8")
        kq = nhap_json(kho, tep)
        assert "lưu thành phiên bản 2; phiên bản 1 trước đó vẫn giữ nguyên" in kq.thong_diep
        assert kho.doc(xa.id, "2024-Q1").cau_ket == "Bản sửa ở máy khác"
        assert kho.doc(xa.id, "2024-Q1", so=1).cau_ket != "Bản sửa ở máy khác"


def test_nhap_tu_choi_phien_ban_la(tmp_path):
    with Kho.mo(tmp_path) as kho:
        tep = xuat_json(kho, kho.xa_mac_dinh().id, "2024-Q1", tmp_path / "q1.json")
        du_lieu = json.loads(tep.read_text(encoding="utf-8"))
        du_lieu["phien_ban"] = 5
        tep.write_text(json.dumps(du_lieu), encoding="utf-8")
        with pytest.raises(LoiTepVanBan) as loi:
            nhap_json(kho, tep)
        assert "phiên bản lược đồ 5" in loi.value.cac_dong[0]
        assert len(kho.cac_phien_ban(kho.xa_mac_dinh().id, "2024-Q1")) == 1


def _cli(capsys, *args: str) -> tuple[int, str, str]:
    ma = cli.main(list(args))
    ra = capsys.readouterr()
    return ma, ra.out, ra.err


def test_dong_lenh_kho(tmp_path, capsys):
    d = ["--data-dir", str(tmp_path / "kho")]
    ma, out, _ = _cli(capsys, *d, "list")
    assert ma == 0 and "Xã Cai Kinh (đã hợp vào xã Hợp Mẫu từ 01/07/2025): 5 báo cáo" in out
    assert "2024-Q1" in out
    ma, out, _ = _cli(capsys, *d, "new", "--ky", "2024-Q2")
    assert ma == 0 and out.startswith("Đã tạo báo cáo quý II/2024 của xã Cai Kinh")
    assert "Đã điền: Số liệu — số cùng kỳ quý II/2023 cho" in out
    ma, out, _ = _cli(capsys, *d, "show", "2024-Q2")
    assert ma == 0 and "Trạng thái: nháp" in out and "Cần xem lại:" in out
    ma, _, err = _cli(capsys, *d, "new", "--ky", "2024-Q2")
    assert ma == 1 and "Đã có báo cáo quý II/2024" in err and "Traceback" not in err
    assert "--thay-the" in err
    ma, out, _ = _cli(capsys, *d, "new", "--ky", "2024-Q2", "--thay-the")
    assert ma == 0 and "Bản trước (phiên bản 1) vẫn giữ" in out
    ma, out, _ = _cli(capsys, *d, "export", "2024-Q1", "-o", str(tmp_path / "q1.json"))
    assert ma == 0 and (tmp_path / "q1.json").is_file()
    ma, out, _ = _cli(capsys, *d, "import", str(tmp_path / "q1.json"))
    assert ma == 0 and "giống hệt" in out
    ra = tmp_path / "q1.docx"
    ma, out, _ = _cli(capsys, *d, "render", "2024-Q1", "-o", str(ra))
    assert ma == 0 and ra.is_file() and "ĐẠT thể thức NĐ 30" in out
    ma, out, _ = _cli(capsys, *d, "show", "2024-Q1")
    assert "Trạng thái: đã xuất" in out and "Đã xuất phiên bản 1" in out
    # Bản chính thức của quý II vừa chép còn thiếu số: từ chối, gọi tên, không ghi tệp.
    ma, out, err = _cli(capsys, *d, "render", "2024-Q2", "--chinh-thuc", "-o",
                        str(tmp_path / "q2.docx"))
    assert ma == 1 and not (tmp_path / "q2.docx").exists()
    assert "chưa có số lượt tiếp công dân" in out and "Không tạo bản chính thức" in err
    # Bản nháp thì ghi, số thiếu thành dấu «[chưa có: …]», kết luận nói rõ chưa sẵn sàng.
    ma, out, _ = _cli(capsys, *d, "render", "2024-Q2", "-o", str(tmp_path / "q2.docx"))
    assert ma == 0 and (tmp_path / "q2.docx").is_file()
    assert "CHƯA sẵn sàng trình ký" in out and "Số liệu còn thiếu (" in out
    ma, _, err = _cli(capsys, *d, "show", "2024-Q5")
    assert ma == 1 and "không đúng dạng" in err
    ma, _, err = _cli(capsys, *d, "--xa", "Không Có", "list")
    assert ma == 1 and "Kho không có xã «Không Có»" in err


def test_new_ky_va_ten_cu_period(tmp_path, capsys):
    """Kỳ viết --ky như mọi lệnh khác; --period (tên cũ) vẫn chạy nhưng không hiện ở trợ giúp."""
    d = ["--data-dir", str(tmp_path / "kho")]
    ma, out, _ = _cli(capsys, *d, "new", "--period", "2024-Q2")
    assert ma == 0 and out.startswith("Đã tạo báo cáo quý II/2024 của xã Cai Kinh")
    with pytest.raises(SystemExit):
        _cli(capsys, *d, "new", "--help")
    tro_giup = capsys.readouterr().out
    assert "--ky KỲ" in tro_giup and "--period" not in tro_giup
    with pytest.raises(SystemExit) as thoat:
        _cli(capsys, *d, "new")
    assert thoat.value.code == 2 and "--ky" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _cli(capsys, *d, "new", "--ky", "2024-Q3", "--period", "2024-Q3")
    assert "--period" in capsys.readouterr().err


def test_dong_lenh_khoi_phuc(tmp_path, capsys):
    d = ["--data-dir", str(tmp_path)]
    _cli(capsys, *d, "list")
    (tmp_path / "drafter.sqlite3-wal").unlink(missing_ok=True)
    (tmp_path / "drafter.sqlite3").write_bytes(b"hong" * 1000)
    ma, _, err = _cli(capsys, *d, "list")
    assert ma == 1 and "bị hỏng" in err and "drafter khoi-phuc" in err
    ma, out, _ = _cli(capsys, *d, "khoi-phuc")
    assert ma == 0 and "Đã khôi phục kho từ bản sao lưu" in out
    assert _cli(capsys, *d, "list")[0] == 0
