import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ImageOff, Undo2 } from "lucide-react";
import { type KeyboardEvent, type SubmitEvent, useEffect, useId, useRef, useState } from "react";
import { Link } from "react-router";

import { type Printing, searchPrintings } from "@/api/catalog";
import { createCollectible, deleteCollectible } from "@/api/collectibles";
import { ApiError } from "@/api/errors";
import type { CollectibleRecord } from "@/api/schemas";
import type { Condition, Finish } from "@/api/types";
import { FormField } from "@/components/FormField";
import { LabelledOptions } from "@/components/LabelledOptions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { formatPrice } from "@/lib/format";
import { collectibleKeys } from "@/lib/queryKeys";
import { useMe } from "@/lib/session";
import { cn } from "@/lib/utils";
import { conditionLabels, finishLabels, languageLabels } from "@/lib/vocabulary";

import { CONDITION_KEYS, defaultFinish, intakeRequest } from "./intake";

const SEARCH_DEBOUNCE_MS = 200;

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

function PrintingImage({ printing, className }: { printing: Printing; className?: string }) {
  const [broken, setBroken] = useState(false);
  return (
    <div className={cn("grid shrink-0 place-items-center overflow-hidden rounded bg-muted text-muted-foreground", className)}>
      {printing.image_url && !broken ? (
        <img src={printing.image_url} alt="" loading="lazy" className="size-full object-cover" onError={() => setBroken(true)} />
      ) : (
        <ImageOff aria-hidden className="size-4" />
      )}
    </div>
  );
}

const describe = (printing: Printing) =>
  [printing.set.code || printing.set.name, printing.collector_number && `#${printing.collector_number}`, languageLabels[printing.language]]
    .filter(Boolean)
    .join(" · ");

/** The search box and its results, a combobox: arrows move, Enter picks, as in any desktop picker. */
function PrintingSearch({ onPick, inputRef }: { onPick: (printing: Printing) => void; inputRef: React.RefObject<HTMLInputElement | null> }) {
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const query = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const results = useQuery({
    queryKey: ["catalog", "printings", query],
    queryFn: ({ signal }) => searchPrintings({ search: query, page_size: 8 }, signal),
    enabled: query.length > 0,
    staleTime: 60_000,
  });
  const printings = query ? (results.data?.results ?? []) : [];
  const listId = useId();
  const optionId = (index: number) => `${listId}-option-${index}`;
  const pick = (printing: Printing) => {
    onPick(printing);
    setText("");
    setActive(0);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" && printings.length) {
      event.preventDefault();
      setActive((index) => Math.min(index + 1, printings.length - 1));
    } else if (event.key === "ArrowUp" && printings.length) {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const chosen = printings[active];
      if (chosen) pick(chosen);
    }
  };
  return (
    <div className="grid gap-2">
      <Label htmlFor="intake-search">Find a card</Label>
      <Input
        id="intake-search"
        ref={inputRef}
        role="combobox"
        aria-expanded={printings.length > 0}
        aria-controls={listId}
        aria-activedescendant={printings.length ? optionId(active) : undefined}
        aria-autocomplete="list"
        autoComplete="off"
        autoFocus
        placeholder="Name (typos are fine), set code and number (MH2 138), or an id"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Printings" className="grid gap-1">
        {printings.map((printing, index) => (
          <li
            key={printing.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={cn("flex cursor-pointer items-center gap-3 rounded-md border p-2", index === active ? "border-primary bg-accent" : "bg-card")}
            onMouseEnter={() => setActive(index)}
            onClick={() => pick(printing)}
          >
            <PrintingImage printing={printing} className="h-12 w-9" />
            <span className="grid min-w-0">
              <span className="truncate font-medium">{printing.name}</span>
              <span className="truncate text-sm text-muted-foreground">
                {printing.set.name} · {describe(printing)}
                {printing.rarity ? ` · ${printing.rarity}` : ""}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {query && results.isSuccess && printings.length === 0 && <p className="text-sm text-muted-foreground">No printing matches “{query}”.</p>}
      {results.isError && <p className="text-sm text-destructive">The catalog could not be searched: {results.error.message}</p>}
    </div>
  );
}

interface Added {
  item: CollectibleRecord;
  printing: Printing;
}

/** The copy in hand: condition, finish, quantity, price; Enter adds it, Escape goes back to the search. */
function CopyForm({ printing, currency, onAdded, onCancel }: { printing: Printing; currency: string; onAdded: (added: Added) => void; onCancel: () => void }) {
  const [condition, setCondition] = useState<Condition>("NM");
  const [finish, setFinish] = useState<Finish>(defaultFinish(printing));
  const [quantity, setQuantity] = useState("1");
  const [price, setPrice] = useState("");
  const priceRef = useRef<HTMLInputElement>(null);
  const add = useMutation({
    mutationFn: () =>
      createCollectible(intakeRequest(printing, { condition, finish, quantity: Number(quantity), price: price.trim() || "0.00", currency })),
    onSuccess: (item) => onAdded({ item, printing }),
  });
  useEffect(() => priceRef.current?.focus(), []);
  const fields = add.error instanceof ApiError ? add.error.fields : undefined;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!add.isPending) add.mutate();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
      return;
    }
    const shortcut = event.altKey ? CONDITION_KEYS[event.key.toLowerCase()] : undefined;
    if (shortcut) {
      event.preventDefault();
      setCondition(shortcut);
    } else if (event.altKey && event.key.toLowerCase() === "f" && printing.finishes.length > 1) {
      event.preventDefault();
      setFinish((current) => printing.finishes[(printing.finishes.indexOf(current) + 1) % printing.finishes.length] ?? current);
    }
  };
  const finishes = Object.fromEntries(printing.finishes.map((value) => [value, finishLabels[value]])) as Record<Finish, string>;
  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label="Copy details" className="grid gap-3 rounded-lg border bg-card p-3">
      <div className="flex items-center gap-3">
        <PrintingImage printing={printing} className="h-20 w-14" />
        <div className="grid min-w-0">
          <span className="font-medium">{printing.name}</span>
          <span className="text-sm text-muted-foreground">
            {printing.set.name} · {describe(printing)}
          </span>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-4">
        <FormField id="intake-condition" label="Condition (Alt+N/L/P/H/D/M)" error={fields?.condition?.join(" ")}>
          <NativeSelect value={condition} onChange={(event) => setCondition(event.target.value as Condition)}>
            <LabelledOptions labels={conditionLabels} />
          </NativeSelect>
        </FormField>
        <FormField id="intake-finish" label="Finish (Alt+F)">
          <NativeSelect value={finish} onChange={(event) => setFinish(event.target.value as Finish)}>
            <LabelledOptions labels={printing.finishes.length ? finishes : finishLabels} />
          </NativeSelect>
        </FormField>
        <FormField id="intake-quantity" label="Quantity" error={fields?.quantity?.join(" ")}>
          <Input inputMode="numeric" value={quantity} onChange={(event) => setQuantity(event.target.value)} />
        </FormField>
        <FormField id="intake-price" label={`Price (${currency})`} error={fields?.price?.join(" ")}>
          <Input ref={priceRef} inputMode="decimal" placeholder="0.00" value={price} onChange={(event) => setPrice(event.target.value)} />
        </FormField>
      </div>
      {add.isError && !fields && <p className="text-sm text-destructive">{add.error.message}</p>}
      <div className="flex gap-2">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add (Enter)"}
        </Button>
        <Button variant="outline" onClick={onCancel}>
          Back to search (Esc)
        </Button>
      </div>
    </form>
  );
}

function AddedList({ added, onUndone }: { added: Added[]; onUndone: (id: number) => void }) {
  const undo = useMutation({
    mutationFn: (item: CollectibleRecord) => deleteCollectible(item.id, item.version),
    onSuccess: (_, item) => onUndone(item.id),
  });
  return (
    <Card>
      <CardHeader>
        <CardTitle>Added this session</CardTitle>
        <CardDescription>{added.length === 0 ? "Nothing yet." : `${added.length} ${added.length === 1 ? "item" : "items"}, newest first.`}</CardDescription>
      </CardHeader>
      {added.length > 0 && (
        <CardContent>
          <ol aria-label="Added this session" className="grid gap-2">
            {added.map(({ item, printing }) => (
              <li key={item.id} className="flex items-center justify-between gap-2 text-sm">
                <span className="min-w-0">
                  <Link to={`/collectibles/${item.id}`} className="block truncate font-medium text-primary underline underline-offset-2">
                    {item.name}
                  </Link>
                  <span className="text-muted-foreground">
                    {describe(printing)} · {item.condition} · ×{item.quantity} · {formatPrice(item.price, item.currency)}
                  </span>
                </span>
                <Button variant="ghost" size="sm" disabled={undo.isPending} aria-label={`Undo ${item.name}`} onClick={() => undo.mutate(item)}>
                  <Undo2 aria-hidden />
                  Undo
                </Button>
              </li>
            ))}
          </ol>
          {undo.isError && <p className="text-sm text-destructive">{undo.error.message}</p>}
        </CardContent>
      )}
    </Card>
  );
}

/**
 * Add cards: find the printing in the catalog, say what the copy is, Enter —
 * and the search is ready for the next card. Everything fills from the
 * catalog (name, set, number, rarity, language, marketplace ids); only the
 * copy's own details are typed.
 */
export default function IntakePage() {
  const currency = useMe().data?.vendor?.currency ?? "USD";
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<Printing | null>(null);
  const [added, setAdded] = useState<Added[]>([]);
  const searchRef = useRef<HTMLInputElement>(null);
  const backToSearch = () => {
    setPicked(null);
    window.setTimeout(() => searchRef.current?.focus(), 0);
  };
  return (
    <div className="grid gap-4 lg:grid-cols-[1fr_24rem]">
      <div className="grid content-start gap-4">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Add cards</h1>
          <p className="text-sm text-muted-foreground">Search, ↓ ↑ to choose, Enter to pick; then the price and Enter to add.</p>
        </div>
        {picked ? (
          <CopyForm
            key={picked.id}
            printing={picked}
            currency={currency}
            onCancel={backToSearch}
            onAdded={(entry) => {
              setAdded((list) => [entry, ...list]);
              void queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() });
              backToSearch();
            }}
          />
        ) : (
          <PrintingSearch onPick={setPicked} inputRef={searchRef} />
        )}
      </div>
      <AddedList
        added={added}
        onUndone={(id) => {
          setAdded((list) => list.filter((entry) => entry.item.id !== id));
          void queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() });
        }}
      />
    </div>
  );
}
