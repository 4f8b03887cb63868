import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { createColumnHelper } from "@tanstack/react-table";
import { Download, MoreHorizontal, Pencil, Plus, UserCheck, UserX } from "lucide-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import type { User } from "@/api/types";
import { DataTable } from "@/components/data-table/data-table";
import { downloadCsv, toCsv } from "@/components/data-table/export";
import { SearchFilter, SelectFilter } from "@/components/data-table/filters";
import { useTableUrlState } from "@/components/data-table/use-table-url-state";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useErrorMessage } from "@/lib/error-message";
import { formatDate, formatDateTime } from "@/lib/format";
import { useRoleLabel } from "@/lib/labels";
import type { TableSearch } from "@/lib/table-state";
import { withFilter } from "@/lib/table-state";
import {
  departmentsQueryOptions,
  rolesQueryOptions,
  useDeactivateUser,
  userListQuery,
  usersQueryOptions,
  useUpdateUser,
} from "./api";
import { USERS_TABLE } from "./table";
import { UserFormDialog } from "./user-form-dialog";

const routeApi = getRouteApi("/_app/admin/users");
const col = createColumnHelper<User>();

export default function UsersPage() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const search = routeApi.useSearch();
  const navigate = routeApi.useNavigate();
  const go = useCallback(
    (next: TableSearch) => void navigate({ search: next, replace: true }),
    [navigate],
  );
  const [state, setState] = useTableUrlState(search, USERS_TABLE, go);
  const query = userListQuery(state);
  const users = useQuery(usersQueryOptions(query));
  const roles = useQuery(rolesQueryOptions);
  const departments = useQuery(departmentsQueryOptions);
  const deactivate = useDeactivateUser();
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();

  const [editing, setEditing] = useState<User | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [confirming, setConfirming] = useState<User | null>(null);

  const columns = useMemo(
    () => [
      col.accessor("full_name", {
        header: t("users.fields.full_name"),
        meta: { label: t("users.fields.full_name") },
        cell: (c) => <span className="font-medium text-navy-900">{c.getValue()}</span>,
      }),
      col.accessor("email", {
        header: t("users.fields.email"),
        meta: { label: t("users.fields.email") },
        cell: (c) => <span className="text-slate-700">{c.getValue()}</span>,
      }),
      col.accessor("role", {
        header: t("users.fields.role"),
        meta: { label: t("users.fields.role"), className: "whitespace-nowrap" },
        cell: (c) => roleLabel(c.getValue()),
      }),
      col.accessor("dept", {
        header: t("users.fields.dept"),
        meta: { label: t("users.fields.dept") },
        cell: (c) => {
          const code = c.getValue();
          if (!code) return <span className="text-muted">—</span>;
          const name = departments.data?.find((d) => d.code === code)?.name;
          return (
            <Badge variant="muted" title={name}>
              {code}
            </Badge>
          );
        },
      }),
      col.accessor("manager_name", {
        header: t("users.fields.manager"),
        meta: { label: t("users.fields.manager") },
        enableSorting: false,
        cell: (c) => c.getValue() ?? <span className="text-muted">—</span>,
      }),
      col.accessor("is_active", {
        header: t("users.fields.is_active"),
        meta: { label: t("users.fields.is_active") },
        cell: (c) =>
          c.getValue() ? (
            <Badge variant="success">{t("common.active")}</Badge>
          ) : (
            <Badge variant="muted">{t("common.inactive")}</Badge>
          ),
      }),
      col.accessor("last_login_at", {
        header: t("users.fields.last_login_at"),
        meta: { label: t("users.fields.last_login_at"), className: "whitespace-nowrap" },
        sortDescFirst: true,
        cell: (c) => formatDateTime(c.getValue()),
      }),
      col.accessor("created_at", {
        header: t("users.fields.created_at"),
        meta: { label: t("users.fields.created_at"), className: "whitespace-nowrap" },
        sortDescFirst: true,
        cell: (c) => formatDate(c.getValue()),
      }),
      col.display({
        id: "actions",
        header: () => <span className="sr-only">{t("common.actions")}</span>,
        meta: {
          label: t("common.actions"),
          alwaysVisible: true,
          align: "right",
          stickyRight: true,
        },
        cell: ({ row }) => {
          const u = row.original;
          return (
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button
                  variant="ghost"
                  size="icon-sm"
                  aria-label={t("common.rowActions", { name: u.full_name })}
                >
                  <MoreHorizontal aria-hidden />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                <DropdownMenuItem
                  onSelect={() => {
                    setEditing(u);
                    setFormOpen(true);
                  }}
                >
                  <Pencil aria-hidden />
                  {t("common.edit")}
                </DropdownMenuItem>
                {u.is_active ? (
                  <DropdownMenuItem onSelect={() => setConfirming(u)} className="text-danger">
                    <UserX aria-hidden />
                    {t("users.deactivate")}
                  </DropdownMenuItem>
                ) : (
                  <DropdownMenuItem
                    onSelect={() =>
                      update.mutate(
                        { id: u.id, body: { is_active: true } },
                        {
                          onSuccess: () =>
                            toast.success(t("users.activated", { name: u.full_name })),
                          onError: (e) => {
                            if (isApiError(e) && !e.isServerError) toast.error(errorMessage(e));
                          },
                        },
                      )
                    }
                  >
                    <UserCheck aria-hidden />
                    {t("users.activate")}
                  </DropdownMenuItem>
                )}
              </DropdownMenuContent>
            </DropdownMenu>
          );
        },
      }),
    ],
    [t, roleLabel, departments.data, update, errorMessage],
  );

  const rows = users.data?.data;
  const exportCsv = () => {
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
  };

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
        caption={t("users.title")}
        columns={columns}
        rows={rows}
        total={users.data?.total ?? 0}
        totalCapped={users.data?.total_capped}
        state={state}
        onStateChange={setState}
        sortable={USERS_TABLE.sortable}
        getRowId={(u) => u.id}
        isLoading={users.isPending}
        isFetching={users.isFetching}
        error={users.error}
        onRetry={() => void users.refetch()}
        onClearFilters={() => setState({ ...state, filters: {}, page: 1 })}
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
            onClick={exportCsv}
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
              onChange={(q) => setState(withFilter(state, "q", q))}
            />
            <SelectFilter
              label={t("users.fields.role")}
              allLabel={t("users.allRoles")}
              value={state.filters.role}
              onChange={(v) => setState(withFilter(state, "role", v))}
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
              onChange={(v) => setState(withFilter(state, "dept", v))}
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
              onChange={(v) => setState(withFilter(state, "is_active", v))}
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
