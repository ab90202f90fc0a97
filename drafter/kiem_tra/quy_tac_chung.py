"""Quy tắc chung của trang: khổ giấy, lề, phông, màu, mã Unicode, số trang (drafter/nd30.py:
1–6, 46–48)."""

from __future__ import annotations

import re
import unicodedata

from drafter import nd30
from drafter.kiem_tra.bo_cuc import BoCuc
from drafter.kiem_tra.doc_docx import NS, do, so_do, w
from drafter.kiem_tra.ket_qua import KetQua
from drafter.kiem_tra.ket_qua import MucDoDat as M
from drafter.kiem_tra.tien_ich import CacCho, cm, pt, vi_tri

TNR = nd30.PHONG.ghi
# Ký tự hay gặp khi văn bản gõ bằng bảng mã TCVN3 (ABC) hay VNI bị mở như Unicode.
# Chỉ lấy ký tự không bao giờ có trong chữ Việt Unicode (¸ µ ¶ … của TCVN3; ä ø û … của VNI).
_TCVN3 = set("¸µ¶·¹¨©ª«®¬»¼½¾ÆÇËÎÏÑ×ØÞßæçëîïñ÷øþ¦§¤¢£¥")
_VNI = re.compile(r"[aeiouyAEIOUY][äåëïöüøæçûîÿÄÅËÏÖÜØÆÇÛÎ]")


def kho_giay(bc: BoCuc) -> list[KetQua]:
    sect = bc.tai_lieu.sect_pr()
    pg = sect.find(w("pgSz")) if sect is not None else None
    if pg is None:
        return [KetQua.theo("kho_giay", M.KHONG_DAT, "không khai báo khổ giấy; Word sẽ dùng khổ "
                            "mặc định (thường là Letter)")]
    rong, cao = do(pg, "w", mac_dinh=0), do(pg, "h", mac_dinh=0)
    ngang = pg.get(w("orient")) == "landscape" or rong > cao
    a, b = (cao, rong) if ngang else (rong, cao)
    dung = nd30.RONG_GIAY.chua(a / nd30.TWIP_MOI_MM) and nd30.CAO_GIAY.chua(b / nd30.TWIP_MOI_MM)
    ra = [KetQua.theo("kho_giay", M.DAT if dung else M.KHONG_DAT,
                      f"{cm(a / nd30.TWIP_MOI_CM, 1)} × {cm(b / nd30.TWIP_MOI_CM, 1)} cm"
                      + ("" if dung else f", yêu cầu {cm(nd30.RONG_GIAY.ghi / 10, 1)} × "
                                         f"{cm(nd30.CAO_GIAY.ghi / 10, 1)} cm"))]
    co_bang = any(d.bang is not None for d in bc.than)  # bảng trong thân, không tính phần đầu
    if not ngang:
        ra.append(KetQua.theo("huong_giay", M.DAT, "trang dọc"))
    else:
        ra.append(KetQua.theo("huong_giay", M.CANH_BAO if co_bang else M.KHONG_DAT,
                              "trang nằm ngang; chỉ được dùng khi thân có bảng, biểu rộng"))
    return ra


def le_trang(bc: BoCuc) -> list[KetQua]:
    sect = bc.tai_lieu.sect_pr()
    le = sect.find(w("pgMar")) if sect is not None else None
    if le is None:
        return [KetQua.theo("le_trang", M.KHONG_DAT, "không khai báo lề trang")]
    gioi_han = {"top": ("trên", nd30.LE_TREN), "bottom": ("dưới", nd30.LE_DUOI),
                "left": ("trái", nd30.LE_TRAI), "right": ("phải", nd30.LE_PHAI)}
    sai, mo_ta = [], []
    for k, (ten, gia_tri) in gioi_han.items():
        v = do(le, k)
        if v is None and le.get(w(k)) is not None:
            sai.append(f"lề {ten} «{le.get(w(k))}» không đọc được")
            continue
        # Lề trên, dưới âm là hợp lệ (Word: chữ không đẩy lề); lề trái, phải âm là sai.
        v = abs(v or 0) if k in ("top", "bottom") else v or 0
        mo_ta.append(f"{ten} {v / nd30.TWIP_MOI_MM:.0f} mm")
        if not gia_tri.chua(v / nd30.TWIP_MOI_MM):
            sai.append(f"lề {ten} {v / nd30.TWIP_MOI_MM:.0f} mm (yêu cầu "
                       f"{gia_tri.khoang.so()} mm)")
    return [KetQua.theo("le_trang", M.KHONG_DAT if sai else M.DAT,
                        "; ".join(sai) if sai else ", ".join(mo_ta))]


def phong_mau_sac_ma(bc: BoCuc) -> list[KetQua]:
    sai_phong, phu, sai_mau_sac, sai_nfc, ma_cu = CacCho(), CacCho(), CacCho(), CacCho(), CacCho()
    for d in bc.doan:
        for chu, tt in d.cac_run:
            if not chu.strip() or chu == "\u2060":
                continue
            chinh = {tt.phong.get("ascii"), tt.phong.get("hAnsi")}
            if chinh != {TNR}:
                if sai_phong.dem():
                    sai_phong.cau.append(f"{vi_tri(d)}: {', '.join(sorted(str(p) for p in chinh))}")
            elif {tt.phong.get("eastAsia"), tt.phong.get("cs")} - {TNR}:
                if phu.dem():
                    phu.cau.append(vi_tri(d))
            if (tt.mau_sac or "auto").lower() not in ("auto", nd30.MAU_SAC_CHU.ghi):
                if sai_mau_sac.dem():
                    sai_mau_sac.cau.append(f"{vi_tri(d)}: màu {tt.mau_sac}")
        if d.chu and not unicodedata.is_normalized("NFC", d.chu):
            if sai_nfc.dem():
                sai_nfc.cau.append(vi_tri(d))
        if sum(c in _TCVN3 for c in d.chu) >= 3 or len(_VNI.findall(d.chu)) >= 3:
            if ma_cu.dem():
                ma_cu.cau.append(vi_tri(d))
    ra = [
        KetQua.theo("phong_chu", M.KHONG_DAT if sai_phong else
                    (M.CANH_BAO if phu else M.DAT),
                    liet_ke(sai_phong, "chữ không dùng Times New Roman") if sai_phong else
                    (liet_ke(phu, "phông cho chữ Đông Á / phức hợp (eastAsia, cs) chưa là "
                                   "Times New Roman") if phu else
                     "mọi đoạn chữ dùng Times New Roman")),
        KetQua.theo("mau_chu", M.KHONG_DAT if sai_mau_sac else M.DAT,
                    liet_ke(sai_mau_sac, "chữ không màu đen") if sai_mau_sac
                    else "mọi chữ màu đen"),
    ]
    if ma_cu:
        ra.append(KetQua.theo("ma_unicode", M.KHONG_DAT,
                              liet_ke(ma_cu, "có dấu hiệu gõ bằng bảng mã cũ TCVN3/VNI")))
    elif sai_nfc:
        ra.append(KetQua.theo("ma_unicode", M.CANH_BAO,
                              liet_ke(sai_nfc, "chữ ở dạng tổ hợp (NFD), nên dùng dạng dựng sẵn")))
    else:
        ra.append(KetQua.theo("ma_unicode", M.DAT,
                              "Unicode dựng sẵn (NFC)"))
    return ra


def so_trang(bc: BoCuc) -> list[KetQua]:
    tl = bc.tai_lieu
    sect = tl.sect_pr()
    mac_dinh = tl.phan_dau_trang("default")
    ra: list[KetQua] = []
    # Trường PAGE phải nằm trong một đoạn của đầu trang (đặt thẳng dưới w:hdr là sai cấu trúc).
    p = None if mac_dinh is None else next(
        (p for p in mac_dinh.iter(w("p")) if _co_truong_page(p)), None)
    co_page = p is not None
    if p is None:
        ra.append(KetQua.theo("so_trang", M.KHONG_DAT,
                              "đầu trang không có trường PAGE (số trang tự động)"))
    else:
        doan = tl.doan(p)
        co: set[float | None] = {t.co_pt for _, t in doan.cac_run if t.co_pt} or {None}
        giua = doan.dinh_dang.can_le == "center"
        dung_co = all(nd30.CO_SO_TRANG.chua(c) for c in co)
        ra.append(KetQua.theo("so_trang", M.DAT if giua and dung_co else M.KHONG_DAT,
                              f"trường PAGE, căn {_can(doan.dinh_dang.can_le)}, cỡ "
                              f"{', '.join(pt(c) for c in co)}"
                              + ("" if giua and dung_co else
                                 f"; yêu cầu căn giữa, cỡ {nd30.CO_SO_TRANG.khoang.so()}")))
    le = sect.find(w("pgMar")) if sect is not None else None
    if not co_page or le is None:
        ra.append(KetQua.theo("dau_trang_trong_le", M.KHONG_AP_DUNG,
                              "văn bản không đánh số trang"))
    else:
        dau, tren = do(le, "header", mac_dinh=0), abs(do(le, "top", mac_dinh=0))
        ra.append(KetQua.theo("dau_trang_trong_le", M.DAT if dau < tren else M.KHONG_DAT,
                              f"cách mép trên {cm(dau / nd30.TWIP_MOI_CM)} cm, lề trên "
                              f"{cm(tren / nd30.TWIP_MOI_CM)} cm"))
    title_pg = sect is not None and (tp := sect.find(w("titlePg"))) is not None and \
        tp.get(w("val"), "1") not in ("0", "false")
    trang_1 = tl.phan_dau_trang("first")
    if not co_page:
        ra.append(KetQua.theo("khong_so_trang_1", M.KHONG_AP_DUNG, "văn bản không đánh số trang"))
    elif title_pg and (trang_1 is None or not _co_truong_page(trang_1)):
        ra.append(KetQua.theo("khong_so_trang_1", M.DAT,
                              "trang đầu có đầu trang riêng, không có số trang"))
    else:
        ra.append(KetQua.theo("khong_so_trang_1", M.KHONG_DAT,
                              "trang 1 vẫn hiện số trang (cần \"Different First Page\")"))
    return ra


def do_rong_bang(bc: BoCuc) -> list[KetQua]:
    """Bề rộng cột (w:gridCol) và ô (w:tcW, w:tblW) phải đọc được và không âm: Word báo tệp
    hỏng hoặc vẽ bảng lệch với giá trị như w:w="-2835"."""
    bang = list(bc.tai_lieu.body.iter(w("tbl")))
    if not bang:
        return [KetQua.theo("do_rong_bang", M.KHONG_AP_DUNG,
                            "văn bản không có bảng")]
    sai: list[str] = []
    for i, tbl in enumerate(bang, 1):
        for j, cot in enumerate(tbl.iterfind("w:tblGrid/w:gridCol", NS), 1):
            if (loi := _loi_do_rong(cot)) is not None:
                sai.append(f"bảng {i}, cột {j}: {loi}")
        if (loi := _loi_do_rong(tbl.find("w:tblPr/w:tblW", NS))) is not None:
            sai.append(f"bảng {i}: bề rộng bảng {loi}")
        for h, tr in enumerate(tbl.iterfind("w:tr", NS), 1):
            for o, tc in enumerate(tr.iterfind("w:tc", NS), 1):
                if (loi := _loi_do_rong(tc.find("w:tcPr/w:tcW", NS))) is not None:
                    sai.append(f"bảng {i}, hàng {h}, ô {o}: {loi}")
    return [KetQua.theo("do_rong_bang", M.KHONG_DAT if sai else M.DAT,
                        liet_ke(sai, "bề rộng không hợp lệ (Word có thể báo tệp hỏng)") if sai else
                        f"{len(bang)} bảng, bề rộng đọc được, không âm")]


def _loi_do_rong(el) -> str | None:
    if el is None or el.get(w("w")) is None or el.get(w("type")) in ("auto", "nil"):
        return None
    chu = el.get(w("w"))
    gia_tri = so_do(chu.removesuffix("%")) if el.get(w("type")) == "pct" else so_do(chu)
    if gia_tri is None:
        return f"«{chu}» không đọc được"
    if gia_tri < 0:
        return f"w:w=«{chu}» âm"
    return None


def _co_truong_page(el) -> bool:
    instr = "".join(t.text or "" for t in el.iter(w("instrText")))
    if re.search(r"\bPAGE\b", instr):
        return True
    return any(re.search(r"\bPAGE\b", f.get(w("instr"), "")) for f in el.iter(w("fldSimple")))


def liet_ke(muc: list[str] | CacCho, tieu_de: str, toi_da: int = 3) -> str:
    """Chi tiết của một kết quả kiểm tra: «tiêu đề: chỗ 1; chỗ 2; chỗ 3 (và 4 chỗ khác)»."""
    phan = "; ".join(muc[:toi_da])
    them = f" (và {len(muc) - toi_da} chỗ khác)" if len(muc) > toi_da else ""
    return f"{tieu_de}: {phan}{them}"


def _can(can_le: str) -> str:
    return {"center": "giữa", "both": "đều hai bên", "left": "trái", "right": "phải"}.get(
        can_le, can_le)

