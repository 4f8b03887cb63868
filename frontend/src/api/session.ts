/**
 * Access/refresh token handling, done once for the whole app:
 * - the access token goes on every API request (Authorization: Bearer);
 * - an expired token, or a 401 `token_expired`/`unauthorized`, triggers ONE refresh
 *   (concurrent callers share the in-flight promise; other tabs are coordinated
 *   through the Web Locks API) and the failed request is retried once;
 * - a rejected refresh (401: invalid or reused refresh token) ends the session, and
 *   listeners send the user to the login page.
 */
import { ApiError, peekErrorCode } from "./errors";

export interface TokenResponse {
  token: string;
  refresh_token: string;
  expires_in: number;
}

export interface Tokens {
  token: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface TokenStorage {
  load(): Tokens | null;
  save(tokens: Tokens | null): void;
}

export type SessionEndReason = "logout" | "refresh_failed" | "rejected";

export interface AuthSessionOptions {
  storage: TokenStorage;
  /** Exchanges a refresh token; throws ApiError on failure. Must not use authFetch. */
  refresh: (refreshToken: string) => Promise<TokenResponse>;
  now?: () => number;
  /** Cross-tab mutual exclusion for the refresh (navigator.locks in browsers). */
  lock?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/** Refresh a little before the server would reject the token. */
const EXPIRY_SKEW_MS = 10_000;

export class AuthSession {
  private tokens: Tokens | null;
  private inFlight: Promise<string | null> | null = null;
  private readonly endListeners = new Set<(reason: SessionEndReason) => void>();
  private readonly opts: Required<Omit<AuthSessionOptions, "lock">> &
    Pick<AuthSessionOptions, "lock">;

  constructor(options: AuthSessionOptions) {
    this.opts = { now: () => Date.now(), ...options };
    this.tokens = options.storage.load();
  }

  get isAuthenticated(): boolean {
    return this.tokens !== null;
  }

  get accessToken(): string | null {
    return this.tokens?.token ?? null;
  }

  get refreshToken(): string | null {
    return this.tokens?.refreshToken ?? null;
  }

  get isExpired(): boolean {
    return this.tokens !== null && this.opts.now() >= this.tokens.expiresAt - EXPIRY_SKEW_MS;
  }

  /** Stores tokens from a login or refresh response. */
  setTokens(response: TokenResponse): void {
    this.tokens = {
      token: response.token,
      refreshToken: response.refresh_token,
      expiresAt: this.opts.now() + response.expires_in * 1000,
    };
    this.opts.storage.save(this.tokens);
  }

  /** Picks up tokens another tab wrote (storage event). */
  reloadFromStorage(): void {
    const stored = this.opts.storage.load();
    if (!stored && this.tokens) {
      this.tokens = null;
      this.emitEnd("logout");
    } else {
      this.tokens = stored;
    }
  }

  /** Forgets the tokens and tells listeners (e.g. navigate to /login). */
  end(reason: SessionEndReason): void {
    const had = this.tokens !== null;
    this.tokens = null;
    this.opts.storage.save(null);
    if (had || reason !== "logout") this.emitEnd(reason);
  }

  onEnd(listener: (reason: SessionEndReason) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private emitEnd(reason: SessionEndReason): void {
    for (const l of this.endListeners) l(reason);
  }

  /**
   * Returns a fresh access token, or null when the session is over. Concurrent calls
   * share one request. Network/5xx failures are thrown (the session stays: the user
   * may retry); a 401 from the refresh endpoint ends the session.
   */
  refresh(): Promise<string | null> {
    if (!this.inFlight) {
      this.inFlight = this.doRefresh().finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async doRefresh(): Promise<string | null> {
    const used = this.tokens?.refreshToken;
    if (!used) {
      this.end("refresh_failed");
      return null;
    }
    const run = async (): Promise<string | null> => {
      // Another tab may have rotated the token while we waited for the lock.
      const stored = this.opts.storage.load();
      if (stored && stored.refreshToken !== used) {
        this.tokens = stored;
        if (this.opts.now() < stored.expiresAt - EXPIRY_SKEW_MS) return stored.token;
      }
      const current = this.tokens?.refreshToken ?? used;
      try {
        const response = await this.opts.refresh(current);
        this.setTokens(response);
        return response.token;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 0 || error.status >= 500)) throw error;
        this.end("refresh_failed");
        return null;
      }
    };
    return this.opts.lock ? this.opts.lock(run) : run();
  }
}

const REFRESHABLE_CODES = new Set(["token_expired", "unauthorized"]);

export interface AuthFetchOptions {
  /** Requests to these path suffixes are sent without a token and never refreshed. */
  publicPaths?: readonly string[];
  fetch?: (request: Request) => Promise<Response>;
}

function withBearer(request: Request, token: string | null): Request {
  if (!token) return request;
  const headers = new Headers(request.headers);
  headers.set("Authorization", `Bearer ${token}`);
  return new Request(request, { headers });
}

/** A fetch for openapi-fetch that adds the token and refreshes it when needed. */
export function createAuthFetch(session: AuthSession, options: AuthFetchOptions = {}) {
  const publicPaths = options.publicPaths ?? [];
  const send = (r: Request) => (options.fetch ? options.fetch(r) : globalThis.fetch(r));

  return async function authFetch(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url, "http://local");
    if (publicPaths.some((p) => pathname.endsWith(p))) return send(request);

    let token = session.accessToken;
    if (token && session.isExpired) token = await session.refresh();
    if (!token && !session.isAuthenticated) {
      // Logged out meanwhile: let the server answer 401 without a refresh loop.
      return send(request);
    }
    const retry = request.clone();
    const response = await send(withBearer(request, token));
    if (response.status !== 401) return response;

    const code = await peekErrorCode(response);
    if (code !== null && !REFRESHABLE_CODES.has(code)) return response;
    if (!session.refreshToken) {
      session.end("rejected");
      return response;
    }
    const fresh = await session.refresh();
    if (!fresh) return response;
    const second = await send(withBearer(retry, fresh));
    if (second.status === 401) session.end("rejected");
    return second;
  };
}

/** Persists tokens in localStorage so a reload or a deep link keeps the session. */
export function localStorageTokens(key = "cc.session"): TokenStorage {
  return {
    load() {
      try {
        const raw = localStorage.getItem(key);
        if (!raw) return null;
        const t = JSON.parse(raw) as Partial<Tokens>;
        if (
          typeof t.token === "string" &&
          typeof t.refreshToken === "string" &&
          typeof t.expiresAt === "number"
        ) {
          return { token: t.token, refreshToken: t.refreshToken, expiresAt: t.expiresAt };
        }
        return null;
      } catch {
        return null;
      }
    },
    save(tokens) {
      try {
        if (tokens) localStorage.setItem(key, JSON.stringify(tokens));
        else localStorage.removeItem(key);
      } catch {
        // Private mode or full storage: the session lives in memory only.
      }
    },
  };
}

/** Serialises refreshes across tabs when the browser supports Web Locks. */
export async function webLock<T>(fn: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && "locks" in navigator) {
    return await navigator.locks.request("cc-auth-refresh", fn);
  }
  return await fn();
}
