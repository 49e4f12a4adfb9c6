/**
 * The tabs of a project. Only the history ("Chat") exists in this release.
 * PLACEHOLDER: Terminal, Files and Git are shown disabled until their APIs land
 * (/ws/terminal, /projects/{id}/files, /projects/{id}/git).
 */
export function WorkspaceTabs() {
  const soon = 'Coming in a later release';
  return (
    <div className="tabs" role="tablist" aria-label="Project views">
      <button type="button" role="tab" aria-selected="true" className="tab">Chat</button>
      <button type="button" role="tab" aria-selected="false" aria-disabled="true" disabled title={soon} className="tab">Terminal</button>
      <button type="button" role="tab" aria-selected="false" aria-disabled="true" disabled title={soon} className="tab">Files</button>
      <button type="button" role="tab" aria-selected="false" aria-disabled="true" disabled title={soon} className="tab">Git</button>
    </div>
  );
}
