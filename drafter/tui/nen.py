"""Nền chung của các màn hình: chân trang tiếng Việt (kể cả chữ có sẵn của Textual) và giữ phím
gõ trong lúc màn hình đang mở, để chữ đầu tiên không mất."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from drafter.tui.ung_dung import UngDung

if TYPE_CHECKING:
    from drafter.phien_soan import PhienSoan
    from drafter.phien_tu_do import PhienTuDo

# Mô tả phím có sẵn của Textual 8.2.8 hiện ở chân trang (SelectOverlay, CommandPalette, Link).
# Kiểm thử test_chan_trang_khong_con_chu_tieng_anh soát lại khi đổi phiên bản Textual.
DICH_MO_TA = {
    "Dismiss menu": "Đóng danh sách",
    "Exit the command palette": "Đóng bảng lệnh",
    "Open link": "Mở liên kết",
    "palette": "Lệnh",
    "Quit": "Thoát",
}


class ChanTrang(Footer):
    """Chân trang gọn (vừa 80 cột) và dịch các mô tả phím tiếng Anh có sẵn của Textual."""

    def __init__(self) -> None:
        super().__init__(compact=True)

    def compose(self) -> ComposeResult:
        for w in super().compose():
            if isinstance(w, FooterKey):
                w.description = DICH_MO_TA.get(w.description, w.description)
            yield w


class ManHinh(Screen):
    """Màn hình của drafter. Từ lúc được mở (App.push_screen) tới khi ô đầu nhận con trỏ, App giữ
    các phím gõ lại rồi trao cho ô đó: gõ «58» ngay sau F3 không mất chữ nào."""

    # self.app có kiểu UngDung (kho, xa, giữ phím…), Textual kiểm lúc đọc; màn hình con thừa kế.
    app = getters.app(UngDung)
    giu_phim = False  # App.push_screen đặt True khi đang giữ phím chờ màn hình này

    def on_screen_resume(self) -> None:
        if self.giu_phim:
            self.giu_phim = False
            self.call_after_refresh(self.app.tha_phim)


async def loi_tiep_tu(man_hinh: Screen, tai_day: Callable[[str], None] | None = None) -> None:
    """F8 trên một màn hình khác màn hình soạn (thông tin văn bản, xuất, xem trước): hỏi màn hình
    soạn lỗi tiếp theo. Lỗi của thông tin văn bản mà màn hình này tự sửa được (`tai_day`, nhận
    tên trường) thì đặt con trỏ ngay đây; không thì về màn hình soạn, đúng chỗ sửa."""
    from drafter.tui.soan import SoanBaoCao  # soan nhập module này: nhập lúc dùng

    app = man_hinh.app
    soan = next((m for m in reversed(app.screen_stack) if isinstance(m, SoanBaoCao)), None)
    if soan is None:
        return
    dich = soan.loi_tiep_theo()
    if dich is None:
        man_hinh.notify("Không còn lỗi nào, kể cả với bản chính thức.", markup=False)
        return
    if not dich.ma_muc and tai_day is not None:
        tai_day(dich.truong)
        man_hinh.notify(dich.dong(), markup=False)
        return
    while app.screen is not soan:
        app.pop_screen()
    app.call_later(soan.den_thong_bao, dich)


def luu_hoac_bao(man_hinh: Screen, phien: PhienSoan | PhienTuDo, gop: bool) -> int | None:
    """Lưu phiên soạn; lỗi thì báo trên màn hình và trả None, không văng chương trình: lỗi kho
    đã biết (kho khóa, ổ đầy…) báo nguyên câu, lỗi chưa lường trước thành câu tiếng Việt và
    traceback vào nhật ký lỗi."""
    from drafter.kho import LoiKho

    try:
        return phien.luu(gop=gop)
    except LoiKho as loi:
        man_hinh.notify(str(loi), title="Chưa lưu được", severity="error", markup=False)
    except Exception as loi:
        from drafter.nhat_ky import cau_bao_loi

        man_hinh.notify(cau_bao_loi(loi, "Lưu báo cáo", phien.kho.tep.parent),
                        title="Chưa lưu được", severity="error", markup=False)
    return None
