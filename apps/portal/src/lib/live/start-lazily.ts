// A live stream's code (urql, the subscription) is loaded only once a page is interactive, so it does
// not weigh on the page's first JavaScript. This loads it and starts watching, unless the page was
// left meanwhile.

/** Loads a stream's module, then starts watching with it; returns the function that stops it. */
export function startLazily<Module>(load: () => Promise<Module>, start: (module: Module) => () => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  void load().then((module) => {
    if (!stopped) stop = start(module);
  });
  return () => {
    stopped = true;
    stop?.();
  };
}
