import { Link } from "react-router";

import { Button } from "@/components/ui/button";

export function NotFound({ what = "There is no page at this address." }: { what?: string }) {
  return (
    <div className="grid place-items-center gap-3 py-16 text-center">
      <p className="text-5xl font-bold text-muted-foreground" aria-hidden>
        404
      </p>
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-muted-foreground">{what}</p>
      <Button asChild variant="outline">
        <Link to="/collectibles">Go to the collectibles</Link>
      </Button>
    </div>
  );
}
