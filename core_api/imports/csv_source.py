"""Reading an uploaded CSV safely: size, encoding, delimiter, header, rows — streamed.

Files are read in a single pass of bounded memory; every way a file can be
unusable is a `FileRejected` with a message for the user (the API answers 400).
"""

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.conf import settings

from .errors import FileRejected
from .formats.base import ImportFormat
from .formats.registry import FORMATS, detect

ENCODINGS = ("utf-8-sig", "cp1252")


@dataclass
class SourceRow:
    line: int
    values: dict[str, str]


@dataclass
class CsvSource:
    format: ImportFormat
    encoding: str
    header: list[str]
    header_lines: int  # lines up to and including the header row
    _reader: Any  # a csv.reader: iterates records and counts physical lines

    def rows(self) -> Iterator[SourceRow]:
        """Data rows with the file line they start on; blank lines are skipped."""
        limit = settings.IMPORT_MAX_ROWS
        count = 0
        for record in _records(self._reader, self.header_lines):
            # line_num counts lines read so far, so a quoted field spanning lines
            # still reports the line its record started on.
            start = self.header_lines + self._reader.line_num - record_line_span(record) + 1
            if not any(cell.strip() for cell in record):
                continue
            count += 1
            if count > limit:
                raise FileRejected(f"The file has more than {limit:,} rows; split it into smaller files.")
            # Only the cells that say something: a row of a wide, mostly empty
            # file costs what it holds, not what its header promises.
            values = {column: cell for column, cell in zip(self.header, record, strict=False) if cell.strip()}
            yield SourceRow(start, values)


def _records(reader: Any, header_lines: int) -> Iterator[list[str]]:
    """The reader's records; a record the csv module cannot parse rejects the file.

    Such a record (a cell over the csv module's field limit, usually an
    unclosed quote swallowing the rest of the file) can come mid-file, after
    rows were already previewed: the preview's transaction drops them.
    """
    while True:
        line = header_lines + reader.line_num + 1  # where the next record starts
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileRejected(unreadable(error, line)) from error
        yield record


def unreadable(error: csv.Error, line: int) -> str:
    """What to tell the user about a record the csv module refused."""
    if "field larger than field limit" in str(error):
        return (
            f"Line {line} cannot be read: a cell is longer than {csv.field_size_limit():,} characters "
            "(often a quote that is never closed)."
        )
    return f"Line {line} cannot be read as CSV ({error})."


def _encoding_of(stream: IO[bytes]) -> str:
    """UTF-8 (with or without BOM) when every byte decodes, else Windows-1252."""
    for encoding in ENCODINGS:
        stream.seek(0)
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            while chunk := stream.read(1024 * 1024):
                if b"\x00" in chunk:
                    raise FileRejected("This is not a CSV file (it contains binary data).")
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        stream.seek(0)
        return encoding
    raise FileRejected("The file is neither UTF-8 nor Windows-1252 text; save it as UTF-8 CSV.")


def open_csv(stream: IO[bytes], size: int, forced_format: str | None = None) -> CsvSource:
    """Check the file and recognise its format (or use `forced_format`)."""
    limit = settings.IMPORT_MAX_BYTES
    if size > limit:
        raise FileRejected(f"The file is {size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB.")
    if size == 0:
        raise FileRejected("The file is empty.")
    encoding = _encoding_of(stream)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    first_line = text.readline()
    header_lines = 1
    while first_line and not first_line.strip():
        first_line = text.readline()
        header_lines += 1
    if not first_line.strip():
        raise FileRejected("The file is empty.")
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    if forced_format:
        fmt = FORMATS[forced_format]
        delimiter = fmt.delimiter
    try:
        header = [cell.strip() for cell in next(csv.reader([first_line], delimiter=delimiter))]
    except csv.Error as error:
        raise FileRejected(unreadable(error, header_lines)) from error
    max_columns = settings.IMPORT_MAX_COLUMNS
    if len(header) > max_columns:
        raise FileRejected(
            f"The header row has {len(header):,} columns; at most {max_columns:,} are accepted. "
            "Remove the columns you do not need."
        )
    detected = detect(header)
    if forced_format:
        missing = [c for c in fmt.columns if c.lower() not in {h.lower() for h in header}]
        if missing:
            raise FileRejected(
                f"This file is not a {fmt.label}: missing column(s) {', '.join(missing)}.", field="format"
            )
    elif detected is None:
        known = "; ".join(f"{f.label} ({', '.join(f.columns)})" for f in FORMATS.values())
        raise FileRejected(f"Unrecognised header row: {', '.join(header[:12])}. Supported formats: {known}.")
    else:
        fmt = detected
    if len({h.lower() for h in header}) != len(header):
        raise FileRejected("The header row names the same column twice.")
    reader = csv.reader(text, delimiter=delimiter)
    return CsvSource(format=fmt, encoding=encoding, header=header, header_lines=header_lines, _reader=reader)


def record_line_span(record: list[str]) -> int:
    """How many physical lines a parsed record took (quoted cells may hold newlines)."""
    return 1 + sum(cell.count("\n") for cell in record)
