import { PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { invalid } from '@npa/platform';
import { parseYear, type ReportingYear } from './rules/reporting-year';

/**
 * `2024-25` (or `2024`) in a path -> the year; anything else is a 400 that says how to write one. It gives
 * an object, not the number, because the global validation pipe would turn a `number` parameter into NaN first.
 */
export const ParseReportingYear: PipeTransform<string, ReportingYear> = {
  transform(value: string): ReportingYear {
    const year = parseYear(value);
    if (!year) throw invalid('That is not a reporting year.', [{ field: 'year', problem: 'must be a reporting year written like 2025-26' }]);
    return year;
  },
};

/** The year in a path, for the OpenAPI document: the parameter's TypeScript type is the parsed object. */
export const ApiReportingYearParam = () =>
  ApiParam({
    name: 'year',
    description: 'the reporting year (1 April to 31 March), written 2025-26 or 2025',
    schema: { type: 'string', pattern: '^\\d{4}(-\\d{2})?$', example: '2025-26' },
  });
