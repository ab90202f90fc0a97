"""Xem trước: cả văn bản như sẽ in — đề mục với số đã đánh, đoạn văn, dấu chú thích [1] và các
chú thích liệt kê cuối — cuộn được, mở ra ở đúng mục đang soạn."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from drafter import vn
from drafter.bieu_mau.dung_van_ban import dung, tieu_de_muc
from drafter.danh_so import duyet
from drafter.ghi_docx.cuoi import dong_chu_ky, dong_noi_nhan, ket_thuc_bang_dau_het
from drafter.phien_soan import PhienSoan
from drafter.tui.lenh import Lenh
from drafter.tui.nen import ChanTrang, ManHinh, loi_tiep_tu
from drafter.van_ban import Bang, ChuThich, Doan, DoanVan, VanBan


def cac_dong(van_ban: VanBan) -> tuple[list[tuple[Text, str]], list[Text]]:
    """(các đoạn kèm lớp CSS, các chú thích) để hiện trên màn hình."""
    chu_thich: list[Text] = []

    def noi_dung(phan, dam: bool = False) -> Text:
        t = Text()
        for x in phan:
            if isinstance(x, str):
                t.append(x, style="bold" if dam else "")
            elif isinstance(x, Doan):
                kieu = " ".join(k for k, co in (("bold", x.dam or dam), ("italic", x.nghieng),
                                                ("black on yellow", x.to_sang)) if co)
                t.append(x.chu, style=kieu)
            elif isinstance(x, ChuThich):
                chu_thich.append(Text(f"[{len(chu_thich) + 1}] ") + noi_dung(x.chu_thich))
                t.append(f"[{len(chu_thich)}]", style="bold reverse")
        return t

    dau = van_ban.dau
    ra: list[tuple[Text, str]] = [
        (Text(" / ".join(dau.co_quan_ban_hanh), style="bold"), "dau"),
        (Text(vn.so_ky_hieu(dau.so, dau.ky_hieu)), "dau"),
        (Text(vn.dia_danh_ngay(dau.dia_danh, dau.ngay, dau.nam), style="italic"), "dau"),
        (Text(vn.viet_hoa(dau.ten_loai), style="bold"), "giua"),
        (Text(dau.trich_yeu, style="bold"), "giua"),
    ]
    nhan_cho = None
    for m in duyet(van_ban.noi_dung, van_ban.danh_so):
        if m.de_muc is not None:
            tieu_de = m.de_muc.muc.tieu_de
            if tieu_de is None:
                nhan_cho = m.de_muc.nhan
                continue
            t = Text(m.de_muc.nhan + " ", style="bold") + noi_dung(tieu_de, dam=m.de_muc.cap
                                                                    != "chu")
            if m.de_muc.cap in ("la_ma", "chu_hoa", "phan", "phan_thu"):
                t = Text(t.plain.upper(), style="bold")
            ra.append((t, f"de-muc cap-{m.de_muc.cap}"))
        elif isinstance(m.nut, DoanVan):
            dau_dong = {"gach": "- ", "cong": "+ "}.get(m.nut.dau_dong or "", "")
            t = Text((nhan_cho + " ") if nhan_cho else "") + Text(dau_dong) + noi_dung(
                m.nut.noi_dung)
            nhan_cho = None
            ra.append((t, "doan"))
        elif isinstance(m.nut, Bang):
            for hang in m.nut.hang:
                ra.append((Text(" | ").join(noi_dung(o) for o in hang), "doan"))
    ra.append((Text(ket_thuc_bang_dau_het(van_ban.cau_ket)), "doan"))
    ra.append((Text("Nơi nhận:", style="bold italic"), "cuoi"))
    ra += [(Text(d), "cuoi") for d in dong_noi_nhan(van_ban)]
    ra += [(Text(d, style="bold"), "ky") for d in dong_chu_ky(van_ban.chu_ky)]
    ra.append((Text(van_ban.chu_ky.ho_ten or "(chưa có họ tên người ký)", style="bold"), "ky"))
    return ra, chu_thich


class XemTruoc(ManHinh):
    BINDINGS = [Binding("escape", "quay_lai", "Quay lại soạn", id="quay-lai"),
                Binding("f5", "quay_lai", "Quay lại", show=False),
                Binding("f8", "loi_tiep", "Lỗi tiếp", id="loi-tiep")]

    def __init__(self, phien: PhienSoan, ma_muc: str | None = None) -> None:
        super().__init__()
        self.phien = phien
        self.ma_muc = ma_muc

    def compose(self) -> ComposeResult:
        van_ban = dung(self.phien.bieu_mau, self.phien.bao_cao)
        dong, chu_thich = cac_dong(van_ban)
        with VerticalScroll(id="xem-truoc"):
            for i, (t, lop) in enumerate(dong):
                yield Static(t, classes=lop, id=f"d{i}")
            if chu_thich:
                yield Static(Text("Chú thích", style="bold underline"), classes="de-muc")
                for t in chu_thich:
                    yield Static(t, classes="chu-thich")
        yield ChanTrang()

    def on_mount(self) -> None:
        self.query_one("#xem-truoc").focus()
        if self.ma_muc:
            self.call_after_refresh(self._den_muc)

    def _den_muc(self) -> None:
        """Cuộn tới mục đang soạn. Mục không có đề mục riêng (de_muc = false, như «Chăn nuôi -
        Thú y») in thành đoạn mở đầu bằng tên mục trong thân mục cha: tìm đề mục của mục cha
        gần nhất, rồi đoạn đầu tiên sau đó có tên mục."""
        theo_ma = self.phien.bieu_mau.muc_theo_ma()
        muc = theo_ma.get(self.ma_muc or "")
        if muc is None:
            return
        chuoi = [muc]
        while chuoi[-1].cha and not chuoi[-1].de_muc:
            chuoi.append(theo_ma[chuoi[-1].cha])
        dong = list(self.query("#xem-truoc > Static").results(Static))
        tu = 0
        for m in reversed(chuoi):
            ten = tieu_de_muc(self.phien.bao_cao, m).upper()
            if not ten:
                continue
            la_de_muc = m.de_muc
            for i in range(tu, len(dong)):
                o = dong[i]
                if la_de_muc != o.has_class("de-muc"):
                    continue
                if ten in str(o.render()).upper():
                    tu = i
                    break
        if tu:
            khung = self.query_one("#xem-truoc", VerticalScroll)
            khung.scroll_to_widget(dong[tu], top=True, animate=False)
            # Lần bố cục đầu chưa đủ chiều cao các đoạn dài (cửa sổ thật chậm hơn kiểm thử):
            # cuộn lại một lần khi bố cục đã xong.
            self.set_timer(0.2, lambda: khung.scroll_to_widget(dong[tu], top=True,
                                                               animate=False))

    def action_quay_lai(self) -> None:
        self.app.pop_screen()

    async def action_loi_tiep(self) -> None:
        await loi_tiep_tu(self)

    def cac_lenh(self) -> list[Lenh]:
        return [Lenh("Quay lại soạn báo cáo", "Esc", self.action_quay_lai)]
