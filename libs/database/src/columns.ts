import { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string; FTE is a small decimal we want as a number. */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
