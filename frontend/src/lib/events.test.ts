import { describe, expect, it } from "vitest";
import { backoffDelay, parseSse, toServerEvent } from "./sse";

describe("parseSse", () => {
  it("splits complete frames and keeps the unfinished rest", () => {
    const { frames, rest } = parseSse(
      'event: broadcast_logs.created\ndata: {"count":1}\n\nevent: resync\ndata: {}\n\nevent: tick',
    );
    expect(frames).toEqual([
      { event: "broadcast_logs.created", data: '{"count":1}' },
      { event: "resync", data: "{}" },
    ]);
    expect(rest).toBe("event: tick");
  });

  it("drops comment lines and keep-alive frames, reads retry", () => {
    const parsed = parseSse("retry: 3000\n: connected\n\n: keep-alive\n\n");
    expect(parsed.frames).toEqual([]);
    expect(parsed.retry).toBe(3000);
    expect(parsed.rest).toBe("");
  });

  it("joins multi-line data, defaults the event name and reads ids", () => {
    const { frames } = parseSse("id: 7\ndata: a\ndata:b\n\n");
    expect(frames).toEqual([{ event: "message", data: "a\nb", id: "7" }]);
  });

  it("handles CRLF, CR and a CRLF split across chunks", () => {
    expect(parseSse("event: x\r\ndata: 1\r\n\r\nevent: y\rdata: 2\r\r: k").frames).toEqual([
      { event: "x", data: "1" },
      { event: "y", data: "2" },
    ]);
    const first = parseSse("event: x\r\ndata: 1\r\n\r");
    expect(first.frames).toEqual([]);
    const second = parseSse(`${first.rest}\n`);
    expect(second.frames).toEqual([{ event: "x", data: "1" }]);
  });

  it("reassembles a frame delivered in pieces", () => {
    let buffer = "";
    const seen: string[] = [];
    for (const chunk of ["event: ticket.created\nda", 'ta: {"id":"t1"}', "\n", "\n"]) {
      const parsed = parseSse(buffer + chunk);
      buffer = parsed.rest;
      seen.push(...parsed.frames.map((f) => f.data));
    }
    expect(seen).toEqual(['{"id":"t1"}']);
    expect(buffer).toBe("");
  });
});

describe("toServerEvent", () => {
  it("types known events with the JSON payload", () => {
    expect(
      toServerEvent({
        event: "broadcast_logs.created",
        data: '{"type":"broadcast_logs.created","count":2,"failed":1}',
      }),
    ).toEqual({ type: "broadcast_logs.created", count: 2, failed: 1 });
  });
  it("types conversation updates with their id", () => {
    expect(
      toServerEvent({
        event: "conversation.updated",
        data: '{"type":"conversation.updated","id":"c-1","at":"2026-12-09T01:00:00Z"}',
      }),
    ).toEqual({ type: "conversation.updated", id: "c-1", at: "2026-12-09T01:00:00Z" });
  });
  it("ignores unknown events and malformed data", () => {
    expect(toServerEvent({ event: "other", data: "{}" })).toBeNull();
    expect(toServerEvent({ event: "ticket.created", data: "not json" })).toBeNull();
    expect(toServerEvent({ event: "resync", data: "[]" })).toBeNull();
  });
});

describe("backoffDelay", () => {
  it("grows exponentially and is capped", () => {
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
  });
});
