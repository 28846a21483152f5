import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precacheList } from '../../src/offline/vite-plugin-offline';

describe('precacheList', () => {
  it('lists the built files a browser with a service worker needs, and nothing else', () => {
    const dist = mkdtempSync(join(tmpdir(), 'dist-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'data/mnist'), { recursive: true });
    mkdirSync(join(dist, 'data/corpora'), { recursive: true });
    for (const file of [
      'index.html',
      '404.html',
      'sw.js',
      'favicon.svg',
      'assets/index-a1.js',
      'assets/index-a1.js.map',
      'assets/KaTeX_Main-x.woff2',
      'assets/KaTeX_Main-x.woff',
      'assets/KaTeX_Main-x.ttf',
      'assets/tfjs-backend-wasm-simd-b2.wasm',
      'assets/tfjs-backend-wasm-threaded-simd-c3.wasm',
      'data/mnist/manifest.json',
      'data/mnist/train-0.bin.gz',
      'data/mnist/test.bin.gz',
      'data/mnist/LICENSE.txt',
      'data/corpora/manifest.json',
      'data/corpora/quatrains-train.txt.gz',
      'data/corpora/LICENSE.txt',
    ])
      writeFileSync(join(dist, file), file);
    expect(precacheList(dist)).toEqual([
      '/assets/KaTeX_Main-x.woff2',
      '/assets/index-a1.js',
      '/assets/tfjs-backend-wasm-simd-b2.wasm',
      '/favicon.svg',
      '/index.html',
    ]);
  });
});
