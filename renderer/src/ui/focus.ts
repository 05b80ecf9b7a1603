/** Focus has nowhere to be: its element was removed or disabled, and the page's body has it. */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/** Focus to the screen shown (its title comes first), without scrolling the page. */
export function focusScreen(): void {
  document.getElementById('main')?.focus({ preventScroll: true });
}
