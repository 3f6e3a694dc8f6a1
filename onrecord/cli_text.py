"""Text from articles and inputs as the terminal shows it: Rich markup escaped (an article may
hold '[/b]'), and control characters made visible (an escape sequence in an input must not
recolour, retitle or clear the user's terminal)."""
from __future__ import annotations

import re

from rich.markup import escape

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def shown(text: object) -> str:
    """``text`` safe to print through Rich: markup escaped, control characters as ``\\x1b``."""
    return escape(_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text)))
