import { CircleCheck, X } from "lucide-react";
import { useEffect } from "react";

import { Button } from "@/components/ui/button";
import { useAppDispatch, useAppSelector } from "@/store/hooks";
import { flashDismissed } from "@/store/uiSlice";

const FLASH_MS = 6000;

/** A one-off confirmation ("Deleted …"), announced politely and gone after a few seconds. */
export function FlashMessage() {
  const flash = useAppSelector((state) => state.ui.flash);
  const dispatch = useAppDispatch();
  useEffect(() => {
    if (!flash) return undefined;
    const timer = window.setTimeout(() => dispatch(flashDismissed()), FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [flash, dispatch]);

  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {flash && (
        <div className="flex items-center gap-2 rounded-lg border border-success/40 bg-card px-4 py-2 text-sm">
          <CircleCheck aria-hidden className="size-4 text-success" />
          <span>{flash.message}</span>
          <Button variant="ghost" size="icon" className="ml-auto size-7" aria-label="Dismiss" onClick={() => dispatch(flashDismissed())}>
            <X aria-hidden />
          </Button>
        </div>
      )}
    </div>
  );
}
