import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule } from './access.decorator';
import { ScopeRegistry } from './scope.registry';

export interface DeclaredRoute {
  controller: string;
  handler: string;
  method: number;
  path: string;
  rule: AccessRule | undefined;
}

/** Every HTTP route with the access rule it declares: the table the access-matrix tests walk. */
@Injectable()
export class AccessDeclarations implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly scopes: ScopeRegistry,
  ) {}

  routes(): DeclaredRoute[] {
    const routes: DeclaredRoute[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base = String(this.reflector.get<string>(PATH_METADATA, type) ?? '');
      for (const handler of this.scanner.getAllMethodNames(type.prototype as object)) {
        const fn = (type.prototype as Record<string, unknown>)[handler] as () => unknown;
        const method = this.reflector.get<number | undefined>(METHOD_METADATA, fn);
        if (method === undefined) continue;
        const path = String(this.reflector.get<string>(PATH_METADATA, fn) ?? '');
        const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [fn, type]);
        routes.push({ controller: type.name, handler, method, path: `/${base}/${path}`.replace(/\/+/g, '/').replace(/\/$/, '') || '/', rule });
      }
    }
    return routes;
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
