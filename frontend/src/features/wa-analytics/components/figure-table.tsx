import type { ReactNode } from "react";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { ScrollBox } from "./scroll-box";

export interface FigureColumn {
  label: string;
  /** Numbers right-aligned. */
  numeric?: boolean;
}

/** The table alternative of a chart: a caption, headers and rows of formatted cells. */
export function FigureTable({
  caption,
  columns,
  rows,
  testId,
}: {
  caption: string;
  columns: readonly FigureColumn[];
  rows: readonly (readonly ReactNode[])[];
  testId?: string;
}) {
  return (
    <ScrollBox label={caption}>
      <Table data-testid={testId}>
        <TableCaption>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHead key={c.label} className={c.numeric ? "text-right" : undefined}>
                {c.label}
              </TableHead>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i}>
              {row.map((cell, j) => (
                <TableCell key={j} className={columns[j]?.numeric ? "text-right" : undefined}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollBox>
  );
}
