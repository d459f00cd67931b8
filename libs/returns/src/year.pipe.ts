import { applyDecorators, PipeTransform } from '@nestjs/common';
import { ApiParam, ApiResponse } from '@nestjs/swagger';
import { errorExample, invalid } from '@npa/platform';
import { parseYear, type ReportingYear } from './rules/reporting-year';

const NOT_A_YEAR = { message: 'That is not a reporting year.', details: [{ field: 'year', problem: 'must be a reporting year written like 2025-26' }] };

/**
 * `2024-25` (or `2024`) in a path -> the year; anything else is a 400 that says how to write one. It gives
 * an object, not the number, because the global validation pipe would turn a `number` parameter into NaN first.
 */
export const ParseReportingYear: PipeTransform<string, ReportingYear> = {
  transform(value: string): ReportingYear {
    const year = parseYear(value);
    if (!year) throw invalid(NOT_A_YEAR.message, NOT_A_YEAR.details);
    return year;
  },
};

/**
 * The year in a path, for the OpenAPI document: the parameter's TypeScript type is the parsed object, and a
 * year that cannot be read is a 400 even on a GET.
 */
export const ApiReportingYearParam = () =>
  applyDecorators(
    ApiParam({
      name: 'year',
      description: 'the reporting year (1 April to 31 March), written 2025-26 or 2025',
      schema: { type: 'string', pattern: '^\\d{4}(-\\d{2})?$', example: '2025-26' },
    }),
    ApiResponse({
      status: 400,
      description: 'Invalid input: a year that cannot be read, or (for a write) invalid fields; `details` names each field at fault.',
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/ErrorBody' },
          examples: {
            year: { summary: NOT_A_YEAR.message, value: errorExample(400, NOT_A_YEAR.message, NOT_A_YEAR.details) },
            fields: {
              summary: 'The request has invalid fields.',
              value: errorExample(400, 'The request has invalid fields.', [{ field: 'name', problem: 'is not a field this request accepts' }]),
            },
          },
        },
      },
    }),
  );
