import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";

import { staleVersion } from "@/api/collectibles";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
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
    <AlertDialog open={open} onOpenChange={(next) => (remove.isPending ? undefined : setOpen(next))}>
      <AlertDialogTrigger asChild>
        <Button variant="destructive">
          <Trash2 aria-hidden />
          Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>Delete “{name}”?</AlertDialogTitle>
        <AlertDialogDescription>This removes the collectible and its card details for good.</AlertDialogDescription>
        {remove.isError && (
          <p role="alert" className="text-sm text-destructive">
            {staleVersion(remove.error)
              ? "Someone changed this item while you were looking at it: the page now shows its current values. Delete again if you still want to."
              : remove.error.message}
          </p>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={remove.isPending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            disabled={remove.isPending}
            onClick={(event) => {
              event.preventDefault(); // keep the dialog open until the server answers
              confirm();
            }}
          >
            {remove.isPending ? "Deleting…" : "Delete"}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
