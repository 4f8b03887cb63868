import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { currentLocale } from "@/i18n";
import { useErrorMessage } from "@/lib/error-message";
import { formatIDR } from "@/lib/format";
import { useReversePayment } from "../mutations";
import type { InvoicePayment } from "../types";

/**
 * "Batalkan alokasi": reverses a payment's allocation to this invoice (POST
 * /payments/{id}/reverse with the invoice): the amount is the customer's credit again
 * and the invoice's outstanding again. Writers only (the page hides it).
 */
export function ReverseAllocationDialog({
  invoiceId,
  invoiceCode,
  allocation,
  onClose,
}: {
  invoiceId: string;
  invoiceCode: string;
  allocation: InvoicePayment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const errorMessage = useErrorMessage();
  const reverse = useReversePayment();
  const amount = formatIDR(allocation.amount, locale);
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("ar.reverse.title", { payment: allocation.payment_code })}
      description={t("ar.reverse.body", {
        amount,
        payment: allocation.payment_code,
        invoice: invoiceCode,
      })}
      confirmLabel={t("ar.reverse.confirm")}
      pending={reverse.isPending}
      onConfirm={() =>
        reverse.mutate(
          { paymentId: allocation.payment_id, body: { invoice_id: invoiceId } },
          {
            onSuccess: () => {
              toast.success(t("ar.reverse.done", { amount, payment: allocation.payment_code }));
              onClose();
            },
            onError: (e) => {
              toast.error(errorMessage(e));
              onClose();
            },
          },
        )
      }
    />
  );
}
