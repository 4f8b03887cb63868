import { describe, expect, it, vi } from "vitest";
import { ApiError } from "./errors";
import { AuthSession, createAuthFetch, type TokenStorage, type Tokens } from "./session";

function memoryStorage(initial: Tokens | null = null): TokenStorage & { value: Tokens | null } {
  return {
    value: initial,
    load() {
      return this.value;
    },
    save(t) {
      this.value = t;
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const expired = () => json(401, { error: "Token expired", code: "token_expired" });

/** A fake API accepting only `validToken`; records the Authorization header it saw. */
function fakeServer(validToken: () => string) {
  const seen: { path: string; auth: string | null; body: string }[] = [];
  const fetch = vi.fn(async (req: Request) => {
    const auth = req.headers.get("Authorization");
    seen.push({ path: new URL(req.url).pathname, auth, body: await req.text() });
    if (auth !== `Bearer ${validToken()}`) return expired();
    return json(200, { ok: true });
  });
  return { fetch, seen };
}

function setup(opts: { now?: () => number; tokens?: Tokens | null } = {}) {
  const storage = memoryStorage(
    opts.tokens === undefined ? { token: "old", refreshToken: "r1", expiresAt: 1e15 } : opts.tokens,
  );
  let valid = "new";
  const refresh = vi.fn(async (rt: string) => {
    await new Promise((r) => setTimeout(r, 5));
    if (rt !== "r1") throw new ApiError(401, "unauthorized", "bad refresh token");
    return { token: "new", refresh_token: "r2", expires_in: 900 };
  });
  const session = new AuthSession({ storage, refresh, ...(opts.now ? { now: opts.now } : {}) });
  const server = fakeServer(() => valid);
  const authFetch = createAuthFetch(session, {
    publicPaths: ["/auth/login", "/auth/refresh"],
    fetch: server.fetch,
  });
  const ended = vi.fn();
  session.onEnd(ended);
  return {
    storage,
    refresh,
    session,
    server,
    authFetch,
    ended,
    setValid: (t: string) => (valid = t),
  };
}

const url = (path: string) => `http://app.test/api/v1${path}`;

describe("authFetch", () => {
  it("sends the bearer token", async () => {
    const { authFetch, server, setValid, refresh } = setup();
    setValid("old");
    const res = await authFetch(new Request(url("/users")));
    expect(res.status).toBe(200);
    expect(server.seen[0]?.auth).toBe("Bearer old");
    expect(refresh).not.toHaveBeenCalled();
  });

  it("refreshes once for concurrent 401s and retries each request once", async () => {
    const { authFetch, server, refresh, storage, session } = setup();
    const responses = await Promise.all([
      authFetch(new Request(url("/auth/me"))),
      authFetch(new Request(url("/users"))),
      authFetch(new Request(url("/roles"))),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledWith("r1");
    expect(server.fetch).toHaveBeenCalledTimes(6);
    expect(server.seen.filter((s) => s.auth === "Bearer new")).toHaveLength(3);
    expect(session.accessToken).toBe("new");
    expect(storage.value?.refreshToken).toBe("r2");
  });

  it("retries a POST with its original body", async () => {
    const { authFetch, server } = setup();
    const res = await authFetch(
      new Request(url("/users"), { method: "POST", body: JSON.stringify({ email: "a@b.c" }) }),
    );
    expect(res.status).toBe(200);
    expect(server.seen.map((s) => s.body)).toEqual(['{"email":"a@b.c"}', '{"email":"a@b.c"}']);
  });

  it("ends the session when the refresh is rejected", async () => {
    const { authFetch, refresh, session, storage, ended } = setup({
      tokens: { token: "old", refreshToken: "stolen", expiresAt: 1e15 },
    });
    const [a, b] = await Promise.all([
      authFetch(new Request(url("/auth/me"))),
      authFetch(new Request(url("/users"))),
    ]);
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(session.isAuthenticated).toBe(false);
    expect(storage.value).toBeNull();
    expect(ended).toHaveBeenCalledTimes(1);
    expect(ended).toHaveBeenCalledWith("refresh_failed");
  });

  it("does not loop when the refreshed token is rejected too", async () => {
    const { authFetch, refresh, setValid, ended, server } = setup();
    setValid("nobody"); // e.g. the user was deactivated
    const res = await authFetch(new Request(url("/auth/me")));
    expect(res.status).toBe(401);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.fetch).toHaveBeenCalledTimes(2);
    expect(ended).toHaveBeenCalledWith("rejected");
  });

  it("refreshes ahead of time when the token has expired", async () => {
    let now = 1_000_000;
    const { authFetch, refresh, server } = setup({
      now: () => now,
      tokens: { token: "old", refreshToken: "r1", expiresAt: 1_005_000 },
    });
    now = 1_010_000;
    const res = await authFetch(new Request(url("/users")));
    expect(res.status).toBe(200);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.seen.map((s) => s.auth)).toEqual(["Bearer new"]);
  });

  it("leaves public endpoints alone", async () => {
    const { authFetch, refresh, server } = setup();
    const res = await authFetch(new Request(url("/auth/login"), { method: "POST", body: "{}" }));
    expect(res.status).toBe(401);
    expect(server.seen[0]?.auth).toBeNull();
    expect(refresh).not.toHaveBeenCalled();
  });

  it("does not refresh for 401s with other codes, nor for 403", async () => {
    const storage = memoryStorage({ token: "t", refreshToken: "r1", expiresAt: 1e15 });
    const refresh = vi.fn();
    const session = new AuthSession({ storage, refresh });
    const responses = [
      json(401, { error: "nope", code: "invalid_credentials" }),
      json(403, { error: "forbidden", code: "forbidden" }),
    ];
    const authFetch = createAuthFetch(session, {
      fetch: () => Promise.resolve(responses.shift() ?? json(500, {})),
    });
    expect((await authFetch(new Request(url("/auth/change-password")))).status).toBe(401);
    expect((await authFetch(new Request(url("/users")))).status).toBe(403);
    expect(refresh).not.toHaveBeenCalled();
    expect(session.isAuthenticated).toBe(true);
  });

  it("keeps the session when the refresh fails for a network reason", async () => {
    const storage = memoryStorage({ token: "old", refreshToken: "r1", expiresAt: 1e15 });
    const session = new AuthSession({
      storage,
      refresh: () => Promise.reject(ApiError.network(new TypeError("offline"))),
    });
    const authFetch = createAuthFetch(session, { fetch: () => Promise.resolve(expired()) });
    await expect(authFetch(new Request(url("/users")))).rejects.toMatchObject({
      code: "network_error",
    });
    expect(session.isAuthenticated).toBe(true);
    expect(storage.value?.refreshToken).toBe("r1");
  });

  it("adopts tokens another tab already rotated instead of reusing the old refresh token", async () => {
    const { authFetch, refresh, storage, server } = setup();
    // Another tab refreshed: storage holds the new pair, this tab still has "old"/"r1".
    storage.value = { token: "new", refreshToken: "r2", expiresAt: Date.now() + 600_000 };
    const res = await authFetch(new Request(url("/users")));
    expect(res.status).toBe(200);
    expect(refresh).not.toHaveBeenCalled();
    expect(server.seen.map((s) => s.auth)).toEqual(["Bearer old", "Bearer new"]);
  });

  it("ends the session on 401 when there is nothing to refresh with", async () => {
    const storage = memoryStorage(null);
    const session = new AuthSession({ storage, refresh: vi.fn() });
    const authFetch = createAuthFetch(session, { fetch: () => Promise.resolve(expired()) });
    expect((await authFetch(new Request(url("/auth/me")))).status).toBe(401);
  });
});

describe("AuthSession", () => {
  it("stores tokens with an absolute expiry", () => {
    const storage = memoryStorage();
    const session = new AuthSession({ storage, refresh: vi.fn(), now: () => 1000 });
    session.setTokens({ token: "a", refresh_token: "b", expires_in: 60 });
    expect(storage.value).toEqual({ token: "a", refreshToken: "b", expiresAt: 61_000 });
    expect(session.isExpired).toBe(false);
  });

  it("logout clears storage and notifies once", () => {
    const storage = memoryStorage({ token: "a", refreshToken: "b", expiresAt: 1e15 });
    const session = new AuthSession({ storage, refresh: vi.fn() });
    const ended = vi.fn();
    session.onEnd(ended);
    session.end("logout");
    session.end("logout");
    expect(storage.value).toBeNull();
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it("follows a logout made in another tab", () => {
    const storage = memoryStorage({ token: "a", refreshToken: "b", expiresAt: 1e15 });
    const session = new AuthSession({ storage, refresh: vi.fn() });
    const ended = vi.fn();
    session.onEnd(ended);
    storage.value = null;
    session.reloadFromStorage();
    expect(session.isAuthenticated).toBe(false);
    expect(ended).toHaveBeenCalledWith("logout");
  });
});
