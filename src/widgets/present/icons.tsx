/** The full-screen sign (four corners), drawn: the fonts a page can count on have no such character. */
export function ExpandIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M1.5 5.5v-4h4M10.5 1.5h4v4M14.5 10.5v4h-4M5.5 14.5h-4v-4" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
