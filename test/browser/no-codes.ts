import type { Page } from 'playwright-core';

/** A database id as people must never see one. */
export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A stored code (`pay_and_conditions`, `carried_as_amended`): lower-case words joined by underscores. */
export const SNAKE_CASE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;

/**
 * Everything a person meets on the page: the text as rendered (screen-reader-only text included) and the
 * attributes that are read out or shown (labels, titles, placeholders, alternative text, values of fields
 * the screen filled in). The address bar and the code behind the page are not a person's reading.
 */
export async function textPeopleSee(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    const parts = [document.title, document.body.innerText];
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder], [alt], [aria-description]'))
      for (const name of ['title', 'aria-label', 'placeholder', 'alt', 'aria-description'])
        if (el.getAttribute(name)) parts.push(el.getAttribute(name));
    for (const el of document.querySelectorAll('input:not([type=hidden]):not([type=radio]):not([type=checkbox]), textarea, select'))
      if (el.value) parts.push(el.tagName === 'SELECT' ? el.options[el.selectedIndex]?.text ?? '' : el.value);
    return parts.join('\\n');
  })()`)) as string;
}

/**
 * Text the screen sets as literal computer text (`<code>`) for a person to type or copy exactly: a file's
 * header line (`membership_number, name, …`), an access code. Such a name is the instruction, not a code
 * leaking (docs/DECISIONS.md, issue 18); a UUID is never allowed, even there.
 */
async function literalTexts(page: Page): Promise<string[]> {
  return (await page.evaluate(
    "[...document.querySelectorAll('code')].map((el) => el.textContent).filter(Boolean)",
  )) as string[];
}

/** Fails naming the screen and the line where an id or a stored code shows. */
export async function expectNoCodes(page: Page, screen: string): Promise<void> {
  const lines = (await textPeopleSee(page)).split('\n');
  const literals = await literalTexts(page);
  const words = (line: string) => literals.reduce((rest, literal) => rest.split(literal).join(' '), line);
  const found = lines
    .filter((line) => UUID.test(line) || SNAKE_CASE.test(words(line)))
    .map((line) => line.trim());
  expect({ screen, found }).toEqual({ screen, found: [] });
}
