import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { invalid } from './domain-error';

/** `?page=&pageSize=&sort=` for every list; answers carry `{ items, page, pageSize, total }`. */
export class PageQuery {
  @ApiPropertyOptional({ description: 'The page, from 1.', default: 1, minimum: 1, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ description: 'Items per page.', default: 50, minimum: 1, maximum: 500, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize = 50;

  @ApiPropertyOptional({ description: 'The field to sort by; each list names the ones it takes.' })
  @IsOptional()
  @IsString()
  sort?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const pageOf = <T>(items: T[], total: number, query: PageQuery): Page<T> => ({ items, page: query.page, pageSize: query.pageSize, total });

/** Maps a client's sort name to a column it may sort by; anything else is refused by the caller. */
export function sortColumn(query: PageQuery, allowed: Record<string, string>, fallback: string): string {
  if (query.sort === undefined) return fallback;
  const column = allowed[query.sort];
  if (!column) throw invalid(`Cannot sort by "${query.sort}".`, [{ field: 'sort', problem: `must be one of: ${Object.keys(allowed).join(', ')}` }]);
  return column;
}

export const sortOrder = (query: PageQuery): 'ASC' | 'DESC' => (query.order === 'desc' ? 'DESC' : 'ASC');

/** A user's search text as an ILIKE pattern that matches it literally (their % and _ are not wildcards). */
export const containsPattern = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;
