import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { AppLink } from "@/features/kpi/components/app-link";
import { currentLocale } from "@/i18n";
import { formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";

/** A section of the report: a card with its title and, when given, a link to the list. */
export function SectionCard({
  id,
  title,
  href,
  linkLabel,
  children,
}: {
  id: string;
  title: string;
  href?: string;
  linkLabel?: string;
  children: ReactNode;
}) {
  return (
    <Card data-testid={`report-${id}`} aria-labelledby={`report-${id}-title`}>
      <CardHeader className="flex flex-row items-center justify-between gap-2">
        <CardTitle id={`report-${id}-title`} className="text-base">
          {title}
        </CardTitle>
        {href && linkLabel ? (
          <AppLink href={href} className="text-sm text-navy-800 underline underline-offset-2">
            {linkLabel}
          </AppLink>
        ) : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">{children}</CardContent>
    </Card>
  );
}

/** One number of a section, linked to the list it counts. */
export function Figure({
  label,
  value,
  href,
  testId,
  tone,
}: {
  label: string;
  value: number;
  href?: string;
  testId: string;
  tone?: "danger";
}) {
  const text = formatNumber(value, currentLocale());
  const number = (
    <span
      data-testid={testId}
      className={cn(
        "text-2xl font-semibold tabular-nums text-navy-900",
        tone === "danger" && value > 0 && "text-danger",
      )}
    >
      {text}
    </span>
  );
  return (
    <div className="flex flex-col gap-0.5">
      <span className="text-sm text-muted">{label}</span>
      {href ? (
        <AppLink href={href} className="hover:underline" aria-label={`${label}: ${text}`}>
          {number}
        </AppLink>
      ) : (
        number
      )}
    </div>
  );
}

/** A row of figures. */
export function Figures({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">{children}</div>;
}

/** Counts per key as a short two-column table. */
export function CountTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string; label: string; count: number; href?: string }[];
}) {
  const locale = currentLocale();
  return (
    <table className="w-full text-sm">
      <caption className="mb-1 text-left text-xs font-medium text-slate-700">{caption}</caption>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-t border-border">
            <th scope="row" className="py-1 text-left font-normal">
              {r.href ? <AppLink href={r.href}>{r.label}</AppLink> : r.label}
            </th>
            <td className="py-1 text-right tabular-nums">{formatNumber(r.count, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
