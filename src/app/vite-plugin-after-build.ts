/** A build-only Vite plugin that writes extra files into the output folder once the bundle is written. */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

export function afterBuild(name: string, write: (outDir: string) => void): Plugin {
  let outDir = 'dist';
  return {
    name,
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      write(outDir);
    },
  };
}
