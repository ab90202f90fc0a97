"""Kiểm tra số liệu đọc được từ chữ (chỉ cảnh báo): tỷ lệ "x/y = p%" tính lại, và tổng
"N …, trong đó: a …; b …" cộng lại các phần."""

from __future__ import annotations

import re
from decimal import Decimal

from drafter import vn
from drafter.kiem_tra.bo_cuc import BoCuc
from drafter.kiem_tra.ket_qua import KetQua
from drafter.kiem_tra.ket_qua import MucDoDat as M
from drafter.kiem_tra.quy_tac_chung import liet_ke
from drafter.kiem_tra.tien_ich import vi_tri

_SO = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_DON_VI = r"[^\W\d_]+(?:[ \t][^\W\d_]+)?"  # "ha", "đ", "hộ", "triệu đồng", "tiêu chí"
# "x/y … p%", đơn vị có thể ở cả hai vế ("12.500 triệu đồng/40.000 triệu đồng, đạt 30%").
# Không phải tỷ lệ: ngày/tháng, tháng/năm ("hết tháng 11/2024 … đạt 90%", "đến 28/6").
_TY_LE = re.compile(
    r"(?<![\d.,/])(?<!ngày )(?<!Ngày )(?<!tháng )(?<!Tháng )(?<!quý )(?<!đến )(?<!hết )"
    r"(?!(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\d.,]))"
    rf"(?P<x>{_SO})(?:[ \t]*(?P<dvx>{_DON_VI}))?[ \t]*/[ \t]*(?P<y>{_SO})(?![\d/])"
    rf"(?:[ \t]*(?P<dvy>{_DON_VI}))?"
    rf"(?P<giua>[^%/]{{0,60}}?)(?P<p>{_SO}|\d+\.\d+)\s*%")
# Sau "p%" là tiền ("33,3% vốn giao"): phần trăm của số tiền, không phải của x/y khi x/y đếm
# hộ, người… (mẫu Hữu Kiên: "giải ngân được 02/03 hộ … hoàn thành 33,3% vốn giao").
_PHAN_TIEN = re.compile(r"\s*(?:(?:nguồn|tổng|số)\s+)?(?:vốn|kinh phí|dự toán|ngân sách|giá trị)",
                        re.I)
_TIEN = frozenset({"đồng", "đ", "triệu", "tỷ", "nghìn", "ngàn"})
# Đơn vị đo (không phải tên một loại): các phần khác đơn vị đo thì không cộng được với nhau.
_DON_VI_DO = _TIEN | frozenset({"ha", "m", "m2", "km", "kg", "tấn", "tạ", "lít", "%"})
_TRONG_DO = re.compile(r"\(?\s*(?:trong đó(?:\s+có)?|gồm có|bao gồm)\s*:?\s*", re.I)
_SO_DON_VI = re.compile(rf"(?<![\d.,/])(?P<so>{_SO})\s*(?P<dv>%|[^\W\d_]+)?"
                        r"(?P<dv2>[ \t][^\W\d_]+)?")
_HET_CAU = re.compile(r"[.!?](?:\s|$)")
_TONG = re.compile(r"(?<!\w)tổng(?!\w)", re.I)
_SO_LE_SO_SANH = 2  # "84,033%" so với x/y tới hai chữ số thập phân: số lẻ thứ ba là thừa


def _doc(chu: str) -> Decimal | None:
    if sum(c.isdigit() for c in chu) > 18:
        return None  # số liệu báo cáo không dài thế; tính với số cực lớn làm Decimal báo lỗi
    try:
        return vn.doc_so(chu)
    except vn.LoiNhapSo:
        return None


def _tu(chu: str | None) -> list[str]:
    return chu.lower().split() if chu else []


def kiem_ty_le(chu: str) -> list[str]:
    """Các chỗ "x/y … p%" mà p không khớp x/y (làm tròn nửa lên theo số chữ số của p, tối đa
    hai chữ số thập phân)."""
    ra = []
    for m in _TY_LE.finditer(chu):
        giua = m["giua"]
        if re.search(r"\d", giua) or len(giua) > 45:
            continue  # còn số khác xen giữa: không chắc p là tỷ lệ của x/y
        dvx, dvy = _tu(m["dvx"]), _tu(m["dvy"])
        if dvx and dvy[:len(dvx)] != dvx:
            continue  # "12.500 triệu đồng/40.000 ha": hai vế khác đơn vị
        dem = dvy[:1] and dvy[0] not in _TIEN
        if dem and _PHAN_TIEN.match(chu, m.end()):
            continue
        x, y = _doc(m["x"]), _doc(m["y"])
        p_chu = m["p"]
        p = _doc(p_chu) if "." not in p_chu or "," in p_chu else Decimal(p_chu)
        if x is None or y is None or p is None or y == 0:
            continue
        so_le = len(p_chu.split(",")[-1]) if "," in p_chu else (
            len(p_chu.split(".")[-1]) if "." in p_chu else 0)
        so_sanh = min(so_le, _SO_LE_SO_SANH)
        dung = vn.lam_tron(x * 100 / y, so_sanh) == vn.lam_tron(p, so_sanh)
        if not dung or ("." in p_chu and "," not in p_chu):
            vx = f"{m['x']} {m['dvx']}" if m["dvx"] else m["x"]
            vy = f"{m['y']} {' '.join(m['dvy'].split()[:len(dvx)])}" if dvx else m["y"]
            ghi = f"{vx}/{vy} = {vn.phan_tram(x * 100 / y, max(so_le, 1))}"
            ra.append(f"«{m.group()[:70]}»: {ghi}"
                      + (", viết dấu phẩy thập phân" if dung else ""))
    return ra


_DAC_BIET = re.compile(r"[()]|[.!?](?=\s|$)")
_TOI_DA_MENH_DE = 200  # mệnh đề «trong đó» mỗi đoạn: đoạn thật có vài cái; chữ độc thì hàng vạn
_TOI_DA_NGOAC = 64  # dấu ngoặc, dấu chấm xét trong một mệnh đề


def _menh_de(chu: str, dau: int, trong_ngoac: bool) -> tuple[str, list[tuple[str, str]]]:
    """Mệnh đề «trong đó» từ vị trí `dau`: trong ngoặc thì đến dấu ")" khớp, không thì đến hết
    câu. Trả về chữ của mệnh đề đã bỏ các ngoặc con, và mỗi ngoặc con kèm chữ đứng trước nó
    (phần mà ngoặc con chia nhỏ: "ngựa 103 con (ngựa bạch: 80 con, ngựa thường: 24 con)").

    Chỉ nhảy qua các dấu ngoặc, dấu chấm (biểu thức chính quy), không đi từng ký tự: thời gian
    tuyến tính cả với chữ độc."""
    ket = min(len(chu), dau + 500)  # một mệnh đề «trong đó» không dài hơn
    ngoai: list[str] = []
    con: list[tuple[str, str]] = []
    sau, mo, tu = 0, -1, dau
    for lan, d in enumerate(_DAC_BIET.finditer(chu, dau, ket)):
        i = d.start()
        if lan >= _TOI_DA_NGOAC:
            ket = i
            break
        if d.group() == "(":
            if sau == 0:
                ngoai.append(chu[tu:i])
                mo = i
            sau += 1
        elif d.group() == ")":
            if sau == 0:
                ket = i  # ngoặc của chính mệnh đề đóng lại
                break
            sau -= 1
            if sau == 0:
                con.append(("".join(ngoai), chu[mo + 1:i]))
                ngoai.append(" ")
                tu = i + 1
        elif sau == 0 and not trong_ngoac:
            ket = i  # hết câu
            break
    if sau == 0:
        ngoai.append(chu[tu:ket])
    return "".join(ngoai), con


_LA_TY_LE = re.compile(rf"\s*(?:{_DON_VI}\s*)?/\s*\d")


def _cac_phan(menh_de: str) -> list[tuple[str, str | None]]:
    """Các số kèm đơn vị của mệnh đề, trừ phần trăm và tỷ lệ ("Giỏi: 06/40 đạt 15%")."""
    return [(p["so"], p["dv"]) for p in _SO_DON_VI.finditer(menh_de)
            if p["dv"] != "%" and not re.match(r"\s*%", menh_de[p.end():])
            and not _LA_TY_LE.match(menh_de, p.end("so"))]


def _cong(cac: list[tuple[str, str | None]]) -> Decimal | None:
    so = [_doc(s) for s, _ in cac]
    doc_duoc = [c for c in so if c is not None]
    return None if len(doc_duoc) < len(so) else sum(doc_duoc, Decimal(0))


def _mot_tong(tong: re.Match[str], phan: list[tuple[str, str | None]], menh_de: str,
              dv_chung: str | None) -> str | None:
    gia_tri, cong = _doc(tong["so"]), _cong(phan)
    if gia_tri is None or cong is None or cong == gia_tri:
        return None
    don_vi = f" {tong['dv']}{tong['dv2'] or ''}" if tong["dv"] and (
        dv_chung or tong["dv"] not in _DON_VI_DO) else ""
    return f"tổng {tong['so']}{don_vi} nhưng các phần «{_trich(menh_de)}…» cộng lại {vn.so(cong)}"


def _trich(chu: str, toi_da: int = 50) -> str:
    """Đầu đoạn chữ, cắt ở ranh giới từ."""
    ra = ""
    for tu in re.sub(r"\s+([,;.:])", r"\1", chu).split():
        if ra and len(ra) + 1 + len(tu) > toi_da:
            break
        ra = f"{ra} {tu}" if ra else tu
    return ra[:toi_da]


def kiem_tong(chu: str) -> list[str]:
    """Các chỗ "N đv …, trong đó: a đv; b đv" mà a + b + … ≠ N; ngoặc con sau một phần
    ("ngựa 103 con (ngựa bạch: 80 con, ngựa thường: 24 con)") cộng lại phải bằng phần đó."""
    ra = []
    for lan, m in enumerate(_TRONG_DO.finditer(chu)):
        if lan >= _TOI_DA_MENH_DE:
            break
        # Tổng nằm trong cùng câu, trước "trong đó": "(Trong đó …)" đứng sau dấu chấm thì
        # không rõ chia số nào của câu trước.
        dau = max(0, m.start() - 120)
        for het in _HET_CAU.finditer(chu, dau, m.start()):
            dau = het.end()
        truoc = chu[dau:m.start()]
        trong_ngoac = m.group().lstrip().startswith("(") or truoc.rstrip().endswith("(")
        menh_de, con = _menh_de(chu, m.end(), trong_ngoac)
        # "…; Đàn Ngựa bạch 1.482 con chiếm 59,8% tổng đàn Ngựa, tổng số ngựa sinh sản …":
        # từ chữ "tổng" là câu khác, không còn là phần.
        cat = _TONG.search(menh_de)
        if cat:
            menh_de = menh_de[:cat.start()]
            con = [(t, c) for t, c in con if len(t) <= cat.start()]
        phan = _cac_phan(menh_de)
        ngoac_con = [loi for truoc_con, chu_con in con
                     for loi in _kiem_ngoac_con(truoc_con, chu_con)]
        if len(phan) < 2:
            ra += ngoac_con
            continue
        don_vi = [dv for _, dv in phan if dv]
        dv_chung = don_vi[0] if len(set(don_vi)) == 1 and len(don_vi) == len(phan) else None
        so_truoc = [t for t in _SO_DON_VI.finditer(truoc) if t["dv"] != "%"]
        if dv_chung:
            ung_vien = [t for t in so_truoc if t["dv"] == dv_chung]
        elif not don_vi:
            ung_vien = so_truoc
        elif len(phan) >= 3 and len(don_vi) == len(phan) == len(set(don_vi)) and \
                not set(don_vi) & _DON_VI_DO:
            # Mỗi phần một loại ("139 báo cáo, 81 quyết định, …"): tổng là số đếm đứng trước
            # ("4478 văn bản các loại").
            ung_vien = [t for t in so_truoc if t["dv"] and t["dv"] not in _DON_VI_DO]
        else:
            ung_vien = []
        if ung_vien and (loi := _mot_tong(ung_vien[-1], phan, menh_de, dv_chung)):
            ra.append(loi)
        ra += ngoac_con
    return ra


def _kiem_ngoac_con(truoc: str, chu_con: str) -> list[str]:
    """Ngoặc con ngay sau một phần cùng đơn vị chia nhỏ phần đó (không xét ngoặc «trong đó»,
    vòng lặp chính đã xét)."""
    if _TRONG_DO.search(chu_con):
        return []
    phan_truoc = list(_SO_DON_VI.finditer(truoc))
    if not phan_truoc or truoc[phan_truoc[-1].end():].strip():
        return []
    tong = phan_truoc[-1]
    phan = _cac_phan(chu_con)
    if len(phan) < 2 or not tong["dv"] or any(dv != tong["dv"] for _, dv in phan):
        return []
    dong = tong.group().split()[-1:] if tong["dv2"] else []
    loi = _mot_tong(tong, phan, chu_con, tong["dv"])
    if loi and dong:
        # Tên phần đứng trước số ("ngựa 103 con"), không phải chữ sau đơn vị.
        loi = loi.replace(f"{tong['dv']}{tong['dv2']}", tong["dv"], 1)
    ten = truoc[:tong.start()].split(",")[-1].split(";")[-1].strip()
    return [f"{ten} {loi.removeprefix('tổng ')}" if ten and loi else loi] if loi else []


def so_lieu(bc: BoCuc) -> list[KetQua]:
    ty_le, tong = [], []
    nguon = [(vi_tri(d), d.chu) for d in bc.than if d.chu.strip()]
    nguon += [(f"chú thích {ma}", chu) for ma, chu in bc.tai_lieu.chu_thich().items()]
    for noi, chu in nguon:
        ty_le += [f"{noi}: {s}" for s in kiem_ty_le(chu)]
        tong += [f"{noi}: {s}" for s in kiem_tong(chu)]
    return [
        KetQua.theo("so_lieu_ty_le", M.CANH_BAO if ty_le else M.DAT,
                    liet_ke(ty_le, "tỷ lệ không khớp", 5) if ty_le else
                    "các tỷ lệ đọc được đều khớp"),
        KetQua.theo("so_lieu_tong", M.CANH_BAO if tong else M.DAT,
                    liet_ke(tong, "các phần không cộng đúng tổng", 5) if tong else
                    "các tổng đọc được đều khớp"),
    ]
