"""Tham số dòng lệnh của các lệnh kho (new, list, show, export, import, khoi-phuc, xa,
chu-thich-xa-cu): chỉ argparse, để `drafter demo`, `check`, `render TỆP` không phải nạp kho,
pydantic và biểu mẫu chỉ để dựng bộ phân tích tham số. Phần chạy lệnh ở cli_kho.py."""

from __future__ import annotations

import argparse
from pathlib import Path


def them_lenh(lenh: argparse._SubParsersAction) -> None:
    new = lenh.add_parser("new", help="tạo báo cáo kỳ mới từ báo cáo kỳ trước (hoặc gộp các quý)")
    # Một cách viết cho kỳ ở mọi lệnh: --ky. --period là tên cũ, vẫn nhận (ẩn khỏi trợ giúp) để
    # các ghi chép, kịch bản cũ chạy tiếp.
    ky_moi = new.add_mutually_exclusive_group(required=True)
    ky_moi.add_argument("--ky", metavar="KỲ",
                        help="kỳ mới: 2024-Q2, 2024-H1, 2024-9M, 2024, hoặc 2025-KH (kế hoạch năm "
                             "2025, tạo từ kế hoạch năm 2024)")
    ky_moi.add_argument("--period", dest="ky", metavar="KỲ", help=argparse.SUPPRESS)
    new.add_argument("--bieu-mau", metavar="MÃ",
                     help="biểu mẫu của báo cáo gộp hay kế hoạch (kt-xh-6-thang-xa: báo cáo 6 "
                          "tháng, năm trình HĐND; ke-hoach-kt-xh-xa: kế hoạch năm)")
    new.add_argument("--from", dest="tu", metavar="KỲ",
                     help="chép từ kỳ này (mặc định: báo cáo gần nhất trước đó)")
    new.add_argument("--thay-the", action="store_true",
                     help="kỳ đã có báo cáo thì tạo lại (bản đang có vẫn giữ trong các phiên "
                          "bản, khôi phục được)")

    lenh.add_parser("list", help="danh sách báo cáo trong kho")
    show = lenh.add_parser("show", help="xem một báo cáo trong kho: trạng thái, phiên bản, lỗi")
    show.add_argument("ky", metavar="KỲ")

    export = lenh.add_parser("export", help="xuất một báo cáo trong kho ra tệp .json")
    export.add_argument("ky", metavar="KỲ")
    export.add_argument("-o", "--ra", type=Path, required=True, metavar="TEP.json")
    export.add_argument("--ghi-de", action="store_true", help="ghi đè tệp ra đã có")

    imp = lenh.add_parser("import", help="nhập một tệp báo cáo .json, hay một báo cáo, kế hoạch "
                                         "Word .docx (văn bản tự do) vào kho (--xa TÊN: nhập "
                                         "vào xã đó, xã chưa có thì thêm; dùng cho báo cáo các "
                                         "xã cũ)")
    imp.add_argument("tep", type=Path, metavar="TEP.json|TEP.docx")
    imp.add_argument("--ky", metavar="KỲ",
                     help="(tệp .docx) kỳ của văn bản: 2024-Q2, 2024-H1, 2024-9M, 2024 "
                          "(mặc định: đọc từ trích yếu, không đọc được thì hỏi)")

    xa = lenh.add_parser("xa", help="các xã trong kho; thêm xã hình thành sau sắp xếp đơn vị "
                                    "hành chính")
    lenh_xa = xa.add_subparsers(dest="lenh_xa", metavar="LỆNH_XÃ")
    lenh_xa.add_parser("list", help="các xã trong kho, kèm các xã cũ hợp thành mỗi xã")
    them = lenh_xa.add_parser(
        "them", help="thêm một xã; với --sap-nhap-tu: xã mới hình thành từ các xã cũ")
    them.add_argument("ten", metavar="TÊN")
    them.add_argument("--sap-nhap-tu", nargs="+", metavar="XÃ_CŨ", default=[],
                      help="tên các xã cũ theo thứ tự của nghị quyết (xã chưa có thì thêm)")
    them.add_argument("--tu-ngay", metavar="NGÀY",
                      help="ngày sắp xếp có hiệu lực: 2025-07-01 hoặc 01/07/2025 (mặc định "
                           "01/07/2025)")
    them.add_argument("--nghi-quyet", metavar="SỐ", default="",
                      help="số nghị quyết sắp xếp, ví dụ 1234/NQ-UBTVQH15")
    them.add_argument("--tinh", metavar="TỈNH", default="", help="tỉnh của xã")
    them.add_argument("--mac-dinh", action="store_true",
                      help="đặt làm xã của bạn (mặc định ở mọi lệnh)")
    cong = lenh_xa.add_parser(
        "cong-ke-hoach", help="kế hoạch năm khởi đầu của xã (--xa) bằng tổng kế hoạch các xã cũ, "
                              "chờ xem lại ở Thiết lập")
    cong.add_argument("nam", type=int, metavar="NĂM")

    chu_thich = lenh.add_parser(
        "chu-thich-xa-cu", help="in (bat) hay không in (tat) chú thích «Số liệu cùng kỳ là tổng "
                                "số liệu của các xã … trước khi sắp xếp» trong một báo cáo")
    chu_thich.add_argument("ky", metavar="KỲ")
    chu_thich.add_argument("bat_tat", choices=["bat", "tat"], metavar="bat|tat")

    khoi_phuc = lenh.add_parser(
        "khoi-phuc", help="thay kho bị hỏng bằng bản sao lưu gần nhất (kho cũ được giữ lại)")
    khoi_phuc.add_argument("--xem", action="store_true",
                           help="chỉ xem: kho có hỏng không, những gì sẽ mất; không đổi gì")
    khoi_phuc.add_argument("--ep", action="store_true",
                           help="ép khôi phục cả khi kho không hỏng (những gì mới hơn bản sao "
                                "lưu sẽ không còn trong kho; xem trước bằng --xem)")
    khoi_phuc.add_argument("--phien-ban", type=int, metavar="SỐ",
                           help="(với --ky) đưa báo cáo về phiên bản SỐ thay vì khôi phục kho")
    khoi_phuc.add_argument("--ky", metavar="KỲ")
