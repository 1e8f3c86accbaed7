// The board's one move menu: placed at the card's "Flyt til…" button (below it, or above when the
// window ends), its first move focused, and the keys of a menu. Escape and Tab give the focus back
// to the button; the component closes the menu on the same keys.

function button(caseNumber) {
    return document.querySelector(`[data-move-menu="${CSS.escape(caseNumber)}"]`);
}

function place(menu, anchor) {
    const r = anchor.getBoundingClientRect();
    const margin = 8;
    const left = Math.max(margin, Math.min(r.left, window.innerWidth - menu.offsetWidth - margin));
    let top = r.bottom + 4;
    if (top + menu.offsetHeight > window.innerHeight - margin) {
        top = Math.max(margin, r.top - menu.offsetHeight - 4);
    }
    menu.style.left = `${left}px`;
    menu.style.top = `${top}px`;
}

export function open(menu, caseNumber) {
    if (!menu) {
        return;
    }
    const anchor = button(caseNumber);
    if (anchor) {
        place(menu, anchor);
    }
    menu.style.visibility = 'visible';
    const items = () => Array.from(menu.querySelectorAll('[role="menuitem"]'));
    menu.addEventListener('keydown', e => {
        const all = items();
        const at = all.indexOf(document.activeElement);
        let next = -1;
        switch (e.key) {
            case 'ArrowDown': next = (at + 1) % all.length; break;
            case 'ArrowUp': next = (at - 1 + all.length) % all.length; break;
            case 'Home': next = 0; break;
            case 'End': next = all.length - 1; break;
            case 'Escape':
            case 'Tab':
                e.preventDefault();
                button(caseNumber)?.focus();
                return;
            default:
                return;
        }
        e.preventDefault();
        all[next]?.focus();
    });
    items()[0]?.focus();
}
