/** An `:id` route parameter as a database id, or null when it cannot be one. */
export function parseRouteId(param: string | undefined): number | null {
  return param && /^\d{1,15}$/.test(param) && Number(param) > 0 ? Number(param) : null;
}
