import { MailboxThrottle, MAX_CONCURRENT_PER_MAILBOX } from './throttle.js';

describe('the per-mailbox throttle', () => {
  it('refuses the request past the budget with the seconds left in the window, then admits again', () => {
    const throttle = new MailboxThrottle();
    throttle.setBudget('mbx', { requests: 2, windowSeconds: 10 });
    throttle.acquire('app', 'mbx', 0)();
    throttle.acquire('app', 'mbx', 1_000)();
    expect(() => throttle.acquire('app', 'mbx', 4_000)).toThrow(
      expect.objectContaining({ status: 429, code: 'ApplicationThrottled', headers: { 'retry-after': '6' } }),
    );
    expect(() => throttle.acquire('app', 'mbx', 10_000)()).not.toThrow();
  });

  it('counts budgets per app and mailbox', () => {
    const throttle = new MailboxThrottle();
    throttle.setBudget('mbx', { requests: 1, windowSeconds: 10 });
    throttle.acquire('app-a', 'mbx', 0)();
    expect(() => throttle.acquire('app-b', 'mbx', 0)()).not.toThrow();
    expect(() => throttle.acquire('app-a', 'other-mbx', 0)()).not.toThrow();
  });

  it('admits four concurrent requests per mailbox and the next once one finishes', () => {
    const throttle = new MailboxThrottle();
    const releases = Array.from({ length: MAX_CONCURRENT_PER_MAILBOX }, () => throttle.acquire('app', 'mbx'));
    expect(() => throttle.acquire('app', 'mbx')).toThrow(expect.objectContaining({ status: 429 }));
    releases[0]!();
    releases[0]!();
    expect(() => throttle.acquire('app', 'mbx')).not.toThrow();
    expect(() => throttle.acquire('app', 'mbx')).toThrow(expect.objectContaining({ status: 429 }));
  });
});
