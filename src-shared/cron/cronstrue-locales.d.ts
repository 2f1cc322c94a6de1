// cronstrue's per-locale modules ship without types; each registers itself in cronstrue's locale table.
declare module 'cronstrue/locales/*.js';
