import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { REMINDER_KINDS, type ReminderKindInfo, type ReminderKindSource } from './reminder-kind';

/** Every source's kinds, checked: each kind named once, with a title and someone to send it to. */
export function indexKinds(sources: readonly { name: string; source: Partial<ReminderKindSource> }[]): Map<string, ReminderKindSource> {
  const byKind = new Map<string, ReminderKindSource>();
  for (const { name, source } of sources) {
    if (typeof source.find !== 'function' || typeof source.stillDue !== 'function' || typeof source.letter !== 'function')
      throw new Error(`Reminder kinds in ${name} need a finder, a re-check and a letter`);
    if (!source.kinds?.length) throw new Error(`${name} is marked @ReminderKinds() but declares no kind`);
    for (const k of source.kinds) {
      if (byKind.has(k.kind)) throw new Error(`Reminder kind ${k.kind} is declared twice (again in ${name})`);
      if (!k.title || k.to.length === 0) throw new Error(`Reminder kind ${k.kind} needs a title and at least one recipient group`);
      byKind.set(k.kind, source as ReminderKindSource);
    }
  }
  return byKind;
}

/** The reminder kinds every slice contributes, found at boot; a duplicate or a kind without a finder stops the boot. */
@Injectable()
export class ReminderKindRegistry implements OnModuleInit {
  private byKind = new Map<string, ReminderKindSource>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const sources = this.discovery
      .getProviders()
      .flatMap(({ metatype, instance }) =>
        metatype && instance && this.reflector.get<boolean | undefined>(REMINDER_KINDS, metatype)
          ? [{ name: metatype.name, source: instance as Partial<ReminderKindSource> }]
          : [],
      );
    this.byKind = indexKinds(sources);
  }

  /** Each source once, for the sweep to run every finder. */
  sources(): ReminderKindSource[] {
    return [...new Set(this.byKind.values())];
  }

  source(kind: string): ReminderKindSource {
    const source = this.byKind.get(kind);
    if (!source) throw new Error(`No reminder kind ${kind}`);
    return source;
  }

  info(kind: string): ReminderKindInfo {
    return this.source(kind).kinds.find((k) => k.kind === kind)!;
  }

  kinds(): ReminderKindInfo[] {
    return this.sources().flatMap((s) => s.kinds);
  }
}
