import { useCanWrite } from "@/lib/session";

import { BatchList } from "./BatchList";
import { UploadForm } from "./UploadForm";

/** `/imports`: upload a file (owners and editors), and every import so far, newest first. */
export default function ImportsPage() {
  const canWrite = useCanWrite();
  return (
    <div className="grid gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Import inventory</h1>
      {canWrite && <UploadForm />}
      <section aria-labelledby="batches-title" className="grid gap-3">
        <h2 id="batches-title" className="text-lg font-semibold">
          Imports so far
        </h2>
        <BatchList canWrite={canWrite} />
      </section>
    </div>
  );
}
