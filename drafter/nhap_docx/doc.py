"""Đọc một báo cáo, kế hoạch Word bất kỳ thành văn bản của drafter (mô hình van_ban.py).

Phần đầu (cơ quan, Số, địa danh và ngày, tên loại, trích yếu, dòng dưới trích yếu, căn cứ,
Kính gửi) và phần cuối (câu kết, Nơi nhận, người ký) nhận ra dù nằm trong bảng không viền,
trong khung chữ, hay là đoạn văn có tab chia hai cột; thân văn bản dựng thành cây ở than.py.
Mọi đoạn có chữ đều được giữ: chỗ nào không đặt được vào đúng thành phần thì thành đoạn văn và
được liệt kê kèm vị trí (ChoChuaDat).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from drafter import nd30
from drafter.kiem_tra.bo_cuc import gon, la_quoc_hieu
from drafter.kiem_tra.doc_docx import Doan, TaiLieuDocx, w
from drafter.loai_van_ban import loai_cua, ten_cac_loai
from drafter.loi_tieng_viet import cac_loi
from drafter.nhap_docx.danh_so_word import SoTuDong
from drafter.nhap_docx.ket_qua import ChoChuaDat, KetQuaDoc, LoaiChuaDat, ThongKe, gom
from drafter.nhap_docx.noi_dung import (
    BoChuyen,
    Manh,
    bo_khoang_trang_dau,
    bo_nhan,
    cac_doan_chu_thich,
    cac_manh,
    chu_cua,
    mo_dau_bang_sao_dam,
)
from drafter.van_ban import ChuKy, ChuThich, DauVanBan, DoanVan, VanBan, loai_ten_ngan

CHO_TRONG = "…"  # chỗ để trống cho trường bắt buộc không tìm thấy; check báo «chữ giữ chỗ»

_SO = re.compile(r"^Số\s*[:.]?\s*(?P<so>\d{0,5})\s*/\s*(?P<kh>\S.*?)\s*$", re.I)
_NGAY = re.compile(r"^(?P<dia>[^,]{1,80}),\s*ngày\s*(?P<d>\d{1,2})?\s*(?:/|tháng)\s*"
                   r"(?P<m>\d{1,2})?\s*(?:/|năm)\s*(?P<y>\d{4})\s*\.?$", re.I)
_NGAY_LONG = re.compile(r",\s*ngày\b.{0,40}?\btháng\b.{0,40}?\bnăm\b")
_KY_HIEU = re.compile(r"[A-ZĐ][A-ZĐa-z0-9]*(-[A-ZĐ0-9][A-ZĐa-z0-9]*)+")
_NOI_NHAN = re.compile(r"^\W{0,3}Nơi\s+nhận\s*[:.]?", re.I)
_QUYEN_HAN = re.compile(r"^(TM|KT|Q|TL|TUQ)\s*\.\s*(.+)$")
_GIU_CHO_CHU_KY = re.compile(r"^\(\s*(đã ký|ký|chữ ký|ký tên|ký,|ký và)[^)]*\)?$", re.I)
_TAB_COT = re.compile(r"\t+")
_KHUNG_CHU = w("txbxContent")


@dataclass
class Khoi:
    """Một khối của thân văn bản: một đoạn, hoặc một bảng cấp cao nhất với các đoạn của nó."""

    doan: list[Doan]
    bang: int | None = None

    @property
    def dau(self) -> Doan:
        return self.doan[0]


@dataclass
class Dong:
    """Một dòng của phần đầu hay phần cuối: cả đoạn, một dòng (xuống dòng tay) hay một cột
    (tab) của đoạn; cot 0 bên trái, 1 bên phải, None chưa rõ."""

    chu: str
    doan: Doan
    cot: int | None
    dam: bool


def doc_docx(duong_dan: Path | str) -> KetQuaDoc:
    """Đọc tệp .docx; tệp không đọc được ném LoiDocTep (câu tiếng Việt)."""
    return DocVanBan(TaiLieuDocx(duong_dan)).doc()


class DocVanBan:
    def __init__(self, tl: TaiLieuDocx) -> None:
        self.tl = tl
        self.ds = list(tl.cac_doan())
        self.chua_dat: list[ChoChuaDat] = []
        self.thieu: list[str] = []
        self.tk = ThongKe()
        self._nguon_chu_thich = cac_doan_chu_thich(tl)
        # Số chú thích như người đọc thấy (thứ tự dấu trong thân), không phải mã trong tệp.
        self.so_chu_thich = {ma: i + 1 for i, ma in
                             enumerate(dict.fromkeys(tl.tham_chieu_chu_thich()))}
        self._chu_thich: dict[str, ChuThich | None] = {}
        self.chuyen = BoChuyen(self.chu_thich)
        # Nhãn số tự động của Word, tính theo thứ tự đọc cho mọi đoạn (kể cả trong bảng).
        so_tu_dong = SoTuDong(tl, tl.numbering)
        self.nhan_tu_dong: dict[int, str] = {}
        if so_tu_dong.co:
            for d in self.ds:
                nhan = so_tu_dong.nhan(d.el, d.kieu_id)
                if nhan is not None:
                    self.nhan_tu_dong[id(d)] = nhan
        self.tk.so_tu_dong = len(self.nhan_tu_dong)
        self._dau_het = True

    # ------------------------------------------------------------ tiện ích

    def bao(self, d: Doan | None, ly_do: str, chu: str | None = None, noi: str = "",
            loai: LoaiChuaDat = "chua_dat") -> None:
        trich = chu if chu is not None else (self.chu(d) if d is not None else "")
        trich = " ".join(trich.split())
        if len(trich) > 50:
            trich = trich[:49].rstrip() + "…"
        self.chua_dat.append(ChoChuaDat((d.so_thu_tu,) if d is not None else (), ly_do, trich,
                                        noi, loai))

    def chu(self, d: Doan) -> str:
        """Chữ của đoạn như hiện trên trang: kèm nhãn số tự động của Word nếu có."""
        nhan = self.nhan_tu_dong.get(id(d))
        return f"{nhan} {d.chu}" if nhan else d.chu

    def manh(self, d: Doan) -> list[Manh]:
        ra = cac_manh(self.tl, d)
        nhan = self.nhan_tu_dong.get(id(d))
        if nhan:
            ra.insert(0, Manh(nhan + " "))
        return ra

    def chu_thich(self, ma: str) -> ChuThich | None:
        """Chú thích thật theo mã, dựng một lần (dấu chú thích lặp lại dùng chung)."""
        if ma in self._chu_thich:
            return self._chu_thich[ma]
        doan = self._nguon_chu_thich.get(ma)
        ct = None
        if doan is not None:
            cac = [self._doan_chu_thich(d) for d in doan]
            cac = [c for c in cac if c.noi_dung]
            if len(cac) == 1 and cac[0].dau_dong is None:
                ct = ChuThich(chu_thich=cac[0].noi_dung)
            elif cac:
                # Chú thích nhiều đoạn: mỗi đoạn là một đoạn thật trong chú thích (có dấu đầu
                # dòng riêng), không bao giờ ghép bằng xuống dòng tay.
                ct = ChuThich(chu_thich=cac)
        self._chu_thich[ma] = ct
        return ct

    def _doan_chu_thich(self, d: Doan) -> DoanVan:
        from drafter.nhap_docx.nhan import doc_dau_dong

        manh = bo_khoang_trang_dau(cac_manh(self.tl, d))
        chu = chu_cua(manh)
        dau = doc_dau_dong(chu)
        if dau is not None and dau.loai == "sao" and mo_dau_bang_sao_dam(manh):
            dau = None
        if dau is not None:
            manh = bo_khoang_trang_dau(bo_nhan(manh, dau.het))
        noi = [p for p in self.chuyen.noi_dung(manh) if not isinstance(p, ChuThich)]
        return DoanVan(noi_dung=noi, dau_dong=dau.loai if dau else None)

    # ------------------------------------------------------------ đọc

    def doc(self) -> KetQuaDoc:
        from drafter.nhap_docx.than import DungThan

        khoi = self._cac_khoi()
        i_than, dau = self._dau(khoi)
        i_cuoi, j_sau, cuoi = self._cuoi(khoi, i_than)
        than = khoi[i_than:i_cuoi]
        sau = [k for k in khoi[j_sau:] if any(d.chu.strip() for d in k.doan)]
        for k in sau:
            self.bao(k.dau, "nằm sau phần chữ ký: đưa vào cuối thân văn bản")
        cau_ket, than = self._cau_ket(than + sau)
        dung = DungThan(self)
        noi_dung, danh_so = dung.dung(than)
        self.tk.so_chu_thich = len(self._nguon_chu_thich)
        self.tk.so_chu_thich_da_dat = sum(1 for ma in self._nguon_chu_thich
                                          if self._chu_thich.get(ma) is not None)
        for ma in self.chuyen.tham_chieu_chu_thich_mat:
            self.bao(None, "dấu chú thích không có nội dung chú thích: bỏ dấu", "",
                     f"chú thích {self.so_chu_thich.get(ma, ma)}")
        truong = {"dau": dau, "danh_so": danh_so, "noi_dung": noi_dung, "cau_ket": cau_ket,
                  "dau_het": self._dau_het, "noi_nhan": cuoi[0], "luu": cuoi[1],
                  "chu_ky": cuoi[2], "bang_chu_cai": dung.bang_chu_cai}
        try:
            van_ban = VanBan(**truong)
        except ValidationError as loi:
            # Cây không đánh số lại được (hình dạng lạ): giữ mọi nhãn như gõ, vẫn là đề mục.
            from drafter.nhap_docx.than import giu_nhan_nhu_go

            truong["noi_dung"] = giu_nhan_nhu_go(noi_dung, dung.nhan_go)
            van_ban = VanBan(**truong)
            self.bao(None, "cây đề mục không đánh số lại được theo sơ đồ ("
                           + "; ".join(cac_loi(loi))[:200] + "): mọi số giữ như gõ", "",
                     "các đề mục")
        return KetQuaDoc(van_ban, gom(self.chua_dat), self.tk, self.thieu)

    def _cac_khoi(self) -> list[Khoi]:
        ra: list[Khoi] = []
        for d in self.ds:
            if d.bang is not None and ra and ra[-1].bang == d.bang:
                ra[-1].doan.append(d)
            else:
                ra.append(Khoi([d], d.bang))
        return ra

    # ------------------------------------------------------------ phần đầu

    def _dong(self, k: Khoi) -> list[Dong]:
        """Các dòng của một khối phần đầu/cuối, chia cột theo ô bảng hoặc theo tab."""
        ra: list[Dong] = []
        for d in k.doan:
            chu = self.chu(d)
            dam = bool(d.run_co_chu()) and all(t.dam for t in d.run_co_chu())
            if k.bang is not None:
                ra += [Dong(gon(x), d, min(d.cot or 0, 1), dam) for x in chu.split("\n")
                       if x.strip()]
                continue
            for cot in _cot_theo_tab(self.manh(d)):
                if len(cot) >= 2:
                    ra.append(Dong(gon(cot[0][0]), d, 0, cot[0][1]))
                    ra.append(Dong(gon(" ".join(c for c, _ in cot[1:])), d, 1,
                                   all(dm for _, dm in cot[1:])))
                elif cot:
                    ra.append(Dong(gon(cot[0][0]), d, None, cot[0][1]))
        return ra

    def _la_ten_loai(self, d: Doan) -> bool:
        dong = gon(self.chu(d).split("\n")[0])
        if not dong or dong != dong.upper() or len(dong) > 250:
            return False
        if nd30.ten_loai_cua(dong) is None:
            return False
        dd = d.dinh_dang
        return dd.can_le == "center" or all(t.dam for t in d.run_co_chu())

    def _dau(self, khoi: list[Khoi]) -> tuple[int, DauVanBan]:
        """Phần đầu; trả về chỉ số khối đầu tiên của thân văn bản và DauVanBan."""
        i_tl = next((i for i, k in enumerate(khoi[:60])
                     if k.bang is None and self._la_ten_loai(k.dau)), None)
        if i_tl is None:
            # Không có tên loại: phần đầu là các khối tới dòng Số / ngày / Quốc hiệu cuối cùng.
            i_het = 0
            for i, k in enumerate(khoi[:15]):
                if any(_khop_phan_dau(dg.chu) for dg in self._dong(k)):
                    i_het = i + 1
            vung, i = khoi[:i_het], i_het
        else:
            vung, i = khoi[:i_tl], i_tl
        dong = [dg for k in vung for dg in self._dong(k)]
        truong: dict = {}
        da_dung: set[int] = set()
        self._dong_phan_dau(dong, truong, da_dung)
        for dg in dong:
            if id(dg) not in da_dung and not dg.chu.startswith("-"):
                self.bao(dg.doan, "phần đầu: không nhận ra thành phần này, bỏ qua", dg.chu)
        if i_tl is not None:
            i = self._ten_loai_trich_yeu(khoi, i_tl, truong)
        else:
            self.bao(None, "không tìm thấy tên loại văn bản (BÁO CÁO, KẾ HOẠCH…): tạm ghi "
                           "«BÁO CÁO»", "", "phần đầu")
        i = self._can_cu_kinh_gui(khoi, i, truong)
        loai = loai_cua(truong.get("ten_loai", "BÁO CÁO"))
        assert loai is not None
        can = [("co_quan_ban_hanh", "tên cơ quan ban hành"), ("dia_danh", "địa danh")]
        if loai_ten_ngan(truong.get("ten_loai", "BÁO CÁO"), loai.ten):
            can.append(("trich_yeu", "trích yếu"))  # tên loại dài thì trích yếu có thể trống
        for ten, mo_ta in can:
            if not truong.get(ten):
                self.thieu.append(mo_ta)
                truong[ten] = [CHO_TRONG] if ten == "co_quan_ban_hanh" else CHO_TRONG
        if truong.get("kinh_gui") and loai.kinh_gui == "khong":
            self.bao(None, f"{loai.ten.lower()} không có dòng Kính gửi (NĐ 30): bỏ dòng «Kính "
                           f"gửi: {'; '.join(truong.pop('kinh_gui'))}»", "", "phần đầu")
        return i, self._dau_van_ban(truong)

    def _dau_van_ban(self, truong: dict) -> DauVanBan:
        ky_hieu = truong.get("ky_hieu")
        loai = loai_cua(truong.get("ten_loai", "BÁO CÁO"))
        assert loai is not None
        ma = loai.ma
        if ky_hieu is not None and not (_KY_HIEU.fullmatch(ky_hieu)
                                        and ky_hieu.split("-")[0] == ma):
            moi = f"{ma}-{ky_hieu.split('-', 1)[1]}" if _KY_HIEU.fullmatch(ky_hieu) \
                else f"{ma}-UBND"
            self.bao(truong.get("_so_doan"), f"ký hiệu «{ky_hieu}» không khớp tên loại "
                                             f"{loai.ten}: ghi {moi}", ky_hieu)
            ky_hieu = moi
        truong["ky_hieu"] = ky_hieu or f"{ma}-UBND"
        truong.pop("_so_doan", None)
        return DauVanBan(**truong)

    def _dong_phan_dau(self, dong: list[Dong], truong: dict, da_dung: set[int]) -> None:
        qh = next((dg for dg in dong if la_quoc_hieu(dg.chu)), None)
        tn = next((dg for dg in dong if "độc lập" in dg.chu.lower()), None)
        so = next((dg for dg in dong if dg.chu.lower().startswith("số")
                   and _SO.match(dg.chu)), None)
        ngay = next((dg for dg in dong if _NGAY_LONG.search(dg.chu) or _NGAY.match(dg.chu)),
                    None)
        for dg in (qh, tn):
            if dg is not None:
                da_dung.add(id(dg))
        if so is not None:
            da_dung.add(id(so))
            m = _SO.match(so.chu)
            assert m is not None
            truong["so"] = m["so"] or None
            truong["ky_hieu"] = re.sub(r"\s+", "", m["kh"]).replace("–", "-")
            truong["_so_doan"] = so.doan
        if ngay is not None:
            da_dung.add(id(ngay))
            self._ngay(ngay, truong)
        # Cơ quan: dòng in hoa phía trên "Số:" (cùng cột), không phải Quốc hiệu, Tiêu ngữ.
        moc = dong.index(so) if so is not None else len(dong)
        cot = so.cot if so is not None and so.cot is not None else 0
        cac = [dg for dg in dong[:moc] if id(dg) not in da_dung and dg.chu == dg.chu.upper()
               and any(c.isalpha() for c in dg.chu) and dg.cot in (cot, None)
               and not _khop_phan_dau(dg.chu)]
        dam = [dg for dg in cac if dg.dam]
        if dam:
            chu_quan = [dg for dg in cac if not dg.dam and dong.index(dg) < dong.index(dam[0])]
        else:
            chu_quan, dam = [], cac
        truong["co_quan_chu_quan"] = [dg.chu for dg in chu_quan]
        truong["co_quan_ban_hanh"] = [dg.chu for dg in dam]
        da_dung.update(id(dg) for dg in chu_quan + dam)

    def _ngay(self, dg: Dong, truong: dict) -> None:
        m = _NGAY.match(dg.chu)
        if m is None:
            truong["dia_danh"] = dg.chu.split(",")[0].strip()
            self.bao(dg.doan, "không đọc được ngày tháng: để trống ngày")
            return
        truong["dia_danh"] = m["dia"].strip()
        if m["d"] and m["m"]:
            try:
                truong["ngay"] = date(int(m["y"]), int(m["m"]), int(m["d"]))
                return
            except ValueError:
                self.bao(dg.doan, "ngày tháng không có thật: để trống ngày")
        if 1945 <= int(m["y"]) <= 2200:
            truong["nam"] = int(m["y"])
            if m["m"] and not m["d"] and 1 <= int(m["m"]) <= 12:
                truong["thang"] = int(m["m"])  # "ngày    tháng 7 năm 2024": bản nháp chưa ký

    def _ten_loai_trich_yeu(self, khoi: list[Khoi], i: int, truong: dict) -> int:
        d = khoi[i].dau
        dong = [gon(x) for x in self.chu(d).split("\n") if x.strip()]
        ten = dong[0]
        loai = loai_cua(ten)
        if loai is None:
            goc = nd30.ten_loai_cua(ten)
            self.bao(d, f"loại văn bản «{goc}» drafter chưa in được ({ten_cac_loai()}): tạm ghi "
                        "BÁO CÁO", ten)
            ten = "BÁO CÁO"
        # Tên loại dài trên một dòng ("BÁO CÁO TÌNH HÌNH …") giữ nguyên như gõ.
        truong["ten_loai"] = ten
        trich: list[str] = []
        trich += dong[1:]
        i += 1
        # Trích yếu: các đoạn liền sau (căn giữa hoặc đậm), tới đoạn trống hay dòng "(…)".
        while i < len(khoi) and khoi[i].bang is None and len(trich) < 6:
            d = khoi[i].dau
            chu = self.chu(d).strip()
            if not chu:
                if trich:
                    break
                i += 1
                continue
            if chu.startswith("(") or re.match(r"(Căn cứ|Kính gửi|Thực hiện)\b", chu):
                break
            giua = d.dinh_dang.can_le == "center"
            if not (giua or all(t.dam for t in d.run_co_chu())) or _la_nhan(chu):
                break
            trich += [gon(x) for x in chu.split("\n") if x.strip()]
            i += 1
        if trich:
            truong["trich_yeu"] = "\n".join(trich)
        # Dòng dưới trích yếu: "(Trình kỳ họp …)", có thể xuống dòng hay sang đoạn thứ hai.
        while i < len(khoi) and khoi[i].bang is None and not self.chu(khoi[i].dau).strip():
            i += 1
        duoi: list[str] = []
        while i < len(khoi) and khoi[i].bang is None:
            chu = self.chu(khoi[i].dau).strip()
            if not duoi and not chu.startswith("("):
                break
            if not chu:
                break
            duoi += [gon(x) for x in chu.split("\n") if x.strip()]
            i += 1
            if duoi[-1].endswith(")") or len(duoi) >= 4:
                break
        if duoi:
            truong["dong_duoi_trich_yeu"] = "\n".join(duoi)
        return i

    def _can_cu_kinh_gui(self, khoi: list[Khoi], i: int, truong: dict) -> int:
        j = i
        while j < len(khoi) and khoi[j].bang is None and not self.chu(khoi[j].dau).strip():
            j += 1
        can_cu: list[str] = []
        while j < len(khoi) and khoi[j].bang is None and self._la_can_cu(khoi[j].dau):
            can_cu.append(gon(self.chu(khoi[j].dau)))
            j += 1
        kinh_gui: list[str] = []
        if j < len(khoi) and khoi[j].bang is None and \
                re.match(r"\s*Kính gửi\s*:?", self.chu(khoi[j].dau)):
            dau = re.sub(r"^\s*Kính gửi\s*:?\s*", "", gon(self.chu(khoi[j].dau)))
            kinh_gui += [x for x in re.split(r"\s*;\s*|\n", dau) if x.strip()]
            j += 1
            while j < len(khoi) and khoi[j].bang is None and \
                    re.match(r"\s*[-–]", self.chu(khoi[j].dau)):
                kinh_gui.append(gon(self.chu(khoi[j].dau)))
                j += 1
        if can_cu:
            truong["can_cu"] = can_cu
        if kinh_gui:
            truong["kinh_gui"] = [re.sub(r"^[-–]\s*", "", x).rstrip(" ;.") for x in kinh_gui]
        return j if (can_cu or kinh_gui) else i

    def _la_can_cu(self, d: Doan) -> bool:
        """"Căn cứ …", hay "Thực hiện …" in nghiêng cả dòng (kiểu căn cứ) ngay dưới trích yếu;
        "Thực hiện …" chữ đứng là câu đầu của thân văn bản."""
        chu = self.chu(d)
        if re.match(r"\s*Căn cứ\b", chu):
            return True
        return bool(re.match(r"\s*Thực hiện\b", chu)) and len(chu) < 400 and \
            all(t.nghieng for t in d.run_co_chu()) and bool(d.run_co_chu())

    # ------------------------------------------------------------ phần cuối

    def _cuoi(self, khoi: list[Khoi], tu: int) -> tuple[int, int, tuple[list[str], str, ChuKy]]:
        """(khối đầu của phần cuối, khối ngay sau phần cuối, (nơi nhận, lưu, chữ ký))."""
        i_nn = None
        for i in range(len(khoi) - 1, tu - 1, -1):
            if any(_NOI_NHAN.match(self.chu(d).strip()) for d in khoi[i].doan):
                i_nn = i
                break
        noi_nhan: list[str] = []
        dong_chu_ky: list[tuple[str, int]] = []  # (dòng, số đoạn trống đứng trước)
        if i_nn is not None and khoi[i_nn].bang is not None:
            k = khoi[i_nn]
            dn = next(d for d in k.doan if _NOI_NHAN.match(self.chu(d).strip()))
            cung_o = [d for d in k.doan if (d.hang, d.cot) == (dn.hang, dn.cot)]
            noi_nhan = self._cac_noi_nhan(cung_o[cung_o.index(dn):])
            dong_chu_ky = self._cac_dong_chu_ky([d for d in k.doan if d.cot != dn.cot])
            bat_dau, het = i_nn, i_nn + 1
        elif i_nn is not None:
            bat_dau = i_nn
            # Chữ ký có thể đứng ngay trước "Nơi nhận:": các đoạn căn phải/giữa, ngắn (thẩm
            # quyền, chức vụ, họ tên), xen đoạn trống để ký.
            while bat_dau > tu and khoi[bat_dau - 1].bang is None and (
                    self._la_dong_chu_ky(khoi[bat_dau - 1].dau)
                    or not self.chu(khoi[bat_dau - 1].dau).strip()):
                bat_dau -= 1
            while bat_dau < i_nn and not self.chu(khoi[bat_dau].dau).strip():
                bat_dau += 1
            het = bat_dau
            trai: list[str] = []
            trong = 0
            trong_nn = False
            for k in khoi[bat_dau:]:
                if k.bang is not None:
                    break
                het += 1
                dong = self._dong(k)
                if not dong:
                    trong += 1
                    continue
                for dg in dong:
                    if _NOI_NHAN.match(dg.chu):
                        trong_nn = True
                    la_nn = dg.cot == 0 or (dg.cot is None and (
                        _NOI_NHAN.match(dg.chu) or (trong_nn and dg.chu[:1] in "-–+")))
                    if la_nn:
                        trai.append(dg.chu)
                    else:
                        dong_chu_ky.append((dg.chu, trong))
                        trong = 0
                trong = 0
            noi_nhan = self._cac_noi_nhan_chu(trai)
        else:
            # Không có "Nơi nhận": tìm khối chữ ký (TM. …) ở cuối văn bản.
            bat_dau = het = len(khoi)
            for i in range(len(khoi) - 1, max(tu, len(khoi) - 25) - 1, -1):
                if any(_QUYEN_HAN.match(dg.chu) for dg in self._dong(khoi[i])):
                    bat_dau = i
                    break
            if bat_dau < len(khoi):
                k = khoi[bat_dau]
                dong_chu_ky = self._cac_dong_chu_ky(k.doan if k.bang is not None else
                                       [d for kk in khoi[bat_dau:] for d in kk.doan])
            self.bao(None, "không tìm thấy «Nơi nhận:»", "", "phần cuối")
        luu = ""
        ra_nn: list[str] = []
        for n in noi_nhan:
            if re.match(r"^\s*[-–]?\s*Lưu\s*:", n):
                luu = n
            else:
                ra_nn.append(n)
        if not luu:
            self.bao(None, "không có dòng «Lưu:»: tạm ghi «Lưu: VT»", "", "Nơi nhận")
        return bat_dau, het, (ra_nn, luu or "VT", self._chu_ky(dong_chu_ky))

    def _la_dong_chu_ky(self, d: Doan) -> bool:
        """Một dòng của khối chữ ký đứng riêng (không trong bảng): căn phải hay giữa, ngắn,
        không phải câu văn."""
        chu = gon(self.chu(d))
        return (bool(chu) and d.dinh_dang.can_le in ("center", "right") and len(chu) <= 60
                and not chu.endswith((".", ";", ":"))) or bool(_QUYEN_HAN.match(chu))

    def _cac_noi_nhan(self, doan: list[Doan]) -> list[str]:
        dong: list[str] = []
        for d in doan:
            dong += self.chu(d).split("\n")
        return self._cac_noi_nhan_chu(dong)

    @staticmethod
    def _cac_noi_nhan_chu(dong: list[str]) -> list[str]:
        ra: list[str] = []
        for x in dong:
            x = gon(x)
            if not ra and _NOI_NHAN.match(x):
                x = _NOI_NHAN.sub("", x).strip()
            if x:
                ra.append(x)
        return ra

    def _cac_dong_chu_ky(self, doan: list[Doan]) -> list[tuple[str, int]]:
        ra: list[tuple[str, int]] = []
        trong = 0
        for d in doan:
            chu = self.chu(d)
            if not chu.strip():
                trong += 1
                continue
            for x in chu.split("\n"):
                if x.strip():
                    ra.append((gon(x), trong))
                    trong = 0
                else:
                    trong += 1
        return ra

    def _chu_ky(self, dong: list[tuple[str, int]]) -> ChuKy:
        """Các dòng khối chữ ký (kèm số đoạn trống đứng trước mỗi dòng): thẩm quyền ký, chức
        vụ (dòng in hoa liền sau), họ tên (sau chỗ ký để trống, hay dòng không in hoa)."""
        con: list[tuple[str, int]] = []
        for x, trong in dong:
            if _GIU_CHO_CHU_KY.match(x):
                self.bao(None, "dòng giữ chỗ bỏ qua", x, "chữ ký")
            else:
                con.append((x, trong))
        if not con:
            self.thieu.append("người ký")
            return ChuKy(co_quan_hoac_chuc_vu=CHO_TRONG)
        dau, _ = con[0]
        m = _QUYEN_HAN.match(dau)
        quyen_han, co_quan = (m[1] + ".", m[2].strip()) if m else ("", dau)
        chuc_vu: list[str] = []
        ho_ten = ""
        for x, trong in con[1:]:
            if not ho_ten and x == x.upper() and trong < 2:
                chuc_vu.append(x)
            elif not ho_ten:
                ho_ten = x
            else:
                self.bao(None, "dòng thừa sau họ tên người ký, bỏ qua", x, "chữ ký")
        if re.match(r"^\s*(TS|ThS|PGS|GS|KS|BS|CN)\.", ho_ten):
            self.bao(None, "bỏ học hàm, học vị trước họ tên người ký (NĐ 30)", ho_ten, "chữ ký")
            ho_ten = re.sub(r"^\s*((TS|ThS|PGS|GS|KS|BS|CN)\.\s*)+", "", ho_ten)
        return ChuKy(quyen_han=quyen_han, co_quan_hoac_chuc_vu=co_quan, chuc_vu=chuc_vu,
                     ho_ten=ho_ten)

    # ------------------------------------------------------------ câu kết

    def _cau_ket(self, than: list[Khoi]) -> tuple[str, list[Khoi]]:
        """Đoạn cuối cùng của thân văn bản kết thúc bằng "./." (hay "Trên đây là …") là câu kết."""
        i = len(than) - 1
        while i >= 0 and than[i].bang is None and not self.chu(than[i].dau).strip():
            i -= 1
        if i < 0 or than[i].bang is not None:
            return "", than
        d = than[i].dau
        chu = gon(self.chu(d))
        het = chu.endswith("/.") or chu.endswith("./")
        if not het and not chu.startswith("Trên đây"):
            self.bao(d, "không thấy câu kết có dấu «./.»: đoạn cuối giữ làm đoạn văn")
            return "", than
        if not het:
            # Người soạn kết khác "./.": in đúng như gõ (dau_het = false), drafter cảnh báo.
            self._dau_het = False
            self.bao(d, "câu kết không có dấu «./.»: giữ như gõ (khi in drafter nhắc)")
        manh = cac_manh(self.tl, d)
        if any((m.dam or m.nghieng) and m.chu.strip() for m in manh) or any(
                m.chu_thich for m in manh):
            self.bao(d, "câu kết: chữ đậm, nghiêng hay chú thích trong câu kết không giữ được")
        cau = re.sub(r"\s*\.?/\.?\s*$", "", chu).rstrip() if het else chu
        self.tk.so_doan += 1
        self.tk.so_doan_da_dat += 1
        return cau, than[:i] + than[i + 1:]

    def doan_van(self, noi_dung: list, d: Doan, dau_dong=None) -> DoanVan:
        return DoanVan(noi_dung=noi_dung or [""], dau_dong=dau_dong,
                       can_giua=d.dinh_dang.can_le == "center")

    def trong_khung(self, d: Doan) -> bool:
        return next(d.el.iterancestors(_KHUNG_CHU), None) is not None


def _cot_theo_tab(manh: list[Manh]) -> list[list[tuple[str, bool]]]:
    """Mỗi dòng (xuống dòng tay) của đoạn, chia thành các cột ở chỗ có tab: [(chữ, đậm)]."""
    dong: list[list[tuple[str, bool]]] = []
    cot: list[tuple[str, bool]] = []  # (chữ, đậm) của cột đang đọc, theo mảnh
    hien: list[list[tuple[str, bool]]] = []

    def het_cot() -> None:
        chu = "".join(c for c, _ in cot).strip()
        if chu:
            hien.append([(chu, all(dm for c, dm in cot if c.strip()))])
        cot.clear()

    for m in manh:
        if m.chu_thich is not None:
            continue
        for i, dong_con in enumerate(m.chu.split("\n")):
            if i:
                het_cot()
                dong.append([x[0] for x in hien])
                hien.clear()
            for j, phan in enumerate(dong_con.split("\t")):
                if j:
                    het_cot()
                cot.append((phan, m.dam))
    het_cot()
    dong.append([x[0] for x in hien])
    return [d for d in dong if d]


def _khop_phan_dau(chu: str) -> bool:
    """Dòng là một thành phần phần đầu (Quốc hiệu, Tiêu ngữ, Số, địa danh – ngày)."""
    return (la_quoc_hieu(chu) or "độc lập" in chu.lower()
            or bool(_SO.match(chu) and chu.lower().startswith("số"))
            or bool(_NGAY_LONG.search(chu)))


def _la_nhan(chu: str) -> bool:
    from drafter.nhap_docx.nhan import doc_nhan

    return doc_nhan(chu) is not None


