import { isApiError } from "@/api/errors";

type SetError<F extends string> = (name: F, error: { type: string; message: string }) => void;

/**
 * Puts a 4xx response's `details` next to the matching form fields. Returns true when
 * at least one field got an error, so the caller shows a form-level message only for
 * what could not be attached to a field.
 */
export function applyServerErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  setError: SetError<F>,
): { attached: boolean; unattached: string[] } {
  const unattached: string[] = [];
  let attached = false;
  if (!isApiError(error)) return { attached, unattached };
  for (const [field, messages] of Object.entries(error.details)) {
    const message = messages.join(" ");
    if ((fields as readonly string[]).includes(field)) {
      setError(field as F, { type: "server", message });
      attached = true;
    } else {
      unattached.push(`${field}: ${message}`);
    }
  }
  return { attached, unattached };
}
