"""Ô nhập của drafter: sửa lỗi gõ tiếng Việt kiểu Telex và ô số kiểu Việt.

UniKey/EVKey gửi "xóa lùi rồi chữ mới" thành một loạt phím liền nhau; trong Textual 8 phím xóa
lùi là một binding nổi bọt lên App nên chạy sau các chữ đi sau nó, và "tiếng" thành "tieên"
(textual#6605). Lớp trộn dưới đây chạy binding không ưu tiên ngay trong ô nhập, giữ đúng thứ tự.
Bỏ đi khi Textual sửa lỗi này (PR #6631).
"""

from __future__ import annotations

from textual import events
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, TextArea

from drafter import vn


class _BindingTaiCho:
    """Chạy binding (không ưu tiên) của phím không in được ngay tại ô nhập, đúng thứ tự phím."""

    async def _on_key(self, event: events.Key) -> None:
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, []):  # type: ignore[attr-defined]
                if not binding.priority:
                    event.stop()
                    event.prevent_default()
                    await self.run_action(binding.action)  # type: ignore[attr-defined]
                    return
        await super()._on_key(event)  # type: ignore[misc]


class ONhap(_BindingTaiCho, Input):
    """Ô nhập chữ (gõ Telex đúng thứ tự)."""


def o_co_nhan(ma: str, nhan: str, gia_tri: str, **kw: object) -> ONhap:
    """Ô chữ có nhãn trên viền (màn hình thông tin văn bản, thiết lập)."""
    o = ONhap(gia_tri, id=ma, **kw)  # type: ignore[arg-type]
    o.border_title = nhan
    return o


class VungVanBan(_BindingTaiCho, TextArea):
    """Vùng nhập đoạn văn (gõ Telex đúng thứ tự)."""


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


class OSo(ONhap):
    """Ô số: chỉ nhận chữ số, dấu chấm, dấu phẩy, dấu trừ, %; không dùng Input(type="number")
    vì kiểu đó âm thầm bỏ dấu chấm thứ hai và dấu phẩy (1.234.567 thành 1.234567)."""

    def __init__(self, value: str = "", phan_tram: bool = False, **kw: object) -> None:
        super().__init__(value=value, restrict=r"[0-9., %\-−]*",
                         validators=[KiemSoViet(phan_tram)], **kw)  # type: ignore[arg-type]
