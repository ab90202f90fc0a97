"""Quy tắc phần cuối (drafter/nd30.py: 37–43): thẩm quyền ký, chức vụ, họ tên, Nơi nhận."""

from __future__ import annotations

import re

from drafter import nd30
from drafter.kiem_tra.bo_cuc import BoCuc
from drafter.kiem_tra.ket_qua import KetQua
from drafter.kiem_tra.ket_qua import MucDoDat as M
from drafter.kiem_tra.quy_tac_chung import liet_ke
from drafter.kiem_tra.tien_ich import mo_ta_chu, tat_ca, vi_tri

_TIEN_TO = nd30.TIEN_TO_QUYEN_HAN
_HOC_VI = re.compile(r"^(TS|ThS|PGS|GS|KS|BS|CN|NCS|PGS\.TS|GS\.TS)\.")
_LUU = re.compile(r"^- Lưu: VT(, ?[^.]+)?\.$")


def noi_nhan(bc: BoCuc) -> list[KetQua]:
    nn = bc.noi_nhan
    if nn is None:
        return [KetQua.theo("noi_nhan", M.KHONG_DAT, "không tìm thấy «Nơi nhận:»"),
                KetQua.theo("muc_noi_nhan", M.KHONG_AP_DUNG, "không có Nơi nhận"),
                KetQua.theo("dong_luu", M.KHONG_AP_DUNG,
                            "không có Nơi nhận")]
    ra: list[KetQua] = []
    loi = []
    if nn.chu.strip() != "Nơi nhận:":
        loi.append(f"viết «{nn.chu.strip()}», yêu cầu «Nơi nhận:»")
    if not tat_ca(nn, lambda t: nd30.CO_NHAN_NOI_NHAN.chua(t.co_pt) and t.dam and t.nghieng):
        loi.append(f"{mo_ta_chu(nn)}; yêu cầu cỡ {nd30.CO_NHAN_NOI_NHAN.khoang.so()}, đậm, "
                   "nghiêng")
    if nn.dinh_dang.can_le not in ("left", "both"):
        loi.append("phải sát lề trái")
    dong_dau_chu_ky = next((d for d in bc.chu_ky if d.chu.strip()), None)
    if dong_dau_chu_ky is not None and nn.hang != dong_dau_chu_ky.hang:
        loi.append("không ngang hàng với dòng thẩm quyền ký")
    ra.append(KetQua.theo("noi_nhan", M.KHONG_DAT if loi else M.DAT,
                          "; ".join(loi) or
                          f"cỡ {nd30.CO_NHAN_NOI_NHAN.khoang.so()}, đậm, nghiêng, sát lề trái",
                          vi_tri(nn) if loi else ""))
    muc = bc.muc_noi_nhan
    if not muc:
        ra.append(KetQua.theo("muc_noi_nhan", M.KHONG_DAT, "danh sách trống"))
        ra.append(KetQua.theo("dong_luu", M.KHONG_DAT, "không có"))
        return ra
    loi = []
    for d in muc[:-1]:
        if not re.fullmatch(r"- .+;", d.chu.strip()):
            loi.append(f"{vi_tri(d)}: phải có dạng «- …;»")
    for d in muc:
        if not tat_ca(d, lambda t: nd30.CO_MUC_NOI_NHAN.chua(t.co_pt) and not t.dam
                      and not t.nghieng):
            loi.append(f"{vi_tri(d)}: {mo_ta_chu(d)}; yêu cầu cỡ "
                       f"{nd30.CO_MUC_NOI_NHAN.khoang.so()}, đứng, không đậm")
    ra.append(KetQua.theo("muc_noi_nhan", M.KHONG_DAT if loi else M.DAT,
                          liet_ke(loi, "sai", 4) if loi else
                          f"{len(muc)} dòng, cỡ {nd30.CO_MUC_NOI_NHAN.khoang.so()}, «- …;»"))
    luu = muc[-1].chu.strip()
    dung = bool(_LUU.match(luu))
    ra.append(KetQua.theo("dong_luu", M.DAT if dung else M.KHONG_DAT,
                          luu if dung else
                          f"«{luu}»; yêu cầu dạng «- Lưu: VT, <đơn vị soạn thảo>.»"))
    return ra


def chu_ky(bc: BoCuc, chinh_thuc: bool) -> list[KetQua]:
    dong = bc.chu_ky
    co_chu = [d for d in dong if d.chu.strip()]
    if not co_chu:
        return [KetQua.theo("tham_quyen_ky", M.KHONG_DAT,
                            "không tìm thấy khối chữ ký (ô bên phải, ngang hàng Nơi nhận)")]
    ra: list[KetQua] = []
    # Các dòng in hoa ở đầu là thẩm quyền và chức vụ; dòng cuối không in hoa là họ tên.
    hoa = []
    for d in co_chu:
        if d.chu_gon == d.chu_gon.upper():
            hoa.append(d)
        else:
            break
    ten = co_chu[-1] if co_chu[-1] not in hoa else None
    dau = hoa[0] if hoa else co_chu[0]
    loi = []
    tien_to = dau.chu_gon.split(" ")[0]
    if "." in tien_to and tien_to not in _TIEN_TO:
        loi.append(f"«{tien_to}» không phải TM., KT., Q., TL., TUQ.")
    for d in hoa:
        if not tat_ca(d, lambda t: t.dam and nd30.CO_CHU_KY.chua(t.co_pt)):
            loi.append(f"{vi_tri(d)}: {mo_ta_chu(d)}; yêu cầu in hoa, đậm, cỡ "
                       f"{nd30.CO_CHU_KY.khoang.so()}")
        if d.dinh_dang.can_le != "center":
            loi.append(f"{vi_tri(d)}: phải căn giữa")
    if tien_to == "KT." and len(hoa) < 2:
        loi.append("ký thay (KT.) phải có dòng chức vụ của người ký bên dưới")
    ra.append(KetQua.theo("tham_quyen_ky", M.KHONG_DAT if loi else M.DAT,
                          "; ".join(loi) or " / ".join(d.chu_gon for d in hoa)))
    if ten is None:
        ra.append(KetQua.theo("ho_ten_ky", M.KHONG_DAT if chinh_thuc else
                              M.CANH_BAO, "chưa có họ tên người ký"))
        ra.append(KetQua.theo("cho_ky", M.KHONG_AP_DUNG,
                              "chưa có họ tên"))
        return ra
    loi = []
    if not tat_ca(ten, lambda t: t.dam and nd30.CO_CHU_KY.chua(t.co_pt)):
        loi.append(f"{mo_ta_chu(ten)}; yêu cầu đậm, cỡ {nd30.CO_CHU_KY.khoang.so()}")
    if ten.dinh_dang.can_le != "center":
        loi.append("phải căn giữa")
    if _HOC_VI.match(ten.chu_gon):
        loi.append("không ghi học hàm, học vị trước họ tên")
    ra.append(KetQua.theo("ho_ten_ky", M.KHONG_DAT if loi else M.DAT,
                          "; ".join(loi) or ten.chu_gon, vi_tri(ten) if loi else ""))
    trong = 0
    if hoa:
        i, j = dong.index(hoa[-1]), dong.index(ten)
        trong = sum(1 for d in dong[i + 1:j] if not d.chu.strip())
    ra.append(KetQua.theo("cho_ky", M.DAT if nd30.DONG_TRONG_DE_KY.chua(trong) else M.CANH_BAO,
                          f"{trong} dòng trống giữa chức vụ và họ tên"))
    return ra
