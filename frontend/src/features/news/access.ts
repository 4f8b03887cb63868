import type { Me } from "@/api/types";
import { hasCapability } from "@/features/auth/access";

/** Administrators write news and see drafts and scheduled posts (`news:manage`). */
export function canWriteNews(me: Pick<Me, "capabilities">): boolean {
  return hasCapability(me, "news:manage");
}
