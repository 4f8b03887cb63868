import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { useErrorMessage } from "@/lib/error-message";
import { assigneesQueryOptions, useAssignLead } from "../api";

export function AssignDialog({
  leadId,
  current,
  onClose,
}: {
  leadId: string;
  current: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const people = useQuery(assigneesQueryOptions);
  const assign = useAssignLead(leadId);
  const errorMessage = useErrorMessage();
  const [owner, setOwner] = useState(current);
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("crm.detail.assignTitle")}</DialogTitle>
          <DialogDescription>{t("crm.detail.assignBody")}</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="assignee">{t("crm.leads.salesOwner")}</Label>
          <Select
            id="assignee"
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            data-testid="assignee"
            aria-invalid={error ? true : undefined}
          >
            <option value="">{t("crm.detail.choosePerson")}</option>
            {(people.data ?? []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.full_name} · {p.email}
              </option>
            ))}
          </Select>
          {error ? <p className="text-xs font-medium text-danger">{error}</p> : null}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            disabled={!owner || assign.isPending}
            data-testid="confirm-assign"
            onClick={() =>
              assign.mutate(owner, {
                onSuccess: (lead) => {
                  toast.success(t("crm.detail.assigned", { name: lead.sales_owner_name ?? "" }));
                  onClose();
                },
                onError: (e) => setError(errorMessage(e)),
              })
            }
          >
            {t("crm.detail.assign")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
