import { Link } from "@tanstack/react-router";
import { FileSearch } from "lucide-react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "@/components/layout/page-header";
import { ComingSoonState } from "@/components/states/states";
import { Card } from "@/components/ui/card";
import { useMe } from "@/features/auth/api";

const RFQ_READERS = new Set([
  "super_admin",
  "director",
  "ops_exim",
  "ops_domestic",
  "ops_import_dtd",
  "ops_warehouse",
]);

/** Ticketing home: the sections that have shipped, then the rest as coming soon. */
export default function TicketingHomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t("modules.ticketing")} />
      {RFQ_READERS.has(me.role) ? (
        <ul className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <li>
            <Card className="transition-shadow hover:shadow-md">
              <Link to="/ticketing/rfqs" className="flex items-center gap-3 rounded-lg p-4">
                <span className="flex size-10 items-center justify-center rounded-md bg-navy-900 text-accent-400">
                  <FileSearch aria-hidden className="size-5" />
                </span>
                <span>
                  <span className="block font-medium text-navy-900">
                    {t("ticketing.rfqsTitle")}
                  </span>
                  <span className="block text-sm text-muted">{t("ticketing.rfqsBody")}</span>
                </span>
              </Link>
            </Card>
          </li>
        </ul>
      ) : null}
      <ComingSoonState module={t("modules.ticketing")} />
    </>
  );
}
