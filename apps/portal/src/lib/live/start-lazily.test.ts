import { describe, expect, it, vi } from 'vitest';
import { startLazily } from './start-lazily';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startLazily', () => {
  it('starts once the module has loaded, and stops the watch', async () => {
    const stopWatch = vi.fn();
    const start = vi.fn(() => stopWatch);
    const stop = startLazily(async () => 'module', start);
    await settle();
    expect(start).toHaveBeenCalledWith('module');
    expect(stopWatch).not.toHaveBeenCalled();
    stop();
    expect(stopWatch).toHaveBeenCalledTimes(1);
  });

  it('never starts when the page was left before the module arrived', async () => {
    let arrive!: (module: string) => void;
    const start = vi.fn(() => () => {});
    const stop = startLazily(() => new Promise<string>((resolve) => (arrive = resolve)), start);
    stop();
    arrive('module');
    await settle();
    expect(start).not.toHaveBeenCalled();
  });
});
