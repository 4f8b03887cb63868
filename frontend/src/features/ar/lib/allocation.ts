/**
 * The payment form's allocation arithmetic (DSO-1), in integer cents (BigInt) on the
 * API's decimal strings — never a float. Mirrors the server: explicit allocations take
 * at most an invoice's outstanding and together at most the payment; without them the
 * payment goes FIFO, oldest due date first (then invoice date, then id), and what is
 * left stays as the customer's credit.
 */
import { fromCents, parseMoneyInput, toCents } from "@/lib/money";

/** An open invoice as the allocation editor lists it (a row of GET ar/outstanding). */
export interface OpenInvoice {
  invoice_id: string;
  invoice_code: string;
  invoice_date: string;
  due_date: string;
  outstanding: string;
}

/** The server's FIFO order: due date, then invoice date, then id (uuid byte order). */
export function fifoOrder<T extends OpenInvoice>(rows: readonly T[]): T[] {
  const key = (r: OpenInvoice) => [r.due_date, r.invoice_date, r.invoice_id.toLowerCase()];
  return [...rows].sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i += 1) {
      const [x = "", y = ""] = [ka[i], kb[i]];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/** What FIFO would allocate: each invoice in order takes what is left, up to its outstanding. */
export function fifoPreview(payment: bigint, rows: readonly OpenInvoice[]): Map<string, bigint> {
  const out = new Map<string, bigint>();
  let left = payment;
  for (const row of fifoOrder(rows)) {
    if (left <= 0n) break;
    const open = toCents(row.outstanding);
    const take = left < open ? left : open;
    if (take > 0n) {
      out.set(row.invoice_id, take);
      left -= take;
    }
  }
  return out;
}

/** Why one typed allocation cannot be sent. */
export type RowProblem = "invalid" | "notPositive" | "overOutstanding";

export interface AllocationDraft {
  /** The allocations to send, in the editor's order (blank rows left out). */
  allocations: { invoice_id: string; amount: string }[];
  allocated: bigint;
  /** Payment − Σ allocations; null while the payment amount is not a valid amount. */
  remaining: bigint | null;
  /** Σ allocations is more than the payment. */
  over: boolean;
  problems: Record<string, RowProblem>;
}

/**
 * The manual allocations typed per invoice (`texts`, keyed by invoice id, Indonesian
 * numbers): what would be sent, the live remaining and every row's problem.
 */
export function draftAllocations(
  payment: string | null,
  rows: readonly OpenInvoice[],
  texts: Readonly<Record<string, string>>,
): AllocationDraft {
  const allocations: AllocationDraft["allocations"] = [];
  const problems: Record<string, RowProblem> = {};
  let allocated = 0n;
  for (const row of rows) {
    const text = texts[row.invoice_id]?.trim() ?? "";
    if (text === "") continue;
    const amount = parseMoneyInput(text);
    if (amount === null) {
      problems[row.invoice_id] = "invalid";
      continue;
    }
    const cents = toCents(amount);
    if (cents <= 0n) problems[row.invoice_id] = "notPositive";
    else if (cents > toCents(row.outstanding)) problems[row.invoice_id] = "overOutstanding";
    allocated += cents;
    if (cents > 0n) allocations.push({ invoice_id: row.invoice_id, amount });
  }
  const remaining = payment === null ? null : toCents(payment) - allocated;
  return {
    allocations,
    allocated,
    remaining,
    over: remaining !== null && remaining < 0n,
    problems,
  };
}

/** The FIFO preview as typed amounts (to start a manual allocation from it). */
export function fifoTexts(
  preview: ReadonlyMap<string, bigint>,
  format: (decimal: string) => string,
): Record<string, string> {
  return Object.fromEntries([...preview].map(([id, cents]) => [id, format(fromCents(cents))]));
}

export interface AllocationErrors {
  /** Messages per invoice id (`allocations[i].amount` / `.invoice_id` of the i-th sent). */
  rows: Record<string, string>;
  /** Messages about the allocations as a whole (`allocations`). */
  summary: string[];
  /** Every other field's messages, untouched. */
  fields: Record<string, string[]>;
}

/** Puts the server's `allocations[i]…` errors on the invoice they were about. */
export function mapAllocationErrors(
  details: Readonly<Record<string, readonly string[]>>,
  sent: readonly { invoice_id: string }[],
): AllocationErrors {
  const result: AllocationErrors = { rows: {}, summary: [], fields: {} };
  for (const [field, messages] of Object.entries(details)) {
    const text = messages.join(" ");
    const m = /^allocations\[(\d+)\](?:\.\w+)?$/.exec(field);
    const invoiceId = m ? sent[Number(m[1])]?.invoice_id : undefined;
    if (invoiceId) {
      result.rows[invoiceId] = [result.rows[invoiceId], text].filter(Boolean).join(" ");
    } else if (field === "allocations" || m) {
      result.summary.push(text);
    } else {
      result.fields[field] = [...messages];
    }
  }
  return result;
}
