/// <reference types="vite/client" />
declare module 'virtual:lessons' {
  const lessons: import('./content/types').LessonMeta[];
  export default lessons;
}
