import type { MouseEvent } from 'react';

/**
 * For a form's main button: pressing it does not take the focus first. Otherwise the field
 * being left shows its error on blur, the button moves down under the pointer, and the
 * click is lost. The click itself validates every field.
 */
export const keepFocus = {
  onMouseDown: (event: MouseEvent) => event.preventDefault(),
};
