// A small history router: the app's few routes, deep links that survive a reload (the servers
// fall back to index.html), and in-app navigation without page loads.

export type Route =
  | { name: 'agenda' }
  | { name: 'week'; number: number }
  | { name: 'homework'; code: string }
  | { name: 'sign-in' }
  | { name: 'checklist' }
  | { name: 'cohort' }
  | { name: 'deep-link' }
  | { name: 'student'; login: string }
  | { name: 'not-found' };

export function parseRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/') return { name: 'agenda' };
  const week = /^\/weeks\/(\d{1,4})$/.exec(clean);
  if (week?.[1]) return { name: 'week', number: Number(week[1]) };
  const homework = /^\/homework\/(h\d{1,4})$/i.exec(clean);
  if (homework?.[1]) return { name: 'homework', code: homework[1].toUpperCase() };
  if (clean === '/signin') return { name: 'sign-in' };
  if (clean === '/checklist') return { name: 'checklist' };
  if (clean === '/instructor') return { name: 'cohort' };
  if (clean === '/instructor/deep-link') return { name: 'deep-link' };
  const student = /^\/instructor\/students\/([A-Za-z0-9-]{1,39})$/.exec(clean);
  if (student?.[1]) return { name: 'student', login: student[1] };
  return { name: 'not-found' };
}

class Router {
  path = $state(globalThis.location?.pathname ?? '/');
  route = $derived(parseRoute(this.path));

  constructor() {
    globalThis.addEventListener?.('popstate', () => (this.path = location.pathname));
  }

  navigate(href: string) {
    const url = new URL(href, location.href);
    if (url.pathname === this.path && !url.hash) return;
    history.pushState({}, '', url.pathname + url.search + url.hash);
    this.path = url.pathname;
    if (!url.hash) window.scrollTo(0, 0);
  }
}

export const router = new Router();

/** Sends clicks on same-origin links through the router instead of reloading the page. */
export function interceptLinks(event: MouseEvent) {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  const anchor = (event.target as Element | null)?.closest?.('a');
  // The API's own addresses (such as signing in with GitHub) leave the app: the browser follows them.
  if (
    !anchor ||
    anchor.target ||
    anchor.hasAttribute('download') ||
    anchor.origin !== location.origin ||
    anchor.pathname.startsWith('/api/')
  ) {
    return;
  }
  if (anchor.pathname === location.pathname && anchor.hash) return;
  event.preventDefault();
  router.navigate(anchor.href);
}
