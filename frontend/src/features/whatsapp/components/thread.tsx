import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Message } from "../types";
import { MessageBubble } from "./message-bubble";

/**
 * The messages of a conversation, oldest first, in a scrolling pane that follows new
 * messages (the stream adds them while the thread is open).
 */
export function Thread({ messages }: { messages: Message[] }) {
  const { t } = useTranslation();
  const pane = useRef<HTMLDivElement>(null);
  const last = messages.at(-1)?.id;
  useEffect(() => {
    const el = pane.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [last]);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("whatsapp.thread.messages")}</CardTitle>
      </CardHeader>
      <CardContent>
        {messages.length === 0 ? (
          <p className="text-sm text-muted" data-testid="thread-empty">
            {t("whatsapp.thread.empty")}
          </p>
        ) : (
          <div
            ref={pane}
            // Scrollable, so reachable by keyboard.
            tabIndex={0}
            role="log"
            aria-label={t("whatsapp.thread.messages")}
            className="max-h-[65vh] overflow-y-auto rounded-md bg-slate-50 p-3"
            data-testid="thread"
          >
            <ol className="flex flex-col gap-2">
              {messages.map((m) => (
                <MessageBubble key={m.id} message={m} />
              ))}
            </ol>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
