import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { Boxes } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Navigate, useLocation, useNavigate } from "react-router";
import { z } from "@/lib/zod";

import { login } from "@/api/auth";
import { ApiError } from "@/api/errors";
import { FormField } from "@/components/FormField";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { loggedIn } from "@/store/authSlice";
import { useAppDispatch, useAppSelector } from "@/store/hooks";

import { redirectTarget } from "./redirect";

const loginSchema = z.object({
  username: z.string().trim().min(1, "Enter your username."),
  password: z.string().min(1, "Enter your password."),
});

type LoginValues = z.infer<typeof loginSchema>;

export default function LoginPage() {
  const status = useAppSelector((state) => state.auth.status);
  const reason = useAppSelector((state) => state.auth.signOutReason);
  const dispatch = useAppDispatch();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const target = redirectTarget(useLocation().state);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<LoginValues>({ resolver: zodResolver(loginSchema), defaultValues: { username: "", password: "" } });

  if (status === "authenticated" && !isSubmitting) return <Navigate to={target} replace />;

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await login(values);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      for (const field of ["username", "password"] as const) {
        const message = apiError?.fields?.[field]?.join(" ");
        if (message) setError(field, { type: "server", message });
      }
      setFailure(
        apiError?.status === 401 ? "Wrong username or password." : apiError?.fields ? null : (apiError?.message ?? "Unknown error"),
      );
      return;
    }
    queryClient.clear(); // nothing cached for a previous user may show
    dispatch(loggedIn());
    await navigate(target, { replace: true });
  });

  return (
    <main className="grid min-h-dvh place-items-center bg-muted/40 p-4">
      <Card className="w-full max-w-sm">
        <CardHeader className="items-center text-center">
          <Boxes aria-hidden className="size-8 text-primary" />
          <h1 className="text-xl font-semibold">Sign in to Omni-Stock</h1>
          <CardDescription>Inventory for your card shop</CardDescription>
        </CardHeader>
        <CardContent>
          <form onSubmit={(event) => void submit(event)} noValidate className="grid gap-4">
            {reason === "expired" && !failure && (
              <Alert role="status">
                <AlertDescription>Your session has expired. Please sign in again.</AlertDescription>
              </Alert>
            )}
            {failure && (
              <Alert variant="destructive">
                <AlertDescription className="text-destructive">{failure}</AlertDescription>
              </Alert>
            )}
            <FormField id="username" label="Username" error={errors.username?.message}>
              <Input autoComplete="username" autoFocus {...register("username")} />
            </FormField>
            <FormField id="password" label="Password" error={errors.password?.message}>
              <Input type="password" autoComplete="current-password" {...register("password")} />
            </FormField>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Signing in…" : "Sign in"}
            </Button>
          </form>
        </CardContent>
      </Card>
    </main>
  );
}
