import { useTranslation } from "react-i18next";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { currentLocale } from "@/i18n";
import type { LabelKey } from "@/lib/enums";
import { formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";
import type { Import } from "../types";

type Count =
  "success_count" | "error_count" | "duplicate_count" | "created_count" | "updated_count";

const COUNTS: { key: Count; label: LabelKey; tone?: string }[] = [
  { key: "success_count", label: "imports.counts.ok", tone: "text-success" },
  { key: "error_count", label: "imports.counts.error", tone: "text-danger" },
  { key: "duplicate_count", label: "imports.counts.duplicate" },
  { key: "created_count", label: "imports.counts.created" },
  { key: "updated_count", label: "imports.counts.updated" },
];

/** What the last run did: succeeded, failed, duplicates, and of the successes created / updated. */
export function ResultPanel({ imp }: { imp: Import }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card data-testid="import-result">
      <CardHeader>
        <CardTitle>{t("imports.result.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <div>
            <dt className="text-xs font-medium text-muted">{t("imports.counts.total")}</dt>
            <dd className="mt-0.5 text-2xl font-semibold tabular-nums" data-testid="count-total">
              {formatNumber(imp.total_rows, locale)}
            </dd>
          </div>
          {COUNTS.map(({ key, label, tone }) => (
            <div key={key}>
              <dt className="text-xs font-medium text-muted">{t(label)}</dt>
              <dd
                className={cn(
                  "mt-0.5 text-2xl font-semibold tabular-nums",
                  imp[key] > 0 ? tone : undefined,
                )}
                data-testid={`count-${key.replace("_count", "")}`}
              >
                {formatNumber(imp[key], locale)}
              </dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
