// axe-core over a page, or over some parts of it (CSS selectors), returning its violations.
//
// The two slow rules look at one element per distinct look instead of at every element:
// colour contrast at one element per look of text (colour, size, weight, shadow, opacity,
// the background behind it); link-in-text-block at one link per look of link among the links
// that the rule applies to (visible, in a block of text, as axe-core itself decides), the
// look being the link's styles, those of its block and the background. Elements that look
// the same get the same verdict, and a code block repeats a few looks hundreds of times.
// Used by tests/test_browser.py and tests/test_quiz.py.
async ({tags, rules, parts}) => {
  const clear = "rgba(0, 0, 0, 0)";
  const backs = new Map();
  const backOf = el => {  // the first background colour behind an element, and its owner
    if (!el) return "";
    if (!backs.has(el)) {
      const colour = getComputedStyle(el).backgroundColor;
      backs.set(el, colour === clear ? backOf(el.parentElement) : `${colour} ${el.className}`);
    }
    return backs.get(el);
  };
  const blockOf = el => {  // the nearest ancestor that is not inline: the link's text block
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline"))
      block = block.parentElement;
    return block || el;
  };
  const looksOf = style => [style.color, style.textDecoration, style.fontWeight,
    style.fontStyle, style.borderBottom, style.backgroundColor, style.backgroundImage];

  const SAMPLES = ["data-contrast-sample", "data-link-sample"];
  for (const name of SAMPLES)  // samples of the other palette or viewport
    for (const el of document.querySelectorAll(`[${name}]`)) el.removeAttribute(name);
  const within = parts && parts.filter(selector => document.querySelector(selector));
  const elements = within
    ? document.querySelectorAll(within.map(s => `${s}, ${s} *`).join(", "))
    : document.body.querySelectorAll("*");
  const seen = new Set();
  const sample = (el, name, look) => {
    const key = `${name}|${look.join("|")}`;
    if (!seen.has(key)) {
      seen.add(key);
      el.setAttribute(name, "");
    }
  };
  axe.setup(document);  // axe-core's own tests of a link below need its view of the page
  const {isInTextBlock, isVisibleOnScreen} = axe.commons.dom;
  for (const el of elements) {
    const text = [...el.childNodes].some(node => node.nodeType === 3 && node.textContent.trim());
    const link = el.matches("a[href], [role=link]");
    if (!text && !link) continue;
    const style = getComputedStyle(el);
    if (text)
      sample(el, SAMPLES[0], [style.color, style.fontSize, style.fontWeight, style.textShadow,
        style.opacity, backOf(el)]);
    if (link && el.innerText.trim() && isVisibleOnScreen(el) && isInTextBlock(el))
      sample(el, SAMPLES[1], [...looksOf(style), ...looksOf(getComputedStyle(blockOf(el))),
        backOf(el)]);
  }
  axe.teardown();
  axe.configure({rules: [
    {id: "color-contrast", selector: `[${SAMPLES[0]}]`},
    {id: "link-in-text-block", selector: `[${SAMPLES[1]}]`},
  ]});
  const only = tags ? {type: "tag", values: tags}
    : {type: "rule", values: [...rules, "color-contrast"]};
  const context = within ? {include: within.map(selector => [selector])} : document;
  const result = await axe.run(context, {runOnly: only, resultTypes: ["violations"]});
  return result.violations;
}
