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
    "CULTURE_DAY_SWAP_2026_PROPOSAL",
    "CULTURE_DAY_WEEKEND_RULE",
    "CV_245_VPCP_KGVX_2022",
    "CV_2450_VPCP_KGVX_2024",
    "CV_3383_BNV_CVL_2026",
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
    "NQ_28_2026_QH16",
    "NQ_30_NQ_CP_2026",
    "NQ_80_NQ_TW_2026",
    "QD_09_2025_QD_TTG",
    "QD_19_2025_QD_TTG",
    "QD_20_2020_QD_TTG",
    "QD_124_2004_QD_TTG",
    "QD_188_1999_QD_TTG",
    "QD_766_2022_QD_TTG",
    "SCHEDULE_QK_2022",
    "SCHEDULE_QK_2025",
    "SCHEDULE_TET_2020",
    "TB_4875_TB_LDTBXH_2020",
    "TB_5015_TB_LDTBXH_2023",
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
    "công chức, viên chức (ngày ký được công bố hai cách: 28/11/2024 và 03/12/2024)",
    # Public copies give the date two ways; until the original is read, no issue date is
    # recorded rather than a guessed one.
    url="https://web.archive.org/web/20250812111011/https://thuvienphapluat.vn/van-ban/EN/Lao-dong-Tien-luong/Announcement-6150-TB-BLDTBXH-2024-Lunar-New-Year-in-2025-of-officials-public-employees/634997/tieng-anh.aspx",
    confidence=Confidence.SECONDARY,
)
SCHEDULE_TET_2020 = LegalSource(
    "Lịch nghỉ Tết Canh Tý 2020",
    "Nghỉ Tết Âm lịch từ thứ Năm 23/01/2020 đến hết thứ Tư 29/01/2020 (Bộ luật Lao động 2012 "
    "Điều 115); số hiệu thông báo của Bộ Lao động - Thương binh và Xã hội chưa tìm thấy",
    url="https://socongthuong.daklak.gov.vn/vi/news/tag/thứ-tư/page-2",
    confidence=Confidence.SECONDARY,  # the dates as republished by a provincial department
)
TB_4875_TB_LDTBXH_2020 = LegalSource(
    "4875/TB-LĐTBXH",
    "Thông báo của Bộ Lao động - Thương binh và Xã hội về việc nghỉ Tết Âm lịch và Quốc khánh "
    "năm 2021 đối với cán bộ, công chức, viên chức và người lao động",
    url="https://amp.cand.com.vn/Xa-hoi/Chinh-thuc-cong-bo-lich-nghi-Tet-am-lich-2021-cua-cong-chuc-lao-dong-i590977",
    # Number and content reported by cand.com.vn (11/12/2020) and khoahocdoisong.vn; the
    # notice itself and its date were not read.
    confidence=Confidence.SECONDARY,
)
SCHEDULE_QK_2022 = LegalSource(
    "Lịch nghỉ Quốc khánh 2022",
    "Nghỉ thứ Năm 01/9 và thứ Sáu 02/9/2022 (Bộ luật Lao động 2019 Điều 112 khoản 1); báo chí "
    "dẫn Công văn 245/VPCP-KGVX, chưa đối chiếu",
    url="https://vietnambiz.vn/nguoi-lao-dong-duoc-nghi-4-ngay-dip-quoc-khanh-29-2022724142434732.htm",
    confidence=Confidence.SECONDARY,
)
TB_5015_TB_LDTBXH_2023 = LegalSource(
    "5015/TB-LĐTBXH",
    "Thông báo của Bộ Lao động - Thương binh và Xã hội về việc nghỉ Tết Âm lịch và nghỉ lễ "
    "Quốc khánh năm 2024 đối với cán bộ, công chức, viên chức và người lao động",
    issued=date(2023, 11, 22),
    # The text is republished by the Đăk Hà district portal (Kon Tum), with the document;
    # it follows Công văn 8662/VPCP-KGVX (03/11/2023) of the Government Office.
    url="http://huyendakha.kontum.gov.vn/tin-tuc/thong-bao-ve-viec-nghi-tet-am-lich-va-nghi-le-quoc-khanh-nam-2024-doi-voi-can-bo-cong-chuc-vien-chuc-va-nguoi-lao-dong.html",
)
SCHEDULE_QK_2025 = LegalSource(
    "Lịch nghỉ Quốc khánh 2025",
    "Nghỉ thứ Hai 01/9 và thứ Ba 02/9/2025 (Bộ luật Lao động 2019 Điều 112 khoản 1); số hiệu "
    "văn bản chưa tìm thấy",
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
    "Thông báo của Bộ Nội vụ về việc nghỉ Tết Âm lịch và nghỉ lễ Quốc khánh năm 2026 đối với "
    "cán bộ, công chức, viên chức (Tết: 14-22/02/2026; Quốc khánh: 29/8-02/9/2026, hoán đổi "
    "thứ Hai 31/8 với thứ Bảy 22/8)",
    issued=date(2025, 10, 16),
    url="https://vietbao.vn/bo-noi-vu-thong-bao-lich-nghi-tet-nguyen-dan-va-quoc-khanh-nam-2026-568329.html",
    # The number and date are as reported by the press and the 2026 schedules; the text of
    # the notice itself was not read.
    confidence=Confidence.SECONDARY,
)
NQ_28_2026_QH16 = LegalSource(
    "28/2026/QH16",
    "Nghị quyết của Quốc hội về phát triển văn hóa Việt Nam (Điều 2: ngày 24 tháng 11 hằng năm "
    "là Ngày Văn hóa Việt Nam, người lao động được nghỉ làm việc và hưởng nguyên lương)",
    in_force=date(2026, 7, 1),
    url="https://xaydungchinhsach.chinhphu.vn/toan-van-nghi-quyet-so-28-2026-qh16-ve-phat-trien-van-hoa-viet-nam-119260508142130402.htm",
    # Number, article and in-force date as published by xaydungchinhsach.chinhphu.vn (full
    # text, 08/05/2026) and baochinhphu.vn (24/04/2026), and cited the same way by several
    # independent calendars; tthc's research could not open the text itself (checked
    # 2026-12-04), so the wording is secondary.
    confidence=Confidence.SECONDARY,
)
CULTURE_DAY_WEEKEND_RULE = LegalSource(
    "Nghỉ bù Ngày Văn hóa Việt Nam",
    "Nghỉ bù khi ngày 24/11 trùng ngày nghỉ hằng tuần: chưa có quy định (ngày 24/11 không có "
    "trong khoản 1 Điều 112 Bộ luật Lao động 2019, nên khoản 3 Điều 111 có áp dụng hay không "
    "chưa rõ)",
    confidence=Confidence.UNCONFIRMED,
)
CULTURE_DAY_SWAP_2026_PROPOSAL = LegalSource(
    "Đề xuất hoán đổi dịp 24/11/2026",
    "Phương án được đưa ra tháng 09/2026: nghỉ thứ Hai 23/11/2026, làm bù thứ Bảy 28/11/2026; "
    "không tìm thấy quyết định chính thức",
    confidence=Confidence.UNCONFIRMED,
)
CV_3383_BNV_CVL_2026 = LegalSource(
    "3383/BNV-CVL",
    "Công văn của Bộ Nội vụ về việc nghỉ lễ Ngày Chiến thắng 30/4 và Ngày Quốc tế Lao động 1/5 "
    "năm 2026 (không hoán đổi ngày làm việc)",
    issued=date(2026, 4, 10),
    # Number and date as given in the project's issue 12; tthc's search of the press
    # (2026-12-04) did not find the dispatch itself. It changes no day: 30/4 and 1/5/2026 are
    # Thursday and Friday, and no swap was made.
    confidence=Confidence.UNCONFIRMED,
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
    in_force=date(2020, 5, 22),  # its final article, as republished (checked 2026-12-04)
    url="https://hethongphapluat.com/nghi-dinh-45-2020-nd-cp-ve-thuc-hien-thu-tuc-hanh-chinh-tren-moi-truong-dien-tu/chuong-5",
    confidence=Confidence.RECALLED,  # the articles tthc cites were not re-read
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
