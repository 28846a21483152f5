/** rehype-katex reports a formula it cannot parse as a message and draws a red box; we fail the build. */
import type { VFile } from 'vfile';

export function rehypeStrictMath() {
  return (_tree: unknown, file: VFile) => {
    const bad = file.messages.find((message) => message.source === 'rehype-katex');
    if (bad) throw new Error(`${file.path}:${bad.line ?? '?'}: ${bad.reason}: ${String(bad.cause ?? '')}`);
  };
}
