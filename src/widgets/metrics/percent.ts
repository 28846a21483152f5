import { formatNumber } from '../../controls/format';

export const percent = (v: number) => `${formatNumber(v * 100, 3)} %`;
