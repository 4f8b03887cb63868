/** The quick-add row's rules: a title and a due time, parsed into POST /tasks' body. */
import { z } from "zod";
import type { Assert, IsAssignable } from "@/lib/form-types";
import { fromLocalInput } from "../lib/dates";
import type { CreateTaskBody } from "../types";

export const quickAddSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    due: z.string().refine((due) => fromLocalInput(due) !== null),
  })
  .transform(({ title, due }) => ({ title, due_at: fromLocalInput(due) ?? "" }));

export type QuickAddInput = z.input<typeof quickAddSchema>;
export type QuickAddBody = z.output<typeof quickAddSchema>;
export type QuickAddFitsApi = Assert<IsAssignable<QuickAddBody, CreateTaskBody>>;
