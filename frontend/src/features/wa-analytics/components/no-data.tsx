import { useTranslation } from "react-i18next";
import { EmptyState } from "@/components/states/states";

/** A chart or table with nothing to show in the period. */
export function NoData({ title }: { title?: string }) {
  const { t } = useTranslation();
  return <EmptyState className="py-8" title={title ?? t("charts.empty")} />;
}
