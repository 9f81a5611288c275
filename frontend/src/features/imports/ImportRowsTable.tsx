import { Link } from "react-router";

import type { ImportRowRecord } from "@/api/schemas";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { importOutcomeLabels } from "@/lib/vocabulary";

import { rowDetail, rowName } from "./importWizard";

const outcomeVariant = { create: "default", update: "secondary", unchanged: "outline", error: "destructive" } as const;

function Detail({ row }: { row: ImportRowRecord }) {
  const detail = rowDetail(row);
  if (detail.kind === "summary") return <span className="text-muted-foreground">{detail.text}</span>;
  if (detail.kind === "errors") {
    return (
      <ul className="grid gap-0.5 text-destructive">
        {detail.lines.map((line) => (
          <li key={`${line.column}:${line.message}`}>
            <span className="font-medium">{line.column}:</span> {line.message}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="grid gap-0.5">
      {detail.lines.map((line) => (
        <li key={line.field}>
          <span className="font-medium">{line.field}:</span> <span className="text-muted-foreground">{line.old}</span>
          <span aria-hidden> → </span>
          <span className="sr-only"> changes to </span>
          {line.new}
        </li>
      ))}
    </ul>
  );
}

/** The batch's rows: source line, outcome, the item, and its errors or changes. */
export function ImportRowsTable({ rows, busy }: { rows: ImportRowRecord[] | undefined; busy: boolean }) {
  return (
    <Table aria-label="Rows of the file" aria-busy={busy} className={busy && rows ? "opacity-60 transition-opacity" : undefined}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-16 text-right">Line</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead>Item</TableHead>
          <TableHead>What happens</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows
          ? rows.map((row) => (
              <TableRow key={row.id}>
                <TableCell className="text-right tabular-nums">{row.line}</TableCell>
                <TableCell>
                  <Badge variant={outcomeVariant[row.outcome]}>{importOutcomeLabels[row.outcome]}</Badge>
                </TableCell>
                <TableCell className="max-w-64 font-medium whitespace-normal">
                  {/* The matched item (an update) or the one the commit created. */}
                  {row.collectible !== null ? (
                    <Link to={`/collectibles/${row.collectible}`} className="underline-offset-4 hover:underline">
                      {rowName(row)}
                    </Link>
                  ) : (
                    rowName(row)
                  )}
                </TableCell>
                <TableCell className="whitespace-normal">
                  <Detail row={row} />
                </TableCell>
              </TableRow>
            ))
          : Array.from({ length: 5 }, (_, index) => (
              <TableRow key={index}>
                <TableCell colSpan={4}>
                  <Skeleton className="h-4 w-full" />
                </TableCell>
              </TableRow>
            ))}
      </TableBody>
    </Table>
  );
}
