"""Ứng dụng Textual của drafter: trang chủ, soạn, thông tin văn bản, xem trước, xuất, thiết lập.

Mọi chữ trên màn hình bằng tiếng Việt, kể cả phần có sẵn của Textual (thoát, bảng lệnh).

Màn hình với tới UngDung (kho, xã, giữ phím…) qua `self.app` có kiểu: lớp khai báo
`app = getters.app(UngDung)` (cách của Textual; ManHinh đã khai báo sẵn cho mọi màn hình con
của nó). Module này vì vậy chỉ nhập các màn hình lúc cần, không ở đầu tệp (vòng nhập).
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar, overload

from textual import events
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen, ScreenResultCallbackType
from textual.timer import Timer
from textual.widget import AwaitMount

from drafter.kho import Kho, LoiKho
from drafter.ky_bao_cao import Ky
from drafter.tui.lenh import BangLenh, Lenh, LenhDrafter

_KetQua = TypeVar("_KetQua")  # kết quả màn hình trả về khi đóng (dismiss)

GIU_PHIM_TOI_DA_GIAY = 1.5  # giữ phím chờ màn hình / mục mở xong lâu nhất chừng này


# App[object] như kiểu Textual dùng cho mọi App (CommandPalette.is_open…): drafter không trả
# giá trị khi thoát.
class UngDung(App[object], inherit_bindings=False):
    TITLE = "drafter — soạn báo cáo UBND xã"
    CSS_PATH = "ung_dung.tcss"
    COMMANDS = {LenhDrafter}
    BINDINGS = [
        # Không ưu tiên: Ctrl+Q đi sau các chữ số gõ ngay trước nó (qua ô đang gõ), nên thoát lưu
        # đủ cả những chữ đó. Không ô nhập nào của Textual dùng Ctrl+Q.
        Binding("ctrl+q", "quit", "Thoát", id="thoat"),
        # Chân trang tự hiện "^p Lệnh" ở góc phải: không hiện lần thứ hai. Không ưu tiên (như
        # Ctrl+Q): chữ gõ ngay trước Ctrl+P vào ô đang gõ, không rơi vào ô tìm của bảng lệnh.
        Binding("ctrl+p", "command_palette", "Lệnh", id="bang-lenh", show=False),
        Binding("ctrl+c", "help_quit", show=False, priority=True),
    ]

    def __init__(self, thu_muc: Path | str | None = None, kho: Kho | None = None, *,
                 thu_muc_xuat: Path | None = None, cho_luu_giay: float = 0.6) -> None:
        """thu_muc_xuat: thư mục mặc định ở màn hình xuất (trống: Documents\\drafter);
        cho_luu_giay: tự lưu sau khi ngừng gõ chừng này giây (kiểm thử đặt ngắn để khỏi chờ)."""
        super().__init__()
        self.kho = kho or Kho.mo(thu_muc)
        self.xa = self.kho.xa_mac_dinh()
        self.thu_muc_xuat = thu_muc_xuat
        self.cho_luu_giay = cho_luu_giay
        self._phim_giu: list[events.Key] = []
        self._so_lan_giu = 0
        self._hen_tha: Timer | None = None

    # ------------------------------------------------------------ giữ phím khi đang chuyển

    def giu_phim(self) -> None:
        """Từ giờ tới tha_phim (màn hình đang mở, mục đang dựng), phím gõ vào được giữ lại rồi
        trao đúng thứ tự cho ô nhận con trỏ sau đó, thay vì rơi vào màn hình chưa có ô nào."""
        self._so_lan_giu += 1
        if self._hen_tha is not None:
            self._hen_tha.stop()
        # Phòng lỗi lập trình: không bao giờ nuốt phím mãi.
        self._hen_tha = self.set_timer(GIU_PHIM_TOI_DA_GIAY, self._tha_het)

    def tha_phim(self) -> None:
        self._so_lan_giu = max(0, self._so_lan_giu - 1)
        if not self._so_lan_giu:
            if self._hen_tha is not None:
                self._hen_tha.stop()
                self._hen_tha = None
            if self._phim_giu:
                self.call_later(self._xa_phim)

    def _tha_het(self) -> None:
        self._so_lan_giu = 1
        self.tha_phim()

    async def _xa_phim(self) -> None:
        while self._phim_giu and not self._so_lan_giu:
            await super().on_event(self._phim_giu.pop(0))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and (
                self._so_lan_giu or self._phim_giu):
            self._phim_giu.append(event)
            return
        await super().on_event(event)

    # Cùng chữ ký với App.push_screen (hai dạng theo wait_for_dismiss).
    if TYPE_CHECKING:
        @overload
        def push_screen(self, screen: Screen[_KetQua] | str,
                        callback: ScreenResultCallbackType[_KetQua] | None = None,
                        wait_for_dismiss: Literal[False] = False, *,
                        mode: str | None = None) -> AwaitMount: ...

        @overload
        def push_screen(self, screen: Screen[_KetQua] | str,
                        callback: ScreenResultCallbackType[_KetQua] | None = None,
                        wait_for_dismiss: Literal[True] = True, *,
                        mode: str | None = None) -> asyncio.Future[_KetQua]: ...

    def push_screen(self, screen: Screen[_KetQua] | str,
                    callback: ScreenResultCallbackType[_KetQua] | None = None,
                    wait_for_dismiss: bool = False, *,
                    mode: str | None = None) -> AwaitMount | asyncio.Future[_KetQua]:
        self._giu_phim_cho(screen)
        if wait_for_dismiss:
            return super().push_screen(screen, callback, True, mode=mode)
        return super().push_screen(screen, callback, False, mode=mode)

    def switch_screen(self, screen: Screen | str) -> AwaitComplete:
        self._giu_phim_cho(screen)
        return super().switch_screen(screen)

    def _giu_phim_cho(self, screen: Screen | str) -> None:
        from drafter.tui.nen import ManHinh

        if isinstance(screen, ManHinh):
            screen.giu_phim = True
            self.giu_phim()

    def on_mount(self) -> None:
        from drafter.tui.trang_chu import TrangChu

        self.push_screen(TrangChu())

    def on_unmount(self) -> None:
        self.kho.dong()

    # ------------------------------------------------------------ các phần có sẵn của Textual

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(BangLenh(placeholder="Tìm lệnh (gõ không dấu cũng được)…",
                                      id="--command-palette"))

    async def action_quit(self) -> None:
        """Thoát không bao giờ hỏi lưu: chữ trong ô đang gõ được ghi vào báo cáo, mọi phiên soạn
        đang mở được lưu nốt rồi mới đóng."""
        for man_hinh in self.screen_stack:
            ghi = getattr(man_hinh, "ghi_o_dang_go", None)
            if ghi is not None:
                ghi()
            phien = getattr(man_hinh, "phien", None)
            if phien is not None and phien.da_thay_doi:
                try:
                    phien.luu("lưu khi thoát")
                except LoiKho as loi:
                    self.notify(str(loi), title="Chưa lưu được", severity="error", markup=False)
                    return
        self.exit()

    # ------------------------------------------------------------ lỗi chưa lường trước

    def _handle_exception(self, error: Exception) -> None:
        """Lỗi chưa lường trước làm ứng dụng dừng (cách của Textual): trước đó lưu nốt các phiên
        soạn đang mở; thay traceback bằng một câu tiếng Việt, traceback vào nhật ký lỗi."""
        self._loi_chua_luong = error
        for man_hinh in self.screen_stack:
            phien = getattr(man_hinh, "phien", None)
            if phien is not None and phien.da_thay_doi:
                with contextlib.suppress(Exception):
                    phien.luu("lưu khi chương trình gặp lỗi")
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        from rich.text import Text

        from drafter.nhat_ky import cau_bao_loi

        loi = getattr(self, "_loi_chua_luong", None) or RuntimeError("không rõ")
        cau = cau_bao_loi(loi, "Giao diện drafter", self.kho.tep.parent)
        self.bell()
        self._exit_renderables.append(
            Text(f"{cau} Những gì đã gõ trước đó đã được lưu vào kho."))
        self._close_messages_no_wait()

    def action_help_quit(self) -> None:
        self.notify("Nhấn Ctrl+Q để thoát. Mọi thay đổi đã được tự động lưu.", markup=False)

    def get_system_commands(self, screen: Screen):
        # Thoát từ bảng lệnh cũng qua action_quit: lưu nốt chữ vừa gõ chưa kịp tự lưu.
        yield SystemCommand("Thoát", "Đóng drafter (mọi thay đổi đã được lưu)", self.action_quit)
        yield SystemCommand("Trang chủ", "Danh sách báo cáo", self.ve_trang_chu)

    def cac_lenh_chung(self) -> list[Lenh]:
        return [Lenh("Về trang chủ", "Danh sách báo cáo", self.ve_trang_chu),
                Lenh("Thoát chương trình", "Ctrl+Q (đã tự động lưu)", self.action_quit)]

    # ------------------------------------------------------------ điều hướng

    def ve_trang_chu(self) -> None:
        from drafter.tui.trang_chu import TrangChu

        while not isinstance(self.screen, TrangChu) and len(self.screen_stack) > 1:
            self.pop_screen()

    def mo_bao_cao(self, ky: Ky, xuat_ngay: bool = False, ma_muc: str | None = None) -> None:
        from drafter.phien_soan import PhienSoan
        from drafter.tui.soan import SoanBaoCao

        bc = self.kho.tim_bao_cao(self.xa.id, ky.ma)
        if bc is not None and bc.loai == "tu_do":  # văn bản tự do nhập từ Word
            from drafter.tui.van_ban_tu_do import mo_van_ban_tu_do

            mo_van_ban_tu_do(self, ky, xuat_ngay)
            return
        try:
            phien = PhienSoan.mo(self.kho, self.xa.id, ky)
        except LoiKho as loi:
            self.notify(str(loi), title="Không mở được", severity="error", markup=False)
            return
        man_hinh = SoanBaoCao(phien, ma_muc)
        self.push_screen(man_hinh)
        if xuat_ngay:
            self.call_after_refresh(man_hinh.action_xuat)

    def tao_ky_moi(self, ky: Ky, thay_the: bool = False, ma_bieu_mau: str | None = None) -> None:
        """Tạo báo cáo kỳ `ky` (quý: chép từ kỳ trước; 6/9 tháng, năm: gộp các quý, theo biểu mẫu
        `ma_bieu_mau` nếu có; kế hoạch năm: từ kế hoạch năm trước). Kỳ đã có báo cáo thì hỏi
        trước; tạo lại thì bản cũ vẫn còn trong các phiên bản."""
        from drafter.chuyen_ky import tao_bao_cao
        from drafter.tui.trang_chu import DanhSachThayDoi
        from drafter.tui.xuat import XacNhan

        da_co = self.kho.tim_bao_cao(self.xa.id, ky.ma)
        if da_co is not None and not thay_the:
            self.push_screen(
                XacNhan(f"Đã có báo cáo {ky.ten_gon} (phiên bản {da_co.so_phien_ban}). Tạo lại "
                        "từ đầu? Bản đang có vẫn giữ trong các phiên bản, khôi phục được.",
                        co="Tạo lại", khong="Không, giữ bản đang có"),
                lambda dong_y: self.tao_ky_moi(ky, True, ma_bieu_mau) if dong_y else None)
            return
        try:
            bao_cao, thay_doi = tao_bao_cao(self.kho, self.xa.id, ky, thay_the=thay_the,
                                            ma_bieu_mau=ma_bieu_mau)
            self.kho.luu(self.xa.id, bao_cao, "tạo lại, thay bản trước" if da_co else
                         "tạo từ kế hoạch năm trước" if ky.la_ke_hoach else
                         "tạo từ báo cáo kỳ trước")
        except LoiKho as loi:
            self.notify(str(loi), title="Chưa tạo được", severity="error", markup=False)
            return
        self.push_screen(DanhSachThayDoi(f"Đã tạo {'' if ky.la_ke_hoach else 'báo cáo '}"
                                         f"{ky.ten_gon}",
                                         [t.dong() for t in thay_doi]),
                         lambda _: self.mo_bao_cao(ky))


def chay(thu_muc: Path | str | None = None) -> int:
    """Mở giao diện. Kho hỏng/khóa (LoiKho) để lớp dòng lệnh báo bằng tiếng Việt."""
    UngDung(thu_muc).run()
    return 0
