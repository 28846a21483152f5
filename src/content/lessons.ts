/** The course index in the browser, and the lesson bodies as lazily loaded MDX components. */
import type { ComponentType } from 'react';
import index from 'virtual:lessons';
import type { LessonMeta } from './types';

export type { LessonMeta };

export type MdxComponent = ComponentType<{ components?: Record<string, ComponentType<never>> }>;

const bodies = import.meta.glob<{ default: MdxComponent }>('/content/*/*.md');

export function lessonsIn(lang: LessonMeta['lang']): LessonMeta[] {
  return index.filter((lesson) => lesson.lang === lang);
}

export function findLesson(lang: LessonMeta['lang'], slug: string): LessonMeta | undefined {
  return index.find((lesson) => lesson.lang === lang && lesson.slug === slug);
}

export function loadLessonBody(lesson: LessonMeta): Promise<{ default: MdxComponent }> {
  return bodies[`/content/${lesson.folder}/${lesson.lang}.md`]();
}
