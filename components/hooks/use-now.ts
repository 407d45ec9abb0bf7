import { useEffect, useState } from 'preact/hooks';

/** The time, refreshed every `intervalMs`: for "synced 5 min ago" and "resumes at 14:05". */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
