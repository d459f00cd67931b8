import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_LETTER_KINDS, LETTER_KINDS, sampleData, sampleMeta } from '../../../test/support/letter-kinds';
import type { LetterKind } from './letter-kinds';
import { LetterRenderer } from './letter-renderer';
import { DEFAULT_TEMPLATES_DIR } from './templates';

const renderer = new LetterRenderer({ verifyBaseUrl: 'https://backoffice.portage.org.uk/', kinds: ALL_LETTER_KINDS });
const render = (kind: LetterKind, data: unknown = sampleData(kind), meta = sampleMeta(kind)) => renderer.render(kind, data as never, meta);

/** The HTML as a reader sees it: tags dropped, entities of quotes undone, whitespace made single. */
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

const KEY_FACTS: Record<LetterKind, string[]> = {
  'registration-compliance': [
    'Northshire Portage Service',
    'NPA-REG-0042',
    'as of 23 November 2026',
    'does not meet every essential rule',
    ...['SR-MEMBERSHIP', 'SR-WORKSHOP', 'SR-SUPERVISION', 'SR-SUPERVISOR-TRAINED', 'SR-INDUCTION', 'SR-CASELOAD', 'SR-NETWORKING'],
    'Met',
    'Not met',
    'Does not apply',
    'Tom Bell went 19 days without supervision',
    'record each session in the supervision log. By 7 December 2026.',
    'By 31 January 2027.',
  ],
  award: [
    'Stamp of Approval awarded to Little Acorns Day Nursery',
    'EY498213',
    'Awarded on 23 November 2026, valid until 22 November 2027',
    'apply to renew by 23 September 2027',
  ],
  'award-certificate': [
    'This is to certify that',
    'Little Acorns Day Nursery',
    'Stamp of Approval',
    'Awarded on 23 November 2026, valid until 22 November 2027',
  ],
  rejection: [
    'submitted on 2 October 2026',
    'on 23 November 2026 we decided not to award',
    'SA-OFSTED',
    'rated Requires improvement',
    'SA-TRAINED',
    'the setting needs two',
    'Not met',
  ],
  'information-request': [
    'Helen Marsh',
    'an anonymised example of a shared record page',
    'Please reply by 7 December 2026',
    'https://backoffice.portage.org.uk/applications/5f2c1a7e',
  ],
  'lapse-notice': [
    'Your Stamp of Approval is at risk',
    'valid until 1 March 2027',
    'What to do by 4 January 2027',
    'Since Daniel Reid left on 31 October 2026',
    'Book a member of staff onto a Portage Workshop',
  ],
  'workshop-certificate': [
    'Grace Obi',
    'Portage Workshop',
    'from 2 November 2026 to 6 November 2026',
    'Northshire County Hall',
    'Margaret Ellison, NPA-Accredited Trainer',
    'Certificate code NPA-K7QP3-MWX9T',
  ],
  reminder: ['Your Stamp of Approval expires in 30 days', 'Little Acorns Nursery', 'runs until 1 March 2027', 'Please act by 1 March 2027.'],
  'national-snapshot': ['national snapshot 2024/25', '101 of 317 local authorities', '13,204', '+£50 (+2%)', 'North East', 'Northshire Portage Service'],
};

describe(LetterRenderer.name, () => {
  describe.each(LETTER_KINDS.map((kind) => [kind]))('%s', (kind) => {
    const letter = render(kind);
    const text = visibleText(letter.html);

    it('states the key facts', () => {
      for (const fact of KEY_FACTS[kind]) expect(text).toContain(fact);
    });

    it('has the letterhead, the signatory and the verification footer', () => {
      expect(text).toContain('National Portage Association');
      expect(text).toContain('Dr Anne Whitfield');
      expect(text).toContain('Verification code NPA-7KQ2M-X4H9P');
      expect(text).toContain('verify at https://backoffice.portage.org.uk/letters/verify/NPA-7KQ2M-X4H9P');
    });

    it('has a plain-text email body that names the subject and how to verify', () => {
      expect(letter.text).not.toMatch(/<[a-z]/i);
      expect(letter.text).toContain(sampleMeta(kind).recipient.name);
      expect(letter.text).toContain('https://backoffice.portage.org.uk/letters/verify/NPA-7KQ2M-X4H9P');
      expect(letter.subject.length).toBeGreaterThan(10);
      expect(letter.templateVersion).toBe(1);
    });
  });

  it('letters a non-compliant service gets name every failed rule in the email too', () => {
    const { text } = render('registration-compliance');
    expect(text).toContain('(SR-WORKSHOP)');
    expect(text).toContain('(SR-SUPERVISION)');
    expect(text).not.toContain('(SR-MEMBERSHIP)');
  });

  it('says an expired award has expired, the day it lapsed, and gives no date to act by', () => {
    const data = { ...sampleData('lapse-notice'), state: 'expired' as const, lapsedOn: '2027-03-02', actBy: undefined };
    const { html, text } = render('lapse-notice', data);
    expect(visibleText(html)).toContain('expired on 1 March 2027 and we have no approved renewal: it lapsed on 2 March 2027');
    expect(visibleText(html)).not.toContain('What to do by');
    expect(text).toContain('it lapsed on 2 March 2027');
  });
});

describe('letters and hostile data', () => {
  const SCRIPT = '<script>alert(1)</script>';
  const PROTO_KEYS = '{"__proto__": {"polluted": "PROTO-LEAK"}, "constructor": {"prototype": {"polluted": "CTOR-LEAK"}}}';

  /** Every string made a script, every URL a javascript: one, every object given own __proto__ and constructor keys. */
  function hostile(value: unknown, key = ''): unknown {
    if (typeof value === 'string') {
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
      return /url/i.test(key) ? 'javascript:alert(1)' : `${SCRIPT}"'&`;
    }
    if (Array.isArray(value)) return value.map((item) => hostile(item));
    if (value && typeof value === 'object') {
      const copy = JSON.parse(PROTO_KEYS) as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) copy[k] = hostile(v, k);
      return copy;
    }
    return value;
  }

  it.each(LETTER_KINDS.map((kind) => [kind]))('escapes everything in %s and lets nothing reach a prototype', (kind) => {
    const letter = render(kind, hostile(sampleData(kind)), hostile(sampleMeta(kind)) as never);
    expect(letter.html).not.toContain('<script');
    expect(letter.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#x27;&amp;');
    expect(letter.html).not.toMatch(/href="javascript:/i);
    expect(letter.html).not.toMatch(/PROTO-LEAK|CTOR-LEAK|\[native code\]|function Object/);
    expect(letter.text).not.toMatch(/PROTO-LEAK|CTOR-LEAK|\[native code\]|function Object/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives a stored template no way to reach a prototype', () => {
    const silence = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const probe = [
      '{{constructor.name}}',
      '{{setting.constructor.name}}',
      '{{__proto__.polluted}}',
      '{{lookup this "constructor"}}',
      '{{#with constructor}}{{name}}{{/with}}',
      '{{letter.recipient.addressLines.constructor.name}}',
      '{{toString}}',
      '{{hasOwnProperty}}',
    ].join('|');
    try {
      const letter = renderer.render('award', sampleData('award'), sampleMeta('award'), { version: 99, html: probe, text: probe });
      expect(letter.html).toBe('|||||||');
      expect(letter.text).toBe('|||||||');
    } finally {
      silence.mockRestore();
    }
  });

  it('refuses a stored template that calls a helper of its own', () => {
    expect(() => renderer.check({ html: '{{#blockHelperMissing}}x{{/blockHelperMissing}}{{log "x"}}{{evil setting}}', text: '' })).toThrow();
    expect(() => renderer.check({ html: '{{formatDate awardedOn}}', text: '{{plural 2 "day"}}' })).not.toThrow();
  });

  it('has no template that prints data unescaped ({{{ or {{&)', () => {
    const files = (readdirSync(DEFAULT_TEMPLATES_DIR, { recursive: true }) as string[]).filter((f) => f.endsWith('.hbs'));
    expect(files.length).toBe(LETTER_KINDS.length * 2 + 4);
    const offenders = files.filter((f) => /\{\{~?\s*[{&]/.test(readFileSync(join(DEFAULT_TEMPLATES_DIR, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
