// onrecord: light enhancements. Pages work without this file.
"use strict";

// Article page: hovering or focusing a highlighted quote shows its speaker and links.
function setUpPopover() {
  const text = document.getElementById("article-text");
  const pop = document.getElementById("popover");
  if (!text || !pop) return;
  const parts = (qid) => text.querySelectorAll('[data-q="' + CSS.escape(qid) + '"]');
  let shown = null;
  function show(el) {
    const qid = el.dataset.q;
    const card = document.getElementById("st-" + qid);
    if (!card) return;
    hide();
    const summary = card.querySelector(".st-summary") || card;
    pop.replaceChildren(summary.cloneNode(true));
    pop.querySelectorAll("[id]").forEach((n) => n.removeAttribute("id"));
    pop.id = "popover";
    pop.hidden = false;
    const box = el.getBoundingClientRect();
    const left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8));
    pop.style.left = left + "px";
    pop.style.top = (window.scrollY + box.bottom + 6) + "px";
    parts(qid).forEach((p) => p.classList.add("active"));
    el.setAttribute("aria-describedby", "popover");
    shown = el;
  }
  function hide() {
    if (!shown) return;
    parts(shown.dataset.q).forEach((p) => p.classList.remove("active"));
    shown.removeAttribute("aria-describedby");
    pop.hidden = true;
    shown = null;
  }
  text.addEventListener("mouseover", (e) => { const el = e.target.closest("[data-q]"); if (el && el !== shown) show(el); });
  text.addEventListener("mouseleave", hide);
  text.addEventListener("focusin", (e) => { const el = e.target.closest("[data-q]"); if (el) show(el); });
  text.addEventListener("focusout", hide);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });
}

// Paste page: send the text to POST /api/extract and show the result without reloading.
function setUpExtract() {
  const form = document.getElementById("extract-form");
  if (!form) return;
  const status = document.getElementById("extract-status");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = form.elements.text.value;
    status.textContent = "Extracting…";
    try {
      const res = await fetch("/api/extract", { method: "POST", headers: { "Content-Type": "application/json" },
                                                body: JSON.stringify({ text }) });
      const body = await res.json();
      if (!res.ok) { status.textContent = "Error " + body.error.status + ": " + body.error.message; return; }
      showExtraction(body);
      status.textContent = body.quotes.length + " quotation" + (body.quotes.length === 1 ? "" : "s") + " found.";
    } catch (err) {
      status.textContent = "The server could not be reached: " + err.message;
    }
  });
}

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
}

function showExtraction(result) {
  // Offsets count code points (Python's str); a JS string counts UTF-16 units (an emoji is two).
  const text = Array.from(result.text);
  const owner = new Array(text.length).fill(null);
  const rank = { content: 0, cue: 1, source: 2 };
  for (const q of result.quotes) {
    const parts = q.content.map((s) => ["content", s.start, s.end]);
    if (q.cue) parts.push(["cue", q.cue.start, q.cue.end]);
    if (q.source) parts.push(["source", q.source.start, q.source.end]);
    for (const [role, a, b] of parts)
      for (let i = Math.max(0, a); i < Math.min(text.length, b); i++)
        if (!owner[i] || rank[role] < rank[owner[i][0]]) owner[i] = [role, q.id];
  }
  const box = document.getElementById("extract-text");
  box.replaceChildren();
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    const a = owner[start], b = i < text.length ? owner[i] : undefined;
    if (i === text.length || (a ? a.join() : "") !== (b ? b.join() : "")) {
      const piece = text.slice(start, i).join("");
      if (a) { const s = el("span", "hl hl-" + a[0], piece); s.dataset.q = a[1]; box.append(s); }
      else box.append(document.createTextNode(piece));
      start = i;
    }
  }
  const list = document.getElementById("extract-list");
  list.replaceChildren();
  for (const q of result.quotes) {
    const li = el("li", "statement");
    const meta = el("p", "meta");
    if (q.speaker) meta.append(el("span", "speaker", q.speaker.name));
    else meta.append(el("span", "speaker unknown", "unknown speaker" + (q.source ? " (“" + q.source.text + "”)" : "")));
    if (q.type) meta.append(" ", el("span", "badge badge-" + q.type, q.type.replace("_", " ")));
    meta.append(" ", el("span", "kind", q.kind));
    const quote = el("blockquote");
    quote.append(el("p", null, q.content.map((s) => s.text).join(" ")));
    li.append(meta, quote);
    if (q.target) li.append(el("p", "target", "about: " + q.target.name));
    list.append(li);
  }
  document.getElementById("extract-result").hidden = false;
}

document.addEventListener("DOMContentLoaded", () => { setUpPopover(); setUpExtract(); });
