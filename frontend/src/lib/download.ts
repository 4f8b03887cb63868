/**
 * Saves a downloaded file (a server export, a stored file) under `fileName`: the API
 * needs the session's token, so the body is fetched first and handed to the browser
 * as an object URL.
 */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A list's query without paging and blanks: an export holds every matching row. */
export function unpaged<Q extends object>(query: Q): Q {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([k, v]) => k !== "page" && k !== "per_page" && v !== undefined && v !== "",
    ),
  ) as Q;
}
