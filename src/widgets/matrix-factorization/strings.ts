/** The matrix-factorization widget's own words, in both languages. */
import { countText } from '../../controls/format';
import type { Lang } from '../../i18n/strings';
import { GENRE_NAMES, GENRES } from '../../ml/recommender/titles';

const zh = {
  genreNames: GENRES.map((g) => GENRE_NAMES.zh[g]),
  summary: (test: string, global: string, bias: string, noise: string) =>
    `测试集 RMSE ${test}（全局均值 ${global}，只用偏置 ${bias}，噪声水平 ${noise}）`,
  table: (users: number, items: number, train: number, heldOut: number, density: string) =>
    `${users} 个用户 × ${items} 部电影，${train} 条训练评分，${heldOut} 条留出评分（共填了 ${density} 的格子）`,
  tableKnown: '评分表：每行一部电影（按类型），每列一个用户（按最喜欢的类型）',
  tableKnownLabel: (users: number, items: number) =>
    `${items} 行 × ${users} 列的评分表。橙色是训练评分，蓝色是留出评分，颜色越深星越多；空白是没有评分的格子。`,
  trainRatings: '训练评分（越深星越多）',
  heldOutRatings: '留出评分',
  tablePredicted: '模型补全的表：每一格都是预测评分',
  tablePredictedLabel: '同样排列的表，每一格是模型此刻的预测评分，颜色越深预测分越高（1 到 5 星）。',
  tableHint: '用户按设定的最爱类型排好，电影按类型排好，所以口味会显成一块块的。训练时，右边的表从一片均匀的灰色里长出这些块。',
  rmseChart: '训练集与测试集（留出评分）上的 RMSE',
  trainSeries: '训练集 RMSE',
  testSeries: '测试集 RMSE',
  globalMean: (v: string) => `全局均值 ${v}`,
  biasOnly: (v: string) => `只用偏置 ${v}`,
  noiseLevel: (v: string) => `噪声水平 ${v}`,
  rmseHint:
    '三条横线：每条评分都猜训练集平均分；只学用户偏置和电影偏置；知道真实口味时的最好预测（评分里的噪声和取整，任何模型都消不掉）。',
  map: '用户和电影在嵌入空间中的位置',
  mapDirect: 'k = 2：横轴、纵轴就是嵌入向量的两个分量。',
  mapPca: (k: number) => `k = ${k}：把 ${k} 维的嵌入投影到电影嵌入方差最大的两个方向（主成分分析）。`,
  mapLabel: (users: number, items: number) =>
    `散点图：${items} 部电影（大圆点）和 ${users} 个用户（小点），颜色是生成数据时设定的类型（用户按最喜欢的类型着色）。圆环是正在查看的用户，菱形是你。`,
  films: '电影（按类型着色）',
  users: '用户（按最喜欢的类型）',
  shownUser: '正在查看的用户',
  you: '你',
  forUser: '给一位用户的推荐',
  userFacts: (user: number, genre: string, rated: number) => `用户 ${user}：设定的最爱是${genre}，评过 ${rated} 部。`,
  rank: (n: number) => `没看过的电影中排名前 ${n}`,
  predicted: '预测评分',
  popular: '热门',
  popularNote: (n: number) => `“热门”= 训练评分最多的 ${n} 部电影。`,
  heldOutStars: (stars: number) => `（留出：实际打了 ${stars} 星）`,
  noModel: '模型开始训练后这里会出现推荐。',
  newUser: '你：一位新用户',
  rateHint: '给几部电影打星（方向键也可以），模型不用重新训练：固定电影的嵌入，用最小二乘求出你的偏置和口味向量。',
  rateFilm: (title: string) => `给《${title}》打分`,
  stars: (n: number) => (n === 0 ? '不打分' : `${n} 星`),
  clear: '清空我的评分',
  yourList: (rated: number) => (rated === 0 ? '你还没有打分：先推荐最热门的电影' : `根据你的 ${rated} 条评分的推荐`),
  youFacts: (b: string) => `你的偏置 b = ${b}`,
  genre: '类型',
  newTable: '换一张评分表',
  title: (title: string) => `《${title}》`,
};

export type RecommenderStrings = typeof zh;

const en: RecommenderStrings = {
  genreNames: GENRES.map((g) => GENRE_NAMES.en[g]),
  summary: (test, global, bias, noise) => `Held-out RMSE ${test} (global mean ${global}, biases only ${bias}, noise level ${noise})`,
  table: (users, items, train, heldOut, density) =>
    `${users} users × ${items} films, ${countText(train, 'en')} training ratings, ${countText(heldOut, 'en')} held out (${density} of the cells filled)`,
  tableKnown: 'The ratings table: a row per film (by genre), a column per user (by favourite genre)',
  tableKnownLabel: (users, items) =>
    `The ratings table, ${items} rows by ${users} columns. Training ratings in orange, held-out ones in blue, darker for more stars; blank cells have no rating.`,
  trainRatings: 'Training ratings (darker: more stars)',
  heldOutRatings: 'Held-out ratings',
  tablePredicted: 'The table the model fills in: every cell its predicted rating',
  tablePredictedLabel: 'The same table, every cell the model’s predicted rating now, darker for higher (1 to 5 stars).',
  tableHint:
    'Users are sorted by their planted favourite genre and films by genre, so tastes show as blocks. As it trains, the table on the right grows these blocks out of an even grey.',
  rmseChart: 'RMSE on the training ratings and on the held-out ones',
  trainSeries: 'Training RMSE',
  testSeries: 'Held-out RMSE',
  globalMean: (v) => `global mean ${v}`,
  biasOnly: (v) => `biases only ${v}`,
  noiseLevel: (v) => `noise level ${v}`,
  rmseHint:
    'The three lines: guess the mean training rating every time; learn only a bias per user and per film; the best prediction knowing the planted tastes (the noise and the rounding to whole stars, which no model can remove).',
  map: 'Users and films in the embedding space',
  mapDirect: 'k = 2: the axes are the two components of the embeddings.',
  mapPca: (k) =>
    `k = ${k}: the ${k}-dimensional embeddings projected on the two directions along which the films' embeddings vary most (principal components).`,
  mapLabel: (users, items) =>
    `Scatter plot: ${items} films (large dots) and ${users} users (small dots), coloured by the genre planted in the data (users by their favourite genre). The ring is the user shown, the diamond is you.`,
  films: 'Films (by genre)',
  users: 'Users (by favourite genre)',
  shownUser: 'User shown',
  you: 'You',
  forUser: 'Recommendations for one user',
  userFacts: (user, genre, rated) => `User ${user}: planted favourite ${genre}, ${rated} films rated.`,
  rank: (n) => `Top ${n} among the films they have not rated`,
  predicted: 'Predicted',
  popular: 'popular',
  popularNote: (n) => `“popular”: the ${n} films with the most training ratings.`,
  heldOutStars: (stars) => `(held out: actually rated ${stars} ★)`,
  noModel: 'Recommendations appear once the model has started.',
  newUser: 'You, a new user',
  rateHint:
    'Rate a few films (arrow keys work too). Nothing is retrained: the films’ embeddings stay fixed and least squares finds your bias and taste vector.',
  rateFilm: (title) => `Rate “${title}”`,
  stars: (n) => (n === 0 ? 'No rating' : `${n} star${n === 1 ? '' : 's'}`),
  clear: 'Clear my ratings',
  yourList: (rated) =>
    rated === 0 ? 'No ratings yet: the most popular films first' : `From your ${rated} rating${rated === 1 ? '' : 's'}`,
  youFacts: (b) => `Your bias b = ${b}`,
  genre: 'Genre',
  newTable: 'New ratings table',
  title: (title) => `“${title}”`,
};

export const RECOMMENDER_STRINGS: Record<Lang, RecommenderStrings> = { zh, en };
