"""``tthc report FILE --period 2025-Q1``: Biểu 06 from a one-stop system's export.

The file (CSV, Parquet or JSON) holds one dossier a row. Its columns are mapped to the fields
of :class:`tthc.kpi.Record` by a *profile* and ``--map`` options:

=============== ======================= =====================================================
Field           ``national`` profile    Read as
=============== ======================= =====================================================
code            ``MaHoSo``              text (optional)
agency          ``DonViXuLy``           text, the resolving agency; ``--agency`` gives one for files without it
received_by     ``MaDonViTiepNhan``     text, the receiving place (optional; empty = the agency)
procedure       ``MaTTHC``              text (optional)
field           ``MaLinhVuc``           text (optional)
level           -                       text (optional)
channel         ``KenhThucHien``        1/2/3, trực tiếp/trực tuyến/bưu chính, in_person/online/postal
received_at     ``NgayTiepNhan``        an instant (:func:`tthc.parsing.parse_instant`)
due_at          ``NgayHenTra``          an instant; empty = no time limit; a date alone = 17:00
completed_at    ``NgayKetThucXuLy``     an instant; empty while pending
returned_at     ``NgayTra``             an instant (optional; stands in for an empty completed_at)
outcome         ``TrangThaiHoSo``       1-10 (national codes) or pending/resolved/refused/withdrawn/returned
=============== ======================= =====================================================

The ``tthc`` profile (the default unless the header has ``NgayTiepNhan`` or more national
names than field names) expects the field names themselves as column names. ``--map received=NgayNhan,agency=DonVi`` renames any of
them. Dates are day first and Vietnam time; a date without a time is read as 00:00
(17:00, the close of office hours, for ``due_at``); Excel serial dates are read only with
``--excel-dates``. Text is normalised to NFC, so NFD exports group with NFC ones.

Every row is read or rejected with its row number, column, value and reason; nothing is
dropped silently. National status 1 and 3 (never received) are skipped and counted.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import io
import json
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, time
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs

from tthc._progress import bar, track
from tthc._safe import spreadsheet_row, terminal_text
from tthc.calendar import VIETNAM_TZ, OfficeHours
from tthc.catalog import Channel
from tthc.cli._common import BadInputError, Parser, echo, one_line, say, table
from tthc.deadlines import Granularity
from tthc.errors import InstantParseError, InvalidPeriodError, RecordError
from tthc.kpi import (
    GROUP_KEYS,
    MAX_REPORT_MONTHS,
    Outcome,
    Period,
    Record,
    Report06,
    ReportPolicy,
    on_time_rate_resolved_basis,
    report06_by,
    round_percent,
)
from tthc.parsing import (
    _fold,  # header and status words fold like dates
    parse_date,
    parse_instant,
)
from tthc.reports import NO_VALUE, format_count, format_percent, render_reports

__all__ = [
    "DUPLICATE_POLICIES",
    "ENGINES",
    "FIELDS",
    "MAX_FILE_BYTES",
    "NATIONAL_OUTCOMES",
    "PROFILES",
    "REQUIRED",
    "ReadResult",
    "RowError",
    "Table",
    "add_parser",
    "read_records",
    "read_table",
    "run",
]

FIELDS = (
    "code",
    "agency",
    "received_by",
    "procedure",
    "field",
    "level",
    "channel",
    "received_at",
    "due_at",
    "completed_at",
    "returned_at",
    "outcome",
)
"""The fields a row is read into (``returned_at`` stands in for an empty ``completed_at``)."""

REQUIRED = ("agency", "channel", "received_at", "due_at", "completed_at", "outcome")
"""Fields whose column must exist (cells may be empty where the field allows it)."""

_ALIASES = {
    "received": "received_at",
    "due": "due_at",
    "completed": "completed_at",
    "returned": "returned_at",
    "status": "outcome",
}

PROFILES: dict[str, dict[str, str]] = {
    "tthc": {f: f for f in FIELDS},
    "national": {
        "code": "MaHoSo",
        "agency": "DonViXuLy",
        "received_by": "MaDonViTiepNhan",
        "procedure": "MaTTHC",
        "field": "MaLinhVuc",
        "channel": "KenhThucHien",
        "received_at": "NgayTiepNhan",
        "due_at": "NgayHenTra",
        "completed_at": "NgayKetThucXuLy",
        "returned_at": "NgayTra",
        "outcome": "TrangThaiHoSo",
    },
}
"""Column names by profile: tthc's own field names, and the national sync payload's
(``DongBoHoSoMC``, data-formats.md §4.3)."""

NATIONAL_OUTCOMES: dict[str, Outcome | None] = {
    "1": None,  # Mới đăng ký: not received
    "2": Outcome.PENDING,  # Được tiếp nhận
    "3": None,  # Không được tiếp nhận: not received
    "4": Outcome.PENDING,  # Đang xử lý
    "5": Outcome.PENDING,  # Yêu cầu bổ sung giấy tờ
    "6": Outcome.PENDING,  # Yêu cầu thực hiện nghĩa vụ tài chính
    "7": Outcome.WITHDRAWN,  # Công dân yêu cầu rút hồ sơ
    "8": Outcome.PENDING,  # Dừng xử lý (stopped; meaning unconfirmed: see --status-8)
    "9": Outcome.RESOLVED,  # Đã xử lý xong
    "10": Outcome.RESOLVED,  # Đã trả kết quả
}
"""``TrangThaiHoSo`` (data-formats.md §4.1) -> outcome; ``None``: never received (skipped).

Code 8 (*Dừng xử lý*) is read two ways in the field: a temporary stop (Thanh Hóa's reports
group it with 6 under "tạm dừng xử lý", and :class:`tthc.dossier.NationalStatus` reads it as
suspended) or a dossier stopped for good and handed back (*trả lại*). Which one the portal
means is unconfirmed [U], so it is a setting: ``--status-8 pending`` (the default, as here) or
``--status-8 returned``."""

_OUTCOME_WORDS = {
    **{o.value: o for o in Outcome},
    "dang giai quyet": Outcome.PENDING,
    "dang xu ly": Outcome.PENDING,
    "da giai quyet": Outcome.RESOLVED,
    "da xu ly": Outcome.RESOLVED,
    "tu choi": Outcome.REFUSED,
    "rut": Outcome.WITHDRAWN,
    "rut ho so": Outcome.WITHDRAWN,
    "tra lai": Outcome.RETURNED,
    "dung xu ly": Outcome.RETURNED,
}
_CHANNEL_WORDS = {
    **{c.value: c for c in Channel},
    "truc tiep": Channel.IN_PERSON,
    "truc tuyen": Channel.ONLINE,
    "buu chinh": Channel.POSTAL,
    "buu chinh cong ich": Channel.POSTAL,
    "bcci": Channel.POSTAL,
}

MAX_FILE_BYTES = 1 << 30
"""The largest CSV or JSON file ``tthc report`` reads (1 GiB: the file is read into memory
whole, and its text and cells take several times its size); a larger one is refused before
it is read. Split such an export by period or agency. Parquet files are not limited here."""

_MAX_ERRORS_KEPT = 1_000_000
"""Row errors kept in memory (each file row adds at most one)."""
_PROGRESS_FROM = 5_000
"""Rows from which a progress bar is shown (when stderr is a terminal)."""
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Ä[\u0080-\u00bf\u2018]|Æ°|á»|áº")


@attrs.frozen
class RowError:
    """A rejected row: its number (header = row 1 in CSV files), column, value and reason."""

    row: int
    column: str
    value: str
    reason: str


@attrs.frozen
class Table:
    """A file split into cells: its header, its rows with their numbers, and the lines that
    could not be split (each a :class:`RowError` with an empty column), in file order."""

    header: list[str]
    rows: list[tuple[int, list[object]]]
    errors: tuple[RowError, ...] = ()


DUPLICATE_POLICIES = ("refuse", "first", "last")
"""What ``--duplicates`` does with rows that repeat a dossier code: ``refuse`` (the default:
no report, every such row listed), keep the ``first`` row or the ``last`` one (the others are
dropped and counted)."""


@attrs.frozen
class ReadResult:
    """The records read from a file, the rows rejected, and the rows skipped (never received).

    ``duplicates`` lists the rows whose dossier code (``code``) another row also carries, each
    naming the other row; under the ``first``/``last`` policies ``dropped`` of them are left
    out of ``records``.
    """

    records: tuple[Record, ...]
    errors: tuple[RowError, ...]
    skipped: int
    rows: int
    duplicates: tuple[RowError, ...] = ()
    dropped: int = 0
    columns: Any = attrs.field(default=None, eq=False, repr=False)
    """The rows read by columns (a polars frame of :func:`tthc.frame.report06_by`'s columns),
    which ``records`` does not hold; ``None`` when the file was read row by row."""

    @property
    def read(self) -> int:
        """Rows read into a record (``records`` and ``columns`` together)."""
        return len(self.records) + (0 if self.columns is None else self.columns.height)

    @property
    def rejected(self) -> int:
        """Rows rejected: every row neither read, skipped nor dropped as a duplicate
        (``errors`` keeps at most 1,000,000 of them, so count with this, not ``len(errors)``)."""
        return self.rows - self.read - self.skipped - self.dropped

    def reports(
        self,
        period: Period,
        by: tuple[str, ...],
        *,
        policy: ReportPolicy | None = None,
        as_of: date | None = None,
    ) -> dict[tuple[Any, ...], Report06]:
        """Biểu 06 of every row read (:func:`tthc.kpi.report06_by` of their records)."""
        policy = ReportPolicy() if policy is None else policy
        groups = report06_by(self.records, period, by=by, policy=policy, as_of=as_of)
        if self.columns is None:
            return groups
        from tthc import frame

        fast = frame.report06_by(self.columns, period, by, policy=policy, as_of=as_of)
        if fast.errors:  # pragma: no cover - the columnar reader passes only readable rows
            msg = f"rows read by columns were refused by tthc.frame: {fast.errors[0]}"
            raise AssertionError(msg)
        slow = frame.ReportResult(groups, (), len(self.records))
        return dict(frame.merge_reports([slow, fast]).report)


# -- reading the file ----------------------------------------------------------------------------


_NOT_FOR_FILES = frozenset({"idna", "punycode", "unicode_escape", "raw_unicode_escape"})
"""Text codecs that are not file encodings (domain names, Python literals): refused."""

_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
"""The first bytes of an .xlsx (a zip archive) and of an old .xls (OLE2) workbook."""


def _workbook_error(path: str, lang: str) -> BadInputError:
    return BadInputError(
        say(
            lang,
            "đây là sổ tính Excel; tthc report không đọc trực tiếp tệp Excel",
            "this is an Excel workbook; tthc report does not read workbooks",
        ),
        where=path,
        expected=say(
            lang,
            "trong Excel chọn Lưu thành 'CSV UTF-8 (phân cách bằng dấu phẩy)'",
            "in Excel, Save As 'CSV UTF-8 (Comma delimited)'",
        ),
    )


def _decode(data: bytes, path: str, encoding: str | None, lang: str) -> str:
    if data.startswith(_WORKBOOK_MAGIC):
        raise _workbook_error(path, lang)
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding)
        except LookupError as e:
            raise BadInputError(
                say(lang, f"không biết bảng mã {encoding!r}", f"unknown encoding {encoding!r}"),
                where="--encoding",
                expected="utf-8, utf-16, cp1258, latin-1...",
            ) from e
        if not codec._is_text_encoding or codec.name in _NOT_FOR_FILES:
            raise BadInputError(
                say(
                    lang,
                    f"{encoding!r} không phải bảng mã của tệp văn bản",
                    f"{encoding!r} is not an encoding of text files",
                ),
                where="--encoding",
                expected="utf-8, utf-16, cp1258, latin-1...",
            )
        try:
            return data.decode(codec.name)
        except (UnicodeError, ValueError) as e:
            raise BadInputError(
                say(
                    lang,
                    f"không giải mã được bằng {encoding}: {e}",
                    f"cannot decode with {encoding}: {e}",
                ),
                where=path,
            ) from e
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise BadInputError(
                say(
                    lang,
                    f"tệp UTF-16 bị hỏng ở byte {e.start} ({e.reason})",
                    f"the UTF-16 file is broken at byte {e.start} ({e.reason})",
                ),
                where=path,
                expected=say(
                    lang, "xuất lại tệp, tốt nhất dạng UTF-8", "export it again, preferably UTF-8"
                ),
            ) from e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise BadInputError(
            say(
                lang,
                f"tệp không phải UTF-8 (byte 0x{data[e.start]:02X} ở dòng {line}); có lẽ được "
                "xuất bằng bảng mã Windows-1258 hoặc Latin-1",
                f"the file is not UTF-8 (byte 0x{data[e.start]:02X} on line {line}); it was "
                "probably exported as Windows-1258 or Latin-1",
            ),
            where=path,
            expected=say(
                lang,
                "lưu lại dạng 'CSV UTF-8', hoặc chỉ rõ bảng mã: --encoding cp1258",
                "save it as 'CSV UTF-8', or name the encoding: --encoding cp1258",
            ),
        ) from e
    sample = text[:20000]
    found = _MOJIBAKE.search(sample)
    if found:
        raise BadInputError(
            say(
                lang,
                "chữ tiếng Việt bị lỗi mã (UTF-8 đã bị đọc nhầm thành Windows-1252 rồi lưu lại), "
                f"ví dụ {found[0]!r}",
                "Vietnamese text is garbled (UTF-8 read as Windows-1252 and saved again), "
                f"e.g. {found[0]!r}",
            ),
            where=path,
            expected=say(
                lang, "xuất lại tệp từ hệ thống gốc dạng UTF-8", "export the file again as UTF-8"
            ),
        )
    return text


_LINE_SHOWN = 200
"""Characters of a line that could not be split into cells kept in its :class:`RowError`."""


def _line_error(number: int, line: str, reason: str) -> RowError:
    shown = line.rstrip("\r\n")
    if len(shown) > _LINE_SHOWN:
        shown = shown[:_LINE_SHOWN] + "..."
    return RowError(number, "", shown, reason)


def _alone(number: int, line: str, delimiter: str) -> list[str] | RowError:
    """*line* split into cells on its own; a quote left open or misplaced is a RowError."""
    try:
        found = list(csv.reader([line], delimiter=delimiter, strict=True))
    except csv.Error as e:
        reason = str(e)
        if "unexpected end of data" in reason or "new-line character" in reason:
            reason = (
                "a quoted cell is not closed on this line (a stray quote?); line breaks "
                "inside cells are not read"
            )
        else:
            reason = f"the line cannot be split into cells: {reason}"
        return _line_error(number, line, reason)
    return found[0] if found else []


def _quotes_checked(number: int, line: str, cells: list[str]) -> list[str] | RowError:
    """*cells*, or a RowError if one of them holds a quote outside a quoted cell.

    A quote inside a quoted cell is written twice, so a cell ``a"b`` read from a well-formed
    line appears in it as ``a""b``; a bare ``a"b`` (the other half of a stray quote) does not.
    """
    for cell in cells:
        if '"' in cell and cell.replace('"', '""') not in line:
            return _line_error(
                number, line, "a quote inside a cell that is not quoted (a stray quote?)"
            )
    return cells


def _blank(cells: Sequence[str]) -> bool:
    """Whether a line's cells are all empty or white space (a blank line, not a row)."""
    return not any(c.strip() for c in cells)


def _csv_rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]], list[RowError]]:
    """The header, the rows (with their line numbers) and the lines that are not rows.

    Every record must be one line: a quote that would join lines (a stray quote merges the
    lines up to the next one into a cell) or that is misplaced (``"a"b``) makes a rejected
    line with its number, and reading goes on at the next line.
    """
    lines = io.StringIO(text, newline="").readlines()
    first = lines[0] if lines else ""
    delimiter = max(",;\t", key=first.count)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    errors: list[RowError] = []
    at = 0  # lines fed to the reader so far

    def feed() -> Iterator[str]:
        nonlocal at
        while at < len(lines):
            at += 1
            yield lines[at - 1]

    reader = csv.reader(feed(), delimiter=delimiter, strict=True)
    while True:
        start = at + 1
        try:
            cells: list[str] | RowError = next(reader)
        except StopIteration:
            break
        except csv.Error:
            cells = RowError(start, "", "", "")  # read each line of the record alone below
        if at > start or isinstance(cells, RowError):
            # The record ran over several lines, or could not be read: read its first
            # line alone, and go on from the next (which the stray quote had swallowed).
            cells = _alone(start, lines[start - 1], delimiter)
            if at > start:
                at = start
                reader = csv.reader(feed(), delimiter=delimiter, strict=True)
        if not isinstance(cells, RowError) and any('"' in c for c in cells):
            cells = _quotes_checked(start, lines[start - 1], cells)
        if header is None:
            if isinstance(cells, RowError):
                errors.append(cells)
                break  # without a header no line can be read
            header = cells
            continue
        if isinstance(cells, RowError):
            errors.append(cells)
        elif not _blank(cells):  # blank lines are not rows
            rows.append((start, cells))
    return header or [], rows, errors


def _cell(value: object) -> object:
    """A cell from pandas/JSON: missing -> "", text NFC, datetimes kept, numbers as text."""
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime | date):
        if str(value) == "NaT":
            return ""
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class _DuplicateKeyError(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key written twice (``json`` would keep the last silently)."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise _DuplicateKeyError(k)
            seen.add(k)
    return out


def read_table(path: str, *, encoding: str | None = None, lang: str = "vi") -> Table:
    """The header, the rows (with their numbers) and the unreadable lines of a CSV, Parquet
    or JSON file. A file that cannot be read at all is a :class:`BadInputError`."""
    p = Path(path)
    suffix = p.suffix.lower()
    if not p.is_file():
        raise BadInputError(say(lang, "không tìm thấy tệp", "no such file"), where=path)
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        raise _workbook_error(path, lang)
    if suffix == ".parquet":
        try:
            import pandas as pd

            frame = pd.read_parquet(p)
        except ImportError as e:
            raise BadInputError(
                say(
                    lang,
                    "đọc Parquet cần pandas và pyarrow",
                    "reading Parquet needs pandas and pyarrow",
                ),
                where=path,
                expected="pip install 'tthc[frame]'",
            ) from e
        except Exception as e:
            raise BadInputError(
                say(
                    lang, f"không đọc được tệp Parquet: {e}", f"cannot read the Parquet file: {e}"
                ),
                where=path,
            ) from e
        header = [str(c) for c in frame.columns]
        values = frame.astype(object).to_numpy().tolist()
        return Table(header, [(i + 1, [_cell(v) for v in row]) for i, row in enumerate(values)])
    size = p.stat().st_size
    if size > MAX_FILE_BYTES:
        raise BadInputError(
            say(
                lang,
                f"tệp dài {size:,} byte, quá giới hạn {MAX_FILE_BYTES:,} byte",
                f"the file has {size:,} bytes, more than the {MAX_FILE_BYTES:,} tthc report reads",
            ),
            where=path,
            expected=say(
                lang, "chia tệp theo kỳ hoặc theo cơ quan", "split it by period or by agency"
            ),
        )
    data_bytes = p.read_bytes()
    text = _decode(data_bytes, path, encoding, lang)
    if not text.strip():
        raise BadInputError(
            say(lang, "tệp rỗng", "empty file"),
            where=path,
            expected=say(
                lang, "một dòng tiêu đề và các dòng hồ sơ", "a header line and dossier rows"
            ),
        )
    if suffix == ".json":
        try:
            # Integers stay text (a cell is text anyway; no 4,300-digit limit to trip on).
            data = json.loads(text, parse_int=str, object_pairs_hook=_unique_keys)
        except _DuplicateKeyError as e:
            raise BadInputError(
                say(
                    lang,
                    f"khóa {e.key!r} xuất hiện hai lần trong một đối tượng JSON",
                    f"the key {e.key!r} appears twice in one JSON object",
                ),
                where=path,
                expected=say(lang, "mỗi khóa một lần", "each key once"),
            ) from None
        except RecursionError as e:
            raise BadInputError(
                say(lang, "JSON lồng nhau quá sâu", "the JSON is nested too deeply"),
                where=path,
                expected='[{"NgayTiepNhan": "...", ...}, ...]',
            ) from e
        except json.JSONDecodeError as e:
            raise BadInputError(
                say(
                    lang,
                    f"JSON không hợp lệ ở dòng {e.lineno}, cột {e.colno}",
                    f"invalid JSON at line {e.lineno}, column {e.colno}",
                ),
                where=path,
                expected=e.msg,
            ) from e
        if isinstance(data, dict) and isinstance(data.get("data"), list):
            data = data["data"]  # a DongBoHoSoMC payload
        if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
            raise BadInputError(
                say(
                    lang,
                    "JSON không phải một danh sách đối tượng",
                    "the JSON is not a list of objects",
                ),
                where=path,
                expected='[{"NgayTiepNhan": "...", ...}, ...]',
            )
        header = list(dict.fromkeys(k for x in data for k in x))
        return Table(
            header, [(i + 1, [_cell(x.get(k)) for k in header]) for i, x in enumerate(data)]
        )
    if suffix not in (".csv", ".txt", ".tsv"):
        raise BadInputError(
            say(
                lang,
                f"không biết đọc tệp {suffix or '(không đuôi)'}",
                f"unknown file type {suffix or '(no suffix)'}",
            ),
            where=path,
            expected=".csv, .parquet, .json",
        )
    header, rows, errors = _csv_rows(text)
    if not header and errors:
        raise BadInputError(
            say(
                lang,
                f"không đọc được dòng tiêu đề: {errors[0].reason}",
                f"cannot read the header line: {errors[0].reason}",
            ),
            where=path,
        )
    return Table(header, [(n, list(cells)) for n, cells in rows], tuple(errors))


# -- mapping columns -----------------------------------------------------------------------------


def _parse_map(text: str, lang: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        field, sep, column = part.partition("=")
        field = _ALIASES.get(field.strip(), field.strip())
        if not sep or field not in FIELDS or not column.strip():
            raise BadInputError(
                say(lang, f"không hiểu {part.strip()!r}", f"cannot read {part.strip()!r}"),
                where="--map",
                expected=say(
                    lang, "TRƯỜNG=CỘT, TRƯỜNG là một trong ", "FIELD=COLUMN with FIELD one of "
                )
                + ", ".join((*FIELDS, *_ALIASES)),
            )
        out[field] = column.strip()
    return out


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).strip().lstrip("\ufeff").casefold()


def _mapping(
    header: Sequence[str], args: argparse.Namespace, path: str
) -> tuple[dict[str, int], str]:
    """Column index of each field found, and the profile used; missing columns -> one error."""
    lang = args.lang
    profile = args.profile
    keys: dict[str, int] = {}
    for i, h in enumerate(header):
        k = _key(h)
        if not k:
            continue  # an unnamed column (e.g. after a trailing delimiter) maps to nothing
        if k in keys:
            raise BadInputError(
                say(
                    lang,
                    f"cột {h!r} xuất hiện hai lần (cột {keys[k] + 1} và {i + 1})",
                    f"the column {h!r} appears twice (columns {keys[k] + 1} and {i + 1})",
                ),
                where=path,
                expected=say(
                    lang,
                    "mỗi tên cột một lần (không phân biệt hoa thường)",
                    "each column name once (case-insensitive)",
                ),
            )
        keys[k] = i
    if profile is None:  # national when NgayTiepNhan is there, or most names are national
        national = sum(_key(c) in keys for c in PROFILES["national"].values())
        own = sum(_key(c) in keys for c in PROFILES["tthc"].values())
        profile = "national" if _key("NgayTiepNhan") in keys or national > own else "tthc"
    names = dict(PROFILES[profile])
    names.update(_parse_map(args.map or "", lang))
    found = {f: keys[_key(c)] for f, c in names.items() if _key(c) in keys}
    missing = [
        names[f]
        for f in REQUIRED
        if f not in found
        and not (f == "agency" and args.agency)
        and not (f == "channel" and args.channel)
    ]
    if missing:
        raise BadInputError(
            say(
                lang, f"thiếu cột {', '.join(missing)}", f"missing column(s) {', '.join(missing)}"
            ),
            where=f"{path} ({say(lang, 'mẫu cột', 'profile')} {profile})",
            expected=say(lang, "các cột có trong tệp: ", "columns in the file: ")
            + (", ".join(header) or "-")
            + say(
                lang,
                "; dùng --map TRƯỜNG=CỘT để đặt tên khác",
                "; use --map FIELD=COLUMN to map others",
            ),
        )
    return found, profile


# -- reading rows --------------------------------------------------------------------------------


class _RejectedError(Exception):
    def __init__(self, *, field: str, value: object, reason: str) -> None:
        self.field, self.value, self.reason = field, value, reason


def _instant(value: object, field: str, default: time, *, excel: bool) -> datetime | None:
    if isinstance(value, datetime):
        return (
            value.replace(tzinfo=VIETNAM_TZ)
            if value.tzinfo is None
            else value.astimezone(VIETNAM_TZ)
        )
    if isinstance(value, date):
        return datetime.combine(value, default, tzinfo=VIETNAM_TZ)
    text = str(value).strip()
    if not text:
        return None
    try:
        return parse_instant(text, default_time=default, excel_serial=excel)
    except InstantParseError as e:
        expected = e.expected.replace("excel_serial=True", "--excel-dates")
        raise _RejectedError(field=field, value=value, reason=f"expected {expected}") from None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: object, field: str) -> str | None:
    s = str(value)
    if _SURROGATE.search(s):  # from a JSON escape such as "\ud800": not a character
        raise _RejectedError(
            field=field, value=value, reason="a lone surrogate: not valid Unicode text"
        )
    s = unicodedata.normalize("NFC", s).strip()
    return s or None


def _channel(value: object) -> Channel:
    s = _fold(str(value))
    if s in ("1", "2", "3"):
        return Channel.from_national_code(s)
    found = _CHANNEL_WORDS.get(s)
    if found is None:
        reason = "expected 1/2/3, trực tiếp/trực tuyến/bưu chính or in_person/online/postal"
        raise _RejectedError(field="channel", value=value, reason=reason)
    return found


def _outcome(value: object, status_8: Outcome = Outcome.PENDING) -> Outcome | None:
    s = _fold(str(value))
    if s == "8":
        return status_8
    if s in NATIONAL_OUTCOMES:
        return NATIONAL_OUTCOMES[s]
    found = _OUTCOME_WORDS.get(s)
    if found is None:
        raise _RejectedError(
            field="outcome",
            value=value,
            reason="expected a national status 1-10 or pending/resolved/refused/withdrawn/returned",
        )
    return found


_DUE_DEFAULT = OfficeHours().closing  # a date-only due ends when the default office hours close
_START_OF_DAY = time(0)


def _record(
    cells: Sequence[object], cols: dict[str, int], args: argparse.Namespace
) -> Record | None:
    def get(field: str) -> object:
        i = cols.get(field)
        return cells[i] if i is not None and i < len(cells) else ""

    excel = bool(args.excel_dates)
    outcome_cell = get("outcome")
    if not str(outcome_cell).strip():
        raise _RejectedError(field="outcome", value=outcome_cell, reason="empty")
    outcome = _outcome(outcome_cell, Outcome(getattr(args, "status_8", "pending")))
    if outcome is None:
        return None  # never received: skipped and counted
    received = _instant(get("received_at"), "received_at", _START_OF_DAY, excel=excel)
    if received is None:
        raise _RejectedError(
            field="received_at",
            value="",
            reason="empty: every received dossier has a receipt instant",
        )
    due_at = _instant(get("due_at"), "due_at", _DUE_DEFAULT, excel=excel)
    completed = _instant(get("completed_at"), "completed_at", _START_OF_DAY, excel=excel)
    if completed is None and outcome is not Outcome.PENDING and "returned_at" in cols:
        completed = _instant(get("returned_at"), "returned_at", _START_OF_DAY, excel=excel)
    agency = _text(get("agency"), "agency") if "agency" in cols else None
    agency = agency or args.agency
    if not agency:
        raise _RejectedError(field="agency", value=get("agency"), reason="empty")
    channel_cell = get("channel") if "channel" in cols else ""
    channel = _channel(channel_cell) if str(channel_cell).strip() else None
    if channel is None:
        if not args.channel:
            raise _RejectedError(field="channel", value=channel_cell, reason="empty")
        channel = _channel(args.channel)
    try:
        return Record(
            agency,
            received,
            channel,
            due_at=due_at,
            completed_at=completed,
            outcome=outcome,
            procedure=_text(get("procedure"), "procedure"),
            field=_text(get("field"), "field"),
            level=_text(get("level"), "level"),
            code=_text(get("code"), "code"),
            received_by=_text(get("received_by"), "received_by") or agency,
        )
    except RecordError as e:
        field = e.field or "outcome"
        raise _RejectedError(field=field, value=get(field), reason=e.reason) from None


def read_records(
    header: Sequence[str],
    rows: Sequence[tuple[int, Sequence[object]]],
    args: argparse.Namespace,
    path: str,
    *,
    progress: Callable[[Iterable[Any]], Iterable[Any]] = lambda rows: rows,
    line_errors: Sequence[RowError] = (),
) -> ReadResult:
    """Map the columns, read every row into a :class:`tthc.kpi.Record` or a :class:`RowError`.

    *line_errors* are the lines the reader could not split into cells (:attr:`Table.errors`):
    each is a rejected row. A row must have as many cells as the header. Rows that repeat a
    dossier code are listed in ``duplicates``, and handled by ``args.duplicates``
    (:data:`DUPLICATE_POLICIES`; ``refuse`` keeps them all, for the caller to refuse).
    """
    cols, _ = _mapping(header, args, path)
    column_of = {f: header[i] for f, i in cols.items()}
    records: list[Record] = []
    numbers: list[int] = []
    errors: list[RowError] = list(line_errors[:_MAX_ERRORS_KEPT])
    skipped = 0
    width = len(header)
    for number, cells in progress(rows):
        try:
            if len(cells) != width:  # a stray delimiter or a cut line: the columns shifted
                reason = f"the row has {len(cells)} cells, the header {width}"
                extra = [str(c) for c in cells[width:]]
                raise _RejectedError(
                    field=str(min(len(cells), width) + 1),
                    value=",".join(extra),
                    reason=reason,
                )
            record = _record(cells, cols, args)
        except _RejectedError as e:
            column = column_of.get(e.field, e.field)
            value = e.value.isoformat() if isinstance(e.value, date) else str(e.value)
            if len(errors) < _MAX_ERRORS_KEPT:
                errors.append(RowError(number, column, value, e.reason))
            continue
        if record is None:
            skipped += 1
        else:
            records.append(record)
            numbers.append(number)
    if line_errors:
        errors.sort(key=lambda e: e.row)
    policy = getattr(args, "duplicates", "refuse") or "refuse"
    kept, duplicates = _duplicates(records, numbers, policy, column_of.get("code", "code"))
    return ReadResult(
        tuple(kept),
        tuple(errors),
        skipped,
        len(rows) + len(line_errors),
        tuple(duplicates),
        len(records) - len(kept),
    )


def _duplicates(
    records: list[Record], numbers: list[int], policy: str, column: str
) -> tuple[list[Record], list[RowError]]:
    """The records kept under *policy*, and a :class:`RowError` per row of a repeated code."""
    rows_of: dict[str, list[int]] = {}
    for k, r in enumerate(records):
        if r.code is not None:
            rows_of.setdefault(r.code, []).append(k)
    repeated = {code: ks for code, ks in rows_of.items() if len(ks) > 1}
    if not repeated:
        return records, []
    found: list[RowError] = []
    drop: set[int] = set()
    for code, ks in repeated.items():
        keep = ks[-1] if policy == "last" else ks[0]
        for k in ks:
            others = ", ".join(str(numbers[j]) for j in ks if j != k)
            found.append(
                RowError(numbers[k], column, code, f"the same dossier code as row {others}")
            )
            if policy != "refuse" and k != keep:
                drop.add(k)
    found.sort(key=lambda e: e.row)
    return [r for k, r in enumerate(records) if k not in drop], found


# -- output --------------------------------------------------------------------------------------

_COLUMNS = (
    ("received_total", "(3) Tiếp nhận", "(3) Received"),
    ("received_online", "(4) Trực tuyến", "(4) Online"),
    ("received_in_person", "(5) Trực tiếp, BCCI", "(5) In person, post"),
    ("carried_over", "(6) Kỳ trước chuyển qua", "(6) Carried over"),
    ("resolved_total", "(7) Đã giải quyết", "(7) Resolved"),
    ("resolved_early", "(8) Trước hạn", "(8) Early"),
    ("resolved_on_time", "(9) Đúng hạn", "(9) On time"),
    ("resolved_late", "(10) Quá hạn", "(10) Late"),
    ("pending_total", "(11) Đang giải quyết", "(11) Pending"),
    ("pending_within", "(12) Trong hạn", "(12) Within"),
    ("pending_overdue", "(13) Quá hạn", "(13) Overdue"),
    ("withdrawn", "Rút hồ sơ", "Withdrawn"),
    ("returned", "Trả lại", "Returned"),
)
_KEY_LABELS = {
    "agency": ("Cơ quan", "Agency"),
    "month": ("Tháng", "Month"),
    "channel": ("Kênh", "Channel"),
    "code": ("Mã hồ sơ", "Dossier"),
    "field": ("Lĩnh vực", "Field"),
    "level": ("Cấp", "Level"),
    "procedure": ("Thủ tục", "Procedure"),
    "received_by": ("Nơi tiếp nhận", "Received at"),
}


def _key_text(value: object, lang: str | None = None) -> str:
    if value is None:
        return "" if lang is None else NO_VALUE
    if isinstance(value, Channel):
        return value.value
    if isinstance(value, Period) and lang == "vi":
        return f"{value.start:%m/%Y}" if value.start.day == 1 else value.label_vi
    return str(value)


def _rate_lines(
    by: tuple[str, ...], groups: dict[tuple[Any, ...], Report06], lang: str
) -> list[str]:
    """The on-time rate ((8) + (9)) / (7) of each group, with its numerator and denominator."""
    k = 0 if lang == "vi" else 1
    header = [*(_KEY_LABELS[b][k] for b in by), _rate_header(lang), "(8)+(9)", "(7)"]
    rows = [header]
    for key, rep in groups.items():
        rows.append(
            [
                *(_key_text(v, lang) for v in key),
                format_percent(on_time_rate_resolved_basis(rep), lang),
                format_count(rep.resolved_early + rep.resolved_on_time, lang),
                format_count(rep.resolved_total, lang),
            ]
        )
    return table(rows)


def _rate_header(lang: str) -> str:
    return say(lang, "Tỷ lệ đúng hạn", "On-time rate")


def _plain_rows(
    by: tuple[str, ...], groups: dict[tuple[Any, ...], Report06]
) -> list[dict[str, Any]]:
    out = []
    for key, rep in groups.items():
        row: dict[str, Any] = {b: _key_text(v) for b, v in zip(by, key, strict=True)}
        row.update(rep.counts())
        value = round_percent(on_time_rate_resolved_basis(rep))
        row["on_time_rate"] = None if value is None else str(value)
        out.append(row)
    return out


def _write_errors(path: str, errors: Sequence[RowError], lang: str) -> None:
    try:
        with open(path, "w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(["row", "column", "value", "reason"])
            for e in errors:
                w.writerow(spreadsheet_row([e.row, e.column, e.value, e.reason]))
    except OSError as e:
        raise BadInputError(
            say(
                lang,
                f"không ghi được tệp lỗi: {e.strerror}",
                f"cannot write the error file: {e.strerror}",
            ),
            where=path,
        ) from e


_PLOT_SERIES = 20
"""Agencies drawn at most by ``--plot`` (the title says when there are more)."""
_PLOT_WIDTH = 30.0
"""The widest chart, in inches (at most 36 month labels are written on its axis)."""
_PLOT_LABEL = 80
"""Characters of an agency name drawn in the legend."""


def _plot_text(text: str) -> str:
    """*text* drawn literally: controls escaped, ``$`` not starting mathtext, a leading ``_``
    not hiding a legend entry, and a long name shortened."""
    text = terminal_text(text)
    if len(text) > _PLOT_LABEL:
        text = text[:_PLOT_LABEL] + "..."
    text = text.replace("$", "\\$")  # drawn as "$": no $ pair starts mathtext
    return " " + text if text.startswith("_") else text


def _plot(path: str, period: Period, result: ReadResult, lang: str) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:  # pragma: no cover - matplotlib is installed with tthc[cli]
        raise BadInputError(
            say(lang, "vẽ biểu đồ cần matplotlib", "plotting needs matplotlib"),
            where="--plot",
            expected="pip install 'tthc[cli]'",
        ) from e
    groups = result.reports(period, ("agency", "month"))
    months = [p for p in period.months()]
    series: dict[str, dict[Period, Fraction | None]] = {}
    for (agency, month), rep in groups.items():
        series.setdefault(agency, {})[month] = on_time_rate_resolved_basis(rep)
    shown = list(series)[:_PLOT_SERIES]
    title = say(
        lang,
        f"Tỷ lệ giải quyết đúng hạn theo tháng, {period.label_vi}",
        f"On-time rate by month, {period}",
    )
    if len(shown) < len(series):
        title += say(
            lang,
            f" ({len(shown)} trên {len(series)} cơ quan đầu tiên)",
            f" (the first {len(shown)} of {len(series)} agencies)",
        )
    fig, ax = plt.subplots(figsize=(min(_PLOT_WIDTH, max(6.0, 1.0 + 0.8 * len(months))), 4.5))
    xs = list(range(len(months)))
    step = max(1, -(-len(months) // 36))  # at most 36 month labels on the axis
    ax.set_xticks(xs[::step], [f"{m.start:%m/%Y}" for m in months[::step]])
    with warnings.catch_warnings():
        # Missing glyphs (a name in a script the font lacks) and a layout that does not fit
        # are drawing matters, not errors of the report.
        warnings.simplefilter("ignore")
        for agency in shown:
            by_month = series[agency]
            # Floats only here, for drawing: the exact rate is rounded once to 2 places first.
            ys = []
            for m in months:
                value = round_percent(by_month.get(m))
                ys.append(float("nan") if value is None else float(value))
            ax.plot(xs, ys, marker="o" if len(months) <= 60 else "", label=_plot_text(agency))
        ax.set_ylabel(say(lang, "Tỷ lệ đúng hạn (%)", "On-time rate (%)"))
        ax.set_title(_plot_text(title))
        ax.set_ylim(0, 105)
        ax.grid(visible=True, alpha=0.3)
        if shown:
            ax.legend(fontsize="small")
        fig.tight_layout()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fig.savefig(path, metadata={"Software": "tthc"})
    except OSError as e:
        raise BadInputError(
            say(
                lang,
                f"không ghi được biểu đồ: {e.strerror}",
                f"cannot write the chart: {e.strerror}",
            ),
            where=path,
        ) from e
    finally:
        plt.close(fig)


def _write_xlsx(
    path: str,
    by: tuple[str, ...],
    groups: dict[tuple[Any, ...], Report06],
    lang: str,
    period: Period,
) -> None:
    try:
        from openpyxl import Workbook
    except ImportError as e:  # pragma: no cover - openpyxl is installed with tthc[cli]
        msg = "xlsx needs openpyxl"
        raise BadInputError(msg, where="--format xlsx", expected="pip install 'tthc[cli]'") from e
    k = 0 if lang == "vi" else 1
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = say(lang, "Biểu 06", "Form 06")

    def append(row: Sequence[object]) -> None:
        # Text cells are made inert and typed as strings: openpyxl would otherwise store a
        # cell that starts with "=" as a formula.
        ws.append(spreadsheet_row(row))
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"

    append([say(lang, f"Biểu 06, {period.label_vi}", f"Form 06, {period}")])
    append([_KEY_LABELS[b][k] for b in by] + [c[1 + k] for c in _COLUMNS] + [_rate_header(lang)])
    for key, rep in groups.items():
        value = round_percent(on_time_rate_resolved_basis(rep))
        append(
            [_key_text(v) for v in key]
            + [rep.counts()[c[0]] for c in _COLUMNS]
            + [None if value is None else value]
        )
    try:
        wb.save(path)
    except OSError as e:
        raise BadInputError(
            say(lang, f"không ghi được tệp: {e.strerror}", f"cannot write the file: {e.strerror}"),
            where=path,
        ) from e


# -- the command ---------------------------------------------------------------------------------


def add_parser(commands: argparse._SubParsersAction[Parser], parent: Parser, lang: str) -> None:
    """Declare ``tthc report``."""
    p = commands.add_parser(
        "report",
        parents=[parent],
        lang=lang,
        help=say(
            lang,
            "Biểu 06 từ tệp hồ sơ xuất từ hệ thống một cửa",
            "Form 06 from a one-stop system's export",
        ),
        description=say(
            lang,
            "Lập Biểu 06 (tình hình giải quyết TTHC) từ tệp hồ sơ (CSV, Parquet, JSON) xuất "
            "từ hệ thống một cửa, theo cơ quan và tháng. Tên cột theo mẫu 'national' (NgayTiepNhan, "
            "NgayHenTra, NgayKetThucXuLy, NgayTra, KenhThucHien, TrangThaiHoSo, MaHoSo...) được "
            "nhận ra tự động; tên khác đặt bằng --map. Ngày viết ngày trước tháng, giờ Việt Nam.\n\n"
            "Ví dụ:\n  tthc report ho-so.csv --period 2025-Q1\n"
            "  tthc report ho-so.csv --period 2025-03 --by agency --errors loi.csv --strict\n"
            "  tthc report ho-so.csv --period 2025 --map received=NgayNhan,agency=DonVi",
            "Build Form 06 (Biểu 06, dossier resolution) from a one-stop system's export (CSV, "
            "Parquet, JSON), by agency and month. Column names of the national sync payload "
            "(NgayTiepNhan, NgayHenTra, NgayKetThucXuLy, NgayTra, KenhThucHien, TrangThaiHoSo, "
            "MaHoSo...) are recognised; map others with --map. Dates are day first, Vietnam time.\n\n"
            "Examples:\n  tthc report dossiers.csv --period 2025-Q1\n"
            "  tthc report dossiers.csv --period 2025-03 --by agency --errors errors.csv --strict\n"
            "  tthc report dossiers.csv --period 2025 --map received=ReceivedOn,agency=Office",
        ),
    )
    p.add_argument(
        "file",
        metavar=say(lang, "TỆP", "FILE"),
        help=say(lang, "tệp .csv, .parquet hoặc .json", "a .csv, .parquet or .json file"),
    )
    p.add_argument(
        "--period",
        required=True,
        metavar=say(lang, "KỲ", "PERIOD"),
        help=say(
            lang,
            "kỳ báo cáo: 2025 (năm), 2025-03 (tháng), 2025-Q1 (quý), 2025-H1, 2025-9M, 2025-01-01..2025-02-15",
            "reporting period: 2025 (year), 2025-03 (month), 2025-Q1 (quarter), 2025-H1, 2025-9M, 2025-01-01..2025-02-15",
        ),
    )
    p.add_argument(
        "--by",
        default="agency,month",
        metavar=say(lang, "NHÓM", "KEYS"),
        help=say(
            lang,
            f"nhóm theo (phân cách bằng dấu phẩy; mặc định agency,month): {', '.join(GROUP_KEYS)}; '' = toàn kỳ",
            f"group by (comma-separated; default agency,month): {', '.join(GROUP_KEYS)}; '' = the whole period",
        ),
    )
    p.add_argument(
        "--format",
        choices=("table", "csv", "json", "xlsx"),
        default="table",
        help=say(
            lang,
            "định dạng kết quả (mặc định table; xlsx cần --output)",
            "output format (default table; xlsx needs --output)",
        ),
    )
    p.add_argument(
        "-o",
        "--output",
        metavar=say(lang, "TỆP", "FILE"),
        help=say(
            lang,
            "ghi kết quả vào tệp thay vì màn hình",
            "write the result to a file instead of stdout",
        ),
    )
    p.add_argument(
        "--plot",
        metavar="PNG",
        help=say(
            lang,
            "vẽ biểu đồ tỷ lệ đúng hạn theo tháng của từng cơ quan",
            "draw the on-time rate by month per agency",
        ),
    )
    p.add_argument(
        "--errors",
        metavar="CSV",
        help=say(
            lang,
            "ghi các dòng bị loại (dòng, cột, giá trị, lý do) vào tệp CSV",
            "write rejected rows (row, column, value, reason) to a CSV file",
        ),
    )
    p.add_argument(
        "--status-8",
        choices=("pending", "returned"),
        default="pending",
        help=say(
            lang,
            "cách đọc trạng thái 8 (Dừng xử lý) của Cổng DVCQG: pending = tạm dừng, vẫn đang "
            "giải quyết (mặc định); returned = trả lại hồ sơ. Nghĩa của mã 8 chưa được xác nhận",
            "how to read national status 8 (Dừng xử lý): pending = a temporary stop, still in "
            "progress (default); returned = handed back. The meaning of code 8 is unconfirmed",
        ),
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help=say(
            lang,
            "có dòng bị loại thì không lập báo cáo, thoát mã 2",
            "if any row is rejected, produce no report and exit with status 2",
        ),
    )
    p.add_argument(
        "--duplicates",
        choices=DUPLICATE_POLICIES,
        default="refuse",
        help=say(
            lang,
            "khi nhiều dòng cùng mã hồ sơ: refuse = không lập báo cáo, liệt kê các dòng (mặc "
            "định); first = giữ dòng đầu; last = giữ dòng cuối",
            "rows that repeat a dossier code: refuse = no report, list the rows (default); "
            "first = keep the first row; last = keep the last one",
        ),
    )
    p.add_argument(
        "--profile",
        choices=tuple(PROFILES),
        help=say(
            lang,
            "mẫu tên cột: national (đồng bộ Cổng DVCQG) hoặc tthc; mặc định tự nhận",
            "column names: national (national portal sync) or tthc; detected by default",
        ),
    )
    p.add_argument(
        "--map",
        metavar=say(lang, "TRƯỜNG=CỘT,...", "FIELD=COLUMN,..."),
        help=say(
            lang,
            f"đặt tên cột cho các trường: {', '.join(FIELDS)} (viết tắt: received, due, completed, returned, status)",
            f"column names for the fields: {', '.join(FIELDS)} (short: received, due, completed, returned, status)",
        ),
    )
    p.add_argument(
        "--agency",
        help=say(
            lang,
            "tên cơ quan cho các dòng không có cột cơ quan",
            "agency name for rows without an agency column",
        ),
    )
    p.add_argument(
        "--channel",
        help=say(
            lang,
            "kênh cho các dòng không ghi kênh (1, 2, 3)",
            "channel for rows without one (1, 2, 3)",
        ),
    )
    p.add_argument(
        "--encoding",
        help=say(
            lang,
            "bảng mã của tệp CSV/JSON nếu không phải UTF-8 (ví dụ cp1258)",
            "encoding of a CSV/JSON file that is not UTF-8 (e.g. cp1258)",
        ),
    )
    p.add_argument(
        "--engine",
        choices=ENGINES,
        default="auto",
        help=say(
            lang,
            "cách đọc tệp CSV: auto (mặc định: theo cột bằng polars nếu đã cài, nếu không thì "
            "theo dòng), polars hoặc python (theo dòng); kết quả như nhau",
            "how to read a CSV file: auto (the default: by columns with polars when it is "
            "installed, else row by row), polars, or python (row by row); same results",
        ),
    )
    p.add_argument(
        "--excel-dates",
        action="store_true",
        help=say(
            lang,
            "đọc số như 45771 là ngày kiểu Excel",
            "read numbers such as 45771 as Excel serial dates",
        ),
    )
    p.add_argument(
        "--granularity",
        choices=("day", "timestamp"),
        default="day",
        help=say(
            lang,
            "so ngày (mặc định) hay so thời điểm với hạn",
            "compare dates (default) or instants with the due date",
        ),
    )
    p.add_argument(
        "--as-of",
        metavar=say(lang, "NGÀY", "DATE"),
        help=say(
            lang,
            "xét hồ sơ đang giải quyết tại ngày này thay vì cuối kỳ",
            "judge pending dossiers at this date instead of the period end",
        ),
    )


def _progress(n: int, lang: str) -> Callable[[Iterable[Any]], Iterable[Any]]:
    """A progress bar over *n* rows on a terminal (none for small files, pipes, no tqdm)."""
    if n < _PROGRESS_FROM:
        return lambda rows: rows
    label = say(lang, "Đọc các dòng", "Reading rows")
    return lambda rows: track(rows, total=n, label=label, unit="rows")


def _emit(text: str, output: str | None, lang: str) -> None:
    """Print *text*, or write it to *output*; control characters escaped either way."""
    if output is None:
        echo(text)
        return
    try:
        Path(output).write_text(terminal_text(text) + "\n", encoding="utf-8")
    except OSError as e:
        raise BadInputError(
            say(lang, f"không ghi được tệp: {e.strerror}", f"cannot write the file: {e.strerror}"),
            where=output,
        ) from e


# -- the columnar reader ------------------------------------------------------------------------

ENGINES = ("auto", "python", "polars")
"""``--engine``: ``python`` reads row by row; ``polars`` (``auto`` when the ``frame`` extra is
installed) reads a plain CSV by columns and hands every row it cannot read exactly as the
row reader would to the row reader. Both give the same report and the same rejected rows."""

_ASCII_TEXT = r"^[!-~](?:[ -~]*[!-~])?$"
"""Printable ASCII without white space at either end: :func:`_text` returns it unchanged."""
_NAT = -(1 << 63)


def _plain_csv(text: str) -> tuple[list[str], str, int] | None:
    """Header, delimiter and number of data lines of a CSV that splits without the csv module.

    Plain means: no quote, no NUL, line breaks ``\\n`` or ``\\r\\n`` only, no blank line, and
    as many delimiters in all as the header has times the lines (polars then refuses a line
    with more, so no line has fewer either). Then line *k* of the file is data row *k - 1*
    and its cells are the pieces between delimiters, exactly as :func:`_csv_rows` splits it;
    any other file is read row by row.
    """
    if '"' in text or "\x00" in text or text.count("\r") != text.count("\r\n"):
        return None
    if "\n\n" in text or "\n\r\n" in text:  # a blank line
        return None
    end = text.find("\n")
    if end < 0 or end == len(text) - 1:  # no data line
        return None
    first = text[:end]
    delimiter = max(",;\t", key=(first + "\n").count)
    header = first.removesuffix("\r").split(delimiter)
    lines = text.count("\n", end + 1) + (0 if text.endswith("\n") else 1)
    if text.count(delimiter, end + 1) != (len(header) - 1) * lines:
        return None
    return header, delimiter, lines


def _distinct(
    series: Any, read: Callable[[str], object], *, fast: str | None = None
) -> tuple[list[object], Any]:
    """(values, index per row): *read* applied once to each distinct text of *series*.

    With *fast* (a regular expression), texts matching it are their own value and are not
    passed to *read*. A value that *read* refuses is the marker :data:`_REFUSED`.
    """
    import numpy as np
    import polars as pl

    if fast is not None:
        own = series.str.contains(fast).to_numpy()
        todo = series.filter(~pl.Series(own))
    else:
        own = np.zeros(len(series), np.bool_)
        todo = series
    uniques = todo.unique().to_list()
    values: list[object] = []
    for u in uniques:
        try:
            values.append(read(u))
        except _RejectedError:
            values.append(_REFUSED)
    index = np.full(len(series), -1, np.int64)
    if uniques:
        codes = series.replace_strict(uniques, list(range(len(uniques))), default=-1)
        index = codes.cast(pl.Int64).to_numpy()
    return values, (own, index)


class _Refused:
    """A cell value the row reader refuses: its row goes to the row reader."""


_REFUSED: Any = _Refused()


def _columnar(args: argparse.Namespace) -> ReadResult | None:
    """``args.file`` read by columns, or ``None`` when it is to be read row by row.

    Only a plain CSV (:func:`_plain_csv`) with the ``frame`` extra installed is read here.
    Each column is read with the row reader's own functions, once per distinct text
    (:func:`_outcome`, :func:`_channel`, :func:`_text`), or for instants in the commonest
    shapes as arrays (:mod:`tthc._text_dates`, which gives the value
    :func:`tthc.parsing.parse_instant` gives); a row is kept here only if every cell it needs
    is read that way and the row passes :class:`tthc.kpi.Record`'s checks. Every other row,
    and the file as a whole when a dossier code repeats, goes to :func:`read_records`, so the
    rejected rows, their reasons and their line numbers are the row reader's.
    """
    engine = getattr(args, "engine", "auto") or "auto"
    path = Path(args.file)
    if (
        engine == "python"
        or args.excel_dates
        or path.suffix.lower() not in (".csv", ".txt", ".tsv")
    ):
        return None
    try:
        import numpy as np
        import polars as pl

        from tthc._text_dates import read_texts
    except ImportError as e:
        if engine == "polars":
            raise BadInputError(
                say(
                    args.lang,
                    "--engine polars cần polars và numpy",
                    "--engine polars needs polars and numpy",
                ),
                where="--engine",
                expected="pip install 'tthc[frame]'",
            ) from e
        return None
    if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
        return None  # read_table says what is wrong
    text = _decode(path.read_bytes(), args.file, args.encoding, args.lang)
    plain = _plain_csv(text)
    if plain is None:
        return None
    header, delimiter, lines = plain
    cols, _ = _mapping(header, args, args.file)
    with bar(
        total=len(cols) + 2, label=say(args.lang, "Đọc các cột", "Reading columns"), unit=""
    ) as shown:
        try:
            df = pl.read_csv(
                text.encode("utf-8"),
                has_header=True,
                separator=delimiter,
                quote_char=None,
                infer_schema=False,
                empty_string_is_null=False,
                truncate_ragged_lines=False,
                raise_if_empty=False,
            )
        except Exception:  # any surprise of the columnar parser: read the file by rows
            return None
        del text
        shown.update()
        if df.height != lines or df.width != len(header):
            return None
        n = df.height
        column = {f: df.to_series(i) for f, i in cols.items()}
        blank = np.ones(n, np.bool_)
        for i in range(df.width):
            blank &= (df.to_series(i).str.strip_chars(" \t") == "").to_numpy()
        rows_here = ~blank

        status_8 = Outcome(getattr(args, "status_8", "pending"))

        def outcome(v: str) -> object:
            if not v.strip():
                raise _RejectedError(field="outcome", value=v, reason="empty")
            return _outcome(v, status_8)

        values, (_, index) = _distinct(column["outcome"], outcome)
        state = np.array(
            [-1 if v is _REFUSED else (-2 if v is None else 0) for v in values] + [-1]
        )
        outcome_of = np.array(
            [v.value if isinstance(v, Outcome) else "" for v in values] + [""], dtype=object
        )
        k = np.where(index < 0, len(values), index)
        ok = state[k] == 0
        skipped_here = rows_here & (state[k] == -2)
        outcomes = outcome_of[k]
        pending = outcomes == Outcome.PENDING.value
        shown.update()

        def instants(field: str) -> tuple[Any, Any]:
            """µs of each cell (NaT when empty) and whether the cell was read here."""
            if field not in column:
                return np.full(n, _NAT, np.int64), np.ones(n, np.bool_)
            s = column[field]
            us, read = read_texts(s.rechunk().to_arrow())
            empty = (s.str.len_bytes() == 0).to_numpy()
            return np.where(read, us, _NAT), read | empty

        received, good = instants("received_at")
        ok &= good & (received != _NAT)
        due, good = instants("due_at")
        ok &= good
        completed, good = instants("completed_at")
        ok &= good
        if "returned_at" in column:
            returned, good = instants("returned_at")
            needed = (completed == _NAT) & ~pending
            ok &= ~needed | good
            completed = np.where(needed, returned, completed)
        shown.update()

        ok &= np.where(pending, completed == _NAT, completed != _NAT)
        ok &= (completed == _NAT) | (completed >= received)

        def texts(field: str) -> tuple[Any, Any]:
            """Each cell through :func:`_text` (object array; None when empty) and whether read."""
            if field not in column:
                return np.full(n, None, dtype=object), np.ones(n, np.bool_)
            s = column[field]
            values, (own, index) = _distinct(s, lambda v: _text(v, field), fast=_ASCII_TEXT)
            table = np.array([*values, None], dtype=object)
            out = table[np.where(index < 0, len(values), index)]
            raw = s.to_numpy()
            out[own] = raw[own]
            refused = np.array([v is _REFUSED for v in values] + [False])[
                np.where(index < 0, len(values), index)
            ]
            return out, ~refused

        agency, good = texts("agency")
        ok &= good
        if args.agency:
            agency = np.where(agency == None, args.agency, agency)  # noqa: E711 - object array
        ok &= agency != None  # noqa: E711
        if "channel" in column:
            fallback = _channel(args.channel) if args.channel else _REFUSED

            def channel(v: str) -> object:
                return _channel(v) if v.strip() else fallback

            values, (_, index) = _distinct(column["channel"], channel)
            table = np.array(
                [*(v.value if isinstance(v, Channel) else None for v in values), None],
                dtype=object,
            )
            channels = table[np.where(index < 0, len(values), index)]
        else:
            channels = np.full(n, _channel(args.channel).value, dtype=object)
        ok &= channels != None  # noqa: E711
        extra = {f: texts(f) for f in ("procedure", "field", "level", "code", "received_by")}
        for _, good in extra.values():
            ok &= good
        shown.update()

        fast = rows_here & ok & ~skipped_here
        slow = rows_here & ~fast & ~skipped_here
        slow_rows: list[tuple[int, list[object]]] = []
        if slow.any():
            picked = df.filter(pl.Series(slow))
            numbers = np.flatnonzero(slow) + 2  # line 1 is the header
            slow_rows = [
                (int(number), list(cells))
                for number, cells in zip(numbers.tolist(), picked.rows(), strict=True)
                if not _blank(cells)  # white space that only Python's strip() knows
            ]
        scalar = read_records(header, slow_rows, args, args.file)
        seen = [c for c in extra["code"][0][fast].tolist() if c is not None]
        seen += [r.code for r in scalar.records if r.code is not None]
        if scalar.duplicates or len(set(seen)) != len(seen):
            return None  # a repeated dossier code: the row reader lists every such row
        instants_of = {"received_at": received, "due_at": due, "completed_at": completed}
        fast_frame = pl.DataFrame(
            {
                "agency": pl.Series(agency[fast].tolist(), dtype=pl.String),
                "channel": pl.Series(channels[fast].tolist(), dtype=pl.String),
                "outcome": pl.Series(outcomes[fast].tolist(), dtype=pl.String),
                **{f: pl.Series(v[fast].tolist(), dtype=pl.String) for f, (v, _) in extra.items()},
                **{f: pl.Series(us[fast], dtype=pl.Int64) for f, us in instants_of.items()},
            }
        ).with_columns(
            pl.when(pl.col(f) == _NAT)
            .then(None)
            .otherwise(pl.col(f))
            .cast(pl.Datetime("us"))
            .alias(f)
            for f in instants_of
        )
        shown.update()
    return ReadResult(
        scalar.records,
        scalar.errors,
        scalar.skipped + int(skipped_here.sum()),
        scalar.rows + int(fast.sum()) + int(skipped_here.sum()),
        columns=fast_frame,
    )


def _read(args: argparse.Namespace) -> ReadResult:
    """Read ``args.file`` into records (the one place the file is read)."""
    by_columns = _columnar(args)
    if by_columns is not None:
        return by_columns
    table = read_table(args.file, encoding=args.encoding, lang=args.lang)
    return read_records(
        table.header,
        table.rows,
        args,
        args.file,
        progress=_progress(len(table.rows), args.lang),
        line_errors=table.errors,
    )


def _first(errors: Sequence[RowError], lang: str) -> str:
    """The first of *errors*, for the one line on stderr (a long value is shortened)."""
    first = errors[0]
    where = say(lang, f"dòng {first.row}", f"row {first.row}")
    if first.column:
        where += say(lang, f", cột {first.column}", f", column {first.column}")
    value = first.value if len(first.value) <= 60 else first.value[:60] + "..."
    return f"{where}: {value!r}: {first.reason}"


def _check(result: ReadResult, args: argparse.Namespace) -> None:
    """Write ``--errors``; refuse (exit 2) or warn (one line) about rejected and repeated rows."""
    lang = args.lang
    listed = sorted((*result.errors, *result.duplicates), key=lambda e: e.row)
    if args.errors:
        _write_errors(args.errors, listed, lang)
    saved = (
        f"; {say(lang, 'xem', 'see')} {args.errors}"
        if args.errors
        else say(
            lang, "; ghi tất cả bằng --errors loi.csv", "; write them all with --errors errors.csv"
        )
    )
    policy = getattr(args, "duplicates", "refuse") or "refuse"
    notes = []
    if result.rejected:
        first = _first(result.errors, lang)
        notes.append(
            say(
                lang,
                f"{result.rejected} dòng bị loại (đầu tiên: {first})",
                f"{result.rejected} row(s) rejected (first: {first})",
            )
        )
    if result.duplicates:
        first = _first(result.duplicates, lang)
        n = len(result.duplicates)
        if policy == "refuse":
            notes.append(
                say(
                    lang,
                    f"{n} dòng trùng mã hồ sơ với dòng khác (đầu tiên: {first}); không lập báo "
                    "cáo khi chưa chọn --duplicates first|last",
                    f"{n} rows repeat another row's dossier code (first: {first}); no report "
                    "unless --duplicates first|last is chosen",
                )
            )
        else:
            kept = (
                say(lang, "giữ dòng đầu", "kept the first")
                if policy == "first"
                else say(lang, "giữ dòng cuối", "kept the last")
            )
            notes.append(
                say(
                    lang,
                    f"{result.dropped} dòng trùng mã hồ sơ bị bỏ ({kept}; đầu tiên: {first})",
                    f"{result.dropped} row(s) with a repeated dossier code dropped ({kept}; "
                    f"first: {first})",
                )
            )
    if not notes:
        return
    line = "; ".join(notes) + saved
    refused = (result.duplicates and policy == "refuse") or (
        result.rejected and (args.strict or not result.read)
    )
    if refused:
        raise BadInputError(line, where=args.file)
    warning = f"tthc report: {say(lang, 'cảnh báo', 'warning')}: {args.file}: {line}"
    echo(one_line(warning), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Read the file, build Biểu 06, print or write it."""
    lang = args.lang
    try:
        period = Period.parse(args.period)
    except InvalidPeriodError as e:
        raise BadInputError(
            say(
                lang, f"kỳ báo cáo không hợp lệ {args.period!r}", f"invalid period {args.period!r}"
            ),
            where="--period",
            expected=e.expected,
        ) from e
    by = tuple(b.strip() for b in args.by.split(",") if b.strip())
    unknown = [b for b in by if b not in GROUP_KEYS]
    if unknown or len(set(by)) != len(by):
        raise BadInputError(
            say(lang, f"không nhóm theo được {args.by!r}", f"cannot group by {args.by!r}"),
            where="--by",
            expected=", ".join(GROUP_KEYS),
        )
    for option, months in (("--by month", "month" in by), ("--plot", bool(args.plot))):
        if months and period.month_count > MAX_REPORT_MONTHS:
            raise BadInputError(
                say(
                    lang,
                    f"kỳ {args.period!r} dài {period.month_count} tháng, quá {MAX_REPORT_MONTHS} "
                    "tháng khi chia theo tháng",
                    f"the period {args.period!r} has {period.month_count} months, more than "
                    f"{MAX_REPORT_MONTHS} when split by month",
                ),
                where=option,
                expected=say(
                    lang,
                    "một kỳ ngắn hơn, hoặc --by không có month (và không --plot)",
                    "a shorter period, or --by without month (and no --plot)",
                ),
            )
    if args.format == "xlsx" and not args.output:
        raise BadInputError(
            say(lang, "định dạng xlsx cần tệp đầu ra", "the xlsx format needs an output file"),
            where="--format xlsx",
            expected="--output report.xlsx",
        )
    if args.channel:
        try:
            _channel(args.channel)
        except _RejectedError as e:
            raise BadInputError(
                say(
                    lang,
                    f"kênh không hợp lệ {args.channel!r}",
                    f"invalid channel {args.channel!r}",
                ),
                where="--channel",
                expected=e.reason,
            ) from None
    as_of = None
    if args.as_of:
        try:
            as_of = parse_date(args.as_of)
        except InstantParseError as e:
            raise BadInputError(
                say(
                    lang, f"không đọc được ngày {e.text!r}", f"cannot read a date from {e.text!r}"
                ),
                where="--as-of",
                expected=e.expected,
            ) from e
    result = _read(args)
    _check(result, args)
    policy = ReportPolicy(granularity=Granularity(args.granularity))
    groups = result.reports(period, by, policy=policy, as_of=as_of)
    summary = {
        "rows": result.rows,
        "records": result.read,
        "rejected_rows": result.rejected,
        "skipped_not_received": result.skipped,
        "duplicates_dropped": result.dropped,
    }
    if args.format == "json":
        data = {
            "period": str(period),
            "by": list(by),
            "granularity": args.granularity,
            **summary,
            "groups": _plain_rows(by, groups),
        }
        _emit(json.dumps(data, ensure_ascii=False, indent=2), args.output, lang)
    elif args.format == "csv":
        buffer = io.StringIO()
        plain = _plain_rows(by, groups)
        fields = [*by, *(c[0] for c in _COLUMNS), "on_time_rate"]
        w = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(
            dict(zip(fields, spreadsheet_row(r.get(f) for f in fields), strict=True))
            for r in plain
        )
        _emit(buffer.getvalue().rstrip("\n"), args.output, lang)
    elif args.format == "xlsx":
        _write_xlsx(args.output, by, groups, lang, period)
    else:
        title = say(lang, f"Kỳ báo cáo: {period.label_vi}", f"Period: {period}")
        foot = say(
            lang,
            f"{format_count(result.rows, lang)} dòng: {format_count(result.read, lang)} hồ sơ, "
            f"{format_count(result.rejected, lang)} dòng bị loại, {format_count(result.skipped, lang)} hồ sơ chưa tiếp nhận (bỏ qua)"
            + (
                f", {format_count(result.dropped, lang)} dòng trùng mã bị bỏ."
                if result.dropped
                else "."
            ),
            f"{format_count(result.rows, lang)} rows: {format_count(result.read, lang)} dossiers, "
            f"{format_count(result.rejected, lang)} rejected, {format_count(result.skipped, lang)} never received (skipped)"
            + (
                f", {format_count(result.dropped, lang)} repeated codes dropped."
                if result.dropped
                else "."
            ),
        )
        if groups:
            body = [render_reports(groups, lang, by=by), "", *_rate_lines(by, groups, lang)]
        else:
            body = [say(lang, "(không có hồ sơ trong kỳ)", "(no dossiers in the period)")]
        lines = [title, *body, foot]
        _emit("\n".join(lines), args.output, lang)
    if args.plot:
        _plot(args.plot, period, result, lang)
    return 0
