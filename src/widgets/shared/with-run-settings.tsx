import { useState, type ComponentType } from 'react';
import { createRunSettingsStore, RunSettingsContext } from '../../state/run-settings';
import type { WidgetProps } from '../registration';

/** A widget's component inside a store of its settings of its own, which its parameters hook fills. */
export function withRunSettings(Widget: ComponentType<WidgetProps>): ComponentType<WidgetProps> {
  function WithRunSettings(props: WidgetProps) {
    const [store] = useState(createRunSettingsStore);
    return (
      <RunSettingsContext.Provider value={store}>
        <Widget {...props} />
      </RunSettingsContext.Provider>
    );
  }
  return WithRunSettings;
}
