import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Skeleton } from "@/components/ui/skeleton";
import {
  notificationPreferencesQueryOptions,
  useSetEmailPreference,
} from "@/features/notifications/api";
import { NOTIFICATION_KIND_ICON, useNotificationKindLabel } from "@/features/notifications/kinds";
import { useErrorMessage } from "@/lib/error-message";

/** NTF-1: in-app always on; e-mail per kind, saved as soon as it is ticked. */
export function NotificationPreferencesCard() {
  const { t } = useTranslation();
  const kindLabel = useNotificationKindLabel();
  const errorMessage = useErrorMessage();
  const prefs = useQuery(notificationPreferencesQueryOptions());
  const setEmail = useSetEmailPreference();

  return (
    <Card className="lg:col-span-2" data-testid="notification-preferences">
      <CardHeader>
        <CardTitle>{t("notifications.preferences.title")}</CardTitle>
        <CardDescription>{t("notifications.preferences.description")}</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {prefs.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : prefs.isError ? (
          <Alert>{t("notifications.preferences.loadError")}</Alert>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs text-muted">
                <th className="py-1 font-medium">{t("notifications.preferences.kind")}</th>
                <th className="py-1 text-center font-medium">
                  {t("notifications.preferences.inApp")}
                </th>
                <th className="py-1 text-center font-medium">
                  {t("notifications.preferences.email")}
                </th>
              </tr>
            </thead>
            <tbody>
              {prefs.data.data.map((p) => {
                const Icon = NOTIFICATION_KIND_ICON[p.kind];
                const label = kindLabel(p.kind);
                return (
                  <tr key={p.kind} className="border-t border-slate-200" data-kind={p.kind}>
                    <td className="py-2">
                      <span className="flex items-center gap-2">
                        <Icon aria-hidden className="size-4 text-muted" />
                        {label}
                      </span>
                    </td>
                    <td className="py-2 text-center">
                      <Checkbox
                        checked
                        disabled
                        aria-label={`${t("notifications.preferences.inApp")}: ${label}`}
                      />
                    </td>
                    <td className="py-2 text-center">
                      <Checkbox
                        checked={p.email}
                        disabled={setEmail.isPending}
                        aria-label={t("notifications.preferences.emailFor", { kind: label })}
                        data-testid={`notification-email-${p.kind}`}
                        onChange={(e) =>
                          setEmail.mutate(
                            { kind: p.kind, email: e.target.checked },
                            {
                              onSuccess: () => toast.success(t("notifications.preferences.saved")),
                              onError: (error) => toast.error(errorMessage(error)),
                            },
                          )
                        }
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <p className="text-xs text-muted">{t("notifications.preferences.emailHint")}</p>
      </CardContent>
    </Card>
  );
}
