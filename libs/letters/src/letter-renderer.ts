// The one Handlebars environment letters are rendered with. It is a private instance (never the global
// one a library might also register on), knows only our helpers (knownHelpersOnly: a stored template
// that calls anything else fails to compile), and keeps Handlebars' defaults that forbid prototype
// access: a template can never reach `constructor` or `__proto__` of the data it is given.
import Handlebars from 'handlebars';
import { LETTER_HELPERS } from './helpers';
import type { LetterKinds } from './letter-kind.registry';
import type { LetterData, LetterKind, LetterMeta } from './letter-kinds';
import { BLOCK_HELPERS, templateProblems, type TemplateAllowance } from './template-policy';
import { loadSharedTemplates, type BodyTemplate, type SharedTemplates } from './templates';

export interface RenderedLetter {
  kind: LetterKind;
  templateVersion: number;
  subject: string;
  html: string;
  /** The email's plain-text part; a signed letter's PDF goes as an attachment, a reminder's HTML as the email's HTML part. */
  text: string;
}

export interface LetterRendererOptions {
  /** The public address of the back-office; the footer says "verify at <verifyBaseUrl>/letters/verify/<code>". */
  verifyBaseUrl: string;
  /** The kinds every slice declares: each one's title, subject, default body. */
  kinds: LetterKinds;
  shared?: SharedTemplates;
}

type Compiled = Handlebars.TemplateDelegate;

const KNOWN_HELPERS = Object.fromEntries(Object.keys(LETTER_HELPERS).map((name) => [name, true])) as KnownHelpers;
type KnownHelpers = { [name: string]: boolean };

export class LetterRenderer {
  private readonly hb = Handlebars.create();
  private readonly kinds: LetterKinds;
  private readonly verifyBaseUrl: string;
  private readonly allowance: TemplateAllowance;
  // Keyed by source, so a stored template version is compiled once however many letters use it.
  private readonly compiled = new Map<string, Compiled>();

  constructor(options: LetterRendererOptions) {
    this.verifyBaseUrl = options.verifyBaseUrl.replace(/\/+$/, '');
    this.kinds = options.kinds;
    const shared = options.shared ?? loadSharedTemplates();
    this.allowance = {
      helpers: [...Object.keys(LETTER_HELPERS), ...BLOCK_HELPERS],
      partials: ['layout', 'styles', '@partial-block', ...Object.keys(shared.partials)],
    };
    this.hb.registerHelper(LETTER_HELPERS);
    this.hb.registerPartial('layout', this.compileHtml(shared.layout));
    // The stylesheet is inlined as it is; a function partial means Handlebars never parses the CSS.
    this.hb.registerPartial('styles', () => shared.styles);
    for (const [name, source] of Object.entries(shared.partials)) {
      this.hb.registerPartial(name, name.startsWith('text-') ? this.compileText(source) : this.compileHtml(source));
    }
  }

  /** Renders with the default body of the kind, or with `body` (a stored template version) when given. */
  render<K extends LetterKind>(kind: K, data: LetterData<K>, meta: LetterMeta, body: BodyTemplate = this.kinds.defaultBody(kind)): RenderedLetter {
    const declaration = this.kinds.get(kind);
    const title = declaration.title;
    const context = {
      ...data,
      letter: {
        kind,
        title,
        /** False for an email-only reminder: the sign-off does not speak of an attached PDF. */
        printed: this.kinds.isPrinted(kind),
        date: meta.letterDate,
        recipient: meta.recipient,
        signatory: meta.signatory,
        verificationCode: meta.verificationCode,
        verifyUrl: `${this.verifyBaseUrl}/letters/verify/${encodeURIComponent(meta.verificationCode)}`,
      },
    };
    return {
      kind,
      templateVersion: body.version,
      subject: `${title}: ${declaration.subjectName(data)}`,
      html: this.compileHtml(body.html)(context),
      text: this.compileText(body.text)(context),
    };
  }

  /** What a stored template does that letters must not (unescaped output, other helpers or partials), per body. */
  problems(body: Pick<BodyTemplate, 'html' | 'text'>): { field: 'html' | 'text'; problem: string }[] {
    return (['html', 'text'] as const).flatMap((field) => templateProblems(body[field], this.allowance).map((problem) => ({ field, problem })));
  }

  /** Compiles a template now, so a stored version with a syntax error or an unknown helper is refused on save. */
  check(body: Pick<BodyTemplate, 'html' | 'text'>): void {
    this.compileHtml(body.html)({});
    this.compileText(body.text)({});
  }

  private compileHtml(source: string): Compiled {
    return this.compile(source, false);
  }

  // The plain-text part is never read as HTML, so HTML-escaping would only turn "O'Neill" into
  // "O&#x27;Neill" in the email. Its data still goes through double braces and the same helpers.
  private compileText(source: string): Compiled {
    return this.compile(source, true);
  }

  private compile(source: string, noEscape: boolean): Compiled {
    const key = `${noEscape ? 'text' : 'html'}\u0000${source}`;
    let template = this.compiled.get(key);
    if (!template) {
      template = this.hb.compile(source, { noEscape, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true });
      this.compiled.set(key, template);
    }
    return template;
  }
}
