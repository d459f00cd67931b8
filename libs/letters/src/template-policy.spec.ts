import { ALL_LETTER_KINDS, LETTER_KINDS } from '../../../test/support/letter-kinds';
import { LetterRenderer } from './letter-renderer';
import { templateProblems, UNESCAPED, type TemplateAllowance } from './template-policy';
import { loadDefaultBodies } from './templates';

const allowed: TemplateAllowance = { helpers: ['formatDate', 'link', 'eq', 'if', 'each'], partials: ['layout', 'footer', '@partial-block'] };

describe(templateProblems.name, () => {
  it.each([
    ['{{{x}}}', [UNESCAPED]],
    ['{{&x}}', [UNESCAPED]],
    ['{{~{x}}}', [UNESCAPED]],
    ['{{~&x}}', [UNESCAPED]],
    ['{{~{x}~}}', [UNESCAPED]],
    ['{{#if a}}{{~{x}}}{{/if}}', [UNESCAPED]],
    ['{{#> layout}}{{{x}}}{{/layout}}', [UNESCAPED]],
    ['{{formatDate x}} {{{link y}}}', [UNESCAPED]],
    ['{{log x}}', ['must not call the helper "log"']],
    ['{{lookup . "x"}}', ['must not call the helper "lookup"']],
    ['{{evil x}}', ['must not call the helper "evil"']],
    ['{{eq (evil x) 1}}', ['must not call the helper "evil"']],
    ['{{#blockHelperMissing}}x{{/blockHelperMissing}}', ['must not call the helper "blockHelperMissing"']],
    ['{{#with a}}x{{/with}}', ['must not call the helper "with"']],
    ['{{{{raw}}}}{{x}}{{{{/raw}}}}', ['must not call the helper "raw"']],
    ['{{> secret}}', ['must not include the partial "secret"']],
    ['{{#> secret}}x{{/secret}}', ['must not include the partial "secret"']],
    ['{{> (lookup . "p")}}', ['must name its partials, not compute them', 'must not call the helper "lookup"']],
    ['{{*dec}}', ['must not use decorators ({{* }})']],
    ['{{#*inline "p"}}x{{/inline}}', ['must not use decorators ({{#* }})']],
    ['{{x}} {{a.b}} {{this}} {{@index}} {{"text"}}', []],
    ['{{~x~}} {{! a comment }} {{!-- {{{x}}} in a comment --}}', []],
    ['{{#if (eq a "b")}}{{formatDate d}}{{else}}{{link u}}{{/if}}', []],
    ['{{#each list}}{{this}}{{/each}}', []],
    ['{{#> layout}}{{> footer}}{{/layout}}', []],
    ['\\{{{x}}} is escaped text', []],
    ['{{#if}', []], // does not parse: compiling it says so
    ['{{ &x }}', []],
  ])('%s -> %j', (source, problems) => {
    expect(templateProblems(source, allowed)).toEqual(problems);
  });

  it('finds what the renderer refuses in either body, including the stripped forms a pattern missed', () => {
    const renderer = new LetterRenderer({ verifyBaseUrl: 'https://npa.example', kinds: ALL_LETTER_KINDS });
    expect(renderer.problems({ html: '{{~{x}}}', text: '{{~&x}}' })).toEqual([
      { field: 'html', problem: UNESCAPED },
      { field: 'text', problem: UNESCAPED },
    ]);
  });

  it('finds nothing wrong with the templates shipped with the code', () => {
    const renderer = new LetterRenderer({ verifyBaseUrl: 'https://npa.example', kinds: ALL_LETTER_KINDS });
    const bodies = loadDefaultBodies(LETTER_KINDS);
    expect(LETTER_KINDS.flatMap((kind) => renderer.problems(bodies[kind]))).toEqual([]);
  });
});
