"""Quy tắc thân văn bản (drafter/nd30.py: 24–36, 52): cỡ chữ, căn lề, thụt đầu dòng, khoảng
cách, giãn dòng, đề mục và số thứ tự, dấu hết "./.", chữ giữ chỗ bỏ quên."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

from drafter import nd30, vn
from drafter.kiem_tra.bo_cuc import BoCuc
from drafter.kiem_tra.doc_docx import Doan
from drafter.kiem_tra.ket_qua import KetQua
from drafter.kiem_tra.ket_qua import MucDoDat as M
from drafter.kiem_tra.quy_tac_chung import liet_ke
from drafter.kiem_tra.tien_ich import CacCho, cac_co, cm, pt, tat_ca, vi_tri

_LA_MA = {vn.la_ma(i): i for i in range(1, 40)}
_DE_MUC = re.compile(
    r"^(?:(?P<phan>(?:PHẦN|Phần) (?:THỨ \S+|thứ \S+|[IVXLC]+))\b"
    r"|(?P<chu_hoa>[A-ZĐ])\.\s"
    r"|(?P<so>\d{1,2}(?:\.\d{1,2})*)(?P<sau_so>[.)]?)\s"
    r"|(?P<chu>[a-zđ])(?P<sau_chu>[).,])\s)"
)
_THU_TU_CAP = ("phan", "chu_hoa", "la_ma", "so", "so2", "so3", "chu")


@dataclass
class DeMucNhanDien:
    doan: Doan
    cap: str
    so: int
    nhan: str
    loi_cham_cau: str = ""  # "1.2" thiếu dấu chấm cuối, "e." thay vì "e)"


def nhan_dien_de_muc(d: Doan, truoc_cung_cap: dict[str, int]) -> DeMucNhanDien | None:
    """Đoạn có bắt đầu bằng số thứ tự đề mục không; nếu có thì cấp nào, số mấy."""
    chu = d.chu.lstrip()
    m = _DE_MUC.match(chu + " ")
    if not m:
        return None
    if m["phan"]:
        duoi = m["phan"].split()[-1]
        so = _LA_MA.get(duoi.upper()) or _thu_tu(duoi)
        return DeMucNhanDien(d, "phan", so or 0, m["phan"]) if so else None
    if m["chu_hoa"]:
        chu_cai = m["chu_hoa"]
        # "I.", "V.", "X." là số La Mã, trừ khi đang liệt kê A. B. C. … và đây là chữ kế tiếp.
        truoc = truoc_cung_cap.get("chu_hoa", 0)
        la_chu_ke = truoc and vn.chu_cai(truoc + 1).upper() == chu_cai
        if chu_cai in _LA_MA and not la_chu_ke:
            return DeMucNhanDien(d, "la_ma", _LA_MA[chu_cai], chu_cai + ".")
        return DeMucNhanDien(d, "chu_hoa", _thu_tu_chu(chu_cai.lower()), chu_cai + ".")
    if m["so"] is not None:
        # "II." cũng khớp nhánh chu_hoa? Không: chỉ một chữ. Số La Mã nhiều chữ ở đây:
        chu_so = m["so"]
        phan = chu_so.split(".")
        cap = ("so", "so2", "so3")[min(len(phan), 3) - 1]
        loi = ""
        if len(phan) > 1 and m["sau_so"] != ".":
            loi = f"«{chu_so}» thiếu dấu chấm cuối (viết «{chu_so}.»)"
        elif len(phan) == 1 and m["sau_so"] != ".":
            return None  # "2024 " hay "15 ha" ở đầu đoạn không phải đề mục
        return DeMucNhanDien(d, cap, int(phan[-1]), chu_so + ".", loi)
    if m["chu"]:
        if not chu[m.end():].strip():
            return None  # đoạn chỉ có "x." (ký hiệu, chữ viết dở): không có nội dung của điểm
        loi = "" if m["sau_chu"] == ")" else f"«{m['chu']}{m['sau_chu']}» phải viết «{m['chu']})»"
        if m["sau_chu"] == "," and not loi:
            return None
        return DeMucNhanDien(d, "chu", _thu_tu_chu(m["chu"]), m["chu"] + ")", loi)
    return None


def _thu_tu_chu(chu_cai: str) -> int:
    return vn.CHU_CAI.index(chu_cai) + 1 if chu_cai in vn.CHU_CAI else 0


def _thu_tu(chu: str) -> int | None:
    chu = chu.upper()
    for i in range(1, 11):
        if vn.thu_tu_chu(i).split()[-1] == chu:
            return i
    return None


_LA_MA_NHIEU = re.compile(r"^(?P<r>[IVXLC]{2,})\.\s")


def cac_de_muc(than: list[Doan]) -> list[DeMucNhanDien]:
    ra: list[DeMucNhanDien] = []
    truoc: dict[str, int] = {}
    for d in than:
        if d.bang is not None or not d.chu.strip():
            continue
        m = _LA_MA_NHIEU.match(d.chu.lstrip())
        dm = (DeMucNhanDien(d, "la_ma", _LA_MA[m["r"]], m["r"] + ".") if m and m["r"] in _LA_MA
              else nhan_dien_de_muc(d, truoc))
        if dm:
            truoc[dm.cap] = dm.so
            ra.append(dm)
    return ra


def thu_tu_de_muc(bc: BoCuc) -> list[KetQua]:
    """Số thứ tự liên tục, bắt đầu lại dưới mỗi đề mục cha; chữ cái theo thứ tự tiếng Việt."""
    de_muc = cac_de_muc(bc.than)
    if not de_muc:
        return [KetQua.theo("thu_tu_de_muc", M.KHONG_AP_DUNG,
                            "văn bản không có đề mục đánh số")]
    loi: list[str] = []
    ngan_xep: list[tuple[str, int]] = []  # (cấp, số) từ ngoài vào trong
    for dm in de_muc:
        if dm.loi_cham_cau:
            loi.append(f"{vi_tri(dm.doan)}: {dm.loi_cham_cau}")
        bac = _THU_TU_CAP.index(dm.cap)
        while ngan_xep and _THU_TU_CAP.index(ngan_xep[-1][0]) > bac:
            ngan_xep.pop()
        truoc = ngan_xep.pop()[1] if ngan_xep and ngan_xep[-1][0] == dm.cap else 0
        if dm.so != truoc + 1:
            mong = _nhan(dm.cap, truoc + 1)
            sau = f" sau «{_nhan(dm.cap, truoc)}»" if truoc else " ở đầu cấp"
            loi.append(f"{vi_tri(dm.doan)}: «{dm.nhan}»{sau}, yêu cầu «{mong}»")
        ngan_xep.append((dm.cap, dm.so))
    return [KetQua.theo("thu_tu_de_muc", M.KHONG_DAT if loi else M.DAT,
                        liet_ke(loi, "sai thứ tự hoặc cách viết", 5) if loi else
                        f"{len(de_muc)} đề mục đánh số liên tục, bắt đầu lại dưới mỗi cấp trên")]


def _nhan(cap: str, so: int) -> str:
    if so < 1:
        return "?"
    return {"phan": f"Phần {vn.la_ma(so)}", "chu_hoa": vn.chu_cai(so).upper() + ".",
            "la_ma": vn.la_ma(so) + ".", "chu": vn.chu_cai(so) + ")"}.get(cap, f"{so}.")


def dinh_dang_de_muc(bc: BoCuc) -> list[KetQua]:
    de_muc = cac_de_muc(bc.than)
    loi: list[str] = []
    chu_thuong = CacCho()
    for dm in de_muc:
        d = dm.doan
        if dm.cap in ("la_ma",) and len(d.chu_gon) < 200:
            tieu_de = d.chu_gon
            if not tat_ca(d, lambda t: t.dam):
                loi.append(f"{vi_tri(d)}: mục «{dm.nhan}» phải đậm")
            # Chỉ mẫu (mục V Phụ lục I) in hoa tiêu đề mục I.; lời văn không bắt buộc: nhắc.
            if tieu_de != tieu_de.upper() and chu_thuong.dem():
                chu_thuong.cau.append(vi_tri(d))
        elif dm.cap == "phan" and not tat_ca(d, lambda t: t.dam):
            loi.append(f"{vi_tri(d)}: «Phần» phải đậm, căn giữa")
        elif dm.cap == "chu" and d.run_co_chu() and all(t.dam for t in d.run_co_chu()):
            loi.append(f"{vi_tri(d)}: điểm «{dm.nhan}» không in đậm")
    if not de_muc:
        return [KetQua.theo("dinh_dang_de_muc", M.KHONG_AP_DUNG,
                            "không có đề mục")]
    nhac = liet_ke(chu_thuong, "tiêu đề mục «I.» chữ thường, mẫu của NĐ 30 in hoa", 4) \
        if chu_thuong else ""
    return [KetQua.theo("dinh_dang_de_muc",
                        M.KHONG_DAT if loi else (M.CANH_BAO if chu_thuong else M.DAT),
                        "; ".join(x for x in (liet_ke(loi, "sai định dạng", 4) if loi else "",
                                              nhac) if x) or "đúng")]


def _tieu_de_phan(bc: BoCuc, de_muc: list[DeMucNhanDien]) -> set[int]:
    """Dòng tên phần in hoa, căn giữa ngay dưới "PHẦN THỨ NHẤT" cũng là đề mục."""
    ra = set()
    for dm in de_muc:
        if dm.cap != "phan":
            continue
        sau = bc.sau(dm.doan)
        while sau is not None and not sau.chu.strip():
            sau = bc.sau(sau)
        if sau is not None and sau.chu_gon == sau.chu_gon.upper() and \
                sau.dinh_dang.can_le == "center":
            ra.add(id(sau))
    return ra


def doan_than(bc: BoCuc) -> list[KetQua]:
    """Đoạn văn thân bài (không tính đề mục, ô bảng, đoạn trống)."""
    ds = cac_de_muc(bc.than)
    de_muc = {id(dm.doan) for dm in ds} | _tieu_de_phan(bc, ds)
    doan = [d for d in bc.than if d.bang is None and d.chu.strip() and id(d) not in de_muc]
    if not doan:
        return [KetQua.theo("co_chu_than", M.KHONG_DAT,
                            "không tìm thấy đoạn văn thân bài")]
    ra: list[KetQua] = []
    co = Counter(c for d in doan for c in cac_co(d))
    sai_co = CacCho()
    for d in doan:
        if not all(nd30.CO_CHU_THAN.chua(c) for c in cac_co(d)):
            if sai_co.dem():
                sai_co.cau.append(vi_tri(d))
    nhieu_co = len([c for c in co if c is not None]) > 1
    chinh = co.most_common(1)[0][0]
    ra.append(KetQua.theo("co_chu_than",
                          M.KHONG_DAT if sai_co else (M.CANH_BAO if nhieu_co else M.DAT),
                          liet_ke(sai_co, f"cỡ chữ ngoài {nd30.CO_CHU_THAN.khoang.so()}")
                          if sai_co else
                          (f"dùng lẫn nhiều cỡ: {', '.join(pt(c) for c, _ in co.most_common(6))}"
                           + (f" (và {len(co) - 6} cỡ khác)" if len(co) > 6 else "") if nhieu_co
                           else f"{pt(chinh)} ở {len(doan)} đoạn")))
    khong_deu, sai_thut = CacCho(), CacCho()
    for d in doan:
        if d.dinh_dang.can_le != "both" and not _la_gach(d):
            if khong_deu.dem():
                khong_deu.cau.append(vi_tri(d))
        if not _thut_dung(d.dinh_dang.thut_dong_dau_cm) and not _la_gach(d):
            if sai_thut.dem():
                sai_thut.cau.append(f"{vi_tri(d)}: {cm(d.dinh_dang.thut_dong_dau_cm)} cm")
    ra.append(KetQua.theo("can_deu", M.KHONG_DAT if khong_deu else M.DAT,
                          liet_ke(khong_deu, "đoạn không căn đều hai bên") if khong_deu else
                          f"{len(doan)} đoạn căn đều"))
    ra.append(KetQua.theo("thut_dau_dong", M.KHONG_DAT if sai_thut else M.DAT,
                          liet_ke(sai_thut, "thụt đầu dòng sai") if sai_thut else "đúng"))
    sai_cach = CacCho()
    for truoc, sau in pairwise(doan):
        if bc.chi_so(sau) != bc.chi_so(truoc) + 1:
            continue
        cach = truoc.dinh_dang.sau_pt + sau.dinh_dang.truoc_pt
        if sau.dinh_dang.gop_khoang_cach and sau.kieu_id == truoc.kieu_id:
            cach = 0
        if not nd30.CACH_DOAN.chua(cach):
            if sai_cach.dem():
                sai_cach.cau.append(f"{vi_tri(sau)}: {cach:g} pt")
    ra.append(KetQua.theo("cach_doan", M.KHONG_DAT if sai_cach else M.DAT,
                          liet_ke(sai_cach, f"khoảng cách nhỏ hơn {nd30.CACH_DOAN.mo_ta_ghi()}")
                          if sai_cach else "đúng"))
    sai_dong, xem_lai = CacCho(), CacCho()
    for d in doan:
        dd = d.dinh_dang
        if dd.kieu_gian_dong == "auto":
            if dd.gian_dong is not None and not nd30.GIAN_DONG.chua(dd.gian_dong):
                if sai_dong.dem():
                    sai_dong.cau.append(f"{vi_tri(d)}: {cm(dd.gian_dong)} dòng")
        else:
            kieu = "chính xác" if dd.kieu_gian_dong == "exact" else "tối thiểu"
            if xem_lai.dem():
                xem_lai.cau.append(f"{vi_tri(d)}: {kieu} {dd.gian_dong_pt:g} pt")
    ra.append(KetQua.theo("gian_dong",
                          M.KHONG_DAT if sai_dong else (M.CANH_BAO if xem_lai else M.DAT),
                          liet_ke(sai_dong, "giãn dòng ngoài khoảng") if sai_dong else
                          (liet_ke(xem_lai, "giãn dòng theo điểm (cần xem lại)") if xem_lai
                           else "đúng")))
    return ra


def _la_gach(d: Doan) -> bool:
    return d.chu.lstrip().startswith(("-", "+", "•", "*", "–"))


def _thut_dung(cm: float) -> bool:
    return nd30.THUT_DAU_DONG.chua(cm)


def dau_het(bc: BoCuc) -> list[KetQua]:
    doan = [d for d in bc.than if d.bang is None and d.chu.strip()]
    if not doan:
        return [KetQua.theo("dau_het", M.KHONG_AP_DUNG,
                            "không có thân văn bản")]
    cuoi = doan[-1]
    dung = cuoi.chu.rstrip().endswith(nd30.DAU_HET)
    # «./.» có ở mọi mẫu Phụ lục III nhưng lời văn Phụ lục I không quy định: người soạn có thể
    # kết cách khác («Kính trình …»), nên chỉ nhắc.
    return [KetQua.theo("dau_het", M.DAT if dung else M.CANH_BAO,
                        "có" if dung else f"đoạn cuối thân văn bản không kết thúc bằng "
                        f"«{nd30.DAU_HET}» (mẫu của NĐ 30 có; kiểm tra lại nếu không cố ý)",
                        "" if dung else vi_tri(cuoi))]


_GIU_CHO = (
    (re.compile(r"(?:^|\s)(?:…|\.{3,})(?=\s+\w)"), "dấu «…» đứng thay cho số liệu"),
    (re.compile(r"…{2,}|\.{5,}"), "dòng chấm chấm để điền"),
    (re.compile(r"\(Chữ ký[^)]{0,100}\)|Họ và tên\b", re.I), "chữ giữ chỗ của mẫu"),
)


def chu_giu_cho(bc: BoCuc) -> list[KetQua]:
    thay = CacCho()
    for d in bc.doan:
        for khuon, mo_ta in _GIU_CHO:
            m = khuon.search(d.chu)
            if m:
                if thay.dem():
                    trich = d.chu[max(m.start() - 15, 0):m.end() + 15]
                    thay.cau.append(f"{vi_tri(d)}: {mo_ta} «{trich}»")
                break
    for chu in bc.tai_lieu.chu_thich().values():
        for khuon, mo_ta in _GIU_CHO[:2]:
            m = khuon.search(chu)
            if m:
                doan_trich = chu[max(m.start() - 15, 0):m.end() + 15]
                if thay.dem():
                    thay.cau.append(f"chú thích «{chu[:30]}…»: {mo_ta} «{doan_trich}»")
                break
    return [KetQua.theo("giu_cho", M.CANH_BAO if thay else M.DAT,
                        liet_ke(thay, "còn chỗ chưa điền", 5) if thay else "không còn")]
