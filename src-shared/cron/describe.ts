// Words for an expression through cronstrue (Quartz day numbering, 1 = Sunday) in the user's locale.
import * as cronstrueModule from 'cronstrue/i18n';

interface Descriptor {
  toString(expression: string, options: Record<string, unknown>): string;
  locales: Record<string, unknown>;
}

// cronstrue/i18n is CommonJS: Node's ESM loader and Vite's interop put the class at different depths.
function findDescriptor(): Descriptor {
  const ns = cronstrueModule as unknown as { default?: { default?: unknown } };
  const candidates: unknown[] = [ns.default?.default, ns.default, ns];
  for (const c of candidates) {
    if (c && typeof (c as Descriptor).toString === 'function' && typeof (c as Descriptor).locales === 'object') return c as Descriptor;
  }
  throw new Error('cronstrue/i18n did not load');
}

let descriptor: Descriptor | undefined;

/** cronstrue locale code for a BCP 47 tag: 'pt-BR' -> 'pt_BR', 'de-AT' -> 'de', unknown -> 'en'. */
export function cronstrueLocale(tag: string | undefined, known: Record<string, unknown>): string {
  if (!tag) return 'en';
  const parts = tag.replace(/_/g, '-').split('-');
  const lang = (parts[0] ?? '').toLowerCase();
  const region = (parts[1] ?? '').toUpperCase();
  if (region && `${lang}_${region}` in known) return `${lang}_${region}`;
  if (lang in known) return lang;
  // Languages cronstrue only has with a region: pick the first one (zh -> zh_CN, pt -> pt_BR).
  const regional = Object.keys(known).find((k) => k.startsWith(`${lang}_`));
  return regional ?? 'en';
}

export function describe(expression: string, locale: string | undefined, use24HourTimeFormat: boolean | undefined): string {
  descriptor ??= findDescriptor();
  const code = cronstrueLocale(locale, descriptor.locales);
  const options = { dayOfWeekStartIndexZero: false, locale: code, use24HourTimeFormat, throwExceptionOnParseError: true };
  try {
    return descriptor.toString(expression, options);
  } catch {
    try {
      return descriptor.toString(expression, { ...options, locale: 'en' });
    } catch {
      // cronstrue cannot word every Quartz form; never fail the caller over a label.
      return `Quartz schedule ${expression.trim()}`;
    }
  }
}
