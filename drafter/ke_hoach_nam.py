"""Kế hoạch phát triển kinh tế – xã hội năm (kỳ "2025-KH"): tạo từ kế hoạch năm trước.

Kế hoạch năm N được soạn giữa / cuối năm N-1: phần thứ nhất đánh giá năm N-1 (số liệu kỳ mới
nhất của năm N-1 trong kho, so với kế hoạch năm N-1), phần thứ hai đặt chỉ tiêu và nhiệm vụ năm
N. Tạo từ kế hoạch năm trước: chép lời văn (dời năm, từng đoạn chờ xem lại), chỉ tiêu kế hoạch
chép sang mang dấu "cần xem lại", nhiệm vụ giao chép sang (thời hạn dời năm). Lưu kế hoạch là
đặt các chỉ tiêu của nó thành chỉ tiêu năm N trong kho (Kho.luu).
"""

from __future__ import annotations

from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
from drafter.bieu_mau.du_lieu import (
    BaoCaoDuLieu,
    ChuKyNhap,
    DauBaoCao,
    NhiemVuKeHoach,
    SoLieuNhap,
)
from drafter.chuyen_ky import ThayDoi, dien_muc_tieu, doi_chu_chi_ky, van_ban_goi_y
from drafter.kho.csdl import LoiKho
from drafter.kho.kho import Kho
from drafter.ky_bao_cao import Ky
from drafter.so_lieu_ky import LichSu

BIEU_MAU_KE_HOACH = "ke-hoach-kt-xh-xa"


def ky_danh_gia(kho: Kho, xa_id: int, nam: int) -> Ky | None:
    """Kỳ mới nhất của năm `nam` có báo cáo (năm, 9 tháng, 6 tháng, rồi quý): phần đánh giá
    của kế hoạch năm sau dùng số của nó."""
    cac = [b.ky_bao_cao for b in kho.cac_bao_cao(xa_id)
           if b.ky_bao_cao.nam == nam and not b.ky_bao_cao.la_ke_hoach]
    return max(cac, default=None)


def tao_ke_hoach(kho: Kho, xa_id: int, ky: Ky, tu_ky: Ky | None = None,
                 ma_bieu_mau: str | None = None) -> tuple[BaoCaoDuLieu, list[ThayDoi]]:
    if not ky.la_ke_hoach:
        raise LoiKho(f"{ky.ten_gon} không phải kỳ kế hoạch năm.", "Viết kỳ như 2025-KH.")
    tu_ky = tu_ky or Ky(ky.nam - 1, "ke_hoach")
    if not tu_ky.la_ke_hoach:
        raise LoiKho("Kế hoạch năm chỉ tạo từ một kế hoạch năm khác.",
                     f"Bỏ «--tu», hoặc viết «--tu {ky.nam - 1}-KH».")
    cu = kho.doc_neu_co(xa_id, tu_ky.ma)
    if cu is not None and not isinstance(cu, BaoCaoDuLieu):
        cu = None  # kế hoạch năm trước nhập từ Word (văn bản tự do): không có chỉ tiêu để chép
    xa = kho.xa_theo_id(xa_id)
    thay_doi: list[ThayDoi] = []
    if cu is not None:
        bieu_mau = doc_bieu_mau(ma_bieu_mau or cu.bieu_mau)
        van_ban = {ma: [doi_chu_chi_ky(d, tu_ky, ky) for d in doan]
                   for ma, doan in cu.van_ban.items()
                   if ma in bieu_mau.muc_theo_ma() and any(d.strip() for d in doan)}
        chi_tieu = {ma: [mt.model_copy(update={"xem_lai": True}) for mt in cac]
                    for ma, cac in cu.chi_tieu_ke_hoach.items() if cac}
        nhiem_vu = [NhiemVuKeHoach(noi_dung=[doi_chu_chi_ky(d, tu_ky, ky) for d in nv.noi_dung],
                                   ten=nv.ten, don_vi=nv.don_vi,
                                   thoi_han=doi_chu_chi_ky(nv.thoi_han, tu_ky, ky))
                    for nv in cu.nhiem_vu_ke_hoach]
        bc = cu.model_copy(update={
            "bieu_mau": bieu_mau.ma, "ky": ky.ma,
            "dau": cu.dau.model_copy(update={
                "so": None, "ngay": None,
                "trich_yeu": doi_chu_chi_ky(cu.dau.trich_yeu, tu_ky, ky) if cu.dau.trich_yeu
                else None}),
            "van_ban": van_ban, "doan_chep": {ma: list(d) for ma, d in van_ban.items()},
            "cau_ket": doi_chu_chi_ky(cu.cau_ket, tu_ky, ky) if cu.cau_ket else None,
            "chi_tieu_ke_hoach": chi_tieu, "nhiem_vu_ke_hoach": nhiem_vu,
            "so_lieu": {}, "so_lieu_chep": [], "nhiem_vu_ky_truoc": [], "cung_ky_xa_cu": None})
        thay_doi += [
            ThayDoi("chep", "Thông tin văn bản", f"cơ quan, địa danh, Nơi nhận, người ký từ "
                                                 f"{tu_ky.ten_gon}"),
            ThayDoi("xoa", "Thông tin văn bản", "số văn bản và ngày ban hành"),
            ThayDoi("xem_lai", "Lời văn", f"{sum(len(d) for d in van_ban.values())} đoạn chép "
                                          f"từ {tu_ky.ten_gon}, năm đã dời: giữ, sửa hoặc bỏ "
                                          "từng đoạn"),
            ThayDoi("xem_lai", "Chỉ tiêu kế hoạch",
                    f"{sum(len(c) for c in chi_tieu.values())} chỉ tiêu chép từ "
                    f"{tu_ky.ten_gon}, đánh dấu «cần xem lại»: sửa hoặc giữ nguyên (F6) từng "
                    "chỉ tiêu")]
        if nhiem_vu:
            thay_doi.append(ThayDoi("xem_lai", "Nhiệm vụ", f"{len(nhiem_vu)} nhiệm vụ giao chép "
                                                           "sang, thời hạn đã dời năm"))
    else:
        bieu_mau = doc_bieu_mau(ma_bieu_mau or BIEU_MAU_KE_HOACH)
        van_ban = van_ban_goi_y(bieu_mau, ky)
        bc = BaoCaoDuLieu(
            bieu_mau=bieu_mau.ma, ky=ky.ma, xa=xa.ten,
            # Ký hiệu trong hồ sơ xã là của báo cáo (BC-UBND): kế hoạch theo biểu mẫu (KH-UBND).
            dau=DauBaoCao(**xa.dau_mac_dinh() | {"ky_hieu": None}),
            van_ban=van_ban, doan_chep={ma: list(d) for ma, d in van_ban.items()},
            noi_nhan=list(xa.noi_nhan), luu=xa.luu,
            chu_ky=ChuKyNhap.model_validate({k: v for k, v in xa.chu_ky.items()
                                             if k in ChuKyNhap.model_fields}))
        thay_doi.append(ThayDoi("dien", "Thông tin văn bản",
                                f"chưa có {tu_ky.ten_gon}: bắt đầu từ biểu mẫu và hồ sơ xã"))
    if ky.nam - 1 >= 0:
        _so_lieu_danh_gia(kho, xa_id, ky, bc, thay_doi)
    return bc, thay_doi


def _so_lieu_danh_gia(kho: Kho, xa_id: int, ky: Ky, bc: BaoCaoDuLieu,
                      thay_doi: list[ThayDoi]) -> None:
    """Số liệu phần đánh giá năm trước: kỳ mới nhất của năm trước trong kho, kế hoạch năm
    trước, cùng kỳ hai năm trước."""
    bieu_mau = doc_bieu_mau(bc.bieu_mau)
    kdg = ky_danh_gia(kho, xa_id, ky.nam - 1)
    if kdg is None:
        thay_doi.append(ThayDoi("dien", "Số liệu", f"chưa có báo cáo nào năm {ky.nam - 1}: số "
                                                   "liệu phần đánh giá nhập tay"))
        return
    lich_su = LichSu(kho, bieu_mau)
    sk = lich_su.so_lieu_ky(xa_id, kdg)
    ck = lich_su.so_lieu_ky(xa_id, kdg.cung_ky_nam_truoc())
    so_lieu: dict[str, SoLieuNhap] = {}
    for ct in bieu_mau.chi_tieu:
        x = sk.gia_tri(ct.ma)
        if x is not None:
            so_lieu[ct.ma] = SoLieuNhap(gia_tri=x.gia_tri, mau_so=x.mau_so,
                                        phan_con=list(x.phan_con))
        c = ck.gia_tri(ct.ma)
        if c is not None and c.gia_tri not in (None, "") and not isinstance(c.gia_tri, bool):
            moi = so_lieu.get(ct.ma) or SoLieuNhap()
            moi.cung_ky = c.gia_tri
            so_lieu[ct.ma] = moi
    so_kh = dien_muc_tieu(kho, xa_id, ky.nam - 1, bieu_mau, so_lieu)
    bc.so_lieu = so_lieu
    thay_doi.append(ThayDoi("dien", "Số liệu", f"phần đánh giá: số liệu {kdg.ten} "
                                               f"({sk.nguon or 'kho'}), kế hoạch năm "
                                               f"{ky.nam - 1} cho {so_kh} chỉ tiêu"))
