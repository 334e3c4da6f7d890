// A slot's value as the template wants it written: sizes in the units and
// the sign find compares with, durations in whole days, minutes or seconds,
// dates as "N days ago", extensions without their dot.

import type { SlotSpec } from './corpus';
import type { Fact } from './requestFacts';

/** The text a slot of this kind takes for the fact picked for it; undefined when none fits. */
export function render(spec: SlotSpec, f: Fact): string | undefined {
  switch (spec.type) {
    case 'size': return renderSize(spec, f, typeof spec.default === 'string' ? spec.default : '');
    case 'duration': return renderDuration(spec, f, typeof spec.default === 'string' ? spec.default : String(spec.default ?? ''));
    case 'count':
    case 'number':
    case 'pid':
    case 'port':
      return f.amount !== undefined ? String(f.amount) : f.value;
    case 'ext': return f.value.replace(/^\*?\./, '');
    case 'date': return f.unit !== undefined && !f.value.includes(' ago') ? `${f.amount ?? 1} ${pluralUnit(f.unit, f.amount ?? 1)} ago` : f.value;
    case 'path':
    case 'dir':
    case 'file':
      return f.value;
    default:
      return f.value;
  }
}

function pluralUnit(unit: string, n: number): string {
  const word = ({ d: 'day', h: 'hour', min: 'minute', s: 'second' } as Record<string, string>)[unit] ?? unit.replace(/s$/, '');
  return n === 1 ? word : `${word}s`;
}

function renderSize(spec: SlotSpec, f: Fact, def: string): string {
  const amount = f.amount ?? 0;
  const unit = f.unit ?? 'c';
  const mult: Record<string, number> = { c: 1, k: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };
  const bytes = amount * mult[unit];
  if (spec.format === 'bytes') return String(Math.round(bytes));
  // find and most tools take whole units; a fraction goes down one unit.
  let value = amount;
  let u = unit;
  if (!Number.isInteger(value)) {
    const lower = { T: 'G', G: 'M', M: 'k', k: 'c', c: 'c' }[u] as string;
    value = Math.round(bytes / mult[lower]);
    u = lower;
  }
  if (spec.format === 'human') return `${value}${u === 'c' ? '' : u === 'k' ? 'K' : u}`;
  const sign = f.sign || (def.startsWith('-') ? '-' : def.startsWith('+') ? '+' : '+');
  // find rounds a size up to whole units before comparing: "-1k" finds only empty files, so "smaller than" is said in bytes.
  if (sign === '-' && unit !== 'c') return `-${Math.round(bytes)}c`;
  return `${sign}${value}${u === 'T' ? 'G' : u}`.replace(/^([+-]?)(\d+)G$/, (m, s: string, n: string) => (u === 'T' ? `${s}${Number(n) * 1024}G` : m));
}

function renderDuration(spec: SlotSpec, f: Fact, def: string): string {
  const unitSeconds: Record<string, number> = {
    s: 1, sec: 1, secs: 1, second: 1, seconds: 1, min: 60, mins: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
    day: 86400, days: 86400, week: 604800, weeks: 604800, month: 2592000, months: 2592000, year: 31536000, years: 31536000,
  };
  const seconds = (f.amount ?? 1) * (unitSeconds[f.unit ?? 'days'] ?? 86400);
  const unit = spec.unit ?? 'days';
  if (unit === 'seconds') return String(Math.max(1, Math.round(seconds)));
  const n = unit === 'minutes' ? Math.max(1, Math.round(seconds / 60)) : Math.max(1, Math.round(seconds / 86400));
  const sign = f.sign !== undefined && f.sign !== '' ? f.sign : def.startsWith('+') ? '+' : def.startsWith('-') ? '-' : '';
  return `${sign}${n}`;
}
