import { useQuery } from "@tanstack/react-query";
import { ExternalLink } from "lucide-react";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/states/states";
import { Badge } from "@/components/ui/badge";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { currentLocale } from "@/i18n";
import { formatDateTime } from "@/lib/format";
import { activityQueryOptions, fileBlobQueryOptions } from "../work-api";
import { useActivityTypeLabel } from "../labels";
import { ActivityTypeIcon } from "./activity-type";
import { formatDistance } from "./geo";

/** One activity with its visit photo (fetched with the auth header) and GPS point. */
export function ActivityDetailDialog({
  activityId,
  onOpenChange,
}: {
  activityId: string | null;
  onOpenChange: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={activityId !== null} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl" data-testid="activity-dialog">
        {activityId ? (
          <ActivityDetails id={activityId} />
        ) : (
          <DialogTitle className="sr-only">{t("crm.activities.detail")}</DialogTitle>
        )}
      </DialogContent>
    </Dialog>
  );
}

function ActivityDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const typeLabel = useActivityTypeLabel();
  const query = useQuery(activityQueryOptions(id));
  if (query.isPending || query.error) {
    return (
      <>
        <DialogTitle className="sr-only">{t("crm.activities.detail")}</DialogTitle>
        <DialogDescription className="sr-only">
          {query.error ? t("states.errorTitle") : t("common.loading")}
        </DialogDescription>
        {query.error ? (
          <ErrorState
            error={query.error}
            onRetry={() => void query.refetch()}
            className="border-0"
          />
        ) : (
          <div className="flex flex-col gap-3" aria-busy="true">
            <Skeleton className="h-6 w-2/3" />
            <Skeleton className="h-32" />
          </div>
        )}
      </>
    );
  }
  const a = query.data;
  return (
    <>
      <DialogHeader>
        <DialogTitle>{a.subject}</DialogTitle>
        <DialogDescription className="flex items-center gap-2">
          <Badge variant={a.activity_type === "system" ? "muted" : "default"}>
            <ActivityTypeIcon type={a.activity_type} className="size-3.5" />
            {typeLabel(a.activity_type)}
          </Badge>
          {a.customer_name ?? ""}
        </DialogDescription>
      </DialogHeader>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
        <Item label={t("crm.activities.loggedAt")}>{formatDateTime(a.occurred_at)}</Item>
        {a.scheduled_at ? (
          <Item label={t("crm.log.scheduledAt")}>{formatDateTime(a.scheduled_at)}</Item>
        ) : null}
        <Item label={t("crm.owner.label")}>{a.owner_name ?? "—"}</Item>
        {a.next_action ? (
          <Item label={t("crm.activities.nextAction")}>
            {a.next_action}
            {a.next_action_at ? ` · ${formatDateTime(a.next_action_at)}` : ""}
          </Item>
        ) : null}
        {a.latitude != null && a.longitude != null ? (
          <Item label={t("crm.activities.location")}>
            <a
              className="inline-flex items-center gap-1 text-navy-600 underline underline-offset-4"
              href={`https://www.openstreetmap.org/?mlat=${a.latitude}&mlon=${a.longitude}#map=17/${a.latitude}/${a.longitude}`}
              target="_blank"
              rel="noreferrer noopener"
            >
              {a.latitude.toFixed(5)}, {a.longitude.toFixed(5)}
              <ExternalLink aria-hidden className="size-3.5" />
            </a>
          </Item>
        ) : null}
        {a.distance_m != null ? (
          <Item label={t("crm.activities.distance")}>{formatDistance(a.distance_m, locale)}</Item>
        ) : null}
      </dl>
      {a.notes ? (
        <p className="mt-4 text-sm whitespace-pre-wrap text-foreground">{a.notes}</p>
      ) : null}
      {a.evidence_file_id ? <EvidencePhoto fileId={a.evidence_file_id} /> : null}
    </>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-medium text-foreground tabular">{children}</dd>
    </div>
  );
}

function EvidencePhoto({ fileId }: { fileId: string }) {
  const { t } = useTranslation();
  const file = useQuery(fileBlobQueryOptions(fileId));
  const url = useMemo(() => (file.data ? URL.createObjectURL(file.data) : null), [file.data]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return (
    <figure className="mt-4">
      {url ? (
        <img
          src={url}
          alt={t("crm.activities.photoAlt")}
          className="max-h-80 w-full rounded-md border border-border object-contain"
          data-testid="activity-photo"
        />
      ) : file.error ? (
        <p className="text-sm text-danger">{t("crm.activities.photoFailed")}</p>
      ) : (
        <Skeleton className="h-48 w-full" />
      )}
      <figcaption className="mt-1 text-xs text-muted">
        {t("crm.activities.photoCaption")}
      </figcaption>
    </figure>
  );
}
