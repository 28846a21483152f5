/**
 * Every number lesson 13 (content/13-language-model/{en,zh}.md) quotes that can be worked out by hand, recomputed
 * here with plain arithmetic. Nothing is parsed from the Markdown: each expectation is the value written in the
 * text, so a change on either side fails here.
 *
 * Not here: the figures only the tiny-gpt widget can produce (corpus sizes, the baselines on the real corpora,
 * the steps to pass them, sample quality, the default model's size): language-model-widget.test.ts.
 *
 * GPT-2's token splits are not recomputed: GPT-2's tokenizer is no dependency of this project. They were read
 * once from GPT-2's byte-level BPE ranks (the `gpt2` ranks of js-tiktoken 1.0.21, the same merges as GPT-2's
 * own files) and are written below as byte strings; the tests check that each split reassembles the text's
 * UTF-8 bytes and has the length the lesson quotes.
 */
import { describe, expect, it } from 'vitest';

const utf8 = (text: string) => [...new TextEncoder().encode(text)];
const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
const fixed = (x: number, digits = 3) => x.toFixed(digits);

describe('the chain rule', () => {
  it('1/8 · 1/2 · 1/4 = 1/64: 3 + 1 + 2 = 6 bits, 2 bits per character', () => {
    const factors = [1 / 8, 1 / 2, 1 / 4];
    const p = factors.reduce((a, b) => a * b, 1);
    expect(p).toBe(1 / 64);
    expect(factors.map((f) => -Math.log2(f))).toEqual([3, 1, 2]);
    expect(-Math.log2(p)).toBe(6);
    expect(-Math.log2(p) / 3).toBe(2);
  });
});

/** Byte-pair encoding on words with counts: merge the most frequent adjacent pair, `merges` times. */
function bpe(words: Record<string, number>, merges: number) {
  let split: [string[], number][] = Object.entries(words).map(([w, n]) => [[...w], n]);
  const vocabulary = new Set(Object.keys(words).flatMap((w) => [...w]));
  const steps: { pair: string; count: number; runnerUp: number; symbols: number }[] = [];
  const symbols = () => split.reduce((sum, [s, n]) => sum + s.length * n, 0);
  const initial = { symbols: symbols(), vocabulary: vocabulary.size };
  const learned: [string, string][] = [];
  for (let m = 0; m < merges; m++) {
    const counts = new Map<string, number>();
    for (const [s, n] of split)
      for (let i = 0; i + 1 < s.length; i++) counts.set(`${s[i]} ${s[i + 1]}`, (counts.get(`${s[i]} ${s[i + 1]}`) ?? 0) + n);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [pair, count] = ranked[0];
    const [a, b] = pair.split(' ');
    learned.push([a, b]);
    vocabulary.add(a + b);
    split = split.map(([s, n]) => [apply(s, a, b), n]);
    steps.push({ pair, count, runnerUp: ranked[1][1], symbols: symbols() });
  }
  return {
    initial,
    steps,
    vocabulary: vocabulary.size,
    split,
    encode: (w: string) => learned.reduce((s, [a, b]) => apply(s, a, b), [...w]),
  };
}

function apply(s: string[], a: string, b: string) {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    if (i + 1 < s.length && s[i] === a && s[i + 1] === b) {
      out.push(a + b);
      i++;
    } else out.push(s[i]);
  }
  return out;
}

describe('byte-pair encoding by hand: sing 5, singer 2, ring 3, thing 2, in 2', () => {
  const run = bpe({ sing: 5, singer: 2, ring: 3, thing: 2, in: 2 }, 3);

  it('starts from 8 letters and 58 symbols: 4·5 + 6·2 + 4·3 + 5·2 + 2·2', () => {
    expect(run.initial).toEqual({ symbols: 58, vocabulary: 8 });
    expect(4 * 5 + 6 * 2 + 4 * 3 + 5 * 2 + 2 * 2).toBe(58);
  });

  it('merges "i n" (14, then "n g" with 12), "in g" (12), "s ing" (7), each a clear winner: 44, 32, 25 symbols', () => {
    expect(run.steps).toEqual([
      { pair: 'i n', count: 14, runnerUp: 12, symbols: 44 },
      { pair: 'in g', count: 12, runnerUp: 7, symbols: 32 },
      { pair: 's ing', count: 7, runnerUp: 3, symbols: 25 },
    ]);
    expect(5 + 2 + 3 + 2 + 2).toBe(14);
    expect(run.vocabulary).toBe(11);
    expect(run.split.map(([s]) => s.join(' '))).toEqual(['sing', 'sing e r', 'r ing', 't h ing', 'in']);
  });

  it('new words: singing = sing + ing, sting = s + t + ing', () => {
    expect(run.encode('singing')).toEqual(['sing', 'ing']);
    expect(run.encode('sting')).toEqual(['s', 't', 'ing']);
  });

  it('GPT-2: 256 bytes + 50,000 merges + 1 end-of-text token = 50,257; unbelievable = un + bel + iev + able', () => {
    expect(256 + 50_000 + 1).toBe(50_257);
    expect(['un', 'bel', 'iev', 'able'].join('')).toBe('unbelievable');
  });
});

describe('UTF-8 by hand', () => {
  /** The 3-byte pattern 1110xxxx 10xxxxxx 10xxxxxx filled with a code point's 16 bits, split 4 + 6 + 6. */
  const threeBytes = (code: number) => [0b1110_0000 | (code >> 12), 0b1000_0000 | ((code >> 6) & 0x3f), 0b1000_0000 | (code & 0x3f)];

  it('月 = U+6708 = 0110 0111 0000 1000 → 0110 | 011100 | 001000 → E6 9C 88', () => {
    expect('月'.codePointAt(0)).toBe(0x6708);
    expect((0x6708).toString(2).padStart(16, '0')).toBe('0110011100001000');
    expect([0x6708 >> 12, (0x6708 >> 6) & 0x3f, 0x6708 & 0x3f].map((x, i) => x.toString(2).padStart(i ? 6 : 4, '0'))).toEqual([
      '0110',
      '011100',
      '001000',
    ]);
    expect(threeBytes(0x6708).map((b) => b.toString(2))).toEqual(['11100110', '10011100', '10001000']);
    expect(hex(threeBytes(0x6708))).toBe('E6 9C 88');
    expect(hex(utf8('月'))).toBe('E6 9C 88');
  });

  it('光 = U+5149 = 0101 0001 0100 1001 → 0101 | 000101 | 001001 → E5 85 89', () => {
    expect('光'.codePointAt(0)).toBe(0x5149);
    expect((0x5149).toString(2).padStart(16, '0')).toBe('0101000101001001');
    expect([0x5149 >> 12, (0x5149 >> 6) & 0x3f, 0x5149 & 0x3f].map((x, i) => x.toString(2).padStart(i ? 6 : 4, '0'))).toEqual([
      '0101',
      '000101',
      '001001',
    ]);
    expect(hex(threeBytes(0x5149))).toBe('E5 85 89');
    expect(hex(utf8('光'))).toBe('E5 85 89');
  });

  it('ASCII takes 1 byte (8 bits), a common Chinese character 3 (24 bits)', () => {
    expect(utf8('a')).toHaveLength(1);
    expect(utf8('智')).toHaveLength(3);
    expect(3 * 8).toBe(24);
  });
});

describe("GPT-2's tokens (splits read from its BPE ranks, checked against the bytes)", () => {
  const bytes = (h: string) => h.split(' ').map((b) => parseInt(b, 16));
  const GPT2 = {
    光: ['E5 85 89'],
    月: ['E6 9C', '88'],
    智: ['E6', '99', 'BA'],
    床前明月光: ['E5 BA', '8A', 'E5 89', '8D', 'E6 98', '8E', 'E6 9C', '88', 'E5 85 89'],
    人工智能是一种: ['E4 BA BA', 'E5 B7', 'A5', 'E6', '99', 'BA', 'E8 83', 'BD', 'E6 98 AF', 'E4 B8 80', 'E7', 'A7', '8D'],
  } as const;

  it('each split reassembles the UTF-8 bytes', () => {
    for (const [text, tokens] of Object.entries(GPT2)) expect(tokens.flatMap(bytes), text).toEqual(utf8(text));
    const english = ['Sh', 'all', ' I', ' compare', ' thee', ' to', ' a', ' summer', "'s", ' day', '?'];
    expect(english.join('')).toBe("Shall I compare thee to a summer's day?");
  });

  it('光 1 token, 月 2, 智 3; 床前明月光: 5 characters, 15 bytes, 9 tokens; 人工智能是一种: 7, 21, 13', () => {
    expect([GPT2.光.length, GPT2.月.length, GPT2.智.length]).toEqual([1, 2, 3]);
    expect([[...'床前明月光'].length, utf8('床前明月光').length, GPT2.床前明月光.length]).toEqual([5, 15, 9]);
    expect([[...'人工智能是一种'].length, utf8('人工智能是一种').length, GPT2.人工智能是一种.length]).toEqual([7, 21, 13]);
  });

  it('the English line: 39 characters in 11 tokens, about 3.5 per token; the Chinese prompt about 0.54', () => {
    expect("Shall I compare thee to a summer's day?".length).toBe(39);
    expect(utf8("Shall I compare thee to a summer's day?")).toHaveLength(39);
    expect(fixed(39 / 11, 1)).toBe('3.5');
    expect(fixed(7 / 13, 2)).toBe('0.54');
  });
});

describe('teacher forcing', () => {
  it('床前明月光 and "to be or not": inputs and targets shifted by one', () => {
    const zh = [...'床前明月光'];
    expect([zh.slice(0, -1).join(''), zh.slice(1).join('')]).toEqual(['床前明月', '前明月光']);
    const en = 'to be or not';
    expect(en).toHaveLength(12);
    expect([en.slice(0, -1), en.slice(1)]).toEqual(['to be or no', 'o be or not']);
    expect(en.slice(0, 2)).toBe('to');
    expect(en[2]).toBe(' ');
  });

  it('a quatrain with its punctuation is 4 × (5 + 1) = 24 characters; 32 windows of 24 give 768 predictions', () => {
    expect([...'白日依山尽，黄河入海流。欲穷千里目，更上一层楼。']).toHaveLength(4 * (5 + 1));
    expect(4 * (5 + 1)).toBe(24);
    expect(32 * 24).toBe(768);
  });
});

describe('nats, bits and perplexity', () => {
  it('1 nat = 1/ln 2 ≈ 1.443 bits', () => {
    expect(fixed(1 / Math.LN2)).toBe('1.443');
  });

  it('perplexity 2^bits: 2 bits → 4, 3 bits → 8; e^3 ≈ 20.1 is the nats mistake', () => {
    expect(2 ** 2).toBe(4);
    expect(2 ** 3).toBe(8);
    expect(fixed(Math.exp(3), 1)).toBe('20.1');
  });

  it('a blind guess over 65 characters: log2 65 ≈ 6.02 bits, ln 65 ≈ 4.17 nats, perplexity 65', () => {
    expect(fixed(Math.log2(65), 2)).toBe('6.02');
    expect(fixed(Math.log(65), 2)).toBe('4.17');
    expect(2 ** Math.log2(65)).toBeCloseTo(65, 10);
  });

  it('2 bits per GPT-2 token on 13 tokens = 26 bits over 7 characters ≈ 3.71 bits per character', () => {
    expect(2 * 13).toBe(26);
    expect(fixed(26 / 7, 2)).toBe('3.71');
  });
});

/** Counts of a training text: characters, adjacent pairs and how often each character is followed by anything. */
function counts(text: string) {
  const unigram = new Map<string, number>();
  const pairs = new Map<string, number>();
  const followed = new Map<string, number>();
  for (const c of text) unigram.set(c, (unigram.get(c) ?? 0) + 1);
  for (let i = 0; i + 1 < text.length; i++) {
    pairs.set(text.slice(i, i + 2), (pairs.get(text.slice(i, i + 2)) ?? 0) + 1);
    followed.set(text[i], (followed.get(text[i]) ?? 0) + 1);
  }
  const pUni = (v: string) => (unigram.get(v) ?? 0) / text.length;
  const pBi = (u: string, v: string) => (followed.get(u) ? (pairs.get(u + v) ?? 0) / followed.get(u)! : 0);
  return { pUni, pBi, pMix: (lambda: number) => (u: string, v: string) => lambda * pBi(u, v) + (1 - lambda) * pUni(v) };
}

/** Mean bits per character over positions 2…n (each scored given the previous character). */
function bits(text: string, p: (u: string, v: string) => number) {
  let total = 0;
  for (let i = 1; i < text.length; i++) total += -Math.log2(p(text[i - 1], text[i]));
  return total / (text.length - 1);
}

describe('the baselines by hand: trained on "banana", tested on "naan"', () => {
  const m = counts('banana');

  it('unigram p(a) = 1/2, p(n) = 1/3, p(b) = 1/6; bigram p(a|b) = p(n|a) = p(a|n) = 1, else 0', () => {
    expect([m.pUni('a'), m.pUni('n'), m.pUni('b')]).toEqual([1 / 2, 1 / 3, 1 / 6]);
    expect([m.pBi('b', 'a'), m.pBi('a', 'n'), m.pBi('n', 'a')]).toEqual([1, 1, 1]);
    expect([m.pBi('a', 'a'), m.pBi('a', 'b'), m.pBi('n', 'n')]).toEqual([0, 0, 0]);
  });

  it('on the training text: unigram (3·1 + 2 log2 3)/5 ≈ 1.234 bits, bigram 0 bits', () => {
    expect(fixed(bits('banana', (_, v) => m.pUni(v)))).toBe('1.234');
    expect(fixed((3 * 1 + 2 * Math.log2(3)) / 5)).toBe('1.234');
    expect(bits('banana', m.pBi)).toBe(0);
  });

  it('on "naan": unigram 1/2 · 1/2 · 1/3 = 1/12, log2 12 / 3 ≈ 1.195 bits, perplexity 12^(1/3) ≈ 2.29; the pure bigram is infinite', () => {
    expect((1 / 2) * (1 / 2) * (1 / 3)).toBe(1 / 12);
    expect(fixed(bits('naan', (_, v) => m.pUni(v)))).toBe('1.195');
    expect(fixed(Math.log2(12) / 3)).toBe('1.195');
    expect(fixed(12 ** (1 / 3), 2)).toBe('2.29');
    expect(2 ** bits('naan', (_, v) => m.pUni(v))).toBeCloseTo(12 ** (1 / 3), 12);
    expect(m.pBi('a', 'a')).toBe(0);
    expect(bits('naan', m.pBi)).toBe(Infinity);
  });

  it('interpolated with λ = 1/2: 3/4, 1/4, 2/3, product 1/8 = 3 bits, 1 bit per letter, perplexity 2', () => {
    const p = m.pMix(1 / 2);
    expect([p('n', 'a'), p('a', 'a'), p('a', 'n')]).toEqual([3 / 4, 1 / 4, 2 / 3]);
    expect((3 / 4) * (1 / 4) * (2 / 3)).toBe(1 / 8);
    expect(bits('naan', p)).toBeCloseTo(1, 12);
    expect(2 ** bits('naan', p)).toBeCloseTo(2, 12);
  });

  it('with λ = 3/4: 7/8, 1/8, 5/6, product 35/384, ≈ 1.152 bits per letter', () => {
    const p = m.pMix(3 / 4);
    expect(p('n', 'a')).toBeCloseTo(7 / 8, 12);
    expect(p('a', 'a')).toBeCloseTo(1 / 8, 12);
    expect(p('a', 'n')).toBeCloseTo(5 / 6, 12);
    expect((7 / 8) * (1 / 8) * (5 / 6)).toBeCloseTo(35 / 384, 15);
    expect(fixed(bits('naan', p))).toBe('1.152');
    expect(fixed(Math.log2(384 / 35) / 3)).toBe('1.152');
  });
});

/** softmax(z/T), then keep the top k or the smallest set reaching p (sorted by probability), renormalized. */
function sample(z: number[], { T = 1, k, p }: { T?: number; k?: number; p?: number } = {}) {
  const e = z.map((x) => Math.exp(x / T));
  const total = e.reduce((a, b) => a + b, 0);
  const probs = e.map((x) => x / total);
  const order = probs.map((_, i) => i).sort((a, b) => probs[b] - probs[a]);
  let keep = order.length;
  if (k !== undefined) keep = Math.min(keep, k);
  if (p !== undefined) {
    let sum = 0;
    keep = order.findIndex((i) => (sum += probs[i]) >= p - 1e-12) + 1;
  }
  const kept = new Set(order.slice(0, keep));
  const keptTotal = order.slice(0, keep).reduce((a, i) => a + probs[i], 0);
  return { probs, kept: keep, filtered: probs.map((q, i) => (kept.has(i) ? q / keptTotal : 0)) };
}

describe('sampling, worked on five candidates with e^z = 8, 4, 2, 1, 1', () => {
  const z = [Math.log(8), Math.log(4), Math.log(2), 0, 0];
  const col = (q: number[], digits = 3) => q.map((x) => fixed(x, digits));

  it('the logits ≈ (2.079, 1.386, 0.693, 0, 0); T = 1 gives 8/16, 4/16, 2/16, 1/16, 1/16', () => {
    expect(col(z)).toEqual(['2.079', '1.386', '0.693', '0.000', '0.000']);
    expect(sample(z).probs.map((x) => Number(x.toFixed(12)))).toEqual([0.5, 0.25, 0.125, 0.0625, 0.0625]);
  });

  it('T = 0.5: 64, 16, 4, 1, 1 over 86 → 0.744, 0.186, 0.047, 0.012, 0.012', () => {
    expect(64 + 16 + 4 + 1 + 1).toBe(86);
    expect(col(sample(z, { T: 0.5 }).probs)).toEqual(['0.744', '0.186', '0.047', '0.012', '0.012']);
    expect(fixed(64 / 86)).toBe('0.744');
  });

  it('T = 2: 2√2, 2, √2, 1, 1 over 4 + 3√2 ≈ 8.243 → 0.343, 0.243, 0.172, 0.121, 0.121', () => {
    expect(fixed(4 + 3 * Math.SQRT2)).toBe('8.243');
    expect(col(sample(z, { T: 2 }).probs)).toEqual(['0.343', '0.243', '0.172', '0.121', '0.121']);
  });

  it('top-k, k = 2: 2/3 and 1/3', () => {
    const { filtered, kept } = sample(z, { k: 2 });
    expect(kept).toBe(2);
    expect(col(filtered)).toEqual(['0.667', '0.333', '0.000', '0.000', '0.000']);
  });

  it('top-p, p = 0.8: running sums 0.5, 0.75, 0.875 → three kept, 8/14, 4/14, 2/14 ≈ 0.571, 0.286, 0.143', () => {
    const { filtered, kept } = sample(z, { p: 0.8 });
    expect(kept).toBe(3);
    expect(col(filtered)).toEqual(['0.571', '0.286', '0.143', '0.000', '0.000']);
    expect(filtered[0]).toBeCloseTo(4 / 7, 12);
  });

  it('top-p 0.8 after T = 0.5 keeps two (0.744, 0.930): 64/80 = 0.8 and 0.2; after T = 2 four (0.343, 0.586, 0.757, 0.879)', () => {
    const sharp = sample(z, { T: 0.5, p: 0.8 });
    expect(col([sharp.probs[0], sharp.probs[0] + sharp.probs[1]])).toEqual(['0.744', '0.930']);
    expect(sharp.kept).toBe(2);
    expect(col(sharp.filtered, 1)).toEqual(['0.8', '0.2', '0.0', '0.0', '0.0']);
    const flat = sample(z, { T: 2, p: 0.8 });
    let sum = 0;
    expect(col(flat.probs.slice(0, 4).map((q) => (sum += q)))).toEqual(['0.343', '0.586', '0.757', '0.879']);
    expect(flat.kept).toBe(4);
  });

  it('quiz: top-p 0.7 keeps two, the first at 0.5/0.75 = 2/3', () => {
    const { kept, filtered } = sample(z, { p: 0.7 });
    expect(kept).toBe(2);
    expect(filtered[0]).toBeCloseTo(2 / 3, 12);
  });

  it('T → 0 is greedy decoding; T → ∞ tends to 1/V each', () => {
    expect(sample(z, { T: 0.01 }).probs[0]).toBeCloseTo(1, 12);
    for (const q of sample(z, { T: 1e6 }).probs) expect(q).toBeCloseTo(1 / 5, 5);
  });
});

describe('greedy decoding with a finite context must loop', () => {
  it('a deterministic next character from the last c characters ends in a cycle (pigeonhole)', () => {
    // Any fixed rule will do: here an arbitrary hash of the window over a 5-letter alphabet, c = 4.
    const c = 4;
    const next = (w: string) => 'abcde'[[...w].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 9973, 7) % 5];
    let text = 'abca';
    const seen = new Map<string, number>();
    while (!seen.has(text.slice(-c))) {
      seen.set(text.slice(-c), text.length);
      text += next(text.slice(-c));
    }
    expect(seen.size).toBeLessThanOrEqual(5 ** c);
    const start = seen.get(text.slice(-c))!;
    const period = text.length - start;
    for (let i = 0; i < 3 * period; i++) text += next(text.slice(-c));
    for (let i = start; i + period < text.length; i++) expect(text[i + period]).toBe(text[i]);
  });
});

describe('a key-value cache', () => {
  it('100 tokens: 1 + 2 + … + 100 = 5,050 positions without a cache, 100 with one', () => {
    expect(Array.from({ length: 100 }, (_, i) => i + 1).reduce((a, b) => a + b, 0)).toBe(5050);
  });

  it('GPT-3 keeps 2 × 96 × 12,288 = 2,359,296 numbers per token', () => {
    expect(2 * 96 * 12_288).toBe(2_359_296);
  });
});

describe('what scale changes', () => {
  /** Lesson 12's count: embeddings, positions, blocks of 12d² + 13d, a final layer norm; output tied to the embeddings. */
  const gpt2 = (layers: number, d: number) => 50_257 * d + 1024 * d + layers * (12 * d * d + 13 * d) + 2 * d;

  it('the smallest GPT-2 (12 blocks, d = 768): 124,439,808 parameters, about 124 million (1.24 亿)', () => {
    expect(gpt2(12, 768)).toBe(124_439_808);
    expect(fixed(gpt2(12, 768) / 1e8, 2)).toBe('1.24');
  });

  it('the largest GPT-2 (48 blocks, d = 1600): 1,557,611,200, about 1.56 billion (15.6 亿)', () => {
    expect(gpt2(48, 1600)).toBe(1_557_611_200);
    expect(fixed(gpt2(48, 1600) / 1e9, 2)).toBe('1.56');
    expect(fixed(gpt2(48, 1600) / 1e8, 1)).toBe('15.6');
  });

  it('GPT-3: 175 billion = 1750 亿, not 175 亿; 6 × 175e9 × 300e9 ≈ 3.15e23 FLOPs', () => {
    expect(175e9).toBe(1750 * 1e8);
    expect(175e9 / 1e8).not.toBe(175);
    expect(6 * 175e9 * 300e9).toBeCloseTo(3.15e23, -20);
  });

  it("the smallest GPT-2's weights at 4 bytes each: about 500 MB", () => {
    expect(Math.round((gpt2(12, 768) * 4) / 1e8) * 100).toBe(500);
  });
});

describe("the source article's GPT-2 call", () => {
  it('max_length = 50 less the 13 prompt tokens leaves 37 new tokens: 12 to 37 Chinese characters', () => {
    expect(50 - 13).toBe(37);
    expect(Math.floor(37 / 3)).toBe(12);
    expect(Math.floor(37 / 1)).toBe(37);
  });
});
