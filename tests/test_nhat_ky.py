"""Lỗi chưa lường trước: người dùng thấy một câu tiếng Việt, traceback nằm trong nhật ký lỗi ở
thư mục dữ liệu (để gửi cho người hỗ trợ), không bao giờ in ra màn hình."""

from __future__ import annotations

from drafter import cli
from drafter.nhat_ky import TEN_TEP, cau_bao_loi


def test_dong_lenh_loi_chua_luong_thanh_cau_tieng_viet(tmp_path, capsys, monkeypatch):
    def hong(_args):
        raise ZeroDivisionError("lỗi thử")

    monkeypatch.setattr(cli, "_check", hong)
    ma = cli.main(["--data-dir", str(tmp_path), "check", "x.docx"])
    err = capsys.readouterr().err
    assert ma == cli.THOAT_LOI_CHUONG_TRINH
    assert "Traceback" not in err and "ZeroDivisionError" in err
    assert "Lệnh drafter không thành" in err and str(tmp_path / TEN_TEP) in err
    nhat_ky = (tmp_path / TEN_TEP).read_text(encoding="utf-8")
    assert "Traceback" in nhat_ky and "lỗi thử" in nhat_ky and "in hong" in nhat_ky


def test_nhat_ky_khong_lon_mai(tmp_path):
    (tmp_path / TEN_TEP).write_text("x" * 1_200_000, encoding="utf-8")
    try:
        raise ValueError("mới")
    except ValueError as loi:
        cau_bao_loi(loi, "Thử", tmp_path)
    chu = (tmp_path / TEN_TEP).read_text(encoding="utf-8")
    assert len(chu) < 700_000 and "ValueError: mới" in chu


async def test_giao_dien_loi_chua_luong_luu_roi_bao_tieng_viet(tmp_path):
    """Lỗi trong giao diện: phiên soạn đang mở được lưu, thông báo khi thoát là câu tiếng Việt
    chứ không phải traceback của Textual, traceback vào nhật ký."""
    from drafter.kho import Kho
    from drafter.tui.ung_dung import UngDung
    from tests.pilot_cho import cho

    app = UngDung(tmp_path)
    try:
        async with app.run_test() as pilot:
            await cho(pilot, lambda: app.screen.query("DataTable"))
            app.mo_bao_cao(__import__("drafter.ky_bao_cao").ky_bao_cao.Ky.doc("2024-Q1"))
            await cho(pilot, lambda: getattr(app.screen, "phien", None) is not None)
            app.screen.phien.dat_so("dien_tich_gieo_trong", "gia_tri", "149")

            def hong() -> None:
                raise KeyError("lỗi thử giao diện")

            app.call_later(hong)
            await pilot.pause(0.3)
    except KeyError:
        pass  # Pilot ném lại lỗi cho khung kiểm thử
    assert "lỗi thử giao diện" in (tmp_path / TEN_TEP).read_text(encoding="utf-8")
    with Kho.mo(tmp_path) as kho:
        bc = kho.doc(kho.xa_mac_dinh().id, "2024-Q1")
        assert bc.so_lieu["dien_tich_gieo_trong"].gia_tri == "149"


def test_loi_thoat_cua_giao_dien_la_cau_tieng_viet(tmp_path):
    """_fatal_error (Textual gọi khi ứng dụng dừng vì lỗi) để lại một câu tiếng Việt, không phải
    Traceback của rich."""
    from rich.text import Text

    from drafter.tui.ung_dung import UngDung

    app = UngDung(tmp_path)
    app._loi_chua_luong = ValueError("thử")
    app._close_messages_no_wait = lambda: None  # chưa chạy: không có hàng đợi để đóng
    app._fatal_error()
    (ra,) = app._exit_renderables
    assert isinstance(ra, Text) and str(ra).startswith("Giao diện drafter không thành")
    assert "Traceback" not in str(ra) and str(tmp_path / TEN_TEP) in str(ra)
    app.kho.dong()
