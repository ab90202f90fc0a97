"""Văn bản tự do: báo cáo, kế hoạch nhập từ Word mà không biểu mẫu nào khớp, lưu trong kho như
một báo cáo của kỳ của nó.

Khác báo cáo theo biểu mẫu (số liệu + lời văn từng mục), văn bản tự do giữ nguyên cây đề mục,
đoạn văn, bảng của văn bản gốc; phần đầu, Nơi nhận, người ký có cùng tên trường như báo cáo
theo biểu mẫu nên màn hình thông tin văn bản dùng chung được. Khi chuyển sang kỳ sau: đổi chữ chỉ
kỳ (chuyen_ky.doi_chu_chi_ky), mọi đoạn chép chờ xem lại (doan_chep, theo chữ của đoạn như báo cáo
theo biểu mẫu), từ ngữ gắn với kỳ khác được cảnh báo (gan_ky), cùng một kết luận (ThongBao,
KetLuan) khi xuất.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import Field, ValidationError, field_validator

from drafter.bieu_mau.du_lieu import ChuKyNhap, DauBaoCao, MaKy, MoHinhNhap, SoLieuNhap
from drafter.ky_bao_cao import Ky
from drafter.tep_van_ban import LOAI_TU_DO
from drafter.van_ban import (
    DANH_SO_MAC_DINH,
    DAU_DONG,
    Bang,
    CapDanhSo,
    Chu,
    ChuKy,
    ChuThich,
    DauVanBan,
    DoanChu,
    DoanVan,
    Muc,
    NoiDungDong,
    Nut,
    VanBan,
    chu_tron,
    kiem_phien_ban,
    truong_chung,
)

if TYPE_CHECKING:
    from drafter.bieu_mau.du_lieu import BaoCaoDuLieu
    from drafter.bieu_mau.kiem_tra_so_lieu import ThongBao
    from drafter.chuyen_ky import ThayDoi
    from drafter.kho.kho import Kho, Xa
    from drafter.nhap_docx import KetQuaDoc

PHIEN_BAN_TU_DO = 1
CHO_TRONG = "…"


class DauTuDo(DauBaoCao):
    """Phần đầu của văn bản tự do: như báo cáo theo biểu mẫu, thêm tên loại và ngày chỉ biết
    tháng, năm (bản nháp chưa ký)."""

    ten_loai: Chu = "BÁO CÁO"
    thang: int | None = Field(default=None, ge=1, le=12)
    nam: int | None = Field(default=None, ge=1945, le=2200)


class VanBanTuDo(MoHinhNhap):
    phien_ban: int = PHIEN_BAN_TU_DO
    loai: Literal["van_ban_tu_do"] = LOAI_TU_DO
    ky: MaKy
    xa: Chu = ""
    nguon: Chu = ""  # tên tệp .docx đã nhập
    dau: DauTuDo = Field(default_factory=DauTuDo)
    danh_so: list[CapDanhSo] = Field(default_factory=lambda: list(DANH_SO_MAC_DINH),
                                     min_length=1)
    bang_chu_cai: Literal["tieng_viet", "la_tinh"] = "tieng_viet"
    noi_dung: list[Nut] = Field(default_factory=list)
    cau_ket: Chu = ""
    dau_het: bool = True
    noi_nhan: list[Chu] = Field(default_factory=list)
    luu: Chu = "VT"
    chu_ky: ChuKyNhap = Field(default_factory=ChuKyNhap)
    # Chữ (cú pháp đánh dấu) các đoạn chép từ kỳ trước chưa xem lại: đoạn còn nguyên chữ như
    # lúc chép thì chưa xem; sửa, giữ hay bỏ đều là đã xem (như báo cáo theo biểu mẫu).
    doan_chep: list[Chu] = Field(default_factory=list)
    # Số liệu cán bộ đã xác nhận từ các đề xuất (nhap_docx.so_lieu) cho chỉ tiêu của biểu mẫu
    # `bieu_mau_so_lieu`: dùng làm số cùng kỳ, kỳ trước cho báo cáo theo biểu mẫu các kỳ sau.
    bieu_mau_so_lieu: Chu = ""
    so_lieu: dict[str, SoLieuNhap] = Field(default_factory=dict)

    @field_validator("phien_ban")
    @classmethod
    def _phien_ban(cls, v: int) -> int:
        return kiem_phien_ban(v, PHIEN_BAN_TU_DO)

    @property
    def ky_bao_cao(self) -> Ky:
        return Ky.doc(self.ky)

    @property
    def cung_ky_xa_cu(self) -> None:
        """Văn bản Word không có số cùng kỳ tính từ các xã cũ (chỉ báo cáo theo biểu mẫu có):
        màn hình thông tin văn bản dùng chung với báo cáo theo biểu mẫu hỏi thuộc tính này."""
        return None

    @property
    def bieu_mau(self) -> str:
        return ""  # không theo biểu mẫu nào (cột bieu_mau của kho để trống)

    def thanh_json(self) -> str:
        return self.model_dump_json(indent=1)

    def so_lieu_theo_bieu_mau(self) -> BaoCaoDuLieu | None:
        """Số liệu đã xác nhận, dưới dạng báo cáo theo biểu mẫu (chỉ có số liệu) để các kỳ sau
        lấy số cùng kỳ, kỳ trước; None khi chưa xác nhận số nào."""
        from drafter.bieu_mau.du_lieu import BaoCaoDuLieu

        if not self.so_lieu or not self.bieu_mau_so_lieu:
            return None
        return BaoCaoDuLieu(bieu_mau=self.bieu_mau_so_lieu, ky=self.ky, xa=self.xa,
                            so_lieu=dict(self.so_lieu))


# Biểu mẫu có thể khớp với văn bản nhập từ Word: báo cáo kinh tế - xã hội của xã.
BIEU_MAU_KHOP = "kt-xh-quy-xa"


def bieu_mau_khop(td: VanBanTuDo) -> str | None:
    """Biểu mẫu có chỉ tiêu để đề xuất số liệu: báo cáo (không phải kế hoạch) nói về kinh tế -
    xã hội; None khi không biểu mẫu nào khớp."""
    chu = " ".join(x for x in (td.dau.trich_yeu or "", td.dau.ten_loai) if x).lower()
    if td.dau.ten_loai.startswith("BÁO CÁO") and "kinh tế" in chu:
        return BIEU_MAU_KHOP
    return None


def de_xuat_so_lieu(td: VanBanTuDo) -> list:
    """Đề xuất số liệu (chưa xác nhận, chưa có trong td.so_lieu) cho biểu mẫu khớp."""
    from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
    from drafter.nhap_docx.so_lieu import de_xuat

    ma = td.bieu_mau_so_lieu or bieu_mau_khop(td)
    if ma is None:
        return []
    return [d for d in de_xuat(td.noi_dung, doc_bieu_mau(ma)) if d.ma not in td.so_lieu]


def nhan_so_lieu(td: VanBanTuDo, cac: list) -> int:
    """Ghi các đề xuất cán bộ đã xác nhận vào số liệu của văn bản; trả về số đã ghi."""
    if not cac:
        return 0
    td.bieu_mau_so_lieu = td.bieu_mau_so_lieu or bieu_mau_khop(td) or BIEU_MAU_KHOP
    so_lieu = dict(td.so_lieu)
    for d in cac:
        so_lieu[d.ma] = SoLieuNhap(gia_tri=d.gia_tri, mau_so=d.mau_so)
    td.so_lieu = so_lieu
    return len(cac)


def la_van_ban_tu_do(du_lieu: object) -> bool:
    return isinstance(du_lieu, dict) and du_lieu.get("loai") == LOAI_TU_DO


# ---------------------------------------------------------------- cú pháp đánh dấu

_TREN = re.compile(r"\^\{([^{}]*)\}")
_DUOI = re.compile(r"_\{([^{}]*)\}")
_NGAT_CHU_THICH = " ¶ "  # ngăn các đoạn của chú thích nhiều đoạn trong ô sửa


def _thoat(chu: str) -> str:
    from drafter.bieu_mau.danh_dau import thoat

    return thoat(chu)


def thanh_danh_dau(noi_dung: NoiDungDong) -> str:
    """Nội dung dòng → chữ có đánh dấu để sửa: **đậm**, *nghiêng*, [^chú thích], ^{trên},
    _{dưới}; chú thích nhiều đoạn ngăn bằng « ¶ » (đoạn có dấu đầu dòng ghi dấu ở đầu)."""
    ra: list[str] = []
    for p in noi_dung:
        if isinstance(p, str):
            ra.append(_thoat(p))
        elif isinstance(p, DoanChu):
            ra.append(_doan_danh_dau(p))
        elif isinstance(p, ChuThich):
            cac = [(_DAU_DONG_DANH_DAU.get(d.dau_dong or "", "") + thanh_danh_dau(d.noi_dung))
                   for d in p.cac_doan]
            ra.append("[^" + _NGAT_CHU_THICH.join(cac) + "]")
    return "".join(ra)


# Dấu đầu dòng trong chữ đánh dấu: như khi in (van_ban.DAU_DONG), «*» thoát thành «\\*».
_DAU_DONG_DANH_DAU = {k: v.replace("*", "\\*") for k, v in DAU_DONG.items()}


def _doan_danh_dau(p: DoanChu) -> str:
    chu = _thoat(p.chu)
    # Dấu nhấn không được có khoảng trắng sát bên trong ("** a**" không đóng được).
    trai = chu[:len(chu) - len(chu.lstrip())]
    phai = chu[len(chu.rstrip()):]
    than = chu.strip()
    if not than:
        return chu
    if p.chi_so == "tren":
        than = "^{" + than + "}"
    elif p.chi_so == "duoi":
        than = "_{" + than + "}"
    ky_hieu = "***" if p.dam and p.nghieng else "**" if p.dam else "*" if p.nghieng else ""
    return f"{trai}{ky_hieu}{than}{ky_hieu}{phai}"


def tu_danh_dau(chu: str) -> list:
    """Chữ có đánh dấu → nội dung dòng (ngược của thanh_danh_dau). Không bao giờ lỗi: dấu
    không đóng được giữ như chữ."""
    from drafter.bieu_mau.danh_dau import GiuCho, phan_tich, thay_so_lieu

    def giu_nguyen(g: GiuCho) -> list:
        return [g.chu]  # văn bản tự do không có số liệu: [[…]] giữ như chữ

    ra: list = []
    for p in thay_so_lieu(phan_tich(chu), giu_nguyen):
        if isinstance(p, ChuThich):
            ra.append(_chu_thich_tu_danh_dau(p))
        elif isinstance(p, str | DoanChu):
            ra.extend(_chi_so(p))
    return _gop(ra)


def _chu_thich_tu_danh_dau(ct: ChuThich) -> ChuThich:
    from drafter.nhap_docx.nhan import doc_dau_dong

    chu = "".join(_thoat(p) if isinstance(p, str) else _doan_danh_dau(p)
                  if isinstance(p, DoanChu) else "" for p in ct.chu_thich)
    if _NGAT_CHU_THICH.strip() not in chu:
        return ChuThich(chu_thich=_gop([x for p in ct.chu_thich if isinstance(p, str | DoanChu)
                                        for x in _chi_so(p)]) or [""])
    doan: list[DoanVan] = []
    for phan in chu.split(_NGAT_CHU_THICH.strip()):
        phan = phan.strip()
        dau_dong = None
        if phan.startswith("\\* "):
            dau_dong, phan = "sao", phan[3:]
        elif (dau := doc_dau_dong(phan)) is not None and dau.loai != "sao":
            dau_dong, phan = dau.loai, phan[dau.het:]
        noi = [x for x in tu_danh_dau(phan) if not isinstance(x, ChuThich)]
        doan.append(DoanVan(noi_dung=noi or [""], dau_dong=dau_dong))
    return ChuThich(chu_thich=doan)


def _chi_so(p: str | DoanChu) -> list:
    """^{…} và _{…} trong chữ → DoanChu chỉ số trên / dưới."""
    chu = p if isinstance(p, str) else p.chu
    if "{" not in chu:
        return [p]
    ra: list = []
    i = 0
    for m in re.finditer(r"(\^|_)\{([^{}]*)\}", chu):
        if m.start() > i:
            ra.append(_nhu(p, chu[i:m.start()]))
        ra.append(DoanChu(chu=m[2], dam=getattr(p, "dam", False),
                          nghieng=getattr(p, "nghieng", False),
                          chi_so="tren" if m[1] == "^" else "duoi"))
        i = m.end()
    if i < len(chu):
        ra.append(_nhu(p, chu[i:]))
    return ra


def _nhu(p: str | DoanChu, chu: str) -> str | DoanChu:
    return chu if isinstance(p, str) else p.model_copy(update={"chu": chu})


def _gop(ra: list) -> list:
    ket: list = []
    for p in ra:
        if isinstance(p, str) and ket and isinstance(ket[-1], str):
            ket[-1] += p
        elif p != "":
            ket.append(p)
    return ket


# ---------------------------------------------------------------- dàn ý phẳng

@dataclass(frozen=True)
class DongDanY:
    """Một dòng của dàn ý: một đề mục, một đoạn văn hay một bảng, ở vị trí `duong` trong cây."""

    duong: tuple[int, ...]  # chỉ số từ gốc: (2, 0, 3)
    nut: Nut
    nhan: str  # số in ra ("II.", "1.2.", "a)"), "" với đoạn văn, bảng
    do_sau: int
    tieu_de_cha: tuple[str, ...]  # «I. LĨNH VỰC KINH TẾ» của các đề mục phía trên

    @property
    def ma(self) -> str:
        return "/".join(map(str, self.duong))

    def noi(self) -> str:
        """Đường dẫn tới dòng để in trong thông báo: "B. › I. › 1. Sản xuất…"."""
        return " › ".join(self.tieu_de_cha) or "Phần mở đầu"


def cac_dong(noi_dung: list[Nut], danh_so: list[CapDanhSo], bang_chu_cai: str = "tieng_viet"
             ) -> Iterator[DongDanY]:
    """Mọi nút theo thứ tự đọc, kèm số in ra (khi cây đánh số được) và đường dẫn."""
    from drafter.danh_so import LoiDanhSo, duyet

    try:
        nhan = {id(m.nut): m.de_muc.nhan for m in duyet(noi_dung, danh_so, bang_chu_cai)
                if m.de_muc}
    except LoiDanhSo:
        nhan = {}

    def di(cac: list[Nut], duong: tuple[int, ...], cha: tuple[str, ...]) -> Iterator[DongDanY]:
        for i, n in enumerate(cac):
            d = (*duong, i)
            if isinstance(n, Muc):
                so = nhan.get(id(n), n.nhan or "")
                yield DongDanY(d, n, so, len(duong), cha)
                ten = " ".join(x for x in (so, _ngan(chu_tron(n.tieu_de).rstrip(" :")))
                               if x)
                yield from di(n.noi_dung, d, (*cha, ten))
            else:
                yield DongDanY(d, n, "", len(duong), cha)

    yield from di(noi_dung, (), ())


def _ngan(chu: str, rong: int = 40) -> str:
    chu = " ".join(chu.split())
    return chu if len(chu) <= rong else chu[:rong - 1].rstrip() + "…"


def cac_doan_van(td: VanBanTuDo) -> list[tuple[DongDanY, str]]:
    """(dòng, chữ đánh dấu) của mọi đoạn văn thân bài."""
    return [(d, thanh_danh_dau(d.nut.noi_dung)) for d in
            cac_dong(td.noi_dung, td.danh_so, td.bang_chu_cai) if isinstance(d.nut, DoanVan)]


# ---------------------------------------------------------------- văn bản ↔ văn bản tự do

def _dau_tu_do(dau: DauVanBan) -> DauTuDo:
    """Phần đầu của văn bản đã đọc, mọi trường cùng tên chép nguyên; cơ quan, địa danh văn bản
    chưa có (chữ giữ chỗ «…») thì để trống."""
    return DauTuDo.model_validate(truong_chung(dau, DauTuDo) | {
        "co_quan_ban_hanh": [c for c in dau.co_quan_ban_hanh if c != CHO_TRONG],
        "dia_danh": "" if dau.dia_danh == CHO_TRONG else dau.dia_danh})


def _chu_ky_nhap(ck: ChuKy) -> ChuKyNhap:
    return ChuKyNhap.model_validate(truong_chung(ck, ChuKyNhap) | {
        "co_quan_hoac_chuc_vu": "" if ck.co_quan_hoac_chuc_vu == CHO_TRONG
        else ck.co_quan_hoac_chuc_vu})


def tu_van_ban(vb: VanBan, ky: Ky, xa: str = "", nguon: str = "") -> VanBanTuDo:
    return VanBanTuDo(
        ky=ky.ma, xa=xa, nguon=nguon, dau=_dau_tu_do(vb.dau),
        danh_so=list(vb.danh_so), bang_chu_cai=vb.bang_chu_cai, noi_dung=list(vb.noi_dung),
        cau_ket=vb.cau_ket, dau_het=vb.dau_het, noi_nhan=list(vb.noi_nhan), luu=vb.luu,
        chu_ky=_chu_ky_nhap(vb.chu_ky))


def dung_van_ban(td: VanBanTuDo) -> tuple[VanBan, list[str]]:
    """Văn bản để in; không bao giờ lỗi: trường bắt buộc còn trống thành «…» (check báo chữ giữ
    chỗ) và được kể ra trong danh sách lỗi trả về (câu tiếng Việt)."""
    from drafter.loi_tieng_viet import cac_loi

    dau = td.dau
    loi: list[str] = []
    # Mọi trường cùng tên chép nguyên (truong_chung); ở đây chỉ những trường cần chữ giữ chỗ.
    phan_dau: dict[str, object] = truong_chung(dau, DauVanBan) | {
        "co_quan_ban_hanh": dau.co_quan_ban_hanh or [CHO_TRONG],
        "dia_danh": dau.dia_danh or CHO_TRONG,
        "thang": dau.thang if dau.ngay is None else None,
        "nam": dau.nam if dau.ngay is None else None}
    du_lieu: dict[str, object] = {
        "dau": phan_dau,
        "danh_so": td.danh_so, "bang_chu_cai": td.bang_chu_cai, "noi_dung": td.noi_dung,
        "cau_ket": td.cau_ket, "dau_het": td.dau_het, "noi_nhan": td.noi_nhan, "luu": td.luu,
        "chu_ky": truong_chung(td.chu_ky, ChuKy) | {
            "co_quan_hoac_chuc_vu": td.chu_ky.co_quan_hoac_chuc_vu or CHO_TRONG},
    }
    try:
        return VanBan.model_validate(du_lieu), loi
    except ValidationError as e:
        loi += cac_loi(e)
    # Phần đầu sai (ký hiệu gõ dở, trích yếu trống…): dùng giá trị an toàn, thân giữ nguyên.
    du_lieu["dau"] = {**phan_dau, "ky_hieu": None, "kinh_gui": [],
                      "trich_yeu": dau.trich_yeu or CHO_TRONG, "thang": None}
    try:
        return VanBan.model_validate(du_lieu), loi
    except ValidationError:
        du_lieu["dau"] = {"co_quan_ban_hanh": dau.co_quan_ban_hanh or [CHO_TRONG],
                          "dia_danh": dau.dia_danh or CHO_TRONG, "ten_loai": "BÁO CÁO",
                          "trich_yeu": dau.trich_yeu or CHO_TRONG}
        du_lieu["chu_ky"] = {"co_quan_hoac_chuc_vu": td.chu_ky.co_quan_hoac_chuc_vu or CHO_TRONG}
        return VanBan.model_validate(du_lieu), loi


# ---------------------------------------------------------------- kiểm tra (cùng kết luận)

def _la_phan_ky_toi(tieu_de: str, ky: Ky) -> bool:
    """Đề mục nói về kỳ sau (phương hướng, nhiệm vụ kỳ tới): không soát từ ngữ gắn kỳ."""
    chu = tieu_de.lower()
    if "phương hướng" in chu or "nhiệm vụ trọng tâm" in chu or "kỳ tới" in chu:
        return True
    toi = ky.ten_ky_toi().lower()
    return toi in chu or (ky.ky_sau().ten_ngan.lower() in chu and "nhiệm vụ" in chu)


_GIU_CHO_CHU = re.compile(r"(?:^|\s)(?:…|\.{3,})(?=\s+\w)|…{2,}|\.{5,}")


def kiem_tra(td: VanBanTuDo, chinh_thuc: bool = False) -> list[ThongBao]:
    """Lỗi và cảnh báo của văn bản tự do, cùng nhóm với báo cáo theo biểu mẫu: đoạn chép từ
    kỳ trước chưa xem lại (lỗi), từ ngữ gắn với kỳ khác, chỗ để trống, thông tin văn bản."""
    from drafter.bieu_mau.gan_ky import soat
    from drafter.bieu_mau.kiem_tra_so_lieu import (
        NHOM,
        ThongBao,
        kiem_thong_tin,
        trich_dau,
        trich_quanh,
    )

    ra: list[ThongBao] = []
    ky = td.ky_bao_cao
    chua_xem = set(td.doan_chep)
    ky_toi: set[tuple[int, ...]] = set()
    so_doan = 0
    for d in cac_dong(td.noi_dung, td.danh_so, td.bang_chu_cai):
        if any(d.duong[:k] in ky_toi for k in range(1, len(d.duong))):
            ky_toi.add(d.duong)
        if isinstance(d.nut, Muc):
            if _la_phan_ky_toi(chu_tron(d.nut.tieu_de), ky):
                ky_toi.add(d.duong)
            chu_soat = [chu_tron(d.nut.tieu_de)] if d.nut.tieu_de else []
        elif isinstance(d.nut, DoanVan):
            so_doan += 1
            chu_danh_dau = thanh_danh_dau(d.nut.noi_dung)
            if chu_danh_dau in chua_xem:
                ra.append(ThongBao("loi", f"đoạn chép từ kỳ trước chưa xem lại (giữ, sửa hoặc "
                                          f"bỏ): «{trich_dau(chu_tron(d.nut.noi_dung))}»",
                                   d.ma, truong="van_ban", noi=d.noi(), nhom="doan_chep",
                                   vi_tri=so_doan))
            chu_soat = [chu_tron(d.nut.noi_dung)]
        else:
            chu_soat = []
        for chu in chu_soat:
            for m in _GIU_CHO_CHU.finditer(chu):
                trich = trich_quanh(chu, m.start(), m.end())
                ra.append(ThongBao("loi", f"còn chỗ để trống «{trich}»",
                                   d.ma, truong="van_ban", noi=d.noi(), nhom="cho_trong",
                                   vi_tri=so_doan))
            if d.duong in ky_toi:
                continue
            da_chep = isinstance(d.nut, DoanVan) and thanh_danh_dau(d.nut.noi_dung) in chua_xem
            for c in soat(chu, ky, da_chep=da_chep):
                ra.append(ThongBao("canh_bao", f"«{c.chu}» — {c.ly_do}", d.ma, truong="van_ban",
                                   noi=d.noi(), nhom="gan_ky", vi_tri=so_doan))
    for tb in kiem_thong_tin(td, chinh_thuc):
        # Kế hoạch, tờ trình ban hành trước hay trong kỳ nó nói tới: không đòi "sau khi hết kỳ".
        if "chưa qua hết" in tb.thong_diep and not td.dau.ten_loai.startswith("BÁO CÁO"):
            continue
        ra.append(tb)
    if td.dau.trich_yeu is not None and td.dau.trich_yeu.strip():
        for c in soat(td.dau.trich_yeu, ky):
            if not re.search(re.escape(ky.ten_ky_toi()), td.dau.trich_yeu, re.I):
                ra.append(ThongBao("canh_bao", f"trích yếu: «{c.chu}» — {c.ly_do}",
                                   truong="trich_yeu", noi="Thông tin văn bản", nhom="gan_ky"))
    van_ban, loi = dung_van_ban(td)
    for x in loi:
        ra.append(ThongBao("loi", x, truong="dau", noi="Thông tin văn bản", nhom="van_ban"))
    for x in van_ban.canh_bao():  # kết thúc không «./.», căn cứ thiếu dấu câu…
        ra.append(ThongBao("canh_bao", x, noi="Thông tin văn bản", nhom="van_ban"))
    thu_tu = list(NHOM)
    return sorted(ra, key=lambda t: thu_tu.index(t.nhom))


# ---------------------------------------------------------------- chuyển sang kỳ sau

def _doi(noi_dung: NoiDungDong, cu: Ky, moi: Ky) -> list:
    from drafter.chuyen_ky import doi_chu_chi_ky

    ra: list = []
    for p in noi_dung:
        if isinstance(p, str):
            ra.append(doi_chu_chi_ky(p, cu, moi))
        elif isinstance(p, DoanChu):
            ra.append(p.model_copy(update={"chu": doi_chu_chi_ky(p.chu, cu, moi)}))
        else:
            ra.append(ChuThich(chu_thich=[
                x.model_copy(update={"noi_dung": _doi(x.noi_dung, cu, moi)})
                if isinstance(x, DoanVan) else _doi([x], cu, moi)[0] for x in p.chu_thich]))
    return ra


def _doi_cay(noi_dung: list[Nut], cu: Ky, moi: Ky) -> list[Nut]:
    ra: list[Nut] = []
    for n in noi_dung:
        if isinstance(n, Muc):
            ra.append(n.model_copy(update={
                "tieu_de": _doi(n.tieu_de, cu, moi) if n.tieu_de else n.tieu_de,
                "noi_dung": _doi_cay(n.noi_dung, cu, moi)}))
        elif isinstance(n, DoanVan):
            ra.append(n.model_copy(update={"noi_dung": _doi(n.noi_dung, cu, moi)}))
        else:
            ra.append(n)  # bảng: chép nguyên, người làm báo cáo cập nhật số
    return ra


def chuyen_ky(cu: VanBanTuDo, ky_moi: Ky) -> tuple[VanBanTuDo, list[ThayDoi]]:
    """Văn bản kỳ `ky_moi` chép từ văn bản tự do kỳ trước: đổi chữ chỉ kỳ ở mọi đề mục, đoạn
    văn, chú thích, trích yếu, câu kết; xóa số và ngày; mọi đoạn chờ xem lại."""
    from drafter.chuyen_ky import ThayDoi, doi_chu_chi_ky

    tu_ky = cu.ky_bao_cao
    ten_cu = tu_ky.ten_gon
    noi_dung = _doi_cay(cu.noi_dung, tu_ky, ky_moi)
    dau = cu.dau.model_copy(update={
        "so": None, "ngay": None, "thang": None, "nam": None,
        "trich_yeu": doi_chu_chi_ky(cu.dau.trich_yeu, tu_ky, ky_moi) if cu.dau.trich_yeu else None,
        "dong_duoi_trich_yeu": doi_chu_chi_ky(cu.dau.dong_duoi_trich_yeu, tu_ky, ky_moi)
        if cu.dau.dong_duoi_trich_yeu else None})
    moi = cu.model_copy(update={"ky": ky_moi.ma, "dau": dau, "noi_dung": noi_dung,
                                "cau_ket": doi_chu_chi_ky(cu.cau_ket, tu_ky, ky_moi),
                                "doan_chep": [], "nguon": ""})
    doan_moi = cac_doan_van(moi)
    moi.doan_chep = list(dict.fromkeys(chu for _, chu in doan_moi))
    doan_cu = [chu for _, chu in cac_doan_van(cu)]
    so_doi = sum(a != b for a, b in zip(doan_cu, (c for _, c in doan_moi), strict=False))
    so_bang = sum(isinstance(d.nut, Bang) for d in cac_dong(moi.noi_dung, moi.danh_so))
    thay_doi = [
        ThayDoi("chep", "Thông tin văn bản", f"cơ quan, địa danh, Nơi nhận, người ký từ văn bản "
                                             f"{ten_cu}"),
        ThayDoi("xoa", "Thông tin văn bản", "số văn bản và ngày ban hành"),
        ThayDoi("xem_lai", "Lời văn", f"{len(doan_moi)} đoạn chép từ {ten_cu}"
                + (f", {so_doi} đoạn đã đổi chữ chỉ kỳ" if so_doi else "")
                + ": giữ, sửa hoặc bỏ từng đoạn"),
    ]
    if cu.dau.trich_yeu:
        thay_doi.append(ThayDoi("xem_lai", "Trích yếu", "đã đổi chữ chỉ kỳ, cần đọc lại"))
    if so_bang:
        thay_doi.append(ThayDoi("xem_lai", "Bảng", f"{so_bang} bảng chép nguyên số liệu "
                                                   f"{ten_cu}: cập nhật số kỳ này"))
    return moi, thay_doi


# ---------------------------------------------------------------- kỳ đọc từ trích yếu

_QUY = re.compile(r"\bquý\s+(IV|III|II|I|[1-4])\b(?:\s*(?:năm|/)\s*(\d{4}))?", re.I)
_SAU_THANG = re.compile(r"\b6\s+tháng\s+(?:đầu\s+)?năm\b", re.I)
_CHIN_THANG = re.compile(r"\b9\s+tháng\b", re.I)
_NAM = re.compile(r"\bnăm\s+(\d{4})\b", re.I)
_LA_MA_QUY = {"I": 1, "II": 2, "III": 3, "IV": 4}


def doan_ky(chu: str, nam_mac_dinh: int | None = None) -> Ky | None:
    """Kỳ báo cáo đọc từ trích yếu ("… quý I năm 2024 và phương hướng … quý II" → 2024-Q1;
    "6 tháng đầu năm và … 6 tháng cuối năm 2023" → 2023-H1; "kế hoạch … năm 2025" → 2025).
    Kỳ nhắc tới trước là kỳ của văn bản; năm thiếu lấy năm viết sau nó hay năm của ngày ký."""
    if not chu:
        return None
    nam_trong_chu = [int(y) for y in re.findall(r"\b(19[5-9]\d|2[01]\d\d)\b", chu)]

    def nam_sau(vi_tri: int) -> int | None:
        m = re.search(r"\b(19[5-9]\d|2[01]\d\d)\b", chu[vi_tri:])
        return int(m[1]) if m else (nam_trong_chu[0] if nam_trong_chu else nam_mac_dinh)

    ung_vien: list[tuple[int, Ky]] = []
    m = _QUY.search(chu)
    if m:
        q = _LA_MA_QUY.get(m[1].upper()) or int(m[1])
        nam = int(m[2]) if m[2] else nam_sau(m.end())
        if nam:
            ung_vien.append((m.start(), Ky(nam, "quy", q)))
    m = _SAU_THANG.search(chu)
    if m:
        nam = nam_sau(m.start())
        if nam:
            ung_vien.append((m.start(), Ky(nam, "6thang")))
    m = _CHIN_THANG.search(chu)
    if m:
        nam = nam_sau(m.start())
        if nam:
            ung_vien.append((m.start(), Ky(nam, "9thang")))
    if not ung_vien:
        m = _NAM.search(chu)
        if m:
            ung_vien.append((m.start(), Ky(int(m[1]), "nam")))
    return min(ung_vien, key=lambda x: x[0])[1] if ung_vien else None


# ---------------------------------------------------------------- nhập .docx vào kho

@dataclass
class KetQuaNhapDocx:
    ky: Ky
    phien_ban: int
    thong_diep: str
    doc: KetQuaDoc
    bo_sung: list[str]  # trường lấy từ hồ sơ xã vì tệp không có


def doc_de_nhap(tep: Path) -> KetQuaDoc:
    from drafter.nhap_docx import doc_docx

    return doc_docx(tep)


def ky_cua(kq: KetQuaDoc) -> Ky | None:
    dau = kq.van_ban.dau
    nam = dau.ngay.year if dau.ngay else dau.nam
    return doan_ky(" ".join(x for x in (dau.ten_loai, dau.trich_yeu or "",
                                         dau.dong_duoi_trich_yeu or "") if x), nam)


_XA = re.compile(r"^(?:UBND\s+|ỦY BAN NHÂN DÂN\s+)?(XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$")


def ten_xa_cua(kq: KetQuaDoc) -> str | None:
    """Tên xã đọc từ cơ quan ban hành ("XÃ BÌNH TRUNG" → "Bình Trung"), hoặc None."""
    for dong in reversed(kq.van_ban.dau.co_quan_ban_hanh):
        m = _XA.match(" ".join(dong.split()).upper())
        if m:
            return m[2].title()
    return None


def chon_xa_nhap(kho: Kho, kq: KetQuaDoc, ten: str | None = None) -> tuple[Xa, bool]:
    """Xã để nhập văn bản: xã ghi rõ, hay xã ghi ở cơ quan ban hành của văn bản (chưa có trong
    kho thì thêm hồ sơ xã từ phần đầu văn bản, như khi nhập tệp .json), không thì xã mặc định.
    Trả về (xã, có phải xã mới thêm)."""
    from drafter.kho.csdl import LoiKho
    from drafter.kho.kho import Xa, khoa_ten_xa

    cua_van_ban = ten_xa_cua(kq)
    if ten:  # --xa, như khi nhập tệp .json: văn bản của xã khác tên thì từ chối, không nhập nhầm
        ten = " ".join(ten.split())
        if cua_van_ban and khoa_ten_xa(cua_van_ban) != khoa_ten_xa(ten):
            raise LoiKho(f"Văn bản là của xã «{cua_van_ban}» (đọc từ tên cơ quan), không phải xã "
                         f"«{ten}».", f"Bỏ --xa để nhập vào xã {cua_van_ban}, hoặc kiểm tra lại "
                         "tệp.")
    ten = ten or cua_van_ban
    if not ten:
        return kho.xa_mac_dinh(), False
    xa = kho.tim_xa(ten)
    if xa is not None:
        return xa, False
    vb = kq.van_ban
    return kho.luu_xa(Xa(id=0, ten=ten, **Xa.ho_so_tu_dau(_dau_tu_do(vb.dau)),
                         noi_nhan=list(vb.noi_nhan), luu=vb.luu,
                         chu_ky=vb.chu_ky.model_dump())), True


def nhap_vao_kho(kho: Kho, xa: Xa, tep: Path, kq: KetQuaDoc, ky: Ky) -> KetQuaNhapDocx:
    """Lưu văn bản đã đọc thành văn bản tự do của kỳ `ky`. Phần tệp không có (cơ quan, địa
    danh, Nơi nhận, người ký) lấy từ hồ sơ xã và được kể ra. Kỳ đã có báo cáo thì bản nhập
    thành phiên bản mới; bản cũ vẫn khôi phục được."""
    td = tu_van_ban(kq.van_ban, ky, xa.ten, Path(tep).name)
    bo_sung: list[str] = []
    if not td.dau.co_quan_ban_hanh and xa.co_quan_ban_hanh:
        td.dau.co_quan_ban_hanh = list(xa.co_quan_ban_hanh)
        td.dau.co_quan_chu_quan = list(xa.co_quan_chu_quan)
        bo_sung.append("tên cơ quan")
    if not td.dau.dia_danh and xa.dia_danh:
        td.dau.dia_danh = xa.dia_danh
        bo_sung.append("địa danh")
    if not td.noi_nhan and xa.noi_nhan:
        td.noi_nhan = list(xa.noi_nhan)
        td.luu = xa.luu
        bo_sung.append("Nơi nhận")
    if not td.chu_ky.co_quan_hoac_chuc_vu and xa.chu_ky:
        try:
            td.chu_ky = ChuKyNhap.model_validate(xa.chu_ky)
            bo_sung.append("người ký")
        except ValidationError:
            pass
    da_co = kho.tim_bao_cao(xa.id, ky.ma)
    so = kho.luu(xa.id, td, f"nhập từ tệp Word {Path(tep).name}")
    ten = td.dau.ten_loai.lower()
    if da_co is None:
        thong_diep = f"Đã nhập {ten} {ky.ten_gon} của xã {xa.ten} (văn bản tự do)."
    elif so == da_co.so_phien_ban:
        thong_diep = f"Văn bản {ky.ten_gon} của xã {xa.ten} trong kho đã giống hệt tệp này."
    else:
        thong_diep = (f"Kho đã có văn bản {ky.ten_gon} của xã {xa.ten}: bản nhập được lưu thành "
                      f"phiên bản {so}; phiên bản {da_co.so_phien_ban} trước đó vẫn giữ nguyên, "
                      f"khôi phục được («drafter khoi-phuc --ky {ky.ma} --phien-ban "
                      f"{da_co.so_phien_ban}»).")
    return KetQuaNhapDocx(ky, so, thong_diep, kq, bo_sung)
