import type { ModelSource } from '../../engine/protocol';
import type { Lang } from '../../state/params';
import type { DataLoadStrings } from '../shared/DataLoadProgress';

export interface ServingStrings extends DataLoadStrings {
  play: string;
  stop: string;
  reset: string;
  sweep: string;
  sweeping: (size: number) => string;
  rollback: string;
  open: string;
  openHint: string;
  preparing: Record<'backend' | 'training' | 'loading', string>;
  trainingStep: (step: number, steps: number) => string;
  ready: (backend: string) => string;
  source: Record<ModelSource, (steps?: number) => string>;
  stable: string;
  canary: string;
  parameters: (n: string) => string;
  answered: (done: string, all: string) => string;
  throughput: string;
  perSecond: string;
  ms: string;
  version: string;
  requestsCol: string;
  accuracy: string;
  meanCol: string;
  histogramTitle: string;
  histogramAxis: string;
  countAxis: string;
  queueTitle: string;
  queueAxisTime: string;
  queueAxisLength: string;
  sweepTitle: string;
  sweepAxis: string;
  sweepThroughput: string;
  sweepP95: string;
  sweepHint: string;
  histogramLabel: (p50: string, p95: string, p99: string) => string;
  queueLabel: (max: string) => string;
  sweepLabel: string;
  hint: string;
  failed: (why: string) => string;
  openFailed: (why: string) => string;
}

const zhSource: ServingStrings['source'] = {
  'trained-here': (steps) => `本页刚训练的全连接网络（${steps} 步）`,
  'trained-less': (steps) => `同一个网络，只训练了 ${steps} 步`,
  saved: () => '你在第 10 课保存的 CNN（来自浏览器 IndexedDB）',
  files: () => '你打开的模型文件',
};
const enSource: ServingStrings['source'] = {
  'trained-here': (steps) => `the dense network trained on this page (${steps} steps)`,
  'trained-less': (steps) => `the same network trained for only ${steps} steps`,
  saved: () => 'the CNN you saved in lesson 10 (from the browser’s IndexedDB)',
  files: () => 'the model files you opened',
};

export const SERVING_STRINGS: Record<Lang, ServingStrings> = {
  zh: {
    loading: (loaded, total) => `正在下载 MNIST 数字：${loaded} / ${total}`,
    loadingLabel: '下载 MNIST 数据的进度',
    loadFailed: (why) => `MNIST 数据没能载入：${why}`,
    retry: '重试',
    credit: 'MNIST 数据集：Yann LeCun、Corinna Cortes、Christopher J. C. Burges，采用 CC BY-SA 3.0 许可。',
    play: '▶ 发送请求',
    stop: '■ 停止',
    reset: '清空测量',
    sweep: '扫描批大小',
    sweeping: (size) => `正在测量批大小 ${size}…`,
    rollback: '回滚（全部流量回到稳定版）',
    open: '打开模型文件（model.json 和 .bin）',
    openHint: '第 10 课“下载模型”得到的两个文件，一起选中。',
    preparing: { backend: '正在启动推理线程…', training: '正在训练服务用的模型…', loading: '正在载入模型…' },
    trainingStep: (step, steps) => `正在训练服务用的模型：${step} / ${steps} 步`,
    ready: (backend) => `服务已就绪（后端：${backend}）`,
    source: zhSource,
    stable: '稳定版',
    canary: '金丝雀版',
    parameters: (n) => `${n} 个参数`,
    answered: (done, all) => `已应答 ${done} / ${all}`,
    throughput: '吞吐量',
    perSecond: '次/秒',
    ms: '毫秒',
    version: '版本',
    requestsCol: '请求数',
    accuracy: '准确率',
    meanCol: '平均',
    histogramTitle: '延迟分布（实测）',
    histogramAxis: '延迟（毫秒）',
    countAxis: '请求数',
    queueTitle: '队列长度随时间变化',
    queueAxisTime: '时间（毫秒）',
    queueAxisLength: '排队的请求',
    sweepTitle: '吞吐量和 p95 延迟随最大批大小的变化（每点一次突发）',
    sweepAxis: '最大批大小',
    sweepThroughput: '吞吐量（次/秒）',
    sweepP95: 'p95 延迟（毫秒）',
    sweepHint: '扫描会用当前的请求数，对每个批大小各发一次突发，测完后恢复原来的设置。',
    histogramLabel: (p50, p95, p99) => `延迟直方图：p50 ${p50} 毫秒，p95 ${p95} 毫秒，p99 ${p99} 毫秒`,
    queueLabel: (max) => `队列长度随时间变化，最长 ${max} 个请求`,
    sweepLabel: '吞吐量和 p95 延迟随最大批大小变化的折线图',
    hint: '请求是测试集里的手写数字。这里的时间是推理线程真实测出来的，每次运行都会略有不同。',
    failed: (why) => `推理线程出错：${why}`,
    openFailed: (why) => `模型文件没能打开：${why}`,
  },
  en: {
    loading: (loaded, total) => `Downloading MNIST digits: ${loaded} of ${total}`,
    loadingLabel: 'Progress of the MNIST download',
    loadFailed: (why) => `The MNIST data did not load: ${why}`,
    retry: 'Try again',
    credit: 'MNIST data set: Yann LeCun, Corinna Cortes, Christopher J. C. Burges; CC BY-SA 3.0.',
    play: '▶ Send requests',
    stop: '■ Stop',
    reset: 'Clear measurements',
    sweep: 'Sweep batch sizes',
    sweeping: (size) => `Measuring batch size ${size}…`,
    rollback: 'Roll back (all traffic to stable)',
    open: 'Open model files (model.json and .bin)',
    openHint: 'The two files lesson 10’s “Download model” gave you, selected together.',
    preparing: { backend: 'Starting the inference thread…', training: 'Training the model to serve…', loading: 'Loading the models…' },
    trainingStep: (step, steps) => `Training the model to serve: step ${step} of ${steps}`,
    ready: (backend) => `Serving (backend: ${backend})`,
    source: enSource,
    stable: 'Stable',
    canary: 'Canary',
    parameters: (n) => `${n} parameters`,
    answered: (done, all) => `Answered ${done} of ${all}`,
    throughput: 'Throughput',
    perSecond: 'requests/s',
    ms: 'ms',
    version: 'Version',
    requestsCol: 'Requests',
    accuracy: 'Accuracy',
    meanCol: 'Mean',
    histogramTitle: 'Latency distribution (measured)',
    histogramAxis: 'Latency (ms)',
    countAxis: 'Requests',
    queueTitle: 'Queue length over time',
    queueAxisTime: 'Time (ms)',
    queueAxisLength: 'Requests waiting',
    sweepTitle: 'Throughput and p95 latency against maximum batch size (one burst a point)',
    sweepAxis: 'Maximum batch size',
    sweepThroughput: 'Throughput (requests/s)',
    sweepP95: 'p95 latency (ms)',
    sweepHint: 'The sweep sends one burst of the current number of requests at each batch size, then restores your settings.',
    histogramLabel: (p50, p95, p99) => `Latency histogram: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms`,
    queueLabel: (max) => `Queue length over time, at most ${max} requests`,
    sweepLabel: 'Line chart of throughput and p95 latency against maximum batch size',
    hint: 'The requests are handwritten digits from the test set. The times are measured for real in the inference thread, so every run differs a little.',
    failed: (why) => `The inference thread failed: ${why}`,
    openFailed: (why) => `The model files did not open: ${why}`,
  },
};
