/** The tiny GPT widget's own words, in both languages. */
import { countText, percentText } from '../../controls/format';
import type { CorpusId } from '../../ml/language-model/corpus';
import type { DataLoadStrings } from '../shared/DataLoadProgress';

const bitsText = (v: number) => v.toFixed(2);

const zh = {
  load: (corpus: CorpusId): DataLoadStrings => ({
    loading: (loaded, total) => `正在下载${corpus === 'quatrains' ? '五言绝句' : '莎士比亚'}语料：${loaded} / ${total}`,
    loadingLabel: '下载语料的进度',
    loadFailed: (why) => `语料没能载入：${why}`,
    retry: '重试',
    credit:
      corpus === 'quatrains'
        ? '语料：《全唐诗》中的五言绝句，取自 chinese-poetry 数据库（MIT 许可），构建时用 OpenCC 转为简体。'
        : '语料：tiny-shakespeare（莎士比亚剧作选段，公有领域），取自 karpathy/char-rnn。',
  }),
  lossChart: '损失：每字符比特数（训练批次与留出文本）',
  trainSeries: '训练批次',
  validationSeries: '留出文本',
  unigram: (v: number) => `一元语法 ${bitsText(v)}`,
  bigram: (v: number) => `二元语法 ${bitsText(v)}`,
  validation: '验证损失',
  bitsUnit: '比特/字符',
  summary: (parameters: number, vocabulary: number) => `共 ${parameters} 个参数 · 词表 ${vocabulary} 个字符（含“未知”）`,
  samplesTitle: '模型写的样本',
  samplesNote: (auto: boolean): string =>
    auto ? '训练时每隔几秒换一次样本；采样只读模型，不影响训练。' : '按“再写一段”生成新样本；未训练的模型也能写，只是写出来的是乱码。',
  promptLabel: '开头（可留空）',
  promptHint: (corpus: CorpusId): string => (corpus === 'quatrains' ? '例如：春风' : 'e.g. ROMEO:'),
  sampleAgain: '再写一段',
  sampleOf: (step: number) => (step === 0 ? '未训练的模型写的：' : `第 ${step} 步的模型写的：`),
  sampling: '正在写……',
  wellFormed: (ok: number, total: number) => `格式完整的绝句（四行、每行五字、标点位置正确）：${ok} / ${total}`,
  wordShare: (share: number) => `写出的单词中，训练文本里确有的占 ${percentText(share, 'zh', 0)}`,
  greedyNote: '贪心解码每次都取概率最大的字符：同样的开头永远写出同样的文字，而且常常陷入重复。',
  attentionTitle: '写最后一个字符时，各个注意力头在看哪里',
  attentionCaption: (next: string) =>
    `为了写出“${next}”，模型读的是下面这段上下文；每一行是一个注意力头，颜色越深，这个头给那个字符的权重越大（每行之和为 1）。`,
  headLabel: (layer: number, head: number) => `第 ${layer} 层第 ${head} 个头`,
  weightLabel: (character: string, weight: string) => `“${character}” ${weight}`,
  newline: '换行',
  save: '保存模型',
  saving: '正在保存……',
  saved: (stored: boolean): string =>
    stored
      ? '已下载模型描述与权重文件，并存入本浏览器（IndexedDB），第 15 课可以直接加载。'
      : '已下载模型描述与权重文件（本浏览器不允许存入 IndexedDB）。',
  saveFailed: (why: string) => `保存失败：${why}`,
};

export type TinyGptStrings = typeof zh;

const en: TinyGptStrings = {
  load: (corpus) => ({
    loading: (loaded, total) =>
      `Downloading the ${corpus === 'quatrains' ? 'Tang quatrains' : 'Shakespeare'} corpus: ${loaded} of ${total}`,
    loadingLabel: 'Progress of the corpus download',
    loadFailed: (why) => `The corpus did not load: ${why}`,
    retry: 'Try again',
    credit:
      corpus === 'quatrains'
        ? 'Corpus: the five-character quatrains of the Complete Tang Poems, from the chinese-poetry database (MIT licence), converted to simplified characters with OpenCC at build time.'
        : 'Corpus: tiny-shakespeare (passages of Shakespeare’s plays, public domain), from karpathy/char-rnn.',
  }),
  lossChart: 'Loss in bits per character (training batches and held-out text)',
  trainSeries: 'Training batch',
  validationSeries: 'Held-out text',
  unigram: (v) => `Unigram ${bitsText(v)}`,
  bigram: (v) => `Bigram ${bitsText(v)}`,
  validation: 'Held-out loss',
  bitsUnit: 'bits/char',
  summary: (parameters, vocabulary) =>
    `${countText(parameters, 'en')} parameters · ${countText(vocabulary, 'en')} characters in the vocabulary (with “unknown”)`,
  samplesTitle: 'What the model writes',
  samplesNote: (auto) =>
    auto
      ? 'While it trains, a new sample appears every few seconds; sampling only reads the model and does not change training.'
      : 'Press “Write again” for a new sample. An untrained model writes too — noise.',
  promptLabel: 'Start with (optional)',
  promptHint: (corpus) => (corpus === 'quatrains' ? '例如：春风' : 'e.g. ROMEO:'),
  sampleAgain: 'Write again',
  sampleOf: (step) => (step === 0 ? 'Written by the untrained model:' : `Written by the model of step ${countText(step, 'en')}:`),
  sampling: 'Writing…',
  wellFormed: (ok, total) => `Well-formed quatrains (four lines of five characters, punctuation in place): ${ok} of ${total}`,
  wordShare: (share) => `Words written that occur in the training text: ${percentText(share, 'en', 0)}`,
  greedyNote:
    'Greedy decoding always takes the most probable character: the same start always gives the same text, and it often falls into a loop.',
  attentionTitle: 'Where each attention head looks to write the last character',
  attentionCaption: (next) =>
    `To write “${next}”, the model read the context below. Each row is one attention head; the darker a character, the more weight that head gives it (each row sums to 1).`,
  headLabel: (layer, head) => `Layer ${layer}, head ${head}`,
  weightLabel: (character, weight) => `“${character}” ${weight}`,
  newline: 'new line',
  save: 'Save model',
  saving: 'Saving…',
  saved: (stored) =>
    stored
      ? 'Downloaded the model’s description and its weights file, and kept a copy in this browser (IndexedDB) for lesson 15.'
      : 'Downloaded the model’s description and its weights file (this browser refused IndexedDB).',
  saveFailed: (why) => `Saving failed: ${why}`,
};

export const TINY_GPT_STRINGS = { zh, en } as const;
