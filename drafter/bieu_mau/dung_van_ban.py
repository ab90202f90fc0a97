"""Dựng văn bản (VanBan cho bộ ghi .docx) từ biểu mẫu và dữ liệu báo cáo.

Mỗi mục của biểu mẫu thành một đề mục (trừ mục chỉ là nhóm trên màn hình), nội dung là các đoạn
văn người dùng viết với số liệu thay vào chỗ giữ [[ma.truong]]. Chỉ tiêu có số liệu mà đoạn văn
không nhắc tới được tự thêm thành một gạch đầu dòng cuối mục: không số liệu nào bị bỏ sót.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from drafter.bieu_mau.cau_van import CauVan
from drafter.bieu_mau.danh_dau import GiuCho, cac_giu_cho, phan_tich, thay_so_lieu
from drafter.bieu_mau.dinh_nghia import BieuMau, CachViet, MucBieuMau
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu
from drafter.bieu_mau.tinh_toan import SoLieuDaTinh, tinh
from drafter.van_ban import ChuKy, DauVanBan, DoanVan, Muc, Nut, VanBan

_BIEN = re.compile(r"\{(\w+)\}")


@dataclass
class NguCanh:
    bieu_mau: BieuMau
    bao_cao: BaoCaoDuLieu
    so_lieu: dict[str, SoLieuDaTinh]
    cach_viet: CachViet
    da_nhac: set[str]  # chỉ tiêu đã có chỗ giữ trong đoạn văn

    @cached_property
    def bien(self) -> dict[str, str]:
        return bien_cua(self.bao_cao)

    def dien(self, mau: str) -> str:
        return dien_bien(mau, self.bien)

    def thay(self, g: GiuCho) -> list:
        s = self.so_lieu.get(g.ma)
        if s is None:
            return [g.chu]  # mã lạ: để nguyên cho người đọc thấy (kiểm tra đã báo lỗi)
        return CauVan(s, self.cach_viet).theo_truong(g.truong)


def bien_cua(bao_cao: BaoCaoDuLieu) -> dict[str, str]:
    """Các biến {ky}, {ky_toi}, {nam}, {ky_ngan}, {co_quan}, {xa} trong chữ của biểu mẫu."""
    ky = bao_cao.ky_bao_cao
    co_quan = f"UBND xã {bao_cao.xa}" if bao_cao.xa else "UBND xã"
    return {"ky": ky.ten, "ky_toi": ky.ten_ky_toi(), "nam": str(ky.nam),
            "ky_ngan": ky.ten_ngan, "co_quan": co_quan, "xa": bao_cao.xa}


def dien_bien(mau: str, bien: dict[str, str]) -> str:
    """Thay {ky}, {ky_toi}, {nam}, {co_quan}… trong chữ của biểu mẫu (không phải jinja)."""
    return _BIEN.sub(lambda m: bien.get(m.group(1), m.group()), mau)


def tieu_de_muc(bao_cao: BaoCaoDuLieu, muc: MucBieuMau, bien: dict[str, str] | None = None
                ) -> str:
    """Tiêu đề mục như sẽ in: tiêu đề người dùng đặt riêng, không thì của biểu mẫu đã điền biến."""
    return bao_cao.tieu_de_muc.get(muc.ma) or dien_bien(muc.tieu_de, bien or bien_cua(bao_cao))


def tinh_tat_ca(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu) -> dict[str, SoLieuDaTinh]:
    return {ct.ma: tinh(ct, bao_cao.so_lieu.get(ct.ma)) for ct in bieu_mau.chi_tieu}


def dung(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu,
         so_lieu: dict[str, SoLieuDaTinh] | None = None) -> VanBan:
    so_lieu = so_lieu or tinh_tat_ca(bieu_mau, bao_cao)
    nc = NguCanh(bieu_mau, bao_cao, so_lieu, bao_cao.cach_viet or bieu_mau.cach_viet, set())
    for doan in bao_cao.van_ban.values():
        for chu in doan:
            nc.da_nhac.update(g.ma for g in cac_giu_cho(phan_tich(chu)))
    noi_dung = []
    for muc in bieu_mau.con_cua(None):
        noi_dung += _dung_muc(nc, muc)
    dau = bao_cao.dau
    ky = bao_cao.ky_bao_cao
    return VanBan(
        dau=DauVanBan(
            co_quan_chu_quan=dau.co_quan_chu_quan,
            co_quan_ban_hanh=dau.co_quan_ban_hanh or ["ỦY BAN NHÂN DÂN"],
            so=dau.so, ky_hieu=dau.ky_hieu or bieu_mau.ky_hieu, dia_danh=dau.dia_danh or "…",
            ngay=dau.ngay, nam=ky.nam,
            ten_loai=bieu_mau.ten_loai,
            trich_yeu=dau.trich_yeu or nc.dien(bieu_mau.trich_yeu),
            dong_duoi_trich_yeu=dau.dong_duoi_trich_yeu, can_cu=dau.can_cu,
            kinh_gui=dau.kinh_gui),
        danh_so=bieu_mau.danh_so,
        noi_dung=noi_dung,
        cau_ket=bao_cao.cau_ket or nc.dien(bieu_mau.cau_ket),
        noi_nhan=bao_cao.noi_nhan,
        luu=bao_cao.luu or "VT",
        chu_ky=ChuKy(quyen_han=bao_cao.chu_ky.quyen_han,
                     co_quan_hoac_chuc_vu=bao_cao.chu_ky.co_quan_hoac_chuc_vu or "ỦY BAN NHÂN DÂN",
                     chuc_vu=bao_cao.chu_ky.chuc_vu, ho_ten=bao_cao.chu_ky.ho_ten),
    )


def _dung_muc(nc: NguCanh, muc: MucBieuMau) -> list[Nut]:
    """Nội dung của một mục: các đoạn văn, các chỉ tiêu chưa được nhắc, rồi các mục con."""
    than: list[Nut] = _cac_doan(nc, muc)
    for ct in nc.bieu_mau.chi_tieu_cua(muc.ma):
        if ct.ma in nc.da_nhac:
            continue
        cau = CauVan(nc.so_lieu[ct.ma], nc.cach_viet)
        chu = cau.theo_truong("cau")
        if chu:
            cuoi = [*chu, *cau.chu_thich(), "."] if ct.phan_con and \
                ct.phan_con.cach_hien == "chu_thich" else [*chu, "."]
            than.append(DoanVan(noi_dung=cuoi, dau_dong="gach"))
    for con in nc.bieu_mau.con_cua(muc.ma):
        than += _dung_muc(nc, con)
    if not muc.de_muc:
        return than
    if not than:
        # Không in đề mục trống; mục bắt buộc mà trống thì bước kiểm tra đã cảnh báo.
        return []
    tieu_de = tieu_de_muc(nc.bao_cao, muc, nc.bien)
    return [Muc(tieu_de=tieu_de or None, cap=muc.cap, noi_dung=than)]


def _cac_doan(nc: NguCanh, muc: MucBieuMau) -> list[Nut]:
    ra: list[Nut] = []
    muc_so: Muc | None = None
    for chu in nc.bao_cao.van_ban.get(muc.ma, []):
        chu = chu.strip()
        if not chu:
            continue
        moi_muc = muc.danh_sach_so and chu.startswith("#.")
        if moi_muc:
            chu = chu[2:].lstrip()
        dau_dong = None
        if chu.startswith("- "):
            dau_dong, chu = "gach", chu[2:]
        elif chu.startswith("+ "):
            dau_dong, chu = "cong", chu[2:]
        noi_dung = thay_so_lieu(phan_tich(chu), nc.thay)
        if not noi_dung:
            continue
        doan = DoanVan(noi_dung=noi_dung, dau_dong=dau_dong)
        if moi_muc:
            # Nhiệm vụ trọng tâm "1. …": số do chương trình đánh, đoạn sau thuộc cùng nhiệm vụ.
            muc_so = Muc(cap="so", noi_dung=[doan])
            ra.append(muc_so)
        elif muc_so is not None:
            muc_so = Muc(cap="so", noi_dung=[*muc_so.noi_dung, doan])
            ra[-1] = muc_so
        else:
            ra.append(doan)
    return ra
