// Words for an expression through cronstrue (Quartz day numbering, 1 = Sunday) in the user's locale.
// English ships with cronstrue itself; every other locale is its own module, fetched on first use, so
// the first screen never parses forty translations. The engine's seam (./index) does not import this.
import * as cronstrueModule from 'cronstrue';
import { quartzReading } from './describe-text';

export interface DescribeOptions {
  /** BCP 47 locale such as 'en', 'de', 'fr'; falls back to English (also while the locale is loading). */
  locale?: string;
  use24HourTimeFormat?: boolean;
}

interface Descriptor {
  toString(expression: string, options: Record<string, unknown>): string;
  locales: Record<string, unknown>;
}

// cronstrue is CommonJS: Node's ESM loader and Vite's interop put the class at different depths.
// Stryker disable all: which candidate holds the class depends on the loader, and each runtime finds one.
function findDescriptor(): Descriptor {
  const ns = cronstrueModule as unknown as { default?: { default?: unknown } };
  const candidates: unknown[] = [ns.default?.default, ns.default, ns];
  for (const c of candidates) {
    if (c && typeof (c as Descriptor).toString === 'function' && typeof (c as Descriptor).locales === 'object') return c as Descriptor;
  }
  throw new Error('cronstrue did not load');
}
// Stryker restore all

let descriptor: Descriptor | undefined;
const cronstrue = (): Descriptor => (descriptor ??= findDescriptor());

// Each module registers itself in cronstrue's locale table when evaluated. Listed one by one so the
// bundler makes one small chunk per locale.
const LOADERS: Record<string, () => Promise<unknown>> = {
  af: () => import('cronstrue/locales/af.js'),
  ar: () => import('cronstrue/locales/ar.js'),
  az: () => import('cronstrue/locales/az.js'),
  be: () => import('cronstrue/locales/be.js'),
  bg: () => import('cronstrue/locales/bg.js'),
  ca: () => import('cronstrue/locales/ca.js'),
  cs: () => import('cronstrue/locales/cs.js'),
  da: () => import('cronstrue/locales/da.js'),
  de: () => import('cronstrue/locales/de.js'),
  es: () => import('cronstrue/locales/es.js'),
  fa: () => import('cronstrue/locales/fa.js'),
  fi: () => import('cronstrue/locales/fi.js'),
  fr: () => import('cronstrue/locales/fr.js'),
  he: () => import('cronstrue/locales/he.js'),
  hr: () => import('cronstrue/locales/hr.js'),
  hu: () => import('cronstrue/locales/hu.js'),
  id: () => import('cronstrue/locales/id.js'),
  it: () => import('cronstrue/locales/it.js'),
  ja: () => import('cronstrue/locales/ja.js'),
  ko: () => import('cronstrue/locales/ko.js'),
  my: () => import('cronstrue/locales/my.js'),
  nb: () => import('cronstrue/locales/nb.js'),
  nl: () => import('cronstrue/locales/nl.js'),
  nn: () => import('cronstrue/locales/nn.js'),
  pl: () => import('cronstrue/locales/pl.js'),
  pt_BR: () => import('cronstrue/locales/pt_BR.js'),
  pt_PT: () => import('cronstrue/locales/pt_PT.js'),
  ro: () => import('cronstrue/locales/ro.js'),
  ru: () => import('cronstrue/locales/ru.js'),
  sk: () => import('cronstrue/locales/sk.js'),
  sl: () => import('cronstrue/locales/sl.js'),
  sr: () => import('cronstrue/locales/sr.js'),
  sv: () => import('cronstrue/locales/sv.js'),
  sw: () => import('cronstrue/locales/sw.js'),
  tg: () => import('cronstrue/locales/tg.js'),
  th: () => import('cronstrue/locales/th.js'),
  tr: () => import('cronstrue/locales/tr.js'),
  uk: () => import('cronstrue/locales/uk.js'),
  vi: () => import('cronstrue/locales/vi.js'),
  zh_CN: () => import('cronstrue/locales/zh_CN.js'),
  zh_TW: () => import('cronstrue/locales/zh_TW.js'),
};

const KNOWN: Record<string, unknown> = { en: true, ...LOADERS };

const loading = new Map<string, Promise<boolean>>();
const listeners = new Set<(code: string) => void>();

/** cronstrue locale code for a BCP 47 tag: 'pt-BR' -> 'pt_BR', 'de-AT' -> 'de', unknown -> 'en'. */
export function cronstrueLocale(tag: string | undefined, known: Record<string, unknown> = KNOWN): string {
  if (!tag) return 'en';
  const parts = tag.replace(/_/g, '-').split('-');
  // Stryker disable next-line StringLiteral: split always gives a first part.
  const lang = (parts[0] ?? '').toLowerCase();
  const region = parts[1]?.toUpperCase();
  if (region && `${lang}_${region}` in known) return `${lang}_${region}`;
  if (lang in known) return lang;
  // Languages cronstrue only has with a region: pick the first one (zh -> zh_CN, pt -> pt_BR).
  const regional = Object.keys(known).find((k) => k.startsWith(`${lang}_`));
  return regional ?? 'en';
}

function isLoaded(code: string): boolean {
  return code in cronstrue().locales;
}

/**
 * Fetches the locale's words (once); resolves true once describe() answers in it (an unknown locale
 * maps to English, which is always there), false when its module could not be loaded.
 */
export function loadDescriptionLocale(tag: string | undefined): Promise<boolean> {
  const code = cronstrueLocale(tag);
  if (isLoaded(code)) return Promise.resolve(true);
  let pending = loading.get(code);
  if (!pending) {
    // Every code but English (always there, answered above) has a loader.
    const load = LOADERS[code] as () => Promise<unknown>;
    pending = load().then(
      () => {
        for (const listener of listeners) listener(code);
        return isLoaded(code);
      },
      // Stryker disable next-line ArrowFunction,BooleanLiteral: only a chunk that fails to download (the renderer offline) gets here.
      () => false,
    );
    loading.set(code, pending);
  }
  return pending;
}

/** Calls `listener` each time a locale arrives, so text already drawn in English can be redrawn. Returns unsubscribe. */
export function onDescriptionLocaleLoaded(listener: (code: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether describe() answers in the tag's locale now (true for English and for loaded locales). */
export function descriptionLocaleReady(tag: string | undefined): boolean {
  return isLoaded(cronstrueLocale(tag));
}

/**
 * Words for the expression in the user's locale. A locale not loaded yet is requested and English is
 * returned meanwhile (see onDescriptionLocaleLoaded). Never throws for a valid expression.
 */
export function describeQuartz(expression: string, options?: DescribeOptions): string {
  const code = cronstrueLocale(options?.locale);
  void loadDescriptionLocale(options?.locale);
  // Stryker disable next-line StringLiteral: cronstrue reads an empty locale as English too.
  return describe(expression, isLoaded(code) ? code : 'en', options?.use24HourTimeFormat);
}

function describe(expression: string, code: string, use24HourTimeFormat: boolean | undefined): string {
  const read = quartzReading(expression);
  const options = { dayOfWeekStartIndexZero: false, locale: code, use24HourTimeFormat, throwExceptionOnParseError: true };
  // cronstrue words some values it cannot read as 'undefined' or 'NaN' (a year of six digits): no words then.
  const worded = (text: string): string => {
    if (/\b(?:undefined|NaN)\b/.test(text)) throw new Error('unworded value');
    return text;
  };
  try {
    return worded(cronstrue().toString(read, options));
  } catch {
    try {
      return worded(cronstrue().toString(read, { ...options, locale: 'en' }));
    } catch {
      // cronstrue cannot word every Quartz form; never fail the caller over a label.
      return `Quartz schedule ${expression.trim()}`;
    }
  }
}
