"""Các lệnh làm việc với kho báo cáo: new, list, show, export, import, render KỲ, khoi-phuc,
xa (các xã, xã hình thành sau sắp xếp), chu-thich-xa-cu."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from drafter.kho import Kho, LoiKho
from drafter.kho.kho import TEN_TRANG_THAI, Xa
from drafter.ky_bao_cao import Ky, LoiKy


def them_lenh(lenh: argparse._SubParsersAction) -> None:
    new = lenh.add_parser("new", help="tạo báo cáo kỳ mới từ báo cáo kỳ trước (hoặc gộp các quý)")
    new.add_argument("--period", required=True, metavar="KỲ",
                     help="kỳ mới: 2024-Q2, 2024-H1, 2024-9M, 2024, hoặc 2025-KH (kế hoạch năm "
                          "2025, tạo từ kế hoạch năm 2024)")
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

    imp = lenh.add_parser("import", help="nhập một tệp báo cáo .json vào kho (--xa TÊN: nhập vào "
                                         "xã đó, xã chưa có thì thêm; dùng cho báo cáo các xã cũ)")
    imp.add_argument("tep", type=Path, metavar="TEP.json")

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
                if args.lenh == "xa" and getattr(args, "lenh_xa", None) != "cong-ke-hoach":
                    return _xa(kho, args)
                if args.lenh == "import":
                    return _import(kho, args)
                xa = chon_xa(kho, args)
                return {"new": _new, "list": _list, "show": _show, "export": _export,
                        "khoi-phuc": _khoi_phuc_phien_ban, "xa": _cong_ke_hoach,
                        "chu-thich-xa-cu": _chu_thich_xa_cu}[args.lenh](kho, xa, args)
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
    if args.bieu_mau:
        from drafter.bieu_mau.dinh_nghia import LoiBieuMau, doc_bieu_mau

        try:
            bm = doc_bieu_mau(args.bieu_mau)
        except LoiBieuMau as loi:
            raise LoiKho(str(loi)) from loi
        if ky.loai not in bm.ky:
            raise LoiKho(f"Biểu mẫu {bm.ma} không dùng cho {ky.ten_gon}.",
                         "Biểu mẫu kt-xh-6-thang-xa cho 6 tháng, năm; ke-hoach-kt-xh-xa cho kế "
                         "hoạch năm (2025-KH).")
    bao_cao, thay_doi = tao_bao_cao(kho, xa.id, ky, tu, thay_the=args.thay_the,
                                    ma_bieu_mau=args.bieu_mau)
    ghi_chu = ("tạo lại, thay bản trước" if da_co else
               "tạo từ kế hoạch năm trước" if ky.la_ke_hoach else
               f"gộp từ các quý của {ky.ten}" if ky.loai != "quy" and tu is None
               else "tạo từ báo cáo kỳ trước")
    so = kho.luu(xa.id, bao_cao, ghi_chu)
    print(f"Đã tạo {'' if ky.la_ke_hoach else 'báo cáo '}{ky.ten_gon} của xã {xa.ten} (phiên "
          f"bản {so}).")
    if ky.la_ke_hoach and bao_cao.chi_tieu_ke_hoach:
        print(f"  {sum(len(c) for c in bao_cao.chi_tieu_ke_hoach.values())} chỉ tiêu kế hoạch là "
              f"chỉ tiêu năm {ky.nam} trong kho (báo cáo năm {ky.nam} tính % kế hoạch theo "
              "chúng).")
    if da_co:
        print(f"  Bản trước (phiên bản {da_co.so_phien_ban}) vẫn giữ: «drafter khoi-phuc --ky "
              f"{ky.ma} --phien-ban {da_co.so_phien_ban}» để lấy lại.")
    for t in thay_doi:
        print(f"  {t.dong()}")
    return 0


def _list(kho: Kho, xa: Xa, args: argparse.Namespace) -> int:
    ds = kho.cac_bao_cao(xa.id)
    print(f"Xã {xa.ten}{_sap_xep(kho, xa)}: {len(ds)} báo cáo")
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
        kq = tu_bao_cao(bao_cao, dung_van_ban=False)
        so_chi_tieu = sum(1 for s in bao_cao.so_lieu.values() if s.gia_tri not in (None, ""))
        print(f"  Trạng thái: {trang_thai}; {so_chi_tieu} chỉ tiêu có số liệu; "
              f"{len(kq.loi)} lỗi, {len(kq.canh_bao)} cảnh báo")
        if bao_cao.cung_ky_xa_cu is not None:
            from drafter.so_lieu_ky import ten_cac_xa

            bat = bao_cao.cung_ky_xa_cu.chu_thich
            print(f"  Số cùng kỳ: tổng của {ten_cac_xa(bao_cao.cung_ky_xa_cu.cac_xa)} trước sắp "
                  f"xếp; chú thích trong văn bản: {'có' if bat else 'không'} (đổi: «drafter "
                  f"chu-thich-xa-cu {ky.ma} {'tat' if bat else 'bat'}»)")
        so_doan = sum(len(bao_cao.doan_chua_xem(m)) for m in bao_cao.doan_chep)
        if so_doan or bao_cao.so_lieu_chep:
            print(f"  Cần xem lại: {so_doan} đoạn văn và {len(bao_cao.so_lieu_chep)} số liệu "
                  "giữ từ kỳ trước")
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


def _import(kho: Kho, args: argparse.Namespace) -> int:
    from drafter.kho.trao_doi import nhap_json
    from drafter.tep_van_ban import LoiTepVanBan

    try:
        kq = nhap_json(kho, args.tep, ten_xa=args.xa)
    except LoiTepVanBan as loi:
        raise LoiKho(loi.tieu_de + " " + "; ".join(loi.cac_dong)) from loi
    print(kq.thong_diep)
    moi = kho.xa_sau_sap_nhap(kq.xa.id)
    if moi is not None:
        print(f"  Xã {kq.xa.ten} là xã cũ của xã {moi.ten}: số liệu này được cộng vào số cùng "
              f"kỳ, kỳ trước của xã {moi.ten} cho các kỳ trước ngày "
              f"{moi.ngay_sap_nhap:%d/%m/%Y}.")
    return 0


# ---------------------------------------------------------------- các xã, sắp xếp

def doc_ngay(chu: str) -> date:
    """"2025-07-01" hay "01/07/2025" → date; sai thì LoiKho nói cách viết đúng."""
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", chu)
    try:
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        return date.fromisoformat(chu.strip())
    except ValueError as loi:
        raise LoiKho(f"Ngày «{chu}» không đúng.", "Viết 2025-07-01 hoặc 01/07/2025.") from loi


def _sap_xep(kho: Kho, xa: Xa) -> str:
    """" (hình thành ngày 01/07/2025 từ các xã A và B)", " (đã hợp vào xã C từ 01/07/2025)"."""
    from drafter.so_lieu_ky import ten_cac_xa

    if xa.co_tien_than:
        nq = f", Nghị quyết số {xa.nghi_quyet}" if xa.nghi_quyet else ""
        return (f" (hình thành ngày {xa.ngay_sap_nhap:%d/%m/%Y} từ "
                f"{ten_cac_xa(xa.xa_tien_than)}{nq})")
    moi = kho.xa_sau_sap_nhap(xa.id)
    if moi is not None:
        return f" (đã hợp vào xã {moi.ten} từ {moi.ngay_sap_nhap:%d/%m/%Y})"
    return ""


def _xa(kho: Kho, args: argparse.Namespace) -> int:
    if args.lenh_xa == "them":
        return _xa_them(kho, args)
    ds = kho.cac_xa()
    print(f"Các xã trong kho ({len(ds)}; * là xã của bạn):")
    for x in ds:
        so = len(kho.cac_bao_cao(x.id))
        tinh = f", tỉnh {x.tinh}" if x.tinh else ""
        print(f"  {'*' if x.mac_dinh else ' '} {x.ten}{tinh}: {so} báo cáo{_sap_xep(kho, x)}")
    return 0


def _xa_them(kho: Kho, args: argparse.Namespace) -> int:
    from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
    from drafter.chuyen_ky import BIEU_MAU_MAC_DINH
    from drafter.kho.kho import khoa_ten_xa
    from drafter.sap_nhap import NGAY_BO_CAP_HUYEN, cong_ke_hoach_xa_cu, ho_so_xa_moi
    from drafter.so_lieu_ky import ten_cac_xa

    ten = " ".join(args.ten.split())
    cac_cu = [" ".join(t.split()) for t in args.sap_nhap_tu]
    if not ten or not all(cac_cu):
        raise LoiKho("Tên xã không được để trống.", "Ghi tên xã trong ngoặc kép: \"Hợp Mẫu\".")
    khoa = [khoa_ten_xa(t) for t in cac_cu]
    if khoa_ten_xa(ten) in khoa:
        raise LoiKho(f"Xã {ten} không thể là xã cũ của chính nó.",
                     "Ghi sau --sap-nhap-tu tên các xã cũ, khác tên xã mới.")
    if len(set(khoa)) != len(khoa):
        raise LoiKho("Một xã cũ được ghi hai lần sau --sap-nhap-tu.", "Mỗi xã cũ ghi một lần.")
    ngay = doc_ngay(args.tu_ngay) if args.tu_ngay else NGAY_BO_CAP_HUYEN
    xa = kho.tim_xa(ten)
    if xa is not None and (xa.co_tien_than or not cac_cu):
        raise LoiKho(f"Kho đã có xã {xa.ten}{_sap_xep(kho, xa)}.",
                     "Xem các xã bằng «drafter xa list»; chọn xã đó bằng --xa ở mỗi lệnh.")
    cac_xa_cu = []
    for t in cac_cu:
        cu = kho.tim_xa(t)
        if cu is not None:
            da_hop = kho.xa_sau_sap_nhap(cu.id)
            if da_hop is not None:
                raise LoiKho(f"Xã {cu.ten} đã hợp vào xã {da_hop.ten}.",
                             "Kiểm tra lại tên các xã cũ («drafter xa list»).")
        else:
            ho_so = ho_so_xa_moi(t, args.tinh)
            ho_so["noi_nhan"] = []  # xã cũ không còn gửi báo cáo: không cần nơi nhận
            cu = kho.luu_xa(Xa(id=0, ten=t, **ho_so))
            print(f"Đã thêm xã cũ {t} (chưa có báo cáo; nhập bằng «drafter --xa \"{t}\" import "
                  "TỆP.json»).")
        cac_xa_cu.append(cu)
    if xa is None:
        tinh = args.tinh or next(iter({c.tinh for c in cac_xa_cu if c.tinh}), "")
        xa = kho.luu_xa(Xa(id=0, ten=ten, mac_dinh=args.mac_dinh, **ho_so_xa_moi(ten, tinh)))
    elif args.mac_dinh:
        xa.mac_dinh = True
        kho.luu_xa(xa)
    if not cac_xa_cu:
        print(f"Đã thêm xã {ten}.")
        return 0
    kho.dat_sap_nhap(xa.id, [c.id for c in cac_xa_cu], ngay, args.nghi_quyet.strip())
    xa = kho.xa_theo_id(xa.id)
    print(f"Đã thêm xã {xa.ten}{_sap_xep(kho, xa)}.")
    print(f"  Số cùng kỳ, kỳ trước của các kỳ trước ngày {ngay:%d/%m/%Y} sẽ là tổng số liệu của "
          f"{ten_cac_xa(xa.xa_tien_than)}; phần đầu không còn dòng cấp huyện, Nơi nhận cấp tỉnh.")
    kq = cong_ke_hoach_xa_cu(kho, xa, ngay.year, doc_bieu_mau(BIEU_MAU_MAC_DINH))
    _in_ke_hoach(kq, xa.ten, ngay.year)
    if not args.mac_dinh and not xa.mac_dinh:
        print(f"  Làm báo cáo cho xã này: «drafter --xa \"{xa.ten}\" new --period KỲ» (hoặc "
              "thêm --mac-dinh để đặt làm xã của bạn).")
    return 0


def _in_ke_hoach(kq, ten_xa: str, nam: int) -> None:
    if kq.da_dat:
        print(f"  Kế hoạch năm {nam}: {len(kq.da_dat)} chỉ tiêu bắt đầu bằng tổng kế hoạch các xã "
              "cũ, chờ xem lại ở Thiết lập (F10)"
              + (f"; {len(kq.da_co)} chỉ tiêu đã có kế hoạch riêng, giữ nguyên" if kq.da_co
                 else "") + ".")
    elif not kq.thieu:
        print(f"  Chưa có kế hoạch năm {nam} nào của các xã cũ để cộng (khi có: «drafter --xa "
              f"\"{ten_xa}\" xa cong-ke-hoach {nam}»).")
    for ma, ly_do in kq.thieu.items():
        print(f"  Không cộng kế hoạch «{ma}»: {ly_do}.")


def _cong_ke_hoach(kho: Kho, xa: Xa, args: argparse.Namespace) -> int:
    from drafter.bieu_mau.dinh_nghia import doc_bieu_mau
    from drafter.chuyen_ky import BIEU_MAU_MAC_DINH
    from drafter.sap_nhap import cong_ke_hoach_xa_cu

    if not xa.co_tien_than:
        raise LoiKho(f"Xã {xa.ten} không hình thành từ các xã cũ nên không có kế hoạch để cộng.",
                     "Chọn xã mới bằng --xa TÊN, hoặc ghi các xã cũ bằng «drafter xa them».")
    kq = cong_ke_hoach_xa_cu(kho, xa, args.nam, doc_bieu_mau(BIEU_MAU_MAC_DINH))
    print(f"Xã {xa.ten}, kế hoạch năm {args.nam}: "
          + "; ".join(f"xã {t}: {n}" for t, n in kq.nguon.items()))
    _in_ke_hoach(kq, xa.ten, args.nam)
    return 0


def _chu_thich_xa_cu(kho: Kho, xa: Xa, args: argparse.Namespace) -> int:
    from drafter.chuyen_ky import mo_kem_so_sanh

    ky = doc_ky(args.ky)
    bao_cao = mo_kem_so_sanh(kho, xa.id, ky)
    if bao_cao.cung_ky_xa_cu is None:
        raise LoiKho(f"Báo cáo {ky.ten_gon} không có số cùng kỳ nào là tổng số liệu các xã cũ, "
                     "nên không có chú thích này.",
                     "Chú thích chỉ có ở báo cáo của xã hình thành sau sắp xếp, cho các kỳ mà "
                     "cùng kỳ năm trước là của các xã cũ.")
    bat = args.bat_tat == "bat"
    bao_cao.cung_ky_xa_cu = bao_cao.cung_ky_xa_cu.model_copy(update={"chu_thich": bat})
    so = kho.luu(xa.id, bao_cao, "bật chú thích số cùng kỳ của các xã cũ" if bat
                 else "tắt chú thích số cùng kỳ của các xã cũ")
    print(f"Báo cáo {ky.ten_gon} của xã {xa.ten}: chú thích «số liệu cùng kỳ là tổng số liệu các "
          f"xã cũ» {'được in' if bat else 'không in'} (phiên bản {so}).")
    return 0


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
