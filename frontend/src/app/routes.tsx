import { Suspense, lazy } from "react";
import { Navigate, type RouteObject } from "react-router";

import { RouteErrorBoundary } from "@/components/ErrorBoundary";
import { NotFound } from "@/components/NotFound";
import { RequireAuth } from "@/features/auth/RequireAuth";
import { AppShell } from "@/features/shell/AppShell";

// Each screen is its own chunk: the first load carries only the shell.
const LoginPage = lazy(() => import("@/features/auth/LoginPage"));
const AcceptInvitationPage = lazy(() => import("@/features/auth/AcceptInvitationPage"));
const StaffPage = lazy(() => import("@/features/staff/StaffPage"));
const CollectiblesListPage = lazy(() => import("@/features/collectibles/CollectiblesListPage"));
const CollectibleDetailPage = lazy(() => import("@/features/collectibles/CollectibleDetailPage"));
const CollectibleFormPage = lazy(() => import("@/features/collectibles/CollectibleFormPage"));
const ImportsPage = lazy(() => import("@/features/imports/ImportsPage"));
const ImportBatchPage = lazy(() => import("@/features/imports/ImportBatchPage"));
const IntakePage = lazy(() => import("@/features/intake/IntakePage"));
const DashboardPage = lazy(() => import("@/features/dashboard/DashboardPage"));

export const routes: RouteObject[] = [
  {
    path: "/login",
    element: (
      <Suspense fallback={null}>
        <LoginPage />
      </Suspense>
    ),
    errorElement: <RouteErrorBoundary />,
  },
  {
    path: "/invite/:uid/:token",
    element: (
      <Suspense fallback={null}>
        <AcceptInvitationPage />
      </Suspense>
    ),
    errorElement: <RouteErrorBoundary />,
  },
  {
    path: "/",
    element: (
      <RequireAuth>
        <AppShell />
      </RequireAuth>
    ),
    errorElement: <RouteErrorBoundary />,
    children: [
      {
        // Errors inside a screen keep the header (and its logout) on screen.
        errorElement: <RouteErrorBoundary />,
        children: [
          { index: true, element: <Navigate to="/collectibles" replace /> },
          { path: "dashboard", element: <DashboardPage /> },
          { path: "collectibles", element: <CollectiblesListPage /> },
          { path: "collectibles/new", element: <CollectibleFormPage /> },
          { path: "collectibles/:id", element: <CollectibleDetailPage /> },
          { path: "collectibles/:id/edit", element: <CollectibleFormPage /> },
          { path: "intake", element: <IntakePage /> },
          { path: "imports", element: <ImportsPage /> },
          { path: "staff", element: <StaffPage /> },
          { path: "imports/:id", element: <ImportBatchPage /> },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
];
