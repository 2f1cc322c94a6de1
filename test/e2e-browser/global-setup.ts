// Builds the renderer once before the workers start, so two workers never build at the same time.
import { ensureRendererBuilt } from '../harness/build';

export default function globalSetup(): void {
  ensureRendererBuilt((line) => console.log(line));
}
