// The address bar as a page's memory: a view kept in the query string.
/**
 * Sets parameters of the address's query in place (no new history entry, no navigation), so a
 * page's view (filters, the chosen run) can be shared and survives a reload; undefined removes one.
 */
export function replaceQuery(changes: Record<string, string | number | boolean | undefined>) {
  const kept = [...new URLSearchParams(location.search)].filter(([key]) => !(key in changes));
  const added = Object.entries(changes)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => [key, String(value)]);
  const search = new URLSearchParams([...kept, ...added]).toString();
  history.replaceState(history.state, '', location.pathname + (search ? `?${search}` : '') + location.hash);
}
