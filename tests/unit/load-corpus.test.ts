import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CORPUS_IDS, corpusFileName, type CorpusFileEntry, type CorpusManifest } from '../../src/ml/language-model/corpus';
import { clearCorpusCache, loadCorpus } from '../../src/widgets/tiny-gpt/load-corpus';

const BASE = 'http://course.test/';
const TEXTS = {
  quatrains: { train: '床前明月光，疑是地上霜。举头望明月，低头思故乡。\n', heldOut: '千山鸟飞绝，万径人踪灭。孤舟蓑笠翁，独钓寒江雪。\n' },
  shakespeare: { train: 'First Citizen:\nBefore we proceed any further, hear me speak.\n', heldOut: 'All:\nSpeak, speak.\n' },
};

interface FakeSite {
  files: Map<string, Uint8Array>;
  manifest: CorpusManifest;
  requests: string[];
}

/** The four texts and a manifest, served whole by a stubbed fetch. */
function fakeSite(): FakeSite {
  const files = new Map<string, Uint8Array>();
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  const entry = (file: string, text: string): CorpusFileEntry => {
    const raw = new TextEncoder().encode(text);
    const gz = new Uint8Array(gzipSync(raw));
    files.set(file, gz);
    const lines = text.split('\n').length - 1;
    return {
      file,
      bytes: gz.length,
      sha256: sha256(gz),
      rawBytes: raw.length,
      rawSha256: sha256(raw),
      characters: [...text].length,
      lines,
    };
  };
  const corpora = Object.fromEntries(
    CORPUS_IDS.map((id) => [
      id,
      { train: entry(corpusFileName(id, 'train'), TEXTS[id].train), heldOut: entry(corpusFileName(id, 'heldOut'), TEXTS[id].heldOut) },
    ]),
  ) as CorpusManifest['corpora'];
  const manifest: CorpusManifest = { corpora, licence: { file: 'LICENSE.txt' } };
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  const site: FakeSite = { files, manifest, requests: [] };
  vi.stubGlobal('fetch', async (input: string) => {
    const url = new URL(input);
    const name = url.pathname.replace('/data/corpora/', '');
    site.requests.push(`${name}${url.search}`);
    const bytes = site.files.get(name);
    return bytes ? new Response(bytes as Uint8Array<ArrayBuffer>) : new Response('no', { status: 404, statusText: 'Not Found' });
  });
  return site;
}

beforeEach(() => clearCorpusCache());
afterEach(() => vi.unstubAllGlobals());

describe('loadCorpus', () => {
  it('fetches the manifest, then the training and held-out texts of the corpus asked for, each once, named with their version', async () => {
    const site = fakeSite();
    const progress: [number, number][] = [];
    const quatrains = await loadCorpus('quatrains', { base: BASE, onProgress: (loaded, total) => progress.push([loaded, total]) });
    expect(quatrains).toEqual(TEXTS.quatrains);
    const { train, heldOut } = site.manifest.corpora.quatrains;
    expect(site.requests).toEqual([
      'manifest.json',
      `quatrains-train.txt.gz?v=${train.sha256.slice(0, 16)}`,
      `quatrains-held-out.txt.gz?v=${heldOut.sha256.slice(0, 16)}`,
    ]);
    expect(progress.at(-1)).toEqual([train.bytes + heldOut.bytes, train.bytes + heldOut.bytes]);

    expect(await loadCorpus('shakespeare', { base: BASE })).toEqual(TEXTS.shakespeare);
    site.requests.length = 0;
    expect(await loadCorpus('quatrains', { base: BASE })).toEqual(TEXTS.quatrains);
    expect(site.requests).toEqual([]);
  });

  it('accepts a text the host already unzipped (Content-Encoding: gzip), checked against the raw SHA-256', async () => {
    const site = fakeSite();
    site.files.set('shakespeare-held-out.txt.gz', new TextEncoder().encode(TEXTS.shakespeare.heldOut));
    expect(await loadCorpus('shakespeare', { base: BASE })).toEqual(TEXTS.shakespeare);
  });

  it('rejects a damaged file, one whose length differs from the manifest, one that is not UTF-8, and an unknown corpus', async () => {
    const site = fakeSite();
    site.files.set('quatrains-train.txt.gz', new TextEncoder().encode('床前明月光'));
    await expect(loadCorpus('quatrains', { base: BASE })).rejects.toThrow(/^Corpus: quatrains-train\.txt\.gz is damaged or out of date/);

    // Without Web Crypto (plain http) the hash cannot be checked: the decoding still is.
    vi.stubGlobal('crypto', {});
    clearCorpusCache();
    await expect(loadCorpus('quatrains', { base: BASE })).rejects.toThrow(
      /^Corpus: quatrains-train\.txt\.gz holds 5 characters, the manifest says 25$/,
    );
    clearCorpusCache();
    site.files.set('quatrains-train.txt.gz', Uint8Array.of(0xe5, 0xba));
    await expect(loadCorpus('quatrains', { base: BASE })).rejects.toThrow(
      /^Corpus: http:\/\/course\.test\/data\/corpora\/quatrains-train\.txt\.gz\?v=[0-9a-f]{16} is not UTF-8 text$/,
    );
    await expect(loadCorpus('tang' as 'quatrains', { base: BASE })).rejects.toThrow(RangeError);
  });

  it('names the manifest when it is missing or not a corpus manifest', async () => {
    const site = fakeSite();
    site.files.delete('manifest.json');
    await expect(loadCorpus('quatrains', { base: BASE })).rejects.toThrow(/^Corpus: .*\/data\/corpora\/manifest\.json answered HTTP 404/);
    site.files.set('manifest.json', new TextEncoder().encode('{"shards": []}'));
    await expect(loadCorpus('quatrains', { base: BASE })).rejects.toThrow(/manifest\.json is not a manifest/);
  });
});
