/** The search index as the build writes it (one per language) and the page reads it. */

/** A part of a lesson: the text before its first heading (id and heading null), or one `##`/`###` section. */
export interface SearchSection {
  /** The heading's element id, made by rehype-slug exactly as on the page. */
  id: string | null;
  heading: string | null;
  text: string;
}

export interface SearchLesson {
  slug: string;
  order: number;
  title: string;
  sections: SearchSection[];
}

export interface SearchTerm {
  /** The glossary page's element id for the entry. */
  id: string;
  term: string;
  /** The same term in the other language (the glossary shows both, so a search finds either). */
  other: string;
  definition: string;
}

export interface SearchIndex {
  lessons: SearchLesson[];
  glossary: SearchTerm[];
}
