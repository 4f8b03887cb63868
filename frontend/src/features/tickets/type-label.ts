import { useEnumLabel } from "@/lib/enums";
import { TICKET_TYPE_LABEL } from "./labels";

/** The translated name of a ticket type (unknown types as sent). */
export function useTypeLabel(): (type: string) => string {
  return useEnumLabel(TICKET_TYPE_LABEL);
}
