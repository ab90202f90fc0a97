"""Hành trình của người làm báo cáo chỉ dùng bàn phím, ở cửa sổ 80×24: tạo báo cáo quý II
từ quý I (F4), rồi điền 20 số ở 5 mục (trồng trọt, chăn nuôi, lâm nghiệp, ngân sách, y tế),
đếm từng phím. Mỗi số phải nằm đúng ô của đúng chỉ tiêu, và không ô nào khác đổi.

Người gõ nhìn màn hình như người thật: muốn sang mục khác thì ra dàn ý, tới mục bằng mũi tên
hay gõ chữ đầu tên mục (cách nào ít phím hơn), Enter; trong mục điền từ trên xuống theo thứ tự ô
trên màn hình, dùng phím «sang ô» mà giao diện đang có cho tới khi con trỏ ở đúng ô cần gõ.
Giao diện cũ (trước issue 12) không có phím ra dàn ý, không gõ tìm mục, Enter không đi tiếp:
chỉ mũi tên, Tab và Shift+Tab; chạy được trên cả hai để so trước / sau.

    python bench/journey.py

Dòng cuối: «N phím cho M ô (K phím điều hướng mỗi ô)», K = số phím ngoài các chữ số đã gõ,
chia cho số ô.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CO = (80, 24)
# (mục, chỉ tiêu, ô, chữ gõ) theo thứ tự một người điền báo cáo quý II.
DICH: list[tuple[str, str, str, str]] = [
    ("trong_trot", "dien_tich_gieo_trong", "gia_tri", "152"),
    ("trong_trot", "cay_luong_thuc", "gia_tri", "95"),
    ("trong_trot", "lua_xuan", "gia_tri", "60"),
    ("trong_trot", "ngo_xuan", "gia_tri", "33"),
    ("chan_nuoi", "dan_trau", "gia_tri", "320"),
    ("chan_nuoi", "dan_bo", "gia_tri", "33"),
    ("chan_nuoi", "dan_lon", "gia_tri", "230"),
    ("chan_nuoi", "dan_gia_cam", "gia_tri", "5.400"),
    ("lam_nghiep", "trong_rung", "gia_tri", "12"),
    ("lam_nghiep", "trong_rung", "ke_hoach", "50"),
    ("lam_nghiep", "khai_thac_go", "gia_tri", "8"),
    ("lam_nghiep", "khoi_luong_go", "gia_tri", "640"),
    ("ngan_sach", "thu_ngan_sach", "gia_tri", "1.312.259.000"),
    ("ngan_sach", "thu_ngan_sach", "du_toan_xa", "2.500.000.000"),
    ("ngan_sach", "chi_ngan_sach", "gia_tri", "1.180.450.000"),
    ("ngan_sach", "thu_bo_sung_can_doi", "gia_tri", "980.000.000"),
    ("y_te", "luot_kham", "gia_tri", "1.250"),
    ("y_te", "dieu_tri_noi_tru", "gia_tri", "14"),
    ("y_te", "tre_tiem_du", "gia_tri", "38"),
    ("y_te", "phu_nu_tiem_uon_van", "gia_tri", "21"),
]
TOI_DA_PHIM_MOI_O = 80  # chặn vòng lặp nếu giao diện không đưa được tới ô


@dataclass
class KetQua:
    phim: list[str] = field(default_factory=list)
    so_o: int = 0
    phim_gia_tri: int = 0  # số phím là chữ của các giá trị
    giay: float = 0.0

    @property
    def dieu_huong_moi_o(self) -> float:
        return (len(self.phim) - self.phim_gia_tri) / self.so_o

    def dong_cuoi(self) -> str:
        k = f"{self.dieu_huong_moi_o:.2f}".replace(".", ",")
        return f"{len(self.phim)} phím cho {self.so_o} ô ({k} phím điều hướng mỗi ô)"


class _Nguoi:
    """Bấm phím qua Pilot, đếm, và chờ giao diện yên (dựng mục, đổi con trỏ) sau mỗi phím."""

    def __init__(self, pilot, kq: KetQua) -> None:
        self.pilot, self.kq = pilot, kq

    async def bam(self, *phim: str) -> None:
        for p in phim:
            self.kq.phim.append(p)
            await self.pilot.press(p)
            await self.cho_yen()

    async def cho_yen(self) -> None:
        """Pilot.press đã chờ hàng đợi rảnh; còn chờ mục dựng xong / chuyển mục xong."""
        app = self.pilot.app
        for _ in range(300):
            soan = app.screen
            if not getattr(soan, "_dang_dung", False) and not getattr(soan, "dang_chuyen", False):
                return
            await self.pilot.pause(0.01)


def _muc_cua_nut(cay) -> str | None:
    nut = cay.cursor_node
    return nut.data if nut is not None else None


def _thu_tu_muc(soan) -> list[str]:
    return [m.ma for m in soan.phien.bieu_mau.muc]


def _go_tat(cay, ma_muc: str) -> str | None:
    """Chữ đầu tên mục ngắn nhất đưa dàn ý từ mục đang chọn tới `ma_muc` (giao diện mới có gõ
    chữ đầu tên mục trên dàn ý); None nếu không có cách gõ nào tới được."""
    if not hasattr(cay, "tim_theo_chu"):
        return None
    ten = cay.ten_tim.get(ma_muc, "")
    nut = cay.cursor_node
    for k in range(1, len(ten) + 1):
        go = ten[:k]
        if not go.strip() or go[-1] == " ":
            continue
        # Gõ lần lượt từng chữ như người thật: mỗi chữ tìm tiếp từ chỗ chữ trước đưa tới.
        tu = nut
        for i in range(1, k + 1):
            toi = cay.tim_theo_chu(go[:i], tu if i == 1 else cay._nut_truoc(tu))
            tu = toi or tu
        if tu is not None and tu.data == ma_muc:
            return go
    return None


async def _den_muc(nguoi: _Nguoi, ma_muc: str) -> None:
    """Đưa màn hình soạn tới mục `ma_muc`, con trỏ trong biểu mẫu của mục."""
    from textual.widgets import Tree

    app = nguoi.pilot.app
    moi = hasattr(app.screen, "dich_enter")  # giao diện có mô hình phím của issue 12
    for _ in range(TOI_DA_PHIM_MOI_O):
        soan = app.screen
        o = app.focused
        cay = soan.query_one(Tree)
        if soan.ma_muc == ma_muc and o is not None and not isinstance(o, Tree):
            return
        if isinstance(o, Tree):
            muc = _muc_cua_nut(cay)
            assert muc is not None, "dàn ý không có dòng nào đang chọn"
            if muc == ma_muc and soan.ma_muc == ma_muc:
                await nguoi.bam("enter")
                continue
            tt = _thu_tu_muc(soan)
            xa = abs(tt.index(ma_muc) - tt.index(muc))
            go = _go_tat(cay, ma_muc)
            if go is not None and len(go) < xa:
                await nguoi.bam(*go)
                cay._luc_go = 0.0  # như người gõ ngừng tay: lần gõ sau tìm lại từ đầu
            else:
                await nguoi.bam("down" if tt.index(ma_muc) > tt.index(muc) else "up")
            continue
        if moi:
            den = soan.dich_enter(o)
            await nguoi.bam("enter" if den is not None and den[0] == ma_muc else "escape")
        else:
            await nguoi.bam("shift+tab")  # giao diện cũ: lùi dần tới dàn ý
    raise AssertionError(f"không tới được mục {ma_muc} sau {TOI_DA_PHIM_MOI_O} phím")


async def _den(nguoi: _Nguoi, ma: str, truong: str) -> None:
    """Đưa con trỏ tới ô `so-{ma}-{truong}` của mục đang hiện: Enter nếu nó không vượt quá ô
    cần tới (giao diện mới), không thì Tab / Shift+Tab."""
    app = nguoi.pilot.app
    dich = f"so-{ma}-{truong}"
    moi = hasattr(app.screen, "dich_enter")
    for _ in range(TOI_DA_PHIM_MOI_O):
        soan = app.screen
        o = app.focused
        if o is not None and o.id == dich:
            return
        if not _truoc(soan, o.id or "", dich):
            await nguoi.bam("shift+tab")
        elif moi and (den := soan.dich_enter(o)) is not None and den[0] == soan.ma_muc \
                and _truoc(soan, den[1], dich, bang=True):
            await nguoi.bam("enter")
        else:
            await nguoi.bam("tab")
    raise AssertionError(f"không tới được ô {dich} sau {TOI_DA_PHIM_MOI_O} phím")


def _thu_tu_o(soan) -> list[str]:
    """Các ô nhận con trỏ của biểu mẫu đang hiện, theo thứ tự trên màn hình."""
    khung = getattr(soan, "khung", None) or soan.query_one("#bieu-mau")
    return [w.id for w in khung.query("*") if w.focusable and w.id]


def _truoc(soan, ma_o: str, dich: str, bang: bool = False) -> bool:
    """Ô `ma_o` đứng trước ô `dich` trong biểu mẫu đang hiện (bang: hoặc chính là nó)."""
    thu_tu = _thu_tu_o(soan)
    if ma_o not in thu_tu or dich not in thu_tu:
        return ma_o != dich
    return thu_tu.index(ma_o) < thu_tu.index(dich) or (bang and ma_o == dich)


async def hanh_trinh(thu_muc: Path) -> KetQua:
    from drafter.tui.soan import SoanBaoCao
    from drafter.tui.ung_dung import UngDung

    kq = KetQua()
    app = UngDung(thu_muc)
    t0 = time.perf_counter()
    async with app.run_test(size=CO) as pilot:
        nguoi = _Nguoi(pilot, kq)
        await pilot.pause()
        await nguoi.bam("f4")  # tạo kỳ mới: gợi ý sẵn quý II/2024
        await nguoi.bam("enter")
        await pilot.pause(0.3)
        await nguoi.bam("enter")  # đóng danh sách thay đổi, vào soạn
        await pilot.pause(0.3)
        soan = app.screen
        assert isinstance(soan, SoanBaoCao) and soan.phien.ky.ma == "2024-Q2", soan
        truoc = {ma: s.model_dump() for ma, s in soan.phien.bao_cao.so_lieu.items()}
        muc_lan_luot = list(dict.fromkeys(m for m, *_ in DICH))
        for ma_muc in muc_lan_luot:
            await _den_muc(nguoi, ma_muc)
            # Trong một mục, người gõ điền từ trên xuống theo thứ tự ô trên màn hình.
            thu_tu = _thu_tu_o(soan)
            cac = sorted((d for d in DICH if d[0] == ma_muc),
                         key=lambda d: thu_tu.index(f"so-{d[1]}-{d[2]}"))
            for _, ma, truong, chu in cac:
                await _den(nguoi, ma, truong)
                await nguoi.bam(*chu)
                kq.phim_gia_tri += len(chu)
                kq.so_o += 1
        kq.giay = time.perf_counter() - t0
        # Mỗi số nằm đúng ô của đúng chỉ tiêu; không ô nào khác đổi.
        so_lieu = soan.phien.bao_cao.so_lieu
        mong = {(ma, truong): chu for _, ma, truong, chu in DICH}
        for (ma, truong), chu in mong.items():
            gia_tri = getattr(so_lieu[ma], truong)
            assert gia_tri == chu, f"{ma}.{truong}: {gia_tri!r}, mong {chu!r}"
        # Chỉ tiêu chưa có trong báo cáo trước hành trình: so với ô trống (giá trị mặc định).
        trong = type(next(iter(so_lieu.values())))().model_dump()
        for ma, s in so_lieu.items():
            for truong, gia_tri in s.model_dump().items():
                if (ma, truong) in mong or truong == "phan_con":
                    continue
                cu = truoc.get(ma, trong).get(truong)
                assert gia_tri == cu, f"{ma}.{truong} đổi ngoài ý muốn: {cu!r} → {gia_tri!r}"
    return kq


def main() -> int:
    with tempfile.TemporaryDirectory() as tam:
        kq = asyncio.run(hanh_trinh(Path(tam)))
    print(f"phím: {' '.join(kq.phim)}")
    print(f"thời gian cả hành trình (Pilot, gồm chờ): {kq.giay:.1f} s")
    print(kq.dong_cuoi())
    return 0


if __name__ == "__main__":
    sys.exit(main())
