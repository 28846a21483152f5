/// <reference types="vite/client" />
declare module 'virtual:lessons' {
  const lessons: import('./content/types').LessonMeta[];
  export default lessons;
}
declare module 'virtual:search-index-*' {
  const index: import('./search/types').SearchIndex;
  export default index;
}
