import type { Locale, Viewer } from '$lib/api-types';

declare global {
  namespace App {
    interface Error {
      message: string;
      /** Quoted to support staff; the details stay in the server log. */
      errorId?: string;
    }
    interface Locals {
      /** null when nobody is signed in, or when the API could not be reached. */
      viewer: Viewer | null;
      locale: Locale;
      /** Sent to the API as X-Request-Id, so one id follows a page load through both logs. */
      requestId: string;
    }
    interface PageData {
      locale?: Locale;
    }
  }
}

export {};
