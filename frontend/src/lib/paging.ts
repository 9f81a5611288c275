/** Page sizes the API accepts (it caps `page_size` at 100) and the screens offer. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
