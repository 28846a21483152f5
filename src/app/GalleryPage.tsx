import { useLang, useStrings } from '../i18n/LangContext';
import { WIDGET_IDS } from '../widgets/catalog';
import { WIDGETS } from '../widgets/registry';
import { WidgetSlot } from '../widgets/WidgetSlot';

export function GalleryPage() {
  const t = useStrings();
  const lang = useLang();
  return (
    <div className="gallery">
      <h1>{t.gallery}</h1>
      <p className="lead">{t.galleryLead}</p>
      {WIDGET_IDS.map((name) => (
        <section key={name} aria-labelledby={`gallery-${name}`}>
          <h2 id={`gallery-${name}`}>{WIDGETS[name].title[lang]}</h2>
          <WidgetSlot name={name} id={name} params="{}" />
        </section>
      ))}
    </div>
  );
}
