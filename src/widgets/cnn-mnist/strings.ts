/** The words of the CNN widget (lesson 10), in both languages (kept beside the widget). */
import { countText } from '../../controls/format';
import type { Lang } from '../../i18n/strings';

const zh = {
  // The drawing pad
  drawPad: '在这里手写一个数字（鼠标、触控笔或手指都可以）',
  clear: '清除',
  drawHint: '在方框里写一个 0 到 9 的数字，尽量写满方框。',
  // Images
  networkInput: '网络看到的 28 × 28 图像',
  // Probabilities
  probabilities: '每个数字的概率（softmax 输出）',
  digitProbability: (digit: number, p: string) => `数字 ${digit}：${p}`,
  prediction: (digit: number, p: string) => `预测：${digit}（${p}）`,
  noPrediction: '写一个数字，或者从测试集中选一个，就能看到网络的预测。',
  // The confusion matrix
  confusionCaption: '测试集上的混淆矩阵：行是真实数字，列是预测数字',
  trueDigit: '真实数字',
  predictedDigit: '预测数字',
  cellLabel: (t: number, p: number, count: number) =>
    t === p ? `真实 ${t}，预测 ${p}（正确）：${count} 个` : `真实 ${t}，预测 ${p}：${count} 个`,
  accuracy: (pct: string, right: number, total: number) => `准确率：${pct}（${total} 个测试数字中认对了 ${right} 个）`,
  noEvaluation: '网络第一次在测试集上评估之后，这里会显示混淆矩阵。',
  pickCell: '点一下对角线以外的格子，下面会列出这类错误对应的测试数字。',
  cellTitle: (t: number, p: number, count: number, shown: number) =>
    `${t === p ? `真实 ${t} → 预测 ${p}（正确）` : `真实 ${t} → 预测 ${p}`}：共 ${count} 个${shown < count ? `，显示前 ${shown} 个` : ''}`,
  emptyCell: '这一格没有测试数字。',
  thumbnail: (index: number, t: number, p: number) => `测试数字 #${index}：真实 ${t}，预测 ${p}`,
  pickThumbnail: '点一个数字，查看网络对它算出的特征图。',
  closeCell: '收起',
};

const en: typeof zh = {
  drawPad: 'Draw a digit here with the mouse, a pen or a finger',
  clear: 'Clear',
  drawHint: 'Write one digit from 0 to 9, filling most of the box.',
  networkInput: 'The 28 × 28 image the network sees',
  probabilities: 'Probability of each digit (the softmax output)',
  digitProbability: (digit: number, p: string) => `digit ${digit}: ${p}`,
  prediction: (digit: number, p: string) => `Prediction: ${digit} (${p})`,
  noPrediction: 'Draw a digit, or pick one from the test set, to see the network’s prediction.',
  confusionCaption: 'Confusion matrix on the test digits: rows are the true digits, columns the predictions',
  trueDigit: 'true digit',
  predictedDigit: 'predicted digit',
  cellLabel: (t: number, p: number, count: number) =>
    t === p ? `true ${t}, predicted ${p} (right): ${countText(count, 'en')}` : `true ${t}, predicted ${p}: ${countText(count, 'en')}`,
  accuracy: (pct: string, right: number, total: number) =>
    `Accuracy: ${pct} (${countText(right, 'en')} of ${countText(total, 'en')} test digits right)`,
  noEvaluation: 'The confusion matrix appears once the network has been evaluated on the test digits.',
  pickCell: 'Click a cell off the diagonal to see the test digits behind that mistake.',
  cellTitle: (t: number, p: number, count: number, shown: number) =>
    `${t === p ? `true ${t} → predicted ${p} (right)` : `true ${t} → predicted ${p}`}: ${countText(count, 'en')} digit${count === 1 ? '' : 's'}${shown < count ? `, the first ${shown} shown` : ''}`,
  emptyCell: 'No test digit in this cell.',
  thumbnail: (index: number, t: number, p: number) => `Test digit #${index}: true ${t}, predicted ${p}`,
  pickThumbnail: 'Click a digit to see the feature maps the network computes for it.',
  closeCell: 'Close',
};

export type CnnStrings = typeof zh;

export const CNN_STRINGS: Record<Lang, CnnStrings> = { zh, en };
