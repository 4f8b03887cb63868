import { Link } from "@tanstack/react-router";
import { Download, Plus } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { DataTable } from "@/components/data-table/data-table";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { useListPage } from "@/components/list-page/use-list-page";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useMe } from "@/features/auth/api";
import { LEAD_STATUS_VALUES } from "@/api/enums.gen";
import { DateRangeFilter } from "@/components/form/date-range";
import { EnumOptions } from "@/components/form/enum-options";
import { useErrorMessage } from "@/lib/error-message";
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
  const remove = useDeleteLead();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState<Lead | null>(null);
  const manager = managesCrm(me.role);
  const list = useListPage({
    table: LEADS_TABLE,
    toQuery: leadQuery,
    queryOptions: leadsQueryOptions,
    columns: useLeadColumns({ manager, onDelete: setConfirming }),
    getRowId: (l) => l.id,
    exportList: ({ api }) =>
      downloadBlob(
        `/api/v1/exports/leads?${new URLSearchParams(exportParams(api)).toString()}`,
        "leads.xlsx",
      ),
    onExportError: (e) => toast.error(errorMessage(e)),
  });
  const { state, setFilter: set } = list;
  const deletedView = state.filters.deleted === "true";

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
        {...list.dataTable}
        caption={t("crm.leads.title")}
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
              onChange={({ from, to }) => list.setFilters({ from, to })}
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
          <Button variant="outline" size="sm" onClick={list.exportRows} disabled={list.exporting}>
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
