"""Dựng văn bản (VanBan cho bộ ghi .docx) từ biểu mẫu và dữ liệu báo cáo.

Mỗi mục của biểu mẫu thành một đề mục (trừ mục chỉ là nhóm trên màn hình), nội dung là các đoạn
văn người dùng viết với số liệu thay vào chỗ giữ [[ma.truong]]. Chỉ tiêu có số liệu mà đoạn văn
không nhắc tới được tự thêm thành một gạch đầu dòng cuối mục: không số liệu nào bị bỏ sót.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from drafter import vn
from drafter.bieu_mau.cau_van import CauVan, moi_truong
from drafter.bieu_mau.danh_dau import (
    CHO_TRONG,
    ChoTrong,
    GiuCho,
    PhanTuDaThay,
    cac_giu_cho,
    phan_tich,
    thay_so_lieu,
)
from drafter.bieu_mau.dinh_nghia import BieuMau, CachViet, MucBieuMau, dien_bien
from drafter.bieu_mau.du_lieu import (
    TEN_DANH_GIA_NHIEM_VU,
    TEN_TRANG_THAI_NHIEM_VU,
    BaoCaoDuLieu,
    NhiemVuKeHoach,
    NhiemVuKyTruoc,
)
from drafter.bieu_mau.tinh_toan import SoLieuDaTinh, tinh_tat_ca
from drafter.van_ban import (
    ChuKy,
    ChuThich,
    DauVanBan,
    DoanChu,
    DoanVan,
    Muc,
    Nut,
    VanBan,
    cham_cau_can_cu_ban_1,
    truong_chung,
)


@dataclass
class NguCanh:
    bieu_mau: BieuMau
    bao_cao: BaoCaoDuLieu
    so_lieu: dict[str, SoLieuDaTinh]
    cach_viet: CachViet
    da_nhac: set[str]  # chỉ tiêu đã có chỗ giữ trong đoạn văn
    # Chỉ tiêu mà lời văn đã in chỉ tiêu kế hoạch năm ([[ma.chi_tieu]], [[ma.so_chi_tieu]]).
    da_nhac_ke_hoach: set[str] = field(default_factory=set)
    # Chú thích «số cùng kỳ là tổng của các xã cũ» còn chờ đặt: đặt một lần, ở chỗ đầu tiên
    # văn bản so với cùng kỳ.
    chu_thich_ck: ChuThich | None = None

    @cached_property
    def bien(self) -> dict[str, str]:
        return bien_cua(self.bao_cao)

    def chen_chu_thich_ck(self, s: SoLieuDaTinh, truong: str, ra: list) -> list:
        """Đặt chú thích số cùng kỳ ngay sau cụm so với cùng kỳ đầu tiên của văn bản."""
        if self.chu_thich_ck is None or not ra:
            return ra
        if truong in ("cau", "so_sanh"):
            co = s.ty_le_cung_ky is not None or s.chenh_lech_cung_ky is not None
        else:
            co = truong in ("cung_ky", "chenh_lech") and s.cung_ky is not None
        if not co:
            return ra
        ra, self.chu_thich_ck = chen_sau_cum(ra, (self.cach_viet.cung_ky, "bằng cùng kỳ"),
                                             self.chu_thich_ck), None
        return ra

    def dien(self, chu: str) -> str:
        return dien_bien(chu, self.bien)

    def thay(self, g: GiuCho) -> list[PhanTuDaThay | ChoTrong]:
        """Số liệu của chỗ giữ; thiếu số thì dấu «[chưa có: …]» tô vàng (kiểm tra đã báo lỗi,
        bản chính thức không dựng được); cụm tùy chọn không có gì thì bỏ cả dấu câu đi kèm."""
        s = self.so_lieu.get(g.ma)
        if s is None:
            return [DoanChu(chu=f"[chưa có: chỉ tiêu mã «{g.ma}» không có trong biểu mẫu]",
                            to_sang=True)]
        cau = CauVan(s, self.cach_viet)
        thieu = cau.thieu(g.truong)
        if thieu:
            return [cau.giu_cho_chua_co(thieu, g.truong)]
        try:
            ra = cau.theo_truong(g.truong)
        except KeyError:  # phần lạ sau dấu chấm: kiểm tra đã báo lỗi
            return [DoanChu(chu=f"[chưa có: {g.chu} không hiểu]", to_sang=True)]
        return self.chen_chu_thich_ck(s, g.truong, list(ra)) or [CHO_TRONG]


def chen_sau_cum(ra: list, cac_cum: tuple[str, ...], chu_thich: ChuThich) -> list:
    """Chèn chú thích ngay sau cụm chữ đầu tiên trong `cac_cum` (tách đoạn chữ chứa nó); không
    thấy cụm nào thì đặt cuối."""
    for i, x in enumerate(ra):
        chu = x if isinstance(x, str) else x.chu if isinstance(x, DoanChu) else None
        if chu is None:
            continue
        vi_tri = [chu.find(c) + len(c) for c in cac_cum if c and c in chu]
        if not vi_tri:
            continue
        j = min(vi_tri)
        if isinstance(x, str):
            truoc, sau = chu[:j], chu[j:]
        else:
            truoc = x.model_copy(update={"chu": chu[:j]})
            sau = x.model_copy(update={"chu": chu[j:]})
        return [*ra[:i], truoc, chu_thich, *([sau] if chu[j:] else []), *ra[i + 1:]]
    return [*ra, chu_thich]


def cach_viet_cua(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu) -> CachViet:
    """Cách viết các phép so sánh của báo cáo: riêng của báo cáo, không thì của biểu mẫu. Tên
    dự toán cấp trên để trống thì theo thời điểm: huyện giao, từ khi bỏ cấp huyện là tỉnh giao."""
    from drafter.sap_nhap import sau_bo_cap_huyen

    viet = bao_cao.cach_viet or bieu_mau.cach_viet
    ky = bao_cao.ky_bao_cao
    cap = "tỉnh" if sau_bo_cap_huyen(ky) else "huyện"
    them: dict[str, str] = {}
    if not viet.du_toan_cap_tren:
        them["du_toan_cap_tren"] = f"dự toán {cap} giao"
    if not viet.cap_tren:
        them["cap_tren"] = f"kế hoạch {cap} giao"
    if not viet.cuoi_nam_truoc:
        them["cuoi_nam_truoc"] = f"so với năm {ky.nam - 1}"
    return viet.model_copy(update=them) if them else viet


def bien_cua(bao_cao: BaoCaoDuLieu) -> dict[str, str]:
    """Các biến {ky}, {ky_toi}, {nam}, {nam_truoc}, {ky_ngan}, {co_quan}, {xa} trong chữ của
    biểu mẫu; {KY}, {KY_TOI} in hoa cho tiêu đề phần ("6 THÁNG ĐẦU NĂM 2023")."""
    ky = bao_cao.ky_bao_cao
    co_quan = f"UBND xã {bao_cao.xa}" if bao_cao.xa else "UBND xã"
    return {"ky": ky.ten, "ky_toi": ky.ten_ky_toi(), "nam": str(ky.nam),
            "KY": ky.ten.upper(), "KY_TOI": ky.ten_ky_toi().upper(),
            "nam_truoc": str(ky.nam - 1), "ky_ngan": ky.ten_ngan, "co_quan": co_quan,
            "xa": bao_cao.xa}


def tieu_de_muc(bao_cao: BaoCaoDuLieu, muc: MucBieuMau, bien: dict[str, str] | None = None
                ) -> str:
    """Tiêu đề mục như sẽ in: tiêu đề người dùng đặt riêng, không thì của biểu mẫu đã điền biến."""
    return bao_cao.tieu_de_muc.get(muc.ma) or dien_bien(muc.tieu_de, bien or bien_cua(bao_cao))


def dung(bieu_mau: BieuMau, bao_cao: BaoCaoDuLieu,
         so_lieu: dict[str, SoLieuDaTinh] | None = None) -> VanBan:
    so_lieu = so_lieu or tinh_tat_ca(bieu_mau, bao_cao)
    nc = NguCanh(bieu_mau, bao_cao, so_lieu, cach_viet_cua(bieu_mau, bao_cao), set())
    xa_cu = bao_cao.cung_ky_xa_cu
    if xa_cu is not None and xa_cu.chu_thich:
        from drafter.sap_nhap import chu_thich_cung_ky

        nc.chu_thich_ck = ChuThich(chu_thich=[chu_thich_cung_ky(xa_cu)])
    for doan in bao_cao.van_ban.values():
        for chu in doan:
            for g in cac_giu_cho(phan_tich(chu)):
                if g.truong in ("chi_tieu", "so_chi_tieu"):
                    nc.da_nhac_ke_hoach.add(g.ma)
                else:
                    nc.da_nhac.add(g.ma)
    noi_dung = []
    for muc in bieu_mau.con_cua(None):
        noi_dung += _dung_muc(nc, muc)
    dau = bao_cao.dau
    ky = bao_cao.ky_bao_cao
    return VanBan(
        # Mọi trường cùng tên chép nguyên (truong_chung); ở đây chỉ những trường để trống thì
        # lấy theo biểu mẫu, kỳ báo cáo.
        dau=DauVanBan.model_validate(truong_chung(dau, DauVanBan) | {
            "co_quan_ban_hanh": dau.co_quan_ban_hanh or ["ỦY BAN NHÂN DÂN"],
            "ky_hieu": dau.ky_hieu or bieu_mau.ky_hieu, "dia_danh": dau.dia_danh or "…",
            "nam": ky.nam, "ten_loai": bieu_mau.ten_loai,
            "trich_yeu": dau.trich_yeu or nc.dien(bieu_mau.trich_yeu),
            # Biểu mẫu giữ cách in căn cứ cũ: tự thêm ";" và "." cuối dòng.
            "can_cu": cham_cau_can_cu_ban_1(dau.can_cu)}),
        danh_so=bieu_mau.danh_so,
        noi_dung=noi_dung,
        cau_ket=bao_cao.cau_ket or nc.dien(bieu_mau.cau_ket),
        noi_nhan=bao_cao.noi_nhan,
        luu=bao_cao.luu or "VT",
        chu_ky=ChuKy.model_validate(truong_chung(bao_cao.chu_ky, ChuKy) | {
            "co_quan_hoac_chuc_vu": bao_cao.chu_ky.co_quan_hoac_chuc_vu or "ỦY BAN NHÂN DÂN"}),
    )


def _dung_muc(nc: NguCanh, muc: MucBieuMau) -> list[Nut]:
    """Nội dung của một mục: các đoạn văn, các chỉ tiêu chưa được nhắc, rồi các mục con."""
    than: list[Nut] = _cac_doan(nc, muc)
    if muc.nhan_nhiem_vu_ky_truoc:
        than += _ket_qua_nhiem_vu(nc, muc)
    if muc.danh_gia_muc_tieu:
        than += _danh_gia_muc_tieu(nc)
    if muc.chi_tieu_ke_hoach:
        than += _chi_tieu_ke_hoach(nc, muc)
    if muc.nhiem_vu_ke_hoach:
        than += _nhiem_vu_ke_hoach(nc)
    for ct in nc.bieu_mau.chi_tieu_cua(muc.ma):
        if ct.ma in nc.da_nhac:
            continue
        cau = CauVan(nc.so_lieu[ct.ma], nc.cach_viet)
        chu = nc.chen_chu_thich_ck(nc.so_lieu[ct.ma], "cau", cau.theo_truong("cau"))
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
    return [Muc(tieu_de=tieu_de or None, cap=muc.cap, danh_so=muc.danh_so, nhan=muc.nhan,
                noi_dung=than)]


def _ve_cau(tep_mau_cau: str, **ngu_canh: object) -> list:
    """Câu từ một mẫu trong templates/cau/ (số đã đếm sẵn), thành các phần tử của đoạn."""
    cau = moi_truong().get_template(tep_mau_cau).render(**ngu_canh).strip()
    return list(thay_so_lieu(phan_tich(cau), lambda g: []))


def _ket_qua_nhiem_vu(nc: NguCanh, muc: MucBieuMau) -> list[Nut]:
    """Các nhiệm vụ kỳ trước (hay kế hoạch năm, nghị quyết) đề ra: câu đếm kết quả, rồi từng
    nhiệm vụ với trạng thái hay kết quả đánh giá và câu kết quả. Nhiệm vụ chưa đánh giá mang
    dấu «[chưa có: …]»."""
    ds = nc.bao_cao.nhiem_vu_ky_truoc
    if not ds:
        return []
    danh_gia = muc.danh_gia_nhiem_vu or any(nv.danh_gia is not None for nv in ds)
    if danh_gia:
        # Báo cáo 6 tháng, năm: đánh giá theo chỉ tiêu của nhiệm vụ ("Đạt và vượt chỉ tiêu").
        so = {k: sum(nv.danh_gia == k for nv in ds) for k in TEN_DANH_GIA_NHIEM_VU}
        dat = so["vuot"] + so["dat"] + so["dung_tien_do"]
        dau: list = _ve_cau("cau/danh_gia_nhiem_vu.j2", tong=vn.dem(len(ds)), so_dat=vn.dem(dat),
                            so=so, **{k: vn.dem(v) for k, v in so.items()})
        chua_danh_gia = sum(nv.danh_gia is None for nv in ds)
    else:
        dem = {k: sum(nv.trang_thai == k for nv in ds) for k in TEN_TRANG_THAI_NHIEM_VU}
        chua_danh_gia = sum(nv.trang_thai is None for nv in ds)
        dau = _ve_cau(
            "cau/ket_qua_nhiem_vu.j2", tong=vn.dem(len(ds)), hoan_thanh=vn.dem(dem["hoan_thanh"]),
            dang_thuc_hien=vn.dem(dem["dang_thuc_hien"]),
            chua_thuc_hien=vn.dem(dem["chua_thuc_hien"]), so_hoan_thanh=dem["hoan_thanh"],
            so_dang=dem["dang_thuc_hien"], so_chua=dem["chua_thuc_hien"],
            co_quan=nc.bien["co_quan"], ky=nc.bien["ky"])
    if chua_danh_gia:
        dau.append(" ")
        dau.append(DoanChu(chu=f"[chưa có: kết quả của {chua_danh_gia} nhiệm vụ]", to_sang=True))
    ra: list[Nut] = [DoanVan(noi_dung=dau)]
    for nv in ds:
        doan = _doan_nhiem_vu(nv, nc)
        if danh_gia:
            ket_qua: list = ["Kết quả đánh giá: "]
            if nv.danh_gia is None:
                ket_qua.append(DoanChu(chu="[chưa có: kết quả đánh giá nhiệm vụ]", to_sang=True))
            else:
                ket_qua.append(DoanChu(chu=TEN_DANH_GIA_NHIEM_VU[nv.danh_gia] + ".", dam=True))
            doan.append(DoanVan(noi_dung=ket_qua))
            doan += [DoanVan(noi_dung=thay_so_lieu(phan_tich(c.strip()), nc.thay))
                     for c in nv.ket_qua.split("\n\n") if c.strip()]
        else:
            ket_qua = [DoanChu(chu="Kết quả: ", nghieng=True)]
            if nv.trang_thai is None:
                ket_qua.append(DoanChu(chu="[chưa có: kết quả thực hiện nhiệm vụ]", to_sang=True))
            else:
                ket_qua.append(DoanChu(chu=TEN_TRANG_THAI_NHIEM_VU[nv.trang_thai] + ".", dam=True))
            if nv.ket_qua.strip():
                ket_qua += [" ", *thay_so_lieu(phan_tich(nv.ket_qua.strip()), nc.thay)]
            doan.append(DoanVan(noi_dung=ket_qua))
        if muc.dau_dong_nhiem_vu == "so":
            ra.append(Muc(cap="so", noi_dung=doan))
        else:
            doan[0] = doan[0].model_copy(update={"dau_dong": muc.dau_dong_nhiem_vu})
            ra += doan
    return ra


def _danh_gia_muc_tieu(nc: NguCanh) -> list[Nut]:
    """Câu đếm "đạt và vượt 12/16 chỉ tiêu" và một gạch đầu dòng đánh giá mỗi chỉ tiêu."""
    from drafter.bieu_mau.cau_van import CauVan, so_luong
    from drafter.bieu_mau.danh_gia import danh_gia_bao_cao, dem_danh_gia
    from drafter.muc_tieu import TEN_DANH_GIA, chu_muc_tieu

    ds = danh_gia_bao_cao(nc.bieu_mau, nc.so_lieu, nc.bao_cao.ky_bao_cao)
    if not ds:
        return []
    so = dem_danh_gia(ds)
    ra: list[Nut] = [DoanVan(noi_dung=_ve_cau(
        "cau/tong_hop_muc_tieu.j2", ky=nc.bien["ky"], so=so,
        **{k: vn.dem(v) for k, v in so.items()}))]
    for d in ds:
        cau = CauVan(d.s, nc.cach_viet)
        thuc_hien = cau.gia_tri()
        if d.muc_tieu.kieu == "giam" and isinstance(d.muc_tieu.thuc_hien, Decimal):
            thuc_hien = f"giảm {so_luong(d.muc_tieu.thuc_hien, d.ct)}"
        ket_qua = TEN_DANH_GIA[d.ket_qua] if d.ket_qua else "chưa có số liệu để đánh giá"
        ra.append(DoanVan(dau_dong="gach", noi_dung=_ve_cau(
            "cau/danh_gia_muc_tieu.j2", ten=d.ct.ten, thuc_hien=thuc_hien,
            muc_tieu=chu_muc_tieu(d.muc_tieu, cau.viet_so_muc_tieu(d.muc_tieu)),
            co_so=nc.cach_viet.ten_co_so(d.muc_tieu.co_so), ty_le=d.muc_tieu.ty_le,
            so_le=d.ct.so_le_ty_le, ket_qua=ket_qua)))
    return ra


def _chi_tieu_ke_hoach(nc: NguCanh, muc: MucBieuMau) -> list[Nut]:
    """Kế hoạch năm: chỉ tiêu kế hoạch của mục đã đặt mà lời văn chưa nhắc → "- Tên: 1.300 tấn."""
    from drafter.bieu_mau.cau_van import CauVan

    ra: list[Nut] = []
    for ma in muc.chi_tieu_ke_hoach:
        s = nc.so_lieu.get(ma)
        if s is None or not s.chi_tieu_dat or ma in nc.da_nhac_ke_hoach:
            continue
        chi_tieu = CauVan(s, nc.cach_viet).theo_truong("chi_tieu")
        if chi_tieu:
            ra.append(DoanVan(dau_dong="gach", noi_dung=[
                *_ve_cau("cau/muc_tieu.j2", ten=s.ct.ten, chi_tieu=chi_tieu[0]), "."]))
    return ra


def _nhiem_vu_ke_hoach(nc: NguCanh) -> list[Nut]:
    """Kế hoạch năm: mỗi nhiệm vụ giao một khoản đánh số, kèm đơn vị chủ trì và thời hạn."""
    ra: list[Nut] = []
    for nv in nc.bao_cao.nhiem_vu_ke_hoach:
        ra.append(Muc(cap="so", noi_dung=list(_doan_nhiem_vu(nv, nc))))
    return ra


def _doan_nhiem_vu(nv: NhiemVuKeHoach | NhiemVuKyTruoc, nc: NguCanh) -> list[DoanVan]:
    """Các đoạn của một nhiệm vụ kế hoạch: tên đậm ở đầu đoạn đầu, rồi đơn vị chủ trì, thời hạn
    (dùng chung cho kế hoạch năm và phần đánh giá nhiệm vụ kỳ trước của báo cáo)."""
    doan: list[DoanVan] = []
    for i, chu in enumerate(c for c in nv.noi_dung if c.strip()):
        noi_dung = list(thay_so_lieu(phan_tich(chu), nc.thay))
        if i == 0 and nv.ten:
            noi_dung = [DoanChu(chu=nv.ten, dam=True), " ", *noi_dung]
        doan.append(DoanVan(noi_dung=noi_dung))
    if nv.don_vi or nv.thoi_han:
        doan.append(DoanVan(noi_dung=_ve_cau("cau/nhiem_vu_ke_hoach.j2", don_vi=nv.don_vi,
                                             thoi_han=nv.thoi_han)))
    return doan


_GIU_CHO_BAT_DAU_CAU = re.compile(r"(?:^|[.!?]\s+)\[\[([a-z0-9_]+(?:\.[a-z0-9_]+)?)\]\]")


def _thay_bat_dau_cau(nc: NguCanh, chu: str) -> Callable[[GiuCho], list]:
    """Hàm thay chỗ giữ cho một đoạn: chỗ giữ đứng đầu câu ("… năm 2022. [[ntm.chenh_lech…]]")
    in chữ hoa đầu ("Giảm 3 tiêu chí …"); cụm do chương trình viết luôn bắt đầu chữ thường."""
    bat_dau_cau = {m.group(1) for m in _GIU_CHO_BAT_DAU_CAU.finditer(chu)}
    if not bat_dau_cau:
        return nc.thay

    def thay(g: GiuCho) -> list:
        ra = nc.thay(g)
        if g.chu[2:-2] in bat_dau_cau and ra and isinstance(ra[0], str) and ra[0][:1].islower():
            ra = [ra[0][0].upper() + ra[0][1:], *ra[1:]]
        return ra

    return thay


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
        elif chu.startswith("* "):
            dau_dong, chu = "sao", chu[2:]
        noi_dung = thay_so_lieu(phan_tich(chu), _thay_bat_dau_cau(nc, chu))
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
