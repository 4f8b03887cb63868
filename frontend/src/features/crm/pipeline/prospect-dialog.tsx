import { useQuery } from "@tanstack/react-query";
import { ClipboardList } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { STAGE_VALUES } from "@/api/enums.gen";
import { EnumOptions } from "@/components/form/enum-options";
import { ErrorState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { currentLocale } from "@/i18n";
import { formatDate, formatDateTime, formatIDR, formatPercent } from "@/lib/format";
import { LogActivityDialog } from "../activities/log-activity-dialog";
import { prospectQueryOptions } from "../work-api";
import { STAGE_LABEL, useStageLabel } from "../labels";
import { ProspectForm } from "./prospect-form";

/** A prospect's details, stage history and the edit form (value, close date, notes). */
export function ProspectDialog({
  prospectId,
  canEdit,
  onOpenChange,
  onMove,
}: {
  prospectId: string | null;
  canEdit: boolean;
  onOpenChange: (open: boolean) => void;
  onMove: (prospectId: string, toStage: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={prospectId !== null} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl" data-testid="prospect-dialog">
        {prospectId ? (
          <ProspectDetails id={prospectId} canEdit={canEdit} onMove={onMove} />
        ) : (
          <DialogTitle className="sr-only">{t("crm.prospect.title")}</DialogTitle>
        )}
      </DialogContent>
    </Dialog>
  );
}

function ProspectDetails({
  id,
  canEdit,
  onMove,
}: {
  id: string;
  canEdit: boolean;
  onMove: (prospectId: string, toStage: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const stageLabel = useStageLabel();
  const query = useQuery(prospectQueryOptions(id));
  const [logOpen, setLogOpen] = useState(false);

  if (query.isPending) {
    return (
      <>
        <DialogTitle className="sr-only">{t("crm.prospect.title")}</DialogTitle>
        <DialogDescription className="sr-only">{t("common.loading")}</DialogDescription>
        <div className="flex flex-col gap-3" aria-busy="true">
          <Skeleton className="h-6 w-2/3" />
          <Skeleton className="h-24" />
          <Skeleton className="h-40" />
        </div>
      </>
    );
  }
  if (query.error) {
    return (
      <>
        <DialogTitle className="sr-only">{t("crm.prospect.title")}</DialogTitle>
        <DialogDescription className="sr-only">{t("states.errorTitle")}</DialogDescription>
        <ErrorState error={query.error} onRetry={() => void query.refetch()} className="border-0" />
      </>
    );
  }
  const p = query.data;
  return (
    <>
      <DialogHeader>
        <DialogTitle>{p.customer_name ?? p.prospect_code}</DialogTitle>
        <DialogDescription>
          {p.prospect_code}
          {p.customer_code ? ` · ${p.customer_code}` : ""}
        </DialogDescription>
      </DialogHeader>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
        <Field label={t("crm.prospect.stage")}>
          <Badge>{stageLabel(p.stage)}</Badge>{" "}
          <span className="text-xs text-muted">{formatPercent(p.probability, locale, 0)}</span>
        </Field>
        <Field label={t("crm.prospect.value")}>{formatIDR(p.expected_value, locale)}</Field>
        <Field label={t("crm.pipeline.weighted")}>{formatIDR(p.weighted_value, locale)}</Field>
        <Field label={t("crm.pipeline.closeDate")}>{formatDate(p.expected_close_date)}</Field>
        <Field label={t("crm.owner.label")}>{p.owner_name ?? "—"}</Field>
        <Field label={t("crm.prospect.service")}>{p.service_interest ?? "—"}</Field>
        {p.lost_reason ? (
          <Field label={t("crm.pipeline.lostReason")} className="col-span-full">
            {p.lost_reason}
          </Field>
        ) : null}
      </dl>

      <div className="mt-4 flex flex-wrap items-end gap-2">
        {canEdit ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="prospect-stage" className="text-xs font-medium text-slate-700">
              {t("crm.pipeline.moveToShort")}
            </label>
            <Select
              id="prospect-stage"
              className="w-48"
              value={p.stage}
              onChange={(e) => onMove(p.id, e.target.value)}
            >
              <EnumOptions values={STAGE_VALUES} labels={STAGE_LABEL} />
            </Select>
          </div>
        ) : null}
        <Button variant="outline" onClick={() => setLogOpen(true)}>
          <ClipboardList aria-hidden />
          {t("crm.activities.log")}
        </Button>
      </div>

      {canEdit ? <ProspectForm prospect={p} /> : null}

      <section className="mt-6" aria-labelledby="stage-history-heading">
        <h3 id="stage-history-heading" className="mb-2 text-sm font-semibold text-navy-900">
          {t("crm.prospect.history")}
        </h3>
        {p.stage_history.length === 0 ? (
          <p className="text-sm text-muted">{t("crm.prospect.noHistory")}</p>
        ) : (
          <ol className="flex flex-col gap-2 border-l-2 border-navy-100 pl-4 text-sm">
            {[...p.stage_history].reverse().map((h, i) => (
              <li key={`${h.changed_at}-${i}`}>
                <span className="font-medium text-foreground">
                  {h.from_stage ? `${stageLabel(h.from_stage)} → ` : ""}
                  {stageLabel(h.to_stage)}
                </span>
                <span className="block text-xs text-muted">
                  {formatDateTime(h.changed_at)}
                  {h.changed_by_name ? ` · ${h.changed_by_name}` : ""}
                </span>
                {h.lost_reason ? <span className="block text-xs">{h.lost_reason}</span> : null}
              </li>
            ))}
          </ol>
        )}
      </section>
      <LogActivityDialog
        open={logOpen}
        onOpenChange={setLogOpen}
        initial={{
          customerId: p.customer_id,
          customerName: p.customer_name ?? p.customer_code ?? p.prospect_code,
          prospectId: p.id,
        }}
      />
    </>
  );
}

function Field({
  label,
  children,
  className,
}: {
  label: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-medium text-foreground tabular">{children}</dd>
    </div>
  );
}
