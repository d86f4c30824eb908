/**
 * Building the sidebar's DOM safely. Everything that comes from a sheet (client names,
 * descriptions, people) is set as text, never parsed as HTML: `h` puts string children
 * in text nodes and attributes through setAttribute, and nothing here touches innerHTML.
 * So a client named `<img src=x onerror=alert(1)>` shows as those characters.
 */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

/** Creates an element; `on*` attributes that are functions become listeners, booleans toggle attributes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) el.setAttribute(name, String(value));
  }
  append(el, ...children);
  return el;
}

/** Appends children, strings as text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's children. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/**
 * A link that opens in a new tab, for addresses read from the workbook (invoice links,
 * client files). Only http(s) addresses become links, so a cell holding
 * `javascript:…` cannot; anything else is null.
 */
export function externalLink(href: string, text: string): HTMLAnchorElement | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return h('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer' }, text);
}

/** The element with this id; a missing one is a bug in sidebar.html, so it throws. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The sidebar has no #${id}.`);
  return el as T;
}

/** Sets a select's options (value, label), keeping the current choice when it is still offered. */
export function setOptions(select: HTMLSelectElement, options: readonly (readonly [string, string])[], keep = select.value): void {
  fill(select, ...options.map(([value, label]) => h('option', { value }, label)));
  if (options.some(([value]) => value === keep)) select.value = keep;
}

/** Shows (or clears, with '') the error message under a form field, and marks the field invalid for screen readers. */
export function fieldError(form: HTMLFormElement, field: string, message: string): void {
  const input = form.elements.namedItem(field) as HTMLElement | null;
  const slot = form.querySelector<HTMLElement>(`[data-error-for="${field}"]`);
  if (slot) slot.textContent = message;
  if (input) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

/** Clears every field error of a form. */
export function clearFieldErrors(form: HTMLFormElement): void {
  form.querySelectorAll<HTMLElement>('[data-error-for]').forEach((slot) => fieldError(form, slot.dataset.errorFor as string, ''));
}

/** A form field's current value as text. */
export function value(form: HTMLFormElement, field: string): string {
  return (form.elements.namedItem(field) as HTMLInputElement).value;
}
