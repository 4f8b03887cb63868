#!/usr/bin/env python3
"""Turns the SQL one API request ran into a pgbench script that replays exactly it.

The bench sets `log_statement = all` on its private cluster, sends one request and reads
the server log: the request's session is found by the request id the response returned
(`app.request_id` is set by the per-request context statement of
crates/persistence/src/context.rs), and every statement of that session from its BEGIN to
its COMMIT is kept — the context statement plus the endpoint's SQL, as sqlx sent them.

Parameters stay parameters (pgbench -M prepared sends them like sqlx does):
  * the caller's user id becomes :uid;
  * ids returned by earlier statements of the request (customer, prospect, lead) are read
    back with \\gset and passed on by name;
  * values containing the capture marker (the lead bundle's unique identifiers, the AWBs
    of broadcast logs — in a batch the marker is in every item) become expressions of :n,
    so every pgbench transaction enters new identifiers; so does the intake's retry
    fingerprint (the first parameter of app.intake_begin / app.intake_complete);
  * arrays of ids the server made for the rows it inserts become fresh random ids;
  * with CAPTURE_VARY=<file>, values listed there are replaced by the SQL expression given
    beside them (one VALUE<TAB>EXPRESSION a line; lines starting with a backslash are
    pgbench meta-commands put at the top of the script) — the payment scenario picks its
    customer and that customer's oldest open invoice per transaction this way;
  * any other value becomes a -D constant written to <out>.defs (one NAME=VALUE a line);
  * NULL stays NULL, and an empty string is written as '' (pgbench -D cannot define one).

usage: capture.py LOG REQUEST_ID USER_ID OUT.sql [MARKER] [RESPONSE.json]
"""
import json
import os
import re
import sys

LINE = re.compile(r"^\S+ \S+ \S+ \[(?P<pid>\d+)\] (?P<session>\S+) (?P<level>[A-Z]+):  (?P<text>.*)$")
UUID_ARRAY = re.compile(r"^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})*\}$")
PARAM = re.compile(r"\$(\d+) = (NULL|'((?:[^']|'')*)')")


def read_entries(path):
    """(session, level, text) per log entry; continuation lines are joined."""
    entries = []
    with open(path, encoding="utf-8", errors="replace") as log:
        for raw in log:
            raw = raw.rstrip("\n")
            match = LINE.match(raw)
            if match:
                entries.append([match["session"], match["level"], match["text"]])
            elif entries:
                entries[-1][2] += "\n" + raw.lstrip("\t")
    return entries


def statements_of_request(entries, request_id):
    session = None
    for sess, level, text in entries:
        if level == "DETAIL" and f"'{request_id}'" in text:
            session = sess
    if session is None:
        sys.exit(f"capture: request {request_id} not found in the log")
    ours = [(level, text) for sess, level, text in entries if sess == session]
    # Statements with their parameters, in order.
    statements = []
    for level, text in ours:
        if level == "LOG":
            body = re.sub(r"^(duration: \S+ ms\s+)?", "", text)
            m = re.match(r"(?:statement|execute [^:]*): (.*)", body, re.S)
            if m:
                statements.append([m.group(1).strip(), {}])
        elif level == "DETAIL" and statements and text.startswith("parameters:"):
            for num, value, inner in PARAM.findall(text):
                statements[-1][1][int(num)] = None if value == "NULL" else inner.replace("''", "'")
    # From the BEGIN before the context statement to the COMMIT after it.
    ctx = next(i for i, (sql, params) in enumerate(statements) if request_id in params.values())
    start = max(i for i in range(ctx + 1) if statements[i][0].upper() == "BEGIN")
    end = next(i for i in range(ctx, len(statements)) if statements[i][0].upper() in ("COMMIT", "ROLLBACK"))
    return statements[start : end + 1]


def main():
    log, request_id, user_id, out = sys.argv[1:5]
    marker = sys.argv[5] if len(sys.argv) > 5 and sys.argv[5] else None
    response = json.load(open(sys.argv[6])) if len(sys.argv) > 6 else {}
    statements = statements_of_request(read_entries(log), request_id)
    vary, preamble = {}, []
    if os.environ.get("CAPTURE_VARY"):
        with open(os.environ["CAPTURE_VARY"]) as f:
            for line in f:
                line = line.rstrip("\n")
                if line.startswith("\\"):
                    preamble.append(line)
                elif "\t" in line:
                    value, expression = line.split("\t", 1)
                    vary[value] = expression
    # Ids the request returned, and the variable a \gset of the producing statement gives.
    produced = {}
    gset_markers = {
        "crm_find_or_create_customer": ("customer_id", "customer_id"),
        "crm_find_or_create_prospect": ("prospect_id", "prospect_id"),
        "insert into leads": ("lead_id", "id"),
        "insert into tickets": ("ticket_id", "id"),
        "insert into payments": ("id", "id"),
    }
    # \gset prefixes, so the variable names the row (:ticket_id, :payment_id).
    gset_prefixes = {"insert into tickets": "ticket_", "insert into payments": "payment_"}
    lines, defs = [], []
    for index, (sql, params) in enumerate(statements, 1):
        def render(match):
            num = int(match.group(1))
            if num not in params:
                return match.group(0)
            value = params[num]
            if value is None:
                return "NULL"
            if value == "":
                return "''"  # pgbench -D cannot define an empty variable
            if value in vary:
                return vary[value]
            if value == user_id:
                return ":uid"
            if value == request_id:
                name = "request_id"
            elif value in produced:
                return ":" + produced[value]
            elif fingerprint and num == 1:
                # The 24-hour retry fingerprint (intake_begin / intake_complete): a new one per
                # transaction, as every request of the run has a new body.
                defs.append(("fingerprint", value))
                return "overlay(:fingerprint placing lpad(:n::text, 10, '0') from 1 for 10)"
            elif UUID_ARRAY.match(value):
                # Ids made by the server for the rows it inserts: new ones every time.
                count = value.count(",") + 1
                return f"(select array_agg(gen_random_uuid()) from generate_series(1, {count}))"
            elif marker and value.count(marker) > 1:
                # A batch: the marker in every item.
                quoted = value.replace("'", "''")
                return f"replace('{quoted}', '{marker}', lpad(:n::text, {len(marker)}, '0'))"
            elif marker and marker in value:
                before, after = value.split(marker, 1)
                parts = [f"'{before}'"] if before else []
                parts.append(f"lpad(:n::text, {len(marker)}, '0')")
                if after:
                    parts.append(f"'{after}'")
                return "(" + " || ".join(parts) + ")"
            else:
                name = f"s{index}p{num}"
            defs.append((name, value))
            return ":" + name

        fingerprint = marker and ("intake_begin(" in sql or "intake_complete(" in sql)
        text = re.sub(r"\$(\d+)", render, sql)
        # sqlx's column annotations (`as "id!"`, `as "role!: Stored<Role>"`) name the column
        # with the annotation; pgbench's \gset needs the plain name.
        text = re.sub(r'as "(\w+)[!?]?(?::[^"]*)?"', r"as \1", text)
        lines.append(" ".join(text.split()) + ";")
        lowered = sql.lower()
        for needle, (field, var) in gset_markers.items():
            if needle in lowered and field in response:
                prefix = gset_prefixes.get(needle, "")
                lines[-1] = lines[-1][:-1] + (f" \\gset {prefix}" if prefix else " \\gset")
                produced[response[field]] = prefix + var
                break
    with open(out, "w") as f:
        f.write(f"-- Captured from request {request_id}; replays its SQL as is.\n")
        for line in preamble:
            f.write(line + "\n")
        if marker:
            # A per-client counter (pgbench keeps variables across a client's transactions).
            f.write("\\set k :k + 1\n\\set n :base + :client_id * 1000000 + :k\n")
        f.write("\n".join(lines) + "\n")
    with open(out + ".defs", "w") as f:
        seen = set()
        for name, value in defs:
            if name not in seen:
                seen.add(name)
                f.write(f"{name}={value}\n")
    print(f"{out}: {len(statements)} statements", file=sys.stderr)


if __name__ == "__main__":
    main()
