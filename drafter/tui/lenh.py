"""Bảng lệnh (Ctrl+P) bằng tiếng Việt; tìm được cả khi gõ không dấu ("xuat" ra "Xuất báo cáo")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from drafter.vn import bo_dau


@dataclass(frozen=True)
class Lenh:
    ten: str
    giai_thich: str
    hanh_dong: Callable[[], object]


def diem_khop(tu_khoa: str, ten: str) -> float:
    """Điểm khớp 0–1 không phân biệt dấu: các chữ của từ khóa xuất hiện lần lượt trong tên."""
    goc, tim = bo_dau(ten), bo_dau(tu_khoa).strip()
    if not tim:
        return 0.0
    if tim in goc:
        return 1.0 if goc.startswith(tim) else 0.8
    i = 0
    for c in goc:
        if i < len(tim) and c == tim[i]:
            i += 1
    return 0.5 * i / len(tim) if i == len(tim) else 0.0


class BangLenh(CommandPalette):
    """Bảng lệnh của Textual với câu "không tìm thấy" bằng tiếng Việt.

    Textual 8.2.8 viết cứng "No matches found" trong một hàm lồng: chép lại hàm đó (phiên bản
    Textual được ghim, có kiểm thử soát chữ tiếng Anh trong ảnh chụp màn hình)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def _hien_khong_thay() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text("Không tìm thấy lệnh nào", style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _hien_khong_thay)


class LenhDrafter(Provider):
    """Lệnh lấy từ màn hình đang mở (mỗi màn hình khai báo `cac_lenh()`) và của ứng dụng."""

    def _cac_lenh(self) -> list[Lenh]:
        ra: list[Lenh] = []
        lay = getattr(self.screen, "cac_lenh", None)
        if callable(lay):
            ra += lay()
        ra += self.app.cac_lenh_chung()  # type: ignore[attr-defined]
        return ra

    async def discover(self) -> Hits:
        for lenh in self._cac_lenh():
            yield DiscoveryHit(lenh.ten, lenh.hanh_dong, help=lenh.giai_thich)

    async def search(self, query: str) -> Hits:
        for lenh in self._cac_lenh():
            diem = diem_khop(query, lenh.ten)
            if diem > 0:
                yield Hit(diem, lenh.ten, lenh.hanh_dong, help=lenh.giai_thich)
