"""What routes depend on: the settings, a store connection from the pool, the write token.

Typed aliases (``StoreDep``, ``SettingsDep``) keep route signatures short.
"""
from __future__ import annotations

import asyncio
import hmac
from collections import deque
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request

from ..record import Store, open_store
from ..settings import Settings


class StorePool:
    """A few open stores (connections) handed to one request at a time, first come first served.

    A ``Store`` serialises its transactions; with several, reads run side by side
    (SQLite in WAL mode lets readers proceed while a writer writes). Requests wait for
    a store on the event loop, not in a thread: a thread blocked waiting would hold one
    of the few worker threads that the requests holding stores need to finish.
    """

    def __init__(self, url: str, size: int) -> None:
        self._all = [open_store(url) for _ in range(size)]
        self._free = list(self._all)
        self._waiting: deque[asyncio.Future[Store]] = deque()

    async def acquire(self) -> Store:
        if self._free:
            return self._free.pop()
        waiter: asyncio.Future[Store] = asyncio.get_running_loop().create_future()
        self._waiting.append(waiter)
        try:
            return await waiter
        except asyncio.CancelledError:  # the client left; pass on a store handed over meanwhile
            if waiter.done() and not waiter.cancelled():
                self.release(waiter.result())
            raise

    def release(self, store: Store) -> None:
        while self._waiting:
            waiter = self._waiting.popleft()
            if not waiter.done():
                waiter.set_result(store)
                return
        self._free.append(store)

    def close(self) -> None:
        for store in self._all:
            store.close()


# Both are async so that FastAPI calls them on the event loop: a sync dependency costs a
# trip to the thread pool and back, more than the work itself.
async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_store(request: Request) -> AsyncIterator[Store]:
    pool: StorePool = request.app.state.pool
    store = await pool.acquire()
    try:
        yield store
    finally:
        pool.release(store)


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[Store, Depends(get_store)]


def check_token(settings: Settings, given: str | None, how: str) -> None:
    """Writes need the server's token (``how`` says where to give it); with none configured they are closed."""
    if not settings.api_token:
        raise HTTPException(403, "writing to the record is disabled on this server: start it with "
                                 f"ONRECORD_API_TOKEN set, and give that token {how}.")
    if not (given or "").strip():
        raise HTTPException(401, f"this needs the server's ONRECORD_API_TOKEN, given {how}.",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest((given or "").strip().encode("utf-8"), settings.api_token.encode("utf-8")):
        raise HTTPException(401, "the token is not the server's ONRECORD_API_TOKEN.",
                            headers={"WWW-Authenticate": "Bearer"})


def require_token(settings: SettingsDep,
                  authorization: Annotated[str | None, Header(description="Bearer <ONRECORD_API_TOKEN>")] = None) -> None:
    """Writes need ``Authorization: Bearer <token>``; with no token configured they are closed."""
    scheme, _, given = (authorization or "").partition(" ")
    check_token(settings, given if scheme.lower() == "bearer" else None, "as 'Authorization: Bearer <token>'")


WriteAccess = Depends(require_token)
