"""Ảnh chụp màn hình (pytest-textual-snapshot) của các màn hình chính ở cỡ cố định, và soát
chữ tiếng Anh còn sót trong ảnh chụp.

Tạo lại ảnh sau khi đổi giao diện có chủ ý: pytest tests/test_tui_anh.py --snapshot-update
(xem snapshot_report.html trước khi chấp nhận)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from drafter.kho import csdl
from drafter.tui.ung_dung import UngDung

CO = (100, 30)
CO_NHO = (80, 24)
THU_MUC_ANH = Path(__file__).parent / "__snapshots__" / "test_tui_anh"


@pytest.fixture
def ung_dung(tmp_path, monkeypatch):
    # Giờ lưu và máy có LibreOffice hay không đều hiện trên màn hình: cố định cho ảnh ổn định.
    monkeypatch.setattr(csdl, "bay_gio", lambda: "2024-04-20T08:00:00")
    monkeypatch.setattr("drafter.xuat_pdf.tim_libreoffice", lambda: None)
    app = UngDung(tmp_path / "kho")
    app.thu_muc_xuat = Path("ra")
    return app


async def _tat_nhay(pilot) -> None:
    for w in pilot.app.screen.query("Input, TextArea"):
        w.cursor_blink = False
    await pilot.pause()


def _phim(*phim: str):
    async def chay(pilot) -> None:
        await pilot.pause()
        # Kho mẫu có cả quý I, II/2025 của Cai Kinh (trước khi hợp vào xã minh họa Hợp Mẫu):
        # các ảnh chụp hành trình quý I/2024 như trước.
        ds = pilot.app.screen.query("DataTable")  # chỉ ở trang chủ
        if ds:
            bang = ds.first()
            bang.move_cursor(row=bang.get_row_index("2024-Q1"))
            await pilot.pause()
        for p in phim:
            await pilot.press(p)
            await pilot.pause(0.3)
        await _tat_nhay(pilot)

    return chay


def test_anh_trang_chu(snap_compare, ung_dung):
    assert snap_compare(ung_dung, terminal_size=CO, run_before=_phim())


def test_anh_soan_bao_cao(snap_compare, ung_dung):
    assert snap_compare(ung_dung, terminal_size=CO, run_before=_phim("enter"))


def test_anh_thong_tin_van_ban(snap_compare, ung_dung):
    assert snap_compare(ung_dung, terminal_size=CO, run_before=_phim("enter", "f3"))


def test_anh_xem_truoc(snap_compare, ung_dung):
    assert snap_compare(ung_dung, terminal_size=CO, run_before=_phim("enter", "f5"))


def test_anh_xuat(snap_compare, ung_dung):
    assert snap_compare(ung_dung, terminal_size=CO, run_before=_phim("enter", "f9"))


def test_anh_bang_lenh(snap_compare, ung_dung):
    assert snap_compare(ung_dung, terminal_size=CO, run_before=_phim("enter", "ctrl+p"))


# Cửa sổ 80×24 (máy văn phòng cũ): soạn ở mục có số tiền 13 chữ số và ô đang gõ (nhãn in đảo,
# viền đậm), thông tin văn bản, xuất.


async def _soan_ngan_sach(pilot) -> None:
    await _phim("enter")(pilot)
    soan = pilot.app.screen
    await soan.den_muc("ngan_sach")
    await _phim("tab")(pilot)


def test_anh_soan_80x24(snap_compare, ung_dung):
    assert snap_compare(ung_dung, terminal_size=CO_NHO, run_before=_soan_ngan_sach)


def test_anh_thong_tin_van_ban_80x24(snap_compare, ung_dung):
    assert snap_compare(ung_dung, terminal_size=CO_NHO, run_before=_phim("enter", "f3"))


def test_anh_xuat_80x24(snap_compare, ung_dung):
    assert snap_compare(ung_dung, terminal_size=CO_NHO, run_before=_phim("enter", "f9"))


TU_TIENG_ANH = ["Select", "palette", "Search for", "Quit", "Keys", "No matches", "Screenshot",
                "Theme", "Cancel", "Submit", "Save", "Loading", "Help", "Close", "Delete",
                "Dismiss", "menu", "Exit", "Open link", "Show", "Toggle", "Maximize", "Minimize"]


def test_anh_khong_con_chu_tieng_anh():
    anh = sorted(THU_MUC_ANH.glob("*.svg"))
    assert len(anh) >= 9, "chưa có ảnh chụp: chạy pytest --snapshot-update"
    for tep in anh:
        chu = html.unescape(re.sub(r"<[^>]+>", "", tep.read_text(encoding="utf-8")))
        chu = chu.replace("\u00a0", " ")
        for tu in TU_TIENG_ANH:
            assert not re.search(rf"\b{re.escape(tu)}\b", chu), f"«{tu}» trong {tep.name}"
