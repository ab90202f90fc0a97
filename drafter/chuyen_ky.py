"""Tạo báo cáo kỳ mới từ báo cáo kỳ trước, và báo cáo 6 tháng, 9 tháng, năm từ các quý.

Chép hồ sơ, phần đầu, Nơi nhận, người ký; chép lời văn (đánh dấu "cần xem lại") và đổi chữ chỉ
kỳ (quý I → quý II, "quý II năm 2024" ở phần nhiệm vụ → "quý III năm 2024", đổi năm khi qua quý
IV); giữ số hiện có và số lũy kế làm số khởi đầu, xóa số phát sinh trong kỳ; lấy số cùng kỳ năm
trước trong kho, kế hoạch năm trong bảng kế hoạch. Mọi thứ đã chép, đã xóa, đã tính được liệt kê.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from drafter import vn
from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu, doc_bieu_mau
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, PhanConNhap, SoLieuNhap
from drafter.bieu_mau.tinh_toan import doc_o_so
from drafter.kho.csdl import LoiKho
from drafter.kho.kho import Kho
from drafter.ky_bao_cao import Ky

LoaiThayDoi = Literal["chep", "xoa", "tinh", "xem_lai"]
TEN_LOAI_THAY_DOI = {"chep": "Đã chép", "xoa": "Đã xóa", "tinh": "Đã điền",
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


def doi_chu_ky(chu: str, cu: Ky, moi: Ky) -> str:
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

def _doc(gia_tri: object, ct: ChiTieu) -> Decimal | None:
    so, _ = doc_o_so(gia_tri, ct, "gia_tri")  # type: ignore[arg-type]
    return so


def tao_ky_moi(kho: Kho, xa_id: int, ky_moi: Ky, tu_ky: Ky | None = None
               ) -> tuple[BaoCaoDuLieu, list[ThayDoi]]:
    """Báo cáo kỳ `ky_moi` dựng từ báo cáo kỳ `tu_ky` (mặc định: báo cáo gần nhất trước đó)."""
    if kho.tim_bao_cao(xa_id, ky_moi.ma) is not None:
        raise LoiKho(f"Đã có báo cáo {ky_moi.ten_gon}.", "Mở báo cáo đó để sửa tiếp.")
    tu_ky = tu_ky or kho.ky_truoc_gan_nhat(xa_id, ky_moi)
    if tu_ky is None:
        raise LoiKho(f"Chưa có báo cáo nào trước {ky_moi.ten_gon} để chép sang.",
                     "Tạo báo cáo đầu tiên từ biểu mẫu trống.")
    cu = kho.doc(xa_id, tu_ky.ma)
    bieu_mau = doc_bieu_mau(cu.bieu_mau)
    thay_doi: list[ThayDoi] = []
    ten_cu = tu_ky.ten_gon

    dau = cu.dau.model_copy(update={
        "so": None, "ngay": None,
        "trich_yeu": doi_chu_ky(cu.dau.trich_yeu, tu_ky, ky_moi) if cu.dau.trich_yeu else None})
    thay_doi.append(ThayDoi("chep", "Thông tin văn bản", f"cơ quan, địa danh, Nơi nhận, người ký "
                                                          f"từ báo cáo {ten_cu}"))
    thay_doi.append(ThayDoi("xoa", "Thông tin văn bản", "số văn bản và ngày ban hành"))
    if cu.dau.trich_yeu:
        thay_doi.append(ThayDoi("xem_lai", "Trích yếu", "đã đổi chữ chỉ kỳ, cần đọc lại"))

    van_ban, xem_lai = _chep_loi_van(bieu_mau, cu, tu_ky, ky_moi, thay_doi)
    so_lieu = _chep_so_lieu(kho, xa_id, bieu_mau, cu, tu_ky, ky_moi, thay_doi)

    moi = cu.model_copy(update={
        "ky": ky_moi.ma, "dau": dau, "so_lieu": so_lieu, "van_ban": van_ban,
        "cau_ket": doi_chu_ky(cu.cau_ket, tu_ky, ky_moi) if cu.cau_ket else None,
        "can_xem_lai": xem_lai})
    return moi, thay_doi


def _chep_loi_van(bieu_mau: BieuMau, cu: BaoCaoDuLieu, tu_ky: Ky, ky_moi: Ky,
                  thay_doi: list[ThayDoi]) -> tuple[dict[str, list[str]], list[str]]:
    van_ban: dict[str, list[str]] = {}
    xem_lai: list[str] = []
    muc_theo_ma = bieu_mau.muc_theo_ma()
    for ma, doan in cu.van_ban.items():
        muc = muc_theo_ma.get(ma)
        if muc is None or not any(d.strip() for d in doan):
            continue
        if not muc.chep_ky_sau:
            thay_doi.append(ThayDoi("xoa", bieu_mau.duong_dan(ma),
                                    f"lời văn riêng của {tu_ky.ten_gon}, không chép sang"))
            continue
        moi = [doi_chu_ky(d, tu_ky, ky_moi) for d in doan]
        van_ban[ma] = moi
        xem_lai.append(ma)
        so_doi = sum(a != b for a, b in zip(doan, moi, strict=True))
        ghi = f"{len(doan)} đoạn chép từ {tu_ky.ten_gon}"
        if so_doi:
            ghi += f", {so_doi} đoạn đã đổi chữ chỉ kỳ"
        thay_doi.append(ThayDoi("xem_lai", bieu_mau.duong_dan(ma), ghi))
        if muc.danh_sach_so:
            # Nhiệm vụ kỳ trước đề ra là những việc báo cáo này phải trả lời: chép vào mục
            # được biểu mẫu đánh dấu nhan_nhiem_vu_ky_truoc.
            dich = next((m.ma for m in bieu_mau.muc if m.nhan_nhiem_vu_ky_truoc), None)
            if dich:
                # Chỉ chép các nhiệm vụ ("#. …" và đoạn đi kèm), không chép câu dẫn của kỳ trước.
                dau = next((i for i, d in enumerate(doan) if d.startswith("#.")), len(doan))
                van_ban[dich] = ["Kết quả thực hiện: … ghi mức độ hoàn thành của từng nhiệm vụ "
                                 "(hoàn thành, đang thực hiện, chưa thực hiện).", *doan[dau:]]
                xem_lai.append(dich)
                thay_doi.append(ThayDoi("xem_lai", bieu_mau.duong_dan(dich),
                                        f"{sum(d.startswith('#.') for d in doan)} nhiệm vụ trọng "
                                        f"tâm đề ra ở báo cáo {tu_ky.ten_gon}, cần ghi kết quả"))
    return van_ban, xem_lai


def _chep_so_lieu(kho: Kho, xa_id: int, bieu_mau: BieuMau, cu: BaoCaoDuLieu, tu_ky: Ky,
                  ky_moi: Ky, thay_doi: list[ThayDoi]) -> dict[str, SoLieuNhap]:
    cung_ky_truoc = ky_moi.cung_ky_nam_truoc()
    bc_cung_ky = kho.doc_neu_co(xa_id, cung_ky_truoc.ma)
    ke_hoach = kho.ke_hoach(xa_id, ky_moi.nam)
    qua_nam = ky_moi.nam != tu_ky.nam
    ra: dict[str, SoLieuNhap] = {}
    dem = {"giu": 0, "xoa": 0, "cung_ky": 0, "ke_hoach": 0}
    for ct in bieu_mau.chi_tieu:
        s = cu.so_lieu.get(ct.ma) or SoLieuNhap()
        moi = SoLieuNhap(mau_so=s.mau_so)
        co_gia_tri = s.gia_tri not in (None, "")
        giu = ct.ky == "thoi_diem" or (ct.ky == "luy_ke" and not qua_nam)
        if co_gia_tri:
            moi.ky_truoc = s.gia_tri if not isinstance(s.gia_tri, bool) else None
            if giu:
                moi.gia_tri = s.gia_tri
                moi.phan_con = list(s.phan_con)
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
        if bc_cung_ky is not None:
            ck = bc_cung_ky.so_lieu.get(ct.ma)
            if ck is not None and ck.gia_tri not in (None, "") and not isinstance(ck.gia_tri,
                                                                                    bool):
                moi.cung_ky = ck.gia_tri
                dem["cung_ky"] += 1
        if not moi.trong() or moi.ky_truoc is not None or moi.ke_hoach is not None \
                or moi.cung_ky is not None or moi.mau_so is not None:
            ra[ct.ma] = moi
    thay_doi.append(ThayDoi("chep", "Số liệu", f"{dem['giu']} chỉ tiêu hiện có / lũy kế giữ làm "
                                               "số khởi đầu"
                            + (" (qua năm mới: số lũy kế bắt đầu lại)" if qua_nam else "")))
    thay_doi.append(ThayDoi("xoa", "Số liệu", f"{dem['xoa']} chỉ tiêu phát sinh trong kỳ"
                                              + (" và lũy kế" if qua_nam else "")
                                              + "; số kỳ trước giữ ở cột «kỳ trước» để so sánh"))
    if bc_cung_ky is not None:
        thay_doi.append(ThayDoi("tinh", "Số liệu", f"số cùng kỳ {cung_ky_truoc.ten_gon} cho "
                                                   f"{dem['cung_ky']} chỉ tiêu"))
    else:
        thay_doi.append(ThayDoi("tinh", "Số liệu", f"chưa có báo cáo {cung_ky_truoc.ten_gon} "
                                                   "trong kho nên chưa có số cùng kỳ"))
    thay_doi.append(ThayDoi("tinh", "Số liệu", f"kế hoạch năm {ky_moi.nam} cho "
                                               f"{dem['ke_hoach']} chỉ tiêu"))
    return ra


# ---------------------------------------------------------------- báo cáo gộp từ các quý

def tong_hop(kho: Kho, xa_id: int, ky: Ky) -> tuple[BaoCaoDuLieu, list[ThayDoi]]:
    """Báo cáo 6 tháng / 9 tháng / năm từ các quý trong kho: cộng số phát sinh trong kỳ, lấy
    số cuối kỳ của chỉ tiêu hiện có và lũy kế."""
    if ky.loai == "quy":
        raise LoiKho("Báo cáo quý không gộp từ quý khác.", "Dùng «tạo kỳ mới» thay vào đó.")
    quy = ky.cac_quy()
    thieu = [q.ten_gon for q in quy if kho.tim_bao_cao(xa_id, q.ma) is None]
    if thieu:
        raise LoiKho(f"Thiếu báo cáo {', '.join(thieu)} để gộp thành báo cáo {ky.ten}.")
    cac_bc = [kho.doc(xa_id, q.ma) for q in quy]
    cuoi = cac_bc[-1]
    bieu_mau = doc_bieu_mau(cuoi.bieu_mau)
    so_lieu: dict[str, SoLieuNhap] = {}
    for ct in bieu_mau.chi_tieu:
        cac_so = [bc.so_lieu.get(ct.ma) for bc in cac_bc]
        s = _gop(ct, [x for x in cac_so if x is not None], cac_so[-1])
        if s is not None:
            so_lieu[ct.ma] = s
    van_ban = {ma: [doi_chu_ky_sang(d, quy[-1], ky) for d in doan]
               for ma, doan in cuoi.van_ban.items()}
    bc = cuoi.model_copy(update={
        "ky": ky.ma, "so_lieu": so_lieu, "van_ban": van_ban,
        "dau": cuoi.dau.model_copy(update={"so": None, "ngay": None, "trich_yeu": None}),
        "cau_ket": None, "can_xem_lai": list(van_ban)})
    thay_doi = [
        ThayDoi("tinh", "Số liệu", f"gộp {len(quy)} quý: cộng số phát sinh trong kỳ, lấy số "
                                   f"của {quy[-1].ten_gon} cho chỉ tiêu hiện có và lũy kế"),
        ThayDoi("xem_lai", "Lời văn", f"chép từ báo cáo {quy[-1].ten_gon}, cần viết lại cho cả "
                                      f"{ky.ten}"),
    ]
    return bc, thay_doi


def doi_chu_ky_sang(chu: str, quy: Ky, ky: Ky) -> str:
    """Trong báo cáo gộp: "quý II năm 2024" (quý cuối) thành "6 tháng đầu năm 2024"…"""
    return chu.replace(quy.ten, ky.ten).replace(quy.ten.capitalize(), ky.ten.capitalize()) \
        .replace(quy.ten_ky_toi(), ky.ten_ky_toi())


def _gop(ct: ChiTieu, cac: list[SoLieuNhap], cuoi: SoLieuNhap | None) -> SoLieuNhap | None:
    if not cac:
        return None
    if ct.ky != "trong_ky" or not ct.la_so or ct.loai == "phan_tram":
        return cuoi.model_copy(deep=True) if cuoi is not None else None
    so = [_doc(x.gia_tri, ct) for x in cac]
    co = [x for x in so if x is not None]
    moi = SoLieuNhap(ke_hoach=cuoi.ke_hoach if cuoi else None)
    if co:
        moi.gia_tri = vn.so(sum(co, Decimal(0)), 4)
    if ct.loai == "ti_so":
        mau = [_doc(x.mau_so, ct) for x in cac]
        if all(m is not None for m in mau):
            moi.mau_so = vn.so(sum(mau, Decimal(0)), 4)
    # Các phần cùng tên được cộng dồn qua các quý, giữ thứ tự xuất hiện.
    tong: dict[str, Decimal] = {}
    for x in cac:
        for p in x.phan_con:
            v = _doc(p.gia_tri, ct)
            if v is not None:
                tong[p.ten] = tong.get(p.ten, Decimal(0)) + v
    moi.phan_con = [PhanConNhap(ten=t, gia_tri=vn.so(v, 4)) for t, v in tong.items()]
    return moi if not moi.trong() or moi.ke_hoach is not None else None


# ---------------------------------------------------------------- mở báo cáo kèm số so sánh

def mo_kem_so_sanh(kho: Kho, xa_id: int, ky: Ky) -> BaoCaoDuLieu:
    """Báo cáo mới nhất của kỳ `ky`, điền thêm số cùng kỳ năm trước và số kỳ trước lấy từ kho
    vào những ô còn trống (ô người dùng đã nhập thì giữ nguyên)."""
    bao_cao = kho.doc(xa_id, ky.ma)
    nguon = {"cung_ky": ky.cung_ky_nam_truoc(), "ky_truoc": ky.ky_truoc()}
    cac_bc = {truong: bc for truong, k in nguon.items()
              if (bc := kho.doc_neu_co(xa_id, k.ma)) is not None}
    if not cac_bc:
        return bao_cao
    so_lieu = dict(bao_cao.so_lieu)
    for truong, bc in cac_bc.items():
        for ma, s in bc.so_lieu.items():
            if s.gia_tri in (None, "") or isinstance(s.gia_tri, bool):
                continue
            hien = so_lieu.get(ma) or SoLieuNhap()
            if getattr(hien, truong) in (None, ""):
                so_lieu[ma] = hien.model_copy(update={truong: s.gia_tri})
    return bao_cao.model_copy(update={"so_lieu": so_lieu})
