"""Agency identifiers that the research confirmed, and the province prefixes of personal IDs.

``AGENCIES`` rows: :class:`AgencyRow` ``(code, name, valid_from, valid_to, status, successor,
confidence, source, note)``. ``valid_from`` is the first day the entry is in force (``None``:
since before the registry's records), ``valid_to`` the last day (``None``: still in force).
``status`` is ``"active"``, ``"closed"`` (the code stops; ``successor`` is the code that took
its agency over, when confirmed) or ``"renamed"`` (the code continues with a new entry from
the next day). ``confidence`` is the row's own: ``secondary`` for what real systems and the
press confirm, ``unconfirmed`` where part of the row is inferred, said in ``note``.
:class:`tthc.codes.AgencyRegistry` turns the rows into entries at import time.

Only entries data-formats.md §2 marks as confirmed are shipped. The rest of the H/K table
(an alphabetical-order hypothesis) is not: load the official appendix of Quyết định
20/2020/QĐ-TTg as amended by Quyết định 09/2025/QĐ-TTg with
:meth:`tthc.codes.AgencyRegistry.load`. The ministries' table changed on 14/4/2025, the day
09/2025/QĐ-TTg took effect; codes of provinces merged in 2025 close on 30/6/2025, the day
before the merged provinces' authorities began work on 1/7/2025 [I].

``PERSONAL_ID_PROVINCES`` rows: :class:`ProvinceRow` ``(code, name, source)``, the 63
three-digit province codes (Quyết định 124/2004/QĐ-TTg) that open a 12-digit personal
identification number; the 2025 merger renumbered no card, so old and new numbers are
checked against the same 63 codes (data-formats.md §5.1).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import attrs

from tthc._data.sources import QD_09_2025_QD_TTG, QD_20_2020_QD_TTG, QD_124_2004_QD_TTG
from tthc.legal import Confidence, LegalSource

__all__ = ["AGENCIES", "PERSONAL_ID_PROVINCES", "AgencyRow", "ProvinceRow"]


class AgencyRow(NamedTuple):
    """One version of one agency code, as the law (or the research) states it."""

    code: str
    name: str
    valid_from: date | None
    valid_to: date | None
    status: str
    successor: str | None
    confidence: Confidence
    source: LegalSource
    note: str


class ProvinceRow(NamedTuple):
    """One three-digit province code of the personal identification number."""

    code: str
    name: str
    source: LegalSource


_CONFIRMED = Confidence.SECONDARY
_INFERRED = Confidence.UNCONFIRMED
_LAST_OLD_TABLE = date(2025, 4, 13)
"""The last day of the ministries' table before 09/2025/QĐ-TTg (in force 14/4/2025)."""
_NEW_TABLE = date(2025, 4, 14)
_BEFORE_MERGER = date(2025, 6, 30)
"""The last day before the merged provinces' authorities began work (1/7/2025) [I]."""
_QD20 = QD_20_2020_QD_TTG
_QD09 = QD_09_2025_QD_TTG
_SEED = "[C2] Thanh Hóa seed (ApplicationDbSeeder.cs), edXML sample, press"
_STILL_09 = "[C] listed unchanged in the 09/2025 table"
_ONLY_09 = "[C] listed in the 09/2025 table (press); an earlier code was not confirmed"


def _ministry(code: str, name: str, note: str = _STILL_09) -> AgencyRow:
    return AgencyRow(
        f"000.00.00.{code}", name, None, None, "active", None, _CONFIRMED, _QD20, note
    )


def _closed_2025(code: str, name: str, successor: str, merged: str) -> AgencyRow:
    return AgencyRow(
        f"000.00.00.{code}",
        name,
        None,
        _LAST_OLD_TABLE,
        "closed",
        f"000.00.00.{successor}",
        _CONFIRMED,
        _QD09,
        f"[C] dropped from the 09/2025 table; merged into {merged}",
    )


def _new_2025(code: str, name: str, note: str = _ONLY_09) -> AgencyRow:
    return AgencyRow(
        f"000.00.00.{code}", name, _NEW_TABLE, None, "active", None, _CONFIRMED, _QD09, note
    )


AGENCIES: tuple[AgencyRow, ...] = (
    # Ministries, ministerial-level bodies and government agencies (G), data-formats.md §2.2.
    _ministry("G01", "Bộ Công an"),
    _ministry("G02", "Bộ Công Thương"),
    _ministry("G03", "Bộ Giáo dục và Đào tạo"),
    _closed_2025("G04", "Bộ Giao thông vận tải", "G17", "Bộ Xây dựng (G17)"),
    _closed_2025("G05", "Bộ Kế hoạch và Đầu tư", "G12", "Bộ Tài chính (G12)"),
    _ministry(
        "G06",
        "Bộ Khoa học và Công nghệ",
        "[C] kept by 09/2025; merged with Bộ Thông tin và Truyền thông (G14)",
    ),
    _closed_2025("G07", "Bộ Lao động - Thương binh và Xã hội", "G09", "Bộ Nội vụ (G09)"),
    _ministry("G08", "Bộ Ngoại giao"),
    _ministry(
        "G09",
        "Bộ Nội vụ",
        "[C] kept by 09/2025; merged with Bộ Lao động - Thương binh và Xã hội (G07)",
    ),
    AgencyRow(
        "000.00.00.G10",
        "Bộ Nông nghiệp và Phát triển nông thôn",
        None,
        _LAST_OLD_TABLE,
        "renamed",
        None,
        _CONFIRMED,
        _QD20,
        "[C2] the code continues for Bộ Nông nghiệp và Môi trường",
    ),
    _new_2025(
        "G10",
        "Bộ Nông nghiệp và Môi trường",
        "[C] 09/2025: Bộ Nông nghiệp và PTNT merged with Bộ Tài nguyên và Môi trường",
    ),
    _ministry("G11", "Bộ Quốc phòng"),
    _ministry(
        "G12",
        "Bộ Tài chính",
        "[C] kept by 09/2025, merged with Bộ Kế hoạch và Đầu tư (G05); [I] before 2025",
    ),
    AgencyRow(
        "000.00.00.G13",
        "Bộ Tài nguyên và Môi trường",
        None,
        _LAST_OLD_TABLE,
        "closed",
        "000.00.00.G10",
        _INFERRED,
        _QD09,
        "[C] G13 dropped from the 09/2025 table; [I] that G13 was this ministry (seed order)",
    ),
    _closed_2025(
        "G14",
        "Bộ Thông tin và Truyền thông",
        "G06",
        "Bộ Khoa học và Công nghệ (G06)",
    ),
    _ministry("G15", "Bộ Tư pháp"),
    _ministry("G16", "Bộ Văn hóa, Thể thao và Du lịch"),
    _ministry(
        "G17", "Bộ Xây dựng", "[C] kept by 09/2025; merged with Bộ Giao thông vận tải (G04)"
    ),
    _ministry("G18", "Bộ Y tế"),
    _ministry("G19", "Ngân hàng Nhà nước Việt Nam"),
    _ministry("G20", "Thanh tra Chính phủ"),
    AgencyRow(
        "000.00.00.G21",
        "Ủy ban Dân tộc",
        None,
        _LAST_OLD_TABLE,
        "renamed",
        None,
        _CONFIRMED,
        _QD20,
        "[C2] the code continues for Bộ Dân tộc và Tôn giáo",
    ),
    _new_2025("G21", "Bộ Dân tộc và Tôn giáo", "[C] 09/2025"),
    _ministry("G22", "Văn phòng Chính phủ"),
    _new_2025("G27", "Đài Tiếng nói Việt Nam"),
    _new_2025("G28", "Đài Truyền hình Việt Nam"),
    _new_2025("G30", "Thông tấn xã Việt Nam"),
    _new_2025("G31", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam"),
    _new_2025("G32", "Viện Hàn lâm Khoa học xã hội Việt Nam"),
    _new_2025("G35", "Ủy ban An toàn giao thông quốc gia"),
    _new_2025("G38", "Ủy ban sông Mê Công Việt Nam"),
    _new_2025("G39", "Hội đồng đánh giá trữ lượng khoáng sản quốc gia"),
    # Provincial People's Committees (H) and Councils (K), data-formats.md §2.3-§2.4.
    AgencyRow(
        "000.00.00.H14",
        "UBND tỉnh Cao Bằng",
        None,
        None,
        "active",
        None,
        _CONFIRMED,
        _QD20,
        "[C] edXML sample; not merged in 2025",
    ),
    AgencyRow(
        "000.00.00.H22",
        "UBND tỉnh Hà Giang",
        None,
        _BEFORE_MERGER,
        "closed",
        None,
        _CONFIRMED,
        _QD09,
        "[C] code (Hà Giang one-stop code); merged into Tuyên Quang, which keeps its own code "
        "(09/2025 rule); Tuyên Quang's code is not confirmed, so no successor is shipped; "
        "[I] closing day",
    ),
    AgencyRow(
        "000.00.00.H29",
        "UBND Thành phố Hồ Chí Minh",
        None,
        None,
        "active",
        None,
        _CONFIRMED,
        _QD20,
        "[C2] HCM portal and e-document statistics; kept after the 2025 merger",
    ),
    AgencyRow(
        "000.00.00.H30",
        "UBND tỉnh Hậu Giang",
        None,
        _BEFORE_MERGER,
        "closed",
        None,
        _INFERRED,
        _QD09,
        "[C] single source (Quảng Bình NGSP document), conflicting with the alphabetical "
        "order (Hòa Bình); merged into Cần Thơ, whose code is not confirmed; [I] closing day",
    ),
    AgencyRow(
        "000.00.00.H38",
        "UBND tỉnh Lào Cai",
        None,
        None,
        "active",
        None,
        _CONFIRMED,
        _QD20,
        "[C2] Lào Cai iGate; kept when Yên Bái merged in (2025); its administrative-unit "
        "code became 15 (QĐ 19/2025), a different system",
    ),
    AgencyRow(
        "000.00.00.H41",
        "UBND tỉnh Nghệ An",
        None,
        None,
        "active",
        None,
        _CONFIRMED,
        _QD20,
        "[C] edXML sample; not merged in 2025",
    ),
    AgencyRow(
        "000.00.00.H55",
        "UBND tỉnh Thái Nguyên",
        None,
        None,
        "active",
        None,
        _CONFIRMED,
        _QD20,
        "[C2] Thái Nguyên portal; kept when Bắc Kạn merged in (2025)",
    ),
    AgencyRow(
        "000.00.00.H56",
        "UBND tỉnh Thanh Hóa",
        None,
        None,
        "active",
        None,
        _CONFIRMED,
        _QD20,
        "[C2] Thanh Hóa seed; not merged in 2025",
    ),
    AgencyRow(
        "000.00.00.H57",
        "UBND thành phố Huế",
        None,
        None,
        "active",
        None,
        _CONFIRMED,
        _QD09,
        "[C] named in 09/2025; formerly UBND tỉnh Thừa Thiên Huế (the renaming date is not "
        "recorded here)",
    ),
    AgencyRow(
        "000.00.00.K57",
        "HĐND thành phố Huế",
        None,
        None,
        "active",
        None,
        _CONFIRMED,
        _QD09,
        "[C] named in 09/2025",
    ),
)
"""Agency codes confirmed by data-formats.md §2, each with its own status and confidence."""

_PROVINCES_124 = attrs.evolve(QD_124_2004_QD_TTG, provision="mã tỉnh (as listed by vn-ident)")

PERSONAL_ID_PROVINCES: tuple[ProvinceRow, ...] = tuple(
    ProvinceRow(code, name, _PROVINCES_124)
    for code, name in (
        ("001", "Hà Nội"),
        ("002", "Hà Giang"),
        ("004", "Cao Bằng"),
        ("006", "Bắc Kạn"),
        ("008", "Tuyên Quang"),
        ("010", "Lào Cai"),
        ("011", "Điện Biên"),
        ("012", "Lai Châu"),
        ("014", "Sơn La"),
        ("015", "Yên Bái"),
        ("017", "Hòa Bình"),
        ("019", "Thái Nguyên"),
        ("020", "Lạng Sơn"),
        ("022", "Quảng Ninh"),
        ("024", "Bắc Giang"),
        ("025", "Phú Thọ"),
        ("026", "Vĩnh Phúc"),
        ("027", "Bắc Ninh"),
        ("030", "Hải Dương"),
        ("031", "Hải Phòng"),
        ("033", "Hưng Yên"),
        ("034", "Thái Bình"),
        ("035", "Hà Nam"),
        ("036", "Nam Định"),
        ("037", "Ninh Bình"),
        ("038", "Thanh Hóa"),
        ("040", "Nghệ An"),
        ("042", "Hà Tĩnh"),
        ("044", "Quảng Bình"),
        ("045", "Quảng Trị"),
        ("046", "Thừa Thiên Huế"),
        ("048", "Đà Nẵng"),
        ("049", "Quảng Nam"),
        ("051", "Quảng Ngãi"),
        ("052", "Bình Định"),
        ("054", "Phú Yên"),
        ("056", "Khánh Hòa"),
        ("058", "Ninh Thuận"),
        ("060", "Bình Thuận"),
        ("062", "Kon Tum"),
        ("064", "Gia Lai"),
        ("066", "Đắk Lắk"),
        ("067", "Đắk Nông"),
        ("068", "Lâm Đồng"),
        ("070", "Bình Phước"),
        ("072", "Tây Ninh"),
        ("074", "Bình Dương"),
        ("075", "Đồng Nai"),
        ("077", "Bà Rịa - Vũng Tàu"),
        ("079", "Hồ Chí Minh"),
        ("080", "Long An"),
        ("082", "Tiền Giang"),
        ("083", "Bến Tre"),
        ("084", "Trà Vinh"),
        ("086", "Vĩnh Long"),
        ("087", "Đồng Tháp"),
        ("089", "An Giang"),
        ("091", "Kiên Giang"),
        ("092", "Cần Thơ"),
        ("093", "Hậu Giang"),
        ("094", "Sóc Trăng"),
        ("095", "Bạc Liêu"),
        ("096", "Cà Mau"),
    )
)
"""The 63 legacy province codes (QĐ 124/2004/QĐ-TTg) that open a personal ID number."""
