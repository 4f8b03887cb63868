/** Writes of the news page: create, change, delete, and the editor's preview. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import { newsKeys } from "./api";
import type { CreateNewsBody, UpdateNewsBody } from "./types";

function useInvalidateNews() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: newsKeys.all });
}

export function useCreateNews() {
  const invalidate = useInvalidateNews();
  return useMutation({
    mutationFn: (body: CreateNewsBody) => call(api.POST("/api/v1/news", { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateNews() {
  const invalidate = useInvalidateNews();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateNewsBody }) =>
      call(api.PATCH("/api/v1/news/{id}", { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeleteNews() {
  const invalidate = useInvalidateNews();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE("/api/v1/news/{id}", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

/** Renders a body exactly as readers will see it (sanitised by the server). */
export function usePreviewNews() {
  return useMutation({
    mutationFn: (body: string) => call(api.POST("/api/v1/news/preview", { body: { body } })),
  });
}
