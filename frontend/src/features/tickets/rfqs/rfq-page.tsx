import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { EyeOff } from "lucide-react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { PageHeader } from "@/components/layout/page-header";
import {
  ErrorState,
  ForbiddenState,
  NotFoundState,
  PageSkeleton,
} from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { currentLocale } from "@/i18n";
import { formatDateTime, formatNumber } from "@/lib/format";
import { useMe } from "@/features/auth/api";
import { PriorityBadge, StatusBadge } from "../badges";
import { rfqDetails, rfqQueryOptions } from "./api";
import { QuoteThread } from "./quote-thread";

const routeApi = getRouteApi("/_app/ticketing/rfqs/$rfqId");
/** Details written in Indonesian digits (`1.500`), as they were typed. */
const NUMERIC_DETAILS = new Set(["weight_kg", "volume_cbm"]);

export default function RfqPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { rfqId } = routeApi.useParams();
  const rfq = useQuery(rfqQueryOptions(rfqId));
  const me = useMe();
  if (rfq.isLoading) return <PageSkeleton />;
  if (rfq.error) {
    if (isApiError(rfq.error) && rfq.error.status === 404) return <NotFoundState />;
    if (isApiError(rfq.error) && rfq.error.status === 403) return <ForbiddenState />;
    return <ErrorState error={rfq.error} onRetry={() => void rfq.refetch()} />;
  }
  const r = rfq.data;
  if (!r) return <NotFoundState />;
  const details = rfqDetails(r.rfq);
  const detailKeys = [
    "service",
    "origin",
    "destination",
    "commodity",
    "weight_kg",
    "volume_cbm",
    "notes",
  ];
  return (
    <>
      <PageHeader
        title={<span className="tabular-nums">{r.ticket_code}</span>}
        description={r.subject}
        actions={
          <Link to="/ticketing/rfqs" className="text-sm underline-offset-2 hover:underline">
            {t("crm.rfq.back")}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("crm.rfq.request")}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              {detailKeys
                .filter((k) => details[k])
                .map((k) => (
                  <div key={k}>
                    <dt className="text-xs font-medium text-muted">
                      {t(`crm.rfq.fields.${k}`, k)}
                    </dt>
                    <dd className="text-navy-900" data-testid={`rfq-${k}`}>
                      {NUMERIC_DETAILS.has(k)
                        ? formatNumber(Number(details[k]), locale)
                        : details[k]}
                    </dd>
                  </div>
                ))}
              <div>
                <dt className="text-xs font-medium text-muted">{t("crm.rfq.status")}</dt>
                <dd>
                  <StatusBadge status={r.status} /> <PriorityBadge priority={r.priority} />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-muted">{t("crm.rfq.created")}</dt>
                <dd className="tabular-nums">{formatDateTime(r.created_at)}</dd>
              </div>
            </dl>
            {r.description ? <p className="mt-4 text-sm text-slate-700">{r.description}</p> : null}
            <p className="mt-2 text-xs text-muted" data-testid="rfq-redacted-note">
              {t("crm.rfq.redactedNote")}
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <EyeOff aria-hidden className="size-4" /> {t("crm.rfq.customer")}
              {r.need_customer_masking ? (
                <Badge variant="warning" data-testid="rfq-masked-badge">
                  {t("crm.rfq.hidden")}
                </Badge>
              ) : null}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm">
              <div>
                <dt className="text-xs font-medium text-muted">{t("crm.rfq.company")}</dt>
                <dd className="font-mono" data-testid="rfq-company">
                  {r.company_name ?? "—"}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-muted">{t("crm.rfq.contact")}</dt>
                <dd className="font-mono">{r.contact_name ?? "—"}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium text-muted">{t("crm.rfq.phone")}</dt>
                <dd className="font-mono">{r.customer_phone ?? "—"}</dd>
              </div>
            </dl>
            {r.need_customer_masking ? (
              <Alert variant="info" className="mt-4">
                {t("crm.rfq.maskedExplain")}
              </Alert>
            ) : null}
            <p className="mt-4 text-sm text-muted">{t("crm.rfq.quoteNote")}</p>
          </CardContent>
        </Card>
      </div>
      <QuoteThread ticketId={r.id} canReply={me.role !== "director"} />
    </>
  );
}
