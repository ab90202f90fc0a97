"""Phần chung của hai phiên soạn (báo cáo theo biểu mẫu, văn bản tự do): màn hình thông tin văn
bản sửa phần đầu, người ký và các trường văn bản của cả hai bằng cùng ba lệnh."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafter.bieu_mau.du_lieu import BaoCaoDuLieu
    from drafter.van_ban_tu_do import VanBanTuDo


class SuaThongTinVanBan:
    """Lớp trộn cho hai lớp phiên (dataclass): chúng khai các trường dưới đây."""

    if TYPE_CHECKING:
        bao_cao: BaoCaoDuLieu | VanBanTuDo
        _thong_bao: list | None
        da_thay_doi: bool

    def _doi(self) -> None:
        """Văn bản vừa đổi: chờ lưu, kết quả kiểm tra cũ bỏ đi."""
        self._thong_bao = None
        self.da_thay_doi = True

    def dat_phan_dau(self, truong: str, gia_tri: object) -> None:
        setattr(self.bao_cao.dau, truong, gia_tri)
        self._doi()

    def dat_chu_ky(self, truong: str, gia_tri: object) -> None:
        setattr(self.bao_cao.chu_ky, truong, gia_tri)
        self._doi()

    def dat(self, truong: str, gia_tri: object) -> None:
        setattr(self.bao_cao, truong, gia_tri)
        self._doi()
