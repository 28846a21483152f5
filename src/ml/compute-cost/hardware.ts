/**
 * The accelerators of the compute-cost calculator: peak dense BF16 (FP16 on the V100, which has no BF16)
 * tensor throughput per chip, as each maker publishes it. "Dense" matters: NVIDIA's datasheets for the A100 and
 * H100 put the rate with 2:4 structured sparsity first, twice the dense one, and training runs at the dense
 * rate. A peak is what the chip's arithmetic units can do at most; real training reaches a fraction of it
 * (the widget's utilisation).
 */
import type { ParamsOf } from '../../state/params';
import type { COMPUTE_COST_PARAMS } from './contract';

export type AcceleratorName = ParamsOf<typeof COMPUTE_COST_PARAMS>['accelerator'];

export interface Accelerator {
  /** Peak dense tensor throughput, FLOP/s per chip. */
  peak: number;
  /** The number type the peak is for. */
  precision: 'BF16' | 'FP16';
  year: number;
  /** Where the figure is published. */
  source: { title: string; url: string; where: string };
}

export const ACCELERATORS: Record<AcceleratorName, Accelerator> = {
  // NVIDIA V100 datasheet: "Tensor Performance 125 TFLOPS" for the SXM2 (NVLink) board (112 for PCIe); FP16
  // inputs with FP32 accumulation; Volta has no BF16 and no sparsity.
  v100: {
    peak: 125e12,
    precision: 'FP16',
    year: 2017,
    source: {
      title: 'NVIDIA V100 Tensor Core GPU datasheet',
      url: 'https://www.nvidia.com/en-us/data-center/v100/',
      where: 'V100 SXM2: Tensor Performance 125 TFLOPS',
    },
  },
  // NVIDIA A100 datasheet: "BF16 Tensor Core 312 TFLOPS | 624 TFLOPS*", * with sparsity.
  a100: {
    peak: 312e12,
    precision: 'BF16',
    year: 2020,
    source: {
      title: 'NVIDIA A100 Tensor Core GPU datasheet',
      url: 'https://www.nvidia.com/en-us/data-center/a100/',
      where: 'BF16 Tensor Core: 312 TFLOPS dense (624 with sparsity)',
    },
  },
  // NVIDIA H100 Tensor Core GPU Architecture whitepaper (2022), the table comparing A100 and H100: H100 SXM5
  // peak BF16 Tensor TFLOPS with FP32 accumulate 989.4 (1,978.9 with sparsity; the datasheet rounds it to 1,979*).
  h100: {
    peak: 989.4e12,
    precision: 'BF16',
    year: 2022,
    source: {
      title: 'NVIDIA H100 Tensor Core GPU Architecture (whitepaper, 2022)',
      url: 'https://resources.nvidia.com/en-us-tensor-core',
      where: 'H100 SXM5: peak BF16 Tensor 989.4 TFLOPS dense (1,978.9 with sparsity)',
    },
  },
  // Google Cloud TPU documentation, "TPU v4": peak compute per chip 275 TFLOPs (bf16).
  'tpu-v4': {
    peak: 275e12,
    precision: 'BF16',
    year: 2021,
    source: {
      title: 'Google Cloud TPU documentation: TPU v4',
      url: 'https://cloud.google.com/tpu/docs/v4',
      where: 'Peak compute per chip (bf16): 275 TFLOPs',
    },
  },
  // Google Cloud TPU documentation, "TPU v5p": peak compute per chip 459 TFLOPs (bf16).
  'tpu-v5p': {
    peak: 459e12,
    precision: 'BF16',
    year: 2023,
    source: {
      title: 'Google Cloud TPU documentation: TPU v5p',
      url: 'https://cloud.google.com/tpu/docs/v5p',
      where: 'Peak compute per chip (bf16): 459 TFLOPs',
    },
  },
};
