/** Styles of the teach-mode picker's shadow root (kept apart from the page and the overlay). */
export const PICKER_CSS = `
:host { all: initial !important; color-scheme: light dark; }
.box { position: fixed; pointer-events: none; z-index: 2147483646; border: 2px solid #2563eb;
  background: rgb(37 99 235 / 0.12); border-radius: 3px; display: none; }
.panel { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); z-index: 2147483647;
  width: min(520px, calc(100vw - 24px)); padding: 12px 14px; border-radius: 10px;
  background: #fff; color: #0f172a; border: 1px solid #cbd5e1; box-shadow: 0 12px 32px rgb(15 23 42 / 0.3);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; }
@media (prefers-color-scheme: dark) {
  .panel { background: #0f172a; color: #e2e8f0; border-color: #334155; }
}
.prompt { font-weight: 600; font-size: 14px; margin: 0 0 4px; }
.hint, .sel { color: #64748b; font-size: 12px; margin: 2px 0; overflow-wrap: anywhere; }
.preview { margin: 6px 0; padding: 0; list-style: none; }
.preview li { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.row { display: flex; gap: 8px; margin-top: 8px; justify-content: flex-end; }
button { font: inherit; border: 1px solid #cbd5e1; background: transparent; color: inherit; border-radius: 6px;
  padding: 3px 10px; cursor: pointer; }
button.primary { background: #2563eb; border-color: #2563eb; color: #fff; }
.error { color: #b91c1c; }
`;
