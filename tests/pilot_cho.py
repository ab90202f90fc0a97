"""Chờ theo sự kiện trong kiểm thử Pilot: chờ tới khi điều kiện đúng (màn hình đã đổi, ô đã nhận
chữ, đã tự lưu…) thay vì đoán trước bao nhiêu giây. Máy bận thì chờ lâu hơn, máy rảnh thì xong
ngay; không phép thử nào đúng hay sai theo tốc độ máy."""

from __future__ import annotations

from collections.abc import Callable

TOI_DA_GIAY = 20.0  # đủ cho máy CI hai lõi đang bận; hết giờ mà chưa đúng là lỗi thật


async def cho(pilot, dieu_kien: Callable[[], object], toi_da: float = TOI_DA_GIAY) -> None:
    for _ in range(int(toi_da / 0.02)):
        if dieu_kien():
            return
        await pilot.pause(0.02)
    assert dieu_kien(), "quá thời gian chờ"


async def sang(pilot, phim: str, lop: type):
    """Nhấn phím chuyển màn hình, chờ màn hình mới đúng loại hiện ra, trả về nó."""
    await pilot.press(phim)
    await cho(pilot, lambda: isinstance(pilot.app.screen, lop))
    return pilot.app.screen
