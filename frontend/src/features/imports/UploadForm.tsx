import { Upload } from "lucide-react";
import { type SubmitEvent, useState } from "react";
import { useNavigate } from "react-router";

import { ApiError, errorMessages } from "@/api/errors";
import type { Game, ImportFormat, ImportMode } from "@/api/types";
import { FormField } from "@/components/FormField";
import { LabelledOptions } from "@/components/LabelledOptions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { gameLabels, importFormatLabels, importModeLabels } from "@/lib/vocabulary";

import { useUploadImport } from "./queries";

/**
 * Step 1: choose a CSV file (and, if needed, force its format, the quantity
 * mode and the game). The API previews it without touching the inventory;
 * then the batch's page shows what each row will do.
 */
export function UploadForm() {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | "">("");
  const [mode, setMode] = useState<ImportMode>("set");
  const [game, setGame] = useState<Game | "">("");
  const [missingFile, setMissingFile] = useState(false);
  const upload = useUploadImport();
  const navigate = useNavigate();

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setMissingFile(!file);
    if (!file) return;
    upload.mutate(
      { file, mode, format: format || undefined, game: game || undefined },
      { onSuccess: (batch) => void navigate(`/imports/${batch.id}`) },
    );
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle>Upload a file</CardTitle>
        <CardDescription>
          A CSV export from TCGplayer, Deckbox, Moxfield, ManaBox or Cardmarket, or an Omni-Stock export. You see what
          every row will do before anything changes.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={submit} noValidate aria-label="Upload a file" className="grid gap-4">
          {upload.isError && (
            <Alert variant="destructive">
              <AlertTitle>The file was not accepted.</AlertTitle>
              <AlertDescription>
                {(upload.error instanceof ApiError ? errorMessages(upload.error, { fieldNames: false }) : [upload.error.message]).map(
                  (message) => (
                    <p key={message}>{message}</p>
                  ),
                )}
              </AlertDescription>
            </Alert>
          )}
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <FormField id="import-file" label="CSV file" error={missingFile ? "Choose a file." : undefined} className="sm:col-span-2">
              <Input
                type="file"
                accept=".csv,.txt,text/csv"
                className="h-auto py-1.5 file:mr-3 file:rounded file:border-0 file:bg-secondary file:px-2 file:py-0.5 file:text-sm"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setMissingFile(false);
                  upload.reset();
                }}
              />
            </FormField>
            <FormField id="import-format" label="Format">
              <NativeSelect value={format} onChange={(event) => setFormat(event.target.value as ImportFormat | "")}>
                <LabelledOptions labels={importFormatLabels} blank="Detect from the header" />
              </NativeSelect>
            </FormField>
            <FormField id="import-mode" label="Quantities">
              <NativeSelect value={mode} onChange={(event) => setMode(event.target.value as ImportMode)}>
                <LabelledOptions labels={importModeLabels} />
              </NativeSelect>
            </FormField>
            <FormField id="import-game" label="Game" hint="For files that do not say (Deckbox, Moxfield and ManaBox mean Magic).">
              <NativeSelect value={game} onChange={(event) => setGame(event.target.value as Game | "")}>
                <LabelledOptions labels={gameLabels} blank="As the file says" />
              </NativeSelect>
            </FormField>
          </div>
          <Button type="submit" className="w-fit" disabled={upload.isPending}>
            <Upload aria-hidden />
            {upload.isPending ? "Reading the file…" : "Upload and preview"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
