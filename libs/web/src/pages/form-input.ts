import { DomainError } from '@npa/platform';

/** Urlencoded form bodies as the DTOs want them: trimmed text, numbers, lists, absent when blank. */
export type FormBody = Record<string, unknown>;

export const text = (body: FormBody, key: string): string | undefined => {
  const value = body[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export const num = (body: FormBody, key: string): number | string | undefined => {
  const value = text(body, key);
  return value === undefined ? undefined : Number.isFinite(Number(value)) ? Number(value) : value;
};

export const list = (body: FormBody, key: string): string[] =>
  ([] as unknown[]).concat(body[key] ?? []).filter((v): v is string => typeof v === 'string' && v !== '');

/** The status a refusal the user can act on is shown with (400 or 409). */
export const statusOf = (error: unknown) => (error instanceof DomainError ? Number(error.status) : 400);
