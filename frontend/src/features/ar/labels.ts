/** The i18n key of every receivables enum value (a new API value is a type error here). */
import type { DsoMethod, InvoiceStatus, PaymentMethod, StatementLineKind } from "@/api/enums.gen";
import type { Labels } from "@/lib/enums";

export const INVOICE_STATUS_LABEL: Labels<InvoiceStatus> = {
  unpaid: "ar.status.unpaid",
  partially_paid: "ar.status.partially_paid",
  paid: "ar.status.paid",
  overdue: "ar.status.overdue",
  void: "ar.status.void",
};

export const PAYMENT_METHOD_LABEL: Labels<PaymentMethod> = {
  bank_transfer: "ar.method.bank_transfer",
  virtual_account: "ar.method.virtual_account",
  cash: "ar.method.cash",
  giro: "ar.method.giro",
  cheque: "ar.method.cheque",
  other: "ar.method.other",
};

export const DSO_METHOD_LABEL: Labels<DsoMethod> = {
  simple: "ar.dso.methods.simple",
  countback: "ar.dso.methods.countback",
};

export const STATEMENT_LINE_KIND_LABEL: Labels<StatementLineKind> = {
  invoice: "ar.statement.kinds.invoice",
  payment: "ar.statement.kinds.payment",
};
