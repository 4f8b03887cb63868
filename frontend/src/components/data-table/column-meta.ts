import type { RowData } from "@tanstack/react-table";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- names must match the library's
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Translated header text, also used in the column-visibility menu. */
    label: string;
    align?: "left" | "right";
    /** Keep the column always visible (e.g. row actions). */
    alwaysVisible?: boolean;
    /** Pin to the right edge while the table scrolls horizontally (row actions). */
    stickyRight?: boolean;
    className?: string;
  }
}

export {};
