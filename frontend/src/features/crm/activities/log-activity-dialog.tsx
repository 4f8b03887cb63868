import { useTranslation } from "react-i18next";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { ActivityType } from "@/api/enums.gen";
import { LogActivityForm } from "./log-activity-form";

export interface LogActivityInitial {
  customerId?: string;
  customerName?: string;
  prospectId?: string;
  type?: ActivityType;
}

export function LogActivityDialog({
  open,
  onOpenChange,
  initial,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  initial?: LogActivityInitial;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl" data-testid="log-activity-dialog">
        <DialogHeader>
          <DialogTitle>{t("crm.log.title")}</DialogTitle>
          <DialogDescription>{t("crm.log.subtitle")}</DialogDescription>
        </DialogHeader>
        {open ? <LogActivityForm initial={initial} onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}
