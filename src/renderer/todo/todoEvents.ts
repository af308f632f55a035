/**
 * « Something on the to-do list changed » (an item marked done, a setting saved): screens
 * that show a part of the list (the sidebar's count) read it again.
 */
const listeners = new Set<() => void>();

export function onTodoChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function todoChanged(): void {
  listeners.forEach((listener) => listener());
}
