import { useStrings } from '../i18n/LangContext';
import { WIDGET_SPECS } from '../widgets/specs';
import { WidgetSlot } from '../widgets/WidgetSlot';

export function GalleryPage() {
  const t = useStrings();
  return (
    <div className="gallery">
      <h1>{t.gallery}</h1>
      <p className="lead">{t.galleryLead}</p>
      {Object.keys(WIDGET_SPECS).map((name) => (
        <section key={name} aria-labelledby={`gallery-${name}`}>
          <h2 id={`gallery-${name}`}>{t.widgets[name] ?? name}</h2>
          <WidgetSlot name={name} id={name} params="{}" />
        </section>
      ))}
    </div>
  );
}
