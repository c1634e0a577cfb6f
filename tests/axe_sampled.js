// axe-core over a page, or over some parts of it (CSS selectors): its violations, and the looks
// it has decided (`checked`). Used by tests/test_browser.py and tests/test_quiz.py.
//
// The two slow rules look at one element per distinct look (LOOKS) instead of at every element:
// elements that look the same get the same verdict, and a code block repeats a few looks
// hundreds of times. The sample is taken among the elements each rule applies to (axe-core's
// own `matches`), so a look is never left unchecked because its first element was hidden.
// Given the looks decided on earlier pages (`checked`, by rule), it skips those too: a look is
// made of computed values, so its verdict is the same on every page. A look whose element
// axe-core could not decide (covered, say) is not passed on, so a later page checks it again.
async ({tags, rules, parts, checked = {}}) => {
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
  const opacities = new Map();
  const opacityOf = el => {  // as painted: the element's own opacity times its ancestors'
    if (!el) return 1;
    if (!opacities.has(el))
      opacities.set(el, parseFloat(getComputedStyle(el).opacity) * opacityOf(el.parentElement));
    return opacities.get(el);
  };
  const blockOf = el => {  // the nearest ancestor that is not inline: the link's text block
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith("inline"))
      block = block.parentElement;
    return block || el;
  };
  const looksOf = style => [style.color, style.textDecoration, style.fontWeight,
    style.fontStyle, style.borderBottom, style.backgroundColor, style.backgroundImage];
  const LOOKS = {
    "color-contrast": el => {
      const style = getComputedStyle(el);
      return [style.color, style.fontSize, style.fontWeight, style.textShadow, opacityOf(el),
        backOf(el)];
    },
    "link-in-text-block": el => [...looksOf(getComputedStyle(el)),
      ...looksOf(getComputedStyle(blockOf(el))), backOf(el)],
  };

  axe.reset();  // the page may have been checked before, in the other palette or viewport
  const sampled = Object.entries(LOOKS).map(([id, lookOf]) => {
    const rule = axe._audit.rules.find(candidate => candidate.id === id);
    const applies = rule.matches;  // axe-core's own test, kept
    const seen = new Set(checked[id]);
    return {id, lookOf, seen, matches(node, virtualNode, context) {
      const look = lookOf(node).join("|");
      if (seen.has(look) || !applies.call(rule, node, virtualNode, context)) return false;
      seen.add(look);
      return true;
    }};
  });
  axe.configure({rules: sampled.map(({id, matches}) => ({id, matches}))});
  const within = parts && parts.filter(selector => document.querySelector(selector));
  const only = tags ? {type: "tag", values: tags}
    : {type: "rule", values: [...rules, "color-contrast"]};
  const context = within ? {include: within.map(selector => [selector])} : document;
  const result = await axe.run(context,
    {runOnly: only, resultTypes: ["violations", "incomplete"], elementRef: true});
  for (const {id, lookOf, seen} of sampled) {
    for (const node of result.incomplete.find(found => found.id === id)?.nodes ?? [])
      seen.delete(lookOf(node.element).join("|"));
  }
  const elementless = (key, value) => key === "element" ? undefined : value;  // stays here
  return {
    violations: JSON.parse(JSON.stringify(result.violations, elementless)),
    checked: Object.fromEntries(sampled.map(({id, seen}) => [id, [...seen]])),
  };
}
