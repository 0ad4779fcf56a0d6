"""Web load test against the production set-up: Verkennen and the recommendation API under 50 connections.

Starts the application the way docs/deployment.md does — gunicorn with several workers, DEBUG off, a
SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, collected static files, PostgreSQL, Redis as the shared cache —
then a bounded load from this process (asyncio, keep-alive HTTP/1.1, only to 127.0.0.1) and prints
requests per second, latency
percentiles and errors for each target. Plain HTTP on 127.0.0.1, so SECURE_HTTPS=false. Verkennen needs a
signed-in person: each connection uses the session of a different generated medewerker, and each API
request the skills and occupation of a generated profile. Targets: ≥ 200 requests/s, p95 ≤ 100 ms, no
errors, at 50 connections. Each target runs twice (``--rates 0,200``): closed loop, every connection
sending its next request as soon as the answer is in (the most the server can do; latency is then mostly
waiting in line: 50 connections / throughput), and at a fixed 200 requests/s offered over the 50
connections, with latency counted from the scheduled moment. Both the server and this client run on the
same machine, so the client's CPU counts against the server: the figures are pessimistic.

    .venv/bin/python bench/load.py                          # small generated data (5,000 profiles)
    .venv/bin/python bench/generate.py --keep               # full scale once, then:
    .venv/bin/python bench/load.py --reuse --duration 30    # against the kept 200,000-profile database
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from _setup import ROOT, fresh_django, postgres_url

sys.path.insert(0, str(ROOT / "bench"))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--reuse", action="store_true", help="use the database kept by generate.py --keep")
parser.add_argument("--database", default="wendbaar_bench_scale")
parser.add_argument("--profiles", type=int, default=5000, help="without --reuse: how many to generate")
parser.add_argument("--server", choices=["gunicorn", "granian"], default="gunicorn")
parser.add_argument("--workers", type=int, default=2)
parser.add_argument("--threads", type=int, default=1, help="threads per worker (gunicorn gthread when > 1)")
parser.add_argument("--connections", type=int, default=50)
parser.add_argument("--duration", type=float, default=20.0, help="seconds of load per target")
parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load per target before measuring")
parser.add_argument("--max-requests", type=int, default=200_000, help="upper bound per target")
parser.add_argument("--people", type=int, default=500, help="distinct signed-in people")
parser.add_argument("--targets", default="verkennen,recommend")
parser.add_argument(
    "--rates",
    default="0,200",
    help="requests/s offered, comma-separated; 0 = closed loop (as fast as the server answers)",
)
parser.add_argument("--port", type=int, default=0, help="default: a free port")
parser.add_argument(
    "--redis",
    default="redis://127.0.0.1:6379/13",
    help="the shared cache, as docs/deployment.md sets it up (emptied first); '' for none",
)
args = parser.parse_args()

HOST = "127.0.0.1"


# --- a small keep-alive HTTP/1.1 client ----------------------------------------------------------------


class Connection:
    def __init__(self, port: int):
        self.port = port
        self.reader = self.writer = None

    async def request(self, path: str, cookie: str = "") -> tuple[int, int]:
        """(status, body bytes); reconnects when the server closed the connection."""
        for attempt in (1, 2):
            if self.writer is None:
                self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
            head = f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nAccept-Language: nl\r\n"
            if cookie:
                head += f"Cookie: {cookie}\r\n"
            self.writer.write((head + "\r\n").encode())
            try:
                await self.writer.drain()
                status_line = await self.reader.readuntil(b"\r\n")
            except (ConnectionError, asyncio.IncompleteReadError):
                self.close()
                if attempt == 2:
                    raise
                continue
            headers = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
            length, close = 0, "connection: close" in headers
            for line in headers.split("\r\n"):
                if line.startswith("content-length:"):
                    length = int(line.split(":", 1)[1])
            body = await self.reader.readexactly(length) if length else b""
            if close:
                self.close()
            return int(status_line.split()[1]), len(body)
        raise ConnectionError("unreachable")

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def load(
    port: int, requests: list[tuple[str, str]], seconds: float, connections: int, limit: int, rate=0.0
):
    """``connections`` clients for ``seconds`` (and at most ``limit`` requests).

    rate 0: closed loop, each client sends its next request as soon as the answer is in (the most the
    server can do). rate > 0: together the clients offer ``rate`` requests per second on a fixed
    schedule, and latency counts from the scheduled moment, so a slow answer that delays the next request
    counts against the server too (no coordinated omission)."""
    latencies, errors, statuses = [], [], {}
    begin = time.perf_counter()
    deadline = begin + seconds
    interval = connections / rate if rate else 0.0
    issued = 0

    async def client(number: int):
        nonlocal issued
        connection = Connection(port)
        rng = random.Random(number)
        scheduled = begin + rng.random() * interval  # spread the clients over one interval
        try:
            while time.perf_counter() < deadline and issued < limit:
                if interval:
                    if scheduled >= deadline:
                        break
                    await asyncio.sleep(max(0.0, scheduled - time.perf_counter()))
                issued += 1
                path, cookie = requests[rng.randrange(len(requests))]
                started = scheduled if interval else time.perf_counter()
                scheduled += interval
                try:
                    status, _size = await asyncio.wait_for(connection.request(path, cookie), 30)
                except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as error:
                    errors.append(repr(error))
                    connection.close()
                    continue
                latencies.append((time.perf_counter() - started) * 1000)
                statuses[status] = statuses.get(status, 0) + 1
                if status != 200:
                    errors.append(f"HTTP {status} for {path}")
        finally:
            connection.close()

    await asyncio.gather(*(client(i) for i in range(connections)))
    return time.perf_counter() - begin, latencies, errors, statuses


async def visit_each_once(port: int, requests: list[tuple[str, str]], connections: int) -> None:
    waiting = list(requests)

    async def client():
        connection = Connection(port)
        try:
            while waiting:
                path, cookie = waiting.pop()
                await asyncio.wait_for(connection.request(path, cookie), 30)
        finally:
            connection.close()

    await asyncio.gather(*(client() for _ in range(connections)))


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))] if ordered else float("nan")


def report(
    label: str, elapsed: float, latencies: list[float], errors: list[str], statuses: dict, window: float = 0.0
) -> dict:
    """``window``: at a fixed rate, the seconds over which the requests were scheduled. Throughput is then
    what was answered of that schedule (the last answers arrive after the window closes)."""
    ordered = sorted(latencies)
    figures = {
        "rps": len(latencies) / (window or elapsed),
        "p50": statistics.median(ordered) if ordered else float("nan"),
        "p95": percentile(ordered, 0.95),
        "p99": percentile(ordered, 0.99),
        "max": ordered[-1] if ordered else float("nan"),
        "errors": len(errors),
    }
    verdict = "OK" if figures["rps"] >= 200 and figures["p95"] <= 100 and not errors else "below target"
    print(
        f"  {label:<18} {len(latencies):>7} requests in {elapsed:5.1f} s  {figures['rps']:7.1f} req/s   "
        f"p50 {figures['p50']:6.1f}  p95 {figures['p95']:6.1f}  p99 {figures['p99']:6.1f}  "
        f"max {figures['max']:7.1f} ms   errors {len(errors)}   {statuses}   [{verdict}]",
        flush=True,
    )
    for error in sorted(set(errors))[:5]:
        print(f"      e.g. {error}")
    return figures


# --- the server --------------------------------------------------------------------------------------------


def server_command(port: int) -> list[str]:
    bin_dir = Path(sys.executable).parent
    if args.server == "granian":
        return [
            str(bin_dir / "granian"),
            "--interface",
            "wsgi",
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--blocking-threads",
            str(args.threads),
            "--no-ws",
            "--log-level",
            "warning",
            "wendbaar.wsgi:application",
        ]
    command = [
        str(bin_dir / "gunicorn"),
        "wendbaar.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(args.workers),
        "--log-level",
        "warning",
        "--keep-alive",
        "5",
    ]
    if args.threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(args.threads)]
    return command


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            sys.exit(f"the server stopped with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    sys.exit("the server did not answer within a minute")


def main():
    secret_key = secrets.token_urlsafe(50)
    os.environ["SECRET_KEY"] = secret_key  # the sessions made here must be valid for the server
    static_root = tempfile.mkdtemp(prefix="wendbaar-static-")
    os.environ["STATIC_ROOT"] = static_root
    # Without --reuse: a small database of its own, dropped afterwards (the server stops first).
    database = args.database if args.reuse else "wendbaar_bench_load"
    with fresh_django("postgres", name=database, keep=args.reuse, reuse=args.reuse):
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client

        from wendbaar.accounts.models import User
        from wendbaar.profiles.models import ProfileSkill

        if not args.reuse:
            import generate

            generate.generate(
                argparse.Namespace(
                    profiles=args.profiles, opportunities=0, events=0, organisations=100, visible=0.33, seed=7
                )
            )
        started = time.perf_counter()
        call_command("collectstatic", "--noinput", verbosity=0)
        print(f"collectstatic {time.perf_counter() - started:.1f} s")

        # Distinct people with a filled-in profile, signed in once (a session row each, as after login).
        rng = random.Random(11)
        with_skills = list(
            User.objects.filter(profile__skills__isnull=False, is_active=True)
            .distinct()
            .order_by("id")
            .values_list("id", flat=True)[: args.people * 4]
        )
        people = User.objects.filter(id__in=rng.sample(with_skills, min(args.people, len(with_skills))))
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        cookies = []
        for person in people:
            client = Client()
            client.force_login(person)
            cookies.append(
                f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
            )
        api = []
        for profile_id in {p.profile.id for p in people}:
            rows = ProfileSkill.objects.filter(profile_id=profile_id).values_list(
                "skill__uri", "skill__code", "level", "profile__current_occupation__code"
            )
            skills = ",".join(f"{uri or code}:{level}" for uri, code, level, _o in rows)
            occupation = rows[0][3] if rows else ""
            api.append(
                (
                    f"/verkennen/api/recommend?skills={quote(skills, safe=':,')}"
                    f"&occupation={occupation}&limit=10",
                    "",
                )
            )
        targets = {
            "verkennen": [("/verkennen/", cookie) for cookie in cookies],
            "recommend": api,
        }
        from django.db import connections

        connections.close_all()
        return serve_and_load(postgres_url(database), secret_key, static_root, targets)


def serve_and_load(database_url, secret_key, static_root, targets) -> dict:
    port = args.port or free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": secret_key,
        "DEBUG": "false",
        "ALLOWED_HOSTS": HOST,
        "SECURE_HTTPS": "false",
        "STATIC_ROOT": static_root,
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "wendbaar.settings",
        "REDIS_URL": args.redis,
    }
    if args.redis:
        import redis

        redis.Redis.from_url(args.redis, socket_connect_timeout=2).flushdb()
    command = server_command(port)
    print(f"server: {' '.join(Path(c).name if c.startswith('/') else c for c in command)}")
    process = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    results = {}
    try:
        wait_until_up(port, process)
        for name in args.targets.split(","):
            requests = targets[name]
            # Each person once (their first visit ranks and renders their cards, 25–40 ms, then kept in
            # the shared cache), then a few seconds of load for every worker: the figures below are the
            # steady state of people coming back.
            started = time.perf_counter()
            asyncio.run(visit_each_once(port, requests, args.connections))
            print(f"  {name}: {len(requests)} first visits in {time.perf_counter() - started:.1f} s")
            asyncio.run(load(port, requests, args.warmup, args.connections, args.max_requests))
            for rate in [float(r) for r in args.rates.split(",")]:
                client_cpu = time.process_time()
                elapsed, latencies, errors, statuses = asyncio.run(
                    load(port, requests, args.duration, args.connections, args.max_requests, rate)
                )
                client_cpu = time.process_time() - client_cpu
                label = f"{name} {f'@{rate:.0f}/s' if rate else 'closed'}"
                window = args.duration if rate else 0.0
                results[label] = report(label, elapsed, latencies, errors, statuses, window)
                # The client shares the 2 cores with the server: what it took of them.
                share = 100 * client_cpu / elapsed
                print(f"      load client CPU {client_cpu:.1f} s ({share:.0f}% of one core)")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(static_root, ignore_errors=True)
    return results


if __name__ == "__main__":
    print(
        f"{args.connections} connections, {args.duration:.0f} s per target "
        f"after {args.warmup:.0f} s warm-up; "
        f"{args.server}, {args.workers} workers × {args.threads} threads; "
        f"{'kept database ' + args.database if args.reuse else f'{args.profiles:,} generated profiles'}"
    )
    main()
