export interface LessonMeta {
  slug: string;
  folder: string;
  lang: 'zh' | 'en';
  order: number;
  title: string;
  summary: string;
}
