"""Dòng lệnh: tệp hỏng hay sai cho thông báo tiếng Việt, mã thoát 2, và không có tệp ra."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from drafter import cli
from drafter.ghi_tep import ghi_nguyen_tu
from drafter.kiem_tra.doc_docx import TaiLieuDocx
from tests.van_ban_thu import van_ban_nho


def _chay(capsys, *args: str) -> tuple[int, str, str]:
    ma = cli.main(list(args))
    ra = capsys.readouterr()
    return ma, ra.out, ra.err


def _tep(tmp_path: Path, noi_dung: str | dict, ten: str = "bc.json") -> Path:
    p = tmp_path / ten
    chu = noi_dung if isinstance(noi_dung, str) else json.dumps(noi_dung, ensure_ascii=False)
    p.write_text(chu, encoding="utf-8")
    return p


def test_render_thanh_cong(tmp_path, capsys):
    tep = _tep(tmp_path, van_ban_nho())
    ma, out, err = _chay(capsys, "render", str(tep), "-o", str(tmp_path / "ra.docx"))
    assert ma == 0 and err == ""
    assert "Đã ghi" in out and (tmp_path / "ra.docx").is_file()


def test_render_mac_dinh_canh_tep_json(tmp_path, capsys):
    tep = _tep(tmp_path, van_ban_nho())
    assert _chay(capsys, "render", str(tep))[0] == 0
    assert (tmp_path / "bc.docx").is_file()


@pytest.mark.parametrize(("noi_dung", "trong_thong_bao"), [
    ("{ \"dau\": ", "không đúng cú pháp JSON ở dòng 1"),
    ("[]", "phải là một nhóm"),
    (van_ban_nho(phien_ban=3), "phiên bản lược đồ 3"),
    (van_ban_nho(cau_ket=5), "câu kết: phải là chữ"),
    (van_ban_nho(dau={"dia_danh": "X"}), "phần đầu › cơ quan ban hành: còn thiếu"),
])
def test_tep_sai_thong_bao_tieng_viet_khong_tao_tep(tmp_path, capsys, noi_dung, trong_thong_bao):
    tep = _tep(tmp_path, noi_dung)
    ra = tmp_path / "ra.docx"
    ma, out, err = _chay(capsys, "render", str(tep), "-o", str(ra))
    assert ma == 2
    assert trong_thong_bao in err
    assert "Traceback" not in err and out == ""
    assert not ra.exists()
    assert list(tmp_path.iterdir()) == [tep]  # không để lại tệp tạm


def test_khong_tim_thay_tep(tmp_path, capsys):
    ma, _, err = _chay(capsys, "render", str(tmp_path / "khong-co.json"))
    assert ma == 2 and "Không tìm thấy tệp" in err


def test_tep_khong_phai_utf8(tmp_path, capsys):
    tep = tmp_path / "bc.json"
    tep.write_bytes(json.dumps(van_ban_nho(), ensure_ascii=False).encode("cp1258", "replace"))
    ma, _, err = _chay(capsys, "render", str(tep))
    assert ma == 2 and "UTF-8" in err


def test_tep_co_bom_cua_notepad(tmp_path, capsys):
    tep = tmp_path / "bc.json"
    tep.write_bytes(b"\xef\xbb\xbf" + json.dumps(van_ban_nho()).encode("utf-8"))
    assert _chay(capsys, "render", str(tep))[0] == 0


def test_ky_tu_xml_khong_chua_duoc_bi_tu_choi(tmp_path, capsys):
    tep = _tep(tmp_path, van_ban_nho(noi_dung=[{"loai": "doan", "noi_dung": "a\x0bb"}]))
    ma, _, err = _chay(capsys, "render", str(tep), "-o", str(tmp_path / "ra.docx"))
    assert ma == 2 and "U+000B" in err and not (tmp_path / "ra.docx").exists()


def test_chu_dac_biet_in_dung_nhu_go(tmp_path, capsys):
    dac_biet = 'A & B <c> "d" \'e\'\tf 🎉 {{ 7*7 }} {% if %} ${x} \\n'
    du_lieu = van_ban_nho(noi_dung=[
        {"loai": "muc", "tieu_de": "Tiêu đề {{ 7*7 }}",
         "noi_dung": [{"loai": "doan",
                       "noi_dung": [dac_biet, {"chu_thich": "<ghi chú & {{x}}>"}]}]}])
    du_lieu["dau"]["trich_yeu"] = "Trích yếu & <b>"
    tep = _tep(tmp_path, du_lieu)
    ra = tmp_path / "ra.docx"
    assert _chay(capsys, "render", str(tep), "-o", str(ra))[0] == 0
    tl = TaiLieuDocx(ra)
    chu = [d.chu for d in tl.cac_doan()]
    assert dac_biet in chu
    assert "I. TIÊU ĐỀ {{ 7*7 }}" in chu
    assert "Trích yếu & <b>" in chu
    assert "49" not in "".join(chu)
    assert tl.chu_thich() == {"1": "<ghi chú & {{x}}>"}


def test_khong_ghi_de_khi_loi_va_ghi_nguyen_tu(tmp_path, monkeypatch):
    dich = tmp_path / "bc.docx"
    dich.write_bytes(b"ban cu")

    class Hong(Exception):
        pass

    def fsync_hong(fd: int) -> None:
        raise Hong

    monkeypatch.setattr("drafter.ghi_tep.os.fsync", fsync_hong)
    with pytest.raises(Hong):
        ghi_nguyen_tu(dich, b"ban moi")
    assert dich.read_bytes() == b"ban cu"
    assert [p.name for p in tmp_path.iterdir()] == ["bc.docx"]


def test_khong_ghi_duoc_thu_muc_dich(tmp_path, capsys):
    tep = _tep(tmp_path, van_ban_nho())
    chan = tmp_path / "la-tep"
    chan.write_text("x", encoding="utf-8")
    ma, _, err = _chay(capsys, "render", str(tep), "-o", str(chan / "ra.docx"))
    assert ma == 1 and "Không ghi được" in err and "Traceback" not in err


def test_demo_va_python_m(tmp_path):
    ra = tmp_path / "mau.docx"
    kq = subprocess.run([sys.executable, "-m", "drafter", "demo", "-o", str(ra)],
                        capture_output=True, text=True, encoding="utf-8", check=False)
    assert kq.returncode == 0, kq.stderr
    assert str(ra.resolve()) in kq.stdout
    assert len(TaiLieuDocx(ra).chu_thich()) == 12


def test_pdf_khi_khong_co_libreoffice(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("drafter.xuat_pdf.tim_libreoffice", lambda: None)
    ma, _, err = _chay(capsys, "demo", "-o", str(tmp_path / "m.docx"), "--pdf")
    assert ma == 0 and "chưa cài LibreOffice" in err
    assert (tmp_path / "m.docx").is_file() and not (tmp_path / "m.pdf").exists()


# ---------------------------------------------------------------- dữ liệu theo biểu mẫu

def _bao_cao_mau() -> dict:
    from drafter.tai_nguyen import tep_mau

    return json.loads(tep_mau("bao-cao-cai-kinh-quy-I-2024.json").read_text(encoding="utf-8"))


def test_validate_mau(capsys):
    from drafter.tai_nguyen import tep_mau

    ma, out, _ = _chay(capsys, "validate", str(tep_mau("bao-cao-cai-kinh-quy-I-2024.json")))
    assert ma == 1  # bản gốc để trống «sổ gốc ... trường hợp»: một lỗ thật
    assert out.splitlines()[-1] == "Tổng kết: 1 lỗi, 6 cảnh báo."
    assert "«4 tháng» — độ dài kỳ không khớp quý I/2024" in out


def test_validate_co_loi_ma_thoat_1(tmp_path, capsys):
    du_lieu = _bao_cao_mau()
    du_lieu["so_lieu"]["trong_rung"]["gia_tri"] = "30"  # các thôn cộng lại 31 ha
    du_lieu["dau"]["ngay"] = None
    ma, out, _ = _chay(capsys, "validate", str(_tep(tmp_path, du_lieu)))
    assert ma == 1
    assert "Lỗi – " in out and "các phần theo thôn cộng lại 31 ha, khác tổng 30 ha" in out
    assert "bản chính thức cần ngày ban hành" in out
    ma, out, _ = _chay(capsys, "validate", "--nhap", str(_tep(tmp_path, du_lieu, "b.json")))
    assert ma == 1 and "ngày ban hành" not in out


def test_render_du_lieu_bieu_mau_loi(tmp_path, capsys):
    """Bản chính thức còn lỗi: mã thoát 1, không ghi tệp. Bản nháp: ghi, in lỗi, mã thoát 0."""
    du_lieu = _bao_cao_mau()
    du_lieu["so_lieu"]["tieu_chi_ntm"]["gia_tri"] = "20"  # 20/19 tiêu chí
    ra = tmp_path / "ra.docx"
    ma, out, err = _chay(capsys, "render", str(_tep(tmp_path, du_lieu)), "-o", str(ra),
                         "--chinh-thuc")
    assert ma == 1 and "x = 20 lớn hơn y = 19" in out and not ra.exists()
    assert "Không có tệp nào được ghi" in err
    ma, out, _ = _chay(capsys, "render", str(_tep(tmp_path, du_lieu)), "-o", str(ra))
    assert ma == 0 and ra.exists() and "x = 20 lớn hơn y = 19" in out
    assert "CHƯA sẵn sàng trình ký: nội dung còn 2 lỗi" in out  # x > y và chỗ «...» của bản gốc


def test_render_du_lieu_bieu_mau(tmp_path, capsys):
    ra = tmp_path / "ra.docx"
    ma, out, _ = _chay(capsys, "render", str(_tep(tmp_path, _bao_cao_mau())), "-o", str(ra))
    assert ma == 0 and "ĐẠT thể thức NĐ 30" in out
    assert "Tiếp nhận là 33 hồ sơ" in "\n".join(d.chu for d in TaiLieuDocx(ra).cac_doan())


def test_phien_ban_du_lieu_la(tmp_path, capsys):
    du_lieu = _bao_cao_mau()
    du_lieu["phien_ban"] = 99
    ma, _, err = _chay(capsys, "render", str(_tep(tmp_path, du_lieu)))
    assert ma == 2 and "phiên bản lược đồ 99" in err


def test_van_ban_dung_san_khong_bao_gio_goi_la_san_sang(tmp_path, capsys):
    """Tệp văn bản dựng sẵn không có số liệu theo biểu mẫu để kiểm: kết luận chỉ nói thể thức,
    không nói «sẵn sàng trình ký»; còn «...» trong tệp thì nói rõ là còn chỗ chưa điền."""
    from drafter.tai_nguyen import tep_mau

    ra = tmp_path / "bt.docx"
    ma, out, _ = _chay(capsys, "render", str(tep_mau("van-ban-binh-trung-6-thang-2023.json")),
                       "-o", str(ra))
    assert ma == 0 and ra.is_file()
    assert "nội dung chưa kiểm (văn bản dựng sẵn" in out and "còn chỗ giữ chưa điền" in out
    assert "— sẵn sàng trình ký" not in out
    # Văn bản đã có số, ngày: không nhắc văn thư cấp số.
    assert "văn thư cấp sau khi ký" not in out


def test_lenh_khong_dung_kho_khong_nap_kho():
    """`drafter demo`, `check`, `render TỆP` không nạp kho SQLite chỉ để dựng bộ phân tích tham
    số (khởi động nhanh hơn): tham số các lệnh kho ở cli_kho_tham_so, chỉ có argparse."""
    import subprocess
    import sys

    ma = ("import sys, drafter.cli as c; c._parser().parse_args(['check', 'x.docx']); "
          "print(sorted(m for m in sys.modules if m.startswith('drafter.kho')))")
    ra = subprocess.run([sys.executable, "-c", ma], capture_output=True, text=True, check=True)
    assert ra.stdout.strip() == "[]"


def test_stderr_khong_doi_ma_duoc_van_chay(capsys, monkeypatch):
    """stdout đổi mã được (UTF-8 cho Windows cũ) mà stderr thì không (luồng chữ trong bộ nhớ
    của chương trình nhúng drafter): lệnh vẫn chạy, không phải lỗi chưa lường trước."""
    import io

    from drafter.tai_nguyen import tep_mau

    loi = io.StringIO()
    monkeypatch.setattr(sys, "stderr", loi)
    ma = cli.main(["validate", str(tep_mau("bao-cao-cai-kinh-quy-I-2024.json"))])
    assert ma == 1  # như test_validate_mau: một lỗi thật của bản gốc
    assert "Tổng kết: 1 lỗi" in capsys.readouterr().out
    assert "Lỗi chưa lường trước" not in loi.getvalue()
