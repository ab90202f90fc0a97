"""Tạo báo cáo kỳ mới từ báo cáo kỳ trước, và báo cáo 6 tháng, 9 tháng, năm từ các quý.

Chép hồ sơ, phần đầu, Nơi nhận, người ký; chép lời văn (đánh dấu "cần xem lại") và đổi chữ chỉ
kỳ (quý I → quý II, "quý II năm 2024" ở phần nhiệm vụ → "quý III năm 2024", đổi năm khi qua quý
IV); giữ số hiện có và số lũy kế làm số khởi đầu, xóa số phát sinh trong kỳ; lấy số cùng kỳ năm
trước (so_lieu_ky: của chính xã, hay tổng các xã cũ khi xã hình thành sau sắp xếp), kế hoạch năm
trong bảng kế hoạch. Mọi thứ đã chép, đã xóa, đã tính được liệt kê.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu, doc_bieu_mau
from drafter.bieu_mau.du_lieu import (
    BaoCaoDuLieu,
    ChuKyNhap,
    CungKyXaCu,
    DauBaoCao,
    NhiemVuKyTruoc,
    PhanConNhap,
    SoLieuNhap,
)
from drafter.kho.csdl import LoiKho
from drafter.kho.kho import Kho, MucTieuTrongKho, Xa
from drafter.ky_bao_cao import Ky
from drafter.so_lieu_ky import LichSu, SoLieuKy, gop_so_lieu, ten_cac_xa

__all__ = ["gop_so_lieu", "mo_kem_so_sanh", "tao_bao_cao", "tao_ky_moi", "tong_hop"]

if TYPE_CHECKING:
    from drafter.van_ban_tu_do import VanBanTuDo

LoaiThayDoi = Literal["chep", "xoa", "dien", "xem_lai"]
TEN_LOAI_THAY_DOI = {"chep": "Đã chép", "xoa": "Đã xóa", "dien": "Đã điền",
                     "xem_lai": "Cần xem lại"}


@dataclass(frozen=True)
class ThayDoi:
    loai: LoaiThayDoi
    noi: str
    mo_ta: str

    def dong(self) -> str:
        return f"{TEN_LOAI_THAY_DOI[self.loai]}: {self.noi} — {self.mo_ta}"


# ---------------------------------------------------------------- đổi chữ chỉ kỳ

_LA_MA_QUY = {"I": 1, "II": 2, "III": 3, "IV": 4}
_QUY_LA_MA = {v: k for k, v in _LA_MA_QUY.items()}
_KY_TRONG_CHU = re.compile(
    r"(?P<quy>(?P<q>[Qq]uý) (?P<so>IV|III|II|I)\b(?:(?P<nam_sau> năm (?P<nam>\d{4}))|"
    r"(?P<gach>/(?P<nam2>\d{4})))?)"
    r"|(?P<nam_hoc>năm học (?P<nh1>\d{4})\s*-\s*(?P<nh2>\d{4}))"
    r"|(?P<chi_nam>(?P<tu>[Nn]ăm) (?P<nam3>\d{4}))"
)


def doi_chu_chi_ky(chu: str, cu: Ky, moi: Ky) -> str:
    """Dời mọi chữ chỉ kỳ trong đoạn văn từ kỳ `cu` sang kỳ `moi` trong một lượt.

    Cùng loại quý: mọi "quý X [năm Y]" dời đúng bấy nhiêu quý (quý II năm 2024 ở phần nhiệm vụ
    thành quý III năm 2024), "năm Y" dời theo năm. Khác loại kỳ: chỉ dời năm.
    """
    so_nam = moi.nam - cu.nam
    so_quy = (moi.nam * 4 + moi.quy) - (cu.nam * 4 + cu.quy) \
        if cu.loai == moi.loai == "quy" else 0

    def thay(m: re.Match[str]) -> str:
        if m.group("quy"):
            q = _LA_MA_QUY[m.group("so")]
            nam = m.group("nam") or m.group("nam2")
            if nam is not None:
                # Chỉ số tuyệt đối của quý, dời theo số quý (cùng loại) hoặc theo số năm.
                chi_so = int(nam) * 4 + (q - 1) + (so_quy if so_quy else 4 * so_nam)
                q_moi, nam_moi = chi_so % 4 + 1, chi_so // 4
                duoi = f" năm {nam_moi}" if m.group("nam_sau") else f"/{nam_moi}"
                return f"{m.group('q')} {_QUY_LA_MA[q_moi]}{duoi}"
            q_moi = (q - 1 + so_quy) % 4 + 1
            return f"{m.group('q')} {_QUY_LA_MA[q_moi]}"
        if m.group("nam_hoc"):
            if not so_nam:
                return m.group(0)
            return f"năm học {int(m.group('nh1')) + so_nam} - {int(m.group('nh2')) + so_nam}"
        return f"{m.group('tu')} {int(m.group('nam3')) + so_nam}"

    return _KY_TRONG_CHU.sub(thay, chu)


# ---------------------------------------------------------------- chuyển kỳ

BIEU_MAU_MAC_DINH = "kt-xh-quy-xa"


def _ngay(d: object) -> str:
    return f"{d:%d/%m/%Y}"


def kiem_ky_cua_xa(kho: Kho, xa: Xa, ky: Ky) -> None:
    """Từ chối báo cáo của một kỳ mà xã không còn / chưa có (sắp xếp đơn vị hành chính), kèm
    chỗ làm đúng."""
    if xa.co_tien_than and xa.ngay_sap_nhap is not None and ky.ngay_cuoi < xa.ngay_sap_nhap:
        raise LoiKho(f"Xã {xa.ten} hình thành từ ngày {_ngay(xa.ngay_sap_nhap)} nên không có "
                     f"báo cáo {ky.ten_gon}; số liệu kỳ đó là của {ten_cac_xa(xa.xa_tien_than)}.",
                     "Báo cáo đầu tiên của xã là kỳ kết thúc sau ngày sắp xếp; báo cáo cũ của "
                     "các xã cũ nhập bằng «drafter --xa \"TÊN XÃ CŨ\" import TỆP.json».")
    moi = kho.xa_sau_sap_nhap(xa.id)
    if moi is not None and moi.ngay_sap_nhap and ky.ngay_cuoi >= moi.ngay_sap_nhap:
        raise LoiKho(f"Xã {xa.ten} đã hợp vào xã {moi.ten} từ ngày {_ngay(moi.ngay_sap_nhap)}; "
                     f"báo cáo {ky.ten_gon} là của xã {moi.ten}.",
                     f"Tạo ở xã mới: «drafter --xa \"{moi.ten}\" new --ky {ky.ma}».")


def ky_goi_y(kho: Kho, xa: Xa) -> Ky | None:
    """Kỳ gợi ý khi tạo báo cáo mới: quý sau báo cáo mới nhất. Xã đã hợp vào xã khác thì gợi ý
    quý sau báo cáo gần nhất mà quý đó còn thiếu và còn trước ngày sắp xếp (bổ sung lịch sử của
    xã cũ); xã hình thành sau sắp xếp chưa có báo cáo thì gợi ý quý đầu tiên của nó."""
    cac = [b.ky_bao_cao for b in kho.cac_bao_cao(xa.id)]
    if xa.co_tien_than and xa.ngay_sap_nhap is not None and not cac:
        ky = Ky.luy_ke_den(xa.ngay_sap_nhap.year, 3)
        while ky.ngay_cuoi < xa.ngay_sap_nhap:
            ky = ky.ky_sau()
        return ky
    if not cac:
        return None
    moi = kho.xa_sau_sap_nhap(xa.id)
    if moi is None or moi.ngay_sap_nhap is None:
        return cac[0].ky_sau()
    co = {k.ma for k in cac}
    for k in cac:  # mới nhất trước
        sau = Ky(k.nam, "quy", k.thang_cuoi // 3).ky_sau()
        if sau.ma not in co and sau.ngay_cuoi < moi.ngay_sap_nhap:
            return sau
    return None


def tao_bao_cao(kho: Kho, xa_id: int, ky: Ky, tu_ky: Ky | None = None, thay_the: bool = False,
                ma_bieu_mau: str | None = None
                ) -> tuple[BaoCaoDuLieu | VanBanTuDo, list[ThayDoi]]:
    """Báo cáo kỳ `ky`: quý thì chép từ kỳ trước, 6 tháng / 9 tháng / năm thì gộp các quý (theo
    biểu mẫu `ma_bieu_mau` nếu có, như biểu mẫu 6 tháng trình HĐND), kế hoạch năm thì từ kế
    hoạch năm trước; kỳ trước là văn bản tự do (nhập từ Word) thì chép văn bản đó sang
    (van_ban_tu_do).

    Kỳ đã có báo cáo thì từ chối, trừ khi thay_the (bản cũ vẫn còn trong các phiên bản)."""
    bc = kho.tim_bao_cao(xa_id, ky.ma)
    if bc is not None and not thay_the:
        raise LoiKho(f"Đã có báo cáo {ky.ten_gon} (phiên bản {bc.so_phien_ban}).",
                     "Mở báo cáo đó để sửa tiếp, hoặc tạo lại với «--thay-the» (bản đang có "
                     "vẫn giữ trong các phiên bản, khôi phục được).")
    kiem_ky_cua_xa(kho, kho.xa_theo_id(xa_id), ky)
    # Kỳ trước là văn bản tự do (nhập từ Word): chép cả văn bản sang kỳ mới.
    nguon = tu_ky or kho.ky_truoc_gan_nhat(xa_id, ky)
    bc_nguon = kho.tim_bao_cao(xa_id, nguon.ma) if nguon is not None else None
    if nguon is not None and bc_nguon is not None and bc_nguon.loai == "tu_do" \
            and ma_bieu_mau is None:
        from drafter import van_ban_tu_do

        cu = kho.doc(xa_id, nguon.ma)
        assert isinstance(cu, van_ban_tu_do.VanBanTuDo)
        return van_ban_tu_do.chuyen_ky(cu, ky)
    if ky.la_ke_hoach:
        from drafter.ke_hoach_nam import tao_ke_hoach

        return tao_ke_hoach(kho, xa_id, ky, tu_ky, ma_bieu_mau)
    if ky.loai == "quy" or tu_ky is not None:
        return tao_ky_moi(kho, xa_id, ky, tu_ky)
    return tong_hop(kho, xa_id, ky, ma_bieu_mau)


def tao_ky_moi(kho: Kho, xa_id: int, ky_moi: Ky, tu_ky: Ky | None = None
               ) -> tuple[BaoCaoDuLieu, list[ThayDoi]]:
    """Báo cáo kỳ `ky_moi` dựng từ báo cáo kỳ `tu_ky` (mặc định: báo cáo gần nhất trước đó).

    Xã hình thành sau sắp xếp chưa có báo cáo nào: báo cáo đầu tiên dựng từ biểu mẫu và hồ sơ
    xã, số kỳ trước và cùng kỳ là tổng của các xã cũ."""
    tu_ky = tu_ky or kho.ky_truoc_gan_nhat(xa_id, ky_moi)
    if tu_ky is None:
        xa = kho.xa_theo_id(xa_id)
        if xa.co_tien_than:
            return bao_cao_dau_tien(kho, xa, ky_moi)
        raise LoiKho(f"Chưa có báo cáo nào trước {ky_moi.ten_gon} để chép sang.",
                     "Nhập một báo cáo đã có bằng «drafter import TỆP.json» (hay tệp Word "
                     "«drafter import BC.docx») rồi tạo tiếp từ đó.")
    cu = kho.doc_bieu_mau(xa_id, tu_ky.ma)
    bieu_mau = doc_bieu_mau(cu.bieu_mau)
    thay_doi: list[ThayDoi] = []
    ten_cu = tu_ky.ten_gon

    dau = cu.dau.model_copy(update={
        "so": None, "ngay": None,
        "trich_yeu": doi_chu_chi_ky(cu.dau.trich_yeu, tu_ky, ky_moi) if cu.dau.trich_yeu else None})
    thay_doi.append(ThayDoi("chep", "Thông tin văn bản", f"cơ quan, địa danh, Nơi nhận, người ký "
                                                          f"từ báo cáo {ten_cu}"))
    thay_doi.append(ThayDoi("xoa", "Thông tin văn bản", "số văn bản và ngày ban hành"))
    if cu.dau.trich_yeu:
        thay_doi.append(ThayDoi("xem_lai", "Trích yếu", "đã đổi chữ chỉ kỳ, cần đọc lại"))

    van_ban, nhiem_vu = _chep_loi_van(bieu_mau, cu, tu_ky, ky_moi, thay_doi)
    lich_su = LichSu(kho, bieu_mau)
    so_lieu, so_chep, xa_cu = _chep_so_lieu(kho, xa_id, lich_su, cu, tu_ky, ky_moi, thay_doi)

    moi = cu.model_copy(update={
        "ky": ky_moi.ma, "dau": dau, "so_lieu": so_lieu, "van_ban": van_ban,
        "cau_ket": doi_chu_chi_ky(cu.cau_ket, tu_ky, ky_moi) if cu.cau_ket else None,
        "doan_chep": {ma: list(doan) for ma, doan in van_ban.items()},
        "so_lieu_chep": so_chep, "nhiem_vu_ky_truoc": nhiem_vu,
        "cung_ky_xa_cu": _giu_lua_chon(cu.cung_ky_xa_cu, xa_cu)})
    return _qua_ngay_bo_cap_huyen(moi, tu_ky, thay_doi), thay_doi


def _giu_lua_chon(cu: CungKyXaCu | None, moi: CungKyXaCu | None) -> CungKyXaCu | None:
    """Người làm báo cáo đã tắt chú thích ở kỳ trước thì kỳ này cũng tắt."""
    if cu is not None and moi is not None and not cu.chu_thich:
        return moi.model_copy(update={"chu_thich": False})
    return moi


def _qua_ngay_bo_cap_huyen(moi: BaoCaoDuLieu, tu_ky: Ky, thay_doi: list[ThayDoi]
                           ) -> BaoCaoDuLieu:
    """Chép từ báo cáo thời còn cấp huyện sang kỳ sau đó: phần đầu, Kính gửi, Nơi nhận theo
    chính quyền hai cấp; mỗi thay đổi ghi vào danh sách. Những chữ khác người làm báo cáo tự
    xem (lời văn chép đều chờ xem lại)."""
    from drafter.sap_nhap import bo_cap_huyen, sau_bo_cap_huyen

    if sau_bo_cap_huyen(tu_ky) or not sau_bo_cap_huyen(moi.ky_bao_cao):
        return moi
    moi, ghi = bo_cap_huyen(moi)
    thay_doi += [ThayDoi("xem_lai", "Thông tin văn bản",
                         f"{g} (từ 01/7/2025 không còn cấp huyện)") for g in ghi]
    return moi


def van_ban_goi_y(bieu_mau: BieuMau, ky: Ky) -> dict[str, list[str]]:
    """Lời văn gợi ý của biểu mẫu cho từng mục (van_ban_mau), chữ {ky}, {nam}… đã điền."""
    from drafter.bieu_mau.dinh_nghia import dien_bien
    from drafter.bieu_mau.dung_van_ban import bien_cua

    bien = bien_cua(BaoCaoDuLieu(bieu_mau=bieu_mau.ma, ky=ky.ma))
    return {m.ma: [dien_bien(d.strip(), bien) for d in m.van_ban_mau.split("\n\n") if d.strip()]
            for m in bieu_mau.muc if m.van_ban_mau.strip()}


def bao_cao_dau_tien(kho: Kho, xa: Xa, ky: Ky, ma_bieu_mau: str = BIEU_MAU_MAC_DINH
                     ) -> tuple[BaoCaoDuLieu, list[ThayDoi]]:
    """Báo cáo đầu tiên của xã hình thành sau sắp xếp: phần đầu, Nơi nhận, người ký từ hồ sơ
    xã; lời văn gợi ý của biểu mẫu; số kỳ trước là tổng của các xã cũ, số hiện có và lũy kế
    cùng năm của các xã cũ cộng lại làm số khởi đầu (chờ xác nhận)."""
    bieu_mau = doc_bieu_mau(ma_bieu_mau)
    thay_doi = [ThayDoi("dien", "Thông tin văn bản",
                        f"báo cáo đầu tiên của xã {xa.ten}: cơ quan, địa danh, Nơi nhận, người ký "
                        "lấy từ hồ sơ xã")]
    van_ban = van_ban_goi_y(bieu_mau, ky)
    if van_ban:
        thay_doi.append(ThayDoi("xem_lai", "Lời văn", f"{len(van_ban)} mục bắt đầu bằng lời văn "
                                                      "gợi ý của biểu mẫu: viết cho xã mới"))
    lich_su = LichSu(kho, bieu_mau)
    truoc = lich_su.so_lieu_ky(xa.id, ky.ky_truoc())
    cu = BaoCaoDuLieu(bieu_mau=bieu_mau.ma, ky=ky.ky_truoc().ma, xa=xa.ten,
                      so_lieu=dict(truoc.so_lieu))
    so_lieu, so_chep, xa_cu = _chep_so_lieu(kho, xa.id, lich_su, cu, ky.ky_truoc(), ky, thay_doi)
    if truoc.xa_cu:
        thay_doi.insert(1, ThayDoi("dien", "Số liệu", f"số kỳ trước ({truoc.ky.ten_gon}) là "
                                                      f"{truoc.nguon}"))
    elif not truoc.co_so_lieu:
        thay_doi.insert(1, ThayDoi("dien", "Số liệu", f"chưa có số kỳ trước: {truoc.ly_do}"))
    chu_ky = ChuKyNhap.model_validate({k: v for k, v in xa.chu_ky.items()
                                       if k in ChuKyNhap.model_fields})
    bc = BaoCaoDuLieu(
        bieu_mau=bieu_mau.ma, ky=ky.ma, xa=xa.ten,
        dau=DauBaoCao(**xa.dau_mac_dinh()),
        so_lieu=so_lieu, van_ban=van_ban, noi_nhan=list(xa.noi_nhan), luu=xa.luu,
        chu_ky=chu_ky, doan_chep={ma: list(d) for ma, d in van_ban.items()},
        so_lieu_chep=so_chep, cung_ky_xa_cu=xa_cu)
    return bc, thay_doi


def tach_nhiem_vu(doan: list[str]) -> list[list[str]]:
    """Các nhiệm vụ "#. …" (kèm các đoạn đi sau thuộc cùng nhiệm vụ); bỏ câu dẫn đứng trước."""
    ra: list[list[str]] = []
    for d in doan:
        if d.startswith("#."):
            ra.append([d[2:].strip()])
        elif ra and d.strip():
            ra[-1].append(d)
    return [nv for nv in ra if nv[0]]


def goi_y_nhiem_vu(bao_cao: BaoCaoDuLieu) -> list[str]:
    """Gợi ý cho phần nhiệm vụ kỳ tới: các nhiệm vụ kỳ này đã nhận, dời chữ chỉ kỳ sang kỳ sau
    ("quý II" → "quý III"), mỗi nhiệm vụ một khối "#. …" để chèn vào lời văn."""
    ky = bao_cao.ky_bao_cao
    ra = []
    for nv in bao_cao.nhiem_vu_ky_truoc:
        doan = [doi_chu_chi_ky(d, ky.ky_truoc(), ky) for d in nv.noi_dung]
        ra.append("\n\n".join([f"#. {doan[0]}", *doan[1:]]))
    return ra


def _chep_loi_van(bieu_mau: BieuMau, cu: BaoCaoDuLieu, tu_ky: Ky, ky_moi: Ky,
                  thay_doi: list[ThayDoi]) -> tuple[dict[str, list[str]], list[NhiemVuKyTruoc]]:
    """Lời văn kỳ trước: chép (đổi chữ chỉ kỳ, từng đoạn chờ xem lại). Phần nhiệm vụ kỳ tới của
    kỳ trước thành danh sách nhiệm vụ kỳ này phải ghi kết quả; phần đó của kỳ mới bắt đầu trống."""
    van_ban: dict[str, list[str]] = {}
    nhiem_vu: list[NhiemVuKyTruoc] = []
    dich = next((m for m in bieu_mau.muc if m.nhan_nhiem_vu_ky_truoc), None)
    for ma, doan in cu.van_ban.items():
        muc = bieu_mau.muc_theo_ma().get(ma)
        if muc is None or not any(d.strip() for d in doan):
            continue
        noi = bieu_mau.duong_dan(ma)
        if not muc.chep_ky_sau:
            thay_doi.append(ThayDoi("xoa", noi, f"lời văn riêng của {tu_ky.ten_gon}, không chép"))
            continue
        if muc.nhan_nhiem_vu_ky_truoc:
            thay_doi.append(ThayDoi("xoa", noi, f"kết quả nhiệm vụ của {tu_ky.ten_gon}, không "
                                                "chép"))
            continue
        if muc.danh_sach_so and dich is not None:
            nhiem_vu = [NhiemVuKyTruoc(noi_dung=nv) for nv in tach_nhiem_vu(doan)]
            thay_doi.append(ThayDoi("xem_lai", bieu_mau.duong_dan(dich.ma),
                                    f"{len(nhiem_vu)} nhiệm vụ trọng tâm báo cáo {tu_ky.ten_gon} "
                                    "đề ra: ghi kết quả từng nhiệm vụ"))
            thay_doi.append(ThayDoi("xoa", noi, "bắt đầu trống; các nhiệm vụ kỳ trước là gợi ý "
                                                "để chọn"))
            continue
        moi = [doi_chu_chi_ky(d, tu_ky, ky_moi) for d in doan]
        van_ban[ma] = moi
        so_doi = sum(a != b for a, b in zip(doan, moi, strict=True))
        ghi = f"{len(doan)} đoạn chép từ {tu_ky.ten_gon}"
        if so_doi:
            ghi += f", {so_doi} đoạn đã đổi chữ chỉ kỳ"
        thay_doi.append(ThayDoi("xem_lai", noi, ghi + ": giữ, sửa hoặc bỏ từng đoạn"))
    return van_ban, nhiem_vu


def _chep_so_lieu(kho: Kho, xa_id: int, lich_su: LichSu, cu: BaoCaoDuLieu, tu_ky: Ky,
                  ky_moi: Ky, thay_doi: list[ThayDoi]
                  ) -> tuple[dict[str, SoLieuNhap], list[str], CungKyXaCu | None]:
    bieu_mau = lich_su.bieu_mau
    ck = lich_su.so_lieu_ky(xa_id, ky_moi.cung_ky_nam_truoc())
    ke_hoach = kho.ke_hoach(xa_id, ky_moi.nam)
    qua_nam = ky_moi.nam != tu_ky.nam
    ra: dict[str, SoLieuNhap] = {}
    so_chep: list[str] = []
    dem = {"giu": 0, "xoa": 0, "cung_ky": 0, "ke_hoach": 0}
    for ct in bieu_mau.chi_tieu:
        s = cu.so_lieu.get(ct.ma) or SoLieuNhap()
        # Mẫu số là tổng hiện có (8 thôn) thì giữ; mẫu số phát sinh trong kỳ thì xóa như tử số.
        moi = SoLieuNhap(mau_so=s.mau_so if ct.ky_mau_so != "trong_ky" else None)
        co_gia_tri = s.gia_tri not in (None, "")
        giu = ct.ky == "thoi_diem" or (ct.ky == "luy_ke" and not qua_nam)
        if co_gia_tri:
            moi.ky_truoc = s.gia_tri if not isinstance(s.gia_tri, bool) else None
            if giu:
                moi.gia_tri = s.gia_tri
                moi.phan_con = list(s.phan_con)
                so_chep.append(ct.ma)
                dem["giu"] += 1
            else:
                # Giữ tên các phần (thôn, loại cây…) để nhập tiếp, xóa số.
                moi.phan_con = [PhanConNhap(ten=p.ten) for p in s.phan_con]
                dem["xoa"] += 1
        if not qua_nam:
            moi.ke_hoach = s.ke_hoach
            moi.du_toan_huyen, moi.du_toan_xa = s.du_toan_huyen, s.du_toan_xa
        if ct.ma in ke_hoach:
            moi.ke_hoach = ke_hoach[ct.ma]
            dem["ke_hoach"] += 1
        for loai in ("du_toan_huyen", "du_toan_xa"):
            if f"{ct.ma}.{loai}" in ke_hoach:
                setattr(moi, loai, ke_hoach[f"{ct.ma}.{loai}"])
        if _dien_cung_ky(ct, moi, ck):
            dem["cung_ky"] += 1
        if not moi.trong() or moi.ky_truoc is not None or moi.ke_hoach is not None \
                or moi.cung_ky is not None or moi.mau_so is not None:
            ra[ct.ma] = moi
    thay_doi.append(ThayDoi("xem_lai", "Số liệu", f"{dem['giu']} chỉ tiêu hiện có / lũy kế giữ "
                                                  "số kỳ trước làm số khởi đầu: nhập số mới "
                                                  "hoặc xác nhận từng số"
                            + (" (qua năm mới: số lũy kế bắt đầu lại)" if qua_nam else "")))
    thay_doi.append(ThayDoi("xoa", "Số liệu", f"{dem['xoa']} chỉ tiêu phát sinh trong kỳ"
                                              + (" và lũy kế" if qua_nam else "")
                                              + "; số kỳ trước giữ ở cột «kỳ trước» để so sánh"))
    xa_cu = _ghi_cung_ky(bieu_mau, ck, dem["cung_ky"], thay_doi)
    so_kh = dien_muc_tieu(kho, xa_id, ky_moi.nam, bieu_mau, ra)
    dien_cuoi_nam_truoc(lich_su, xa_id, ky_moi, ra)
    thay_doi.append(ThayDoi("dien", "Số liệu", f"kế hoạch năm {ky_moi.nam} cho "
                                               f"{so_kh} chỉ tiêu" + _nguon_ke_hoach(kho, xa_id,
                                                                                   ky_moi.nam)))
    _ke_hoach_xem_lai(kho, xa_id, ky_moi.nam, bieu_mau, thay_doi)
    return ra, so_chep, xa_cu


def _so_voi_cung_ky(ct: ChiTieu) -> bool:
    return "cung_ky" in ct.so_sanh or "cung_ky_tang_giam" in ct.so_sanh


def _dien_cung_ky(ct: ChiTieu, moi: SoLieuNhap, ck: SoLieuKy) -> bool:
    """Số cùng kỳ (và mẫu số cùng kỳ của tỷ số) vào một chỉ tiêu; True nếu có số."""
    x = ck.gia_tri(ct.ma)
    if x is None or x.gia_tri in (None, "") or isinstance(x.gia_tri, bool):
        return False
    moi.cung_ky = x.gia_tri
    if ct.loai == "ti_so":
        moi.cung_ky_mau_so = x.mau_so
    return True


def _ghi_cung_ky(bieu_mau: BieuMau, ck: SoLieuKy, so_chi_tieu: int, thay_doi: list[ThayDoi]
                 ) -> CungKyXaCu | None:
    """Dòng «số cùng kỳ» của danh sách thay đổi; số là tổng các xã cũ thì thêm từng lý do số
    còn thiếu và trả về thông tin ghi vào báo cáo (chú thích, lý do)."""
    ten = ck.ky.ten_gon if ck.ky.loai == "quy" else ck.ky.ten
    if not ck.co_so_lieu:
        thay_doi.append(ThayDoi("dien", "Số liệu", f"chưa có số cùng kỳ {ten}: {ck.ly_do} "
                                                   "(không tự đoán)"))
        return None
    if not ck.xa_cu:
        ghi = f"số cùng kỳ {ten} cho {so_chi_tieu} chỉ tiêu"
        if ck.cac_doan:
            ghi = (f"số cùng kỳ {ten} gộp từ {', '.join(d.ky.ten_gon for d in ck.cac_doan)}: "
                   f"{so_chi_tieu} chỉ tiêu")
        thay_doi.append(ThayDoi("dien", "Số liệu", ghi))
    else:
        thay_doi.append(ThayDoi("dien", "Số liệu", f"số cùng kỳ {ten} cho {so_chi_tieu} chỉ tiêu "
                                                   f"là {ck.nguon}"))
    ct_theo_ma = bieu_mau.chi_tieu_theo_ma()
    thieu = {ma: ly_do for ma, ly_do in ck.thieu.items()
             if ma in ct_theo_ma and _so_voi_cung_ky(ct_theo_ma[ma])}
    theo_ly_do: dict[str, list[str]] = {}
    for ma, ly_do in thieu.items():
        theo_ly_do.setdefault(ly_do, []).append(ct_theo_ma[ma].ten)
    for ly_do, cac_ten in theo_ly_do.items():
        thay_doi.append(ThayDoi("xem_lai", "Số liệu", f"chưa có số cùng kỳ của {len(cac_ten)} "
                                                      f"chỉ tiêu ({'; '.join(cac_ten)}): {ly_do}"))
    if not ck.xa_cu or ck.ngay_sap_nhap is None:
        return None
    return CungKyXaCu(cac_xa=ck.xa_cu, ngay_sap_nhap=ck.ngay_sap_nhap,
                      nghi_quyet=ck.nghi_quyet, thieu=thieu)


def _nguon_ke_hoach(kho: Kho, xa_id: int, nam: int) -> str:
    bc = kho.tim_bao_cao(xa_id, f"{nam}-KH")
    return f" (từ kế hoạch năm {nam} đã lưu)" if bc is not None else ""


def _ke_hoach_xem_lai(kho: Kho, xa_id: int, nam: int, bieu_mau: BieuMau,
                      thay_doi: list[ThayDoi]) -> None:
    xem_lai = kho.ke_hoach_xem_lai(xa_id, nam)
    if xem_lai:
        thay_doi.append(ThayDoi("xem_lai", "Kế hoạch năm",
                                f"{len(xem_lai)} kế hoạch năm {nam} là tổng kế hoạch các xã cũ, "
                                "chưa ai xem lại: sửa hoặc lưu ở Thiết lập (F10) › Kế hoạch năm"))


# ---------------------------------------------------------------- chỉ tiêu kế hoạch của năm

def dien_muc_tieu(kho: Kho, xa_id: int, nam: int, bieu_mau: BieuMau,
                  so_lieu: dict[str, SoLieuNhap], chi_o_trong: bool = False) -> int:
    """Chỉ tiêu kế hoạch của năm trong kho (kế hoạch năm đã lưu, gõ ở Thiết lập, cộng từ các
    xã cũ) vào số liệu báo cáo: mức của kế hoạch năm và hai dự toán vào ba ô cũ, mọi mục tiêu
    khác (cơ sở khác, kiểu khác) vào danh sách muc_tieu. chi_o_trong: chỉ điền ô còn trống
    (mở lại báo cáo đã có). Trả về số chỉ tiêu có kế hoạch."""
    theo_ma: dict[str, list[MucTieuTrongKho]] = {}
    for d in kho.muc_tieu_nam(xa_id, nam):
        theo_ma.setdefault(d.ma, []).append(d)
    o_cu = {"ke_hoach": "ke_hoach", "du_toan_cap_tren": "du_toan_huyen",
            "du_toan_xa": "du_toan_xa"}
    dem = 0
    for ct in bieu_mau.chi_tieu:
        cac = theo_ma.get(ct.ma)
        if not cac:
            continue
        moi = (so_lieu.get(ct.ma) or SoLieuNhap()).model_copy(deep=True)
        khac = []
        for d in cac:
            mt = d.muc_tieu
            if mt.co_so in o_cu and mt.kieu == "muc" and not mt.don_vi:
                if not chi_o_trong or getattr(moi, o_cu[mt.co_so]) in (None, ""):
                    setattr(moi, o_cu[mt.co_so], str(mt.gia_tri))
            else:
                khac.append(mt.model_copy(update={"xem_lai": False}))
        if khac and not (chi_o_trong and moi.muc_tieu):
            moi.muc_tieu = khac
        so_lieu[ct.ma] = moi
        dem += 1
    return dem


def _can_cuoi_nam_truoc(ct: ChiTieu, s: SoLieuNhap | None) -> bool:
    return "cuoi_nam_truoc" in ct.so_sanh or (s is not None and any(
        m.kieu == "giam" for m in s.muc_tieu))


def dien_cuoi_nam_truoc(lich_su: LichSu, xa_id: int, ky: Ky, so_lieu: dict[str, SoLieuNhap]
                        ) -> None:
    """Số cuối năm trước (báo cáo năm, không thì gộp các quý năm trước) cho chỉ tiêu so với
    cuối năm trước hay có mục tiêu "giảm" (tỷ lệ hộ nghèo giảm 1,5 điểm)."""
    cac = [ct for ct in lich_su.bieu_mau.chi_tieu if _can_cuoi_nam_truoc(ct, so_lieu.get(ct.ma))]
    if not cac:
        return
    truoc = lich_su.so_lieu_ky(xa_id, Ky(ky.nam - 1, "nam"))
    for ct in cac:
        x = truoc.gia_tri(ct.ma)
        if x is None or x.gia_tri in (None, "") or isinstance(x.gia_tri, bool):
            continue
        moi = so_lieu.get(ct.ma) or SoLieuNhap()
        if moi.cuoi_nam_truoc in (None, ""):
            so_lieu[ct.ma] = moi.model_copy(update={"cuoi_nam_truoc": x.gia_tri})


# ---------------------------------------------------------------- báo cáo gộp từ các quý

def tong_hop(kho: Kho, xa_id: int, ky: Ky, ma_bieu_mau: str | None = None
             ) -> tuple[BaoCaoDuLieu, list[ThayDoi]]:
    """Báo cáo 6 tháng / 9 tháng / năm từ các quý trong kho. Mỗi chỉ tiêu gộp theo tính chất
    của nó trong biểu mẫu (ChiTieu.cach_gop); tỷ số gộp riêng tử số và mẫu số; số cùng kỳ gộp
    cùng cách từ các quý năm trước.

    Xã hình thành giữa kỳ (sắp xếp ngày 01/7/2025, báo cáo năm 2025): phần trước ngày sắp xếp
    là 6 tháng đầu năm của các xã cũ (tổng từng chỉ tiêu), nối với quý III, quý IV của xã."""
    if ky.loai == "quy":
        raise LoiKho("Báo cáo quý không gộp từ quý khác.", "Dùng «tạo kỳ mới» thay vào đó.")
    xa = kho.xa_theo_id(xa_id)
    quy = [q for q in ky.cac_quy()
           if not (xa.co_tien_than and xa.ngay_sap_nhap is not None
                   and q.ngay_cuoi < xa.ngay_sap_nhap)]
    thieu = [q.ten_gon for q in quy if kho.tim_bao_cao(xa_id, q.ma) is None]
    if thieu:
        raise LoiKho(f"Thiếu báo cáo {', '.join(thieu)} để gộp thành báo cáo {ky.ten}.",
                     "Tạo và nhập số các quý đó trước.")
    cuoi = kho.doc_bieu_mau(xa_id, quy[-1].ma)
    bieu_mau = doc_bieu_mau(ma_bieu_mau or cuoi.bieu_mau)
    lich_su = LichSu(kho, bieu_mau)
    doan = lich_su.cac_doan(xa_id, ky)
    if len(doan) == len(quy):
        dau = f"gộp {len(quy)} quý"
    else:
        dau = (f"gộp {doan[0].nguon} với {', '.join(d.ky.ten_gon for d in doan[1:])} của xã "
               f"{xa.ten}")
    thay_doi: list[ThayDoi] = [ThayDoi(
        "dien", "Số liệu", f"{dau}: số phát sinh trong kỳ cộng lại; số lũy kế, "
                           f"hiện có và tỷ lệ % lấy của {quy[-1].ten_gon}; tỷ số x/y gộp riêng "
                           "tử số và mẫu số rồi tính lại %")]
    if not doan[0].co_so_lieu:
        thay_doi.append(ThayDoi("xem_lai", "Số liệu", f"chưa có số {doan[0].ky.ten}: "
                                                      f"{doan[0].ly_do}"))

    so_lieu: dict[str, SoLieuNhap] = {}
    so_chep: list[str] = []
    thieu_quy: list[str] = []
    for ct in bieu_mau.chi_tieu:
        s, thieu_o = gop_so_lieu(ct, [d.gia_tri(ct.ma) for d in doan], [d.ky for d in doan])
        if s is not None:
            so_lieu[ct.ma] = s
        if thieu_o:
            # Có quý có số, có quý để trống: tổng chỉ là tổng một phần, phải được xác nhận.
            so_chep.append(ct.ma)
            ly_do = [d.ly_do_thieu(ct.ma) for d in doan if d.ky.ten_gon in thieu_o]
            thieu_quy.append(f"{ct.ten} (thiếu {', '.join(thieu_o)}"
                             + "".join(f": {x}" for x in ly_do if x) + ")")
    if thieu_quy:
        thay_doi.append(ThayDoi("xem_lai", "Số liệu", f"{len(thieu_quy)} chỉ tiêu chỉ có số của "
                                                      "một số quý, cần xác nhận: "
                                                      + "; ".join(thieu_quy)))

    # Số cùng kỳ: báo cáo cùng loại năm trước nếu có, không thì gộp các quý năm trước (của các
    # xã cũ khi năm trước xã chưa hình thành).
    ck = lich_su.so_lieu_ky(xa_id, ky.cung_ky_nam_truoc())
    dem_ck = 0
    for ct in bieu_mau.chi_tieu:
        moi = so_lieu.get(ct.ma) or SoLieuNhap()
        if _so_voi_cung_ky(ct) and _dien_cung_ky(ct, moi, ck):
            dem_ck += 1
        if ct.ma in so_lieu or moi.cung_ky is not None:
            so_lieu[ct.ma] = moi
    xa_cu = _ghi_cung_ky(bieu_mau, ck, dem_ck, thay_doi)
    so_kh = dien_muc_tieu(kho, xa_id, ky.nam, bieu_mau, so_lieu)
    dien_cuoi_nam_truoc(lich_su, xa_id, ky, so_lieu)
    thay_doi.append(ThayDoi("dien", "Số liệu", f"kế hoạch năm {ky.nam} cho {so_kh} chỉ tiêu"
                            + _nguon_ke_hoach(kho, xa_id, ky.nam)))
    _ke_hoach_xem_lai(kho, xa_id, ky.nam, bieu_mau, thay_doi)

    van_ban = {ma: [doi_chu_chi_ky_sang(d, quy[-1], ky) for d in doan_van]
               for ma, doan_van in cuoi.van_ban.items()
               if ma in bieu_mau.muc_theo_ma() and any(d.strip() for d in doan_van)}
    if bieu_mau.ma != cuoi.bieu_mau:
        # Biểu mẫu khác (6 tháng, năm trình HĐND): mục chưa có lời văn lấy lời văn gợi ý.
        van_ban = van_ban_goi_y(bieu_mau, ky) | van_ban
    nhiem_vu = [nv.model_copy() for nv in cuoi.nhiem_vu_ky_truoc]
    ke_hoach_nam = kho.doc_neu_co(xa_id, f"{ky.nam}-KH")
    if isinstance(ke_hoach_nam, BaoCaoDuLieu) and ke_hoach_nam.nhiem_vu_ke_hoach:
        # Báo cáo 6 tháng, năm đánh giá các nhiệm vụ kế hoạch năm giao.
        nhiem_vu = [NhiemVuKyTruoc(noi_dung=list(nv.noi_dung), ten=nv.ten, don_vi=nv.don_vi,
                                   thoi_han=nv.thoi_han)
                    for nv in ke_hoach_nam.nhiem_vu_ke_hoach]
        thay_doi.append(ThayDoi("xem_lai", "Nhiệm vụ", f"{len(nhiem_vu)} nhiệm vụ của kế hoạch "
                                                       f"năm {ky.nam}: đánh giá từng nhiệm vụ"))
    bc = cuoi.model_copy(update={
        "bieu_mau": bieu_mau.ma, "ky": ky.ma, "so_lieu": so_lieu, "van_ban": van_ban,
        "dau": cuoi.dau.model_copy(update={"so": None, "ngay": None, "trich_yeu": None}),
        "cau_ket": None, "doan_chep": {ma: list(d) for ma, d in van_ban.items()},
        "so_lieu_chep": so_chep,
        "nhiem_vu_ky_truoc": nhiem_vu,
        "cung_ky_xa_cu": _giu_lua_chon(cuoi.cung_ky_xa_cu, xa_cu)})
    thay_doi.append(ThayDoi("xem_lai", "Lời văn", f"chép từ báo cáo {quy[-1].ten_gon}, chữ chỉ kỳ "
                                                  f"đã đổi sang {ky.ten}: viết lại cho cả kỳ, "
                                                  "giữ, sửa hoặc bỏ từng đoạn"))
    return bc, thay_doi


_QUY_TRONG_CHU = re.compile(r"\b(?P<q>[Qq])uý (?P<so>IV|III|II|I)\b(?: năm (?P<nam>\d{4})|/"
                            r"(?P<nam2>\d{4}))?")


def doi_chu_chi_ky_sang(chu: str, quy: Ky, ky: Ky) -> str:
    """Trong báo cáo gộp: quý cuối ("Quý II năm 2024", "quý II/2024", "trong quý II") thành
    kỳ gộp ("6 tháng đầu năm 2024"), quý kế tiếp thành kỳ tới ("6 tháng cuối năm 2024"); chữ
    hoa đầu giữ như cũ."""
    sau = quy.ky_sau()

    def thay(m: re.Match[str]) -> str:
        q = _LA_MA_QUY[m.group("so")]
        nam_chu = m.group("nam") or m.group("nam2")
        co_nam = nam_chu is not None
        nam = int(nam_chu) if co_nam else None
        if q == quy.quy and nam in (None, quy.nam):
            moi = ky.ten if co_nam else ky.ten_ngan
        elif q == sau.quy and nam in (None, sau.nam):
            moi = ky.ten_ky_toi() if co_nam else _bo_nam(ky.ten_ky_toi())
        else:
            return m.group()
        return moi[0].upper() + moi[1:] if m.group("q") == "Q" else moi

    return _QUY_TRONG_CHU.sub(thay, chu)


def _bo_nam(chu: str) -> str:
    """"6 tháng cuối năm 2024" → "6 tháng cuối năm"; "năm 2025" giữ nguyên."""
    bo = re.sub(r" \d{4}$", "", chu)
    return bo if bo != "năm" else chu


# ---------------------------------------------------------------- mở báo cáo kèm số so sánh

def so_sanh_cua(kho: Kho, xa_id: int, ky: Ky, bieu_mau: BieuMau) -> dict[str, SoLieuKy]:
    """Số cùng kỳ năm trước và (báo cáo quý) số kỳ liền trước của báo cáo kỳ `ky`, kèm nguồn."""
    lich_su = LichSu(kho, bieu_mau)
    nguon = {"cung_ky": lich_su.so_lieu_ky(xa_id, ky.cung_ky_nam_truoc())}
    if ky.loai == "quy":  # kỳ liền trước của báo cáo gộp không phải báo cáo cùng loại năm trước
        nguon["ky_truoc"] = lich_su.so_lieu_ky(xa_id, ky.ky_truoc())
    return nguon


def dien_so_sanh(bao_cao: BaoCaoDuLieu, bieu_mau: BieuMau, nguon: dict[str, SoLieuKy]
                 ) -> BaoCaoDuLieu:
    """Điền số so sánh vào những ô còn trống (ô người dùng đã nhập thì giữ nguyên). Số cùng kỳ
    là tổng các xã cũ thì cập nhật luôn thông tin đó (báo cáo của một xã cũ vừa được nhập thì
    lý do thiếu cũ không còn đúng); lựa chọn in chú thích được giữ."""
    so_lieu = dict(bao_cao.so_lieu)
    for truong, sk in nguon.items():
        for ct in bieu_mau.chi_tieu:
            x = sk.gia_tri(ct.ma)
            if x is None or x.gia_tri in (None, "") or isinstance(x.gia_tri, bool):
                continue
            hien = so_lieu.get(ct.ma) or SoLieuNhap()
            if getattr(hien, truong) in (None, ""):
                thay: dict[str, object] = {truong: x.gia_tri}
                if truong == "cung_ky" and ct.loai == "ti_so":
                    thay["cung_ky_mau_so"] = x.mau_so
                so_lieu[ct.ma] = hien.model_copy(update=thay)
    update: dict[str, object] = {"so_lieu": so_lieu}
    ck = nguon.get("cung_ky")
    if ck is not None and ck.xa_cu and ck.co_so_lieu and ck.ngay_sap_nhap is not None:
        ct_theo_ma = bieu_mau.chi_tieu_theo_ma()
        thieu = {ma: ly_do for ma, ly_do in ck.thieu.items() if ma in ct_theo_ma
                 and _so_voi_cung_ky(ct_theo_ma[ma])
                 and (so_lieu.get(ma) or SoLieuNhap()).cung_ky in (None, "")}
        cu = bao_cao.cung_ky_xa_cu
        update["cung_ky_xa_cu"] = CungKyXaCu(
            cac_xa=ck.xa_cu, ngay_sap_nhap=ck.ngay_sap_nhap, nghi_quyet=ck.nghi_quyet,
            thieu=thieu, chu_thich=cu.chu_thich if cu is not None else True)
    return bao_cao.model_copy(update=update)


def mo_kem_so_sanh(kho: Kho, xa_id: int, ky: Ky) -> BaoCaoDuLieu:
    """Báo cáo mới nhất của kỳ `ky`, điền thêm số cùng kỳ năm trước và số kỳ trước (từ báo cáo
    của xã, gộp các quý, hay tổng các xã cũ) vào những ô còn trống."""
    bao_cao = kho.doc_bieu_mau(xa_id, ky.ma)
    bieu_mau = doc_bieu_mau(bao_cao.bieu_mau)
    if ky.la_ke_hoach:
        return bao_cao
    bao_cao = dien_so_sanh(bao_cao, bieu_mau, so_sanh_cua(kho, xa_id, ky, bieu_mau))
    # Kế hoạch năm lưu sau khi báo cáo đã tạo: ô kế hoạch còn trống lấy theo nó.
    so_lieu = dict(bao_cao.so_lieu)
    dien_muc_tieu(kho, xa_id, ky.nam, bieu_mau, so_lieu, chi_o_trong=True)
    dien_cuoi_nam_truoc(LichSu(kho, bieu_mau), xa_id, ky, so_lieu)
    return bao_cao.model_copy(update={"so_lieu": so_lieu})
