"""Kho dữ liệu SQLite của người làm báo cáo: hồ sơ xã, kế hoạch năm, các báo cáo theo kỳ và mọi
phiên bản đã lưu, nhật ký xuất văn bản. Không biết gì về giao diện."""

from drafter.kho.csdl import LoiKho
from drafter.kho.kho import BaoCaoTrongKho, Kho, PhienBan, Xa

__all__ = ["BaoCaoTrongKho", "Kho", "LoiKho", "PhienBan", "Xa"]
