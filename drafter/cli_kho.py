"""Các lệnh làm việc với kho báo cáo: new, list, show, export, import, render KỲ, khoi-phuc."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.kho import Kho, LoiKho
from drafter.kho.kho import TEN_TRANG_THAI, Xa
from drafter.ky_bao_cao import Ky, LoiKy


def them_lenh(lenh: argparse._SubParsersAction) -> None:
    new = lenh.add_parser("new", help="tạo báo cáo kỳ mới từ báo cáo kỳ trước (hoặc gộp các quý)")
    new.add_argument("--period", required=True, metavar="KỲ",
                     help="kỳ mới: 2024-Q2, 2024-H1, 2024-9M, 2024")
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
                                         "Word .docx (văn bản tự do) vào kho")
    imp.add_argument("tep", type=Path, metavar="TEP.json|TEP.docx")
    imp.add_argument("--ky", metavar="KỲ",
                     help="(tệp .docx) kỳ của văn bản: 2024-Q2, 2024-H1, 2024-9M, 2024 "
                          "(mặc định: đọc từ trích yếu, không đọc được thì hỏi)")

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


def mo_kho(args: argparse.Namespace) -> Kho:
    return Kho.mo(args.data_dir)


def tep_cua_kho(kho: Kho) -> list[Path]:
    """Các tệp của kho: không lệnh xuất nào được ghi lên chúng (-o trỏ nhầm vào thư mục dữ liệu)."""
    return kho.cac_tep()


def chon_xa(kho: Kho, args: argparse.Namespace) -> Xa:
    if args.xa:
        xa = kho.tim_xa(args.xa)
        if xa is None:
            ten = ", ".join(x.ten for x in kho.cac_xa())
            raise LoiKho(f"Kho không có xã «{args.xa}».", f"Các xã trong kho: {ten}.")
        return xa
    return kho.xa_mac_dinh()


def doc_ky(chu: str) -> Ky:
    try:
        return Ky.doc(chu)
    except LoiKy as loi:
        raise LoiKho(str(loi).capitalize() + ".") from loi


def chay(args: argparse.Namespace) -> int:
    """Chạy một lệnh kho; lỗi kho thành thông báo tiếng Việt, mã thoát 1."""
    try:
        if args.lenh == "khoi-phuc" and args.phien_ban is None:
            return _khoi_phuc_kho(args)
        with mo_kho(args) as kho:
            try:
                if args.lenh == "import" and args.tep.suffix.lower() == ".docx":
                    return _import_docx(kho, args)  # xã đọc từ văn bản (hay --xa)
                xa = chon_xa(kho, args)
                return {"new": _new, "list": _list, "show": _show, "export": _export,
                        "import": _import,
                        "khoi-phuc": _khoi_phuc_phien_ban}[args.lenh](kho, xa, args)
            finally:
                for dong in kho.canh_bao:
                    print(f"Cảnh báo: {dong}", file=sys.stderr)
    except LoiKho as loi:
        in_loi_kho(loi)
        return 1


def in_loi_kho(loi: LoiKho) -> None:
    """Lỗi kho ra stderr: câu lỗi, rồi lối thoát ở dòng dưới."""
    print(f"Lỗi: {loi.thong_diep}", file=sys.stderr)
    if loi.loi_thoat:
        print(f"  {loi.loi_thoat}", file=sys.stderr)


def _new(kho: Kho, xa: Xa, args: argparse.Namespace) -> int:
    from drafter.chuyen_ky import tao_bao_cao

    ky = doc_ky(args.period)
    tu = doc_ky(args.tu) if args.tu else None
    da_co = kho.tim_bao_cao(xa.id, ky.ma)
    bao_cao, thay_doi = tao_bao_cao(kho, xa.id, ky, tu, thay_the=args.thay_the)
    tu_do = not hasattr(bao_cao, "so_lieu")  # chép từ văn bản tự do kỳ trước
    ghi_chu = ("tạo lại, thay bản trước" if da_co else
               "chép từ văn bản kỳ trước" if tu_do else
               f"gộp từ các quý của {ky.ten}" if ky.loai != "quy" and tu is None
               else "tạo từ báo cáo kỳ trước")
    so = kho.luu(xa.id, bao_cao, ghi_chu)
    print(f"Đã tạo báo cáo {ky.ten_gon} của xã {xa.ten} (phiên bản {so}).")
    if da_co:
        print(f"  Bản trước (phiên bản {da_co.so_phien_ban}) vẫn giữ: «drafter khoi-phuc --ky "
              f"{ky.ma} --phien-ban {da_co.so_phien_ban}» để lấy lại.")
    for t in thay_doi:
        print(f"  {t.dong()}")
    return 0


def _list(kho: Kho, xa: Xa, args: argparse.Namespace) -> int:
    ds = kho.cac_bao_cao(xa.id)
    print(f"Xã {xa.ten}: {len(ds)} báo cáo")
    for b in ds:
        trang_thai = TEN_TRANG_THAI.get(b.trang_thai, b.trang_thai)
        print(f"  {b.ky:<8} {b.ky_bao_cao.ten_gon:<22} {trang_thai:<8} "
              f"phiên bản {b.so_phien_ban:<3} sửa lúc {b.sua_luc.replace('T', ' ')}")
    return 0


def _show(kho: Kho, xa: Xa, args: argparse.Namespace) -> int:
    from drafter.nap_bao_cao import tu_bao_cao

    ky = doc_ky(args.ky)
    b = kho.tim_bao_cao(xa.id, ky.ma)
    if b is None:
        raise LoiKho(f"Chưa có báo cáo {ky.ten_gon}.", "Xem danh sách bằng «drafter list».")
    print(f"Báo cáo {ky.ten} — xã {xa.ten}")
    trang_thai = TEN_TRANG_THAI.get(b.trang_thai, b.trang_thai)
    try:
        bao_cao = kho.doc(xa.id, ky.ma)
    except LoiKho as loi:
        # Bản mới nhất không đọc được: vẫn hiện các phiên bản để người dùng chọn bản khôi phục.
        bao_cao = None
        print(f"  Trạng thái: {trang_thai}")
        in_loi_kho(loi)
    if bao_cao is not None:
        from drafter.nap_bao_cao import tu_van_ban_tu_do
        from drafter.van_ban_tu_do import VanBanTuDo, cac_doan_van

        if isinstance(bao_cao, VanBanTuDo):
            kq = tu_van_ban_tu_do(bao_cao, dung_van_ban=False)
            nguon = f", nhập từ {bao_cao.nguon}" if bao_cao.nguon else ""
            print(f"  Trạng thái: {trang_thai}; văn bản tự do ({bao_cao.dau.ten_loai.lower()}"
                  f"{nguon}), {len(cac_doan_van(bao_cao))} đoạn văn; {len(kq.loi)} lỗi, "
                  f"{len(kq.canh_bao)} cảnh báo")
            con = set(bao_cao.doan_chep) & {c for _, c in cac_doan_van(bao_cao)}
            if con:
                print(f"  Cần xem lại: {len(con)} đoạn văn chép từ kỳ trước")
        else:
            kq = tu_bao_cao(bao_cao, dung_van_ban=False)
            so_chi_tieu = sum(1 for s in bao_cao.so_lieu.values()
                              if s.gia_tri not in (None, ""))
            print(f"  Trạng thái: {trang_thai}; {so_chi_tieu} chỉ tiêu có số liệu; "
                  f"{len(kq.loi)} lỗi, {len(kq.canh_bao)} cảnh báo")
            so_doan = sum(len(bao_cao.doan_chua_xem(m)) for m in bao_cao.doan_chep)
            if so_doan or bao_cao.so_lieu_chep:
                print(f"  Cần xem lại: {so_doan} đoạn văn và {len(bao_cao.so_lieu_chep)} số "
                      "liệu giữ từ kỳ trước")
    print("  Phiên bản:")
    for p in kho.cac_phien_ban(xa.id, ky.ma):
        print(f"    {p.so:>3}  {p.luc.replace('T', ' ')}  {p.ghi_chu}")
    for phien_ban, duong_dan, luc, bam in kho.nhat_ky_xuat(xa.id, ky.ma):
        print(f"  Đã xuất phiên bản {phien_ban} lúc {luc.replace('T', ' ')}: {duong_dan} "
              f"(SHA-256 {bam[:16]}…)")
    if bao_cao is None:
        return 1
    for dong in kq.loi + kq.canh_bao[:10]:
        print(f"  {dong}")
    if len(kq.canh_bao) > 10:
        print(f"  … và {len(kq.canh_bao) - 10} cảnh báo khác (xuất tệp .json rồi chạy "
              "«drafter validate» để xem hết).")
    return 0


def _export(kho: Kho, xa: Xa, args: argparse.Namespace) -> int:
    from drafter.ghi_tep import LoiGhiTep, kiem_tra_dich
    from drafter.kho.trao_doi import xuat_json
    from drafter.loi_tieng_viet import cau_loi_os

    ky = doc_ky(args.ky)
    try:
        kiem_tra_dich(args.ra, tep_cua_kho(kho), args.ghi_de)
        tep = xuat_json(kho, xa.id, ky.ma, args.ra)
    except LoiGhiTep as loi:
        raise LoiKho(loi.thong_diep, loi.loi_thoat) from loi
    except OSError as loi:
        raise LoiKho(cau_loi_os(loi, "Không ghi được", args.ra)) from loi
    print(f"Đã xuất báo cáo {ky.ten_gon} ra {tep.resolve()}")
    return 0


def _import(kho: Kho, xa: Xa, args: argparse.Namespace) -> int:
    from drafter.kho.trao_doi import nhap_json
    from drafter.tep_van_ban import LoiTepVanBan

    try:
        kq = nhap_json(kho, args.tep)
    except LoiTepVanBan as loi:
        raise LoiKho(loi.tieu_de + " " + "; ".join(loi.cac_dong)) from loi
    print(kq.thong_diep)
    return 0


def _import_docx(kho: Kho, args: argparse.Namespace) -> int:
    """`drafter import BC.docx [--ky 2024-Q1]`: báo cáo Word của cán bộ thành văn bản tự do của
    kỳ đó trong kho (sửa, chuyển kỳ, xuất như báo cáo theo biểu mẫu)."""
    from drafter.kiem_tra import LoiDocTep
    from drafter.van_ban_tu_do import chon_xa_nhap, doc_de_nhap, ky_cua, nhap_vao_kho

    try:
        kq = doc_de_nhap(args.tep)
    except LoiDocTep as loi:
        raise LoiKho(str(loi)) from loi
    xa, xa_moi = chon_xa_nhap(kho, kq, args.xa)
    if args.ky:
        ky, nguon_ky = doc_ky(args.ky), "ghi ở --ky"
    else:
        ky, nguon_ky = ky_cua(kq), "đọc từ trích yếu"
        if ky is None:
            ky, nguon_ky = _hoi_ky(kq.van_ban.dau.trich_yeu or ""), "đã nhập"
    r = nhap_vao_kho(kho, xa, args.tep, kq, ky)
    print(r.thong_diep + (" Xã mới được thêm vào kho từ phần đầu văn bản." if xa_moi else ""))
    print(f"  Kỳ: {ky.ten_gon} ({nguon_ky}; sai thì nhập lại với «--ky»).")
    print(f"  Đã đọc: {kq.tom_tat()}.")
    if r.bo_sung:
        print(f"  Lấy từ hồ sơ xã vì tệp không có: {', '.join(r.bo_sung)}.")
    for c in kq.danh_lai:
        print(f"  Đánh số lại: {c.dong()}")
    for c in kq.chua_dat_that:
        print(f"  Chưa đặt được: {c.dong()}")
    _xac_nhan_so_lieu(kho, xa, ky)
    print(f"  Xem: «drafter show {ky.ma}»; xuất: «drafter render {ky.ma}».")
    return 0


def _xac_nhan_so_lieu(kho: Kho, xa: Xa, ky: Ky) -> None:
    """Biểu mẫu khớp văn bản: đề xuất số liệu đọc được từ câu văn, hỏi xác nhận từng số (không
    bao giờ tự điền); không hỏi được (không phải cửa sổ dòng lệnh) thì chỉ nói có bao nhiêu."""
    from drafter.van_ban_tu_do import VanBanTuDo, de_xuat_so_lieu, nhan_so_lieu

    td = kho.doc(xa.id, ky.ma)
    if not isinstance(td, VanBanTuDo):
        return
    cac = de_xuat_so_lieu(td)
    if not cac:
        return
    print(f"  Đọc được {len(cac)} số liệu khớp chỉ tiêu của biểu mẫu (dùng làm số cùng kỳ, kỳ "
          "trước cho các báo cáo sau); mỗi số cần bạn xác nhận:")
    if not sys.stdin.isatty():
        print("    (chưa hỏi được vì lệnh không chạy trong cửa sổ dòng lệnh: mở văn bản trong "
              "giao diện, Ctrl+P «Đề xuất số liệu», hoặc chạy lại lệnh trong cửa sổ dòng lệnh)")
        return
    nhan = []
    for d in cac:
        tra_loi = input(f"    {d.mo_ta()} — «{d.cau[:90]}» — nhận? [c/K] ").strip().lower()
        if tra_loi in ("c", "co", "có", "y"):
            nhan.append(d)
    if nhan_so_lieu(td, nhan):
        kho.luu(xa.id, td, f"xác nhận {len(nhan)} số liệu đọc từ văn bản")
    print(f"  Đã nhận {len(nhan)}/{len(cac)} số liệu.")


def _hoi_ky(trich_yeu: str) -> Ky:
    """Không đọc được kỳ từ trích yếu: hỏi (nếu đang gõ lệnh), không thì chỉ cách ghi --ky."""
    goi_y = f" «{trich_yeu[:80]}»" if trich_yeu else ""
    if not sys.stdin.isatty():
        raise LoiKho(f"Không đọc được kỳ báo cáo từ trích yếu{goi_y}.",
                     "Ghi kỳ bằng --ky, ví dụ: drafter import BC.docx --ky 2024-Q2")
    for _ in range(3):
        chu = input("Kỳ của văn bản này (2024-Q2, 2024-H1, 2024-9M, 2024): ").strip()
        try:
            return Ky.doc(chu)
        except LoiKy as loi:
            print(f"  {str(loi).capitalize()}.")
    raise LoiKho("Chưa có kỳ báo cáo.", "Ghi kỳ bằng --ky, ví dụ: --ky 2024-Q2")


def _khoi_phuc_phien_ban(kho: Kho, xa: Xa, args: argparse.Namespace) -> int:
    if not args.ky:
        raise LoiKho("Cần ghi kỳ báo cáo: --ky 2024-Q1 --phien-ban 3.")
    ky = doc_ky(args.ky)
    so = kho.khoi_phuc(xa.id, ky.ma, args.phien_ban)
    print(f"Đã đưa báo cáo {ky.ten_gon} về nội dung phiên bản {args.phien_ban} "
          f"(lưu thành phiên bản {so}).")
    return 0


def _khoi_phuc_kho(args: argparse.Namespace) -> int:
    """`drafter khoi-phuc [--xem] [--ep]`: nói rõ kho có hỏng không và những gì sẽ mất, rồi mới
    làm (kho hỏng) hoặc chỉ làm khi được ép (kho lành)."""
    from drafter.kho.sao_luu import khoi_phuc_kho
    from drafter.kho.thu_muc import TEN_TEP_CSDL, thu_muc_du_lieu

    tep = thu_muc_du_lieu(args.data_dir) / TEN_TEP_CSDL
    kq = khoi_phuc_kho(tep, ep=args.ep, xem=args.xem)
    tinh_trang = "không hỏng (qua kiểm tra toàn vẹn)" if kq.hong is None else f"hỏng: {kq.hong}"
    print(f"Kho {tep}: {tinh_trang}.")
    print(f"Bản sao lưu dùng để khôi phục: {kq.ban_sao_luu} (lúc {kq.luc_sao_luu}).")
    if kq.se_mat:
        print("Những gì có trong kho hiện tại mà bản sao lưu không có"
              + (" (sẽ không còn trong kho):" if not kq.da_lam else ":"))
        for dong in kq.se_mat:
            print(f"  - {dong}")
    else:
        print("Bản sao lưu có đủ mọi báo cáo và phiên bản của kho hiện tại.")
    if not kq.da_lam:
        print("Chỉ xem, chưa đổi gì. " + ("Chạy «drafter khoi-phuc» để khôi phục."
                                          if kq.hong is not None else
                                          "Kho không hỏng; muốn thay vẫn thay thì chạy "
                                          "«drafter khoi-phuc --ep»."))
        return 0
    print(f"Đã khôi phục kho từ bản sao lưu {kq.ban_sao_luu.name}.")
    if kq.giu_lai is not None:
        cac_tep = [p for p in (kq.giu_lai, Path(f"{kq.giu_lai}-wal")) if p.exists()]
        print(f"Kho cũ được giữ nguyên ở {' và '.join(str(p) for p in cac_tep)} (không bị xóa; "
              "gửi cho người hỗ trợ kỹ thuật nếu cần lấy lại những gì nêu trên).")
    return 0
