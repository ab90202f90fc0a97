"""Ô nhập của drafter: sửa lỗi gõ tiếng Việt kiểu Telex, giữ đúng thứ tự phím, ô số kiểu Việt.

UniKey/EVKey gửi "xóa lùi rồi chữ mới" thành một loạt phím liền nhau; trong Textual 8 phím xóa
lùi là một binding nổi bọt lên App nên chạy sau các chữ đi sau nó, và "tiếng" thành "tieên"
(textual#6605). Lớp trộn dưới đây chạy binding không ưu tiên ngay trong ô nhập, giữ đúng thứ tự.
Bỏ đi khi Textual sửa lỗi này (PR #6631).

Cùng lý do, Enter / Tab / ↑ / ↓ chuyển ô ngay trong ô đang gõ: App đã gửi sẵn các phím gõ sau
cho ô cũ, nên phím tới ô không còn con trỏ được gửi lại cho ô mới thay vì rơi vào ô cũ.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Self

from textual import events
from textual.binding import Binding
from textual.geometry import Offset, Region
from textual.strip import Strip
from textual.validation import ValidationResult, Validator
from textual.widget import Widget
from textual.widgets import Input, TextArea

from drafter import vn

# Cho mypy: BindingTaiCho luôn trộn trước một Widget (Input, TextArea, Tree), nên self có đủ
# app, screen, _on_key của Widget. Lúc chạy lớp trộn vẫn chỉ là object như trước.
if TYPE_CHECKING:
    _LopNen = Widget
else:
    _LopNen = object


class BindingTaiCho(_LopNen):
    """Chạy binding (không ưu tiên) của phím không in được ngay tại ô đang nhận con trỏ, đúng
    thứ tự phím: binding của chính ô, rồi của màn hình, của App (như Textual tìm, nhưng không
    đợi phím nổi bọt lên App trong khi các phím gõ sau đã vào ô). Phím tới khi ô đã mất con trỏ
    (một phím trước đó vừa chuyển ô, mở màn hình khác) được gửi lại cho App để tới ô đang nhận
    con trỏ, không rơi vào ô cũ."""

    # Phím chính widget tự xử lý trong _on_key, không qua binding (TextArea: Enter xuống dòng).
    PHIM_TU_XU_LY: frozenset[str] = frozenset()

    async def _on_key(self, event: events.Key) -> None:
        if self.app.screen is not self.screen or self.screen.focused is not self:
            event.stop()
            event.prevent_default()
            self.app.post_message(events.Key(event.key, event.character))
            return
        if not event.is_printable and event.key not in self.PHIM_TU_XU_LY:
            for noi, bindings in self.screen._modal_binding_chain:
                for binding in bindings.key_to_bindings.get(event.key, []):
                    # Binding ưu tiên App đã chạy trước khi gửi phím tới đây.
                    if not binding.priority and await self.app.run_action(
                            binding.action, noi):
                        event.stop()
                        event.prevent_default()
                        return
        await super()._on_key(event)


class ONhap(BindingTaiCho, Input):
    """Ô nhập chữ (gõ Telex đúng thứ tự). Tab, ↓: ô sau; Shift+Tab, ↑: ô trước; Enter: màn hình
    quyết định (`enter_tren_o`), không thì gửi Submitted như Input."""

    BINDINGS = [
        Binding("tab,down", "o_sau", "Ô sau", show=False),
        Binding("shift+tab,up", "o_truoc", "Ô trước", show=False),
    ]
    _dang_doi_chu = False

    def _watch_value(self, value: str) -> None:
        # Input đặt lại virtual_size mỗi phím gõ, kéo theo tính lại bố cục cả màn hình (hàng chục
        # mili giây ở mục lớn). Ô có bề rộng cố định cuộn chữ bên trong, không đổi bố cục: bỏ
        # yêu cầu bố cục đó (ô có bề rộng tự co giãn thì vẫn để Textual tính lại).
        self._dang_doi_chu = not self.styles.auto_dimensions
        try:
            super()._watch_value(value)
        finally:
            self._dang_doi_chu = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Self:
        return super().refresh(*regions, repaint=repaint,
                               layout=layout and not self._dang_doi_chu, recompose=recompose)

    def action_o_sau(self) -> None:
        self.screen.focus_next()

    def action_o_truoc(self) -> None:
        self.screen.focus_previous()

    async def action_submit(self) -> None:
        xu_ly = getattr(self.screen, "enter_tren_o", None)
        if xu_ly is not None and xu_ly(self):
            return
        await super().action_submit()


def o_co_nhan(ma: str, nhan: str, gia_tri: str, *, classes: str | None = None,
              restrict: str | None = None) -> ONhap:
    """Ô chữ có nhãn trên viền (màn hình thông tin văn bản, thiết lập)."""
    o = ONhap(gia_tri, id=ma, classes=classes, restrict=restrict)
    o.border_title = nhan
    return o


class VungVanBan(BindingTaiCho, TextArea):
    """Vùng nhập đoạn văn (gõ Telex đúng thứ tự). Tab / Shift+Tab ra ô sau / ô trước."""

    PHIM_TU_XU_LY = frozenset({"enter"})

    BINDINGS = [
        Binding("tab", "o_sau", "Ô sau", show=False),
        Binding("shift+tab", "o_truoc", "Ô trước", show=False),
    ]

    def action_o_sau(self) -> None:
        self.screen.focus_next()

    def action_o_truoc(self) -> None:
        self.screen.focus_previous()


class KiemSoViet(Validator):
    """Số gõ kiểu Việt: 1.312.259.000; 96,1. Thông báo lỗi tiếng Việt của vn.doc_so."""

    def __init__(self, cho_phep_phan_tram: bool = False) -> None:
        super().__init__()
        self.phan_tram = cho_phep_phan_tram

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            vn.doc_so(value, cho_phep_phan_tram=self.phan_tram)
        except vn.LoiNhapSo as loi:
            return self.failure(str(loi))
        return self.success()


def chu_so_hien(gia_tri: str, phan_tram: bool = False) -> str:
    """Chữ hiện trong ô số: số đúng viết như sẽ in (182.450.000), số gõ sai giữ nguyên."""
    return vn.viet_lai_so(gia_tri, phan_tram) or gia_tri


class OSo(ONhap):
    """Ô số: chữ số nằm sát phải như trên giấy; rời ô thì số viết lại như sẽ in (182450000 →
    182.450.000); vào ô (kể cả bằng chuột) là chọn cả số, gõ là thay.

    Nhận mọi chữ: gõ nhầm «1.O45» được giữ nguyên và đánh dấu kèm lý do (kiểm tra của lõi), không
    âm thầm bỏ chữ «O» thành «1.45». Không dùng kiểu «number» của Input vì kiểu đó âm thầm bỏ dấu
    chấm thứ hai và dấu phẩy (1.234.567 thành 1.234567)."""

    def __init__(self, value: str = "", phan_tram: bool = False, *, id: str | None = None,
                 classes: str | None = None, compact: bool = False) -> None:
        super().__init__(value=chu_so_hien(value, phan_tram), validators=[KiemSoViet(phan_tram)],
                         id=id, classes=classes, compact=compact)
        self.phan_tram = phan_tram
        self._luc_vao = 0.0

    # ------------------------------------------------------------ số sát phải

    def _le_trai(self) -> int:
        """Số ô trống bên trái để số (và chỗ con trỏ cuối số) nằm sát mép phải."""
        if not self.value or not self.size.width:
            return 0  # chưa có chỗ trên màn hình (đang dựng): tìm vùng lúc này tốn kém, vô ích
        return max(0, self.size.width - self.content_width)

    def render_line(self, y: int) -> Strip:
        dong = super().render_line(y)
        le = self._le_trai()
        if y or not le:
            return dong
        return Strip.join([Strip.blank(le, self.rich_style), dong]).crop(0, dong.cell_length)

    @property
    def cursor_screen_offset(self) -> Offset:
        # Con trỏ thật của terminal (bộ gõ đặt chữ ở đó) theo số đã dời sang phải.
        x, y = super().cursor_screen_offset
        return Offset(x + self._le_trai(), y)

    def _cell_offset_to_index(self, offset: int) -> int:
        return super()._cell_offset_to_index(offset - self._le_trai())

    # ------------------------------------------------------------ vào ô, rời ô

    def _on_focus(self, _: events.Focus) -> None:
        self._luc_vao = time.monotonic()

    async def _on_mouse_down(self, event: events.MouseDown) -> None:
        # Bấm chuột để vào ô: chọn cả số như khi vào bằng phím (không đặt con trỏ giữa số, gõ
        # lại thành «168.500.00091.000»). Bấm lần nữa khi đang ở trong ô: đặt con trỏ như thường.
        if time.monotonic() - self._luc_vao < 0.4:
            event.prevent_default()
            self.select_all()

    def _on_blur(self, _: events.Blur) -> None:
        chu = vn.viet_lai_so(self.value, self.phan_tram)
        if chu is not None and chu != self.value:
            self.value = chu
