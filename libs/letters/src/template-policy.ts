// What an admin-published template may do, decided from Handlebars' own parse tree rather than from
// its text: a pattern over the source misses forms such as `{{~{x}}}` or `{{~&x}}` that the parser reads
// as unescaped output all the same.
import Handlebars from 'handlebars';

export interface TemplateAllowance {
  /** Helpers a template may call (ours and the block helpers it needs). */
  helpers: readonly string[];
  /** Partials a template may include, by name. */
  partials: readonly string[];
}

export const UNESCAPED = 'must not use {{{ }}} or {{& }}';

/** Handlebars' built-in helpers a letter template may use; `log`, `lookup` and the *Missing hooks are left out. */
export const BLOCK_HELPERS = ['if', 'unless', 'each', 'with'] as const;
const BUILT_IN = new Set(['if', 'unless', 'each', 'with', 'log', 'lookup', 'helperMissing', 'blockHelperMissing']);

type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

class PolicyVisitor extends Handlebars.Visitor {
  readonly problems = new Set<string>();

  constructor(private readonly allowed: TemplateAllowance) {
    super();
  }

  override MustacheStatement(node: hbs.AST.MustacheStatement): void {
    if (!node.escaped) this.problems.add(UNESCAPED);
    this.call(node);
    super.MustacheStatement(node);
  }

  override BlockStatement(node: hbs.AST.BlockStatement): void {
    this.call(node, true);
    super.BlockStatement(node);
  }

  override SubExpression(node: hbs.AST.SubExpression): void {
    this.call(node);
    super.SubExpression(node);
  }

  override PartialStatement(node: hbs.AST.PartialStatement): void {
    this.partial(node.name);
    super.PartialStatement(node);
  }

  override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
    this.partial(node.name);
    super.PartialBlockStatement(node);
  }

  override Decorator(): void {
    this.problems.add('must not use decorators ({{* }})');
  }

  override DecoratorBlock(): void {
    this.problems.add('must not use decorators ({{#* }})');
  }

  /** A call with arguments, a block, or a bare built-in name runs a helper: it must be one we allow. */
  private call(node: Call, block = false): void {
    if (node.path.type !== 'PathExpression') return;
    const name = (node.path as hbs.AST.PathExpression).original;
    const invokes = block || node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0 || BUILT_IN.has(name);
    if (invokes && !this.allowed.helpers.includes(name)) this.problems.add(`must not call the helper "${name}"`);
  }

  private partial(name: hbs.AST.PathExpression | hbs.AST.SubExpression): void {
    if (name.type !== 'PathExpression') this.problems.add('must name its partials, not compute them');
    else if (!this.allowed.partials.includes(name.original)) this.problems.add(`must not include the partial "${name.original}"`);
  }
}

/**
 * What is wrong with a template's source under the allowance, as form problems; [] when nothing is.
 * A source that does not parse gives [] here: compiling it reports the syntax error.
 */
export function templateProblems(source: string, allowed: TemplateAllowance): string[] {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch {
    return [];
  }
  const visitor = new PolicyVisitor(allowed);
  visitor.accept(program);
  return [...visitor.problems];
}
