import { type ReactElement, type ReactNode, cloneElement } from "react";

import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils";

/**
 * A labelled form control with its hint and error. The control gets the id,
 * `aria-invalid` and `aria-describedby`, so screen readers announce the error
 * with the field.
 */
export function FormField({
  id,
  label,
  error,
  hint,
  hideLabel = false,
  className,
  before,
  after,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  /** Keep the label for screen readers only (where a row or placeholder already says it). */
  hideLabel?: boolean;
  className?: string;
  /** Controls beside the input (e.g. − and + buttons), outside its label. */
  before?: ReactNode;
  after?: ReactNode;
  children: ReactElement<{ id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string }>;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control = cloneElement(children, {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
  });
  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <Label htmlFor={id} className={hideLabel ? "sr-only" : undefined}>
        {label}
      </Label>
      {before || after ? (
        <div className="flex items-center gap-1">
          {before}
          {control}
          {after}
        </div>
      ) : (
        control
      )}
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}
