"""Quy tắc phần đầu văn bản (drafter/nd30.py: 7–23, 29): Quốc hiệu, Tiêu ngữ, cơ quan, Số,
ngày, tên loại, trích yếu, căn cứ, Kính gửi."""

from __future__ import annotations

import re

from drafter import nd30
from drafter.ghi_docx.do_rong import do_rong_cm
from drafter.kiem_tra.bo_cuc import BoCuc, gon
from drafter.kiem_tra.do_luong import duong_ke_sau, rong_vung_chu_cm
from drafter.kiem_tra.doc_docx import Doan
from drafter.kiem_tra.ket_qua import KetQua
from drafter.kiem_tra.ket_qua import MucDoDat as M
from drafter.kiem_tra.tien_ich import cac_co, cm, mo_ta_chu, pt, tat_ca, vi_tri

_SO_KY_HIEU = re.compile(r"^Số: (?P<so>\d+)/(?P<ma>[A-Za-zĐđ]+)-[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*$")
# Ngày đầy đủ, hoặc bản nháp để trống ngày (và tháng) cho văn thư ghi khi ban hành (Điều 15):
# "ngày      tháng      năm 2024", "ngày      tháng 7 năm 2024" (chữ đã gộp khoảng trắng).
_NGAY = re.compile(r"^(?P<dia>[^,]+), ngày(?: (?P<d>\d{1,2}))? tháng(?: (?P<m>\d{1,2}))?"
                   r" năm(?: (?P<y>\d{4}))?$")


def _khong_thay(ma: str, mo_ta: str) -> KetQua:
    return KetQua.theo(ma, M.KHONG_DAT, f"không tìm thấy {mo_ta}")


def _mot_co(d: Doan) -> float | None:
    co = cac_co(d)
    return next(iter(co)) if len(co) == 1 else None


def _loi_dong_phan_dau(d: Doan, chu_can: str, ghi_chu: str, co: float | None,
                       co_chu: nd30.GiaTri[float]) -> list[str]:
    """Lỗi chung của Quốc hiệu và Tiêu ngữ: đúng chữ, một cỡ trong khoảng, đậm đứng, căn giữa."""
    loi = []
    if gon(d.chu) != chu_can:
        loi.append(f"chữ là «{gon(d.chu)}», yêu cầu «{chu_can}»{ghi_chu}")
    if not co_chu.chua(co):
        loi.append(f"cỡ chữ phải {co_chu.khoang.so()}")
    if not tat_ca(d, lambda t: t.dam and not t.nghieng):
        loi.append("phải đậm, đứng")
    if d.dinh_dang.can_le != "center":
        loi.append("phải căn giữa")
    return loi


def quoc_hieu_tieu_ngu(bc: BoCuc) -> list[KetQua]:
    qh, tn = bc.quoc_hieu, bc.tieu_ngu
    ra: list[KetQua] = []
    if qh is None:
        ra.append(_khong_thay("quoc_hieu", f"dòng «{nd30.CHU_QUOC_HIEU}» ở đầu văn bản"))
    else:
        co = _mot_co(qh)
        loi = _loi_dong_phan_dau(qh, nd30.CHU_QUOC_HIEU, "", co, nd30.CO_QUOC_HIEU)
        if co and gon(qh.chu) == nd30.CHU_QUOC_HIEU:
            can = do_rong_cm(nd30.CHU_QUOC_HIEU, co, dam=True)
            rong = rong_vung_chu_cm(bc.tai_lieu, qh) - qh.dinh_dang.thut_trai_cm - \
                qh.dinh_dang.thut_phai_cm
            if rong + 0.05 < can:
                loi.append(f"không nằm trên một dòng: ô rộng {cm(rong)} cm, cần {cm(can)} cm")
        ra.append(KetQua.theo("quoc_hieu", M.KHONG_DAT if loi else M.DAT,
                              "; ".join(loi) or f"{mo_ta_chu(qh)}, căn giữa, trên một dòng",
                              vi_tri(qh) if loi else ""))
    if tn is None:
        ra.append(_khong_thay("tieu_ngu", f"dòng «{nd30.CHU_TIEU_NGU}» dưới Quốc hiệu"))
        ra.append(KetQua.theo("ke_tieu_ngu", M.KHONG_AP_DUNG,
                              "không có Tiêu ngữ"))
    else:
        co = _mot_co(tn)
        loi = _loi_dong_phan_dau(tn, nd30.CHU_TIEU_NGU, " (gạch nối có cách hai bên)", co,
                                 nd30.CO_TIEU_NGU)
        if qh is not None and bc.chi_so(tn) != bc.chi_so(qh) + 1:
            loi.append("phải nằm ngay dưới Quốc hiệu, không cách dòng")
        ra.append(KetQua.theo("tieu_ngu", M.KHONG_DAT if loi else M.DAT,
                              "; ".join(loi) or mo_ta_chu(tn), vi_tri(tn) if loi else ""))
        co_ke, dai = duong_ke_sau(bc.tai_lieu, tn, bc.doan)
        if not co_ke:
            ra.append(KetQua.theo("ke_tieu_ngu", M.KHONG_DAT,
                                  "không có đường kẻ ngang nét liền dưới Tiêu ngữ", vi_tri(tn)))
        elif dai is None or co is None:
            ra.append(KetQua.theo("ke_tieu_ngu", M.DAT,
                                  "có đường kẻ (không đo được độ dài)"))
        else:
            can = do_rong_cm(gon(tn.chu), co, dam=True)
            dung = nd30.DAI_KE_TIEU_NGU.chua(dai / can)
            ra.append(KetQua.theo("ke_tieu_ngu", M.DAT if dung else M.KHONG_DAT,
                                  f"dài {cm(dai)} cm, dòng chữ dài {cm(can)} cm"
                                  + ("" if dung else
                                     f" (yêu cầu {nd30.DAI_KE_TIEU_NGU.mo_ta_cho_phep()})")))
    ra.append(_co_chu_thong_nhat(bc))
    return ra


def _co_chu_thong_nhat(bc: BoCuc) -> KetQua:
    if not (bc.quoc_hieu and bc.tieu_ngu):
        return KetQua.theo("co_chu_thong_nhat", M.KHONG_AP_DUNG, "thiếu Quốc hiệu hoặc Tiêu ngữ")
    qh, tn = _mot_co(bc.quoc_hieu), _mot_co(bc.tieu_ngu)
    ngay = _mot_co(bc.ngay) if bc.ngay else None
    loi = []
    if qh is None or tn is None or tn != qh + 1:
        loi.append(f"Tiêu ngữ {pt(tn)} phải lớn hơn Quốc hiệu {pt(qh)} đúng 1 pt")
    if bc.ngay is not None and ngay != tn:
        loi.append(f"địa danh, ngày {pt(ngay)} phải bằng cỡ Tiêu ngữ {pt(tn)}")
    return KetQua.theo("co_chu_thong_nhat", M.KHONG_DAT if loi else M.DAT,
                       "; ".join(loi) or f"{pt(qh)} → {pt(tn)} → {pt(ngay)}")


def co_quan(bc: BoCuc) -> list[KetQua]:
    ra: list[KetQua] = []
    if bc.co_quan_chu_quan:
        loi = [vi_tri(d) for d in bc.co_quan_chu_quan
               if not (tat_ca(d, lambda t: not t.dam and nd30.CO_CO_QUAN.chua(t.co_pt))
                       and d.chu_gon == d.chu_gon.upper())]
        yeu_cau = f"in hoa, cỡ {nd30.CO_CO_QUAN.khoang.so()}, không đậm"
        ra.append(KetQua.theo("co_quan_chu_quan", M.KHONG_DAT if loi else M.DAT,
                              (f"phải {yeu_cau}: " + "; ".join(loi)) if loi else yeu_cau))
    else:
        ra.append(KetQua.theo("co_quan_chu_quan", M.KHONG_AP_DUNG,
                              "không có (không bắt buộc)"))
    if not bc.co_quan_ban_hanh:
        ra.append(_khong_thay("co_quan_ban_hanh", "tên cơ quan in hoa, đậm phía trên dòng «Số:»"))
        ra.append(KetQua.theo("ke_co_quan", M.KHONG_AP_DUNG,
                              "không tìm thấy tên cơ quan"))
        return ra
    loi = [vi_tri(d) for d in bc.co_quan_ban_hanh
           if not (tat_ca(d, lambda t: t.dam and nd30.CO_CO_QUAN.chua(t.co_pt))
                   and d.dinh_dang.can_le == "center")]
    ra.append(KetQua.theo("co_quan_ban_hanh", M.KHONG_DAT if loi else M.DAT,
                          (f"phải in hoa, cỡ {nd30.CO_CO_QUAN.khoang.so()}, đậm, căn giữa: "
                           + "; ".join(loi)) if loi else
                          " / ".join(d.chu_gon for d in bc.co_quan_ban_hanh)))
    cuoi = bc.co_quan_ban_hanh[-1]
    co_ke, dai = duong_ke_sau(bc.tai_lieu, cuoi, bc.doan)
    ra.append(_ke_ngan("ke_co_quan", co_ke, dai,
                       max(do_rong_cm(d.chu_gon, _mot_co(d) or nd30.CO_CO_QUAN.ghi, dam=True)
                           for d in bc.co_quan_ban_hanh), vi_tri(cuoi)))
    return ra


def _ke_ngan(ma: str, co_ke: bool, dai: float | None, rong_chu: float, vi_tri_ke: str) -> KetQua:
    """Đường kẻ dài 1/3–1/2 dòng chữ phía trên (khoảng và sai số: nd30.DAI_KE_NGAN)."""
    if not co_ke:
        return KetQua.theo(ma, M.KHONG_DAT, "không có đường kẻ ngang nét liền", vi_tri_ke)
    if dai is None or rong_chu <= 0:
        return KetQua.theo(ma, M.DAT, "có đường kẻ (không đo được độ dài)")
    k = nd30.DAI_KE_NGAN.khoang
    dung = k.chua(dai / rong_chu)
    return KetQua.theo(ma, M.DAT if dung else M.KHONG_DAT,
                       f"dài {cm(dai)} cm; dòng chữ {cm(rong_chu)} cm"
                       + ("" if dung else f" (yêu cầu 1/3–1/2: {cm(rong_chu * k.thap)}–"
                                          f"{cm(rong_chu * k.cao)} cm)"))


def so_ky_hieu(bc: BoCuc, chinh_thuc: bool) -> list[KetQua]:
    d = bc.so_ky_hieu
    if d is None:
        return [_khong_thay("so_ky_hieu", "dòng «Số: …/…»")]
    chu = gon(d.chu)
    ra: list[KetQua] = []
    if re.match(r"^Số:\s*/", chu):
        muc_do = M.KHONG_DAT if chinh_thuc else M.CANH_BAO
        ra.append(KetQua.theo("so_ky_hieu", muc_do,
                              "chưa có số văn bản (bản nháp, văn thư sẽ cấp số)", vi_tri(d)))
        return ra
    m = _SO_KY_HIEU.match(chu)
    loi = []
    if not m:
        loi.append(f"«{chu}» không đúng dạng «Số: 05/BC-UBND» (không có khoảng trắng quanh "
                   "dấu /, -)")
    if not tat_ca(d, lambda t: nd30.CO_SO_KY_HIEU.chua(t.co_pt) and not t.dam):
        loi.append(f"{mo_ta_chu(d)}; yêu cầu cỡ {nd30.CO_SO_KY_HIEU.khoang.so()}, không đậm")
    ra.append(KetQua.theo("so_ky_hieu", M.KHONG_DAT if loi else M.DAT,
                          "; ".join(loi) or chu, vi_tri(d) if loi else ""))
    if m:
        so = m["so"]
        dung = not (len(so) == 1 or (so.startswith("0") and len(so) > 2))
        ra.append(KetQua.theo("so_0_dau", M.DAT if dung else M.KHONG_DAT,
                              f"số {so}"
                              + ("" if dung else f", yêu cầu {so.lstrip('0').zfill(2)}")))
        ma = m["ma"]
        # Tên loại dài "BÁO CÁO TÌNH HÌNH …" dùng mã của tên loại đứng đầu.
        ten = nd30.ten_loai_cua(bc.ten_loai.chu) if bc.ten_loai else None
        loai = nd30.MA_TEN_LOAI.get(ten) if ten else None
        if ma not in nd30.CAC_MA_LOAI:
            ra.append(KetQua.theo("ma_loai", M.KHONG_DAT,
                                  f"«{ma}» không có trong danh mục Phụ lục III"))
        elif loai and ma != loai:
            ra.append(KetQua.theo("ma_loai", M.KHONG_DAT,
                                  f"«{ma}» không khớp tên loại {ten} ({loai})"))
        else:
            ra.append(KetQua.theo("ma_loai", M.DAT, ma))
    return ra


def ngay_thang(bc: BoCuc, chinh_thuc: bool) -> list[KetQua]:
    d = bc.ngay
    if d is None:
        return [_khong_thay("ngay_thang", "dòng «…, ngày … tháng … năm …»")]
    chu = gon(d.chu)
    ra: list[KetQua] = []
    dinh_dang_loi = []
    if not tat_ca(d, lambda t: t.nghieng and nd30.CO_NGAY.chua(t.co_pt)):
        dinh_dang_loi.append(f"{mo_ta_chu(d)}; yêu cầu nghiêng, cỡ {nd30.CO_NGAY.khoang.so()}")
    if bc.so_ky_hieu is not None and bc.so_ky_hieu.bang is not None and (
            d.bang, d.hang) != (bc.so_ky_hieu.bang, bc.so_ky_hieu.hang):
        dinh_dang_loi.append("không cùng hàng với dòng Số")
    m = _NGAY.match(chu)
    if not m:
        ra.append(KetQua.theo("ngay_thang", M.KHONG_DAT, "; ".join(
            [*dinh_dang_loi, f"«{chu}» không đúng dạng «Hà Nội, ngày 05 tháng 01 năm 2020»"]),
            vi_tri(d)))
        ra.append(KetQua.theo("ngay_so_0", M.KHONG_AP_DUNG, "chưa có ngày"))
        return ra
    ngay, thang = m["d"], m["m"]
    if not (ngay and thang and m["y"]):
        # Bản nháp: số và ngày do văn thư ghi sau khi ký; bản phát hành phải đủ.
        muc_do = M.KHONG_DAT if (chinh_thuc or dinh_dang_loi) else M.CANH_BAO
        con_trong = ", ".join(x for x, co in (("ngày", ngay), ("tháng", thang), ("năm", m["y"]))
                              if not co)
        ra.append(KetQua.theo("ngay_thang", muc_do,
                              "; ".join([*dinh_dang_loi, f"chưa ghi {con_trong} (bản nháp)"]),
                              vi_tri(d)))
    else:
        ra.append(KetQua.theo("ngay_thang", M.KHONG_DAT if dinh_dang_loi else M.DAT,
                              "; ".join(dinh_dang_loi) or chu, vi_tri(d) if dinh_dang_loi else ""))
    if not (ngay or thang):
        ra.append(KetQua.theo("ngay_so_0", M.KHONG_AP_DUNG, "chưa có ngày"))
        return ra
    # Quy tắc số 0 xét phần đã ghi (bản nháp biết tháng: "tháng 7", "tháng 02").
    loi = []
    if ngay and len(ngay) != 2:
        loi.append(f"ngày «{ngay}» phải viết hai chữ số ({int(ngay):02d})")
    if thang and int(thang) <= 2 and len(thang) != 2:
        loi.append(f"tháng {int(thang)} phải viết «{int(thang):02d}»")
    if thang and int(thang) >= 3 and thang.startswith("0"):
        loi.append(f"tháng «{thang}» không thêm số 0 (viết «{int(thang)}»)")
    dung = "ngày dưới 10 và tháng 1, 2 có số 0 phía trước" if ngay else \
        f"tháng {thang} (chưa có ngày)"
    ra.append(KetQua.theo("ngay_so_0", M.KHONG_DAT if loi else M.DAT, "; ".join(loi) or dung))
    return ra


def ten_loai_trich_yeu(bc: BoCuc) -> list[KetQua]:
    ra: list[KetQua] = []
    tl = bc.ten_loai
    if tl is None:
        ra.append(_khong_thay("ten_loai", "tên loại in hoa (BÁO CÁO, KẾ HOẠCH…) sau phần đầu"))
    else:
        loi = []
        if not tat_ca(tl, lambda t: t.dam and nd30.CO_TEN_LOAI.chua(t.co_pt)):
            loi.append(f"{mo_ta_chu(tl)}; yêu cầu đậm, cỡ {nd30.CO_TEN_LOAI.khoang.so()}")
        if tl.dinh_dang.can_le != "center":
            loi.append("phải căn giữa")
        ra.append(KetQua.theo("ten_loai", M.KHONG_DAT if loi else M.DAT,
                              "; ".join(loi) or gon(tl.chu), vi_tri(tl) if loi else ""))
    if not bc.trich_yeu:
        if bc.ten_loai_dai:
            ra.append(KetQua.theo("trich_yeu", M.KHONG_AP_DUNG,
                                  "không có trích yếu: tên loại dài đã nói nội dung văn bản"))
        else:
            ra.append(_khong_thay("trich_yeu", "trích yếu ngay dưới tên loại"))
        ra.append(_ke_duoi_trich_yeu(bc))
        ra.append(KetQua.theo("khong_vv", M.KHONG_AP_DUNG, "không có trích yếu"))
        return ra
    loi = []
    for d in bc.trich_yeu:
        if not tat_ca(d, lambda t: t.dam and not t.nghieng and nd30.CO_TRICH_YEU.chua(t.co_pt)):
            loi.append(f"{vi_tri(d)}: {mo_ta_chu(d)}; yêu cầu đậm, đứng, cỡ "
                       f"{nd30.CO_TRICH_YEU.khoang.so()}")
        if d.dinh_dang.can_le != "center":
            loi.append(f"{vi_tri(d)}: phải căn giữa")
    dau = bc.trich_yeu[0].chu.strip()
    if dau and not dau[0].isupper():
        loi.append("chữ cái đầu phải viết hoa")
    ra.append(KetQua.theo("trich_yeu", M.KHONG_DAT if loi else M.DAT,
                          "; ".join(loi) or "đậm, đứng, căn giữa"))
    ra.append(_ke_duoi_trich_yeu(bc))
    vv = dau.lower().startswith(("v/v", "về việc"))
    ra.append(KetQua.theo("khong_vv", M.KHONG_DAT if vv and bc.ten_loai else M.DAT,
                          "trích yếu văn bản có tên loại không viết «V/v»" if vv else "đúng"))
    return ra


def _ke_duoi_trich_yeu(bc: BoCuc) -> KetQua:
    """Đường kẻ dưới cả khối tên loại – trích yếu – dòng trong ngoặc, dài theo dòng trích yếu
    dài nhất (không có trích yếu: theo dòng tên loại dài)."""
    chu = bc.trich_yeu or ([bc.ten_loai] if bc.ten_loai else [])
    if not chu:
        return KetQua.theo("ke_trich_yeu", M.KHONG_AP_DUNG, "không tìm thấy tên loại, trích yếu")
    moc = (bc.dong_duoi_trich_yeu or chu)[-1]
    co_ke, dai = duong_ke_sau(bc.tai_lieu, moc, bc.doan)
    co = nd30.CO_TRICH_YEU.ghi if bc.trich_yeu else nd30.CO_TEN_LOAI.ghi
    rong_chu = min(max(do_rong_cm(d.chu_gon, _mot_co(d) or co, dam=True) for d in chu),
                   rong_vung_chu_cm(bc.tai_lieu, chu[-1]))
    return _ke_ngan("ke_trich_yeu", co_ke, dai, rong_chu, vi_tri(moc))


def _cham_cau_can_cu(can_cu: list[Doan]) -> list[str]:
    """Dấu câu cuối các dòng "Căn cứ …" khác cách NĐ 30 (";", căn cứ cuối "."): chỉ nhắc, vì
    căn cứ in đúng như người soạn gõ. Căn cứ đứng trước dòng "Thực hiện …" kết thúc ";" hay "."
    đều được; dòng "Thực hiện …, báo cáo như sau:" không xét dấu câu."""
    ra = []
    for i, d in enumerate(can_cu):
        if not d.chu.lstrip().startswith("Căn cứ"):
            continue
        sau = can_cu[i + 1].chu.lstrip() if i + 1 < len(can_cu) else None
        can = (".",) if sau is None else ((";",) if sau.startswith("Căn cứ") else (";", "."))
        if not d.chu.rstrip().endswith(can):
            ra.append(f"{vi_tri(d)}: {'căn cứ cuối' if sau is None else 'căn cứ'} thường kết "
                      f"thúc bằng {' hoặc '.join(f'«{c}»' for c in can)}")
    return ra


def can_cu_kinh_gui(bc: BoCuc) -> list[KetQua]:
    ra: list[KetQua] = []
    if bc.can_cu:
        loi = [f"{vi_tri(d)}: phải in nghiêng" for d in bc.can_cu
               if not tat_ca(d, lambda t: t.nghieng)]
        cham_cau = _cham_cau_can_cu(bc.can_cu)
        ra.append(KetQua.theo("can_cu", M.KHONG_DAT if loi else
                              (M.CANH_BAO if cham_cau else M.DAT),
                              "; ".join(loi + cham_cau) or
                              f"{len(bc.can_cu)} căn cứ, in nghiêng"))
    else:
        ra.append(KetQua.theo("can_cu", M.KHONG_AP_DUNG, "không có căn cứ"))
    if not bc.kinh_gui:
        ra.append(KetQua.theo("kinh_gui", M.KHONG_AP_DUNG, "không có Kính gửi"))
        return ra
    loi = []
    if any(tat_ca(d, lambda t: t.nghieng or t.dam) for d in bc.kinh_gui):
        loi.append("phải đứng, không đậm")
    nhieu = len(bc.kinh_gui) > 1 or "- " in bc.kinh_gui[0].chu
    if nhieu:
        dong = [d.chu.strip() for d in bc.kinh_gui]
        for i, s in enumerate(dong):
            cuoi = "." if i == len(dong) - 1 else ";"
            if not s.endswith(cuoi):
                loi.append(f"dòng «{s[:30]}» phải kết thúc bằng «{cuoi}»")
    nn = [d.chu.strip() for d in bc.muc_noi_nhan]
    if nn and not nn[0].startswith("- Như trên"):
        loi.append("có Kính gửi thì Nơi nhận bắt đầu bằng «- Như trên;»")
    ra.append(KetQua.theo("kinh_gui", M.KHONG_DAT if loi else M.DAT,
                          "; ".join(loi) or gon(bc.kinh_gui[0].chu)))
    return ra
