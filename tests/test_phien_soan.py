"""Phiên soạn báo cáo (không giao diện): đọc không đổi báo cáo, sửa thì đổi."""

from __future__ import annotations

from drafter.kho import Kho
from drafter.ky_bao_cao import Ky
from drafter.phien_soan import PhienSoan


def test_doc_so_lieu_khong_them_gi_vao_bao_cao(tmp_path):
    with Kho.mo(tmp_path) as kho:
        phien = PhienSoan.mo(kho, kho.xa_mac_dinh().id, Ky.doc("2023-Q2"))
        chua_nhap = [c.ma for c in phien.bieu_mau.chi_tieu
                     if c.ma not in phien.bao_cao.so_lieu and c.phan_con]
        ma, ma_phan = chua_nhap[0], chua_nhap[1]
        truoc = phien.bao_cao.model_dump_json()
        s = phien.so_lieu(ma)
        assert s.trong() and s.gia_tri is None
        assert ma not in phien.bao_cao.so_lieu
        assert phien.bao_cao.model_dump_json() == truoc and not phien.da_thay_doi
        phien.dat_so(ma, "gia_tri", "12")
        assert phien.bao_cao.so_lieu[ma].gia_tri == "12" and phien.so_lieu(ma).gia_tri == "12"
        phien.dat_phan_con(ma_phan, [("Thôn Na", "3")])
        assert [p.ten for p in phien.so_lieu(ma_phan).phan_con] == ["Thôn Na"]
        assert phien.da_thay_doi
