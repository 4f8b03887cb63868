#!/usr/bin/env python3
"""`make faults`: the server under write load while PostgreSQL restarts, its connections are
killed, Redis dies, the pool runs dry and a statement runs past its timeout.

Started by scripts/faults/run.sh, which builds the server, creates a throw-away cluster and
loads the demo data; this script starts the server and a throw-away Redis, runs the
scenarios, checks every answer and the stored rows, prints a summary table and exits 1 on
any violation. Python standard library only.

The load: W threads, each creating tasks (POST /api/v1/tasks) one after the other, each with
its own Idempotency-Key and title. A failed attempt (any non-2xx answer, or none) is sent
again with the same key and body every 50 ms until it is acknowledged, so a write whose
answer was lost is replayed, never created twice. The client deliberately retries sooner
than Retry-After asks, to measure how soon the server serves again.
"""

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid

HOST, PORT = os.environ.get("FAULTS_BIND_ADDR", "127.0.0.1:18095").rsplit(":", 1)
PORT = int(PORT)
SERVER_BIN = os.environ["FAULTS_SERVER_BIN"]
DATABASE_URL = os.environ["DATABASE_URL"]
DATA_DIR = os.environ["FAULTS_DATA_DIR"]
PGDATA = os.environ["FAULTS_PGDATA"]
PGBIN = os.environ["FAULTS_PGBIN"]
REDIS_PORT = int(os.environ.get("FAULTS_REDIS_PORT", "6395"))
WORKERS = int(os.environ.get("FAULTS_WORKERS", "8"))
REPORT = os.environ.get("FAULTS_REPORT")
# FAULTS_WITHOUT_KEYS=1 sends no Idempotency-Key: the duplicates check must then fail
# (a self-test of the check).
SEND_KEYS = not os.environ.get("FAULTS_WITHOUT_KEYS")

RUN = uuid.uuid4().hex[:8]
EMAIL, PASSWORD = "salesperson@demo.local", "demo12345"
CLIENT_TIMEOUT = 15.0  # an answer later than this is a hang
RETRY_PAUSE = 0.05
DROP_EVERY = 10  # every tenth write of a writer loses its first answer ...
DROP_AFTER = 0.3  # ... hanging up this long after sending (the write has usually committed)
DRAIN = 30.0  # after the load stops, how long a writer may still retry its last write
RECOVERY_LIMIT = 2.0  # seconds from "the database is back" to serving again
ACQUIRE_TIMEOUT_MS = 3000  # the default pool acquire timeout, for scenarios 1-3
FAST_503 = ACQUIRE_TIMEOUT_MS / 1000 + 2.0  # a 503 slower than this is a hang
SMALL_POOL = 3  # scenarios 4-5: one of these is the realtime listener's
SMALL_ACQUIRE_MS = 500
SMALL_STATEMENT_MS = 3000


def log(message):
    print(f"faults [{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- HTTP -------------------------------------------------------------------------------

class Answer:
    def __init__(self, status, headers, body, start, end, error=None):
        self.status, self.headers, self.body = status, headers, body
        self.start, self.end, self.error = start, end, error

    @property
    def ok(self):
        return self.status is not None and 200 <= self.status < 300

    def json(self):
        try:
            return json.loads(self.body or b"null")
        except ValueError:
            return None


def call(method, path, token=None, body=None, key=None, timeout=CLIENT_TIMEOUT, drop_after=None):
    """One request on a fresh connection; with `drop_after`, the client hangs up that many
    seconds after sending, its answer unread (a lost answer)."""
    headers = {"accept": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    if key and SEND_KEYS:
        headers["idempotency-key"] = key
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["content-type"] = "application/json"
    start = time.monotonic()
    conn = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        conn.request(method, path, body=data, headers=headers)
        if drop_after is not None:
            time.sleep(drop_after)
            return Answer(None, {}, b"", start, time.monotonic(), error="dropped")
        response = conn.getresponse()
        payload = response.read()
        answer = Answer(response.status, {k.lower(): v for k, v in response.getheaders()},
                        payload, start, time.monotonic())
    except (OSError, http.client.HTTPException) as err:
        answer = Answer(None, {}, b"", start, time.monotonic(), error=f"{type(err).__name__}: {err}")
    finally:
        conn.close()
    return answer


def login():
    answer = call("POST", "/api/v1/auth/login", body={"email": EMAIL, "password": PASSWORD})
    if not answer.ok:
        raise SystemExit(f"login failed: {answer.status} {answer.body[:200]!r} {answer.error}")
    return answer.json()["token"]


def task_body(key):
    return {"title": f"fault {key}", "due_at": "2030-01-31T09:00:00Z"}


# --- processes --------------------------------------------------------------------------

def as_postgres(argv):
    return (["runuser", "-u", "postgres", "--"] + argv) if os.getuid() == 0 else argv


def psql(sql):
    out = subprocess.run(["psql", DATABASE_URL, "-XAtq", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


class Redis:
    def __init__(self):
        self.proc = None

    def start(self):
        logfile = open(os.path.join(DATA_DIR, "redis.log"), "a")
        self.proc = subprocess.Popen(
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=logfile, stderr=subprocess.STDOUT)
        for _ in range(100):
            if self.cli("ping") == "PONG":
                return
            time.sleep(0.05)
        raise SystemExit("redis-server did not start")

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def cli(self, *args):
        out = subprocess.run(["redis-cli", "-p", str(REDIS_PORT), *args],
                             capture_output=True, text=True)
        return out.stdout.strip()

    def keys(self, pattern):
        return [k for k in self.cli("--scan", "--pattern", pattern).splitlines() if k]


class Server:
    def __init__(self):
        self.proc = None

    def start(self, **settings):
        env = dict(os.environ)
        env.update({k: str(v) for k, v in settings.items()})
        logfile = open(os.path.join(DATA_DIR, "server.log"), "a")
        self.proc = subprocess.Popen([SERVER_BIN, "serve"], env=env, stdout=logfile,
                                     stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("the server exited at start-up (see server.log)")
            if call("GET", "/readyz", timeout=2).status == 200:
                return
            time.sleep(0.2)
        raise SystemExit("the server did not become ready")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# --- load -------------------------------------------------------------------------------

class Load:
    """W writers (and, with reads, a dashboard read after each write) until stopped."""

    def __init__(self, name, token, reads=False, workers=WORKERS):
        self.name, self.token, self.reads = name, token, reads
        self.answers = []  # (kind, Answer)
        self.acked = {}  # key -> id of the stored task
        self.unresolved = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self.worker, args=(w,), daemon=True)
                        for w in range(workers)]

    def record(self, kind, answer):
        with self.lock:
            self.answers.append((kind, answer))

    def write(self, key, give_up_at=None, drop_first=False):
        """Sends the write until it is acknowledged; after `stop`, for at most DRAIN s more.
        With `drop_first`, the answer to the first attempt is lost on purpose."""
        if drop_first:
            self.record("dropped", call("POST", "/api/v1/tasks", self.token, task_body(key), key,
                                        drop_after=DROP_AFTER))
        while True:
            answer = call("POST", "/api/v1/tasks", self.token, task_body(key), key)
            self.record("write", answer)
            if answer.ok:
                with self.lock:
                    self.acked[key] = (answer.json() or {}).get("id")
                return
            limit = give_up_at
            if limit is None and self.stopping.is_set():
                limit = self.stopped_at + DRAIN
            if limit is not None and time.monotonic() > limit:
                with self.lock:
                    self.unresolved.append(key)
                return
            time.sleep(RETRY_PAUSE)

    def worker(self, w):
        n = 0
        while not self.stopping.is_set():
            self.write(f"{RUN}-{self.name}-{w}-{n}", drop_first=n % DROP_EVERY == DROP_EVERY - 1)
            n += 1
            if self.reads:
                self.record("read", call("GET", "/api/v1/dashboard/summary", self.token))

    def start(self):
        for thread in self.threads:
            thread.start()
        return self

    def stop(self):
        self.stopped_at = time.monotonic()
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=60)
        if any(thread.is_alive() for thread in self.threads):
            self.unresolved.append("a writer never finished its last write")


# --- checks -----------------------------------------------------------------------------

def answer_violations(answers, allow_503=True, fast=FAST_503):
    """Every failed answer must be a fast 503 with Retry-After in the error envelope."""
    problems = []
    for kind, a in answers:
        if a.ok or kind == "dropped":
            continue
        took = a.end - a.start
        if a.status is None:
            problems.append(f"{kind}: no answer after {took:.1f}s ({a.error})")
        elif a.status != 503 or not allow_503:
            problems.append(f"{kind}: {a.status} {a.body[:120]!r}")
        else:
            if "retry-after" not in a.headers:
                problems.append(f"{kind}: 503 without Retry-After")
            if (a.json() or {}).get("code") != "service_unavailable":
                problems.append(f"{kind}: 503 outside the error envelope: {a.body[:120]!r}")
            if took > fast:
                problems.append(f"{kind}: 503 after {took:.1f}s (a hang)")
    return problems


def stored(prefix):
    """Ids and per-title counts of the tasks whose title starts with `fault <prefix>`."""
    rows = psql(f"select id::text || '|' || title from tasks where title like 'fault {prefix}%'")
    ids, titles = set(), {}
    for row in rows.splitlines():
        task_id, title = row.split("|", 1)
        ids.add(task_id)
        titles[title] = titles.get(title, 0) + 1
    return ids, titles


def write_checks(prefix, acked, unresolved):
    ids, titles = stored(prefix)
    lost = [key for key, task_id in acked.items() if task_id not in ids]
    duplicates = sum(count - 1 for count in titles.values() if count > 1)
    problems = [f"acknowledged write lost: {key}" for key in lost[:5]]
    if duplicates:
        problems.append(f"{duplicates} duplicate rows")
    problems += [f"never acknowledged: {key}" for key in unresolved[:5]]
    return len(lost), duplicates, problems


def recovery_after(answers, fault, back, until=None):
    """Seconds from `back` (the database serves again) until the first success after the
    last failure among the answers that ended between `fault` and `until`."""
    window = [a for kind, a in answers
              if kind != "dropped" and a.end >= fault and (until is None or a.end < until)]
    failures = [a.end for a in window if not a.ok]
    if not failures:
        return 0.0
    last_failure = max(failures)
    successes = [a.end for a in window if a.ok and a.end >= last_failure]
    if not successes:
        return float("inf")
    return max(0.0, min(successes) - back)


class Outcome:
    def __init__(self, name):
        self.name = name
        self.acked = self.lost = self.duplicates = self.unavailable = 0
        self.slowest_503 = 0.0
        self.recovery = None
        self.requests = self.replays = self.dropped = 0
        self.problems = []
        self.note = ""

    def add_answers(self, answers):
        """Counts every answer of the scenario (call once, with all of them)."""
        self.unavailable = sum(1 for _, a in answers if a.status == 503)
        self.slowest_503 = max([0.0] + [a.end - a.start for _, a in answers if a.status == 503])
        self.requests = len(answers)
        self.dropped = sum(1 for kind, _ in answers if kind == "dropped")
        self.replays = sum(1 for _, a in answers if a.headers.get("idempotent-replayed") == "true")


def settle(out, load, allow_503=True):
    """The checks of a load run: its answers, then its writes against the stored rows."""
    out.add_answers(load.answers)
    out.problems += answer_violations(load.answers, allow_503=allow_503)
    out.acked = len(load.acked)
    out.lost, out.duplicates, problems = write_checks(f"{RUN}-{load.name}-", load.acked,
                                                      load.unresolved)
    out.problems += problems


# --- scenarios --------------------------------------------------------------------------

def scenario_pg_restart(token):
    out = Outcome("1. PostgreSQL restart")
    load = Load("restart", token).start()
    time.sleep(3)
    log("pg_ctl restart -m fast")
    fault = time.monotonic()
    subprocess.run(as_postgres([f"{PGBIN}/pg_ctl", "-D", PGDATA, "-m", "fast", "-w", "-t", "60",
                                "-l", os.path.join(DATA_DIR, "postgres.log"), "restart"]),
                   check=True, stdout=subprocess.DEVNULL)
    back = time.monotonic()
    time.sleep(4)
    load.stop()
    out.note = f"pg_ctl restart took {back - fault:.2f}s"
    settle(out, load)
    out.recovery = recovery_after(load.answers, fault, back)
    if out.recovery > RECOVERY_LIMIT:
        out.problems.append(f"recovery took {out.recovery:.2f}s")
    return out


def scenario_kills(token, rounds=3):
    out = Outcome("2. Connection kills")
    load = Load("kills", token).start()
    time.sleep(2)
    kills, backs, killed = [], [], 0
    for _ in range(rounds):
        kills.append(time.monotonic())
        killed += int(psql("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                           "where usename = 'cc_app'") or 0)
        backs.append(time.monotonic())
        time.sleep(2.5)
    load.stop()
    settle(out, load)
    ends = kills[1:] + [None]
    rounds_recovery = [recovery_after(load.answers, k, b, e)
                       for k, b, e in zip(kills, backs, ends)]
    out.recovery = max(rounds_recovery)
    if os.environ.get("FAULTS_DEBUG"):
        for kind, a in load.answers:
            if not a.ok:
                print(kind, a.status, [round(a.start - k, 3) for k in kills],
                      round(a.end - a.start, 3), a.body[:100])
    if out.recovery > RECOVERY_LIMIT:
        out.problems.append(f"recovery took {out.recovery:.2f}s")
    out.note = (f"{rounds} rounds, {killed} backends killed, recovery per round "
                + ", ".join(f"{r:.2f}s" for r in rounds_recovery))
    return out


def scenario_redis(token, redis):
    out = Outcome("3. Redis killed")
    load = Load("redis", token, reads=True).start()
    time.sleep(2)
    before = len(redis.keys("cc:*"))
    log("redis-server killed (SIGKILL)")
    redis.kill()
    time.sleep(3)
    redis.start()
    log("redis-server back (empty)")
    time.sleep(3)
    load.stop()
    after = len(redis.keys("cc:dash:*"))
    settle(out, load, allow_503=False)
    if before == 0:
        out.problems.append("the server did not use Redis before it was killed")
    if after == 0:
        out.problems.append("the server did not use Redis again once it was back")
    reads = sum(1 for kind, _ in load.answers if kind == "read")
    out.note = f"{reads} dashboard reads; cache keys before {before}, after the return {after}"
    return out


class TableLock:
    """An open transaction holding ACCESS EXCLUSIVE on tasks: writes to it wait."""

    def __enter__(self):
        self.proc = subprocess.Popen(["psql", DATABASE_URL, "-XAtq", "-v", "ON_ERROR_STOP=1"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.proc.stdin.write("begin; lock table tasks in access exclusive mode; select 'locked';\n")
        self.proc.stdin.flush()
        if self.proc.stdout.readline().strip() != "locked":
            raise SystemExit("could not lock tasks")
        return self

    def release(self):
        if self.proc.poll() is None:
            self.proc.stdin.write("rollback;\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=10)

    def __exit__(self, *exc):
        self.release()


def in_threads(jobs):
    threads = [threading.Thread(target=job, daemon=True) for job in jobs]
    for thread in threads:
        thread.start()
    return threads


def scenario_pool(token):
    out = Outcome("4. Pool exhaustion")
    concurrent = 3 * SMALL_POOL
    results = {}

    def slow(i):
        key = f"{RUN}-pool-{i}"
        results[key] = call("POST", "/api/v1/tasks", token, task_body(key), key)

    with TableLock() as lock:
        threads = in_threads([lambda i=i: slow(i) for i in range(concurrent)])
        deadline = time.monotonic() + SMALL_STATEMENT_MS / 1000 * 0.6
        while time.monotonic() < deadline and len(results) < concurrent - SMALL_POOL + 1:
            time.sleep(0.02)
        waiting = int(psql("select count(*) from pg_stat_activity where usename = 'cc_app' "
                           "and wait_event_type = 'Lock'") or 0)
        lock.release()
    for thread in threads:
        thread.join(timeout=CLIENT_TIMEOUT + 5)
    answers = [("write", a) for a in results.values()]
    out.problems += answer_violations(answers, fast=SMALL_ACQUIRE_MS / 1000 + 1.0)
    refused = sum(1 for _, a in answers if a.status == 503)
    if refused < concurrent - SMALL_POOL:
        out.problems.append(f"only {refused} of {concurrent} requests were refused")
    # Everything refused is sent again and succeeds now that the pool is free.
    load = Load("pool-retry", token, workers=1)
    for key, answer in results.items():
        if not answer.ok:
            load.write(key, give_up_at=time.monotonic() + 10)
        else:
            load.acked[key] = (answer.json() or {}).get("id")
    out.add_answers(answers + load.answers)
    out.acked = len(load.acked)
    out.lost, out.duplicates, problems = write_checks(f"{RUN}-pool-", load.acked, load.unresolved)
    out.problems += problems
    out.note = (f"pool {SMALL_POOL}, {concurrent} concurrent writes held by a table lock, "
                f"{waiting} waiting in PostgreSQL, acquire timeout {SMALL_ACQUIRE_MS} ms")
    return out


def scenario_statement_timeout(token):
    out = Outcome("5. Statement timeout")
    key = f"{RUN}-timeout-0"
    with TableLock():
        answer = call("POST", "/api/v1/tasks", token, task_body(key), key)
    took = answer.end - answer.start
    limit = SMALL_STATEMENT_MS / 1000
    answers = [("write", answer)]
    out.problems += answer_violations(answers, fast=limit + 1.5)
    if answer.status != 503:
        out.problems.append(f"the timed-out write answered {answer.status}")
    elif took < limit:
        out.problems.append(f"503 after {took:.2f}s, before the statement timeout")
    load = Load("timeout", token, workers=1)
    back = time.monotonic()
    load.write(key, give_up_at=back + 10)
    for n in range(1, 20):
        load.write(f"{RUN}-timeout-{n}", give_up_at=back + 10)
    healthy = [a for _, a in load.answers]
    out.add_answers(answers + load.answers)
    if not all(a.ok for a in healthy):
        out.problems.append("requests after the timeout failed: "
                            + ", ".join(str(a.status) for a in healthy if not a.ok))
    aborted = int(psql("select count(*) from pg_stat_activity where usename = 'cc_app' "
                       "and state = 'idle in transaction (aborted)'") or 0)
    if aborted:
        out.problems.append(f"{aborted} connections left in an aborted transaction")
    out.acked = len(load.acked)
    out.lost, out.duplicates, problems = write_checks(f"{RUN}-timeout-", load.acked, load.unresolved)
    out.problems += problems
    out.recovery = min([a.end for a in healthy if a.ok] or [float("inf")]) - back
    out.note = (f"statement_timeout {SMALL_STATEMENT_MS} ms: 503 after {took:.2f}s; "
                f"then {len(healthy)} writes on the same pool of {SMALL_POOL}")
    return out


# --- main -------------------------------------------------------------------------------

def table(outcomes):
    head = ("scenario", "requests", "writes acked", "lost", "duplicates", "answers dropped",
            "replayed", "503",
            "slowest 503", "recovery", "result")
    rows = [head]
    for o in outcomes:
        recovery = "-" if o.recovery is None else f"{o.recovery:.2f}s"
        rows.append((o.name, str(o.requests), str(o.acked), str(o.lost),
                     str(o.duplicates), str(o.dropped), str(o.replays), str(o.unavailable), f"{o.slowest_503:.2f}s", recovery,
                     "ok" if not o.problems else "FAIL"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in rows]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for o in outcomes:
        if o.note:
            lines.append(f"{o.name}: {o.note}")
        counted = {}
        for problem in o.problems:
            counted[problem] = counted.get(problem, 0) + 1
        for problem, count in list(counted.items())[:20]:
            times = f" (x{count})" if count > 1 else ""
            lines.append(f"  VIOLATION {o.name}: {problem}{times}")
    return "\n".join(lines)


def main():
    redis, server = Redis(), Server()
    outcomes = []
    base = {"BIND_ADDR": f"{HOST}:{PORT}", "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}",
            "LOG_FORMAT": "json", "RUST_LOG": os.environ.get("RUST_LOG", "warn"),
            "ACCESS_TOKEN_MINUTES": 120, "DB_ACQUIRE_TIMEOUT_MS": ACQUIRE_TIMEOUT_MS}
    try:
        redis.start()
        log(f"server on {HOST}:{PORT}: pool 16, acquire timeout {ACQUIRE_TIMEOUT_MS} ms, "
            f"{WORKERS} writers")
        server.start(**base)
        token = login()
        for run in (scenario_pg_restart, scenario_kills):
            log(run.__name__)
            outcomes.append(run(token))
        log("scenario_redis")
        outcomes.append(scenario_redis(token, redis))
        server.stop()
        log(f"server again: pool {SMALL_POOL}, acquire timeout {SMALL_ACQUIRE_MS} ms, "
            f"statement timeout {SMALL_STATEMENT_MS} ms, no embedded worker")
        server.start(**{**base, "DB_MAX_CONNECTIONS": SMALL_POOL,
                        "DB_ACQUIRE_TIMEOUT_MS": SMALL_ACQUIRE_MS,
                        "DB_STATEMENT_TIMEOUT_MS": SMALL_STATEMENT_MS, "EMBEDDED_WORKER": "false"})
        token = login()
        for run in (scenario_pool, scenario_statement_timeout):
            log(run.__name__)
            outcomes.append(run(token))
    finally:
        server.stop()
        redis.kill()
    summary = table(outcomes)
    print(summary)
    if REPORT:
        with open(REPORT, "w") as f:
            f.write(summary + "\n")
    failed = [o for o in outcomes if o.problems]
    if failed:
        print(f"make faults: {len(failed)} scenario(s) violated their checks", file=sys.stderr)
        return 1
    print("make faults: every scenario held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
