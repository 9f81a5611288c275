import { useQuery } from "@tanstack/react-query";
import { Navigate, useNavigate, useParams } from "react-router";

import { ApiError } from "@/api/errors";
import type { CollectibleRequest } from "@/api/types";
import { NotFound } from "@/components/NotFound";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { useCanWrite, useMe } from "@/lib/session";
import { useAppDispatch } from "@/store/hooks";
import { flashShown } from "@/store/uiSlice";

import { CollectibleForm } from "./CollectibleForm";
import { MalformedExternalIdsNotice } from "./MalformedExternalIdsNotice";
import { newCollectibleValues, valuesFromRecord } from "./collectibleForm";
import { collectibleDetailOptions, useSaveCollectible } from "./queries";
import { parseCollectibleId } from "./routeId";

/** `/collectibles/new` and `/collectibles/:id/edit`: one form for both. */
export default function CollectibleFormPage() {
  const { id: idParam } = useParams();
  const editing = idParam !== undefined;
  const id = editing ? parseCollectibleId(idParam) : undefined;
  const me = useMe();
  const canWrite = useCanWrite();
  const existing = useQuery({ ...collectibleDetailOptions(id ?? 0), enabled: typeof id === "number" });
  const save = useSaveCollectible(id ?? undefined);
  const navigate = useNavigate();
  const dispatch = useAppDispatch();

  if (id === null || (existing.error instanceof ApiError && existing.error.status === 404)) {
    return <NotFound what="This collectible does not exist, or belongs to another vendor." />;
  }
  if (me.data && !canWrite) {
    // Viewers have no write controls; a typed-in URL leads back to reading.
    return <Navigate to={id ? `/collectibles/${id}` : "/collectibles"} replace />;
  }
  if (existing.isError) {
    return (
      <Alert variant="destructive">
        <AlertTitle>The collectible could not be loaded.</AlertTitle>
        <AlertDescription>{existing.error.message}</AlertDescription>
      </Alert>
    );
  }
  const record = existing.data;
  if (!me.data || (editing && !record)) {
    return <Skeleton className="h-96 w-full" aria-label="Loading form" />;
  }

  const submit = async (body: CollectibleRequest) => {
    const saved = await save.mutateAsync(body);
    dispatch(flashShown(editing ? `Saved “${saved.name}”.` : `Created “${saved.name}”.`));
    await navigate(`/collectibles/${saved.id}`);
  };

  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">{record ? `Edit ${record.name}` : "New collectible"}</h1>
      <CollectibleForm
        key={record ? `${record.id}-${record.updated_at}` : "new"}
        defaultValues={record ? valuesFromRecord(record) : newCollectibleValues(me.data.vendor?.currency ?? "USD")}
        submitLabel={record ? "Save changes" : "Create collectible"}
        cancelTo={record ? `/collectibles/${record.id}` : "/collectibles"}
        onSubmit={submit}
        notice={record?.externalIdsMalformed ? <MalformedExternalIdsNotice /> : undefined}
      />
    </div>
  );
}
