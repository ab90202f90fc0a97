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
    from drafter.bieu_mau.du_lieu import BaoCaoDuLieu
    from drafter.chuyen_ky import tao_bao_cao

    ky = doc_ky(args.ky)
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
    tu_do = not hasattr(bao_cao, "so_lieu")  # chép từ văn bản tự do kỳ trước
    ghi_chu = ("tạo lại, thay bản trước" if da_co else
               "chép từ văn bản kỳ trước" if tu_do else
               "tạo từ kế hoạch năm trước" if ky.la_ke_hoach else
               f"gộp từ các quý của {ky.ten}" if ky.loai != "quy" and tu is None
               else "tạo từ báo cáo kỳ trước")
    so = kho.luu(xa.id, bao_cao, ghi_chu)
    print(f"Đã tạo {'' if ky.la_ke_hoach else 'báo cáo '}{ky.ten_gon} của xã {xa.ten} (phiên "
          f"bản {so}).")
    if ky.la_ke_hoach and isinstance(bao_cao, BaoCaoDuLieu) and bao_cao.chi_tieu_ke_hoach:
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
            so_chi_tieu = sum(1 for s in bao_cao.so_lieu.values() if s.gia_tri not in (None, ""))
            print(f"  Trạng thái: {trang_thai}; {so_chi_tieu} chỉ tiêu có số liệu; "
                  f"{len(kq.loi)} lỗi, {len(kq.canh_bao)} cảnh báo")
            if bao_cao.cung_ky_xa_cu is not None:
                from drafter.so_lieu_ky import ten_cac_xa

                bat = bao_cao.cung_ky_xa_cu.chu_thich
                cac_xa = ten_cac_xa(bao_cao.cung_ky_xa_cu.cac_xa)
                print(f"  Số cùng kỳ: tổng của {cac_xa} trước sắp xếp; chú thích trong văn bản: "
                      f"{'có' if bat else 'không'} (đổi: «drafter chu-thich-xa-cu {ky.ma} "
                      f"{'tat' if bat else 'bat'}»)")
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
    if args.tep.suffix.lower() == ".docx":
        return _import_docx(kho, args)  # xã đọc từ văn bản (hay --xa)
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
        print(f"  Làm báo cáo cho xã này: «drafter --xa \"{xa.ten}\" new --ky KỲ» (hoặc "
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
    ky: Ky | None
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
