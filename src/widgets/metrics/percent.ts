import { formatNumber, withPercent } from '../../controls/format';
import type { Lang } from '../../i18n/strings';

/** A share as a percentage, three significant digits: "95.3%" on a Chinese page, "95.3 %" on an English one. */
export const percent = (v: number, lang: Lang) => withPercent(formatNumber(v * 100, 3), lang);
