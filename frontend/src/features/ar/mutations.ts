/** Writes of the receivables pages: invoices, payments, voiding, collection tickets. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, call } from "@/api/client";
import { isApiError } from "@/api/errors";
import { arKeys } from "./api";
import type {
  AllocatePaymentBody,
  CreateInvoiceBody,
  CreatePaymentBody,
  ReversePaymentBody,
  VoidInvoiceBody,
} from "./types";

/** Every AR figure depends on every write: the whole module is refetched. */
function useInvalidateAr() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: arKeys.all });
}

export function useCreateInvoice() {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateInvoiceBody; idempotencyKey: string }) =>
      call(
        api.POST("/api/v1/invoices", {
          body,
          params: { header: { "Idempotency-Key": idempotencyKey } },
        }),
      ),
    onSuccess: () => void invalidate(),
  });
}

export function useCreatePayment() {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreatePaymentBody; idempotencyKey: string }) =>
      call(
        api.POST("/api/v1/payments", {
          body,
          params: { header: { "Idempotency-Key": idempotencyKey } },
        }),
      ),
    onSuccess: () => void invalidate(),
  });
}

/** Applies a payment's unapplied cash (customer credit) to open invoices; FIFO without `allocations`. */
export function useAllocatePayment(paymentId: string) {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: (body: AllocatePaymentBody) =>
      call(
        api.POST("/api/v1/payments/{id}/allocations", {
          params: { path: { id: paymentId } },
          body,
        }),
      ),
    onSuccess: () => void invalidate(),
  });
}

/** Reverses a payment's allocation to one invoice (or all): it becomes credit again. */
export function useReversePayment() {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: ({ paymentId, body }: { paymentId: string; body: ReversePaymentBody }) =>
      call(
        api.POST("/api/v1/payments/{id}/reverse", { params: { path: { id: paymentId } }, body }),
      ),
    onSuccess: () => void invalidate(),
  });
}

export function useVoidInvoice(id: string) {
  const invalidate = useInvalidateAr();
  return useMutation({
    mutationFn: (body: VoidInvoiceBody) =>
      call(api.POST("/api/v1/invoices/{id}/void", { params: { path: { id } }, body })),
    onSuccess: () => void invalidate(),
    // A 409 (payments allocated meanwhile, or void already): show the invoice as it is now.
    onError: (e) => {
      if (isApiError(e) && e.status === 409) void invalidate();
    },
  });
}

/** DSO-4: opens the invoice's collection ticket (or returns the one already open). */
export function useOpenCollectionTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoiceId: string) =>
      call(
        api.POST("/api/v1/invoices/{id}/collection-ticket", {
          params: { path: { id: invoiceId } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["tickets"] }),
  });
}
