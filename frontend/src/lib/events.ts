/**
 * Live updates from GET /api/v1/events (Server-Sent Events). Read with `fetch` and a
 * stream reader so the bearer token travels in the Authorization header, never in a
 * URL (EventSource cannot send headers). One connection per tab, shared by every
 * `useServerEvents` caller; it reconnects with backoff (then emits `resync`, since
 * events may have been missed), refreshes an expired token, and stops when the last
 * subscriber leaves or the session ends.
 */
import { useEffect, useRef, useSyncExternalStore } from "react";
import { session } from "@/api/client";
import { backoffDelay, parseSse, toServerEvent, type ServerEvent } from "./sse";

export type ConnectionState = "idle" | "connecting" | "connected";

type Listener = (event: ServerEvent) => void;

const listeners = new Set<Listener>();
const stateListeners = new Set<() => void>();
let state: ConnectionState = "idle";
let controller: AbortController | null = null;

function setState(next: ConnectionState) {
  if (state === next) return;
  state = next;
  for (const l of stateListeners) l();
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** A valid access token, refreshed when expired; null when signed out. */
async function accessToken(): Promise<string | null> {
  if (!session.isAuthenticated) return null;
  if (session.isExpired) return session.refresh();
  return session.accessToken;
}

function dispatch(event: ServerEvent) {
  for (const l of [...listeners]) {
    try {
      l(event);
    } catch (error) {
      console.error(error);
    }
  }
}

async function readStream(response: Response, signal: AbortSignal): Promise<number | undefined> {
  const body = response.body;
  if (!body) return undefined;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let retry: number | undefined;
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener("abort", cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const parsed = parseSse(buffer);
      buffer = parsed.rest;
      if (parsed.retry !== undefined) retry = parsed.retry;
      for (const frame of parsed.frames) {
        const event = toServerEvent(frame);
        if (event) dispatch(event);
      }
    }
  } finally {
    signal.removeEventListener("abort", cancel);
  }
  return retry;
}

async function run(signal: AbortSignal) {
  // A stopped run must not overwrite the state of the run that replaced it.
  const stopped = () => signal.aborted;
  const report = (next: ConnectionState) => {
    if (!signal.aborted) setState(next);
  };
  let attempt = 0;
  let refreshed = false;
  let connectedBefore = false;
  while (!signal.aborted) {
    report("connecting");
    let wait: number | undefined;
    try {
      const token = await accessToken();
      if (!token || stopped()) break;
      const response = await fetch("/api/v1/events", {
        headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
        cache: "no-store",
        signal,
      });
      if (response.status === 401) {
        await response.body?.cancel().catch(() => undefined);
        // The token may have just expired: one refresh, then back off.
        if (!refreshed) {
          refreshed = true;
          if (!(await session.refresh())) break;
          continue;
        }
      } else if (response.ok) {
        report("connected");
        // Events may have been missed while reconnecting: tell subscribers to reload.
        if (connectedBefore) dispatch({ type: "resync" });
        connectedBefore = true;
        attempt = 0;
        refreshed = false;
        wait = await readStream(response, signal);
      } else {
        await response.body?.cancel().catch(() => undefined);
      }
    } catch {
      // Network failure or abort: retried below unless aborted.
    }
    if (stopped()) break;
    report("connecting");
    await sleep(wait !== undefined && attempt === 0 ? wait : backoffDelay(attempt), signal);
    attempt += 1;
  }
  report("idle");
}

function start() {
  if (controller) return;
  const c = new AbortController();
  controller = c;
  void run(c.signal).finally(() => {
    if (controller === c) controller = null;
  });
}

function stop() {
  controller?.abort();
  controller = null;
  setState("idle");
}

session.onEnd(() => stop());

/** Subscribes to server events; the connection opens with the first subscriber. */
export function subscribeServerEvents(listener: Listener): () => void {
  listeners.add(listener);
  start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stop();
  };
}

function subscribeState(l: () => void) {
  stateListeners.add(l);
  return () => stateListeners.delete(l);
}

/** The shared connection's state, for a "Live" indicator. */
export function useServerEventsState(): ConnectionState {
  return useSyncExternalStore(
    subscribeState,
    () => state,
    () => "idle",
  );
}

/**
 * Calls `onEvent` for each server event while the component is mounted (the latest
 * `onEvent` is used, no need to memoize it). Returns the connection state.
 */
export function useServerEvents(onEvent: (event: ServerEvent) => void): ConnectionState {
  const ref = useRef(onEvent);
  useEffect(() => {
    ref.current = onEvent;
  });
  useEffect(() => subscribeServerEvents((e) => ref.current(e)), []);
  return useServerEventsState();
}
