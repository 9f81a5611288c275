import { ChevronDown, Download } from "lucide-react";

import type { ExportFormat } from "@/api/types";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

import { useExportCollectibles } from "./queries";

const formats: { format: ExportFormat; label: string; hint: string }[] = [
  { format: "omnistock", label: "Omni-Stock CSV", hint: "every field; imports back as it is" },
  { format: "tcgplayer", label: "TCGplayer CSV", hint: "TCGplayer's seller columns" },
];

/** Download the list as it is filtered now (every page, in its order) as a CSV file. */
export function ExportMenu({ params }: { params: Record<string, string> }) {
  const exporting = useExportCollectibles();
  return (
    <div className="grid justify-items-end gap-1">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" disabled={exporting.isPending}>
            <Download aria-hidden />
            {exporting.isPending ? "Exporting…" : "Export"}
            <ChevronDown aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          {formats.map(({ format, label, hint }) => (
            <DropdownMenuItem key={format} onSelect={() => exporting.mutate({ params, format })} className="grid gap-0.5">
              <span>{label}</span>
              <span className="text-xs text-muted-foreground">{hint}</span>
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      {exporting.isError && (
        <p role="alert" className="text-sm text-destructive">
          The export failed: {exporting.error.message}
        </p>
      )}
    </div>
  );
}
