import { useTranslation } from "react-i18next";
import { IMPORT_MODULE_VALUES } from "@/api/enums.gen";
import { DataTable } from "@/components/data-table/data-table";
import { SelectFilter } from "@/components/data-table/filters";
import { useListPage } from "@/components/list-page/use-list-page";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/states/states";
import { isOneOf, useEnumLabel } from "@/lib/enums";
import { importsQueryOptions } from "./api";
import { useHistoryColumns } from "./components/history-columns";
import { RequireImports } from "./components/require-imports";
import { UploadCard } from "./components/upload-card";
import { IMPORT_MODULE_LABEL } from "./labels";
import { HISTORY_TABLE, historyQuery } from "./table";
import type { ImportModuleInfo } from "./types";

function ImportCenter({ modules }: { modules: ImportModuleInfo[] }) {
  const { t } = useTranslation();
  const moduleLabel = useEnumLabel(IMPORT_MODULE_LABEL);
  const list = useListPage({
    table: HISTORY_TABLE,
    toQuery: historyQuery,
    queryOptions: importsQueryOptions,
    columns: useHistoryColumns(),
    getRowId: (row) => row.id,
  });
  const filtered = list.state.filters.module;
  // The modules of the history: those the user imports into, in the API's order.
  const known = IMPORT_MODULE_VALUES.filter((m) => modules.some((i) => i.module === m));

  return (
    <>
      <PageHeader title={t("imports.title")} description={t("imports.subtitle")} />
      <div className="flex flex-col gap-6">
        <UploadCard
          modules={modules}
          initial={isOneOf(IMPORT_MODULE_VALUES, filtered) ? filtered : undefined}
        />
        <section aria-labelledby="import-history-title" className="flex flex-col gap-3">
          <h2 id="import-history-title" className="text-lg font-semibold text-navy-900">
            {t("imports.history.title")}
          </h2>
          <DataTable
            {...list.dataTable}
            caption={t("imports.history.title")}
            filters={
              known.length > 1 ? (
                <SelectFilter
                  value={filtered}
                  onChange={(value) => list.setFilter("module", value)}
                  label={t("imports.fields.module")}
                  allLabel={t("imports.history.allModules")}
                  testId="filter-module"
                >
                  {known.map((m) => (
                    <option key={m} value={m}>
                      {moduleLabel(m)}
                    </option>
                  ))}
                </SelectFilter>
              ) : null
            }
            empty={
              <EmptyState
                title={t("imports.history.empty")}
                description={t("imports.history.emptyBody")}
              />
            }
          />
        </section>
      </div>
    </>
  );
}

/** The Import Center: upload a spreadsheet into a module, and the imports so far. */
export default function ImportCenterPage() {
  return <RequireImports>{(modules) => <ImportCenter modules={modules} />}</RequireImports>;
}
