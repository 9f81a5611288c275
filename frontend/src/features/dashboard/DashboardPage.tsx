import { useQuery } from "@tanstack/react-query";
import { ArrowRight, PackageOpen } from "lucide-react";
import { Link } from "react-router";

import { type Activity, type Dashboard, type Holding, getDashboard } from "@/api/dashboard";
import { LoadError } from "@/components/LoadError";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime, formatPrice } from "@/lib/format";
import { dashboardKeys } from "@/lib/queryKeys";
import { useMe } from "@/lib/session";
import { conditionLabels, gameLabels } from "@/lib/vocabulary";

const linkClasses =
  "rounded text-primary underline underline-offset-2 hover:decoration-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none";

const gameName = (game: Holding["game"]) => (game === "other" ? "Sealed and other" : gameLabels[game]);

/** Stock value per game as bars, each a link into the list filtered by that game. */
function HoldingsCard({ holdings }: { holdings: Holding[] }) {
  const largest = Math.max(...holdings.map((holding) => Number(holding.value)), 0);
  const items = holdings.reduce((sum, holding) => sum + holding.items, 0);
  const units = holdings.reduce((sum, holding) => sum + holding.units, 0);
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>Stock value by game</CardTitle>
        <CardDescription>
          {items.toLocaleString()} items, {units.toLocaleString()} units in stock (price × quantity).
        </CardDescription>
      </CardHeader>
      <CardContent>
        {holdings.length === 0 ? (
          <p className="text-sm text-muted-foreground">No stock yet.</p>
        ) : (
          <ul aria-label="Stock value by game" className="grid gap-3">
            {holdings.map((holding) => (
              <li key={`${holding.game}-${holding.currency}`} className="grid gap-1">
                <div className="flex items-baseline justify-between gap-2 text-sm">
                  <Link to={holding.game === "other" ? "/collectibles" : `/collectibles?game=${holding.game}`} className={linkClasses}>
                    {gameName(holding.game)}
                  </Link>
                  <span className="tabular-nums">
                    <span className="font-medium">{formatPrice(holding.value, holding.currency)}</span>
                    <span className="text-muted-foreground"> · {holding.items.toLocaleString()} items</span>
                  </span>
                </div>
                <div aria-hidden className="h-2.5 overflow-hidden rounded-full bg-muted">
                  <div
                    className="h-full rounded-full bg-primary"
                    style={{ width: `${largest > 0 ? Math.max((Number(holding.value) / largest) * 100, 1) : 0}%` }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function LowStockCard({ lowStock }: { lowStock: Dashboard["low_stock"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Running low</CardTitle>
        <CardDescription>
          {lowStock.count.toLocaleString()} {lowStock.count === 1 ? "item" : "items"} with {lowStock.at_most} or fewer left;{" "}
          {lowStock.sold_out.toLocaleString()} sold out.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {lowStock.items.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing is running low.</p>
        ) : (
          <ul aria-label="Running low" className="grid gap-2">
            {lowStock.items.map((item) => (
              <li key={item.id} className="flex items-center justify-between gap-2 text-sm">
                <span className="min-w-0">
                  <Link to={`/collectibles/${item.id}`} className={`${linkClasses} block truncate font-medium`}>
                    {item.name}
                  </Link>
                  <span className="text-muted-foreground">
                    {[item.set_name, item.card_number && `#${item.card_number}`, conditionLabels[item.condition]].filter(Boolean).join(" · ")}
                  </span>
                </span>
                <Badge variant="outline" className="shrink-0 tabular-nums">
                  {item.quantity} left
                </Badge>
              </li>
            ))}
          </ul>
        )}
        <Link to="/collectibles?in_stock=true&ordering=quantity" className={`${linkClasses} inline-flex items-center gap-1 text-sm`}>
          In-stock items, fewest first
          <ArrowRight aria-hidden className="size-4" />
        </Link>
      </CardContent>
    </Card>
  );
}

function ActivityTarget({ activity }: { activity: Activity }) {
  if (activity.import_batch !== null) {
    return (
      <Link to={`/imports/${activity.import_batch}`} className={linkClasses}>
        {activity.items.toLocaleString()} items
      </Link>
    );
  }
  const item = activity.collectible;
  if (!item) return null;
  const more = activity.items > 1 ? ` and ${(activity.items - 1).toLocaleString()} more` : "";
  return item.deleted ? (
    <span>
      {item.name}
      {more}
    </span>
  ) : (
    <>
      <Link to={`/collectibles/${item.id}`} className={linkClasses}>
        {item.name}
      </Link>
      {more}
    </>
  );
}

function ActivityCard({ activity }: { activity: Activity[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recent activity</CardTitle>
        <CardDescription>Edits, stock adjustments, bulk edits and imports, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        {activity.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing has happened yet.</p>
        ) : (
          <ol aria-label="Recent activity" className="grid gap-3">
            {activity.map((entry) => (
              <li key={entry.id} className="grid gap-0.5 text-sm">
                <span>
                  <span className="font-medium">{entry.label}</span>: <ActivityTarget activity={entry} />
                </span>
                <span className="text-muted-foreground">
                  {formatDateTime(entry.at)}
                  {entry.user ? ` · ${entry.user.username}` : ""}
                </span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}

function LastImportCard({ batch }: { batch: Dashboard["last_import"] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Last import</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2 text-sm">
        {batch === null ? (
          <p className="text-muted-foreground">
            No imports yet. <Link to="/imports" className={linkClasses}>Import a file</Link>
          </p>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-2">
              <Link to={`/imports/${batch.id}`} className={`${linkClasses} font-medium`}>
                {batch.filename}
              </Link>
              <Badge variant={batch.status === "committed" ? "default" : "outline"} className="capitalize">
                {batch.status.replace("_", " ")}
              </Badge>
            </div>
            <p>
              {batch.total_rows.toLocaleString()} rows: {batch.create_count.toLocaleString()} new,{" "}
              {batch.update_count.toLocaleString()} updated, {batch.error_count.toLocaleString()} with errors.
            </p>
            <p className="text-muted-foreground">{formatDateTime(batch.created_at)}</p>
            {batch.status === "committed" && (
              <Link to={`/collectibles?import_batch=${batch.id}`} className={`${linkClasses} inline-flex items-center gap-1`}>
                Items it created or updated
                <ArrowRight aria-hidden className="size-4" />
              </Link>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}

export default function DashboardPage() {
  const me = useMe().data;
  const dashboard = useQuery({ queryKey: dashboardKeys.all, queryFn: ({ signal }) => getDashboard(signal) });
  return (
    <div className="grid gap-4">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-sm text-muted-foreground">{me?.vendor?.name ?? ""}</p>
      </div>
      {dashboard.isError ? (
        <LoadError title="The dashboard could not be loaded." error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : !dashboard.data ? (
        <div className="grid gap-4 lg:grid-cols-3" aria-busy="true" aria-label="Loading dashboard">
          <Skeleton className="h-48 lg:col-span-2" />
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
          <Skeleton className="h-48" />
        </div>
      ) : dashboard.data.holdings.length === 0 && dashboard.data.activity.length === 0 ? (
        <div role="status" className="grid place-items-center gap-3 rounded-lg border border-dashed p-10 text-center">
          <PackageOpen aria-hidden className="size-8 text-muted-foreground" />
          <p className="font-medium">No stock yet.</p>
          <p className="text-sm text-muted-foreground">
            Add collectibles one by one or <Link to="/imports" className={linkClasses}>import a file</Link>.
          </p>
        </div>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          <HoldingsCard holdings={dashboard.data.holdings} />
          <LowStockCard lowStock={dashboard.data.low_stock} />
          <ActivityCard activity={dashboard.data.activity} />
          <LastImportCard batch={dashboard.data.last_import} />
        </div>
      )}
    </div>
  );
}
