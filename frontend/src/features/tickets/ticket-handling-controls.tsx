import { useQuery } from "@tanstack/react-query";
import type { TicketStatus } from "@/api/enums.gen";
import { useTranslation } from "react-i18next";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { agentsQueryOptions } from "./api";
import { useEnumLabel } from "@/lib/enums";
import { TICKET_STATUS_LABEL } from "./labels";
import { nextStatuses } from "./lib";

export function StatusControl({
  status,
  pending,
  onChange,
}: {
  status: TicketStatus;
  pending: boolean;
  onChange: (status: TicketStatus) => void;
}) {
  const { t } = useTranslation();
  const statusLabel = useEnumLabel(TICKET_STATUS_LABEL);
  // Closing asks for a reason, so it goes through the close dialog.
  const targets = nextStatuses(status).filter((s) => s !== "closed");
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor="ticket-status">{t("tickets.fields.status")}</Label>
      <Select
        id="ticket-status"
        value={status}
        disabled={pending || targets.length === 0}
        data-testid="status-select"
        onChange={(e) => {
          const next = targets.find((s) => s === e.target.value);
          if (next) onChange(next);
        }}
      >
        <option value={status}>{statusLabel(status)}</option>
        {targets.map((s) => (
          <option key={s} value={s}>
            {status === "closed" ? t("tickets.detail.reopen") : t(TICKET_STATUS_LABEL[s])}
          </option>
        ))}
      </Select>
    </div>
  );
}

export function AssigneeControl({
  current,
  currentName,
  pending,
  onChange,
}: {
  current: string;
  currentName: string | null;
  pending: boolean;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  const people = useQuery(agentsQueryOptions);
  const list = people.data ?? [];
  const known = list.some((p) => p.id === current);
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor="ticket-assignee">{t("tickets.fields.assignee")}</Label>
      <Select
        id="ticket-assignee"
        value={current}
        disabled={pending || people.isLoading}
        data-testid="assignee-select"
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t("tickets.unassigned")}</option>
        {current && !known ? <option value={current}>{currentName ?? current}</option> : null}
        {list.map((p) => (
          <option key={p.id} value={p.id}>
            {p.full_name}
          </option>
        ))}
      </Select>
      {people.error ? (
        <p className="text-xs text-danger">{t("tickets.detail.agentsError")}</p>
      ) : null}
    </div>
  );
}
