import type { OutputKind } from '../../ml/mlp-playground/mlp';
/** The playground's own words, in both languages (kept beside the widget: it has many). */
import type { Lang } from '../../i18n/strings';

const zh = {
  features: ['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂'],
  network: '网络结构',
  output: '输出',
  inputs: '输入特征',
  hiddenLayers: (n: number) => `${n} 个隐藏层`,
  neurons: (n: number) => `${n} 个神经元`,
  addLayer: '增加一个隐藏层',
  removeLayer: '去掉最后一个隐藏层',
  addNeuron: (layer: number) => `第 ${layer} 个隐藏层增加一个神经元`,
  removeNeuron: (layer: number) => `第 ${layer} 个隐藏层减少一个神经元`,
  feature: (name: string, on: boolean) => `输入特征 ${name}（${on ? '已使用，点击停用' : '未使用，点击启用'}）`,
  diagramDescription: (inputs: string, hidden: number[]) =>
    `网络示意图：输入 ${inputs}；${hidden.length ? `隐藏层的神经元数依次为 ${hidden.join('、')}` : '没有隐藏层'}；一个输出。每个神经元画成它在输入平面上的输出热力图，连线的颜色表示权重的正负，粗细表示大小。`,
  plot: '输出热力图与数据',
  plotDescription: (train: number, test: number | null, regression: boolean) =>
    `输入平面上的 ${train} 个训练点${test !== null ? `和 ${test} 个测试点（空心）` : ''}。${regression ? '背景颜色表示网络的输出值。' : '类别 1 为圆点，类别 0 为方块；背景颜色表示网络判为类别 1 的概率，实线是 p = 0.5 的决策边界。'}`,
  trainLoss: '训练损失',
  testLoss: '测试损失',
  testAccuracy: '测试准确率',
  epoch: '轮次（epoch）',
  lossChart: (kind: OutputKind): string =>
    kind === 'linear'
      ? '训练与测试损失（½·均方误差）'
      : kind === 'tanh'
        ? '训练与测试损失（对 ±1 标签的 ½·平方误差）'
        : '训练与测试损失（交叉熵）',
  regenerate: '重新生成数据',
  ownData: '自己的数据',
  csvLabel: '粘贴或打开 CSV（每行 x₁, x₂, 类别 0 或 1；坐标在 −6 到 6 之间）',
  openCsv: '打开 CSV 文件…',
  useCsv: '用这些点训练',
  downloadCsv: '下载当前数据（CSV）',
  csvProblem: {
    empty: '没有读到任何数据点。',
    'too-many': (n: number) => `点太多了：${n} 个，最多 600 个。`,
    'one-class': '数据只有一个类别，至少要有两类。',
    fields: (line: number) => `第 ${line} 行应该正好有三个值：x₁、x₂、类别。`,
    number: (line: number) => `第 ${line} 行有不是数字的值。`,
    label: (line: number) => `第 ${line} 行的类别必须是 0 或 1（也接受 −1 和 1）。`,
    outside: (line: number) => `第 ${line} 行的点超出了 −6 到 6 的范围。`,
  },
  csvLoaded: (n: number) => `已读入 ${n} 个点，训练重新开始。`,
  regressionNoEdit: '回归数据不能点选编辑；换成分类数据集，或导入自己的 CSV。',
};

export type PlaygroundStrings = typeof zh;

const en: PlaygroundStrings = {
  features: ['x₁', 'x₂', 'x₁²', 'x₂²', 'x₁x₂', 'sin x₁', 'sin x₂'],
  network: 'Network',
  output: 'Output',
  inputs: 'Input features',
  hiddenLayers: (n: number) => `${n} hidden layer${n === 1 ? '' : 's'}`,
  neurons: (n: number) => `${n} neuron${n === 1 ? '' : 's'}`,
  addLayer: 'Add a hidden layer',
  removeLayer: 'Remove the last hidden layer',
  addNeuron: (layer: number) => `Add a neuron to hidden layer ${layer}`,
  removeNeuron: (layer: number) => `Remove a neuron from hidden layer ${layer}`,
  feature: (name: string, on: boolean) => `Input feature ${name} (${on ? 'used; press to switch off' : 'not used; press to switch on'})`,
  diagramDescription: (inputs: string, hidden: number[]) =>
    `Network diagram: inputs ${inputs}; ${hidden.length ? `hidden layers of ${hidden.join(', ')} neurons` : 'no hidden layer'}; one output. Each neuron is drawn as a heatmap of its output over the input plane; a connection's colour shows its weight's sign and its width the weight's size.`,
  plot: 'Output heatmap and data',
  plotDescription: (train: number, test: number | null, regression: boolean) =>
    `${train} training points${test !== null ? ` and ${test} test points (hollow)` : ''} in the input plane. ${regression ? "The background shows the network's output value." : "Class 1 as circles, class 0 as squares; the background shows the network's probability of class 1 and the solid line is the p = 0.5 decision boundary."}`,
  trainLoss: 'Training loss',
  testLoss: 'Test loss',
  testAccuracy: 'Test accuracy',
  epoch: 'Epoch',
  lossChart: (kind: OutputKind): string =>
    kind === 'linear'
      ? 'Training and test loss (½·mean squared error)'
      : kind === 'tanh'
        ? 'Training and test loss (½·squared error on labels ±1)'
        : 'Training and test loss (cross-entropy)',
  regenerate: 'Regenerate data',
  ownData: 'Your own data',
  csvLabel: 'Paste or open a CSV (one point per line: x₁, x₂, class 0 or 1; coordinates between −6 and 6)',
  openCsv: 'Open a CSV file…',
  useCsv: 'Train on these points',
  downloadCsv: 'Download the current data (CSV)',
  csvProblem: {
    empty: 'No points found.',
    'too-many': (n: number) => `Too many points: ${n}; 600 at most.`,
    'one-class': 'All points are of one class; two are needed.',
    fields: (line: number) => `Line ${line} should hold exactly three values: x₁, x₂, class.`,
    number: (line: number) => `Line ${line} has a value that is not a number.`,
    label: (line: number) => `The class on line ${line} must be 0 or 1 (−1 and 1 are read too).`,
    outside: (line: number) => `The point on line ${line} lies outside −6 to 6.`,
  },
  csvLoaded: (n: number) => `Read ${n} points; training starts over.`,
  regressionNoEdit: 'Regression data cannot be edited by clicking; choose a classification data set or load your own CSV.',
};

export const PLAYGROUND_STRINGS: Record<Lang, PlaygroundStrings> = { zh, en };
