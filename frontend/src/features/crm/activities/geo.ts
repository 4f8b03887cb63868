/** Browser geolocation as a promise with the failure reasons a field user can act on. */
export type GeoFailure = "denied" | "unavailable" | "timeout" | "unsupported";

export class GeoError extends Error {
  readonly reason: GeoFailure;
  constructor(reason: GeoFailure) {
    super(`geolocation ${reason}`);
    this.name = "GeoError";
    this.reason = reason;
  }
}

export interface GeoFix {
  latitude: number;
  longitude: number;
  accuracy: number;
}

export function currentPosition(): Promise<GeoFix> {
  return new Promise((resolve, reject) => {
    if (typeof navigator === "undefined" || !("geolocation" in navigator)) {
      reject(new GeoError("unsupported"));
      return;
    }
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        resolve({
          latitude: pos.coords.latitude,
          longitude: pos.coords.longitude,
          accuracy: pos.coords.accuracy,
        });
      },
      (err) => {
        if (err.code === err.PERMISSION_DENIED) reject(new GeoError("denied"));
        else if (err.code === err.TIMEOUT) reject(new GeoError("timeout"));
        else reject(new GeoError("unavailable"));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}

/** `85 m`, `1,2 km` (id) / `1.2 km` (en). */
export function formatDistance(metres: number, locale: "id" | "en"): string {
  const nf = (digits: number) =>
    new Intl.NumberFormat(locale === "id" ? "id-ID" : "en-US", { maximumFractionDigits: digits });
  if (metres < 1000) return `${nf(0).format(Math.round(metres))} m`;
  return `${nf(1).format(metres / 1000)} km`;
}
