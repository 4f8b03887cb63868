/**
 * The post form's rules, mirroring POST/PATCH news (NEWS-1): a title of 1–200 characters,
 * a Markdown body of 1–20,000, known roles as the audience, and a publication: a draft,
 * published (now, or kept as it was), or scheduled at a day and time still to come.
 */
import { z } from "zod";
import { NEWS_STATE_VALUES, ROLE_VALUES, type NewsState, type Role } from "@/api/enums.gen";
import { v } from "@/components/form/field-error";
import { isDay } from "@/features/ar/lib/as-of";
import { isOneOf } from "@/lib/enums";
import type { CreateNewsBody, News } from "../types";
import { fromPublishedAt, isTime, toPublishedAt } from "./publish-at";

export const TITLE_MAX = 200;
export const BODY_MAX = 20_000;

export const newsSchema = z
  .object({
    title: z.string().trim().min(1, v.required).max(TITLE_MAX, v.max(TITLE_MAX)),
    body: z
      .string()
      .refine((b) => b.trim().length > 0, v.required)
      .refine((b) => Array.from(b).length <= BODY_MAX, "news.validation.bodyMax"), // code points, as the server counts
    pinned: z.boolean(),
    audience_roles: z.array(z.string().refine((r) => isOneOf(ROLE_VALUES, r))),
    state: z.string().refine((s) => isOneOf(NEWS_STATE_VALUES, s), v.required),
    day: z.string(),
    time: z.string(),
  })
  .superRefine((f, ctx) => {
    if (f.state !== "scheduled") return;
    if (!isDay(f.day))
      ctx.addIssue({ code: "custom", path: ["day"], message: "news.validation.day" });
    if (!isTime(f.time))
      ctx.addIssue({ code: "custom", path: ["time"], message: "news.validation.time" });
    const at = toPublishedAt(f.day, f.time);
    if (at && new Date(at).getTime() <= Date.now())
      ctx.addIssue({ code: "custom", path: ["day"], message: "news.validation.future" });
  });

export type NewsFormValues = z.input<typeof newsSchema>;

/** The fields a server error can be attached to (`published_at` goes to the day). */
export const NEWS_FIELDS = ["title", "body", "audience_roles", "day"] as const;

export function formValues(post: News | null): NewsFormValues {
  const { day, time } = fromPublishedAt(post?.published_at);
  return {
    title: post?.title ?? "",
    body: post?.body ?? "",
    pinned: post?.pinned ?? false,
    audience_roles: post?.audience_roles ?? [],
    state: post?.state ?? "published",
    day,
    time: time || "08:00",
  };
}

/**
 * The request body of the form: a draft has no time; "published" keeps the time of a
 * post that already was (or is now); "scheduled" the day and time typed.
 */
export function toBody(
  values: NewsFormValues,
  post: News | null,
  now = new Date(),
): CreateNewsBody {
  const state = values.state as NewsState;
  const published_at =
    state === "draft"
      ? null
      : state === "scheduled"
        ? toPublishedAt(values.day, values.time)
        : post?.state === "published"
          ? post.published_at
          : now.toISOString();
  return {
    title: values.title.trim(),
    body: values.body,
    pinned: values.pinned,
    audience_roles: values.audience_roles.filter((r): r is Role => isOneOf(ROLE_VALUES, r)),
    published_at,
  };
}
