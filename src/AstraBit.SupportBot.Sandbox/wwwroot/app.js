// The sandbox page: draws what the bot sent to the Discord emulator (the payloads themselves, as Discord's client
// would) for the person chosen, and sends what that person does back through the emulators. No build step.
'use strict';

let state = null;
let personKey = 'member';
let channelId = null;
let shownForm = null;
let lastMessages = '';
let shownChannel = '';
let receivedAt = Date.now();
let lastBybit = '';
const seen = new Map();
let suggestion = -1;

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'html') node.innerHTML = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
};

const person = () => state.people.find((p) => p.key === personKey);

async function post(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) {
    let message = `The sandbox refused that (${response.status}).`;
    try { message = (await response.json()).error || message; } catch { /* not JSON */ }
    $('action-error').textContent = message;
    return false;
  }
  $('action-error').textContent = '';
  return true;
}

// ---- who sees what ----

// The emulator decides from its roles and overwrites: a member never sees #staff, nor another member's ticket.
function visibleChannels() {
  const me = person();
  return state.channels.filter((c) => c.viewers.includes(me.userId));
}

function visibleMessages(id) {
  const me = person();
  return state.messages.filter((m) => m.channelId === id && (m.ephemeralFor === null || m.ephemeralFor === me.userId));
}

// ---- markdown as Discord shows it (enough of it for the bot's texts) ----

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function nameOf(userId) {
  const p = state.people.find((x) => x.userId === userId);
  if (p) return p.userName;
  const m = state.messages.find((x) => x.author.id === userId);
  return m ? m.author.name : 'user';
}

function roleName(id) {
  const role = (state.roles || []).find((r) => r.id === id);
  return role ? role.name : 'unknown-role';
}

// A channel mention is a link to the channel for those who can see it; for others Discord shows "No Access".
function channelMention(id) {
  const c = state.channels.find((x) => x.id === id);
  if (!c || !c.viewers.includes(person().userId)) return '<span class="mention">#No Access</span>';
  return `<a href="#" class="mention" data-channel="${escapeHtml(id)}">#${escapeHtml(c.name.replace(/^#/, ''))}</a>`;
}

// Timestamps (<t:unix:style>) as Discord's client shows them, in UTC, relative ones against the SANDBOX clock (the
// bot's clock, advanced by the page's buttons), so "in 2 hours" means what the bot means by it.
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const two = (n) => String(n).padStart(2, '0');

function sandboxNow() {
  return state.clock.nowMs + (Date.now() - receivedAt);
}

function relative(ms) {
  const seconds = Math.round((ms - sandboxNow()) / 1000);
  const units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) || ['second', 1];
  const n = Math.round(Math.abs(seconds) / size);
  const words = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return seconds >= 0 ? `in ${words}` : `${words} ago`;
}

function timestamp(unix, style) {
  const d = new Date(Number(unix) * 1000);
  const hm = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  const date = `${months[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  const full = `${days[d.getUTCDay()]}, ${date} ${hm}`;
  const text = {
    t: hm, T: `${hm}:${two(d.getUTCSeconds())}`, d: `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()}`,
    D: date, f: `${date} ${hm}`, F: full, R: relative(d.getTime()),
  }[style || 'f'] || `${date} ${hm}`;
  return `<time class="timestamp" datetime="${d.toISOString()}" title="${full} UTC">${text}</time>`;
}

// Verdict emoji drawn as text too: a machine without an emoji font still shows ✗ / ✓ / ! in colour.
const verdicts = { '❌': 'no', '✅': 'yes', '⚠️': 'warn', '⚠': 'warn' };

function inline(text) {
  // Code spans first, kept aside so nothing inside them is formatted.
  const kept = [];
  const keep = (html) => `\u0000${kept.push(html) - 1}\u0000`;
  let out = text.replace(/`([^`\n]+)`/g, (_, code) => keep(`<code>${code}</code>`));
  out = out
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label, url) => keep(`<a href="${url}" target="_blank" rel="noopener noreferrer">${label}</a>`))
    .replace(/&lt;(https?:\/\/[^\s&]+)&gt;/g, (_, url) => keep(`<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`))
    .replace(/https?:\/\/[^\s<]+[^\s<.,:;"')\]]/g, (url) => keep(`<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`))
    .replace(/&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g, (_, unix, style) => keep(timestamp(unix, style)))
    .replace(/&lt;@!?(\d+)&gt;/g, (_, id) => keep(`<span class="mention">@${escapeHtml(nameOf(id))}</span>`))
    .replace(/&lt;@&amp;(\d+)&gt;/g, (_, id) => keep(`<span class="mention role">@${escapeHtml(roleName(id))}</span>`))
    .replace(/&lt;#(\d+)&gt;/g, (_, id) => keep(channelMention(id)))
    .replace(/\*\*\*(.+?)\*\*\*/g, '<strong><em>$1</em></strong>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/__(.+?)__/g, '<u>$1</u>')
    .replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?!\*)/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_(?!\s)([^_\n]+?)_(?![_\w])/g, '$1<em>$2</em>')
    .replace(/~~(.+?)~~/g, '<s>$1</s>')
    .replace(/\|\|(.+?)\|\|/g, '<button type="button" class="spoiler" aria-label="Spoiler, select to reveal">$1</button>')
    .replace(/❌|✅|⚠️|⚠/g, (e) => `<span class="verdict ${verdicts[e]}"><span class="emoji">${e}</span></span>`);
  return out.replace(/\u0000(\d+)\u0000/g, (_, i) => kept[Number(i)]);
}

// Discord's markdown subset: code blocks, block quotes (> and >>>), headers, subtext, lists, then inline formatting.
function markdown(text) {
  if (!text) return '';
  const parts = escapeHtml(text).split(/```/);
  return parts.map((part, i) => {
    if (i % 2 === 1) return `<pre><code>${part.replace(/^[\w+-]*\n/, '')}</code></pre>`;
    const lines = part.split('\n');
    const html = [];
    let list = null;
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      if (line.startsWith('&gt;&gt;&gt; ')) {
        html.push(`<blockquote>${[line.slice(13), ...lines.slice(n + 1)].map(inline).join('<br>')}</blockquote>`);
        break;
      }
      const item = /^(\s*)([-*]|\d+\.) (.*)$/.exec(line);
      if (item) {
        const kind = /\d/.test(item[2]) ? 'ol' : 'ul';
        if (!list || list.kind !== kind) { if (list) html.push(`</${list.kind}>`); list = { kind }; html.push(`<${kind}>`); }
        html.push(`<li>${inline(item[3])}</li>`);
        continue;
      }
      if (list) { html.push(`</${list.kind}>`); list = null; }
      const heading = /^(#{1,3}) (.*)$/.exec(line);
      if (heading) html.push(`<h${heading[1].length + 2} class="md-heading">${inline(heading[2])}</h${heading[1].length + 2}>`);
      else if (line.startsWith('-# ')) html.push(`<small class="subtext">${inline(line.slice(3))}</small>`);
      else if (line.startsWith('&gt; ') || line === '&gt;') html.push(`<blockquote>${inline(line.slice(5))}</blockquote>`);
      else html.push(inline(line) + (n < lines.length - 1 ? '\n' : ''));
    }
    if (list) html.push(`</${list.kind}>`);
    return html.join('');
  }).join('');
}

// ---- components: action rows, buttons, selects, and Components V2 ----

const styles = { 1: 'primary', 2: 'secondary', 3: 'success', 4: 'danger', 5: 'link' };

function buttonName(c) {
  const emoji = c.emoji ? (c.emoji.id ? `:${c.emoji.name}:` : c.emoji.name) : '';
  return [emoji, c.label || ''].filter(Boolean).join(' ');
}

function component(c, message) {
  const key = `${message.id}|${c.custom_id || c.url || ''}`;
  switch (c.type) {
    case 1: return el('div', { class: 'row' }, (c.components || []).map((x) => component(x, message)));
    case 2:
      if (c.style === 5 || c.url) {
        return el('button', { type: 'button', class: 'link', 'data-key': key, disabled: c.disabled, onclick: () => window.open(c.url, '_blank', 'noopener') }, buttonName(c) + ' ↗');
      }
      if (c.style === 6) return el('button', { type: 'button', disabled: true }, buttonName(c) || 'Premium');
      return el('button', {
        type: 'button', class: styles[c.style] || 'secondary', 'data-key': key, disabled: c.disabled,
        onclick: () => post('/api/click', { person: personKey, messageId: message.id, customId: c.custom_id }),
      }, buttonName(c));
    case 3: return el('div', { class: 'row' }, select(c, message, key));
    case 5: case 6: case 7: case 8:
      return el('div', { class: 'row' }, el('select', { 'aria-label': c.placeholder || 'Select', disabled: true }, el('option', {}, c.placeholder || 'Select')));
    case 9:
      // A section: its texts with the accessory (a button, named by its label, or a thumbnail) beside them.
      return el('div', { class: 'section', role: 'group', 'aria-label': plainText((c.components || [])[0]) },
        el('div', {}, (c.components || []).map((x) => component(x, message))), c.accessory ? component(c.accessory, message) : null);
    case 10: return el('div', { class: 'text-display', html: markdown(c.content) });
    case 11: return el('img', { src: c.media && c.media.url, alt: c.description || '', width: 64 });
    case 12: return el('div', { class: 'row' }, (c.items || []).map((i) => el('img', { src: i.media && i.media.url, alt: i.description || '', width: 160 })));
    case 13: {
      const name = (c.file && c.file.url || '').replace('attachment://', '');
      const index = message.attachments.findIndex((a) => a.name === name);
      return index < 0 ? el('span', {}, name) : attachment(message.attachments[index]);
    }
    case 14: return c.divider === false ? el('div', { class: 'spacer', 'aria-hidden': 'true' }) : el('hr', { role: 'separator' });
    case 17: {
      // A container is a group named by its first line (a card's title), so a reader can find it by name.
      const box = el('div', { class: 'container', role: 'group', 'aria-label': plainText((c.components || []).find((x) => x.type === 10 || x.type === 9)) },
        (c.components || []).map((x) => component(x, message)));
      if (c.accent_color) box.style.borderLeftColor = '#' + c.accent_color.toString(16).padStart(6, '0');
      return box;
    }
    default: return null;
  }
}

// The first line of a text display (or a section's first text) without markdown marks: a container's or section's name.
function plainText(c) {
  const text = c && (c.type === 9 ? ((c.components || [])[0] || {}).content : c.content);
  return (text || '').split('\n')[0].replace(/^#+\s*|^-#\s*/, '').replace(/[*_~`|]/g, '').replace(/<[@#]&?!?\d+>|<t:\d+(:\w)?>/g, '').trim().slice(0, 120);
}

// A string select drawn as Discord's (not the browser's list): a combobox named by its placeholder that opens a
// listbox of the options with their descriptions; one pick sends at once, several are sent when the list closes.
function select(c, message, key) {
  const multiple = (c.max_values || 1) > 1;
  const name = c.placeholder || 'Make a selection';
  const chosen = new Set((c.options || []).filter((o) => o.default).map((o) => o.value));
  const wrap = el('div', { class: 'select' });
  const listId = `list-${message.id}-${(c.custom_id || '').replace(/[^\w-]/g, '_')}`;
  const shown = () => (c.options || []).filter((o) => chosen.has(o.value)).map((o) => o.label).join(', ');
  const button = el('button', {
    type: 'button', role: 'combobox', 'aria-label': name, 'aria-haspopup': 'listbox', 'aria-expanded': 'false', 'aria-controls': listId,
    'data-key': key, disabled: c.disabled,
  }, shown() || el('span', { class: 'placeholder', text: name }));
  const send = () => post('/api/select', { person: personKey, messageId: message.id, customId: c.custom_id, values: [...chosen] });
  const close = (submit) => {
    const list = wrap.querySelector('[role="listbox"]');
    if (!list) return;
    list.remove();
    button.setAttribute('aria-expanded', 'false');
    if (submit && multiple && chosen.size >= (c.min_values ?? 1)) send();
  };
  const open = () => {
    const list = el('ul', { role: 'listbox', id: listId, 'aria-label': name, 'aria-multiselectable': multiple ? 'true' : null },
      (c.options || []).map((o) => el('li', {
        role: 'option', 'aria-selected': chosen.has(o.value) ? 'true' : 'false',
        onmousedown: (e) => e.preventDefault(),
        onclick: () => {
          if (multiple) {
            if (chosen.has(o.value)) chosen.delete(o.value); else if (chosen.size < c.max_values) chosen.add(o.value);
            list.querySelectorAll('[role="option"]').forEach((n, i) => n.setAttribute('aria-selected', chosen.has(c.options[i].value) ? 'true' : 'false'));
          } else {
            chosen.clear(); chosen.add(o.value); close(false); send();
          }
        },
      }, [o.emoji ? o.emoji.name + ' ' : '', o.label].join(''), o.description ? el('span', { class: 'option-description', text: o.description }) : null)));
    wrap.append(list);
    button.setAttribute('aria-expanded', 'true');
  };
  button.addEventListener('click', () => (button.getAttribute('aria-expanded') === 'true' ? close(true) : open()));
  button.addEventListener('keydown', (e) => {
    const list = wrap.querySelector('[role="listbox"]');
    if (e.key === 'Escape') { close(true); return; }
    if (!list && (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); open(); return; }
    if (!list) return;
    const items = [...list.querySelectorAll('[role="option"]')];
    let at = items.findIndex((n) => n.classList.contains('active'));
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      at = (at + (e.key === 'ArrowDown' ? 1 : items.length - 1) + (at < 0 && e.key === 'ArrowUp' ? 1 : 0)) % items.length;
      items.forEach((n, i) => n.classList.toggle('active', i === at));
      button.setAttribute('aria-activedescendant', '');
    } else if ((e.key === 'Enter' || e.key === ' ') && at >= 0) {
      e.preventDefault();
      items[at].click();
    }
  });
  button.addEventListener('blur', () => close(true));
  wrap.append(button);
  return wrap;
}

function attachment(a) {
  return el('a', { class: 'attachment', href: a.url, target: '_blank', rel: 'noopener' }, `📎 ${a.name} (${a.size} bytes)`);
}

function embed(e) {
  const box = el('div', { class: 'embed' });
  if (e.color) box.style.borderLeftColor = '#' + e.color.toString(16).padStart(6, '0');
  if (e.author) box.append(el('div', { class: 'embed-author', text: e.author.name }));
  if (e.title) box.append(el('div', { class: 'embed-title', html: e.url ? `<a href="${escapeHtml(e.url)}" target="_blank" rel="noopener">${markdown(e.title)}</a>` : markdown(e.title) }));
  if (e.description) box.append(el('div', { class: 'embed-description', html: markdown(e.description) }));
  if (e.fields && e.fields.length) {
    box.append(el('div', { class: 'fields' }, e.fields.map((f) => el('div', { class: f.inline ? 'field inline' : 'field' },
      el('div', { class: 'field-name', html: markdown(f.name) }), el('div', { class: 'field-value', html: markdown(f.value) })))));
  }
  if (e.footer) box.append(el('div', { class: 'embed-footer', text: e.footer.text }));
  return box;
}

function message(m) {
  const isV2 = (m.flags & 32768) !== 0;
  const loading = (m.flags & 128) !== 0 && !m.content && !m.embeds.length && !(isV2 && m.components.length);
  const inlineFiles = isV2 ? new Set() : null;
  return el('article', { class: 'message' + (m.ephemeralFor ? ' ephemeral' : ''), 'aria-label': `${m.author.name} at ${m.timestamp}` },
    m.usedCommand ? el('div', { class: 'used-command' }, `${m.usedCommand.user} used `, el('span', { class: 'command', text: m.usedCommand.name })) : null,
    el('header', {}, m.author.bot || !hasUserApps() ? el('span', { class: 'author', text: m.author.name }) : authorButton(m),
      m.author.bot ? el('span', { class: 'bot-tag', text: 'APP' }) : null,
      el('span', { class: 'time', text: m.timestamp }), m.edited ? el('span', { class: 'edited', text: '(edited)' }) : null),
    loading ? el('div', { class: 'loading', text: `${m.author.name} is thinking…` }) : null,
    m.content ? el('div', { class: 'content', html: markdown(m.content) }) : null,
    m.embeds.map(embed),
    m.components.map((c) => component(c, m)),
    inlineFiles ? null : m.attachments.map(attachment),
    m.ephemeralFor ? el('div', { class: 'ephemeral-note', text: '👁 Only you can see this' }) : null);
}

// User commands live where Discord puts them: on the person (click the name → Apps → the command), not on every message.
const userApps = () => (state.commands || []).filter((c) => c.type === 2);
const hasUserApps = () => userApps().length > 0;

function authorButton(m) {
  return el('button', {
    type: 'button', class: 'author-button', 'aria-haspopup': 'menu', 'data-key': `${m.id}|author`,
    onclick: (e) => openApps(e.currentTarget, m),
  }, m.author.name);
}

function openApps(anchor, m) {
  closeApps();
  const menu = el('div', { class: 'apps-menu', role: 'menu', 'aria-label': `Apps for ${m.author.name}`, id: 'apps-menu',
    onkeydown: (e) => { if (e.key === 'Escape') { closeApps(); anchor.focus(); } } },
  el('div', { class: 'menu-title', 'aria-hidden': 'true', text: 'Apps' }),
  userApps().map((c) => el('button', {
    type: 'button', role: 'menuitem',
    onclick: () => { closeApps(); post('/api/user-command', { person: personKey, channelId: m.channelId, name: c.name, targetId: m.author.id }); },
  }, c.name)));
  menu.style.left = `${anchor.offsetLeft}px`;
  menu.style.top = `${anchor.offsetTop + anchor.offsetHeight + 4}px`;
  anchor.closest('article').append(menu);
  anchor.setAttribute('aria-expanded', 'true');
  menu.querySelector('[role="menuitem"]').focus();
}

function closeApps() {
  const open = $('apps-menu');
  if (!open) return;
  const anchor = open.closest('article').querySelector('.author-button');
  if (anchor) anchor.setAttribute('aria-expanded', 'false');
  open.remove();
}

document.addEventListener('mousedown', (e) => { if (!e.target.closest('#apps-menu')) closeApps(); });

// ---- drawing ----

// Buttons are rebuilt only when what they show changes: the page redraws on every event from the sandbox, and a button
// replaced between a click's mousedown and mouseup never gets the click (a person switch or a channel lost that way).
function replaceIfChanged(box, signature, build) {
  if (box.dataset.signature === signature) return;
  box.dataset.signature = signature;
  box.replaceChildren(...build());
}

function renderPeople() {
  const signature = personKey + '|' + state.people.map((p) => p.key + ':' + p.name).join('|');
  replaceIfChanged($('people'), signature, () => state.people.map((p) => el('button', {
    type: 'button', 'aria-pressed': p.key === personKey ? 'true' : 'false',
    onclick: () => { personKey = p.key; lastMessages = ''; render(); },
  }, p.name)));
}

// The acting person's Discord language (PRODUCT.md §8, §12): their interactions carry it as `locale` from the next one on.
function renderLanguage() {
  const select = $('person-language');
  const me = person();
  const signature = personKey + me.locale + state.languages.length;
  if (select.dataset.signature === signature) return;
  select.dataset.signature = signature;
  select.replaceChildren(...state.languages.map((l) => el('option', { value: l.locale }, l.name)));
  select.value = me.locale;
}

function channelButton(c, extraClass) {
  const count = visibleMessages(c.id).length;
  const unread = c.id !== channelId && count > (seen.get(personKey + c.id) || 0);
  return el('li', { class: extraClass }, el('button', {
    type: 'button', class: unread ? 'unread' : null, 'aria-current': c.id === channelId ? 'true' : null, 'data-channel': c.id,
    onclick: () => { channelId = c.id; lastMessages = ''; render(); $('message-box').focus(); },
  }, c.name));
}

function renderChannels(channels) {
  const items = [];
  for (const c of channels.filter((x) => x.kind === 'text')) {
    items.push(channelButton(c));
    for (const t of channels.filter((x) => x.kind === 'thread' && x.parentId === c.id)) items.push(channelButton(t, 'thread'));
  }
  for (const d of channels.filter((x) => x.kind === 'dm')) items.push(channelButton(d));
  const signature = items.map((li) => li.className + '>' + li.firstChild.className + '>' + li.firstChild.getAttribute('aria-current') + '>' + li.firstChild.dataset.channel + '>' + li.firstChild.textContent).join('|');
  replaceIfChanged($('channels'), signature, () => items);
}

function renderMessages() {
  const list = visibleMessages(channelId);
  const signature = personKey + channelId + JSON.stringify(list);
  if (signature === lastMessages) return;
  lastMessages = signature;
  seen.set(personKey + channelId, list.length);
  const focused = document.activeElement && document.activeElement.closest('#messages') ? document.activeElement.getAttribute('data-key') : null;
  const box = $('messages');
  // As Discord: a new channel opens at its newest message; new messages keep it there unless the reader scrolled up.
  const where = personKey + channelId;
  const atBottom = where !== shownChannel || box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  shownChannel = where;
  box.replaceChildren(...list.map(message));
  if (atBottom) box.scrollTop = box.scrollHeight;
  if (focused) {
    const again = [...box.querySelectorAll('[data-key]')].find((n) => n.getAttribute('data-key') === focused);
    if (again) again.focus();
  }
}

// As Discord's client: where the person can't write, the message box says why and takes nothing.
function renderComposer() {
  const c = state.channels.find((x) => x.id === channelId);
  const box = $('message-box');
  const canPost = c && c.posters.includes(person().userId);
  const note = !c || canPost ? `Message ${c && c.kind === 'text' ? '#' + c.name.replace(/^#/, '') : (c ? c.name : '')} — type / for the bot's commands`
    : c.locked ? 'This thread is locked.' : 'You do not have permission to send messages in this channel.';
  box.disabled = !canPost;
  box.placeholder = note;
}

function renderHeader() {
  const c = state.channels.find((x) => x.id === channelId);
  $('channel-title').textContent = c ? (c.kind === 'text' && !c.name.startsWith('#') ? '#' + c.name : c.name) : '';
  $('channel-note').textContent = c && c.kind === 'thread' ? [c.private ? 'private thread' : 'thread', c.locked ? 'locked' : '', c.archived ? 'archived' : ''].filter(Boolean).join(' · ') : '';
}

function renderForm() {
  const me = person();
  const form = state.forms.find((f) => f.userId === me.userId) || null;
  const id = form ? form.interactionId : null;
  if (id === shownForm) return;
  shownForm = id;
  const layer = $('form-layer');
  if (!form) { layer.replaceChildren(); return; }
  const modal = form.modal;
  const fields = [];
  const inputs = [];
  for (const c of modal.components || []) {
    const input = c.type === 18 ? c.component : c.type === 1 ? (c.components || [])[0] : null;
    if (c.type === 10) { fields.push(el('p', { html: markdown(c.content) })); continue; }
    if (!input) continue;
    inputs.push(input);
    const inputId = 'form-' + input.custom_id;
    const label = c.type === 18 ? c.label : input.label;
    const hint = c.description ? el('p', { class: 'description', id: inputId + '-hint', text: c.description }) : null;
    const described = hint ? inputId + '-hint' : undefined;
    const required = input.required !== false;
    if (input.type === 21 || input.type === 22) {
      // A radio group (one choice) or a checkbox group (several), as a labelled group of native inputs.
      const kind = input.type === 21 ? 'radio' : 'checkbox';
      fields.push(el('fieldset', { id: inputId, 'aria-describedby': described },
        el('legend', { text: label }), hint,
        (input.options || []).map((o) => el('label', { class: 'choice' },
          el('input', { type: kind, name: input.custom_id, value: o.value, checked: o.default === true, required: kind === 'radio' && required }),
          ' ' + o.label))));
      continue;
    }
    if (input.type === 23) {
      fields.push(el('label', { class: 'choice' }, el('input', { type: 'checkbox', id: inputId, name: input.custom_id, checked: input.default === true, 'aria-describedby': described }), ' ' + label), hint);
      continue;
    }
    fields.push(el('label', { for: inputId, text: label }));
    if (hint) fields.push(hint);
    if (input.type === 3) {
      // As Discord's client: the placeholder until something is chosen, unless an option is the default.
      const chosen = (input.options || []).some((o) => o.default === true);
      const placeholder = input.placeholder ? el('option', { value: '', disabled: true, selected: !chosen }, input.placeholder) : null;
      fields.push(el('select', { id: inputId, name: input.custom_id, required, multiple: (input.max_values || 1) > 1, 'aria-describedby': described },
        placeholder, (input.options || []).map((o) => el('option', { value: o.value, selected: o.default === true }, o.label))));
    } else if (input.type === 19) {
      fields.push(el('input', { type: 'file', id: inputId, name: input.custom_id, multiple: (input.max_values || 1) > 1, required: required && (input.min_values ?? 1) > 0, 'aria-describedby': described }));
    } else {
      fields.push(el(input.style === 2 ? 'textarea' : 'input', {
        id: inputId, name: input.custom_id, placeholder: input.placeholder, required,
        minlength: input.min_length, maxlength: input.max_length, value: input.value, 'aria-describedby': described,
      }));
    }
  }
  const cancel = () => post('/api/form/cancel', { person: personKey, interactionId: id });
  const body = el('form', {
    onsubmit: async (e) => {
      e.preventDefault();
      // Each answer as Discord sends it back: text, chosen values, a tick, or files (read here, sent as base64).
      const answers = {};
      for (const input of inputs) {
        const named = [...e.target.querySelectorAll('[name]')].filter((x) => x.name === input.custom_id);
        if (input.type === 3) answers[input.custom_id] = [...named[0].selectedOptions].map((o) => o.value).filter((v) => v !== '');
        else if (input.type === 22) answers[input.custom_id] = named.filter((x) => x.checked).map((x) => x.value);
        else if (input.type === 21) answers[input.custom_id] = (named.find((x) => x.checked) || {}).value ?? null;
        else if (input.type === 23) answers[input.custom_id] = named[0].checked;
        else if (input.type === 19) {
          const files = [];
          for (const file of named[0].files) {
            const bytes = new Uint8Array(await file.arrayBuffer());
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            files.push({ name: file.name, type: file.type || 'application/octet-stream', data: btoa(binary) });
          }
          answers[input.custom_id] = files;
        } else answers[input.custom_id] = named[0].value;
      }
      await post('/api/form', { person: personKey, interactionId: id, answers });
    },
  }, fields, el('div', { class: 'modal-actions' }, el('button', { type: 'button', onclick: cancel }, 'Cancel'), el('button', { type: 'submit' }, 'Submit')));
  const dialog = el('div', { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'form-title', onkeydown: (e) => { if (e.key === 'Escape') cancel(); } },
    el('h2', { id: 'form-title', text: modal.title }), body);
  layer.replaceChildren(el('div', { class: 'backdrop' }, dialog));
  const first = dialog.querySelector('input, textarea, select');
  if (first) first.focus();
}

const switches = [
  ['unified', 'Unified account'], ['readOnly', 'Read-only key'], ['withdraw', 'Withdrawal permission'],
  ['transfer', 'Transfer permissions'], ['extra', 'Extra permissions (Spot, Options)'], ['hedge:BTCUSDT', 'Hedge Mode on BTCUSDT'],
  ['hedge:ETHUSDT', 'Hedge Mode on ETHUSDT'], ['position', 'Open position'], ['ipBound', 'Bound to an IP address'], ['expired', 'Key expired'],
];

function renderBybit() {
  const select = $('bybit-account');
  const accounts = state.bybit.accounts;
  if (select.options.length !== accounts.length) {
    const current = select.value;
    select.replaceChildren(...accounts.map((a) => el('option', { value: a.name }, a.name)));
    select.value = current || 'hedge-mode';
  }
  const a = accounts.find((x) => x.name === select.value) || accounts[0];
  const signature = JSON.stringify([a, state.bybit.outage]);
  if (signature === lastBybit || $('bybit-switches').contains(document.activeElement) && document.activeElement.type === 'number') return;
  lastBybit = signature;
  $('bybit-description').textContent = a.description;
  $('bybit-key').textContent = a.key;
  $('bybit-secret').textContent = a.secret;
  const set = (setting, value) => post('/api/bybit', { account: a.name, setting, value });
  const value = (k) => (k.startsWith('hedge:') ? a.hedge[k.slice(6)] : a[k]);
  const rows = switches.map(([k, label]) => el('label', {},
    el('input', { type: 'checkbox', role: 'switch', checked: value(k), onchange: (e) => set(k, e.target.checked) }), label));
  rows.push(el('label', {}, el('input', { type: 'number', min: 0, step: 10, value: a.balance, onchange: (e) => set('balance', e.target.value) }), 'Balance (USD)'));
  rows.push(el('label', {}, el('input', { type: 'number', min: 0, step: 500, value: a.latencyMs, onchange: (e) => set('latencyMs', e.target.value) }), 'Latency (ms)'));
  rows.push(el('label', {}, el('input', { type: 'checkbox', role: 'switch', checked: state.bybit.outage, onchange: (e) => set('outage', e.target.checked) }), 'Bybit outage (every request 503)'));
  $('bybit-switches').replaceChildren(...rows);
}

function render() {
  if (!state) return;
  const channels = visibleChannels();
  if (!channels.some((c) => c.id === channelId)) channelId = channels[0].id;
  renderPeople();
  renderLanguage();
  renderChannels(channels);
  renderHeader();
  renderComposer();
  renderMessages();
  renderForm();
  renderBybit();
  $('clock-now').textContent = state.clock.now + (state.clock.advancedMinutes ? ` (advanced ${state.clock.advancedMinutes} min)` : '');
  $('bot-status').textContent = `Bot: ${state.bot}`;
  $('content-status').textContent = state.content.reloads ? `Edit ${state.content.reloads} loaded at ${state.content.reloadedAt}` : 'As loaded at start';
  $('content-error').textContent = state.content.error ? `Your last edit was not loaded; the bot keeps the last good content.\n${state.content.error}` : '';
}

// ---- the message box, with the bot's registered commands as suggestions ----

function commandEntries() {
  const entries = [];
  for (const c of (state.commands || []).filter((x) => (x.type || 1) === 1)) {
    const subs = (c.options || []).filter((o) => o.type === 1);
    if (subs.length) {
      for (const s of subs) entries.push({ text: `/${c.name} ${s.name}`, hint: s.description, options: s.options || [] });
    } else {
      entries.push({ text: `/${c.name}`, hint: c.description, options: c.options || [] });
    }
  }
  return entries;
}

// ---- choices for the option being typed: the bot's autocomplete answer, or the emulator's member/channel picker ----

let choices = null;
let choiceTimer = null;

function optionBeingTyped(value) {
  const m = /\s([a-z_-]+):([^:]*)$/.exec(value);
  return m ? { name: m[1], typed: m[2] } : null;
}

function askForChoices() {
  clearTimeout(choiceTimer);
  const value = $('message-box').value;
  const option = value.startsWith('/') ? optionBeingTyped(value) : null;
  if (!option) { choices = null; return; }
  choiceTimer = setTimeout(async () => {
    const response = await fetch('/api/suggest', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ person: personKey, channelId, text: value }) });
    if (!response.ok || $('message-box').value !== value) return;
    const found = (await response.json()).choices || [];
    const head = value.slice(0, value.length - option.typed.length);
    choices = { forText: value, label: `Choices for ${option.name}:`, list: found.map((c) => ({ text: head + c.value + ' ', label: c.name, hint: '', choice: true })) };
    showSuggestions();
  }, 120);
}

function suggestionsFor(value) {
  if (choices && choices.forText === value && choices.list.length) return choices.list;
  if (!value.startsWith('/') || !state) return [];
  const entries = commandEntries();
  const exact = entries.filter((e) => value.startsWith(e.text + ' ')).sort((a, b) => b.text.length - a.text.length)[0];
  if (exact) {
    const typed = value.slice(exact.text.length);
    return exact.options.filter((o) => !typed.includes(` ${o.name}:`))
      .map((o) => ({ text: `${value.replace(/\s*$/, ' ')}${o.name}:`, label: `${o.name}:`, hint: (o.required ? '' : '(optional) ') + (o.description || '') }));
  }
  return entries.filter((e) => e.text.startsWith(value.trim())).map((e) => ({ text: e.text + (e.options.length ? ' ' : ''), label: e.text, hint: e.hint }));
}

function showSuggestions() {
  const box = $('suggestions');
  const list = suggestionsFor($('message-box').value);
  if (!list.length) { box.hidden = true; box.replaceChildren(); suggestion = -1; return; }
  suggestion = Math.min(suggestion, list.length - 1);
  box.replaceChildren(...list.map((s, i) => el('li', {
    role: 'option', id: `suggestion-${i}`, 'aria-selected': i === suggestion ? 'true' : 'false',
    onmousedown: (e) => { e.preventDefault(); accept(s); },
  }, s.label, el('span', { class: 'hint', text: s.hint || '' }))));
  box.setAttribute('aria-label', choices && choices.forText === $('message-box').value && choices.list.length ? choices.label : 'Commands');
  box.hidden = false;
  $('message-box').setAttribute('aria-activedescendant', suggestion >= 0 ? `suggestion-${suggestion}` : '');
}

function accept(s) {
  $('message-box').value = s.text;
  suggestion = -1;
  choices = null;
  if (!s.choice) askForChoices();
  showSuggestions();
  $('message-box').focus();
}

$('message-box').addEventListener('input', () => { suggestion = -1; showSuggestions(); askForChoices(); });
$('message-box').addEventListener('keydown', (e) => {
  const list = suggestionsFor(e.target.value);
  if (!list.length) return;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    suggestion = (suggestion + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length;
    showSuggestions();
  } else if (e.key === 'Tab' || (e.key === 'Enter' && suggestion >= 0)) {
    e.preventDefault();
    accept(list[Math.max(suggestion, 0)]);
  } else if (e.key === 'Escape') {
    $('suggestions').hidden = true;
  }
});
$('composer').addEventListener('submit', async (e) => {
  e.preventDefault();
  const box = $('message-box');
  const text = box.value.trim();
  if (!text) return;
  if (await post('/api/command', { person: personKey, channelId, text })) {
    box.value = '';
    showSuggestions();
  }
});

for (const button of document.querySelectorAll('[data-minutes]')) {
  button.addEventListener('click', () => post('/api/clock', { minutes: Number(button.dataset.minutes) }));
}
$('messages').addEventListener('click', (e) => {
  const spoiler = e.target.closest('.spoiler');
  if (spoiler) { spoiler.classList.add('revealed'); spoiler.setAttribute('aria-label', 'Spoiler'); return; }
  const link = e.target.closest('[data-channel]');
  if (!link) return;
  e.preventDefault();
  channelId = link.getAttribute('data-channel');
  lastMessages = '';
  render();
});
$('bybit-account').addEventListener('change', () => { lastBybit = ''; renderBybit(); });
$('person-language').addEventListener('change', (e) => { post('/api/locale', { person: personKey, locale: e.target.value }); });

const events = new EventSource('/events');
events.onmessage = (e) => { state = JSON.parse(e.data); receivedAt = Date.now(); render(); };
events.onerror = () => { $('bot-status').textContent = 'The sandbox stopped (or is restarting): reload the page when it is back.'; };
