/** Display formats: prices in the item's own currency, dates in the user's locale, counted nouns. */
const priceFormats = new Map<string, Intl.NumberFormat>();

export function formatPrice(price: string, currency: string, locale?: string): string {
  const key = `${locale ?? ""}|${currency}`;
  let format = priceFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: "currency", currency });
    } catch {
      // Not a currency this browser knows: show the amount and the code as sent.
      return `${price} ${currency}`;
    }
    priceFormats.set(key, format);
  }
  return format.format(Number(price));
}

/** `YYYY-MM-DD` (a calendar date, no time zone) → e.g. "Feb 14, 2024". */
export function formatDate(isoDate: string | null, locale?: string): string {
  if (!isoDate) return "—";
  const [year, month, day] = isoDate.split("-").map(Number);
  if (!year || !month || !day) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function formatDateTime(isoDateTime: string, locale?: string): string {
  const date = new Date(isoDateTime);
  if (Number.isNaN(date.getTime())) return isoDateTime;
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** "1 item", "3 items"; `many` for the plurals that are not `one` + "s". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
