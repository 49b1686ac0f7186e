"""Every document tthc cites, defined once.

Titles are the documents' subjects as published (trích yếu) or, where the research could not
read the text, a plain description marked by ``confidence``. Dates are those printed on the
documents. URLs point to an archived copy where the ``holidays`` package or the project's
research recorded one. Research notes: ``shared/reference/legal-rules.md`` §1, §2, §7.
"""

from __future__ import annotations

from datetime import date

from tthc.legal import Confidence, LegalSource

__all__ = [
    "BLDS_2015",
    "BLLD_1994",
    "BLLD_2012",
    "BLLD_2019",
    "CV_245_VPCP_KGVX_2022",
    "CV_2450_VPCP_KGVX_2024",
    "CV_6519_VPCP_KGVX_2018",
    "CV_8056_VPCP_KGVX_2022",
    "CV_8726_VPCP_KGVX_2024",
    "CV_12729_VPCP_KGVX_2025",
    "LAW_84_2007_QH11",
    "LUAT_CAN_CUOC_2023",
    "LUAT_QLT_38_2019",
    "ND_23_2015_ND_CP",
    "ND_42_2022_ND_CP",
    "ND_43_2011_ND_CP",
    "ND_45_2020_ND_CP",
    "ND_61_2018_ND_CP",
    "ND_63_2010_ND_CP",
    "ND_101_2024_ND_CP",
    "ND_107_2021_ND_CP",
    "ND_118_2025_ND_CP",
    "NQ_30_NQ_CP_2026",
    "NQ_80_NQ_TW_2026",
    "QD_09_2025_QD_TTG",
    "QD_19_2025_QD_TTG",
    "QD_20_2020_QD_TTG",
    "QD_124_2004_QD_TTG",
    "QD_188_1999_QD_TTG",
    "QD_766_2022_QD_TTG",
    "QK_2026_PLAN",
    "TB_6150_TB_LDTBXH_2024",
    "TB_9441_TB_BNV_2025",
    "TTR_89_TTR_LDTBXH_2014",
    "TT_01_2018_TT_VPCP",
    "TT_01_2020_TT_VPCP",
    "TT_01_2023_TT_VPCP",
    "TT_03_2025_TT_VPCP",
    "TT_04_2025_TT_VPCP",
    "TT_105_2020_TT_BTC",
]

BLDS_2015 = LegalSource(
    "91/2015/QH13",
    "Bộ luật Dân sự",
    issued=date(2015, 11, 24),
    in_force=date(2017, 1, 1),
    url="https://thuvienphapluat.vn/hoi-dap-phap-luat/3896F-hd-thoi-diem-bat-dau-va-ket-thuc-thoi-han-duoc-xac-dinh-nhu-the-nao.html",
)
QD_188_1999_QD_TTG = LegalSource(
    "188/1999/QĐ-TTg",
    "Quyết định về chế độ tuần làm việc 40 giờ",
    issued=date(1999, 9, 17),
    in_force=date(1999, 10, 2),  # recalled, not re-read
    confidence=Confidence.RECALLED,
    url="https://hethongphapluat.com/quyet-dinh-188-1999-qd-ttg-ve-che-do-tuan-lam-viec-40-gio-do-thu-tuong-chinh-phu-ban-hanh.html",
)
BLLD_1994 = LegalSource(
    "BLLĐ 1994",
    "Bộ luật Lao động (thông qua ngày 23/06/1994)",
    issued=date(1994, 6, 23),
    in_force=date(1995, 1, 1),
    url="https://web.archive.org/web/20160630110506/http://vbpl.vn/TW/Pages/vbpqen-toanvan.aspx?ItemID=2835",
    confidence=Confidence.SECONDARY,
)
LAW_84_2007_QH11 = LegalSource(
    "84/2007/QH11",
    "Luật sửa đổi, bổ sung Điều 73 của Bộ luật Lao động (thêm ngày Giỗ Tổ Hùng Vương)",
    issued=date(2007, 4, 2),
    confidence=Confidence.RECALLED,
)
BLLD_2012 = LegalSource(
    "10/2012/QH13",
    "Bộ luật Lao động",
    issued=date(2012, 6, 18),
    in_force=date(2013, 5, 1),
    url="https://web.archive.org/web/20240917113133/https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=27615",
)
BLLD_2019 = LegalSource(
    "45/2019/QH14",
    "Bộ luật Lao động",
    issued=date(2019, 11, 20),
    in_force=date(2021, 1, 1),
    url="https://web.archive.org/web/20250221171552/https://vbpl.vn/TW/Pages/vbpq-van-ban-goc.aspx?ItemID=139264",
)
TTR_89_TTR_LDTBXH_2014 = LegalSource(
    "89/TTr-LĐTBXH",
    "Tờ trình về việc hoán đổi ngày làm việc (áp dụng cho cán bộ, công chức, viên chức)",
    issued=date(2014, 11, 20),
    url="https://vbpl.freshdesk.com/support/solutions/articles/16000020548",
)
CV_6519_VPCP_KGVX_2018 = LegalSource(
    "6519/VPCP-KGVX",
    "Công văn của Văn phòng Chính phủ về lịch nghỉ Tết Dương lịch, Tết Nguyên đán và "
    "dịp 30/4-1/5 năm 2019 của cán bộ, công chức, viên chức",
    url="https://web.archive.org/web/20250427182343/https://thuvienphapluat.vn/cong-van/EN/Lao-dong-Tien-luong/Official-Dispatch-6519-VPCP-KGVX-2018-national-holidays-for-public-sector-employees/387625/tieng-anh.aspx",
    confidence=Confidence.SECONDARY,
)
CV_245_VPCP_KGVX_2022 = LegalSource(
    "245/VPCP-KGVX",
    "Công văn của Văn phòng Chính phủ về lịch nghỉ Tết Nguyên đán Nhâm Dần 2022",
    issued=date(2022, 1, 11),
)
CV_8056_VPCP_KGVX_2022 = LegalSource(
    "8056/VPCP-KGVX",
    "Công văn của Văn phòng Chính phủ về lịch nghỉ Tết Nguyên đán Quý Mão và Quốc khánh năm 2023",
    issued=date(2022, 12, 1),
)
CV_2450_VPCP_KGVX_2024 = LegalSource(
    "2450/VPCP-KGVX",
    "Công văn của Văn phòng Chính phủ về hoán đổi ngày làm việc dịp ngày Chiến thắng 30/4 "
    "và ngày Quốc tế Lao động 1/5 năm 2024",
    issued=date(2024, 4, 12),
    url="https://web.archive.org/web/20241002165957/https://thuvienphapluat.vn/cong-van/EN/Lao-dong-Tien-luong/Official-Dispatch-2450-VPCP-KGVX-2024-swap-of-working-days-during-the-Reunification-Day/606458/tieng-anh.aspx",
)
CV_8726_VPCP_KGVX_2024 = LegalSource(
    "8726/VPCP-KGVX",
    "Công văn của Văn phòng Chính phủ về nghỉ Tết Âm lịch và một số dịp nghỉ lễ trong năm 2025",
    issued=date(2024, 11, 26),
)
TB_6150_TB_LDTBXH_2024 = LegalSource(
    "6150/TB-LĐTBXH",
    "Thông báo của Bộ Lao động - Thương binh và Xã hội về nghỉ Tết Âm lịch 2025 của cán bộ, "
    "công chức, viên chức",
    issued=date(2024, 11, 28),
    url="https://web.archive.org/web/20250812111011/https://thuvienphapluat.vn/van-ban/EN/Lao-dong-Tien-luong/Announcement-6150-TB-BLDTBXH-2024-Lunar-New-Year-in-2025-of-officials-public-employees/634997/tieng-anh.aspx",
    confidence=Confidence.SECONDARY,
)
CV_12729_VPCP_KGVX_2025 = LegalSource(
    "12729/VPCP-KGVX",
    "Công văn của Văn phòng Chính phủ về hoán đổi ngày làm việc dịp Tết Dương lịch 2026",
    issued=date(2025, 12, 25),
    url="https://tracuuquyhoach.com/tin-tuc/tin-vui-cho-nguoi-lao-dong-chinh-phu-dong-y-nghi-tet-duong-lich-4-ngay-54100289",
)
TB_9441_TB_BNV_2025 = LegalSource(
    "9441/TB-BNV",
    "Thông báo của Bộ Nội vụ về nghỉ Tết Âm lịch Bính Ngọ 2026 (số hiệu chưa được xác minh)",
    confidence=Confidence.SECONDARY,
)
QK_2026_PLAN = LegalSource(
    "Lịch nghỉ Quốc khánh 2026",
    "Phương án nghỉ 5 ngày dịp Quốc khánh 2026 (29/8-2/9), hoán đổi thứ Hai 31/8 với thứ Bảy "
    "22/8; số hiệu văn bản chưa tìm thấy",
    url="https://web.archive.org/web/20260812072838/https://thuvienphapluat.vn/hoi-dap-phap-luat/lich-nghi-le-quoc-khanh-29-hai-quan-nam-2026-nhu-the-nao-138100727.html",
    confidence=Confidence.SECONDARY,
)
NQ_80_NQ_TW_2026 = LegalSource(
    "80-NQ/TW",
    "Nghị quyết của Bộ Chính trị về phát triển văn hóa Việt Nam (chọn 24/11 là Ngày Văn hóa "
    "Việt Nam, nghỉ hưởng nguyên lương)",
    issued=date(2026, 1, 7),
    url="https://web.archive.org/web/20261004022807/https://news.laodong.vn/thoi-su/thong-nhat-chon-ngay-2411-la-ngay-van-hoa-viet-nam-nghi-huong-luong-1639996.ldo",
    confidence=Confidence.SECONDARY,
)
NQ_30_NQ_CP_2026 = LegalSource(
    "30/NQ-CP",
    "Nghị quyết của Chính phủ giao sửa Điều 112 Bộ luật Lao động để bổ sung ngày 24/11",
    url="https://vneconomy.vn/bo-sung-ngay-van-hoa-viet-nam-2411-vao-danh-muc-ngay-nghi-huong-nguyen-luong.htm",
    confidence=Confidence.SECONDARY,
)
ND_23_2015_ND_CP = LegalSource(
    "23/2015/NĐ-CP",
    "Nghị định về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký và "
    "chứng thực hợp đồng, giao dịch (Điều 7: thời hạn chứng thực, quy tắc 15 giờ)",
    confidence=Confidence.RECALLED,  # wording [S] from published TTHC records; article [M]
)
ND_61_2018_ND_CP = LegalSource(
    "61/2018/NĐ-CP",
    "Nghị định về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành "
    "chính",
    issued=date(2018, 4, 23),
    in_force=date(2018, 6, 21),
)
ND_118_2025_ND_CP = LegalSource(
    "118/2025/NĐ-CP",
    "Nghị định về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông "
    "(thay thế Nghị định 61/2018/NĐ-CP)",
    issued=date(2025, 6, 9),
    in_force=date(2025, 7, 1),
)
ND_101_2024_ND_CP = LegalSource(
    "101/2024/NĐ-CP",
    "Nghị định về đăng ký, cấp Giấy chứng nhận quyền sử dụng đất (thời gian không tính vào "
    "thời hạn giải quyết, kế thừa Điều 61 Nghị định 43/2014/NĐ-CP)",
    confidence=Confidence.RECALLED,
)

ND_63_2010_ND_CP = LegalSource(
    "63/2010/NĐ-CP",
    "Nghị định về kiểm soát thủ tục hành chính (Điều 8: bộ phận tạo thành của thủ tục hành "
    "chính, trong đó có thời hạn giải quyết)",
    issued=date(2010, 6, 8),
)
TT_01_2018_TT_VPCP = LegalSource(
    "01/2018/TT-VPCP",
    "Thông tư hướng dẫn thi hành một số quy định của Nghị định 61/2018/NĐ-CP (biểu mẫu Mẫu "
    "01-06; đánh giá việc giải quyết từng hồ sơ)",
    issued=date(2018, 11, 23),
    in_force=date(2019, 1, 6),
)
ND_107_2021_ND_CP = LegalSource(
    "107/2021/NĐ-CP",
    "Nghị định sửa đổi, bổ sung một số điều của Nghị định 61/2018/NĐ-CP",
    issued=date(2021, 12, 6),
    in_force=date(2022, 1, 20),  # in-force date recalled [M]
    confidence=Confidence.RECALLED,
)
ND_45_2020_ND_CP = LegalSource(
    "45/2020/NĐ-CP",
    "Nghị định về thực hiện thủ tục hành chính trên môi trường điện tử",
    issued=date(2020, 4, 8),
    confidence=Confidence.RECALLED,
)
TT_01_2020_TT_VPCP = LegalSource(
    "01/2020/TT-VPCP",
    "Thông tư quy định chế độ báo cáo định kỳ và quản lý, sử dụng, khai thác Hệ thống thông "
    "tin báo cáo của Văn phòng Chính phủ (Biểu số 06: kết quả giải quyết thủ tục hành chính)",
    issued=date(2020, 10, 21),
)
QD_766_2022_QD_TTG = LegalSource(
    "766/QĐ-TTg",
    "Quyết định phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người "
    "dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực "
    "trên môi trường điện tử",
    issued=date(2022, 6, 23),
    in_force=date(2022, 6, 23),
    confidence=Confidence.SECONDARY,  # existence verified; formulas from the portal's sheet [S]
    url="https://thuviennhadat.vn/vbpl/quyet-dinh-766-qd-ttg-2022-bo-chi-so-danh-gia-chat-luong-phuc-vu-thu-tuc-hanh-chinh-dien-tu-518821.html",
)
TT_03_2025_TT_VPCP = LegalSource(
    "03/2025/TT-VPCP",
    "Thông tư hướng dẫn thi hành Nghị định 118/2025/NĐ-CP (Phụ lục I: biểu mẫu Mẫu 01-07)",
    issued=date(2025, 9, 15),
    confidence=Confidence.SECONDARY,  # date verified; the list of forms is secondary [S]
)
TT_04_2025_TT_VPCP = LegalSource(
    "04/2025/TT-VPCP",
    "Thông tư về dữ liệu kết nối với Cổng Dịch vụ công quốc gia (bổ sung khoản 3 Điều 13 "
    "Thông tư 03/2025/TT-VPCP; định dạng mã hồ sơ)",
    issued=date(2025, 12, 8),
    in_force=date(2026, 1, 25),
    confidence=Confidence.SECONDARY,
)
TT_01_2023_TT_VPCP = LegalSource(
    "01/2023/TT-VPCP",
    "Thông tư quy định một số nội dung và biện pháp thi hành trong số hóa hồ sơ, kết quả giải "
    "quyết thủ tục hành chính",
    issued=date(2023, 4, 5),
    confidence=Confidence.SECONDARY,
)
ND_42_2022_ND_CP = LegalSource(
    "42/2022/NĐ-CP",
    "Nghị định quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà "
    "nước trên môi trường mạng (Điều 11: dịch vụ công trực tuyến toàn trình, một phần)",
    issued=date(2022, 6, 24),
)
ND_43_2011_ND_CP = LegalSource(
    "43/2011/NĐ-CP",
    "Nghị định quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông "
    "tin điện tử hoặc cổng thông tin điện tử của cơ quan nhà nước (mức độ 1-4)",
    issued=date(2011, 6, 13),
    confidence=Confidence.RECALLED,  # article numbering unverified [M]
)
QD_20_2020_QD_TTG = LegalSource(
    "20/2020/QĐ-TTg",
    "Quyết định về mã định danh điện tử của các cơ quan, tổ chức phục vụ kết nối, chia sẻ dữ "
    "liệu với các bộ, ngành, địa phương",
    issued=date(2020, 7, 22),
)
QD_09_2025_QD_TTG = LegalSource(
    "09/2025/QĐ-TTg",
    "Quyết định sửa đổi, bổ sung Quyết định 20/2020/QĐ-TTg về mã định danh điện tử của các cơ "
    "quan, tổ chức",
    issued=date(2025, 4, 14),
    in_force=date(2025, 4, 14),
    confidence=Confidence.SECONDARY,  # reported by baodautu.vn and vneconomy.vn [C]
)
QD_19_2025_QD_TTG = LegalSource(
    "19/2025/QĐ-TTg",
    "Quyết định ban hành Bảng danh mục và mã số các đơn vị hành chính Việt Nam (a different "
    "code system from agency identifiers)",
    confidence=Confidence.SECONDARY,
)
LUAT_CAN_CUOC_2023 = LegalSource(
    "26/2023/QH15",
    "Luật Căn cước (số định danh cá nhân 12 chữ số)",
    issued=date(2023, 11, 27),
    in_force=date(2024, 7, 1),
    confidence=Confidence.UNCONFIRMED,  # article numbers not checked [U]
)
TT_105_2020_TT_BTC = LegalSource(
    "105/2020/TT-BTC",
    "Thông tư hướng dẫn về đăng ký thuế (cấu trúc mã số thuế, chữ số kiểm tra)",
    issued=date(2020, 12, 3),
    confidence=Confidence.SECONDARY,  # as cited by vn-ident
)
LUAT_QLT_38_2019 = LegalSource(
    "38/2019/QH14",
    "Luật Quản lý thuế (mã số thuế 10 hoặc 13 chữ số)",
    issued=date(2019, 6, 13),
    in_force=date(2020, 7, 1),
    confidence=Confidence.RECALLED,
)
QD_124_2004_QD_TTG = LegalSource(
    "124/2004/QĐ-TTg",
    "Quyết định ban hành Bảng danh mục và mã số các đơn vị hành chính Việt Nam (the 63 "
    "province codes that open a 12-digit personal identification number)",
    issued=date(2004, 7, 8),
    confidence=Confidence.RECALLED,  # codes as listed by vn-ident; the date is recalled
)

# -- appended for versioned deadline rules (issue 12) --------------------------------------------
ND_367_2025_ND_CP = LegalSource(
    "367/2025/NĐ-CP",
    "Nghị định sửa đổi, bổ sung một số nội dung của Nghị định 118/2025/NĐ-CP (ngày ban hành, "
    "ngày có hiệu lực và các điều được sửa đổi chưa xác minh)",
    confidence=Confidence.UNCONFIRMED,  # named as amending 118 by one secondary source only
)
__all__ += ["ND_367_2025_ND_CP"]
