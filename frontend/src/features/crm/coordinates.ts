/**
 * The latitude/longitude pair of the customer form: both empty → nothing to send; both
 * set and in range → numbers; otherwise the field errors (as crm.* message keys).
 */
export type CoordinatesResult =
  | { ok: true; value: { latitude: number; longitude: number } | null }
  | { ok: false; errors: Partial<Record<"latitude" | "longitude", string>> };

export function parseCoordinates(latRaw: string, lngRaw: string): CoordinatesResult {
  const lat = latRaw.trim().replace(",", ".");
  const lng = lngRaw.trim().replace(",", ".");
  if (lat === "" && lng === "") return { ok: true, value: null };
  const errors: Partial<Record<"latitude" | "longitude", string>> = {};
  const latitude = Number(lat);
  const longitude = Number(lng);
  if (lat === "" || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    errors.latitude = "crm.customer.invalidLatitude";
  }
  if (lng === "" || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    errors.longitude = "crm.customer.invalidLongitude";
  }
  if (errors.latitude ?? errors.longitude) return { ok: false, errors };
  return { ok: true, value: { latitude, longitude } };
}
