"""drafter: soạn báo cáo UBND xã đúng thể thức NĐ 30."""
__version__ = "0.1.0"
