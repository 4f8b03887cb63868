import { useTranslation } from "react-i18next";
import { PageHeader } from "@/components/layout/page-header";
import { ComingSoonState } from "@/components/states/states";

export type ModuleKey = "kpi" | "crm" | "leads" | "ticketing" | "dso";

/** Placeholder for modules that have not shipped yet (deep links still work). */
export default function ComingSoonPage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  const title = t(`modules.${module}`);
  return (
    <>
      <PageHeader title={title} />
      <ComingSoonState module={title} />
    </>
  );
}
