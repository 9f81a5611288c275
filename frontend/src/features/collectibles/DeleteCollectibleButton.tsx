import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useNavigate } from "react-router";

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

export function DeleteCollectibleButton({ id, name }: { id: number; name: string }) {
  const [open, setOpen] = useState(false);
  const remove = useDeleteCollectible(id);
  const navigate = useNavigate();
  const dispatch = useAppDispatch();

  const confirm = () => {
    remove.mutate(undefined, {
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
            {remove.error.message}
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
