"""The command line's last net: errors the library leaves to the system (a full disk, a read-only
record, a damaged Parquet file, bytes that are not UTF-8 in an argument) as one line each, never a
traceback. What onrecord itself raises is an ``OnRecordError`` and is handled by each command."""
from __future__ import annotations

import errno
import sqlite3


def _where(e: OSError) -> str:
    return f" ({e.filename})" if e.filename else ""


def _os_message(e: OSError) -> str:
    if e.errno == errno.ENOSPC:
        return f"no space left on the device{_where(e)}: free some space or write the output elsewhere."
    if isinstance(e, PermissionError):
        return f"permission denied{_where(e)}: make it readable (or writable, for output) by this user, or choose another path."
    return f"{e.strerror or e}{_where(e)}."


def system_error_message(e: BaseException) -> str | None:
    """One line for an error the library did not translate, or None to let it through."""
    if isinstance(e, OSError):
        return _os_message(e)
    if isinstance(e, sqlite3.OperationalError) and "readonly" in str(e):
        return ("the record is read-only (attempt to write a readonly database): make the database file and "
                "its folder writable by this user, or give another --db.")
    if isinstance(e, sqlite3.DatabaseError):
        return f"the record's database failed: {e}. If the file is damaged, restore it or give another --db."
    if isinstance(e, OverflowError):
        return f"a number is out of range ({e}): give a smaller value."
    if isinstance(e, UnicodeEncodeError) and "surrogates" in str(e):
        return ("an argument is not valid UTF-8 (it holds bytes of another encoding, such as Latin-1): "
                "type it again in UTF-8.")
    if isinstance(e, UnicodeDecodeError):
        return f"a file is not UTF-8 text ({e.reason} at byte {e.start}): convert it to UTF-8 first."
    if type(e).__module__.startswith("pyarrow"):
        return f"a Parquet file could not be read ({e}): write it again with `onrecord batch`."
    return None
