import { Injectable, OnApplicationBootstrap, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService } from '@nestjs/core';
import { ACCESS_KEY, AccessRule } from './access.decorator';
import { RATE_LIMIT_KEY, type RateLimitName } from './rate-limit';
import { ScopeRegistry } from './scope.registry';

export interface DeclaredRoute {
  controller: string;
  handler: string;
  method: number;
  path: string;
  rule: AccessRule | undefined;
  /** The rate limit it counts against, if any. */
  rateLimit?: RateLimitName;
}

/** GET, POST, ... for a route's RequestMethod number. */
export const methodName = (route: Pick<DeclaredRoute, 'method'>): string => RequestMethod[route.method];

/** The routes of some controller classes with the rule each declares, read from their decorators alone. */
export function declaredRoutes(controllers: readonly Type[]): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const type of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    const prototype = type.prototype as Record<string, unknown>;
    for (const handler of methodsOf(prototype)) {
      const fn = prototype[handler] as object;
      const method = Reflect.getMetadata(METHOD_METADATA, fn) as number | undefined;
      if (method === undefined) continue;
      const path = String(Reflect.getMetadata(PATH_METADATA, fn) ?? '');
      // The handler's own rule wins over one on its controller, as the guard reads it.
      const rule = (Reflect.getMetadata(ACCESS_KEY, fn) ?? Reflect.getMetadata(ACCESS_KEY, type)) as AccessRule | undefined;
      const rateLimit = (Reflect.getMetadata(RATE_LIMIT_KEY, fn) ?? Reflect.getMetadata(RATE_LIMIT_KEY, type)) as RateLimitName | undefined;
      routes.push({ controller: type.name, handler, method, path: `/${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, '') || '/', rule, rateLimit });
    }
  }
  return routes;
}

/**
 * Every controller a module brings in, following its imports (static and dynamic modules alike) without
 * starting anything: the access matrix document is written from this, with no database at hand.
 */
export function controllersOf(root: Type): Type[] {
  const seen = new Set<unknown>();
  const controllers = new Set<Type>();
  const visit = (entry: unknown) => {
    const resolved = typeof entry === 'object' && entry !== null && 'forwardRef' in entry ? (entry as { forwardRef: () => unknown }).forwardRef() : entry;
    if (!resolved || seen.has(resolved)) return;
    seen.add(resolved);
    const dynamic =
      typeof resolved === 'object' && 'module' in resolved ? (resolved as { module: Type; imports?: unknown[]; controllers?: Type[] }) : undefined;
    const type = dynamic ? dynamic.module : (resolved as Type);
    const read = (key: string) => (Reflect.getMetadata(key, type) as unknown[] | undefined) ?? [];
    for (const controller of [...(read(MODULE_METADATA.CONTROLLERS) as Type[]), ...(dynamic?.controllers ?? [])]) controllers.add(controller);
    for (const imported of [...read(MODULE_METADATA.IMPORTS), ...(dynamic?.imports ?? [])]) visit(imported);
  };
  visit(root);
  return [...controllers];
}

function methodsOf(prototype: object): string[] {
  const names = new Set<string>();
  for (let proto = prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor') names.add(name);
  }
  return [...names];
}

/** Every HTTP route with the access rule it declares: the table the access-matrix tests walk. */
@Injectable()
export class AccessDeclarations implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scopes: ScopeRegistry,
  ) {}

  routes(): DeclaredRoute[] {
    const controllers = this.discovery.getControllers().flatMap((wrapper) => (wrapper.metatype ? [wrapper.metatype as Type] : []));
    return declaredRoutes(controllers);
  }

  /** A route without a declaration, or naming a scope nobody resolves, stops the API at boot. */
  onApplicationBootstrap(): void {
    const problems = this.routes().flatMap((route) => {
      const where = `${route.controller}.${route.handler}`;
      if (!route.rule) return [`${where} declares no access rule (@Public or @Access)`];
      if (route.rule.scope && !this.scopes.has(route.rule.scope.kind)) return [`${where} uses scope "${route.rule.scope.kind}" that nothing resolves`];
      return [];
    });
    if (problems.length > 0) throw new Error(`Access declarations are incomplete: ${problems.join('; ')}`);
  }
}
