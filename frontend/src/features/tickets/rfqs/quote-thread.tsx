import { useQuery } from "@tanstack/react-query";
import { MessageSquareQuote } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorState } from "@/components/states/states";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { ticketQueryOptions, useAddComment } from "@/features/tickets/api";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";

/** Longest message the API accepts. */
const MAX_CHARS = 20_000;

/**
 * TCK-5: the RFQ's conversation for Operations — earlier messages and a composer for the
 * quote. Sales and marketing read it on the same ticket with the customer's identity.
 */
export function QuoteThread({ ticketId, canReply }: { ticketId: string; canReply: boolean }) {
  const { t } = useTranslation();
  const ticket = useQuery(ticketQueryOptions(ticketId));
  const send = useAddComment(ticketId);
  const errorMessage = useErrorMessage();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const body = text.trim();
    if (!body) {
      setProblem(t("crm.rfq.quoteRequired"));
      return;
    }
    if (body.length > MAX_CHARS) {
      setProblem(t("validation.maxLength", { max: MAX_CHARS }));
      return;
    }
    setProblem(null);
    send.mutate(
      { comment_text: body, is_internal_note: true },
      {
        onSuccess: () => setText(""),
        onError: (error) => setProblem(errorMessage(error)),
      },
    );
  };

  return (
    <Card className="mt-6" data-testid="rfq-thread">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <MessageSquareQuote aria-hidden className="size-4" /> {t("crm.rfq.thread")}
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {ticket.isPending ? (
          <Skeleton className="h-16" />
        ) : ticket.isError ? (
          <ErrorState error={ticket.error} onRetry={() => void ticket.refetch()} />
        ) : ticket.data.comments.length === 0 ? (
          <p className="text-sm text-muted">{t("crm.rfq.noMessages")}</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {ticket.data.comments.map((c) => (
              <li
                key={c.id}
                className="rounded-md border border-border bg-surface p-3 text-sm"
                data-testid="rfq-message"
              >
                <p className="text-xs text-muted">
                  <span className="font-medium text-navy-900">{c.author_name ?? "—"}</span> ·{" "}
                  <time dateTime={c.created_at}>{formatDateTime(c.created_at)}</time>
                </p>
                <p className="mt-1 whitespace-pre-wrap text-slate-800">{c.comment_text}</p>
              </li>
            ))}
          </ol>
        )}
        {canReply ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
            className="flex flex-col gap-2"
            noValidate
          >
            <label htmlFor="rfq-quote" className="text-sm font-medium text-navy-900">
              {t("crm.rfq.quoteLabel")}
            </label>
            <Textarea
              id="rfq-quote"
              rows={4}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t("crm.rfq.quotePlaceholder")}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? "rfq-quote-error" : "rfq-quote-hint"}
              data-testid="rfq-quote-input"
            />
            <p id="rfq-quote-hint" className="text-xs text-muted">
              {t("crm.rfq.quoteHint")}
            </p>
            {problem ? (
              <Alert variant="error" id="rfq-quote-error">
                {problem}
              </Alert>
            ) : null}
            <Button
              type="submit"
              className="self-start"
              disabled={send.isPending}
              data-testid="rfq-quote-submit"
            >
              {send.isPending ? <Spinner /> : null}
              {t("crm.rfq.quoteSend")}
            </Button>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
