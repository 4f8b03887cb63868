import { Lock, MessageSquare } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { fieldClass } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useErrorMessage } from "@/lib/error-message";
import { formatDateTime } from "@/lib/format";
import { cn } from "@/lib/utils";
import { useAddComment, useUpdateTicket } from "./api";
import type { TicketComment, TicketDetail } from "./types";

export function Conversation({ ticket }: { ticket: TicketDetail }) {
  const { t } = useTranslation();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("tickets.conversation.title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {ticket.comments.length === 0 ? (
          <p className="text-sm text-muted" data-testid="no-comments">
            {t("tickets.conversation.empty")}
          </p>
        ) : (
          <ol className="space-y-3" aria-label={t("tickets.conversation.title")}>
            {ticket.comments.map((c) => (
              <CommentItem key={c.id} comment={c} />
            ))}
          </ol>
        )}
        <Composer ticketId={ticket.id} closed={ticket.status === "closed"} />
      </CardContent>
    </Card>
  );
}

function CommentItem({ comment: c }: { comment: TicketComment }) {
  const { t } = useTranslation();
  const internal = c.is_internal_note;
  return (
    <li
      data-testid="comment"
      data-internal={internal ? "true" : "false"}
      className={cn(
        "rounded-md border p-3",
        internal
          ? "border-yellow-300 border-l-4 border-l-accent-500 bg-warning-soft"
          : "border-slate-200 bg-surface",
      )}
    >
      <div className="mb-1 flex flex-wrap items-center gap-2 text-xs">
        {internal ? (
          <Badge variant="warning">
            <Lock aria-hidden className="size-3" /> {t("tickets.conversation.internalNote")}
          </Badge>
        ) : (
          <Badge>
            <MessageSquare aria-hidden className="size-3" /> {t("tickets.conversation.reply")}
          </Badge>
        )}
        <span className="font-medium text-navy-900">{c.author_name ?? "—"}</span>
        <time dateTime={c.created_at} className="text-slate-600 tabular-nums">
          {formatDateTime(c.created_at)}
        </time>
      </div>
      <p className="text-sm whitespace-pre-wrap text-navy-900">{c.comment_text}</p>
    </li>
  );
}

/** A closed ticket takes no reply to the customer (the API answers 409) until reopened:
 * only internal notes, with the way to reopen it. */
function ClosedNotice({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const reopen = useUpdateTicket(ticketId);
  const errorMessage = useErrorMessage();
  return (
    <Alert variant="info" data-testid="comment-closed-notice">
      <p>{t("tickets.conversation.closedNotice")}</p>
      <Button
        type="button"
        size="sm"
        variant="outline"
        className="mt-2"
        disabled={reopen.isPending}
        data-testid="comment-reopen"
        onClick={() =>
          reopen.mutate(
            { status: "in_progress" },
            {
              onSuccess: () => toast.success(t("tickets.conversation.reopened")),
              onError: (e) => toast.error(errorMessage(e)),
            },
          )
        }
      >
        {t("tickets.conversation.reopen")}
      </Button>
    </Alert>
  );
}

function Composer({ ticketId, closed }: { ticketId: string; closed: boolean }) {
  const { t } = useTranslation();
  const add = useAddComment(ticketId);
  const errorMessage = useErrorMessage();
  const inputId = useId();
  const toggleId = useId();
  const [text, setText] = useState("");
  const [noteChosen, setInternal] = useState(false);
  const internal = closed || noteChosen;
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const comment = text.trim();
    if (!comment) {
      setError(t("tickets.conversation.required"));
      return;
    }
    setError(null);
    add.mutate(
      { comment_text: comment, is_internal_note: internal },
      {
        onSuccess: () => {
          setText("");
          toast.success(
            internal ? t("tickets.conversation.noteSaved") : t("tickets.conversation.replySent"),
          );
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };
  return (
    <form
      noValidate
      className={cn(
        "space-y-2 rounded-md border p-3",
        internal ? "border-yellow-300 bg-warning-soft" : "border-slate-200 bg-slate-50",
      )}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      data-testid="comment-form"
    >
      {closed ? <ClosedNotice ticketId={ticketId} /> : null}
      <Label htmlFor={inputId}>
        {internal ? t("tickets.conversation.noteLabel") : t("tickets.conversation.replyLabel")}
      </Label>
      <textarea
        id={inputId}
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={cn(fieldClass, "h-auto py-2")}
        data-testid="comment-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
      />
      {error ? (
        <p id={`${inputId}-error`} className="text-xs font-medium text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label htmlFor={toggleId} className="inline-flex items-center gap-2 text-sm">
          <Checkbox
            id={toggleId}
            checked={internal}
            disabled={closed}
            onChange={(e) => setInternal(e.target.checked)}
            data-testid="comment-internal-toggle"
          />
          {t("tickets.conversation.internalToggle")}
        </label>
        <Button type="submit" disabled={add.isPending} data-testid="comment-submit">
          {internal ? <Lock aria-hidden /> : <MessageSquare aria-hidden />}
          {internal ? t("tickets.conversation.saveNote") : t("tickets.conversation.sendReply")}
        </Button>
      </div>
    </form>
  );
}
