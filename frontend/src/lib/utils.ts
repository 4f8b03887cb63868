import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

/** Random id for Idempotency-Key headers (one per form submission intent). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
