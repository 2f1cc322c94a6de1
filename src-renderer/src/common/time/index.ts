// The renderer's one time module: wall-clock maths (civil), zone choice and labels (zones), and
// formatting (format). Every view and dialog formats instants through it.
export * from './civil';
export * from './zones';
export * from './format';
