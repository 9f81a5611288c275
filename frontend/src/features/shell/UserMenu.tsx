import { CircleUser, KeyRound, LogOut } from "lucide-react";
import { Suspense, lazy, useState } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useLogout, useMe } from "@/lib/session";

// Loaded when opened: its form validation (zod) stays out of the first JavaScript.
const ChangePasswordDialog = lazy(() => import("./ChangePasswordDialog"));

export function UserMenu() {
  const me = useMe().data;
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" className="gap-2 px-2" aria-label={me ? `Account: ${me.username}` : "Account"}>
            <CircleUser aria-hidden />
            <span className="hidden max-w-40 truncate sm:inline">{me?.username}</span>
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuLabel className="grid gap-1">
            <span className="font-medium">{me?.username}</span>
            <span className="text-xs text-muted-foreground">{me?.vendor?.name ?? "No vendor"}</span>
            <Badge variant="outline" className="w-fit capitalize">
              {me?.role ?? "no role"}
            </Badge>
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setChangingPassword(true)}>
            <KeyRound aria-hidden />
            Change password
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void logout()}>
            <LogOut aria-hidden />
            Log out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordDialog onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}
