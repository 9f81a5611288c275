import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";

import { changePassword } from "@/api/auth";
import { ApiError } from "@/api/errors";
import { FormField } from "@/components/FormField";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { z } from "@/lib/zod";
import { useAppDispatch } from "@/store/hooks";
import { flashShown } from "@/store/uiSlice";

// The server judges the new password (length, common, numeric, like the username);
// here only what it cannot see: that both copies match.
const passwordSchema = z
  .object({
    old_password: z.string().min(1, "Enter your current password."),
    new_password: z.string().min(1, "Enter a new password."),
    confirm: z.string(),
  })
  .refine((values) => values.confirm === values.new_password, {
    path: ["confirm"],
    error: "The two new passwords differ.",
  });

type PasswordValues = z.infer<typeof passwordSchema>;

export const PASSWORD_CHANGED_MESSAGE = "Password changed. You were signed out everywhere else.";

/** Mounted while open (the user menu renders it on demand), so every opening starts empty. */
export default function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const dispatch = useAppDispatch();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PasswordValues>({
    resolver: zodResolver(passwordSchema),
    defaultValues: { old_password: "", new_password: "", confirm: "" },
  });

  const submit = handleSubmit(async ({ old_password, new_password }) => {
    setFailure(null);
    try {
      await changePassword({ old_password, new_password });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      let shown = false;
      for (const field of ["old_password", "new_password"] as const) {
        const message = apiError?.fields?.[field]?.join(" ");
        if (message) {
          setError(field, { type: "server", message });
          shown = true;
        }
      }
      if (!shown) setFailure(apiError?.message ?? "Unknown error");
      return;
    }
    onClose();
    dispatch(flashShown(PASSWORD_CHANGED_MESSAGE));
  });

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <DialogContent>
        <DialogTitle>Change password</DialogTitle>
        <DialogDescription>Every other device and browser signed in as you will have to sign in again.</DialogDescription>
        <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
          {failure && (
            <Alert variant="destructive">
              <AlertDescription className="text-destructive">{failure}</AlertDescription>
            </Alert>
          )}
          <FormField id="old_password" label="Current password" error={errors.old_password?.message}>
            <Input type="password" autoComplete="current-password" {...register("old_password")} />
          </FormField>
          <FormField id="new_password" label="New password" error={errors.new_password?.message}>
            <Input type="password" autoComplete="new-password" {...register("new_password")} />
          </FormField>
          <FormField id="confirm_password" label="Confirm new password" error={errors.confirm?.message}>
            <Input type="password" autoComplete="new-password" {...register("confirm")} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Changing…" : "Change password"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
