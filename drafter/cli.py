"""Dòng lệnh `drafter`: lớp mỏng trên lõi, mọi thông báo bằng tiếng Việt, không traceback."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from pathlib import Path

from drafter import __version__

THOAT_LOI_DU_LIEU = 2
THOAT_LOI_CHUONG_TRINH = 70  # EX_SOFTWARE: lỗi của chính chương trình, đã ghi nhật ký
TEP_BAO_CAO_MAU = "bao-cao-cai-kinh-quy-I-2024.json"
# drafter demo --mau …: dữ liệu biểu mẫu cài kèm và tên tệp ra mặc định.
MAU_DEMO: dict[str, tuple[str, str]] = {
    "quy": (TEP_BAO_CAO_MAU, "BC-quy-I-2024-xa-Cai-Kinh.docx"),
    "6-thang": ("bao-cao-binh-trung-6-thang-2023.json",
                "BC-6-thang-dau-nam-2023-xa-Binh-Trung.docx"),
    "ke-hoach": ("ke-hoach-huu-kien-2025.json", "KH-nam-2025-xa-Huu-Kien.docx"),
}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="drafter",
        description="Soạn báo cáo của UBND xã đúng thể thức Nghị định 30/2020/NĐ-CP.",
    )
    p.add_argument("--version", action="version", version=f"drafter {__version__}")
    p.add_argument("--data-dir", type=Path, metavar="THƯ_MỤC",
                   help="thư mục kho dữ liệu (mặc định: biến DRAFTER_HOME hoặc thư mục người dùng)")
    p.add_argument("--xa", metavar="TÊN_XÃ", help="xã trong kho (mặc định: xã của bạn)")
    lenh = p.add_subparsers(dest="lenh", metavar="LỆNH")

    render = lenh.add_parser("render",
                             help="tạo tệp .docx từ tệp báo cáo (.json) hoặc kỳ trong kho")
    render.add_argument("tep", metavar="BAO_CAO.json|KỲ",
                        help="tệp .json, hoặc kỳ của một báo cáo trong kho (2024-Q2)")
    render.add_argument("-o", "--ra", type=Path, metavar="TEP.docx",
                        help="tệp .docx sẽ ghi (mặc định: cùng tên, cạnh tệp .json)")
    render.add_argument("--ghi-de", action="store_true", help="ghi đè tệp ra đã có")
    render.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    render.add_argument("--chinh-thuc", action="store_true",
                        help="bản chính thức (phát hành): phải hết lỗi, có số và ngày; mặc định "
                             "là bản nháp trình ký (số, ngày để trống, số còn thiếu được đánh "
                             "dấu «[chưa có: …]»)")

    validate = lenh.add_parser("validate", help="kiểm tra số liệu của một tệp báo cáo (.json)")
    validate.add_argument("tep", type=Path, metavar="BAO_CAO.json")
    validate.add_argument("--nhap", action="store_true",
                          help="bản nháp trình ký: chưa đòi số, ngày văn bản, họ tên người ký")

    check = lenh.add_parser("check", help="kiểm tra thể thức NĐ 30 của một tệp .docx bất kỳ")
    check.add_argument("tep", type=Path, metavar="TEP.docx")
    check.add_argument("--json", action="store_true", help="in kết quả dạng JSON cho máy đọc")
    check.add_argument("--chinh-thuc", action="store_true",
                       help="văn bản sắp phát hành: thiếu số, ngày, họ tên người ký là lỗi")

    tu_docx = lenh.add_parser(
        "from-docx", help="đọc một báo cáo, kế hoạch Word (.docx) thành tệp văn bản (.json) để "
                          "sửa, in lại bằng drafter")
    tu_docx.add_argument("tep", type=Path, metavar="TEP.docx")
    tu_docx.add_argument("-o", "--ra", type=Path, metavar="TEP.json",
                         help="tệp .json sẽ ghi (mặc định: cùng tên, cạnh tệp .docx)")
    tu_docx.add_argument("--ghi-de", action="store_true", help="ghi đè tệp ra đã có")

    demo = lenh.add_parser("demo", help="tạo văn bản mẫu: báo cáo quý I/2024 xã Cai Kinh (mặc "
                                        "định), 6 tháng 2023 xã Bình Trung, kế hoạch 2025 xã "
                                        "Hữu Kiên")
    demo.add_argument("--mau", choices=list(MAU_DEMO), default="quy",
                      help="quy: báo cáo quý (mặc định); 6-thang: báo cáo 6 tháng trình HĐND; "
                           "ke-hoach: kế hoạch phát triển kinh tế – xã hội năm")
    demo.add_argument("-o", "--ra", type=Path, metavar="TEP.docx",
                      help="tệp .docx sẽ ghi (mặc định theo mẫu, ví dụ "
                           "BC-quy-I-2024-xa-Cai-Kinh.docx)")
    demo.add_argument("--pdf", action="store_true", help="xuất thêm PDF (cần LibreOffice)")
    demo.add_argument("--ghi-de", action="store_true", help="ghi đè tệp ra đã có")
    lenh.add_parser("tui", help="mở giao diện soạn báo cáo (mặc định khi không ghi lệnh)")

    from drafter.cli_kho_tham_so import them_lenh

    them_lenh(lenh)
    return p


def _in_loi(tieu_de: str, cac_dong: list[str] | None = None) -> None:
    print(f"Lỗi: {tieu_de}", file=sys.stderr)
    for dong in cac_dong or []:
        print(f"  - {dong}", file=sys.stderr)


def _xuat(kq, ra: Path, pdf: bool, chinh_thuc: bool, sau_khi_ghi=None) -> int:
    """Ghi văn bản đã nạp, kiểm tra thể thức tệp vừa ghi, in kết luận chung (nội dung + thể
    thức). Bản chính thức còn lỗi: không ghi gì, mã thoát 1."""
    from drafter.ghi_docx import ghi_tep
    from drafter.ket_luan import KetLuan, LoaiBan
    from drafter.kiem_tra import LoiDocTep, kiem_tra

    ban: LoaiBan = "chinh_thuc" if chinh_thuc else "nhap"
    if kq.van_ban is None:
        ket_luan = KetLuan(ban, kq.thong_bao, kiem_noi_dung=kq.kiem_noi_dung)
        for dong in ket_luan.cac_dong():
            print(dong)
        _in_loi(f"Không tạo bản chính thức: còn {ket_luan.so_loi} lỗi (liệt kê ở trên). "
                "Không có tệp nào được ghi.")
        return 1
    try:
        ghi_tep(kq.van_ban, ra)
    except OSError as loi:
        _in_loi(_cau_loi_ghi(loi, ra))
        return 1
    print(f"Đã ghi {ra.resolve()} ({'bản chính thức' if chinh_thuc else 'bản nháp'})")
    if sau_khi_ghi is not None:
        sau_khi_ghi(ra)
    try:
        the_thuc = kiem_tra(ra, chinh_thuc=chinh_thuc)
    except LoiDocTep as loi:  # văn bản rất dài vượt giới hạn của check: tệp đã ghi vẫn dùng được
        print(f"Lưu ý: chưa kiểm tra thể thức. {loi}", file=sys.stderr)
        the_thuc = None
    dau = kq.van_ban.dau
    ket_luan = KetLuan(ban, kq.thong_bao, the_thuc, kiem_noi_dung=kq.kiem_noi_dung,
                       so_lieu_theo_bieu_mau=kq.bao_cao is not None,
                       so_ngay_trong=dau.so is None or dau.ngay is None)
    for dong in ket_luan.cac_dong():
        print(dong)
    ma_thoat = 0 if ket_luan.dat_the_thuc is not False else 1
    if pdf:
        from drafter.xuat_pdf import KhongCoLibreOffice, LoiXuatPdf, xuat_pdf

        tep_pdf = ra.with_suffix(".pdf")
        try:
            xuat_pdf(ra, tep_pdf)
        except KhongCoLibreOffice as loi:
            print(f"Lưu ý: {loi}", file=sys.stderr)
            return ma_thoat
        except (LoiXuatPdf, OSError) as loi:
            _in_loi(_cau_loi_ghi(loi, tep_pdf))
            return 1
        print(f"Đã ghi {tep_pdf.resolve()}")
    return ma_thoat


def _validate(args: argparse.Namespace) -> int:
    from drafter.nap_bao_cao import kiem_tra_tep
    from drafter.tep_van_ban import LoiTepVanBan

    try:
        kq = kiem_tra_tep(args.tep, chinh_thuc=not args.nhap)
    except LoiTepVanBan as loi:
        _in_loi(loi.tieu_de, loi.cac_dong)
        return 1
    for dong in kq.loi + kq.canh_bao:
        print(dong)
    print(f"Tổng kết: {len(kq.loi)} lỗi, {len(kq.canh_bao)} cảnh báo.")
    return 1 if kq.loi else 0


def _check(args: argparse.Namespace) -> int:
    import json

    from drafter.kiem_tra import LoiDocTep, kiem_tra

    try:
        bao_cao = kiem_tra(args.tep, chinh_thuc=args.chinh_thuc)
    except LoiDocTep as loi:
        _in_loi(str(loi))
        return THOAT_LOI_DU_LIEU
    if args.json:
        print(json.dumps(bao_cao.thanh_dict(), ensure_ascii=False, indent=1))
    else:
        print(bao_cao.thanh_chu())
    return 0 if bao_cao.dat_the_thuc else 1


def _from_docx(args: argparse.Namespace) -> int:
    """`drafter from-docx BC.docx -o BC.json`: văn bản Word → tệp văn bản của drafter, kèm danh
    sách những gì chưa đặt được vào đúng thành phần (vẫn được giữ làm đoạn văn)."""
    from drafter.ghi_tep import LoiGhiTep, ghi_chu, kiem_tra_dich
    from drafter.kiem_tra import LoiDocTep
    from drafter.nhap_docx import doc_docx, thanh_json

    ra = args.ra or args.tep.with_suffix(".json")
    try:
        kiem_tra_dich(ra, [args.tep], args.ghi_de)
    except LoiGhiTep as loi:
        _in_loi(loi.thong_diep, [loi.loi_thoat] if loi.loi_thoat else None)
        return 1
    try:
        kq = doc_docx(args.tep)
    except LoiDocTep as loi:
        _in_loi(str(loi))
        return THOAT_LOI_DU_LIEU
    try:
        ghi_chu(ra, thanh_json(kq.van_ban))
    except OSError as loi:
        _in_loi(_cau_loi_ghi(loi, ra))
        return 1
    print(f"Đã ghi {ra.resolve()}: {kq.tom_tat()}.")
    if kq.thieu:
        print(f"Không tìm thấy trong tệp (đã để «…» cho bạn điền): {', '.join(kq.thieu)}.")
    if kq.danh_lai:
        print(f"Số thứ tự gõ tay sẽ được đánh lại ({len(kq.danh_lai)} chỗ):")
        for c in kq.danh_lai:
            print(f"  - {c.dong()}")
    if kq.chua_dat_that:
        print(f"Chưa đặt được vào đúng thành phần ({len(kq.chua_dat_that)} chỗ, nội dung vẫn "
              "được giữ):")
        for c in kq.chua_dat_that:
            print(f"  - {c.dong()}")
    print(f"In lại: drafter render {ra}")
    return 0


def _la_ky(chu: str) -> bool:
    from drafter.ky_bao_cao import Ky, LoiKy

    try:
        Ky.doc(chu)
    except LoiKy:
        return False
    return True


def _duoc_ghi(args: argparse.Namespace, ra: Path, dau_vao: list[Path]) -> bool:
    """Chính sách ghi (ghi_tep.kiem_tra_dich) cho tệp ra và PDF cạnh bên, xét trước khi ghi
    bất cứ gì; từ chối thì in lý do và lối thoát."""
    from drafter.ghi_tep import LoiGhiTep, kiem_tra_dich

    try:
        for tep in [ra, ra.with_suffix(".pdf")] if args.pdf else [ra]:
            kiem_tra_dich(tep, dau_vao, args.ghi_de)
    except LoiGhiTep as loi:
        _in_loi(loi.thong_diep, [loi.loi_thoat] if loi.loi_thoat else None)
        return False
    return True


def _cau_loi_ghi(loi: Exception, tep: Path) -> str:
    from drafter.loi_tieng_viet import cau_loi_os

    return cau_loi_os(loi, "Không ghi được", tep) if isinstance(loi, OSError) else str(loi)


def _render_tu_kho(args: argparse.Namespace) -> int:
    """`drafter render 2024-Q2`: dựng từ phiên bản mới nhất trong kho, ghi nhật ký xuất."""
    from drafter.cli_kho import chon_xa, doc_ky, mo_kho, tep_cua_kho
    from drafter.kho import LoiKho
    from drafter.ky_bao_cao import ten_tep_bao_cao
    from drafter.nap_bao_cao import tu_bao_cao, tu_van_ban_tu_do
    from drafter.tep_van_ban import LoiTepVanBan
    from drafter.van_ban_tu_do import VanBanTuDo

    try:
        with mo_kho(args) as kho:
            xa = chon_xa(kho, args)
            ky = doc_ky(args.tep)
            bao_cao = kho.doc(xa.id, ky.ma)
            if isinstance(bao_cao, VanBanTuDo):
                kq = tu_van_ban_tu_do(bao_cao, chinh_thuc=args.chinh_thuc)
            else:
                kq = tu_bao_cao(bao_cao, chinh_thuc=args.chinh_thuc)
            ra = args.ra or Path(ten_tep_bao_cao(ky, xa.ten))
            if not _duoc_ghi(args, ra, tep_cua_kho(kho)):
                return 1
            return _xuat(kq, ra, args.pdf, args.chinh_thuc,
                         sau_khi_ghi=lambda tep: kho.ghi_xuat(xa.id, ky.ma, tep))
    except LoiTepVanBan as loi:
        _in_loi(loi.tieu_de, loi.cac_dong)
        return THOAT_LOI_DU_LIEU
    except LoiKho as loi:
        _in_loi(str(loi))
        return 1


def _giao_dien(args: argparse.Namespace) -> int:
    from drafter.cli_kho import in_loi_kho
    from drafter.kho import LoiKho
    from drafter.tui.ung_dung import chay

    try:
        return chay(args.data_dir)
    except LoiKho as loi:
        in_loi_kho(loi)
        return 1


def main(argv: list[str] | None = None) -> int:
    """Lệnh `drafter`. Ctrl+C và ống dẫn bị đóng (`drafter show … | head`) thoát êm, không
    traceback; tệp đang ghi dở thì ghi_tep đã dọn."""
    try:
        try:
            return _chay(argv)
        finally:
            sys.stdout.flush()  # lỗi ống dẫn lúc xả bộ đệm (cả sau --help) cũng bắt ở đây
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):
            print("\nĐã dừng (Ctrl+C).", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Như tài liệu Python khuyên (signal, «Note on SIGPIPE»): đổi stdout sang devnull để lần
        # xả bộ đệm khi thoát không báo lỗi lần nữa.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as loi:  # lỗi chưa lường trước: một câu tiếng Việt, traceback vào nhật ký
        from drafter.nhat_ky import cau_bao_loi

        with contextlib.suppress(OSError):
            print(f"Lỗi: {cau_bao_loi(loi, 'Lệnh drafter', _thu_muc_du_lieu(argv))}",
                  file=sys.stderr)
        return THOAT_LOI_CHUONG_TRINH


def _thu_muc_du_lieu(argv: list[str] | None) -> str | None:
    """--data-dir trong dòng lệnh (nếu có), để nhật ký lỗi nằm cạnh kho người dùng chọn."""
    ds = list(sys.argv[1:] if argv is None else argv)
    for i, a in enumerate(ds):
        if a == "--data-dir" and i + 1 < len(ds):
            return ds[i + 1]
        if a.startswith("--data-dir="):
            return a.split("=", 1)[1]
    return None


def _chay(argv: list[str] | None) -> int:
    # Bảng điều khiển Windows cũ không mặc định UTF-8: in tiếng Việt không được vỡ. Xét từng
    # luồng: stderr có thể đã bị thay bằng luồng không đổi mã được trong khi stdout thì không.
    for luong in (sys.stdout, sys.stderr):
        if isinstance(luong, io.TextIOWrapper):
            luong.reconfigure(encoding="utf-8", errors="replace")
    args = _parser().parse_args(argv)
    if args.lenh == "check":
        return _check(args)
    if args.lenh == "validate":
        return _validate(args)
    if args.lenh == "from-docx":
        return _from_docx(args)
    if args.lenh in ("new", "list", "show", "export", "import", "khoi-phuc", "xa",
                     "chu-thich-xa-cu"):
        from drafter.cli_kho import chay

        return chay(args)
    if args.lenh == "render" and not Path(args.tep).exists() and _la_ky(args.tep):
        return _render_tu_kho(args)
    from drafter.nap_bao_cao import nap
    from drafter.tep_van_ban import LoiTepVanBan

    chinh_thuc = getattr(args, "chinh_thuc", False)
    try:
        if args.lenh == "render":
            kq = nap(Path(args.tep), chinh_thuc=chinh_thuc)
            ra = args.ra or Path(args.tep).with_suffix(".docx")
            if not _duoc_ghi(args, ra, [Path(args.tep)]):
                return 1
        elif args.lenh == "demo":
            from drafter.tai_nguyen import tep_mau

            tep, ten_ra = MAU_DEMO[args.mau]
            kq = nap(tep_mau(tep))
            ra = args.ra or Path(ten_ra)
            if not _duoc_ghi(args, ra, [tep_mau(tep)]):
                return 1
        else:
            return _giao_dien(args)
    except LoiTepVanBan as loi:
        _in_loi(loi.tieu_de, loi.cac_dong)
        return THOAT_LOI_DU_LIEU
    return _xuat(kq, ra, args.pdf, chinh_thuc)


if __name__ == "__main__":
    sys.exit(main())
