import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
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
import { formatIDR } from "@/lib/format";
import { cn } from "@/lib/utils";
import { AGING_BUCKETS } from "../lib/aging";
import type { AgingRow } from "../types";

const AMOUNTS = [...AGING_BUCKETS, "total", "paid_after", "unapplied", "net"] as const;
type AmountColumn = (typeof AMOUNTS)[number];

/**
 * Aging per customer with the totals row (DSO-6): the five buckets add up to the total;
 * cash paid after the report day and unapplied cash (≤ 0) are their own columns.
 */
export function AgingTable({
  rows,
  totals,
  caption,
}: {
  rows: readonly AgingRow[];
  totals: AgingRow;
  caption: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const header = (c: AmountColumn) => {
    if (c === "total") return t("ar.aging.total");
    if (c === "paid_after") return t("ar.fields.paidAfter");
    if (c === "unapplied") return t("ar.fields.unapplied");
    if (c === "net") return t("ar.aging.net");
    return t(`ar.aging.buckets.${c}`);
  };
  const cells = (row: AgingRow, strong = false) =>
    AMOUNTS.map((c) => (
      <TableCell
        key={c}
        data-col={c}
        className={cn("text-right whitespace-nowrap", (strong || c === "total") && "font-semibold")}
      >
        {formatIDR(row[c], locale)}
      </TableCell>
    ));
  return (
    <Table data-testid="aging-table">
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{t("ar.fields.customer")}</TableHead>
          {AMOUNTS.map((c) => (
            <TableHead key={c} className="text-right">
              {header(c)}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow
            key={row.customer_id ?? row.customer_name}
            data-testid="aging-row"
            data-customer-id={row.customer_id ?? undefined}
          >
            <TableCell className="min-w-48">
              {row.customer_id ? (
                <Link
                  to="/dso/statement"
                  search={{ customer_id: row.customer_id }}
                  className="font-medium text-navy-900 underline-offset-2 hover:underline"
                >
                  {row.customer_name}
                </Link>
              ) : (
                row.customer_name
              )}
            </TableCell>
            {cells(row)}
          </TableRow>
        ))}
        <TableRow data-testid="aging-totals" className="bg-slate-50">
          <TableCell className="font-semibold">{t("ar.aging.total")}</TableCell>
          {cells(totals, true)}
        </TableRow>
      </TableBody>
    </Table>
  );
}
