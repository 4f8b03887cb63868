import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { translateFieldError } from "@/components/form/field-error";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Textarea } from "@/components/ui/textarea";
import { ErrorState } from "@/components/states/states";
import { cn } from "@/lib/utils";
import { usePreviewNews } from "../mutations";
import { NewsBody } from "./news-body";

/** A Markdown body with Write / Preview tabs; the preview is the server's rendering. */
export function MarkdownEditor({
  label,
  error,
  value,
  onChange,
  onBlur,
}: {
  label: string;
  error: string | undefined;
  value: string;
  onChange: (value: string) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [tab, setTab] = useState<"write" | "preview">("write");
  const preview = usePreviewNews();
  const show = (next: "write" | "preview") => {
    setTab(next);
    if (next === "preview" && value.trim() !== "") preview.mutate(value);
  };
  const tabClass = (active: boolean) =>
    cn(
      "rounded-t-md px-3 py-1.5 text-sm font-medium",
      active ? "bg-navy-900 text-white" : "text-navy-800 hover:bg-navy-50",
    );
  return (
    <div className="flex flex-col gap-1.5" data-field="body">
      <div className="flex items-end justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        <div role="tablist" aria-label={label} className="flex gap-1">
          {(["write", "preview"] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tabClass(tab === name)}
              data-testid={`news-tab-${name}`}
              onClick={() => show(name)}
            >
              {t(name === "write" ? "news.dialog.write" : "news.dialog.preview")}
            </button>
          ))}
        </div>
      </div>
      {tab === "write" ? (
        <Textarea
          id={id}
          rows={10}
          className="font-mono text-sm"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onBlur}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          data-testid="news-body-input"
        />
      ) : (
        <div
          className="min-h-40 rounded-md border border-border p-3"
          data-testid="news-preview"
          aria-live="polite"
        >
          {value.trim() === "" ? (
            <p className="text-sm text-muted">{t("news.dialog.previewEmpty")}</p>
          ) : preview.isError ? (
            <ErrorState error={preview.error} onRetry={() => preview.mutate(value)} />
          ) : preview.data ? (
            <NewsBody html={preview.data.body_html} />
          ) : (
            <Skeleton className="h-24 w-full" />
          )}
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-danger" data-testid="error-body">
          {translateFieldError(error, t)}
        </p>
      ) : null}
    </div>
  );
}
