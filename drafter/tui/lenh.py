"""Bảng lệnh (Ctrl+P) bằng tiếng Việt; tìm được cả khi gõ không dấu ("xuat" ra "Xuất báo cáo")."""

from __future__ import annotations

import re
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
    chi_khi_tim: bool = False  # không liệt kê khi ô tìm còn trống (mục, chỉ tiêu: cả trăm dòng)


def diem_khop(tu_khoa: str, ten: str) -> float:
    """Điểm khớp 0–1 không phân biệt dấu, cao nhất trước: cả cụm có trong tên (ở đầu tên, hay
    đầu phần sau «Mục: », «Chỉ tiêu: »: 1,0; chỗ khác 0,8); mỗi chữ gõ là đầu một từ của tên, theo
    thứ tự (0,7: «thu ngan» ra «thu - chi ngân sách»); các chữ cái có lần lượt trong tên (tối đa
    0,5, càng liền nhau càng cao)."""
    goc, tim = bo_dau(ten), " ".join(bo_dau(tu_khoa).split())
    if not tim:
        return 0.0
    than = goc.split(": ", 1)[-1]
    if than.startswith(tim) or goc.startswith(tim):
        return 1.0
    if tim in goc:
        return 0.8
    tu = re.findall(r"\w+", goc)
    j = 0
    for chu in tim.split():
        while j < len(tu) and not tu[j].startswith(chu):
            j += 1
        if j == len(tu):
            break
        j += 1
    else:
        return 0.7
    # Các chữ cái lần lượt: tìm khúc ngắn nhất chứa đủ, điểm theo độ liền.
    tim = tim.replace(" ", "")
    tot: int | None = None
    for dau in (k for k, c in enumerate(goc) if c == tim[0]):
        i, k = 0, dau
        while k < len(goc) and i < len(tim):
            if goc[k] == tim[i]:
                i += 1
            k += 1
        if i == len(tim) and (tot is None or k - dau < tot):
            tot = k - dau
    return 0.0 if tot is None else 0.5 * len(tim) / tot


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
        # Nhập lúc dùng: ung_dung nhập module này (bảng lệnh của UngDung).
        from drafter.tui.ung_dung import UngDung

        ra: list[Lenh] = []
        lay = getattr(self.screen, "cac_lenh", None)
        if callable(lay):
            ra += lay()
        app = self.app
        assert isinstance(app, UngDung)  # Provider không có getters.app như màn hình
        ra += app.cac_lenh_chung()
        return ra

    async def discover(self) -> Hits:
        for lenh in self._cac_lenh():
            if not lenh.chi_khi_tim:
                yield DiscoveryHit(lenh.ten, lenh.hanh_dong, help=lenh.giai_thich)

    async def search(self, query: str) -> Hits:
        for lenh in self._cac_lenh():
            diem = diem_khop(query, lenh.ten)
            if diem > 0:
                yield Hit(diem, lenh.ten, lenh.hanh_dong, help=lenh.giai_thich)
