import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";

import { staleVersion } from "@/api/collectibles";
import { ConfirmDialog } from "@/components/ConfirmDialog";
import { Button } from "@/components/ui/button";
import { useAppDispatch } from "@/store/hooks";
import { flashShown } from "@/store/uiSlice";

import { useDeleteCollectible } from "./queries";

/** Deletes the version on screen: if someone changed the item meanwhile, the API refuses (412) and the new values show. */
export function DeleteCollectibleButton({ id, name, version }: { id: number; name: string; version: number }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteCollectible(id);
  const navigate = useNavigate();
  const dispatch = useAppDispatch();

  const confirm = () => {
    remove.mutate(version, {
      onSuccess: () => {
        setOpen(false);
        dispatch(flashShown(`Deleted “${name}”.`));
        void navigate("/collectibles");
      },
    });
  };

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="destructive">
          <Trash2 aria-hidden />
          Delete
        </Button>
      }
      title={`Delete “${name}”?`}
      description="This removes the collectible and its card details for good."
      confirmLabel="Delete"
      busy={remove.isPending}
      busyLabel="Deleting…"
      onConfirm={confirm}
    >
      {remove.isError && (
        <p role="alert" className="text-sm text-destructive">
          {staleVersion(remove.error)
            ? "Someone changed this item while you were looking at it: the page now shows its current values. Delete again if you still want to."
            : remove.error.message}
        </p>
      )}
    </ConfirmDialog>
  );
}
