import { CircleCheck, TriangleAlert, X } from "lucide-react";
import { useEffect } from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { useAppDispatch, useAppSelector } from "@/store/hooks";
import { flashDismissed } from "@/store/uiSlice";

const FLASH_MS = 6000;

/**
 * A one-off confirmation ("Deleted …"), announced politely and gone after a few
 * seconds; a failure stays until dismissed, so it is not missed.
 */
export function FlashMessage() {
  const flash = useAppSelector((state) => state.ui.flash);
  const dispatch = useAppDispatch();
  useEffect(() => {
    if (!flash || flash.tone === "error") return undefined;
    const timer = window.setTimeout(() => dispatch(flashDismissed()), FLASH_MS);
    return () => window.clearTimeout(timer);
  }, [flash, dispatch]);

  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {flash && (
        <div
          className={cn(
            "flex items-center gap-2 rounded-lg border bg-card px-4 py-2 text-sm",
            flash.tone === "error" ? "border-destructive/40" : "border-success/40",
          )}
        >
          {flash.tone === "error" ? (
            <TriangleAlert aria-hidden className="size-4 shrink-0 text-destructive" />
          ) : (
            <CircleCheck aria-hidden className="size-4 shrink-0 text-success" />
          )}
          <span>{flash.message}</span>
          <Button variant="ghost" size="icon" className="ml-auto size-7" aria-label="Dismiss" onClick={() => dispatch(flashDismissed())}>
            <X aria-hidden />
          </Button>
        </div>
      )}
    </div>
  );
}
