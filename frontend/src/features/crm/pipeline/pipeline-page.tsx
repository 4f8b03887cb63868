import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { EmptyState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/features/auth/api";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatIDR, formatNumber } from "@/lib/format";
import { worksPipeline } from "../access";
import { pipelineQueryOptions, useChangeStage, type StageMove } from "../work-api";
import { CrmWorkPage, FilterBar, QueryError } from "../components/crm-page";
import { OwnerFilter } from "../components/owner-filter";
import { Stat } from "../components/stat";
import { useUrlSearch } from "@/lib/url-search";
import { useStageLabel } from "../labels";
import { STAGE_VALUES } from "@/api/enums.gen";
import { isOneOf } from "@/lib/enums";
import { findProspect, openTotals } from "../lib/pipeline";
import { Board } from "./board";
import { LostReasonDialog } from "./lost-reason-dialog";
import { ProspectDialog } from "./prospect-dialog";

const SEARCH_KEYS = ["owner"] as const;

export default function PipelinePage() {
  const { t } = useTranslation();
  const me = useMe();
  const locale = currentLocale();
  const stageLabel = useStageLabel();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useUrlSearch(SEARCH_KEYS);
  const owner = search.owner;
  const pipeline = useQuery(pipelineQueryOptions(owner));
  const changeStage = useChangeStage(owner);
  const canMove = worksPipeline(me.role);

  const [lostFor, setLostFor] = useState<{ id: string; code: string } | null>(null);
  const [lostError, setLostError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const move = (m: StageMove, code: string) => {
    changeStage.mutate(m, {
      onSuccess: () => {
        toast.success(t("crm.pipeline.moved", { code, stage: stageLabel(m.stage) }));
        setLostFor(null);
      },
      onError: (error) => {
        const reason = isApiError(error) ? error.details.lost_reason : undefined;
        if (m.stage === "lost" && reason) {
          // The dialog stays open with the server's message next to the field.
          setLostFor({ id: m.prospectId, code });
          setLostError(reason.join(" "));
          return;
        }
        toast.error(t("crm.pipeline.moveFailed", { code }), {
          description: errorMessage(error),
        });
      },
    });
  };

  const requestMove = (prospectId: string, toStage: string) => {
    const found = pipeline.data ? findProspect(pipeline.data, prospectId) : null;
    if (!found || found.stage === toStage || !isOneOf(STAGE_VALUES, toStage)) return;
    const code = found.prospect.prospect_code;
    if (toStage === "lost") {
      setLostError(null);
      setLostFor({ id: prospectId, code });
      return;
    }
    move({ prospectId, stage: toStage }, code);
  };

  const totals = pipeline.data ? openTotals(pipeline.data) : null;
  const isEmpty = pipeline.data?.columns.every((c) => c.count === 0) ?? false;

  return (
    <CrmWorkPage
      title={t("crm.pipeline.title")}
      description={canMove ? t("crm.pipeline.subtitle") : t("crm.pipeline.subtitleReadOnly")}
    >
      <FilterBar>
        <OwnerFilter value={owner} onChange={(v) => setSearch({ owner: v })} />
        {totals ? (
          <div className="grid w-full grid-cols-3 gap-2 text-right sm:ml-auto sm:w-auto">
            <Stat
              compact
              label={t("crm.pipeline.openCount")}
              value={formatNumber(totals.count, locale)}
            />
            <Stat
              compact
              label={t("crm.pipeline.openValue")}
              value={formatIDR(totals.value, locale)}
            />
            <Stat
              compact
              label={t("crm.pipeline.openWeighted")}
              value={formatIDR(totals.weighted, locale)}
            />
          </div>
        ) : null}
      </FilterBar>

      {!canMove ? (
        <Alert variant="info" className="mb-4" data-testid="pipeline-read-only">
          {t("crm.pipeline.readOnly")}
        </Alert>
      ) : null}

      {pipeline.isPending ? (
        <div className="flex gap-3 overflow-hidden" aria-busy="true">
          <span className="sr-only" role="status">
            {t("common.loading")}
          </span>
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} className="h-96 w-72 shrink-0" />
          ))}
        </div>
      ) : pipeline.error ? (
        <QueryError error={pipeline.error} onRetry={() => void pipeline.refetch()} />
      ) : (
        <>
          {isEmpty ? (
            <EmptyState
              className="mb-4 py-6"
              title={t("crm.pipeline.emptyTitle")}
              description={t("crm.pipeline.emptyBody")}
              action={
                <Link
                  to="/crm/leads"
                  className="text-sm font-medium text-navy-600 underline underline-offset-4"
                >
                  {t("crm.pipeline.toLeads")}
                </Link>
              }
            />
          ) : null}
          <Board
            pipeline={pipeline.data}
            canMove={canMove}
            showOwner={owner !== "me" && me.role !== "salesperson"}
            onMove={requestMove}
            onOpen={setOpenId}
          />
        </>
      )}

      <LostReasonDialog
        open={lostFor !== null}
        code={lostFor?.code ?? ""}
        serverError={lostError}
        pending={changeStage.isPending}
        onOpenChange={(o) => {
          if (!o) setLostFor(null);
        }}
        onConfirm={(reason) => {
          if (!lostFor) return;
          setLostError(null);
          move({ prospectId: lostFor.id, stage: "lost", lostReason: reason }, lostFor.code);
        }}
      />
      <ProspectDialog
        prospectId={openId}
        canEdit={canMove}
        onOpenChange={(o) => {
          if (!o) setOpenId(null);
        }}
        onMove={requestMove}
      />
    </CrmWorkPage>
  );
}
