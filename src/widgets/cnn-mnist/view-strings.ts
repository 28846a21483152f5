/** The CNN widget's words for what it shows inside the network, in both languages. */
import type { Lang } from '../../i18n/strings';
import type { MapLayer } from './FeatureMaps';

const zhLayer: Record<MapLayer, string> = { conv1: '卷积 1', pool1: '池化 1', conv2: '卷积 2', pool2: '池化 2' };
const enLayer: Record<MapLayer, string> = { conv1: 'Convolution 1', pool1: 'Pooling 1', conv2: 'Convolution 2', pool2: 'Pooling 2' };
const n = (v: number) => v.toPrecision(2);

const zh = {
  filtersCaption: (count: number, f: number) => `第 1 层的 ${count} 个 ${f}×${f} 卷积核（蓝为负，红为正），以及最近一步的梯度`,
  weights: (scale: number) => `权重（颜色范围 ±${n(scale)}）`,
  gradients: (scale: number) => `梯度 ∂L/∂w（颜色范围 ±${n(scale)}）`,
  filterLabel: (k: number) => `第 1 层第 ${k + 1} 个卷积核`,
  gradientLabel: (k: number) => `第 1 层第 ${k + 1} 个卷积核的梯度`,
  mapsCaption: '这个数字在每一层的特征图（每层各自按 0 到该层最大值着色）。点一下“卷积 2”的某张特征图，下面会列出其中一个像素的计算过程。',
  layerLine: (layer: MapLayer, side: number, channels: number, f: number) =>
    `${zhLayer[layer]}：${channels} 张 ${side}×${side}${layer.startsWith('conv') ? `（${f}×${f} 卷积核 + ReLU）` : '（2×2 取最大值）'}`,
  mapLabel: (layer: MapLayer, k: number) => `${zhLayer[layer]} 的第 ${k + 1} 张特征图`,
  arithmeticCaption: (k: number, y: number, x: number, f: number, channels: number) =>
    `第 2 层第 ${k} 张特征图在第 ${y} 行、第 ${x} 列的值：在 ${channels} 个输入通道上各取一块 ${f}×${f} 的区域，与卷积核逐项相乘再求和；各通道的和相加，再加上偏置，最后过 ReLU`,
  row: '行',
  column: '列',
  patchLabel: (c: number) => `输入通道 ${c} 上的区域`,
  kernelLabel: (c: number, k: number) => `第 ${k} 个卷积核在输入通道 ${c} 上的权重`,
  productsSummary: '展开第 1 个输入通道的逐项乘积（输入 · 权重）',
  firstChannelSum: (sum: string) => `这些乘积之和：${sum}`,
  pickGroup: '选一张测试集里的数字',
  previous: '上一张',
  next: '下一张',
  testDigit: '测试数字 #',
  seenLabel: '网络看到的 28 × 28 图像',
  seenDrawn: '你写的数字，按 MNIST 的方式预处理成 28 × 28',
  seenTest: (index: number, label: number) => `测试数字 #${index}，标签是 ${label}`,
  cnnProbabilities: '卷积网络的判断',
  denseProbabilities: '全连接网络的判断',
  confusionTitle: '测试集上的混淆矩阵（上一次测量）',
};

export type CnnViewStrings = typeof zh;

const en: CnnViewStrings = {
  filtersCaption: (count, f) =>
    `The first layer's ${count} filters, ${f}×${f} each (blue negative, red positive), and their gradients at the last step`,
  weights: (scale) => `Weights (colours span ±${n(scale)})`,
  gradients: (scale) => `Gradients ∂L/∂w (colours span ±${n(scale)})`,
  filterLabel: (k) => `Layer 1 filter ${k + 1}`,
  gradientLabel: (k) => `Gradient of layer 1 filter ${k + 1}`,
  mapsCaption:
    "This digit's feature maps at every layer (each layer shaded from 0 to its largest value). Pick a map of the second convolution to see one of its pixels computed below.",
  layerLine: (layer, side, channels, f) =>
    `${enLayer[layer]}: ${channels} maps of ${side}×${side}${layer.startsWith('conv') ? ` (${f}×${f} kernels + ReLU)` : ' (largest of each 2×2)'}`,
  mapLabel: (layer, k) => `${enLayer[layer]}, map ${k + 1}`,
  arithmeticCaption: (k, y, x, f, channels) =>
    `Map ${k} of the second convolution at row ${y}, column ${x}: in each of the ${channels} input channels an ${f}×${f} patch times the kernel, summed; the channels' sums plus the bias; then ReLU`,
  row: 'Row',
  column: 'Column',
  patchLabel: (c) => `Patch of input channel ${c}`,
  kernelLabel: (c, k) => `Weights of filter ${k} on input channel ${c}`,
  productsSummary: 'The first input channel term by term (input · weight)',
  firstChannelSum: (sum) => `Their sum: ${sum}`,
  pickGroup: 'Pick a test digit',
  previous: 'Previous',
  next: 'Next',
  testDigit: 'Test digit no.',
  seenLabel: 'The 28×28 image the networks see',
  seenDrawn: 'Your digit, prepared as MNIST’s were, at 28×28',
  seenTest: (index, label) => `Test digit ${index}, labelled ${label}`,
  cnnProbabilities: 'The convolutional net says',
  denseProbabilities: 'The dense net says',
  confusionTitle: 'Confusion matrix on the test digits (last measurement)',
};

export const CNN_VIEW_STRINGS: Record<Lang, CnnViewStrings> = { zh, en };
