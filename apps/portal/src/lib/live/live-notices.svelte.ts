// Notices that arrived over the live stream since the page's data was loaded. The root layout
// owns one instance (in a Svelte context, never module state, which the server would share
// between requests) and the pages read it.
import { getContext, setContext } from 'svelte';
import { awaitsAcknowledgement, type InboxNotice } from './live-notice';

const KEY = Symbol('live-notices');

export class LiveNotices {
  /** Newest first. */
  items: InboxNotice[] = $state([]);

  add(notice: InboxNotice): void {
    if (this.items.some((item) => item.id === notice.id)) return;
    this.items = [notice, ...this.items];
  }

  /** After the page data is reloaded, it holds these notices itself. */
  reset(): void {
    this.items = [];
  }

  /** Live notices waiting for an acknowledgement (the navigation badge adds them to the loaded count). */
  get awaitingAcknowledgement(): number {
    return this.items.filter(awaitsAcknowledgement).length;
  }

  /** Live notices the page's own list lacks. */
  missingFrom(ids: ReadonlySet<string>): InboxNotice[] {
    return this.items.filter((item) => !ids.has(item.id));
  }
}

export function provideLiveNotices(): LiveNotices {
  return setContext(KEY, new LiveNotices());
}

export function liveNotices(): LiveNotices {
  return getContext<LiveNotices>(KEY);
}
