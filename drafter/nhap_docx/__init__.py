"""`drafter from-docx`: đọc báo cáo, kế hoạch Word của chính cán bộ (gõ tay hay do drafter
làm) thành tệp văn bản của drafter, kèm danh sách những gì chưa đặt được vào mô hình.

    kq = doc_docx(Path("BC-quy-I.docx"))
    kq.van_ban          # VanBan: phần đầu, cây đề mục, chú thích, bảng, Nơi nhận, người ký
    kq.chua_dat         # [ChoChuaDat]: "đoạn 37: không nhận ra cấp đề mục «…»"
"""

from drafter.nhap_docx.doc import doc_docx
from drafter.nhap_docx.ket_qua import ChoChuaDat, KetQuaDoc, ThongKe

__all__ = ["ChoChuaDat", "KetQuaDoc", "ThongKe", "doc_docx"]
