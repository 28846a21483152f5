/** The CNN widget's words for its data, curves, architecture and saving, in both languages. */
import { countText } from '../../controls/format';
import type { Lang } from '../../i18n/strings';

const zh = {
  loading: (loaded: string, total: string) => `正在下载 MNIST 数字：${loaded} / ${total}`,
  loadingLabel: '下载 MNIST 数据的进度',
  loadFailed: (why: string) => `MNIST 数据没能载入：${why}`,
  retry: '重试',
  credit: 'MNIST 数据集：Yann LeCun、Corinna Cortes、Christopher J. C. Burges，采用 CC BY-SA 3.0 许可。',
  dataLine: (train: number, test: number) => `训练用 ${train} 张，留出的测试集 ${test} 张（模型从不在测试集上训练）`,
  epoch: '轮次（epoch）',
  lossChart: '两个网络的训练损失（每一步那批数据上的交叉熵，对数刻度）',
  accuracyChart: (every: number) => `测试集准确率（每 ${every} 步在全部测试数字上测一次）`,
  cnnSeries: '卷积网络',
  denseSeries: '全连接网络',
  chance: '随机猜测 10%',
  accuracy: '测试集准确率',
  notYet: '尚未测量',
  architecture: '网络结构',
  layer: '层',
  output: '输出形状',
  params: '参数量',
  total: '合计',
  layerNames: {
    input: '输入',
    conv1: '卷积 1 + ReLU',
    pool1: '最大池化 2×2',
    conv2: '卷积 2 + ReLU',
    pool2: '最大池化 2×2',
    flatten: '展平',
    dense: '全连接输出层（softmax 之前的 10 个得分）',
    hidden: '全连接隐藏层 + ReLU',
  },
  denseCaption: (hidden: number) => `对照：全连接网络 784 → ${hidden} → 10`,
  save: '保存模型',
  saving: '正在保存……',
  saved: (stored: boolean): string =>
    stored
      ? '已下载 model.json 与权重文件，并存入本浏览器（IndexedDB），第 15 课可以直接加载。'
      : '已下载 model.json 与权重文件（本浏览器不允许存入 IndexedDB）。',
  saveFailed: (why: string) => `保存失败：${why}`,
};

export type CnnRunStrings = typeof zh;

const en: CnnRunStrings = {
  loading: (loaded, total) => `Downloading MNIST digits: ${loaded} of ${total}`,
  loadingLabel: 'Progress of the MNIST download',
  loadFailed: (why) => `The MNIST data did not load: ${why}`,
  retry: 'Try again',
  credit: 'MNIST data set: Yann LeCun, Corinna Cortes, Christopher J. C. Burges; CC BY-SA 3.0.',
  dataLine: (train, test) => `${countText(train, 'en')} training digits; ${countText(test, 'en')} held-out test digits (never trained on)`,
  epoch: 'Epoch',
  lossChart: 'Training loss of both networks (cross-entropy of each step’s batch, log scale)',
  accuracyChart: (every) => `Held-out accuracy (measured on every test digit each ${every} steps)`,
  cnnSeries: 'Convolutional net',
  denseSeries: 'Dense net',
  chance: 'Chance 10 %',
  accuracy: 'Held-out accuracy',
  notYet: 'not measured yet',
  architecture: 'Architecture',
  layer: 'Layer',
  output: 'Output shape',
  params: 'Parameters',
  total: 'Total',
  layerNames: {
    input: 'Input',
    conv1: 'Convolution 1 + ReLU',
    pool1: 'Max pooling 2×2',
    conv2: 'Convolution 2 + ReLU',
    pool2: 'Max pooling 2×2',
    flatten: 'Flatten',
    dense: 'Dense output (10 scores before softmax)',
    hidden: 'Dense hidden layer + ReLU',
  },
  denseCaption: (hidden) => `For comparison: a dense network 784 → ${hidden} → 10`,
  save: 'Save model',
  saving: 'Saving…',
  saved: (stored) =>
    stored
      ? 'Downloaded model.json and its weights file, and kept a copy in this browser (IndexedDB) for lesson 15.'
      : 'Downloaded model.json and its weights file (this browser refused IndexedDB).',
  saveFailed: (why) => `Saving failed: ${why}`,
};

export const CNN_RUN_STRINGS: Record<Lang, CnnRunStrings> = { zh, en };
