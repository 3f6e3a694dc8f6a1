"""Per-client rate limits for the expensive routes (extraction runs the NLP pipeline).

A token bucket per client: ``per_minute`` requests at once, refilled evenly over a
minute; a request that finds the bucket empty gets 429 with ``Retry-After``. The
client is the peer address (behind a reverse proxy on this machine, uvicorn puts
the forwarded address there); IPv6 clients count per /64, the block one host holds.
"""
from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict

from fastapi import Depends, HTTPException, Request

from .deps import SettingsDep


class RateLimiter:
    """``per_minute`` requests per client, at most ``max_clients`` remembered at once."""

    def __init__(self, per_minute: int, max_clients: int = 10_000) -> None:
        self.capacity = float(per_minute)
        self.per_second = per_minute / 60.0
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # client -> (tokens, when), oldest first
        self._lock = threading.Lock()

    def take(self, client: str, now: float | None = None, cost: float = 1.0) -> float:
        """Spend ``cost`` requests of ``client``'s (at most a full bucket): 0.0 when allowed, else the
        seconds until that many are free."""
        now = time.monotonic() if now is None else now
        cost = min(max(cost, 1.0), self.capacity)
        with self._lock:
            tokens, then = self._buckets.pop(client, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - then) * self.per_second)
            wait = 0.0 if tokens >= cost else (cost - tokens) / self.per_second
            self._buckets[client] = (tokens - cost if not wait else tokens, now)
            self._forget(now)
            return wait

    def _forget(self, now: float) -> None:
        """Drop clients whose bucket has refilled (they are as new), and the oldest beyond ``max_clients``."""
        full_after = self.capacity / self.per_second
        while self._buckets:
            oldest, (_, then) = next(iter(self._buckets.items()))
            if now - then < full_after and len(self._buckets) <= self.max_clients:
                break
            del self._buckets[oldest]


def client_key(request: Request) -> str:
    """The client's address; for IPv6 its /64 network, which one host can fill with addresses."""
    host = request.client.host if request.client else "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if address.version == 6 and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


# Extraction time grows with the text (~14 s per 100,000 characters on two cores): each started
# 10,000 bytes of a request body count as one extraction, so a long text spends more of the budget.
BYTES_PER_EXTRACTION = 10_000


def extraction_cost(request: Request) -> float:
    try:
        size = int(request.headers.get("content-length") or 0)
    except ValueError:
        size = 0
    return float(max(1, math.ceil(size / BYTES_PER_EXTRACTION)))


def limit_extract(request: Request, settings: SettingsDep) -> None:
    """Count the extraction against the client (one per started 10,000 bytes); 429 when it has used
    its ``extract_rate``."""
    limiter: RateLimiter | None = request.app.state.extract_limiter
    if limiter is None:
        return
    client = client_key(request)
    wait = limiter.take(client, cost=extraction_cost(request))
    if wait:
        seconds = math.ceil(wait)
        raise HTTPException(429, f"too many extractions from {client}: at most {settings.extract_rate} a minute, "
                                 f"each started {BYTES_PER_EXTRACTION:,} bytes of text counting as one "
                                 f"(the extract_rate setting, $ONRECORD_EXTRACT_RATE); try again in {seconds} s.",
                            headers={"Retry-After": str(seconds)})


def extract_limiter(per_minute: int) -> RateLimiter | None:
    """The app's limiter for extraction; None (no limit) when ``per_minute`` is 0."""
    return RateLimiter(per_minute) if per_minute else None


ExtractRate = Depends(limit_extract)
