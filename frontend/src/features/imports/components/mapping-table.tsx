import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Select } from "@/components/ui/select";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { currentLocale } from "@/i18n";
import { fieldHelp, fieldLabel } from "../lib/text";
import type { ImportField, Mapping } from "../types";

/** One row per column of the file: its header as written and the module field it feeds. */
export function MappingTable({
  headers,
  fields,
  mapping,
  disabled,
  onChange,
}: {
  headers: string[];
  fields: ImportField[];
  mapping: Mapping;
  disabled: boolean;
  onChange: (column: number, key: string | null) => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  return (
    <Table data-testid="mapping-table">
      <TableCaption>{t("imports.mapping.title")}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead className="w-12">#</TableHead>
          <TableHead>{t("imports.mapping.column")}</TableHead>
          <TableHead>{t("imports.mapping.field")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {headers.map((header, column) => {
          const key = mapping[column] ?? null;
          const spec = fields.find((f) => f.key === key);
          const title = header.trim() || t("imports.mapping.untitled", { n: column + 1 });
          const helpId = `${id}-help-${column}`;
          return (
            <TableRow
              key={column}
              data-testid="mapping-row"
              data-column={column}
              data-header={header}
              data-field={key ?? ""}
            >
              <TableCell className="text-muted tabular-nums">{column + 1}</TableCell>
              <TableCell className="font-medium">{title}</TableCell>
              <TableCell className="min-w-64">
                <Select
                  value={key ?? ""}
                  disabled={disabled}
                  aria-label={t("imports.mapping.fieldFor", { column: title })}
                  aria-describedby={spec ? helpId : undefined}
                  data-testid={`mapping-select-${column}`}
                  onChange={(e) => onChange(column, e.target.value || null)}
                >
                  <option value="">{t("imports.mapping.ignore")}</option>
                  {fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {fieldLabel(f, locale)}
                      {f.required ? " *" : ""}
                    </option>
                  ))}
                  {key && !spec ? <option value={key}>{key}</option> : null}
                </Select>
                {spec ? (
                  <p id={helpId} className="mt-1 text-xs text-muted">
                    {spec.required ? `${t("imports.mapping.requiredMark")} · ` : ""}
                    {fieldHelp(spec, locale)}
                  </p>
                ) : null}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
