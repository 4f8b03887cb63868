#!/usr/bin/env python3
"""Writes the figures of a `make bench` run into docs/benchmarks.md.

Reads, per scenario NAME in the run directory: NAME.wrk.json (scripts/bench/common.lua),
NAME.pgbench.txt and the per-transaction logs NAME.pgb.* of pgbench, NAME.rss_kb; and
replaces the text between the bench:results markers of the document.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import subprocess

SCENARIOS = [
    ("list_salesperson", "`GET /api/v1/leads?per_page=25`", "salesperson"),
    ("list_marketing_manager", "`GET /api/v1/leads?per_page=25`", "marketing_manager"),
    ("lead_bundle", "`POST /api/v1/leads` (lead bundle, new customer)", "marketing_staff"),
    ("broadcast_single", "`POST /api/v1/broadcast-logs` (one log)", "n8n key"),
    ("broadcast_batch", "`POST /api/v1/broadcast-logs` (batch of {batch} logs)", "n8n key"),
    ("tickets_cs_agent", "`GET /api/v1/tickets?assigned_to=me&per_page=25` (\"mine\")", "cs_agent"),
    ("tickets_cs_agent_unassigned", "`GET /api/v1/tickets?assigned_to=unassigned&per_page=25`", "cs_agent"),
    ("tickets_cs_admin", "`GET /api/v1/tickets?per_page=25`", "cs_admin"),
    ("dashboard_cs_admin", "`GET /api/v1/dashboard/summary` (uncached)", "cs_admin"),
    ("ar_aging", "`GET /api/v1/ar/aging` (today)", "finance_manager"),
    ("ar_aging_year_ago", "`GET /api/v1/ar/aging?as_of={year_ago}` (a year ago)", "finance_manager"),
    ("ar_dso", "`GET /api/v1/ar/dso` (today, with its 6-month series)", "finance_manager"),
    ("ar_dso_year_ago", "`GET /api/v1/ar/dso?as_of={year_ago}`", "finance_manager"),
    ("ar_outstanding", "`GET /api/v1/ar/outstanding?per_page=25`", "finance_manager"),
    ("ar_payment", "`POST /api/v1/payments` (Rp 1,000 FIFO, one of 2,000 customers)", "finance_manager"),
    ("kpi_scorecard_team", "`GET /api/v1/kpi/scorecard?period=<this month>&team=<sales manager>`", "sales_manager"),
    ("kpi_scorecard_company", "`GET /api/v1/kpi/scorecard?period=<this month>&company=true`", "director"),
]


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    k = max(0, min(len(sorted_values) - 1, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


def pgbench_figures(run, name):
    text = open(os.path.join(run, f"{name}.pgbench.txt")).read()
    tps = re.search(r"tps = ([\d.]+) \(without initial connection time\)", text)
    tps = float(tps.group(1)) if tps else 0.0
    failed = re.search(r"number of failed transactions: (\d+)", text)
    aborted = len(re.findall(r"client \d+ script \d+ aborted", text))
    error = re.search(r"aborted in command \d+ query \d+: (ERROR: .*)", text)
    latencies = []
    for path in glob.glob(os.path.join(run, f"{name}.pgb.*")):
        with open(path) as f:
            for line in f:
                fields = line.split()
                if len(fields) >= 3 and fields[2].isdigit():
                    latencies.append(int(fields[2]) / 1000)
    latencies.sort()
    return {
        "tps": tps,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "transactions": len(latencies),
        "failed": int(failed.group(1)) if failed else 0,
        "aborted": aborted,
        "error": error.group(1).strip() if error else "",
    }


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} vCPU ({cpu}), {mem_gb:.0f} GiB RAM, Linux {platform.release()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("run")
    ap.add_argument("doc")
    for opt in ("scale", "duration", "connections", "threads", "seed-seconds", "postgres", "rows", "batch", "year-ago"):
        ap.add_argument(f"--{opt}", default="")
    a = ap.parse_args()
    rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain"], capture_output=True, text=True).stdout.strip()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"Measured {now} on commit `{rev}`{' (with uncommitted changes)' if dirty else ''}.",
        "",
        f"* Machine: {machine()}; load generators, server and PostgreSQL {a.postgres} on the same box.",
        f"* Data: `seed --demo` + `seed --scale {a.scale}` → {a.rows}"
        + (f"; seeding took {a.seed_seconds} s." if a.seed_seconds else "."),
        f"* Load: {a.connections} connections, {a.threads} threads, {a.duration} s per run after a warm-up; "
        f"`wrk -t{a.threads} -c{a.connections} -d{a.duration}s --timeout 30s` against the API, "
        f"`pgbench -n -M prepared -c{a.connections} -j{a.threads} -T{a.duration}` as `cc_app` with the captured SQL.",
        "",
        "| endpoint | as | API req/s | API p50 / p95 / p99 ms | pgbench tx/s | pgbench p50 / p95 / p99 ms | API / pgbench | server RSS |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    notes = []
    notes_rows = []
    loads = []
    for name, endpoint, role in SCENARIOS:
        path = os.path.join(a.run, f"{name}.wrk.json")
        if not os.path.exists(path):
            continue
        api = json.load(open(path))
        pgb = pgbench_figures(a.run, name)
        rss = open(os.path.join(a.run, f"{name}.rss_kb")).read().strip()
        ratio = api["rps"] / pgb["tps"] if pgb["tps"] else float("nan")
        if "{year_ago}" in endpoint:
            endpoint = endpoint.format(year_ago=a.year_ago or "<a year ago>")
        if name == "broadcast_batch" and a.batch:
            endpoint = endpoint.format(batch=a.batch)
            rows_per_s = api["rps"] * int(a.batch)
            notes_rows.append(
                f"* Batched ingest: {rows_per_s:,.0f} broadcast logs/s through the API "
                f"({pgb['tps'] * int(a.batch):,.0f} rows/s through pgbench), {a.batch} logs per request."
            )
        # A side that failed (errors, aborted pgbench clients) has no limit to compare with.
        failed_run = api["non_2xx"] or api["socket_errors"] or pgb["failed"] or pgb["aborted"] or not pgb["tps"]
        shown = "failed, see below" if failed_run else f"**{ratio:.2f}×**"
        lines.append(
            f"| {endpoint} | {role} | {api['rps']:,.0f} | {api['p50_ms']:.1f} / {api['p95_ms']:.1f} / {api['p99_ms']:.1f} "
            f"| {pgb['tps']:,.0f} | {pgb['p50_ms']:.1f} / {pgb['p95_ms']:.1f} / {pgb['p99_ms']:.1f} "
            f"| {shown} | {int(rss) / 1024:.0f} MB |"
        )
        load_path = os.path.join(a.run, f"{name}.load")
        if os.path.exists(load_path):
            loads.append(f"{name} {' / '.join(open(load_path).read().split())}")
        if api["non_2xx"] or api["socket_errors"] or pgb["failed"] or pgb["aborted"]:
            notes.append(
                f"* {name}: {api['non_2xx']} non-2xx responses of {api['requests']}, {api['socket_errors']} socket errors, "
                f"{pgb['failed']} failed pgbench transactions, {pgb['aborted']} of {a.connections} pgbench clients aborted"
                + (f" (`{pgb['error']}`)" if pgb["error"] else "")
                + "."
            )
    if notes_rows:
        lines += ["", *notes_rows]
    if notes:
        lines += ["", "Errors during the runs:", *notes]
    else:
        lines += ["", "No request failed (all 2xx) and no pgbench transaction failed."]
    if loads:
        lines += [
            "",
            "1-minute load average after the wrk / pgbench runs (2 would be both cores busy; "
            "other work on the machine shows up here): " + "; ".join(loads) + ".",
        ]
    doc = open(a.doc).read()
    start, end = "<!-- bench:results:start -->", "<!-- bench:results:end -->"
    head, rest = doc.split(start, 1)
    _, tail = rest.split(end, 1)
    open(a.doc, "w").write(head + start + "\n" + "\n".join(lines) + "\n" + end + tail)


if __name__ == "__main__":
    main()
