import { useEffect, useRef, useState } from 'preact/hooks';
import { type RescoreStatusDto, request } from '@/core/messaging';

const POLL_MS = 300;

/**
 * Follows the full rescore a save starts. The background starts it asynchronously (sometimes
 * after rebuilding aggregates), so we wait for a run that finished after the save began.
 */
export function useRescore(): { status: RescoreStatusDto | null; follow(since: number): void } {
  const [status, setStatus] = useState<RescoreStatusDto | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const follow = (since: number) => {
    clearTimeout(timer.current);
    setStatus({ running: true, done: 0, total: 0 });
    const poll = async () => {
      try {
        const s = await request('getRescoreStatus', {});
        const finished = !s.running && (s.finishedAt ?? 0) >= since;
        setStatus(finished ? s : { ...s, running: true });
        if (!finished) timer.current = setTimeout(poll, POLL_MS);
      } catch {
        timer.current = setTimeout(poll, POLL_MS * 3);
      }
    };
    timer.current = setTimeout(poll, POLL_MS);
  };
  return { status, follow };
}
