import { TriangleAlert } from "lucide-react";

import { Button } from "@/components/ui/button";

/** What a crashed screen shows instead of a blank page. */
export function ErrorScreen({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : "Unknown error";
  return (
    <div role="alert" className="mx-auto grid max-w-lg place-items-center gap-3 py-16 text-center">
      <TriangleAlert aria-hidden className="size-10 text-destructive" />
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-muted-foreground">{message}</p>
      <div className="flex gap-2">
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
        <Button variant="outline" onClick={() => window.location.assign("/collectibles")}>
          Go to the collectibles
        </Button>
      </div>
    </div>
  );
}
