/**
 * Whether an error is PostgreSQL refusing a row that another already holds under a unique index (23505),
 * by that index when one is named: thrown by a statement (TypeORM's QueryFailedError, with pg's error as
 * its driverError) or by a COPY (pg's error itself).
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const found = error as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } } | null;
  const pg = found?.driverError ?? found;
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}
