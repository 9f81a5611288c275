import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Navigate, useNavigate, useParams } from "react-router";

import { staleVersion } from "@/api/collectibles";
import { ApiError, normalizeError } from "@/api/errors";
import type { CollectibleRecord } from "@/api/schemas";
import type { CollectibleRequest } from "@/api/types";
import { LoadError } from "@/components/LoadError";
import { NotFound } from "@/components/NotFound";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { parseRouteId } from "@/lib/routeId";
import { useCanWrite, useMe } from "@/lib/session";
import { useAppDispatch } from "@/store/hooks";
import { flashShown } from "@/store/uiSlice";

import { CollectibleForm } from "./CollectibleForm";
import { EditConflict } from "./EditConflict";
import { MalformedExternalIdsNotice } from "./MalformedExternalIdsNotice";
import { type CollectibleFormValues, newCollectibleValues, toRequest, valuesFromRecord } from "./collectibleForm";
import { mergeEdits } from "./editConflict";
import { collectibleDetailOptions, useSaveCollectible } from "./queries";

/** What the edit form works on: the version its values start from (sent back as If-Match). */
interface Draft {
  base: CollectibleRecord;
  values: CollectibleFormValues;
  /** Why the form was reopened with these values, if it was. */
  notice?: string;
  /** The server's refusal of these values, shown on the inputs it is about. */
  refusal?: ApiError;
  /** Remounts the form whenever the draft is replaced. */
  revision: number;
}

/** `/collectibles/new` and `/collectibles/:id/edit`: one form for both. */
export default function CollectibleFormPage() {
  const { id: idParam } = useParams();
  const editing = idParam !== undefined;
  const id = editing ? parseRouteId(idParam) : undefined;
  const me = useMe();
  const canWrite = useCanWrite();
  // The form edits what the server has now, not what a list cached a while ago.
  const existing = useQuery({ ...collectibleDetailOptions(id ?? 0), enabled: typeof id === "number", staleTime: 0 });
  const save = useSaveCollectible(id ?? undefined);
  const navigate = useNavigate();
  const dispatch = useAppDispatch();
  const [stored, setDraft] = useState<Draft | null>(null);
  const [conflict, setConflict] = useState<{ current: CollectibleRecord; mine: CollectibleFormValues } | null>(null);

  // Pinned once loaded: a later refetch must not reset what the user is typing.
  const draft = stored?.base.id === id ? stored : null;
  const loaded = existing.data;
  if (editing && !draft && loaded && loaded.id === id && !existing.isFetching) {
    setDraft({ base: loaded, values: valuesFromRecord(loaded), revision: 0 });
    setConflict(null);
  }

  if (id === null || (existing.error instanceof ApiError && existing.error.status === 404)) {
    return <NotFound what="This collectible does not exist, or belongs to another vendor." />;
  }
  if (me.data && !canWrite) {
    // Viewers have no write controls; a typed-in URL leads back to reading.
    return <Navigate to={id ? `/collectibles/${id}` : "/collectibles"} replace />;
  }
  if (existing.isError && !draft) {
    return <LoadError title="The collectible could not be loaded." error={existing.error} onRetry={() => void existing.refetch()} />;
  }
  if (!me.data || (editing && !draft)) {
    return <Skeleton className="h-96 w-full" aria-label="Loading form" />;
  }

  const saved = async (item: CollectibleRecord) => {
    dispatch(flashShown(editing ? `Saved “${item.name}”.` : `Created “${item.name}”.`));
    await navigate(`/collectibles/${item.id}`);
  };

  const submit = async (body: CollectibleRequest, values: CollectibleFormValues) => {
    try {
      await saved(await save.mutateAsync({ body, version: draft?.base.version }));
    } catch (error) {
      const current = staleVersion(error);
      if (!current) throw error;
      setConflict({ current, mine: values });
    }
  };

  const startOver = (base: CollectibleRecord, values: CollectibleFormValues, reopened?: Pick<Draft, "notice" | "refusal">) => {
    setConflict(null);
    setDraft({ base, values, revision: (draft?.revision ?? 0) + 1, ...reopened });
  };

  if (draft && conflict) {
    const merged = mergeEdits(valuesFromRecord(draft.base), valuesFromRecord(conflict.current), conflict.mine);
    const reapply = async () => {
      try {
        await saved(await save.mutateAsync({ body: toRequest(merged), version: conflict.current.version }));
      } catch (error) {
        const newer = staleVersion(error);
        if (newer) {
          // Changed yet again: compare with the newest version, on top of the one just merged onto.
          setDraft({ ...draft, base: conflict.current, values: merged });
          setConflict({ current: newer, mine: merged });
        } else {
          startOver(conflict.current, merged, {
            notice: "Your changes could not be reapplied. Check them below and save again.",
            refusal: normalizeError(error),
          });
        }
      }
    };
    return (
      <div className="grid gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Edit {draft.base.name}</h1>
        <EditConflict
          loaded={draft.base}
          current={conflict.current}
          mine={conflict.mine}
          busy={save.isPending}
          onReapply={() => void reapply()}
          onEditMerged={() => startOver(conflict.current, merged)}
          onDiscard={() => startOver(conflict.current, valuesFromRecord(conflict.current))}
        />
      </div>
    );
  }

  const record = draft?.base;
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{record ? `Edit ${record.name}` : "New collectible"}</h1>
      <CollectibleForm
        key={draft ? `${draft.base.id}-${draft.revision}` : "new"}
        defaultValues={draft ? draft.values : newCollectibleValues(me.data.vendor?.currency ?? "USD")}
        submitLabel={record ? "Save changes" : "Create collectible"}
        cancelTo={record ? `/collectibles/${record.id}` : "/collectibles"}
        onSubmit={submit}
        refusal={draft?.refusal}
        notice={
          <>
            {draft?.notice && (
              <Alert variant="destructive">
                <AlertDescription>{draft.notice}</AlertDescription>
              </Alert>
            )}
            {record?.externalIdsMalformed && <MalformedExternalIdsNotice />}
          </>
        }
      />
    </div>
  );
}
