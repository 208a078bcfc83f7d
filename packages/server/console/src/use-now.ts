import { useEffect, useState } from 'preact/hooks';

/** The current time, renewed every `intervalMs`: what relative times ("5 min ago") are measured from. */
export function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
