"""Bảng lệnh (Ctrl+P) bằng tiếng Việt; tìm được cả khi gõ không dấu ("xuat" ra "Xuất báo cáo")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.command import DiscoveryHit, Hit, Hits, Provider

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
