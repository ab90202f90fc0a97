"""Giao diện dòng lệnh toàn màn hình (Textual) cho người làm báo cáo: lớp mỏng trên lõi."""
