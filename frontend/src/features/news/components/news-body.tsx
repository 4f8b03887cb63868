import { cn } from "@/lib/utils";

/**
 * A post's body as the server rendered it: Markdown to HTML, then sanitised with an
 * allow list (no raw HTML, scripts, event handlers or `javascript:` links survive), so it
 * is inserted as is. Nothing else in the SPA inserts HTML.
 */
export function NewsBody({ html, className }: { html: string; className?: string }) {
  return (
    <div
      data-testid="news-body"
      className={cn(
        "max-w-prose text-sm leading-relaxed text-foreground",
        "[&_a]:text-navy-800 [&_a]:underline [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3",
        "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:text-xl [&_h1]:font-semibold [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:font-semibold",
        "[&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-100 [&_pre]:p-3",
        "[&_table]:border-collapse [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2 [&>*+*]:mt-3",
        className,
      )}
      // Sanitised by the server (domain::news::markdown); see above.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
