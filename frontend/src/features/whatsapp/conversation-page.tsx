import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "@/api/errors";
import { PageHeader } from "@/components/layout/page-header";
import {
  ErrorState,
  ForbiddenState,
  NotFoundState,
  PageSkeleton,
} from "@/components/states/states";
import { useMe } from "@/features/auth/api";
import { LiveIndicator } from "@/features/broadcasts/live-indicator";
import { conversationQueryOptions, useLiveConversations } from "./api";
import { ConversationActions } from "./components/conversation-actions";
import { CustomerCard, HandlingCard } from "./components/conversation-facts";
import { ConversationStatusBadge } from "./components/status-badge";
import { Thread } from "./components/thread";
import { usePatchConversation } from "./components/use-patch-conversation";
import { readsConversations } from "./lib/access";
import { conversationName } from "./lib/message";
import type { ConversationDetail } from "./types";

const routeApi = getRouteApi("/_app/ticketing/conversations/$conversationId");

/** One WhatsApp conversation: its thread, live, with the actions CS takes on it. */
export default function ConversationPage() {
  const me = useMe();
  if (!readsConversations(me.role)) return <ForbiddenState />;
  return <ConversationLoader />;
}

function ConversationLoader() {
  const { conversationId } = routeApi.useParams();
  const conversation = useQuery(conversationQueryOptions(conversationId));
  const live = useLiveConversations();

  if (conversation.isLoading) return <PageSkeleton />;
  if (conversation.error) {
    const { error } = conversation;
    if (isApiError(error) && error.status === 404) return <NotFoundState />;
    if (isApiError(error) && error.status === 403) return <ForbiddenState />;
    return <ErrorState error={error} onRetry={() => void conversation.refetch()} />;
  }
  if (!conversation.data) return <NotFoundState />;
  return (
    <ConversationView conversation={conversation.data} live={<LiveIndicator state={live} />} />
  );
}

function ConversationView({
  conversation: c,
  live,
}: {
  conversation: ConversationDetail;
  live: ReactNode;
}) {
  const { t } = useTranslation();
  const { patch, pending } = usePatchConversation(c.id);
  const { name, customer } = conversationName(c);
  return (
    <>
      <Link
        to="/ticketing/conversations"
        className="mb-2 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-navy-900"
      >
        <ArrowLeft aria-hidden className="size-4" /> {t("whatsapp.thread.back")}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span data-testid="conversation-name">{name}</span>
            <ConversationStatusBadge status={c.status} />
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-2">
            <span className="tabular-nums" data-testid="conversation-phone">
              {c.customer_phone}
            </span>
            {customer ? <span>· {customer}</span> : null}
            <span className="tabular-nums">· {c.conversation_code}</span>
          </span>
        }
        actions={
          <>
            {live}
            <ConversationActions conversation={c} patch={patch} pending={pending} />
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Thread messages={c.messages} />
        </div>
        <div className="space-y-6">
          <HandlingCard conversation={c} patch={patch} pending={pending} />
          <CustomerCard conversation={c} />
        </div>
      </div>
    </>
  );
}
