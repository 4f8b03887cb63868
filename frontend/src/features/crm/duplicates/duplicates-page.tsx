import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "@tanstack/react-router";
import { GitMerge } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState, ErrorState, ForbiddenState, PageSkeleton } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils";
import { useMe } from "@/features/auth/api";
import { useErrorMessage } from "@/lib/error-message";
import { formatPercent } from "@/lib/format";
import { currentLocale } from "@/i18n";
import { managesCrm } from "../access";
import { customerQueryOptions, duplicatesQueryOptions, useMergeCustomers } from "../api";
import { CrmNav } from "../crm-nav";
import type { DuplicatePair } from "../types";

interface Choice {
  pair: DuplicatePair;
  winner: "left" | "right";
}

export default function DuplicatesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const allowed = managesCrm(me.role);
  const pairs = useQuery({ ...duplicatesQueryOptions, enabled: allowed });
  const merge = useMergeCustomers();
  const errorMessage = useErrorMessage();
  const [choice, setChoice] = useState<Choice | null>(null);

  if (!allowed) return <ForbiddenState />;
  const confirm = () => {
    if (!choice) return;
    const { pair, winner } = choice;
    const [winnerId, loserId] =
      winner === "left" ? [pair.customer_id, pair.other_id] : [pair.other_id, pair.customer_id];
    merge.mutate(
      { winner_id: winnerId, loser_id: loserId },
      {
        onSuccess: (c) => {
          toast.success(t("crm.duplicates.merged", { name: c.company_name }));
          setChoice(null);
        },
        onError: (e) => toast.error(errorMessage(e)),
      },
    );
  };

  return (
    <>
      <PageHeader title={t("crm.duplicates.title")} description={t("crm.duplicates.subtitle")} />
      <CrmNav />
      {pairs.isLoading ? (
        <PageSkeleton />
      ) : pairs.error ? (
        <ErrorState error={pairs.error} onRetry={() => void pairs.refetch()} />
      ) : (pairs.data ?? []).length === 0 ? (
        <EmptyState title={t("crm.duplicates.empty")} description={t("crm.duplicates.emptyBody")} />
      ) : (
        <ul className="space-y-3">
          {(pairs.data ?? []).map((pair) => (
            <li key={`${pair.customer_id}-${pair.other_id}`}>
              <Card>
                <CardContent className="grid items-center gap-4 p-4 md:grid-cols-[1fr_auto_1fr]">
                  {(["left", "right"] as const).map((side) => {
                    const id = side === "left" ? pair.customer_id : pair.other_id;
                    const name = side === "left" ? pair.company_name : pair.other_name;
                    const code = side === "left" ? pair.customer_code : pair.other_code;
                    return (
                      <div key={side} className={side === "right" ? "md:order-3" : ""}>
                        <Link
                          to="/crm/customers/$customerId"
                          params={{ customerId: id }}
                          className="font-medium text-navy-900 underline-offset-2 hover:underline"
                        >
                          {name}
                        </Link>
                        <div className="text-xs text-muted tabular-nums">{code}</div>
                        <Button
                          className="mt-2"
                          size="sm"
                          variant="outline"
                          onClick={() => setChoice({ pair, winner: side })}
                        >
                          <GitMerge aria-hidden /> {t("crm.duplicates.keep")}
                        </Button>
                      </div>
                    );
                  })}
                  <div className="text-center md:order-2">
                    <Badge variant="warning">
                      {t("crm.duplicates.similarity", {
                        pct: formatPercent(pair.similarity * 100, locale, 0),
                      })}
                    </Badge>
                  </div>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
      {choice ? (
        <MergeDialog
          choice={choice}
          onWinner={(winner) => setChoice({ ...choice, winner })}
          onClose={() => setChoice(null)}
          onConfirm={confirm}
          pending={merge.isPending}
        />
      ) : null}
    </>
  );
}

type Side = "left" | "right";

/** Side by side: both customers' identity and record counts; the chosen winner is kept. */
function MergeDialog({
  choice,
  onWinner,
  onClose,
  onConfirm,
  pending,
}: {
  choice: Choice;
  onWinner: (winner: Side) => void;
  onClose: () => void;
  onConfirm: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const { pair, winner } = choice;
  const left = useQuery(customerQueryOptions(pair.customer_id));
  const right = useQuery(customerQueryOptions(pair.other_id));
  const name = (side: Side) => (side === "left" ? pair.company_name : pair.other_name);
  const loser: Side = winner === "left" ? "right" : "left";
  const column = (side: Side, view: typeof left) => {
    const c = view.data?.customer;
    const rows: [string, ReactNode][] = c
      ? [
          [t("crm.customers.code"), <span className="tabular-nums">{c.customer_code}</span>],
          [t("crm.form.npwp"), c.npwp],
          [t("crm.leads.contact"), c.contact_name],
          [t("crm.form.phone"), c.phone],
          [t("crm.form.email"), c.email],
          [t("crm.customers.city"), c.city],
          [t("crm.leads.salesOwner"), c.owner_name],
          [t("crm.customers.leads"), <span className="tabular-nums">{c.lead_count}</span>],
          [
            t("crm.customers.openProspects"),
            <span className="tabular-nums">{c.open_prospects}</span>,
          ],
        ]
      : [];
    const chosen = winner === side;
    return (
      <label
        key={side}
        className={cn(
          "block cursor-pointer rounded-lg border p-3",
          chosen ? "border-accent-400 ring-2 ring-accent-400" : "border-border",
        )}
        data-testid={`merge-side-${side}`}
      >
        <span className="mb-2 flex items-start gap-2">
          <input
            type="radio"
            name="winner"
            className="mt-1"
            checked={chosen}
            onChange={() => onWinner(side)}
          />
          <span>
            <span className="block font-semibold text-navy-900">{name(side)}</span>
            <Badge variant={chosen ? "success" : "muted"}>
              {chosen ? t("crm.duplicates.kept") : t("crm.duplicates.mergedAway")}
            </Badge>
          </span>
        </span>
        {view.isLoading ? (
          <Skeleton className="h-32 w-full" />
        ) : (
          <dl className="grid gap-1.5 text-sm">
            {rows.map(([label, value]) => (
              <div key={label} className="grid grid-cols-[7rem_1fr] gap-2">
                <dt className="text-xs text-muted">{label}</dt>
                <dd className="break-words text-navy-900">{value ?? "—"}</dd>
              </div>
            ))}
          </dl>
        )}
      </label>
    );
  };
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-3xl">
        <DialogHeader>
          <DialogTitle>{t("crm.duplicates.confirmTitle")}</DialogTitle>
          <DialogDescription>
            {t("crm.duplicates.confirmBody", { winner: name(winner), loser: name(loser) })}
          </DialogDescription>
        </DialogHeader>
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="sr-only">{t("crm.duplicates.chooseWinner")}</legend>
          {column("left", left)}
          {column("right", right)}
        </fieldset>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={onConfirm} disabled={pending} data-testid="confirm-merge">
            {pending ? <Spinner /> : <GitMerge aria-hidden />} {t("crm.duplicates.merge")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
