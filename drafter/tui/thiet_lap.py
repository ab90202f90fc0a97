"""Thiết lập: hồ sơ xã, Nơi nhận thường dùng, người ký thường dùng, kế hoạch năm từng chỉ tiêu."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Static

from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
from drafter.sap_nhap import NGAY_BO_CAP_HUYEN
from drafter.tui.lenh import Lenh
from drafter.tui.nen import ChanTrang, ManHinh
from drafter.tui.o_nhap import OSo, VungVanBan, o_co_nhan

BIEU_MAU_MAC_DINH = "kt-xh-quy-xa"


class ThietLap(ManHinh):
    BINDINGS = [Binding("f2", "luu", "Lưu", id="luu"),
                Binding("f7", "nam_khac(-1)", "Năm trước", id="nam-truoc"),
                Binding("f8", "nam_khac(1)", "Năm sau", id="nam-sau"),
                Binding("escape", "quay_lai", "Lưu và quay lại", id="quay-lai")]

    def __init__(self, nam: int | None = None) -> None:
        super().__init__()
        self.nam = nam or date.today().year

    def compose(self) -> ComposeResult:
        xa = self.app.xa
        ke_hoach = self.app.kho.ke_hoach(xa.id, self.nam)
        # Kế hoạch cộng từ các xã cũ chưa ai xem: ghi ngay trên ô; lưu (F2) là đã xem.
        xem_lai = self.app.kho.ke_hoach_xem_lai(xa.id, self.nam)
        muc_tieu = self.app.kho.muc_tieu_nam(xa.id, self.nam)
        nguon = {d.ma + {"ke_hoach": "", "du_toan_cap_tren": ".du_toan_huyen",
                         "du_toan_xa": ".du_toan_xa"}.get(d.muc_tieu.co_so, "."): d
                 for d in muc_tieu}

        def ghi_nguon(khoa: str) -> str:
            """Mỗi chỉ tiêu nói nó từ đâu ra: kế hoạch năm đã lưu, gõ ở đây, các xã cũ."""
            d = nguon.get(khoa)
            if d is None:
                return ""
            chu = {"ke_hoach": f" — từ kế hoạch năm {self.nam}", "go_tay": " — gõ ở Thiết lập",
                   "xa_cu": " — tổng các xã cũ"}.get(d.nguon, "")
            return chu + (", xem lại" if khoa in xem_lai else "")
        with VerticalScroll(id="thiet-lap"):
            yield Static("Hồ sơ xã", classes="tieu-de-muc")
            with Horizontal(classes="hang-o"):
                yield o_co_nhan("ten", "Tên xã", xa.ten)
                yield o_co_nhan("huyen", "Huyện", xa.huyen)
                yield o_co_nhan("tinh", "Tỉnh", xa.tinh)
            with Horizontal(classes="hang-o"):
                yield o_co_nhan("co_quan_ban_hanh", "Cơ quan ban hành (các dòng cách bằng «;»)",
                              "; ".join(xa.co_quan_ban_hanh))
                yield o_co_nhan("dia_danh", "Địa danh", xa.dia_danh)
                yield o_co_nhan("ky_hieu", "Ký hiệu", xa.ky_hieu)
            yield Label("Nơi nhận thường dùng (mỗi dòng một nơi):", classes="nhan")
            yield VungVanBan("\n".join(xa.noi_nhan), id="noi_nhan", classes="vung-ngan")
            yield Static("Người ký thường dùng", classes="tieu-de-muc")
            with Horizontal(classes="hang-o"):
                yield o_co_nhan("chu_ky_quyen_han", "TM. / KT. …",
                                xa.chu_ky.get("quyen_han", "TM."))
                yield o_co_nhan("chu_ky_co_quan", "Thay mặt / chức vụ",
                                xa.chu_ky.get("co_quan_hoac_chuc_vu", "ỦY BAN NHÂN DÂN"))
                yield o_co_nhan("chu_ky_ho_ten", "Họ và tên", xa.chu_ky.get("ho_ten", ""))
            yield Static(f"Kế hoạch năm {self.nam} (dùng cho mọi báo cáo của năm)",
                         classes="tieu-de-muc", markup=False)
            # Chỉ tiêu theo biểu mẫu của báo cáo mới nhất của xã (xã mới: biểu mẫu mặc định).
            cac = [b for b in self.app.kho.cac_bao_cao(xa.id)
                   if not b.ky_bao_cao.la_ke_hoach]
            ma_bm = cac[0].bieu_mau if cac else BIEU_MAU_MAC_DINH
            bieu_mau = doc_bieu_mau(ma_bm)
            for ct in bieu_mau.chi_tieu:
                if "ke_hoach" in ct.so_sanh:
                    o = OSo(ke_hoach.get(ct.ma, ""), id=f"kh-{ct.ma}", classes="o-ke-hoach")
                    o.border_title = f"{ct.ten} ({ct.don_vi or ct.don_vi_tien})" + ghi_nguon(
                        ct.ma)
                    yield o
                if "du_toan" in ct.so_sanh:
                    # Dự toán năm 2026 trở đi do tỉnh giao (không còn cấp huyện).
                    tren = "tỉnh" if self.nam > NGAY_BO_CAP_HUYEN.year else "huyện"
                    for loai, ten in (("du_toan_huyen", f"dự toán {tren} giao"),
                                      ("du_toan_xa", "dự toán xã giao")):
                        o = OSo(ke_hoach.get(f"{ct.ma}.{loai}", ""), id=f"kh-{ct.ma}--{loai}",
                                classes="o-ke-hoach")
                        o.border_title = f"{ct.ten}: {ten} (đồng)" + ghi_nguon(
                            f"{ct.ma}.{loai}")
                        yield o
            # Chỉ tiêu có kiểu hay cơ sở khác (trở lên, khoảng, giảm, mốc; Nghị quyết, cấp trên,
            # điều hành): sửa trong kế hoạch năm; ở đây chỉ cho thấy và nói nguồn.
            khac = [d for d in muc_tieu if d.muc_tieu.kieu != "muc"
                    or d.muc_tieu.co_so not in ("ke_hoach", "du_toan_cap_tren", "du_toan_xa")]
            if khac:
                from drafter.muc_tieu import chu_muc_tieu_go

                viet = bieu_mau.cach_viet
                ct_theo_ma = bieu_mau.chi_tieu_theo_ma()
                yield Static("Chỉ tiêu có kiểu, cơ sở khác (sửa trong kế hoạch năm):",
                             classes="nhan", markup=False)
                for d in khac:
                    ct_khac = ct_theo_ma.get(d.ma)
                    mt = d.muc_tieu
                    tu = (f"từ kế hoạch năm {self.nam}" if d.nguon == "ke_hoach"
                          else "tổng các xã cũ" if d.nguon == "xa_cu" else "gõ tay")
                    yield Static(f"• {ct_khac.ten if ct_khac else d.ma}: "
                                 f"{chu_muc_tieu_go(mt, ct_khac.don_vi if ct_khac else '')} "
                                 f"({viet.ten_co_so(mt.co_so)}) — {tu}"
                                 f"{', xem lại' if mt.xem_lai else ''}", markup=False,
                                 id=f"mt-khac-{d.ma}-{mt.co_so}")
        yield ChanTrang()

    def enter_tren_o(self, _: Input) -> bool:
        self.focus_next()  # Enter như Tab: sang ô sau
        return True

    def _gia_tri(self, ma: str) -> str:
        return self.query_one(f"#{ma}", Input).value.strip()

    def action_luu(self) -> None:
        kho, xa = self.app.kho, self.app.xa
        xa.ten = self._gia_tri("ten") or xa.ten
        xa.huyen, xa.tinh = self._gia_tri("huyen"), self._gia_tri("tinh")
        xa.co_quan_ban_hanh = [d.strip() for d in self._gia_tri("co_quan_ban_hanh").split(";")
                               if d.strip()]
        xa.dia_danh, xa.ky_hieu = self._gia_tri("dia_danh"), self._gia_tri("ky_hieu") or "BC-UBND"
        xa.noi_nhan = [d.strip().removeprefix("- ").rstrip(";.") for d in
                       self.query_one("#noi_nhan", VungVanBan).text.splitlines() if d.strip()]
        xa.chu_ky = {"quyen_han": self._gia_tri("chu_ky_quyen_han"),
                     "co_quan_hoac_chuc_vu": self._gia_tri("chu_ky_co_quan"),
                     # Màn hình này không sửa chức vụ: giữ chức vụ đã có (PHÓ CHỦ TỊCH khi KT.).
                     "chuc_vu": xa.chu_ky.get("chuc_vu") or ["CHỦ TỊCH"],
                     "ho_ten": self._gia_tri("chu_ky_ho_ten")}
        kho.luu_xa(xa)
        ke_hoach = {}
        for o in self.query(".o-ke-hoach").results(OSo):
            ma = (o.id or "").removeprefix("kh-").replace("--", ".")
            ke_hoach[ma] = o.value.strip() or None
        kho.dat_ke_hoach(xa.id, self.nam, ke_hoach)
        self.notify("Đã lưu thiết lập.", markup=False)

    def action_nam_khac(self, buoc: int) -> None:
        """Lưu rồi mở kế hoạch của năm trước / năm sau."""
        self.action_luu()
        self.app.switch_screen(ThietLap(self.nam + buoc))

    def action_quay_lai(self) -> None:
        self.action_luu()
        self.app.pop_screen()

    def cac_lenh(self) -> list[Lenh]:
        return [Lenh("Lưu thiết lập", "F2", self.action_luu),
                Lenh("Quay lại trang chủ", "Esc", self.action_quay_lai)]
