import type { ReactNode } from "react";
import { ForbiddenState } from "@/components/states/states";
import { useMe } from "@/features/auth/api";
import { closesPeriods } from "../access";

/** The period close page: super admin and the marketing, finance and CS managers. */
export function RequirePeriodCloser({ children }: { children: ReactNode }) {
  const me = useMe();
  return closesPeriods(me) ? children : <ForbiddenState />;
}
