import { createColumnHelper } from "@tanstack/react-table";
import { MoreHorizontal, Pencil, UserCheck, UserX } from "lucide-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import type { Department, User } from "@/api/types";
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
import { useUpdateUser } from "./api";

const col = createColumnHelper<User>();

/** The user list's columns; editing and deactivating are the page's (they open dialogs). */
export function useUserColumns({
  departments,
  onEdit,
  onDeactivate,
}: {
  departments: readonly Department[] | undefined;
  onEdit: (user: User) => void;
  onDeactivate: (user: User) => void;
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const update = useUpdateUser();
  const errorMessage = useErrorMessage();
  return useMemo(
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
          const name = departments?.find((d) => d.code === code)?.name;
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
                <DropdownMenuItem onSelect={() => onEdit(u)}>
                  <Pencil aria-hidden />
                  {t("common.edit")}
                </DropdownMenuItem>
                {u.is_active ? (
                  <DropdownMenuItem onSelect={() => onDeactivate(u)} className="text-danger">
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
    [t, roleLabel, departments, update, errorMessage, onEdit, onDeactivate],
  );
}
