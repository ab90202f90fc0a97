"""Nạp một tệp báo cáo JSON thành văn bản sẵn sàng ghi .docx.

Hai dạng tệp: văn bản dựng sẵn (lược đồ của van_ban.py) và dữ liệu theo biểu mẫu (có trường
"bieu_mau"): số liệu được kiểm tra, các số suy ra được tính, câu văn được dựng từ mẫu. Bản nháp
luôn dựng được (số còn thiếu thành dấu «[chưa có: …]»); bản chính thức chỉ dựng khi hết lỗi.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.bieu_mau.du_lieu import BaoCaoDuLieu
from drafter.tep_van_ban import LOAI_TU_DO, LoiTepVanBan, doc_json
from drafter.tep_van_ban import tu_du_lieu as van_ban_tu_du_lieu
from drafter.van_ban import VanBan

if TYPE_CHECKING:
    from drafter.bieu_mau.kiem_tra_so_lieu import ThongBao
    from drafter.van_ban_tu_do import VanBanTuDo


@dataclass
class KetQuaNap:
    van_ban: VanBan | None  # None khi chỉ kiểm tra, hoặc bản chính thức còn lỗi
    thong_bao: list[ThongBao] = field(default_factory=list)
    bao_cao: BaoCaoDuLieu | None = None  # dữ liệu theo biểu mẫu (None: tệp văn bản dựng sẵn)
    tu_do: bool = False  # văn bản tự do: lời văn chép, chữ gắn kỳ, chỗ trống đã được kiểm

    @property
    def kiem_noi_dung(self) -> bool:
        """Nội dung đã được kiểm (báo cáo theo biểu mẫu, văn bản tự do); văn bản dựng sẵn thì
        không, nên kết luận không bao giờ gọi nó là «sẵn sàng»."""
        return self.bao_cao is not None or self.tu_do

    @property
    def loi(self) -> list[str]:
        return [t.dong() for t in self.thong_bao if t.muc_do == "loi"]

    @property
    def canh_bao(self) -> list[str]:
        return [t.dong() for t in self.thong_bao if t.muc_do == "canh_bao"]


def _nap(duong_dan: Path, chinh_thuc: bool, dung_van_ban: bool) -> KetQuaNap:
    from drafter.bieu_mau.du_lieu import la_du_lieu_bieu_mau
    from drafter.bieu_mau.du_lieu import tu_du_lieu as bao_cao_tu_du_lieu
    from drafter.tep_van_ban import kiem_mo_hinh

    nguon = f"Tệp {duong_dan}"
    du_lieu = doc_json(duong_dan)
    # Nhận dạng bằng khóa "loai" trước khi nạp mô hình văn bản tự do: lệnh demo, render báo
    # cáo không phải dựng các lớp pydantic của nó.
    if isinstance(du_lieu, dict) and du_lieu.get("loai") == LOAI_TU_DO:
        from drafter.van_ban_tu_do import VanBanTuDo

        return tu_van_ban_tu_do(kiem_mo_hinh(VanBanTuDo, du_lieu, nguon), chinh_thuc,
                                dung_van_ban)
    if not la_du_lieu_bieu_mau(du_lieu):
        van_ban = van_ban_tu_du_lieu(du_lieu, nguon)
        return KetQuaNap(van_ban, canh_bao_van_ban(van_ban))
    return tu_bao_cao(bao_cao_tu_du_lieu(du_lieu, nguon), chinh_thuc, dung_van_ban)


def canh_bao_van_ban(van_ban: VanBan) -> list[ThongBao]:
    """Cảnh báo của chính văn bản (kết thúc không có "./.", căn cứ thiếu dấu câu…)."""
    from drafter.bieu_mau.kiem_tra_so_lieu import ThongBao

    return [ThongBao("canh_bao", dong, nhom="van_ban") for dong in van_ban.canh_bao()]


def tu_bao_cao(bao_cao: BaoCaoDuLieu, chinh_thuc: bool = False,
               dung_van_ban: bool = True) -> KetQuaNap:
    """Kiểm tra và dựng văn bản từ dữ liệu báo cáo đã nạp (từ tệp hay từ kho).

    Bản nháp dựng được cả khi còn lỗi; bản chính thức còn lỗi thì không dựng (van_ban None)."""
    from pydantic import ValidationError

    from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
    from drafter.bieu_mau.dung_van_ban import dung
    from drafter.bieu_mau.kiem_tra_so_lieu import co_loi, kiem_tra
    from drafter.bieu_mau.tinh_toan import tinh_tat_ca
    from drafter.loi_tieng_viet import cac_loi

    bieu_mau = doc_bieu_mau(bao_cao.bieu_mau)  # biểu mẫu sai: LoiBieuMau cũng là LoiTepVanBan
    so_lieu = tinh_tat_ca(bieu_mau, bao_cao)
    thong_bao = kiem_tra(bieu_mau, bao_cao, chinh_thuc=chinh_thuc, so_lieu=so_lieu)
    van_ban = None
    if dung_van_ban and not (chinh_thuc and co_loi(thong_bao)):
        try:
            van_ban = dung(bieu_mau, bao_cao, so_lieu)
        except ValidationError as loi:  # phần đầu không thành được văn bản (số "12a"…)
            raise LoiTepVanBan("Chưa dựng được văn bản:", cac_loi(loi)) from loi
    return KetQuaNap(van_ban, thong_bao, bao_cao)


def tu_van_ban_tu_do(tu_do: VanBanTuDo, chinh_thuc: bool = False,
                     dung_van_ban: bool = True) -> KetQuaNap:
    """Như tu_bao_cao cho văn bản tự do (nhập từ Word): cùng kiểu thông báo, cùng quy tắc bản
    nháp / bản chính thức."""
    from drafter.bieu_mau.kiem_tra_so_lieu import co_loi
    from drafter.van_ban_tu_do import dung_van_ban as dung
    from drafter.van_ban_tu_do import kiem_tra

    thong_bao = kiem_tra(tu_do, chinh_thuc)
    van_ban = None
    if dung_van_ban and not (chinh_thuc and co_loi(thong_bao)):
        van_ban = dung(tu_do)[0]
    return KetQuaNap(van_ban, thong_bao, tu_do=True)


def kiem_tra_tep(duong_dan: Path, chinh_thuc: bool = True) -> KetQuaNap:
    """Lỗi và cảnh báo của một tệp báo cáo, mỗi mục một câu tiếng Việt."""
    return _nap(duong_dan, chinh_thuc, dung_van_ban=False)


def nap(duong_dan: Path, chinh_thuc: bool = False) -> KetQuaNap:
    """Văn bản từ tệp (dữ liệu biểu mẫu: kèm các thông báo kiểm tra)."""
    return _nap(duong_dan, chinh_thuc, dung_van_ban=True)
