"""Benchmark the web API: concurrent clients on loopback against ``GET /api/quotes``.

    .venv/bin/python benchmarks/web.py                          # 1,000,000 synthetic quotes, 20 clients
    .venv/bin/python benchmarks/web.py --quotes 200000 --seconds 20
    .venv/bin/python benchmarks/web.py --db big.db --keep       # reuse (or keep) the synthetic record

The record is the synthetic one of ``benchmarks/store.py`` (our own word lists,
written straight into the tables). ``onrecord serve`` runs in its own process
(``--workers`` uvicorn processes, each with ``ONRECORD_CONNECTIONS`` store connections).
The clients are wrk's connections (``--client wrk``, the default when wrk is installed:
a C load generator that leaves the shared CPUs to the server) or asyncio tasks sharing
one httpx connection pool (``--client httpx``); either way each client sends its next
request as soon as the last one is answered, for ``--seconds``. Queries cycle through the
same mix as the store benchmark (one word, two words, phrase, word + speaker,
word + dates, word + outlet, speaker only, common word), page 1 to 3.
Reported: requests/s and latency p50/p95/p99 as the client sees it, per client count.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from store import query_mix, synthesize  # noqa: E402 - the store benchmark's synthetic record

from onrecord.record import open_store  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build(db: Path, quotes: int) -> list[str]:
    """The synthetic record at ``db`` (made unless it is already there); returns speaker names."""
    with open_store(str(db)) as store:
        with store.transaction(write=False) as tx:
            have = tx.scalar("SELECT count(*) FROM quotes")
        if not have:
            info = synthesize(store, quotes)
            print(f"synthetic record: {quotes:,} quotes, {info['articles']:,} articles, {info['people']:,} people "
                  f"in {info['load_s']:.0f} s (+{info['analyze_s']:.0f} s optimise)", flush=True)
        elif have != quotes:
            print(f"note: {db} has {have:,} quotes (not {quotes:,}); using it as it is", flush=True)
        with store.transaction(write=False) as tx:
            return [r[0] for r in tx.all("SELECT name FROM people ORDER BY id LIMIT 200")]


def requests_for(names: list[str], n: int = 2000, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    mix = query_mix(rng, names)
    out = []
    for i in range(n):
        _, text, filters = mix[i % len(mix)]
        params = {k: v for k, v in {"q": text, **filters}.items() if v}
        params["page"] = rng.choice((1, 1, 1, 2, 3))
        out.append(params)
    rng.shuffle(out)
    return out


async def drive(base: str, params: list[dict], clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:
        async def client(k: int) -> None:
            nonlocal errors
            i = k
            while time.perf_counter() < stop:
                t0 = time.perf_counter()
                r = await http.get("/api/quotes", params=params[i % len(params)])
                latencies.append((time.perf_counter() - t0) * 1000)
                errors += r.status_code != 200
                i += clients

        started = time.perf_counter()
        await asyncio.gather(*(client(k) for k in range(clients)))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * (len(ordered) - 1)))]  # noqa: E731
    return {"clients": clients, "requests": len(latencies), "errors": errors, "rps": len(latencies) / elapsed,
            "p50": statistics.median(ordered), "p95": pick(0.95), "p99": pick(0.99)}


WRK_SCRIPT = r"""
local paths, i = {}, 0
for line in io.lines(os.getenv("ONRECORD_BENCH_PATHS")) do paths[#paths + 1] = line end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "errors": %d, "seconds": %f, "p50": %f, "p95": %f, "p99": %f}\n',
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, latency:percentile(99) / 1e3))
end
"""


def drive_wrk(base: str, params: list[dict], clients: int, seconds: float) -> dict[str, float]:
    """The same requests from wrk (one C thread): the load generator takes little of the CPUs it shares."""
    with tempfile.TemporaryDirectory(prefix="onrecord-wrk-") as tmp:
        paths, script = Path(tmp) / "paths.txt", Path(tmp) / "cycle.lua"
        paths.write_text("".join(f"/api/quotes?{urlencode(p)}\n" for p in params))
        script.write_text(WRK_SCRIPT)
        out = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{seconds:g}s", "--timeout", "30s", "-s", str(script),
                              base], capture_output=True, text=True, check=True,
                             env={**os.environ, "ONRECORD_BENCH_PATHS": str(paths)})
    r = json.loads(out.stdout.strip().splitlines()[-1])
    return {"clients": clients, "requests": r["requests"], "errors": r["errors"], "rps": r["requests"] / r["seconds"],
            "p50": r["p50"], "p95": r["p95"], "p99": r["p99"]}


def serve(db: Path, port: int, connections: int, workers: int) -> subprocess.Popen:
    env = {**os.environ, "ONRECORD_CONNECTIONS": str(connections), "ONRECORD_API_TOKEN": "",
           "ONRECORD_WORKERS": str(workers)}
    proc = subprocess.Popen([str(Path(sys.executable).parent / "onrecord"), "serve", "--db", str(db),
                             "--port", str(port)], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quotes", type=int, default=1_000_000, help="size of the synthetic record")
    ap.add_argument("--db", type=Path, help="SQLite file for the record (reused if it has quotes)")
    ap.add_argument("--keep", action="store_true", help="keep the record (with --db it is always kept)")
    ap.add_argument("--clients", default="1,20", help="comma-separated client counts to run")
    ap.add_argument("--seconds", type=float, default=20.0, help="how long each run lasts")
    ap.add_argument("--connections", type=int, default=4, help="store connections in the server")
    ap.add_argument("--workers", type=int, default=2, help="server processes (onrecord serve --workers)")
    ap.add_argument("--client", choices=("wrk", "httpx"), help="load generator: wrk (C, light; the default when "
                    "installed: apt-get install wrk) or httpx (asyncio tasks in Python, heavier on a shared CPU)")
    ap.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="onrecord-web-bench-") as tmp:
        db = args.db or Path(tmp) / "synthetic.db"
        if args.keep and not args.db:
            db = Path(f"synthetic-{args.quotes}.db")
        client = args.client or ("wrk" if shutil.which("wrk") else "httpx")
        names = build(db, args.quotes)
        params = requests_for(names)
        port = free_port()
        server = serve(db, port, args.connections, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            asyncio.run(drive(base, params, 4, 3.0))  # warm the caches
            run = ((lambda n: drive_wrk(base, params, n, args.seconds)) if client == "wrk"
                   else (lambda n: asyncio.run(drive(base, params, n, args.seconds))))
            results = [run(int(n)) for n in args.clients.split(",")]
        finally:
            server.terminate()
            server.wait(10)
    print(f"\n## GET /api/quotes, {args.quotes:,}-quote synthetic record (SQLite), {os.cpu_count()} CPUs, "
          f"{args.seconds:g} s per run, {args.workers} server processes x {args.connections} store connections, "
          f"client {client}")
    print(f"{'clients':>7} {'requests':>9} {'errors':>6} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for r in results:
        print(f"{r['clients']:>7} {r['requests']:>9} {r['errors']:>6} {r['rps']:>8.1f} {r['p50']:>8.1f} "
              f"{r['p95']:>8.1f} {r['p99']:>8.1f}")
    if args.json:
        args.json.write_text(json.dumps({"quotes": args.quotes, "client": client, "workers": args.workers, "results": results}, indent=2))


if __name__ == "__main__":
    main()
