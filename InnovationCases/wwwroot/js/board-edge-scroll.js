// Edge auto-scroll for the board while a card is dragged (native HTML5 drag and drop: the cards
// are draggable, the columns take the drop). Near the top or bottom edge of a column's card list that list
// scrolls; near the left or right edge of the board the row of columns scrolls. Browsers fire
// dragover only while the pointer moves (or at a slow, uneven rate), so once the pointer is in an
// edge band a frame loop keeps scrolling until it leaves the band, the list ends, or the drag ends.
//
// Also: a column's list scrolled to its end loads the column's next page, as its "Vis flere" button
// does (the button stays, for the keyboard). The board opens with a short first page per column,
// about what a column shows; where a taller window leaves a list room below its last card (it cannot
// be scrolled to its end, it is there), room() names those columns and the board loads their next page.

const EDGE = 56;      // px: the band along an edge in which a drag scrolls
const MAX_STEP = 16;  // px per frame at the very edge; slower further in

const attached = new Map();

function step(depth) {
    return Math.max(2, Math.round(MAX_STEP * Math.min(1, depth / EDGE)));
}

// Scrolls el along one axis if pos lies in its start or end band; true when it moved.
function nudge(el, pos, start, end, vertical) {
    const now = vertical ? el.scrollTop : el.scrollLeft;
    const max = vertical ? el.scrollHeight - el.clientHeight : el.scrollWidth - el.clientWidth;
    let delta = 0;
    if (pos < start + EDGE && now > 0) {
        delta = -step(start + EDGE - pos);
    } else if (pos > end - EDGE && now < max) {
        delta = step(pos - (end - EDGE));
    }
    if (delta === 0) {
        return false;
    }
    if (vertical) {
        el.scrollTop = now + delta;
    } else {
        el.scrollLeft = now + delta;
    }
    return true;
}

function scrollAt(board, x, y) {
    let moved = false;
    const under = document.elementFromPoint(x, y);
    const list = under && under.closest('.board-column__scroll');
    if (list && board.contains(list)) {
        const r = list.getBoundingClientRect();
        moved = nudge(list, y, r.top, r.bottom, true);
    }
    const b = board.getBoundingClientRect();
    return nudge(board, x, b.left, b.right, false) || moved;
}

// The stages (data-stage) of the shown columns whose list ends in view and has more cards to load.
export function room(board) {
    if (!board) {
        return [];
    }
    return [...board.querySelectorAll('.board-column__scroll')]
        .filter(list => list.offsetParent !== null && list.querySelector(':scope > .board-column__more')
            && list.scrollTop + list.clientHeight >= list.scrollHeight - 48)
        .map(list => list.closest('[data-stage]').dataset.stage);
}

// Returns room(board): the board asks for it once it is attached, in the same call.
export function attach(board) {
    if (!board || attached.has(board)) {
        return room(board);
    }
    const state = { x: 0, y: 0, frame: 0 };
    const stop = () => {
        if (state.frame) {
            cancelAnimationFrame(state.frame);
        }
        state.frame = 0;
    };
    const tick = () => {
        state.frame = scrollAt(board, state.x, state.y) ? requestAnimationFrame(tick) : 0;
    };
    const over = e => {
        state.x = e.clientX;
        state.y = e.clientY;
        if (!state.frame) {
            state.frame = requestAnimationFrame(tick);
        }
    };
    const leave = e => {
        const r = board.getBoundingClientRect();
        if (e.clientX <= r.left || e.clientX >= r.right || e.clientY <= r.top || e.clientY >= r.bottom) {
            stop();
        }
    };
    // Firefox starts a drag only when the drag carries data; the case number is what it is.
    const start = e => {
        const card = e.target instanceof Element ? e.target.closest('[data-case-number]') : null;
        if (card && e.dataTransfer) {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', card.dataset.caseNumber);
        }
    };
    // Scroll events do not bubble; a capturing listener on the board hears every list's.
    const lastAsked = new WeakMap();
    const scrolled = e => {
        const list = e.target;
        if (!(list instanceof Element) || !list.classList.contains('board-column__scroll')
            || list.scrollTop + list.clientHeight < list.scrollHeight - 48) {
            return;
        }
        const more = list.querySelector(':scope > .board-column__more');
        const now = performance.now();
        // The board ignores a request while it is loading; asking again after a pause is harmless.
        if (more && now - (lastAsked.get(list) ?? -Infinity) > 400) {
            lastAsked.set(list, now);
            more.click();
        }
    };
    board.addEventListener('scroll', scrolled, true);
    board.addEventListener('dragstart', start);
    board.addEventListener('dragover', over);
    board.addEventListener('dragleave', leave);
    board.addEventListener('drop', stop);
    document.addEventListener('dragend', stop, true);
    attached.set(board, { start, over, leave, stop, scrolled });
    return room(board);
}

export function detach(board) {
    const handlers = attached.get(board);
    if (!handlers) {
        return;
    }
    handlers.stop();
    board.removeEventListener('scroll', handlers.scrolled, true);
    board.removeEventListener('dragstart', handlers.start);
    board.removeEventListener('dragover', handlers.over);
    board.removeEventListener('dragleave', handlers.leave);
    board.removeEventListener('drop', handlers.stop);
    document.removeEventListener('dragend', handlers.stop, true);
    attached.delete(board);
}
