import { useNavigate, useSearch } from "@tanstack/react-router";
import { useCallback, useMemo } from "react";
import { pickStringParams } from "@/lib/search-params";

/**
 * The page's filters live in the URL (shareable, survive a reload). Reads the listed
 * keys as strings and writes a patch (undefined removes a key), replacing history.
 */
export function useUrlSearch<K extends string>(
  keys: readonly K[],
): [Partial<Record<K, string>>, (patch: Partial<Record<K, string | undefined>>) => void] {
  const raw: Record<string, unknown> = useSearch({ strict: false });
  const navigate = useNavigate();
  const values = useMemo(() => pickStringParams(raw, keys), [raw, keys]);
  const set = useCallback(
    (patch: Partial<Record<K, string | undefined>>) => {
      void navigate({
        to: ".",
        search: (prev: Record<string, unknown>) =>
          Object.fromEntries(
            Object.entries({ ...prev, ...patch }).filter(([, v]) => v !== undefined && v !== ""),
          ),
        replace: true,
      });
    },
    [navigate],
  );
  return [values, set];
}

/** The whole search object and a setter that replaces it (for useTableUrlState). */
export function useRawSearch(): [
  Record<string, unknown>,
  (next: Record<string, string | undefined>) => void,
] {
  const raw: Record<string, unknown> = useSearch({ strict: false });
  const navigate = useNavigate();
  const set = useCallback(
    (next: Record<string, string | undefined>) => {
      void navigate({ to: ".", search: next, replace: true });
    },
    [navigate],
  );
  return [raw, set];
}
