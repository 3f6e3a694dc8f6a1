"""The shell of ``onrecord serve`` with several worker processes (one is served in cli.py)."""
from __future__ import annotations

import os
from typing import Any


def serve_workers(settings: Any) -> None:
    """Serve the web app in ``settings.workers`` processes sharing one listening socket."""
    import socket

    import uvicorn
    from uvicorn.supervisors import Multiprocess

    os.environ.update(ONRECORD_DB=settings.db, ONRECORD_HOST=settings.host, ONRECORD_PORT=str(settings.port))
    config = uvicorn.Config("onrecord.web:create_app", factory=True, workers=settings.workers, host=settings.host,
                            port=settings.port, log_level="warning")
    sock = config.bind_socket()
    # uvicorn's shared socket has protocol 0, so asyncio leaves Nagle on for the connections
    # it accepts: a keep-alive client then waits out a 40 ms delayed ACK on every response.
    # Linux gives accepted connections the listening socket's TCP_NODELAY.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    Multiprocess(config, sockets=[sock]).run()
