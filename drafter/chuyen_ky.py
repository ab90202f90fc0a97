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
from typing import TYPE_CHECKING, Literal

from drafter import vn
from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu, doc_bieu_mau
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, NhiemVuKyTruoc, PhanConNhap, SoLieuNhap
from drafter.bieu_mau.tinh_toan import doc_o_so
from drafter.kho.csdl import LoiKho
from drafter.kho.kho import Kho
from drafter.ky_bao_cao import Ky

if TYPE_CHECKING:
    from drafter.van_ban_tu_do import VanBanTuDo

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


def tao_bao_cao(kho: Kho, xa_id: int, ky: Ky, tu_ky: Ky | None = None, thay_the: bool = False
                ) -> tuple[BaoCaoDuLieu | VanBanTuDo, list[ThayDoi]]:
    """Báo cáo kỳ `ky`: quý thì chép từ kỳ trước, 6 tháng / 9 tháng / năm thì gộp các quý;
    kỳ trước là văn bản tự do (nhập từ Word) thì chép văn bản đó sang (van_ban_tu_do).

    Kỳ đã có báo cáo thì từ chối, trừ khi thay_the (bản cũ vẫn còn trong các phiên bản)."""
    bc = kho.tim_bao_cao(xa_id, ky.ma)
    if bc is not None and not thay_the:
        raise LoiKho(f"Đã có báo cáo {ky.ten_gon} (phiên bản {bc.so_phien_ban}).",
                     "Mở báo cáo đó để sửa tiếp, hoặc tạo lại với «--thay-the» (bản đang có "
                     "vẫn giữ trong các phiên bản, khôi phục được).")
    # Kỳ trước là văn bản tự do (nhập từ Word): chép cả văn bản sang kỳ mới.
    nguon = tu_ky or kho.ky_truoc_gan_nhat(xa_id, ky)
    bc_nguon = kho.tim_bao_cao(xa_id, nguon.ma) if nguon is not None else None
    if nguon is not None and bc_nguon is not None and bc_nguon.loai == "tu_do":
        from drafter import van_ban_tu_do

        cu = kho.doc(xa_id, nguon.ma)
        assert isinstance(cu, van_ban_tu_do.VanBanTuDo)
        return van_ban_tu_do.chuyen_ky(cu, ky)
    if ky.loai == "quy" or tu_ky is not None:
        return tao_ky_moi(kho, xa_id, ky, tu_ky)
    return tong_hop(kho, xa_id, ky)


def tao_ky_moi(kho: Kho, xa_id: int, ky_moi: Ky, tu_ky: Ky | None = None
               ) -> tuple[BaoCaoDuLieu, list[ThayDoi]]:
    """Báo cáo kỳ `ky_moi` dựng từ báo cáo kỳ `tu_ky` (mặc định: báo cáo gần nhất trước đó)."""
    tu_ky = tu_ky or kho.ky_truoc_gan_nhat(xa_id, ky_moi)
    if tu_ky is None:
        raise LoiKho(f"Chưa có báo cáo nào trước {ky_moi.ten_gon} để chép sang.",
                     "Tạo báo cáo đầu tiên từ biểu mẫu trống.")
    cu = kho.doc_bieu_mau(xa_id, tu_ky.ma)
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

    van_ban, nhiem_vu = _chep_loi_van(bieu_mau, cu, tu_ky, ky_moi, thay_doi)
    so_lieu, so_chep = _chep_so_lieu(kho, xa_id, bieu_mau, cu, tu_ky, ky_moi, thay_doi)

    moi = cu.model_copy(update={
        "ky": ky_moi.ma, "dau": dau, "so_lieu": so_lieu, "van_ban": van_ban,
        "cau_ket": doi_chu_ky(cu.cau_ket, tu_ky, ky_moi) if cu.cau_ket else None,
        "doan_chep": {ma: list(doan) for ma, doan in van_ban.items()},
        "so_lieu_chep": so_chep, "nhiem_vu_ky_truoc": nhiem_vu})
    return moi, thay_doi


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
        doan = [doi_chu_ky(d, ky.ky_truoc(), ky) for d in nv.noi_dung]
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
        moi = [doi_chu_ky(d, tu_ky, ky_moi) for d in doan]
        van_ban[ma] = moi
        so_doi = sum(a != b for a, b in zip(doan, moi, strict=True))
        ghi = f"{len(doan)} đoạn chép từ {tu_ky.ten_gon}"
        if so_doi:
            ghi += f", {so_doi} đoạn đã đổi chữ chỉ kỳ"
        thay_doi.append(ThayDoi("xem_lai", noi, ghi + ": giữ, sửa hoặc bỏ từng đoạn"))
    return van_ban, nhiem_vu


def _chep_so_lieu(kho: Kho, xa_id: int, bieu_mau: BieuMau, cu: BaoCaoDuLieu, tu_ky: Ky,
                  ky_moi: Ky, thay_doi: list[ThayDoi]) -> tuple[dict[str, SoLieuNhap], list[str]]:
    cung_ky_truoc = ky_moi.cung_ky_nam_truoc()
    bc_cung_ky = kho.doc_neu_co(xa_id, cung_ky_truoc.ma)
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
        if bc_cung_ky is not None:
            ck = bc_cung_ky.so_lieu.get(ct.ma)
            if ck is not None and ck.gia_tri not in (None, "") and not isinstance(ck.gia_tri,
                                                                                    bool):
                moi.cung_ky = ck.gia_tri
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
    if bc_cung_ky is not None:
        thay_doi.append(ThayDoi("tinh", "Số liệu", f"số cùng kỳ {cung_ky_truoc.ten_gon} cho "
                                                   f"{dem['cung_ky']} chỉ tiêu"))
    else:
        thay_doi.append(ThayDoi("tinh", "Số liệu", f"chưa có báo cáo {cung_ky_truoc.ten_gon} "
                                                   "trong kho nên chưa có số cùng kỳ"))
    thay_doi.append(ThayDoi("tinh", "Số liệu", f"kế hoạch năm {ky_moi.nam} cho "
                                               f"{dem['ke_hoach']} chỉ tiêu"))
    return ra, so_chep


# ---------------------------------------------------------------- báo cáo gộp từ các quý

def tong_hop(kho: Kho, xa_id: int, ky: Ky) -> tuple[BaoCaoDuLieu, list[ThayDoi]]:
    """Báo cáo 6 tháng / 9 tháng / năm từ các quý trong kho. Mỗi chỉ tiêu gộp theo tính chất
    của nó trong biểu mẫu (ChiTieu.cach_gop); tỷ số gộp riêng tử số và mẫu số; số cùng kỳ gộp
    cùng cách từ các quý năm trước."""
    if ky.loai == "quy":
        raise LoiKho("Báo cáo quý không gộp từ quý khác.", "Dùng «tạo kỳ mới» thay vào đó.")
    quy = ky.cac_quy()
    thieu = [q.ten_gon for q in quy if kho.tim_bao_cao(xa_id, q.ma) is None]
    if thieu:
        raise LoiKho(f"Thiếu báo cáo {', '.join(thieu)} để gộp thành báo cáo {ky.ten}.",
                     "Tạo và nhập số các quý đó trước.")
    cac_bc = [kho.doc_bieu_mau(xa_id, q.ma) for q in quy]
    cuoi = cac_bc[-1]
    bieu_mau = doc_bieu_mau(cuoi.bieu_mau)
    thay_doi: list[ThayDoi] = [ThayDoi(
        "tinh", "Số liệu", f"gộp {len(quy)} quý: số phát sinh trong kỳ cộng lại; số lũy kế, "
                           f"hiện có và tỷ lệ % lấy của {quy[-1].ten_gon}; tỷ số x/y gộp riêng "
                           "tử số và mẫu số rồi tính lại %")]

    so_lieu: dict[str, SoLieuNhap] = {}
    so_chep: list[str] = []
    thieu_quy: list[str] = []
    for ct in bieu_mau.chi_tieu:
        s, thieu_o = gop_so_lieu(ct, [bc.so_lieu.get(ct.ma) for bc in cac_bc], quy)
        if s is not None:
            so_lieu[ct.ma] = s
        if thieu_o:
            # Có quý có số, có quý để trống: tổng chỉ là tổng một phần, phải được xác nhận.
            so_chep.append(ct.ma)
            thieu_quy.append(f"{ct.ten} (thiếu {', '.join(thieu_o)})")
    if thieu_quy:
        thay_doi.append(ThayDoi("xem_lai", "Số liệu", f"{len(thieu_quy)} chỉ tiêu chỉ có số của "
                                                      "một số quý, cần xác nhận: "
                                                      + "; ".join(thieu_quy)))

    # Số cùng kỳ: báo cáo cùng loại năm trước nếu có, không thì gộp các quý năm trước.
    cung_ky, ghi = _so_cung_ky_gop(kho, xa_id, bieu_mau, ky)
    thay_doi.append(ThayDoi("tinh", "Số liệu", ghi))
    ke_hoach = kho.ke_hoach(xa_id, ky.nam)
    for ct in bieu_mau.chi_tieu:
        moi = so_lieu.get(ct.ma)
        ck = cung_ky.get(ct.ma)
        kh = ke_hoach.get(ct.ma)
        if moi is None and ck is None and kh is None:
            continue
        moi = moi or SoLieuNhap()
        if ck is not None and ("cung_ky" in ct.so_sanh or "cung_ky_tang_giam" in ct.so_sanh):
            moi.cung_ky = ck
        if kh is not None:
            moi.ke_hoach = kh
        for loai in ("du_toan_huyen", "du_toan_xa"):
            if f"{ct.ma}.{loai}" in ke_hoach:
                setattr(moi, loai, ke_hoach[f"{ct.ma}.{loai}"])
        so_lieu[ct.ma] = moi

    van_ban = {ma: [doi_chu_ky_sang(d, quy[-1], ky) for d in doan]
               for ma, doan in cuoi.van_ban.items()
               if ma in bieu_mau.muc_theo_ma() and any(d.strip() for d in doan)}
    bc = cuoi.model_copy(update={
        "ky": ky.ma, "so_lieu": so_lieu, "van_ban": van_ban,
        "dau": cuoi.dau.model_copy(update={"so": None, "ngay": None, "trich_yeu": None}),
        "cau_ket": None, "doan_chep": {ma: list(d) for ma, d in van_ban.items()},
        "so_lieu_chep": so_chep,
        "nhiem_vu_ky_truoc": [nv.model_copy() for nv in cuoi.nhiem_vu_ky_truoc]})
    thay_doi.append(ThayDoi("xem_lai", "Lời văn", f"chép từ báo cáo {quy[-1].ten_gon}, chữ chỉ kỳ "
                                                  f"đã đổi sang {ky.ten}: viết lại cho cả kỳ, "
                                                  "giữ, sửa hoặc bỏ từng đoạn"))
    return bc, thay_doi


def gop_so_lieu(ct: ChiTieu, cac: list[SoLieuNhap | None], quy: list[Ky]
                ) -> tuple[SoLieuNhap | None, list[str]]:
    """Gộp số của một chỉ tiêu qua các quý (theo thứ tự thời gian).

    Trả về (số đã gộp, tên các quý thiếu số khi phải cộng mà chỉ một số quý có số)."""
    co = [(x, k) for x, k in zip(cac, quy, strict=True) if x is not None
          and x.gia_tri not in (None, "")]
    if not co:
        return None, []
    if not ct.la_so:
        return co[-1][0].model_copy(deep=True), []
    cach = ct.cach_gop
    so = [(_doc(x.gia_tri, ct), k) for x, k in co]
    doc_duoc = [v for v, _ in so if v is not None]
    if len(doc_duoc) != len(so):
        return co[-1][0].model_copy(deep=True), []  # có quý gõ sai: không tính bừa
    moi = SoLieuNhap()
    thieu: list[str] = []
    if cach == "cong":
        moi.gia_tri = vn.so(sum(doc_duoc, Decimal(0)), 4)
        thieu = [k.ten_gon for x, k in zip(cac, quy, strict=True)
                 if x is None or x.gia_tri in (None, "")]
        # Các phần cùng tên được cộng dồn qua các quý, giữ thứ tự xuất hiện.
        tong: dict[str, Decimal] = {}
        for x, _ in co:
            for p in x.phan_con:
                v = _doc(p.gia_tri, ct)
                if v is not None:
                    tong[p.ten] = tong.get(p.ten, Decimal(0)) + v
        moi.phan_con = [PhanConNhap(ten=t, gia_tri=vn.so(v, 4)) for t, v in tong.items()]
    else:
        chon = co[-1][0] if cach == "cuoi" else co[max(range(len(doc_duoc)),
                                                        key=doc_duoc.__getitem__)][0]
        moi.gia_tri = chon.gia_tri
        moi.phan_con = list(chon.phan_con)
    if ct.loai == "ti_so":
        mau = [(_doc(x.mau_so, ct)) for x, _ in co]
        if ct.ky_mau_so == "trong_ky":
            if all(m is not None for m in mau):
                moi.mau_so = vn.so(sum(mau, Decimal(0)), 4)  # type: ignore[arg-type]
        else:
            moi.mau_so = co[-1][0].mau_so  # tổng hiện có: số của quý cuối, không bao giờ cộng
    return moi, thieu


def _so_cung_ky_gop(kho: Kho, xa_id: int, bieu_mau: BieuMau, ky: Ky
                    ) -> tuple[dict[str, str], str]:
    """Số cùng kỳ năm trước cho báo cáo gộp: {mã: số}, và một câu cho danh sách thay đổi."""
    ky_ck = ky.cung_ky_nam_truoc()
    bc = kho.doc_neu_co(xa_id, ky_ck.ma)
    if bc is not None:
        return ({ma: str(s.gia_tri) for ma, s in bc.so_lieu.items()
                 if s.gia_tri not in (None, "") and not isinstance(s.gia_tri, bool)},
                f"số cùng kỳ lấy từ báo cáo {ky_ck.ten_gon}")
    quy = ky_ck.cac_quy()
    cac = {q: kho.doc_neu_co(xa_id, q.ma) for q in quy}
    thieu = [q.ten_gon for q, b in cac.items() if b is None]
    if thieu:
        return {}, (f"chưa có số cùng kỳ {ky_ck.ten}: kho thiếu báo cáo {', '.join(thieu)} "
                    "(không tự đoán)")
    ra: dict[str, str] = {}
    thieu_ct: list[str] = []
    for ct in bieu_mau.chi_tieu:
        if not ct.la_so:
            continue
        s, thieu_o = gop_so_lieu(ct, [b.so_lieu.get(ct.ma) for b in cac.values()  # type: ignore[union-attr]
                                      ], quy)
        if s is None or s.gia_tri in (None, ""):
            continue
        if thieu_o:
            thieu_ct.append(ct.ten)  # tổng một phần không dùng làm số cùng kỳ
            continue
        ra[ct.ma] = str(s.gia_tri)
    ghi = f"số cùng kỳ {ky_ck.ten} gộp từ {', '.join(q.ten_gon for q in quy)}: {len(ra)} chỉ tiêu"
    if thieu_ct:
        ghi += (f"; {len(thieu_ct)} chỉ tiêu không có số ở mọi quý nên chưa có số cùng kỳ: "
                + ", ".join(thieu_ct))
    return ra, ghi


_QUY_TRONG_CHU = re.compile(r"\b(?P<q>[Qq])uý (?P<so>IV|III|II|I)\b(?: năm (?P<nam>\d{4})|/"
                            r"(?P<nam2>\d{4}))?")


def doi_chu_ky_sang(chu: str, quy: Ky, ky: Ky) -> str:
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

def mo_kem_so_sanh(kho: Kho, xa_id: int, ky: Ky) -> BaoCaoDuLieu:
    """Báo cáo mới nhất của kỳ `ky`, điền thêm số cùng kỳ năm trước và số kỳ trước lấy từ kho
    vào những ô còn trống (ô người dùng đã nhập thì giữ nguyên)."""
    bao_cao = kho.doc_bieu_mau(xa_id, ky.ma)
    nguon = {"cung_ky": ky.cung_ky_nam_truoc()}
    if ky.loai == "quy":  # kỳ liền trước của báo cáo gộp không phải báo cáo cùng loại năm trước
        nguon["ky_truoc"] = ky.ky_truoc()
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
