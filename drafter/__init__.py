"""drafter: soạn báo cáo của UBND xã đúng thể thức Nghị định 30/2020/NĐ-CP."""

import os

__version__ = "0.1.0"

# drafter không dùng plugin nào của pydantic; bỏ việc dò tìm plugin trong mọi gói đã cài
# (~20 ms mỗi lần chạy lệnh trên máy văn phòng cũ). Người dùng đặt biến này thì giữ nguyên.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
