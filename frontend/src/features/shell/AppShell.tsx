import { Boxes } from "lucide-react";
import { Suspense } from "react";
import { Link, NavLink, Outlet } from "react-router";

import { Skeleton } from "@/components/ui/skeleton";
import { useCanWrite, useMe } from "@/lib/session";
import { cn } from "@/lib/utils";

import { FlashMessage } from "./FlashMessage";
import { ThemeMenu } from "./ThemeMenu";
import { UserMenu } from "./UserMenu";

function PageFallback() {
  return (
    <div className="grid gap-3" aria-busy="true" aria-label="Loading page">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-64 w-full" />
    </div>
  );
}

const navLinkClasses = ({ isActive }: { isActive: boolean }) =>
  cn(
    "rounded px-2 py-1 text-sm hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
    isActive ? "font-medium text-foreground" : "text-muted-foreground",
  );

export function AppShell() {
  const me = useMe();
  const canWrite = useCanWrite();
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4">
          <Link to="/collectibles" className="flex items-center gap-2 rounded font-semibold focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            <Boxes aria-hidden className="size-5 text-primary" />
            <span>Omni-Stock</span>
          </Link>
          <span className="truncate text-sm text-muted-foreground" data-testid="vendor-name">
            {me.data ? (me.data.vendor?.name ?? "No vendor") : ""}
          </span>
          <nav aria-label="Main" className="ml-2 hidden gap-1 sm:flex">
            <NavLink to="/collectibles" className={navLinkClasses}>
              Collectibles
            </NavLink>
            {canWrite && (
              <NavLink to="/imports" className={navLinkClasses}>
                Import
              </NavLink>
            )}
          </nav>
          <div className="ml-auto flex items-center gap-1">
            <ThemeMenu />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto grid max-w-7xl gap-4 p-4 outline-none">
        <FlashMessage />
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
