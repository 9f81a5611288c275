import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { Boxes } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useNavigate, useParams } from "react-router";
import { z } from "@/lib/zod";

import { acceptInvitation } from "@/api/auth";
import { ApiError } from "@/api/errors";
import { FormField } from "@/components/FormField";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { loggedIn } from "@/store/authSlice";
import { useAppDispatch } from "@/store/hooks";

const passwordSchema = z
  .object({
    password: z.string().min(1, "Choose a password."),
    confirm: z.string(),
  })
  .refine((values) => values.password === values.confirm, { path: ["confirm"], error: "The two passwords differ." });

type PasswordValues = z.infer<typeof passwordSchema>;

/** An invited member's first visit: they choose a password and are signed in. */
export default function AcceptInvitationPage() {
  const { uid = "", token = "" } = useParams();
  const dispatch = useAppDispatch();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PasswordValues>({ resolver: zodResolver(passwordSchema), defaultValues: { password: "", confirm: "" } });

  const submit = handleSubmit(async ({ password }) => {
    setFailure(null);
    try {
      await acceptInvitation({ uid, token, password });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      const message = apiError?.fields?.password?.join(" ");
      if (message) setError("password", { type: "server", message });
      else setFailure(apiError?.message ?? "Unknown error");
      return;
    }
    queryClient.clear();
    dispatch(loggedIn());
    await navigate("/collectibles", { replace: true });
  });

  return (
    <main className="grid min-h-dvh place-items-center bg-muted/40 p-4">
      <Card className="w-full max-w-sm">
        <CardHeader className="items-center text-center">
          <Boxes aria-hidden className="size-8 text-primary" />
          <h1 className="text-xl font-semibold">Join your shop on Omni-Stock</h1>
          <CardDescription>Choose the password you will sign in with.</CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
            {failure && (
              <Alert variant="destructive">
                <AlertDescription className="text-destructive">
                  {failure} <Link to="/login" className="underline">Sign in</Link> if you have set a password already.
                </AlertDescription>
              </Alert>
            )}
            <FormField id="new-password" label="Password" error={errors.password?.message}>
              <Input type="password" autoComplete="new-password" autoFocus {...register("password")} />
            </FormField>
            <FormField id="confirm-password" label="Password again" error={errors.confirm?.message}>
              <Input type="password" autoComplete="new-password" {...register("confirm")} />
            </FormField>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Setting it…" : "Set password and sign in"}
            </Button>
          </form>
        </CardContent>
      </Card>
    </main>
  );
}
