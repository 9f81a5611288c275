import { TriangleAlert } from "lucide-react";

import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";

/** Shown where legacy `external_ids` broke the API's rules and were read as an empty set. */
export function MalformedExternalIdsNotice() {
  return (
    <Alert role="status">
      <TriangleAlert aria-hidden />
      <AlertTitle>The stored marketplace ids could not be read.</AlertTitle>
      <AlertDescription>
        <p>They are shown as an empty set; saving this collectible replaces them with what you enter.</p>
      </AlertDescription>
    </Alert>
  );
}
