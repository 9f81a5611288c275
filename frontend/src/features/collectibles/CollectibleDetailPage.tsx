import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Pencil } from "lucide-react";
import type { ReactNode } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router";

import { ApiError } from "@/api/errors";
import type { CollectibleRecord } from "@/api/schemas";
import { LoadError } from "@/components/LoadError";
import { NotFound } from "@/components/NotFound";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { formatDate, formatDateTime, formatPrice } from "@/lib/format";
import { parseRouteId } from "@/lib/routeId";
import { useCanWrite } from "@/lib/session";
import { cn } from "@/lib/utils";
import { conditionLabels, finishLabels, gameLabels, gradingCompanyLabels, languageLabels, marketRegionLabels } from "@/lib/vocabulary";

import { DeleteCollectibleButton } from "./DeleteCollectibleButton";
import { HistoryTab } from "./HistoryTab";
import { MalformedExternalIdsNotice } from "./MalformedExternalIdsNotice";
import { StockTab } from "./StockTab";
import { listHref } from "./filters";
import { collectibleDetailOptions } from "./queries";

function Fields({ children }: { children: ReactNode }) {
  return <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">{children}</dl>;
}

function Field({ label, children, asTyped = false }: { label: string; children: ReactNode; asTyped?: boolean }) {
  return (
    <div className="grid gap-0.5">
      <dt className={cn("text-xs font-medium tracking-wide text-muted-foreground", !asTyped && "uppercase")}>{label}</dt>
      <dd className="break-words">{children || "—"}</dd>
    </div>
  );
}

function CardDetailsCard({ card }: { card: NonNullable<CollectibleRecord["card_details"]> }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Card details</CardTitle>
      </CardHeader>
      <CardContent>
        <Fields>
          <Field label="Game">{gameLabels[card.game]}</Field>
          <Field label="Set">{[card.set_name, card.set_code && `(${card.set_code})`].filter(Boolean).join(" ")}</Field>
          <Field label="Card number">{card.card_number}</Field>
          <Field label="Rarity">{card.rarity}</Field>
          <Field label="Language">{languageLabels[card.language]}</Field>
          <Field label="Market region">{marketRegionLabels[card.market_region]}</Field>
          <Field label="Finish">{finishLabels[card.finish]}</Field>
          <Field label="Grading">
            {card.grading_company ? `${gradingCompanyLabels[card.grading_company]} ${card.grade ?? ""}` : "Ungraded"}
          </Field>
        </Fields>
      </CardContent>
    </Card>
  );
}

function ExternalIdsCard({ item }: { item: CollectibleRecord }) {
  const entries = Object.entries(item.external_ids);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Marketplace ids</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3">
        {item.externalIdsMalformed && <MalformedExternalIdsNotice />}
        {entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">None recorded.</p>
        ) : (
          <Fields>
            {entries.map(([key, value]) => (
              <Field key={key} label={key} asTyped>
                <code className="text-sm">{String(value)}</code>
              </Field>
            ))}
          </Fields>
        )}
      </CardContent>
    </Card>
  );
}

function DetailSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-label="Loading collectible">
      <Skeleton className="h-8 w-1/2" />
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}

const TABS = ["details", "stock", "history"] as const;
type Tab = (typeof TABS)[number];

const parseTab = (value: string | null): Tab => TABS.find((tab) => tab === value) ?? "details";

function ItemCards({ item }: { item: CollectibleRecord }) {
  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle>Item</CardTitle>
        </CardHeader>
        <CardContent>
          <Fields>
            <Field label="Price">{formatPrice(item.price, item.currency)}</Field>
            <Field label="Quantity">{String(item.quantity)}</Field>
            <Field label="SKU">{item.sku}</Field>
            <Field label="Release date">{formatDate(item.release_date)}</Field>
            <Field label="Created">{formatDateTime(item.created_at)}</Field>
            <Field label="Updated">{formatDateTime(item.updated_at)}</Field>
          </Fields>
          {item.description && <p className="mt-4 text-sm whitespace-pre-line">{item.description}</p>}
        </CardContent>
      </Card>

      {item.card_details ? (
        <CardDetailsCard card={item.card_details} />
      ) : (
        <p className="text-sm text-muted-foreground">No card details: sealed product or another kind of item.</p>
      )}
      <ExternalIdsCard item={item} />
    </div>
  );
}

export default function CollectibleDetailPage() {
  const id = parseRouteId(useParams().id);
  const canWrite = useCanWrite();
  const location = useLocation();
  const backToList = listHref(location.state);
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = parseTab(searchParams.get("tab"));
  const detail = useQuery({ ...collectibleDetailOptions(id ?? 0), enabled: id !== null });

  if (id === null || (detail.error instanceof ApiError && detail.error.status === 404)) {
    return <NotFound what="This collectible does not exist, or belongs to another vendor." />;
  }
  if (detail.isError) {
    return <LoadError title="The collectible could not be loaded." error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  if (!detail.data) return <DetailSkeleton />;

  // The tab is in the URL (a link or a reload opens it again); switching replaces
  // the entry and keeps the router state that leads back to the list.
  const showTab = (next: string) => {
    const params = new URLSearchParams(searchParams);
    if (next === "details") params.delete("tab");
    else params.set("tab", next);
    setSearchParams(params, { replace: true, state: location.state as unknown });
  };

  const item = detail.data;
  return (
    <article className="grid gap-4">
      <Link to={backToList} className="inline-flex w-fit items-center gap-1 rounded text-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        <ArrowLeft aria-hidden className="size-4" />
        All collectibles
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">{item.name}</h1>
          <div className="flex flex-wrap gap-2">
            <Badge>{conditionLabels[item.condition]}</Badge>
            <Badge variant="outline">{item.quantity > 0 ? `${item.quantity} in stock` : "Sold out"}</Badge>
          </div>
        </div>
        {canWrite && (
          <div className="flex gap-2">
            <Button asChild variant="outline">
              <Link to={`/collectibles/${item.id}/edit`}>
                <Pencil aria-hidden />
                Edit
              </Link>
            </Button>
            <DeleteCollectibleButton id={item.id} name={item.name} version={item.version} />
          </div>
        )}
      </div>

      <Tabs value={tab} onValueChange={showTab} className="grid gap-4">
        <TabsList aria-label="About this item">
          <TabsTrigger value="details">Details</TabsTrigger>
          <TabsTrigger value="stock">Stock</TabsTrigger>
          <TabsTrigger value="history">History</TabsTrigger>
        </TabsList>
        <TabsContent value="details">
          <ItemCards item={item} />
        </TabsContent>
        <TabsContent value="stock">
          <StockTab id={item.id} canAdjust={canWrite} />
        </TabsContent>
        <TabsContent value="history">
          <HistoryTab id={item.id} />
        </TabsContent>
      </Tabs>
    </article>
  );
}
