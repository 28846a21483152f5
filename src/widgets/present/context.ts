/**
 * What a widget slot (WidgetSlot.tsx) lends the widget it mounts for present mode: the Present button's
 * state and handlers, read by both frames (WidgetShell, PageWidgetShell), and where the widget's parameter
 * hook publishes the builder of its run's link (the one "Copy link" copies), so the QR code shows that link.
 * Two contexts: the link's publisher never changes, so the widget's hooks do not re-render when present
 * mode opens or closes; only the frames' buttons read the other.
 */
import { createContext, useContext, type RefObject } from 'react';

export interface PresentControls {
  presenting: boolean;
  open: () => void;
  /** The Present button: focus returns to it when present mode closes. */
  buttonRef: RefObject<HTMLButtonElement | null>;
}

export const PresentContext = createContext<PresentControls | null>(null);

/** Takes the widget's current link builder (`shareUrl`); the slot calls it whenever it needs the link. */
export type PublishLink = (shareUrl: () => string) => void;

export const PublishLinkContext = createContext<PublishLink | null>(null);

export function usePresentControls(): PresentControls | null {
  return useContext(PresentContext);
}
