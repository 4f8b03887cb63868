export const ACTIVITY_TYPES = ["visit", "call", "meeting", "email", "whatsapp"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
