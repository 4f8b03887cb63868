/** Queries, mutations and live updates of the WhatsApp conversation pages. */
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api, call } from "@/api/client";
import { useServerEvents, type ConnectionState } from "@/lib/events";
import type {
  Conversation,
  ConversationDetail,
  ConversationListQuery,
  ConversationTicketBody,
  UpdateConversationBody,
} from "./types";

export const conversationKeys = {
  all: ["conversations"] as const,
  lists: ["conversations", "list"] as const,
  list: (query: ConversationListQuery) => ["conversations", "list", query] as const,
  detail: (id: string) => ["conversations", "detail", id] as const,
};

export function conversationsQueryOptions(query: ConversationListQuery) {
  return queryOptions({
    queryKey: conversationKeys.list(query),
    queryFn: () => call(api.GET("/api/v1/conversations", { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function conversationQueryOptions(id: string) {
  return queryOptions({
    queryKey: conversationKeys.detail(id),
    queryFn: () => call(api.GET("/api/v1/conversations/{id}", { params: { path: { id } } })),
  });
}

/** The thread keeps its messages; the answer of a change carries the conversation only. */
function withConversation(
  detail: ConversationDetail | undefined,
  conversation: Conversation,
): ConversationDetail | undefined {
  return detail ? { ...detail, ...conversation, messages: detail.messages } : undefined;
}

/** Status and assignment (PATCH): 403 outside the caller's rights, 409 reopening an old one. */
export function useUpdateConversation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateConversationBody) =>
      call(api.PATCH("/api/v1/conversations/{id}", { params: { path: { id } }, body })),
    onSuccess: (conversation) => {
      queryClient.setQueryData(conversationKeys.detail(id), (old: ConversationDetail | undefined) =>
        withConversation(old, conversation),
      );
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists });
    },
  });
}

/** A CS ticket from the conversation (201 opened, 200 the one it had), linked to it. */
export function useOpenConversationTicket(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConversationTicketBody) =>
      call(api.POST("/api/v1/conversations/{id}/ticket", { params: { path: { id } }, body })),
    onSuccess: (ticket) => {
      queryClient.setQueryData(
        conversationKeys.detail(id),
        (old: ConversationDetail | undefined) =>
          old ? { ...old, ticket_id: ticket.ticket_id, ticket_code: ticket.ticket_code } : old,
      );
      void queryClient.invalidateQueries({ queryKey: conversationKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: conversationKeys.lists });
      void queryClient.invalidateQueries({ queryKey: ["tickets"] });
    },
  });
}

/** How long events are gathered before the pages read again (a burst of messages). */
const COALESCE_MS = 200;

/**
 * Reads the conversation lists and the changed threads again when the server announces
 * `conversation.updated` (a message arrived, a status or assignee changed), and
 * everything after a `resync`. Bursts are coalesced into one refetch per thread.
 */
export function useLiveConversations(): ConnectionState {
  const client = useQueryClient();
  const pending = useRef<{ ids: Set<string>; all: boolean }>({ ids: new Set(), all: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const flush = () => {
    timer.current = null;
    const { ids, all } = pending.current;
    pending.current = { ids: new Set(), all: false };
    if (all) {
      void client.invalidateQueries({ queryKey: conversationKeys.all });
      return;
    }
    void client.invalidateQueries({ queryKey: conversationKeys.lists });
    for (const id of ids) void client.invalidateQueries({ queryKey: conversationKeys.detail(id) });
  };
  return useServerEvents((event) => {
    if (event.type === "conversation.updated") pending.current.ids.add(event.id);
    else if (event.type === "resync") pending.current.all = true;
    else return;
    timer.current ??= setTimeout(flush, COALESCE_MS);
  });
}
