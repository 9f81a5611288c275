import { Boxes, Menu } from "lucide-react";
import { Suspense, useState } from "react";
import { Link, NavLink, Outlet } from "react-router";

import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
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

const menuLinkClasses = ({ isActive }: { isActive: boolean }) =>
  cn(
    "flex min-h-11 items-center rounded-md px-3 text-base hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
    isActive ? "bg-accent font-medium" : "text-muted-foreground",
  );

/** The places the navigation offers the caller (Import only to those who may write). */
function useNavLinks(): { to: string; label: string }[] {
  const canWrite = useCanWrite();
  return [
    { to: "/dashboard", label: "Dashboard" },
    { to: "/collectibles", label: "Collectibles" },
    ...(canWrite
      ? [
          { to: "/intake", label: "Add cards" },
          { to: "/imports", label: "Import" },
        ]
      : []),
    { to: "/staff", label: "Staff" },
  ];
}

/** Below `sm` the links do not fit the header: a menu button opens them in a sheet. */
function PhoneMenu({ vendorName }: { vendorName: string }) {
  const [open, setOpen] = useState(false);
  const links = useNavLinks();
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="size-11 sm:hidden" aria-label="Open menu">
          <Menu aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent side="left">
        <SheetHeader>
          <SheetTitle>Omni-Stock</SheetTitle>
          <SheetDescription>{vendorName}</SheetDescription>
        </SheetHeader>
        <nav aria-label="Main" className="grid gap-1">
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} className={menuLinkClasses} onClick={() => setOpen(false)}>
              {link.label}
            </NavLink>
          ))}
        </nav>
      </SheetContent>
    </Sheet>
  );
}

export function AppShell() {
  const me = useMe();
  const links = useNavLinks();
  const vendorName = me.data ? (me.data.vendor?.name ?? "No vendor") : "";
  return (
    <div className="min-h-dvh">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-primary px-3 py-2 text-primary-foreground focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b bg-background/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-2 sm:gap-4 sm:px-4">
          <PhoneMenu vendorName={vendorName} />
          <Link to="/collectibles" className="flex items-center gap-2 rounded font-semibold focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            <Boxes aria-hidden className="size-5 text-primary" />
            <span>Omni-Stock</span>
          </Link>
          <span className="hidden truncate text-sm text-muted-foreground sm:inline" data-testid="vendor-name">
            {vendorName}
          </span>
          <nav aria-label="Main" className="ml-2 hidden gap-1 sm:flex">
            {links.map((link) => (
              <NavLink key={link.to} to={link.to} className={navLinkClasses}>
                {link.label}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-1">
            <ThemeMenu />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto grid max-w-7xl gap-4 p-3 outline-none sm:p-4">
        <FlashMessage />
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
