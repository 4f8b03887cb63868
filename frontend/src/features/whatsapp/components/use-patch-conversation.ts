import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { isApiError } from "@/api/errors";
import { useErrorMessage } from "@/lib/error-message";
import { useUpdateConversation } from "../api";
import type { UpdateConversationBody } from "../types";

export type PatchConversation = (body: UpdateConversationBody, done: string) => void;

/** Sends a change and tells how it went: a toast, or why the server refused it. */
export function usePatchConversation(id: string) {
  const { t } = useTranslation();
  const update = useUpdateConversation(id);
  const errorMessage = useErrorMessage();
  const patch: PatchConversation = (body, done) =>
    update.mutate(body, {
      onSuccess: () => toast.success(done),
      onError: (e) =>
        toast.error(
          isApiError(e) && e.status === 409 ? t("whatsapp.thread.reopenConflict") : errorMessage(e),
        ),
    });
  return { patch, pending: update.isPending };
}
