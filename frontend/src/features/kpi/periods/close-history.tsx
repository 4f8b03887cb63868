import { Lock, LockOpen, RotateCcw } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { currentLocale } from "@/i18n";
import { formatDateTime, formatNumber } from "@/lib/format";
import { useDeptName } from "../components/use-dept-name";
import type { CloseGroup } from "../lib/close";
import { periodLabel } from "../lib/period";
import type { PeriodClose } from "../types";
import { UserName } from "./user-name";

/** When and by whom: `07/12/2026 09:15` and "oleh Budi" under it. */
function AtBy({ at, by }: { at: string; by: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col">
      <span className="tabular-nums whitespace-nowrap">{formatDateTime(at)}</span>
      <span className="text-xs text-muted">
        {t("kpi.closes.by")} <UserName id={by} />
      </span>
    </div>
  );
}

/**
 * One period of one department: closed (the revision in force) or reopened, the action
 * that applies (reopen, or close again), and every revision with who closed and reopened
 * it, when, and why.
 */
export function CloseHistory({
  group,
  onReopen,
  onCloseAgain,
}: {
  group: CloseGroup<PeriodClose>;
  onReopen: (close: PeriodClose) => void;
  onCloseAgain: (period: string, dept: string) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const deptName = useDeptName();
  const names = { period: periodLabel(group.period, locale), dept: deptName(group.dept) };
  const standing = group.standing;
  return (
    <Card
      className="flex flex-col gap-3 p-4"
      aria-labelledby={`${id}-title`}
      data-testid="close-group"
      data-period={group.period}
      data-dept={group.dept}
      data-state={standing ? "closed" : "reopened"}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h2 id={`${id}-title`} className="text-base font-semibold text-navy-900">
            {names.period} · {names.dept}
          </h2>
          {standing ? (
            <Badge variant="success" data-testid="close-state" data-revision={standing.revision}>
              <Lock aria-hidden className="size-3" />
              {t("kpi.closes.stateClosed", { revision: standing.revision })}
            </Badge>
          ) : (
            <Badge variant="warning" data-testid="close-state">
              <LockOpen aria-hidden className="size-3" />
              {t("kpi.closes.stateReopened")}
            </Badge>
          )}
        </div>
        {standing ? (
          <Button
            variant="outline"
            size="sm"
            onClick={() => onReopen(standing)}
            aria-label={t("kpi.closes.reopenFor", names)}
            data-testid="reopen-period"
          >
            <RotateCcw aria-hidden /> {t("kpi.closes.reopen")}
          </Button>
        ) : (
          <Button
            variant="outline"
            size="sm"
            onClick={() => onCloseAgain(group.period, group.dept)}
            aria-label={t("kpi.closes.closeAgainFor", names)}
            data-testid="close-again"
          >
            <Lock aria-hidden /> {t("kpi.closes.closeAgain")}
          </Button>
        )}
      </div>
      <div className="overflow-x-auto">
        <Table data-testid="close-history">
          <TableCaption className="sr-only">{t("kpi.closes.history", names)}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("kpi.closes.revision")}</TableHead>
              <TableHead>{t("kpi.closes.closedAt")}</TableHead>
              <TableHead className="text-right">{t("kpi.closes.values")}</TableHead>
              <TableHead>{t("kpi.closes.reopenedAt")}</TableHead>
              <TableHead>{t("kpi.closes.reopenReason")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {group.revisions.map((c) => (
              <TableRow
                key={c.id}
                data-testid="close-revision"
                data-revision={c.revision}
                data-reopened={c.reopened_at ? "true" : "false"}
              >
                <TableCell className="font-medium whitespace-nowrap">
                  {t("kpi.closes.revisionN", { revision: c.revision })}
                </TableCell>
                <TableCell>
                  <AtBy at={c.closed_at} by={c.closed_by} />
                </TableCell>
                <TableCell className="text-right tabular-nums">
                  {formatNumber(c.values, locale)}
                </TableCell>
                <TableCell>
                  {c.reopened_at ? (
                    <AtBy at={c.reopened_at} by={c.reopened_by} />
                  ) : (
                    <Badge variant="muted">{t("kpi.closes.stillClosed")}</Badge>
                  )}
                </TableCell>
                <TableCell className="max-w-80 text-sm" data-testid="close-reason">
                  {c.reopen_reason ?? "—"}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Card>
  );
}
