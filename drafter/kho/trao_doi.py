"""Xuất, nhập báo cáo dưới dạng tệp JSON (để gửi cấp trên, chuyển sang máy khác, hay đưa báo
cáo của các xã cũ trước sắp xếp vào kho).

Nhập không bao giờ âm thầm ghi đè: nếu kho đã có báo cáo cùng kỳ với nội dung khác, bản nhập
được lưu thành một phiên bản mới và bản cũ vẫn khôi phục được.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.bieu_mau.du_lieu import BaoCaoDuLieu, ghi_bao_cao, tu_du_lieu
from drafter.kho.csdl import LoiKho
from drafter.kho.kho import Kho, Xa, khoa_ten_xa
from drafter.ky_bao_cao import Ky


@dataclass
class KetQuaNhap:
    xa: Xa
    ky: Ky
    phien_ban: int
    thong_diep: str


def xuat_json(kho: Kho, xa_id: int, ky: str, tep: Path) -> Path:
    return ghi_bao_cao(kho.doc(xa_id, ky), tep)  # văn bản tự do cũng có thanh_json()


def nhap_json(kho: Kho, tep: Path, ten_xa: str | None = None) -> KetQuaNhap:
    """Nhập một báo cáo (hay văn bản tự do) vào xã ghi trong tệp, hay vào xã `ten_xa` (--xa: báo
    cáo của một xã cũ trước sắp xếp); xã chưa có thì thêm. Tệp của xã khác tên thì từ chối, không
    nhập nhầm."""
    from drafter.tep_van_ban import doc_json, kiem_mo_hinh
    from drafter.van_ban_tu_do import VanBanTuDo, la_van_ban_tu_do

    du_lieu = doc_json(tep)
    if la_van_ban_tu_do(du_lieu):  # văn bản tự do xuất từ kho khác
        bao_cao: BaoCaoDuLieu | VanBanTuDo = kiem_mo_hinh(VanBanTuDo, du_lieu, f"Tệp {tep}")
    else:
        bao_cao = tu_du_lieu(du_lieu, f"Tệp {tep}")  # lược đồ lạ bị từ chối kèm câu giải thích
    ky = bao_cao.ky_bao_cao
    if ten_xa:
        ten_xa = " ".join(ten_xa.split())
        if bao_cao.xa and khoa_ten_xa(bao_cao.xa) != khoa_ten_xa(ten_xa):
            raise LoiKho(f"Tệp {Path(tep).name} là báo cáo của xã «{bao_cao.xa}», không phải xã "
                         f"«{ten_xa}».", f"Bỏ --xa để nhập vào xã {bao_cao.xa}, hoặc kiểm tra "
                         "lại tệp.")
        ten = ten_xa
    else:
        ten = bao_cao.xa
    xa = kho.tim_xa(ten) if ten else kho.xa_mac_dinh()
    xa_moi = xa is None
    if xa is None:
        # Nhập tệp của xã khác (xã cũ trước sắp xếp…): xã chưa có thì tạo hồ sơ từ phần đầu.
        xa = kho.luu_xa(Xa(id=0, ten=ten, **Xa.ho_so_tu_dau(bao_cao.dau),
                           noi_nhan=bao_cao.noi_nhan, luu=bao_cao.luu,
                           chu_ky=bao_cao.chu_ky.model_dump()))
    da_co = kho.tim_bao_cao(xa.id, ky.ma)
    truoc = da_co.so_phien_ban if da_co else 0
    so = kho.luu(xa.id, bao_cao, f"nhập từ tệp {Path(tep).name}")
    if da_co is None:
        thong_diep = f"Đã nhập báo cáo {ky.ten_gon} của xã {xa.ten}"
        thong_diep += " (xã mới được thêm vào kho)." if xa_moi else "."
    elif so == truoc:
        thong_diep = f"Báo cáo {ky.ten_gon} của xã {xa.ten} trong kho đã giống hệt tệp này."
    else:
        thong_diep = (f"Kho đã có báo cáo {ky.ten_gon} của xã {xa.ten}: bản nhập được lưu thành "
                      f"phiên bản {so}; phiên bản {truoc} trước đó vẫn giữ nguyên, khôi phục được.")
    return KetQuaNhap(xa, ky, so, thong_diep)
