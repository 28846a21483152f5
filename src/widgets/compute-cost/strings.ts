/** The compute-cost calculator's own words, in both languages. */
import type { Lang } from '../../i18n/strings';

const zh = {
  hint: '拖动滑块，或在下面的图上点击、拖动你的那个点（聚焦图后也可以用方向键：← → 改参数量，↑ ↓ 改训练词元数），所有数字都会立即重算。',
  results: '训练与推理的开销',
  quantity: '量',
  value: '数值',
  how: '算法',
  flops: '训练计算量 C',
  flopsHow: '6 · N · D',
  ratio: '每个参数的训练词元数',
  ratioHow: 'D ÷ N（计算最优约为 20）',
  hours: '加速器小时',
  hoursHow: 'C ÷ (峰值 × 利用率 × 3600)',
  days: (chips: string) => `在 ${chips} 块加速器上的天数`,
  daysHow: '加速器小时 ÷ 块数 ÷ 24',
  trainCost: '训练成本',
  trainCostHow: '加速器小时 × 每小时价格',
  perToken: '每生成一个词元的计算量',
  perTokenHow: '2 · N',
  perMillion: '每生成一百万个词元的成本',
  perMillionHow: '2 · N · 10⁶ ÷ (峰值 × 利用率 × 3600) × 价格',
  servingCost: '生成全部上线词元的成本',
  servingCostHow: '2 · N · 词元数，按同样的速率和价格',
  peak: (name: string, tflops: string, precision: string) => `${name} 的峰值：每秒 ${tflops} 万亿次 ${precision} 运算（稠密）。`,
  servingNote: '推理按训练的利用率计算，所以是下限：逐个生成词元时，瓶颈常常是显存带宽而不是算力，实际利用率往往更低。',
  priceNote: '价格是你自己的假设：各家云厂商的标价不同，长期合同和自建机房的价格也不同。',
  chartTitle: '参数量与训练词元数（对数坐标）',
  chartLabel: (n: string, d: string) =>
    `参数量与训练词元数的对数坐标图：公开模型的点、计算最优线 D = 20 · N，以及你的配置（N = ${n}，D = ${d}）。聚焦后用方向键移动你的点。`,
  axisN: '参数量 N',
  axisD: '训练词元数 D',
  legendModels: '公开模型（论文数据）',
  legendLine: '计算最优：D = 20 · N',
  legendMine: '你的配置',
  legendOptimum: '同等损失下的计算最优模型（拟合）',
  readout: (n: string, d: string, ratio: string) => `你的配置：N = ${n}，D = ${d}，每个参数 ${ratio} 个词元`,
  tableCaption: '图中公开模型的数据与出处（训练计算量由 6 · N · D 算出，不是论文原文）',
  model: '模型',
  year: '年份',
  params: '参数量',
  tokens: '训练词元',
  perParam: '词元 / 参数',
  computed: '6 · N · D',
  source: '出处',
  breakTitle: '多训练一个小模型，划算吗？',
  breakIntro:
    '按 Chinchilla 实验的损失拟合 L(N, D) = E + A/N^α + B/D^β（Besiroglu 等人 2024 年重新拟合：E = 1.8172，A = 482.01，B = 2085.43，α = 0.3478，β = 0.3658），找出与你的配置损失相同、训练最省的模型，再比较两者“训练 + 推理”的总开销。',
  mine: '你的配置',
  optimum: '同等损失的计算最优模型',
  loss: '拟合的损失（奈特/词元）',
  lifetime: (served: string) => `训练 + 生成 ${served} 个词元的总成本`,
  smaller: (extra: string, saved: string, tokens: string) =>
    `你的模型比同等损失的计算最优模型小：训练多花 ${extra} 次运算，每生成一个词元省 ${saved} 次。生成超过 ${tokens} 个词元以后，多花的训练就赚回来了。`,
  paidBack: '按你设的上线词元数，它已经回本：总成本更低。',
  notYet: '按你设的上线词元数，还没有回本：总成本更高。',
  larger: '你的模型比同等损失的计算最优模型大（训练词元太少）：训练更贵，推理也更贵，没有任何回本点。',
  atOptimum: '你的配置就在计算最优点附近：没有可以换取的推理节省。',
  axisServed: '上线后生成的词元总数',
  axisCost: '训练 + 推理的总成本（美元）',
  legendServed: '你设的上线词元数',
  legendBreakEven: '回本点',
  breakChartLabel: (breakEven: string | null) =>
    `对数坐标图：横轴是上线后生成的词元总数，纵轴是训练加推理的总成本；一条线是你的配置，一条是同等损失的计算最优模型。${
      breakEven ? `两条线在 ${breakEven} 个词元处相交，这就是回本点。` : '两条线不相交：没有回本点。'
    }`,
  fitNote:
    '拟合只在 Chinchilla 实验的范围内（7000 万到 160 多亿参数、50 亿到 5000 亿词元）测过，离得越远越只是外推；损失的数值只能在这个拟合里互相比较。',
};

export type ComputeCostStrings = typeof zh;

const en: ComputeCostStrings = {
  hint: 'Move the sliders, or click and drag your point on the chart below (with the chart focused, the arrow keys work too: ← → change the parameters, ↑ ↓ the training tokens); every figure is recomputed at once.',
  results: 'What training and serving cost',
  quantity: 'Quantity',
  value: 'Value',
  how: 'How',
  flops: 'Training compute C',
  flopsHow: '6 · N · D',
  ratio: 'Training tokens per parameter',
  ratioHow: 'D ÷ N (compute-optimal: about 20)',
  hours: 'Accelerator-hours',
  hoursHow: 'C ÷ (peak × utilization × 3600)',
  days: (chips) => `Days on ${chips} accelerators`,
  daysHow: 'accelerator-hours ÷ chips ÷ 24',
  trainCost: 'Training cost',
  trainCostHow: 'accelerator-hours × price per hour',
  perToken: 'Compute per generated token',
  perTokenHow: '2 · N',
  perMillion: 'Cost per million generated tokens',
  perMillionHow: '2 · N · 10⁶ ÷ (peak × utilization × 3600) × price',
  servingCost: 'Cost of generating all the tokens served',
  servingCostHow: '2 · N · tokens, at the same rate and price',
  peak: (name, tflops, precision) => `Peak of the ${name}: ${tflops} trillion ${precision} operations a second (dense).`,
  servingNote:
    'Serving is priced at the training utilization, so it is a lower bound: generating one token at a time is often limited by memory bandwidth rather than arithmetic, and real utilization is usually lower.',
  priceNote: 'The price is your assumption: cloud list prices differ between providers, and long contracts or owned hardware differ again.',
  chartTitle: 'Parameters and training tokens (log scales)',
  chartLabel: (n, d) =>
    `Log–log chart of parameters against training tokens: published models, the compute-optimal line D = 20 · N, and your configuration (N = ${n}, D = ${d}). Focus it and use the arrow keys to move your point.`,
  axisN: 'Parameters N',
  axisD: 'Training tokens D',
  legendModels: 'Published models (from their papers)',
  legendLine: 'Compute-optimal: D = 20 · N',
  legendMine: 'Your configuration',
  legendOptimum: 'Compute-optimal model of equal loss (fit)',
  readout: (n, d, ratio) => `Your configuration: N = ${n}, D = ${d}, ${ratio} tokens per parameter`,
  tableCaption: 'The published models on the chart and their sources (the training compute is 6 · N · D, computed here, not quoted)',
  model: 'Model',
  year: 'Year',
  params: 'Parameters',
  tokens: 'Training tokens',
  perParam: 'Tokens / parameter',
  computed: '6 · N · D',
  source: 'Source',
  breakTitle: 'Is it worth training a small model for longer?',
  breakIntro:
    'From the loss law fitted to the Chinchilla runs, L(N, D) = E + A/N^α + B/D^β (refitted by Besiroglu et al. 2024: E = 1.8172, A = 482.01, B = 2085.43, α = 0.3478, β = 0.3658), find the model that reaches the same loss as your configuration with the least training compute, then compare the two on training plus serving.',
  mine: 'Your configuration',
  optimum: 'Compute-optimal model of equal loss',
  loss: 'Fitted loss (nats per token)',
  lifetime: (served) => `Training + generating ${served} tokens`,
  smaller: (extra, saved, tokens) =>
    `Your model is smaller than the compute-optimal model of equal loss: it costs ${extra} more FLOPs to train and saves ${saved} FLOPs on every generated token. After ${tokens} tokens served, the longer training has paid for itself.`,
  paidBack: 'At the number of tokens served you set, it has paid for itself: its total cost is lower.',
  notYet: 'At the number of tokens served you set, it has not paid for itself yet: its total cost is higher.',
  larger:
    'Your model is larger than the compute-optimal model of equal loss (too few training tokens): it costs more to train and more to serve, and there is no break-even.',
  atOptimum: 'Your configuration is at about the compute-optimal point: there is no serving saving to trade for.',
  axisServed: 'Tokens served',
  axisCost: 'Training + serving (US$)',
  legendServed: 'Tokens served you set',
  legendBreakEven: 'Break-even',
  breakChartLabel: (breakEven) =>
    `Log–log chart of the lifetime cost, training plus serving, against the tokens served: one line for your configuration, one for the compute-optimal model of equal loss. ${
      breakEven ? `They cross at ${breakEven} tokens, the break-even.` : 'They do not cross: there is no break-even.'
    }`,
  fitNote:
    'The fit was measured only over the Chinchilla runs (70 million to over 16 billion parameters, 5 to 500 billion tokens); the further from them, the more it is an extrapolation. Its loss values compare configurations within the fit only.',
};

export const COMPUTE_COST_STRINGS: Record<Lang, ComputeCostStrings> = { zh, en };
