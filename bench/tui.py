"""Đo giao diện: thời gian từ lúc chạy đến khi hiện trang chủ, và từ lúc gõ một phím vào ô số
(biểu mẫu quý đã nạp, mục có nhiều chỉ tiêu) đến khi màn hình cập nhật xong câu số liệu:
gõ thêm vào số có sẵn, và trường hợp xấu nhất khi câu và dòng lỗi hiện/ẩn; và thời gian chuyển
sang một mục lớn (từ lúc dàn ý đổi mục đến khi ô đầu của mục hiện xong), lần đầu và lần sau.

    python bench/tui.py [--lan 30]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time

MUC_TIEU_KHOI_DONG_S = 1.0
MUC_TIEU_PHIM_MS = 50

_KHOI_DONG = """
import time
t0 = time.perf_counter()
import asyncio, sys
from drafter.tui.ung_dung import UngDung
from drafter.tui.trang_chu import TrangChu

async def chay():
    app = UngDung(sys.argv[1])
    async with app.run_test(size=(100, 30)) as pilot:
        while not isinstance(app.screen, TrangChu) or not app.screen.query("DataTable"):
            await pilot.pause(0.005)
        await pilot.pause()
        print(time.perf_counter() - t0)

asyncio.run(chay())
"""


async def _do_mot_o(app, pilot, soan, ma: str, so_lan: int, cuoi_o: bool) -> list[float]:
    """Gửi sự kiện phím như bàn phím thật rồi chờ từng nhịp vòng lặp sự kiện tới khi câu số liệu
    dưới ô đổi và màn hình không còn gì chờ vẽ. Phím xen kẽ "7" và xoá lùi."""
    from textual import events

    o = soan.query_one(f"#so-{ma}-gia_tri")
    cau = soan.query_one(f"#cau-{ma}")
    o.focus()
    await pilot.pause()
    if cuoi_o:  # Input chọn cả ô khi được chọn: về cuối để gõ thêm như người dùng
        o.action_end()
        await pilot.pause()
    do = []
    for i in range(so_lan):
        phim, char = ("backspace", None) if i % 2 else ("7", "7")
        truoc = str(cau.render())
        t = time.perf_counter()
        app.post_message(events.Key(phim, char))
        while str(cau.render()) == truoc or soan._dirty_widgets or soan._layout_required:
            await asyncio.sleep(0)
        do.append((time.perf_counter() - t) * 1000)
        await pilot.pause()
    return do


MUC_LON = ("chinh_sach", "y_te", "dau_tu_cong", "tu_phap")


async def _do_chuyen_muc(pilot, soan, ma: str) -> float:
    """Từ lúc con trỏ dàn ý tới mục `ma` đến khi ô đầu của mục đã vẽ và không còn gì chờ."""
    ct = soan.phien.bieu_mau.chi_tieu_cua(ma)[0]
    t = time.perf_counter()
    soan._chon_nut(ma)
    while True:
        await asyncio.sleep(0)
        if soan.ma_muc != ma or getattr(soan, "_dang_dung", False):
            continue
        o = soan.query(f"#so-{ct.ma}-gia_tri")
        if o and o.first().region.height and not soan._dirty_widgets \
                and not soan._layout_required:
            break
    do = (time.perf_counter() - t) * 1000
    await pilot.pause()
    return do


async def do_chuyen_muc(thu_muc: str) -> tuple[list[float], list[float]]:
    """(lần đầu vào mỗi mục lớn, lần thứ hai), mili giây."""
    from drafter.tui.soan import SoanBaoCao
    from drafter.tui.ung_dung import UngDung

    app = UngDung(thu_muc)
    dau, sau = [], []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        soan = app.screen
        assert isinstance(soan, SoanBaoCao)
        for ma in MUC_LON:
            dau.append(await _do_chuyen_muc(pilot, soan, ma))
        for ma in MUC_LON:
            sau.append(await _do_chuyen_muc(pilot, soan, ma))
    return dau, sau


async def do_phim(thu_muc: str, so_lan: int) -> tuple[list[float], list[float], list[float]]:
    """(gõ thêm chữ số vào số có sẵn; gõ đè làm câu và dòng lỗi hiện/ẩn; cả vòng Pilot.press).

    Trường hợp thứ hai là xấu nhất: "7" thay cả ô "99.836.000" rồi xoá thành ô trống, câu số liệu
    hiện/ẩn nên cả biểu mẫu phải tính lại bố cục. Đo Pilot gồm cả các lần chờ rảnh của Pilot
    (cận trên, chậm hơn thật)."""
    from drafter.tui.soan import SoanBaoCao
    from drafter.tui.ung_dung import UngDung

    app = UngDung(thu_muc)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        soan = app.screen
        assert isinstance(soan, SoanBaoCao)
        soan._chon_nut("chinh_sach")  # mục nhiều chỉ tiêu nhất
        await pilot.pause(0.5)
        them = await _do_mot_o(app, pilot, soan, "gao_cuu_doi", so_lan, cuoi_o=True)
        de = await _do_mot_o(app, pilot, soan, "chi_tra_tro_cap", so_lan, cuoi_o=False)
        pilot_do = []
        for i in range(so_lan):
            t = time.perf_counter()
            await pilot.press("backspace" if i % 2 else "7")
            pilot_do.append((time.perf_counter() - t) * 1000)
    return them, de, pilot_do


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--lan", type=int, default=30)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tam:
        subprocess.run([sys.executable, "-c", _KHOI_DONG, tam], check=True,
                       capture_output=True)  # lần đầu: tạo kho, nạp xã mẫu
        khoi_dong = sorted(float(subprocess.run(
            [sys.executable, "-c", _KHOI_DONG, tam], check=True, capture_output=True,
            text=True).stdout.strip()) for _ in range(5))
        them, de, pilot_do = asyncio.run(do_phim(tam, args.lan))
        dau, sau = asyncio.run(do_chuyen_muc(tam))
    print(f"khởi động đến trang chủ: trung vị {statistics.median(khoi_dong):.2f} s, chậm nhất "
          f"{khoi_dong[-1]:.2f} s (mục tiêu < {MUC_TIEU_KHOI_DONG_S} s; 5 lần, kho đã có)")
    print(f"gõ thêm chữ số vào số có sẵn (720 → 7.207 kg) đến khi màn hình cập nhật: trung vị "
          f"{statistics.median(them):.1f} ms, chậm nhất {max(them):.1f} ms "
          f"(mục tiêu < {MUC_TIEU_PHIM_MS} ms; {args.lan} phím)")
    print(f"gõ đè cả ô, câu số liệu hiện/ẩn (xấu nhất): trung vị {statistics.median(de):.1f} ms, "
          f"chậm nhất {max(de):.1f} ms")
    print(f"cùng phím qua Pilot.press (gồm các lần chờ rảnh của Pilot, cận trên): trung vị "
          f"{statistics.median(pilot_do):.1f} ms")
    print(f"chuyển sang mục lớn ({', '.join(MUC_LON)}): lần đầu trung vị "
          f"{statistics.median(dau):.0f} ms, chậm nhất {max(dau):.0f} ms; lần sau trung vị "
          f"{statistics.median(sau):.0f} ms, chậm nhất {max(sau):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
