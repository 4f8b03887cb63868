import { Link } from "@tanstack/react-router";
import { AlertTriangle, Construction, Inbox, ShieldOff } from "lucide-react";
import type { ComponentType, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/api/errors";
import { useErrorMessage } from "@/lib/error-message";
import { cn } from "@/lib/utils";

interface StateProps {
  icon?: ComponentType<{ className?: string; "aria-hidden"?: boolean }>;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
  testId?: string;
  role?: "status" | "alert";
}

function StateBlock({
  icon: Icon = Inbox,
  title,
  description,
  action,
  className,
  testId,
  role = "status",
}: StateProps) {
  return (
    <div
      role={role}
      data-testid={testId}
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-slate-300 bg-surface px-6 py-12 text-center",
        className,
      )}
    >
      <span className="flex size-12 items-center justify-center rounded-full bg-navy-50 text-navy-700">
        <Icon aria-hidden className="size-6" />
      </span>
      <h2 className="text-base font-semibold text-foreground">{title}</h2>
      {description ? <p className="max-w-prose text-sm text-muted">{description}</p> : null}
      {action}
    </div>
  );
}

export function EmptyState(props: Omit<StateProps, "role">) {
  return <StateBlock testId="empty-state" {...props} />;
}

/** An error with the server's (translated) message and a retry button. */
export function ErrorState({
  error,
  onRetry,
  className,
}: {
  error: unknown;
  onRetry?: () => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const status = isApiError(error) ? error.status : 0;
  // A record the user may not see, or one that is gone: retrying will not change it.
  if (status === 403 || status === 404) {
    return (
      <StateBlock
        role="alert"
        testId={status === 403 ? "forbidden-state" : "not-found"}
        icon={status === 403 ? ShieldOff : Inbox}
        title={t(status === 403 ? "states.forbiddenTitle" : "states.recordNotFoundTitle")}
        description={t(status === 403 ? "states.recordForbiddenBody" : "states.recordNotFoundBody")}
        className={className}
        action={
          <Button asChild variant="outline">
            <Link to="/">{t("states.backHome")}</Link>
          </Button>
        }
      />
    );
  }
  return (
    <StateBlock
      role="alert"
      testId="error-state"
      icon={AlertTriangle}
      title={t("states.errorTitle")}
      description={message(error)}
      className={className}
      action={
        onRetry ? (
          <Button variant="outline" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        ) : null
      }
    />
  );
}

export function ForbiddenState() {
  const { t } = useTranslation();
  return (
    <StateBlock
      testId="forbidden-state"
      icon={ShieldOff}
      title={t("states.forbiddenTitle")}
      description={t("states.forbiddenBody")}
      action={
        <Button asChild variant="outline">
          <Link to="/">{t("states.backHome")}</Link>
        </Button>
      }
    />
  );
}

export function ComingSoonState({ module }: { module: string }) {
  const { t } = useTranslation();
  return (
    <StateBlock
      testId="coming-soon"
      icon={Construction}
      title={t("states.comingSoonTitle")}
      description={t("states.comingSoonBody", { module })}
    />
  );
}

export function NotFoundState() {
  const { t } = useTranslation();
  return (
    <StateBlock
      testId="not-found"
      title={t("states.notFoundTitle")}
      description={t("states.notFoundBody")}
      action={
        <Button asChild variant="outline">
          <Link to="/">{t("states.backHome")}</Link>
        </Button>
      }
    />
  );
}

/** Placeholder while a page chunk or its first data loads. */
export function PageSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <span className="sr-only" role="status">
        {t("common.loading")}
      </span>
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="grid gap-4 md:grid-cols-3">
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
        <Skeleton className="h-28" />
      </div>
      <Skeleton className="h-64" />
    </div>
  );
}
