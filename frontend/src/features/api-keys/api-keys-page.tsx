import { createColumnHelper } from "@tanstack/react-table";
import { Plus } from "lucide-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import type { ApiKey } from "@/api/types";
import { DataTable } from "@/components/data-table/data-table";
import { useListPage } from "@/components/list-page/use-list-page";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useErrorMessage } from "@/lib/error-message";
import { formatDate, formatDateTime } from "@/lib/format";
import { apiKeysQueryOptions, useRevokeApiKey } from "./api";
import { CreateApiKeyDialog } from "./create-api-key-dialog";
import { API_KEYS_TABLE } from "./table";

const col = createColumnHelper<ApiKey>();

export default function ApiKeysPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const revoke = useRevokeApiKey();
  const [createOpen, setCreateOpen] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);

  const columns = useMemo(
    () => [
      col.accessor("name", {
        header: t("apiKeys.name"),
        meta: { label: t("apiKeys.name") },
        cell: (c) => <span className="font-medium text-navy-900">{c.getValue()}</span>,
      }),
      col.accessor("prefix", {
        header: t("apiKeys.prefix"),
        meta: { label: t("apiKeys.prefix") },
        cell: (c) => (
          <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
            {c.getValue()}…
          </code>
        ),
      }),
      col.accessor("scopes", {
        header: t("apiKeys.scopes"),
        meta: { label: t("apiKeys.scopes") },
        cell: (c) => (
          <div className="flex flex-wrap gap-1">
            {c.getValue().map((s) => (
              <Badge key={s}>{s}</Badge>
            ))}
          </div>
        ),
      }),
      col.accessor("created_at", {
        header: t("apiKeys.created_at"),
        meta: { label: t("apiKeys.created_at"), className: "whitespace-nowrap" },
        sortDescFirst: true,
        cell: (c) => formatDate(c.getValue()),
      }),
      col.accessor("last_used_at", {
        header: t("apiKeys.last_used_at"),
        meta: { label: t("apiKeys.last_used_at"), className: "whitespace-nowrap" },
        sortDescFirst: true,
        cell: (c) => {
          const v = c.getValue();
          return v ? formatDateTime(v) : <span className="text-muted">{t("apiKeys.never")}</span>;
        },
      }),
      col.accessor("revoked_at", {
        header: t("apiKeys.status"),
        meta: { label: t("apiKeys.status") },
        cell: (c) => {
          const v = c.getValue();
          return v ? (
            <Badge variant="muted" title={formatDateTime(v)}>
              {t("apiKeys.revoked")}
            </Badge>
          ) : (
            <Badge variant="success">{t("apiKeys.active")}</Badge>
          );
        },
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
        cell: ({ row }) =>
          row.original.revoked_at ? null : (
            <Button
              variant="outline"
              size="sm"
              className="text-danger"
              onClick={() => setRevoking(row.original)}
              aria-label={`${t("apiKeys.revoke")} ${row.original.name}`}
              data-testid="api-key-revoke"
            >
              {t("apiKeys.revoke")}
            </Button>
          ),
      }),
    ],
    [t],
  );
  const list = useListPage({
    table: API_KEYS_TABLE,
    toQuery: (_, state) => state,
    queryOptions: apiKeysQueryOptions,
    columns,
    getRowId: (k) => k.id,
  });

  return (
    <>
      <PageHeader
        title={t("apiKeys.title")}
        description={t("apiKeys.subtitle")}
        actions={
          <Button onClick={() => setCreateOpen(true)} data-testid="api-key-create">
            <Plus aria-hidden />
            {t("apiKeys.new")}
          </Button>
        }
      />
      <DataTable
        {...list.dataTable}
        caption={t("apiKeys.title")}
        empty={
          <EmptyState
            className="border-0"
            title={t("apiKeys.emptyTitle")}
            description={t("apiKeys.emptyBody")}
          />
        }
      />
      <CreateApiKeyDialog open={createOpen} onOpenChange={setCreateOpen} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(o) => !o && setRevoking(null)}
        title={t("apiKeys.revokeTitle", { name: revoking?.name ?? "" })}
        description={t("apiKeys.revokeBody")}
        confirmLabel={t("apiKeys.revoke")}
        pending={revoke.isPending}
        onConfirm={() => {
          if (!revoking) return;
          const k = revoking;
          revoke.mutate(k.id, {
            onSuccess: () => {
              toast.success(t("apiKeys.revokedToast", { name: k.name }));
              setRevoking(null);
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
