import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { currentLocale } from "@/i18n";
import { formatNumber } from "@/lib/format";
import { PER_PAGE_OPTIONS } from "@/lib/table-state";

interface PaginationProps {
  page: number;
  pages: number;
  perPage: number;
  total: number;
  /** `total` is a lower bound: shown as "10.000+", no jump to the last page. */
  totalCapped?: boolean;
  shown: number;
  onPage: (page: number) => void;
  onPerPage: (perPage: number) => void;
}

export function Pagination({
  page,
  pages,
  perPage,
  total,
  totalCapped = false,
  shown,
  onPage,
  onPerPage,
}: PaginationProps) {
  const { t } = useTranslation();
  const id = useId();
  const locale = currentLocale();
  const from = total === 0 ? 0 : (page - 1) * perPage + 1;
  const last = from + Math.max(shown, 1) - 1;
  const to = total === 0 ? 0 : totalCapped ? last : Math.min(total, last);
  const more = totalCapped ? "+" : "";
  const pagesLabel = `${formatNumber(pages, locale)}${more}`;
  const options: number[] = PER_PAGE_OPTIONS.includes(perPage as (typeof PER_PAGE_OPTIONS)[number])
    ? [...PER_PAGE_OPTIONS]
    : [...PER_PAGE_OPTIONS, perPage].sort((a, b) => a - b);
  return (
    <nav
      aria-label={t("table.page", { page, pages: pagesLabel })}
      className="flex flex-wrap items-center justify-between gap-3 border-t border-border px-3 py-2 text-sm text-muted"
    >
      <p role="status" data-testid="table-summary">
        {t("table.showing", {
          from: formatNumber(from, locale),
          to: formatNumber(to, locale),
          total: `${formatNumber(total, locale)}${more}`,
        })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={id} className="flex items-center gap-2">
          <span>{t("table.rowsPerPage")}</span>
        </label>
        <Select
          id={id}
          className="w-20"
          value={String(perPage)}
          onChange={(e) => onPerPage(Number(e.target.value))}
        >
          {options.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </Select>
        <span className="tabular">{t("table.page", { page, pages: pagesLabel })}</span>
        <div className="flex items-center gap-1">
          <Button
            variant="outline"
            size="icon-sm"
            aria-label={t("table.first")}
            disabled={page <= 1}
            onClick={() => onPage(1)}
          >
            <ChevronsLeft aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon-sm"
            aria-label={t("table.prev")}
            disabled={page <= 1}
            onClick={() => onPage(page - 1)}
          >
            <ChevronLeft aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon-sm"
            aria-label={t("table.next")}
            disabled={page >= pages}
            onClick={() => onPage(page + 1)}
          >
            <ChevronRight aria-hidden />
          </Button>
          <Button
            variant="outline"
            size="icon-sm"
            aria-label={t("table.last")}
            disabled={page >= pages || totalCapped}
            onClick={() => onPage(pages)}
          >
            <ChevronsRight aria-hidden />
          </Button>
        </div>
      </div>
    </nav>
  );
}
