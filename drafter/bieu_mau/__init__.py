"""Biểu mẫu báo cáo: định nghĩa (forms/*.toml), dữ liệu của một báo cáo, kiểm tra, tính toán,
câu văn từ mẫu (templates/) và dựng văn bản cho bộ ghi .docx."""
