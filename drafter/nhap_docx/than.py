"""Thân văn bản Word thành cây đề mục của drafter.

Mỗi đoạn mở đầu bằng nhãn ("I.", "1.", "1.1.", "a)"…) là một đề mục; cấp của nó trong cây được
học theo thứ tự xuất hiện, như người đọc: loại nhãn gặp lần đầu bên trong một đề mục là cấp con
của đề mục đó (A. → I. → 1. → a) của Cai Kinh, PHẦN THỨ NHẤT → I. → 1. → 1.1. của Bình Trung);
gặp lại một loại đã có phía trên là về cùng cấp với nó. Đoạn không có nhãn thuộc đề mục gần nhất.
Nhãn trong cây không được giữ như chữ: drafter đánh số lại khi in, nên số nhảy cóc (I. → III.)
được báo ra, kèm số sẽ in.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

from drafter import danh_so, nd30, vn
from drafter.kiem_tra.doc_docx import NS, Doan, w
from drafter.nhap_docx.nhan import (
    CAP_THAP_PHAN,
    Nhan,
    doc_dau_dong,
    doc_nhan,
    thu_tu_la_tinh,
)
from drafter.nhap_docx.noi_dung import (
    Manh,
    bo_khoang_trang_dau,
    bo_nhan,
    chu_cua,
    chu_thuong,
    mo_dau_bang_sao_dam,
    toan_dam,
)
from drafter.van_ban import Bang, CapDanhSo, DoanVan, Muc, Nut, OBang

if TYPE_CHECKING:
    from drafter.nhap_docx.doc import DocVanBan, Khoi

_PHAN: frozenset[str] = frozenset(("phan_thu", "phan_thu_thuong", "phan"))
# Loại nhãn → cấp đánh số của mô hình văn bản.
CAP_CUA: dict[str, CapDanhSo] = {
    "phan_thu": "phan_thu", "phan_thu_thuong": "phan_thu_thuong", "phan": "phan",
    "chu_hoa": "chu_hoa", "la_ma": "la_ma", "so": "so", "so2": "so_thap_phan",
    "so3": "so_thap_phan", "so4": "so_thap_phan", "chu": "chu"}
_KIEU_DE_MUC = re.compile(r"(?i)^(heading|tiêu đề|title|vb (phần|mục|khoản|điểm))")
_KIEU_THAN = re.compile(r"(?i)^vb thân văn bản$")
_HINH = (w("drawing"), w("pict"), w("object"))
_KHOANG_TRANG_DAU = " \t\u00a0\u2002\u2003"


class _OTho(TypedDict):
    """Một ô bảng Word đã đọc, trước khi thành OBang."""

    manh: list[Manh]
    gop_cot: int
    gop_hang: int
    hang: int


@dataclass
class _Muc:
    """Đề mục đang dựng (cây mutable, đổi thành Muc của mô hình ở cuối)."""

    nhan: Nhan
    doan: Doan
    tieu_de: list | None
    cap: CapDanhSo
    con: list = field(default_factory=list)  # _Muc | DoanVan | Bang
    do_sau: int = 0
    cho_tieu_de_phan: bool = False  # "PHẦN THỨ NHẤT" chưa có tên phần: đoạn sau là tên
    dem: dict[str, int] = field(default_factory=dict)  # số cuối cùng đã gặp của mỗi loại con
    nhan_rieng: str | None = None  # nhãn là mã ("3.1." dưới mục III.): in đúng như gõ
    in_hoa: bool | None = None  # False: tiêu đề mục I., A. gõ chữ thường, giữ như gõ


class DungThan:
    def __init__(self, doc: DocVanBan) -> None:
        self.doc = doc
        self.tl = doc.tl
        self._bang = self.tl.cac_bang()
        self._ten_kieu: dict[str | None, str] = {}
        self._do_sau: dict[str, int] = {}  # độ sâu đã học của mỗi loại nhãn
        self._goc_dem: dict[str, int] = {}
        self._la_tinh = 0  # số điểm "e)" ngay sau "d)" (thứ tự chữ La-tinh)
        self._tieng_viet = 0  # số điểm "đ)" (chỉ có trong thứ tự tiếng Việt)
        self.bang_chu_cai = "tieng_viet"
        self.nhan_go: dict[int, str] = {}  # id(Muc) → nhãn như gõ, khi phải giữ nguyên

    # ------------------------------------------------------------ dựng cây

    def dung(self, khoi: list[Khoi]) -> tuple[list[Nut], list[CapDanhSo]]:
        goc: list = []
        ngan_xep: list[_Muc] = []
        for k in khoi:
            if k.bang is not None:
                bang = self._bang_cua(k)
                if bang is not None:
                    (ngan_xep[-1].con if ngan_xep else goc).append(bang)
                continue
            self._doan(k.dau, goc, ngan_xep)
        if self._la_tinh and not self._tieng_viet:
            # Văn bản đánh điểm a b c d e (Word tự đánh): in lại đúng thứ tự đó.
            self.bang_chu_cai = "la_tinh"
        elif self._la_tinh:
            self.doc.bao(None, f"{self._la_tinh} điểm «e)» ngay sau «d)» giữa các điểm theo thứ "
                               "tự tiếng Việt: khi in lại drafter đánh a b c d đ e", "",
                         "các điểm a), b)", "danh_lai")
        noi_dung = [self._thanh_nut(x) for x in goc]
        return _gon_cap(noi_dung, self.bang_chu_cai)

    def _doan(self, d: Doan, goc: list, ngan_xep: list[_Muc]) -> None:
        doc = self.doc
        chu = doc.chu(d)
        if not chu.strip():
            if any(next(d.el.iter(t), None) is not None for t in _HINH):
                doc.bao(d, "hình ảnh, đối tượng nhúng không chép được", "")
            return
        doc.tk.so_doan += 1
        if doc.trong_khung(d):
            doc.bao(d, "đoạn trong khung chữ (text box): chép thành đoạn văn thường")
        chua = ngan_xep[-1].con if ngan_xep else goc
        s = chu.lstrip(_KHOANG_TRANG_DAU)
        lech = len(chu) - len(s)
        manh = doc.manh(d)
        # Tên phần ngay dưới dòng "PHẦN THỨ NHẤT" (in hoa, đậm hay căn giữa).
        cuoi = ngan_xep[-1] if ngan_xep else None
        if cuoi is not None and cuoi.cho_tieu_de_phan and not cuoi.con and \
                self._la_ten_phan(d, s):
            noi = doc.chuyen.noi_dung(bo_khoang_trang_dau(manh), bo_dam=True, mot_dong=True)
            cuoi.tieu_de = [*cuoi.tieu_de, " ", *noi] if cuoi.tieu_de else noi
            doc.tk.so_doan_da_dat += 1
            return
        if cuoi is not None:
            cuoi.cho_tieu_de_phan = False
        chu_hoa = next((m.nhan.so for m in reversed(ngan_xep) if m.nhan.loai == "chu_hoa"), 0)
        nhan = doc_nhan(s, chu_hoa)
        if nhan is not None:
            self._de_muc(d, nhan, bo_nhan(manh, lech + nhan.het), goc, ngan_xep)
            return
        dau = doc_dau_dong(s)
        if dau is not None and not (dau.loai == "sao" and mo_dau_bang_sao_dam(manh)):
            con = bo_khoang_trang_dau(bo_nhan(manh, lech + dau.het))
            noi = doc.chuyen.noi_dung(con)
            chua.append(doc.doan_van(noi, d, dau.loai))
            doc.tk.so_doan_da_dat += 1
            return
        noi = doc.chuyen.noi_dung(bo_khoang_trang_dau(manh))
        if self._giong_de_muc(d, noi):
            doc.bao(d, "không nhận ra cấp đề mục (dòng in đậm không có số): giữ làm đoạn văn in "
                       "đậm")
        chua.append(doc.doan_van(noi, d))
        doc.tk.so_doan_da_dat += 1

    def _la_ten_phan(self, d: Doan, s: str) -> bool:
        chu = " ".join(s.split())
        return bool(chu) and chu == chu.upper() and doc_nhan(chu) is None and (
            d.dinh_dang.can_le == "center" or toan_dam(self.doc.manh(d)))

    def _giong_de_muc(self, d: Doan, noi: list) -> bool:
        """Dòng in hoa, đậm, ngắn, không có số: tên một mục mà không biết thuộc cấp nào."""
        chu = chu_thuong(noi).strip()
        return (0 < len(chu) <= 150 and chu == chu.upper() and any(c.isalpha() for c in chu)
                and toan_dam(self.doc.manh(d)))

    def _de_muc(self, d: Doan, nhan: Nhan, con: list[Manh], goc: list,
                ngan_xep: list[_Muc]) -> None:
        doc = self.doc
        loai = nhan.loai
        con = bo_khoang_trang_dau(con)
        # Chỗ trong cây: về cùng cấp với loại nhãn đã có phía trên, hoặc thành cấp con.
        if loai in _PHAN:
            ngan_xep.clear()
        elif any(m.nhan.loai == loai for m in ngan_xep):
            while ngan_xep[-1].nhan.loai != loai:
                ngan_xep.pop()
            ngan_xep.pop()
        elif loai in self._do_sau:
            while ngan_xep and self._do_sau.get(ngan_xep[-1].nhan.loai, 99) >= self._do_sau[loai]:
                ngan_xep.pop()
        cha = ngan_xep[-1] if ngan_xep else None
        self._do_sau.setdefault(loai, (self._do_sau.get(cha.nhan.loai, 0) + 1) if cha else 0)
        chua = cha.con if cha else goc
        dem = cha.dem if cha else self._goc_dem

        # Số thập phân không nằm dưới khoản cùng số ("3.1." … "3.9." dưới mục III.): là mã do
        # người soạn đặt, in đúng như gõ, không đếm vào số thứ tự.
        k = CAP_THAP_PHAN.get(loai, 0)
        cha_k = CAP_THAP_PHAN.get(cha.nhan.loai, 0) if cha else 0
        nhan_rieng = None
        if k >= 2 and cha_k != k - 1:
            nhan_rieng = ".".join(map(str, nhan.thap_phan)) + "."
        else:
            self._kiem_thu_tu(d, nhan, cha, dem)
        tieu_de, doan_van = self._tieu_de(d, nhan, con)
        # Tiêu đề mục I., A. gõ chữ thường ("III. Nhiệm vụ và giải pháp chủ yếu") vẫn in hoa như
        # NĐ 30 đòi (kiểu của cấp); khoản, điểm giữ như gõ.
        in_hoa = None
        cap = "so" if nhan_rieng and cha_k == 0 else CAP_CUA[loai]
        muc = _Muc(nhan, d, tieu_de, cap, do_sau=len(ngan_xep),
                   cho_tieu_de_phan=loai in _PHAN and not tieu_de, nhan_rieng=nhan_rieng,
                   in_hoa=in_hoa)
        if doan_van is not None:
            muc.con.append(doan_van)
        chua.append(muc)
        ngan_xep.append(muc)
        doc.tk.so_doan_da_dat += 1
        doc.tk.so_de_muc += 1

    def _kiem_thu_tu(self, d: Doan, nhan: Nhan, cha: _Muc | None, dem: dict[str, int]) -> None:
        """Báo số nhảy cóc hay lùi (I. → III.), số thập phân không khớp khoản cha."""
        loai = nhan.loai
        truoc = dem.get(loai, 0)
        dem[loai] = nhan.so
        if loai == "chu":
            if nhan.chu[0] == "đ":
                self._tieng_viet += 1
            if truoc and nhan.so != truoc + 1:
                # "e)" ngay sau "d)": thứ tự La-tinh (Word tự đánh, hay người gõ quen tay).
                truoc_chu = vn.CHU_CAI[truoc - 1] if 0 < truoc <= len(vn.CHU_CAI) else ""
                if truoc_chu and thu_tu_la_tinh(nhan.chu[0]) == thu_tu_la_tinh(truoc_chu) + 1:
                    self._la_tinh += 1
                    return
        cha_duong = cha.nhan.thap_phan if cha is not None and cha.nhan.thap_phan else None
        if CAP_THAP_PHAN.get(loai, 0) >= 2 and cha is not None and cha_duong \
                and nhan.thap_phan[:-1] != cha_duong:
            self.doc.bao(d, f"«{nhan.chu}» nằm dưới khoản «{cha.nhan.chu}»: khi in lại sẽ "
                            "đánh số theo khoản cha", loai="danh_lai")
            return
        if nhan.so != truoc + 1:
            se_in = danh_so.nhan(CAP_CUA[loai], truoc + 1, cha_duong)
            sau = f"sau «{danh_so.nhan(CAP_CUA[loai], truoc, cha_duong)}»" if truoc \
                else "ở đầu cấp"
            self.doc.bao(d, f"số thứ tự «{nhan.chu}» {sau} không liên tục: khi in lại drafter "
                            f"đánh số liên tục («{se_in}»)", loai="danh_lai")

    def _tieu_de(self, d: Doan, nhan: Nhan, con: list[Manh]) -> tuple[list | None,
                                                                         DoanVan | None]:
        """Phần sau nhãn là tiêu đề đề mục, hay là đoạn văn của khoản không tiêu đề ("1. Tiếp
        tục chỉ đạo …")."""
        doc = self.doc
        chu = " ".join(chu_cua(con).split())
        if not chu and not any(m.chu_thich for m in con):
            return None, None
        if nhan.loai in _PHAN:
            return doc.chuyen.noi_dung(con, bo_dam=True, mot_dong=True), None
        ten = self._ten_kieu_doan(d.kieu_id)
        if _KIEU_THAN.match(ten):
            la_tieu_de = False
        elif _KIEU_DE_MUC.match(ten) or toan_dam(con):
            la_tieu_de = True
        elif nhan.loai in ("chu_hoa", "la_ma") and (chu == chu.upper() or len(chu) <= 200):
            la_tieu_de = not chu.endswith((".", ";")) or chu == chu.upper()
        else:
            la_tieu_de = len(chu) <= 160 and not chu.endswith((".", ";", "!", "?")) and \
                "\n" not in chu_cua(con).strip() and not _mot_phan_dam(con)
        if la_tieu_de:
            # Kiểu của cấp đã in đậm (trừ điểm a): kiểu điểm không đậm, chữ đậm là của người
            # soạn) nên bỏ chữ đậm trực tiếp của tiêu đề.
            bo_dam = toan_dam(con) and nhan.loai != "chu"
            return doc.chuyen.noi_dung(con, bo_dam=bo_dam, mot_dong=True), None
        return None, doc.doan_van(doc.chuyen.noi_dung(con), d)

    def _ten_kieu_doan(self, kieu_id: str | None) -> str:
        if kieu_id not in self._ten_kieu:
            self._ten_kieu[kieu_id] = self.tl.ten_kieu(kieu_id)
        return self._ten_kieu[kieu_id]

    # ------------------------------------------------------------ bảng

    def _bang_cua(self, k: Khoi) -> Bang | None:
        """Bảng Word → Bang: ô gộp cột (gridSpan), gộp hàng (vMerge), các hàng tiêu đề lặp lại
        (tblHeader) hay hàng đầu in đậm, ô in đậm cả ô."""
        doc = self.doc
        if k.bang is None or k.bang >= len(self._bang):
            return None
        tbl = self._bang[k.bang]
        theo_el = {id(d.el): d for d in k.doan}
        co_chu = [d for d in k.doan if d.chu.strip()]
        doc.tk.so_bang += 1
        hang: list[list[_OTho]] = []
        mo_gop: dict[int, _OTho] = {}  # cột → ô đang gộp hàng (vMerge restart) phía trên
        so_hang_lap = 0
        for i, tr in enumerate(tbl.iterfind("w:tr", NS)):
            if i == so_hang_lap and tr.find("w:trPr/w:tblHeader", NS) is not None:
                so_hang_lap += 1
            cac_o: list[_OTho] = []
            cot = 0
            for tc in tr.iterfind("w:tc", NS):
                span_el = tc.find("w:tcPr/w:gridSpan", NS)
                try:
                    span = max(1, int(span_el.get(w("val"), "1"))) if span_el is not None else 1
                except ValueError:
                    span = 1
                vm = tc.find("w:tcPr/w:vMerge", NS)
                if vm is not None and vm.get(w("val"), "continue") != "restart" and cot in mo_gop:
                    mo_gop[cot]["gop_hang"] += 1  # ô bị gộp vào ô phía trên: không là ô riêng
                    cot += span
                    continue
                manh: list[Manh] = []
                for p in tc.iter(w("p")):
                    dd = theo_el.get(id(p))
                    if dd is not None:
                        manh += ([Manh("\n")] if manh else []) + bo_khoang_trang_dau(doc.manh(dd))
                o: _OTho = {"manh": manh, "gop_cot": span, "gop_hang": 1, "hang": i}
                if vm is not None:
                    mo_gop[cot] = o
                else:
                    mo_gop.pop(cot, None)
                cac_o.append(o)
                cot += span
            if cac_o:
                hang.append(cac_o)
        if not hang:
            return None
        so_cot = max(sum(o["gop_cot"] for o in h) for h in hang)
        hang_dau_dam = all(toan_dam(o["manh"]) or not co_chu_manh(o["manh"]) for o in hang[0]) and \
            any(co_chu_manh(o["manh"]) for o in hang[0])
        so_tieu_de = so_hang_lap or (1 if hang_dau_dam and len(hang) > 1 else 0)
        ra: list[list[OBang]] = []
        for i, h in enumerate(hang):
            cac: list[OBang] = []
            for o in h:
                tieu_de = i < so_tieu_de
                dam = not tieu_de and toan_dam(o["manh"])
                noi = doc.chuyen.noi_dung(o["manh"], bo_dam=tieu_de or dam)
                cac.append(OBang(noi_dung=noi or [""], gop_cot=o["gop_cot"],
                                 gop_hang=o["gop_hang"], dam=dam))
            ra.append(cac)
        doc.tk.so_doan += len(co_chu)
        doc.tk.so_doan_da_dat += len(co_chu)
        try:
            return Bang(hang=ra, co_tieu_de=so_tieu_de > 0, so_hang_tieu_de=max(so_tieu_de, 1),
                        do_rong_cot_cm=self._do_rong(tbl, so_cot))
        except ValueError:
            # Lưới ô lệch (hàng thiếu ô, ô gộp chồng nhau): mỗi hàng thành các ô rời, đủ cột.
            doc.bao(k.dau, "bảng có ô gộp không đều giữa các hàng: tách thành các ô rời", "")
            phang = [[OBang(noi_dung=ob.noi_dung, dam=ob.dam) for ob in dong] for dong in ra]
            for dong in phang:
                dong += [OBang(noi_dung=[""]) for _ in range(so_cot - len(dong))]
            return Bang(hang=phang, co_tieu_de=so_tieu_de > 0, so_hang_tieu_de=max(so_tieu_de, 1))

    @staticmethod
    def _do_rong(tbl, so_cot: int) -> list[float] | None:
        cot = tbl.findall("w:tblGrid/w:gridCol", NS)
        if len(cot) != so_cot:
            return None
        try:
            rong = [round(int(c.get(w("w"), "0")) / nd30.TWIP_MOI_CM, 2) for c in cot]
        except ValueError:
            return None
        return rong if all(0.5 <= r <= 40 for r in rong) else None

    # ------------------------------------------------------------ sang mô hình

    def _thanh_nut(self, x) -> Nut:
        if not isinstance(x, _Muc):
            return x
        muc = Muc(tieu_de=x.tieu_de or None, cap=x.cap, nhan=x.nhan_rieng, in_hoa=x.in_hoa,
                  noi_dung=[self._thanh_nut(c) for c in x.con])
        self.nhan_go[id(muc)] = x.nhan.chu
        return muc


def _mot_phan_dam(manh: list[Manh]) -> bool:
    """Đoạn bắt đầu bằng chữ đậm rồi tiếp chữ thường ("Công tác quốc phòng: …")."""
    co = [m for m in manh if m.chu_thich is None and m.chu.strip()]
    return bool(co) and co[0].dam and not all(m.dam for m in co)


def co_chu_manh(manh: list[Manh]) -> bool:
    return any(m.chu.strip() for m in manh if m.chu_thich is None)


def giu_nhan_nhu_go(noi_dung: list[Nut], nhan_go: dict[int, str]) -> list[Nut]:
    """Mọi đề mục mang nhãn như gõ (Muc.nhan) và cấp ghi rõ: cây nào cũng in được, khi sơ đồ
    đánh số không dựng lại được."""
    ra: list[Nut] = []
    for n in noi_dung:
        if isinstance(n, Muc):
            nhan = nhan_go.get(id(n), n.nhan)
            ra.append(n.model_copy(update={
                "nhan": n.nhan or (nhan if nhan and n.cap not in _PHAN else None),
                "cap": n.cap or "so", "noi_dung": giu_nhan_nhu_go(n.noi_dung, nhan_go)}))
        else:
            ra.append(n)
    return ra


# ---------------------------------------------------------------- sơ đồ đánh số

def _chuoi_dai_nhat(chuyen: Counter[tuple[CapDanhSo | None, CapDanhSo]],
                    cap: CapDanhSo | None, da_qua: tuple[CapDanhSo, ...]) -> list[CapDanhSo]:
    """Chuỗi cấp dài nhất đi từ `cap` xuống (A. → I. → 1. → a) dài hơn A. → 1. → a) dù các
    khoản 1. dưới C. nhiều hơn các mục I. dưới B.); bằng nhau thì chuỗi gặp nhiều hơn."""
    tot: tuple[int, int, list[CapDanhSo]] = (0, 0, [])
    for (cha, con), dem in chuyen.items():
        if cha != cap or con in da_qua:
            continue
        sau = _chuoi_dai_nhat(chuyen, con, (*da_qua, con))
        diem = (len(sau) + 1, dem, [con, *sau])
        if diem[:2] > tot[:2]:
            tot = diem
    return tot[2]


def _gon_cap(noi_dung: list[Nut], bang_chu_cai: str = "tieng_viet"
             ) -> tuple[list[Nut], list[CapDanhSo]]:
    """Sơ đồ đánh số của văn bản (chuỗi cấp hay gặp nhất từ ngoài vào trong), và bỏ "cap" ở
    những đề mục mà sơ đồ tự cho đúng cấp đó. Kiểm lại bằng chính bộ đánh số: lệch ở đâu thì
    giữ "cap" ghi rõ ở mọi đề mục."""
    chuyen: Counter[tuple[CapDanhSo | None, CapDanhSo]] = Counter()
    cho_xet: list[tuple[list[Nut], CapDanhSo | None]] = [(noi_dung, None)]
    while cho_xet:
        cac, cap_cha = cho_xet.pop()
        for n in cac:
            if isinstance(n, Muc) and n.cap is not None:
                chuyen[(cap_cha, n.cap)] += 1
                cho_xet.append((n.noi_dung, n.cap))
    so_do = _chuoi_dai_nhat(chuyen, None, ())
    if not so_do:
        return noi_dung, ["la_ma", "so", "chu"]

    # Cấp mặc định theo sơ đồ: con của một đề mục cấp c là cấp đứng sau c trong sơ đồ.
    sau = dict(zip([None, *so_do], so_do, strict=False))

    def bo(cac: list[Nut], cap_cha: CapDanhSo | None) -> list[Nut]:
        ra: list[Nut] = []
        mac_dinh = sau.get(cap_cha)
        for n in cac:
            if isinstance(n, Muc):
                ra.append(n.model_copy(update={"cap": None if n.cap == mac_dinh else n.cap,
                                               "noi_dung": bo(n.noi_dung, n.cap)}))
            else:
                ra.append(n)
        return ra

    gon = bo(noi_dung, None)
    du_dinh = _cac_cap(noi_dung, so_do, bang_chu_cai)
    return (gon if du_dinh is not None and _cac_cap(gon, so_do, bang_chu_cai) == du_dinh
            else noi_dung), so_do


def _cac_cap(noi_dung: list[Nut], so_do: list[CapDanhSo], bang_chu_cai: str
             ) -> list[tuple[str, str]] | None:
    """(cấp, nhãn) của mọi đề mục khi đánh số; None khi cây không đánh số được."""
    try:
        return [(m.de_muc.cap, m.de_muc.nhan) for m in danh_so.duyet(noi_dung, so_do, bang_chu_cai)
                if m.de_muc]
    except danh_so.LoiDanhSo:
        return None
