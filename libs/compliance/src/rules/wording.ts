// Small helpers so explanations read as English sentences whatever the counts.
import type { PersonRef } from './result';

export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function names(people: PersonRef[]): string {
  return listOf(people.map((p) => p.name));
}

/** Joins sentences, skipping empty ones, so optional remarks need no conditional spacing. */
export function sentences(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

export function hasHave(n: number): string {
  return n === 1 ? 'has' : 'have';
}
