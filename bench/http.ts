import type { Row } from './support';
export async function httpPart(_options: { scale: number; seconds: number }): Promise<Row[]> {
  return [];
}
