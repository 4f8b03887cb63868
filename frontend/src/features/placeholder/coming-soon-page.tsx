import { useTranslation } from "react-i18next";
import type { Menu } from "@/api/enums.gen";
import { PageHeader } from "@/components/layout/page-header";
import { ComingSoonState } from "@/components/states/states";

/** A menu of the API (but the dashboard, which has shipped) or a CRM module. */
export type ModuleKey = Exclude<Menu, "dashboard"> | "leads";

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
