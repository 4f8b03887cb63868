import { useQuery } from "@tanstack/react-query";
import { Download, Plus } from "lucide-react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import type { User } from "@/api/types";
import { DataTable } from "@/components/data-table/data-table";
import { downloadCsv, toCsv } from "@/components/data-table/export";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { useListPage } from "@/components/list-page/use-list-page";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/lib/error-message";
import { useRoleLabel } from "@/lib/labels";
import {
  departmentsQueryOptions,
  rolesQueryOptions,
  useDeactivateUser,
  userListQuery,
  usersQueryOptions,
} from "./api";
import { USERS_TABLE } from "./table";
import { UserFormDialog } from "./user-form-dialog";
import { useUserColumns } from "./users-columns";

export default function UsersPage() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const roles = useQuery(rolesQueryOptions);
  const departments = useQuery(departmentsQueryOptions);
  const deactivate = useDeactivateUser();
  const errorMessage = useErrorMessage();

  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [confirming, setConfirming] = useState<User | null>(null);

  const openForm = useCallback((user: User | null) => {
    setEditing(user);
    setFormOpen(true);
  }, []);
  const columns = useUserColumns({
    departments: departments.data,
    onEdit: openForm,
    onDeactivate: setConfirming,
  });

  const list = useListPage({
    table: USERS_TABLE,
    toQuery: (_, state) => userListQuery(state),
    queryOptions: usersQueryOptions,
    columns,
    getRowId: (u) => u.id,
    exportList: ({ rows, state }) => {
      if (!rows) return;
      const headers = [
        "full_name",
        "email",
        "role",
        "dept",
        "manager_name",
        "is_active",
        "last_login_at",
        "created_at",
      ];
      downloadCsv(
        `${t("users.exportFile")}-p${state.page}.csv`,
        toCsv(
          headers,
          rows.map((u) => [
            u.full_name,
            u.email,
            u.role,
            u.dept,
            u.manager_name,
            String(u.is_active),
            u.last_login_at,
            u.created_at,
          ]),
        ),
      );
    },
  });
  const { state, rows } = list;

  return (
    <>
      <PageHeader
        title={t("users.title")}
        description={t("users.subtitle")}
        actions={
          <Button
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
            data-testid="user-create"
          >
            <Plus aria-hidden />
            {t("users.new")}
          </Button>
        }
      />
      <DataTable
        {...list.dataTable}
        caption={t("users.title")}
        empty={
          <EmptyState
            className="border-0"
            title={t("users.emptyTitle")}
            description={t("users.emptyBody")}
          />
        }
        actions={
          <Button
            variant="outline"
            size="sm"
            onClick={list.exportRows}
            disabled={!rows || rows.length === 0}
          >
            <Download aria-hidden />
            <span className="hidden sm:inline">{t("common.exportCsv")}</span>
          </Button>
        }
        filters={
          <>
            <SearchFilter
              label={t("common.search")}
              placeholder={t("users.searchPlaceholder")}
              value={state.filters.q}
              onChange={(q) => list.setFilter("q", q)}
            />
            <SelectFilter
              label={t("users.fields.role")}
              allLabel={t("users.allRoles")}
              value={state.filters.role}
              onChange={(v) => list.setFilter("role", v)}
              testId="filter-role"
            >
              {(roles.data ?? []).map((r) => (
                <option key={r.name} value={r.name}>
                  {roleLabel(r.name, r.label)}
                </option>
              ))}
            </SelectFilter>
            <SelectFilter
              label={t("users.fields.dept")}
              allLabel={t("users.allDepts")}
              value={state.filters.dept}
              onChange={(v) => list.setFilter("dept", v)}
              testId="filter-dept"
            >
              {(departments.data ?? []).map((d) => (
                <option key={d.code} value={d.code}>
                  {d.code} — {d.name}
                </option>
              ))}
            </SelectFilter>
            <SelectFilter
              label={t("users.fields.is_active")}
              allLabel={t("users.allStatuses")}
              value={state.filters.is_active}
              onChange={(v) => list.setFilter("is_active", v)}
              testId="filter-active"
            >
              <option value="true">{t("common.active")}</option>
              <option value="false">{t("common.inactive")}</option>
            </SelectFilter>
          </>
        }
      />
      <UserFormDialog open={formOpen} onOpenChange={setFormOpen} user={editing} />
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(o) => !o && setConfirming(null)}
        title={t("users.deactivateTitle", { name: confirming?.full_name ?? "" })}
        description={t("users.deactivateBody")}
        confirmLabel={t("users.deactivate")}
        pending={deactivate.isPending}
        onConfirm={() => {
          if (!confirming) return;
          const u = confirming;
          deactivate.mutate(u.id, {
            onSuccess: () => {
              toast.success(t("users.deactivated", { name: u.full_name }));
              setConfirming(null);
            },
            onError: (e) => {
              if (isApiError(e) && !e.isServerError) toast.error(errorMessage(e));
            },
          });
        }}
      />
    </>
  );
}
