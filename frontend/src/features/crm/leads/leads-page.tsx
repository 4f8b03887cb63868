import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Download, Plus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useMe } from "@/features/auth/api";
import { LEAD_STATUS_VALUES } from "@/api/enums.gen";
import { DateRangeFilter } from "@/components/form/date-range";
import { EnumOptions } from "@/components/form/enum-options";
import { useRawSearch } from "@/lib/url-search";
import { useErrorMessage } from "@/lib/error-message";
import { toApiQuery, withFilter } from "@/lib/table-state";
import { createsLeads, managesCrm } from "../access";
import { downloadBlob, exportParams, leadsQueryOptions, useDeleteLead } from "../api";
import { CrmNav } from "../crm-nav";
import type { Lead } from "../types";
import { LEAD_STATUS_LABEL } from "../labels";
import { CHANNELS, LEADS_TABLE, leadQuery } from "./table";
import { useLeadColumns } from "./leads-columns";

export default function LeadsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [raw, go] = useRawSearch();
  const [state, setState] = useTableUrlState(raw, LEADS_TABLE, go);
  const apiQuery = toApiQuery(state);
  const query = leadQuery(apiQuery);
  const leads = useQuery(leadsQueryOptions(query));
  const remove = useDeleteLead();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState<Lead | null>(null);
  const [exporting, setExporting] = useState(false);
  const deletedView = state.filters.deleted === "true";
  const manager = managesCrm(me.role);
  const set = (key: (typeof LEADS_TABLE.filters)[number], value: string | undefined) =>
    setState(withFilter(state, key, value));

  const columns = useLeadColumns({ manager, onDelete: setConfirming });

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const params = new URLSearchParams(exportParams(apiQuery));
      await downloadBlob(`/api/v1/exports/leads?${params.toString()}`, "leads.xlsx");
    } catch (e) {
      toast.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t("crm.leads.title")}
        description={t("crm.leads.subtitle")}
        actions={
          createsLeads(me.role) ? (
            <Button asChild>
              <Link to="/crm/leads/new">
                <Plus aria-hidden /> {t("crm.leads.new")}
              </Link>
            </Button>
          ) : null
        }
      />
      <CrmNav />
      <DataTable
        columns={columns}
        rows={leads.data?.data}
        total={leads.data?.total ?? 0}
        totalCapped={leads.data?.total_capped}
        state={state}
        onStateChange={setState}
        getRowId={(l) => l.id}
        sortable={LEADS_TABLE.sortable}
        caption={t("crm.leads.title")}
        isLoading={leads.isLoading}
        isFetching={leads.isFetching}
        error={leads.error}
        onRetry={() => void leads.refetch()}
        onClearFilters={() => setState({ ...state, page: 1, filters: {} })}
        filters={
          <>
            <SearchFilter
              value={state.filters.q}
              onChange={(value) => set("q", value)}
              label={t("crm.leads.search")}
              placeholder={t("crm.leads.searchPlaceholder")}
            />
            <SelectFilter
              value={state.filters.status}
              onChange={(value) => set("status", value)}
              label={t("crm.leads.status")}
              allLabel={t("crm.leads.allStatuses")}
            >
              <EnumOptions values={LEAD_STATUS_VALUES} labels={LEAD_STATUS_LABEL} />
            </SelectFilter>
            <SelectFilter
              value={state.filters.channel}
              onChange={(value) => set("channel", value)}
              label={t("crm.leads.channel")}
              allLabel={t("crm.leads.allChannels")}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`crm.channels.${c}`)}
                </option>
              ))}
            </SelectFilter>
            <SelectFilter
              value={state.filters.owner}
              onChange={(value) => set("owner", value)}
              label={t("crm.leads.salesOwner")}
              allLabel={t("crm.leads.anyOwner")}
            >
              <option value="me">{t("crm.leads.mine")}</option>
            </SelectFilter>
            <SelectFilter
              value={state.filters.unassigned}
              onChange={(value) => set("unassigned", value)}
              label={t("crm.leads.assignment")}
              allLabel={t("crm.leads.anyAssignment")}
              testId="filter-unassigned"
            >
              <option value="true">{t("crm.leads.unassignedOnly")}</option>
              <option value="false">{t("crm.leads.assignedOnly")}</option>
            </SelectFilter>
            <DateRangeFilter
              from={state.filters.from}
              to={state.filters.to}
              onChange={({ from, to }) =>
                setState(withFilter(withFilter(state, "from", from), "to", to))
              }
            />
            {manager ? (
              <SelectFilter
                value={state.filters.deleted}
                onChange={(value) => set("deleted", value)}
                label={t("crm.leads.view")}
                allLabel={t("crm.leads.liveLeads")}
              >
                <option value="true">{t("crm.leads.deletedLeads")}</option>
              </SelectFilter>
            ) : null}
          </>
        }
        actions={
          <Button
            variant="outline"
            size="sm"
            onClick={() => void exportXlsx()}
            disabled={exporting}
          >
            <Download aria-hidden /> {t("crm.leads.export")}
          </Button>
        }
        empty={
          <EmptyState
            title={deletedView ? t("crm.leads.noDeleted") : t("crm.leads.empty")}
            description={deletedView ? undefined : t("crm.leads.emptyBody")}
          />
        }
      />
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => !open && setConfirming(null)}
        title={t("crm.leads.deleteTitle", { code: confirming?.lead_code ?? "" })}
        description={t("crm.leads.deleteBody")}
        confirmLabel={t("crm.leads.delete")}
        destructive
        onConfirm={() => {
          if (!confirming) return;
          const lead = confirming;
          remove.mutate(lead.id, {
            onSuccess: () => {
              toast.success(t("crm.leads.deleted", { code: lead.lead_code }));
              setConfirming(null);
            },
            onError: (e) => toast.error(errorMessage(e)),
          });
        }}
      />
    </>
  );
}
