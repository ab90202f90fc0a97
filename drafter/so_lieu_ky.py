"""Số liệu của một xã ở một kỳ bất kỳ: một chỗ duy nhất trả lời «số cùng kỳ / số kỳ trước của
chỉ tiêu này là bao nhiêu, lấy từ đâu», và là chỗ duy nhất biết chuyện sắp xếp đơn vị hành chính.

- Xã không qua sắp xếp: báo cáo của chính kỳ đó; kỳ gộp (6 tháng, 9 tháng, năm) chưa có báo cáo
  thì gộp các quý theo tính chất từng chỉ tiêu (gop_so_lieu).
- Xã hình thành từ các xã cũ (từ 01/7/2025 cấp huyện không còn, các xã sáp nhập): kỳ kết thúc
  trước ngày sắp xếp là tổng số liệu của các xã cũ (cong_xa_cu: số đếm, diện tích, tiền… cộng;
  tỷ số cộng riêng tử số và mẫu số rồi tính lại %; tỷ lệ % không cộng, không lấy trung bình;
  chữ không gộp). Kỳ vắt qua ngày sắp xếp (năm 2025) là phần trước ngày sắp xếp của các xã cũ
  (6 tháng đầu năm: báo cáo 6 tháng của từng xã, không có thì quý I + quý II) nối với các quý
  của chính xã mới.

Thiếu số thì ghi lý do (xã nào, kỳ nào), không bao giờ đoán. Phần còn lại của chương trình chỉ
hỏi so_lieu_ky(...) hay cung_ky(...), không cần biết xã có qua sắp xếp hay không.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeGuard

from drafter import vn
from drafter.bieu_mau.dinh_nghia import BieuMau, ChiTieu
from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, PhanConNhap, SoLieuNhap, SoNhap
from drafter.bieu_mau.tinh_toan import doc_o_so
from drafter.kho.kho import Kho, Xa
from drafter.ky_bao_cao import Ky


@dataclass
class SoLieuKy:
    """Số liệu (gia_tri, mau_so, phan_con) của một xã ở một kỳ, kèm nguồn và lý do thiếu."""

    ky: Ky
    nguon: str = ""  # "báo cáo quý I/2025", "tổng số liệu quý I/2025 của các xã A, B"…
    so_lieu: dict[str, SoLieuNhap] = field(default_factory=dict)
    co_so_lieu: bool = False  # False: kho không có gì cho kỳ này (ly_do nói vì sao)
    ly_do: str = ""
    thieu: dict[str, str] = field(default_factory=dict)  # mã → vì sao chỉ tiêu này không có số
    # Số là tổng (một phần) của các xã cũ: tên các xã, ngày và nghị quyết sắp xếp.
    xa_cu: list[str] = field(default_factory=list)
    ngay_sap_nhap: date | None = None
    nghi_quyet: str = ""
    # Mã → số của từng xã cũ (tên, x, y) đã cộng thành số này: để màn hình nói từ đâu mà có.
    chi_tiet: dict[str, list[tuple[str, str | None, str | None]]] = field(default_factory=dict)
    # Các đoạn đã gộp (báo cáo gộp), và mã → tên các đoạn thiếu số khi chỉ cộng được một phần.
    cac_doan: list[SoLieuKy] = field(default_factory=list)
    mot_phan: dict[str, list[str]] = field(default_factory=dict)

    def gia_tri(self, ma: str) -> SoLieuNhap | None:
        return self.so_lieu.get(ma)

    def ly_do_thieu(self, ma: str) -> str | None:
        """Vì sao chỉ tiêu `ma` không có số ở kỳ này (None: có số, hoặc không biết vì sao)."""
        if ma in self.so_lieu:
            return None
        return self.thieu.get(ma) or (self.ly_do if not self.co_so_lieu else None)


def _so(x: SoLieuNhap | None) -> TypeGuard[SoLieuNhap]:
    return x is not None and x.gia_tri not in (None, "") and not isinstance(x.gia_tri, bool)


def _doc(gia_tri: SoNhap, ct: ChiTieu) -> Decimal | None:
    so, _ = doc_o_so(gia_tri, ct, "gia_tri")
    return so


def _cong_phan_con(ct: ChiTieu, cac: list[SoLieuNhap]) -> list[PhanConNhap]:
    """Các phần cùng tên (thôn, loại cây…) cộng dồn, giữ thứ tự xuất hiện."""
    tong: dict[str, Decimal] = {}
    for x in cac:
        for p in x.phan_con:
            v = _doc(p.gia_tri, ct)
            if v is not None:
                tong[p.ten] = tong.get(p.ten, Decimal(0)) + v
    return [PhanConNhap(ten=t, gia_tri=vn.so(v, 4)) for t, v in tong.items()]


# ---------------------------------------------------------------- gộp theo thời gian

def gop_so_lieu(ct: ChiTieu, cac: list[SoLieuNhap | None], quy: list[Ky]
                ) -> tuple[SoLieuNhap | None, list[str]]:
    """Gộp số của một chỉ tiêu qua các quý (hay các đoạn kỳ) theo thứ tự thời gian.

    Trả về (số đã gộp, tên các đoạn thiếu số khi phải cộng mà chỉ một số đoạn có số)."""
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
        moi.phan_con = _cong_phan_con(ct, [x for x, _ in co])
    else:
        chon = co[-1][0] if cach == "cuoi" else co[max(range(len(doc_duoc)),
                                                        key=doc_duoc.__getitem__)][0]
        moi.gia_tri = chon.gia_tri
        moi.phan_con = list(chon.phan_con)
    if ct.loai == "ti_so":
        cac_mau_so = [(_doc(x.mau_so, ct)) for x, _ in co]
        if ct.ky_mau_so == "trong_ky":
            doc_duoc_mau = [m for m in cac_mau_so if m is not None]
            if len(doc_duoc_mau) == len(cac_mau_so):
                moi.mau_so = vn.so(sum(doc_duoc_mau, Decimal(0)), 4)
        else:
            moi.mau_so = co[-1][0].mau_so  # tổng hiện có: số của quý cuối, không bao giờ cộng
    return moi, thieu


# ---------------------------------------------------------------- cộng các xã cũ

def ly_do_khong_cong(ct: ChiTieu) -> str | None:
    """Vì sao chỉ tiêu này không cộng được từ các xã cũ (None: cộng được)."""
    if ct.loai == "phan_tram":
        return ("tỷ lệ % của từng xã cũ không cộng, không lấy trung bình được (biểu mẫu không "
                "cho tử số, mẫu số để tính lại)")
    if ct.gop_xa_cu == "khong":
        return (f"{ct.ten[0].lower() + ct.ten[1:]} của từng xã cũ không cộng thành số của xã "
                "mới được")
    return None


def cong_xa_cu(ct: ChiTieu, cac: Sequence[tuple[str, SoLieuNhap | None, str | None]]
               ) -> tuple[SoLieuNhap | None, str | None]:
    """Số của xã mới = tổng số của các xã cũ (tên, số, lý do thiếu nếu biết).

    Trả về (số, None) hoặc (None, lý do). Không xã cũ nào có số: (None, None) — không có gì để
    so. Chữ, có/không: không gộp. Một xã thiếu số: thiếu cả tổng, kèm lý do của xã đó."""
    co = [(ten, x) for ten, x, _ in cac if _so(x)]
    if not co or not ct.la_so:
        return None, None
    khong_cong = ly_do_khong_cong(ct)
    if khong_cong:
        return None, khong_cong
    thieu = [ly_do or f"xã {ten} chưa có số" for ten, x, ly_do in cac if not _so(x)]
    if thieu:
        return None, "; ".join(thieu)
    tong = Decimal(0)
    for ten, x in co:
        v = _doc(x.gia_tri, ct)
        if v is None:
            return None, f"số của xã {ten} không đọc được («{x.gia_tri}»)"
        tong += v
    moi = SoLieuNhap(gia_tri=vn.so(tong, 4), phan_con=_cong_phan_con(ct, [x for _, x in co]))
    if ct.loai == "ti_so":
        # Mẫu số cũng cộng theo địa bàn (8 thôn + 6 thôn); % tính lại từ hai tổng.
        tong_mau_so = Decimal(0)
        for ten, x in co:
            m = _doc(x.mau_so, ct)
            if m is None:
                return None, f"xã {ten} chưa có mẫu số (y của x/y)"
            tong_mau_so += m
        moi.mau_so = vn.so(tong_mau_so, 4)
    return moi, None


# ---------------------------------------------------------------- tra cứu

class LichSu:
    """Số liệu các kỳ của các xã trong kho; mỗi báo cáo chỉ đọc một lần."""

    def __init__(self, kho: Kho, bieu_mau: BieuMau) -> None:
        self.kho = kho
        self.bieu_mau = bieu_mau
        self._bao_cao: dict[tuple[int, str], BaoCaoDuLieu | None] = {}
        self._xa: dict[int, Xa] = {}
        self._ky: dict[tuple[int, str], SoLieuKy] = {}

    def xa(self, xa_id: int) -> Xa:
        if xa_id not in self._xa:
            self._xa[xa_id] = self.kho.xa_theo_id(xa_id)
        return self._xa[xa_id]

    def bao_cao(self, xa_id: int, ky: Ky) -> BaoCaoDuLieu | None:
        khoa = (xa_id, ky.ma)
        if khoa not in self._bao_cao:
            self._bao_cao[khoa] = self.kho.doc_neu_co(xa_id, ky.ma)
        return self._bao_cao[khoa]

    def truoc_sap_nhap(self, xa_id: int, ky: Ky) -> bool:
        """Kỳ `ky` kết thúc trước ngày xã `xa_id` hình thành (số liệu là của các xã cũ)."""
        xa = self.xa(xa_id)
        return xa.co_tien_than and xa.ngay_sap_nhap is not None and ky.ngay_cuoi < xa.ngay_sap_nhap

    def so_lieu_ky(self, xa_id: int, ky: Ky) -> SoLieuKy:
        """Số liệu của xã ở kỳ `ky`, từ báo cáo của chính nó hay của các xã cũ."""
        khoa = (xa_id, ky.ma)
        if khoa not in self._ky:
            self._ky[khoa] = self._tinh_toan(xa_id, ky)
        return self._ky[khoa]

    def _tinh_toan(self, xa_id: int, ky: Ky) -> SoLieuKy:
        xa = self.xa(xa_id)
        if self.truoc_sap_nhap(xa_id, ky):
            return self._tong_xa_cu(xa, ky)
        bc = self.bao_cao(xa_id, ky)
        if bc is not None:
            return SoLieuKy(ky, f"báo cáo {ky.ten_gon}", _cac_so(bc), co_so_lieu=True)
        if ky.loai == "quy":
            return SoLieuKy(ky, ly_do=f"kho chưa có báo cáo {ky.ten_gon} của xã {xa.ten}")
        doan = self.cac_doan(xa_id, ky)
        thieu = [d.ky.ten_gon for d in doan if not d.co_so_lieu]
        if thieu:
            return SoLieuKy(ky, ly_do=f"kho thiếu báo cáo {', '.join(thieu)} của xã {xa.ten}",
                            cac_doan=doan)
        return self._gop(ky, doan)

    def cac_doan(self, xa_id: int, ky: Ky) -> list[SoLieuKy]:
        """Các đoạn hợp thành kỳ gộp `ky`: các quý của xã; với xã hình thành giữa kỳ thì đoạn
        đầu là phần trước ngày sắp xếp (tổng các xã cũ), rồi các quý của chính xã."""
        xa = self.xa(xa_id)
        quy = ky.cac_quy()
        truoc = [q for q in quy if self.truoc_sap_nhap(xa_id, q)]
        ra: list[SoLieuKy] = []
        if truoc:
            ra.append(self._tong_xa_cu(xa, Ky.luy_ke_den(ky.nam, truoc[-1].thang_cuoi)))
        for q in quy[len(truoc):]:
            bc = self.bao_cao(xa_id, q)
            ra.append(SoLieuKy(q, f"báo cáo {q.ten_gon}", _cac_so(bc), co_so_lieu=True)
                      if bc is not None else
                      SoLieuKy(q, ly_do=f"kho chưa có báo cáo {q.ten_gon} của xã {xa.ten}"))
        return ra

    def _tong_xa_cu(self, xa: Xa, ky: Ky) -> SoLieuKy:
        """Tổng số liệu kỳ `ky` của các xã cũ hợp thành xã `xa` (xã cũ cũng có thể từng là xã
        hợp thành từ các xã cũ hơn: tra tiếp theo cùng quy tắc)."""
        cac = [(t.ten, self.so_lieu_ky(t.id, ky)) for t in self.kho.cac_tien_than(xa)]
        ten = [t for t, _ in cac]
        ra = SoLieuKy(ky, f"tổng số liệu {ky.ten_gon} của {_cac_xa(ten)} (trước sắp xếp)",
                      co_so_lieu=any(s.co_so_lieu for _, s in cac), xa_cu=ten,
                      ngay_sap_nhap=xa.ngay_sap_nhap, nghi_quyet=xa.nghi_quyet)
        if not ra.co_so_lieu:
            ra.ly_do = "; ".join(s.ly_do for _, s in cac if s.ly_do) or \
                f"kho chưa có báo cáo {ky.ten_gon} của {_cac_xa(ten)}"
            return ra
        for ct in self.bieu_mau.chi_tieu:
            phan = [(t, s.gia_tri(ct.ma), s.ly_do_thieu(ct.ma)
                     or f"báo cáo {ky.ten_gon} của xã {t} không có số này") for t, s in cac]
            s, ly_do = cong_xa_cu(ct, phan)
            if s is not None:
                ra.so_lieu[ct.ma] = s
                ra.chi_tiet[ct.ma] = [(t, _chu(x, "gia_tri"), _chu(x, "mau_so"))
                                      for t, x, _ in phan]
            elif ly_do:
                ra.thieu[ct.ma] = ly_do
        return ra

    def _gop(self, ky: Ky, doan: list[SoLieuKy]) -> SoLieuKy:
        """Kỳ gộp từ các đoạn đã đủ báo cáo; chỉ tiêu chỉ cộng được một phần thì thiếu (số so
        sánh không bao giờ là tổng một phần)."""
        ra = SoLieuKy(ky, "gộp " + ", ".join(d.ky.ten_gon for d in doan), co_so_lieu=True,
                      cac_doan=doan)
        for d in doan:
            ra.xa_cu += [t for t in d.xa_cu if t not in ra.xa_cu]
            ra.ngay_sap_nhap = ra.ngay_sap_nhap or d.ngay_sap_nhap
            ra.nghi_quyet = ra.nghi_quyet or d.nghi_quyet
        for ct in self.bieu_mau.chi_tieu:
            if not ct.la_so:
                continue
            s, thieu = gop_so_lieu(ct, [d.gia_tri(ct.ma) for d in doan], [d.ky for d in doan])
            if s is None:
                ly_do = [d.thieu[ct.ma] for d in doan if ct.ma in d.thieu]
                if ly_do:
                    ra.thieu[ct.ma] = "; ".join(ly_do)
                continue
            if thieu:
                ra.mot_phan[ct.ma] = thieu
                ra.thieu[ct.ma] = "; ".join(
                    next((d.ly_do_thieu(ct.ma) or f"chưa có số {d.ky.ten_gon}" for d in doan
                          if d.ky.ten_gon == t), t) for t in thieu)
                continue
            ra.so_lieu[ct.ma] = s
        return ra


def _chu(x: SoLieuNhap | None, truong: str) -> str | None:
    v = getattr(x, truong) if x is not None else None
    return None if v in (None, "") or isinstance(v, bool) else str(v)


def _cac_so(bc: BaoCaoDuLieu) -> dict[str, SoLieuNhap]:
    """Phần số của một báo cáo đủ cho mọi phép so sánh và phép gộp: số, mẫu số, các phần."""
    return {ma: SoLieuNhap(gia_tri=s.gia_tri, mau_so=s.mau_so, phan_con=list(s.phan_con))
            for ma, s in bc.so_lieu.items() if s.gia_tri not in (None, "")}


def _cac_xa(ten: list[str]) -> str:
    """"xã Cai Kinh", "các xã Cai Kinh và Khe Thử", "các xã A, B và C"."""
    if len(ten) == 1:
        return f"xã {ten[0]}"
    return f"các xã {', '.join(ten[:-1])} và {ten[-1]}"


def ten_cac_xa(ten: list[str]) -> str:
    return _cac_xa(ten)


def so_lieu_ky(kho: Kho, xa_id: int, ky: Ky, bieu_mau: BieuMau) -> SoLieuKy:
    """Số liệu của xã ở kỳ `ky` (báo cáo của xã, gộp các quý, hay tổng các xã cũ)."""
    return LichSu(kho, bieu_mau).so_lieu_ky(xa_id, ky)


def cung_ky(kho: Kho, xa_id: int, ky: Ky, bieu_mau: BieuMau) -> SoLieuKy:
    """Số cùng kỳ năm trước của báo cáo kỳ `ky`."""
    return so_lieu_ky(kho, xa_id, ky.cung_ky_nam_truoc(), bieu_mau)
