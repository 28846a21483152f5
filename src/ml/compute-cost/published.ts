/**
 * Published language models as points on the parameters–tokens chart: each one's parameter count and number of
 * training tokens as its own paper states them, with the place in the paper. Only figures a paper states are
 * here; the training FLOPs in the widget's table are computed from them with 6·N·D, not copied.
 * tests/unit/compute-cost.test.ts asserts every figure against the same sources.
 */
export interface PublishedModel {
  id: string;
  name: string;
  year: number;
  /** Parameters N. */
  params: number;
  /** Training tokens D. */
  tokens: number;
  source: { cite: string; title: string; url: string; where: string };
}

export const PUBLISHED_MODELS: readonly PublishedModel[] = [
  // Brown et al. (2020), Language Models are Few-Shot Learners, arXiv:2005.14165: Table 2.1, GPT-3 175B has
  // 175.0 billion parameters; §2.2: "all models were trained for a total of 300 billion tokens".
  {
    id: 'gpt-3',
    name: 'GPT-3',
    year: 2020,
    params: 175e9,
    tokens: 300e9,
    source: {
      cite: 'Brown et al. 2020',
      title: 'Language Models are Few-Shot Learners',
      url: 'https://arxiv.org/abs/2005.14165',
      where: 'Table 2.1; §2.2',
    },
  },
  // Rae et al. (2021), Scaling Language Models: Methods, Analysis & Insights from Training Gopher,
  // arXiv:2112.11446: Table 1, Gopher has 280B parameters; §3: every model trained for 300B tokens.
  {
    id: 'gopher',
    name: 'Gopher',
    year: 2021,
    params: 280e9,
    tokens: 300e9,
    source: {
      cite: 'Rae et al. 2021',
      title: 'Scaling Language Models: Methods, Analysis & Insights from Training Gopher',
      url: 'https://arxiv.org/abs/2112.11446',
      where: 'Table 1; §3',
    },
  },
  // Hoffmann et al. (2022), Training Compute-Optimal Large Language Models, arXiv:2203.15556: Table 1 and §4,
  // Chinchilla has 70B parameters and was trained on 1.4 trillion tokens.
  {
    id: 'chinchilla',
    name: 'Chinchilla',
    year: 2022,
    params: 70e9,
    tokens: 1.4e12,
    source: {
      cite: 'Hoffmann et al. 2022',
      title: 'Training Compute-Optimal Large Language Models',
      url: 'https://arxiv.org/abs/2203.15556',
      where: 'Table 1; §4',
    },
  },
  // Chowdhery et al. (2022), PaLM: Scaling Language Modeling with Pathways, arXiv:2204.02311: Table 1, PaLM
  // 540B; §3/§4: trained on 780 billion tokens.
  {
    id: 'palm',
    name: 'PaLM',
    year: 2022,
    params: 540e9,
    tokens: 780e9,
    source: {
      cite: 'Chowdhery et al. 2022',
      title: 'PaLM: Scaling Language Modeling with Pathways',
      url: 'https://arxiv.org/abs/2204.02311',
      where: 'Table 1; §3',
    },
  },
  // Touvron et al. (2023), LLaMA: Open and Efficient Foundation Language Models, arXiv:2302.13971: Table 2,
  // LLaMA 7B has 6.7B parameters and saw 1.0T tokens; LLaMA 65B has 65.2B and saw 1.4T.
  {
    id: 'llama-7b',
    name: 'LLaMA 7B',
    year: 2023,
    params: 6.7e9,
    tokens: 1.0e12,
    source: {
      cite: 'Touvron et al. 2023a',
      title: 'LLaMA: Open and Efficient Foundation Language Models',
      url: 'https://arxiv.org/abs/2302.13971',
      where: 'Table 2',
    },
  },
  {
    id: 'llama-65b',
    name: 'LLaMA 65B',
    year: 2023,
    params: 65.2e9,
    tokens: 1.4e12,
    source: {
      cite: 'Touvron et al. 2023a',
      title: 'LLaMA: Open and Efficient Foundation Language Models',
      url: 'https://arxiv.org/abs/2302.13971',
      where: 'Table 2',
    },
  },
  // Touvron et al. (2023), Llama 2: Open Foundation and Fine-Tuned Chat Models, arXiv:2307.09288: Table 1,
  // every Llama 2 size (7B, 13B, 34B, 70B) was trained on 2.0T tokens.
  {
    id: 'llama-2-7b',
    name: 'Llama 2 7B',
    year: 2023,
    params: 7e9,
    tokens: 2.0e12,
    source: {
      cite: 'Touvron et al. 2023b',
      title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models',
      url: 'https://arxiv.org/abs/2307.09288',
      where: 'Table 1',
    },
  },
  {
    id: 'llama-2-70b',
    name: 'Llama 2 70B',
    year: 2023,
    params: 70e9,
    tokens: 2.0e12,
    source: {
      cite: 'Touvron et al. 2023b',
      title: 'Llama 2: Open Foundation and Fine-Tuned Chat Models',
      url: 'https://arxiv.org/abs/2307.09288',
      where: 'Table 1',
    },
  },
  // Llama Team, AI @ Meta (2024), The Llama 3 Herd of Models, arXiv:2407.21783: §1 and §3, the flagship has
  // 405B parameters and was pre-trained on 15.6T tokens (using 3.8 × 10²⁵ FLOPs).
  {
    id: 'llama-3.1-405b',
    name: 'Llama 3.1 405B',
    year: 2024,
    params: 405e9,
    tokens: 15.6e12,
    source: {
      cite: 'Llama Team 2024',
      title: 'The Llama 3 Herd of Models',
      url: 'https://arxiv.org/abs/2407.21783',
      where: '§1; §3',
    },
  },
];
