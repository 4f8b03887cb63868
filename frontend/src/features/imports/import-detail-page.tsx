import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/components/layout/page-header";
import { PageSkeleton } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useEnumLabel } from "@/lib/enums";
import { formatDateTime } from "@/lib/format";
import { importQueryOptions } from "./api";
import { ErrorRows } from "./components/error-rows";
import { MappingEditor } from "./components/mapping-editor";
import { ProgressPanel } from "./components/progress-panel";
import { QueryError } from "./components/query-error";
import { RequireImports } from "./components/require-imports";
import { ResultPanel } from "./components/result-panel";
import { RevertButton } from "./components/revert-button";
import { ImportStatusBadge } from "./components/status-badge";
import { useRunFinished } from "./components/use-run-finished";
import { IMPORT_MODULE_LABEL } from "./labels";
import { canRevert, editsMapping, isRunning } from "./lib/status";
import type { ImportModuleInfo } from "./types";

const routeApi = getRouteApi("/_app/imports/$importId");

function ImportDetail({ modules }: { modules: ImportModuleInfo[] }) {
  const { t } = useTranslation();
  const moduleLabel = useEnumLabel(IMPORT_MODULE_LABEL);
  const { importId } = routeApi.useParams();
  const query = useQuery(importQueryOptions(importId));
  useRunFinished(query.data);
  if (query.isPending) return <PageSkeleton />;
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const imp = query.data;
  // The module's fields; none when the user may no longer import into it (then read only).
  const fields = modules.find((m) => m.module === imp.module)?.fields;
  const ran = imp.status === "done" || imp.status === "failed" || imp.status === "reverted";

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span className="break-all" data-testid="import-name">
              {imp.original_name}
            </span>
            <ImportStatusBadge status={imp.status} />
          </span>
        }
        description={
          <>
            <span className="block" data-testid="import-summary">
              {t("imports.detail.summary", {
                module: moduleLabel(imp.module),
                code: imp.import_code,
                row: imp.header_row,
              })}
            </span>
            <span className="block">
              {t("imports.detail.uploaded", {
                name: imp.created_by_name ?? "—",
                at: formatDateTime(imp.created_at),
              })}
              {imp.processed_at
                ? ` · ${t("imports.detail.processed", { at: formatDateTime(imp.processed_at) })}`
                : null}
            </span>
          </>
        }
        actions={
          <>
            <Button asChild variant="ghost">
              <Link to="/imports">
                <ArrowLeft aria-hidden /> {t("imports.detail.back")}
              </Link>
            </Button>
            {fields && canRevert(imp.status) ? <RevertButton imp={imp} /> : null}
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {imp.status === "reverted" ? (
          <Alert variant="info" data-testid="import-reverted">
            {t("imports.detail.reverted", { at: formatDateTime(imp.reverted_at) })}
          </Alert>
        ) : null}
        {imp.status === "failed" && imp.failure ? (
          <Alert data-testid="import-failure">
            {t("imports.detail.failure", { reason: imp.failure })}
          </Alert>
        ) : null}
        {isRunning(imp.status) ? <ProgressPanel imp={imp} /> : null}
        {ran ? <ResultPanel imp={imp} /> : null}
        {ran && imp.error_count + imp.duplicate_count > 0 ? (
          <ErrorRows imp={imp} fields={fields} />
        ) : null}
        {fields && editsMapping(imp.status) ? <MappingEditor imp={imp} fields={fields} /> : null}
      </div>
    </>
  );
}

/**
 * One import: its file and status, the column mapping and the Process button, the
 * progress while it runs, then its counts, the failed rows and the revert.
 */
export default function ImportDetailPage() {
  return <RequireImports>{(modules) => <ImportDetail modules={modules} />}</RequireImports>;
}
