/** "1 day", "3 days": reasons are read by people. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "today", "1 day ago", "12 days ago". */
export const ago = (days: number): string => (days === 0 ? 'today' : `${plural(days, 'day')} ago`);
