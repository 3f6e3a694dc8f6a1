"""The web layer: a REST API and server-rendered pages over the record (``onrecord serve``).

``create_app(settings)`` returns the FastAPI application; see docs/web.md and docs/api.md.
"""
from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
