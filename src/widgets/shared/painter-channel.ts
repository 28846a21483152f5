/** What useTrainer needs of a channel. */
export interface PainterLink {
  attach(client: { paint(config: unknown): void }): void;
  detach(): void;
  receive(picture: unknown): void;
}

/**
 * A widget's line to its model's painter in the training worker (engine/painters.ts): it keeps the latest
 * settings, so a worker started later (when the widget nears the screen) gets them at once, and hands each
 * picture to `onPicture`, which shows it; useTrainer then renders the widget in the same task.
 */
export class PainterChannel<Config, Picture> implements PainterLink {
  private client: { paint(config: unknown): void } | null = null;
  private config: Config | null = null;
  onPicture: ((picture: Picture) => void) | null = null;

  configure(config: Config) {
    this.config = config;
    this.client?.paint(config);
  }

  attach(client: { paint(config: unknown): void }) {
    this.client = client;
    if (this.config !== null) client.paint(this.config);
  }

  detach() {
    this.client = null;
  }

  receive(picture: unknown) {
    this.onPicture?.(picture as Picture);
  }
}
